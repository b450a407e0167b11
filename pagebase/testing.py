"""Test helpers every content app's tests use: publishing and translating pages, reading the API.

Each app builds its own small tree on top of them (home.tests.utils.SiteTreeTestCase, the
events' EventTreeTestCase), so an app's tests need no app above it.
"""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale


def publish(parent, page):
    """Add `page` below `parent` and publish it; returns it as stored, with its URL path."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_page(page, language_code, **changes):
    """Copy a German page into another language, as a translator would, and publish it."""
    locale = Locale.objects.get(language_code=language_code)
    with translation.override(language_code):
        translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in changes.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    # Reload, so the URL path reflects the translated slug.
    return type(translated).objects.get(pk=translated.pk).specific


class APITestMixin:
    """Reads the headless API, with its response cache emptied before each test."""

    def setUp(self):
        super().setUp()
        cache.clear()

    def get_json(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, response.content)
        return response.json()

    def queries_for(self, url):
        """Queries of a cache miss, after a first request made renditions as a running site has."""
        cache.clear()
        self.client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)
