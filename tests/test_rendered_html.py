"""Performance work leaves the public pages' HTML exactly as it was.

Renders one page of each type of the project's content in German, English and Ukrainian, and the
event, its registration form and the home page once more while the registration is open, and
compares each with the HTML saved in tests/rendered_html/. Values that differ per request or per
database (CSRF tokens, nonces, media file names) are normalised first.

When a change to the HTML is intended (a template, a translation, a new field), regenerate the
saved pages from the current code and review the diff:

    REGENERATE_RENDERED_HTML=1 .venv/bin/python -m pytest --ds=reallabor_site.settings.test -q -p no:cacheprovider tests/test_rendered_html.py
"""

import difflib
import os
import re
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from events.models import RegistrationFormPage

GOLDEN_DIR = Path(__file__).resolve().parent / "rendered_html"
REGENERATE = bool(os.environ.get("REGENERATE_RENDERED_HTML"))
# A fixed future, so the open registration's dates and state do not change with the day the test
# runs.
OPEN_EVENT_START = datetime(2099, 6, 3, 8, 0, tzinfo=UTC)
OPEN_EVENT_END = datetime(2099, 6, 3, 12, 0, tzinfo=UTC)
REGISTRATION_CLOSES = datetime(2099, 5, 27, 21, 59, tzinfo=UTC)
# The event's JSON-LD offers registration from the form's first publication.
PUBLISHED = datetime(2023, 9, 1, 8, 0, tzinfo=UTC)

NORMALISE = [
    (re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+'), r"\1CSRF"),
    (re.compile(r'(nonce=")[^"]+'), r"\1NONCE"),
    # Uploaded files get a random suffix where a name is taken already.
    (re.compile(r"(/media/[^\"' ]*?)_[A-Za-z0-9]{7}(\.[a-z0-9-]+\.[a-z]+)"), r"\1\2"),
]


def normalised(html):
    for pattern, replacement in NORMALISE:
        html = pattern.sub(replacement, html)
    return html


def one_page_per_type():
    """The first German page of each type (not an alias) and its versions in every language."""
    pages, seen = [], set()
    for page in Page.objects.live().filter(depth__gt=1, alias_of=None).order_by("path").specific():
        kind = type(page).__name__
        if page.locale.language_code != settings.LANGUAGE_CODE or kind in seen:
            continue
        seen.add(kind)
        versions = {v.locale.language_code: v for v in page.get_translations(inclusive=True)}
        for code, _name in settings.LANGUAGES:
            if code in versions and versions[code].live:
                pages.append((f"{kind}-{code}", versions[code].url))
    return pages


def open_the_registration():
    """The seed event in the future with its German form open, as bench/load.py measures it."""
    form = RegistrationFormPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    event = form.get_parent().specific
    event.start, event.end = OPEN_EVENT_START, OPEN_EVENT_END
    event.save_revision().publish()
    form.registration_opens = None
    form.registration_closes = REGISTRATION_CLOSES
    form.capacity = 100
    form.double_opt_in = False
    form.save_revision().publish()
    return event


class RenderedHtmlTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())
        Page.objects.update(first_published_at=PUBLISHED, last_published_at=PUBLISHED)

    def assert_same_html(self, name, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        html = normalised(response.content.decode())
        golden = GOLDEN_DIR / f"{name}.html"
        if REGENERATE:
            GOLDEN_DIR.mkdir(exist_ok=True)
            golden.write_text(html)
            return
        self.assertTrue(golden.exists(), f"{golden} is missing; see this module's docstring")
        expected = golden.read_text()
        if html != expected:
            diff = "".join(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    html.splitlines(keepends=True),
                    f"{golden.name} (saved)",
                    f"{url} (now)",
                )
            )
            self.fail(f"{url} renders other HTML than before:\n{diff}")

    def test_one_page_of_each_type_in_every_language_renders_as_before(self):
        pages = one_page_per_type()
        kinds = {name.rsplit("-", 1)[0] for name, _url in pages}
        self.assertTrue({"HomePage", "EventPage", "SpeakerPage", "RegistrationFormPage"} <= kinds)
        for name, url in pages:
            with self.subTest(name):
                self.assert_same_html(name, url)

    def test_event_home_and_open_registration_form_render_as_before(self):
        event = open_the_registration()
        for page in (event.get_parent().get_parent(), event, *event.get_children()):
            for version in page.get_translations(inclusive=True).live():
                name = f"open-{type(version.specific).__name__}-{version.locale.language_code}"
                with self.subTest(name):
                    self.assert_same_html(name, version.url)
