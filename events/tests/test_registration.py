from events.models import Registration

from .utils import EventTreeTestCase, in_the_future


class RegistrationFormPageTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(start=in_the_future(30), end=in_the_future(30, 14))

    def test_open_registration_shows_the_form_with_labels(self):
        page = self.add_registration(self.event, closes=in_the_future(20))
        response = self.client.get(page.url)
        self.assertContains(response, '<form class="registration__form"')
        self.assertContains(
            response,
            '<label for="id_name">Name <span class="registration__required">(Pflichtangabe)'
            "</span></label>",
            html=True,
        )
        self.assertContains(response, "Anmeldung bis")

    def test_open_registration_stores_a_submission(self):
        page = self.add_registration(self.event, closes=in_the_future(20))
        response = self.client.post(
            page.url, {"name": "Olena Koval", "email": "olena@example.org", "consent": "on"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Vielen Dank für Ihre Anmeldung.")
        self.assertEqual(Registration.objects.filter(page=page).count(), 1)

    def test_closed_registration_shows_no_form_but_the_deadline(self):
        page = self.add_registration(self.event, closes=in_the_future(-2))
        response = self.client.get(page.url)
        self.assertNotContains(response, "registration__form")
        self.assertContains(response, "Die Anmeldung ist geschlossen.")
        self.assertContains(response, "Eine Anmeldung war bis zum")

    def test_registration_not_yet_open_shows_no_form_but_the_opening_date(self):
        opens = in_the_future(5, hour=9)
        page = self.add_registration(self.event, opens=opens, closes=in_the_future(20))
        response = self.client.get(page.url)
        self.assertNotContains(response, "registration__form")
        self.assertContains(response, "Die Anmeldung ist noch nicht geöffnet.")
        self.assertContains(response, "um 09:00 Uhr.")

    def test_form_sent_after_the_deadline_is_refused_and_not_stored(self):
        page = self.add_registration(self.event, closes=in_the_future(-2))
        response = self.client.post(page.url, {"name": "Olena Koval"})
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "es wurde nichts gespeichert", status_code=403)
        self.assertFalse(Registration.objects.filter(page=page).exists())

    def test_registration_page_links_back_to_its_event(self):
        page = self.add_registration(self.event, closes=in_the_future(20))
        response = self.client.get(page.url)
        self.assertContains(
            response, f'<a href="{self.event.url}">{self.event.title}</a>', html=True
        )
