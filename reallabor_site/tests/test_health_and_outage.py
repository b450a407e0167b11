"""/healthz for the load balancer, and the maintenance page while the database is unreachable.

The real outage, with PostgreSQL cut off and restored, is tests/test_database_outage.py.
"""

import json
from unittest import mock

from django.db import InterfaceError, OperationalError
from django.test import TestCase, override_settings

from home.tests.utils import SiteTreeTestCase

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        # Nothing listens on port 9 (discard) here, so every connection is refused.
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def broken_cursor(*args, **kwargs):
    raise OperationalError("connection refused")


class HealthzTests(TestCase):
    def test_healthy_site_answers_200_with_both_states_ok(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"database": "ok", "cache": "ok"})

    def test_health_is_never_cached(self):
        response = self.client.get("/healthz")
        self.assertIn("no-store", response["Cache-Control"])

    def test_health_is_not_redirected_to_a_language(self):
        response = self.client.get("/healthz", headers={"Accept-Language": "uk"})
        self.assertEqual(response.status_code, 200)

    @override_settings(CACHES=UNREACHABLE_REDIS)
    def test_unreachable_cache_answers_503_naming_the_cache(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(json.loads(response.content), {"database": "ok", "cache": "error"})

    def test_unreachable_database_answers_503_naming_the_database(self):
        with mock.patch("reallabor_site.views.connection.cursor", broken_cursor):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(json.loads(response.content), {"database": "error", "cache": "ok"})


class MaintenancePageTests(SiteTreeTestCase):
    def get_while_database_is_down(self, path, error=OperationalError):
        with mock.patch("wagtail.models.Site.find_for_request", side_effect=error("gone")):
            return self.client.get(path)

    def test_public_page_answers_503_with_the_german_maintenance_page(self):
        response = self.get_while_database_is_down("/de/")
        self.assertContains(response, "Die Website ist wegen Wartungsarbeiten", status_code=503)
        self.assertNotContains(response, "Traceback", status_code=503)

    def test_maintenance_page_speaks_the_language_of_the_address(self):
        response = self.get_while_database_is_down("/uk/")
        self.assertContains(response, '<html lang="uk">', status_code=503)
        self.assertContains(response, "Вебсайт тимчасово недоступний", status_code=503)

    def test_maintenance_page_asks_clients_to_retry_and_not_to_cache(self):
        response = self.get_while_database_is_down("/de/")
        self.assertEqual(response["Retry-After"], "60")
        self.assertIn("no-store", response["Cache-Control"])

    def test_a_connection_closed_under_a_request_also_shows_the_maintenance_page(self):
        response = self.get_while_database_is_down("/de/", error=InterfaceError)
        self.assertEqual(response.status_code, 503)

    def test_maintenance_page_keeps_the_strict_security_policy(self):
        response = self.get_while_database_is_down("/de/")
        self.assertIn("script-src 'self'", response["Content-Security-Policy"])

    def test_an_unknown_address_answers_503_too_although_the_404_page_needs_the_database(self):
        self.client.raise_request_exception = False
        response = self.get_while_database_is_down("/de/gibt-es-nicht/")
        self.assertContains(response, "Die Website ist wegen Wartungsarbeiten", status_code=503)
        response = self.get_while_database_is_down("/gibt-es-nicht.txt")
        self.assertContains(response, "Die Website ist wegen Wartungsarbeiten", status_code=503)

    def test_the_favicon_needs_no_database(self):
        response = self.get_while_database_is_down("/favicon.ico")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/static/favicons/favicon", response["Location"])

    def test_other_errors_still_answer_500(self):
        self.client.raise_request_exception = False
        with mock.patch("wagtail.models.Site.find_for_request", side_effect=ValueError):
            response = self.client.get("/de/")
        self.assertEqual(response.status_code, 500)
