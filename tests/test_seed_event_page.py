"""Every fact of the invitation appears on the public event page, in German, English and Ukrainian."""

import html
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale

from events.models import EventPage

DATE_LINES = {
    "de": "Mittwoch, 22. November 2023, 10:00–14:00 Uhr",
    "en": "Wednesday, 22 November 2023, 10:00–14:00",
    "uk": "середа, 22 листопада 2023 р., 10:00–14:00",
}
DEADLINES = {"de": "15. November 2023", "en": "15 November 2023", "uk": "15 листопада 2023"}


def visible_text(response):
    """The page's text as a reader sees it: tags removed, entities decoded, spaces folded."""
    from django.utils.html import strip_tags

    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


class SeedEventPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())
        german = EventPage.objects.get(locale__language_code="de")
        cls.events = {
            code: german.get_translation(Locale.objects.get(language_code=code))
            for code in ("de", "en", "uk")
        }

    def page_text(self, language):
        response = self.client.get(self.events[language].url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'<html lang="{language}">')
        return visible_text(response)

    def test_title_date_and_times_in_the_readers_format(self):
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                self.assertIn(event.title, text)
                self.assertIn(DATE_LINES[language].replace("–", " – "), text.replace("–", " – "))

    def test_venue_and_address(self):
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                self.assertEqual(event.venue.locale.language_code, language)
                self.assertIn(event.venue.name, text)
                self.assertIn("Dorfstraße 29", text)
                self.assertIn("59439 Holzwickede", text)

    def test_key_questions(self):
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                questions = [block.value for block in event.key_questions]
                self.assertEqual(len(questions), 3)
                for question in questions:
                    self.assertIn(" ".join(question.split()), text)

    def test_every_speaker_with_their_function_in_the_readers_language(self):
        german = self.events["de"]
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                for entry in german.speakers.all():
                    speaker = entry.speaker.get_translation(event.locale)
                    self.assertIn(speaker.full_name, text)
                    for position in speaker.positions.all():
                        self.assertIn(position.function, text)
                        self.assertIn(position.organisation, text)
        self.assertIn("Ірина Шум", self.page_text("uk"))
        self.assertIn("Generalkonsulin der Ukraine in Düsseldorf", self.page_text("de"))

    def test_both_practice_examples_with_their_presenters(self):
        german = self.events["de"]
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                for entry in german.practice_examples.all():
                    example = entry.practice_example.get_translation(event.locale)
                    presenter = entry.presenter.get_translation(event.locale)
                    self.assertIn(example.title, text)
                    self.assertIn(presenter.full_name, text)

    def test_funding_organiser_deadline_and_contact(self):
        for language, event in self.events.items():
            with self.subTest(language):
                text = self.page_text(language)
                self.assertIn(" ".join(event.funding_note.split()), text)
                self.assertIn("Staatskanzlei", text)
                self.assertIn(event.organiser, text)
                self.assertIn(DEADLINES[language], text)
                self.assertIn("becker@auslandsgesellschaft.de", text)

    def test_past_event_says_so_and_offers_no_registration(self):
        self.assertIn("Diese Veranstaltung hat bereits stattgefunden.", self.page_text("de"))
        for language in self.events:
            with self.subTest(language):
                response = self.client.get(self.events[language].url)
                self.assertNotContains(response, "registration__form")
