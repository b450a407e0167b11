"""The host site's URLs: Wagtail's admin and pages, and the registrations' own links."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from events.registration.urls import api_urlpatterns as registration_api_urls
from events.registration.urls import link_urlpatterns as registration_link_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Registrations as JSON, for front-ends (POST /api/registrations/...).
    *registration_api_urls,
]
urlpatterns += i18n_patterns(
    # The links of the confirmation e-mails: confirm, cancel.
    *registration_link_urls,
    path("", include(wagtail_urls)),
)
