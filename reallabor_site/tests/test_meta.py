from html.parser import HTMLParser

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage, PracticeExampleIndexPage, PracticeExamplePage, StandardPage
from home.tests.utils import SiteTreeTestCase
from pagebase.testing import translate_page
from speakers.models import SpeakerIndexPage
from speakers.tests.utils import add_speaker, make_portrait

BASE = "http://testserver"


class HeadParser(HTMLParser):
    """Collects the <meta> and <link> tags of a page's <head>."""

    def __init__(self):
        super().__init__()
        self.meta, self.links = {}, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            key = attrs.get("property") or attrs["name"]
            self.meta.setdefault(key, []).append(attrs["content"])
        elif tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
            self.links.append(attrs)


class MetaTestCase(SiteTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.about = StandardPage(
            title="Über uns",
            slug="ueber-uns",
            introduction="Wir festigen   Städtepartnerschaften.",
        )
        cls.home.add_child(instance=cls.about)
        cls.about.save_revision().publish()
        translate_page(cls.about, "uk", title="Про нас", slug="pro-nas", introduction="Ми.")

    def head(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        parser = HeadParser()
        parser.feed(response.content.decode())
        return parser

    def meta(self, url, key):
        return self.head(url).meta.get(key, [None])[0]

    def links(self, url, rel):
        return [link for link in self.head(url).links if link["rel"] == rel]


class DescriptionTests(MetaTestCase):
    def test_search_description_is_used_when_editors_wrote_one(self):
        self.about.search_description = "Das Projekt in einem Satz."
        self.about.save_revision().publish()
        self.assertEqual(self.meta("/de/ueber-uns/", "description"), "Das Projekt in einem Satz.")

    def test_introduction_is_the_fallback_with_whitespace_collapsed(self):
        self.assertEqual(
            self.meta("/de/ueber-uns/", "description"), "Wir festigen Städtepartnerschaften."
        )
        self.assertEqual(
            self.meta("/de/ueber-uns/", "og:description"), "Wir festigen Städtepartnerschaften."
        )

    def test_speaker_is_described_by_positions(self):
        index = SpeakerIndexPage(title="Referierende", slug="referierende")
        self.home.add_child(instance=index)
        speaker = add_speaker(
            index, "Iryna", "Shum", positions=[("Generalkonsulin der Ukraine", "in Düsseldorf")]
        )
        self.assertEqual(
            self.meta(speaker.url, "description"), "Generalkonsulin der Ukraine, in Düsseldorf"
        )

    def test_practice_example_is_described_by_its_summary(self):
        index = PracticeExampleIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        self.home.add_child(instance=index)
        example = PracticeExamplePage(
            title="Kreis Lippe", slug="lippe", kreis="Kreis Lippe", summary="Seit 2022 aktiv."
        )
        index.add_child(instance=example)
        self.assertEqual(self.meta(example.url, "description"), "Seit 2022 aktiv.")

    def test_long_fallback_is_shortened(self):
        self.about.introduction = "Wort " * 200
        self.about.save_revision().publish()
        self.assertLessEqual(len(self.meta("/de/ueber-uns/", "description")), 300)


class CanonicalAndAlternatesTests(MetaTestCase):
    def test_page_names_itself_as_canonical(self):
        self.assertEqual(
            self.links("/uk/pro-nas/", "canonical"),
            [{"rel": "canonical", "href": f"{BASE}/uk/pro-nas/"}],
        )

    def test_translated_page_names_its_real_translations_and_a_default(self):
        alternates = {
            link["hreflang"]: link["href"] for link in self.links("/uk/pro-nas/", "alternate")
        }
        self.assertEqual(
            alternates,
            {
                "de": f"{BASE}/de/ueber-uns/",
                "uk": f"{BASE}/uk/pro-nas/",
                "x-default": f"{BASE}/de/ueber-uns/",
            },
        )

    def test_alias_points_to_the_german_page_and_claims_no_translations(self):
        alias = self.about.copy_for_translation(self.locales["en"], alias=True)
        self.assertEqual(self.links(alias.url, "canonical")[0]["href"], f"{BASE}/de/ueber-uns/")
        self.assertEqual(self.links(alias.url, "alternate"), [])
        self.assertEqual(self.meta(alias.url, "og:locale"), "de_DE")

    def test_alias_is_not_named_as_a_translation(self):
        self.about.copy_for_translation(self.locales["en"], alias=True)
        hreflangs = [link["hreflang"] for link in self.links("/de/ueber-uns/", "alternate")]
        self.assertNotIn("en", hreflangs)

    def test_page_in_one_language_has_no_alternates(self):
        imprint = StandardPage(title="Impressum", slug="impressum")
        self.home.add_child(instance=imprint)
        imprint.save_revision().publish()
        self.assertEqual(self.links("/de/impressum/", "alternate"), [])

    def test_translations_cost_one_query_for_head_and_language_switcher(self):
        with CaptureQueriesContext(connection) as queries:
            self.client.get("/de/ueber-uns/")
        lookups = [q for q in queries if '"wagtailcore_page"."translation_key" = ' in q["sql"]]
        self.assertEqual(len(lookups), 1)


class OpenGraphTests(MetaTestCase):
    def test_title_is_the_seo_title_when_given(self):
        self.assertEqual(self.meta("/de/ueber-uns/", "og:title"), "Über uns")
        self.about.seo_title = "Über das Reallabor"
        self.about.save_revision().publish()
        self.assertEqual(self.meta("/de/ueber-uns/", "og:title"), "Über das Reallabor")

    def test_url_and_locale_follow_the_language(self):
        for url, locale in (("/de/", "de_DE"), ("/en/", "en_GB"), ("/uk/pro-nas/", "uk_UA")):
            with self.subTest(url):
                self.assertEqual(self.meta(url, "og:url"), BASE + url)
                self.assertEqual(self.meta(url, "og:locale"), locale)

    def test_translations_are_named_as_alternate_locales(self):
        self.assertEqual(self.head("/uk/pro-nas/").meta["og:locale:alternate"], ["de_DE"])

    def test_type_says_what_the_page_is(self):
        index = SpeakerIndexPage(title="Referierende", slug="referierende")
        self.home.add_child(instance=index)
        speaker = add_speaker(index, "Iryna", "Shum")
        self.assertEqual(self.meta("/de/", "og:type"), "website")
        self.assertEqual(self.meta("/de/ueber-uns/", "og:type"), "article")
        self.assertEqual(self.meta(speaker.url, "og:type"), "profile")

    def test_home_page_shares_its_header_image_at_1200_by_630(self):
        home = HomePage.objects.get(pk=self.home.pk)
        home.hero_image = make_portrait("Holzwickede")
        home.save_revision().publish()
        head = self.head("/de/")
        self.assertRegex(head.meta["og:image"][0], r"^http://testserver/.+fill-1200x630")
        self.assertEqual(head.meta["og:image:alt"], ["Holzwickede"])
        self.assertEqual(head.meta["twitter:card"], ["summary_large_image"])

    def test_speaker_page_shares_the_portrait(self):
        index = SpeakerIndexPage(title="Referierende", slug="referierende")
        self.home.add_child(instance=index)
        speaker = add_speaker(
            index, "Iryna", "Shum", portrait=make_portrait(), portrait_alt_text="Iryna Shum"
        )
        self.assertRegex(self.meta(speaker.url, "og:image"), r"^http://testserver/.+fill-1200x630")

    def test_page_without_image_shares_none(self):
        self.assertIsNone(self.meta("/de/ueber-uns/", "og:image"))

    def test_search_page_has_no_open_graph_tags(self):
        self.assertIsNone(self.meta("/de/search/", "og:title"))
