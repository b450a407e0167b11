from django.db.models import Q
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RegistrationFormPage, Venue
from .registration import attendance, figures
from .registration.admin import FormsIndexView, RegistrationDeleteSubmissionsView
from .registration.models import ORGANISERS_GROUP
from .registration.pages import owning_forms
from .registration.signin_list import sign_in_list


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
