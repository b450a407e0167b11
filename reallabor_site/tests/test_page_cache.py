from datetime import timedelta
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from events.tests.utils import EventTreeTestCase, event_form_data, in_the_future
from pagebase.testing import translate_page


@override_settings(PAGE_CACHE_SECONDS=300)
class PageCacheTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(start=in_the_future(30), end=in_the_future(30, 14))

    def setUp(self):
        cache.clear()

    def publish_title(self, page, title):
        page.title = title
        page.save_revision().publish()

    def test_second_anonymous_request_is_served_from_cache_without_queries(self):
        self.assertEqual(self.client.get(self.event.url)["X-Cache"], "MISS")
        with self.assertNumQueries(0):
            response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "HIT")
        self.assertContains(response, "Landkreise als internationale Akteure")

    def test_anonymous_page_may_be_cached_publicly_for_at_most_the_setting(self):
        response = self.client.get(self.home.url)
        self.assertEqual(response["Cache-Control"], "public, max-age=300")

    def test_cached_page_keeps_the_security_headers(self):
        self.client.get(self.event.url)
        response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "HIT")
        self.assertIn("default-src 'self'", response["Content-Security-Policy"])
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")

    def test_publishing_a_page_shows_its_new_content_at_once(self):
        self.client.get(self.event.url)
        self.publish_title(self.event, "Neuer Titel der Konferenz")
        response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertContains(response, "Neuer Titel der Konferenz")

    def test_publishing_an_event_updates_the_cached_home_page(self):
        self.client.get(self.home.url)
        self.publish_title(self.event, "Neuer Titel der Konferenz")
        self.assertContains(self.client.get(self.home.url), "Neuer Titel der Konferenz")

    def test_publishing_a_translation_shows_its_new_content_at_once(self):
        translated = translate_page(self.event, "uk", title="Конференція")
        self.assertContains(self.client.get(translated.url), "Конференція")
        self.publish_title(translated, "Нова назва конференції")
        response = self.client.get(translated.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertContains(response, "Нова назва конференції")

    def test_unpublished_page_is_no_longer_served_from_cache(self):
        self.client.get(self.event.url)
        self.event.unpublish()
        self.assertEqual(self.client.get(self.event.url).status_code, 404)

    def test_changed_snippet_shows_at_once(self):
        event = self.make_event(slug="mit-ort", venue=self.venue)
        self.client.get(event.url)
        self.venue.name = "Kreishaus Unna"
        self.venue.save()
        self.assertContains(self.client.get(event.url), "Kreishaus Unna")

    def test_logged_in_editor_never_gets_a_cached_page(self):
        self.client.get(self.event.url)
        editor = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
        self.client.force_login(editor)
        self.client.get(self.event.url)
        response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertEqual(response["Cache-Control"], "private, no-cache")

    def test_preview_shows_the_draft_not_the_cached_page(self):
        self.client.get(self.event.url)
        self.login()
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.event.pk])
        self.client.post(url, event_form_data(self.event, title="Entwurf der Konferenz"))
        response = self.client.get(url)
        self.assertContains(response, "Entwurf der Konferenz")
        self.assertNotEqual(response.get("X-Cache"), "HIT")

    def test_registration_form_is_never_cached(self):
        page = self.add_registration(self.event, closes=in_the_future(20))
        self.client.get(page.url)
        response = self.client.get(page.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertEqual(response["Cache-Control"], "private, no-cache")
        self.assertContains(response, "csrfmiddlewaretoken")

    def test_page_with_a_form_error_is_not_cached(self):
        page = self.add_registration(self.event, closes=in_the_future(20))
        response = self.client.post(page.url, {"name": ""})
        self.assertContains(response, "errorlist")
        self.assertEqual(response["Cache-Control"], "private, no-cache")
        self.assertNotContains(self.client.get(page.url), "errorlist")

    def test_page_cache_setting_zero_turns_the_cache_off(self):
        with self.settings(PAGE_CACHE_SECONDS=0):
            self.client.get(self.event.url)
            response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertEqual(response["Cache-Control"], "private, no-cache")

    def test_event_page_is_cached_only_until_its_registration_closes(self):
        now = timezone.now()
        self.add_registration(self.event, closes=now + timedelta(seconds=2))
        with mock.patch("django.utils.timezone.now", return_value=now):
            response = self.client.get(self.event.url)
        self.assertEqual(response["Cache-Control"], "public, max-age=2")
        self.assertContains(response, "Zum Anmeldeformular")
        with mock.patch("django.utils.timezone.now", return_value=now + timedelta(seconds=1)):
            self.assertEqual(self.client.get(self.event.url)["X-Cache"], "HIT")
        with mock.patch("django.utils.timezone.now", return_value=now + timedelta(seconds=2)):
            response = self.client.get(self.event.url)
        self.assertEqual(response["X-Cache"], "MISS")
        self.assertNotContains(response, "Zum Anmeldeformular")

    def test_home_page_is_cached_only_until_a_listed_event_becomes_past(self):
        now = timezone.now()
        self.make_event(
            slug="gleich-vorbei", start=now - timedelta(hours=1), end=now + timedelta(seconds=5)
        )
        with mock.patch("django.utils.timezone.now", return_value=now):
            response = self.client.get(self.home.url)
        self.assertEqual(response["Cache-Control"], "public, max-age=5")
