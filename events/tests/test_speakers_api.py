"""Speakers over the headless API with events: a listing's queries do not grow with the speakers.

(A speaker's events and an event's speakers: events/tests/test_api_filters.py.)"""

from events.models import EventSpeaker
from speakers.tests.utils import make_portrait

from .utils import APITestCase


class SpeakerAPITestCase(APITestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.translate_conference(cls.conference)


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
