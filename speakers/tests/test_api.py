"""Speakers over the headless API: names, positions, portraits, languages, a listing's queries.

(A speaker's events: events/tests/test_api_filters.py, `?type=events.EventPage&speaker=<id>`.)"""

from events.models import EventSpeaker
from events.tests.utils import APITestCase
from home.tests.utils import translate_page

from .utils import make_portrait


class SpeakerAPITestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)
        cls.shum_en = translate_page(cls.shum, "en", slug="iryna-shum-en")


class SpeakerRepresentationTests(SpeakerAPITestCase):
    def test_speaker_in_each_language_serves_its_own_name_and_positions(self):
        cases = {
            self.shum: ("Iryna Shum", "Generalkonsulin der Ukraine"),
            self.shum_en: ("Iryna Shum", "Generalkonsulin der Ukraine"),
            self.shum_uk: ("Ірина Шум", "Генеральна консулка України"),
        }
        for page, (name, function) in cases.items():
            for version in ("v2", "v3"):
                with self.subTest(page=page.locale.language_code, version=version):
                    data = self.get_json(f"/api/{version}/pages/{page.pk}/")
                    self.assertEqual(data["full_name"], name)
                    self.assertEqual(data["positions"][0]["function"], function)

    def test_portrait_comes_in_two_sizes_with_alt_text(self):
        self.shum.portrait = make_portrait()
        self.shum.portrait_alt_text = "Iryna Shum am Rednerpult"
        self.shum.save_revision().publish()
        portrait = self.get_json(f"/api/v3/pages/{self.shum.pk}/")["portrait"]
        self.assertEqual(portrait["alt"], "Iryna Shum am Rednerpult")
        self.assertEqual((portrait["small"]["width"], portrait["large"]["width"]), (200, 400))
        self.assertTrue(portrait["large"]["url"].endswith(".png"))

    def test_speaker_links_to_its_translations(self):
        translations = self.get_json(f"/api/v2/pages/{self.shum.pk}/")["translations"]
        self.assertEqual(
            [(link["locale"], link["id"]) for link in translations],
            [("en", self.shum_en.pk), ("uk", self.shum_uk.pk)],
        )

    def test_speaker_index_in_ukrainian(self):
        # Translating a speaker created the index's Ukrainian version too.
        index_uk = self.speaker_index.get_translation(self.locales["uk"])
        data = self.get_json(f"/api/v3/pages/{index_uk.pk}/")
        self.assertEqual(data["meta"]["locale"], "uk")
        self.assertEqual(data["translations"][0]["id"], self.speaker_index.pk)


class SpeakerListingQueryCountTests(SpeakerAPITestCase):
    def add_speakers(self, first, last):
        for number in range(first, last):
            speaker = self.make_speaker(
                f"Person{number}",
                "Muster",
                positions=[("Referentin", "Kreis Lippe")],
                portrait=self.portrait,
                portrait_alt_text="Porträt",
            )
            self.conference.speakers.add(EventSpeaker(speaker=speaker, role="talk"))
        self.conference.save_revision().publish()

    def test_speaker_listing_query_count_is_the_same_for_5_and_50_speakers(self):
        self.portrait = make_portrait()
        url = "/api/v2/pages/?type=speakers.SpeakerPage&fields=*&limit=100"
        self.add_speakers(0, 5)
        few = self.queries_for(url)
        self.add_speakers(5, 50)
        self.assertEqual(few, self.queries_for(url))
