"""Serve the site under gunicorn with the production settings and measure it under load.

For SQLite (a temporary file) and, when it answers, PostgreSQL (a temporary database that is
dropped afterwards), with the page cache on and off: requests per second and p50/p95 latency of a
trivial view (the limit of this stack on this machine), Wagtail's routing alone with a constant
body (the floor of any uncached Wagtail page), the home page, an event page, a speaker page and
the registration form page, each also as a ratio to the trivial view and, uncached, to the
Wagtail floor. The seed event is moved into the future with its German registration form open
(as for the rush), so the pages show an open registration and the form page its form.

Then a registration rush on PostgreSQL (skipped when it does not answer): the seed event moved
into the future, its German form with 100 places, and 300 visitors, each from its own loopback
address, who load the form page and register. It prints the latency of both steps, registrations
per second and the confirmed and waiting-list counts from the database, and fails (exit status 1)
unless exactly 100 are confirmed, 200 wait and no answer was a 5xx.

The production settings need Redis: the servers use database 14 of REDIS_URL's server (default
127.0.0.1:6379), which is emptied before each server starts, so every measurement begins with an
empty cache and no rate-limit counts from an earlier run.

Prints the figures and writes them to bench/results.md (--rush-only keeps its page table).

    .venv/bin/python bench/load.py [--requests 400] [--concurrency 8] [--rush-concurrency 8]
    .venv/bin/python bench/load.py --rush-only
    .venv/bin/python bench/load.py --pages-only [--database SQLite|PostgreSQL] [--requests 100]

The load generator is a pool of threads, each with one keep-alive HTTP connection, that sends a
fixed number of requests and stops: it needs no extra dependency (locust would bring gevent and a
web UI) and its own cost is small next to a Django request.
"""

import argparse
import ipaddress
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import redis

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = 2
THREADS = 4
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = (
    urlsplit(os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379")._replace(path="/14").geturl()
)
RESULTS = BASE_DIR / "bench" / "results.md"
TRIVIAL_URL = "/bench/trivial/"
# Wagtail's routing and view-restriction check for the event page, with a constant body.
WAGTAIL_FLOOR_URL = "/bench/wagtail-floor/"
# Issue 18's targets for uncached pages, as a share of the Wagtail floor's requests per second.
FLOOR_TARGETS = {"event page": 0.5, "home page": 0.5, "speaker page": 0.7}
API_EVENT_LIST = "/api/v2/pages/?type=events.EventPage"

# The registration rush: this many visitors for this many places, started within RUSH_SECONDS
# (a visitor not started by then is not started at all), each request given REQUEST_TIMEOUT.
RUSH_VISITORS = 300
RUSH_PLACES = 100
RUSH_SECONDS = 60
# As many visitors at a time as gunicorn has threads: more would not load the server harder, only
# queue in front of it, and the latencies would measure the queue (and risk the 60 s).
RUSH_CONCURRENCY = WORKERS * THREADS
REQUEST_TIMEOUT = 30
# The site counts registrations per client address; without TRUSTED_PROXIES that is the
# connecting address, so visitor n connects from FIRST_VISITOR_ADDRESS + n (all of 127.0.0.0/8
# is loopback on Linux).
FIRST_VISITOR_ADDRESS = ipaddress.ip_address("127.0.0.2")
RUSH_HEADING = "## Registration rush"

FIND_URLS = """
import json
from wagtail.models import Page
from events.models import EventPage
from speakers.models import SpeakerPage

def path_of(model):
    page = model.objects.live().filter(locale__language_code="de", alias_of=None).first()
    return page.get_url_parts()[2]

print(json.dumps({
    "home page": "/de/",
    "event page": path_of(EventPage),
    "speaker page": path_of(SpeakerPage),
}))
"""

# The seed event becomes upcoming and its German form opens with RUSH_PLACES places. Only the
# German form is changed: it owns the schedule and the places, and the rush uses only it.
PREPARE_RUSH = """
import json
import os

from bench.seed_event import open_registration

form_page = open_registration(int(os.environ["RUSH_PLACES"]))
print(json.dumps({"path": form_page.get_url_parts()[2], "page_id": form_page.pk}))
"""

COUNT_REGISTRATIONS = """
import json
import os

from django.apps import apps
from django.db.models import Count

Registration = apps.get_model("events", "Registration")
# order_by(): the model's default ordering would otherwise split the groups by submit time.
counts = (
    Registration.objects.filter(page_id=int(os.environ["RUSH_PAGE_ID"]))
    .order_by()
    .values("status")
    .annotate(number=Count("pk"))
)
print(json.dumps({row["status"]: row["number"] for row in counts}))
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def postgres_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def postgres_admin(statement):
    import psycopg

    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as connection:
        connection.execute(statement)


@contextmanager
def temporary_postgres(purpose):
    """A new PostgreSQL database for one measurement, dropped afterwards; yields its URL."""
    name = f"reallabor_{purpose}_{os.getpid()}"
    postgres_admin(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES_SERVER}/{name}"
    finally:
        postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def shell_json(env, script):
    """Run a script in `manage.py shell` and return the JSON it prints last."""
    return json.loads(manage(env, "shell", "-v", "0", "-c", script).strip().splitlines()[-1])


def base_env(database_url, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "SITE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        "REDIS_URL": REDIS_URL,
        "DEFAULT_FROM_EMAIL": "bench@example.org",
        "PYTHONUNBUFFERED": "1",
    }


def prepare_database(env):
    """Tables, the seed content and the static files the production settings serve."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_reallabor_content")
    manage(env, "collectstatic", "--noinput")


class Server:
    """gunicorn with fixed workers and threads on a free port of 127.0.0.1."""

    def __init__(self, env, log_path):
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.port = free_port()
        self.log = open(log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "reallabor_site.wsgi:application",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={WORKERS}",
                f"--threads={THREADS}",
                "--worker-class=gthread",
                "--keep-alive=30",
                "--log-level=warning",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        self.wait_until_ready()

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped; see the log in the temporary directory")
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def get(port, path):
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("X-Cache")
    finally:
        connection.close()


def percentiles(latencies):
    """p50 and p95 in milliseconds."""
    if len(latencies) < 2:
        return (latencies[0] * 1000,) * 2 if latencies else (float("nan"),) * 2
    quantiles = statistics.quantiles(latencies, n=100)
    return quantiles[49] * 1000, quantiles[94] * 1000


def drive(port, path, requests, concurrency):
    """Send `requests` GETs for `path` from `concurrency` threads; return the measurements."""
    latencies, failures, hits = [], [], 0
    lock = threading.Lock()
    remaining = iter(range(requests))

    def worker():
        nonlocal hits
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        while True:
            with lock:
                if next(remaining, None) is None:
                    break
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    failures.append(response.status)
                hits += response.getheader("X-Cache") == "HIT"
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    duration = time.perf_counter() - started
    p50, p95 = percentiles(latencies)
    return {
        "rps": len(latencies) / duration,
        "p50": p50,
        "p95": p95,
        "failures": len(failures),
        "hits": hits,
        "requests": len(latencies),
    }


def measure_database(label, database_url, workdir, args):
    static_root = workdir / "static"
    env = base_env(database_url, static_root)
    prepare_database(env)
    targets = shell_json(env, FIND_URLS)
    form_page = shell_json({**env, "RUSH_PLACES": str(RUSH_PLACES)}, PREPARE_RUSH)
    targets["registration form page"] = form_page["path"]
    rows = []
    for cache_label, seconds in (("on", "300"), ("off", "0")):
        # "off" turns off the API's response cache too, so the API row measures a real miss.
        caches = {"PAGE_CACHE_SECONDS": seconds, "API_CACHE_MAX_AGE": seconds}
        server = Server({**env, **caches}, workdir / "gunicorn.log")
        try:
            paths = {"trivial view": TRIVIAL_URL}
            if cache_label == "off":
                # With the page cache on, the floor would be served from the cache like any page.
                floor = WAGTAIL_FLOOR_URL + targets["event page"].removeprefix("/de/")
                paths["Wagtail floor"] = floor
            paths.update(targets)
            if get(server.port, API_EVENT_LIST)[0] == 200:
                paths["API event list"] = API_EVENT_LIST
            for name, path in paths.items():
                # Warm up every worker and thread: templates, URL resolvers, the page cache.
                drive(server.port, path, WORKERS * THREADS * 4, args.concurrency)
                result = drive(server.port, path, args.requests, args.concurrency)
                rows.append({"database": label, "cache": cache_label, "page": name, **result})
                print(format_row(rows[-1], rows), flush=True)
        finally:
            server.stop()
    return rows


def measure_pages(workdir, args):
    """The page table on SQLite and PostgreSQL; returns its rows and notes."""
    notes = []
    print(HEADER)
    print(RULE)
    rows = []
    if args.database != "PostgreSQL":
        rows += measure_database("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", workdir, args)
    if args.database == "SQLite":
        return rows, notes
    if postgres_reachable():
        with temporary_postgres("bench") as database_url:
            rows += measure_database("PostgreSQL", database_url, workdir, args)
    else:
        notes.append("PostgreSQL at 127.0.0.1:5432 did not answer; only SQLite was measured.")
    if not any(row["page"] == "API event list" for row in rows):
        notes.append(f"No API event list row: {API_EVENT_LIST} does not exist on this branch.")
    return rows, notes


def reference_rps(row, rows, page):
    """The req/s of `page` measured with the same database and cache setting, else None."""
    for other in rows:
        if (other["database"], other["cache"], other["page"]) == (
            row["database"],
            row["cache"],
            page,
        ):
            return other["rps"]
    return None


def trivial_rps(row, rows):
    return reference_rps(row, rows, "trivial view") or row["rps"]


def floor_ratio(row, rows):
    """req/s as a share of the Wagtail floor's in the same run; None where no floor was measured
    (with the cache on) or for the reference rows themselves."""
    if row["page"] in ("trivial view", "Wagtail floor"):
        return None
    floor = reference_rps(row, rows, "Wagtail floor")
    return row["rps"] / floor if floor else None


HEADER = (
    "| database | cache | page | req/s | p50 ms | p95 ms | ratio to trivial | "
    "ratio to Wagtail floor | cache hits | errors |"
)
RULE = "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"


def format_row(row, rows):
    ratio = row["rps"] / trivial_rps(row, rows)
    to_floor = floor_ratio(row, rows)
    return (
        f"| {row['database']} | {row['cache']} | {row['page']} | {row['rps']:.0f} | "
        f"{row['p50']:.1f} | {row['p95']:.1f} | {ratio:.2f} | "
        f"{'–' if to_floor is None else f'{to_floor:.2f}'} | "
        f"{row['hits']}/{row['requests']} | {row['failures']} |"
    )


def floor_lines(rows):
    """Uncached pages as a share of the Wagtail floor, against issue 18's targets."""
    lines = [
        "| database | page | ratio to Wagtail floor | target | met |",
        "|---|---|---:|---:|---|",
    ]
    for row in rows:
        to_floor = floor_ratio(row, rows)
        if row["cache"] != "off" or to_floor is None or row["page"] == "API event list":
            continue
        target = FLOOR_TARGETS.get(row["page"])
        met = "–" if target is None else ("yes" if to_floor >= target else "**no**")
        lines.append(
            f"| {row['database']} | {row['page']} | {to_floor:.2f} | "
            f"{'–' if target is None else f'{target:.2f}'} | {met} |"
        )
    return lines


class PostFormParser(HTMLParser):
    """The fields of a page's first POST form, as a browser sees them."""

    def __init__(self):
        super().__init__()
        self.action = None
        self.fields = []
        self._state = "before"
        self._select = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form" and self._state == "before":
            if (attributes.get("method") or "").lower() == "post":
                self._state = "inside"
                self.action = attributes.get("action")
        elif self._state != "inside":
            return
        elif tag in ("input", "select", "textarea") and attributes.get("name"):
            field = {
                "tag": tag,
                "name": attributes["name"],
                "type": (attributes.get("type") or "text").lower() if tag == "input" else tag,
                "required": "required" in attributes,
                "value": attributes.get("value"),
                "options": [],
            }
            self.fields.append(field)
            self._select = field if tag == "select" else None
        elif tag == "option" and self._select is not None:
            self._select["options"].append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form" and self._state == "inside":
            self._state = "after"
        elif tag == "select":
            self._select = None


def post_form(html):
    parser = PostFormParser()
    parser.feed(html)
    parser.close()
    return parser


def registration_data(fields, number):
    """What visitor `number` fills in: every required field, a distinct e-mail address, the
    consent, the hidden CSRF token; optional fields (the honeypot among them) stay empty."""
    data = {}
    for field in fields:
        name, kind = field["name"], field["type"]
        if kind == "hidden":
            data.setdefault(name, field["value"] or "")
        elif kind == "email":
            data.setdefault(name, f"rush-{number}@example.org")
        elif not field["required"]:
            continue
        elif kind in ("checkbox", "radio"):
            data.setdefault(name, field["value"] or "on")
        elif kind == "select":
            data.setdefault(name, next((value for value in field["options"] if value), ""))
        else:
            data.setdefault(name, f"Rush {number}")
    return data


def timed_request(connection, method, url, body=None, headers=None):
    """Send one request on `connection`: its response, the response's text and the seconds taken."""
    started = time.perf_counter()
    connection.request(method, url, body, headers or {})
    response = connection.getresponse()
    text = response.read().decode(errors="replace")
    return response, text, time.perf_counter() - started


def visit(port, path, number):
    """One visitor: load the form page from its own address, then register with what it shows."""
    address = str(FIRST_VISITOR_ADDRESS + number)
    result = {"get_status": None, "post_status": None}
    connection = HTTPConnection(
        "127.0.0.1", port, timeout=REQUEST_TIMEOUT, source_address=(address, 0)
    )
    try:
        response, page, result["get_seconds"] = timed_request(connection, "GET", path)
        result["get_status"] = response.status
        if response.status != 200:
            result["outcome"] = f"form page answered {response.status}"
            return result
        form = post_form(page)
        cookies = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.load(header)
        if not form.fields or "csrftoken" not in cookies:
            result["outcome"] = "no form or no CSRF cookie on the form page"
            return result
        origin = f"http://127.0.0.1:{port}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken'].value}",
            "Origin": origin,
            "Referer": origin + path,
        }
        body = urlencode(registration_data(form.fields, number))
        response, answer, result["post_seconds"] = timed_request(
            connection, "POST", form.action or path, body, headers
        )
        result["post_status"] = response.status
        if response.status != 200:
            result["outcome"] = f"registration answered {response.status}"
        elif post_form(answer).fields:
            # A refused registration shows the form again; the thank-you page has none.
            result["outcome"] = "registration refused, the form shown again"
        else:
            result["outcome"] = "registered"
    except OSError as error:
        result["outcome"] = f"connection error: {type(error).__name__}"
    finally:
        connection.close()
    return result


def rush(port, path, concurrency):
    """RUSH_VISITORS visitors, `concurrency` at a time, each as soon as a slot is free; none
    starts after RUSH_SECONDS. Returns the visitors' results and the rush's duration."""
    results = []
    lock = threading.Lock()
    numbers = iter(range(RUSH_VISITORS))
    started = time.monotonic()
    deadline = started + RUSH_SECONDS

    def worker():
        while time.monotonic() < deadline:
            with lock:
                number = next(numbers, None)
            if number is None:
                return
            outcome = visit(port, path, number)
            with lock:
                results.append(outcome)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, time.monotonic() - started


def registration_rush(workdir, args):
    """The rush on a temporary PostgreSQL database; None when PostgreSQL does not answer."""
    if not postgres_reachable():
        return None
    log_path = workdir / "rush-gunicorn.log"
    with temporary_postgres("rush") as database_url:
        # Without TRUSTED_PROXIES the site counts registrations per connecting address, which is
        # what the visitors' own addresses rely on.
        env = {**base_env(database_url, workdir / "static"), "TRUSTED_PROXIES": ""}
        prepare_database(env)
        form_page = shell_json({**env, "RUSH_PLACES": str(RUSH_PLACES)}, PREPARE_RUSH)
        server = Server(env, log_path)
        try:
            # Warm up every worker and thread (templates, URL resolvers) with GETs from 127.0.0.1.
            warm_up = drive(server.port, form_page["path"], WORKERS * THREADS * 4, args.concurrency)
            visitors, duration = rush(server.port, form_page["path"], args.rush_concurrency)
        finally:
            server.stop()
        counts = shell_json({**env, "RUSH_PAGE_ID": str(form_page["page_id"])}, COUNT_REGISTRATIONS)
    errors = logged_errors(log_path)
    if errors:
        print("\ngunicorn's log, errors (last 40):", file=sys.stderr)
        print("\n".join(errors[-40:]), file=sys.stderr)
    return summarise(visitors, duration, counts, warm_up, errors, args.rush_concurrency)


def logged_errors(log_path):
    """The lines of gunicorn's log that report an error: the site's JSON lines at ERROR or above
    (a registration e-mail that failed answers 200 but logs one), gunicorn's own, tracebacks."""
    errors = []
    for line in log_path.read_text(errors="replace").splitlines():
        try:
            level = json.loads(line).get("level")
        except (ValueError, AttributeError):
            level = None
        if level in ("ERROR", "CRITICAL") or "[ERROR]" in line or "[CRITICAL]" in line:
            errors.append(line)
        elif line.startswith("Traceback"):
            errors.append(line)
    return errors


def summarise(visitors, duration, counts, warm_up, errors, concurrency):
    get_p50, get_p95 = percentiles([v["get_seconds"] for v in visitors if "get_seconds" in v])
    post_p50, post_p95 = percentiles([v["post_seconds"] for v in visitors if "post_seconds" in v])
    statuses = Counter(
        status
        for visitor in visitors
        for status in (visitor["get_status"], visitor["post_status"])
        if status is not None
    )
    server_errors = sum(number for status, number in statuses.items() if status >= 500)
    outcomes = Counter(v["outcome"] for v in visitors if v["outcome"] != "registered")
    confirmed = counts.get("confirmed", 0)
    waiting = counts.get("waiting_list", 0)
    failures = []
    if len(visitors) < RUSH_VISITORS:
        failures.append(f"only {len(visitors)} of {RUSH_VISITORS} visitors within {RUSH_SECONDS} s")
    if confirmed != RUSH_PLACES:
        failures.append(f"{confirmed} confirmed, expected {RUSH_PLACES}")
    if waiting != RUSH_VISITORS - RUSH_PLACES:
        failures.append(f"{waiting} on the waiting list, expected {RUSH_VISITORS - RUSH_PLACES}")
    others = {
        status: n for status, n in counts.items() if status not in ("confirmed", "waiting_list")
    }
    if others:
        failures.append(f"other registrations in the database: {others}")
    if server_errors:
        failures.append(f"{server_errors} answers with a 5xx status")
    if warm_up["failures"]:
        failures.append(f"{warm_up['failures']} warm-up GETs of the form page did not answer 200")
    if errors:
        failures.append(f"{len(errors)} errors in gunicorn's log")
    failures += [f"{number} visitors: {outcome}" for outcome, number in outcomes.items()]
    return {
        "concurrency": concurrency,
        "visitors": len(visitors),
        "duration": duration,
        "get": (get_p50, get_p95),
        "post": (post_p50, post_p95),
        "registrations per second": sum(counts.values()) / duration,
        "confirmed": confirmed,
        "waiting": waiting,
        "server errors": server_errors,
        "logged errors": len(errors),
        "statuses": dict(sorted(statuses.items())),
        "failures": failures,
    }


def rush_lines(result):
    """The rush's section of bench/results.md, also printed."""
    if result is None:
        return [
            RUSH_HEADING,
            "",
            "Not run: PostgreSQL at 127.0.0.1:5432 did not answer.",
        ]
    load = os.getloadavg()
    statuses = ", ".join(f"{number}× {status}" for status, number in result["statuses"].items())
    verdict = (
        "**FAIL**: " + "; ".join(result["failures"])
        if result["failures"]
        else f"PASS: exactly {RUSH_PLACES} confirmed and {RUSH_VISITORS - RUSH_PLACES} on the "
        "waiting list, no 5xx."
    )
    return [
        RUSH_HEADING,
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        "after the rush.",
        "",
        f"PostgreSQL (a temporary database), gunicorn with production settings, {WORKERS} "
        f"workers × {THREADS} threads (gthread). The seed event moved into the future, its German "
        f"registration form open with {RUSH_PLACES} places and no double opt-in. "
        f"{RUSH_VISITORS} visitors, {result['concurrency']} at a time, each starting as soon as "
        f"one finishes (none after {RUSH_SECONDS} s), after a warm-up of GETs: each connects "
        f"from its own loopback address ({FIRST_VISITOR_ADDRESS} upwards), loads the German form "
        "page, keeps its CSRF cookie and token and posts a registration with its own e-mail "
        "address and every required field. E-mails are built but kept in memory "
        "(bench/settings.py). Counts read from the database afterwards.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| visitors | {result['visitors']} in {result['duration']:.1f} s |",
        f"| form page (GET) p50 / p95 ms | {result['get'][0]:.1f} / {result['get'][1]:.1f} |",
        f"| registration (POST) p50 / p95 ms | {result['post'][0]:.1f} / {result['post'][1]:.1f} |",
        f"| registrations per second | {result['registrations per second']:.1f} |",
        f"| confirmed | {result['confirmed']} (expected {RUSH_PLACES}) |",
        f"| waiting list | {result['waiting']} (expected {RUSH_VISITORS - RUSH_PLACES}) |",
        f"| 5xx answers | {result['server errors']} |",
        f"| errors in gunicorn's log | {result['logged errors']} |",
        f"| answers | {statuses or 'none'} |",
        "",
        verdict,
    ]


def page_lines(rows, args, notes):
    """The page table's part of bench/results.md."""
    load = os.getloadavg()
    return [
        "# Load benchmark (`make bench`)",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node() or 'this machine'}: "
        f"{os.cpu_count()} CPUs, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        "after the run (the machine was shared with other jobs, so absolute figures vary; "
        "compare the ratios).",
        "",
        f"gunicorn with production settings, {WORKERS} workers × {THREADS} threads (gthread) on "
        f"127.0.0.1; {args.requests} requests per row from {args.concurrency} concurrent "
        "keep-alive connections, after a warm-up. Page cache: Django's cache "
        "(Redis, emptied before each server starts), "
        "PAGE_CACHE_SECONDS and API_CACHE_MAX_AGE both 300 (on) or 0 (off); 'cache hits' counts "
        "the page cache's X-Cache header, which API responses do not carry. Pages in German, "
        "from the seed content. 'Wagtail floor' is Wagtail's own serve path for the event page "
        "(site lookup, routing, view-restriction check) with a constant body instead of the "
        "page's template: the least any uncached page of a Wagtail site costs (bench/urls.py; "
        "measured with the cache off only). The seed event is moved into the future with its "
        "German registration form open, as for the rush below, so the event and home pages show "
        "an open registration and the registration form page (never cached: it carries a CSRF "
        "token) shows its form.",
        "",
        HEADER,
        RULE,
        *(format_row(row, rows) for row in rows),
        "",
        "Uncached pages as a share of the Wagtail floor measured in the same run (issue 18's "
        "targets: event and home page 0.5, speaker page 0.7):",
        "",
        *floor_lines(rows),
        *([""] + notes if notes else []),
    ]


def previous_page_lines():
    """The page table of the last full run, kept by --rush-only."""
    if not RESULTS.exists():
        return ["# Load benchmark (`make bench`)", "", "No page table yet: run `make bench`."]
    text = RESULTS.read_text().split(f"\n{RUSH_HEADING}")[0]
    return text.rstrip("\n").splitlines()


def previous_rush_lines():
    """The rush section of the last run, kept by --pages-only."""
    if not RESULTS.exists() or f"\n{RUSH_HEADING}" not in RESULTS.read_text():
        return [RUSH_HEADING, "", "Not run yet: run `make bench` or `make bench-rush`."]
    section = RESULTS.read_text().split(f"\n{RUSH_HEADING}", 1)[1].strip("\n")
    return [RUSH_HEADING, "", *section.splitlines()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--rush-concurrency",
        type=int,
        default=RUSH_CONCURRENCY,
        help="visitors of the registration rush at a time",
    )
    parser.add_argument(
        "--rush-only",
        action="store_true",
        help="run only the registration rush; bench/results.md keeps its page table",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="measure only the pages, not the rush; bench/results.md keeps its rush section",
    )
    parser.add_argument(
        "--database",
        choices=("SQLite", "PostgreSQL"),
        help="measure the pages on this database only (with --pages-only)",
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="reallabor-bench-"))
    try:
        pages = None
        if not args.rush_only:
            rows, notes = measure_pages(workdir, args)
            pages = page_lines(rows, args, notes)
            print("\n" + "\n".join(floor_lines(rows)), flush=True)
            if args.pages_only:
                RESULTS.write_text("\n".join([*pages, "", *previous_rush_lines()]) + "\n")
                print(f"\nWritten to {RESULTS.relative_to(BASE_DIR)}")
                return
        print(f"\nRegistration rush: {RUSH_VISITORS} visitors for {RUSH_PLACES} places", flush=True)
        result = registration_rush(workdir, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    section = rush_lines(result)
    print("\n".join(section[2:]))
    if result is None and args.rush_only:
        print("Registration rush skipped; bench/results.md is unchanged.")
        return
    RESULTS.write_text("\n".join([*(pages or previous_page_lines()), "", *section]) + "\n")
    print(f"\nWritten to {RESULTS.relative_to(BASE_DIR)}")
    if result and result["failures"]:
        print(
            f"\nFAIL: registration rush: {'; '.join(result['failures'])}",
            file=sys.stderr,
        )
        sys.exit(1)


if __name__ == "__main__":
    main()
