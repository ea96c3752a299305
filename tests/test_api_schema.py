"""The JSON API keeps its own OpenAPI document: schemathesis generates requests to every
operation of /api/v1/openapi.json (valid and invalid parameters, odd slugs, other
methods) and sends them through the site's WSGI application, in-process; no answer is a
server error, and every answer conforms to the document (status, content type, body).

Bounded (25 examples an operation, the same ones every run), so that it runs in the
ordinary suite, on SQLite and on PostgreSQL.
"""

from decimal import Decimal

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from catalog.api.endpoints import api
from catalog.models import Benchmark, BenchmarkScore, ModelFamily

pytestmark = pytest.mark.django_db

# The document read from the API itself (no request, so no database, at collection); the
# test below checks that /api/v1/openapi.json serves this very document.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
APPLICATION = get_wsgi_application()


@pytest.fixture(autouse=True)
def connection_kept():
    """The test's database connection kept across requests, as Django's test client keeps
    it: the WSGI application, called directly, would close it (back to the pool, rolling
    back the test's transaction) at the end of each request, as it does under a server."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def catalog(reference_catalog):
    """A catalog with a record of each kind, for the generated requests to find."""
    family = ModelFamily.objects.create(name="Codex", slug="codex")
    reference_catalog.spark.family = family
    reference_catalog.spark.save()
    bench = Benchmark.objects.create(name="SWE-bench Verified", slug="swe-bench-verified")
    BenchmarkScore.objects.create(
        model=reference_catalog.spark, benchmark=bench, value=Decimal("77.3")
    )
    return reference_catalog


def test_the_site_serves_the_document_tested(client):
    assert client.get("/api/v1/openapi.json").json() == schema.raw_schema


@schema.parametrize()
@settings(
    max_examples=25,
    derandomize=True,  # the same requests every run: a failure can be replayed
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_operation_answers_as_its_document_says(case):
    # Uncompressed: the site compresses for clients that accept it, and schemathesis' WSGI
    # client would read the compressed bytes as the body.
    case.call_and_validate(app=APPLICATION, headers={"Accept-Encoding": "identity"})
