"""The files that browsers, phones and crawlers ask every site for: robots.txt, the favicon at
the root, and the web app manifest naming the site and its icons.

The icons themselves are static files (static/favicons/, rendered from icon.svg by
bench/favicons.py), which WhiteNoise serves under hashed names that browsers may keep for a year;
the addresses here stay the same, so they are cached for a day only and point to the hashed files.
"""

import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ONE_DAY = 60 * 60 * 24
THEME_COLOUR = "#0050a8"


def crawler_exclusions():
    """Addresses that are nobody's business in a search engine: the admin, drafts shown through
    the APIs' previews, registrants' personal confirm and cancel links, and search results."""
    paths = ["/admin/", "/api/v2/page_preview/", "/api/v3/page_preview/", "/api/registrations/"]
    for language, _name in settings.LANGUAGES:
        paths += [f"/{language}/registration/", f"/{language}/search/"]
    return paths


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def robots_txt(request):
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in crawler_exclusions()),
        "Allow: /",
        "",
        # Absolute, as the protocol requires, on the site's public address.
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def favicon(request, name):
    """/favicon.ico and /apple-touch-icon.png, which browsers request without reading the page's
    links: a redirect to the static file under its hashed name."""
    return HttpResponseRedirect(static(f"favicons/{name}"))


@require_safe
@cache_control(public=True, max_age=ONE_DAY)
def web_manifest(request):
    """The manifest in the language of its address (/de/, /en/, /uk/), starting at that home."""
    language = translation.get_language()
    manifest = {
        "name": gettext("Reallabor NRW – Ukraine"),
        "short_name": "Reallabor",
        "description": gettext("Municipal reconstruction partnerships"),
        "lang": language,
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("favicons/icon.svg"), "type": "image/svg+xml", "sizes": "any"},
            {"src": static("favicons/icon-192.png"), "type": "image/png", "sizes": "192x192"},
            {"src": static("favicons/icon-512.png"), "type": "image/png", "sizes": "512x512"},
        ],
    }
    return HttpResponse(
        json.dumps(manifest, ensure_ascii=False, indent=2),
        content_type="application/manifest+json; charset=utf-8",
    )
