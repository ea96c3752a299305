"""The golden test: every data-derived statement of the reference pair page is on ours.

One test per line of ../shared/spec/reference-statements.txt, so a failure names the
statement. `A || B`: either form; `!X`: must not appear.
"""

from pathlib import Path

import pytest
from django.db import transaction
from django.test import Client

from catalog.demo.loader import load_demo_catalog
from tests.visible_text import visible_text

STATEMENTS = Path(__file__).resolve().parents[3] / "shared" / "spec" / "reference-statements.txt"
REFERENCE_URL = "/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/"

# Marked so that pytest-django sets up the test database the module fixture below uses.
pytestmark = pytest.mark.django_db


def statements():
    if not STATEMENTS.exists():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{STATEMENTS} is absent"))]
    lines = STATEMENTS.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def reference_text(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_demo_catalog()
        response = Client().get(REFERENCE_URL)
        transaction.set_rollback(True)  # only the text is kept; the database is left as found
    assert response.status_code == 200
    return visible_text(response.content)


@pytest.mark.parametrize("statement", statements())
def test_reference_statement(reference_text, statement):
    if statement.startswith("!"):
        assert statement[1:] not in reference_text, f"must not appear: {statement[1:]!r}"
    else:
        forms = [form.strip() for form in statement.split("||")]
        assert any(form in reference_text for form in forms), f"missing: {statement!r}"
