from django.core.management.base import BaseCommand

from events.models import EventIndexPage, EventPage, RegistrationFormPage, Venue
from home.models import (
    HomePage,
    LeichteSprachePage,
    OrganisationDetails,
    PracticeExampleIndexPage,
    PracticeExamplePage,
    SiteSettings,
    StandardPage,
)
from reallabor_site.content import (
    conference,
    foundation,
    leichte_sprache,
    practice_examples,
    speakers,
)
from reallabor_site.content.loader import SeedContent, ensure_locales, ensure_tree_synchronisation
from speakers.models import SpeakerIndexPage, SpeakerPage


class Command(BaseCommand):
    help = (
        "Create the Reallabor site in German with English and Ukrainian translations; the site's "
        "other languages (settings.LANGUAGES) show the German pages until translated. "
        "Safe to run again: what exists already is left as it is."
    )

    def handle(self, *args, **options):
        locales = ensure_locales()
        content = SeedContent(
            locales, warn=lambda message: self.stderr.write(message, self.style.WARNING)
        )

        home = self.load_foundation(content)
        self.load_conference(content, home)

        ensure_tree_synchronisation(locales)
        self.stdout.write(
            self.style.SUCCESS(f"Reallabor content is in place ({', '.join(locales)}).")
        )

    def load_foundation(self, content):
        home = content.home_page(HomePage, foundation.HOME)
        pages = {
            spec["slug"]["de"]: content.page(home, StandardPage, spec)
            for spec in foundation.STANDARD_PAGES
        }
        organisation = content.snippet(
            OrganisationDetails,
            foundation.ORGANISATION,
            lookup={"project_name": foundation.ORGANISATION["project_name"]},
        )
        leichte_sprache_start = content.german_page(home, LeichteSprachePage, leichte_sprache.START)
        for spec in leichte_sprache.PAGES:
            content.german_page(leichte_sprache_start, LeichteSprachePage, spec)
        self._fill_empty_site_settings(home, organisation, pages, leichte_sprache_start)
        return home

    def load_conference(self, content, home):
        """The conference of 22 November 2023: what it links to first, so links can resolve."""
        speaker_index = content.page(home, SpeakerIndexPage, speakers.INDEX)
        for spec in speakers.SPEAKERS:
            content.page(speaker_index, SpeakerPage, spec)

        example_index = content.page(home, PracticeExampleIndexPage, practice_examples.INDEX)
        for spec in practice_examples.PRACTICE_EXAMPLES:
            content.page(example_index, PracticeExamplePage, spec)

        # Translated before the event, so the translated events point to the translated venue.
        content.snippet(Venue, conference.VENUE, lookup=conference.VENUE_LOOKUP)
        event_index = content.page(home, EventIndexPage, conference.EVENT_INDEX)
        event = content.page(event_index, EventPage, conference.CONFERENCE)
        content.page(event, RegistrationFormPage, conference.REGISTRATION)

    def _fill_empty_site_settings(self, home, organisation, pages, leichte_sprache_start):
        """Fill only what is empty, so values that editors set are never overwritten."""
        settings = SiteSettings.for_site(home.get_site())
        wanted = {
            "organisation": organisation,
            "contact_email": foundation.CONTACT_EMAIL,
            "imprint_page": pages["impressum"],
            "privacy_page": pages["datenschutz"],
            "accessibility_page": pages["barrierefreiheit"],
            "leichte_sprache_page": leichte_sprache_start,
        }
        changed = [name for name, value in wanted.items() if not getattr(settings, name)]
        for name in changed:
            setattr(settings, name, wanted[name])
        if changed:
            settings.save(update_fields=changed)
