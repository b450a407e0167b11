"""The limits count for the site, not per gunicorn worker: one app server with two workers, as the
container runs it (WEB_CONCURRENCY defaults to 2), with the production settings and their Redis.

With a memory cache per worker, "10 registrations per hour" would be 10 per worker; the
production settings refuse to start without REDIS_URL for that reason (tests/test_settings.py).

A keep-alive connection stays with the worker that accepted it, and the access log, written here
with the worker's process id, tells which one that is; so each test holds one connection to each
worker and alternates between them. The client connects from a loopback address of its own (all
of 127.0.0.0/8 is loopback on Linux): runs on one Redis within the hour keep separate counts.

Needs PostgreSQL (DATABASE_URL) and Redis (see site_processes); skipped without them, except in
CI, where it fails.
"""

import json
import random
import re
import time
import uuid
from collections import Counter
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.site_processes import (
    NEEDS_POSTGRESQL,
    USES_POSTGRESQL,
    database_copy,
    free_port,
    gunicorn_servers,
    manage_ok,
)

pytestmark = pytest.mark.skipif(not USES_POSTGRESQL, reason=NEEDS_POSTGRESQL)

REGISTRATIONS_PER_HOUR = 10
API_TOKEN = "worker-limits-test-token"
# gunicorn's access log with the process id of the worker that answered.
ACCESS_LOG_FORMAT = "pid=%(p)s request_id=%({x-request-id}o)s"
TOO_MANY_REGISTRATIONS = "Von Ihrem Anschluss wurden in kurzer Zeit viele Anmeldungen gesendet."
# AXES_FAILURE_LIMIT: the failure that reaches it is answered with the lockout already.
FAILURE_LIMIT = 5
SIGN_IN_BLOCKED = "Anmeldung gesperrt"

# The seed event becomes upcoming and its German form opens, without a limit of places, without
# double opt-in and without the organisers' notification; prints the form page's id and what a
# registrant fills in (every required field).
OPEN_REGISTRATION = """
import json

from django import forms
from django.contrib.auth.models import AnonymousUser

from bench.seed_event import open_registration

form_page = open_registration(capacity=None, to_address="")

answers = {}
for name, field in form_page.get_form(page=form_page, user=AnonymousUser()).fields.items():
    if not field.required:
        continue
    if isinstance(field, forms.BooleanField):
        answers[name] = True
    elif isinstance(field, forms.ChoiceField):
        answers[name] = next(value for value, _ in field.choices if value)
    else:
        answers[name] = "Test"
print(json.dumps(
    {"page_id": form_page.pk, "answers": answers, "email_field": form_page.email_field_name}
))
"""


def client_address():
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(2, 254)}"


@pytest.fixture(scope="module")
def site(deployed_template_database, collected_static, tmp_path_factory):
    """One gunicorn server with two workers, and the open form: (server, form)."""
    with database_copy(deployed_template_database, "reallabor_workers") as database:
        form = json.loads(manage_ok("shell", "-v", "0", "-c", OPEN_REGISTRATION, url=database))
        with gunicorn_servers(
            1,
            tmp_path_factory.mktemp("logs"),
            workers=2,
            # Connections stay open between the test's requests, however slow the machine.
            options=["--access-logformat", ACCESS_LOG_FORMAT, "--keep-alive", "60"],
            DATABASE_URL=database,
            STATIC_ROOT=str(collected_static),
            REGISTRATION_RATE=f"{REGISTRATIONS_PER_HOUR}/h",
            REGISTRATION_API_TOKENS=API_TOKEN,
            # A mail server that refuses at once: a failed e-mail keeps the registration.
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(free_port()),
            EMAIL_USE_TLS="false",
        ) as [server]:
            yield server, form
        log = server.log_path.read_text()
        assert "Traceback" not in log, log


class Connection:
    """One keep-alive HTTP connection from `address` to `server`."""

    def __init__(self, server, address):
        self.server = server
        self.http = HTTPConnection(
            "127.0.0.1", server.port, timeout=30, source_address=(address, 0)
        )

    def request(self, method, path, body=None, headers=None):
        """(status, headers, body, worker's process id) of the answer."""
        request_id = uuid.uuid4().hex
        self.http.request(method, path, body, {**(headers or {}), "X-Request-ID": request_id})
        response = self.http.getresponse()
        content = response.read().decode()
        return response.status, response.headers, content, self.worker_of(request_id)

    def worker_of(self, request_id, wait=10):
        # gunicorn writes the access line right after the answer, the id as `<1234>`.
        pattern = re.compile(rf"pid=<?(\d+)>? request_id={request_id}\b")
        deadline = time.monotonic() + wait
        while not (found := pattern.search(self.server.log_path.read_text())):
            assert time.monotonic() < deadline, f"no access log line for {request_id}"
            time.sleep(0.05)
        return int(found[1])

    def close(self):
        self.http.close()


def connections_to_both_workers(server, address, attempts=50):
    """A connection to each of the two workers, in order of their process ids."""
    by_worker = {}
    for _ in range(attempts):
        connection = Connection(server, address)
        status, _, _, worker = connection.request("GET", "/healthz")
        assert status == 200
        if worker in by_worker:
            connection.close()
        else:
            by_worker[worker] = connection
        if len(by_worker) == 2:
            return [by_worker[worker] for worker in sorted(by_worker)]
    pytest.fail(f"{attempts} connections were all accepted by one worker")


def register(connection, form, number):
    """Registrant `number` through the JSON endpoint; (status, JSON body, worker)."""
    answers = {**form["answers"], form["email_field"]: f"person-{number}@example.org"}
    status, _, body, worker = connection.request(
        "POST",
        f"/api/registrations/{form['page_id']}/",
        json.dumps(answers),
        {"Authorization": f"Bearer {API_TOKEN}", "Content-Type": "application/json"},
    )
    return status, json.loads(body), worker


def test_the_eleventh_registration_from_one_address_is_refused_by_either_worker(site):
    server, form = site
    connections = connections_to_both_workers(server, client_address())

    accepted = [
        register(connections[number % 2], form, number) for number in range(REGISTRATIONS_PER_HOUR)
    ]
    eleventh = [
        register(connection, form, REGISTRATIONS_PER_HOUR + number)
        for number, connection in enumerate(connections)
    ]

    # Five accepted by each worker: counted per worker, either would accept the eleventh.
    workers = sorted({worker for _, _, worker in accepted})
    assert [status for status, _, _ in accepted] == [201] * REGISTRATIONS_PER_HOUR
    assert Counter(worker for _, _, worker in accepted) == {worker: 5 for worker in workers}
    assert [(status, worker) for status, _, worker in eleventh] == [(429, w) for w in workers]
    assert all(body["error"].startswith(TOO_MANY_REGISTRATIONS) for _, body, _ in eleventh)


def sign_in(connection, username):
    """A sign-in with a wrong password through the admin's form, as a browser sends it:
    (status, page, worker) of the answer to the post."""
    status, headers, page, _ = connection.request("GET", "/admin/login/")
    assert status == 200
    cookies = SimpleCookie()
    for header in headers.get_all("Set-Cookie"):
        cookies.load(header)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    body = urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": "falsches-Passwort"}
    )
    status, _, page, worker = connection.request(
        "POST",
        "/admin/login/",
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookies['csrftoken'].value}",
        },
    )
    return status, page, worker


def test_failed_sign_ins_through_both_workers_lock_the_address_out_on_both(site):
    # django-axes counts failures in the database, so this needs no shared cache.
    server, _ = site
    connections = connections_to_both_workers(server, client_address())
    username = f"unbekannt-{uuid.uuid4().hex[:8]}"

    failed = [sign_in(connections[number % 2], username) for number in range(FAILURE_LIMIT - 1)]
    locked = [sign_in(connection, username) for connection in connections]

    workers = sorted({worker for _, _, worker in failed})
    assert [status for status, _, _ in failed] == [200] * (FAILURE_LIMIT - 1)
    assert len(workers) == 2
    assert [(status, worker) for status, _, worker in locked] == [(429, w) for w in workers]
    assert all(SIGN_IN_BLOCKED in page for _, page, _ in locked)
