"""The start of the admin for registrations: the organisers' own start page, a panel on the
editors' dashboard and the forms index, all listing events with their figures and downloads."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.base import BaseListingView
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.contrib.forms.views import FormPagesListView

from .overview import forms_of, overviews, recent


class RegistrationsPanel(Component):
    """On the editors' dashboard: the registrations of current and recent events."""

    name = "registrations"
    order = 50
    template_name = "events/admin/registrations_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"overviews": overviews(recent(forms_of(request.user)))}


class OrganiserHomeView(WagtailAdminTemplateMixin, TemplateView):
    """What an organiser sees after logging in: their events, each with its figures and its
    downloads, instead of Wagtail's dashboard, whose page search and site summary are about
    pages they cannot open."""

    template_name = "events/admin/organiser_home.html"
    page_title = pgettext_lazy("organisers' start page", "Your events")
    header_icon = "form"
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["overviews"] = overviews(forms_of(self.request.user))
        context["no_events"] = _("You are not named as organiser of any event yet.")
        return context


class ActionsColumn(Column):
    """The actions on an event's registrations, each a button."""

    cell_template_name = "events/admin/actions_cell.html"


class FormsIndexView(BaseListingView):
    """Wagtail's list of forms, as one row per event: the German form, which owns the event's
    registrations in every language, with its languages, figures and downloads.

    Open to organisers, who have no page permissions; the forms listed are still only those
    `get_forms_for_user` allows.
    """

    template_name = "wagtailadmin/generic/listing.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    context_object_name = "form_pages"
    paginate_by = 20
    index_url_name = "wagtailforms:index"
    index_results_url_name = "wagtailforms:index_results"
    # Wagtail's own title, in Wagtail's own translations.
    page_title = FormPagesListView.page_title
    header_icon = "form"
    columns = [
        TitleColumn(
            "event",
            accessor="event.title",
            label=pgettext_lazy("forms index", "Event"),
            get_url=lambda overview: overview.registrations_url,
        ),
        Column("event_date", label=pgettext_lazy("forms index", "Date")),
        Column(
            "languages",
            accessor=lambda overview: ", ".join(overview.language_names),
            label=pgettext_lazy("forms index", "Languages"),
        ),
        Column("deadline", label=pgettext_lazy("forms index", "Registration until")),
        StatusTagColumn("state_label", label=pgettext_lazy("forms index", "Registration")),
        Column(
            "confirmed",
            accessor="total.confirmed",
            label=pgettext_lazy("forms index", "Confirmed"),
        ),
        Column(
            "waiting",
            accessor="total.waiting",
            label=pgettext_lazy("forms index", "Waiting list"),
        ),
        ActionsColumn("actions", label=pgettext_lazy("forms index", "Actions")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_queryset(self):
        return forms_of(self.request.user)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, forms, is_paginated = super().paginate_queryset(queryset, page_size)
        return paginator, page, overviews(forms), is_paginated
