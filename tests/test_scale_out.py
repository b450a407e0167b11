"""deploy.md's "More than one app server": two gunicorn servers on ports of their own, sharing
PostgreSQL, Redis and an S3 bucket, behave as one site.

Like a load balancer, the tests send each request to one server or the other: anonymous visitors
with the site's public host name (so both servers look up the same page cache entries) and, for
registrations, the client's address in X-Forwarded-For; the editor through server A's admin,
signed in over HTTP with a session cookie. The bucket is moto's S3
server, started by the tests in this process, made publicly readable as deploy.md asks.

Needs PostgreSQL (DATABASE_URL) and Redis at REDIS_URL's server (default 127.0.0.1:6379), where
it empties and uses database 13 (so two runs at once on one Redis disturb each other). Without
them the tests are skipped, except in CI (CI=true), where they fail.
"""

import importlib.util
import io
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from urllib.parse import urlsplit

import boto3
import psycopg
import pytest
import redis
import requests
from PIL import Image

from tests.site_processes import (
    NEEDS_POSTGRESQL,
    USES_POSTGRESQL,
    database_copy,
    database_url,
    gunicorn_servers,
    manage_ok,
    redis_missing,
    redis_url,
)

pytestmark = pytest.mark.skipif(not USES_POSTGRESQL, reason=NEEDS_POSTGRESQL)

REDIS_URL = redis_url(13)
SITE_HOST = "reallabor.example.org"
BUCKET = "reallabor-media"
S3_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGISTRATION_LIMIT = 4
API_TOKEN = "scale-out-test-token"
EDITOR = ("redaktion", "Scale-out-Passwort-2026")
LOGO_COLOUR = (0, 90, 160)


def _why_services_are_missing():
    if importlib.util.find_spec("moto") is None:
        return "moto is not installed (pip install -e '.[dev]')"
    try:
        psycopg.connect(database_url("postgres"), connect_timeout=3).close()
    except psycopg.OperationalError as error:
        return f"PostgreSQL at DATABASE_URL is not reachable: {error}"
    return redis_missing(REDIS_URL)


@pytest.fixture(scope="session")
def services():
    reason = _why_services_are_missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(f"Scale-out tests cannot run in CI: {reason}")
    if reason:
        pytest.skip(reason)
    # Renditions are cached under the image's id, which the next run's database gives to another
    # image: a cache left from an earlier run would point to files of a bucket that is gone.
    redis.Redis.from_url(REDIS_URL).flushdb()


@pytest.fixture(scope="module")
def bucket(services):
    """The URL of moto's S3 server with an empty, publicly readable bucket."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **S3_CREDENTIALS)
    s3.create_bucket(Bucket=BUCKET)
    public_read = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{BUCKET}/*",
            }
        ],
    }
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(public_read))
    try:
        yield endpoint
    finally:
        server.stop()


@pytest.fixture(scope="module")
def servers(services, deployed_template_database, collected_static, bucket, tmp_path_factory):
    """Servers A and B: the same environment, each on a port of its own."""
    with (
        database_copy(deployed_template_database, "reallabor_scale_out") as database,
        ThreadPoolExecutor() as background,
    ):
        username, password = EDITOR
        # While the servers start: both take seconds, mostly to import Django and Wagtail.
        editor_created = background.submit(
            manage_ok,
            "createsuperuser",
            "--noinput",
            f"--username={username}",
            "--email=redaktion@example.org",
            url=database,
            DJANGO_SUPERUSER_PASSWORD=password,
        )
        with gunicorn_servers(
            2,
            tmp_path_factory.mktemp("logs"),
            DATABASE_URL=database,
            STATIC_ROOT=str(collected_static),
            ALLOWED_HOSTS=f"127.0.0.1,{SITE_HOST}",
            REDIS_URL=REDIS_URL,
            AWS_STORAGE_BUCKET_NAME=BUCKET,
            AWS_S3_ENDPOINT_URL=bucket,
            AWS_S3_REGION_NAME="us-east-1",
            AWS_ACCESS_KEY_ID=S3_CREDENTIALS["aws_access_key_id"],
            AWS_SECRET_ACCESS_KEY=S3_CREDENTIALS["aws_secret_access_key"],
            # The load balancer, which names the client in X-Forwarded-For, is this process.
            TRUSTED_PROXIES="127.0.0.1",
            REGISTRATION_ATTEMPT_RATE=f"{REGISTRATION_LIMIT}/h",
            REGISTRATION_API_TOKENS=API_TOKEN,
        ) as (server_a, server_b):
            editor_created.result()
            yield server_a, server_b
        for server in (server_a, server_b):
            assert "Traceback" not in server.log_path.read_text(), server.log_path.read_text()


def visit(server, path):
    """An anonymous visitor's request, forwarded to `server` by the load balancer."""
    return requests.get(f"{server.url}{path}", headers={"Host": SITE_HOST}, timeout=30)


def find_page(server, page_type, locale):
    """(id, path) of the one page of `page_type` in `locale`, from the public API."""
    query = {"type": page_type, "locale": locale}
    response = requests.get(f"{server.url}/api/v2/pages/", params=query, timeout=30)
    [page] = response.json()["items"]
    return page["id"], urlsplit(page["meta"]["html_url"]).path


class FormFields(HTMLParser):
    """What a browser submits with the form posting to `action`, before the user changes it."""

    def __init__(self, action):
        super().__init__()
        self.action = action
        self.in_form = False
        self.select = self.textarea = None
        self.fields = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.in_form = attrs.get("action") == self.action
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.fields.append([name, attrs.get("value", default)])
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
            self.fields.append(self.textarea)
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append([self.select, attrs.get("value", "")])

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            # Browsers drop the line break that follows <textarea>.
            self.textarea[1] = self.textarea[1].removeprefix("\n")
            self.textarea = None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data


class EditorBrowser:
    """An editor signed in to the admin of one server.

    Keeps cookies by hand: the production settings mark them Secure, and HTTP clients send those
    only over HTTPS, which the TLS proxy in front of the servers would provide.
    """

    def __init__(self, server):
        self.server = server
        self.cookies = {}
        username, password = EDITOR
        response = self.submit("/admin/login/", {"username": username, "password": password})
        assert response.headers["Location"] == "/admin/", "the editor could not sign in"

    def request(self, method, path, **kwargs):
        cookies = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = requests.request(
            method,
            f"{self.server.url}{path}",
            headers={"Cookie": cookies},
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        return response

    def submit(self, path, changes, files=None):
        """Open the form at `path`, change some fields, send it; returns the answer."""
        form = self.request("GET", path)
        assert form.status_code == 200, f"GET {path}: {form.status_code}"
        parser = FormFields(path)
        parser.feed(form.text)
        kept = [(name, value) for name, value in parser.fields if name not in changes]
        return self.request("POST", path, data=[*kept, *changes.items()], files=files)


def png(width, height):
    image = io.BytesIO()
    Image.new("RGB", (width, height), LOGO_COLOUR).save(image, "PNG")
    return image.getvalue()


@pytest.fixture(scope="module")
def uploaded_image(servers):
    """An image the editor uploads through server A's admin: (id, file content)."""
    server_a, _ = servers
    content = png(600, 300)
    title = "Logo des Kreises Soest"
    editor = EditorBrowser(server_a)
    response = editor.submit(
        "/admin/images/add/",
        {"title": title},
        files={"file": ("kreis-soest.png", content, "image/png")},
    )
    assert response.status_code == 302, "the upload was refused"
    listing = editor.request("GET", "/admin/images/", params={"q": title})
    [image_id] = re.findall(r'href="/admin/images/(\d+)/\?next=', listing.text)
    return image_id, content


def test_a_page_cached_through_one_server_is_served_from_the_cache_by_the_other(servers):
    server_a, server_b = servers
    _, path = find_page(server_b, "speakers.SpeakerIndexPage", "de")

    first = visit(server_a, path)
    second = visit(server_b, path)

    assert (first.status_code, first.headers["X-Cache"]) == (200, "MISS")
    assert (second.status_code, second.headers["X-Cache"]) == (200, "HIT")
    assert second.text == first.text


def test_a_publish_through_one_server_is_shown_at_once_by_the_other(servers):
    server_a, server_b = servers
    page_id, path = find_page(server_b, "events.EventIndexPage", "de")
    introduction = "Neu im Programm: die Termine für 2027."
    visit(server_b, path)
    assert visit(server_b, path).headers["X-Cache"] == "HIT"

    published = EditorBrowser(server_a).submit(
        f"/admin/pages/{page_id}/edit/",
        {"introduction": introduction, "action-publish": "action-publish"},
    )
    after = visit(server_b, path)

    assert published.status_code == 302, "the publish was refused"
    assert introduction in after.text
    assert after.headers["X-Cache"] == "MISS"


def submissions(servers, page_id, client):
    """Send one more registration than the limit allows from `client`, to `servers` in turn, as
    the load balancer forwards them; returns (status, JSON body) of each answer.
    """
    headers = {"Authorization": f"Bearer {API_TOKEN}", "X-Forwarded-For": client}
    answers = []
    for number in range(REGISTRATION_LIMIT + 1):
        server = servers[number % len(servers)]
        url = f"{server.url}/api/registrations/{page_id}/"
        response = requests.post(url, json={}, headers=headers, timeout=30)
        answers.append((response.status_code, response.json()))
    return answers


def test_registration_rate_limit_counts_submissions_to_both_servers_together(servers):
    server_a, server_b = servers
    page_id, _ = find_page(server_b, "events.RegistrationFormPage", "uk")

    # The seed event's registration has closed: each submission is answered 410, and counts as a
    # post all the same (REGISTRATION_ATTEMPT_RATE). Two clients, so each has a count of its own.
    to_one_server = submissions([server_a], page_id, "203.0.113.10")
    to_both_in_turn = submissions([server_a, server_b], page_id, "203.0.113.20")

    statuses = [status for status, _ in to_both_in_turn]
    assert statuses == [status for status, _ in to_one_server]
    assert 429 not in statuses[:REGISTRATION_LIMIT]
    status, body = to_both_in_turn[REGISTRATION_LIMIT]
    assert status == 429
    assert body["error"].startswith(
        "З вашого з’єднання за короткий час надіслано багато реєстрацій"
    )


def test_an_image_uploaded_through_one_server_is_stored_in_the_bucket(bucket, uploaded_image):
    _, content = uploaded_image
    s3 = boto3.client("s3", endpoint_url=bucket, region_name="us-east-1", **S3_CREDENTIALS)
    [stored] = s3.list_objects_v2(Bucket=BUCKET, Prefix="original_images/")["Contents"]
    assert s3.get_object(Bucket=BUCKET, Key=stored["Key"])["Body"].read() == content


def test_the_other_server_shows_the_uploaded_image_from_the_bucket(servers, bucket, uploaded_image):
    server_a, server_b = servers
    image_id, _ = uploaded_image
    editor = EditorBrowser(server_a)
    # The settings of the default site; the admin redirects to them.
    settings_form = editor.request("GET", "/admin/settings/home/sitesettings/").headers["Location"]
    saved = editor.submit(settings_form, {"organiser_logo": image_id})
    assert saved.status_code == 302, "the site settings were not saved"

    # The logo's rendition is made from the original in the bucket and stored there too.
    page = visit(server_b, "/de/")

    [source] = re.findall(r'<img [^>]*src="([^"]+)"', page.text.split("<footer", 1)[1])
    assert source.startswith(f"{bucket}/{BUCKET}/images/")
    logo = requests.get(source, timeout=30)
    assert logo.status_code == 200
    rendition = Image.open(io.BytesIO(logo.content))
    assert rendition.size == (240, 120)
    assert rendition.getpixel((120, 60)) == LOGO_COLOUR
