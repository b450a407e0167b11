"""Speakers over the headless API, as events add to them: their events, speakers by event."""

from events.models import EventSpeaker
from speakers.tests.utils import make_portrait

from .utils import APITestCase


class SpeakerAPITestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)


class SpeakerEventsTests(SpeakerAPITestCase):
    def test_speaker_lists_the_events_in_its_language(self):
        events = self.get_json(f"/api/v2/pages/{self.shum_uk.pk}/")["events"]
        self.assertEqual([event["id"] for event in events], [self.event_uk.pk])
        self.assertEqual(events[0]["start"], "2023-11-22T10:00:00+01:00")


class SpeakersByEventTests(SpeakerAPITestCase):
    def assertListed(self, query, expected):
        """The same speakers in the same order from v2 and v3."""
        for version in ("v2", "v3"):
            with self.subTest(version=version):
                data = self.get_json(f"/api/{version}/pages/?type=speakers.SpeakerPage&{query}")
                self.assertEqual([item["id"] for item in data["items"]], expected)

    def test_speakers_of_an_event_in_the_events_language(self):
        self.assertListed(f"event={self.event_uk.pk}", [self.shum_uk.pk])

    def test_speakers_of_the_german_event(self):
        self.assertListed(f"event={self.conference.pk}", [self.kallerhoff.pk, self.shum.pk])

    def test_speakers_of_an_event_in_another_language_on_request(self):
        self.assertListed(f"event={self.conference.pk}&locale=uk", [self.shum_uk.pk])

    def test_malformed_event_is_400(self):
        for version in ("v2", "v3"):
            for value in ("abc", "-1"):
                with self.subTest(version=version, event=value):
                    url = f"/api/{version}/pages/?type=speakers.SpeakerPage&event={value}"
                    self.get_json(url, status=400)

    def test_unknown_event_is_404_as_any_unknown_id(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                url = f"/api/{version}/pages/?type=speakers.SpeakerPage&event=999999"
                self.get_json(url, status=404)

    def test_event_filter_on_a_listing_of_all_types_narrows_it_to_the_speakers(self):
        for version in ("v2", "v3"):
            with self.subTest(version):
                data = self.get_json(f"/api/{version}/pages/?event={self.conference.pk}")
                listed = {item["id"] for item in data["items"]}
                self.assertEqual(listed, {self.kallerhoff.pk, self.shum.pk})


class SpeakerListingQueryCountTests(SpeakerAPITestCase):
    def add_speakers(self, first, last):
        for number in range(first, last):
            speaker = self.make_speaker(
                f"Person{number}",
                "Muster",
                positions=[("Referentin", "Kreis Lippe")],
                portrait=self.portrait,
                portrait_alt_text="Porträt",
            )
            self.conference.speakers.add(EventSpeaker(speaker=speaker, role="talk"))
        self.conference.save_revision().publish()

    def test_speaker_listing_query_count_is_the_same_for_5_and_50_speakers(self):
        self.portrait = make_portrait()
        url = "/api/v2/pages/?type=speakers.SpeakerPage&fields=*&limit=100"
        self.add_speakers(0, 5)
        few = self.queries_for(url)
        self.add_speakers(5, 50)
        self.assertEqual(few, self.queries_for(url))
