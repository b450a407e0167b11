"""Give the places of unconfirmed registrations whose confirmation time has run out to the people
on the waiting list, who are told by e-mail.

Meant to run from cron every few minutes; cancellations, deletions and more places move people up
at once without it, but an expired confirmation happens by time alone. Prints counts only.
"""

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from events.models import Registration, RegistrationFormPage
from events.registration.queue import fill_free_places


class Command(BaseCommand):
    help = (
        "Expire unconfirmed registrations past their confirmation time and move the waiting "
        "lists up into the places that are free."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        expired = Registration.objects.expired(now).values("page_id")
        waiting = Registration.objects.filter(status=Registration.Status.WAITING_LIST).values(
            "page_id"
        )
        forms = RegistrationFormPage.objects.filter(Q(pk__in=expired) | Q(pk__in=waiting))
        moved = 0
        for form in forms:
            moved += len(fill_free_places(form))
        self.stdout.write(f"Moved {moved} registration(s) up from waiting lists.")
