"""Submitting the registration form: one list across languages, places, waiting list, duplicates,
consent and bad input."""

from django.core import mail
from django.test import override_settings

from events.models import Registration

from .registration_utils import RegistrationTestCase, registration_data
from .utils import in_the_future

Status = Registration.Status


class OneRegistrationAcrossLanguagesTests(RegistrationTestCase):
    def test_submissions_from_english_and_ukrainian_pages_land_in_the_german_list(self):
        self.submit(self.form_en, email="en@example.org")
        self.submit(self.form_uk, email="uk@example.org")
        german = [registration.email for registration in self.form.get_submissions()]
        self.assertEqual(german, ["en@example.org", "uk@example.org"])
        self.assertEqual(list(self.form_en.get_submissions()), list(self.form.get_submissions()))
        self.assertEqual(list(self.form_uk.get_submissions()), list(self.form.get_submissions()))

    def test_registration_records_the_language_of_the_page(self):
        self.submit(self.form_uk)
        self.assertEqual(self.registrations().get().language, "uk")

    def test_registration_stores_the_normalised_email_address(self):
        self.submit(email="  Olena.Koval@Example.ORG ")
        self.assertEqual(self.registrations().get().email, "olena.koval@example.org")

    def test_registration_stores_the_consent_text_shown_in_its_language(self):
        self.submit(self.form_en)
        self.assertEqual(self.registrations().get().consent_text, "I agree to the processing.")

    def test_form_data_keeps_the_german_keys_and_leaves_out_consent(self):
        self.submit(self.form_uk, vorname="Олена")
        form_data = self.registrations().get().form_data
        self.assertEqual(form_data["vorname"], "Олена")
        self.assertNotIn("consent", form_data)


class CapacityTests(RegistrationTestCase):
    form_options = {"capacity": 2}

    def test_registrations_are_confirmed_while_places_are_left(self):
        self.submit(email="a@example.org")
        self.submit(email="b@example.org")
        self.assertEqual(
            [registration.status for registration in self.registrations()],
            [Status.CONFIRMED, Status.CONFIRMED],
        )

    def test_registration_after_the_last_place_goes_on_the_waiting_list(self):
        self.submit(email="a@example.org")
        self.submit(self.form_en, email="b@example.org")
        response = self.submit(self.form_uk, email="c@example.org")
        self.assertEqual(self.registrations().last().status, Status.WAITING_LIST)
        self.assertContains(response, "Усі місця зайняті, тому ви в списку очікування.")

    def test_event_page_says_new_registrations_go_on_the_waiting_list_when_full(self):
        self.submit(email="a@example.org")
        self.submit(email="b@example.org")
        response = self.client.get(self.event.url)
        self.assertContains(response, "Warteliste")
        self.assertNotContains(response, "a@example.org")

    def test_event_page_does_not_mention_a_waiting_list_while_places_are_left(self):
        self.submit(email="a@example.org")
        self.assertNotContains(self.client.get(self.event.url), "Warteliste")

    def test_cancelled_registrations_do_not_hold_a_place(self):
        self.submit(email="a@example.org")
        self.submit(email="b@example.org")
        self.registrations().filter(email="a@example.org").update(status=Status.CANCELLED)
        self.submit(email="c@example.org")
        self.assertEqual(self.registrations().last().status, Status.CONFIRMED)


class UnlimitedCapacityTests(RegistrationTestCase):
    def test_form_without_capacity_confirms_everyone(self):
        for number in range(5):
            self.submit(email=f"person{number}@example.org")
        self.assertEqual(self.registrations().filter(status=Status.CONFIRMED).count(), 5)


class DuplicateTests(RegistrationTestCase):
    def test_same_email_cannot_register_twice(self):
        self.submit()
        response = self.submit()
        self.assertContains(response, "bereits für diese Veranstaltung angemeldet")
        self.assertEqual(self.registrations().count(), 1)

    def test_same_email_in_other_case_and_language_is_refused(self):
        self.submit()
        response = self.submit(self.form_uk, email="OLENA.Koval@example.org")
        self.assertEqual(self.registrations().count(), 1)
        self.assertContains(response, 'aria-invalid="true"')
        self.assertContains(response, 'id="id_e_mail_error"')

    def test_duplicate_sends_no_email(self):
        self.submit()
        mail.outbox.clear()
        self.submit()
        self.assertEqual(mail.outbox, [])

    def test_email_of_a_cancelled_registration_can_register_again(self):
        self.submit()
        self.registrations().update(status=Status.CANCELLED)
        self.submit()
        self.assertEqual(self.registrations().exclude(status=Status.CANCELLED).count(), 1)


class ConsentTests(RegistrationTestCase):
    def test_form_shows_the_consent_text_with_a_link_to_the_privacy_page(self):
        from home.models import SiteSettings, StandardPage

        privacy = self.add_child(self.home, StandardPage(title="Datenschutz", slug="datenschutz"))
        SiteSettings.objects.update_or_create(site=self.site, defaults={"privacy_page": privacy})
        response = self.client.get(self.form.url)
        self.assertContains(response, "Ich willige in die Verarbeitung meiner Angaben ein.")
        self.assertContains(response, f'<a href="{privacy.url}">')

    def test_registration_without_consent_is_refused_next_to_the_checkbox(self):
        data = registration_data()
        del data["consent"]
        response = self.client.post(self.form.url, data)
        self.assertContains(response, 'id="id_consent_error"')
        self.assertFalse(self.registrations().exists())


class BadInputTests(RegistrationTestCase):
    def test_ten_thousand_character_name_is_refused_and_other_values_kept(self):
        response = self.submit(vorname="x" * 10_000, nachname="Koval")
        self.assertContains(response, "höchstens 255 Zeichen")
        self.assertContains(response, 'value="Koval"')
        self.assertFalse(self.registrations().exists())

    def test_invalid_email_is_shown_next_to_the_field(self):
        response = self.submit(email="keine-adresse")
        self.assertContains(response, 'aria-describedby="id_e_mail_error"')
        self.assertContains(response, "gültige E-Mail-Adresse")
        self.assertFalse(self.registrations().exists())

    def test_errors_on_the_english_page_are_in_english(self):
        response = self.submit(self.form_en, email="not-an-address")
        self.assertContains(response, "Enter a valid e-mail address.")

    def test_script_in_a_field_is_escaped_when_shown_again(self):
        response = self.submit(vorname="<script>alert(1)</script>", email="bad")
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_overlong_remarks_are_refused(self):
        response = self.submit(anmerkungen="x" * 5000)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(self.registrations().exists())


class ClosedFormTests(RegistrationTestCase):
    def test_post_to_a_form_not_yet_open_is_refused_and_stores_nothing(self):
        self.form.registration_opens = in_the_future(5)
        self.form.save_revision().publish()
        response = self.submit()
        self.assertContains(response, "noch nicht geöffnet", status_code=403)
        self.assertFalse(self.registrations().exists())


class HoneypotTests(RegistrationTestCase):
    def test_filled_honeypot_is_refused_and_nothing_stored(self):
        response = self.submit(homepage="http://spam.example")
        self.assertContains(response, "konnte nicht angenommen werden")
        self.assertFalse(self.registrations().exists())

    def test_honeypot_is_hidden_from_people(self):
        response = self.client.get(self.form.url)
        self.assertContains(response, '<div class="registration__trap" hidden>')


@override_settings(REGISTRATION_RATE="3/h")
class RateLimitTests(RegistrationTestCase):
    def test_submissions_beyond_the_rate_are_refused_with_429(self):
        for number in range(3):
            self.submit(email=f"p{number}@example.org")
        response = self.submit(email="p4@example.org")
        self.assertContains(response, "Bitte warten Sie", status_code=429)
        self.assertEqual(self.registrations().count(), 3)

    def test_spoofed_forwarded_for_header_does_not_reset_the_limit(self):
        for number in range(3):
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    self.form.url,
                    registration_data(email=f"p{number}@example.org"),
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
                )
        response = self.client.post(
            self.form.url,
            registration_data(email="p4@example.org"),
            HTTP_X_FORWARDED_FOR="198.51.100.7",
        )
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self.registrations().count(), 3)

    @override_settings(TRUSTED_PROXIES=["127.0.0.1"])
    def test_behind_a_trusted_proxy_each_client_has_a_count_of_its_own(self):
        for number in range(3):
            with self.captureOnCommitCallbacks(execute=True):
                self.client.post(
                    self.form.url,
                    registration_data(email=f"p{number}@example.org"),
                    HTTP_X_FORWARDED_FOR="203.0.113.1",
                )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                self.form.url,
                registration_data(email="p4@example.org"),
                HTTP_X_FORWARDED_FOR="203.0.113.2",
            )
        self.assertNotEqual(response.status_code, 429)
        self.assertEqual(self.registrations().count(), 4)

    def test_typos_do_not_count_against_the_limit(self):
        for _attempt in range(6):
            response = self.submit(email="not-an-address")
            self.assertEqual(response.status_code, 200)
        response = self.submit(email="olena.koval@example.org")
        self.assertContains(response, "Vielen Dank für Ihre Anmeldung")
        self.assertEqual(self.registrations().count(), 1)

    def test_refused_post_keeps_what_was_typed_and_says_why(self):
        for number in range(3):
            self.submit(email=f"p{number}@example.org")
        response = self.submit(self.form_uk, email="p4@example.org", vorname="Остап")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, 'value="Остап"', status_code=429)
        self.assertContains(response, 'value="p4@example.org"', status_code=429)
        self.assertContains(response, "Нічого не збережено", status_code=429)


@override_settings(REGISTRATION_ATTEMPT_RATE="20/h")
class BotTests(RegistrationTestCase):
    def test_a_bot_posting_again_and_again_from_one_address_is_stopped(self):
        statuses = [self.submit(email=f"bot{n}").status_code for n in range(25)]
        self.assertEqual(statuses[:20], [200] * 20)
        self.assertEqual(statuses[20:], [429] * 5)
        response = self.submit(email="valid@example.org")
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self.registrations().count(), 0)


class TranslatedFormTests(RegistrationTestCase):
    def test_ukrainian_form_shows_the_ukrainian_consent_text(self):
        response = self.client.get(self.form_uk.url)
        self.assertContains(response, "Я погоджуюся на обробку.")
        self.assertNotContains(response, "Ich willige")
