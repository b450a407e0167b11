"""Home, standard and practice example pages over the headless API, in all three languages."""

from home.models import (
    CooperationField,
    PracticeExampleCooperationField,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    StandardPage,
)
from pagebase.testing import APITestMixin, publish, translate_page
from speakers.models import SpeakerIndexPage
from speakers.tests.utils import add_speaker

from .utils import SiteTreeTestCase


class APITestCase(APITestMixin, SiteTreeTestCase):
    """The site tree with a speaker and Kreis Coesfeld's practice example, read through the API."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.speaker_index = publish(
            cls.home, SpeakerIndexPage(title="Referierende", slug="referierende")
        )
        cls.kallerhoff = add_speaker(
            cls.speaker_index,
            "Marina",
            "Kallerhoff",
            positions=[("Kreisdirektorin", "Kreis Coesfeld")],
        )
        cls.example_index = publish(
            cls.home, PracticeExampleIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        )
        cls.coesfeld = publish(
            cls.example_index,
            PracticeExamplePage(
                title="Partnerschaft des Kreises Coesfeld",
                slug="kreis-coesfeld",
                kreis="Kreis Coesfeld",
                contact_person=cls.kallerhoff,
            ),
        )


class HomeAndStandardPageTests(APITestCase):
    def test_home_page_in_each_language_serves_its_introduction(self):
        cases = {
            self.home: "Wir bringen Kreise und Kommunen zusammen.",
            self.home_en: "We connect districts.",
            self.home_uk: "Ми об’єднуємо.",
        }
        for page, introduction in cases.items():
            for version in ("v2", "v3"):
                with self.subTest(page=page.locale.language_code, version=version):
                    data = self.get_json(f"/api/{version}/pages/{page.pk}/")
                    self.assertEqual(data["introduction"], introduction)
                    self.assertEqual(data["meta"]["locale"], page.locale.language_code)

    def test_home_page_links_to_its_two_translations(self):
        translations = self.get_json(f"/api/v3/pages/{self.home.pk}/")["translations"]
        self.assertEqual(
            translations,
            [
                {"locale": "en", "id": self.home_en.pk, "url": "http://testserver/en/"},
                {"locale": "uk", "id": self.home_uk.pk, "url": "http://testserver/uk/"},
            ],
        )

    def test_standard_page_body_rich_text_resolves_internal_links(self):
        page = publish(
            self.home,
            StandardPage(
                title="Über uns",
                slug="ueber-uns",
                body=[
                    {
                        "type": "paragraph",
                        "value": f'<p>Siehe <a linktype="page" id="{self.example_index.pk}">'
                        "Praxisbeispiele</a></p>",
                    }
                ],
            ),
        )
        translate_page(page, "uk", title="Про нас")
        body = self.get_json(f"/api/v2/pages/{page.pk}/")["body"]
        self.assertIn('href="/de/praxisbeispiele/"', body[0]["value"])
        self.assertNotIn("linktype", body[0]["value"])


class PracticeExampleTests(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        field = CooperationField.objects.create(name="Wasserversorgung", locale=cls.locales["de"])
        CooperationField.objects.create(
            name="Водопостачання", locale=cls.locales["uk"], translation_key=field.translation_key
        )
        PracticeExampleCooperationField.objects.create(page=cls.coesfeld, field=field)
        cls.coesfeld.save_revision().publish()
        cls.coesfeld_en = translate_page(cls.coesfeld, "en", title="Coesfeld district")
        cls.coesfeld_uk = translate_page(
            cls.coesfeld, "uk", title="Район Косфельд", kreis="Косфельд"
        )

    def test_practice_example_in_each_language(self):
        cases = {
            self.coesfeld: ("Kreis Coesfeld", ["Wasserversorgung"]),
            self.coesfeld_en: ("Kreis Coesfeld", ["Wasserversorgung"]),
            self.coesfeld_uk: ("Косфельд", ["Водопостачання"]),
        }
        for page, (kreis, fields) in cases.items():
            for version in ("v2", "v3"):
                with self.subTest(page=page.locale.language_code, version=version):
                    data = self.get_json(f"/api/{version}/pages/{page.pk}/")
                    self.assertEqual(data["kreis"], kreis)
                    self.assertEqual(data["cooperation_fields"], fields)
                    self.assertEqual(data["contact_person"]["id"], self.kallerhoff.pk)

    def test_practice_examples_filter_by_kreis(self):
        publish(
            self.example_index,
            PracticeExamplePage(title="Kreis Lippe", slug="lippe", kreis="Kreis Lippe"),
        )
        for version in ("v2", "v3"):
            with self.subTest(version=version):
                data = self.get_json(
                    f"/api/{version}/pages/?type=home.PracticeExamplePage"
                    "&kreis=Kreis%20Coesfeld&locale=de"
                )
                self.assertEqual([item["id"] for item in data["items"]], [self.coesfeld.pk])

    def test_practice_example_index_in_ukrainian(self):
        index_uk = self.example_index.get_translation(self.locales["uk"])
        data = self.get_json(f"/api/v3/pages/{index_uk.pk}/")
        self.assertEqual(data["meta"]["type"], "home.PracticeExampleIndexPage")
        self.assertEqual(data["translations"][0]["id"], self.example_index.pk)

    def test_practice_example_listing_query_count_is_the_same_for_5_and_50(self):
        url = "/api/v2/pages/?type=home.PracticeExamplePage&fields=*&limit=100"

        def add(first, last):
            for number in range(first, last):
                example = publish(
                    self.example_index,
                    PracticeExamplePage(
                        title=f"Kreis {number}",
                        slug=f"kreis-{number}",
                        kreis=f"Kreis {number}",
                        contact_person=self.kallerhoff,
                    ),
                )
                translate_page(example, "uk", slug=f"kreis-{number}-uk")

        add(0, 4)
        few = self.queries_for(url)
        add(4, 49)
        self.assertEqual(few, self.queries_for(url))
