"""Contract test with generated clients, as a front-end developer builds on the API.

From the live /api/v3/openapi.json of the deployed seed site under gunicorn:
- openapi-typescript generates the types that openapi-fetch uses, and tests/contract_client/
  event.ts, which reads an event's title, start, venue city, each speaker's name and role, the
  registration state and the translations' addresses, compiles under `tsc --strict` without a
  cast, and runs with node against the site; a module that reads an event's start without asking
  the page its type does not compile (the page union narrows on `type`);
- openapi-python-client generates a Python client that parses the seed event in German, English
  and Ukrainian with every field typed: nothing left in `additional_properties`, no untyped dict,
  and its `to_dict()` gives back exactly what the site sent.
Both fail when a field loses its declared schema: see the tests with `undeclared` in their names,
which take the venue's schema away as Wagtail would type a field without one.

The npm tools live under .venv/apitools (`make test` installs them from
tests/contract_client/package.json); without them these tests are skipped, except in CI.
"""

import copy
import importlib
import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
import redis

from tests.site_processes import (
    USES_POSTGRESQL,
    database_copy,
    gunicorn_servers,
    redis_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
CLIENT_SOURCES = BASE_DIR / "tests" / "contract_client"
NODE_MODULES = BASE_DIR / ".venv" / "apitools" / "node_modules"
BIN = NODE_MODULES / ".bin"
OPENAPI_PYTHON_CLIENT = Path(sys.executable).parent / "openapi-python-client"
CLIENTS_REDIS = redis_url(10)
LANGUAGES = ("de", "en", "uk")
# What Wagtail's v3 makes of a field whose serializer declares no schema: an object of anything.
UNDECLARED = {"type": "object", "additionalProperties": True}


def tools_missing():
    if not shutil.which("node"):
        return "needs node (apt-get install npm)"
    if not (BIN / "openapi-typescript").exists() or not (BIN / "tsc").exists():
        return f"needs openapi-typescript and tsc under {NODE_MODULES} (`make test` installs them)"
    return None


pytestmark = pytest.mark.skipif(
    bool(tools_missing()) and not os.environ.get("CI"), reason=str(tools_missing())
)


@pytest.fixture(scope="module")
def seed_server(request, tmp_path_factory, collected_static):
    """The deployed seed site under gunicorn with the production settings, for this module."""
    tmp_path = tmp_path_factory.mktemp("clients")
    if USES_POSTGRESQL:
        template = request.getfixturevalue("deployed_template_database")
        databases = database_copy(template, "reallabor_clients")
    else:
        copied = tmp_path / "reallabor.sqlite3"
        shutil.copyfile(request.getfixturevalue("deployed_sqlite_file"), copied)
        databases = iter_once(f"sqlite:///{copied}")
    redis.Redis.from_url(CLIENTS_REDIS).flushdb()
    with (
        databases as database,
        gunicorn_servers(
            1,
            tmp_path,
            DATABASE_URL=database,
            STATIC_ROOT=str(collected_static),
            REDIS_URL=CLIENTS_REDIS,
        ) as [server],
    ):
        yield server


class iter_once:
    """A context manager that gives `value`, as database_copy gives its URL."""

    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


def get_json(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


@pytest.fixture(scope="module")
def served_schema(seed_server):
    return get_json(f"{seed_server.url}/api/v3/openapi.json")


@pytest.fixture(scope="module")
def seed_events(seed_server):
    """{language: id} of the seed event, in every language of the site."""
    listing = get_json(f"{seed_server.url}/api/v3/pages/?type=events.EventPage&locale=de")
    assert listing["items"], "the seed site has no event"
    german = listing["items"][0]["id"]
    detail = get_json(f"{seed_server.url}/api/v3/pages/{german}/")
    events = {"de": german}
    events.update({link["locale"]: link["id"] for link in detail["translations"]})
    assert set(events) == set(LANGUAGES), events
    return events


def undeclared_venue(schema):
    """The schema as it would be if the event's venue field had lost its declaration."""
    schema = copy.deepcopy(schema)
    schema["components"]["schemas"]["EventVenue"] = dict(UNDECLARED)
    return schema


def run(command, cwd, timeout=300):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout)


# TypeScript: openapi-typescript, openapi-fetch and tsc --strict


def typescript_project(schema, directory):
    """tests/contract_client's modules with the types openapi-typescript generates from `schema`."""
    directory.mkdir()
    for name in (
        "event.ts",
        "unnarrowed.ts",
        "run.mjs",
        "tsconfig.json",
        "tsconfig.unnarrowed.json",
    ):
        shutil.copy(CLIENT_SOURCES / name, directory / name)
    (directory / "package.json").write_text('{"type": "module"}')
    (directory / "node_modules").symlink_to(NODE_MODULES)
    (directory / "openapi.json").write_text(json.dumps(schema))
    generated = run([BIN / "openapi-typescript", "openapi.json", "-o", "api.d.ts"], directory)
    assert generated.returncode == 0, generated.stderr
    return directory


def tsc(directory, *arguments):
    return run([BIN / "tsc", *arguments], directory)


def test_a_typescript_front_end_reads_the_seed_event_without_a_cast(
    served_schema, seed_server, seed_events, tmp_path
):
    project = typescript_project(served_schema, tmp_path / "ts")
    compiled = tsc(project, "-p", ".")
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    code = [
        line
        for line in (project / "event.ts").read_text().splitlines()
        if not line.lstrip().startswith("//")
    ]
    assert not [line for line in code if " as " in line or "any" in line.split()]

    for language, page_id in seed_events.items():
        ran = run(["node", "run.mjs", seed_server.url, str(page_id)], project, timeout=60)
        assert ran.returncode == 0, ran.stderr
        summary = json.loads(ran.stdout)
        event = get_json(f"{seed_server.url}/api/v3/pages/{page_id}/")
        assert summary["title"] == event["title"], language
        assert summary["city"] == event["venue"]["address"]["city"]
        assert [speaker["name"] for speaker in summary["speakers"]] == [
            speaker["name"] for speaker in event["speakers"]
        ]
        assert summary["speakers"] and all(speaker["role"] for speaker in summary["speakers"])
        assert len(summary["translations"]) == len(LANGUAGES) - 1


def test_the_page_union_narrows_only_on_its_type(served_schema, tmp_path):
    project = typescript_project(served_schema, tmp_path / "ts")
    compiled = tsc(project, "-p", "tsconfig.unnarrowed.json")
    assert compiled.returncode != 0
    assert "Property 'start' does not exist" in compiled.stdout


def test_the_typescript_front_end_does_not_compile_once_a_field_is_undeclared(
    served_schema, tmp_path
):
    project = typescript_project(undeclared_venue(served_schema), tmp_path / "ts")
    compiled = tsc(project, "-p", ".", "--noEmit")
    assert compiled.returncode != 0
    assert "event.ts" in compiled.stdout and "address" in compiled.stdout, compiled.stdout


# Python: openapi-python-client


def python_client(schema, directory, package):
    """The client openapi-python-client generates from `schema`, imported as `package`."""
    directory.mkdir()
    (directory / "openapi.json").write_text(json.dumps(schema))
    # No post-processing hooks: the client is used, not committed, and needs no formatting.
    (directory / "config.yaml").write_text("post_hooks: []\n")
    generated = run(
        [
            OPENAPI_PYTHON_CLIENT,
            "generate",
            "--path=openapi.json",
            "--config=config.yaml",
            "--meta=none",
            f"--output-path={package}",
            "--fail-on-warning",
        ],
        directory,
    )
    assert generated.returncode == 0, generated.stdout + generated.stderr
    sys.path.insert(0, str(directory))
    try:
        return importlib.import_module(f"{package}.api.pages.pages_detail")
    finally:
        sys.path.remove(str(directory))


def untyped_values(value, path="event"):
    """Where a parsed client object leaves something untyped: a key in additional_properties, or
    a plain dict where a model was expected."""
    if isinstance(value, dict):
        return [path]
    if isinstance(value, list):
        return [
            place
            for index, item in enumerate(value)
            for place in untyped_values(item, f"{path}[{index}]")
        ]
    # The generated models are attrs classes.
    fields = getattr(type(value), "__attrs_attrs__", None)
    if fields is not None:
        places = [f"{path}.{key}" for key in getattr(value, "additional_properties", {})]
        for field in fields:
            if field.name != "additional_properties":
                places += untyped_values(getattr(value, field.name), f"{path}.{field.name}")
        return places
    return []


def parse_event(detail_module, url):
    """The JSON the site sends for `url`, and the generated client's reading of it."""
    raw = get_json(url)
    response = SimpleNamespace(status_code=200, json=lambda: raw)
    return raw, detail_module._parse_response(client=None, response=response)


def test_a_python_client_parses_the_seed_event_in_every_language_with_every_field_typed(
    served_schema, seed_server, seed_events, tmp_path
):
    detail = python_client(served_schema, tmp_path / "py", "reallabor_client")
    for language, page_id in seed_events.items():
        raw, event = parse_event(detail, f"{seed_server.url}/api/v3/pages/{page_id}/")
        assert type(event).__name__ == "EventPageSchema", language
        assert untyped_values(event) == [], language
        assert event.to_dict() == raw, language
        assert event.meta.locale == language
        assert event.venue.address.city
        assert all(speaker.name and speaker.role for speaker in event.speakers)
        assert event.start.utcoffset() is not None


def test_the_python_client_leaves_an_undeclared_field_untyped(
    served_schema, seed_server, seed_events, tmp_path
):
    detail = python_client(undeclared_venue(served_schema), tmp_path / "py", "undeclared_client")
    _raw, event = parse_event(detail, f"{seed_server.url}/api/v3/pages/{seed_events['de']}/")
    assert any(place.startswith("event.venue.") for place in untyped_values(event))
