from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, streamfield

from .utils import EventTreeTestCase, event_form_data


class EventPreviewTests(EventTreeTestCase):
    """Editors preview an event with the speakers and programme they have just entered."""

    def setUp(self):
        self.login()

    def preview(self, url, data):
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        return self.client.get(url)

    def test_preview_of_a_changed_event_shows_the_unsaved_speakers_and_programme(self):
        event = self.make_event()
        data = event_form_data(
            event,
            venue=str(self.venue.pk),
            speakers=inline_formset([{"speaker": str(self.shum.pk), "role": "welcome"}]),
            programme=streamfield(
                [
                    (
                        "item",
                        {
                            "starts_at": "10:00",
                            "ends_at": "",
                            "title": "Grußwort",
                            "kind": "welcome",
                            "description": "",
                            "speakers": streamfield([("item", str(self.shum.pk))]),
                        },
                    )
                ]
            ),
        )
        response = self.preview(
            reverse("wagtailadmin_pages:preview_on_edit", args=[event.pk]), data
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Grußwort")
        self.assertContains(response, "Iryna Shum")
        self.assertContains(response, "Museum Haus Opherdicke")

    def test_preview_of_a_new_event_renders(self):
        url = reverse(
            "wagtailadmin_pages:preview_on_add", args=["events", "eventpage", self.event_index.pk]
        )
        data = event_form_data(self.make_event(slug="vorlage"), slug="neu", title="Neue Konferenz")
        response = self.preview(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<h1>Neue Konferenz</h1>", html=True)
