"""An upcoming event with a registration form (Vorname, Nachname, E-Mail, Anmerkungen) in German,
English and Ukrainian, for the registration tests."""

from django.core import mail
from django.core.cache import cache

from events.models import Registration, RegistrationFormField, RegistrationFormPage
from pagebase.testing import publish, translate_page

from .utils import EventTreeTestCase, in_the_future

FIELDS = [
    ("Vorname", "singleline", True),
    ("Nachname", "singleline", True),
    ("E-Mail", "email", True),
    ("Anmerkungen", "multiline", False),
]


def form_field(label, field_type, required, options=None):
    return RegistrationFormField(
        label=label, field_type=field_type, required=required, **(options or {})
    )


def registration_data(email="olena.koval@example.org", **changes):
    return {
        "vorname": "Olena",
        "nachname": "Koval",
        "e_mail": email,
        "anmerkungen": "",
        "consent": "on",
        **changes,
    }


class RegistrationTestCase(EventTreeTestCase):
    """`form` (German), `form_en`, `form_uk`: one registration for an event in 30 days.

    `form_fields`: (label, field type, required) or (label, field type, required, options).
    """

    form_options = {}
    form_fields = FIELDS

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(
            venue=cls.venue, start=in_the_future(30), end=in_the_future(30, hour=14)
        )
        cls.form = publish(
            cls.event,
            RegistrationFormPage(
                title="Anmeldung",
                slug="anmeldung",
                registration_closes=in_the_future(20),
                consent_text="Ich willige in die Verarbeitung meiner Angaben ein.",
                to_address="team@example.org",
                from_address="anmeldung@example.org",
                subject="Neue Anmeldung",
                form_fields=[form_field(*spec) for spec in cls.form_fields],
                **cls.form_options,
            ),
        )
        cls.event_en = translate_page(cls.event, "en", title="Districts as international actors")
        cls.event_uk = translate_page(cls.event, "uk", title="Райони як міжнародні актори")
        cls.form_en = translate_page(
            cls.form, "en", title="Registration", consent_text="I agree to the processing."
        )
        cls.form_uk = translate_page(
            cls.form, "uk", title="Реєстрація", consent_text="Я погоджуюся на обробку."
        )

    def setUp(self):
        cache.clear()

    def submit(self, page=None, on_commit=True, **data):
        page = page or self.form
        with self.captureOnCommitCallbacks(execute=on_commit):
            return self.client.post(page.url, registration_data(**data))

    def registrations(self):
        return Registration.objects.filter(page=self.form).order_by("pk")

    def outbox_to(self, address):
        return [message for message in mail.outbox if address in message.to]
