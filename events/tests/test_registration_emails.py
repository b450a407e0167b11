"""E-mails to registrants and organisers, in the registrant's language, sent after the commit."""

from datetime import datetime

from django.core import mail
from django.test import override_settings
from icalendar import Calendar

from .registration_utils import RegistrationTestCase


def ics_of(message):
    (attachment,) = [a for a in message.attachments if a[2] == "text/calendar"]
    return Calendar.from_ical(attachment[1])


class ConfirmationEmailTests(RegistrationTestCase):
    def test_registrant_gets_a_german_confirmation_with_date_and_venue(self):
        self.submit()
        (message,) = self.outbox_to("olena.koval@example.org")
        self.assertIn("Landkreise als internationale Akteure", message.subject)
        self.assertIn("Museum Haus Opherdicke, Dorfstraße 29, 59439 Holzwickede", message.body)
        self.assertIn(" Uhr", message.body)
        self.assertIn("/de/registration/cancel/", message.body)

    def test_english_registrant_gets_an_english_email(self):
        self.submit(self.form_en)
        (message,) = self.outbox_to("olena.koval@example.org")
        self.assertIn("Districts as international actors", message.subject)
        self.assertIn("Your place is confirmed.", message.body)
        self.assertIn("/en/registration/cancel/", message.body)

    def test_ukrainian_registrant_gets_a_ukrainian_email(self):
        self.submit(self.form_uk)
        (message,) = self.outbox_to("olena.koval@example.org")
        self.assertIn("Райони як міжнародні актори", message.subject)
        self.assertIn("/uk/registration/cancel/", message.body)

    def test_confirmation_carries_a_valid_ics_of_the_event(self):
        self.submit(self.form_en)
        (message,) = self.outbox_to("olena.koval@example.org")
        (event,) = ics_of(message).events
        self.assertEqual(str(event["SUMMARY"]), "Districts as international actors")
        self.assertEqual(event.DTSTART, self.event.start)
        self.assertIsInstance(event.DTSTART, datetime)

    def test_nothing_is_sent_before_the_commit(self):
        self.submit(on_commit=False)
        self.assertEqual(mail.outbox, [])

    def test_organisers_are_notified_without_the_consent_text(self):
        self.submit()
        (message,) = self.outbox_to("team@example.org")
        self.assertIn("Olena", message.body)
        self.assertNotIn("Ich willige", message.body)
        self.assertNotIn("homepage", message.body)


@override_settings(EMAIL_BACKEND="events.tests.failing_email_backend.FailingBackend")
class FailingEmailTests(RegistrationTestCase):
    def test_failing_email_backend_keeps_the_registration(self):
        with self.assertLogs("events.registration.emails", level="ERROR") as logs:
            response = self.submit()
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.registrations().count(), 1)
        self.assertNotIn("olena", "\n".join(logs.output).lower())


class OrganiserNotificationTests(RegistrationTestCase):
    def test_registration_in_ukrainian_notifies_the_german_pages_organisers(self):
        self.form_uk.to_address = "someone-else@example.org"
        self.form_uk.save_revision().publish()
        self.submit(self.form_uk)
        (message,) = self.outbox_to("team@example.org")
        self.assertEqual(message.subject, "Neue Anmeldung")
        self.assertEqual(self.outbox_to("someone-else@example.org"), [])
