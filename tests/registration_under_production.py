"""A registration on the seed event, run inside `manage.py shell` under the production settings
(see tests/test_site_url.py): opens the German form, registers with double opt-in, follows every
link of the e-mail, confirms, and prints as JSON what the registrant saw.

E-mails go to Django's test outbox instead of the SMTP server; everything else is production's.
"""

import json
import re
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.test import Client
from django.test.utils import setup_test_environment
from django.utils import timezone

from events.models import EventPage, RegistrationFormPage

ADDRESS = "olena.registrant@example.org"
LINK = re.compile(r"https?://[^\s\"'<>]+")
ANSWERS = {"email": ADDRESS, "dropdown": None, "multiline": ""}


def open_the_seed_registration():
    form = RegistrationFormPage.objects.get(locale__language_code="de")
    event = form.get_parent().specific
    start = timezone.now() + timedelta(days=30)
    EventPage.objects.filter(translation_key=event.translation_key).update(
        start=start, end=start + timedelta(hours=4)
    )
    form.registration_closes = start - timedelta(days=1)
    form.double_opt_in = True
    form.save()
    return form


def answers(form):
    data = {"consent": "on"}
    for field in form.get_form_fields():
        if field.field_type == "dropdown":
            data[field.clean_name] = field.choices.splitlines()[0]
        else:
            data[field.clean_name] = ANSWERS.get(field.field_type, "Olena")
    return data


def the_registrants_message():
    messages = [message for message in mail.outbox if ADDRESS in message.to]
    mail.outbox.clear()
    assert len(messages) == 1, [message.subject for message in messages]
    return messages[0]


def calendar_urls(message):
    return [
        line.removeprefix("URL:").strip()
        for _name, content, _type in message.attachments
        for line in (content.decode() if isinstance(content, bytes) else content).splitlines()
        if line.startswith("URL:")
    ]


def main():
    setup_test_environment()
    form = open_the_seed_registration()
    client = Client(HTTP_HOST=urlsplit(settings.SITE_URL).hostname)
    registered = client.post(form.url, answers(form), secure=True)
    links = LINK.findall(the_registrants_message().body)
    visits = {link: client.get(urlsplit(link).path, secure=True).status_code for link in links}
    confirm = next(link for link in links if "/confirm/" in link)
    confirmed = client.post(urlsplit(confirm).path, secure=True)
    confirmation = the_registrants_message()
    print(
        json.dumps(
            {
                "registered": registered.status_code,
                "links": links,
                "visits": visits,
                "confirmed": confirmed.status_code,
                "confirmation_links": LINK.findall(confirmation.body),
                "calendar_urls": calendar_urls(confirmation),
            }
        )
    )
