"""Registration for headless front-ends: the JSON endpoint, and the `registration` of an event in
API v2 and v3.

The endpoint runs the same `service.submit()` as the HTML form and answers with status codes and
JSON, also for bodies no form would send (too large, nested, of the wrong types).

CSRF protection is waived only for a configured front-end origin or a configured bearer token;
anyone else needs Django's CSRF token, as the HTML form does.
"""

import hmac
import json
from typing import Literal

from django.conf import settings
from django.db.models import Count, Q
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from pydantic import Field
from wagtail.models import Page

from events.conf import setting
from pagebase.api_fields import APIObject, DeclaredField, LocalDateTime

from . import service
from .emails import form_page_in
from .models import Registration
from .pages import RegistrationFormPage, with_event_end

# A registration is a few hundred bytes; anything far larger is not one.
MAX_BODY_BYTES = 64 * 1024
# A larger body is not read to its end: the connection is closed instead.
MAX_DRAINED_BYTES = 16 * 1024 * 1024
NOT_TEXT = _("Enter text, a number, true or false, or a list of texts.")
UNKNOWN_LANGUAGE = _("Unknown language. Use one of: %(languages)s.")
STATUS_OF_REFUSAL = {"rate_limited": 429, "not_open": 410, "closed": 410}


class PayloadError(Exception):
    def __init__(self, status, message, errors=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors


def _error(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def _has_valid_token(request):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return False
    given = header.removeprefix("Bearer ").strip().encode()
    return any(
        hmac.compare_digest(given, token.encode()) for token in setting("REGISTRATION_API_TOKENS")
    )


def _csrf_waived(request):
    origin = request.headers.get("Origin")
    return (origin and origin in setting("REGISTRATION_API_ALLOWED_ORIGINS")) or _has_valid_token(
        request
    )


def _csrf_rejected(request):
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None


def _read_body(request):
    """At most MAX_BODY_BYTES of the body; a larger one is read on (up to a limit) and refused,
    so the client hears why instead of losing its connection."""
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) <= MAX_BODY_BYTES:
        return body
    drained = len(body)
    while drained < MAX_DRAINED_BYTES and (chunk := request.read(64 * 1024)):
        drained += len(chunk)
    raise PayloadError(413, gettext("The request body is too large for a registration."))


def _is_scalar(value):
    return value is None or isinstance(value, str | int | float | bool)


def _payload(request):
    """The JSON object sent, with only the values a form could have sent: texts, numbers,
    true/false, or lists of texts and numbers."""
    try:
        payload = json.loads(_read_body(request))
    except (ValueError, UnicodeDecodeError, RecursionError):
        payload = None
    if not isinstance(payload, dict):
        raise PayloadError(400, gettext("The request body must be a JSON object."))
    errors = {
        name: [str(NOT_TEXT)]
        for name, value in payload.items()
        if not (
            _is_scalar(value)
            or (isinstance(value, list) and all(_is_scalar(item) for item in value))
        )
    }
    if errors:
        raise PayloadError(400, gettext("Some values have the wrong type."), errors)
    return payload


def _form_data(payload):
    """JSON values as the form's widgets read them: lists for multiple choices."""
    data = MultiValueDict()
    for key, value in payload.items():
        if isinstance(value, list):
            data.setlist(key, [str(item) for item in value if item is not None])
        elif isinstance(value, bool):
            data[key] = "on" if value else ""
        elif value is not None:
            data[key] = str(value)
    return data


def _language(payload, page):
    """The registrant's language: `language` if given (one of the site's), else the page's."""
    language = payload.pop("language", None)
    if language is None:
        return page.locale.language_code
    codes = [code for code, _name in settings.LANGUAGES]
    if language not in codes:
        message = UNKNOWN_LANGUAGE % {"languages": ", ".join(codes)}
        raise PayloadError(400, str(message), {"language": [str(message)]})
    return language


@csrf_exempt
def register(request, page_id):
    if request.method != "POST":
        response = _error(405, "Method not allowed: send a POST with a JSON object.")
        response["Allow"] = "POST"
        return response
    page = RegistrationFormPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return _error(404, "Not found")
    with translation.override(page.locale.language_code):
        try:
            # Before the CSRF check, which may read a form-encoded body of any size.
            if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
                _read_body(request)
            if not _csrf_waived(request) and _csrf_rejected(request):
                return _error(
                    403, "Forbidden: an allowed origin, a token or a CSRF token is required."
                )
            payload = _payload(request)
            language = _language(payload, page)
        except PayloadError as error:
            extra = {"errors": error.errors} if error.errors else {}
            return _error(error.status, error.message, **extra)
    form_page = form_page_in(language, page.owning_form)
    with translation.override(language):
        submission = service.submit(request, form_page, _form_data(payload), language=language)
        if submission.accepted:
            return JsonResponse({"status": submission.registration.status}, status=201)
        if submission.refused:
            return _error(STATUS_OF_REFUSAL[submission.refused_because], str(submission.refused))
        errors = {
            name: [str(message) for message in messages]
            for name, messages in submission.form.errors.items()
        }
        return JsonResponse(
            {"errors": errors}, status=409 if submission.already_registered else 400
        )


class EventRegistration(APIObject):
    state: Literal["not_yet_open", "open", "waiting_list", "closed"] = Field(
        description="open, or open with a waiting list once every place is taken."
    )
    opens: LocalDateTime | None
    closes: LocalDateTime | None
    url: str = Field(description="The registration form.")


class RegistrationField(DeclaredField):
    """Whether and until when people can register; null when the event takes no registrations.

    A coarse state only: never how many people registered, let alone who. Dates and state are
    the owner's, so every language says the same.
    """

    schema = EventRegistration | None

    def produce(self, event):
        page = event.registration_page
        if page is None:
            return None
        return {
            "state": page.state,
            "opens": page.owning_form.registration_opens,
            "closes": page.closes_at,
            "url": page.get_full_url(),
        }


def _live_forms_below(paths):
    """The live registration forms below the pages at `paths` (forms are children of events),
    by their parent's path."""
    if not paths:
        return {}
    forms = (
        with_event_end(RegistrationFormPage.objects.live())
        .filter(Q.create([("path__startswith", path) for path in paths], connector=Q.OR))
        .select_related("locale")
        .order_by("path")
    )
    by_parent_path = {}
    for form in forms:
        by_parent_path.setdefault(form.path[: -RegistrationFormPage.steplen], form)
    return by_parent_path


def prepare_registration_pages(events):
    """Give each of `events` its registration page (`EventPage.registration_page`: its own live
    form, else the German event's), with the form's owner and the owner's count of places taken;
    at most five queries however many events there are."""
    if not events:
        return
    german = Q(locale__language_code=settings.LANGUAGE_CODE)
    own_forms = _live_forms_below([event.path for event in events])
    without_form = [
        event
        for event in events
        if event.path not in own_forms and event.locale.language_code != settings.LANGUAGE_CODE
    ]
    german_event_paths = dict(
        Page.objects.filter(
            german, translation_key__in={event.translation_key for event in without_form}
        ).values_list("translation_key", "path")
        if without_form
        else []
    )
    german_forms = _live_forms_below(list(german_event_paths.values()))
    translated = [
        form for form in own_forms.values() if form.locale.language_code != settings.LANGUAGE_CODE
    ]
    owners = {
        owner.translation_key: owner
        for owner in with_event_end(RegistrationFormPage.objects)
        .filter(german, translation_key__in={form.translation_key for form in translated})
        .select_related("locale")
    }
    for event in events:
        form = own_forms.get(event.path) or german_forms.get(
            german_event_paths.get(event.translation_key)
        )
        if form is not None:
            form.__dict__["owning_form"] = owners.get(form.translation_key, form)
        event.__dict__["registration_page"] = form
    forms = [*own_forms.values(), *german_forms.values()]
    counted = {form.owning_form.pk for form in forms if form.owning_form.capacity}
    counts = dict(
        Registration.objects.filter(page_id__in=counted)
        .holding_a_place()
        .values_list("page_id")
        .annotate(taken=Count("pk"))
        if counted
        else []
    )
    for form in forms:
        form.__dict__["places_taken"] = counts.get(form.owning_form.pk, 0)
