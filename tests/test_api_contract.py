"""Contract test: schemathesis generates requests from /api/v3/openapi.json against the seed site.

Property-based and bounded (a few examples per read operation) so that CI stays fast. It fails on
any server error, any response that contradicts the schema, and any registrant's e-mail address
in a response.
"""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from events.models import Registration, RegistrationFormPage

EXAMPLES_PER_OPERATION = 20
REGISTRANT_EMAIL = "olena.registrant@example.org"


@pytest.fixture
def seed_site(db):
    call_command("load_reallabor_content", verbosity=0)
    form = RegistrationFormPage.objects.filter(locale__language_code="de").first()
    Registration.objects.create(
        page=form, form_data={"name": "Olena"}, email=REGISTRANT_EMAIL, language="uk"
    )
    cache.clear()


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


def test_v3_read_operations_honour_their_schema(seed_site, wsgi_app):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", wsgi_app)
    # Revisions are for token holders only, and the snippet variant offers no type to generate.
    reads = schema.include(method="GET").exclude(path_regex="revisions")
    operations = [result.ok() for result in reads.get_all_operations()]
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
