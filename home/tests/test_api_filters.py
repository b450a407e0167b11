"""The filters practice examples declare (home/api_filters.py), in API v2 and v3 alike."""

from django.core.cache import cache

from home.models import PracticeExampleIndexPage, PracticeExamplePage

from .utils import SiteTreeTestCase, translate_page

VERSIONS = ("v2", "v3")


class PracticeExampleFilterTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        index = PracticeExampleIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        cls.home.add_child(instance=index)
        index.save_revision().publish()
        cls.coesfeld = cls.publish(
            index, "kreis-coesfeld", kreis="Kreis Coesfeld", partner_oblast="Oblast Kyjiw"
        )
        cls.lippe = cls.publish(index, "kreis-lippe", kreis="Kreis Lippe", partner_oblast="")
        cls.coesfeld_uk = translate_page(cls.coesfeld, "uk", kreis="Косфельд")

    @staticmethod
    def publish(index, slug, **fields):
        page = PracticeExamplePage(title=fields["kreis"], slug=slug, **fields)
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def setUp(self):
        cache.clear()

    def assertListed(self, query, expected):
        for version in VERSIONS:
            with self.subTest(version=version, query=query):
                response = self.client.get(f"/api/{version}/pages/?{query}")
                self.assertEqual(response.status_code, 200, response.content)
                self.assertEqual([item["id"] for item in response.json()["items"]], expected)

    def test_kreis_keeps_the_practice_examples_of_that_kreis(self):
        query = "type=home.PracticeExamplePage&kreis=Kreis%20Coesfeld"
        self.assertListed(query, [self.coesfeld.pk])

    def test_kreis_compares_with_the_kreis_of_the_pages_own_language(self):
        self.assertListed("type=home.PracticeExamplePage&kreis=Косфельд", [self.coesfeld_uk.pk])

    def test_partner_oblast_keeps_the_practice_examples_with_a_partner_there(self):
        query = "type=home.PracticeExamplePage&locale=de&partner_oblast=Oblast%20Kyjiw"
        self.assertListed(query, [self.coesfeld.pk])

    def test_kreis_on_a_listing_of_all_types_narrows_it_to_the_practice_examples(self):
        self.assertListed("locale=de&kreis=Kreis%20Lippe", [self.lippe.pk])

    def test_kreis_on_a_listing_of_other_types_finds_nothing(self):
        self.assertListed("type=home.StandardPage&kreis=Kreis%20Lippe", [])

    def test_a_nul_character_in_a_kreis_is_400_in_both_apis(self):
        for version in VERSIONS:
            with self.subTest(version):
                response = self.client.get(f"/api/{version}/pages/?kreis=Lippe%00")
                self.assertEqual(response.status_code, 400)
