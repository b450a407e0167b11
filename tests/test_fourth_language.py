"""A language added to settings.LANGUAGES alone works on the whole site.

Polish stands for any language the site might add. With the seed content loaded (it has no Polish
text), wagtail-localize's synchronisation gives the Polish tree a copy of every German page, as it
does after an editor adds a language in the admin with synchronisation. Without it the Polish
locale stays empty and Wagtail serves the German pages under /pl/. Either way every page type
answers under /pl/, its German text honestly marked as German. A site without one of the seed
content's languages loads it in the languages it has.

Only the settings name the new language. Its interface texts come from Django's fallback to the
source language's catalogue until locale/pl/ is written; that is not faked here.
"""

import re
from io import StringIO

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from events.tests.registration_utils import RegistrationTestCase
from events.tests.utils import EventTreeTestCase
from home.tests.utils import SiteTreeTestCase, translate_page
from reallabor_site.content.texts import SEED_LANGUAGES

NEW_LANGUAGE = "pl"
WITH_NEW_LANGUAGE = [*settings.LANGUAGES, (NEW_LANGUAGE, "Polski")]


@override_settings(
    LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAIL_CONTENT_LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAILADMIN_PERMITTED_LANGUAGES=WITH_NEW_LANGUAGE,
)
class SynchronisedFourthLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO(), stderr=StringIO())

    def copies(self):
        """The new language's pages: one copy of each German page, by type."""
        pages = {}
        for page in (
            Page.objects.live()
            .filter(locale__language_code=NEW_LANGUAGE, depth__gt=1)
            .order_by("path")
            .specific()
        ):
            pages.setdefault(type(page).__name__, page)
        return pages

    def test_the_seed_content_has_no_text_in_the_new_language(self):
        self.assertNotIn(NEW_LANGUAGE, SEED_LANGUAGES)

    def test_the_new_language_has_a_locale_with_copies_of_the_german_pages_only(self):
        self.assertTrue(Locale.objects.filter(language_code=NEW_LANGUAGE).exists())
        german = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        copies = Page.objects.filter(locale__language_code=NEW_LANGUAGE, depth__gt=1)
        self.assertEqual(copies.count(), german.count())
        self.assertFalse(copies.filter(alias_of__isnull=True).exists())

    def test_english_and_ukrainian_are_still_translated(self):
        for code in ("en", "uk"):
            with self.subTest(code):
                pages = Page.objects.filter(locale__language_code=code, depth=2)
                self.assertTrue(pages.filter(alias_of__isnull=True).exists())

    def test_every_page_type_answers_in_the_new_language_marked_as_german(self):
        copies = self.copies()
        self.assertTrue(
            {"HomePage", "EventPage", "SpeakerPage", "RegistrationFormPage", "StandardPage"}
            <= set(copies)
        )
        for kind, page in copies.items():
            with self.subTest(kind, url=page.url):
                self.assertTrue(page.url.startswith(f"/{NEW_LANGUAGE}/"))
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{NEW_LANGUAGE}">')
                self.assertContains(response, '<main id="main-content" tabindex="-1" lang="de">')
                self.assertContains(response, 'class="notice" role="note"')

    def test_language_switcher_lists_every_language_and_marks_the_new_one_untranslated(self):
        response = self.client.get(f"/{NEW_LANGUAGE}/")
        switcher = re.search(
            r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S
        ).group(0)
        languages = re.findall(r'<a href="([^"]*)"[^>]* lang="([^"]+)"', switcher)
        self.assertEqual(
            [code for _url, code in languages], [code for code, _name in WITH_NEW_LANGUAGE]
        )
        self.assertIn("Polski", switcher)
        # The Polish copy is in German, so it links to it as German.
        self.assertIn(
            f'href="/{NEW_LANGUAGE}/" aria-current="true" lang="pl" hreflang="de"', switcher
        )
        german = self.client.get("/de/").content.decode()
        self.assertRegex(german, rf'href="/{NEW_LANGUAGE}/" lang="pl" hreflang="de">Polski <span')

    def test_sitemap_and_head_name_no_copy_as_a_translation(self):
        sitemap = self.client.get("/sitemap.xml")
        self.assertEqual(sitemap.status_code, 200)
        self.assertNotIn(f"/{NEW_LANGUAGE}/", sitemap.content.decode())
        german = self.client.get("/de/").content.decode()
        self.assertIn('hreflang="uk"', german)
        self.assertNotIn(f'hreflang="{NEW_LANGUAGE}"', german)
        self.assertNotIn('og:locale:alternate" content="None', german)
        copy = self.client.get(f"/{NEW_LANGUAGE}/").content.decode()
        self.assertIn('<link rel="canonical" href="http://localhost/de/">', copy)
        self.assertNotIn('rel="alternate"', copy)


@override_settings(
    LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAIL_CONTENT_LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAILADMIN_PERMITTED_LANGUAGES=WITH_NEW_LANGUAGE,
)
class EmptyFourthLanguageTests(EventTreeTestCase):
    """A Polish locale with no pages in it: Wagtail serves the German pages under /pl/."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.event = cls.make_conference()
        cls.registration = cls.add_registration(cls.event)

    def test_the_new_locale_has_no_pages(self):
        self.assertFalse(Page.objects.filter(locale__language_code=NEW_LANGUAGE).exists())

    def test_every_page_type_answers_in_the_new_language_marked_as_german(self):
        german = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
        pages = {}
        for page in german.filter(depth__gt=1).order_by("path").specific():
            pages.setdefault(type(page).__name__, page)
        self.assertTrue(
            {"HomePage", "EventPage", "SpeakerPage", "RegistrationFormPage"} <= set(pages)
        )
        for kind, page in pages.items():
            url = page.url.replace(f"/{settings.LANGUAGE_CODE}/", f"/{NEW_LANGUAGE}/", 1)
            with self.subTest(kind, url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, f'<html lang="{NEW_LANGUAGE}">')
                self.assertContains(response, '<main id="main-content" tabindex="-1" lang="de">')
                self.assertContains(response, 'class="notice" role="note"')


@override_settings(
    LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAIL_CONTENT_LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAILADMIN_PERMITTED_LANGUAGES=WITH_NEW_LANGUAGE,
)
class RegistrationInTheFourthLanguageTests(RegistrationTestCase):
    """A reader registers on the new language's copy of the German form."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        LocaleSynchronization.objects.create(
            locale=cls.locales[NEW_LANGUAGE], sync_from=cls.locales[settings.LANGUAGE_CODE]
        )
        cls.form_copy = cls.form.get_translation(cls.locales[NEW_LANGUAGE])

    def test_a_registration_on_the_copy_is_stored_with_the_german_form_in_the_new_language(self):
        self.assertEqual(self.form_copy.alias_of_id, self.form.pk)
        response = self.submit(page=self.form_copy)
        self.assertEqual(response.status_code, 200)
        registration = self.registrations().get()
        self.assertEqual(registration.language, NEW_LANGUAGE)
        self.assertTrue(self.outbox_to("olena.koval@example.org"))


@override_settings(
    LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAIL_CONTENT_LANGUAGES=WITH_NEW_LANGUAGE,
    WAGTAILADMIN_PERMITTED_LANGUAGES=WITH_NEW_LANGUAGE,
)
class TranslatedIntoTheFourthLanguageTests(SiteTreeTestCase):
    """Once editors translate a page, the new language is a translation like any other."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.home_pl = translate_page(cls.home, NEW_LANGUAGE, title="Strona główna", slug="glowna")

    def test_the_translation_is_marked_as_the_new_language(self):
        response = self.client.get(f"/{NEW_LANGUAGE}/")
        self.assertContains(response, "Strona główna")
        self.assertContains(response, '<main id="main-content" tabindex="-1">')
        self.assertNotContains(response, 'class="notice" role="note"')

    def test_head_and_sitemap_name_the_translation(self):
        german = self.client.get("/de/")
        self.assertContains(
            german, f'<link rel="alternate" hreflang="{NEW_LANGUAGE}" href="http://testserver/pl/">'
        )
        self.assertContains(german, '<meta property="og:locale:alternate" content="pl">')
        sitemap = self.client.get("/sitemap.xml")
        self.assertContains(sitemap, "http://testserver/pl/")


GERMAN_AND_ENGLISH = [(code, name) for code, name in settings.LANGUAGES if code in ("de", "en")]


@override_settings(
    LANGUAGES=GERMAN_AND_ENGLISH,
    WAGTAIL_CONTENT_LANGUAGES=GERMAN_AND_ENGLISH,
    WAGTAILADMIN_PERMITTED_LANGUAGES=GERMAN_AND_ENGLISH,
)
class FewerLanguagesTests(TestCase):
    """A site without one of the seed content's languages loads it in the languages it has."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO(), stderr=StringIO())

    def test_the_seed_content_exists_only_in_the_configured_languages(self):
        self.assertEqual(set(Locale.objects.values_list("language_code", flat=True)), {"de", "en"})
        home = Page.objects.get(locale__language_code="en", depth=2)
        self.assertIsNone(home.alias_of_id)
        self.assertEqual(self.client.get(home.url).status_code, 200)


class SourceLanguageTests(TestCase):
    @override_settings(LANGUAGE_CODE=NEW_LANGUAGE, LANGUAGES=WITH_NEW_LANGUAGE)
    def test_a_source_language_the_seed_content_is_not_written_in_is_refused(self):
        with self.assertRaisesMessage(CommandError, "not in LANGUAGE_CODE 'pl'"):
            call_command("load_reallabor_content", stdout=StringIO(), stderr=StringIO())
