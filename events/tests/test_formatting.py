from datetime import datetime

from django.conf import settings
from django.test import SimpleTestCase
from django.utils import translation

from events.formatting import BERLIN, format_date, format_period, format_period_html

START = datetime(2023, 11, 22, 10, 0, tzinfo=BERLIN)
END = datetime(2023, 11, 22, 14, 0, tzinfo=BERLIN)


class EventPeriodTests(SimpleTestCase):
    def test_one_day_event_in_german_english_and_ukrainian(self):
        expected = {
            "de": "Mittwoch, 22. November 2023, 10:00–14:00 Uhr",
            "en": "Wednesday, 22 November 2023, 10:00–14:00",
            "uk": "середа, 22 листопада 2023 р., 10:00–14:00",
        }
        for language, text in expected.items():
            with self.subTest(language), translation.override(language):
                self.assertEqual(format_period(START, END), text)

    def test_times_are_shown_in_german_time_whatever_the_stored_zone(self):
        utc_start = datetime.fromisoformat("2023-11-22T09:00:00+00:00")
        utc_end = datetime.fromisoformat("2023-11-22T13:00:00+00:00")
        with translation.override("en"):
            self.assertEqual(
                format_period(utc_start, utc_end), "Wednesday, 22 November 2023, 10:00–14:00"
            )

    def test_event_over_several_days_names_both_days(self):
        end = datetime(2023, 11, 23, 13, 30, tzinfo=BERLIN)
        expected = {
            "de": "Mittwoch, 22. November 2023, 10:00 Uhr – Donnerstag, 23. November 2023, 13:30 Uhr",
            "en": "Wednesday, 22 November 2023, 10:00 – Thursday, 23 November 2023, 13:30",
            "uk": "середа, 22 листопада 2023 р., 10:00 – четвер, 23 листопада 2023 р., 13:30",
        }
        for language, text in expected.items():
            with self.subTest(language), translation.override(language):
                self.assertEqual(format_period(START, end), text)

    def test_deadline_date_without_weekday(self):
        deadline = datetime(2023, 11, 15, 23, 59, tzinfo=BERLIN)
        expected = {
            "de": "15. November 2023",
            "en": "15 November 2023",
            "uk": "15 листопада 2023 р.",
        }
        for language, text in expected.items():
            with self.subTest(language), translation.override(language):
                self.assertEqual(format_date(deadline), text)

    def test_sentences_ending_with_a_date_end_with_one_full_stop(self):
        """The Ukrainian date ends with the abbreviation "р.", whose point ends the sentence."""
        deadline = datetime(2023, 11, 15, 23, 59, tzinfo=BERLIN)
        for message in (
            "Registration opens on %(date)s.",
            "Registration was possible until %(date)s.",
        ):
            for language, _name in settings.LANGUAGES:
                with self.subTest(language=language, message=message):
                    with translation.override(language):
                        text = translation.gettext(message) % {"date": format_date(deadline)}
                    self.assertTrue(text.endswith("."), text)
                    self.assertFalse(text.endswith(".."), text)

    def test_html_period_marks_day_and_times_with_iso_datetimes(self):
        with translation.override("de"):
            html = format_period_html(START, END)
        self.assertEqual(
            html,
            '<time datetime="2023-11-22">Mittwoch, 22. November 2023</time>, '
            '<time datetime="2023-11-22T10:00:00+01:00">10:00</time>–'
            '<time datetime="2023-11-22T14:00:00+01:00">14:00</time> Uhr',
        )

    def test_summer_time_uses_the_summer_offset(self):
        start = datetime(2024, 6, 5, 9, 0, tzinfo=BERLIN)
        with translation.override("de"):
            html = format_period_html(start, start.replace(hour=12))
        self.assertIn('datetime="2024-06-05T09:00:00+02:00"', html)
