"""A sync tells each route's pricing kind and each lab's own API, on a small tree written
here after the real providers: Alibaba's Coding Plan ($0 for Kimi K2.5, as it is sold in
the plan), a reseller's unbacked $0, a free variant, Moonshot AI's API for mainland China
beside its own; and an approved price change tells a kind again."""

from decimal import Decimal

import pytest

from catalog.models import Provider, Route
from catalog.sync import proposals
from catalog.sync.models import ProposedChange
from tests.catalog.sync.test_apply import kimi, sync, tree  # noqa: F401 (a fixture)
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

pytestmark = pytest.mark.django_db

BASE = 'base_model = "moonshotai/kimi-k2.5"\n'


@pytest.fixture
def priced_tree(tree):  # noqa: F811
    write(
        tree,
        "providers/alibaba-coding-plan/provider.toml",
        'name = "Alibaba Coding Plan"\n'
        'doc = "https://www.alibabacloud.com/help/en/model-studio/coding-plan"\n',
    )
    write(
        tree,
        "providers/alibaba-coding-plan/models/kimi-k2.5.toml",
        f"{BASE}[cost]\ninput = 0\noutput = 0\n",
    )
    # A gateway that sells per token, and states $0 for Kimi K2.5 with nothing behind it.
    write(tree, "models/moonshotai/kimi-k2.toml", CANONICAL.replace("Kimi K2.5", "Kimi K2"))
    write(tree, "providers/vercel/provider.toml", 'name = "Vercel AI Gateway"\n')
    write(tree, "providers/vercel/models/kimi-k2.5.toml", f"{BASE}[cost]\ninput = 0\noutput = 0\n")
    write(
        tree,
        "providers/vercel/models/kimi-k2.toml",
        'base_model = "moonshotai/kimi-k2"\n[cost]\ninput = 0.6\noutput = 2.5\n',
    )
    write(
        tree,
        "providers/kilo/models/moonshotai/kimi-k2.5-free.toml",
        f'{BASE}name = "Kimi K2.5 (free)"\n[cost]\ninput = 0\noutput = 0\n',
    )
    write(tree, "providers/kilo/provider.toml", 'name = "Kilo Gateway"\n')
    write(tree, "providers/moonshotai-cn/provider.toml", 'name = "Moonshot AI (China)"\n')
    write(
        tree,
        "providers/moonshotai-cn/models/kimi-k2.5.toml",
        f"{BASE}[cost]\ninput = 0.57\noutput = 2.4\n",
    )
    return tree


def kinds():
    return {
        (route.provider.name, route.context_above, route.free_variant): route.pricing_kind
        for route in kimi().routes.select_related("provider")
    }


def test_a_sync_tells_each_routes_pricing_kind(priced_tree):
    sync(priced_tree)
    assert kinds() == {
        ("Moonshot AI", 0, False): "per_token",
        ("Moonshot AI", 200_000, False): "per_token",
        ("Moonshot AI (China)", 0, False): "per_token",
        ("Novita AI", 0, False): "per_token",
        ("Abacus", 0, False): "per_token",
        ("Alibaba Coding Plan", 0, False): "subscription_plan",
        ("Vercel AI Gateway", 0, False): "unknown",
        ("Kilo Gateway", 0, True): "free_tier",
    }
    labs = dict(Provider.objects.values_list("name", "lab__name"))
    assert labs["Moonshot AI"] == "Moonshot AI"
    assert labs["Moonshot AI (China)"] is None  # the lab's API for one region
    model = type(kimi()).objects.with_offers().get(pk=kimi().pk)
    assert (model.list_provider, model.list_output) == ("moonshot-ai", 3)
    assert (model.cheapest_provider, model.cheapest_output) == ("moonshot-ai-china", Decimal("2.4"))


def test_an_approved_price_tells_the_kind_again(priced_tree, editor):
    sync(priced_tree)
    vercel = Route.objects.get(provider__name="Vercel AI Gateway", model__name="Kimi K2.5")
    Route.objects.filter(pk=vercel.pk).mark_reviewed(editor)
    write(
        priced_tree,
        "providers/vercel/models/kimi-k2.5.toml",
        f"{BASE}[cost]\ninput = 0.6\noutput = 3\n",
    )
    sync(priced_tree)
    open_proposals = ProposedChange.objects.filter(status=ProposedChange.Status.OPEN)
    assert open_proposals.count() == 2  # the reviewed route's two prices
    proposals.approve(open_proposals, editor)
    vercel.refresh_from_db()
    assert (vercel.output_price, vercel.pricing_kind) == (3, "per_token")
