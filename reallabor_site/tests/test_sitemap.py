import xml.etree.ElementTree as ET

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from home.tests.utils import SiteTreeTestCase
from pagebase.testing import translate_page

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
BASE = "http://testserver"


class SitemapTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = cls.add_page(cls.home, "Über uns", "ueber-uns")
        translate_page(cls.about, "uk", title="Про нас", slug="pro-nas")
        cls.about.copy_for_translation(cls.locales["en"], alias=True)
        cls.imprint = cls.add_page(cls.home, "Impressum", "impressum")

    @classmethod
    def add_page(cls, parent, title, slug):
        page = StandardPage(title=title, slug=slug)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    def sitemap(self):
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/xml")
        root = ET.fromstring(response.content)
        return {
            url.find("sm:loc", NS).text: {
                link.get("hreflang"): link.get("href")
                for link in url.findall("xhtml:link[@rel='alternate']", NS)
            }
            for url in root.findall("sm:url", NS)
        }

    def test_lists_the_pages_of_all_three_languages(self):
        urls = self.sitemap()
        for path in ("/de/", "/en/", "/uk/", "/de/ueber-uns/", "/uk/pro-nas/", "/de/impressum/"):
            with self.subTest(path):
                self.assertIn(BASE + path, urls)

    def test_translated_page_names_its_translations_and_german_as_default(self):
        alternates = self.sitemap()[f"{BASE}/uk/pro-nas/"]
        self.assertEqual(
            alternates,
            {
                "de": f"{BASE}/de/ueber-uns/",
                "uk": f"{BASE}/uk/pro-nas/",
                "x-default": f"{BASE}/de/ueber-uns/",
            },
        )
        self.assertEqual(self.sitemap()[f"{BASE}/de/ueber-uns/"], alternates)

    def test_home_pages_name_each_other(self):
        self.assertEqual(
            self.sitemap()[f"{BASE}/en/"],
            {
                "de": f"{BASE}/de/",
                "en": f"{BASE}/en/",
                "uk": f"{BASE}/uk/",
                "x-default": f"{BASE}/de/",
            },
        )

    def test_untranslated_alias_is_neither_listed_nor_named_as_translation(self):
        urls = self.sitemap()
        self.assertNotIn(f"{BASE}/en/ueber-uns/", urls)
        self.assertNotIn("en", urls[f"{BASE}/de/ueber-uns/"])

    def test_page_in_one_language_has_no_alternates(self):
        self.assertEqual(self.sitemap()[f"{BASE}/de/impressum/"], {})

    def test_drafts_and_private_pages_are_left_out(self):
        draft = StandardPage(title="Entwurf", slug="entwurf", live=False)
        self.home.add_child(instance=draft)
        private = self.add_page(self.home, "Intern", "intern")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        urls = self.sitemap()
        self.assertNotIn(f"{BASE}/de/entwurf/", urls)
        self.assertNotIn(f"{BASE}/de/intern/", urls)

    def test_queries_do_not_grow_with_the_number_of_pages(self):
        self.client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as few:
            self.client.get("/sitemap.xml")
        for number in range(20):
            page = self.add_page(self.home, f"Seite {number}", f"seite-{number}")
            translate_page(page, "uk", slug=f"storinka-{number}")
        with CaptureQueriesContext(connection) as many:
            self.client.get("/sitemap.xml")
        self.assertEqual(len(many), len(few))
        self.assertIn(f"{BASE}/uk/storinka-19/", self.sitemap())
