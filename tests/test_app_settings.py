"""Each app reads its own settings through its `conf` module, which gives every one a default,
so a host site that sets none of them still runs; Django's and Wagtail's settings are read as
they are."""

import importlib
import re
from pathlib import Path

import pytest
from django.conf import global_settings

BASE_DIR = Path(__file__).resolve().parent.parent
APPS = ["pagebase", "speakers", "home", "events"]
READ_DIRECTLY = re.compile(r"\bsettings\.([A-Z][A-Z0-9_]*)\b")
READ_THROUGH_CONF = re.compile(r"""\bsetting\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def sources(app):
    """The app's code and templates, without its tests and migrations."""
    for path in sorted((BASE_DIR / app).rglob("*")):
        parts = path.relative_to(BASE_DIR).parts
        if path.suffix in (".py", ".html") and "tests" not in parts and "migrations" not in parts:
            yield path


def is_django_or_wagtail_setting(name):
    return hasattr(global_settings, name) or name.startswith("WAGTAIL")


@pytest.mark.parametrize("app", APPS)
def test_an_app_reads_settings_of_its_own_only_through_its_conf_module(app):
    direct = {
        (path.relative_to(BASE_DIR).as_posix(), name)
        for path in sources(app)
        for name in READ_DIRECTLY.findall(path.read_text())
        if not is_django_or_wagtail_setting(name)
    }
    assert sorted(direct) == []


@pytest.mark.parametrize("app", APPS)
def test_every_setting_an_app_reads_through_its_conf_module_has_a_default(app):
    defaults = importlib.import_module(f"{app}.conf").DEFAULTS
    read = {name for path in sources(app) for name in READ_THROUGH_CONF.findall(path.read_text())}
    assert sorted(read - set(defaults)) == []
    assert sorted(set(defaults) - read) == [], "a default that nothing reads"
