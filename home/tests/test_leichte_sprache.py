"""Pages in Leichte Sprache: the page type, its blocks, and the check on save that warns but
never refuses."""

from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.leichte_sprache import abbreviations, large_number_words, long_sentences
from home.models import HomePage, LeichteSprachePage, SiteSettings, StandardPage

from .utils import SiteTreeTestCase

GOOD_TEXT = "Das Reallabor ist ein Projekt.\nKreise arbeiten mit der Ukraine zusammen."
LONG_SENTENCE = (
    "Das Reallabor bringt Kreise und Gemeinden aus Nordrhein-Westfalen mit ihren Partnern in der "
    "Ukraine an einem Tag zusammen."
)


class RuleCheckTests(SiteTreeTestCase):
    def test_sentence_of_sixteen_words_is_long_and_fifteen_words_are_not(self):
        fifteen = " ".join(["Wort"] * 14) + " Ende."
        self.assertEqual(long_sentences(fifteen), [])
        self.assertEqual(long_sentences(fifteen + "\n" + "Noch " + fifteen), ["Noch " + fifteen])

    def test_each_line_and_each_sentence_counts_on_its_own(self):
        self.assertEqual(long_sentences(" ".join(["Kurz."] * 20)), [])
        self.assertEqual(long_sentences("\n".join(["Ein kurzer Satz"] * 10)), [])

    def test_a_date_does_not_end_a_sentence(self):
        self.assertEqual(long_sentences("Am 22. November 2023 war die Konferenz."), [])

    def test_numbers_above_twelve_written_as_words_are_found(self):
        text = (
            "dreizehn Kreise, zwanzig Gemeinden, einundzwanzig Leute, zweihundert Stühle, Tausende"
        )
        self.assertEqual(
            large_number_words(text),
            ["dreizehn", "zwanzig", "einundzwanzig", "zweihundert", "Tausende"],
        )

    def test_numbers_up_to_twelve_and_words_containing_numbers_are_left_alone(self):
        text = "zwei Kreise, zwölf Gemeinden, elf, zehn, acht, eine Frau, im Jahrhundert, Zehner"
        self.assertEqual(large_number_words(text), [])

    def test_abbreviations_are_found(self):
        text = "z.B. Kreise bzw. Gemeinden, ggf. mehr usw., d. h. auch u.a. das Land NRW"
        self.assertEqual(
            abbreviations(text), ["z.B.", "bzw.", "ggf.", "usw.", "d. h.", "u.a.", "NRW"]
        )

    def test_written_out_words_are_no_abbreviations(self):
        self.assertEqual(abbreviations("Zum Beispiel das Land Nordrhein-Westfalen. Ende."), [])


class LeichteSprachePageTests(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.image = Image.objects.create(title="Karte", file=get_test_image_file())
        cls.start = LeichteSprachePage(
            title="Leichte Sprache",
            slug="leichte-sprache",
            body=[
                ("heading", "Worum geht es?"),
                ("sentences", GOOD_TEXT),
                (
                    "explained_word",
                    {
                        "word": "Kreis",
                        "explanation": "Ein Kreis ist ein Gebiet.\nEr hat Gemeinden.",
                    },
                ),
                (
                    "picture",
                    {
                        "image": cls.image,
                        "alt_text": "Eine Karte von Nordrhein-Westfalen",
                        "caption": "Hier liegen die Kreise.",
                    },
                ),
                (
                    "steps",
                    {
                        "heading": "So melden Sie sich an",
                        "steps": ["Sie öffnen die Seite.", "Sie klicken."],
                    },
                ),
            ],
        )
        cls.home.add_child(instance=cls.start)
        cls.start.save_revision().publish()
        cls.sub = LeichteSprachePage(
            title="Barrierefreiheit", slug="barrierefreiheit", body=[("sentences", GOOD_TEXT)]
        )
        cls.start.add_child(instance=cls.sub)
        cls.sub.save_revision().publish()
        settings_ = SiteSettings.for_site(cls.site)
        settings_.leichte_sprache_page = cls.start
        settings_.save()

    def test_page_type_lives_under_the_home_page_and_its_own_kind(self):
        self.assertAllowedParentPageTypes(LeichteSprachePage, {HomePage, LeichteSprachePage})
        self.assertAllowedSubpageTypes(LeichteSprachePage, {LeichteSprachePage})
        self.assertCanNotCreateAt(StandardPage, LeichteSprachePage)

    def test_start_page_renders_each_block_in_leichte_sprache(self):
        self.assertPageIsRenderable(self.start)
        response = self.client.get("/de/leichte-sprache/")
        self.assertContains(response, '<article class="ls-page" lang="de">')
        self.assertContains(response, "Diese Seite ist in Leichter Sprache.")
        self.assertContains(response, "<h2>Worum geht es?</h2>", html=True)
        self.assertContains(response, "<p>Das Reallabor ist ein Projekt.</p>", html=True)
        self.assertContains(response, "<p>Kreise arbeiten mit der Ukraine zusammen.</p>", html=True)
        self.assertContains(response, '<p class="ls-word__term"><dfn>Kreis</dfn></p>', html=True)
        self.assertContains(response, 'alt="Eine Karte von Nordrhein-Westfalen"')
        self.assertContains(
            response, '<span class="ls-picture__line">Hier liegen die Kreise.</span>', html=True
        )
        self.assertContains(response, "<li><p>Sie öffnen die Seite.</p></li>", html=True)

    def test_start_page_lists_the_pages_of_the_area_and_they_link_back(self):
        response = self.client.get("/de/leichte-sprache/")
        self.assertContains(
            response, '<a href="/de/leichte-sprache/barrierefreiheit/">Barrierefreiheit</a>'
        )
        response = self.client.get("/de/leichte-sprache/barrierefreiheit/")
        self.assertContains(
            response,
            '<a href="/de/leichte-sprache/">Zurück zur Start-Seite in Leichter Sprache</a>',
        )

    def test_header_links_to_the_german_area_in_every_language(self):
        for prefix in ("de", "en", "uk"):
            with self.subTest(prefix):
                response = self.client.get(f"/{prefix}/")
                self.assertContains(
                    response,
                    '<a class="leichte-sprache-link" href="/de/leichte-sprache/" lang="de" '
                    'hreflang="de">',
                )
                self.assertContains(response, "<span>Leichte Sprache</span>")

    def test_header_link_is_marked_current_on_the_start_page(self):
        response = self.client.get("/de/leichte-sprache/")
        self.assertContains(response, 'hreflang="de" aria-current="page">')

    def test_frame_of_an_english_copy_stays_german_inside_the_article(self):
        alias = self.start.copy_for_translation(self.locales["en"], copy_parents=True, alias=True)
        response = self.client.get(alias.url)
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, '<main id="main-content" tabindex="-1" lang="de">')
        self.assertContains(response, "Diese Seite ist in Leichter Sprache.")


class SaveTimeWarningTests(SiteTreeTestCase):
    """An editor saves and publishes through the admin: the warnings appear, nothing is refused."""

    def setUp(self):
        self.login()

    def publish_new_page(self, text, slug="neu"):
        url = reverse("wagtailadmin_pages:add", args=("home", "leichtesprachepage", self.home.pk))
        data = nested_form_data(
            {
                "title": "Neue Seite",
                "slug": slug,
                "body": streamfield([("sentences", text)]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data, follow=True)
        self.assertEqual(response.status_code, 200)
        page = LeichteSprachePage.objects.get(slug=slug)
        self.assertTrue(page.live, "publishing must never be refused")
        return page, [str(message) for message in response.context["messages"]]

    def test_long_sentence_is_warned_about_and_the_page_is_published(self):
        _page, messages = self.publish_new_page(LONG_SENTENCE)
        self.assertTrue(any("mehr als 15 Wörter" in message for message in messages), messages)

    def test_number_word_above_twelve_is_warned_about_and_the_page_is_published(self):
        _page, messages = self.publish_new_page("Es kamen zwanzig Gäste.")
        self.assertTrue(any("„zwanzig“" in message for message in messages), messages)

    def test_abbreviation_is_warned_about_and_the_page_is_published(self):
        _page, messages = self.publish_new_page("Es gibt z.B. Kaffee.")
        self.assertTrue(any("„z.B.“" in message for message in messages), messages)

    def test_good_text_gets_no_warning(self):
        _page, messages = self.publish_new_page(GOOD_TEXT)
        self.assertFalse(any("Leichte Sprache" in message for message in messages), messages)

    def test_editing_an_existing_page_warns_too(self):
        page, _messages = self.publish_new_page(GOOD_TEXT)
        url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
        data = nested_form_data(
            {
                "title": "Neue Seite",
                "slug": page.slug,
                "body": streamfield([("sentences", "Wir treffen uns bzw. telefonieren.")]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data, follow=True)
        messages = [str(message) for message in response.context["messages"]]
        self.assertTrue(any("„bzw.“" in message for message in messages), messages)
        page.refresh_from_db()
        self.assertIn("bzw.", page.body[0].value)
        self.assertTrue(page.live)

    def test_other_page_types_get_no_such_warning(self):
        url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", self.home.pk))
        data = nested_form_data(
            {
                "title": "Impressum",
                "slug": "impressum",
                "introduction": "Angaben z.B. zum Verein.",
                "body": streamfield([]),
                "action-publish": "action-publish",
            }
        )
        response = self.client.post(url, data, follow=True)
        messages = [str(message) for message in response.context["messages"]]
        self.assertFalse(any("Leichte Sprache" in message for message in messages), messages)
        self.assertTrue(Page.objects.get(slug="impressum").live)
