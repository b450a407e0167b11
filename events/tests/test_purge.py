"""`purge_registrations` deletes registrations once the retention period after the event ends."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from events.models import EventPage, Registration, WalkIn

from .registrations import RegistrationsTestCase


def purge(*args):
    out = StringIO()
    call_command("purge_registrations", *args, stdout=out)
    return out.getvalue()


@override_settings(REGISTRATION_RETENTION_DAYS=90)
class PurgeTests(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ended_days_ago(cls.event_a, 91)
        cls.ended_days_ago(cls.event_b, 89)
        cls.old = cls.register(cls.form_a, vorname="Olena", e_mail="olena@example.org")
        cls.old_too = cls.register(cls.form_a, vorname="Jürgen", e_mail="juergen@example.org")
        cls.recent = cls.register(cls.form_b, vorname="Bohdan", e_mail="bohdan@example.org")

    @staticmethod
    def ended_days_ago(event, days):
        end = timezone.now() - timedelta(days=days)
        EventPage.objects.filter(pk=event.pk).update(start=end - timedelta(hours=4), end=end)

    def remaining(self):
        return set(Registration.objects.values_list("pk", flat=True))

    def test_deletes_registrations_older_than_the_default_retention(self):
        purge()
        self.assertEqual(self.remaining(), {self.recent.pk})

    def test_prints_counts_and_no_personal_data(self):
        output = purge()
        self.assertEqual(output.strip(), "Deleted 2 registration(s) and 0 walk-in(s) of 1 form(s).")
        for personal in ("Olena", "olena@example.org", "Jürgen", "Koval"):
            self.assertNotIn(personal, output)

    def test_dry_run_deletes_nothing_and_says_what_it_would_delete(self):
        output = purge("--dry-run")
        self.assertEqual(self.remaining(), {self.old.pk, self.old_too.pk, self.recent.pk})
        self.assertIn("Would delete 2 registration(s) and 0 walk-in(s) of 1 form(s)", output)

    def test_form_retention_overrides_the_default(self):
        self.form_a.retention_days = 120
        self.form_a.save()
        self.form_b.retention_days = 30
        self.form_b.save()
        purge()
        self.assertEqual(self.remaining(), {self.old.pk, self.old_too.pk})

    @override_settings(REGISTRATION_RETENTION_DAYS=7)
    def test_default_comes_from_the_setting(self):
        purge()
        self.assertEqual(self.remaining(), set())

    def test_nothing_to_delete_reports_zero(self):
        Registration.objects.filter(page=self.form_a).delete()
        self.assertEqual(
            purge().strip(), "Deleted 0 registration(s) and 0 walk-in(s) of 0 form(s)."
        )


@override_settings(REGISTRATION_RETENTION_DAYS=90)
class PurgeAttendanceTests(RegistrationsTestCase):
    """What was recorded at the door goes with the registrations: check-ins are columns of the
    registration, and walk-ins are deleted with the event's registrations."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        PurgeTests.ended_days_ago(cls.event_a, 91)
        PurgeTests.ended_days_ago(cls.event_b, 89)
        cls.old = cls.register(cls.form_a, e_mail="olena@example.org")
        Registration.objects.filter(pk=cls.old.pk).update(checked_in_at=timezone.now())
        cls.old_walk_in = WalkIn.objects.create(page=cls.form_a, name="Petro Walk", institution="X")
        cls.recent_walk_in = WalkIn.objects.create(page=cls.form_b, name="Maria Walk")

    def test_walk_ins_are_deleted_with_the_registrations(self):
        output = purge()
        self.assertEqual(set(WalkIn.objects.values_list("pk", flat=True)), {self.recent_walk_in.pk})
        self.assertFalse(Registration.objects.filter(pk=self.old.pk).exists())
        self.assertEqual(output.strip(), "Deleted 1 registration(s) and 1 walk-in(s) of 1 form(s).")
        self.assertNotIn("Petro", output)

    def test_walk_ins_of_an_event_without_registrations_are_deleted_too(self):
        Registration.objects.all().delete()
        purge()
        self.assertFalse(WalkIn.objects.filter(pk=self.old_walk_in.pk).exists())

    def test_dry_run_counts_walk_ins(self):
        self.assertIn("1 walk-in(s)", purge("--dry-run"))
        self.assertEqual(WalkIn.objects.count(), 2)
