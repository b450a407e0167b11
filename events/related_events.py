"""The events a speaker speaks at and a practice example was presented at.

Derived from the events' speaker and practice example lists, so nobody types them twice; shown on
the speaker's and the practice example's pages through pagebase's page sections (see
events.wagtail_hooks), as speakers and home know nothing of events.
"""

from django.utils.translation import gettext
from wagtail.models import Locale

from home.models import PracticeExamplePage
from pagebase.visibility import public
from speakers.models import SpeakerPage

from .models import EventPage


def events_of_speaker(speaker):
    """The live events in the speaker page's language at which this person speaks, latest first."""
    # The page's language is the reader's (Wagtail serves /uk/ from the Ukrainian tree): knowing
    # it saves a query.
    return (
        public(EventPage.objects.live())
        .filter(
            locale_id=speaker.locale_id,
            speakers__speaker__translation_key=speaker.translation_key,
        )
        .distinct()
        .order_by("-start")
        # What the speaker's page lists of each event: its title, address and day.
        .only("title", "url_path", "start")
    )


def events_of_practice_example(example):
    """The live events in the reader's language where this partnership was presented."""
    return (
        public(EventPage.objects.live())
        .filter(
            locale=Locale.get_active(),
            practice_examples__practice_example__translation_key=example.translation_key,
        )
        .distinct()
        .order_by("-start")
    )


def page_events(page):
    """The events of a speaker or practice example page, with the heading of their section.

    None for a page of another type.
    """
    if isinstance(page, SpeakerPage):
        events, heading, section_id = (
            events_of_speaker(page),
            gettext("Appearances at events"),
            "appearances",
        )
    elif isinstance(page, PracticeExamplePage):
        events, heading, section_id = (
            events_of_practice_example(page),
            gettext("Presented at"),
            "presentations",
        )
    else:
        return None
    return {"events": events, "heading": heading, "section_id": section_id}
