"""The filters events bring to the pages listing of API v2 and v3 (see pagebase.api_filters).

Events by when, year, status, attendance mode, venue and Kreis, and by a speaker or a practice
example they present; the speakers of an event. A lower app's page (a speaker, a practice
example) knows nothing of events: the listing of events answers for it.
"""

from datetime import datetime
from typing import Annotated, Literal

from django.utils import timezone
from pydantic import Field, PositiveInt

from home.models import PracticeExamplePage
from pagebase.api_filters import ListingOrder, NotFound, PageFilter, field_equals
from speakers.models import SpeakerPage

from .api import Attendance, Status
from .formatting import BERLIN
from .models import EventPage, EventPracticeExample, EventSpeaker, Venue


def when(events, value, context):
    if value == "upcoming":
        return events.filter(end__gte=timezone.now())
    return events.filter(end__lt=timezone.now())


def year(events, value, context):
    """Events starting in that year, in German time."""
    return events.filter(
        start__gte=datetime(value, 1, 1, tzinfo=BERLIN),
        start__lt=datetime(value + 1, 1, 1, tzinfo=BERLIN),
    )


def venue(events, value, context):
    if not Venue.objects.filter(pk=value).exists():
        raise NotFound("No venue matches the given venue value.")
    return events.filter(venue_id=value)


def kreis(events, value, context):
    """Events presenting a practice example of that Kreis, matched in any of its languages, so
    that every language of such an event is found."""
    examples = PracticeExamplePage.objects.filter(kreis=value).values("translation_key")
    presenting = EventPracticeExample.objects.filter(
        practice_example__translation_key__in=examples
    ).values("page_id")
    return events.filter(pk__in=presenting)


def public_page(context, model, page_id, name):
    page = context.pages(model).filter(pk=page_id).first()
    if page is None:
        raise NotFound(f"No {model._meta.object_name} matches the given {name} value.")
    return page


def in_language_of(pages, page, context):
    """The pages in `page`'s language, unless the request chose one with ?locale=."""
    return pages if context.locale_given else pages.filter(locale_id=page.locale_id)


def speaker(events, value, context):
    """The events at which the person speaks, the speaker page found in any language."""
    person = public_page(context, SpeakerPage, value, "speaker")
    appearances = EventSpeaker.objects.filter(speaker__translation_key=person.translation_key)
    return in_language_of(events.filter(pk__in=appearances.values("page_id")), person, context)


def practice_example(events, value, context):
    """The events presenting the practice example, its page found in any language."""
    example = public_page(context, PracticeExamplePage, value, "practice_example")
    presentations = EventPracticeExample.objects.filter(
        practice_example__translation_key=example.translation_key
    )
    return in_language_of(events.filter(pk__in=presentations.values("page_id")), example, context)


def speakers_of_event(speakers, value, context):
    """The event's speakers (listed by their names, see speakers_order)."""
    event = public_page(context, EventPage, value, "event")
    keys = EventSpeaker.objects.filter(page_id=event.pk).values("speaker__translation_key")
    return in_language_of(speakers.filter(translation_key__in=keys), event, context)


def events_order(values):
    """Upcoming events and every event by start, soonest first; past events latest first."""
    return ["-start"] if values.get("when") == "past" else ["start"]


def speakers_order(values):
    """The speakers of an event by family and given name."""
    return ["family_name", "given_name"] if "event" in values else None


FILTERS = [
    PageFilter(
        "when",
        Literal["upcoming", "past"],
        "Upcoming events (soonest first) or past ones (latest first).",
        EventPage,
        when,
    ),
    PageFilter(
        "year",
        Annotated[int, Field(ge=1900, le=2999)],
        "Events starting in that year, in German time.",
        EventPage,
        year,
    ),
    PageFilter("status", Status, "Events with this status.", EventPage, field_equals("status")),
    PageFilter(
        "attendance_mode",
        Attendance,
        "Events that take place on site, online or both.",
        EventPage,
        field_equals("attendance_mode"),
    ),
    PageFilter("venue", PositiveInt, "Events at the venue with this id.", EventPage, venue),
    PageFilter(
        "kreis",
        str,
        "Events at which a practice example of this Kreis is presented, in every language.",
        EventPage,
        kreis,
    ),
    PageFilter(
        "speaker",
        PositiveInt,
        "The events at which the speaker with this page id speaks, in the speaker page's "
        "language unless locale= says.",
        EventPage,
        speaker,
    ),
    PageFilter(
        "practice_example",
        PositiveInt,
        "The events presenting the practice example with this page id, in its page's language "
        "unless locale= says.",
        EventPage,
        practice_example,
    ),
    PageFilter(
        "event",
        PositiveInt,
        "The speakers of the event with this id, in its language unless locale= says.",
        SpeakerPage,
        speakers_of_event,
    ),
    ListingOrder(EventPage, events_order),
    ListingOrder(SpeakerPage, speakers_order),
]
