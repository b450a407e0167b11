"""Full-page cache for anonymous visitors of public Wagtail pages, in Django's cache.

A page is stored only when nothing in it belongs to one visitor: a GET for a Wagtail page, with
no session or messages cookie and no Authorization header, answered 200 without cookies and
without a CSRF token (so no page that shows a form). Editors always have a session cookie, so they
never get a stored page; previews are rendered through a made-up request and are never stored or
answered from the cache.

Invalidation is site-wide: every change to published content (publish, unpublish, move, delete,
a translation synchronised by wagtail-localize, a snippet, a setting, an image) replaces one
version token, and all keys contain it, so every stored page becomes unreachable at once (see
reallabor_site.cache_version). Working
out which pages show a changed page (listings, menus, the home page, other languages' aliases)
would be fragile; editors publish a few times a day, so rebuilding the cache after each change
costs little. Old entries are not deleted, they expire (at most PAGE_CACHE_SECONDS later).

Time alone changes some pages (registration opens or closes, an event becomes past): a page's
`cache_expires_at()` names the next such moment, and no entry or `max-age` outlives it.
"""

import hashlib
import math
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .cache_version import CacheVersion

VERSION = CacheVersion("page-cache:version")
PAGE_ATTRIBUTE = "_page_cache_page"
# Set per request by other middleware; a stored page must not repeat them.
UNSTORED_HEADERS = {"cache-control", "x-cache", "x-request-id", "set-cookie"}
MESSAGES_COOKIE = "messages"


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def shows_on_pages(model):
    """Whether saving or deleting an instance of `model` can change a public page."""
    if issubclass(model, AbstractRendition):
        return False
    return (
        issubclass(model, (Page, Site, Locale, AbstractImage, BaseSiteSetting, BaseGenericSetting))
        or model in get_snippet_models()
    )


def content_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and not (instance.live or kwargs.get("signal") is post_delete):
        # A draft of an unpublished page shows nowhere.
        return
    if kwargs.get("created") and issubclass(sender, (BaseSiteSetting, BaseGenericSetting)):
        # Wagtail creates empty settings on first use, while rendering a page; they change nothing.
        return
    if shows_on_pages(sender):
        VERSION.replace()


def connect_signals():
    page_published.connect(VERSION.replace, dispatch_uid="page_cache_published")
    page_unpublished.connect(VERSION.replace, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(VERSION.replace, dispatch_uid="page_cache_moved")
    post_save.connect(content_saved_or_deleted, dispatch_uid="page_cache_saved")
    post_delete.connect(content_saved_or_deleted, dispatch_uid="page_cache_deleted")


def remember_page(page, request, serve_args, serve_kwargs):
    """Wagtail's before_serve_page hook: mark the request as serving `page`."""
    setattr(request, PAGE_ATTRIBUTE, page)


def is_anonymous_request(request):
    return not (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or MESSAGES_COOKIE in request.COOKIES
        or "Authorization" in request.headers
        or getattr(request, "is_preview", False)
        or getattr(request, "is_dummy", False)
    )


def cache_key(request, version):
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return f"page-cache:{version}:{language}:{url}"


def expiry(page, now):
    """When a response for `page` rendered `now` must be rendered again."""
    limit = now + timedelta(seconds=cache_seconds())
    state_change = getattr(page, "cache_expires_at", lambda: None)()
    return min(limit, state_change) if state_change else limit


def is_storable(request, response):
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and b"csrfmiddlewaretoken" not in response.content
        and not _forbids_shared_caching(response)
    )


def _forbids_shared_caching(response):
    value = response.get("Cache-Control", "").lower()
    return any(word in value for word in ("private", "no-cache", "no-store"))


def seconds_until(moment, now):
    return max(0, math.floor((moment - now).total_seconds()))


class PageCacheMiddleware:
    """Answer anonymous visitors from the page cache; store what may be shared.

    Sits right after SecurityMiddleware (and WhiteNoise): a stored page keeps the headers the
    inner middleware added (security policy, frame options), and the HTTPS redirect comes first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = (
            cache_seconds() > 0
            and request.method in ("GET", "HEAD")
            and is_anonymous_request(request)
        )
        key = cache_key(request, VERSION.current()) if cacheable else None
        if key:
            stored = cache.get(key)
            now = timezone.now()
            if stored is not None and stored["expires_at"] > now:
                return self.from_cache(stored, now)
        response = self.get_response(request)
        page = getattr(request, PAGE_ATTRIBUTE, None)
        if page is None:
            return response
        response["X-Cache"] = "MISS"
        if key and is_storable(request, response):
            now = timezone.now()
            expires_at = expiry(page, now)
            seconds = seconds_until(expires_at, now)
            if seconds > 0 and request.method == "GET":
                self.store(key, response, expires_at, seconds)
            patch_cache_control(response, public=True, max_age=seconds)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        return response

    @staticmethod
    def store(key, response, expires_at, seconds):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in UNSTORED_HEADERS
        ]
        entry = {"content": response.content, "headers": headers, "expires_at": expires_at}
        cache.set(key, entry, seconds)

    @staticmethod
    def from_cache(stored, now):
        response = HttpResponse(stored["content"])
        for name, value in stored["headers"]:
            response[name] = value
        response["X-Cache"] = "HIT"
        patch_cache_control(response, public=True, max_age=seconds_until(stored["expires_at"], now))
        return response
