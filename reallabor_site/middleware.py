import logging
import re
import uuid
from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

from .logs import current_request_id
from .views import DATABASE_UNAVAILABLE, maintenance_response

logger = logging.getLogger(__name__)

ADMIN_PATH = "/admin/"


class AdminLanguageMiddleware:
    """Show the Wagtail admin in German unless an editor chose another language in their profile.

    LocaleMiddleware would otherwise follow the browser's Accept-Language on /admin/, which is not
    language-prefixed; Wagtail applies a profile's preferred language on top of this.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = ADMIN_PATH

    def __call__(self, request):
        if request.path.startswith(self.admin_prefix):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class RequestIdMiddleware:
    """Give every request an id, send it back in X-Request-ID and put it on every log line.

    A proxy's X-Request-ID is kept when it looks like an id, so one request can be followed
    through the proxy's log and ours; anything else is replaced by a fresh one.
    """

    header = "X-Request-ID"
    valid_id = re.compile(r"[A-Za-z0-9._-]{8,128}")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        supplied = request.headers.get(self.header, "")
        request.id = supplied if self.valid_id.fullmatch(supplied) else uuid.uuid4().hex
        token = current_request_id.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[self.header] = request.id
        return response


class DatabaseUnavailableMiddleware:
    """While the database is unreachable, answer 503 with a maintenance page instead of a 500.

    Django opens a fresh connection on a later request (with CONN_HEALTH_CHECKS it also drops a
    dead persistent one first), so the site recovers by itself when the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error("Database unavailable: %s: %s", type(exception).__name__, exception)
        return maintenance_response(request)


def headless_preview_origins():
    """The origins of the external front-ends that show editors their drafts (none by default)."""
    client_urls = getattr(settings, "WAGTAIL_HEADLESS_PREVIEW", {}).get("CLIENT_URLS", {})
    return sorted({"{0.scheme}://{0.netloc}".format(urlsplit(url)) for url in client_urls.values()})


API_DOCS_PATH = "/api/v3/docs"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_CONTENT_SECURITY_POLICY for the Wagtail admin.

    The admin's own templates use inline scripts and styles, which the public pages' policy
    forbids; django-csp can only switch its policy off for a path, not swap it for another.
    With a headless preview front-end configured, the admin and the preview may frame it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts
        replace = dict(parts.replace or {})
        if request.path_info.startswith(ADMIN_PATH):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        elif getattr(request, "is_dummy", False):
            # Wagtail renders a preview through a made-up request for the page's public address,
            # and the page editor shows it in a frame: keep the public policy, but allow that frame.
            replace["frame-ancestors"] = [SELF]
        elif request.path_info.startswith(API_DOCS_PATH):
            # Swagger UI draws its icons (the servers list's arrow among them) as data: images.
            replace["img-src"] = [SELF, "data:"]
        else:
            return parts
        if origins := headless_preview_origins():
            replace["frame-src"] = [SELF, *origins]
        parts.replace = replace or None
        return parts


class APIAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects an API response.

    On a 404 for a path without a language prefix, LocaleMiddleware redirects to /de/<path>,
    because Wagtail's catch-all under /de/ matches every path. An API client asking for a page
    that does not exist must get the API's JSON 404 instead.
    """

    api_prefix = "/api/"

    def process_response(self, request, response):
        if request.path_info.startswith(self.api_prefix):
            return response
        return super().process_response(request, response)
