"""The start of the admin for registrations: the organisers' own start page, and a panel on the
editors' dashboard, both listing events with their figures and downloads."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

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
