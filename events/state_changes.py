"""When pages about events change by time alone, so a cached page can expire at that moment.

An event page shows whether registration is open, closed or not yet open, and whether the event
is past; listings sort events into upcoming and past. Each of these changes at a stored moment.
"""

from django.conf import settings
from django.db.models import Min, Q
from django.utils import timezone


def owners_of(registration_forms):
    """The German form pages that own the given forms' schedules, and the forms among them that
    have no German version and own themselves."""
    german = Q(locale__language_code=settings.LANGUAGE_CODE)
    keys = registration_forms.values("translation_key")
    owned_elsewhere = registration_forms.model.objects.filter(german, translation_key__in=keys)
    return registration_forms.model.objects.filter(
        (german & Q(translation_key__in=keys))
        | (
            Q(pk__in=registration_forms.values("pk"))
            & ~Q(translation_key__in=owned_elsewhere.values("translation_key"))
        )
    )


def next_state_change(events, registration_forms):
    """The earliest future moment at which one of `events` ends or the registration of one of
    `registration_forms` opens or closes (as their owners have it); None if there is none."""
    now = timezone.now()
    moments = [
        events.filter(end__gt=now).aggregate(moment=Min("end"))["moment"],
        *owners_of(registration_forms)
        .aggregate(
            opens=Min("registration_opens", filter=Q(registration_opens__gt=now)),
            closes=Min("registration_closes", filter=Q(registration_closes__gt=now)),
        )
        .values(),
    ]
    return min((moment for moment in moments if moment is not None), default=None)
