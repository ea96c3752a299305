"""/methodology/: the rules as readers read them, listed from the rules' own modules."""

import pytest

from catalog.pricing import IN_PLACE_OF_PRICE
from catalog.sync import identity
from tests.visible_text import visible_text

pytestmark = pytest.mark.django_db


def test_the_methodology_page_states_the_rules(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/methodology/")
    assert response.status_code == 200
    text = response.content.decode()
    for label in ("One model, one record", "The right maker", "Facts from the best source"):
        assert label in text
    for region in set(identity.REGIONS.values()):
        assert region in text
    assert "embedding models" in text
    assert "a model whose source says it reads no text" in visible_text(response.content)
    assert "sources differ" in text
    assert 'href="/methodology/"' in text  # every footer links it


def test_the_methodology_page_states_what_counts_as_a_price(client):
    text = visible_text(client.get("/methodology/").content)
    assert "Prices a reader can buy" in text
    for label in IN_PLACE_OF_PRICE.values():
        assert f"“{label}”" in text
    assert "less than half the maker's list prices" in text
    assert "Moonshot AI's API for mainland China" in text


def test_the_methodology_page_answers_get_only(client):
    assert client.post("/methodology/").status_code == 405


def test_the_methodology_page_states_what_a_score_says(client):
    text = visible_text(client.get("/methodology/").content)
    assert "Benchmark scores" in text
    for measurer in ("Aider", "Artificial Analysis", "Scale AI"):
        assert measurer in text
    assert "reported by the lab" in text


def test_the_methodology_page_states_corroboration_and_indexing(client, settings):
    text = visible_text(client.get("/methodology/").content)
    assert "Corroboration and what search engines see" in text
    assert "each stated alike by at least 2 independent sources" in text
    assert "Aider states neither a context window nor a price" in text
    assert "one is among the other's first 12 similar models" in text
    assert "this site indexes reviewed models only" not in text

    settings.CATALOG_INDEX_CORROBORATED = False
    text = visible_text(client.get("/methodology/").content)
    assert "this site indexes reviewed models only" in text
