"""Profile one uncached render of each kind of page and print where the time goes.

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL is set),
loads the project's content, opens the German registration form of the seed event as
bench/load.py does (the event moved into the future, 100 places), then for the home page, the
event page, a speaker page and the registration form page (German), and the home, event and
speaker page once more in Ukrainian (`--page "event (uk)"`): renders the page once to warm
Django's and Wagtail's per-process caches (templates, URL resolvers, site root paths), then
renders it once more under cProfile. Prints per page the database queries, the function calls,
the median time of --repeat further renders, and the top ten functions by own time and by
cumulative time (the latter among the project's code, template tags and Wagtail's rich text and
image code, which is where a page's own work shows).

The page cache is off (test settings), so every render is a miss, as for an editor's preview,
the first visitor after a publish or the registration form page (never cached).

    .venv/bin/python bench/profile_pages.py [--repeat 20] [--top 10] [--page event]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/NAME .venv/bin/python bench/profile_pages.py
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reallabor_site.settings.test")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from bench.seed_event import open_registration  # noqa: E402
from events.models import EventPage  # noqa: E402
from speakers.models import SpeakerPage  # noqa: E402

RUSH_PLACES = 100
FLOOR_URL = "/bench/wagtail-floor/"
OWN_CODE_DIRS = ("events", "home", "speakers", "reallabor_site")
# Where the calls of a render go, by the file of the function called.
AREAS = (
    ("database (Django ORM and driver)", (f"django{os.sep}db{os.sep}", "sqlite3", "psycopg")),
    ("templates (Django's engine)", (f"django{os.sep}template{os.sep}",)),
    ("Wagtail", (f"{os.sep}wagtail{os.sep}", "wagtail_localize", "modelcluster")),
    ("the project's code", OWN_CODE_DIRS),
    ("Django, other", (f"{os.sep}django{os.sep}",)),
)
# Where a page's own work shows in a cumulative listing (the rest is Django's and Wagtail's
# request plumbing, which every page pays and the Wagtail floor measures).
OWN_CODE = (
    f"{os.sep}events{os.sep}",
    f"{os.sep}home{os.sep}",
    f"{os.sep}speakers{os.sep}",
    f"{os.sep}reallabor_site{os.sep}",
    f"wagtail{os.sep}rich_text",
    f"wagtail{os.sep}images{os.sep}",
    f"wagtail{os.sep}contrib{os.sep}settings",
    f"wagtail{os.sep}blocks{os.sep}",
)
# Request plumbing in the project's own middleware, which wraps everything else.
PLUMBING = ("__call__", "process_request", "process_response")


def german(model):
    return model.objects.live().filter(locale__language_code="de", alias_of=None).first()


def ukrainian(page):
    """The Ukrainian version of a German page (its translation, or the alias of an untranslated
    one), whose page frame and language marks do more work than the German page's."""
    return page.get_translations().filter(locale__language_code="uk").first()


def pages_to_profile():
    form_page = open_registration(RUSH_PLACES)
    event = german(EventPage)
    speaker = german(SpeakerPage)
    return {
        # Wagtail's routing and view-restriction check for the event page with a constant body,
        # as bench/load.py measures it: what every page costs before its own work.
        "Wagtail floor": FLOOR_URL + event.url.removeprefix("/de/"),
        "home": "/de/",
        "event": event.url,
        "speaker": speaker.url,
        "registration form": form_page.url,
        "home (uk)": "/uk/",
        "event (uk)": ukrainian(event).url,
        "speaker (uk)": ukrainian(speaker).url,
    }


def short_name(function):
    filename, line, name = function
    for marker in ("site-packages" + os.sep, str(Path(__file__).resolve().parent.parent) + os.sep):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})" if line else name


def area_of(filename):
    for name, markers in AREAS:
        if markers is OWN_CODE_DIRS:
            if any(f"{os.sep}{part}{os.sep}" in filename for part in markers) and (
                "site-packages" not in filename
            ):
                return name
        elif any(marker in filename for marker in markers):
            return name
    return "Python and other libraries"


def areas(stats):
    """Function calls and own time per area, largest first."""
    totals = {}

    def add(area, ncalls, seconds):
        calls, own = totals.get(area, (0, 0.0))
        totals[area] = (calls + ncalls, own + seconds)

    for function, (_calls, ncalls, tottime, _cumtime, callers) in stats.stats.items():
        if function[0] != "~" or not callers:
            add(area_of(function[0]), ncalls, tottime)
            continue
        # A built-in (isinstance, getattr, ...) counts for the area of the code that called it.
        for caller, (_caller_calls, caller_ncalls, caller_tottime, _cum) in callers.items():
            add(area_of(caller[0]), caller_ncalls, caller_tottime)
    lines = [f"    {'calls':>7} {'own ms':>8}  area"]
    for name, (calls, seconds) in sorted(totals.items(), key=lambda item: -item[1][0]):
        lines.append(f"    {calls:7d} {seconds * 1000:8.2f}  {name}")
    return "\n".join(lines)


def top(stats, key, count, only_own=False):
    """The `count` functions with the highest `key` ("tottime" or "cumtime")."""
    rows = []
    for function, (_calls, ncalls, tottime, cumtime, _callers) in stats.stats.items():
        if only_own and (
            not any(part in function[0] for part in OWN_CODE) or function[2] in PLUMBING
        ):
            continue
        rows.append((tottime if key == "tottime" else cumtime, ncalls, tottime, cumtime, function))
    rows.sort(key=lambda row: row[0], reverse=True)
    lines = [f"    {'calls':>7} {'own ms':>8} {'cum ms':>8}  function"]
    for _value, ncalls, tottime, cumtime, function in rows[:count]:
        lines.append(
            f"    {ncalls:7d} {tottime * 1000:8.2f} {cumtime * 1000:8.2f}  {short_name(function)}"
        )
    return "\n".join(lines)


def profile(client, url, repeat, count):
    client.get(url)  # warm templates, URL resolvers and Wagtail's site root paths
    with CaptureQueriesContext(connection) as queries:
        profiler = cProfile.Profile()
        profiler.enable()
        response = client.get(url)
        profiler.disable()
    assert response.status_code == 200, (url, response.status_code)
    query_count = len(queries)
    if os.environ.get("PROFILE_SHOW_SQL"):
        for query in queries.captured_queries:
            print("   SQL", query["sql"][:300])
    stats = pstats.Stats(profiler, stream=io.StringIO())
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "queries": query_count,
        "calls": stats.total_calls,
        "median": statistics.median(timings),
        "own": top(stats, "tottime", count),
        "areas": areas(stats),
        "cumulative": top(stats, "cumtime", count, only_own=True),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="renders timed per page")
    parser.add_argument("--top", type=int, default=10, help="functions listed per page")
    parser.add_argument("--page", action="append", help="only this page (home, event, ...)")
    args = parser.parse_args()

    setup_test_environment()
    # The site's URLs plus bench/urls.py's floor view.
    settings.ROOT_URLCONF = "bench.urls"
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_reallabor_content", stdout=StringIO())
        pages = pages_to_profile()
        client = Client()
        print(f"database: {connection.vendor}; uncached renders through Django's test client")
        for name, url in pages.items():
            if args.page and name not in args.page:
                continue
            result = profile(client, url, args.repeat, args.top)
            print(
                f"\n== {name} page {url}: {result['queries']} queries, "
                f"{result['calls']} function calls, median {result['median']:.1f} ms "
                f"of {args.repeat} renders"
            )
            print("  calls and own time by area:")
            print(result["areas"])
            print("  top by own time:")
            print(result["own"])
            print("  top by cumulative time (the page's own code, tags, rich text, images):")
            print(result["cumulative"])
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
