"""Lighthouse's SEO, best-practices and accessibility scores of the home, event and registration
form pages in German and Ukrainian, served as in production.

The seed site (an SQLite file in a temporary directory) runs under gunicorn with the production
settings, WhiteNoise and collected static files, on SITE_URL http://127.0.0.1:<port>; its 2023
conference is moved 30 days ahead and its registration opened, so the form page shows its form.
Lighthouse (npm, installed into .venv/lighthouse) drives Debian's Chromium (CHROME_PATH, default
/usr/bin/chromium) with its default mobile emulation.

    npm install --prefix .venv/lighthouse lighthouse@13.5.0   # once (make lighthouse does both)
    .venv/bin/python -m bench.lighthouse [--keep-reports DIR]

Prints one line per page and category and exits with 1 unless every score is 100, naming the
audits that failed. Needs Redis like the production settings (database 14 of REDIS_URL's server).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.load import BASE_DIR, PYTHON, base_env, free_port, get, manage, shell_json

LIGHTHOUSE = BASE_DIR / ".venv" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("seo", "best-practices", "accessibility")
LANGUAGES = ("de", "uk")

# The conference becomes upcoming with an open registration; prints the pages to measure.
PREPARE = """
import json
from datetime import timedelta

from django.apps import apps
from django.conf import settings
from django.utils import timezone

RegistrationFormPage = apps.get_model("events", "RegistrationFormPage")
german_form = RegistrationFormPage.objects.live().get(
    locale__language_code=settings.LANGUAGE_CODE, alias_of=None
)
now = timezone.now()
for event in german_form.get_parent().specific.get_translations(inclusive=True).specific():
    event.start = now + timedelta(days=30)
    event.end = event.start + timedelta(hours=4)
    event.save_revision().publish()
german_form.registration_opens = None
german_form.registration_closes = now + timedelta(days=20)
german_form.save_revision().publish()

pages = {}
for language in ("de", "uk"):
    form = RegistrationFormPage.objects.live().get(
        translation_key=german_form.translation_key, locale__language_code=language
    )
    pages[f"home page ({language})"] = f"/{language}/"
    pages[f"event page ({language})"] = form.get_parent().url
    pages[f"form page ({language})"] = form.url
print(json.dumps(pages))
"""


def start_gunicorn(env, port, log_path):
    log = open(log_path, "ab")  # noqa: SIM115
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "reallabor_site.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--log-level=warning",
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=log,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped; see {log_path}")
        try:
            if get(port, "/healthz")[0] == 200:
                return process
        except OSError:
            time.sleep(0.3)
    process.terminate()
    raise RuntimeError("gunicorn did not answer /healthz in time")


def lighthouse(url, report_path, chrome_path):
    command = [
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        f"--output-path={report_path}",
        "--chrome-flags=--headless=new --no-sandbox",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chrome_path}
    subprocess.run(command, env=env, check=True, timeout=300)
    return json.loads(Path(report_path).read_text())


def failed_audits(report, category):
    audits = report["audits"]
    return [
        ref["id"]
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0 and audits[ref["id"]]["score"] not in (None, 1)
    ]


def measure(chrome_path=None, report_dir=None):
    """Serve the seed site and run Lighthouse on each page; yields (name, path, scores,
    seconds, {category: failed audits}) per page as it is measured."""
    chrome_path = chrome_path or os.environ.get("CHROME_PATH", "/usr/bin/chromium")
    if not LIGHTHOUSE.exists():
        raise FileNotFoundError(
            f"{LIGHTHOUSE} is missing: npm install --prefix .venv/lighthouse lighthouse"
        )
    with tempfile.TemporaryDirectory(prefix="reallabor-lighthouse-") as tmp:
        tmp = Path(tmp)
        port = free_port()
        env = base_env(f"sqlite:///{tmp / 'site.sqlite3'}", tmp / "static")
        env["SITE_URL"] = f"http://127.0.0.1:{port}"
        manage(env, "migrate", "--noinput")
        manage(env, "load_reallabor_content")
        manage(env, "apply_site_url")
        manage(env, "collectstatic", "--noinput")
        pages = shell_json(env, PREPARE)
        server = start_gunicorn(env, port, tmp / "gunicorn.log")
        try:
            for name, path in pages.items():
                report_path = tmp / f"{name.replace(' ', '-').replace('(', '').strip(')')}.json"
                started = time.monotonic()
                report = lighthouse(f"{env['SITE_URL']}{path}", report_path, chrome_path)
                seconds = time.monotonic() - started
                scores = {
                    category: round(report["categories"][category]["score"] * 100)
                    for category in CATEGORIES
                }
                failed = {
                    category: failed_audits(report, category)
                    for category, score in scores.items()
                    if score < 100
                }
                yield name, path, scores, seconds, failed
        finally:
            server.terminate()
            server.wait(timeout=30)
            if report_dir:
                report_dir.mkdir(parents=True, exist_ok=True)
                for report in tmp.glob("*.json"):
                    shutil.copy(report, report_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep-reports", type=Path, help="copy the JSON reports here")
    args = parser.parse_args()
    failures = []
    try:
        for name, path, scores, seconds, failed in measure(report_dir=args.keep_reports):
            print(
                f"{name:22} {path:70} "
                + "  ".join(f"{category} {score}" for category, score in scores.items())
                + f"  ({seconds:.0f} s)",
                flush=True,
            )
            failures += [(name, category, audits) for category, audits in failed.items()]
    except FileNotFoundError as error:
        sys.exit(str(error))
    for name, category, audits in failures:
        print(f"{name}: {category} below 100, failed audits: {', '.join(audits)}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
