"""The interface texts are complete in every language, and the compiled catalogues are current."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import wagtail

PROJECT_DIR = Path(__file__).resolve().parent.parent
LOCALE_DIR = PROJECT_DIR / "locale"
# What makemessages reads: the apps, the project package and the catalogues it updates.
PROJECT_PARTS = ["manage.py", "pagebase", "home", "events", "speakers", "reallabor_site", "locale"]
LANGUAGES = ["de", "en", "uk"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(folder / "django.po")).translated_entries()
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.mofile(str(folder / "django.mo"))
        if e.msgid
    }
    assert compiled == source


@pytest.mark.skipif(
    not shutil.which("xgettext") and not os.environ.get("CI"),
    reason="needs GNU gettext (apt-get install gettext); CI installs it",
)
def test_catalogue_holds_every_message_of_the_code(tmp_path):
    """A string marked for translation but never extracted would show in English everywhere."""
    for name in PROJECT_PARTS:
        source = PROJECT_DIR / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "de",
            "--no-obsolete",
            *("-i", "tests/*", "-i", "*/tests/*"),
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "reallabor_site.settings.test"},
    )

    def messages(path):
        return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}

    extracted = messages(tmp_path / "locale" / "de" / "LC_MESSAGES" / "django.po")
    committed = messages(LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po")
    assert sorted(extracted - committed, key=str) == []


def wagtail_translations(language):
    """What Wagtail's own admin (and wagtail-localize's) says for each message without context."""
    site_packages = Path(wagtail.__file__).resolve().parent.parent
    translations = {}
    for path in sorted(site_packages.glob(f"wagtail*/**/locale/{language}/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.msgctxt and entry.msgstr:
                translations.setdefault(entry.msgid, set()).add(entry.msgstr.strip())
    return translations


@pytest.mark.parametrize("language", ["de", "uk"])
def test_our_catalogue_does_not_reword_wagtails_admin(language):
    """Our catalogue comes first (LOCALE_PATHS), so a message of ours that Wagtail also uses
    replaces Wagtail's wording everywhere in the admin: "Date" as "Termin" would head Wagtail's
    own date columns. Such a message needs a context of its own, or Wagtail's translation."""
    wagtail_says = wagtail_translations(language)
    assert wagtail_says, "Wagtail's catalogues were not found"
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    rewordings = [
        f"{entry.msgid!r}: ours {entry.msgstr!r}, Wagtail's {sorted(wagtail_says[entry.msgid])}"
        for entry in catalogue.translated_entries()
        if not entry.msgctxt
        and entry.msgid in wagtail_says
        and entry.msgstr.strip() not in wagtail_says[entry.msgid]
    ]
    assert rewordings == []
