import re
from html import unescape

from django.utils import translation

from events.models import EventPage

from .utils import EventTreeTestCase, in_the_future


class EventPageRenderingTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.add_registration(cls.event)
        cls.translate_conference(cls.event)

    def get(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        return response

    def test_title_subtitle_and_teaser(self):
        response = self.get(self.event)
        self.assertContains(response, "<h1>Landkreise als internationale Akteure</h1>", html=True)
        self.assertContains(response, "Konferenz des Reallabors")
        self.assertContains(response, "Wie Kreise die Ukraine unterstützen.")

    def test_date_line_in_each_language(self):
        expected = {
            self.event: "Mittwoch, 22. November 2023</time>, ",
            self.event_en: "Wednesday, 22 November 2023</time>, ",
            self.event_uk: "середа, 22 листопада 2023 р.</time>, ",
        }
        for page, text in expected.items():
            with self.subTest(page.url):
                self.assertContains(self.get(page), text)

    def test_german_date_line_reads_as_one_sentence(self):
        response = self.get(self.event)
        text = unescape(response.content.decode())
        self.assertIn(
            '<time datetime="2023-11-22T10:00:00+01:00">10:00</time>–'
            '<time datetime="2023-11-22T14:00:00+01:00">14:00</time> Uhr',
            text,
        )

    def test_past_event_says_it_has_taken_place(self):
        self.assertContains(self.get(self.event), "Diese Veranstaltung hat bereits stattgefunden.")
        self.assertContains(self.get(self.event_uk), "Цей захід уже відбувся.")

    def test_registration_deadline_from_the_registration_page(self):
        self.assertContains(self.get(self.event), "Anmeldung bis 15. November 2023")

    def test_closed_registration_has_no_link_to_the_form(self):
        self.assertNotContains(self.get(self.event), "Zum Anmeldeformular")

    def test_key_questions_are_an_ordered_list(self):
        self.assertContains(
            self.get(self.event),
            '<ol class="key-questions"><li>Welche Rolle spielen Kreise?</li>'
            "<li>Wie gelingt eine Partnerschaft?</li></ol>",
            html=True,
        )

    def test_programme_shows_time_title_kind_and_speakers(self):
        response = self.get(self.event)
        self.assertContains(response, '<time datetime="10:00">10:00</time>', html=True)
        self.assertContains(response, '<h3 class="programme-item__title">Begrüßung</h3>', html=True)
        self.assertContains(
            response, '<p class="programme-item__kind">Praxisbeispiel</p>', html=True
        )
        self.assertContains(
            response, f'<a href="{self.kallerhoff.url}">Marina Kallerhoff</a>', html=True
        )

    def test_speakers_with_role_and_positions(self):
        response = self.get(self.event)
        self.assertContains(response, f'<a href="{self.shum.url}">Iryna Shum</a>', html=True)
        self.assertContains(response, '<p class="event-speakers__role">Begrüßung</p>', html=True)
        self.assertContains(
            response, "<li>Generalkonsulin der Ukraine, in Düsseldorf</li>", html=True
        )

    def test_speakers_link_to_their_page_in_the_readers_language(self):
        response = self.get(self.event_uk)
        self.assertContains(response, f'<a href="{self.shum_uk.url}">Ірина Шум</a>', html=True)
        self.assertContains(response, "Генеральна консулка України")
        self.assertNotContains(response, "Iryna Shum")

    def test_speaker_without_translation_falls_back_to_the_german_page(self):
        response = self.get(self.event_uk)
        self.assertContains(
            response, f'<a href="{self.kallerhoff.url}">Marina Kallerhoff</a>', html=True
        )

    def test_programme_speakers_are_shown_in_the_readers_language(self):
        response = self.get(self.event_uk)
        self.assertContains(
            response, '<ul class="programme-item__speakers" aria-label="Доповідачі">'
        )
        self.assertContains(
            response, f'<li><a href="{self.shum_uk.url}">Ірина Шум</a></li>', html=True
        )

    def test_practice_example_with_kreis_and_presenter(self):
        response = self.get(self.event)
        self.assertContains(
            response,
            f'<a href="{self.coesfeld.url}">Partnerschaft des Kreises Coesfeld</a>',
            html=True,
        )
        self.assertContains(response, "Kreis Coesfeld – vorgestellt von")

    def test_venue_with_address_notes_and_openstreetmap_link(self):
        response = self.get(self.event)
        self.assertContains(response, "<strong>Museum Haus Opherdicke</strong>", html=True)
        self.assertContains(response, "Dorfstraße 29")
        self.assertContains(response, "59439 Holzwickede")
        self.assertContains(response, "Bus 124 bis Haltestelle Opherdicke.")
        self.assertContains(response, "Der Saal ist stufenlos erreichbar.")
        self.assertContains(
            response,
            '<a href="https://www.openstreetmap.org/search?query=Dorfstra%C3%9Fe+29%2C+59439+Holzwickede">'
            "Museum Haus Opherdicke auf OpenStreetMap</a>",
            html=True,
        )
        self.assertNotContains(response, "<iframe")

    def test_translated_venue_is_shown_in_the_readers_language(self):
        venue_uk = self.venue.copy_for_translation(self.locales["uk"])
        venue_uk.name = "Музей Гаус Опгердіке"
        venue_uk.save()
        self.assertContains(
            self.get(self.event_uk), "<strong>Музей Гаус Опгердіке</strong>", html=True
        )

    def test_untranslated_venue_falls_back_to_german(self):
        self.assertContains(
            self.get(self.event_uk), "<strong>Museum Haus Opherdicke</strong>", html=True
        )

    def test_funding_organiser_and_contact(self):
        response = self.get(self.event)
        self.assertContains(response, "Gefördert von der Staatskanzlei NRW.")
        self.assertContains(response, "Auslandsgesellschaft.de e.V.")
        self.assertContains(response, "Kai Becker")

    def test_contact_email_is_a_mailto_link_not_in_plain_source(self):
        response = self.get(self.event)
        self.assertContains(
            response,
            '<a href="mailto:becker@auslandsgesellschaft.de">becker@auslandsgesellschaft.de</a>',
            html=True,
        )
        self.assertNotContains(response, "becker@auslandsgesellschaft.de")

    def test_one_h1_and_no_skipped_heading_levels(self):
        html = self.get(self.event).content.decode()
        main = html[html.index("<main") : html.index("</main>")]
        levels = [int(level) for level in re.findall(r"<h([1-6])", main)]
        self.assertEqual(levels.count(1), 1)
        self.assertEqual(levels[0], 1)
        for previous, current in zip(levels, levels[1:], strict=False):
            self.assertLessEqual(current, previous + 1)

    def test_ics_download_is_linked(self):
        response = self.get(self.event)
        self.assertContains(response, f'href="{self.event.url}ics/"')


class SparseEventPageTests(EventTreeTestCase):
    def test_event_without_venue_speakers_or_programme_renders_without_empty_sections(self):
        event = self.make_event(slug="sparse", subtitle="", teaser="")
        response = self.client.get(event.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Landkreise als internationale Akteure</h1>", html=True)
        for heading in ("Programm", "Mitwirkende", "Veranstaltungsort", "Leitfragen", "Anmeldung"):
            self.assertNotContains(response, f">{heading}</h2>")
        self.assertNotContains(response, "<dt>Ort</dt>", html=True)

    def test_unpublished_speaker_is_named_without_link(self):
        speaker = self.make_speaker("Wolfram", "Kuschke", honorific_prefix="Staatsminister a.D.")
        speaker.unpublish()
        event = self.make_event(slug="with-draft", speakers=[(speaker, "keynote")])
        response = self.client.get(event.url)
        self.assertContains(
            response,
            '<h3 class="event-speakers__name">Staatsminister a.D. Wolfram Kuschke</h3>',
            html=True,
        )


class StatusLineTests(EventTreeTestCase):
    def status_of(self, **fields):
        event = self.make_event(
            slug="status", start=in_the_future(30), end=in_the_future(30, hour=14), **fields
        )
        return EventPage.objects.get(pk=event.pk)

    def test_upcoming_event_without_registration(self):
        self.assertEqual(self.status_of().status_key, "upcoming")

    def test_cancelled_event(self):
        event = self.status_of(status=EventPage.Status.CANCELLED)
        with translation.override("de"):
            self.assertEqual(str(event.status_line), "Diese Veranstaltung wurde abgesagt.")

    def test_postponed_event(self):
        self.assertEqual(self.status_of(status=EventPage.Status.POSTPONED).status_key, "postponed")

    def test_open_registration(self):
        event = self.status_of()
        self.add_registration(event, closes=in_the_future(20))
        self.assertEqual(EventPage.objects.get(pk=event.pk).status_key, "registration_open")

    def test_closed_registration_before_the_event(self):
        event = self.status_of()
        self.add_registration(event, closes=in_the_future(-1))
        self.assertEqual(EventPage.objects.get(pk=event.pk).status_key, "registration_closed")

    def test_registration_not_yet_open_counts_as_upcoming(self):
        event = self.status_of()
        self.add_registration(event, opens=in_the_future(5), closes=in_the_future(20))
        self.assertEqual(EventPage.objects.get(pk=event.pk).status_key, "upcoming")

    def test_open_registration_is_linked_from_the_event_page(self):
        event = self.status_of()
        registration = self.add_registration(event, closes=in_the_future(20))
        response = self.client.get(event.url)
        self.assertContains(response, "Bevorstehende Veranstaltung – die Anmeldung ist geöffnet.")
        self.assertContains(
            response,
            f'<a class="button" href="{registration.url}">Zum Anmeldeformular</a>',
            html=True,
        )
