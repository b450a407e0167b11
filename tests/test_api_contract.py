"""Contract tests: schemathesis generates requests from /api/v3/openapi.json against the seed site.

- Every one of schemathesis' checks, with its command-line tool against the site under gunicorn
  with the production settings, in all its phases (examples, coverage, fuzzing, stateful): no
  server error, no response or status outside the schema, every schema-valid request accepted and
  every invalid one refused, other methods answered 405. A fixed seed keeps CI reproducible; the
  report names the case to replay.
- No registrant's e-mail address in any response, through schemathesis' Python API, on the seed
  site with a registrant, an image and a document.

Both are bounded (a few dozen examples per operation) so that CI stays fast.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import redis
import schemathesis
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from events.models import Registration, RegistrationFormPage
from tests.site_processes import gunicorn_servers, redis_url

EXAMPLES_PER_OPERATION = 20
CLI_EXAMPLES_PER_OPERATION = 50
CLI_SEED = "20261201"
REGISTRANT_EMAIL = "olena.registrant@example.org"
SCHEMATHESIS = Path(sys.executable).parent / "schemathesis"
# The API cache of the server under test, apart from other tests' servers.
CONTRACT_REDIS = redis_url(11)


def build_seed_site():
    """The seed content, a registrant, and an image and a document for the media listings."""
    call_command("load_reallabor_content", verbosity=0)
    form = RegistrationFormPage.objects.filter(locale__language_code="de").first()
    Registration.objects.create(
        page=form, form_data={"name": "Olena"}, email=REGISTRANT_EMAIL, language="uk"
    )
    get_image_model().objects.create(title="Karte", file=get_test_image_file())
    get_document_model().objects.create(
        title="Programm", file=ContentFile(b"Programm", name="programm.txt")
    )
    cache.clear()


@pytest.fixture
def seed_site(db):
    build_seed_site()


@pytest.fixture
def production_server(deployed_database, collected_static, tmp_path):
    """The deployed seed site under gunicorn, with a Redis database of its own, emptied first."""
    redis.Redis.from_url(CONTRACT_REDIS).flushdb()
    with gunicorn_servers(
        1,
        tmp_path,
        DATABASE_URL=deployed_database,
        STATIC_ROOT=str(collected_static),
        REDIS_URL=CONTRACT_REDIS,
    ) as [server]:
        yield server


@pytest.fixture
def wsgi_app():
    """The site's WSGI application, kept on the test's database connection.

    Like Django's test client, it must not close the connection after each request: that would
    end the test's transaction on PostgreSQL.
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield get_wsgi_application()
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_v3_passes_every_schemathesis_check(production_server, tmp_path):
    result = subprocess.run(
        [
            SCHEMATHESIS,
            "run",
            f"{production_server.url}/api/v3/openapi.json",
            "--checks=all",
            "--workers=1",
            f"--max-examples={CLI_EXAMPLES_PER_OPERATION}",
            f"--seed={CLI_SEED}",
            "--continue-on-failure",
            "--no-color",
        ],
        # schemathesis keeps its state in the working directory.
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


def test_v3_reads_never_show_a_registrant(seed_site, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert operations

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call()
            case.validate_response(
                response, checks=[not_a_server_error, response_schema_conformance]
            )
            assert REGISTRANT_EMAIL not in response.text

        check()
