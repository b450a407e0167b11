"""Caching of API responses: shared by our app servers, emptied whenever content changes.

Every cached response is keyed with a version token; publishing, unpublishing or deleting a page,
or saving one of the snippets and media the API shows, replaces the token, so all cached
responses become unreachable at once (see reallabor_site.cache_version). Browsers and CDNs get an ETag and `Cache-Control: public`
with API_CACHE_MAX_AGE, and a 304 when their copy is still current.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import quote_etag

from .cache_version import CacheVersion

VERSION = CacheVersion("api-cache-version")
CACHED_PREFIXES = ("/api/v2/", "/api/v3/")
# Drafts for the headless preview: only for the holder of a token, and never cached.
UNCACHED_PREFIXES = ("/api/v2/page_preview/", "/api/v3/page_preview/")


def is_cacheable(request):
    """Only anonymous public reads: tokens and sessions may see drafts or restricted pages."""
    return (
        request.method in ("GET", "HEAD")
        and request.path_info.startswith(CACHED_PREFIXES)
        and not request.path_info.startswith(UNCACHED_PREFIXES)
        and "HTTP_AUTHORIZATION" not in request.META
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and request.GET.get("version", "live") == "live"
    )


class APICacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable(request):
            return self.get_response(request)
        path_hash = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"api-response:{VERSION.current()}:{path_hash}"
        response = cache.get(key)
        if response is None:
            response = self.get_response(request)
            if response.status_code != 200 or response.streaming:
                return response
            response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
            cache.set(key, response, settings.API_CACHE_MAX_AGE)
        return get_conditional_response(request, etag=response["ETag"], response=response)


def connect_invalidation_signals():
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(VERSION.replace, dispatch_uid=f"api-cache-{id(signal)}")
    shown_models = [
        "wagtailcore.Page",
        "wagtailimages.Image",
        "wagtaildocs.Document",
        "events.Venue",
        "home.CooperationField",
        "home.OrganisationDetails",
    ]
    for label in shown_models:
        model = apps.get_model(label)
        post_delete.connect(VERSION.replace, sender=model, dispatch_uid=f"api-del-{label}")
        if label != "wagtailcore.Page":
            post_save.connect(VERSION.replace, sender=model, dispatch_uid=f"api-save-{label}")
