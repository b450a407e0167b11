from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .api_filters import FILTERS
from .leichte_sprache import page_warnings
from .models import CooperationField, OrganisationDetails


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_leichte_sprache_rules(request, page):
    """Tell the editor, after saving, which texts break a rule of Leichte Sprache; never refuse."""
    for warning in page_warnings(page.specific):
        messages.warning(request, warning)


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


@hooks.register("register_api_page_filters")
def api_page_filters():
    """This app's filters of the API's pages listing (see pagebase.api_filters)."""
    return FILTERS
