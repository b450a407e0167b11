"""Registering, confirming, cancelling and deleting registrations without overbooking.

Every change to who holds a place runs in a transaction that first locks the German form page's
row, so concurrent requests for one event take turns while they count places.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

from .emails import notify_organisers, send_registration_email
from .models import Registration, RegistrationFormPage

CANCEL_SALT = "registration-cancel"
CONFIRM_SALT = "registration-confirm"

Status = Registration.Status
HOLDS_A_PLACE = (Status.CONFIRMED, Status.UNCONFIRMED)
TOO_MANY = _(
    "Many registrations have been sent from your connection in a short time. Please wait a "
    "while and try again."
)


class AlreadyRegistered(Exception):
    """This e-mail address already has a registration for the event."""


class InvalidLink(Exception):
    """A link whose signature, purpose or registration does not check out."""


def too_many_submissions(request):
    """Count this submission against its IP address (HTML form and JSON alike).

    The address comes from RATELIMIT_IP_META_KEY: behind the proxies listed in TRUSTED_PROXIES
    (a load balancer in front of several app servers) the client's, otherwise the connecting one;
    never an X-Forwarded-For that a client wrote itself to get a fresh count.
    """
    return is_ratelimited(
        request,
        group="registration",
        key="ip",
        rate=settings.REGISTRATION_RATE,
        increment=True,
    )


def make_token(registration, salt):
    return signing.dumps(registration.pk, salt=salt)


def registration_from_token(token, salt):
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise InvalidLink from None
    registration = Registration.objects.filter(pk=pk).select_related("page").first()
    if registration is None:
        raise InvalidLink
    return registration


def _lock(source_page_id):
    return RegistrationFormPage.objects.select_for_update(of=("self",)).get(pk=source_page_id)


def _expire_unconfirmed(source, now):
    """Unconfirmed registrations past their deadline give their place back."""
    Registration.objects.filter(
        page_id=source.pk, status=Status.UNCONFIRMED, confirmation_expires_at__lte=now
    ).update(status=Status.CANCELLED, cancelled_at=now)


def _places_taken(source):
    return Registration.objects.filter(page_id=source.pk, status__in=HOLDS_A_PLACE).count()


def _move_up_waiting_list(source, now):
    """Give free places to the people waiting longest and tell them after the commit."""
    if source.capacity is None:
        waiting = Registration.objects.filter(page_id=source.pk, status=Status.WAITING_LIST)
    else:
        free = source.capacity - _places_taken(source)
        if free <= 0:
            return
        waiting = Registration.objects.filter(
            page_id=source.pk, status=Status.WAITING_LIST
        ).order_by("submit_time", "pk")[:free]
    for registration in waiting:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        send_registration_email(registration, moved_up=True)


def register(page, form, language):
    """Store a valid form's registration against the German form page, with a place, on the
    waiting list or awaiting confirmation; the e-mails go out after the commit."""
    email = form.cleaned_data[page.email_field_name].strip().lower()
    now = timezone.now()
    try:
        with transaction.atomic():
            source = _lock(page.source_form_page.pk)
            _expire_unconfirmed(source, now)
            active = Registration.objects.filter(page_id=source.pk).exclude(status=Status.CANCELLED)
            if active.filter(email__iexact=email).exists():
                raise AlreadyRegistered
            registration = Registration(
                page=source,
                form_data=form.submitted_data,
                language=language,
                email=email,
                consent_text=form.consent_text,
            )
            if source.double_opt_in:
                registration.status = Status.UNCONFIRMED
                registration.confirmation_expires_at = now + timedelta(
                    hours=source.confirmation_hours
                )
            elif source.capacity is None or _places_taken(source) < source.capacity:
                registration.status = Status.CONFIRMED
                registration.confirmed_at = now
            else:
                registration.status = Status.WAITING_LIST
            registration.save()
            send_registration_email(registration)
            # The German page holds the organisers' address and subject, whatever the language.
            notify_organisers(source, form)
    except IntegrityError:
        # Only the unique constraint can fail here: a twin request won the race.
        raise AlreadyRegistered from None
    return registration


def confirm(registration):
    """Confirm a registrant's address: a place if one is left, else the waiting list. An expired
    confirmation gives its place back and confirms nothing."""
    now = timezone.now()
    with transaction.atomic():
        source = _lock(registration.page_id)
        registration.refresh_from_db()
        if registration.status != Status.UNCONFIRMED:
            return registration
        if registration.confirmation_expires_at and registration.confirmation_expires_at <= now:
            _expire_unconfirmed(source, now)
            _move_up_waiting_list(source, now)
            registration.refresh_from_db()
            return registration
        ahead = Registration.objects.filter(
            page_id=source.pk, status__in=HOLDS_A_PLACE, pk__lt=registration.pk
        ).count()
        if source.capacity is None or ahead < source.capacity:
            registration.status = Status.CONFIRMED
        else:
            registration.status = Status.WAITING_LIST
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        send_registration_email(registration)
    return registration


def cancel(registration):
    now = timezone.now()
    with transaction.atomic():
        source = _lock(registration.page_id)
        registration.refresh_from_db()
        if registration.status == Status.CANCELLED:
            return registration
        registration.status = Status.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        _move_up_waiting_list(source, now)
    return registration


def delete(registration):
    """Remove the registrant's entry entirely (their right to erasure), freeing its place."""
    with transaction.atomic():
        source = _lock(registration.page_id)
        Registration.objects.filter(pk=registration.pk).delete()
        _move_up_waiting_list(source, timezone.now())
