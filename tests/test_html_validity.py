"""Every public page is valid HTML, as the Nu HTML Checker (the W3C's validator) reads it.

WCAG 2.1's criterion 4.1.1 (Parsing), which BITV 2.0 makes binding for the districts, asks for
markup that assistive technology can parse: no duplicate ids, no broken nesting, no invalid
attributes. axe checks what a page does; this checks how it is written.

The checker is a Java program (vnu.jar from the npm package vnu-jar). `make test` fetches it
into .venv when npm is there; without Java or the jar these tests are skipped, except in CI.
"""

import json
import os
import shutil
import subprocess
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from events.tests.registration_utils import FIELDS, RegistrationTestCase, registration_data

PROJECT_DIR = Path(__file__).resolve().parent.parent
VNU_JAR = Path(
    os.environ.get("VNU_JAR")
    or PROJECT_DIR / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def checker_missing():
    if not shutil.which("java"):
        return "needs Java (apt-get install default-jre-headless)"
    if not VNU_JAR.exists():
        return f"needs the Nu HTML Checker at {VNU_JAR} (`make test` fetches it with npm)"
    return None


# Outside CI a missing checker skips these tests; in CI it fails them (require_checker).
pytestmark = pytest.mark.skipif(
    bool(checker_missing()) and not os.environ.get("CI"), reason=str(checker_missing())
)


def require_checker():
    missing = checker_missing()
    if missing:
        pytest.fail(f"HTML validity tests cannot run: {missing}")


def assert_valid_html(documents):
    """Run the checker once over `documents` (name: HTML) and fail with every error it finds."""
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for number, (name, content) in enumerate(documents.items()):
            path = Path(folder) / f"page-{number}.html"
            path.write_bytes(content)
            names[path.name] = name
        result = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
            + ["--exit-zero-always", *sorted(str(Path(folder) / name) for name in names)],
            capture_output=True,
            text=True,
            check=True,
        )
    errors = [
        f"{names.get(message.get('url', '').rsplit('/', 1)[-1], message.get('url'))}, "
        f"line {message.get('lastLine')}: {message.get('message')}"
        for message in json.loads(result.stderr)["messages"]
    ]
    if errors:
        pytest.fail("Invalid HTML:\n" + "\n".join(errors))


class SeedPagesTests(TestCase):
    """Every live page of the project's content, in German, English and Ukrainian."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_reallabor_content", stdout=StringIO())

    def setUp(self):
        require_checker()

    def get_ok(self, url, status=200):
        response = self.client.get(url)
        self.assertEqual(response.status_code, status, url)
        return response.content

    def test_every_live_page_and_the_search_and_error_pages_are_valid_html(self):
        pages = Page.objects.live().filter(depth__gt=1).order_by("path")
        documents = {page.url: self.get_ok(page.url) for page in pages}
        self.assertGreater(len(documents), 40)
        documents["/de/veranstaltungen/?year=2023"] = self.get_ok("/de/veranstaltungen/?year=2023")
        for language in ("de", "en", "uk"):
            documents[f"/{language}/search/"] = self.get_ok(f"/{language}/search/?q=Ukraine")
            documents[f"/{language}/404"] = self.get_ok(f"/{language}/gibt-es-nicht/", 404)
        assert_valid_html(documents)


class RegistrationFormTests(RegistrationTestCase):
    """The open registration form, empty and with the errors of a wrong submission."""

    # A required dropdown is valid only with an empty first choice (a placeholder option).
    form_fields = [*FIELDS, ("Anrede", "dropdown", True, {"choices": "Frau\nHerr"})]

    def setUp(self):
        super().setUp()
        require_checker()

    def test_form_is_valid_html_empty_and_with_errors(self):
        documents = {}
        for form in (self.form, self.form_en, self.form_uk):
            empty = self.client.get(form.url)
            self.assertEqual(empty.status_code, 200)
            self.assertContains(empty, "<form")
            documents[form.url] = empty.content
            wrong = self.client.post(form.url, registration_data(e_mail="keine-adresse"))
            self.assertEqual(wrong.status_code, 200)
            self.assertContains(wrong, 'class="errorlist')
            documents[f"{form.url} (errors)"] = wrong.content
        assert_valid_html(documents)
