from datetime import date

from django.test import SimpleTestCase
from django.utils import translation
from django.utils.formats import date_format


class DateFormatTests(SimpleTestCase):
    def test_dates_in_lists_read_as_on_the_event_pages(self):
        expected = {"de": "22. November 2023", "en": "22 November 2023", "uk": "22 листопада 2023"}
        for language, text in expected.items():
            with self.subTest(language), translation.override(language):
                self.assertIn(text, date_format(date(2023, 11, 22)))
