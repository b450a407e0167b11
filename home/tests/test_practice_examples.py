from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import (
    CooperationField,
    HomePage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    StandardPage,
)
from pagebase.testing import translate_page
from speakers.tests.utils import add_speaker

from .practice_examples import PracticeExampleTestCase


class PageTreeRulesTests(PracticeExampleTestCase):
    def test_practice_example_index_can_be_created_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PracticeExampleIndexPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, PracticeExampleIndexPage)
        self.assertCanNotCreateAt(Page, PracticeExampleIndexPage)

    def test_practice_example_can_be_created_only_under_the_index(self):
        self.assertAllowedParentPageTypes(PracticeExamplePage, {PracticeExampleIndexPage})
        self.assertCanNotCreateAt(HomePage, PracticeExamplePage)
        self.assertCanNotCreateAt(PracticeExamplePage, PracticeExamplePage)

    def test_home_page_takes_only_one_practice_example_index(self):
        self.assertFalse(PracticeExampleIndexPage.can_create_at(self.home))


class PracticeExamplePageTests(PracticeExampleTestCase):
    def test_practice_example_and_index_can_be_previewed(self):
        form = nested_form_data(
            {
                "title": "Kreis Coesfeld und Ukraine",
                "slug": "kreis-coesfeld",
                "kreis": "Kreis Coesfeld",
                "partner_community": "",
                "partner_oblast": "",
                "partnership_since": "2023",
                "cooperation_fields": inline_formset([{"field": self.disaster_relief.pk}]),
                "contact_person": self.kallerhoff.pk,
                "summary": "Eine Partnerschaft, die im Krieg gewachsen ist.",
                "body": streamfield([]),
            }
        )
        self.assertPageIsPreviewable(self.coesfeld, post_data=form)
        self.assertPageIsPreviewable(self.index)

    def test_shows_kreis_partnership_year_and_summary(self):
        response = self.client.get(self.coesfeld.url)
        self.assertContains(response, "<h1>Kreis Coesfeld und Ukraine</h1>", html=True)
        self.assertContains(response, "<dt>Kreis</dt><dd>Kreis Coesfeld</dd>", html=True)
        self.assertContains(response, "<dt>Partnerschaft seit</dt><dd>2023</dd>", html=True)
        self.assertContains(response, "Eine Partnerschaft, die im Krieg gewachsen ist.")

    def test_unknown_partner_community_and_oblast_are_left_out(self):
        response = self.client.get(self.coesfeld.url)
        self.assertNotContains(response, "Partnerkommune")
        self.assertNotContains(response, "Oblast")

    def test_known_partner_community_and_oblast_are_shown(self):
        lippe = self.add_example(
            self.index,
            title="Kreis Lippe",
            slug="kreis-lippe",
            kreis="Kreis Lippe",
            partner_community="Hromada Beispiel",
            partner_oblast="Oblast Beispiel",
        )
        response = self.client.get(lippe.url)
        self.assertContains(response, "<dt>Partnerkommune</dt><dd>Hromada Beispiel</dd>", html=True)
        self.assertContains(response, "<dt>Oblast</dt><dd>Oblast Beispiel</dd>", html=True)

    def test_contact_person_links_to_the_speaker_page(self):
        response = self.client.get(self.coesfeld.url)
        self.assertContains(
            response, f'<a href="{self.kallerhoff.url}">Marina Kallerhoff</a>', html=True
        )

    def test_ukrainian_page_links_the_ukrainian_contact_person(self):
        translate_page(
            self.kallerhoff, "uk", given_name="Марина", family_name="Каллергоф", slug="kallerhoff"
        )
        translate_page(self.coesfeld, "uk", title="Округ Кесфельд", slug="koesfeld")
        response = self.client.get("/uk/pryklady/koesfeld/")
        self.assertContains(
            response, '<a href="/uk/referierende/kallerhoff/">Марина Каллергоф</a>', html=True
        )

    def test_ukrainian_page_links_the_german_contact_person_when_untranslated(self):
        translate_page(self.coesfeld, "uk", title="Округ Кесфельд", slug="koesfeld")
        response = self.client.get("/uk/pryklady/koesfeld/")
        self.assertContains(
            response, f'<a href="{self.kallerhoff.url}">Marina Kallerhoff</a>', html=True
        )

    def test_fields_of_cooperation_are_named_in_the_readers_language(self):
        self.assertContains(self.client.get(self.coesfeld.url), "<li>Katastrophenschutz</li>")
        translate_page(self.coesfeld, "uk", title="Округ Кесфельд", slug="koesfeld")
        response = self.client.get("/uk/pryklady/koesfeld/")
        self.assertContains(response, "<li>Цивільний захист</li>")
        self.assertNotContains(response, "Katastrophenschutz")


class PracticeExampleIndexTests(PracticeExampleTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.lippe = cls.add_example(
            cls.index, title="Kreis Lippe und Ukraine", slug="kreis-lippe", kreis="Kreis Lippe"
        )

    def test_lists_examples_with_kreis_and_summary(self):
        response = self.client.get(self.index.url)
        self.assertContains(
            response,
            f'<a href="{self.coesfeld.url}">Kreis Coesfeld und Ukraine</a>',
            html=True,
        )
        self.assertContains(response, "Eine Partnerschaft, die im Krieg gewachsen ist.")
        self.assertContains(response, "<li>Katastrophenschutz</li>")

    def test_filter_offers_each_kreis_with_a_visible_label(self):
        response = self.client.get(self.index.url)
        self.assertContains(response, '<label for="kreis-filter">Kreis</label>', html=True)
        self.assertContains(response, '<option value="Kreis Lippe">Kreis Lippe</option>', html=True)

    def test_filter_by_kreis_shows_only_its_examples(self):
        response = self.client.get(self.index.url, {"kreis": "Kreis Lippe"})
        self.assertContains(response, "Kreis Lippe und Ukraine")
        self.assertNotContains(response, "Kreis Coesfeld und Ukraine")
        self.assertContains(response, '<option value="Kreis Lippe" selected>', html=False)

    def test_unknown_kreis_shows_all_examples(self):
        response = self.client.get(self.index.url, {"kreis": "<b>Kreis Nirgendwo</b>"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Kreis Lippe und Ukraine")
        self.assertContains(response, "Kreis Coesfeld und Ukraine")
        self.assertNotContains(response, "<b>Kreis Nirgendwo</b>")

    def test_ukrainian_index_lists_only_ukrainian_examples(self):
        translate_page(self.coesfeld, "uk", title="Округ Кесфельд", slug="koesfeld")
        response = self.client.get("/uk/pryklady/")
        self.assertContains(response, "Округ Кесфельд")
        self.assertNotContains(response, "Kreis Lippe und Ukraine")


class HomePagePracticeExamplesTests(PracticeExampleTestCase):
    def test_home_page_lists_the_practice_examples_after_its_content(self):
        content = self.client.get("/de/").content.decode()
        self.assertIn('<h2 id="practice-examples-heading">Praxisbeispiele</h2>', content)
        self.assertIn(f'<a href="{self.coesfeld.url}">Kreis Coesfeld und Ukraine</a>', content)
        self.assertIn(f'<a href="{self.index.url}">Alle Praxisbeispiele</a>', content)

    def test_home_page_lists_the_examples_in_the_readers_language(self):
        translate_page(self.coesfeld, "uk", title="Округ Кесфельд", slug="koesfeld")
        response = self.client.get("/uk/")
        self.assertContains(response, "Округ Кесфельд")
        self.assertContains(response, "Приклади з практики")
        self.assertNotContains(response, "Kreis Coesfeld und Ukraine")

    def test_home_page_without_practice_examples_has_no_section(self):
        self.assertNotContains(self.client.get("/en/"), "practice-examples-heading")


class PracticeExampleQueryCountTests(PracticeExampleTestCase):
    def count_queries(self, url):
        # The first visit fills caches (site root paths, content types); count a later one.
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def add_examples(self, count):
        existing = self.index.get_children().count()
        for number in range(existing, existing + count):
            contact = add_speaker(self.speakers, "Person", f"Nummer{number}")
            field = CooperationField.objects.create(
                name=f"Bereich {number}", locale=self.locales["de"]
            )
            self.add_example(
                self.index,
                title=f"Kreis {number}",
                slug=f"kreis-{number}",
                kreis=f"Kreis {number}",
                contact_person=contact,
                fields=[field, self.disaster_relief],
            )

    def translate_examples(self):
        for example in PracticeExamplePage.objects.filter(locale=self.locales["de"]):
            if not example.has_translation(self.locales["uk"]):
                translate_page(example, "uk", slug=f"{example.slug}-uk")

    def test_index_queries_do_not_grow_with_the_number_of_examples(self):
        self.add_examples(1)
        few = self.count_queries(self.index.url)
        self.add_examples(28)
        self.assertEqual(self.count_queries(self.index.url), few)

    def test_ukrainian_index_localizes_contacts_and_fields_in_constant_queries(self):
        self.add_examples(1)
        self.translate_examples()
        few = self.count_queries("/uk/pryklady/")
        self.add_examples(28)
        self.translate_examples()
        self.assertEqual(self.count_queries("/uk/pryklady/"), few)

    def test_home_page_queries_do_not_grow_with_the_number_of_examples(self):
        self.add_examples(1)
        few = self.count_queries("/de/")
        self.add_examples(4)
        self.assertEqual(self.count_queries("/de/"), few)

    def test_practice_example_page_queries_do_not_grow_with_fields(self):
        def add_fields(count):
            for number in range(count):
                field = CooperationField.objects.create(
                    name=f"Feld {number} {CooperationField.objects.count()}",
                    locale=self.locales["de"],
                )
                self.coesfeld.cooperation_fields.create(field=field)

        add_fields(1)
        few = self.count_queries(self.coesfeld.url)
        add_fields(29)
        self.assertEqual(self.count_queries(self.coesfeld.url), few)
