"""A fair queue: whenever places free up, the people waiting longest move up, in order, and hear it
in their language; only a confirmed place comes with a confirmed calendar entry."""

import re
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.models import Registration, RegistrationFormPage
from events.registration import service

from .registration_utils import RegistrationTestCase

Status = Registration.Status


def calendars_in(message):
    return [
        Calendar.from_ical(content)
        for _name, content, kind in message.attachments
        if kind == "text/calendar"
    ]


class CapacityRaisedTests(RegistrationTestCase):
    form_options = {"capacity": 2}

    def register_five(self):
        """Two places taken, then three people waiting: in German, Ukrainian and English."""
        self.submit(email="a@example.org")
        self.submit(self.form_en, email="b@example.org")
        self.submit(self.form_uk, email="wait1@example.org")
        self.submit(self.form_en, email="wait2@example.org")
        self.submit(email="wait3@example.org")
        mail.outbox.clear()

    def raise_capacity(self, places):
        form = RegistrationFormPage.objects.get(pk=self.form.pk)
        form.capacity = places
        with self.captureOnCommitCallbacks(execute=True):
            form.save_revision().publish()

    def test_raising_places_moves_the_first_waiting_up_in_order(self):
        self.register_five()

        self.raise_capacity(4)

        statuses = dict(self.registrations().values_list("email", "status"))
        self.assertEqual(statuses["wait1@example.org"], Status.CONFIRMED)
        self.assertEqual(statuses["wait2@example.org"], Status.CONFIRMED)
        self.assertEqual(statuses["wait3@example.org"], Status.WAITING_LIST)

    def test_people_moved_up_are_told_in_their_language_with_a_confirmed_calendar_entry(self):
        self.register_five()

        self.raise_capacity(4)

        (ukrainian,) = self.outbox_to("wait1@example.org")
        self.assertIn("Райони як міжнародні актори", ukrainian.subject)
        (english,) = self.outbox_to("wait2@example.org")
        self.assertIn("A place has become free for you", english.subject)
        for message in (ukrainian, english):
            (calendar,) = calendars_in(message)
            (event,) = calendar.events
            self.assertEqual(str(event["STATUS"]), "CONFIRMED")
        self.assertEqual(self.outbox_to("wait3@example.org"), [])

    def test_later_registrants_do_not_overtake_the_waiting_list(self):
        self.register_five()
        self.raise_capacity(3)

        self.submit(email="late@example.org")

        statuses = dict(self.registrations().values_list("email", "status"))
        self.assertEqual(statuses["wait1@example.org"], Status.CONFIRMED)
        self.assertEqual(statuses["late@example.org"], Status.WAITING_LIST)

    def test_editor_deleting_a_registration_in_the_admin_moves_the_next_up(self):
        self.register_five()
        editor = get_user_model().objects.create_superuser("redaktion", "r@example.org", "x")
        self.client.force_login(editor)
        first = self.registrations().get(email="a@example.org")
        url = reverse("events_delete_submissions", args=(self.form.pk,))

        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"{url}?selected-submissions={first.pk}")

        self.assertEqual(response.status_code, 302)
        statuses = dict(self.registrations().values_list("email", "status"))
        self.assertNotIn("a@example.org", statuses)
        self.assertEqual(statuses["wait1@example.org"], Status.CONFIRMED)
        self.assertEqual(statuses["wait2@example.org"], Status.WAITING_LIST)
        self.assertEqual(len(self.outbox_to("wait1@example.org")), 1)


class WaitingListEmailTests(RegistrationTestCase):
    form_options = {"capacity": 1}

    def test_waiting_list_email_carries_no_calendar_entry(self):
        self.submit(email="first@example.org")
        self.submit(email="second@example.org")

        (message,) = self.outbox_to("second@example.org")
        self.assertIn("Warteliste", message.subject)
        self.assertEqual(calendars_in(message), [])

    def test_cancelling_a_confirmed_place_withdraws_the_calendar_entry(self):
        self.submit(email="first@example.org")
        (confirmation,) = self.outbox_to("first@example.org")
        (confirmed,) = calendars_in(confirmation)
        cancel_path = re.search(
            r"http://testserver(/de/registration/cancel/\S+/)", confirmation.body
        )[1]

        with self.captureOnCommitCallbacks(execute=True):
            self.client.post(cancel_path, {"action": "cancel"})

        cancellation = self.outbox_to("first@example.org")[-1]
        self.assertIn("storniert", cancellation.subject)
        (calendar,) = calendars_in(cancellation)
        self.assertEqual(str(calendar["METHOD"]), "CANCEL")
        (event,) = calendar.events
        self.assertEqual(str(event["STATUS"]), "CANCELLED")
        self.assertEqual(str(event["UID"]), str(confirmed.events[0]["UID"]))
        self.assertGreater(int(event["SEQUENCE"]), int(confirmed.events[0].get("SEQUENCE", 0)))

    def test_cancelling_a_waiting_list_place_sends_no_calendar(self):
        self.submit(email="first@example.org")
        self.submit(email="second@example.org")
        waiting = self.registrations().get(email="second@example.org")

        with self.captureOnCommitCallbacks(execute=True):
            service.cancel(waiting)

        self.assertEqual(calendars_in(self.outbox_to("second@example.org")[-1]), [])


class ExpiredConfirmationTests(RegistrationTestCase):
    form_options = {"capacity": 1, "double_opt_in": True, "confirmation_hours": 24}

    def test_expired_confirmation_gives_its_place_to_the_waiting_list_on_the_next_run(self):
        self.submit(email="first@example.org")
        # Confirmed by its link before the first one's time ran out, so it waits.
        second = Registration.objects.create(
            page=self.form,
            form_data={},
            language="en",
            email="second@example.org",
            status=Status.WAITING_LIST,
        )
        self.registrations().filter(email="first@example.org").update(
            confirmation_expires_at=timezone.now() - timedelta(minutes=1)
        )
        output = StringIO()

        with self.captureOnCommitCallbacks(execute=True):
            call_command("move_up_waiting_lists", stdout=output)

        second.refresh_from_db()
        self.assertEqual(second.status, Status.CONFIRMED)
        self.assertEqual(
            self.registrations().get(email="first@example.org").status, Status.CANCELLED
        )
        self.assertIn("Moved 1", output.getvalue())
        (message,) = self.outbox_to("second@example.org")
        self.assertIn("A place has become free for you", message.subject)
