"""The registration form as people on phones and with screen readers meet it (WCAG 2.1 AA):
what browsers may fill in, required fields, the form of address, and errors after a wrong
submission."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from .registration_utils import RegistrationTestCase

# The seed conference's kind of form: a form of address, names, e-mail, organisation, position.
FIELDS = [
    (
        "Anrede",
        "dropdown",
        False,
        {"choices": "Frau\nHerr\ndivers\nkeine Angabe", "autocomplete": "honorific-prefix"},
    ),
    ("Vorname", "singleline", True, {"autocomplete": "given-name"}),
    ("Nachname", "singleline", True, {"autocomplete": "family-name"}),
    ("E-Mail", "email", True),
    ("Institution", "singleline", True, {"autocomplete": "organization"}),
    ("Funktion", "singleline", False, {"autocomplete": "organization-title"}),
    ("Anmerkungen", "multiline", False),
]


class AccessibleFormTestCase(RegistrationTestCase):
    form_fields = FIELDS

    def page(self, response):
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def form_on(self, page=None):
        return self.page(self.client.get((page or self.form).url))


class AutofillTests(AccessibleFormTestCase):
    def test_inputs_say_what_browsers_may_fill_in(self):
        html = self.form_on()
        tokens = {
            name: html.find(attrs={"name": name}).get("autocomplete")
            for name in ("anrede", "vorname", "nachname", "institution", "funktion")
        }
        self.assertEqual(
            tokens,
            {
                "anrede": "honorific-prefix",
                "vorname": "given-name",
                "nachname": "family-name",
                "institution": "organization",
                "funktion": "organization-title",
            },
        )

    def test_email_field_without_a_choice_is_filled_with_the_email_address(self):
        self.assertEqual(self.form_on().find(id="id_e_mail").get("autocomplete"), "email")

    def test_field_without_a_choice_is_left_to_the_registrant(self):
        self.assertIsNone(self.form_on().find(id="id_anmerkungen").get("autocomplete"))

    def test_translated_forms_keep_the_choice(self):
        for page in (self.form_en, self.form_uk):
            with self.subTest(language=page.locale.language_code):
                self.assertEqual(
                    self.form_on(page).find(id="id_vorname").get("autocomplete"), "given-name"
                )

    def test_editors_choose_it_in_the_page_editor(self):
        editor = get_user_model().objects.create_superuser("redaktion", "r@example.org", "x")
        self.client.force_login(editor)
        response = self.client.get(f"/admin/pages/{self.form.pk}/edit/")
        self.assertContains(response, 'name="form_fields-1-autocomplete"')
        self.assertContains(response, '<option value="given-name" selected>')


class FormOfAddressTests(AccessibleFormTestCase):
    def test_nothing_is_chosen_before_the_registrant_chooses(self):
        options = self.form_on().find(id="id_anrede").find_all("option")
        self.assertEqual(
            [(option["value"], option.get_text()) for option in options][:2],
            [("", "Bitte wählen"), ("Frau", "Frau")],
        )
        shown = [option.get_text() for option in options if option.has_attr("selected")]
        self.assertIn(shown, ([], ["Bitte wählen"]))

    def test_empty_choice_is_in_the_readers_language(self):
        first_option = self.form_on(self.form_uk).find(id="id_anrede").find("option")
        self.assertEqual(first_option.get_text(), "Будь ласка, виберіть")

    def test_optional_form_of_address_may_stay_unchosen(self):
        self.submit(anrede="", institution="Kreis Lippe")
        self.assertEqual(self.registrations().get().form_data["anrede"], "")

    def test_chosen_form_of_address_is_stored(self):
        self.submit(anrede="divers", institution="Kreis Lippe")
        self.assertEqual(self.registrations().get().form_data["anrede"], "divers")


class RequiredFormOfAddressTests(AccessibleFormTestCase):
    form_fields = [
        ("Anrede", "dropdown", True, {"choices": "Frau\nHerr\ndivers\nkeine Angabe"}),
        *FIELDS[1:],
    ]

    def test_empty_choice_is_refused_with_a_message_next_to_the_dropdown(self):
        html = self.page(self.submit(anrede="", institution="Kreis Lippe"))
        dropdown = html.find(id="id_anrede")
        self.assertEqual(dropdown.get("aria-invalid"), "true")
        self.assertEqual(
            html.find(id=dropdown["aria-describedby"]).get_text(strip=True),
            "Bitte wählen Sie eine der Antworten aus.",
        )
        self.assertFalse(self.registrations().exists())

    def test_refusal_is_in_the_readers_language(self):
        html = self.page(self.submit(self.form_uk, anrede="", institution="Громада"))
        self.assertEqual(
            html.find(id="id_anrede_error").get_text(strip=True),
            "Будь ласка, виберіть одну з відповідей.",
        )

    def test_required_dropdown_is_marked_in_text_and_for_assistive_technology(self):
        html = self.form_on()
        label = html.find("label", attrs={"for": "id_anrede"}).get_text(" ", strip=True)
        self.assertEqual(label, "Anrede (Pflichtangabe)")
        # Django leaves `required` off a dropdown whose first choice is an answer.
        self.assertTrue(html.find(id="id_anrede").has_attr("required"))


class RequiredFieldTests(AccessibleFormTestCase):
    def label(self, html, name):
        return html.find("label", attrs={"for": f"id_{name}"}).get_text(" ", strip=True)

    def test_required_fields_say_so_in_their_label(self):
        html = self.form_on()
        self.assertEqual(self.label(html, "vorname"), "Vorname (Pflichtangabe)")
        self.assertEqual(self.label(html, "e_mail"), "E-Mail (Pflichtangabe)")
        self.assertTrue(self.label(html, "consent").endswith("(Pflichtangabe)"))

    def test_optional_fields_carry_no_mark(self):
        html = self.form_on()
        self.assertEqual(self.label(html, "anrede"), "Anrede")
        self.assertEqual(self.label(html, "anmerkungen"), "Anmerkungen")

    def test_mark_is_in_the_readers_language(self):
        self.assertEqual(self.label(self.form_on(self.form_en), "vorname"), "Vorname (required)")
        self.assertEqual(self.label(self.form_on(self.form_uk), "vorname"), "Vorname (обов’язково)")

    def test_required_inputs_are_marked_for_assistive_technology_but_the_server_checks(self):
        html = self.form_on()
        self.assertTrue(html.find(id="id_nachname").has_attr("required"))
        self.assertFalse(html.find(id="id_anmerkungen").has_attr("required"))
        # The browser's own bubbles would come before, and instead of, the server's messages.
        self.assertTrue(html.find("form", class_="registration__form").has_attr("novalidate"))


class ErrorSummaryTests(AccessibleFormTestCase):
    """After a wrong submission a box above the form lists every error, each a link to its
    input, and the page title starts with "Fehler:" (GOV.UK's error summary)."""

    def wrong_submission(self, page=None, **data):
        return self.page(self.submit(page, vorname="", email="keine-adresse", consent="", **data))

    def summary(self, html):
        return html.find(attrs={"data-error-summary": True})

    def links(self, html):
        return [
            (link["href"], link.get_text(strip=True)) for link in self.summary(html).find_all("a")
        ]

    def test_summary_lists_each_error_as_a_link_to_its_input(self):
        html = self.wrong_submission(institution="Kreis Lippe")
        self.assertEqual(
            self.links(html),
            [
                ("#id_vorname", "Vorname: Dieses Feld ist zwingend erforderlich."),
                ("#id_e_mail", "E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein."),
                (
                    "#id_consent",
                    "Bitte stimmen Sie der Verarbeitung Ihrer Angaben zu, sonst können wir Sie "
                    "nicht anmelden.",
                ),
            ],
        )
        for href, _text in self.links(html):
            with self.subTest(href=href):
                self.assertIsNotNone(html.find(id=href[1:]), f"{href} reaches no element")
                self.assertIn(html.find(id=href[1:]).name, ("input", "select", "textarea"))

    def test_summary_comes_before_the_form_and_is_announced_and_focusable(self):
        html = self.wrong_submission()
        summary = self.summary(html)
        self.assertEqual(summary.find("h2").get_text(strip=True), "Bitte korrigieren Sie Folgendes")
        self.assertEqual(summary.get("tabindex"), "-1")
        self.assertIsNotNone(summary.find(attrs={"role": "alert"}))
        self.assertIn(html.find("form", class_="registration__form"), summary.find_all_next("form"))

    def test_summary_is_in_the_readers_language(self):
        html = self.wrong_submission(self.form_uk)
        summary = self.summary(html)
        self.assertEqual(
            summary.find("h2").get_text(strip=True), "Будь ласка, виправте такі помилки"
        )
        self.assertIn(
            ("#id_e_mail", "E-Mail: Введіть дійсну адресу електронної пошти."), self.links(html)
        )
        for href, _text in self.links(html):
            with self.subTest(href=href):
                self.assertIsNotNone(html.find(id=href[1:]), f"{href} reaches no element")

    def test_focus_moves_to_the_summary_by_a_script_of_the_site_itself(self):
        scripts = self.wrong_submission().find_all("script")
        self.assertEqual(
            [script.get("src") for script in scripts], ["/static/events/error-summary.js"]
        )

    def test_page_title_says_error_first(self):
        title = self.wrong_submission().title.get_text()
        self.assertTrue(title.startswith("Fehler: Anmeldung"), title)
        uk_title = self.wrong_submission(self.form_uk).title.get_text()
        self.assertTrue(uk_title.startswith("Помилка: Реєстрація"), uk_title)

    def test_refusal_of_the_whole_form_is_in_the_summary(self):
        html = self.wrong_submission(homepage="http://spam.example")
        self.assertIn(
            "Ihre Anmeldung konnte nicht angenommen werden. Bitte versuchen Sie es erneut.",
            self.summary(html).find("li").get_text(strip=True),
        )

    def test_empty_form_has_no_summary_no_script_and_a_plain_title(self):
        html = self.form_on()
        self.assertIsNone(self.summary(html))
        self.assertEqual(html.find_all("script"), [])
        self.assertTrue(html.title.get_text().startswith("Anmeldung"))


class RadioErrorSummaryTests(AccessibleFormTestCase):
    form_fields = [*FIELDS, ("Teilnahme", "radio", True, {"choices": "vor Ort\nonline"})]

    def test_link_reaches_the_first_radio_button_of_the_group(self):
        html = self.page(self.submit(institution="Kreis Lippe"))
        summary = html.find(attrs={"data-error-summary": True})
        link = summary.find("a", href="#id_teilnahme_0")
        self.assertEqual(
            link.get_text(strip=True), "Teilnahme: Bitte wählen Sie eine der Antworten aus."
        )
        self.assertEqual(html.find(id="id_teilnahme_0").get("value"), "vor Ort")
