"""The provider-kind rules (catalog/sync/provider_kinds.py), on the real providers that
motivated them, and the sync that sets a kind without overwriting an editor's."""

import pytest

from catalog.models import Provider
from catalog.sync.provider_kinds import ProviderSignals, own_api_of, provider_kind, regional_api
from tests.catalog.sync.test_apply import sync, tree  # noqa: F401 (a fixture)


def kind(name, website="", **signals):
    return provider_kind(ProviderSignals(name=name, website=website, **signals))


def test_a_plan_says_so_in_its_name_or_its_documentation():
    assert (
        kind("Alibaba Coding Plan", "https://www.alibabacloud.com/help/en/model-studio/coding-plan")
        == "subscription_plan"
    )
    assert (
        kind("MiniMax Token Plan (minimax.io)", "https://platform.minimax.io/docs/token-plan/intro")
        == "subscription_plan"
    )
    assert kind("Z.AI Coding Plan", "https://docs.z.ai/devpack/overview") == "subscription_plan"
    assert (
        kind("GitLab Duo", "https://docs.gitlab.com/user/duo_agent_platform/")
        == "subscription_plan"
    )
    assert kind("Kimi For Coding", "https://www.kimi.com/code/docs/") == "subscription_plan"
    # A plan that prices nothing per token is a plan, not a free tier.
    assert kind("GitLab Duo", "", prices_stated=34, zero_prices=34) == "subscription_plan"


def test_a_local_app_and_a_labs_own_api():
    assert kind("LMStudio", "https://lmstudio.ai/models") == "local_app"
    assert (
        kind("Anthropic", "https://docs.anthropic.com", is_lab=True, serves_only_own=True)
        == "first_party"
    )
    # A lab serving other labs' models too is not (only) its own API.
    assert (
        kind(
            "Nvidia",
            "https://docs.api.nvidia.com/nim/",
            is_lab=True,
            prices_stated=122,
            zero_prices=114,
        )
        == "free_tier"
    )


def test_a_free_tier_prices_nearly_everything_at_zero():
    assert (
        kind(
            "GitHub Models",
            "https://docs.github.com/en/github-models",
            prices_stated=98,
            zero_prices=98,
        )
        == "free_tier"
    )
    assert kind("Some host", prices_stated=20, zero_prices=4, serves_open_weights=True) == (
        "inference_host"
    )


def test_clouds_gateways_and_inference_platforms():
    assert (
        kind("Amazon Bedrock", "https://docs.aws.amazon.com/bedrock/", proprietary_makers=8)
        == "cloud"
    )
    assert kind("OpenRouter", "https://openrouter.ai/docs", proprietary_makers=34) == "aggregator"
    assert kind("Cerebras", "https://inference-docs.cerebras.ai", serves_open_weights=True) == (
        "inference_host"
    )
    # One or two proprietary models are not a gateway's catalog.
    assert (
        kind(
            "Together AI",
            "https://docs.together.ai",
            proprietary_makers=2,
            serves_open_weights=True,
        )
        == "inference_host"
    )
    assert kind("Claudinio") == ""  # nothing says


@pytest.mark.django_db
def test_a_sync_sets_a_kind_and_keeps_an_editors(tree):  # noqa: F811
    sync(tree)
    moonshot = Provider.objects.select_related("lab").get(name="Moonshot AI")
    assert moonshot.kind == "first_party"  # the lab, serving its own model
    assert moonshot.lab.name == "Moonshot AI"  # its own API: its list prices
    novita = Provider.objects.get(name="Novita AI")
    assert novita.kind == "inference_host"  # open weights only
    assert novita.lab is None

    # An editor's kind (the admin keeps it: kind_by_editor) stays, whoever saved it last.
    Provider.objects.filter(pk=novita.pk).update(kind="aggregator", kind_by_editor=True)
    again = sync(tree)
    novita.refresh_from_db()
    assert novita.kind == "aggregator"
    assert (again.created, again.updated, again.proposed) == (0, 0, 0)


def test_a_labs_api_for_one_region_names_no_lab():
    signals = {"is_lab": True, "serves_own": True}
    assert own_api_of(ProviderSignals(name="Moonshot AI", **signals))
    assert not own_api_of(ProviderSignals(name="Moonshot AI (China)", regional=True, **signals))
    assert not own_api_of(ProviderSignals(name="Novita AI", serves_own=True))
    assert regional_api("moonshotai-cn") == ("moonshotai", True)
    assert regional_api("minimax") == ("minimax", False)
