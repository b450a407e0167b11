"""Places and the waiting list of one event, changed only under a lock on its owner's row.

Every change to who holds a place locks the owner (the German form page) first, so concurrent
requests for one event take turns while they count. Whenever places free up (a cancellation, an
expired confirmation, more places, a deleted registration) `fill_free_places` moves the people
who have waited longest up, in the order they registered, and tells each in their language.
"""

from django.db import transaction
from django.utils import timezone

from .emails import send_registration_email
from .models import Registration, places_left, places_taken


def lock(owner):
    """Lock the owner's row until the transaction ends; returns its number of places as stored
    now, which an editor may have changed since `owner` was read."""
    return (
        type(owner)
        .objects.select_for_update(of=("self",))
        .only("capacity")
        .get(pk=owner.pk)
        .capacity
    )


def expire_unconfirmed(owner, now):
    """Unconfirmed registrations past their deadline give their place back."""
    return (
        Registration.objects.of(owner)
        .expired(now)
        .update(status=Registration.Status.CANCELLED, cancelled_at=now)
    )


def free_places(owner, capacity, now):
    """How many places are free; None when the event has no limit."""
    # Without a limit there is nothing to count.
    return None if capacity is None else places_left(capacity, places_taken(owner, now))


def move_up(owner, capacity, now):
    """Give free places to the people waiting longest; each is told after the commit."""
    waiting = Registration.objects.of(owner).waiting()
    free = free_places(owner, capacity, now)
    if free is not None:
        waiting = waiting[:free]
    moved = list(waiting)
    for registration in moved:
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        send_registration_email(registration, moved_up=True)
    return moved


def fill_free_places(owner):
    """Expire what has expired and move the waiting list up into the places that are free."""
    now = timezone.now()
    with transaction.atomic():
        capacity = lock(owner)
        expire_unconfirmed(owner, now)
        return move_up(owner, capacity, now)
