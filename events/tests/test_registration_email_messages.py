"""The registrant's and the organisers' e-mails as a mail server receives them: parsed from their
bytes with Python's strict e-mail parser, multipart text and HTML, with their headers."""

import email
import email.policy
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.users.models import UserProfile

from events.models import EventPage, RegistrationFormField
from events.registration import service
from home.models import SiteSettings

from .registration_utils import RegistrationTestCase


def received(message):
    """The message as the receiving server parses it."""
    return email.message_from_bytes(message.message().as_bytes(), policy=email.policy.strict)


def content_types(parsed):
    return [part.get_content_type() for part in parsed.walk()]


def body_of(parsed, content_type):
    (part,) = [part for part in parsed.walk() if part.get_content_type() == content_type]
    return part.get_content()


class Links(HTMLParser):
    """Each link's address and text, and the tags used, of an HTML body."""

    def __init__(self, html):
        super().__init__()
        self.links, self.tags, self.html_lang = [], set(), None
        self._href = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "a":
            self._href, self._text = attrs["href"], ""

    def handle_data(self, data):
        if self._href is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "a":
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None


class RegistrantEmailTests(RegistrationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        EventPage.objects.filter(pk__in=[cls.event.pk, cls.event_uk.pk]).update(
            contact_email="becker@auslandsgesellschaft.de"
        )

    def registrant_message(self):
        (message,) = self.outbox_to("olena.koval@example.org")
        return received(message)

    def test_confirmation_is_text_and_html_with_a_calendar_entry(self):
        self.submit(self.form_uk)

        parsed = self.registrant_message()
        self.assertEqual(
            content_types(parsed),
            [
                "multipart/mixed",
                "multipart/alternative",
                "text/plain",
                "text/html",
                "text/calendar",
            ],
        )
        self.assertIn("BEGIN:VCALENDAR", body_of(parsed, "text/calendar"))
        self.assertIn("METHOD:PUBLISH", body_of(parsed, "text/calendar"))
        self.assertIn("Райони як міжнародні актори", body_of(parsed, "text/plain"))

    def test_confirmation_headers_mark_it_automatic_with_replies_to_the_events_contact(self):
        self.submit(self.form_uk)

        parsed = self.registrant_message()
        self.assertEqual(parsed["Auto-Submitted"], "auto-generated")
        self.assertEqual(parsed["Reply-To"], "becker@auslandsgesellschaft.de")
        self.assertEqual(parsed["From"], "anmeldung@example.org")
        self.assertEqual(parsed["To"], "olena.koval@example.org")
        self.assertIn("Райони як міжнародні актори", parsed["Subject"])

    def test_html_is_in_the_registrants_language_with_headings_and_telling_links(self):
        self.submit(self.form_uk)

        html = Links(body_of(self.registrant_message(), "text/html"))
        self.assertEqual(html.html_lang, "uk")
        self.assertLessEqual({"h1", "h2"}, html.tags)
        self.assertNotIn("table", html.tags)
        links = dict(html.links)
        self.assertEqual(
            links[self.event_uk.get_full_url()], "«Райони як міжнародні актори» на нашому сайті"
        )
        (cancel_text,) = [text for href, text in html.links if "/uk/registration/cancel/" in href]
        self.assertEqual(cancel_text, "Скасувати реєстрацію або видалити мої дані")

    def test_unconfirmed_registration_links_its_confirmation_and_has_no_calendar(self):
        self.form.double_opt_in = True
        self.form.save_revision().publish()
        self.submit()

        parsed = self.registrant_message()
        self.assertEqual(
            content_types(parsed), ["multipart/alternative", "text/plain", "text/html"]
        )
        html = Links(body_of(parsed, "text/html"))
        self.assertEqual(html.html_lang, "de")
        (confirm_text,) = [text for href, text in html.links if "/registration/confirm/" in href]
        self.assertEqual(confirm_text, "E-Mail-Adresse und Anmeldung bestätigen")

    def test_cancellation_of_a_place_withdraws_the_calendar_entry(self):
        self.submit()
        registration = self.registrations().get()

        with self.captureOnCommitCallbacks(execute=True):
            service.cancel(registration)

        parsed = received(self.outbox_to("olena.koval@example.org")[-1])
        self.assertIn("text/html", content_types(parsed))
        self.assertIn("METHOD:CANCEL", body_of(parsed, "text/calendar"))
        self.assertEqual(parsed["Auto-Submitted"], "auto-generated")

    def test_replies_go_to_the_sites_contact_when_the_event_names_none(self):
        EventPage.objects.filter(pk__in=[self.event.pk, self.event_uk.pk]).update(contact_email="")
        settings = SiteSettings.for_site(self.site)
        settings.contact_email = "netzwerkstelle@example.org"
        settings.save()

        self.submit(self.form_uk)

        self.assertEqual(self.registrant_message()["Reply-To"], "netzwerkstelle@example.org")


class OrganiserEmailTests(RegistrationTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for form, labels in (
            (cls.form_uk, {"vorname": "Ім’я", "nachname": "Прізвище", "e_mail": "Ел. пошта"}),
            (cls.form_en, {"vorname": "First name", "nachname": "Last name", "e_mail": "Email"}),
        ):
            for clean_name, label in labels.items():
                RegistrationFormField.objects.filter(page=form, clean_name=clean_name).update(
                    label=label
                )

    def organiser_message(self, address="team@example.org"):
        (message,) = self.outbox_to(address)
        return received(message)

    def test_ukrainian_registration_is_reported_in_german_with_the_german_labels(self):
        self.submit(self.form_uk)

        parsed = self.organiser_message()
        self.assertEqual(
            content_types(parsed), ["multipart/alternative", "text/plain", "text/html"]
        )
        text = body_of(parsed, "text/plain")
        self.assertIn("Vorname: Olena", text)
        self.assertIn("Nachname: Koval", text)
        self.assertIn("E-Mail: olena.koval@example.org", text)
        self.assertIn("Sprache der Anmeldung: Ukrainisch", text)
        self.assertIn("Neue Anmeldung für „Landkreise als internationale Akteure“", text)
        self.assertNotIn("Ім’я", text)
        html = Links(body_of(parsed, "text/html"))
        self.assertEqual(html.html_lang, "de")
        self.assertIn("h1", html.tags)
        self.assertNotIn("table", html.tags)
        ((href, link_text),) = html.links
        self.assertEqual(link_text, "Alle Anmeldungen dieser Veranstaltung im Admin")
        self.assertEqual(href, f"http://testserver/admin/forms/submissions/{self.form.pk}/")

    def test_organiser_email_headers(self):
        self.submit(self.form_uk)

        parsed = self.organiser_message()
        self.assertEqual(parsed["Subject"], "Neue Anmeldung")
        self.assertEqual(parsed["Auto-Submitted"], "auto-generated")
        self.assertEqual(parsed["Reply-To"], "olena.koval@example.org")
        self.assertEqual(parsed["From"], "anmeldung@example.org")

    def test_organiser_who_chose_english_gets_it_in_english(self):
        self.form.to_address = "team@example.org, kai@example.org"
        self.form.save_revision().publish()
        kai = get_user_model().objects.create_user("kai", "Kai@example.org", "geheim")
        UserProfile.objects.create(user=kai, preferred_language="en")

        self.submit(self.form_uk)

        english = body_of(self.organiser_message("kai@example.org"), "text/plain")
        self.assertIn("First name: Olena", english)
        self.assertIn("Language of the registration: Ukrainian", english)
        german = body_of(self.organiser_message("team@example.org"), "text/plain")
        self.assertIn("Vorname: Olena", german)
        self.assertEqual(len(mail.outbox), 3)
