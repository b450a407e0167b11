from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from events.registration.urls import api_urlpatterns as registration_api_urls
from events.registration.urls import link_urlpatterns as registration_link_urls

from . import site_files, views
from .api import urlpatterns as api_urlpatterns
from .search import search
from .sitemaps import TranslatedPagesSitemap

handler400 = "reallabor_site.views.bad_request"
handler500 = "reallabor_site.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", site_files.robots_txt, name="robots_txt"),
    path("favicon.ico", site_files.favicon, {"name": "favicon.ico"}),
    path("apple-touch-icon.png", site_files.favicon, {"name": "apple-touch-icon.png"}),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": TranslatedPagesSitemap}}, name="sitemap"),
    # Before the API's catch-all, which answers every other /api/ path with a JSON 404.
    *registration_api_urls,
    *api_urlpatterns,
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under a language prefix (/de/, /en/, /uk/). A request for "/" has no
# match here, and LocaleMiddleware redirects it to the language the browser prefers.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("manifest.webmanifest", site_files.web_manifest, name="web_manifest"),
    *registration_link_urls,
    path("", include(wagtail_urls)),
)
