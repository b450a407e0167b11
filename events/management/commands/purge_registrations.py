"""Delete registrations once their form's retention period after the event has passed (DSGVO),
with what was recorded at the door: their check-in, and the people who came without registering.

Meant to run daily from cron; it prints counts only, never anyone's data.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.utils import timezone

from events.conf import setting
from events.models import EventPage, Registration, RegistrationFormPage, WalkIn


def expired_forms(now):
    """The form pages holding registrations whose retention period has run out.

    Registrations are stored against their event's German form page, whose retention period
    holds for every language."""
    forms = RegistrationFormPage.objects.filter(
        models.Q(pk__in=Registration.objects.values("page_id"))
        | models.Q(pk__in=WalkIn.objects.values("page_id"))
    ).only("pk", "path", "depth", "retention_days")
    events = {
        event.path: event
        for event in EventPage.objects.filter(
            path__in=[form.path[: -EventPage.steplen] for form in forms]
        ).only("path", "end")
    }
    for form in forms:
        event = events.get(form.path[: -EventPage.steplen])
        if event is None:
            continue
        days = form.retention_days
        if days is None:
            days = setting("REGISTRATION_RETENTION_DAYS")
        if event.end + timedelta(days=days) < now:
            yield form


class Command(BaseCommand):
    help = (
        "Delete the registrations of events that ended longer ago than their form's retention "
        "period (default: REGISTRATION_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Only count what would be deleted.",
        )

    def handle(self, *args, dry_run=False, **options):
        forms = list(expired_forms(timezone.now()))
        registrations = Registration.objects.filter(page__in=forms)
        walk_ins = WalkIn.objects.filter(page__in=forms)
        if dry_run:
            self.stdout.write(
                f"Would delete {registrations.count()} registration(s) and {walk_ins.count()} "
                f"walk-in(s) of {len(forms)} form(s) (dry run, nothing deleted)."
            )
            return
        with transaction.atomic():
            _, deleted = registrations.delete()
            walk_ins_deleted, _ = walk_ins.delete()
        count = deleted.get(Registration._meta.label, 0)
        self.stdout.write(
            f"Deleted {count} registration(s) and {walk_ins_deleted} walk-in(s) "
            f"of {len(forms)} form(s)."
        )
