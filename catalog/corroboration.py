"""Whether a model's facts are corroborated: the rule (a pure function) and its refresh.

A model no editor has reviewed may still be worth a search engine's reading when its
sources agree on what its page leads with. It is corroborated by N sources (N ≥ 2) when:

- its context window is stated alike by N independent sources, and so is the price its
  page leads with (the maker's list price, else the cheapest per-token route: both input
  and output, at that route's provider);
- no fact its page shows is marked "sources differ";
- no change to it waits for an editor (an open proposal).

The sources are models.dev, OpenRouter, genai-prices and Aider; two files or entries of
one source are one source. Aider states neither a context window nor a price, so it never
counts here. The refresh stores N on the model (`corroborated_by`, 0 when not
corroborated), where the indexing rule (catalog/indexing.py) and the sitemap read it; it
runs after every sync and every editor's save of a model or a route.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from catalog.models import LanguageModel, Route
from catalog.sync.models import ModelStatement, ProposedChange, RouteStatement
from catalog.sync.snapshot import AIDER, GENAI_PRICES, MODELSDEV, OPENROUTER

INDEPENDENT_SOURCES = frozenset({MODELSDEV, OPENROUTER, GENAI_PRICES, AIDER})
# The fewest sources that must state the facts alike.
ENOUGH_SOURCES = 2


@dataclass(frozen=True)
class Lead:
    """The price a model's page leads with: its route, and the route's input and output."""

    route: int
    input_price: Decimal | None
    output_price: Decimal | None


@dataclass(frozen=True)
class PriceStated:
    source: str
    route: int
    input_price: Decimal | None
    output_price: Decimal | None


def corroborating_sources(
    context_window: int | None,
    lead: Lead | None,
    context_stated: Iterable[tuple[str, int | None]],
    prices_stated: Iterable[PriceStated],
    disputed: bool,
    proposed: bool,
) -> int:
    """How many independent sources corroborate a model (0: not corroborated).

    `context_stated`: (source, context window) of each statement about the model;
    `prices_stated`: what each source states of its routes' prices; `disputed`: a fact
    its page shows is marked "sources differ"; `proposed`: a change to it is open.
    A fact the model does not state (no context window, no price) cannot be
    corroborated."""
    if disputed or proposed or context_window is None or lead is None:
        return 0
    if lead.output_price is None or lead.input_price is None:
        return 0
    context = {
        source
        for source, stated in context_stated
        if source in INDEPENDENT_SOURCES and stated == context_window
    }
    price = {
        stated.source
        for stated in prices_stated
        if stated.source in INDEPENDENT_SOURCES
        and stated.route == lead.route
        and (stated.input_price, stated.output_price) == (lead.input_price, lead.output_price)
    }
    count = min(len(context), len(price))
    return count if count >= ENOUGH_SOURCES else 0


def refresh_corroboration(model_pks: Iterable[int] | None = None) -> int:
    """Store how many sources corroborate each published model (of `model_pks`, or all),
    in a fixed number of queries; returns how many models' count changed."""
    models = LanguageModel.objects.published()
    if model_pks is not None:
        models = models.filter(pk__in=list(model_pks))
    today = timezone.localdate()

    def first_route(offers):
        return Subquery(
            offers.filter(model=OuterRef("pk"), output_price__isnull=False).values("pk")[:1]
        )

    rows = list(
        models.annotate(
            list_route=first_route(Route.objects.list_offers(today)),
            cheapest_route=first_route(Route.objects.standard_offers(today)),
        ).values_list(
            "pk",
            "context_window",
            "fact_disputes",
            "corroborated_by",
            "list_route",
            "cheapest_route",
        )
    )
    pks = models.values("pk")
    lead_routes = {row[4] or row[5] for row in rows} - {None}
    leads = {
        pk: Lead(pk, input_price, output_price)
        for pk, input_price, output_price in Route.objects.filter(pk__in=lead_routes).values_list(
            "pk", "input_price", "output_price"
        )
    }
    context_stated: defaultdict[int, list] = defaultdict(list)
    for model_pk, source, facts in ModelStatement.objects.filter(model__in=pks).values_list(
        "model_id", "source", "facts"
    ):
        context_stated[model_pk].append((source, facts.get("context_window")))
    prices_stated: defaultdict[int, list] = defaultdict(list)
    for (
        model_pk,
        source,
        route,
        input_price,
        output_price,
        context,
    ) in RouteStatement.objects.filter(route__model__in=pks).values_list(
        "route__model_id", "source", "route_id", "input_price", "output_price", "context_window"
    ):
        prices_stated[model_pk].append(PriceStated(source, route, input_price, output_price))
        context_stated[model_pk].append((source, context))
    proposed = set(
        ProposedChange.objects.filter(status=ProposedChange.Status.OPEN, model__in=pks).values_list(
            "model_id", flat=True
        )
    )
    changed = []
    for pk, context_window, disputes, stored, list_route, cheapest_route in rows:
        count = corroborating_sources(
            context_window,
            leads.get(list_route or cheapest_route),
            context_stated[pk],
            prices_stated[pk],
            disputed=bool(disputes),
            proposed=pk in proposed,
        )
        if count != stored:
            changed.append(LanguageModel(pk=pk, corroborated_by=count))
    if changed:
        # A page's robots meta and the sitemap read it: the bulk write says so.
        LanguageModel.objects.bulk_update(changed, ["corroborated_by"], batch_size=500)
    return len(changed)
