"""The admin speaks German to editors and organisers whose admin language is German: no English
message of ours or of Wagtail's, wagtail-localize's or Django's on any screen they reach.

English is found by word: a word that appears in the English messages of Wagtail's and
wagtail-localize's catalogues but in none of the German translations (of theirs, Django's or ours)
is English to a German reader ("Search", "translation", "the"). Content is German in these tests,
so a page title cannot be mistaken for an interface text.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import wagtail
import wagtail_localize
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page, Task, Workflow
from wagtail.users.models import UserProfile

from events.tests.registrations import RegistrationsTestCase

SITE_PACKAGES = Path(wagtail.__file__).resolve().parent.parent
PROJECT_DIR = Path(__file__).resolve().parent.parent.parent
WORD = re.compile(r"[^\W\d_]{3,}")
# Words that are English and German alike, or names: never a sign of an untranslated message.
ALLOWED = {"Wagtail", "Deutsch", "English", "Українська", "Django", "CSV", "Excel"}
# Time zones on the account page are IANA names ("America/New_York"), not messages.
TIME_ZONE = re.compile(r"^[A-Z][A-Za-z_]+(/[A-Za-z_+-]+)+$")
# Known gaps left open, each with the upstream text that causes it; UpstreamGapTests checks that
# upstream still has it, so the entry goes when upstream fixes it.
# Wagtail 8.0.1's sites listing heads a column with the field's name, not its verbose name.
KNOWN_GAPS = {"Site name"}
# The deepest links followed from a start page, and the most pages fetched per user.
DEPTH = 2
MAX_PAGES = 250
# Links that change something, or lead out of the admin's screens.
NOT_FOLLOWED = re.compile(
    r"logout|delete|unpublish|/copy/|/move/|/lock/|/unlock/|export=|/revisions/\d+/revert|"
    r"/convert|/disable|/restart|/cancel|/approve|/reject|/jsi18n|/sprite|/api/|\.(csv|xlsx)"
)


def words_in(text):
    return set(WORD.findall(text))


def english_words():
    english, german = set(), set()
    for path in SITE_PACKAGES.glob("wagtail*/**/locale/de/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            english |= words_in(entry.msgid)
            german |= words_in(entry.msgstr)
    catalogues = [
        *Path(django.__file__).parent.glob("**/locale/de/LC_MESSAGES/django.po"),
        # Ours: the project's and each app's.
        *PROJECT_DIR.glob("locale/de/LC_MESSAGES/django.po"),
        *PROJECT_DIR.glob("*/locale/de/LC_MESSAGES/django.po"),
    ]
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            german |= words_in(entry.msgstr)
    return {word for word in english - german - ALLOWED if not word.isupper()}


class VisibleText(HTMLParser):
    """What a reader meets on a page: its text, and the labels, titles, placeholders and button
    values that screen readers and tooltips give."""

    def __init__(self):
        super().__init__()
        self.texts, self.links = [], []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style"):
            self.hidden += 1
        for name in ("aria-label", "title", "placeholder", "alt"):
            if attrs.get(name):
                self.texts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append(attrs["value"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.texts.append(data)


class GermanAdminCrawlTests(RegistrationsTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.english = english_words()
        # Translated copies with the German texts, so translation screens exist without
        # English content.
        with translation.override("uk"):
            cls.event_a.copy_for_translation(
                Locale.objects.get(language_code="uk"), copy_parents=True
            )
        profile = UserProfile.get_for_user(cls.editor)
        profile.preferred_language = "de"
        profile.save()

    def start_urls(self):
        urls = [reverse("wagtailadmin_home"), reverse("wagtailforms:index")]
        for page in Page.objects.filter(depth__gt=1).specific():
            urls.append(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
            for model in page.specific_class.creatable_subpage_models():
                if model.can_create_at(page):
                    urls.append(
                        reverse(
                            "wagtailadmin_pages:add",
                            args=(model._meta.app_label, model._meta.model_name, page.pk),
                        )
                    )
        return urls

    def crawl(self, start):
        findings, seen = {}, set()
        queue = [(url, 0) for url in start]
        while queue and len(seen) < MAX_PAGES:
            url, depth = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            response = self.client.get(url)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            page = VisibleText()
            page.feed(response.content.decode())
            for text in page.texts:
                text = " ".join(text.split())
                if TIME_ZONE.match(text) or text in KNOWN_GAPS:
                    continue
                for word in words_in(text) & self.english:
                    findings.setdefault(f"{word}: {text[:80]}", url)
            if depth < DEPTH:
                queue.extend(
                    (link.split("#")[0], depth + 1)
                    for link in page.links
                    if link.startswith("/admin/") and not NOT_FOLLOWED.search(link)
                )
        return findings, seen

    def test_editor_meets_no_english(self):
        self.client.force_login(self.editor)
        findings, seen = self.crawl(self.start_urls())
        self.assertGreater(len(seen), 50)
        self.assertEqual(findings, {})

    def test_organiser_meets_no_english(self):
        self.client.force_login(self.organiser_a)
        self.register(self.form_a)
        findings, seen = self.crawl([reverse("wagtailadmin_home")])
        self.assertGreater(len(seen), 3)
        self.assertEqual(findings, {})


class WorkflowNamesTests(RegistrationsTestCase):
    def test_wagtails_groups_workflow_and_task_have_german_names(self):
        self.assertEqual(list(Workflow.objects.values_list("name", flat=True)), ["Moderation"])
        self.assertEqual(
            list(Task.objects.values_list("name", flat=True)), ["Freigabe durch die Moderation"]
        )

    def test_page_editor_offers_to_submit_in_german(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=(self.event_a.pk,)))
        self.assertContains(response, "In Moderation einreichen")
        self.assertNotContains(response, "Moderators")


class UpstreamGapTests(RegistrationsTestCase):
    """Each fails once upstream fixes its gap, so our workaround can go."""

    def test_wagtail_still_labels_header_actions_in_english(self):
        template = (
            SITE_PACKAGES / "wagtail/admin/templates/wagtailadmin/shared/headers/_actions.html"
        )
        self.assertIn('aria-label="Actions"', template.read_text())

    def test_wagtail_still_labels_the_dashboard_search_button_in_english(self):
        template = SITE_PACKAGES / "wagtail/admin/templates/wagtailadmin/home.html"
        self.assertIn('value="Search"', template.read_text())

    def test_wagtail_localize_still_writes_the_editor_heading_in_english(self):
        bundle = (
            Path(wagtail_localize.__file__).parent
            / "static/wagtail_localize/js/wagtail-localize.js"
        )
        self.assertIn("translation`", bundle.read_text())

    def test_wagtail_still_names_the_site_name_column_by_its_field(self):
        views = SITE_PACKAGES / "wagtail/sites/views.py"
        self.assertIn('Column("site_name")', views.read_text())

    def test_our_fixes_are_in_place(self):
        self.client.force_login(self.editor)
        home = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(home, 'value="Suche"')
        registrations = self.client.get(
            reverse("wagtailforms:list_submissions", args=(self.form_a.pk,))
        )
        self.assertContains(registrations, 'aria-label="Aktionen"')
        self.assertNotContains(registrations, 'aria-label="Actions"')
