"""One event, one registration: the German form owns the schedule and places in every language.

The English and Ukrainian forms were copied from the German one when they were translated, so
their own columns still hold the old dates; every reader must follow the German form instead.
"""

import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone

from events.formatting import local_isoformat
from events.models import Registration, RegistrationFormPage
from events.registration.pages import RegistrationFormPageForm

from .registration_utils import RegistrationTestCase
from .utils import in_the_future

ORIGIN = "https://frontend.example.org"


def json_payload(email, language=None):
    data = {"vorname": "Olena", "nachname": "Koval", "e_mail": email, "consent": True}
    if language:
        data["language"] = language
    return json.dumps(data)


@override_settings(REGISTRATION_API_ALLOWED_ORIGINS=[ORIGIN])
class GermanScheduleRulesEveryLanguageTests(RegistrationTestCase):
    def change_german_form(self, **values):
        form = RegistrationFormPage.objects.get(pk=self.form.pk)
        for name, value in values.items():
            setattr(form, name, value)
        form.save_revision().publish()

    def post_json(self, page, email, language=None):
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                f"/api/registrations/{page.pk}/",
                json_payload(email, language),
                content_type="application/json",
                headers={"Origin": ORIGIN},
            )

    def api_registration(self, event, version):
        response = self.client.get(f"/api/{version}/pages/{event.pk}/")
        self.assertEqual(response.status_code, 200, response.content)
        return response.json()["registration"]

    def test_closing_in_german_closes_the_english_and_ukrainian_forms(self):
        self.change_german_form(registration_closes=timezone.now() - timedelta(minutes=1))

        for form in (self.form_en, self.form_uk):
            with self.subTest(form=form.locale.language_code):
                self.assertNotContains(self.client.get(form.url), 'name="e_mail"')
                response = self.submit(form, email=f"html-{form.pk}@example.org")
                self.assertEqual(response.status_code, 403)
        for language in ("de", "en", "uk"):
            with self.subTest(json_language=language):
                response = self.post_json(self.form, f"{language}@example.org", language)
                self.assertEqual(response.status_code, 410)
        self.assertEqual(self.post_json(self.form_uk, "uk-page@example.org").status_code, 410)
        self.assertFalse(Registration.objects.exists())

    def test_closing_in_german_shows_closed_on_every_event_page_and_in_both_apis(self):
        closes = timezone.now() - timedelta(minutes=1)
        self.change_german_form(registration_closes=closes)

        for event, wording in (
            (self.event, "Anmeldung ist geschlossen"),
            (self.event_en, "registration is closed"),
            (self.event_uk, "реєстрацію закрито"),
        ):
            with self.subTest(event=event.locale.language_code):
                self.assertContains(self.client.get(event.url), wording)
                for version in ("v2", "v3"):
                    registration = self.api_registration(event, version)
                    self.assertEqual(registration["state"], "closed")
                    self.assertEqual(registration["closes"], local_isoformat(closes))

    def test_reopening_in_german_reopens_every_language_with_the_new_deadline(self):
        self.change_german_form(registration_closes=timezone.now() - timedelta(minutes=1))
        new_deadline = in_the_future(25)
        self.change_german_form(registration_closes=new_deadline)

        response = self.post_json(self.form, "en@example.org", "en")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(self.submit(self.form_uk, email="uk@example.org").status_code, 200)
        self.assertEqual(
            sorted(Registration.objects.values_list("language", flat=True)), ["en", "uk"]
        )
        self.assertEqual(
            self.api_registration(self.event_uk, "v2")["closes"], local_isoformat(new_deadline)
        )
        self.assertContains(self.client.get(self.form_en.url), "Registration until")

    def test_places_set_in_german_fill_up_across_languages(self):
        self.change_german_form(capacity=1)

        self.submit(self.form_uk, email="first@example.org")
        self.submit(self.form_en, email="second@example.org")

        statuses = dict(Registration.objects.values_list("email", "status"))
        self.assertEqual(
            statuses,
            {"first@example.org": "confirmed", "second@example.org": "waiting_list"},
        )
        self.assertEqual(self.api_registration(self.event_en, "v2")["state"], "waiting_list")
        self.assertContains(self.client.get(self.form_uk.url), "Усі місця зайняті")

    def test_opening_date_set_in_german_holds_back_every_language(self):
        self.change_german_form(registration_opens=in_the_future(5))

        self.assertContains(self.client.get(self.form_en.url), "Registration has not opened yet")
        self.assertEqual(self.post_json(self.form_en, "en@example.org").status_code, 410)
        self.assertEqual(self.api_registration(self.event_uk, "v3")["state"], "not_yet_open")


class TranslatedFormAdminTests(RegistrationTestCase):
    """In the admin, a translation shows the German form's schedule read-only, saying where it
    is set; whatever is posted for those fields is ignored."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = get_user_model().objects.create_superuser(
            "redaktion", "redaktion@example.org", "geheim"
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def edit_form(self, page):
        form_class = type(page).get_edit_handler().get_form_class()
        self.assertTrue(issubclass(form_class, RegistrationFormPageForm))
        return form_class(instance=page, for_user=self.editor)

    def test_translation_shows_the_german_deadline_read_only_with_a_german_note(self):
        self.form.registration_closes = in_the_future(12)
        self.form.save_revision().publish()

        form = self.edit_form(RegistrationFormPage.objects.get(pk=self.form_uk.pk))

        field = form.fields["registration_closes"]
        self.assertTrue(field.disabled)
        self.assertEqual(form.initial["registration_closes"], self.form.registration_closes)
        self.assertIn("Anmeldung", str(field.help_text))
        self.assertIn("gilt für alle Sprachen", str(field.help_text))
        self.assertTrue(form.fields["capacity"].disabled)
        self.assertTrue(form.fields["organisers"].disabled)

    def test_german_form_keeps_its_schedule_editable(self):
        form = self.edit_form(RegistrationFormPage.objects.get(pk=self.form.pk))
        self.assertFalse(form.fields["registration_closes"].disabled)
        self.assertFalse(form.fields["capacity"].disabled)

    def test_admin_editor_of_a_translation_shows_the_note(self):
        response = self.client.get(f"/admin/pages/{self.form_uk.pk}/edit/")
        self.assertContains(response, "gilt für alle Sprachen")


class RegistrationDataTests(RegistrationTestCase):
    def test_registrations_of_every_language_are_one_list_on_the_german_form(self):
        self.submit(self.form_en, email="en@example.org")
        self.submit(self.form_uk, email="uk@example.org")
        self.assertEqual(
            list(self.form_uk.get_submissions().values_list("email", flat=True)),
            ["en@example.org", "uk@example.org"],
        )
        self.assertEqual(Registration.objects.filter(page=self.form).count(), 2)
