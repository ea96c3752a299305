"""The shapes of the API's records and pages: django-ninja Schemas (pydantic models), from
which the OpenAPI document at /api/v1/openapi.json is written.

A fact the catalog does not know is null (never 0 or ""). Prices and scores are decimal
strings ("0.26"), so that no client reads them through a float.
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

Support = Literal["yes", "no", "unknown"]

SOURCE_URL = "Where the facts come from; null when no source is recorded."
REVIEWED_AT = "When an editor last checked the record against its source; null if never."
PRICE = "USD per 1M tokens, a decimal string; null when not sourced (never 0 for unknown)."
ROUTE_PRICE = (
    "USD per 1M tokens, a decimal string; null when not sourced, or when the route is not "
    "sold per token (see pricing_kind): a free tier's or a plan's $0 is not a price."
)


class Offer(Schema):
    provider: str = Field(description="The provider's slug.")
    input_price: str | None = Field(description=PRICE)
    output_price: str | None = Field(description=PRICE)


PARTIAL_DATE = (
    "As precisely as its source states it: 2026-01-27, 2026-01 (a month), or 2026 (a year)."
)


class Curated(Schema):
    source_url: str | None = Field(description=SOURCE_URL)
    reviewed_at: datetime | None = Field(description=REVIEWED_AT)


class Named(Schema):
    slug: str
    name: str


class ModelOut(Curated):
    slug: str
    name: str
    organization: Named
    family: Named | None
    released_on: str | None = Field(description=PARTIAL_DATE, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    context_window: int | None = Field(description="In tokens.")
    max_output_tokens: int | None
    parameters_total: int | None
    parameters_active: int | None = Field(
        description="For a mixture of experts: the parameters used per token."
    )
    openness: str | None = Field(description="open_weights, open_source, proprietary…")
    license: str | None
    license_osi_approved: bool
    knowledge_cutoff: str | None = Field(
        description=PARTIAL_DATE, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"
    )
    capabilities: dict[str, Support] = Field(
        description="Every capability's slug: yes, no, or unknown (not stated)."
    )
    list_price: Offer | None = Field(
        description="The maker's list price: the standard per-token price at the maker's own "
        "API; null where the maker sells it through no API we track with a price."
    )
    cheapest_price: Offer | None = Field(
        description="The cheapest standard per-token route by output price (never a free "
        "tier's or a subscription plan's); null when none is priced."
    )
    is_deprecated: bool
    retires_on: date | None
    url: str | None = Field(description="The model's page on this site.")


class ProviderOut(Curated):
    slug: str
    name: str
    kind: str | None = Field(
        description="first_party (the lab's own API), aggregator (a gateway or router), cloud, "
        "inference_host, subscription_plan, free_tier or local_app; null when not known."
    )
    lab: str | None = Field(
        description="The slug of the organization this provider is the own API of, if any."
    )
    website: str | None
    url: str | None = Field(description="The provider's page on this site.")


class RouteOut(Curated):
    id: int
    model: str = Field(description="The model's slug.")
    provider: str = Field(description="The provider's slug.")
    provider_model_id: str | None = Field(description="The model's id in the provider's API.")
    context_window: int | None = Field(description="This provider's own limit, where stated.")
    max_output_tokens: int | None = Field(description="This provider's own limit.")
    region: str | None = Field(description="EU, US, Global…: where the provider serves it.")
    quantization: str | None = Field(description="FP8, INT4…, where the provider says.")
    confidential: bool = Field(description="Served in a trusted execution environment (TEE).")
    free_variant: bool = Field(description="The provider's free, rate-limited variant.")
    snapshot: str | None = Field(description="The dated snapshot the provider's id pins.")
    variant: str | None = Field(description="A reasoning switch the id fixes: thinking…")
    service_mode: str = Field(description="standard, batch, flex, priority or fast.")
    context_above: int = Field(
        description="0 for the base price; N for prices that apply above N input tokens."
    )
    pricing_kind: Literal["per_token", "free_tier", "subscription_plan", "local", "unknown"] = (
        Field(description="How a reader pays: only a per_token route's prices are prices.")
    )
    input_price: str | None = Field(description=ROUTE_PRICE)
    output_price: str | None = Field(description=ROUTE_PRICE)
    cached_input_price: str | None = Field(description=ROUTE_PRICE)
    cache_write_price: str | None = Field(description=ROUTE_PRICE)
    is_active: bool = Field(description="False: the provider no longer offers it.")
    is_deprecated: bool
    retires_on: date | None
    url: str | None = Field(description="The page of the model at this provider.")


class PriceChangeOut(Schema):
    route: int = Field(description="The route's id (see /routes/).")
    model: str
    provider: str
    service_mode: str
    context_above: int
    field: Literal["input_price", "output_price", "cached_input_price", "cache_write_price"]
    old: str | None = Field(description=PRICE)
    new: str | None = Field(description=PRICE)
    changed_at: datetime = Field(description="When the change was recorded.")
    effective_on: date | None = Field(
        description="The day the source says the price took effect; null when undated."
    )
    changed_by: Literal["editor", "sync"] | None = Field(
        description="An editor, or a catalog sync from a public source; null when unknown."
    )
    source_url: str | None = Field(description="The route's source when the change was made.")


class BenchmarkOut(Curated):
    slug: str
    name: str
    category: str | None
    unit: str
    higher_is_better: bool
    description: str | None
    url: str | None = Field(description="The benchmark's page on this site.")


class ScoreOut(Curated):
    benchmark: str = Field(description="The benchmark's slug.")
    model: str = Field(description="The model's slug.")
    value: str = Field(description="A decimal string, in `unit`.")
    unit: str
    higher_is_better: bool
    metric: str | None = Field(description="What the value counts: resolve rate, index…")
    harness: str | None = Field(description="What ran it: Mini-SWE-Agent, Claude Code…")
    variant: str | None = Field(description="The model's setting: a reasoning effort…")
    dataset: str | None = Field(description="A split of the benchmark: public…")
    benchmark_version: str | None = Field(description="The benchmark's version: 2.1…")
    claim: Literal["lab", "independent"] | None = Field(
        description="Whose claim: the lab's own, or measured independently (by measured_by)."
    )
    measured_by: str | None = Field(description="Who measured an independent score: Aider…")
    measured_on: date | None


class FamilyOut(Curated):
    slug: str
    name: str
    organization: Named | None = Field(description="Null when its models have several makers.")
    description: str | None
    members: list[str] = Field(description="The slugs of its published models.")
    url: str | None = Field(description="The family's page on this site.")


class PageOf(Schema):
    count: int = Field(description="How many records match, on every page.")
    next: str | None = Field(description="The next page's URL; null on the last page.")
    previous: str | None = Field(description="The previous page's URL; null on the first.")


class ModelPage(PageOf):
    results: list[ModelOut]


class ProviderPage(PageOf):
    results: list[ProviderOut]


class RoutePage(PageOf):
    results: list[RouteOut]


class PriceChangePage(PageOf):
    results: list[PriceChangeOut]


class BenchmarkPage(PageOf):
    results: list[BenchmarkOut]


class ScorePage(PageOf):
    results: list[ScoreOut]


class FamilyPage(PageOf):
    results: list[FamilyOut]


class Error(Schema):
    detail: str = Field(description="What is wrong with the request.")


class Index(Schema):
    name: str
    version: str
    openapi: str
    documentation: str
    resources: dict[str, str]
    csv: dict[str, str]
