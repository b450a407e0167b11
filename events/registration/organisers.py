"""What members of the organisers' group may reach in the admin: their registrations, nothing else.

Wagtail refuses organisers everything else already, but answers a browser with a redirect to the
dashboard. This allow-list answers them with a plain 403 instead, and keeps holding if a future
Wagtail view forgets a permission check.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.contrib.forms.utils import get_forms_for_user

from .models import ORGANISERS_GROUP

# Views an organiser needs to log in, look after their account and reach the forms index.
OPEN_TO_ORGANISERS = {
    "wagtailadmin_home",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_account",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_dismissibles",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    "events_forms_index",
    "events_forms_index_results",
    "wagtailforms:index",
    "wagtailforms:index_results",
}

# Views of one form's registrations, open for the forms the organiser is given: the list and
# its downloads, the sign-in list, the check-in at the door and the figures for the report.
REGISTRATION_LISTS = {
    "wagtailforms:list_submissions",
    "wagtailforms:list_submissions_results",
    "events_sign_in_list",
    "events_check_in",
    "events_check_in_state",
    "events_check_in_registration",
    "events_check_in_walk_ins",
    "events_check_in_walk_in_delete",
    "events_figures",
}


def event_form_for(user, page_id):
    """The German form page owning the registrations of form `page_id`, if `user` may see them
    (its organisers, and editors who may edit that form in any language); otherwise 403.

    Every view of an event's registrations asks this, for every request, GET or POST."""
    form = get_forms_for_user(user).filter(pk=page_id).first()
    if form is None:
        raise PermissionDenied
    return form.specific.owning_form


def is_organiser_only(user):
    """An organiser with no other role: editors who also organise keep the admin they know."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return False
    if not user.groups.filter(name=ORGANISERS_GROUP).exists():
        return False
    return user.get_all_permissions() <= {"wagtailadmin.access_admin"} and (
        not user_has_any_page_permission(user)
    )


def organiser_may_open(user, view_name, kwargs):
    if view_name in OPEN_TO_ORGANISERS:
        return True
    if view_name in REGISTRATION_LISTS:
        return get_forms_for_user(user).filter(pk=kwargs.get("page_id")).exists()
    return False


class OrganiserAdminMiddleware:
    """Answers an organiser's request for any other admin view with 403."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        try:
            admin_path = reverse("wagtailadmin_home")
        except NoReverseMatch:  # a URL configuration without the admin
            return None
        if not request.path.startswith(admin_path):
            return None
        if not is_organiser_only(request.user):
            return None
        view_name = request.resolver_match.view_name
        if view_name == "wagtailadmin_home":
            # Wagtail has no hook to replace its dashboard, so the start page is swapped here.
            from .dashboard import OrganiserHomeView

            return OrganiserHomeView.as_view()(request)
        if organiser_may_open(request.user, view_name, view_kwargs):
            return None
        return TemplateResponse(request, "events/admin/organiser_refused.html", status=403)


def menu_item_opens(user, item):
    """Whether an organiser may open the admin view a menu item links to."""
    url = getattr(item, "url", "")
    if not url.startswith("/"):
        return False
    try:
        match = resolve(url.split("?")[0])
    except Resolver404:
        return False
    return organiser_may_open(user, match.view_name, match.kwargs)


def organisers_menu(request, menu_items):
    """Keeps only the menu items an organiser may open, in every menu. A submenu is shown only
    when something in it is left, so the help menu, whose items are outside links and keyboard
    shortcuts for editing, goes too."""
    if not is_organiser_only(request.user):
        return
    menu_items[:] = [
        item
        for item in menu_items
        if isinstance(item, SubmenuMenuItem) or menu_item_opens(request.user, item)
    ]
