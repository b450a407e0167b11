"""E-mails about registrations, sent after the database commit so a rolled-back registration sends
nothing, and a failing mail server never costs anyone their registration."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from .calendar import build_calendar
from .formatting import format_period

logger = logging.getLogger(__name__)


def form_page_in(language, source):
    """The registrant's version of the form page, or the German one."""
    from .models import RegistrationFormPage

    translated = (
        RegistrationFormPage.objects.live()
        .filter(translation_key=source.translation_key, locale__language_code=language)
        .first()
    )
    return translated or source


def _link(site_root, view_name, token):
    return site_root + reverse(view_name, kwargs={"token": token})


def _subject(registration, event, moved_up):
    Status = type(registration).Status
    if moved_up:
        pattern = gettext("A place has become free for you: %(event)s")
    elif registration.status == Status.UNCONFIRMED:
        pattern = gettext("Please confirm your registration: %(event)s")
    elif registration.status == Status.WAITING_LIST:
        pattern = gettext("You are on the waiting list: %(event)s")
    else:
        pattern = gettext("Registration confirmed: %(event)s")
    return pattern % {"event": event.title}


def build_registration_email(registration, moved_up=False):
    """The message to the registrant, in the language they registered in."""
    from .models import RegistrationFormPage
    from .registrations import CANCEL_SALT, CONFIRM_SALT, make_token

    source = RegistrationFormPage.objects.get(pk=registration.page_id)
    with translation.override(registration.language):
        form_page = form_page_in(registration.language, source)
        event = form_page.get_parent().specific
        site_root = form_page.get_site().root_url
        unconfirmed = registration.status == registration.Status.UNCONFIRMED
        context = {
            "registration": registration,
            "moved_up": moved_up,
            "hours": source.confirmation_hours,
            "event": event,
            "when": format_period(event.start, event.end),
            "venue": event.localized_venue,
            "event_url": event.get_full_url(),
            "confirm_url": unconfirmed
            and _link(site_root, "registration_confirm", make_token(registration, CONFIRM_SALT)),
            "cancel_url": _link(
                site_root, "registration_cancel", make_token(registration, CANCEL_SALT)
            ),
        }
        message = EmailMessage(
            subject=_subject(registration, event, moved_up),
            body=render_to_string("events/emails/registration.txt", context),
            from_email=source.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
        )
        if not unconfirmed:
            calendar = build_calendar(event, [event], None)
            message.attach("event.ics", calendar.to_ical(), "text/calendar")
    return message


def send_registration_email(registration, moved_up=False):
    status = registration.status

    def send():
        try:
            build_registration_email(registration, moved_up=moved_up).send()
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


def notify_organisers(page, form):
    if not page.to_address:
        return
    answers = _EditorFieldsOnly(form)

    def send():
        try:
            page.send_mail(answers)
        except Exception as error:
            logger.error(
                "Organisers' notification for form page %s failed: %s",
                page.pk,
                type(error).__name__,
            )

    transaction.on_commit(send)
