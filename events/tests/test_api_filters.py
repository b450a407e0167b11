"""The filters events declare (events/api_filters.py), in API v2 and v3 alike: events by when,
year, status, attendance mode, venue, Kreis, speaker and practice example; an event's speakers."""

from datetime import datetime, timedelta

from events.formatting import BERLIN
from events.models import EventPage
from home.models import PracticeExamplePage
from home.tests.utils import translate_page

from .utils import APITestCase, publish

VERSIONS = ("v2", "v3")


class EventFiltersTestCase(APITestCase):
    """The conference in three languages (presenting Kreis Coesfeld, with Iryna Shum and Marina
    Kallerhoff), and an online workshop in 2024, cancelled, with Marina Kallerhoff only."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)
        start = datetime(2024, 3, 5, 10, tzinfo=BERLIN)
        cls.workshop = cls.make_event(
            slug="werkstatt",
            title="Werkstatt",
            start=start,
            end=start + timedelta(hours=2),
            status=EventPage.Status.CANCELLED,
            attendance_mode=EventPage.AttendanceMode.ONLINE,
            speakers=[(cls.kallerhoff, "talk")],
        )
        cls.coesfeld_uk = translate_page(
            cls.coesfeld, "uk", title="Район Косфельд", kreis="Косфельд"
        )
        cls.lippe = publish(
            cls.example_index,
            PracticeExamplePage(title="Kreis Lippe", slug="kreis-lippe", kreis="Kreis Lippe"),
        )

    def listed(self, version, query):
        return [item["id"] for item in self.get_json(f"/api/{version}/pages/?{query}")["items"]]

    def assertListed(self, query, expected):
        """The same pages in the same order from v2 and v3."""
        for version in VERSIONS:
            with self.subTest(version=version, query=query):
                self.assertEqual(self.listed(version, query), expected)


class EventFieldFilterTests(EventFiltersTestCase):
    def test_status_keeps_the_events_with_that_status(self):
        self.assertListed("type=events.EventPage&status=cancelled", [self.workshop.pk])

    def test_attendance_mode_keeps_the_events_taking_place_that_way(self):
        self.assertListed("type=events.EventPage&attendance_mode=online", [self.workshop.pk])

    def test_venue_keeps_the_events_at_that_venue(self):
        query = f"type=events.EventPage&locale=de&venue={self.venue.pk}"
        self.assertListed(query, [self.conference.pk])

    def test_an_unknown_venue_is_a_404_as_any_unknown_id(self):
        for version in VERSIONS:
            with self.subTest(version):
                self.get_json(f"/api/{version}/pages/?type=events.EventPage&venue=999999", 404)


class EventsByKreisTests(EventFiltersTestCase):
    def test_kreis_keeps_the_events_presenting_a_practice_example_of_that_kreis(self):
        query = "type=events.EventPage&locale=de&kreis=Kreis%20Coesfeld"
        self.assertListed(query, [self.conference.pk])

    def test_kreis_finds_the_event_in_every_language(self):
        for language, event in (("en", self.event_en), ("uk", self.event_uk)):
            query = f"type=events.EventPage&locale={language}&kreis=Kreis%20Coesfeld"
            self.assertListed(query, [event.pk])

    def test_kreis_matches_the_practice_examples_name_in_any_language(self):
        self.assertListed("type=events.EventPage&locale=de&kreis=Косфельд", [self.conference.pk])

    def test_a_kreis_presented_nowhere_finds_no_event(self):
        self.assertListed("type=events.EventPage&kreis=Kreis%20Lippe", [])

    def test_kreis_on_a_mixed_listing_keeps_practice_examples_and_events_of_that_kreis(self):
        for version in VERSIONS:
            with self.subTest(version):
                listed = self.listed(version, "locale=de&kreis=Kreis%20Coesfeld")
                self.assertCountEqual(listed, [self.coesfeld.pk, self.conference.pk])

    def test_kreis_on_a_listing_of_practice_examples_keeps_practice_examples_only(self):
        query = "type=home.PracticeExamplePage&kreis=Kreis%20Coesfeld"
        self.assertListed(query, [self.coesfeld.pk])


class EventsBySpeakerTests(EventFiltersTestCase):
    def test_speaker_finds_the_events_in_the_speaker_pages_language(self):
        self.assertListed(f"type=events.EventPage&speaker={self.shum_uk.pk}", [self.event_uk.pk])
        self.assertListed(f"type=events.EventPage&speaker={self.shum.pk}", [self.conference.pk])

    def test_speaker_finds_every_event_the_person_speaks_at_by_start(self):
        query = f"type=events.EventPage&speaker={self.kallerhoff.pk}"
        self.assertListed(query, [self.conference.pk, self.workshop.pk])

    def test_speaker_finds_the_events_in_the_language_asked_for(self):
        query = f"type=events.EventPage&speaker={self.shum.pk}&locale=uk"
        self.assertListed(query, [self.event_uk.pk])

    def test_events_of_a_speaker_start_in_german_time(self):
        query = f"type=events.EventPage&speaker={self.shum_uk.pk}&fields=start"
        (event,) = self.get_json(f"/api/v2/pages/?{query}")["items"]
        self.assertEqual(event["start"], "2023-11-22T10:00:00+01:00")
        (event,) = self.get_json(f"/api/v3/pages/?{query.replace('&fields=start', '')}")["items"]
        detail = self.get_json(f"/api/v3/pages/{event['id']}/")
        self.assertEqual(detail["start"], "2023-11-22T10:00:00+01:00")

    def test_speaker_on_a_listing_of_all_types_narrows_it_to_the_events(self):
        self.assertListed(f"speaker={self.shum_uk.pk}", [self.event_uk.pk])

    def test_a_page_that_is_no_speaker_is_a_404(self):
        for version in VERSIONS:
            for value in (999999, self.coesfeld.pk):
                with self.subTest(version=version, speaker=value):
                    self.get_json(f"/api/{version}/pages/?speaker={value}", 404)


class EventsByPracticeExampleTests(EventFiltersTestCase):
    def test_practice_example_finds_the_events_in_the_example_pages_language(self):
        for example, event in ((self.coesfeld, self.conference), (self.coesfeld_uk, self.event_uk)):
            query = f"type=events.EventPage&practice_example={example.pk}"
            self.assertListed(query, [event.pk])

    def test_practice_example_finds_the_events_in_the_language_asked_for(self):
        query = f"type=events.EventPage&practice_example={self.coesfeld_uk.pk}&locale=en"
        self.assertListed(query, [self.event_en.pk])

    def test_a_practice_example_presented_nowhere_finds_no_event(self):
        self.assertListed(f"type=events.EventPage&practice_example={self.lippe.pk}", [])

    def test_an_unknown_practice_example_is_a_404(self):
        for version in VERSIONS:
            with self.subTest(version):
                self.get_json(f"/api/{version}/pages/?practice_example={self.shum.pk}", 404)


class SpeakersByEventTests(EventFiltersTestCase):
    def assertSpeakers(self, query, expected):
        self.assertListed(f"type=speakers.SpeakerPage&{query}", expected)

    def test_speakers_of_an_event_in_the_events_language(self):
        self.assertSpeakers(f"event={self.event_uk.pk}", [self.shum_uk.pk])

    def test_speakers_of_the_german_event(self):
        self.assertSpeakers(f"event={self.conference.pk}", [self.kallerhoff.pk, self.shum.pk])

    def test_speakers_of_an_event_in_another_language_on_request(self):
        self.assertSpeakers(f"event={self.conference.pk}&locale=uk", [self.shum_uk.pk])

    def test_unknown_event_is_404_as_any_unknown_id(self):
        for version in VERSIONS:
            with self.subTest(version):
                url = f"/api/{version}/pages/?type=speakers.SpeakerPage&event=999999"
                self.get_json(url, status=404)

    def test_event_filter_on_a_listing_of_all_types_narrows_it_to_the_speakers(self):
        for version in VERSIONS:
            with self.subTest(version):
                listed = self.listed(version, f"event={self.conference.pk}")
                self.assertCountEqual(listed, [self.kallerhoff.pk, self.shum.pk])


class MalformedEventFilterTests(EventFiltersTestCase):
    MALFORMED = (
        "when=tomorrow",
        "year=abc",
        "year=1899",
        "status=abandoned",
        "attendance_mode=hybrid",
        "venue=abc",
        "kreis=Coesfeld%00",
        "speaker=-1",
        "practice_example=abc",
        "event=0",
    )

    def test_malformed_values_are_400_with_a_message_naming_the_filter_in_v2(self):
        for query in self.MALFORMED:
            with self.subTest(query):
                message = self.get_json(f"/api/v2/pages/?{query}", status=400)["message"]
                if "%00" not in query:
                    self.assertIn(query.split("=")[0], message)

    def test_malformed_values_are_400_problems_naming_the_filter_in_v3(self):
        for query in self.MALFORMED:
            with self.subTest(query):
                response = self.client.get(f"/api/v3/pages/?{query}")
                self.assertEqual(response.status_code, 400, response.content)
                self.assertEqual(response["Content-Type"], "application/problem+json")
                if "%00" not in query:
                    self.assertIn(query.split("=")[0], str(response.json()["errors"]))


class EventFiltersWithSearchTests(EventFiltersTestCase):
    def test_every_event_filter_combines_with_a_search(self):
        for query in (
            "status=scheduled",
            "attendance_mode=offline",
            f"venue={self.venue.pk}",
            "when=past",
            "year=2023",
            "kreis=Kreis%20Coesfeld",
            f"speaker={self.shum.pk}",
            f"practice_example={self.coesfeld.pk}",
        ):
            self.assertListed(
                f"type=events.EventPage&locale=de&search=Landkreise&{query}", [self.conference.pk]
            )

    def test_the_speakers_of_an_event_combine_with_a_search(self):
        query = f"type=speakers.SpeakerPage&event={self.conference.pk}&search=Shum"
        self.assertListed(query, [self.shum.pk])
