"""Never a dead language: a translated event always offers its registration.

Walks wagtail-localize's own buttons, as an editor does: "Übersetzen" with the sub-pages, then
"Veröffentlichen" in the translation editor.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse

from events.models import EventPage, RegistrationFormPage
from pagebase.testing import translate_page

from .registration_utils import RegistrationTestCase
from .utils import EventTreeTestCase, in_the_future


class TranslateAndPublishTests(EventTreeTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(
            venue=cls.venue, start=in_the_future(30), end=in_the_future(30, hour=14)
        )
        cls.form = cls.add_registration(cls.event, closes=in_the_future(20))
        cls.editor = get_user_model().objects.create_superuser(
            "redaktion", "redaktion@example.org", "geheim"
        )

    def setUp(self):
        self.client.force_login(self.editor)

    def translate_with_subpages(self, language):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtail_localize:submit_page_translation", args=(self.event.pk,)),
                {"locales": [self.locales[language].pk], "include_subtree": "on"},
            )
        self.assertEqual(response.status_code, 302, response.content[:500])
        return EventPage.objects.get(
            translation_key=self.event.translation_key, locale=self.locales[language]
        )

    def publish_in_translation_editor(self, page):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}
            )
        self.assertEqual(response.status_code, 302, response.content[:500])

    def test_publishing_the_translated_event_publishes_its_form(self):
        event_uk = self.translate_with_subpages("uk")
        form_uk = RegistrationFormPage.objects.get(
            translation_key=self.form.translation_key, locale=self.locales["uk"]
        )
        self.assertFalse(form_uk.live)

        self.publish_in_translation_editor(event_uk)

        form_uk.refresh_from_db()
        self.assertTrue(form_uk.live)
        self.client.logout()
        self.assertEqual(self.client.get(form_uk.url).status_code, 200)
        event_page = self.client.get(EventPage.objects.get(pk=event_uk.pk).url)
        self.assertContains(event_page, f'href="{form_uk.url}"')

    def test_form_translated_after_its_event_goes_live_with_the_german_form(self):
        event_uk = self.translate_with_subpages("uk")
        self.publish_in_translation_editor(event_uk)
        form_uk = RegistrationFormPage.objects.get(
            translation_key=self.form.translation_key, locale=self.locales["uk"]
        )
        form_uk.unpublish()

        self.form.save_revision().publish()

        form_uk.refresh_from_db()
        self.assertTrue(form_uk.live)

    def test_translated_event_stays_a_draft_until_it_is_published(self):
        event_uk = self.translate_with_subpages("uk")
        self.assertFalse(event_uk.live)
        self.assertFalse(
            RegistrationFormPage.objects.get(
                translation_key=self.form.translation_key, locale=self.locales["uk"]
            ).live
        )


class UntranslatedFormTests(EventTreeTestCase):
    """A translated event whose form is not live in its language links to the German form."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_event(start=in_the_future(30), end=in_the_future(30, hour=14))
        cls.form = cls.add_registration(cls.event, closes=in_the_future(20))
        cls.event_uk = translate_page(cls.event, "uk", title="Райони як міжнародні актори")

    def test_event_page_links_to_the_german_form_with_a_notice_in_ukrainian(self):
        response = self.client.get(self.event_uk.url)
        self.assertContains(response, f'href="{self.form.url}" hreflang="de"')
        self.assertContains(response, "Форма реєстрації цією мовою ще недоступна")
        self.assertContains(response, "реєстрація відкрита")

    def test_api_gives_the_translated_event_the_german_forms_registration(self):
        response = self.client.get(f"/api/v2/pages/{self.event_uk.pk}/")
        registration = response.json()["registration"]
        self.assertEqual(registration["state"], "open")
        self.assertTrue(registration["url"].endswith(self.form.url))


class OwnFormFirstTests(RegistrationTestCase):
    def test_translated_event_links_its_own_form_when_it_is_live(self):
        response = self.client.get(self.event_uk.url)
        self.assertContains(response, f'href="{self.form_uk.url}"')
        self.assertNotContains(response, "Форма реєстрації цією мовою ще недоступна")
