"""The Leichte Sprache area of the seed site: linked from every page, found and served like any
other page, and written so that the save-time check finds nothing to warn about."""

import re
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from home.leichte_sprache import page_warnings
from home.models import LeichteSprachePage, SiteSettings

HEADER_LINK = re.compile(
    r'<a class="leichte-sprache-link" href="/de/leichte-sprache/" lang="de" hreflang="de"'
    r'(?: aria-current="page")?>.*?<span>Leichte Sprache</span></a>',
    re.DOTALL,
)


class SeedLeichteSpracheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO(), stderr=StringIO())
        cls.start = LeichteSprachePage.objects.get(locale__language_code="de", depth=3)

    def test_area_has_a_start_page_and_five_pages_in_german(self):
        self.assertEqual(self.start.url, "/de/leichte-sprache/")
        titles = list(
            LeichteSprachePage.objects.child_of(self.start).live().values_list("title", flat=True)
        )
        self.assertEqual(
            titles,
            [
                "Was ist das Reallabor?",
                "Was ist eine Kreis-Partnerschaft?",
                "Veranstaltungen und Anmeldung",
                "So funktioniert die Website",
                "Barrierefreiheit",
            ],
        )

    def test_site_settings_point_to_the_start_page(self):
        settings_ = SiteSettings.for_site(self.start.get_site())
        self.assertEqual(settings_.leichte_sprache_page_id, self.start.pk)

    def test_every_public_page_type_links_to_the_area_in_every_language(self):
        pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
        seen_types = set()
        for page in pages:
            with self.subTest(page=page.url):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertRegex(response.content.decode(), HEADER_LINK)
                seen_types.add((type(page).__name__, page.locale.language_code))
        for language in (code for code, _name in settings.LANGUAGES):
            for page_type in (
                "HomePage",
                "StandardPage",
                "LeichteSprachePage",
                "PracticeExampleIndexPage",
                "PracticeExamplePage",
                "EventIndexPage",
                "EventPage",
                "RegistrationFormPage",
                "SpeakerIndexPage",
                "SpeakerPage",
            ):
                self.assertIn((page_type, language), seen_types)

    def test_search_page_and_not_found_page_link_to_the_area_in_every_language(self):
        for code, _name in settings.LANGUAGES:
            with self.subTest(code):
                self.assertRegex(
                    self.client.get(f"/{code}/search/?q=x").content.decode(), HEADER_LINK
                )

    def test_pages_say_on_top_that_they_are_in_leichte_sprache_and_are_german(self):
        for page in LeichteSprachePage.objects.filter(locale__language_code="de"):
            with self.subTest(page.title):
                response = self.client.get(page.url)
                self.assertContains(response, '<html lang="de">')
                self.assertContains(response, "Diese Seite ist in Leichter Sprache.")

    def test_copies_in_english_and_ukrainian_are_marked_german(self):
        for code in ("en", "uk"):
            with self.subTest(code):
                copy = LeichteSprachePage.objects.get(
                    locale__language_code=code, translation_key=self.start.translation_key
                )
                self.assertEqual(copy.alias_of_id, self.start.pk)
                response = self.client.get(copy.url)
                self.assertContains(response, f'<html lang="{code}">')
                self.assertContains(response, '<main id="main-content" tabindex="-1" lang="de">')
                self.assertContains(response, '<article class="ls-page" lang="de">')
                self.assertContains(response, "Diese Seite ist in Leichter Sprache.")

    def test_start_page_explains_the_site_the_way_around_accessibility_and_more_pages(self):
        response = self.client.get("/de/leichte-sprache/")
        for heading in (
            "Worum geht es auf dieser Website?",
            "So finden Sie sich zurecht",
            "Barrierefreiheit: Das Wichtigste",
            "Mehr in Leichter Sprache",
        ):
            self.assertContains(response, f"<h2>{heading}</h2>", html=True)
        self.assertContains(response, "<p>Leichte Sprache ist einfaches Deutsch.</p>", html=True)
        self.assertContains(
            response, '<a href="/de/leichte-sprache/barrierefreiheit/">Barrierefreiheit</a>'
        )

    def test_seed_texts_break_none_of_the_checked_rules(self):
        for page in LeichteSprachePage.objects.filter(locale__language_code="de"):
            with self.subTest(page.title):
                self.assertEqual(page_warnings(page), [])

    def test_search_finds_the_area_in_german(self):
        response = self.client.get("/de/search/?q=Wiederaufbau")
        self.assertContains(response, 'href="/de/leichte-sprache/"')
        response = self.client.get("/de/search/?q=Kreis-Partnerschaft")
        self.assertContains(response, 'href="/de/leichte-sprache/kreis-partnerschaft/"')

    def test_sitemap_lists_the_german_pages_only(self):
        response = self.client.get("/sitemap.xml")
        self.assertContains(response, "/de/leichte-sprache/</loc>")
        self.assertContains(response, "/de/leichte-sprache/so-funktioniert-die-website/</loc>")
        self.assertNotContains(response, "/uk/leichte-sprache/")

    def test_both_apis_list_and_serve_the_pages(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                listing = self.client.get(
                    f"/api/{version}/pages/?type=home.LeichteSprachePage&locale=de&limit=20"
                ).json()
                self.assertEqual(
                    {item["title"] for item in listing["items"]},
                    {"Leichte Sprache", "Barrierefreiheit", "So funktioniert die Website"}
                    | {"Was ist das Reallabor?", "Was ist eine Kreis-Partnerschaft?"}
                    | {"Veranstaltungen und Anmeldung"},
                )
                detail = self.client.get(f"/api/{version}/pages/{self.start.pk}/").json()
                self.assertEqual(detail["title"], "Leichte Sprache")
                self.assertEqual(detail["meta"]["locale"], "de")
                types = {block["type"] for block in detail["body"]}
                self.assertEqual(types, {"sentences", "heading", "explained_word"})
