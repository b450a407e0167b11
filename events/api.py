"""API representations of events: times with their offset, venue, programme, people, registration.

People and venues are served in the event page's own language (see localization.py), the
registration as its owner, the German form, has it (see registration/api.py). Listings
prepare their events in a batch with `prepare_events`, so the number of queries does not grow
with the number of events.
"""

from typing import Literal

from django.db.models import prefetch_related_objects
from django.utils import translation
from pydantic import Field

from pagebase.api_fields import APIObject, DeclaredField, LocalDateTime
from speakers.api import (
    Portrait,
    Position,
    portrait,
    positions,
    prefetch_speakers,
)

from .blocks import PROGRAMME_ITEM_KINDS
from .choices import AttendanceMode, EventStatus, SpeakerRole
from .localization import localize_venues
from .registration.api import prepare_registration_pages

Status = Literal[tuple(EventStatus.values)]
Attendance = Literal[tuple(AttendanceMode.values)]
Role = Literal[tuple(SpeakerRole.values)]
ProgrammeItemKind = Literal[tuple(kind for kind, _label in PROGRAMME_ITEM_KINDS)]
# A time of day in German time, hours and minutes.
TimeOfDay = Field(pattern=r"^[0-2][0-9]:[0-5][0-9]$", examples=["09:30"])


class Address(APIObject):
    street: str
    postcode: str
    city: str
    country: Literal["DE"] = Field(description="ISO 3166-1 country code.")


class EventVenue(APIObject):
    id: int
    name: str
    address: Address
    directions: str
    accessibility_notes: str
    map_url: str


class SpeakerSummary(APIObject):
    id: int
    name: str
    role: Role | None = Field(description="Their role at the event, if they have one.")
    role_label: str | None = Field(description="The role, in the page's language.")


class ProgrammeItem(APIObject):
    starts_at: str = TimeOfDay
    ends_at: str | None = TimeOfDay
    title: str
    kind: ProgrammeItemKind
    kind_label: str = Field(description="The kind, in the page's language.")
    description: str
    speakers: list[SpeakerSummary]


class EventSpeakerAppearance(APIObject):
    id: int
    name: str
    role: Role
    role_label: str = Field(description="The role, in the page's language.")
    positions: list[Position]
    portrait: Portrait | None
    url: str


class EventPracticeExample(APIObject):
    id: int
    title: str
    kreis: str = Field(description="The German district (Kreis) of the partnership.")
    url: str
    presenter: SpeakerSummary | None


class EventContact(APIObject):
    organiser: str
    name: str
    email: str


class LocalDateTimeField(DeclaredField):
    """A moment in ISO 8601 with the offset of German time, as the event page shows it."""

    schema = LocalDateTime


class VenueField(DeclaredField):
    """The venue in the event's language, with its address."""

    schema = EventVenue | None

    def produce(self, event):
        venue = event.localized_venue
        if venue is None:
            return None
        return {
            "id": venue.pk,
            "name": venue.name,
            "address": {
                "street": venue.street,
                "postcode": venue.postcode,
                "city": venue.city,
                "country": "DE",
            },
            "directions": venue.directions,
            "accessibility_notes": venue.accessibility_notes,
            "map_url": venue.map_url,
        }


class StatusField(DeclaredField):
    schema = Status


class AttendanceModeField(DeclaredField):
    schema = Attendance


class KeyQuestionsField(DeclaredField):
    schema = list[str]

    def produce(self, event):
        return [block.value for block in event.key_questions]


def _speaker_summary(speaker, appearance=None):
    return {
        "id": speaker.pk,
        "name": speaker.full_name,
        "role": appearance.role_code if appearance else None,
        "role_label": str(appearance.role) if appearance else None,
    }


def _appearances(event):
    return {appearance.speaker.translation_key: appearance for appearance in event.people.speakers}


class ProgrammeField(DeclaredField):
    """The programme items, each with its speakers and their role at the event."""

    schema = list[ProgrammeItem]

    def produce(self, event):
        with translation.override(event.locale.language_code):
            appearances = _appearances(event)
            items = []
            for block in event.programme:
                item = block.value
                speakers = [event.people.speaker(page) for page in item["speakers"] if page]
                items.append(
                    {
                        "starts_at": item["starts_at"].isoformat(timespec="minutes"),
                        "ends_at": item["ends_at"].isoformat(timespec="minutes")
                        if item["ends_at"]
                        else None,
                        "title": item["title"],
                        "kind": item["kind"],
                        "kind_label": str(item.kind_label),
                        "description": item["description"],
                        "speakers": [
                            _speaker_summary(speaker, appearances.get(speaker.translation_key))
                            for speaker in speakers
                        ],
                    }
                )
            return items


class EventSpeakersField(DeclaredField):
    """The speakers in the order editors listed them, with role, positions and portrait."""

    schema = list[EventSpeakerAppearance]

    def produce(self, event):
        with translation.override(event.locale.language_code):
            appearances = event.people.speakers
            prefetch_speakers([appearance.speaker for appearance in appearances])
            return [
                {
                    **_speaker_summary(appearance.speaker, appearance),
                    "positions": positions(appearance.speaker),
                    "portrait": portrait(appearance.speaker),
                    "url": appearance.speaker.get_full_url(),
                }
                for appearance in appearances
            ]


class EventPracticeExamplesField(DeclaredField):
    schema = list[EventPracticeExample]

    def produce(self, event):
        return [
            {
                "id": presentation.practice_example.pk,
                "title": presentation.practice_example.title,
                "kreis": presentation.practice_example.kreis,
                "url": presentation.practice_example.get_full_url(),
                "presenter": _speaker_summary(presentation.presenter)
                if presentation.presenter
                else None,
            }
            for presentation in event.people.practice_examples
        ]


class ContactField(DeclaredField):
    schema = EventContact

    def produce(self, event):
        return {
            "organiser": event.organiser,
            "name": event.contact_name,
            "email": event.contact_email,
        }


def prepare_events(events):
    """Venues in each event's language and registration pages with their counts, all at once."""
    events = list(events)
    prefetch_related_objects(events, "venue", "locale")
    by_locale = {}
    for event in events:
        by_locale.setdefault(event.locale_id, []).append(event)
    for locale_id, group in by_locale.items():
        localize_venues(group, locale_id)
    prepare_registration_pages(events)
