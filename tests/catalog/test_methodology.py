"""/methodology/: the rules as readers read them, listed from the rules' own modules."""

import pytest

from catalog.sync import identity

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
    assert "sources differ" in text
    assert 'href="/methodology/"' in text  # every footer links it


def test_the_methodology_page_answers_get_only(client):
    assert client.post("/methodology/").status_code == 405
