"""Every page of the sitemap, in German, English and Ukrainian, describes itself to search engines
with a meta description of its own: the editors' search description, or its summary."""

import html
import re
from io import StringIO
from urllib.parse import urlsplit

from django.core.management import call_command
from django.test import TestCase
from django.utils import translation
from wagtail.models import Page

from events.models import EventPage, RegistrationFormPage
from reallabor_site.templatetags.site_tags import META_DESCRIPTION_LENGTH, meta_description

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')


def description_of(response):
    found = DESCRIPTION.findall(response.content.decode())
    return html.unescape(found[0]) if len(found) == 1 else None


class SitemapPagesDescribeThemselvesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())

    def sitemap_paths(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        return [
            urlsplit(location).path
            for location in re.findall(r"<loc>([^<]+)</loc>", response.content.decode())
        ]

    def test_every_page_in_every_language_has_a_description_of_its_own(self):
        paths = self.sitemap_paths()
        self.assertEqual(
            {path.split("/")[1] for path in paths}, {"de", "en", "uk"}, "all three languages"
        )
        descriptions = {}
        for path in paths:
            with self.subTest(path=path):
                response = self.client.get(path)
                self.assertEqual(response.status_code, 200)
                description = description_of(response)
                self.assertTrue(description, "one non-empty meta description")
                self.assertGreaterEqual(len(description), 25)
                self.assertLessEqual(len(description), META_DESCRIPTION_LENGTH)
                self.assertNotRegex(description, r"<|&[a-z]+;|\s\s")
                descriptions[path] = description
        # A description says something about its page, so pages of one language rarely share it.
        for language in ("de", "en", "uk"):
            mine = [text for path, text in descriptions.items() if path.startswith(f"/{language}/")]
            with self.subTest(language=language):
                self.assertGreater(len(set(mine)), len(mine) * 0.9)

    def test_ukrainian_event_and_form_are_described_in_ukrainian(self):
        for model in (EventPage, RegistrationFormPage):
            page = model.objects.get(locale__language_code="uk")
            with self.subTest(model=model.__name__):
                description = description_of(self.client.get(page.url))
                self.assertRegex(description, "[а-яіїє]{4}")
                self.assertNotIn("Veranstaltung", description)


class MetaDescriptionRulesTests(TestCase):
    def setUp(self):
        self.event = EventPage(title="Konferenz", teaser="Wie Kreise die Ukraine unterstützen.")

    def test_editors_search_description_wins(self):
        self.event.search_description = "Was die Redaktion für Suchmaschinen geschrieben hat."
        self.assertEqual(
            meta_description(self.event), "Was die Redaktion für Suchmaschinen geschrieben hat."
        )

    def test_long_summary_is_cut_at_a_word_with_an_ellipsis(self):
        self.event.search_description = ""
        self.event.teaser = "Partnerschaften " * 20
        description = meta_description(self.event)
        self.assertLessEqual(len(description), META_DESCRIPTION_LENGTH)
        self.assertTrue(description.endswith("Partnerschaften…"), description)

    def test_rich_text_introduction_becomes_plain_text(self):
        self.event.search_description = ""
        self.event.teaser = ""
        self.event.introduction = "<p>Kreise &amp; <b>Kommunen</b></p><p>treffen sich.</p>"
        self.assertEqual(meta_description(self.event), "Kreise & Kommunen treffen sich.")

    def test_a_page_with_nothing_to_say_is_described_by_its_title_and_the_site(self):
        page = Page(title="Leere Seite")
        with translation.override("de"):
            self.assertEqual(meta_description(page), "Leere Seite – Reallabor NRW – Ukraine")
