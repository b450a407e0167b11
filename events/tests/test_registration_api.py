"""POST /api/registrations/<form page id>/: the headless registration endpoint."""

import json
from unittest import mock

from django.core.cache import cache
from django.db import OperationalError
from django.test import Client, override_settings

from events.models import Registration

from .registration_utils import RegistrationTestCase
from .utils import in_the_future

ORIGIN = "https://frontend.example.org"


def payload(email="olena.koval@example.org", **changes):
    return {
        "vorname": "Olena",
        "nachname": "Koval",
        "e_mail": email,
        "consent": True,
        **changes,
    }


@override_settings(REGISTRATION_API_ALLOWED_ORIGINS=[ORIGIN], REGISTRATION_API_TOKENS=["s3cret"])
class RegistrationApiTests(RegistrationTestCase):
    def post(self, data, page=None, client=None, **headers):
        page = page or self.form
        headers.setdefault("HTTP_ORIGIN", ORIGIN)
        with self.captureOnCommitCallbacks(execute=True):
            return (client or self.client).post(
                f"/api/registrations/{page.pk}/",
                json.dumps(data),
                content_type="application/json",
                **headers,
            )

    def test_valid_registration_answers_201_with_its_status_only(self):
        response = self.post(payload())
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {"status": "confirmed"})

    def test_registration_via_the_english_page_lands_in_the_german_list_in_english(self):
        self.post(payload(), page=self.form_en)
        registration = Registration.objects.get(page=self.form)
        self.assertEqual(registration.language, "en")
        self.assertEqual(registration.consent_text, "I agree to the processing.")

    def test_language_field_chooses_the_registrants_language(self):
        self.post(payload(language="uk"))
        self.assertEqual(Registration.objects.get(page=self.form).language, "uk")

    def test_invalid_fields_answer_400_keyed_by_field_in_the_pages_language(self):
        response = self.post(payload(email="nope", consent=False), page=self.form_en)
        self.assertEqual(response.status_code, 400)
        errors = response.json()["errors"]
        self.assertEqual(errors["e_mail"], ["Enter a valid e-mail address."])
        self.assertIn("consent", errors)
        self.assertFalse(Registration.objects.exists())

    def test_body_that_is_not_a_json_object_answers_400(self):
        response = self.post(["not", "an", "object"])
        self.assertEqual(response.status_code, 400)

    def test_already_registered_email_answers_409(self):
        self.post(payload())
        response = self.post(payload(email="OLENA.koval@example.org"), page=self.form_uk)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(Registration.objects.count(), 1)

    def test_closed_registration_answers_410(self):
        self.form.registration_closes = in_the_future(-1)
        self.form.registration_opens = in_the_future(-10)
        self.form.save_revision().publish()
        response = self.post(payload())
        self.assertEqual(response.status_code, 410)
        self.assertFalse(Registration.objects.exists())

    def test_registration_not_yet_open_answers_410(self):
        self.form.registration_opens = in_the_future(5)
        self.form.save_revision().publish()
        self.assertEqual(self.post(payload()).status_code, 410)

    def test_filled_honeypot_answers_400_and_stores_nothing(self):
        response = self.post(payload(homepage="http://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Registration.objects.exists())

    @override_settings(REGISTRATION_RATE="2/h")
    def test_too_many_submissions_answer_429_even_with_a_spoofed_forwarded_for(self):
        cache.clear()
        self.post(payload(email="a@example.org"))
        self.post(payload(email="b@example.org"))
        response = self.post(payload(email="c@example.org"), HTTP_X_FORWARDED_FOR="198.51.100.9")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(Registration.objects.count(), 2)

    def test_other_origin_without_csrf_token_answers_403(self):
        client = Client(enforce_csrf_checks=True)
        response = self.post(payload(), client=client, HTTP_ORIGIN="https://evil.example")
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Registration.objects.exists())

    def test_valid_bearer_token_needs_no_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = self.post(
            payload(),
            client=client,
            HTTP_ORIGIN="https://other.example",
            HTTP_AUTHORIZATION="Bearer s3cret",
        )
        self.assertEqual(response.status_code, 201)

    def test_wrong_bearer_token_answers_403(self):
        client = Client(enforce_csrf_checks=True)
        response = self.post(
            payload(),
            client=client,
            HTTP_ORIGIN="https://other.example",
            HTTP_AUTHORIZATION="Bearer wrong",
        )
        self.assertEqual(response.status_code, 403)

    def test_full_form_puts_the_registrant_on_the_waiting_list(self):
        self.form.capacity = 1
        self.form.save_revision().publish()
        self.post(payload(email="a@example.org"))
        response = self.post(payload(email="b@example.org"))
        self.assertEqual(response.json(), {"status": "waiting_list"})


@override_settings(REGISTRATION_API_ALLOWED_ORIGINS=[ORIGIN])
class RobustEndpointTests(RegistrationTestCase):
    """Bodies no form would send get a JSON answer that says what is wrong, never a 500."""

    def post_raw(self, body, page=None, content_type="application/json"):
        page = page or self.form
        return self.client.post(
            f"/api/registrations/{page.pk}/", body, content_type=content_type, HTTP_ORIGIN=ORIGIN
        )

    def test_deeply_nested_json_answers_400_json(self):
        body = '{"vorname": ' + "[" * 1000 + "]" * 1000 + "}"
        self.assertLess(len(body), 2100)
        response = self.post_raw(body)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("error", response.json())

    def test_objects_where_text_is_expected_answer_400_naming_the_field(self):
        response = self.post_raw(json.dumps(payload(vorname={"first": "Olena"})))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(list(response.json()["errors"]), ["vorname"])
        self.assertFalse(Registration.objects.exists())

    def test_numbers_where_text_is_expected_are_taken_as_text(self):
        response = self.post_raw(json.dumps(payload(nachname=42)))
        self.assertEqual(response.status_code, 201)
        self.assertEqual(Registration.objects.get().form_data["nachname"], "42")

    def test_errors_are_in_the_pages_language(self):
        response = self.post_raw(json.dumps(payload(vorname=[{"a": 1}])), page=self.form_uk)
        self.assertEqual(
            response.json()["errors"]["vorname"],
            ["Вкажіть текст, число, true або false чи список текстів."],
        )

    def test_unknown_language_answers_400_naming_the_languages(self):
        response = self.post_raw(json.dumps(payload(language="fr")))
        self.assertEqual(response.status_code, 400)
        (message,) = response.json()["errors"]["language"]
        self.assertIn("de, en, uk", message)
        self.assertFalse(Registration.objects.exists())

    def test_three_megabyte_body_answers_413_json(self):
        body = json.dumps(payload(anmerkungen="x" * 3_000_000))
        response = self.post_raw(body)
        self.assertEqual(response.status_code, 413)
        self.assertIn("error", response.json())

    def test_huge_form_encoded_body_answers_413_json(self):
        response = self.post_raw(
            "anmerkungen=" + "x" * 3_000_000, content_type="application/x-www-form-urlencoded"
        )
        self.assertEqual(response.status_code, 413)
        self.assertEqual(response["Content-Type"], "application/json")

    def test_get_answers_405_json(self):
        response = self.client.get(f"/api/registrations/{self.form.pk}/")
        self.assertEqual(response.status_code, 405)
        self.assertEqual(response["Allow"], "POST")
        self.assertIn("error", response.json())

    def test_unreachable_database_answers_503_json_with_retry_after(self):
        with mock.patch(
            "events.registration.api.RegistrationFormPage.objects.live",
            side_effect=OperationalError("gone"),
        ):
            response = self.post_raw(json.dumps(payload()))
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertIn("Retry-After", response)
        self.assertIn("error", response.json())
