import logging
import sys
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# What Django raises when it cannot reach the database, or loses the connection mid-request.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
MAINTENANCE_RETRY_AFTER_SECONDS = 60


API_PREFIX = "/api/"


def is_api_request(request):
    """API clients read JSON: every error under /api/ is answered in JSON, never in HTML."""
    return request is not None and request.path_info.startswith(API_PREFIX)


def maintenance_response(request=None):
    """503 with the maintenance page (JSON under /api/), which needs no database.

    It is rendered without the request, so no session, user or site setting is looked up.
    """
    if is_api_request(request):
        response = JsonResponse(
            {"error": "The service is briefly unavailable. Please try again later."}, status=503
        )
    else:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(MAINTENANCE_RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def server_error(request):
    """handler500: the maintenance page when the error was the database being unreachable.

    DatabaseUnavailableMiddleware catches that in views; this catches it where no middleware can,
    e.g. while Django renders the 404 page.
    """
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return maintenance_response(request)
    if is_api_request(request):
        return JsonResponse({"error": "Internal server error"}, status=500)
    return defaults.server_error(request)


def bad_request(request, exception):
    """handler400: Django's page, or JSON under /api/ (a body too large to read, for example)."""
    if is_api_request(request):
        return JsonResponse({"error": "Bad request"}, status=400)
    return defaults.bad_request(request, exception)


def _database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "error"
    return "ok"


def _cache_state():
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=10)
        answer = cache.get(key)
        cache.delete(key)
    except Exception:  # noqa: BLE001 - each cache backend raises its own errors
        logger.warning("Health check: cache unavailable", exc_info=True)
        return "error"
    return "ok" if answer == "ok" else "error"


@never_cache
@require_safe
def healthz(request):
    """Database and cache state for a load balancer: 200 when both answer, 503 otherwise."""
    state = {"database": _database_state(), "cache": _cache_state()}
    healthy = all(value == "ok" for value in state.values())
    return JsonResponse(state, status=200 if healthy else 503)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login attempt while the user name is locked out from that address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "login_locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
