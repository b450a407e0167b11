"""Lighthouse (bench/lighthouse.py) on the seed site under gunicorn with the production settings:
SEO, best practices and accessibility all 100 on the home, event and registration form pages in
German and Ukrainian. It serves a site of its own (a few minutes with six Lighthouse runs), so it
needs neither the live server nor the database of the other browser tests."""

import os

import pytest

from bench.lighthouse import LIGHTHOUSE, measure
from bench.load import REDIS_URL
from tests.site_processes import redis_missing


def missing():
    if not LIGHTHOUSE.exists():
        return f"Lighthouse is not installed at {LIGHTHOUSE} (make lighthouse)"
    return redis_missing(REDIS_URL)


@pytest.fixture
def lighthouse_can_run():
    reason = missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(reason)
    if reason:
        pytest.skip(reason)


def test_home_event_and_form_pages_score_100_in_german_and_ukrainian(lighthouse_can_run, tmp_path):
    results = list(measure(report_dir=tmp_path))

    assert [name for name, *_ in results] == [
        "home page (de)",
        "event page (de)",
        "form page (de)",
        "home page (uk)",
        "event page (uk)",
        "form page (uk)",
    ]
    below_100 = {name: failed for name, _path, _scores, _seconds, failed in results if failed}
    assert below_100 == {}, f"failed audits; the reports are in {tmp_path}"
