"""A small event tree for tests: an event index with one conference, its speakers and venue."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from events.formatting import BERLIN
from events.models import (
    EventIndexPage,
    EventPage,
    EventPracticeExample,
    EventSpeaker,
    RegistrationFormField,
    RegistrationFormPage,
    Venue,
)
from home.models import PracticeExampleIndexPage, PracticeExamplePage
from home.tests.utils import SiteTreeTestCase
from pagebase.testing import APITestMixin, publish, translate_page
from speakers.models import SpeakerIndexPage, SpeakerPage, SpeakerPosition

CONFERENCE_START = datetime(2023, 11, 22, 10, 0, tzinfo=BERLIN)
CONFERENCE_END = datetime(2023, 11, 22, 14, 0, tzinfo=BERLIN)


def programme_item(starts_at, title, kind="talk", speakers=(), description=""):
    """A programme item in the StreamField's stored form."""
    return {
        "type": "item",
        "value": {
            "starts_at": starts_at.strftime("%H:%M:%S"),
            "ends_at": None,
            "title": title,
            "kind": kind,
            "description": description,
            "speakers": [speaker.pk for speaker in speakers],
        },
    }


def event_form_data(event, **changes):
    """What the admin's edit form of an event posts, with the given fields changed."""
    values = {
        "title": event.title,
        "slug": event.slug,
        "subtitle": "",
        "teaser": "",
        "start": "2023-11-22 10:00",
        "end": "2023-11-22 14:00",
        "status": "scheduled",
        "attendance_mode": "offline",
        "venue": "",
        "image": "",
        "introduction": rich_text(""),
        "key_questions": streamfield([]),
        "programme": streamfield([]),
        "funding_note": "",
        "organiser": "",
        "contact_name": "",
        "contact_email": "",
        "leichte_sprache": streamfield([]),
        "speakers": inline_formset([]),
        "practice_examples": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(values)


def in_the_future(days, hour=10):
    moment = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventTreeTestCase(SiteTreeTestCase):
    """The site tree plus events, speakers, practice examples and a venue, in German."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.venue = Venue.objects.create(
            name="Museum Haus Opherdicke",
            street="Dorfstraße 29",
            postcode="59439",
            city="Holzwickede",
            directions="Bus 124 bis Haltestelle Opherdicke.",
            accessibility_notes="Der Saal ist stufenlos erreichbar.",
            locale=cls.locales["de"],
        )
        cls.event_index = publish(
            cls.home, EventIndexPage(title="Veranstaltungen", slug="veranstaltungen")
        )
        cls.speaker_index = publish(
            cls.home, SpeakerIndexPage(title="Referierende", slug="referierende")
        )
        cls.example_index = publish(
            cls.home, PracticeExampleIndexPage(title="Praxisbeispiele", slug="praxisbeispiele")
        )
        cls.shum = cls.make_speaker(
            "Iryna", "Shum", positions=[("Generalkonsulin der Ukraine", "in Düsseldorf")]
        )
        cls.kallerhoff = cls.make_speaker(
            "Marina", "Kallerhoff", positions=[("Kreisdirektorin", "Kreis Coesfeld")]
        )
        cls.coesfeld = publish(
            cls.example_index,
            PracticeExamplePage(
                title="Partnerschaft des Kreises Coesfeld",
                slug="kreis-coesfeld",
                kreis="Kreis Coesfeld",
                contact_person=cls.kallerhoff,
            ),
        )

    @classmethod
    def make_speaker(cls, given_name, family_name, positions=(), **fields):
        return publish(
            cls.speaker_index,
            SpeakerPage(
                title=f"{given_name} {family_name}",
                slug=f"{given_name}-{family_name}".lower(),
                given_name=given_name,
                family_name=family_name,
                positions=[
                    SpeakerPosition(function=function, organisation=organisation)
                    for function, organisation in positions
                ],
                **fields,
            ),
        )

    @classmethod
    def make_event(cls, slug="konferenz-2023", speakers=(), programme=None, **fields):
        """A live event; `speakers` are (speaker page, role) pairs."""
        values = {
            "title": "Landkreise als internationale Akteure",
            "subtitle": "Konferenz des Reallabors",
            "teaser": "Wie Kreise die Ukraine unterstützen.",
            "start": CONFERENCE_START,
            "end": CONFERENCE_END,
            **fields,
        }
        event = EventPage(
            slug=slug,
            programme=programme or [],
            # In the order given, as the editor's form numbers them; unnumbered rows come back in
            # any order on PostgreSQL.
            speakers=[
                EventSpeaker(speaker=speaker, role=role, sort_order=position)
                for position, (speaker, role) in enumerate(speakers)
            ],
            **values,
        )
        return publish(cls.event_index, event)

    @classmethod
    def make_conference(cls):
        """The conference of 22 November 2023 with every part an event page can show."""
        return cls.make_event(
            venue=cls.venue,
            introduction="<p>Die Konferenz bringt Kreise und Kommunen zusammen.</p>",
            key_questions=[
                {"type": "question", "value": "Welche Rolle spielen Kreise?"},
                {"type": "question", "value": "Wie gelingt eine Partnerschaft?"},
            ],
            programme=[
                programme_item(time(10), "Begrüßung", kind="welcome", speakers=[cls.shum]),
                programme_item(
                    time(11), "Kreis Coesfeld", kind="practice_example", speakers=[cls.kallerhoff]
                ),
            ],
            speakers=[(cls.shum, EventSpeaker.Role.WELCOME), (cls.kallerhoff, "practice_example")],
            practice_examples=[
                EventPracticeExample(practice_example=cls.coesfeld, presenter=cls.kallerhoff)
            ],
            funding_note="Gefördert von der Staatskanzlei NRW.",
            organiser="Auslandsgesellschaft.de e.V.",
            contact_name="Kai Becker",
            contact_email="becker@auslandsgesellschaft.de",
        )

    @classmethod
    def add_registration(cls, event, opens=None, closes=None):
        return publish(
            event,
            RegistrationFormPage(
                title="Anmeldung",
                slug="anmeldung",
                registration_opens=opens,
                registration_closes=closes or datetime(2023, 11, 15, 23, 59, tzinfo=BERLIN),
                form_fields=[
                    RegistrationFormField(label="Name", field_type="singleline", required=True)
                ],
            ),
        )

    @classmethod
    def translate_conference(cls, event):
        """English and Ukrainian versions of the conference and its speakers."""
        cls.event_en = translate_page(event, "en", title="Districts as international actors")
        cls.event_uk = translate_page(event, "uk", title="Райони як міжнародні актори")
        cls.shum_uk = translate_page(
            cls.shum, "uk", given_name="Ірина", family_name="Шум", slug="iryna-shum"
        )
        SpeakerPosition.objects.filter(page=cls.shum_uk).update(
            function="Генеральна консулка України", organisation="у Дюссельдорфі"
        )


class APITestCase(APITestMixin, EventTreeTestCase):
    """The event tree, read through the API with its response cache emptied before each test."""
