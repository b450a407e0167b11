"""Speakers over the headless API: names, positions, portraits, languages."""

from home.tests.utils import SiteTreeTestCase
from pagebase.testing import APITestMixin, publish, translate_page
from speakers.models import SpeakerIndexPage, SpeakerPosition

from .utils import add_speaker, make_portrait


class SpeakerAPITestCase(APITestMixin, SiteTreeTestCase):
    """A speaker in German, Ukrainian and English, read through the API."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.speaker_index = publish(
            cls.home, SpeakerIndexPage(title="Referierende", slug="referierende")
        )
        cls.shum = add_speaker(
            cls.speaker_index,
            "Iryna",
            "Shum",
            positions=[("Generalkonsulin der Ukraine", "in Düsseldorf")],
        )
        cls.shum_uk = translate_page(
            cls.shum, "uk", given_name="Ірина", family_name="Шум", slug="iryna-shum"
        )
        SpeakerPosition.objects.filter(page=cls.shum_uk).update(
            function="Генеральна консулка України", organisation="у Дюссельдорфі"
        )
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
