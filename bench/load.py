"""Serve the site under gunicorn with the production settings and measure it under load.

For SQLite (a temporary file) and, when it answers, PostgreSQL (a temporary database that is
dropped afterwards), with the page cache on and off: requests per second and p50/p95 latency of a
trivial view (the limit of this stack on this machine), Wagtail's routing alone with a constant
body (the floor of any uncached Wagtail page), the home page, an event page and a speaker
page, each also as a ratio to the trivial view. Prints the table and writes it to bench/results.md.

    .venv/bin/python bench/load.py [--requests 400] [--concurrency 8]

The load generator is a pool of threads, each with one keep-alive HTTP connection, that sends a
fixed number of requests and stops: it needs no extra dependency (locust would bring gevent and a
web UI) and its own cost is small next to a Django request.
"""

import argparse
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
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORKERS = 2
THREADS = 4
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
RESULTS = BASE_DIR / "bench" / "results.md"
TRIVIAL_URL = "/bench/trivial/"
# Wagtail's routing and view-restriction check for the event page, with a constant body.
WAGTAIL_FLOOR_URL = "/bench/wagtail-floor/"
API_EVENT_LIST = "/api/v2/pages/?type=events.EventPage"

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


def base_env(database_url, static_root):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "WAGTAILADMIN_BASE_URL": "http://127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(static_root),
        # The page cache lives in each worker's memory unless REDIS_URL is set by the caller.
        "PYTHONUNBUFFERED": "1",
    }


class Server:
    """gunicorn with fixed workers and threads on a free port of 127.0.0.1."""

    def __init__(self, env, log_path):
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
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "rps": len(latencies) / duration,
        "p50": quantiles[49] * 1000,
        "p95": quantiles[94] * 1000,
        "failures": len(failures),
        "hits": hits,
        "requests": len(latencies),
    }


def measure_database(label, database_url, workdir, args):
    static_root = workdir / "static"
    env = base_env(database_url, static_root)
    manage(env, "migrate", "--noinput")
    manage(env, "load_reallabor_content")
    manage(env, "collectstatic", "--noinput")
    targets = json.loads(manage(env, "shell", "-v", "0", "-c", FIND_URLS).strip().splitlines()[-1])
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


def trivial_rps(row, rows):
    for other in rows:
        if (other["database"], other["cache"], other["page"]) == (
            row["database"],
            row["cache"],
            "trivial view",
        ):
            return other["rps"]
    return row["rps"]


HEADER = (
    "| database | cache | page | req/s | p50 ms | p95 ms | ratio to trivial | cache hits | errors |"
)
RULE = "|---|---|---|---:|---:|---:|---:|---:|---:|"


def format_row(row, rows):
    ratio = row["rps"] / trivial_rps(row, rows)
    return (
        f"| {row['database']} | {row['cache']} | {row['page']} | {row['rps']:.0f} | "
        f"{row['p50']:.1f} | {row['p95']:.1f} | {ratio:.2f} | "
        f"{row['hits']}/{row['requests']} | {row['failures']} |"
    )


def write_results(rows, args, notes):
    load = os.getloadavg()
    lines = [
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
        f"({'Redis' if os.environ.get('REDIS_URL') else 'local memory per worker'}), "
        "PAGE_CACHE_SECONDS and API_CACHE_MAX_AGE both 300 (on) or 0 (off); 'cache hits' counts "
        "the page cache's X-Cache header, which API responses do not carry. Pages in German, "
        "from the seed content. 'Wagtail floor' is Wagtail's own serve path for the event page "
        "(site lookup, routing, view-restriction check) with a constant body instead of the "
        "page's template: the least any uncached page of a Wagtail site costs (bench/urls.py; "
        "measured with the cache off only).",
        "",
        HEADER,
        RULE,
        *(format_row(row, rows) for row in rows),
        "",
        *notes,
    ]
    RESULTS.write_text("\n".join(lines) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()

    notes = []
    workdir = Path(tempfile.mkdtemp(prefix="reallabor-bench-"))
    databases = [("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", None)]
    if postgres_reachable():
        name = f"reallabor_bench_{os.getpid()}"
        databases.append(("PostgreSQL", f"{POSTGRES_SERVER}/{name}", name))
    else:
        notes.append("PostgreSQL at 127.0.0.1:5432 did not answer; only SQLite was measured.")
    print(HEADER)
    print(RULE)
    rows = []
    try:
        for label, url, postgres_name in databases:
            if postgres_name:
                postgres_admin(f'CREATE DATABASE "{postgres_name}"')
            try:
                rows += measure_database(label, url, workdir, args)
            finally:
                if postgres_name:
                    postgres_admin(f'DROP DATABASE IF EXISTS "{postgres_name}" WITH (FORCE)')
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    if not any(row["page"] == "API event list" for row in rows):
        notes.append(f"No API event list row: {API_EVENT_LIST} does not exist on this branch.")
    write_results(rows, args, notes)
    print(f"\nWritten to {RESULTS.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
