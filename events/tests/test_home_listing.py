import re

from pagebase.testing import translate_page

from .utils import EventTreeTestCase, in_the_future

TITLES = re.compile(r'<h3 class="event-summary__title"><a href="[^"]+">([^<]+)</a></h3>')


class HomePageUpcomingEventsTests(EventTreeTestCase):
    def upcoming(self, days, title):
        return self.make_event(
            slug=f"in-{days}-days",
            title=title,
            start=in_the_future(days),
            end=in_the_future(days, 14),
        )

    def test_home_page_lists_the_next_three_events_soonest_first(self):
        for days, title in ((40, "Vierte"), (10, "Zweite"), (3, "Erste"), (20, "Dritte")):
            self.upcoming(days, title)
        self.make_event(slug="past", title="Vergangen")
        response = self.client.get("/de/")
        self.assertContains(
            response, '<h2 id="upcoming-events-heading">Kommende Veranstaltungen</h2>'
        )
        self.assertEqual(TITLES.findall(response.content.decode()), ["Erste", "Zweite", "Dritte"])
        self.assertContains(
            response,
            f'<a href="{self.event_index.url}">Alle Veranstaltungen, auch vergangene</a>',
            html=True,
        )

    def test_without_upcoming_events_the_home_page_links_to_the_archive(self):
        self.make_event(slug="past", title="Vergangen")
        response = self.client.get("/de/")
        self.assertContains(response, "Zurzeit sind keine Veranstaltungen geplant.")
        self.assertContains(
            response,
            f'<a href="{self.event_index.url}">Vergangene Veranstaltungen im Archiv ansehen</a>',
            html=True,
        )
        self.assertNotContains(response, "Vergangen</a>")

    def test_home_page_lists_events_in_the_readers_language(self):
        event = self.upcoming(5, "Nächste Konferenz")
        translate_page(event, "uk", title="Наступна конференція")
        response = self.client.get("/uk/")
        self.assertEqual(TITLES.findall(response.content.decode()), ["Наступна конференція"])
        self.assertContains(response, "Найближчі заходи")
