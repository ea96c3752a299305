"""The derived decision signals (catalog/derived.py): each rule on stated facts, Unknown
deriving nothing, and an editor's value winning on the pages."""

from decimal import Decimal

import pytest

from catalog.derived import Stated, best_for, derived_product_type, derived_tags
from catalog.models import DecisionTag, LanguageModel
from tests.visible_text import visible_text

YES = "yes"


def test_each_tag_from_its_stated_facts():
    assert derived_tags(Stated(name="Qwen3 Coder 480B")) == ("Coding",)
    assert derived_tags(Stated(name="X", scores=(("swebenchverified", Decimal("72.8")),))) == (
        "Coding",
    )
    assert derived_tags(Stated(name="X", scores=(("swebenchverified", Decimal("59.9")),))) == ()
    agents = {"function-calling": YES, "structured-outputs": YES}
    assert derived_tags(Stated(name="X", capabilities=agents)) == ("Agents",)
    assert derived_tags(Stated(name="X", context_window=200_000)) == ("Long context",)
    assert derived_tags(Stated(name="X", context_window=199_999)) == ()
    assert derived_tags(Stated(name="X", capabilities={"vision": YES})) == ("Multimodal",)
    assert derived_tags(Stated(name="X", capabilities={"reasoning": YES})) == ("Reasoning",)
    assert derived_tags(Stated(name="X", output_price=Decimal("0.60"))) == ("Low cost",)
    assert derived_tags(Stated(name="X", output_price=Decimal("1.01"))) == ()


def test_unknown_derives_nothing():
    unknown = {
        "function-calling": "unknown",
        "structured-outputs": YES,
        "vision": "unknown",
        "reasoning": "no",
    }
    assert derived_tags(Stated(name="Model X", capabilities=unknown)) == ()
    assert derived_tags(Stated(name="Model X")) == ()
    assert derived_product_type(Stated(name="Model X")) == ""
    assert best_for(()) == ""


def test_product_type_and_best_for():
    assert derived_product_type(Stated(name="Devstral Small 2")) == "Coding-specialized model"
    assert derived_product_type(Stated(name="Gemma 3 4B", parameters_total=4 * 10**9)) == (
        "Small efficient model"
    )
    assert derived_product_type(Stated(name="Big", parameters_total=70 * 10**9)) == ""
    thinks = {"reasoning": YES}
    # The real catalog's Kimi K2 Thinking and DeepSeek R1: a reasoning mode and a name
    # that says so; Claude Sonnet 4.5 states a reasoning mode but is sold as a general model.
    for name in ("Kimi K2 Thinking", "DeepSeek R1", "o3"):
        assert derived_product_type(Stated(name=name, capabilities=thinks)) == "Reasoning model"
    assert derived_product_type(Stated(name="DeepSeek R1", capabilities={})) == ""
    sonnet = Stated(name="Claude Sonnet 4.5", capabilities=thinks, sold_per_token=True)
    assert derived_product_type(sonnet) == "Standalone API model"
    assert derived_product_type(Stated(name="Claude Sonnet 4.5", capabilities=thinks)) == ""
    assert best_for(("Agents", "Long context", "Reasoning", "Low cost")) == (
        "tool-calling agents, long documents and large codebases, and reasoning-heavy tasks"
    )
    assert best_for(("Coding",)) == "code generation and review"


@pytest.mark.django_db
def test_a_derived_signal_is_labelled_and_an_editors_wins(client, reference_catalog):
    qwen = reference_catalog.qwen
    LanguageModel.objects.filter(pk=qwen.pk).update(product_type="", best_for="")
    qwen.decision_tags.clear()
    page = client.get("/models/qwen3-5-122b-a10b/")
    text = visible_text(page.content)
    assert "Decision fit: Agents, Long context, Multimodal, and Reasoning." in text
    assert (
        "Its product type, decision fit, and “best for” are derived from the facts its sources"
    ) in text
    pair = visible_text(client.get("/compare/ling-2-6-1t-vs-qwen3-5-122b-a10b/").content)
    assert "Agents, Long context, Multimodal, and Reasoning derived" in pair

    qwen.decision_tags.set([DecisionTag.objects.get(name="RAG")])  # an editor's tag
    text = visible_text(client.get("/models/qwen3-5-122b-a10b/").content)
    assert "Decision fit: RAG." in text
    assert "decision fit" not in text.split("Decision fit: RAG.")[1][:200]
