from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail_localize.models import (
    LocaleSynchronization,
    String,
    StringTranslation,
    Translation,
    TranslationSource,
)

from events.models import EventPage, EventPracticeExample, EventSpeaker, Venue
from home.models import (
    HomePage,
    LeichteSprachePage,
    OrganisationDetails,
    SiteSettings,
    StandardPage,
)
from reallabor_site.management.commands.load_reallabor_content import Command
from speakers.models import SpeakerPage, SpeakerPosition


def load_content():
    stderr = StringIO()
    call_command("load_reallabor_content", stdout=StringIO(), stderr=stderr)
    return stderr.getvalue()


def snapshot():
    """Everything the command creates, so a second run can be compared with the first."""
    return {
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "slug", "live", "latest_revision_id", "alias_of_id"
            )
        ),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "organisation details": OrganisationDetails.objects.count(),
        "venues": list(Venue.objects.order_by("pk").values_list("pk", "name")),
        "positions": list(
            SpeakerPosition.objects.order_by("pk").values_list("pk", "function", "organisation")
        ),
        "event speakers": EventSpeaker.objects.count(),
        "event practice examples": EventPracticeExample.objects.count(),
        "translation sources": TranslationSource.objects.count(),
        "translations": Translation.objects.count(),
        "strings": String.objects.count(),
        "string translations": list(
            StringTranslation.objects.order_by("pk").values_list("pk", "data")
        ),
    }


class LoadContentTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_content()

    def test_home_page_exists_in_german_english_and_ukrainian(self):
        titles = dict(HomePage.objects.values_list("locale__language_code", "title"))
        self.assertEqual(titles["de"], "Reallabor Kommunaler Aufbaupartnerschaften NRW – Ukraine")
        self.assertIn("Reconstruction Partnerships", titles["en"])
        self.assertIn("Реальна лабораторія", titles["uk"])

    def test_default_site_is_rooted_at_the_german_home_page(self):
        site = Site.objects.get(is_default_site=True)
        self.assertEqual(site.root_page.specific, HomePage.objects.get(locale__language_code="de"))
        self.assertFalse(
            Page.objects.filter(depth=2, slug="home", locale__language_code="de").exists()
        )

    def test_about_and_legal_pages_exist_in_every_language(self):
        german = set(
            StandardPage.objects.filter(locale__language_code="de").values_list("slug", flat=True)
        )
        self.assertEqual(german, {"ueber-uns", "impressum", "datenschutz", "barrierefreiheit"})
        for code in ("en", "uk"):
            self.assertEqual(
                StandardPage.objects.live().filter(locale__language_code=code).count(), 4
            )

    def test_legal_pages_are_marked_as_placeholders_for_editors(self):
        imprint = StandardPage.objects.get(slug="impressum")
        self.assertIn("Platzhalter", imprint.introduction)

    def test_accessibility_statement_states_the_checks_and_a_feedback_contact(self):
        german = StandardPage.objects.get(slug="barrierefreiheit")
        for page in StandardPage.objects.filter(translation_key=german.translation_key):
            with self.subTest(page.url):
                response = self.client.get(page.url)
                self.assertContains(response, "axe-core")
                self.assertContains(response, "WCAG")
                self.assertContains(response, "320")
                self.assertContains(response, "mailto:becker@auslandsgesellschaft.de")
                # The legally required parts stay marked for the editors.
                self.assertContains(response, "Schlichtungsstelle")

    def test_every_page_is_served_in_every_language(self):
        pages = Page.objects.live().filter(depth__gte=2)
        self.assertGreaterEqual(pages.count(), 3 * 15)
        for page in pages:
            with self.subTest(page.url):
                self.assertEqual(self.client.get(page.url).status_code, 200)

    def test_ukrainian_home_page_is_in_cyrillic(self):
        response = self.client.get("/uk/")
        self.assertContains(response, "Реальна лабораторія муніципальних партнерств")
        self.assertContains(response, "Наші цілі")

    def test_translations_are_editable_in_wagtail_localize(self):
        home = HomePage.objects.get(locale__language_code="de")
        self.assertEqual(
            set(
                Translation.objects.filter(source__object_id=home.translation_key).values_list(
                    "target_locale__language_code", flat=True
                )
            ),
            {"en", "uk"},
        )
        self.assertTrue(StringTranslation.objects.filter(data="Наші цілі").exists())

    def test_new_german_pages_are_mirrored_into_english_and_ukrainian(self):
        self.assertEqual(
            set(LocaleSynchronization.objects.values_list("locale__language_code", flat=True)),
            {"en", "uk"},
        )

    def test_no_page_is_left_as_an_untranslated_alias_but_those_in_leichte_sprache(self):
        # Leichte Sprache is a form of German: its pages stay German, mirrored as copies.
        aliases = Page.objects.filter(alias_of__isnull=False)
        self.assertEqual(
            set(aliases.values_list("content_type__model", flat=True)), {"leichtesprachepage"}
        )
        self.assertEqual(
            aliases.count(),
            2 * LeichteSprachePage.objects.filter(locale__language_code="de").count(),
        )

    def test_site_settings_point_to_organisation_and_legal_pages(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        self.assertEqual(settings.contact_email, "becker@auslandsgesellschaft.de")
        self.assertEqual(settings.privacy_page.slug, "datenschutz")
        self.assertEqual(OrganisationDetails.objects.count(), 3)


class RunningAgainTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_content()

    def test_running_twice_changes_nothing(self):
        before = snapshot()
        self.assertEqual(load_content(), "")
        self.assertEqual(snapshot(), before)

    def test_running_again_keeps_what_editors_changed(self):
        about = StandardPage.objects.get(slug="ueber-uns")
        about.title = "Über das Reallabor"
        about.save_revision().publish()
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.contact_email = "info@example.org"
        settings.save()
        load_content()
        self.assertEqual(StandardPage.objects.get(slug="ueber-uns").title, "Über das Reallabor")
        self.assertEqual(
            SiteSettings.for_site(Site.objects.get(is_default_site=True)).contact_email,
            "info@example.org",
        )

    def test_running_again_keeps_editors_changes_to_the_event(self):
        event = EventPage.objects.get(locale__language_code="de")
        event.teaser = "Rückblick auf die Konferenz in Holzwickede."
        event.save_revision().publish()
        load_content()
        self.assertEqual(
            EventPage.objects.get(locale__language_code="de").teaser,
            "Rückblick auf die Konferenz in Holzwickede.",
        )

    def test_running_again_keeps_a_translation_revised_in_the_translation_editor(self):
        event = EventPage.objects.get(locale__language_code="de")
        translation = Translation.objects.get(
            source__object_id=event.translation_key, target_locale__language_code="en"
        )
        revised = StringTranslation.objects.get(
            translation_of__data=event.title, locale__language_code="en"
        )
        revised.data = "Districts as international players: support for Ukraine"
        revised.save()
        translation.save_target(publish=False)
        event.get_translation(translation.target_locale).get_latest_revision().publish()
        load_content()
        self.assertEqual(
            EventPage.objects.get(locale__language_code="en").title,
            "Districts as international players: support for Ukraine",
        )

    def test_running_again_does_not_duplicate_content_editors_renamed(self):
        speaker = SpeakerPage.objects.get(locale__language_code="de", family_name="Shum")
        speaker.slug = "generalkonsulin-iryna-shum"
        speaker.save_revision().publish()
        Venue.objects.filter(locale__language_code="de").update(name="Haus Opherdicke")
        load_content()
        self.assertEqual(SpeakerPage.objects.count(), 18)
        self.assertEqual(Venue.objects.count(), 3)

    def test_content_changed_by_editors_is_not_translated_over_their_changes(self):
        speaker = SpeakerPage.objects.get(locale__language_code="de", family_name="Laukamp")
        speaker.given_name = "Sara"
        speaker.save_revision().publish()
        SpeakerPage.objects.get(locale__language_code="uk", family_name="Лаукамп").delete()
        warnings = load_content()
        self.assertIn("Not translated", warnings)
        self.assertFalse(
            SpeakerPage.objects.filter(
                locale__language_code="uk", translation_key=speaker.translation_key
            ).exists()
        )


class LoadingIntoAnEarlierSiteTests(TestCase):
    """A database loaded before the conference content existed gets it added."""

    @classmethod
    def setUpTestData(cls):
        with mock.patch.object(Command, "load_conference"):
            load_content()
        cls.foundation_pages = set(Page.objects.values_list("pk", "latest_revision_id"))
        load_content()

    def test_conference_content_is_added_in_every_language(self):
        self.assertEqual(
            sorted(EventPage.objects.live().values_list("locale__language_code", flat=True)),
            ["de", "en", "uk"],
        )
        self.assertEqual(SpeakerPage.objects.live().count(), 18)
        self.assertEqual(Venue.objects.count(), 3)

    def test_new_pages_are_translations_rather_than_aliases(self):
        # But for the Leichte Sprache area, which is German only.
        aliases = Page.objects.filter(alias_of__isnull=False)
        self.assertEqual(
            set(aliases.values_list("content_type__model", flat=True)), {"leichtesprachepage"}
        )

    def test_foundation_pages_are_left_as_they_were(self):
        self.assertLessEqual(
            self.foundation_pages, set(Page.objects.values_list("pk", "latest_revision_id"))
        )
