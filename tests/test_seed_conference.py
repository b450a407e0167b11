"""The conference of 22 November 2023 as `load_reallabor_content` creates it, in every language.

Each fact of the invitation in `shared/seed/` is checked on the models, in German, English and
Ukrainian; how the pages show them is tested with the templates.
"""

import re
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from events.models import EventIndexPage, EventPage, RegistrationFormPage, Venue
from home.models import (
    HomePage,
    LeichteSprachePage,
    PracticeExampleIndexPage,
    PracticeExamplePage,
)
from speakers.models import SpeakerIndexPage, SpeakerPage

BERLIN = ZoneInfo("Europe/Berlin")
LANGUAGES = ("de", "en", "uk")
CONFERENCE_DAY = {"de": "22. November 2023", "en": "22 November 2023", "uk": "22 листопада 2023"}


class SeedConferenceTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())
        cls.locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}

    @staticmethod
    def in_each_language(model):
        """The (live) instances of a model that the seed has once per language, by language."""
        objects = model.objects.live() if issubclass(model, Page) else model.objects.all()
        return {item.locale.language_code: item for item in objects.select_related("locale")}

    def speaker(self, german_family_name, language):
        german = SpeakerPage.objects.get(locale__language_code="de", family_name=german_family_name)
        return german.get_translation(self.locales[language])


class IndexesSpeakersAndPracticeExamplesTests(SeedConferenceTestCase):
    def test_index_pages_are_in_the_menu_below_the_home_page_in_every_language(self):
        expected = {
            EventIndexPage: ("Veranstaltungen", "Events", "Заходи"),
            SpeakerIndexPage: ("Mitwirkende", "Speakers", "Доповідачі"),
            PracticeExampleIndexPage: (
                "Praxisbeispiele",
                "Practice examples",
                "Приклади з практики",
            ),
        }
        for model, titles in expected.items():
            pages = self.in_each_language(model)
            for language, title in zip(LANGUAGES, titles, strict=True):
                with self.subTest(model=model.__name__, language=language):
                    page = pages[language]
                    self.assertEqual(page.title, title)
                    self.assertTrue(page.show_in_menus)
                    self.assertTrue(page.introduction)
                    self.assertIsInstance(page.get_parent().specific, HomePage)
                    self.assertEqual(page.get_parent().locale, page.locale)

    def test_names_are_in_latin_script_in_german_and_english_and_cyrillic_in_ukrainian(self):
        names = {
            "Shum": ("Iryna Shum", "Ірина Шум"),
            "Kuschke": ("Wolfram Kuschke", "Вольфрам Кушке"),
            "Marchetti": ("Andreas Marchetti", "Андреас Маркетті"),
            "Pfundheller": ("Kai Pfundheller", "Кай Пфундгеллер"),
            "Kallerhoff": ("Marina Kallerhoff", "Марина Каллергофф"),
            "Laukamp": ("Sarah Laukamp", "Сара Лаукамп"),
        }
        for family_name, (latin, cyrillic) in names.items():
            for language, expected in (("de", latin), ("en", latin), ("uk", cyrillic)):
                with self.subTest(family_name, language=language):
                    self.assertEqual(self.speaker(family_name, language).name, expected)

    def test_titles_are_kept_apart_from_the_names(self):
        expected = {
            ("Kuschke", "de"): ("Staatsminister a.D.", ""),
            ("Kuschke", "en"): ("Former Minister of State", ""),
            ("Kuschke", "uk"): ("Державний міністр у відставці", ""),
            ("Marchetti", "de"): ("", "Prof. Dr."),
            ("Marchetti", "en"): ("", "Prof. Dr."),
            ("Marchetti", "uk"): ("", "Проф. д-р"),
            ("Pfundheller", "de"): ("", "Dr."),
            ("Pfundheller", "uk"): ("", "Д-р"),
            ("Shum", "de"): ("", ""),
        }
        for (family_name, language), titles in expected.items():
            with self.subTest(family_name, language=language):
                speaker = self.speaker(family_name, language)
                self.assertEqual((speaker.honorific_prefix, speaker.academic_title), titles)

    def test_page_titles_are_the_full_names(self):
        self.assertEqual(self.speaker("Kuschke", "de").title, "Staatsminister a.D. Wolfram Kuschke")
        self.assertEqual(self.speaker("Marchetti", "uk").title, "Проф. д-р Андреас Маркетті")

    def test_positions_are_the_invitations_functions_in_every_language(self):
        expected = {
            "Shum": {
                "de": [("Generalkonsulin der Ukraine in Düsseldorf", "")],
                "en": [("Consul General of Ukraine in Düsseldorf", "")],
                "uk": [("Генеральна консулка України в Дюссельдорфі", "")],
            },
            "Kuschke": {language: [] for language in LANGUAGES},
            "Marchetti": {
                "de": [
                    ("Geschäftsführer", "politglott"),
                    ("Honorarprofessor", "Universität Paderborn"),
                ],
                "en": [
                    ("Managing Director", "politglott"),
                    ("Honorary Professor", "Paderborn University"),
                ],
                "uk": [
                    ("Директор", "politglott"),
                    ("Почесний професор", "Падерборнський університет (Universität Paderborn)"),
                ],
            },
            "Pfundheller": {
                "de": [
                    ("Leiter des Instituts für Politische Bildung", "Auslandsgesellschaft.de e.V."),
                    (
                        "Leiter der Netzwerkstelle Städtepartnerschaften",
                        "Auslandsgesellschaft.de e.V.",
                    ),
                ],
                "en": [
                    (
                        "Head of the Institute for Political Education "
                        "(Institut für Politische Bildung)",
                        "Auslandsgesellschaft.de e.V.",
                    ),
                    (
                        "Head of the Town Twinning Network Office "
                        "(Netzwerkstelle Städtepartnerschaften)",
                        "Auslandsgesellschaft.de e.V.",
                    ),
                ],
                "uk": [
                    (
                        "Керівник Інституту політичної освіти (Institut für Politische Bildung)",
                        "Auslandsgesellschaft.de e.V.",
                    ),
                    (
                        "Керівник Мережевого офісу партнерства міст "
                        "(Netzwerkstelle Städtepartnerschaften)",
                        "Auslandsgesellschaft.de e.V.",
                    ),
                ],
            },
        }
        for family_name, by_language in expected.items():
            for language, positions in by_language.items():
                with self.subTest(family_name, language=language):
                    speaker = self.speaker(family_name, language)
                    self.assertEqual(
                        list(speaker.positions.values_list("function", "organisation")),
                        positions,
                    )

    def test_presenters_have_no_invented_function(self):
        for family_name in ("Kallerhoff", "Laukamp"):
            for language in LANGUAGES:
                with self.subTest(family_name, language=language):
                    self.assertFalse(self.speaker(family_name, language).positions.exists())

    def test_no_speaker_has_an_invented_portrait_or_biography(self):
        self.assertEqual(SpeakerPage.objects.count(), 18)
        self.assertFalse(SpeakerPage.objects.exclude(portrait=None).exists())
        self.assertFalse(SpeakerPage.objects.exclude(short_biography="").exists())

    def test_districts_and_their_presenters_in_every_language(self):
        expected = {
            "Kreis Coesfeld": (
                "Kallerhoff",
                (
                    "Kreis Coesfeld",
                    "Coesfeld District (Kreis Coesfeld)",
                    "Район Косфельд (Kreis Coesfeld)",
                ),
            ),
            "Kreis Lippe": (
                "Laukamp",
                ("Kreis Lippe", "Lippe District (Kreis Lippe)", "Район Ліппе (Kreis Lippe)"),
            ),
        }
        for kreis, (presenter, titles) in expected.items():
            german = PracticeExamplePage.objects.get(locale__language_code="de", kreis=kreis)
            for language, title in zip(LANGUAGES, titles, strict=True):
                with self.subTest(kreis, language=language):
                    page = german.get_translation(self.locales[language])
                    self.assertTrue(page.live)
                    self.assertEqual((page.title, page.kreis), (title, title))
                    # Page links stay on the German page; templates show the reader's version.
                    self.assertEqual(page.contact_person.family_name, presenter)
                    self.assertIn(CONFERENCE_DAY[language], page.summary)

    def test_what_the_invitation_does_not_say_stays_empty(self):
        for page in PracticeExamplePage.objects.all():
            with self.subTest(page.title):
                self.assertEqual(page.partner_community, "")
                self.assertEqual(page.partner_oblast, "")
                self.assertIsNone(page.partnership_since)
                self.assertFalse(page.cooperation_fields.exists())
                self.assertEqual(len(page.body), 0)

    def test_summaries_name_the_presenter_in_the_readers_script(self):
        summaries = dict(
            PracticeExamplePage.objects.filter(
                translation_key=PracticeExamplePage.objects.get(
                    locale__language_code="de", kreis="Kreis Lippe"
                ).translation_key
            ).values_list("locale__language_code", "summary")
        )
        self.assertIn("Sarah Laukamp", summaries["de"])
        self.assertIn("Sarah Laukamp", summaries["en"])
        self.assertIn("Сара Лаукамп", summaries["uk"])


class ConferenceTests(SeedConferenceTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.events = {
            event.locale.language_code: event
            for event in EventPage.objects.live().select_related("locale", "venue__locale")
        }

    def test_venue_and_address_in_every_language(self):
        venues = self.in_each_language(Venue)
        self.assertEqual(set(venues), set(LANGUAGES))
        names = {language: venue.name for language, venue in venues.items()}
        self.assertEqual(
            names,
            {
                "de": "Museum Haus Opherdicke",
                "en": "Museum Haus Opherdicke",
                "uk": "Музей Haus Opherdicke",
            },
        )
        for language, venue in venues.items():
            with self.subTest(language=language):
                self.assertEqual(venue.address_line, "Dorfstraße 29, 59439 Holzwickede")
                self.assertEqual((venue.directions, venue.accessibility_notes), ("", ""))

    def test_title_and_subtitle_in_every_language(self):
        self.assertEqual(
            {language: event.title for language, event in self.events.items()},
            {
                "de": "Landkreise als internationale Akteure vor dem Hintergrund der Ukraine-Hilfe",
                "en": "Districts as international actors in the light of support for Ukraine",
                "uk": "Райони як міжнародні актори в контексті допомоги Україні",
            },
        )
        self.assertIn("Reallabor", self.events["de"].subtitle)
        self.assertIn("Real-World Laboratory", self.events["en"].subtitle)
        self.assertIn("Реальної лабораторії", self.events["uk"].subtitle)

    def test_event_is_below_the_event_index(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertIsInstance(event.get_parent().specific, EventIndexPage)

    def test_takes_place_on_22_november_2023_from_10_to_14_berlin_time(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(event.start, datetime(2023, 11, 22, 10, tzinfo=BERLIN))
                self.assertEqual(event.end, datetime(2023, 11, 22, 14, tzinfo=BERLIN))
                self.assertEqual(event.local_start.isoformat(), "2023-11-22T10:00:00+01:00")
                self.assertEqual(event.local_end.isoformat(), "2023-11-22T14:00:00+01:00")

    def test_scheduled_and_on_site(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(event.status, EventPage.Status.SCHEDULED)
                self.assertEqual(event.attendance_mode, EventPage.AttendanceMode.OFFLINE)

    def test_each_language_points_to_the_venue_in_its_language(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(event.venue.locale.language_code, language)
                self.assertEqual(event.venue.street, "Dorfstraße 29")

    def test_introduction_is_translated(self):
        self.assertIn("kreisangehörige Kommunen", self.events["de"].introduction)
        self.assertIn("municipalities within these districts", self.events["en"].introduction)
        self.assertIn("громад у складі районів", self.events["uk"].introduction)

    def test_the_three_key_questions_in_order(self):
        beginnings = {
            "de": ("Kreispartnerschaften mit", "Wie funktioniert", "Wie kann eine"),
            "en": ("District partnerships", "How does cooperation", "How can cooperation"),
            "uk": ("Партнерства районів", "Як працює співпраця", "Як може працювати"),
        }
        for language, expected in beginnings.items():
            with self.subTest(language=language):
                questions = self.events[language].key_questions
                self.assertEqual([block.block_type for block in questions], ["question"] * 3)
                for block, beginning in zip(questions, expected, strict=True):
                    self.assertTrue(block.value.startswith(beginning), block.value)

    def test_no_programme_is_invented(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(len(event.programme), 0)

    def test_speakers_in_the_invitations_order_with_their_roles(self):
        expected = [
            ("Shum", "talk"),
            ("Kuschke", "talk"),
            ("Marchetti", "talk"),
            ("Pfundheller", "talk"),
            ("Kallerhoff", "practice_example"),
            ("Laukamp", "practice_example"),
        ]
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(
                    list(event.speakers.values_list("speaker__family_name", "role")), expected
                )

    def test_practice_examples_with_their_presenters(self):
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(
                    list(
                        event.practice_examples.values_list(
                            "practice_example__kreis", "presenter__family_name"
                        )
                    ),
                    [("Kreis Coesfeld", "Kallerhoff"), ("Kreis Lippe", "Laukamp")],
                )

    def test_funding_by_the_staatskanzlei_through_the_reallabor(self):
        expected = {
            "de": ("Staatskanzlei Nordrhein-Westfalen", "Reallabor Kommunaler"),
            "en": ("State Chancellery of North Rhine-Westphalia", "Real-World Laboratory"),
            "uk": ("Державна канцелярія", "Реальна лабораторія"),
        }
        for language, phrases in expected.items():
            with self.subTest(language=language):
                for phrase in phrases:
                    self.assertIn(phrase, self.events[language].funding_note)
                self.assertIn("Auslandsgesellschaft.de e.V.", self.events[language].funding_note)

    def test_organiser_and_contact_address(self):
        self.assertEqual(
            self.events["de"].organiser,
            "Netzwerkstelle Städtepartnerschaften der Auslandsgesellschaft.de e.V.",
        )
        self.assertIn("Town Twinning Network Office", self.events["en"].organiser)
        self.assertIn("Мережевий офіс", self.events["uk"].organiser)
        for language, event in self.events.items():
            with self.subTest(language=language):
                self.assertEqual(event.contact_email, "becker@auslandsgesellschaft.de")

    def test_event_is_past(self):
        self.assertTrue(all(event.is_past for event in self.events.values()))

    def test_registration_page_below_the_event_in_every_language(self):
        pages = self.in_each_language(RegistrationFormPage)
        titles = {language: page.title for language, page in pages.items()}
        self.assertEqual(titles, {"de": "Anmeldung", "en": "Registration", "uk": "Реєстрація"})
        for language, page in pages.items():
            with self.subTest(language=language):
                event = page.get_parent().specific
                self.assertIsInstance(event, EventPage)
                self.assertEqual(event.locale, page.locale)
                self.assertEqual(event.registration_page, page)

    def test_registration_closed_at_the_end_of_15_november_2023(self):
        for language, page in self.in_each_language(RegistrationFormPage).items():
            with self.subTest(language=language):
                self.assertEqual(
                    page.registration_closes, datetime(2023, 11, 15, 23, 59, 59, tzinfo=BERLIN)
                )
                self.assertIsNone(page.registration_opens)
                self.assertIsNone(page.capacity)
                self.assertFalse(page.is_open)

    def test_registrations_go_to_the_invitations_address(self):
        for language, page in self.in_each_language(RegistrationFormPage).items():
            with self.subTest(language=language):
                self.assertEqual(page.to_address, "becker@auslandsgesellschaft.de")

    def test_introduction_and_thank_you_text_are_translated(self):
        pages = self.in_each_language(RegistrationFormPage)
        self.assertIn("Vielen Dank", pages["de"].thank_you_text)
        self.assertIn("Thank you", pages["en"].thank_you_text)
        self.assertIn("Дякуємо", pages["uk"].thank_you_text)
        self.assertIn("Райони як міжнародні актори", pages["uk"].introduction)

    def test_registration_form_has_the_invitations_fields_in_order(self):
        form = self.in_each_language(RegistrationFormPage)["de"]
        self.assertEqual(
            [(f.label, f.field_type, f.required) for f in form.get_form_fields()],
            [
                ("Anrede", "dropdown", False),
                ("Vorname", "singleline", True),
                ("Nachname", "singleline", True),
                ("E-Mail", "email", True),
                ("Institution / Kreis / Kommune", "singleline", True),
                ("Funktion", "singleline", True),
                ("Anmerkungen", "multiline", False),
            ],
        )

    def test_registration_form_fields_keep_their_german_keys_in_every_language(self):
        keys = {
            language: [f.clean_name for f in page.get_form_fields()]
            for language, page in self.in_each_language(RegistrationFormPage).items()
        }
        german = ["anrede", "vorname", "nachname", "e_mail", "institution_kreis_kommune"]
        self.assertEqual(keys["de"][:5], german)
        self.assertEqual(keys["en"], keys["de"])
        self.assertEqual(keys["uk"], keys["de"])

    def test_registration_form_labels_and_choices_are_translated(self):
        pages = self.in_each_language(RegistrationFormPage)
        expected = {
            "de": ("Vorname", ["Frau", "Herr", "divers", "keine Angabe"]),
            "en": ("First name", ["Ms", "Mr", "Mx", "Prefer not to say"]),
            "uk": ("Ім’я", ["Пані", "Пан", "Інше", "Не вказувати"]),
        }
        for language, (first_name, choices) in expected.items():
            with self.subTest(language=language):
                fields = list(pages[language].get_form_fields())
                self.assertEqual(fields[1].label, first_name)
                self.assertEqual(fields[0].choices.splitlines(), choices)

    def test_registration_form_fields_tell_browsers_what_to_fill_in_every_language(self):
        tokens = [
            "honorific-prefix",
            "given-name",
            "family-name",
            "email",
            "organization",
            "organization-title",
            "",
        ]
        for language, page in self.in_each_language(RegistrationFormPage).items():
            with self.subTest(language=language):
                self.assertEqual([f.autocomplete for f in page.get_form_fields()], tokens)

    def test_registration_form_states_its_consent_in_every_language(self):
        pages = self.in_each_language(RegistrationFormPage)
        self.assertIn("Ich bin damit einverstanden", pages["de"].consent_text)
        self.assertIn("I agree", pages["en"].consent_text)
        self.assertIn("Я погоджуюся", pages["uk"].consent_text)

    def test_every_seed_item_is_translated_by_wagtail_localize(self):
        # But for the pages in Leichte Sprache, a form of German that stays German.
        german = [
            *Page.objects.filter(locale__language_code="de", depth__gte=3)
            .not_type(LeichteSprachePage)
            .specific(),
            *Venue.objects.filter(locale__language_code="de"),
        ]
        for item in german:
            with self.subTest(str(item)):
                self.assertEqual(
                    set(
                        Translation.objects.filter(
                            source__object_id=item.translation_key
                        ).values_list("target_locale__language_code", flat=True)
                    ),
                    {"en", "uk"},
                )

    def test_translated_texts_are_string_translations(self):
        for text in (
            "Ірина",
            "Генеральна консулка України в Дюссельдорфі",
            "Музей Haus Opherdicke",
        ):
            with self.subTest(text):
                self.assertTrue(StringTranslation.objects.filter(data=text).exists())

    def test_translation_editor_opens_the_ukrainian_event(self):
        user = get_user_model().objects.create_superuser("editor", password="secret-password")
        self.client.force_login(user)
        event = EventPage.objects.get(locale__language_code="uk")
        response = self.client.get(f"/admin/pages/{event.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Райони як міжнародні актори")


class UkrainianAndPresenterWordingTests(SeedConferenceTestCase):
    """One word for one thing: Holzwickede, speakers, and who presents a practice example."""

    def ukrainian_pages(self):
        pages = Page.objects.live().filter(locale__language_code="uk", alias_of__isnull=True)
        for page in pages.exclude(depth=1):
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200)
            yield page, response.content.decode()

    def test_holzwickede_is_spelt_one_way_in_ukrainian(self):
        for page, html in self.ukrainian_pages():
            # A meta description is the page's introduction cut at about 150 characters, which
            # may end right after the Ukrainian spelling.
            html = re.sub(r"<meta [^>]*>", "", html)
            with self.subTest(page.url):
                # The German name in Latin letters; in Ukrainian sentences the Ukrainian spelling
                # with the German name after it, the same on every page.
                self.assertEqual(
                    html.count("Гольцвікеде"), html.count("Гольцвікеде (Holzwickede)"), page.url
                )
                self.assertNotRegex(html, r"Хольцвікеде|Гольцвіккеде|Гольцвикеде")

    def test_speakers_are_called_dopovidachi_in_ukrainian(self):
        for page, html in self.ukrainian_pages():
            with self.subTest(page.url):
                self.assertNotIn("Спікер", html)
        event = self.in_each_language(EventPage)["uk"]
        response = self.client.get(event.url)
        self.assertContains(response, '<h2 id="speakers-heading">Доповідачі</h2>', html=True)

    def test_practice_example_names_its_presenter_as_presenter(self):
        labels = {"de": "Stellt vor", "en": "Presented by", "uk": "Представляє"}
        wrong = {"de": "Ansprechperson", "en": "Contact person", "uk": "Контактна особа"}
        for language, example in self.in_each_language(PracticeExamplePage).items():
            with self.subTest(language):
                response = self.client.get(example.url)
                self.assertContains(response, f"<dt>{labels[language]}</dt>", html=True)
                self.assertNotContains(response, wrong[language])
