"""Our apps installed into a bare Wagtail site of another organisation: tests/host_site/, copied
into a temporary directory, with its own settings, URLconf and one-line base.html and nothing of
reallabor_site. In a process of its own (host_site/check.py) it migrates an SQLite file, builds
one page of each of our page types in German and Ukrainian, renders them with our apps' own
translations, and stores a registration sent through the form page."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
HOST_SITE = Path(__file__).resolve().parent / "host_site"


def host_site_apps():
    """OUR_APPS as the host site's settings list them."""
    tree = ast.parse((HOST_SITE / "settings.py").read_text())
    assignment = next(
        node
        for node in tree.body
        if isinstance(node, ast.Assign) and node.targets[0].id == "OUR_APPS"
    )
    return ast.literal_eval(assignment.value)


def test_the_host_site_installs_every_app_of_ours():
    ours = sorted(path.parent.name for path in BASE_DIR.glob("*/apps.py"))
    assert sorted(host_site_apps()) == [app for app in ours if app != "reallabor_site"]


def test_a_bare_wagtail_site_serves_our_pages_in_its_languages_and_takes_a_registration(tmp_path):
    shutil.copytree(HOST_SITE, tmp_path / "host_site", ignore=shutil.ignore_patterns("__pycache__"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH")
    }
    result = subprocess.run(
        [sys.executable, "-m", "host_site.check"],
        cwd=tmp_path,
        # Our apps from this checkout, after the host site's own package.
        env={**env, "PYTHONPATH": str(BASE_DIR)},
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "registered: olena.koval@example.org" in result.stdout
