"""The site in processes of its own, as an operator runs it, for tests that need more than Django's
test client: databases of their own on the PostgreSQL server of DATABASE_URL, manage.py commands
and gunicorn with the production settings.

Migrating and loading the content takes most of a minute, so it happens once per test run into a
template database (see the `deployed_template_database` fixture in conftest.py), and each test
module copies it, which takes a fraction of a second.

The production settings require Redis: these processes use database 12 of REDIS_URL's server
(default 127.0.0.1:6379) unless a test names another.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import redis

BASE_DIR = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("DATABASE_URL", "")
USES_POSTGRESQL = DATABASE_URL.startswith(("postgres://", "postgresql://"))
NEEDS_POSTGRESQL = "needs PostgreSQL: set DATABASE_URL=postgres://… (CI does)"
REDIS_SERVER = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379"


def redis_url(database):
    """REDIS_URL's server with another database number."""
    return urlsplit(REDIS_SERVER)._replace(path=f"/{database}").geturl()


VALID_PRODUCTION_ENV = {
    "SECRET_KEY": "k7#Qp2!vX9mZ@wL4rT8&nB6yC1sD3fG5hJ0uE-aR_iO=lP+eW*qY^zN",
    "SITE_URL": "https://reallabor.example.org",
    "ALLOWED_HOSTS": "reallabor.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/test",
    "REDIS_URL": redis_url(12),
    "DEFAULT_FROM_EMAIL": "Reallabor <reallabor@example.org>",
}


def redis_missing(url):
    """Why the Redis at `url` cannot be used, or None when it answers."""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=3).ping()
    except redis.RedisError as error:
        return f"Redis at {url} is not reachable: {error}"
    return None


def manage(*args, settings="reallabor_site.settings.production", **env):
    clean_env = {k: v for k, v in os.environ.items() if k not in VALID_PRODUCTION_ENV}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=600,  # collectstatic takes minutes on a loaded two-core machine
    )


def database_url(name, port=None):
    """DATABASE_URL's server and user, with another database name (and optionally port)."""
    parts = urlsplit(DATABASE_URL)
    netloc = parts.netloc if port is None else f"{parts.netloc.rsplit(':', 1)[0]}:{port}"
    return parts._replace(netloc=netloc, path=f"/{name}").geturl()


def database_name(url):
    return urlsplit(url).path[1:]


def run(*command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{command[0]} failed: {result.stderr}"
    return result


def manage_ok(*args, url, **env):
    result = manage(*args, **{**VALID_PRODUCTION_ENV, "DATABASE_URL": url, **env})
    assert result.returncode == 0, result.stderr
    return result.stdout


def create_database(name, template=None):
    statement = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
    run("psql", database_url("postgres"), "-c", statement)


def drop_database(name):
    run("psql", database_url("postgres"), "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def database_copy(template, prefix):
    """A new database with the template's content, dropped afterwards; yields its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    create_database(name, template=template)
    try:
        yield database_url(name)
    finally:
        drop_database(name)


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


@dataclass
class Server:
    url: str
    port: int
    log_path: Path


def _wait_until_healthy(process, server):
    deadline = time.monotonic() + 60
    while True:
        try:
            if get(f"{server.url}/healthz")[0] == 200:
                return
        except OSError:
            pass
        assert process.poll() is None, server.log_path.read_text()
        assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
        time.sleep(0.3)


@contextmanager
def gunicorn_servers(count, log_dir, workers=1, options=(), **env):
    """`count` app servers under gunicorn with the production settings, as the container runs
    them, each on a port of its own and all with the same environment; yields their `Server`s.

    Each runs `workers` worker processes; `options` are more of gunicorn's command-line options.
    `env` must name at least DATABASE_URL and STATIC_ROOT (collected static files).
    """
    env = production_env(
        SECURE_SSL_REDIRECT="false",
        DATABASE_CONN_MAX_AGE="60",
        DATABASE_CONNECT_TIMEOUT="2",
        **env,
    )
    command = [sys.executable, "-m", "gunicorn", "-c", "python:reallabor_site.gunicorn_conf"]
    command += ["--workers", str(workers), *options, "reallabor_site.wsgi"]
    started = []
    try:
        for number in range(count):
            port = free_port()
            log_path = Path(log_dir) / f"gunicorn-{number}.log"
            server = Server(f"http://127.0.0.1:{port}", port, log_path)
            with open(log_path, "w") as log:
                process = subprocess.Popen(
                    [*command, "--bind", f"127.0.0.1:{port}"],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=log,
                    stderr=log,
                )
            started.append((process, server))
        for process, server in started:
            _wait_until_healthy(process, server)
        yield [server for _, server in started]
    finally:
        # All at once: each takes a few seconds to finish its open connections.
        for process, _ in started:
            process.terminate()
        for process, _ in started:
            process.wait(timeout=30)
