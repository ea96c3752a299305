"""Plain facts about models, read from the catalog in a fixed number of queries.

The model page and the pair page are computed from these frozen dataclasses by pure
functions, so their rules are testable without a database and the query count does not
grow with the catalog (no query per route, capability, score or related pair).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from functools import partial

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from catalog import derived
from catalog.dependencies import depends_on, memo_active, memoized, set_key, table_key
from catalog.formatting import route_label, tier_name
from catalog.indexing import record_indexable
from catalog.lifecycle import LifecycleBadge, lifecycle_badge, retired
from catalog.models import (
    ROUTE_PLACE,
    BenchmarkScore,
    Capability,
    Curated,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    Route,
    serving_marks,
)
from catalog.pricing import (
    Prices,
    PricingKind,
    in_place_of_price,
    is_price,
    marked_below_list,
    token_prices,
)
from catalog.scores import Claim, benchmark_key, setting_text

YES = ModelCapability.Support.YES
NO = ModelCapability.Support.NO
UNKNOWN = ModelCapability.Support.UNKNOWN


@dataclass(frozen=True)
class CapabilityFacts:
    slug: str
    name: str
    phrase: str


@dataclass(frozen=True)
class ReviewStamp:
    """One fact shown on a page, and when it was last checked (None: never)."""

    label: str
    reviewed_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class RouteFacts:
    provider: str
    provider_slug: str
    tier: str
    input_price: Decimal | None
    output_price: Decimal | None
    stamps: tuple[ReviewStamp, ...] = ()
    cached_input_price: Decimal | None = None  # input read from the provider's cache
    service_mode: str = ""  # "" for the standard way of buying; "batch", "flex"…
    context_above: int = 0  # a context tier: applies to requests above this many input tokens
    retires_on: date | None = None
    retired: bool = False  # retired by the day the facts were read: never the cheapest
    lifecycle: LifecycleBadge | None = None  # its badge on the day the facts were read
    # How a reader pays (catalog/pricing.py); the prices above are None unless per token.
    pricing_kind: str = PricingKind.PER_TOKEN
    at_maker_api: bool = False  # at the model's maker's own API: its list price
    marks: str = ""  # how it is served, where it has a way of its own: "EU", "FP8, TEE"…
    below_list: bool = False  # under half the maker's list price (catalog/pricing.py)
    pk: int = 0  # the route's id: the last tie-break between equal prices

    @property
    def label(self) -> str:
        return route_label(self.provider, self.tier)

    @property
    def is_standard(self) -> bool:
        """The standard price of the provider's base tier: what "cheapest" compares."""
        return self.service_mode == "" and self.context_above == 0

    @property
    def has_token_prices(self) -> bool:
        return self.input_price is not None and self.output_price is not None

    @property
    def in_place_of_price(self) -> str:
        """ "Free tier (rate-limited)", "In a subscription plan"…, or "" (see pricing.py)."""
        return in_place_of_price(self.pricing_kind)


@dataclass(frozen=True)
class PriceQuote:
    """A standard per-token price at one provider: the maker's list price, or the cheapest
    route's (`offers`)."""

    provider: str
    provider_slug: str
    input_price: Decimal | None
    output_price: Decimal | None


@dataclass(frozen=True)
class ScoreFacts:
    benchmark: str
    benchmark_slug: str
    value: Decimal
    unit: str
    higher_is_better: bool
    stamp: ReviewStamp | None = None
    # How it was run (harness, variant, dataset, version): scores compare only where equal.
    setting: tuple[str, str, str, str] = ("", "", "", "")
    claim: str = ""  # "measured by Aider", "reported by the lab", "" (catalog/scores.py)
    source_url: str = ""
    measured_on: date | None = None

    @property
    def like(self) -> tuple[str, ...]:
        """What a score compares with: the same benchmark, run the same way."""
        return (self.benchmark_slug, *self.setting)

    @property
    def setting_text(self) -> str:
        return setting_text(*self.setting)

    @property
    def label(self) -> str:
        """ "SWE-Bench Pro (Claude Code, medium, public)", or the benchmark's name alone."""
        return f"{self.benchmark} ({self.setting_text})" if self.setting_text else self.benchmark


@dataclass(frozen=True)
class ModelFacts:
    name: str
    slug: str
    organization: str = ""
    released_on: date | None = None
    released_precision: str = "day"  # "month" for "2026-01": never shown as a day
    product_type: str = ""
    best_for: str = ""
    tags: tuple[str, ...] = ()
    context_window: int | None = None
    max_output_tokens: int | None = None
    parameters_total: int | None = None
    parameters_active: int | None = None
    architecture: str = ""
    license_name: str = ""
    license_osi_approved: bool = False
    openness: str = ""
    commercial_use: str = ""
    knowledge_cutoff: date | None = None
    knowledge_precision: str = "day"
    source_url: str = ""
    # fact → the other values its sources state (catalog/sync/best_source.py)
    disputes: dict = field(default_factory=dict)
    # capability slug → "yes" / "no" / "unknown"; a capability with no row is unknown.
    capabilities: dict[str, str] = field(default_factory=dict)
    routes: tuple[RouteFacts, ...] = ()
    list_price: PriceQuote | None = None  # at the maker's own API (catalog/pricing.py)
    cheapest_price: PriceQuote | None = None  # the cheapest per-token route's
    scores: tuple[ScoreFacts, ...] = ()
    stamp: ReviewStamp | None = None
    family: str = ""
    # The signals derived from stated facts where no editor set them (catalog/derived.py):
    # "product_type", "tags", "best_for".
    derived: frozenset[str] = frozenset()
    # The latest change or review of anything the model's pages show.
    last_modified: datetime | None = None
    lifecycle: LifecycleBadge | None = None  # its badge on the day the facts were read
    # How many independent sources state its facts alike (catalog/corroboration.py), and
    # whether search engines may index its page (catalog/indexing.py).
    corroborated_by: int = 0
    indexable: bool = False
    pk: int = 0  # the record's: what a page showing these facts depends on

    def support(self, capability_slug: str) -> str:
        return self.capabilities.get(capability_slug, UNKNOWN)

    @property
    def license_badge(self) -> str:
        """ "OSI" beside a license the Open Source Initiative approved, else ""."""
        return "OSI" if self.license_name and self.license_osi_approved else ""

    @property
    def providers(self) -> tuple[str, ...]:
        """Provider names in route order, each once (tiers of one provider are one route)."""
        return tuple(dict.fromkeys(route.provider for route in self.routes))

    @property
    def list_routes(self) -> tuple[RouteFacts, ...]:
        return list_routes(self.routes)


def list_routes(routes: Iterable[RouteFacts]) -> tuple[RouteFacts, ...]:
    """The routes of the maker's list price among a model's `routes`: at its own API, sold
    per token, those served without a mark of their own (a region, a dated snapshot) where
    any is."""
    own = [route for route in routes if route.at_maker_api and is_price(route.pricing_kind)]
    plain = [route for route in own if not route.marks]
    return tuple(plain or own)


def model_queryset() -> QuerySet[LanguageModel]:
    """Published models with everything a page shows, in five queries for any number: every
    route, inactive ones too (they count in `last_modified`: see `active_routes()`).

    The related rows come unordered: `active_routes()` and `shown_scores()` put them in
    the pages' order. An ORDER BY over joined tables costs the ORM more to write than the
    database takes to run the whole query (a fifth of a model's read, on the real catalog)."""
    return (
        LanguageModel.objects.published()
        .select_related("organization", "family", "sync_run")
        .prefetch_related(
            Prefetch("decision_tags", queryset=DecisionTag.objects.order_by()),
            Prefetch(
                "capability_support",
                queryset=ModelCapability.objects.select_related("capability").order_by(),
            ),
            Prefetch("routes", queryset=Route.objects.select_related("provider").order_by()),
            Prefetch(
                "scores", queryset=BenchmarkScore.objects.select_related("benchmark").order_by()
            ),
        )
    )


def active_routes(model: LanguageModel) -> list[Route]:
    """The routes a page shows of a model loaded through `model_queryset()`: by provider
    name (capitals and small letters alike), the standard way of buying first, then each
    context tier from the smallest."""
    return sorted(
        (route for route in model.routes.all() if route.is_active),
        key=lambda route: (
            route.provider.name.casefold(),
            route.provider.name,
            route.service_mode,
            route.context_above,
        ),
    )


def shown_scores(model: LanguageModel) -> list[BenchmarkScore]:
    """The scores of a model loaded through `model_queryset()`, by benchmark name
    (capitals and small letters alike), then by how they were run."""
    return sorted(
        model.scores.all(),
        key=lambda score: (
            score.benchmark.name.casefold(),
            score.benchmark.name,
            score.harness,
            score.variant,
        ),
    )


def capability_list() -> list[CapabilityFacts]:
    """The capabilities pages list, in order: kept between requests where a memo is."""
    return memoized("capabilities", _read_capabilities)


def _read_capabilities() -> list[CapabilityFacts]:
    depends_on(table_key(Capability))
    return [
        CapabilityFacts(slug=slug, name=name, phrase=phrase)
        for slug, name, phrase in Capability.objects.values_list("slug", "name", "reader_phrase")
    ]


def _stamp(label: str, record: Curated) -> ReviewStamp:
    return ReviewStamp(label=label, reviewed_at=record.reviewed_at, updated_at=record.updated_at)


def route_facts(route: Route, model: LanguageModel, today: date) -> RouteFacts:
    """Plain facts of a route (its provider loaded) of `model`: its prices only where it
    is sold per token (catalog/pricing.py)."""
    provider = route.provider
    return plain_route_facts(
        route,
        (provider.name, provider.slug, provider.lab_id),
        model.organization_id,
        today,
        stamps=(_stamp(f"{route} route", route), _stamp(f"{provider} (provider)", provider)),
    )


def plain_route_facts(
    route, provider: tuple[str, str, int | None], maker_id: int, today: date, stamps=()
) -> RouteFacts:
    """Plain facts of `route` (a Route, or a row with its fields' names) at `provider`
    (name, slug, the lab whose API it is) of a model made by the organization `maker_id`."""
    kind = route.pricing_kind
    input_price, output_price = token_prices(kind, route.input_price, route.output_price)
    marks = serving_marks(route)
    return RouteFacts(
        provider=provider[0],
        provider_slug=provider[1],
        tier=tier_name(route.service_mode, route.context_above, marks),
        input_price=input_price,
        output_price=output_price,
        cached_input_price=route.cached_input_price if is_price(kind) else None,
        stamps=stamps,
        service_mode=route.service_mode,
        context_above=route.context_above,
        retires_on=route.retires_on,
        retired=retired(route.retires_on, today),
        lifecycle=lifecycle_badge(route.retires_on, route.is_deprecated, today),
        pricing_kind=kind,
        at_maker_api=provider[2] is not None and provider[2] == maker_id,
        marks=", ".join(marks),
        pk=route.pk,
    )


# What `serving_routes_of` reads of each route, under the names `plain_route_facts` reads.
ROUTE_FACT_FIELDS = (
    "pk",
    "model_id",
    "model__organization_id",
    "provider__name",
    "provider__slug",
    "provider__lab_id",
    "pricing_kind",
    "input_price",
    "output_price",
    "cached_input_price",
    "retires_on",
    "is_deprecated",
    *ROUTE_PLACE,
)


def serving_routes_of(
    models: QuerySet[LanguageModel], today: date, condition: Q | None = None
) -> dict[int, tuple[RouteFacts, ...]]:
    """The routes served `today` of `models` (those meeting `condition`) as plain facts (no
    review stamps) keyed by model id, each price under half the maker's list price among
    them marked: one query for any number of models, of plain rows."""
    rows = (
        Route.objects.serving(today)
        .filter(condition or Q(), model__in=models.values("pk"))
        .order_by()
        .values_list(*ROUTE_FACT_FIELDS, named=True)
    )
    by_model: dict[int, list[RouteFacts]] = {}
    for row in rows:
        provider = (row.provider__name, row.provider__slug, row.provider__lab_id)
        facts = plain_route_facts(row, provider, row.model__organization_id, today)
        by_model.setdefault(row.model_id, []).append(facts)
    return {
        pk: marked_routes(tuple(routes), offers(tuple(routes))[0])
        for pk, routes in by_model.items()
    }


def marked_routes(
    routes: tuple[RouteFacts, ...], list_price: PriceQuote | None
) -> tuple[RouteFacts, ...]:
    """A model's `routes` with each price under half its maker's `list_price` marked."""
    return with_discounts_marked(
        routes,
        (list_price.input_price, list_price.output_price) if list_price else (None, None),
    )


def with_discounts_marked(
    routes: tuple[RouteFacts, ...], list_prices: Prices
) -> tuple[RouteFacts, ...]:
    """`routes` with each price under half the maker's `list_prices` marked."""
    return tuple(
        replace(route, below_list=True)
        if marked_below_list(
            route.pricing_kind,
            route.is_standard,
            route.at_maker_api,
            (route.input_price, route.output_price),
            list_prices,
        )
        else route
        for route in routes
    )


def quote(route: RouteFacts | None) -> PriceQuote | None:
    if route is None:
        return None
    return PriceQuote(route.provider, route.provider_slug, route.input_price, route.output_price)


def offers(routes: tuple[RouteFacts, ...]) -> tuple[PriceQuote | None, PriceQuote | None]:
    """(the maker's list price, the cheapest route's price) among a model's active routes:
    the rule of `RouteQuerySet.standard_offers` and `list_offers`, over loaded routes. The
    standard price of a base tier, sold per token (only those carry prices), served today,
    with an output price; cheapest output first (then the older route); the list price at
    the maker's own API, the model as the maker sells it (unmarked) first."""
    standard = [
        route
        for route in routes
        if route.is_standard and not route.retired and route.output_price is not None
    ]

    list_route = min(
        (route for route in standard if route.at_maker_api),
        key=lambda r: (bool(r.marks), r.output_price, r.pk),
        default=None,
    )
    cheapest_route = min(standard, key=lambda r: (r.output_price, r.pk), default=None)
    return quote(list_route), quote(cheapest_route)


def model_facts(model: LanguageModel) -> ModelFacts:
    """Plain facts of a LanguageModel loaded through `model_queryset()`."""
    # Its records are recorded as they load; a record added to one of its sets is not.
    # (`route.model` names its routes' price history too: catalog/changes.py.)
    depends_on(
        *(set_key(child, "model", model.pk) for child in (Route, ModelCapability, BenchmarkScore)),
        set_key(LanguageModel.decision_tags.through, "languagemodel", model.pk),
    )
    today = timezone.localdate()
    loaded = tuple(route_facts(route, model, today) for route in active_routes(model))
    list_price, cheapest_price = offers(loaded)
    routes = marked_routes(loaded, list_price)
    scores = tuple(
        ScoreFacts(
            benchmark=score.benchmark.name,
            benchmark_slug=score.benchmark.slug,
            value=score.value,
            unit=score.benchmark.unit,
            higher_is_better=score.benchmark.higher_is_better,
            stamp=_stamp(f"{model.name} on {score.benchmark.name}", score),
            setting=(score.harness, score.variant, score.dataset, score.benchmark_version),
            claim=Claim(score.claim, score.measured_by).text,
            source_url=score.source_url,
            measured_on=score.measured_on,
        )
        for score in shown_scores(model)
    )
    capabilities = {
        support.capability.slug: support.support for support in model.capability_support.all()
    }
    signals = decision_signals(model, capabilities, scores, list_price or cheapest_price)
    return ModelFacts(
        name=model.name,
        slug=model.slug,
        organization=model.organization.name,
        released_on=model.released_on,
        released_precision=model.released_precision,
        product_type=signals.product_type,
        best_for=signals.best_for,
        tags=signals.tags,
        family=model.family.name if model.family else "",
        derived=signals.derived,
        context_window=model.context_window,
        max_output_tokens=model.max_output_tokens,
        parameters_total=model.parameters_total,
        parameters_active=model.parameters_active,
        architecture=model.get_architecture_display() if model.architecture else "",
        license_name=model.license_name,
        license_osi_approved=model.license_osi_approved,
        openness=model.get_openness_display(),
        commercial_use=model.get_commercial_use_display() if model.commercial_use else "",
        knowledge_cutoff=model.knowledge_cutoff,
        knowledge_precision=model.knowledge_precision,
        source_url=model.source_url,
        disputes=model.fact_disputes or {},
        capabilities=capabilities,
        routes=routes,
        list_price=list_price,
        cheapest_price=cheapest_price,
        scores=scores,
        stamp=_stamp(f"{model.name} (model)", model),
        last_modified=model.loaded_last_modified(),
        lifecycle=lifecycle_badge(model.retires_on, model.is_deprecated, today),
        corroborated_by=model.corroborated_by,
        indexable=record_indexable(model),
        pk=model.pk,
    )


@dataclass(frozen=True)
class Signals:
    product_type: str
    best_for: str
    tags: tuple[str, ...]
    derived: frozenset[str]


def decision_signals(
    model: LanguageModel,
    capabilities: dict[str, str],
    scores: tuple[ScoreFacts, ...],
    price: PriceQuote | None,
) -> Signals:
    """The model's product type, "best for" and decision-fit tags: an editor's where set,
    else derived from its stated facts (catalog/derived.py), each derived one named."""
    stated = derived.Stated(
        name=model.name,
        family=model.family.name if model.family else "",
        context_window=model.context_window,
        parameters_total=model.parameters_total,
        capabilities=capabilities,
        scores=tuple(
            (benchmark_key(score.benchmark), score.value) for score in scores if score.unit == "%"
        ),
        output_price=price.output_price if price else None,
        sold_per_token=price is not None,
    )
    names: frozenset[str] = frozenset()
    tags = tuple(tag.name for tag in sorted(model.decision_tags.all(), key=tag_order))
    if not tags:
        tags = derived.derived_tags(stated)
        names |= {"tags"} if tags else set()
    product_type = model.get_product_type_display() if model.product_type else ""
    if not product_type:
        product_type = derived.derived_product_type(stated)
        names |= {"product_type"} if product_type else set()
    best_for = model.best_for
    if not best_for and tags:
        best_for = derived.best_for(tags)
        names |= {"best_for"} if best_for else set()
    return Signals(str(product_type), best_for, tags, frozenset(names))


def tag_order(tag: DecisionTag) -> tuple[int, str]:
    return (tag.position, tag.name)


def load_models(slugs: Iterable[str]) -> dict[str, ModelFacts]:
    """Facts of the published models among `slugs`, keyed by slug (missing ones absent):
    each model's kept between requests where a memo is (catalog/dependencies.py), else all
    read together."""
    if not memo_active():
        return {m.slug: model_facts(m) for m in model_queryset().filter(slug__in=slugs)}
    found = {slug: memoized(f"facts:{slug}", partial(load_model, slug)) for slug in slugs}
    return {slug: facts for slug, facts in found.items() if facts is not None}


def load_model(slug: str) -> ModelFacts | None:
    model = model_queryset().filter(slug=slug).first()
    return model_facts(model) if model is not None else None
