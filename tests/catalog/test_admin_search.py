"""The admin's model search, on either database (PostgreSQL searches the models as text,
SQLite with Django's `icontains`), and the admin timings' measuring function:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python -m pytest tests/catalog/test_admin_search.py
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.admin_timings import admin_timings

pytestmark = pytest.mark.django_db


# Search.


@pytest.fixture
def searchable(make_organization, make_model):
    return {
        "qwen": make_model("Qwen3.5-122B-A10B", organization=make_organization("Alibaba (Qwen)")),
        "spark": make_model("GPT-5.3-Codex-Spark", organization=make_organization("OpenAI")),
        "deepseek": make_model("DeepSeek-V3.1", organization=make_organization("DeepSeek")),
    }


@pytest.mark.parametrize(
    ("term", "found"),
    [
        ("codex", ["spark"]),  # a word of the name
        ("Qwen3.5", ["qwen"]),  # the name's beginning, as typed
        ("122B", ["qwen"]),
        ("gpt 5.3", ["spark"]),
        ("gpt-5-3-codex", ["spark"]),  # the slug
        ("Alibaba", ["qwen"]),  # the organization
        ("openai spark", ["spark"]),  # the organization and a word of the name
        ("deepseek", ["deepseek"]),
        ("Cod", ["spark"]),  # a word's beginning
        ('"Alibaba (Qwen)"', ["qwen"]),  # a quoted phrase
        ("openai qwen", []),
        ("no-such-model", []),
    ],
)
def test_model_search_finds_models_by_name_slug_and_organization(
    term, found, searchable, editor_client
):
    response = editor_client.get("/admin/catalog/languagemodel/", {"q": term})

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {searchable[key] for key in found}


def test_model_autocomplete_searches_the_same_way(searchable, editor_client):
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": "catalog", "model_name": "route", "field_name": "model", "term": "alibaba"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Qwen3.5-122B-A10B"]


def test_a_search_of_only_punctuation_does_not_fail(searchable, editor_client):
    response = editor_client.get("/admin/catalog/languagemodel/", {"q": "' & ! :* ("})

    assert response.status_code == 200


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's text search")
def test_model_search_is_a_text_search_on_postgresql(searchable, editor_client):
    with CaptureQueriesContext(connection) as queries:
        editor_client.get("/admin/catalog/languagemodel/", {"q": "codex"})

    assert any("to_tsvector" in query["sql"] for query in queries)


# The benchmark's measuring function, on a small catalog.


def test_admin_timings_measures_every_page(admin_client, searchable):
    rows = admin_timings(admin_client, runs=1)

    labels = [label for label, *_ in rows]
    assert "languagemodel changelist" in labels
    assert "languagemodel change form" in labels
    assert any(label.startswith("route changelist of that model") for label in labels)
    assert all(
        milliseconds > 0 and queries > 0 and size > 0 for _, milliseconds, queries, size in rows
    )
