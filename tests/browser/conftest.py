"""Chromium, a live server and the site every browser test starts from.

Building the site (seed content in three languages plus a workshop with an open registration)
takes seconds, so it is built once per session and kept as an SQLite backup; each test starts
from a fresh copy of it, and live_server's transactional_db empties the database afterwards.
"""

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection

from . import site as browser_site

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless=new",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@contextmanager
def orm_beside_playwright():
    """Playwright's sync API keeps an event loop running in the test thread, which Django takes
    for async code; the ORM calls the tests make are synchronous all the same. Allowed only
    while a browser test runs, so the setting never reaches other tests or their subprocesses."""
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        yield
    finally:
        if before is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    # Around the whole protocol, so pytest-django's own fixtures are covered too; pytest calls
    # this hook for every test of the session, so it checks that the test is one of ours.
    if not item.path.is_relative_to(Path(__file__).parent):
        return (yield)
    with orm_beside_playwright():
        return (yield)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Playwright's own browser download fails on these machines; Debian's Chromium works.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "timezone_id": "Europe/Berlin",
    }


@pytest.fixture(scope="session")
def _site_snapshot(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        paths = browser_site.build()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.ensure_connection()
        connection.connection.backup(snapshot)
    yield snapshot, paths
    snapshot.close()


@pytest.fixture
def site_paths(_site_snapshot, live_server, transactional_db):
    """The seed site, fresh for this test: each page type's path by language."""
    snapshot, paths = _site_snapshot
    snapshot.backup(connection.connection)
    # Cached site root paths and content types must match the restored rows.
    cache.clear()
    ContentType.objects.clear_cache()
    return paths
