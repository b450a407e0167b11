"""Next year's event starts as a copy of this year's, made with Wagtail's own copy."""

from events.models import EventPage, RegistrationFormPage

from .utils import EventTreeTestCase


class CopyEventTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.conference = cls.make_conference()
        cls.add_registration(cls.conference)

    def copy_through_the_admin(self):
        self.login()
        response = self.client.post(
            f"/admin/pages/{self.conference.pk}/copy/",
            {
                "new_title": "Landkreise als internationale Akteure 2024",
                "new_slug": "konferenz-2024",
                "new_parent_page": self.event_index.pk,
                "copy_subpages": "on",
                "publish_copies": "",
                "alias": "",
            },
        )
        self.assertEqual(response.status_code, 302)
        return EventPage.objects.get(slug="konferenz-2024")

    def test_copy_is_an_unpublished_draft_with_the_new_title(self):
        copy = self.copy_through_the_admin()
        self.assertFalse(copy.live)
        self.assertEqual(copy.title, "Landkreise als internationale Akteure 2024")
        self.assertEqual(self.client.get(self.conference.url).status_code, 200)

    def test_copy_keeps_programme_speakers_practice_examples_and_venue(self):
        copy = self.copy_through_the_admin()
        self.assertEqual(
            [item.value["title"] for item in copy.programme],
            [item.value["title"] for item in self.conference.programme],
        )
        self.assertEqual(
            [(entry.speaker_id, entry.role) for entry in copy.speakers.all()],
            [(entry.speaker_id, entry.role) for entry in self.conference.speakers.all()],
        )
        self.assertEqual(copy.practice_examples.count(), 1)
        self.assertEqual(copy.venue_id, self.venue.pk)
        # The original keeps its own lists.
        self.assertEqual(self.conference.speakers.count(), 2)

    def test_copy_brings_its_registration_form_as_a_draft(self):
        copy = self.copy_through_the_admin()
        form = RegistrationFormPage.objects.child_of(copy).get()
        self.assertFalse(form.live)
        self.assertEqual([field.label for field in form.form_fields.all()], ["Name"])
