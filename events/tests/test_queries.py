from datetime import datetime, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.formatting import BERLIN
from events.models import EventPracticeExample
from home.models import StandardPage
from pagebase.testing import publish, translate_page

from .utils import CONFERENCE_START, EventTreeTestCase, programme_item

# The budget for an uncached event page, routing and page frame included.
EVENT_PAGE_MAX_QUERIES = 20
# What an event page may cost on top of a plain text page at the same depth of the tree: its
# speakers, practice examples, programme speakers, positions, venue and registration page.
EVENT_PAGE_OWN_QUERIES = 9
EVENT_INDEX_OWN_QUERIES = 6


class QueryCountTestCase(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # A plain page as deep in the tree as an event: the queries of Wagtail's routing and of
        # the page frame (menu, language switcher, footer), which every page pays.
        about = publish(cls.home, StandardPage(title="Über uns", slug="ueber-uns"))
        cls.plain = publish(about, StandardPage(title="Team", slug="team"))
        cls.plain_uk = translate_page(cls.plain, "uk", title="Команда")

    def queries_for(self, url):
        # The first request fills Wagtail's cache of site root paths, as on a running site.
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)


class EventPageQueryCountTests(QueryCountTestCase):
    """Rendering an event costs the same number of queries however many people it lists."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.speakers = [
            cls.make_speaker(f"Person{number}", "Muster", positions=[("Referentin", "Kreis Lippe")])
            for number in range(30)
        ]
        cls.small = cls.make_sized_event("klein", 2)
        cls.large = cls.make_sized_event("gross", 30)
        # wagtail-localize points a translated event at its venue's translation, as here.
        venue_uk = cls.venue.copy_for_translation(cls.locales["uk"])
        venue_uk.save()
        cls.small_uk = translate_page(cls.small, "uk", title="Мала", venue=venue_uk)
        cls.large_uk = translate_page(cls.large, "uk", title="Велика", venue=venue_uk)
        for event in (cls.small, cls.large, cls.small_uk, cls.large_uk):
            cls.add_registration(event)
        # Half of the speakers have a Ukrainian page, the others fall back to German.
        for speaker in cls.speakers[::2]:
            translate_page(speaker, "uk", slug=f"{speaker.slug}-uk")

    @classmethod
    def make_sized_event(cls, slug, size):
        speakers = cls.speakers[:size]
        programme = [
            programme_item(
                (CONFERENCE_START + timedelta(minutes=8 * number)).time(),
                f"Punkt {number}",
                speakers=[speaker],
            )
            for number, speaker in enumerate(speakers)
        ]
        return cls.make_event(
            slug=slug,
            venue=cls.venue,
            programme=programme,
            speakers=[(speaker, "talk") for speaker in speakers],
            practice_examples=[
                EventPracticeExample(practice_example=cls.coesfeld, presenter=speaker)
                for speaker in speakers
            ],
        )

    def test_event_page_query_count_does_not_grow_with_speakers_and_programme(self):
        small, large = self.queries_for(self.small.url), self.queries_for(self.large.url)
        self.assertEqual(small, large)
        self.assertLessEqual(large, EVENT_PAGE_MAX_QUERIES)
        self.assertLessEqual(large - self.queries_for(self.plain.url), EVENT_PAGE_OWN_QUERIES)

    def test_translated_event_page_query_count_does_not_grow(self):
        small, large = self.queries_for(self.small_uk.url), self.queries_for(self.large_uk.url)
        self.assertEqual(small, large)
        self.assertLessEqual(large, EVENT_PAGE_MAX_QUERIES)
        self.assertLessEqual(large - self.queries_for(self.plain_uk.url), EVENT_PAGE_OWN_QUERIES)

    def test_ics_query_count_does_not_grow(self):
        self.assertEqual(
            self.queries_for(f"{self.small.url}ics/"), self.queries_for(f"{self.large.url}ics/")
        )


class EventIndexQueryCountTests(QueryCountTestCase):
    def make_events(self, first, last):
        for number in range(first, last):
            start = datetime(2020, 1, 1, 10, tzinfo=BERLIN) + timedelta(days=number)
            self.make_event(
                slug=f"event-{number}",
                venue=self.venue,
                start=start,
                end=start + timedelta(hours=4),
            )

    def test_index_query_count_does_not_grow_with_events(self):
        self.make_events(0, 2)
        few = self.queries_for(self.event_index.url)
        self.make_events(2, 27)
        many = self.queries_for(self.event_index.url)
        self.assertEqual(few, many)
        self.assertLessEqual(many - self.queries_for(self.plain.url), EVENT_INDEX_OWN_QUERIES)

    def test_feed_query_count_does_not_grow_with_events(self):
        self.make_events(0, 2)
        few = self.queries_for(f"{self.event_index.url}ics/")
        self.make_events(2, 27)
        self.assertEqual(few, self.queries_for(f"{self.event_index.url}ics/"))

    def test_home_page_listing_query_count_does_not_grow_with_events(self):
        from .utils import in_the_future

        for number in range(2):
            self.make_event(
                slug=f"soon-{number}",
                venue=self.venue,
                start=in_the_future(number + 1),
                end=in_the_future(number + 1, 14),
            )
        few = self.queries_for("/de/")
        for number in range(2, 10):
            self.make_event(
                slug=f"soon-{number}",
                venue=self.venue,
                start=in_the_future(number + 1),
                end=in_the_future(number + 1, 14),
            )
        self.assertEqual(few, self.queries_for("/de/"))
