"""deploy.md followed on a real PostgreSQL: first deploy, backup and restore, database outage.

Each test talks to separate processes (manage.py, pg_dump, gunicorn) as an operator would. They
need PostgreSQL and are skipped elsewhere; CI runs the suite against PostgreSQL too.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.test_settings import VALID_PRODUCTION_ENV, manage

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith(("postgres://", "postgresql://")),
    reason="needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)",
)


def database_url(name, port=None):
    """DATABASE_URL's server and user, with another database name (and optionally port)."""
    parts = urlsplit(DATABASE_URL)
    netloc = parts.netloc if port is None else f"{parts.netloc.rsplit(':', 1)[0]}:{port}"
    return parts._replace(netloc=netloc, path=f"/{name}").geturl()


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command[0]} failed: {result.stderr}"
    return result


def manage_ok(*args, url):
    result = manage(*args, **{**VALID_PRODUCTION_ENV, "DATABASE_URL": url})
    assert result.returncode == 0, result.stderr
    return result.stdout


def create_database(name):
    run("psql", database_url("postgres"), "-c", f'CREATE DATABASE "{name}"')


def drop_database(name):
    run("psql", database_url("postgres"), "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def live_pages(url):
    code = (
        "import json; from wagtail.models import Page; print(json.dumps(sorted("
        "Page.objects.live().filter(depth__gt=1).values_list('locale__language_code', 'title'))))"
    )
    return [tuple(page) for page in json.loads(manage_ok("shell", "-v", "0", "-c", code, url=url))]


@pytest.fixture(scope="module")
def deployed_database():
    """A database set up as deploy.md's first deploy describes, with the project's content."""
    name = f"reallabor_deploy_{uuid.uuid4().hex[:8]}"
    create_database(name)
    url = database_url(name)
    try:
        manage_ok("migrate", "--noinput", url=url)
        manage_ok("load_reallabor_content", url=url)
        yield url
    finally:
        drop_database(name)


def test_backup_restores_into_a_fresh_database(deployed_database, tmp_path):
    dump = tmp_path / "reallabor.dump"
    run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", deployed_database)
    restored = f"reallabor_restore_{uuid.uuid4().hex[:8]}"
    create_database(restored)
    try:
        run("pg_restore", "--no-owner", f"--dbname={database_url(restored)}", str(dump))
        pages = live_pages(database_url(restored))
        assert ("de", "Veranstaltungen") in pages
        assert pages == live_pages(deployed_database)
    finally:
        drop_database(restored)


class CuttableTcpProxy:
    """Forwards 127.0.0.1:<port> to the database server until cut, like a network failure.

    While cut, open connections are dropped and new ones are closed as soon as they arrive.
    """

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.is_cut = threading.Event()
        self.open_sockets = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if self.is_cut.is_set():
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.open_sockets.update((client, upstream))
            threading.Thread(target=self._pump, args=(client, upstream), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client), daemon=True).start()

    def _pump(self, source, destination):
        try:
            while data := source.recv(65536):
                destination.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source, destination)

    def _close(self, *sockets):
        with self.lock:
            for sock in sockets:
                self.open_sockets.discard(sock)
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def cut(self):
        self.is_cut.set()
        with self.lock:
            open_sockets = list(self.open_sockets)
        self._close(*open_sockets)

    def restore(self):
        self.is_cut.clear()

    def close(self):
        self.cut()
        self.listener.close()


def page_title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def free_port():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def get(url):
    """(status, headers, body) of a GET, for error statuses too."""
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def production_env(**overrides):
    return {
        **{k: v for k, v in os.environ.items() if k not in VALID_PRODUCTION_ENV},
        **VALID_PRODUCTION_ENV,
        "DJANGO_SETTINGS_MODULE": "reallabor_site.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1",
        **overrides,
    }


def container_health_check(port):
    """Exit code of the container's HEALTHCHECK command against the server on `port`."""
    command = [sys.executable, "-m", "reallabor_site.healthcheck"]
    env = production_env(PORT=str(port))
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True).returncode


@contextmanager
def gunicorn_serving(database, log_path, static_root):
    """The site under gunicorn with the production settings, as the container runs it."""
    port = free_port()
    env = production_env(
        DATABASE_URL=database,
        SECURE_SSL_REDIRECT="false",
        STATIC_ROOT=str(static_root),
        DATABASE_CONN_MAX_AGE="60",
        DATABASE_CONNECT_TIMEOUT="2",
    )
    command = [sys.executable, "-m", "gunicorn", "-c", "python:reallabor_site.gunicorn_conf"]
    command += ["--bind", f"127.0.0.1:{port}", "--workers", "1", "reallabor_site.wsgi"]
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=log)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if get(f"{base}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert server.poll() is None, Path(log_path).read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
            time.sleep(0.3)
        yield base, port
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_site_shows_maintenance_page_while_database_is_cut_off_and_recovers(
    deployed_database, tmp_path
):
    static_root = tmp_path / "static"
    manage("collectstatic", "--noinput", **VALID_PRODUCTION_ENV, STATIC_ROOT=str(static_root))
    server = urlsplit(DATABASE_URL)
    proxy = CuttableTcpProxy((server.hostname, server.port or 5432))
    log_path = tmp_path / "gunicorn.log"
    through_proxy = database_url(urlsplit(deployed_database).path[1:], port=proxy.port)
    try:
        with gunicorn_serving(through_proxy, log_path, static_root) as (site, port):
            before = get(f"{site}/de/")
            proxy.cut()
            during = get(f"{site}/de/")
            during_uk = get(f"{site}/uk/")
            health_during = get(f"{site}/healthz")
            container_health_during = container_health_check(port)
            proxy.restore()
            after = get(f"{site}/de/")
            container_health_after = container_health_check(port)
    finally:
        proxy.close()

    assert before[0] == 200
    status, headers, body = during
    assert status == 503
    assert headers["Retry-After"] == "60"
    assert "Die Website ist wegen Wartungsarbeiten" in body
    assert during_uk[0] == 503 and "Вебсайт тимчасово недоступний" in during_uk[2]
    assert health_during[0] == 503
    assert json.loads(health_during[2]) == {"database": "error", "cache": "ok"}
    assert container_health_during == 1
    assert container_health_after == 0
    assert after[0] == 200
    assert page_title(after[2]) == page_title(before[2])
    assert "Traceback" not in log_path.read_text()
