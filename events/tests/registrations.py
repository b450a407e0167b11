"""Two events with registration forms, organisers for each, and registrations to list."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.formatting import BERLIN
from events.models import Registration, RegistrationFormField, RegistrationFormPage
from events.registration.models import ORGANISERS_GROUP
from pagebase.testing import publish

from .utils import EventTreeTestCase

FORM_FIELDS = [
    ("Vorname", "singleline"),
    ("Nachname", "singleline"),
    ("E-Mail", "email"),
    ("Institution / Kreis / Kommune", "singleline"),
    ("Telefon", "singleline"),
]


def organiser(username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "geheim")
    user.groups.add(Group.objects.get(name=ORGANISERS_GROUP))
    return user


class RegistrationsTestCase(EventTreeTestCase):
    """Event A's and event B's forms, each with its own organiser, and a superuser editor."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event_a = cls.make_event(slug="konferenz-a", title="Konferenz A")
        cls.event_b = cls.make_event(slug="konferenz-b", title="Konferenz B")
        cls.form_a = cls.make_form(cls.event_a)
        cls.form_b = cls.make_form(cls.event_b)
        cls.organiser_a = organiser("organisatorin-a")
        cls.organiser_b = organiser("organisator-b")
        cls.form_a.organisers.add(cls.organiser_a)
        cls.form_a.save_revision().publish()
        cls.form_b.organisers.add(cls.organiser_b)
        cls.form_b.save_revision().publish()
        cls.editor = get_user_model().objects.create_superuser(
            "redaktion", "redaktion@example.org", "geheim"
        )

    @classmethod
    def make_form(cls, event):
        return publish(
            event,
            RegistrationFormPage(
                title="Anmeldung",
                slug="anmeldung",
                registration_closes=datetime(2023, 11, 15, 23, 59, tzinfo=BERLIN),
                form_fields=[
                    RegistrationFormField(label=label, field_type=field_type, required=True)
                    for label, field_type in FORM_FIELDS
                ],
            ),
        )

    @staticmethod
    def register(form, language="de", status=Registration.Status.CONFIRMED, **data):
        values = {
            "vorname": "Olena",
            "nachname": "Koval",
            "e_mail": "olena@example.org",
            "institution_kreis_kommune": "Kreis Lippe",
            "telefon": "0231 123",
            **data,
        }
        return Registration.objects.create(
            page=form,
            form_data=values,
            language=language,
            status=status,
            email=values["e_mail"],
        )
