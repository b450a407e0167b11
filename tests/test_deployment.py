"""deploy.md followed on a real PostgreSQL: first deploy, backup and restore, database outage.

Each test talks to separate processes (manage.py, pg_dump, gunicorn) as an operator would. They
need PostgreSQL and are skipped elsewhere; CI runs the suite against PostgreSQL too.
"""

import json
import socket
import subprocess
import sys
import threading
import uuid
from urllib.parse import urlsplit

import pytest

from tests.site_processes import (
    BASE_DIR,
    DATABASE_URL,
    NEEDS_POSTGRESQL,
    USES_POSTGRESQL,
    create_database,
    database_copy,
    database_name,
    database_url,
    drop_database,
    get,
    gunicorn_servers,
    manage_ok,
    production_env,
    run,
)

pytestmark = pytest.mark.skipif(not USES_POSTGRESQL, reason=NEEDS_POSTGRESQL)


def live_pages(url):
    code = (
        "import json; from wagtail.models import Page; print(json.dumps(sorted("
        "Page.objects.live().filter(depth__gt=1).values_list('locale__language_code', 'title'))))"
    )
    return [tuple(page) for page in json.loads(manage_ok("shell", "-v", "0", "-c", code, url=url))]


@pytest.fixture(scope="module")
def deployed_database(deployed_template_database):
    """A database set up as deploy.md's first deploy describes, with the project's content."""
    with database_copy(deployed_template_database, "reallabor_deploy") as url:
        yield url


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


def container_health_check(port):
    """Exit code of the container's HEALTHCHECK command against the server on `port`."""
    command = [sys.executable, "-m", "reallabor_site.healthcheck"]
    env = production_env(PORT=str(port))
    return subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True).returncode


def test_site_shows_maintenance_page_while_database_is_cut_off_and_recovers(
    deployed_database, collected_static, tmp_path
):
    server = urlsplit(DATABASE_URL)
    proxy = CuttableTcpProxy((server.hostname, server.port or 5432))
    through_proxy = database_url(database_name(deployed_database), port=proxy.port)
    try:
        # Without the page cache: a cached page would still be served during the outage, and
        # the maintenance page is what every other request gets.
        with gunicorn_servers(
            1,
            tmp_path,
            DATABASE_URL=through_proxy,
            STATIC_ROOT=str(collected_static),
            PAGE_CACHE_SECONDS="0",
        ) as [site]:
            before = get(f"{site.url}/de/")
            proxy.cut()
            during = get(f"{site.url}/de/")
            during_uk = get(f"{site.url}/uk/")
            health_during = get(f"{site.url}/healthz")
            container_health_during = container_health_check(site.port)
            proxy.restore()
            after = get(f"{site.url}/de/")
            container_health_after = container_health_check(site.port)
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
    assert "Traceback" not in site.log_path.read_text()
