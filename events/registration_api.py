"""Registration as JSON for a headless front-end: the same form, validation and capacity logic as
the HTML form page, answered with status codes instead of pages.

CSRF protection is waived only for a configured front-end origin or a configured bearer token;
anyone else needs Django's CSRF token, as the HTML form does.
"""

import hmac
import json

from django.conf import settings
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import registrations
from .emails import form_page_in
from .models import RegistrationFormPage
from .models.registration import ALREADY_REGISTERED


def _error(status, message, **extra):
    return JsonResponse({"error": message, **extra}, status=status)


def _has_valid_token(request):
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return False
    given = header.removeprefix("Bearer ").strip().encode()
    return any(
        hmac.compare_digest(given, token.encode()) for token in settings.REGISTRATION_API_TOKENS
    )


def _csrf_waived(request):
    origin = request.headers.get("Origin")
    return (origin and origin in settings.REGISTRATION_API_ALLOWED_ORIGINS) or _has_valid_token(
        request
    )


def _csrf_rejected(request):
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None


def _form_data(payload):
    """JSON values as the form's widgets read them: lists for multiple choices."""
    data = MultiValueDict()
    for key, value in payload.items():
        if isinstance(value, list):
            data.setlist(key, [str(item) for item in value])
        elif isinstance(value, bool):
            data[key] = "on" if value else ""
        elif value is not None:
            data[key] = str(value)
    return data


@csrf_exempt
@require_POST
def register(request, page_id):
    page = RegistrationFormPage.objects.live().filter(pk=page_id).first()
    if page is None:
        return _error(404, "Not found")
    if not _csrf_waived(request) and _csrf_rejected(request):
        return _error(403, "Forbidden: an allowed origin, a token or a CSRF token is required.")
    if registrations.too_many_submissions(request):
        with translation.override(page.locale.language_code):
            return _error(429, gettext(registrations.TOO_MANY))
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        return _error(400, "The request body must be a JSON object.")
    language = payload.pop("language", None) or page.locale.language_code
    form_page = form_page_in(str(language), page.source_form_page)
    if form_page.locale.language_code != language:
        form_page = page
    with translation.override(form_page.locale.language_code):
        if not form_page.has_opened:
            return _error(410, gettext("Registration has not opened yet."))
        if form_page.has_closed:
            return _error(410, gettext("Registration is closed."))
        form = form_page.get_form(_form_data(payload), page=form_page, user=request.user)
        if not form.is_valid():
            errors = {
                name: [str(message) for message in messages]
                for name, messages in form.errors.items()
            }
            return JsonResponse({"errors": errors}, status=400)
        try:
            registration = form_page.process_form_submission(form)
        except registrations.AlreadyRegistered:
            return JsonResponse(
                {"errors": {form_page.email_field_name: [str(ALREADY_REGISTERED)]}}, status=409
            )
    return JsonResponse({"status": registration.status}, status=201)
