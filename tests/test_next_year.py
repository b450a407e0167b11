"""Next year's event prepared from the seed conference of 22 November 2023, in every language."""

from datetime import date, datetime, timedelta
from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from events.formatting import BERLIN, in_berlin
from events.models import EventPage, Registration, RegistrationFormPage
from events.next_year import (
    next_slug,
    prepare_next_year,
    same_weekday_in,
    suggested_interval,
    with_new_year,
)

LANGUAGES = ("de", "en", "uk")


class SeedEventTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())
        cls.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        cls.old = {
            page.locale.language_code: page for page in EventPage.objects.select_related("locale")
        }
        cls.old_forms = {
            page.locale.language_code: page
            for page in RegistrationFormPage.objects.select_related("locale")
        }
        # A registration of 2023, which must stay with the 2023 event.
        Registration.objects.create(
            page=cls.old_forms["de"],
            form_data={"e_mail": "olena@example.org"},
            language="uk",
            email="olena@example.org",
        )

    def versions(self, page):
        return {
            version.locale.language_code: version
            for version in page.get_translations(inclusive=True).specific().select_related("locale")
        }


class PrepareNextYearCommandTests(SeedEventTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        output = StringIO()
        call_command("prepare_next_year", cls.old["en"].pk, "--weeks", "52", stdout=output)
        cls.output = output.getvalue()
        cls.copy = EventPage.objects.get(locale__language_code="de", start__year=2024)

    def test_command_says_what_it_made(self):
        self.assertIn(f"page {self.copy.pk}, drafts in de, en, uk", self.output)
        self.assertIn("starting 2024-11-20 10:00", self.output)

    def test_every_language_has_a_draft_on_the_same_weekday_a_year_later(self):
        events = self.versions(self.copy)
        self.assertEqual(set(events), set(LANGUAGES))
        for language, event in events.items():
            with self.subTest(language):
                self.assertFalse(event.live)
                self.assertIsNone(event.alias_of_id)
                self.assertEqual(in_berlin(event.start), datetime(2024, 11, 20, 10, tzinfo=BERLIN))
                self.assertEqual(in_berlin(event.end), datetime(2024, 11, 20, 14, tzinfo=BERLIN))
                self.assertEqual(in_berlin(event.start).weekday(), self.old["de"].start.weekday())
                self.assertEqual(event.get_parent().locale.language_code, language)

    def test_texts_are_the_old_events_texts_in_each_language(self):
        for language, event in self.versions(self.copy).items():
            old = self.old[language]
            with self.subTest(language):
                self.assertEqual(event.title, old.title)
                self.assertEqual(event.slug, f"{old.slug}-2024")
                self.assertEqual(event.introduction, old.introduction)
                self.assertEqual(event.funding_note, old.funding_note)
                self.assertEqual(
                    [block.value for block in event.key_questions],
                    [block.value for block in old.key_questions],
                )
                self.assertEqual(event.venue.locale.language_code, language)
                self.assertEqual(
                    [(entry.speaker_id, entry.role) for entry in event.speakers.all()],
                    [(entry.speaker_id, entry.role) for entry in old.speakers.all()],
                )
                self.assertEqual(
                    [entry.practice_example_id for entry in event.practice_examples.all()],
                    [entry.practice_example_id for entry in old.practice_examples.all()],
                )

    def test_translation_editor_finds_every_text_translated(self):
        forms = self.versions(RegistrationFormPage.objects.child_of(self.copy).get())
        for page in (self.copy, forms["de"]):
            source = TranslationSource.objects.get_for_instance(page)
            for language in ("en", "uk"):
                with self.subTest(page=page.title, language=language):
                    translation = Translation.objects.get(
                        source=source, target_locale=self.locales[language]
                    )
                    total, translated = translation.get_progress()
                    self.assertGreater(total, 5)
                    self.assertEqual(translated, total)
                    self.assertTrue(translation.enabled)
        self.assertEqual(
            StringSegment.objects.filter(
                source=TranslationSource.objects.get_for_instance(self.copy)
            ).count(),
            StringSegment.objects.filter(
                source=TranslationSource.objects.get_for_instance(self.old["de"])
            ).count(),
        )

    def test_registration_form_in_every_language_with_its_fields_and_shifted_deadline(self):
        forms = self.versions(RegistrationFormPage.objects.child_of(self.copy).get())
        self.assertEqual(set(forms), set(LANGUAGES))
        for language, form in forms.items():
            old = self.old_forms[language]
            with self.subTest(language):
                self.assertFalse(form.live)
                self.assertEqual(form.get_parent().specific.start.year, 2024)
                self.assertEqual(
                    [
                        (field.label, field.clean_name, field.choices)
                        for field in form.form_fields.all()
                    ],
                    [
                        (field.label, field.clean_name, field.choices)
                        for field in old.form_fields.all()
                    ],
                )
                self.assertEqual(form.thank_you_text, old.thank_you_text)
                self.assertEqual(
                    in_berlin(form.owning_form.registration_closes),
                    datetime(2024, 11, 13, 23, 59, 59, tzinfo=BERLIN),
                )

    def test_registrations_stay_with_the_old_event(self):
        new_forms = RegistrationFormPage.objects.filter(
            translation_key=RegistrationFormPage.objects.child_of(self.copy).get().translation_key
        )
        self.assertFalse(Registration.objects.filter(page__in=new_forms).exists())
        self.assertEqual(Registration.objects.filter(page=self.old_forms["de"]).count(), 1)

    def test_old_event_is_unchanged_and_live(self):
        for language, old in self.old.items():
            with self.subTest(language):
                old.refresh_from_db()
                self.assertTrue(old.live)
                self.assertEqual(in_berlin(old.start).year, 2023)
                self.assertEqual(old.get_children().count(), 1)


class IntervalTests(SeedEventTestCase):
    def test_a_chosen_interval_shifts_everything_by_it(self):
        copy = prepare_next_year(self.old["de"], timedelta(weeks=53))
        self.assertEqual(in_berlin(copy.start), datetime(2024, 11, 27, 10, tzinfo=BERLIN))
        form = RegistrationFormPage.objects.child_of(copy).get()
        self.assertEqual(
            in_berlin(form.registration_closes), datetime(2024, 11, 20, 23, 59, 59, tzinfo=BERLIN)
        )

    def test_preparing_twice_gives_two_drafts_with_their_own_slugs(self):
        first = prepare_next_year(self.old["de"], timedelta(weeks=52))
        second = prepare_next_year(self.old["de"], timedelta(weeks=52))
        self.assertNotEqual(first.slug, second.slug)
        self.assertEqual(len(self.versions(second)), 3)


class YearInTextTests(TestCase):
    def test_year_in_slug_is_replaced_and_added_where_missing(self):
        self.assertEqual(next_slug("konferenz-2023", 2023, 2024), "konferenz-2024")
        self.assertEqual(next_slug("konferenz", 2023, 2024), "konferenz-2024")

    def test_only_the_year_as_a_number_of_its_own_is_replaced(self):
        self.assertEqual(with_new_year("Tag 2023 (120230)", 2023, 2024), "Tag 2024 (120230)")


class SuggestedDateTests(SeedEventTestCase):
    def test_same_weekday_one_year_later_is_52_weeks(self):
        self.assertEqual(same_weekday_in(date(2023, 11, 22), 2024), date(2024, 11, 20))

    def test_same_weekday_closest_to_the_calendar_date_years_later(self):
        # 22 November 2027 is a Monday; the Wednesday two days later is closer than the one before.
        self.assertEqual(same_weekday_in(date(2023, 11, 22), 2027), date(2027, 11, 24))

    def test_suggestion_is_the_first_year_in_which_the_day_is_still_ahead(self):
        event = self.old["de"]
        self.assertEqual(suggested_interval(event, today=date(2024, 1, 10)), timedelta(weeks=52))
        self.assertEqual(
            event.start.date() + suggested_interval(event, today=date(2026, 12, 1)),
            date(2027, 11, 24),
        )
