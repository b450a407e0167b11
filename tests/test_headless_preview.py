"""Headless preview: editors see a draft in the external front-end when one is configured.

The admin's preview then frames the front-end with a token, and the front-end fetches the draft
from /api/v2/page_preview/ or /api/v3/page_preview/ with that token. Without a front-end,
Wagtail's own preview is used.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from wagtail_headless_preview.models import PagePreview

from events.tests.utils import EventTreeTestCase, event_form_data

FRONT_END = {"CLIENT_URLS": {"default": "https://front.example/preview"}}
PREVIEW_APIS = ("/api/v2/page_preview/", "/api/v3/page_preview/")


class PreviewTestCase(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(venue=cls.venue)

    def setUp(self):
        cache.clear()
        self.login()

    def preview_draft(self, title="Entwurf: Neue Konferenz"):
        """Enter a changed title in the editor and open its preview, as the preview panel does."""
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.event.pk])
        data = event_form_data(self.event, title=title, venue=str(self.venue.pk))
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        return self.client.get(url)

    def framed_url(self, response):
        match = re.search(r'<iframe src="([^"]+)"', response.content.decode())
        self.assertIsNotNone(match, "the preview frames no front-end")
        return unescape(match.group(1))

    def preview_api_query(self, response):
        """The content type and token the front-end is given, as its query to our API."""
        return urlsplit(self.framed_url(response)).query


class WithoutFrontEndTests(PreviewTestCase):
    def test_preview_is_the_sites_own_page(self):
        response = self.preview_draft()
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Entwurf: Neue Konferenz</h1>", html=True)
        self.assertNotContains(response, "<iframe")
        self.assertFalse(PagePreview.objects.exists())


@override_settings(WAGTAIL_HEADLESS_PREVIEW=FRONT_END)
class WithFrontEndTests(PreviewTestCase):
    def test_preview_frames_the_front_end_with_a_token(self):
        url = urlsplit(self.framed_url(self.preview_draft()))
        self.assertEqual(f"{url.scheme}://{url.netloc}{url.path}", "https://front.example/preview/")
        query = parse_qs(url.query)
        self.assertEqual(query["content_type"], ["events.eventpage"])
        self.assertTrue(query["token"][0])

    def test_preview_and_page_editor_may_frame_the_front_end(self):
        preview = self.preview_draft()
        self.assertIn("frame-src 'self' https://front.example", preview["Content-Security-Policy"])
        editor = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.event.pk]))
        self.assertIn("frame-src 'self' https://front.example", editor["Content-Security-Policy"])

    def test_public_pages_may_still_frame_nothing(self):
        response = self.client.get(self.event.url)
        self.assertNotIn("frame-src", response["Content-Security-Policy"])
        self.assertIn("frame-ancestors 'none'", response["Content-Security-Policy"])

    def test_token_fetches_the_draft_not_the_live_page(self):
        query = self.preview_api_query(self.preview_draft())
        self.client.logout()
        for api in PREVIEW_APIS:
            with self.subTest(api):
                response = self.client.get(f"{api}?{query}")
                self.assertEqual(response.status_code, 200, response.content)
                draft = response.json()
                self.assertEqual(draft["id"], self.event.pk)
                self.assertEqual(draft["title"], "Entwurf: Neue Konferenz")
                self.assertEqual(draft["venue"]["name"], "Museum Haus Opherdicke")
        live = self.client.get(f"/api/v2/pages/{self.event.pk}/").json()
        self.assertEqual(live["title"], "Landkreise als internationale Akteure")

    def test_draft_is_never_cached(self):
        query = self.preview_api_query(self.preview_draft())
        for api in PREVIEW_APIS:
            with self.subTest(api):
                response = self.client.get(f"{api}?{query}")
                self.assertIn("no-store", response["Cache-Control"])
                self.assertNotIn("ETag", response)

    def preview_new_page(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=["events", "eventpage", self.event_index.pk]
        )
        data = event_form_data(self.event, slug="neu", title="Ganz neue Konferenz")
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        return self.preview_api_query(self.client.get(url))

    def test_preview_of_a_new_page_can_be_fetched_from_v2(self):
        response = self.client.get(f"/api/v2/page_preview/?{self.preview_new_page()}")
        self.assertEqual(response.status_code, 200, response.content)
        self.assertEqual(response.json()["title"], "Ganz neue Konferenz")

    def test_v3_sends_the_preview_of_a_new_page_to_v2(self):
        # v3's page schema requires an id, which a page that was never saved does not have.
        response = self.client.get(f"/api/v3/page_preview/?{self.preview_new_page()}")
        self.assertEqual(response.status_code, 404)
        self.assertIn("/api/v2/page_preview/", response.json()["detail"])


@override_settings(WAGTAIL_HEADLESS_PREVIEW=FRONT_END)
class PreviewTokenTests(PreviewTestCase):
    def assertJSONError(self, query, status):
        for api in PREVIEW_APIS:
            with self.subTest(api):
                response = self.client.get(f"{api}?{query}")
                self.assertEqual(response.status_code, status, response.content)
                self.assertIn("json", response["Content-Type"])
                self.assertNotIn("Entwurf", response.content.decode())

    def setUp(self):
        super().setUp()
        self.query = parse_qs(self.preview_api_query(self.preview_draft()))
        self.client.logout()

    def test_without_a_token_nothing_is_served(self):
        self.assertJSONError("content_type=events.eventpage", 403)

    def test_a_forged_token_is_refused(self):
        self.assertJSONError(f"content_type=events.eventpage&token=id={self.event.pk}:abc", 403)

    def test_a_token_for_another_page_type_finds_nothing(self):
        self.assertJSONError(f"content_type=home.standardpage&token={self.query['token'][0]}", 404)

    def test_an_unknown_page_type_finds_nothing(self):
        self.assertJSONError(f"content_type=auth.user&token={self.query['token'][0]}", 404)

    def test_an_expired_preview_finds_nothing(self):
        PagePreview.objects.all().delete()
        self.assertJSONError(f"content_type=events.eventpage&token={self.query['token'][0]}", 404)
