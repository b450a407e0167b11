"""The figures for the funder's report, against a fixture counted by hand."""

import csv
import io
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from events.models import EventPage, Registration, RegistrationFormField, WalkIn
from pagebase.testing import translate_page

from .registrations import FORM_FIELDS, RegistrationsTestCase

Status = Registration.Status

KIND_CHOICES = {
    "de": "Kreis\nkreisangehörige Kommune\nkreisfreie Stadt\nandere Institution",
    "en": "District (Kreis)\nMunicipality in a district\nCity without district\nOther institution",
    "uk": "Район (Kreis)\nГромада у складі району\nМісто обласного значення\nІнша установа",
}

# language, status, answer to "Art der Institution", checked in
FIXTURE = [
    ("de", Status.CONFIRMED, "Kreis", True),
    ("de", Status.CONFIRMED, "kreisangehörige Kommune", True),
    ("de", Status.CONFIRMED, "kreisangehörige Kommune", False),
    ("uk", Status.CONFIRMED, "Район (Kreis)", True),
    ("uk", Status.CONFIRMED, "Громада у складі району", False),
    ("en", Status.CONFIRMED, "Other institution", True),
    ("de", Status.WAITING_LIST, "Kreis", False),
    ("uk", Status.WAITING_LIST, "", False),
    ("de", Status.CANCELLED, "kreisfreie Stadt", False),
    ("en", Status.UNCONFIRMED, "District (Kreis)", False),
]

HEADING = [
    "",
    "Angemeldet",
    "Bestätigt",
    "Warteliste",
    "Wartet auf E-Mail-Bestätigung",
    "Storniert",
    "Anwesend",
    "Nicht erschienen",
]
# Counted by hand from FIXTURE, plus two walk-ins.
EXPECTED = [
    ["Alle Anmeldungen", "10", "6", "2", "1", "1", "4", "2"],
    ["Nach Art der Institution"],
    ["Kreis", "4", "2", "1", "1", "0", "2", "0"],
    ["Kreisangehörige Kommune", "3", "3", "0", "0", "0", "1", "2"],
    ["Andere Institution", "2", "1", "0", "0", "1", "1", "0"],
    ["Keine Angabe", "1", "0", "1", "0", "0", "0", "0"],
    ["Nach Sprache der Anmeldung"],
    ["Deutsch", "5", "3", "1", "0", "1", "2", "1"],
    ["Englisch", "2", "1", "0", "1", "0", "1", "0"],
    ["Ukrainisch", "3", "2", "1", "0", "0", "1", "1"],
    ["Ohne Anmeldung erschienen", "", "", "", "", "", "2", ""],
    ["Anwesend insgesamt", "", "", "", "", "", "6", ""],
]


class FiguresTestCase(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        RegistrationFormField.objects.create(
            page=cls.form_a,
            label="Art der Institution",
            field_type="dropdown",
            required=False,
            choices=KIND_CHOICES["de"],
            sort_order=len(FORM_FIELDS),
            locale=cls.form_a.locale,
        )
        cls.form_a.save_revision().publish()
        for language in ("en", "uk"):
            translated = translate_page(cls.form_a, language, title=f"Anmeldung {language}")
            field = translated.form_fields.get(clean_name="art_der_institution")
            field.choices = KIND_CHOICES[language]
            field.save()
        for number, (language, status, kind, present) in enumerate(FIXTURE):
            registration = cls.register(
                cls.form_a,
                language=language,
                status=status,
                e_mail=f"person{number}@example.org",
                art_der_institution=kind,
            )
            if present:
                Registration.objects.filter(pk=registration.pk).update(checked_in_at=timezone.now())
        WalkIn.objects.create(page=cls.form_a, name="Petro Neu", institution="Kreis Unna")
        WalkIn.objects.create(page=cls.form_a, name="Maria Neu")
        # Another event's registrations count for that event only.
        cls.register(cls.form_b, e_mail="b@example.org")

    def setUp(self):
        self.client.force_login(self.organiser_a)

    def url(self, form=None):
        return reverse("events_figures", args=((form or self.form_a).pk,))

    def csv_rows(self):
        response = self.client.get(self.url(), {"export": "csv"})
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        text = response.content.decode("utf-8")
        self.assertTrue(text.startswith("\ufeff"))
        return [row for row in csv.reader(io.StringIO(text.lstrip("\ufeff")))]


class FiguresTests(FiguresTestCase):
    def test_csv_matches_the_hand_count(self):
        rows = self.csv_rows()
        self.assertEqual(rows[0], HEADING)
        self.assertEqual(
            [row[: len(expected)] for row, expected in zip(rows[1:], EXPECTED, strict=True)],
            EXPECTED,
        )

    def test_xlsx_matches_the_hand_count_with_numbers(self):
        response = self.client.get(self.url(), {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
        self.assertEqual(rows[1], ["Alle Anmeldungen", 10, 6, 2, 1, 1, 4, 2])
        self.assertEqual(rows[-1][0], "Anwesend insgesamt")
        self.assertEqual(rows[-1][6], 6)
        self.assertEqual(sheet.title, "Konferenz A")

    def test_page_shows_the_table(self):
        response = self.client.get(self.url())
        self.assertEqual(response.status_code, 200)
        lines = response.context["lines"]
        self.assertEqual(
            [[("" if c is None else str(c)) for c in cells] for _kind, cells in lines], EXPECTED
        )
        self.assertContains(response, "Kreisangehörige Kommune")
        self.assertContains(response, "events/figures.css")
        self.assertContains(response, "?export=xlsx")

    def test_before_the_event_ends_nobody_is_counted_as_absent(self):
        EventPage.objects.filter(pk=self.event_a.pk).update(end=timezone.now() + timedelta(hours=2))
        self.assertEqual(
            self.csv_rows()[1], ["Alle Anmeldungen", "10", "6", "2", "1", "1", "4", ""]
        )

    def test_a_form_that_does_not_ask_the_kind_has_no_such_section(self):
        self.client.force_login(self.organiser_b)
        response = self.client.get(self.url(self.form_b))
        labels = [cells[0] for _kind, cells in response.context["lines"]]
        self.assertNotIn("Nach Art der Institution", labels)
        self.assertIn("Nach Sprache der Anmeldung", labels)
        self.assertEqual(response.context["lines"][0][1][:2], ["Alle Anmeldungen", 1])
