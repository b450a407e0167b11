"""E-mails about registrations, sent after the database commit so a rolled-back registration sends
nothing, and a failing mail server never costs anyone their registration.

Only a confirmed place comes with a calendar entry: people on the waiting list or still to confirm
their address get none (a tentative entry would stay in their calendar if no place ever frees up),
and a cancelled place withdraws its entry with an iCalendar CANCEL.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from ..calendar import build_calendar, cancellation_calendar
from ..formatting import format_period
from .links import cancel_url, confirm_url

logger = logging.getLogger(__name__)


def form_page_in(language, owner):
    """The registrant's live version of the form page, or the owner (the German one)."""
    translated = (
        type(owner)
        .objects.live()
        .filter(translation_key=owner.translation_key, locale__language_code=language)
        .first()
    )
    return translated or owner


def _subject(registration, event, moved_up):
    Status = type(registration).Status
    if moved_up:
        pattern = gettext("A place has become free for you: %(event)s")
    elif registration.status == Status.UNCONFIRMED:
        pattern = gettext("Please confirm your registration: %(event)s")
    elif registration.status == Status.WAITING_LIST:
        pattern = gettext("You are on the waiting list: %(event)s")
    elif registration.status == Status.CANCELLED:
        pattern = gettext("Registration cancelled: %(event)s")
    else:
        pattern = gettext("Registration confirmed: %(event)s")
    return pattern % {"event": event.title}


def build_registration_email(registration, moved_up=False, had_a_place=False):
    """The message to the registrant about where their registration stands, in the language they
    registered in. `had_a_place`: a cancelled registration held a confirmed place, whose calendar
    entry the message withdraws."""
    owner = registration.page.specific
    with translation.override(registration.language):
        form_page = form_page_in(registration.language, owner)
        event = form_page.get_parent().specific
        site_root = form_page.get_site().root_url
        status = registration.status
        Status = type(registration).Status
        context = {
            "registration": registration,
            "moved_up": moved_up,
            "hours": owner.confirmation_hours,
            "event": event,
            "when": format_period(event.start, event.end),
            "venue": event.localized_venue,
            "event_url": event.get_full_url(),
            "confirm_url": status == Status.UNCONFIRMED and confirm_url(site_root, registration),
            "cancel_url": status != Status.CANCELLED and cancel_url(site_root, registration),
        }
        message = EmailMessage(
            subject=_subject(registration, event, moved_up),
            body=render_to_string("events/emails/registration.txt", context),
            from_email=owner.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if status == Status.CONFIRMED:
            calendar = build_calendar(event, [event], None)
            message.attach("event.ics", calendar.to_ical(), "text/calendar")
        elif status == Status.CANCELLED and had_a_place:
            calendar = cancellation_calendar(event)
            message.attach("event.ics", calendar.to_ical(), "text/calendar")
    return message


def send_registration_email(registration, moved_up=False, had_a_place=False):
    """Send the registrant's message once the transaction commits, built from the registration
    as it stands now."""
    status = registration.status

    def send():
        try:
            build_registration_email(
                registration, moved_up=moved_up, had_a_place=had_a_place
            ).send()
        except Exception as error:
            # Only the error's type: SMTP errors quote the recipients' addresses, and the
            # registration's id is enough to find it.
            logger.error(
                "Registration e-mail (%s) for registration %s failed: %s",
                status,
                registration.pk,
                type(error).__name__,
            )

    transaction.on_commit(send)


class _EditorFieldsOnly:
    """A form's answers without the consent checkbox and the honeypot, for Wagtail's
    `render_email`: the organisers need the registrant's details, not the consent text again."""

    def __init__(self, form):
        self.cleaned_data = form.cleaned_data
        self._fields = form.editor_fields()

    def __iter__(self):
        return iter(self._fields)


def notify_organisers(owner, form):
    """The organisers' notification, with the owner's address and subject, whatever the language."""
    if not owner.to_address:
        return
    answers = _EditorFieldsOnly(form)

    def send():
        try:
            owner.send_mail(answers)
        except Exception as error:
            logger.error(
                "Organisers' notification for form page %s failed: %s",
                owner.pk,
                type(error).__name__,
            )

    transaction.on_commit(send)
