"""The corroboration rule (catalog/corroboration.py) and the indexing rule it feeds
(catalog/indexing.py): a model no editor reviewed is indexable when two independent
sources state its context window and lead price alike; a pair when both models are and
the pair is related."""

from decimal import Decimal

import pytest
from django.test import override_settings

from catalog.corroboration import Lead, PriceStated, corroborating_sources, refresh_corroboration
from catalog.indexing import model_indexable
from catalog.models import LanguageModel, ModelFamily, Provider, SimilarModel
from catalog.sync.models import ModelStatement, ProposedChange, RouteStatement
from comparisons.models import FeaturedComparison
from tests.catalog.test_pricing_admin import save
from tests.sitemaps import locs, pair_loc, robots_meta

# The real catalog's Claude Haiku 4.5: Anthropic's list price, $1 in and $5 out, stated by
# models.dev and genai-prices; its 200,000-token context window by models.dev, OpenRouter
# and genai-prices.
CONTEXT = 200_000
LEAD = Lead(route=7, input_price=Decimal("1"), output_price=Decimal("5"))
CONTEXT_STATED = [("modelsdev", CONTEXT), ("modelsdev", CONTEXT), ("openrouter", CONTEXT)]
PRICES_STATED = [
    PriceStated("modelsdev", 7, Decimal("1"), Decimal("5")),
    PriceStated("genai-prices", 7, Decimal("1"), Decimal("5")),
    # Bedrock's regional price, another route: says nothing of Anthropic's.
    PriceStated("openrouter", 8, Decimal("1"), Decimal("5")),
]


def count(**changes):
    arguments = {
        "context_window": CONTEXT,
        "lead": LEAD,
        "context_stated": CONTEXT_STATED,
        "prices_stated": PRICES_STATED,
        "disputed": False,
        "proposed": False,
        **changes,
    }
    return corroborating_sources(**arguments)


def test_two_sources_stating_the_context_and_the_lead_price_alike_corroborate():
    assert count() == 2


def test_two_files_of_one_source_are_one_source():
    only_modelsdev = [("modelsdev", CONTEXT)] * 3
    assert count(context_stated=only_modelsdev) == 0
    one_price = [PriceStated("modelsdev", 7, Decimal("1"), Decimal("5"))] * 2
    assert count(prices_stated=one_price) == 0


def test_a_source_stating_another_value_does_not_count():
    other_price = [*PRICES_STATED[:1], PriceStated("genai-prices", 7, Decimal("1"), Decimal("6"))]
    assert count(prices_stated=other_price) == 0
    assert count(context_stated=[("modelsdev", CONTEXT), ("openrouter", 128_000)]) == 0


def test_disputes_open_proposals_and_unknown_facts_corroborate_nothing():
    assert count(disputed=True) == 0
    assert count(proposed=True) == 0
    assert count(context_window=None) == 0
    assert count(lead=None) == 0
    assert count(lead=Lead(7, None, Decimal("5"))) == 0


def test_the_setting_and_an_editors_noindex_decide_over_corroboration():
    assert model_indexable(reviewed=False, corroborated_by=2, noindex=False)
    assert model_indexable(reviewed=True, corroborated_by=0, noindex=False)
    assert not model_indexable(reviewed=True, corroborated_by=3, noindex=True)
    assert not model_indexable(reviewed=False, corroborated_by=0, noindex=False)
    with override_settings(CATALOG_INDEX_CORROBORATED=False):
        assert not model_indexable(reviewed=False, corroborated_by=2, noindex=False)
        assert model_indexable(reviewed=True, corroborated_by=0, noindex=False)


# In the catalog.


@pytest.fixture
def stated_alike(make_organization, make_provider, make_model, make_route):
    """Claude Haiku 4.5 and Claude Sonnet 4.5 of one family, never reviewed, each stated
    alike by models.dev and genai-prices (price) and models.dev and OpenRouter (context);
    and Lonely 1, stated by models.dev alone."""
    anthropic = make_organization("Anthropic")
    api = make_provider("Anthropic API", kind=Provider.Kind.FIRST_PARTY, lab=anthropic)
    family = ModelFamily.objects.create(name="Claude", slug="claude")
    models = {}
    for name in ("Claude Haiku 4.5", "Claude Sonnet 4.5", "Lonely 1"):
        model = make_model(
            name,
            organization=anthropic,
            context_window=CONTEXT,
            family=family,
            fact_source="modelsdev openrouter",
        )
        route = make_route(model, api, "1", "5")
        sources = ["modelsdev"] if name == "Lonely 1" else ["modelsdev", "openrouter"]
        for source in sources:
            ModelStatement.objects.create(
                source=source,
                ref=f"{source}:{model.slug}",
                model=model,
                role=ModelStatement.Role.ROUTE,
                facts={"context_window": CONTEXT},
            )
        for source in ["modelsdev"] if name == "Lonely 1" else ["modelsdev", "genai-prices"]:
            RouteStatement.objects.create(
                source=source, route=route, input_price=Decimal("1"), output_price=Decimal("5")
            )
        models[model.slug] = model
    refresh_corroboration()
    return models


def test_a_corroborated_model_is_indexable_and_says_why(client, stated_alike):
    assert LanguageModel.objects.get(slug="claude-haiku-4-5").corroborated_by == 2
    assert LanguageModel.objects.get(slug="lonely-1").corroborated_by == 0

    page = client.get("/models/claude-haiku-4-5/")
    assert robots_meta(page) == []
    assert "lead price are stated alike by 2 sources; not yet reviewed by an editor" in (
        page.content.decode()
    )
    assert robots_meta(client.get("/models/lonely-1/")) == ["noindex"]
    listed = locs(client.get("/sitemap-models.xml"))
    assert [loc.rsplit("/", 2)[-2] for loc in listed] == ["claude-haiku-4-5", "claude-sonnet-4-5"]


def test_a_dispute_or_an_open_proposal_takes_corroboration_away(stated_alike):
    haiku, sonnet = stated_alike["claude-haiku-4-5"], stated_alike["claude-sonnet-4-5"]
    LanguageModel.objects.filter(pk=haiku.pk).update(
        fact_disputes={"released_on": [{"value": "2025-10", "sources": ["OpenRouter"]}]}
    )
    ProposedChange.objects.create(
        record=sonnet,
        field="context_window",
        kind=ProposedChange.Kind.SPEC,
        ours=CONTEXT,
        theirs=400_000,
        source="modelsdev",
        model=sonnet,
    )
    refresh_corroboration()
    assert list(LanguageModel.objects.indexable()) == []


def test_the_setting_off_and_an_editors_noindex_keep_pages_out(client, stated_alike):
    with override_settings(CATALOG_INDEX_CORROBORATED=False):
        assert robots_meta(client.get("/models/claude-haiku-4-5/")) == ["noindex"]
        assert client.get("/sitemap-models.xml").status_code == 404  # an empty section
    LanguageModel.objects.filter(slug="claude-haiku-4-5").update(noindex=True)
    assert robots_meta(client.get("/models/claude-haiku-4-5/")) == ["noindex"]
    assert [m.slug for m in LanguageModel.objects.indexable()] == ["claude-sonnet-4-5"]


def test_a_pair_is_indexable_when_both_are_and_the_pair_is_related(
    client, stated_alike, make_model, make_route
):
    pair = "/compare/claude-haiku-4-5-vs-claude-sonnet-4-5/"
    assert robots_meta(client.get(pair)) == []  # one family
    assert locs(client.get("/sitemap-pairs.xml")) == [
        pair_loc("claude-haiku-4-5", "claude-sonnet-4-5")
    ]
    # With Lonely 1, not corroborated: noindex, though of the same family.
    assert robots_meta(client.get("/compare/claude-haiku-4-5-vs-lonely-1/")) == ["noindex"]

    # Two indexable models of no common family: related only when similar or featured.
    other = make_model("Other 1", reviewed_at="2026-01-01T00:00:00Z")
    unrelated = "/compare/claude-haiku-4-5-vs-other-1/"
    assert robots_meta(client.get(unrelated)) == ["noindex"]
    assert pair_loc("claude-haiku-4-5", "other-1") not in locs(client.get("/sitemap-pairs.xml"))

    SimilarModel.objects.create(model=other, similar=stated_alike["claude-haiku-4-5"], rank=0)
    assert robots_meta(client.get(unrelated)) == []
    assert pair_loc("claude-haiku-4-5", "other-1") in locs(client.get("/sitemap-pairs.xml"))

    SimilarModel.objects.all().delete()
    FeaturedComparison.objects.create(model_a=stated_alike["claude-sonnet-4-5"], model_b=other)
    assert robots_meta(client.get("/compare/claude-sonnet-4-5-vs-other-1/")) == []
    assert pair_loc("claude-sonnet-4-5", "other-1") in locs(client.get("/sitemap-pairs.xml"))


def test_an_editor_keeps_a_page_out_and_an_editors_price_is_read_again(
    client, editor_client, form_data, stated_alike
):
    """In the admin: "keep out of search engines" on the model; a route's price an editor
    changes is no longer what the sources state alike."""
    haiku = stated_alike["claude-haiku-4-5"]
    save(editor_client, form_data, haiku, "languagemodel_form", noindex="on")
    assert haiku.noindex
    assert robots_meta(client.get("/models/claude-haiku-4-5/")) == ["noindex"]

    sonnet = stated_alike["claude-sonnet-4-5"]
    route = sonnet.routes.get()
    save(editor_client, form_data, route, "route_form", output_price="4.5")
    sonnet.refresh_from_db()
    assert sonnet.corroborated_by == 0
