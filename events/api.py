"""API representations of events: times with their offset, venue, programme, people, registration.

People and venues are served in the event page's own language (see localization.py), the
registration as its owner, the German form, has it (see registration/api.py). Listings
prepare their events in a batch with `prepare_events`, so the number of queries does not grow
with the number of events.
"""

from typing import Any

from django.db.models import prefetch_related_objects
from django.utils import translation
from rest_framework.fields import Field

from speakers.api import PageField, portrait, positions, prefetch_speakers

from .formatting import local_isoformat
from .localization import localize_venues
from .registration.api import prepare_registration_pages


class LocalDateTimeField(Field):
    """A moment in ISO 8601 with the offset of German time, as the event page shows it."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> str | None:
        return local_isoformat(value)


class VenueField(PageField):
    """The venue in the event's language, with its address."""

    def to_representation(self, event) -> dict[str, Any] | None:
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


class KeyQuestionsField(PageField):
    def to_representation(self, event) -> list[str]:
        return [block.value for block in event.key_questions]


def _speaker_summary(speaker, role=None):
    return {"id": speaker.pk, "name": speaker.full_name, "role": role}


def _roles(event):
    return {
        appearance.speaker.translation_key: appearance.role for appearance in event.people.speakers
    }


class ProgrammeField(PageField):
    """The programme items, each with its speakers and their role at the event."""

    def to_representation(self, event) -> list[dict[str, Any]]:
        with translation.override(event.locale.language_code):
            roles = _roles(event)
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
                            _speaker_summary(speaker, roles.get(speaker.translation_key))
                            for speaker in speakers
                        ],
                    }
                )
            return items


class EventSpeakersField(PageField):
    """The speakers in the order editors listed them, with role, positions and portrait."""

    def to_representation(self, event) -> list[dict[str, Any]]:
        with translation.override(event.locale.language_code):
            appearances = event.people.speakers
            prefetch_speakers([appearance.speaker for appearance in appearances])
            return [
                {
                    **_speaker_summary(appearance.speaker, str(appearance.role)),
                    "positions": positions(appearance.speaker),
                    "portrait": portrait(appearance.speaker),
                    "url": appearance.speaker.get_full_url(),
                }
                for appearance in appearances
            ]


class EventPracticeExamplesField(PageField):
    def to_representation(self, event) -> list[dict[str, Any]]:
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


class ContactField(PageField):
    def to_representation(self, event) -> dict[str, Any]:
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
