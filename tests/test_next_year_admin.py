"""An editor prepares next year's event from the seed conference in the admin, as they would:
"Für nächstes Jahr vorbereiten", the suggested date, the checklist, then publishing every language
with Wagtail's and wagtail-localize's own buttons."""

import html
import json
import re
from datetime import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from events.formatting import BERLIN, format_date, in_berlin
from events.models import EventPage, Registration, RegistrationFormPage

LANGUAGES = ("de", "en", "uk")
OLD_DAY = {"de": "22. November 2023", "en": "22 November 2023", "uk": "22 листопада 2023"}


def text_of(response):
    return " ".join(html.unescape(strip_tags(response.content.decode())).split())


class NextYearAdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())
        cls.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
        cls.old = EventPage.objects.get(locale__language_code="de")
        cls.old_form = RegistrationFormPage.objects.get(locale__language_code="de")
        Registration.objects.create(
            page=cls.old_form,
            form_data={"e_mail": "olena@example.org"},
            language="de",
            email="olena@example.org",
        )
        users = get_user_model().objects
        # Wagtail's own groups: editors may add and change pages, moderators also publish.
        cls.editor = users.create_user("redakteurin", "redakteurin@example.org", "geheim")
        cls.editor.groups.add(Group.objects.get(name="Redaktion"))  # Wagtail's "Editors"
        cls.moderator = users.create_user("moderator", "moderator@example.org", "geheim")
        cls.moderator.groups.add(Group.objects.get(name="Moderation"))
        cls.organiser = users.create_user("orga", "orga@example.org", "geheim")
        cls.organiser.groups.add(Group.objects.get(name="Veranstaltungsorganisation"))

    def prepare_url(self, page):
        return reverse("events_prepare_next_year", args=(page.pk,))

    def prepare(self):
        """Open the form, accept the suggested date and submit it; returns the checklist."""
        self.client.force_login(self.editor)
        form = self.client.get(self.prepare_url(self.old))
        self.assertEqual(form.status_code, 200)
        suggested = re.search(r'name="new_date"[^>]*value="([\d-]+)', form.content.decode())
        response = self.client.post(self.prepare_url(self.old), {"new_date": suggested.group(1)})
        self.assertEqual(response.status_code, 302, text_of(response)[:500])
        self.new = EventPage.objects.get(
            locale=self.locales["de"], start__gt=self.old.start
        ).specific
        self.new_date = datetime.fromisoformat(suggested.group(1)).date()
        return self.client.get(response["Location"])

    def versions(self, page):
        return {
            version.locale.language_code: version
            for version in page.get_translations(inclusive=True).specific().select_related("locale")
        }


class PrepareNextYearViewTests(NextYearAdminTestCase):
    def test_event_offers_the_action_in_its_menus(self):
        self.client.force_login(self.editor)
        url = self.prepare_url(self.old)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.old.pk,)))
        self.assertContains(edit, f'href="{url}"')
        self.assertContains(edit, "Für nächstes Jahr vorbereiten")
        listing = self.client.get(reverse("wagtailadmin_explore", args=(self.old.get_parent().pk,)))
        self.assertContains(listing, f'href="{url}"')

    def test_other_pages_do_not_offer_it(self):
        self.client.force_login(self.editor)
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.old_form.pk,)))
        self.assertNotContains(edit, "Für nächstes Jahr vorbereiten")
        # Not found; the site's language redirect answers unprefixed 404s with a redirect.
        self.assertIn(self.client.get(self.prepare_url(self.old_form)).status_code, (302, 404))

    def test_suggests_the_same_weekday_in_a_year_still_ahead(self):
        self.prepare()
        self.assertEqual(self.new_date.weekday(), in_berlin(self.old.start).weekday())
        self.assertGreater(self.new_date, datetime.now(BERLIN).date())
        self.assertEqual((self.new_date - in_berlin(self.old.start).date()).days % 7, 0)

    def test_organiser_may_not_prepare(self):
        self.client.force_login(self.organiser)
        pages = EventPage.objects.count()
        response = self.client.post(self.prepare_url(self.old), {"new_date": "2027-11-24"})
        self.assertIn(response.status_code, (302, 403))
        self.assertEqual(EventPage.objects.count(), pages)

    def test_date_before_the_event_is_refused(self):
        self.client.force_login(self.editor)
        response = self.client.post(self.prepare_url(self.old), {"new_date": "2023-11-01"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "22. November 2023")
        self.assertEqual(EventPage.objects.filter(locale=self.locales["de"]).count(), 1)

    def test_drafts_in_every_language_with_shifted_dates_and_no_registrations(self):
        self.prepare()
        interval = self.new_date - in_berlin(self.old.start).date()
        events = self.versions(self.new)
        self.assertEqual(set(events), set(LANGUAGES))
        for language, event in events.items():
            with self.subTest(language):
                self.assertFalse(event.live)
                self.assertEqual(in_berlin(event.start), in_berlin(self.old.start) + interval)
                form = RegistrationFormPage.objects.child_of(event).get()
                self.assertFalse(form.live)
                self.assertEqual(form.form_fields.count(), 7)
                self.assertEqual(
                    in_berlin(form.owning_form.registration_closes),
                    in_berlin(self.old_form.registration_closes) + interval,
                )
                self.assertFalse(Registration.objects.filter(page=form).exists())

    def test_translation_editor_shows_the_copied_translations(self):
        self.prepare()
        for language, event in self.versions(self.new).items():
            if language == "de":
                continue
            with self.subTest(language):
                translation = Translation.objects.get(
                    source=TranslationSource.objects.get_for_instance(self.new),
                    target_locale=self.locales[language],
                )
                total, translated = translation.get_progress()
                self.assertEqual(translated, total)
                editor = self.client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))
                props = html.unescape(editor.content.decode())
                # The translated introduction arrives in the editor as the segment's translation.
                first_sentence = strip_tags(event.introduction).split(".")[0]
                self.assertIn(json.dumps(first_sentence)[1:-1], props)

    def test_seed_texts_name_no_date_so_the_checklist_lists_none(self):
        checklist = self.prepare()
        self.assertContains(checklist, "Kein Text nennt das alte Datum oder Jahr.")


class TypedDateChecklistTests(NextYearAdminTestCase):
    """An editor typed the date into the thank-you text, in German and both translations."""

    TYPED = {
        "de": "Wir freuen uns, Sie am 22. November 2023 zu begrüßen.",
        "en": "We look forward to welcoming you on 22 November 2023.",
        "uk": "Раді вітати вас 22 листопада 2023 року.",
    }

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.old_form.thank_you_text = f"<p>{cls.TYPED['de']}</p>"
        cls.old_form.save_revision().publish()
        source = TranslationSource.objects.get_for_instance(cls.old_form)
        source.update_from_db()
        for language in ("en", "uk"):
            translation = source.translations.get(target_locale=cls.locales[language])
            po = translation.export_po()
            for entry in po:
                if entry.msgid == cls.TYPED["de"]:
                    entry.msgstr = cls.TYPED[language]
            translation.import_po(po)

    def test_checklist_names_dates_and_every_text_with_the_old_date_in_each_language(self):
        checklist = self.prepare()
        self.assertEqual(checklist.status_code, 200)
        text = text_of(checklist)
        deadline = RegistrationFormPage.objects.child_of(self.new).get().registration_closes
        with translation.override("de"):
            self.assertIn(f"Anmeldeschluss: {format_date(deadline)}", text)
        forms = self.versions(RegistrationFormPage.objects.child_of(self.new).get())
        for language, form in forms.items():
            with self.subTest(language):
                self.assertIn(OLD_DAY[language], text)
                self.assertContains(checklist, reverse("wagtailadmin_pages:edit", args=(form.pk,)))
        german_form = forms["de"]
        anchored = re.findall(
            rf'href="{reverse("wagtailadmin_pages:edit", args=(german_form.pk,))}#([\w-]+)"',
            checklist.content.decode(),
        )
        self.assertIn("panel-child-inhalt-child-thank_you_text-wrapper", anchored)
        # The event's own texts do not name the date; its title and teaser are not listed.
        self.assertNotIn(self.new.teaser[:40], text)


class PublishNextYearTests(NextYearAdminTestCase):
    def publish_in_wagtail(self, page):
        page.get_latest_revision().publish(user=self.moderator)

    def publish_in_translation_editor(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
            )
        self.assertEqual(response.status_code, 302, text_of(response)[:500])

    def test_published_translations_list_the_event_with_open_registration(self):
        self.prepare()
        self.client.force_login(self.moderator)
        events = self.versions(self.new)
        self.publish_in_wagtail(events["de"])
        self.publish_in_wagtail(RegistrationFormPage.objects.child_of(events["de"]).get())
        for language in ("en", "uk"):
            self.publish_in_translation_editor(events[language])
        self.client.logout()
        for language in LANGUAGES:
            with self.subTest(language):
                event = EventPage.objects.get(pk=events[language].pk)
                form = RegistrationFormPage.objects.child_of(event).get()
                self.assertTrue(event.live)
                self.assertTrue(form.live)
                index = self.client.get(event.get_parent().url)
                self.assertContains(index, f'href="{event.url}"')
                page = self.client.get(event.url)
                self.assertContains(page, f'href="{form.url}"')
                self.assertEqual(event.status_key, "registration_open")
                self.assertEqual(self.client.get(form.url).status_code, 200)

    def test_registrant_of_the_new_event_sees_its_date_never_the_old_one(self):
        self.prepare()
        self.client.force_login(self.moderator)
        events = self.versions(self.new)
        self.publish_in_wagtail(events["de"])
        self.publish_in_wagtail(RegistrationFormPage.objects.child_of(events["de"]).get())
        self.publish_in_translation_editor(events["uk"])
        self.client.logout()
        form = RegistrationFormPage.objects.child_of(events["uk"]).get()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                form.url,
                {
                    "vorname": "Олена",
                    "nachname": "Коваль",
                    "e_mail": "olena.koval@example.org",
                    "institution_kreis_kommune": "Громада Буча",
                    "funktion": "Радниця",
                    "consent": "on",
                },
            )
        self.assertEqual(response.status_code, 200)
        with translation.override("uk"):
            new_day = format_date(self.new.start)
        thank_you = text_of(response)
        self.assertIn(f"Раді будемо вітати вас {new_day} в музеї", thank_you)
        self.assertNotIn("2023", thank_you)
        registrant, organisers = sorted(
            mail.outbox, key=lambda message: message.to != ["olena.koval@example.org"]
        )
        self.assertIn(new_day, registrant.body)
        self.assertNotIn("2023", registrant.body + registrant.subject)
        with translation.override("de"):
            self.assertEqual(
                organisers.subject, f"Neue Anmeldung zur Konferenz am {format_date(self.new.start)}"
            )
