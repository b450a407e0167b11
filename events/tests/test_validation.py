from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Revision
from wagtail.test.utils.form_data import inline_formset

from events.formatting import BERLIN
from events.models import EventIndexPage, EventPage, EventSpeaker, RegistrationFormPage
from home.models import HomePage

from .utils import CONFERENCE_END, EventTreeTestCase, event_form_data, programme_item


class EventValidationTests(EventTreeTestCase):
    def event(self, **changes):
        event = EventPage.objects.get(pk=self.make_event().pk)
        for name, value in changes.items():
            setattr(event, name, value)
        return event

    def errors(self, event):
        with translation.override("de"):
            with self.assertRaises(ValidationError) as caught:
                event.full_clean()
            return caught.exception.message_dict

    def test_end_before_start_is_refused_in_german(self):
        event = self.event(end=datetime(2023, 11, 22, 9, 0, tzinfo=BERLIN))
        self.assertEqual(self.errors(event)["end"], ["Das Ende muss nach dem Beginn liegen."])

    def test_programme_item_outside_the_events_time_is_named(self):
        event = self.event(
            programme=[
                programme_item(time(10), "Begrüßung"),
                programme_item(time(15, 30), "Empfang"),
            ]
        )
        self.assertEqual(
            self.errors(event)["programme"],
            ["Diese Programmpunkte liegen außerhalb der Veranstaltungszeit: 15:30 Empfang"],
        )

    def test_speaker_listed_twice_is_refused(self):
        event = self.event(
            speakers=[
                EventSpeaker(speaker=self.shum, role="welcome"),
                EventSpeaker(speaker=self.shum, role="panel"),
            ]
        )
        self.assertIn(
            "Eine Person ist doppelt aufgeführt. Bitte führen Sie jede Person nur einmal und mit "
            "einer Rolle auf.",
            self.errors(event)["__all__"],
        )

    def test_valid_event_passes(self):
        event = self.event(
            programme=[programme_item(time(10), "Begrüßung", speakers=[self.shum])],
            speakers=[EventSpeaker(speaker=self.shum, role="welcome")],
        )
        event.full_clean()


class EventAdminValidationTests(EventTreeTestCase):
    def setUp(self):
        self.login()
        self.event = self.make_event()

    def post(self, **changes):
        url = reverse("wagtailadmin_pages:edit", args=[self.event.pk])
        return self.client.post(url, event_form_data(self.event, **changes))

    def test_editor_sees_the_german_error_and_nothing_is_saved(self):
        revisions = Revision.page_revisions.filter(object_id=str(self.event.pk)).count()
        response = self.post(end="2023-11-22 09:00", teaser="Geändert")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Das Ende muss nach dem Beginn liegen.")
        self.assertEqual(
            Revision.page_revisions.filter(object_id=str(self.event.pk)).count(), revisions
        )
        self.event.refresh_from_db()
        self.assertEqual(self.event.end, CONFERENCE_END)
        self.assertEqual(self.event.teaser, "Wie Kreise die Ukraine unterstützen.")

    def test_editor_sees_a_speaker_listed_twice(self):
        speakers = inline_formset(
            [
                {"speaker": str(self.shum.pk), "role": "welcome"},
                {"speaker": str(self.shum.pk), "role": "panel"},
            ]
        )
        response = self.post(speakers=speakers)
        self.assertContains(response, "Eine Person ist doppelt aufgeführt.")
        self.assertFalse(self.event.speakers.exists())

    def test_valid_change_is_saved(self):
        response = self.post(teaser="Neuer Kurztext")
        self.assertEqual(response.status_code, 302)
        self.event.refresh_from_db()
        self.assertEqual(self.event.get_latest_revision_as_object().teaser, "Neuer Kurztext")


class PageTreeRulesTests(EventTreeTestCase):
    def test_event_index_is_created_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_event_can_be_created_only_under_an_event_index(self):
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(HomePage, EventPage)
        self.assertCanNotCreateAt(Page, EventPage)

    def test_registration_form_can_be_created_only_under_an_event(self):
        self.assertAllowedParentPageTypes(RegistrationFormPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, {RegistrationFormPage})
        self.assertCanCreateAt(EventPage, RegistrationFormPage)
        self.assertCanNotCreateAt(EventIndexPage, RegistrationFormPage)
        self.assertCanNotCreateAt(HomePage, RegistrationFormPage)

    def test_admin_refuses_to_add_an_event_under_the_home_page(self):
        self.login()
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.home.pk])
        response = self.client.get(url)
        # Wagtail answers a forbidden page type with a redirect to the dashboard and a message.
        self.assertRedirects(response, reverse("wagtailadmin_home"))

    def test_editor_can_add_an_event_under_the_event_index(self):
        self.login()
        url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", self.event_index.pk])
        self.assertEqual(self.client.get(url).status_code, 200)
