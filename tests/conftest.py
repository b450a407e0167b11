"""Decides, before collection, whether the browser tests in tests/browser/ can run here; and
provides, once per run, what the tests that start the site in processes of its own share.

The browser tests need Debian's Chromium, the `browser` extra (Playwright) and SQLite (their
database snapshot is an SQLite backup). Where one is missing they are not collected, and the run
says so in its summary; in CI (CI=true), or when they were asked for with `-m browser`, it fails
instead.
"""

import importlib.util
import os
import shutil
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from tests.site_processes import (
    USES_POSTGRESQL,
    VALID_PRODUCTION_ENV,
    create_database,
    database_copy,
    database_url,
    drop_database,
    manage,
    manage_ok,
    redis_missing,
)

CHROMIUM = Path("/usr/bin/chromium")
BROWSER_TESTS = Path(__file__).parent / "browser"


def _why_browser_tests_cannot_run():
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "Playwright is not installed (pip install -e '.[dev,browser]')"
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return "they run on SQLite only, and DATABASE_URL names another database"
    return None


def pytest_configure(config):
    config.browser_tests_not_run = _why_browser_tests_cannot_run()
    reason = config.browser_tests_not_run
    demanded = os.environ.get("CI") == "true" or config.getoption("markexpr") == "browser"
    if reason and demanded and not reason.startswith("they run on SQLite"):
        raise pytest.UsageError(f"Browser tests cannot run: {reason}.")
    # pytest-playwright saves a screenshot of every open page of a failed test in test-results/.
    if not reason and getattr(config.option, "screenshot", None) == "off":
        config.option.screenshot = "only-on-failure"
        config.option.full_page_screenshot = True


def pytest_ignore_collect(collection_path, config):
    if config.browser_tests_not_run and collection_path.is_relative_to(BROWSER_TESTS):
        return True
    return None


def pytest_terminal_summary(terminalreporter, config):
    if config.browser_tests_not_run:
        terminalreporter.write_line(
            f"Browser tests (tests/browser/) were NOT run: {config.browser_tests_not_run}.",
            yellow=True,
            bold=True,
        )


def require_redis():
    """The production settings' cache must answer (loading the content writes to it)."""
    reason = redis_missing(VALID_PRODUCTION_ENV["REDIS_URL"])
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"The production settings need Redis: {reason}")
    if reason:
        pytest.skip(f"The production settings need Redis: {reason}")


def deploy(url):
    """deploy.md's first deploy, under the production settings: migrate, content, address."""
    manage_ok("migrate", "--noinput", url=url)
    manage_ok("load_reallabor_content", url=url)
    manage_ok("apply_site_url", url=url)


@pytest.fixture(scope="session")
def deployed_template_database():
    """The name of a database set up as deploy.md's first deploy describes, with the project's
    content, for test modules to copy (`site_processes.database_copy`); on DATABASE_URL's server.
    """
    require_redis()
    name = f"reallabor_template_{uuid.uuid4().hex[:8]}"
    create_database(name)
    try:
        deploy(database_url(name))
        yield name
    finally:
        drop_database(name)


@pytest.fixture(scope="session")
def deployed_sqlite_file(tmp_path_factory):
    """An SQLite file set up as deploy.md's first deploy describes, for runs without PostgreSQL."""
    require_redis()
    path = tmp_path_factory.mktemp("deployed") / "reallabor.sqlite3"
    deploy(f"sqlite:///{path}")
    return path


@pytest.fixture
def deployed_database(request, tmp_path):
    """The URL of a deployed database of the test's own: a copy of the session's template on
    DATABASE_URL's PostgreSQL, or of the session's SQLite file when the tests run on SQLite."""
    if USES_POSTGRESQL:
        template = request.getfixturevalue("deployed_template_database")
        with database_copy(template, "reallabor_deployed") as url:
            yield url
    else:
        copy = tmp_path / "reallabor.sqlite3"
        shutil.copyfile(request.getfixturevalue("deployed_sqlite_file"), copy)
        yield f"sqlite:///{copy}"


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """STATIC_ROOT with the static files collected as the container image has them."""
    static_root = tmp_path_factory.mktemp("static")
    result = manage(
        "collectstatic", "--noinput", **VALID_PRODUCTION_ENV, STATIC_ROOT=str(static_root)
    )
    assert result.returncode == 0, result.stderr
    return static_root
