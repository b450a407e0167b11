"""When pages about events change by time alone, so a cached page can expire at that moment.

An event page shows whether registration is open, closed or not yet open, and whether the event
is past; listings sort events into upcoming and past. Each of these changes at a stored moment.
"""

from django.db.models import Min, Q
from django.utils import timezone


def next_state_change(events, registration_forms):
    """The earliest future moment at which one of `events` ends or one of `registration_forms`
    opens or closes; None if there is none."""
    now = timezone.now()
    moments = [
        events.filter(end__gt=now).aggregate(moment=Min("end"))["moment"],
        *registration_forms.aggregate(
            opens=Min("registration_opens", filter=Q(registration_opens__gt=now)),
            closes=Min("registration_closes", filter=Q(registration_closes__gt=now)),
        ).values(),
    ]
    return min((moment for moment in moments if moment is not None), default=None)
