from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CooperationField, OrganisationDetails


class OrganisationDetailsViewSet(SnippetViewSet):
    model = OrganisationDetails
    icon = "group"
    menu_label = _("Organisation details")
    list_display = ["organisation_name", "project_name"]


register_snippet(OrganisationDetailsViewSet)


class CooperationFieldViewSet(SnippetViewSet):
    model = CooperationField
    icon = "tag"
    menu_label = _("Fields of cooperation")
    list_display = ["name"]


register_snippet(CooperationFieldViewSet)
