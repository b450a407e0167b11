from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import HomePage

from .api_filters import FILTERS
from .models import EventPage, RegistrationFormPage, Venue
from .next_year_views import NextYearChecklistView, PrepareNextYearView, may_prepare_next_year
from .registration import attendance, figures
from .registration.admin import RegistrationDeleteSubmissionsView
from .registration.dashboard import FormsIndexView, RegistrationsPanel
from .registration.models import ORGANISERS_GROUP
from .registration.organisers import organisers_menu
from .registration.pages import owning_forms
from .registration.signin_list import sign_in_list
from .related_events import page_events
from .templatetags.event_tags import upcoming_events


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    list_display = ["name", "city"]
    search_fields = ["name", "city"]


register_snippet(VenueViewSet)


@hooks.register("filter_form_submissions_for_user")
def add_forms_the_user_organises(user, editable_forms):
    """Members of the organisers' group also see the forms that name them, in every language."""
    if not user.is_active or not user.groups.filter(name=ORGANISERS_GROUP).exists():
        return editable_forms
    # The German form's organisers count; a translation's copy of the list is never read.
    organised = (
        owning_forms(RegistrationFormPage.objects.all())
        .filter(organisers=user)
        .values("translation_key")
    )
    return Page.objects.filter(
        Q(pk__in=editable_forms.values("pk"))
        | Q(pk__in=RegistrationFormPage.objects.filter(translation_key__in=organised).values("pk"))
    )


# Registered before wagtail.contrib.forms' own URLs, so these paths reach our views first.
@hooks.register("register_admin_urls", order=-1)
def register_registration_admin_urls():
    return [
        path("forms/", FormsIndexView.as_view(), name="events_forms_index"),
        path(
            "forms/results/",
            FormsIndexView.as_view(results_only=True),
            name="events_forms_index_results",
        ),
        path(
            "forms/submissions/<int:page_id>/delete/",
            RegistrationDeleteSubmissionsView.as_view(),
            name="events_delete_submissions",
        ),
        path(
            "registrations/<int:page_id>/sign-in-list/",
            sign_in_list,
            name="events_sign_in_list",
        ),
        path(
            "registrations/<int:page_id>/check-in/",
            attendance.CheckInView.as_view(),
            name="events_check_in",
        ),
        path(
            "registrations/<int:page_id>/check-in/state/",
            attendance.check_in_state,
            name="events_check_in_state",
        ),
        path(
            "registrations/<int:page_id>/check-in/<int:registration_id>/",
            attendance.check_in_registration,
            name="events_check_in_registration",
        ),
        path(
            "registrations/<int:page_id>/check-in/walk-ins/",
            attendance.AddWalkInView.as_view(),
            name="events_check_in_walk_ins",
        ),
        path(
            "registrations/<int:page_id>/check-in/walk-ins/<int:walk_in_id>/delete/",
            attendance.delete_walk_in,
            name="events_check_in_walk_in_delete",
        ),
        path(
            "registrations/<int:page_id>/figures/",
            figures.FiguresView.as_view(),
            name="events_figures",
        ),
    ]


for menu_hook in (
    "construct_main_menu",
    "construct_settings_menu",
    "construct_reports_menu",
    "construct_help_menu",
):
    hooks.register(menu_hook, organisers_menu)


@hooks.register("construct_homepage_panels")
def add_registrations_panel(request, panels):
    panels.append(RegistrationsPanel())


@hooks.register("register_admin_urls")
def register_next_year_urls():
    return [
        path(
            "events/<int:page_id>/next-year/",
            PrepareNextYearView.as_view(),
            name="events_prepare_next_year",
        ),
        path(
            "events/<int:old_id>/next-year/<int:new_id>/",
            NextYearChecklistView.as_view(),
            name="events_next_year_checklist",
        ),
    ]


class PrepareNextYearMenuItem(PageMenuItem):
    label = pgettext_lazy("next year", "Prepare for next year")
    icon_name = "copy"
    url_name = "events_prepare_next_year"

    def is_shown(self, user):
        return (
            self.page.specific_class is EventPage
            and self.page.alias_of_id is None
            and may_prepare_next_year(user, self.page)
        )


@hooks.register("register_page_listing_more_buttons")
def prepare_next_year_in_page_listing(page, user, next_url=None):
    yield PrepareNextYearMenuItem(page=page, priority=25)


@hooks.register("register_page_header_buttons")
def prepare_next_year_in_page_header(page, user, view_name, next_url=None):
    yield PrepareNextYearMenuItem(page=page, priority=35)


def _render_as_inclusion_tag(context, template_name, values):
    """`template_name` rendered as Django renders an inclusion tag's template: with `values`
    only, keeping the page template's settings (autoescaping, localisation)."""
    template = context.template.engine.get_template(template_name)
    return template.render(context.new(values))


@hooks.register("register_page_section")
def events_of_speaker_or_practice_example(context, page, place):
    """At the end of a speaker's or practice example's page: the events they took part in."""
    if place != "article_end":
        return None
    values = page_events(page)
    if values is None:
        return None
    return _render_as_inclusion_tag(context, "events/includes/page_events.html", values)


@hooks.register("register_page_section")
def upcoming_events_on_home_page(context, page, place):
    """Below the home page's content: the next three events."""
    if place != "after_body" or not isinstance(page, HomePage):
        return None
    values = upcoming_events(context, limit=3)
    return _render_as_inclusion_tag(context, "events/includes/upcoming_events.html", values)


@hooks.register("register_page_cache_expiry")
def home_page_shows_upcoming_events_until(page):
    """The home page lists upcoming events: its cache ends when they change by time alone."""
    if isinstance(page, HomePage):
        return EventPage.next_state_change_on_site()
    return None


@hooks.register("register_api_page_filters")
def api_page_filters():
    """This app's filters of the API's pages listing (see pagebase.api_filters)."""
    return FILTERS
