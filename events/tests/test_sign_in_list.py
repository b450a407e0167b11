"""The sign-in list (Teilnahmeliste) as a PDF: read back with pypdf as a reader of the file would."""

import io
import re

from django.urls import reverse
from pypdf import PdfReader
from wagtail.images import get_image_model

from events.models import Registration

from .registrations import RegistrationsTestCase

UKRAINIAN = [("Олена", "Коваленко"), ("Богдан", "Шевченко"), ("Ірина", "Ярошенко")]


def sign_in_list_url(form, **query):
    url = reverse("events_sign_in_list", args=(form.pk,))
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def pages_text(content):
    return [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]


class SignInListTestCase(RegistrationsTestCase):
    def setUp(self):
        self.client.force_login(self.organiser_a)

    def register_many(self, count, status=Registration.Status.CONFIRMED):
        """`count` registrants named so that their family names sort as their numbers."""
        return [
            self.register(
                self.form_a,
                status=status,
                vorname=f"Vorname{number:03d}",
                nachname=f"Familie{number:03d}",
                e_mail=f"person{number}@example.org",
                institution_kreis_kommune=f"Kommune {number}",
            )
            for number in range(count, 0, -1)
        ]

    def get_pdf(self, **query):
        response = self.client.get(sign_in_list_url(self.form_a, **query))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/pdf")
        return response.content


class SignInListContentTests(SignInListTestCase):
    def assert_page_counters(self, texts):
        total = len(texts)
        for number, text in enumerate(texts, start=1):
            self.assertIn(f"Seite {number} von {total}", text)
        self.assertEqual(
            len(re.findall(r"Seite \d+ von \d+", "\n".join(texts))), total, "one counter per page"
        )

    def names_in(self, texts):
        return re.findall(r"Familie\d{3}, Vorname\d{3}", "\n".join(texts))

    def test_pages_and_counters_for_0_1_35_and_120_registrations(self):
        expected_pages = {}
        for count in (0, 1, 35, 120):
            with self.subTest(registrations=count):
                Registration.objects.filter(page=self.form_a).delete()
                self.register_many(count)
                texts = pages_text(self.get_pdf())
                self.assert_page_counters(texts)
                self.assertEqual(
                    self.names_in(texts),
                    [f"Familie{n:03d}, Vorname{n:03d}" for n in range(1, count + 1)],
                )
                expected_pages[count] = len(texts)
        self.assertEqual(expected_pages[0], 1)
        self.assertEqual(expected_pages[1], 1)
        # Each page holds about 20 signature rows: the longer lists run over several pages,
        # each with its own header row.
        self.assertGreater(expected_pages[35], 1)
        self.assertGreater(expected_pages[120], expected_pages[35])

    def test_column_headers_repeat_on_every_page(self):
        self.register_many(120)
        texts = pages_text(self.get_pdf())
        for text in texts:
            self.assertIn("Unterschrift", text)
            self.assertIn("Institution / Kreis / Kommune", text)

    def test_lists_only_confirmed_registrations(self):
        self.register(self.form_a, nachname="Bestätigt", e_mail="a@example.org")
        for status, name in (
            (Registration.Status.WAITING_LIST, "Wartend"),
            (Registration.Status.CANCELLED, "Storniert"),
            (Registration.Status.UNCONFIRMED, "Unbestätigt"),
        ):
            self.register(self.form_a, status=status, nachname=name, e_mail=f"{name}@example.org")
        text = "\n".join(pages_text(self.get_pdf()))
        self.assertIn("Bestätigt, Olena", text)
        for name in ("Wartend", "Storniert", "Unbestätigt"):
            self.assertNotIn(name, text)

    def test_cyrillic_names_are_intact_and_sorted_by_family_name(self):
        for number, (given, family) in enumerate(reversed(UKRAINIAN)):
            self.register(
                self.form_a,
                language="uk",
                vorname=given,
                nachname=family,
                e_mail=f"uk{number}@example.org",
                institution_kreis_kommune="Громада Бучі",
            )
        self.register(self.form_a, vorname="Jürgen", nachname="Özdemir", e_mail="j@example.org")
        self.register(self.form_a, vorname="Anna", nachname="Zander", e_mail="z@example.org")
        text = "\n".join(pages_text(self.get_pdf()))
        expected = [
            "Özdemir, Jürgen",
            "Zander, Anna",
            *(f"{family}, {given}" for given, family in UKRAINIAN),
        ]
        positions = [text.find(name) for name in expected]
        self.assertNotIn(-1, positions, text)
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Громада Бучі", text)

    def test_header_names_event_date_venue_and_funder(self):
        self.event_a.funding_note = (
            "Gefördert durch die Staatskanzlei des Landes Nordrhein-Westfalen."
        )
        self.event_a.venue = self.venue
        self.event_a.save_revision().publish()
        text = pages_text(self.get_pdf())[0]
        self.assertIn("Teilnahmeliste: Konferenz A", text)
        self.assertIn("22. November 2023", text)
        self.assertIn("10:00", text)
        self.assertIn(self.venue.name, text)
        self.assertIn("Staatskanzlei des Landes Nordrhein-Westfalen", text)

    def test_font_with_cyrillic_is_embedded(self):
        self.register(self.form_a, nachname="Коваленко")
        reader = PdfReader(io.BytesIO(self.get_pdf()))
        fonts = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                descendant = font["/DescendantFonts"][0].get_object()
                descriptor = descendant["/FontDescriptor"].get_object()
                self.assertTrue(
                    any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")),
                    f"{font['/BaseFont']} is not embedded",
                )
                fonts.add(str(font["/BaseFont"]).split("+")[-1])
        # The family of the list's @font-face, which no system has: the app's own font files.
        self.assertEqual(fonts, {"Reallabor-DejaVu-Sans", "Reallabor-DejaVu-Sans-Bold"})

    def test_empty_rows_follow_for_walk_ins(self):
        self.register_many(2)
        text = "\n".join(pages_text(self.get_pdf()))
        numbers = [int(n) for n in re.findall(r"^(\d+)\s*$", text, flags=re.MULTILINE)]
        self.assertEqual(numbers[-1], 12)

    def test_in_ukrainian_on_request(self):
        self.register(self.form_a, nachname="Коваленко")
        text = pages_text(self.get_pdf(lang="uk"))[0]
        self.assertIn("Сторінка 1 з 1", text)
        self.assertIn("Підпис", text)

    def test_unknown_language_gives_the_german_list(self):
        text = pages_text(self.get_pdf(lang="xx"))[0]
        self.assertIn("Seite 1 von 1", text)

    def test_is_tagged_and_titled(self):
        reader = PdfReader(io.BytesIO(self.get_pdf()))
        self.assertIn("/StructTreeRoot", reader.trailer["/Root"])
        self.assertEqual(reader.metadata.title, "Teilnahmeliste: Konferenz A")

    def test_leaves_pillows_check_of_truncated_images_on(self):
        """WeasyPrint switches Pillow to accept truncated images when imported; uploads to the
        image library must still be checked after a worker has made a sign-in list."""
        from PIL import ImageFile

        self.get_pdf()
        self.assertFalse(ImageFile.LOAD_TRUNCATED_IMAGES)

    def test_is_never_cached(self):
        response = self.client.get(sign_in_list_url(self.form_a))
        self.assertIn("no-store", response["Cache-Control"])


class SignInListLogoTests(SignInListTestCase):
    def set_logo(self):
        from wagtail.images.tests.utils import get_test_image_file
        from wagtail.models import Site

        from home.models import SiteSettings

        image = get_image_model().objects.create(title="Logo", file=get_test_image_file())
        site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        site_settings.organiser_logo = image
        site_settings.save()
        return image

    def images_on_first_page(self):
        page = PdfReader(io.BytesIO(self.get_pdf())).pages[0]
        return list(page.images)

    def test_shows_the_sites_logo(self):
        self.set_logo()
        self.assertEqual(len(self.images_on_first_page()), 1)

    def test_a_logo_without_its_file_leaves_it_out(self):
        image = self.set_logo()
        image.file.delete(save=False)
        image.renditions.all().delete()
        self.assertEqual(self.images_on_first_page(), [])
