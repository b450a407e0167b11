"""A registration closes at its deadline and at the latest when its event ends: editors cannot
set a later deadline, and a deadline moved past the end by other means does not reopen it."""

from datetime import datetime

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from events.formatting import BERLIN
from events.models import Registration, RegistrationFormPage

from .registration_utils import registration_data
from .utils import EventTreeTestCase, in_the_future


def form_page_data(page, **changes):
    """What the admin's edit form of a registration form posts, with the given fields changed."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "registration_opens": "",
        "registration_closes": "2023-11-15 23:59",
        "capacity": "",
        "double_opt_in": "",
        "confirmation_hours": "48",
        "consent_text": "",
        "introduction": rich_text(""),
        "form_fields": inline_formset(
            [
                {
                    "label": "Vorname",
                    "field_type": "singleline",
                    "required": "on",
                    "choices": "",
                    "default_value": "",
                    "help_text": "",
                    "autocomplete": "",
                },
                {
                    "label": "E-Mail",
                    "field_type": "email",
                    "required": "on",
                    "choices": "",
                    "default_value": "",
                    "help_text": "",
                    "autocomplete": "",
                },
            ]
        ),
        "thank_you_text": rich_text(""),
        "from_address": "",
        "to_address": "",
        "subject": "",
        "seo_title": "",
        "search_description": "",
        "retention_days": "",
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(values)


class ClosingTimeInTheEditorTests(EventTreeTestCase):
    """The conference of 22 November 2023, 10:00 to 14:00."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.form = cls.add_registration(cls.event)

    def setUp(self):
        self.login()

    def post(self, **changes):
        url = reverse("wagtailadmin_pages:edit", args=[self.form.pk])
        return self.client.post(url, form_page_data(self.form, **changes))

    def test_deadline_after_the_events_end_is_refused_in_german(self):
        response = self.post(registration_closes="2023-11-22 14:01")

        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response,
            "Die Anmeldung muss spätestens mit dem Ende der Veranstaltung schließen "
            "(22. November 2023, 14:00).",
        )
        self.form.refresh_from_db()
        self.assertEqual(
            self.form.registration_closes, datetime(2023, 11, 15, 23, 59, tzinfo=BERLIN)
        )

    def test_deadline_at_the_events_end_is_saved(self):
        response = self.post(registration_closes="2023-11-22 14:00")

        self.assertEqual(response.status_code, 302)
        latest = RegistrationFormPage.objects.get(pk=self.form.pk).get_latest_revision_as_object()
        self.assertEqual(latest.registration_closes, datetime(2023, 11, 22, 14, 0, tzinfo=BERLIN))


class RegistrationAfterTheEventTests(EventTreeTestCase):
    """The 2023 conference, whose deadline has been moved into the future (as by a script or an
    import, which no editor's form checks)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.form = cls.add_registration(cls.event, closes=in_the_future(10))

    def test_form_refuses_the_registration(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(self.form.url, registration_data(name="Olena Koval"))

        self.assertContains(response, "Die Anmeldung ist geschlossen.", status_code=403)
        self.assertFalse(Registration.objects.exists())

    def test_form_page_shows_no_form(self):
        response = self.client.get(self.form.url)

        self.assertNotContains(response, 'name="name"')

    def test_both_apis_say_closed_when_the_event_ended(self):
        for version in ("v2", "v3"):
            with self.subTest(version=version):
                response = self.client.get(f"/api/{version}/pages/{self.event.pk}/")
                registration = response.json()["registration"]
                self.assertEqual(registration["state"], "closed")
                self.assertEqual(registration["closes"], "2023-11-22T14:00:00+01:00")

    def test_event_page_shows_the_end_as_the_last_day_to_register(self):
        response = self.client.get(self.event.url)

        self.assertContains(response, "Anmeldung bis 22. November 2023")
