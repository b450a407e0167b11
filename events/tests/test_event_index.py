import re
from datetime import datetime

from events.formatting import BERLIN
from events.models.pages import ARCHIVE_PAGE_SIZE

from .utils import EventTreeTestCase, in_the_future

TITLES = re.compile(r'<h3 class="event-summary__title"><a href="[^"]+">([^<]+)</a></h3>')


def event_on(year, month, day):
    start = datetime(year, month, day, 10, 0, tzinfo=BERLIN)
    return {"start": start, "end": start.replace(hour=14)}


class EventIndexTests(EventTreeTestCase):
    def titles(self, response, section):
        """The event titles listed in one section ("upcoming-heading" or "archive-heading")."""
        html = response.content.decode()
        start = html.index(f'aria-labelledby="{section}"')
        return TITLES.findall(html[start : html.index("</section>", start)])

    def test_upcoming_events_come_first_soonest_first(self):
        self.make_event(
            slug="later", title="Später", start=in_the_future(60), end=in_the_future(60, 14)
        )
        self.make_event(slug="soon", title="Bald", start=in_the_future(7), end=in_the_future(7, 14))
        self.make_event(slug="past", title="Vorbei")
        response = self.client.get(self.event_index.url)
        self.assertEqual(self.titles(response, "upcoming-heading"), ["Bald", "Später"])
        html = response.content.decode()
        self.assertLess(
            html.index("Kommende Veranstaltungen"), html.index("Vergangene Veranstaltungen")
        )

    def test_archive_lists_past_events_latest_first(self):
        self.make_event(slug="a", title="2022", **event_on(2022, 5, 4))
        self.make_event(slug="b", title="2023", **event_on(2023, 11, 22))
        self.make_event(slug="c", title="2021", **event_on(2021, 3, 1))
        response = self.client.get(self.event_index.url)
        self.assertEqual(self.titles(response, "archive-heading"), ["2023", "2022", "2021"])

    def test_list_item_shows_date_city_and_teaser(self):
        self.make_conference()
        response = self.client.get(self.event_index.url)
        self.assertContains(response, "Mittwoch, 22. November 2023</time>")
        self.assertContains(response, '<p class="event-summary__place">Holzwickede</p>', html=True)
        self.assertContains(response, "Wie Kreise die Ukraine unterstützen.")

    def test_no_upcoming_events_says_so(self):
        response = self.client.get(self.event_index.url)
        self.assertContains(response, "Zurzeit sind keine Veranstaltungen geplant.")
        self.assertNotContains(response, "archive-heading")

    def test_archive_is_paginated_with_an_accessible_navigation(self):
        for number in range(ARCHIVE_PAGE_SIZE + 2):
            self.make_event(
                slug=f"event-{number}", title=f"Event {number}", **event_on(2020, 1, number + 1)
            )
        first = self.client.get(self.event_index.url)
        self.assertEqual(len(self.titles(first, "archive-heading")), ARCHIVE_PAGE_SIZE)
        self.assertContains(first, '<nav class="pagination" aria-label="Seiten des Archivs">')
        self.assertContains(first, 'href="?page=2" rel="next"')
        self.assertContains(first, 'href="?page=1" aria-current="page"')
        second = self.client.get(self.event_index.url, {"page": 2})
        self.assertEqual(self.titles(second, "archive-heading"), ["Event 1", "Event 0"])

    def test_page_number_out_of_range_or_invalid_shows_a_page(self):
        self.make_event(slug="only", title="Einzige")
        for value in ("99", "-1", "abc", "1.5"):
            with self.subTest(value):
                response = self.client.get(self.event_index.url, {"page": value})
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Einzige")

    def test_year_filter_lists_only_that_years_events(self):
        self.make_event(slug="a", title="Konferenz 2022", **event_on(2022, 5, 4))
        self.make_event(slug="b", title="Konferenz 2023", **event_on(2023, 11, 22))
        response = self.client.get(self.event_index.url, {"year": "2022"})
        self.assertEqual(self.titles(response, "archive-heading"), ["Konferenz 2022"])
        self.assertContains(response, "Vergangene Veranstaltungen 2022")
        self.assertContains(
            response, '<a href="?year=2022" aria-current="page">2022</a>', html=True
        )

    def test_year_links_name_the_years_with_events(self):
        self.make_event(slug="a", title="A", **event_on(2022, 5, 4))
        self.make_event(slug="b", title="B", **event_on(2023, 11, 22))
        response = self.client.get(self.event_index.url)
        self.assertContains(
            response, '<nav class="year-filter" aria-label="Veranstaltungen nach Jahr">'
        )
        self.assertContains(response, '<a href="?year=2023">2023</a>', html=True)
        self.assertContains(response, '<a href="?year=2022">2022</a>', html=True)

    def test_year_of_new_years_eve_night_counts_in_german_time(self):
        # 1 January 2023, 00:30 in Berlin is still 31 December 2022 in UTC.
        start = datetime(2023, 1, 1, 0, 30, tzinfo=BERLIN)
        self.make_event(slug="neujahr", title="Neujahr", start=start, end=start.replace(hour=2))
        self.make_event(slug="other", title="Anderes", **event_on(2021, 5, 4))
        response = self.client.get(self.event_index.url, {"year": "2023"})
        self.assertEqual(self.titles(response, "archive-heading"), ["Neujahr"])

    def test_invalid_or_unknown_year_is_ignored(self):
        self.make_event(slug="a", title="Konferenz 2022", **event_on(2022, 5, 4))
        for value in ("abc", "1999", "", "2022x", "9" * 30):
            with self.subTest(value):
                response = self.client.get(self.event_index.url, {"year": value})
                self.assertEqual(response.status_code, 200)
                self.assertEqual(self.titles(response, "archive-heading"), ["Konferenz 2022"])

    def test_pagination_keeps_the_year(self):
        for number in range(ARCHIVE_PAGE_SIZE + 1):
            self.make_event(slug=f"e{number}", title=f"E{number}", **event_on(2020, 2, number + 1))
        self.make_event(slug="other", title="Other", **event_on(2019, 2, 1))
        response = self.client.get(self.event_index.url, {"year": "2020"})
        self.assertContains(response, 'href="?year=2020&amp;page=2" rel="next"')

    def test_index_lists_only_events_in_the_readers_language(self):
        event = self.make_conference()
        self.translate_conference(event)
        response = self.client.get(self.event_en.get_parent().url)
        self.assertEqual(
            self.titles(response, "archive-heading"), ["Districts as international actors"]
        )
