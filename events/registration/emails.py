"""E-mails about registrations, sent after the database commit so a rolled-back registration sends
nothing, and a failing mail server never costs anyone their registration.

Only a confirmed place comes with a calendar entry: people on the waiting list or still to confirm
their address get none (a tentative entry would stay in their calendar if no place ever frees up),
and a cancelled place withdraws its entry with an iCalendar CANCEL.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models.functions import Lower
from django.template.defaultfilters import yesno
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language_info

from home.models import SiteSettings

from ..calendar import build_calendar, cancellation_calendar
from ..formatting import format_period
from .links import cancel_url, confirm_url
from .placeholders import with_event_date

logger = logging.getLogger(__name__)

# RFC 3834: tells mail servers and out-of-office responders that no person sent this, so they
# send no automatic replies to it.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}


def form_page_in(language, owner):
    """The registrant's live version of the form page, or the owner (the German one)."""
    translated = (
        type(owner)
        .objects.live()
        .filter(translation_key=owner.translation_key, locale__language_code=language)
        .first()
    )
    return translated or owner


def event_contact(event, owner_event):
    """Where a registrant's reply goes: the event's contact, the German event's, or the site's."""
    address = event.contact_email or owner_event.contact_email
    if not address:
        address = SiteSettings.for_site(owner_event.get_site()).contact_email
    return [address] if address else []


def render_message(name, context):
    """A message's subject, plain text and HTML from its two templates, `name`.txt and
    `name`.html. The text template's first line is the subject and the message follows a blank
    line, so a message's wording lives in its two templates alone; the HTML one shows the
    subject (`subject`) as its title."""
    subject, _blank_line, text = render_to_string(f"{name}.txt", context).partition("\n\n")
    html = render_to_string(f"{name}.html", {**context, "subject": subject})
    return subject, text, html


def build_registration_email(registration, moved_up=False, had_a_place=False):
    """The message to the registrant about where their registration stands, in the language they
    registered in, as plain text and HTML. `had_a_place`: a cancelled registration held a
    confirmed place, whose calendar entry the message withdraws."""
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
        subject, text, html = render_message("events/emails/registration", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=owner.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[registration.email],
            reply_to=event_contact(event, owner.event),
            headers=AUTOMATIC,
        )
        message.attach_alternative(html, "text/html")
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


def organiser_languages(addresses):
    """Each organiser's address with the admin language they chose in their Wagtail profile,
    German for addresses that belong to no user or whose user chose none."""
    users = (
        get_user_model()
        .objects.annotate(address=Lower("email"))
        .filter(address__in=[address.lower() for address in addresses], is_active=True)
        .select_related("wagtail_userprofile")
    )
    profiles = {user.address: user for user in users}
    languages = {}
    for address in addresses:
        user = profiles.get(address.lower())
        profile = getattr(user, "wagtail_userprofile", None) if user else None
        chosen = profile.preferred_language if profile else ""
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        languages.setdefault(language, []).append(address)
    return languages


def _answer(value):
    """A submitted value as the organisers read it, formatted as Wagtail's form e-mails do."""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, datetime.datetime):
        return date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    return "" if value is None else str(value)


def build_organiser_email(owner, form, registration, language, addresses):
    """The organisers' notification in `language` (German unless they chose another admin
    language): the answers under the form's labels in that language (the German form's where
    it has no live version in it), and the language the person registered in."""
    with translation.override(language):
        labels_page = form_page_in(language, owner)
        labels = {field.clean_name: field.label for field in labels_page.get_form_fields()}
        event = labels_page.get_parent().specific
        answers = [
            (labels.get(field.name, str(field.label)), _answer(form.cleaned_data.get(field.name)))
            for field in form.editor_fields()
            if field.name in form.cleaned_data
        ]
        admin_root = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        context = {
            # Editors write the event's date as a placeholder ({Datum}), so a copy for next
            # year names its own date.
            "form_subject": with_event_date(owner.subject, event),
            "event": event,
            "when": format_period(event.start, event.end),
            "answers": answers,
            "registration": registration,
            "status": registration.get_status_display(),
            "registered_in": get_language_info(registration.language)["name_translated"],
            "submissions_url": admin_root
            + reverse("wagtailforms:list_submissions", args=[owner.pk]),
        }
        subject, text, html = render_message("events/emails/organisers", context)
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=owner.from_address or settings.DEFAULT_FROM_EMAIL,
            to=addresses,
            reply_to=[registration.email],
            headers=AUTOMATIC,
        )
        message.attach_alternative(html, "text/html")
    return message


def notify_organisers(owner, form, registration):
    """The organisers' notification, to the owner's addresses, one message per language the
    organisers chose, whatever the registrant's language."""
    addresses = [address.strip() for address in owner.to_address.split(",") if address.strip()]
    if not addresses:
        return

    def send():
        try:
            for language, recipients in organiser_languages(addresses).items():
                build_organiser_email(owner, form, registration, language, recipients).send()
        except Exception as error:
            logger.error(
                "Organisers' notification for form page %s failed: %s",
                owner.pk,
                type(error).__name__,
            )

    transaction.on_commit(send)
