"""The interface texts are complete in every language, and the compiled catalogues are current.

Each app carries its own catalogues (<app>/locale/), so a host site shows its texts translated;
the project's (locale/) holds reallabor_site's texts. scripts/sync_catalogues.sh (`make messages`)
brings them all up to date with the code.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
import wagtail

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The project's catalogues, then each app's: every folder with an apps.py has a locale/ of its own.
APPS = sorted(path.parent.name for path in PROJECT_DIR.glob("*/apps.py"))
LOCALE_DIRS = [Path("locale")] + [Path(app) / "locale" for app in APPS if app != "reallabor_site"]
LANGUAGES = ["de", "en", "uk"]
IGNORED = shutil.ignore_patterns("__pycache__", "*.mo")
CATALOGUES = [
    pytest.param(locale_dir / language / "LC_MESSAGES", id=f"{locale_dir.parent}-{language}")
    for locale_dir in LOCALE_DIRS
    for language in LANGUAGES
]


@pytest.mark.parametrize("folder", CATALOGUES)
def test_every_message_is_translated_and_none_is_fuzzy(folder):
    catalogue = polib.pofile(str(PROJECT_DIR / folder / "django.po"))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("folder", CATALOGUES)
def test_compiled_catalogue_matches_its_source(folder):
    folder = PROJECT_DIR / folder
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
def test_catalogues_hold_every_message_of_the_code(tmp_path):
    """A string marked for translation but never extracted would show in English everywhere.
    Runs scripts/sync_catalogues.sh on a copy of the project: no catalogue gains a message."""
    for name in ["manage.py", "scripts", "locale", *APPS]:
        source = PROJECT_DIR / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name, **({"ignore": IGNORED} if source.is_dir() else {}))
    subprocess.run(
        [tmp_path / "scripts" / "sync_catalogues.sh"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHON": sys.executable},
    )

    def messages(path):
        return {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if not e.obsolete}

    for locale_dir in LOCALE_DIRS:
        for language in LANGUAGES:
            catalogue = locale_dir / language / "LC_MESSAGES" / "django.po"
            extracted = messages(tmp_path / catalogue)
            committed = messages(PROJECT_DIR / catalogue)
            assert (str(catalogue), sorted(extracted - committed, key=str)) == (str(catalogue), [])


def wagtail_translations(language):
    """What Wagtail's own admin (and wagtail-localize's) says for each message without context."""
    site_packages = Path(wagtail.__file__).resolve().parent.parent
    translations = {}
    for path in sorted(site_packages.glob(f"wagtail*/**/locale/{language}/LC_MESSAGES/django.po")):
        for entry in polib.pofile(str(path)).translated_entries():
            if not entry.msgctxt and entry.msgstr:
                translations.setdefault(entry.msgid, set()).add(entry.msgstr.strip())
    return translations


@pytest.mark.parametrize(
    "folder",
    [
        pytest.param(locale_dir / language / "LC_MESSAGES", id=f"{locale_dir.parent}-{language}")
        for locale_dir in LOCALE_DIRS
        for language in ["de", "uk"]
    ],
)
def test_our_catalogues_do_not_reword_wagtails_admin(folder):
    """Our catalogues come before Wagtail's (LOCALE_PATHS, and our apps stand before Wagtail's in
    INSTALLED_APPS), so a message of ours that Wagtail also uses replaces Wagtail's wording
    everywhere in the admin: "Date" as "Termin" would head Wagtail's own date columns. Such a
    message needs a context of its own, or Wagtail's translation."""
    wagtail_says = wagtail_translations(folder.parent.name)
    assert wagtail_says, "Wagtail's catalogues were not found"
    catalogue = polib.pofile(str(PROJECT_DIR / folder / "django.po"))
    rewordings = [
        f"{entry.msgid!r}: ours {entry.msgstr!r}, Wagtail's {sorted(wagtail_says[entry.msgid])}"
        for entry in catalogue.translated_entries()
        if not entry.msgctxt
        and entry.msgid in wagtail_says
        and entry.msgstr.strip() not in wagtail_says[entry.msgid]
    ]
    assert rewordings == []
