"""The pages behind the links in registrants' e-mails: confirm an address, cancel a registration
or delete it. A GET only asks; the change needs a POST, so link prefetchers change nothing."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from . import service
from .emails import form_page_in
from .links import CANCEL_SALT, CONFIRM_SALT, InvalidLink, registration_from_token
from .models import Registration


def _render(request, template, status=200, **context):
    return TemplateResponse(request, f"events/{template}", context, status=status)


def _event_of(registration):
    form_page = form_page_in(registration.language, registration.page.specific.owning_form)
    return form_page.get_parent().specific


def _invalid_link(request):
    return _render(request, "registration_invalid_link.html", status=400)


@require_http_methods(["GET", "POST"])
def cancel(request, token):
    try:
        registration = registration_from_token(token, CANCEL_SALT)
    except InvalidLink:
        return _invalid_link(request)
    event = _event_of(registration)
    done = None
    if request.method == "POST":
        if request.POST.get("action") == "delete":
            service.delete(registration)
            done = "deleted"
        else:
            registration = service.cancel(registration)
            done = "cancelled"
    return _render(
        request,
        "registration_cancel.html",
        registration=registration,
        event=event,
        done=done,
        cancelled=registration.status == Registration.Status.CANCELLED,
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        registration = registration_from_token(token, CONFIRM_SALT)
    except InvalidLink:
        return _invalid_link(request)
    event = _event_of(registration)
    # An expired confirmation gives its place back as soon as its link is opened.
    if registration.status == Registration.Status.UNCONFIRMED and (
        request.method == "POST" or registration.confirmation_has_expired
    ):
        registration = service.confirm(registration)
    return _render(
        request,
        "registration_confirm.html",
        registration=registration,
        event=event,
    )
