from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from speakers.models import SpeakerIndexPage

from .utils import SpeakerTreeTestCase, add_speaker, make_portrait


class SpeakerPageTests(SpeakerTreeTestCase):
    def test_heading_shows_titles_and_name_together(self):
        speaker = add_speaker(self.index, "Andreas", "Marchetti", academic_title="Prof. Dr.")
        response = self.client.get(speaker.url)
        self.assertContains(response, "<h1>Prof. Dr. Andreas Marchetti</h1>", html=True)

    def test_positions_are_listed_as_function_and_organisation(self):
        speaker = add_speaker(
            self.index,
            "Kai",
            "Pfundheller",
            academic_title="Dr.",
            positions=[("Kreisdirektor", "Kreis Coesfeld"), ("Vorsitzender", "Netzwerk NRW")],
        )
        response = self.client.get(speaker.url)
        self.assertContains(
            response,
            '<ul class="speaker__positions"><li>Kreisdirektor, Kreis Coesfeld</li>'
            "<li>Vorsitzender, Netzwerk NRW</li></ul>",
            html=True,
        )

    def test_short_biography_is_rendered_as_rich_text(self):
        response = self.client.get(self.shum.url)
        self.assertContains(response, "Diplomatin seit <b>2001</b>.", html=False)

    def test_portrait_has_its_alt_text_and_a_2x_rendition(self):
        speaker = add_speaker(
            self.index,
            "Sarah",
            "Laukamp",
            portrait=make_portrait(),
            portrait_alt_text="Sarah Laukamp lächelt in die Kamera",
        )
        response = self.client.get(speaker.url)
        self.assertContains(response, 'alt="Sarah Laukamp lächelt in die Kamera"')
        self.assertContains(response, "fill-400x400")
        self.assertContains(response, "srcset=")

    def test_ukrainian_page_shows_the_name_in_cyrillic(self):
        response = self.client.get("/uk/dopovidachi/iryna-shum/")
        self.assertContains(response, "<h1>Ірина Шум</h1>", html=True)


class SpeakerIndexPageTests(SpeakerTreeTestCase):
    def test_speakers_are_sorted_by_family_name(self):
        add_speaker(self.index, "Andreas", "Marchetti", academic_title="Prof. Dr.")
        add_speaker(self.index, "Marina", "Kallerhoff")
        content = self.client.get(self.index.url).content.decode()
        self.assertLess(content.index("Marina Kallerhoff"), content.index("Andreas Marchetti"))
        self.assertLess(content.index("Andreas Marchetti"), content.index("Iryna Shum"))

    def test_card_links_the_full_name_and_lists_positions(self):
        response = self.client.get(self.index.url)
        self.assertContains(
            response,
            f'<h2 class="speaker-card__name"><a href="{self.shum.url}">Iryna Shum</a></h2>',
            html=True,
        )
        self.assertContains(response, "<li>Generalkonsulin der Ukraine, in Düsseldorf</li>")

    def test_ukrainian_index_lists_the_ukrainian_speakers_only(self):
        response = self.client.get("/uk/dopovidachi/")
        self.assertContains(response, "Ірина Шум")
        self.assertNotContains(response, "Iryna Shum")

    def test_untranslated_speaker_in_the_ukrainian_tree_is_marked_as_german(self):
        speaker = add_speaker(self.index, "Marina", "Kallerhoff")
        speaker.copy_for_translation(self.locales["uk"], alias=True)
        response = self.client.get("/uk/dopovidachi/")
        self.assertContains(response, '<li class="speaker-card" lang="de">')

    def test_index_without_speakers_says_so(self):
        empty = SpeakerIndexPage(title="Speakers", slug="speakers", locale=self.locales["en"])
        # translate_page returns the page as it was before publishing, with the old URL path.
        HomePage.objects.get(pk=self.home_en.pk).add_child(instance=empty)
        empty.save_revision().publish()
        self.assertContains(self.client.get(empty.url), "No speakers have been published yet.")


class SpeakerQueryCountTests(SpeakerTreeTestCase):
    def count_queries(self, url):
        # The first visit creates the renditions; a visitor's page view is the second one.
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def add_speakers(self, count):
        existing = self.index.get_children().count()
        for number in range(existing, existing + count):
            add_speaker(
                self.index,
                f"Person{number}",
                f"Familie{number}",
                positions=[("Landrätin", f"Kreis {number}"), ("Mitglied", "Netzwerk")],
                portrait=make_portrait(f"Porträt {number}"),
                portrait_alt_text=f"Porträt von Person {number}",
            )

    def test_speaker_index_queries_do_not_grow_with_the_number_of_speakers(self):
        self.add_speakers(2)
        few = self.count_queries(self.index.url)
        self.add_speakers(28)
        self.assertEqual(self.count_queries(self.index.url), few)

    def test_speaker_page_queries_do_not_grow_with_positions(self):
        speaker = add_speaker(
            self.index,
            "Kai",
            "Pfundheller",
            positions=[("Kreisdirektor", "Kreis Coesfeld")],
            portrait=make_portrait(),
            portrait_alt_text="Kai Pfundheller",
        )
        few = self.count_queries(speaker.url)
        speaker.positions.create(function="Vorsitzender", organisation="Netzwerk NRW")
        speaker.positions.create(function="Mitglied", organisation="Kreistag Coesfeld")
        self.assertEqual(self.count_queries(speaker.url), few)
