"""An event's optional summary in Leichte Sprache: on its own address, linked from the event page
in every language only when editors wrote one, checked on save like any Leichte Sprache text."""

from django.urls import reverse
from wagtail.test.utils.form_data import streamfield

from events.models import EventPage
from pagebase.testing import translate_page

from .utils import EventTreeTestCase, event_form_data

SUMMARY = [
    ("heading", "Wer kann kommen?"),
    ("sentences", "Alle Menschen aus Kreisen und Gemeinden können kommen."),
    ("steps", {"heading": "So melden Sie sich an", "steps": ["Sie öffnen das Formular."]}),
]


class LeichteSpracheSummaryTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(leichte_sprache=SUMMARY)
        cls.event_uk = translate_page(cls.event, "uk", title="Райони як міжнародні актори")
        cls.plain = cls.make_event(slug="ohne-zusammenfassung")
        cls.plain_uk = translate_page(cls.plain, "uk", title="Без підсумку")

    def test_summary_is_empty_by_default(self):
        self.assertFalse(EventPage(title="Neu").leichte_sprache)

    def test_summary_has_its_own_address_in_german(self):
        response = self.client.get(f"{self.event.url}leichte-sprache/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<article class="ls-page" lang="de">')
        self.assertContains(response, "<h1>Die Veranstaltung in Leichter Sprache</h1>", html=True)
        self.assertContains(response, "<h2>Wer kann kommen?</h2>", html=True)
        self.assertContains(response, "<li><p>Sie öffnen das Formular.</p></li>", html=True)
        self.assertContains(response, f'<a href="{self.event.url}">')

    def test_event_page_links_to_the_summary_in_every_language(self):
        link = (
            f'<a class="leichte-sprache-link" href="{self.event.url}leichte-sprache/" lang="de" '
            'hreflang="de">'
        )
        for page in (self.event, self.event_uk):
            with self.subTest(page.url):
                response = self.client.get(page.url)
                self.assertContains(response, link)
                self.assertContains(response, "Diese Veranstaltung in Leichter Sprache")

    def test_event_without_summary_has_no_link_and_no_address(self):
        for page in (self.plain, self.plain_uk):
            with self.subTest(page.url):
                self.assertNotContains(self.client.get(page.url), "Diese Veranstaltung in Leichter")
        self.assertEqual(self.client.get(f"{self.plain.url}leichte-sprache/").status_code, 404)

    def test_translated_event_has_no_summary_of_its_own(self):
        self.assertEqual(self.client.get(f"{self.event_uk.url}leichte-sprache/").status_code, 404)

    def test_summary_is_found_by_the_german_search(self):
        response = self.client.get("/de/search/?q=Gemeinden+kommen")
        self.assertContains(response, f'href="{self.event.url}"')

    def test_summary_is_in_both_apis(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                data = self.client.get(f"/api/{version}/pages/{self.event.pk}/").json()
                self.assertEqual(
                    [block["type"] for block in data["leichte_sprache"]],
                    ["heading", "sentences", "steps"],
                )

    def test_saving_a_summary_with_an_abbreviation_warns_and_publishes(self):
        self.login()
        data = event_form_data(
            self.plain,
            leichte_sprache=streamfield([("sentences", "Es gibt z.B. Kaffee.")]),
            **{"action-publish": "action-publish"},
        )
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=(self.plain.pk,)), data, follow=True
        )
        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(any("„z.B.“" in message for message in messages), messages)
        self.plain.refresh_from_db()
        self.assertEqual(self.plain.leichte_sprache[0].value, "Es gibt z.B. Kaffee.")
        self.assertTrue(self.plain.live)
