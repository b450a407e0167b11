from wagtail.models import PageViewRestriction

from home.models import OrganisationDetails, SiteSettings, StandardPage
from pagebase.testing import translate_page

from .utils import SiteTreeTestCase


class HomePageRenderingTests(SiteTreeTestCase):
    def test_home_page_renders_in_each_language_with_its_lang_attribute(self):
        for prefix, title in (
            ("de", "Reallabor Startseite"),
            ("en", "Reallabor home"),
            ("uk", "Реальна лабораторія"),
        ):
            with self.subTest(prefix):
                response = self.client.get(f"/{prefix}/")
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{prefix}">')
                self.assertContains(response, f'<h1 id="page-title">{title}</h1>', html=False)

    def test_page_has_skip_link_landmarks_and_navigation_labels(self):
        response = self.client.get("/de/")
        self.assertContains(response, 'href="#main-content"')
        self.assertContains(response, '<main id="main-content"')
        self.assertContains(response, "<header")
        self.assertContains(response, "<footer")
        self.assertContains(response, 'aria-label="Sprache wählen"')


class StandardPageTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = StandardPage(title="Über uns", slug="ueber-uns", introduction="Wer wir sind.")
        cls.home.add_child(instance=cls.about)
        cls.about.save_revision().publish()
        cls.about_uk = translate_page(cls.about, "uk", title="Про нас", slug="pro-nas")

    def test_standard_page_renders_in_german_and_ukrainian(self):
        self.assertPageIsRenderable(self.about)
        response = self.client.get("/uk/pro-nas/")
        self.assertContains(response, "<h1>Про нас</h1>", html=True)

    def test_language_switcher_links_to_the_same_page_in_the_other_language(self):
        response = self.client.get("/de/ueber-uns/")
        self.assertContains(response, 'href="/uk/pro-nas/" lang="uk" hreflang="uk"')

    def test_language_switcher_marks_a_language_without_translation(self):
        response = self.client.get("/de/ueber-uns/")
        # No English version exists: the link goes to the English home page, marked as such.
        self.assertContains(response, 'href="/en/" lang="en" hreflang="en">English')
        self.assertContains(response, "noch nicht übersetzt")

    def test_language_switcher_on_an_untranslated_copy_claims_no_false_hreflang(self):
        alias = self.about.copy_for_translation(self.locales["en"], copy_parents=True, alias=True)
        response = self.client.get(alias.url)
        switcher = response.content.decode().split('class="language-switcher"', 1)[1]
        switcher = switcher.split("</nav>", 1)[0]
        # The English copy shows German text: its link says so, the German one stays "de".
        self.assertIn(
            f'<a href="{alias.url}" aria-current="true" lang="en" hreflang="de">', switcher
        )
        self.assertIn('href="/de/ueber-uns/" lang="de" hreflang="de"', switcher)
        self.assertNotIn('hreflang="en"', switcher)
        self.assertIn('href="/uk/pro-nas/" lang="uk" hreflang="uk"', switcher)

    def test_untranslated_alias_page_keeps_german_lang_and_says_so(self):
        alias = self.about.copy_for_translation(self.locales["en"], copy_parents=True, alias=True)
        response = self.client.get(alias.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, '<main id="main-content" tabindex="-1" lang="de">')
        self.assertContains(response, "has not been translated into your language yet")


class FooterTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        organisation = OrganisationDetails.objects.create(
            organisation_name="Netzwerkstelle Städtepartnerschaften",
            project_name="Reallabor",
            funding_line="Gefördert von der Staatskanzlei NRW",
            locale=cls.locales["de"],
        )
        organisation_uk = organisation.copy_for_translation(cls.locales["uk"])
        organisation_uk.funding_line = "За підтримки Державної канцелярії NRW"
        organisation_uk.save()
        imprint = StandardPage(title="Impressum", slug="impressum")
        cls.home.add_child(instance=imprint)
        imprint.save_revision().publish()
        translate_page(imprint, "uk", title="Вихідні дані", slug="vykhidni-dani")
        settings = SiteSettings.for_site(cls.site)
        settings.organisation = organisation
        settings.contact_email = "becker@auslandsgesellschaft.de"
        settings.imprint_page = imprint
        settings.save()

    def test_footer_shows_organisation_details_in_the_readers_language(self):
        self.assertContains(self.client.get("/de/"), "Gefördert von der Staatskanzlei NRW")
        self.assertContains(self.client.get("/uk/"), "За підтримки Державної канцелярії NRW")

    def test_footer_links_to_the_legal_pages_in_the_readers_language(self):
        self.assertContains(
            self.client.get("/uk/"), '<a href="/uk/vykhidni-dani/">Вихідні дані</a>'
        )
        self.assertContains(self.client.get("/de/"), '<a href="/de/impressum/">Impressum</a>')

    def test_footer_shows_contact_email_as_link(self):
        self.assertContains(
            self.client.get("/en/"),
            'href="mailto:becker@auslandsgesellschaft.de"',
        )


class MainMenuTests(SiteTreeTestCase):
    def test_menu_lists_pages_marked_for_it_but_not_restricted_ones(self):
        public = StandardPage(title="Über uns", slug="ueber-uns", show_in_menus=True)
        private = StandardPage(title="Intern", slug="intern", show_in_menus=True)
        for page in (public, private):
            self.home.add_child(instance=page)
            page.save_revision().publish()
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
        )
        response = self.client.get("/de/")
        self.assertContains(response, '<a href="/de/ueber-uns/"')
        self.assertNotContains(response, "Intern")
