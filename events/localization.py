"""The reader's version of the pages and snippets an event points to, looked up all at once.

wagtail-localize does not translate foreign keys to pages: an English or Ukrainian event still
points to the German speaker and practice example pages. Asking each of them for `.localized`
costs a query per item; these helpers fetch the translations of all of them in one query and fall
back to the object chosen by the editor (usually the German one).

The language wanted is the event page's own locale: on the site it is the reader's language
(Wagtail serves /uk/ from the Ukrainian tree), in the admin's preview it is the page's language
rather than the editor's, and it costs no query to know.
"""

from dataclasses import dataclass

from wagtail.models import Page

from pagebase.localization import in_locale


def localize_venues(events, locale_id):
    """Give each event of a list its venue in the locale, with one query for all of them."""
    venues = in_locale(locale_id, [event.venue for event in events])
    for event in events:
        # Fills EventPage.localized_venue, a cached property, so templates need no query per event.
        key = event.venue.translation_key if event.venue else None
        event.__dict__["localized_venue"] = venues.get(key)


@dataclass(frozen=True)
class Appearance:
    """A speaker of an event, in the reader's language, with their role there."""

    speaker: Page
    role: str
    # The role as a code (EventSpeaker.Role), for the APIs; `role` is its name for readers.
    role_code: str = ""


@dataclass(frozen=True)
class Presentation:
    """A practice example presented at an event, and who presented it."""

    practice_example: Page
    presenter: Page | None


# What the event page, its JSON-LD and the API read of the listed speaker and practice example
# pages (names, links, portraits): the rest of each page (biography, body) is not loaded.
SHOWN_PAGE_FIELDS = ("title", "url_path", "live", "translation_key", "locale")
SHOWN_SPEAKER_FIELDS = (
    *SHOWN_PAGE_FIELDS,
    "honorific_prefix",
    "academic_title",
    "given_name",
    "family_name",
    "portrait",
    "portrait_alt_text",
)


def _only(relation, fields):
    return [f"{relation}__{field}" for field in fields]


class EventPeople:
    """The speakers, programme speakers and practice examples of one event, in its language.

    Three queries for the event's lists (speakers, practice examples, programme speakers), one
    for all speakers' translations with one more for their positions, and one for the practice
    examples' translations, however many there are.
    """

    def __init__(self, event):
        speaker_entries = list(
            event.speakers.select_related("speaker").only(
                "page", "role", *_only("speaker", SHOWN_SPEAKER_FIELDS)
            )
        )
        example_entries = list(
            event.practice_examples.select_related("practice_example", "presenter").only(
                "page",
                *_only("practice_example", (*SHOWN_PAGE_FIELDS, "kreis")),
                *_only("presenter", SHOWN_SPEAKER_FIELDS),
            )
        )
        programme_speakers = [
            speaker for item in event.programme for speaker in item.value["speakers"] if speaker
        ]
        chosen_speakers = (
            [entry.speaker for entry in speaker_entries]
            + [entry.presenter for entry in example_entries]
            + programme_speakers
        )
        self._speakers = in_locale(event.locale_id, chosen_speakers, prefetch=["positions"])
        examples = in_locale(event.locale_id, [entry.practice_example for entry in example_entries])
        self.speakers = [
            Appearance(self.speaker(entry.speaker), entry.get_role_display(), entry.role)
            for entry in speaker_entries
        ]
        self.practice_examples = [
            Presentation(
                examples[entry.practice_example.translation_key], self.speaker(entry.presenter)
            )
            for entry in example_entries
        ]

    def speaker(self, page):
        """The version of a speaker page of this event in the event's language."""
        if page is None:
            return None
        return self._speakers.get(page.translation_key, page)
