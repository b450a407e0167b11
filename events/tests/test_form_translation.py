"""A form translated with wagtail-localize keeps the German field keys, so columns never split."""

from wagtail_localize.models import Translation, TranslationSource

from events.models import EventPage, RegistrationFormField, RegistrationFormPage
from pagebase.testing import translate_page

from .registrations import RegistrationsTestCase
from .utils import in_the_future

UKRAINIAN_LABELS = {
    "Vorname": "Ім’я",
    "Nachname": "Прізвище",
    "E-Mail": "Електронна пошта",
    "Institution / Kreis / Kommune": "Установа / район / громада",
    "Telefon": "Телефон",
}


class TranslatedFormTests(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        RegistrationFormField.objects.filter(page=cls.form_a, clean_name="telefon").update(
            autocomplete="tel"
        )
        # Upcoming: a registration never stays open after its event.
        EventPage.objects.filter(pk=cls.event_a.pk).update(
            start=in_the_future(30), end=in_the_future(30, hour=14)
        )
        cls.form_a = RegistrationFormPage.objects.get(pk=cls.form_a.pk)
        cls.form_a.registration_closes = in_the_future(20)
        cls.form_a.save_revision().publish()
        translate_page(cls.event_a, "uk", title="Конференція A")
        source, _ = TranslationSource.get_or_create_from_instance(cls.form_a)
        translation = Translation.objects.create(source=source, target_locale=cls.locales["uk"])
        po = translation.export_po()
        texts = {**UKRAINIAN_LABELS, "Anmeldung": "Реєстрація", "anmeldung": "reiestratsiia"}
        for entry in po:
            entry.msgstr = texts[entry.msgid]
        translation.import_po(po)
        # As the content loader does: wagtail-localize would publish only after the commit.
        translation.save_target(publish=False)
        cls.form_uk = cls.form_a.get_translation(cls.locales["uk"])
        cls.form_uk.get_latest_revision().publish()

    def test_every_field_keeps_its_german_key(self):
        german = [
            (f.sort_order, f.clean_name) for f in self.form_a.form_fields.order_by("sort_order")
        ]
        ukrainian = [
            (f.sort_order, f.clean_name) for f in self.form_uk.form_fields.order_by("sort_order")
        ]
        self.assertEqual(ukrainian, german)

    def test_ukrainian_form_shows_ukrainian_labels(self):
        response = self.client.get(self.form_uk.url)
        for label in UKRAINIAN_LABELS.values():
            with self.subTest(label=label):
                self.assertContains(response, f'">{label} <span class="registration__required">')

    def test_what_browsers_may_fill_in_is_kept_in_the_translation(self):
        ukrainian = {f.clean_name: f.autocomplete for f in self.form_uk.form_fields.all()}
        self.assertEqual(ukrainian["telefon"], "tel")
        self.assertContains(self.client.get(self.form_uk.url), 'autocomplete="tel"')

    def test_ukrainian_submission_fills_the_german_columns(self):
        form = self.form_uk.get_form(
            {
                "vorname": "Олена",
                "nachname": "Коваль",
                "e_mail": "olena@example.org",
                "institution_kreis_kommune": "Громада Буча",
                "telefon": "+380 44 123",
                "consent": "on",
            },
            page=self.form_uk,
        )
        self.assertTrue(form.is_valid(), form.errors)
        registration = self.form_uk.process_form_submission(form)
        german_columns = [name for name, _ in self.form_a.get_data_fields()]
        self.assertTrue(set(registration.form_data) <= set(german_columns))
        self.assertEqual(registration.form_data["vorname"], "Олена")
        self.assertEqual(registration.page_id, self.form_a.pk)
