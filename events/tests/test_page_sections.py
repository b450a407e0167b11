"""What events adds to the pages of the apps below it: a speaker's and a practice example's
events, the home page's cache lifetime and its event index (see events.wagtail_hooks)."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import EventIndexPage, EventPage, EventPracticeExample, EventSpeaker
from home.models import (
    CooperationField,
    HomePage,
    LeichteSprachePage,
    PracticeExampleIndexPage,
    StandardPage,
)
from home.tests.practice_examples import PracticeExampleTestCase
from home.tests.utils import SiteTreeTestCase
from pagebase.testing import translate_page
from speakers.models import SpeakerIndexPage
from speakers.tests.utils import SpeakerTreeTestCase, add_speaker, make_portrait

from .utils import EventTreeTestCase, in_the_future

BERLIN = ZoneInfo("Europe/Berlin")


def count_queries(test, url):
    # The first visit creates renditions and fills caches; a visitor's page view is a later one.
    test.client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = test.client.get(url)
    test.assertEqual(response.status_code, 200)
    return len(queries)


class SpeakerEventsTests(SpeakerTreeTestCase):
    def test_appearances_list_the_events_in_the_readers_language(self):
        events = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        self.home.add_child(instance=events)
        events.save_revision().publish()
        event = EventPage(
            title="Landkreise als internationale Akteure",
            slug="konferenz-2023",
            start=datetime(2023, 11, 22, 10, tzinfo=BERLIN),
            end=datetime(2023, 11, 22, 14, tzinfo=BERLIN),
            speakers=[EventSpeaker(speaker=self.shum, role="keynote")],
        )
        events.add_child(instance=event)
        event.save_revision().publish()
        translate_page(event, "uk", title="Округи як міжнародні актори", slug="konferentsiia")

        german = self.client.get(self.shum.url)
        self.assertContains(german, "Auftritte bei Veranstaltungen")
        self.assertContains(
            german, f'<a href="{event.url}">Landkreise als internationale Akteure</a>'
        )
        self.assertContains(german, '<time datetime="2023-11-22T10:00:00+01:00">')
        ukrainian = self.client.get("/uk/dopovidachi/iryna-shum/")
        self.assertContains(ukrainian, "Округи як міжнародні актори")
        self.assertNotContains(ukrainian, "Landkreise als internationale Akteure")

    def test_speaker_without_events_has_no_appearances_section(self):
        response = self.client.get(self.shum.url)
        self.assertNotContains(response, "appearances-heading")

    def test_speaker_page_queries_do_not_grow_with_positions_or_events(self):
        speaker = add_speaker(
            self.index,
            "Kai",
            "Pfundheller",
            positions=[("Kreisdirektor", "Kreis Coesfeld")],
            portrait=make_portrait(),
            portrait_alt_text="Kai Pfundheller",
        )
        events = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        self.home.add_child(instance=events)
        events.save_revision().publish()

        def add_events(count):
            for number in range(count):
                event = EventPage(
                    title=f"Konferenz {number}",
                    slug=f"konferenz-{number}-{EventPage.objects.count()}",
                    start=datetime(2023, 11, 22, 10, tzinfo=BERLIN),
                    end=datetime(2023, 11, 22, 14, tzinfo=BERLIN),
                    speakers=[EventSpeaker(speaker=speaker, role="talk")],
                )
                events.add_child(instance=event)
                event.save_revision().publish()

        add_events(2)
        few = count_queries(self, speaker.url)
        add_events(28)
        speaker.positions.create(function="Vorsitzender", organisation="Netzwerk NRW")
        self.assertEqual(count_queries(self, speaker.url), few)


class PracticeExampleEventsTests(PracticeExampleTestCase):
    def test_presentations_list_the_events_where_it_was_presented(self):
        events = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        self.home.add_child(instance=events)
        events.save_revision().publish()
        event = EventPage(
            title="Landkreise als internationale Akteure",
            slug="konferenz-2023",
            start=datetime(2023, 11, 22, 10, tzinfo=BERLIN),
            end=datetime(2023, 11, 22, 14, tzinfo=BERLIN),
            practice_examples=[
                EventPracticeExample(practice_example=self.coesfeld, presenter=self.kallerhoff)
            ],
        )
        events.add_child(instance=event)
        event.save_revision().publish()
        response = self.client.get(self.coesfeld.url)
        self.assertContains(response, "Vorgestellt bei")
        self.assertContains(
            response, f'<a href="{event.url}">Landkreise als internationale Akteure</a>'
        )
        self.assertContains(response, '<time datetime="2023-11-22T10:00:00+01:00">')

    def test_practice_example_page_queries_do_not_grow_with_fields_or_events(self):
        events = EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        self.home.add_child(instance=events)
        events.save_revision().publish()

        def add_fields_and_events(count):
            for number in range(count):
                field = CooperationField.objects.create(
                    name=f"Feld {number} {CooperationField.objects.count()}",
                    locale=self.locales["de"],
                )
                self.coesfeld.cooperation_fields.create(field=field)
                event = EventPage(
                    title=f"Konferenz {number}",
                    slug=f"konferenz-{EventPage.objects.count()}",
                    start=datetime(2023, 11, 22, 10, tzinfo=BERLIN),
                    end=datetime(2023, 11, 22, 14, tzinfo=BERLIN),
                    practice_examples=[EventPracticeExample(practice_example=self.coesfeld)],
                )
                events.add_child(instance=event)
                event.save_revision().publish()

        add_fields_and_events(1)
        few = count_queries(self, self.coesfeld.url)
        add_fields_and_events(29)
        self.assertEqual(count_queries(self, self.coesfeld.url), few)


class EventIndexUnderHomePageTests(SiteTreeTestCase):
    def test_home_page_takes_the_event_index_besides_its_own_page_types(self):
        # Wagtail's plain Page, which names no parents, may be moved anywhere but never created.
        self.assertEqual(
            set(HomePage.creatable_subpage_models()),
            {
                StandardPage,
                LeichteSprachePage,
                PracticeExampleIndexPage,
                SpeakerIndexPage,
                EventIndexPage,
            },
        )
        self.assertCanCreateAt(HomePage, EventIndexPage)

    def test_admin_offers_an_event_index_under_the_home_page(self):
        self.login()
        response = self.client.get(reverse("wagtailadmin_pages:add_subpage", args=[self.home.pk]))
        self.assertContains(
            response,
            reverse("wagtailadmin_pages:add", args=["events", "eventindexpage", self.home.pk]),
        )


class HomePageCacheExpiryTests(EventTreeTestCase):
    def test_home_page_cache_ends_when_a_listed_event_changes_by_time(self):
        event = self.make_event(slug="bald", start=in_the_future(3), end=in_the_future(3, 14))
        expires = self.home.cache_expires_at()
        self.assertIn(expires, {event.start, event.end})
        self.assertEqual(expires, EventPage.next_state_change_on_site())
