"""Print database queries and median render time per page type.

Builds a throwaway test database (SQLite in memory, or PostgreSQL when DATABASE_URL is set),
loads the project's content, adds an event with 1 and one with 50 speakers and programme items
(each also in Ukrainian), then renders one page of each type and those two events in German and
Ukrainian through Django's test client, then the API's
listings and the large event's API detail (with the API's response cache emptied before every
request, so the figures are those of a cache miss).

    .venv/bin/python bench/render_pages.py [--repeat 20]
"""

import argparse
import os
import statistics
import sys
import time
from datetime import time as clock
from datetime import timedelta
from io import StringIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "reallabor_site.settings.test")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
)
from django.utils import translation  # noqa: E402
from wagtail.models import Page  # noqa: E402

from events.models import (  # noqa: E402
    EventIndexPage,
    EventPage,
    EventPracticeExample,
    EventSpeaker,
    RegistrationFormPage,
)
from reallabor_site import api_cache  # noqa: E402
from speakers.models import SpeakerIndexPage, SpeakerPage, SpeakerPosition  # noqa: E402

SIZES = (1, 50)
LARGE = SIZES[-1]


def add_sized_event(size):
    """An event with `size` speakers, each also in one programme item, to show queries stay flat."""
    index = EventIndexPage.objects.get(locale__language_code="de")
    speaker_index = SpeakerIndexPage.objects.get(locale__language_code="de")
    seed_event = EventPage.objects.filter(locale__language_code="de").first()
    speakers = []
    for number in range(size):
        speaker = SpeakerPage(
            given_name=f"Person{number}",
            family_name=f"Benchmark{number}",
            slug=f"benchmark-person-{size}-{number}",
            title="x",
            positions=[SpeakerPosition(function="Referentin", organisation=f"Kreis {number}")],
        )
        speaker_index.add_child(instance=speaker)
        speaker.save_revision().publish()
        speakers.append(speaker)
    start = seed_event.start
    event = EventPage(
        title=f"Benchmark-Event mit {size} Personen",
        slug=f"benchmark-event-{size}",
        start=start,
        end=start + timedelta(hours=8),
        venue=seed_event.venue,
        programme=[
            (
                "item",
                {
                    "starts_at": clock(10, number % 60),
                    "title": f"Programmpunkt {number}",
                    "kind": "talk",
                    "description": "",
                    "speakers": [speaker],
                },
            )
            for number, speaker in enumerate(speakers)
        ],
        speakers=[EventSpeaker(speaker=speaker, role="talk") for speaker in speakers],
        # Like the seed event, so both pages show the same kinds of content.
        practice_examples=[
            EventPracticeExample(practice_example_id=entry.practice_example_id)
            for entry in seed_event.practice_examples.all()
        ],
    )
    index.add_child(instance=event)
    event.save_revision().publish()
    registration = RegistrationFormPage(
        title="Anmeldung",
        slug="anmeldung",
        registration_closes=seed_event.start - timedelta(days=7),
    )
    event.add_child(instance=registration)
    registration.save_revision().publish()
    return event, translate_to_ukrainian(event)


def translate_to_ukrainian(event):
    """The event in Ukrainian, pointing at the venue's translation as wagtail-localize does."""
    seed_event_uk = EventPage.objects.filter(locale__language_code="uk").first()
    with translation.override("uk"):
        translated = event.copy_for_translation(seed_event_uk.locale)
    translated.venue = seed_event_uk.venue
    translated.save_revision().publish()
    return translated


def measure(client, url, repeat):
    client.get(url)  # warm caches of templates and URL resolvers
    cache.delete(api_cache.VERSION.key)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    # Count now: every later request empties the connection's query log.
    count = len(queries)
    timings = []
    for _ in range(repeat):
        cache.delete(api_cache.VERSION.key)
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    return count, statistics.median(timings)


def pages_to_measure(sized_events):
    """One page of each type per language, then the events of SIZES people in that language."""
    rows = []
    for language in ("de", "uk"):
        seen = set()
        for page in Page.objects.live().filter(locale__language_code=language).specific():
            kind = type(page).__name__
            if kind in seen or kind in {"Page", "RegistrationFormPage"}:
                continue
            if page.alias_of_id or page.slug.startswith("benchmark-"):
                continue
            seen.add(kind)
            rows.append((f"{kind} (seed)" if kind == "EventPage" else kind, language, page.url))
        for size, versions in sized_events.items():
            rows.append((f"EventPage ({size} speakers/items)", language, versions[language].url))
    return rows


def api_requests_to_measure(large_event):
    listing = "/api/v2/pages/?fields=*&limit=100&type="
    return [
        ("API v2 event list", "all", f"{listing}events.EventPage"),
        ("API v2 speaker list", "all", f"{listing}speakers.SpeakerPage"),
        ("API v2 practice example list", "all", f"{listing}home.PracticeExamplePage"),
        ("API v3 page list", "all", "/api/v3/pages/?limit=100"),
        (f"API v2 event ({LARGE} speakers/items)", "de", f"/api/v2/pages/{large_event.pk}/"),
        (f"API v3 event ({LARGE} speakers/items)", "de", f"/api/v3/pages/{large_event.pk}/"),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0)
    try:
        call_command("load_reallabor_content", stdout=StringIO())
        sized_events = {}
        for size in SIZES:
            german, ukrainian = add_sized_event(size)
            sized_events[size] = {"de": german, "uk": ukrainian}
        large_event = sized_events[LARGE]["de"]
        client = Client()
        print(f"database: {connection.vendor}; median of {args.repeat} renders")
        print(f"{'page type':42} {'lang':4} {'queries':>7} {'median ms':>10}  url")
        rows = pages_to_measure(sized_events) + api_requests_to_measure(large_event)
        for label, language, url in rows:
            count, median = measure(client, url, args.repeat)
            print(f"{label:42} {language:4} {count:7d} {median:10.1f}  {url}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
