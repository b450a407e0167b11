"""A form field's choices reach translators one choice at a time, as text."""

import json
import re

from django.urls import reverse
from wagtail_localize.models import Translation, TranslationSource

from events.models import EventPage, RegistrationFormField, RegistrationFormPage
from pagebase.testing import translate_page

from .registrations import RegistrationsTestCase
from .utils import in_the_future

UKRAINIAN = {"Frau": "Пані", "Herr": "Пан", "keine Angabe": "Не вказувати"}


class ChoicesTranslationTests(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        EventPage.objects.filter(pk=cls.event_a.pk).update(
            start=in_the_future(30), end=in_the_future(30, hour=14)
        )
        cls.form_a = RegistrationFormPage.objects.get(pk=cls.form_a.pk)
        cls.form_a.registration_closes = in_the_future(20)
        cls.form_a.form_fields.add(
            RegistrationFormField(
                label="Anrede",
                field_type="dropdown",
                required=False,
                choices="Frau\nHerr\nkeine Angabe",
            )
        )
        cls.form_a.save_revision().publish()
        translate_page(cls.event_a, "uk", title="Конференція A")
        source, _ = TranslationSource.get_or_create_from_instance(cls.form_a)
        cls.translation = Translation.objects.create(source=source, target_locale=cls.locales["uk"])
        cls.msgids = [entry.msgid for entry in cls.translation.export_po()]
        po = cls.translation.export_po()
        for entry in po:
            entry.msgstr = UKRAINIAN.get(entry.msgid, entry.msgid)
        cls.translation.import_po(po)
        cls.translation.save_target(publish=False)
        cls.form_uk = cls.form_a.get_translation(cls.locales["uk"])
        cls.form_uk.get_latest_revision().publish()

    def test_each_choice_is_a_segment_of_its_own_without_markup(self):
        for choice in UKRAINIAN:
            self.assertIn(choice, self.msgids)
        self.assertFalse([msgid for msgid in self.msgids if "<br" in msgid], self.msgids)

    def test_translation_editor_shows_the_choices_as_text(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.form_uk.pk,)))
        self.assertEqual(response.status_code, 200)
        props = json.loads(
            re.search(r'data-props="([^"]*)"', response.content.decode())
            .group(1)
            .replace("&quot;", '"')
            .replace("&amp;", "&")
        )
        sources = [
            segment["source"]
            for segment in props["segments"]
            if segment.get("type") == "string" and segment.get("source")
        ]
        for choice in UKRAINIAN:
            self.assertIn(choice, sources)
        self.assertFalse([s for s in sources if "<br" in s], sources)

    def test_ukrainian_form_offers_the_translated_choices(self):
        response = self.client.get(self.form_uk.url)
        for choice in UKRAINIAN.values():
            self.assertContains(response, f">{choice}</option>")
        self.assertNotContains(response, ">Frau</option>")
