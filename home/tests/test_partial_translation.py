"""A translation published before all of its segments are translated: every part still shown in
German carries lang="de" (WCAG 3.1.2), field by field and block by block.

The translation goes through wagtail-localize's own views, as an editor's does: "Übersetzen",
a few segments translated in the translation editor, then "Veröffentlichen".
"""

import re
from urllib.parse import urlencode

from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from home.models import StandardPage

from .utils import SiteTreeTestCase

TRANSLATED = {
    "Über uns": "Про нас",
    "Wer wir sind und was wir tun.": "Хто ми і що робимо.",
    "Unsere Ziele": "Наші цілі",
    "Der erste Absatz, übersetzt.": "Перший абзац, перекладений.",
}


class PartlyTranslatedPageTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPage(
            title="Über uns",
            slug="ueber-uns",
            introduction="Wer wir sind und was wir tun.",
            body=[
                ("heading", {"text": "Unsere Ziele", "level": "h2"}),
                ("heading", {"text": "Noch nicht übersetzt", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Der erste Absatz, übersetzt.</p><p>Der zweite Absatz bleibt deutsch.</p>",
                ),
                ("list", {"heading": "Liste", "items": ["Erstens", "Zweitens"]}),
            ],
        )
        cls.home.add_child(instance=cls.page)
        cls.page.save_revision().publish()

    def setUp(self):
        self.login()

    def translate_partly_and_publish(self, language, translations):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=(self.page.pk,)),
                {"locales": [self.locales[language].pk]},
            )
        self.assertEqual(response.status_code, 302)
        translation = Translation.objects.get(
            source__object_id=self.page.translation_key, target_locale=self.locales[language]
        )
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "string"
        ):
            if segment.string.data in translations:
                response = self.client.put(
                    reverse(
                        "wagtail_localize:edit_string_translation",
                        args=(translation.pk, segment.pk),
                    ),
                    urlencode({"value": translations[segment.string.data]}),
                    content_type="application/x-www-form-urlencoded",
                )
                self.assertIn(response.status_code, (200, 201), response.content[:300])
        target = StandardPage.objects.get(
            translation_key=self.page.translation_key, locale=self.locales[language]
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(target.pk,)), {"action": "publish"}
            )
        self.assertEqual(response.status_code, 302, response.content[:500])
        target.refresh_from_db()
        self.assertTrue(target.live)
        self.client.logout()
        return target

    def test_german_parts_of_a_partly_translated_ukrainian_page_are_marked(self):
        target = self.translate_partly_and_publish("uk", TRANSLATED)
        html = self.client.get(target.url).content.decode()
        self.assertIn('<html lang="uk">', html)
        # The page as a whole is Ukrainian: no notice, no lang on <main>.
        self.assertIn('<main id="main-content" tabindex="-1">', html)
        # Translated fields and blocks carry no lang of their own.
        self.assertIn("<h1>Про нас</h1>", html)
        self.assertIn('<p class="lead">Хто ми і що робимо.</p>', html)
        self.assertRegex(html, r"<h2[^>]*>Наші цілі</h2>")
        self.assertNotRegex(html, r'<h2[^>]*lang="de"[^>]*>Наші цілі')
        self.assertIn("<p>Перший абзац, перекладений.</p>", html)
        # Each part still in German says so: a whole block, a paragraph of a text, a list block.
        self.assertRegex(html, r'<h2 lang="de"[^>]*>Noch nicht übersetzt</h2>')
        self.assertIn('<p lang="de">Der zweite Absatz bleibt deutsch.</p>', html)
        self.assertRegex(html, r'<section lang="de" class="list-block">\s*<h2>Liste</h2>')

    def test_untranslated_texts_inside_a_partly_translated_block_are_marked(self):
        target = self.translate_partly_and_publish("uk", {**TRANSLATED, "Liste": "Список"})
        html = self.client.get(target.url).content.decode()
        self.assertRegex(html, r'<section class="list-block">\s*<h2>Список</h2>')
        self.assertIn('<li lang="de">Erstens</li>', html)
        self.assertIn('<li lang="de">Zweitens</li>', html)

    def test_a_fully_untranslated_field_is_marked_as_a_whole(self):
        target = self.translate_partly_and_publish("uk", {"Über uns": "Про нас"})
        html = self.client.get(target.url).content.decode()
        self.assertIn('<p class="lead" lang="de">Wer wir sind und was wir tun.</p>', html)
        self.assertIn('<div lang="de" class="rich-text">', html)
        self.assertEqual(len(re.findall(r'<h2 lang="de"', html)), 2)

    def test_a_fully_translated_page_has_no_german_marks(self):
        everything = {
            **TRANSLATED,
            "Noch nicht übersetzt": "Уже перекладено",
            "Der zweite Absatz bleibt deutsch.": "Другий абзац теж перекладено.",
            "Liste": "Список",
            "Erstens": "По-перше",
            "Zweitens": "По-друге",
        }
        target = self.translate_partly_and_publish("uk", everything)
        html = self.client.get(target.url).content.decode()
        main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
        self.assertNotIn('lang="de"', main)

    def test_german_page_has_no_marks(self):
        self.client.logout()
        html = self.client.get(self.page.url).content.decode()
        main = html.split('<main id="main-content"', 1)[1].split("</main>", 1)[0]
        self.assertNotIn("lang=", main)
