"""Registering, confirming, cancelling and deleting, the same for the HTML form and the JSON API.

`submit()` is the one flow of a registration: rate limits, the owner's schedule, validation,
a place or the waiting list, e-mails. The HTML form page and the JSON endpoint only translate its
outcome into a page or a status code.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from events.conf import setting

from . import queue
from .emails import notify_organisers, send_registration_email
from .models import Registration, has_free_place

Status = Registration.Status

TOO_MANY = _(
    "Many registrations have been sent from your connection in a short time. Please wait a "
    "while and try again."
)
NOT_OPEN_YET = _("Registration has not opened yet.")
CLOSED = _("Registration is closed.")
ALREADY_REGISTERED = _(
    "This e-mail address is already registered for this event. To cancel that registration, "
    "use the link in its confirmation e-mail."
)


class AlreadyRegistered(Exception):
    """This e-mail address already has a registration for the event."""


@dataclass
class Submission:
    """What became of a submitted form: a registration, or the form with its errors, or a
    refusal (`refused` says why, in words for the registrant) that keeps what was typed."""

    form: object = None
    registration: Registration | None = None
    refused: str = ""
    refused_because: str = ""
    already_registered: bool = False

    @property
    def accepted(self):
        return self.registration is not None


def _usage(request, group, rate, increment):
    # The address comes from RATELIMIT_IP_META_KEY: behind the proxies listed in TRUSTED_PROXIES
    # (a load balancer in front of several app servers) the client's, otherwise the connecting
    # one; never an X-Forwarded-For that a client wrote itself to get a fresh count.
    return get_usage(request, group=group, key="ip", rate=rate, increment=increment)


def too_many_attempts(request):
    """Counts every post: a bot that posts again and again is stopped even if nothing it sends
    is valid. The limit is generous, so people correcting their typos never meet it."""
    usage = _usage(request, "registration-attempt", setting("REGISTRATION_ATTEMPT_RATE"), True)
    return usage is not None and usage["should_limit"]


def too_many_registrations(request):
    """Whether this address has used up its registrations (accepted ones only) for now."""
    usage = _usage(request, "registration", setting("REGISTRATION_RATE"), False)
    return usage is not None and usage["count"] >= usage["limit"]


def count_registration(request):
    _usage(request, "registration", setting("REGISTRATION_RATE"), True)


def submit(request, form_page, data, files=None, language=None):
    """Take a registration for `form_page` from submitted data. `language`: the registrant's,
    for their e-mails, where no form page in it is live yet; else the form page's."""
    owner = form_page.owning_form
    form = form_page.get_form(data, files, page=form_page, user=request.user)
    if too_many_attempts(request):
        return Submission(form, refused=TOO_MANY, refused_because="rate_limited")
    if not owner.has_opened:
        return Submission(form, refused=NOT_OPEN_YET, refused_because="not_open")
    if owner.has_closed:
        return Submission(form, refused=CLOSED, refused_because="closed")
    if not form.is_valid():
        return Submission(form)
    if too_many_registrations(request):
        return Submission(form, refused=TOO_MANY, refused_because="rate_limited")
    try:
        registration = register(form_page, form, language)
    except AlreadyRegistered:
        form.add_error(form_page.email_field_name, ALREADY_REGISTERED)
        return Submission(form, already_registered=True)
    count_registration(request)
    return Submission(form, registration=registration)


def register(form_page, form, language=None):
    """Store a valid form's registration against the owner, with a place, on the waiting list
    or awaiting confirmation; the e-mails go out after the commit."""
    owner = form_page.owning_form
    email = form.cleaned_data[form_page.email_field_name].strip().lower()
    now = timezone.now()
    try:
        with transaction.atomic():
            capacity = queue.lock(owner)
            queue.expire_unconfirmed(owner, now)
            if Registration.objects.of(owner).active().filter(email__iexact=email).exists():
                raise AlreadyRegistered
            registration = Registration(
                page=owner,
                form_data=form.submitted_data,
                language=language or form_page.locale.language_code,
                email=email,
                consent_text=form.consent_text,
            )
            if owner.double_opt_in:
                registration.status = Status.UNCONFIRMED
                registration.confirmation_expires_at = now + timedelta(
                    hours=owner.confirmation_hours
                )
            elif queue.free_places(owner, capacity, now) != 0:
                registration.status = Status.CONFIRMED
                registration.confirmed_at = now
            else:
                registration.status = Status.WAITING_LIST
            registration.save()
            send_registration_email(registration)
            notify_organisers(owner, form, registration)
    except IntegrityError:
        # Only the unique constraint can fail here: a twin request won the race.
        raise AlreadyRegistered from None
    return registration


def confirm(registration):
    """Confirm a registrant's address: a place if one is left, else the waiting list. An expired
    confirmation gives its place back and confirms nothing."""
    owner = registration.page.specific
    now = timezone.now()
    with transaction.atomic():
        capacity = queue.lock(owner)
        registration.refresh_from_db()
        if registration.status != Status.UNCONFIRMED:
            return registration
        if registration.confirmation_has_expired:
            queue.expire_unconfirmed(owner, now)
            queue.move_up(owner, capacity, now)
            registration.refresh_from_db()
            return registration
        # Unconfirmed registrations hold their place until they expire, this one included.
        ahead = (
            Registration.objects.of(owner)
            .holding_a_place(now)
            .filter(submit_time__lt=registration.submit_time)
            .count()
        )
        if has_free_place(capacity, ahead):
            registration.status = Status.CONFIRMED
        else:
            registration.status = Status.WAITING_LIST
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        send_registration_email(registration)
    return registration


def cancel(registration):
    """The registrant gives up their registration; the next person waiting gets the place."""
    owner = registration.page.specific
    now = timezone.now()
    with transaction.atomic():
        capacity = queue.lock(owner)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration
        had_a_place = registration.has_a_place
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        send_registration_email(registration, had_a_place=had_a_place)
        queue.move_up(owner, capacity, now)
    return registration


def delete(registration):
    """Remove the registrant's entry entirely (their right to erasure), freeing its place."""
    owner = registration.page.specific
    now = timezone.now()
    with transaction.atomic():
        capacity = queue.lock(owner)
        registration.refresh_from_db()
        had_a_place = registration.has_a_place
        Registration.objects.filter(pk=registration.pk).delete()
        if had_a_place:
            # The last message withdraws the calendar entry; it is built from this object,
            # since the row is gone by the time it is sent.
            registration.status = Status.CANCELLED
            send_registration_email(registration, had_a_place=True)
        queue.move_up(owner, capacity, now)
