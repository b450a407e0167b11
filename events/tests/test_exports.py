"""The organisers' list and downloads: one list for all languages, in the German form's columns."""

import csv
import io
from datetime import datetime

import openpyxl
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.formatting import BERLIN
from events.models import Registration
from events.registration.admin import sheet_title
from pagebase.testing import translate_page

from .registrations import RegistrationsTestCase

GERMAN_COLUMNS = ["Vorname", "Nachname", "E-Mail", "Institution / Kreis / Kommune", "Telefon"]


def submissions_url(form, export=None):
    url = reverse("wagtailforms:list_submissions", args=(form.pk,))
    return f"{url}?export={export}" if export else url


class ExportTestCase(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.form_en = translate_page(cls.form_a, "en", title="Registration", slug="registration")
        cls.form_uk = translate_page(cls.form_a, "uk", title="Реєстрація", slug="reiestratsiia")
        cls.german = cls.register(cls.form_a, vorname="Jürgen", e_mail="juergen@example.org")
        cls.ukrainian = cls.register(
            cls.form_a,
            language="uk",
            status=Registration.Status.WAITING_LIST,
            vorname="Олена",
            nachname="Коваль",
            e_mail="olena@example.org",
        )
        # 9:30 in Berlin in winter is 8:30 UTC.
        Registration.objects.filter(pk=cls.german.pk).update(
            submit_time=datetime(2023, 11, 10, 9, 30, tzinfo=BERLIN)
        )

    def setUp(self):
        self.client.force_login(self.organiser_a)

    def csv_rows(self, form=None):
        response = self.client.get(submissions_url(form or self.form_a, "csv"), follow=True)
        self.assertEqual(response.status_code, 200)
        content = b"".join(response.streaming_content)
        self.assertTrue(content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark missing")
        return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))

    def xlsx_rows(self, form=None):
        response = self.client.get(submissions_url(form or self.form_a, "xlsx"), follow=True)
        self.assertEqual(response.status_code, 200)
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        return [list(row) for row in workbook.active.iter_rows()]


class MergedListTests(ExportTestCase):
    def test_csv_has_the_german_fields_in_order_then_language_and_status(self):
        heading = self.csv_rows()[0]
        self.assertEqual(heading[1:], [*GERMAN_COLUMNS, "Sprache", "Status", "Anwesenheit"])

    def test_xlsx_has_the_german_fields_in_order_then_language_and_status(self):
        heading = [cell.value for cell in self.xlsx_rows()[0]]
        self.assertEqual(heading[1:], [*GERMAN_COLUMNS, "Sprache", "Status", "Anwesenheit"])

    def test_csv_lists_registrations_of_every_language_with_language_and_status(self):
        rows = self.csv_rows()[1:]
        self.assertEqual(
            [(row[1], row[-3], row[-2], row[-1]) for row in rows],
            [
                ("Jürgen", "Deutsch", "Bestätigt", "nicht erschienen"),
                ("Олена", "Ukrainisch", "Warteliste", ""),
            ],
        )

    def test_xlsx_lists_registrations_of_every_language_with_language_and_status(self):
        rows = self.xlsx_rows()[1:]
        self.assertEqual(
            [(row[1].value, row[-3].value, row[-2].value, row[-1].value) for row in rows],
            [
                ("Jürgen", "Deutsch", "Bestätigt", "nicht erschienen"),
                ("Олена", "Ukrainisch", "Warteliste", None),
            ],
        )

    def test_csv_gives_the_submission_time_in_berlin(self):
        self.assertEqual(self.csv_rows()[1][0], "2023-11-10 09:30:00")

    def test_xlsx_gives_the_submission_time_in_berlin(self):
        self.assertEqual(self.xlsx_rows()[1][0].value, datetime(2023, 11, 10, 9, 30))

    def test_translated_forms_lead_to_the_german_list(self):
        for form in (self.form_en, self.form_uk):
            with self.subTest(language=form.locale.language_code):
                response = self.client.get(submissions_url(form))
                self.assertRedirects(response, submissions_url(self.form_a))

    def test_translated_forms_download_the_german_list(self):
        self.assertEqual(self.csv_rows(self.form_uk), self.csv_rows(self.form_a))

    def test_admin_list_shows_the_same_columns_and_values_status_and_language_first(self):
        response = self.client.get(submissions_url(self.form_a))
        headings = [heading["label"] for heading in response.context["data_headings"]]
        self.assertEqual(
            [str(label) for label in headings[1:]],
            ["Status", "Sprache", *GERMAN_COLUMNS, "Anwesenheit"],
        )
        row = response.context["data_rows"][0]["fields"]
        self.assertEqual(row[1:4], ["Warteliste", "Ukrainisch", "Олена"])
        self.assertContains(response, "Олена")
        self.assertContains(response, "Warteliste")


class FormulaInjectionTests(ExportTestCase):
    DANGEROUS = ["=1+1", "+49 231 123456", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        Registration.objects.all().delete()
        for index, value in enumerate(cls.DANGEROUS):
            cls.register(
                cls.form_a, e_mail=f"person{index}@example.org", institution_kreis_kommune=value
            )

    def test_csv_prefixes_formula_like_cells_with_a_quote(self):
        column = GERMAN_COLUMNS.index("Institution / Kreis / Kommune") + 1
        values = [row[column] for row in self.csv_rows()[1:]]
        self.assertEqual(values, [f"'{value}" for value in self.DANGEROUS])

    def test_xlsx_keeps_formula_like_cells_as_quoted_text(self):
        column = GERMAN_COLUMNS.index("Institution / Kreis / Kommune") + 1
        cells = [row[column] for row in self.xlsx_rows()[1:]]
        # XML turns a stored carriage return into a line feed when the file is read back.
        expected = [value.replace("\r", "\n") for value in self.DANGEROUS]
        self.assertEqual([cell.value for cell in cells], expected)
        self.assertEqual({cell.data_type for cell in cells}, {"s"})
        self.assertTrue(all(cell.quotePrefix for cell in cells))

    def test_harmless_cells_are_unchanged(self):
        self.register(
            self.form_a, e_mail="plain@example.org", institution_kreis_kommune="Kreis Lippe"
        )
        self.assertEqual(self.csv_rows()[-1][4], "Kreis Lippe")


class QueryCountTests(ExportTestCase):
    def queries_for(self, url):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
            if response.streaming:
                # A download runs its queries while the response is read.
                b"".join(response.streaming_content)
        return len(queries)

    def test_list_and_downloads_need_the_same_queries_for_few_and_many_registrations(self):
        for export in (None, "csv", "xlsx"):
            with self.subTest(export=export):
                url = submissions_url(self.form_a, export)
                few = self.queries_for(url)
                for index in range(10):
                    self.register(self.form_a, e_mail=f"person{index}-{export}@example.org")
                self.assertEqual(self.queries_for(url), few)


class SheetTitleTests(ExportTestCase):
    def test_xlsx_sheet_is_named_after_the_event(self):
        response = self.client.get(submissions_url(self.form_a, "xlsx"))
        workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
        self.assertEqual(workbook.sheetnames, ["Konferenz A"])

    def test_sheet_title_follows_excels_rules(self):
        for title, expected in (
            ("Konferenz A", "Konferenz A"),
            (
                "Landkreise als internationale Akteure vor dem Hintergrund",
                "Landkreise als internationale",
            ),
            ("Was tun? [Teil 1/2]: Kreise*", "Was tun Teil 1 2 Kreise"),
            ("'Zitat'", "Zitat"),
            ("???", "Anmeldungen"),
        ):
            with self.subTest(title=title):
                self.assertEqual(sheet_title(title), expected)
                self.assertLessEqual(len(sheet_title(title)), 31)
