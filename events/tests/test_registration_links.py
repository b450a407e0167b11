"""The links in registrants' e-mails: cancel (with move-up), delete, confirm (double opt-in)."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from events.models import Registration
from events.registration.links import CANCEL_SALT, CONFIRM_SALT, make_token

from .registration_utils import RegistrationTestCase

Status = Registration.Status


def link_in(message, kind):
    return re.search(rf"http://testserver(/\w+/registration/{kind}/[^/\s]+/)", message.body)[1]


class CancelTests(RegistrationTestCase):
    form_options = {"capacity": 1}

    def cancel_url(self, email="olena.koval@example.org"):
        (message,) = self.outbox_to(email)
        return link_in(message, "cancel")

    def test_opening_the_cancel_link_only_asks(self):
        self.submit()
        response = self.client.get(self.cancel_url())
        self.assertContains(response, "Anmeldung stornieren")
        self.assertEqual(self.registrations().get().status, Status.CONFIRMED)

    def test_posting_the_cancel_form_cancels(self):
        self.submit()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.cancel_url(), {"action": "cancel"})
        registration = self.registrations().get()
        self.assertEqual(registration.status, Status.CANCELLED)
        self.assertIsNotNone(registration.cancelled_at)

    def test_cancelling_moves_the_first_on_the_waiting_list_up_and_emails_them(self):
        self.submit()
        self.submit(self.form_uk, email="second@example.org")
        self.submit(email="third@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.cancel_url(), {"action": "cancel"})
        statuses = dict(self.registrations().values_list("email", "status"))
        self.assertEqual(statuses["second@example.org"], Status.CONFIRMED)
        self.assertEqual(statuses["third@example.org"], Status.WAITING_LIST)
        moved_up = self.outbox_to("second@example.org")[-1]
        self.assertIn("Райони як міжнародні актори", moved_up.subject)
        self.assertTrue(any(a[2] == "text/calendar" for a in moved_up.attachments))

    def test_delete_removes_the_registration_entirely_and_frees_the_place(self):
        self.submit()
        self.submit(email="second@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(self.cancel_url(), {"action": "delete"})
        self.assertFalse(self.registrations().filter(email="olena.koval@example.org").exists())
        self.assertEqual(self.registrations().get().status, Status.CONFIRMED)

    def test_tampered_cancel_link_is_refused_and_changes_nothing(self):
        self.submit()
        url = self.cancel_url()
        tampered = url[:-3] + ("A" if url[-3] != "A" else "B") + url[-2:]
        response = self.client.post(tampered, {"action": "delete"})
        self.assertContains(response, "Dieser Link ist nicht gültig", status_code=400)
        self.assertEqual(self.registrations().get().status, Status.CONFIRMED)

    def test_confirm_token_does_not_work_as_a_cancel_link(self):
        self.submit()
        token = make_token(self.registrations().get(), CONFIRM_SALT)
        response = self.client.post(f"/de/registration/cancel/{token}/", {"action": "cancel"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.registrations().get().status, Status.CONFIRMED)


class DoubleOptInTests(RegistrationTestCase):
    form_options = {"capacity": 1, "double_opt_in": True, "confirmation_hours": 24}

    def confirm_url(self, email="olena.koval@example.org"):
        (message,) = self.outbox_to(email)
        return link_in(message, "confirm")

    def test_registration_waits_for_confirmation_and_sends_a_link_without_ics(self):
        response = self.submit(self.form_en)
        registration = self.registrations().get()
        self.assertEqual(registration.status, Status.UNCONFIRMED)
        self.assertContains(response, "Please confirm your e-mail address.")
        (message,) = self.outbox_to("olena.koval@example.org")
        self.assertIn("/en/registration/confirm/", message.body)
        self.assertEqual(message.attachments, [])

    def test_confirming_gives_a_place_and_sends_the_confirmation(self):
        self.submit()
        url = self.confirm_url()
        mail.outbox.clear()
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(url)
        self.assertEqual(self.registrations().get().status, Status.CONFIRMED)
        (message,) = self.outbox_to("olena.koval@example.org")
        self.assertTrue(any(a[2] == "text/calendar" for a in message.attachments))

    def test_opening_the_confirm_link_does_not_confirm_yet(self):
        self.submit()
        self.client.get(self.confirm_url())
        self.assertEqual(self.registrations().get().status, Status.UNCONFIRMED)

    def test_unconfirmed_registration_holds_the_place(self):
        self.submit()
        self.submit(email="second@example.org")
        second = self.registrations().get(email="second@example.org")
        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(f"/de/registration/confirm/{make_token(second, CONFIRM_SALT)}/")
        second.refresh_from_db()
        self.assertEqual(second.status, Status.WAITING_LIST)

    def test_expired_confirmation_frees_the_place_and_says_so(self):
        self.submit()
        url = self.confirm_url()
        self.registrations().update(confirmation_expires_at=timezone.now() - timedelta(hours=1))
        response = self.client.post(url)
        self.assertContains(response, "abgelaufen")
        self.assertEqual(self.registrations().get().status, Status.CANCELLED)
        self.submit(email="second@example.org")
        self.assertEqual(
            self.registrations().get(email="second@example.org").status, Status.UNCONFIRMED
        )

    def test_expired_registration_lets_the_same_address_register_again(self):
        self.submit()
        self.registrations().update(confirmation_expires_at=timezone.now() - timedelta(hours=1))
        self.submit()
        self.assertEqual(self.registrations().exclude(status=Status.CANCELLED).count(), 1)

    def test_cancel_token_does_not_confirm(self):
        self.submit()
        token = make_token(self.registrations().get(), CANCEL_SALT)
        response = self.client.post(f"/de/registration/confirm/{token}/")
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.registrations().get().status, Status.UNCONFIRMED)
