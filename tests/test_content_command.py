from io import StringIO

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail_localize.models import LocaleSynchronization, StringTranslation, Translation

from home.models import HomePage, OrganisationDetails, SiteSettings, StandardPage


class LoadContentTests(TestCase):
    @staticmethod
    def load_content():
        call_command("load_reallabor_content", stdout=StringIO())

    @classmethod
    def setUpTestData(cls):
        cls.load_content()

    def test_home_page_exists_in_german_english_and_ukrainian(self):
        titles = dict(HomePage.objects.values_list("locale__language_code", "title"))
        self.assertEqual(titles["de"], "Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine")
        self.assertIn("Reconstruction Partnerships", titles["en"])
        self.assertIn("Реальна лабораторія", titles["uk"])

    def test_default_site_is_rooted_at_the_german_home_page(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page.specific, HomePage.objects.get(locale__language_code="de"))
        self.assertFalse(
            Page.objects.filter(depth=2, slug="home", locale__language_code="de").exists()
        )

    def test_about_and_legal_pages_exist_in_every_language(self):
        german = set(
            StandardPage.objects.filter(locale__language_code="de").values_list("slug", flat=True)
        )
        self.assertEqual(german, {"ueber-uns", "impressum", "datenschutz", "barrierefreiheit"})
        for code in ("en", "uk"):
            self.assertEqual(
                StandardPage.objects.live().filter(locale__language_code=code).count(), 4
            )

    def test_legal_pages_are_marked_as_placeholders_for_editors(self):
        imprint = StandardPage.objects.get(slug="impressum")
        self.assertIn("Platzhalter", imprint.introduction)

    def test_every_page_is_served_in_every_language(self):
        for page in Page.objects.live().filter(depth__gte=2):
            with self.subTest(page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_ukrainian_home_page_is_in_cyrillic(self):
        response = self.client.get("/uk/")
        self.assertContains(response, "Реальна лабораторія муніципальних партнерств")
        self.assertContains(response, "Наші цілі")

    def test_translations_are_editable_in_wagtail_localize(self):
        home = HomePage.objects.get(locale__language_code="de")
        self.assertEqual(
            set(
                Translation.objects.filter(source__object_id=home.translation_key).values_list(
                    "target_locale__language_code", flat=True
                )
            ),
            {"en", "uk"},
        )
        self.assertTrue(StringTranslation.objects.filter(data="Наші цілі").exists())

    def test_new_german_pages_are_mirrored_into_english_and_ukrainian(self):
        self.assertEqual(
            set(LocaleSynchronization.objects.values_list("locale__language_code", flat=True)),
            {"en", "uk"},
        )

    def test_site_settings_point_to_organisation_and_legal_pages(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(settings.contact_email, "becker@auslandsgesellschaft.de")
        self.assertEqual(settings.privacy_page.slug, "datenschutz")
        self.assertEqual(OrganisationDetails.objects.count(), 3)

    def test_running_twice_changes_nothing(self):
        def snapshot():
            return {
                "pages": list(Page.objects.order_by("pk").values_list("pk", "title", "live")),
                "revisions": Revision.objects.count(),
                "log": PageLogEntry.objects.count(),
                "snippets": OrganisationDetails.objects.count(),
                "string_translations": StringTranslation.objects.count(),
            }

        before = snapshot()
        self.load_content()
        self.assertEqual(snapshot(), before)

    def test_running_again_keeps_what_editors_changed(self):
        about = StandardPage.objects.get(slug="ueber-uns")
        about.title = "Über das Reallabor"
        about.save_revision().publish()
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_email = "info@example.org"
        settings.save()
        self.load_content()
        self.assertEqual(StandardPage.objects.get(slug="ueber-uns").title, "Über das Reallabor")
        self.assertEqual(
            SiteSettings.for_site(Site.objects.get(is_default_site=True)).contact_email,
            "info@example.org",
        )
