"""The Open data page (`/data/`): what the JSON API and the CSV files offer, with example
URLs made of real slugs, and when the data they serve last changed."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import F, Subquery
from django.urls import reverse

from catalog.api import queries
from catalog.formatting import local_day
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    LanguageModel,
    ModelFamily,
    Provider,
    Route,
)
from presentation.responses import latest
from presentation.seo import PageMeta

# What the API serves, and so what the page describes: the latest change or review of any
# of these is the page's Last-Modified and its sitemap lastmod.
SERVED = (LanguageModel, Provider, Route, Benchmark, BenchmarkScore, ModelFamily)


@dataclass(frozen=True)
class Endpoint:
    resource: str
    description: str
    path: str  # the list, or the record at "{slug}"
    example: str  # a URL to follow, with a real slug or filter where there is one
    csv: str  # its CSV file


@dataclass(frozen=True)
class OpenDataPage:
    api_root: str
    openapi: str
    endpoints: list[Endpoint]
    data_changed: str  # YYYY-MM-DD, "" when the catalog is empty
    max_age: int  # seconds browsers and CDNs may keep an answer
    meta: PageMeta
    last_modified: datetime | None


def data_last_changed() -> datetime | None:
    """The latest change or review of anything the API serves, in one query (a subquery
    per table and stamp); None when no model is published (the API serves nothing)."""
    latest_of = {
        f"{table._meta.model_name}_{field}": Subquery(
            table.objects.order_by(F(field).desc(nulls_last=True)).values(field)[:1]
        )
        for table in SERVED
        for field in ("updated_at", "reviewed_at")
    }
    published = LanguageModel.objects.published().order_by()
    row = published.annotate(**latest_of).values(*latest_of).first()
    return latest(row.values()) if row else None


def first_slug(queryset) -> str | None:
    return queryset.order_by("slug").values_list("slug", flat=True).first()


def with_query(url: str, name: str, value: str | None) -> str:
    return f"{url}?{name}={value}" if value else url


def endpoints(model: str | None, provider: str | None, benchmark: str | None) -> list[Endpoint]:
    """Each resource with an example URL (`model`, `provider`, `benchmark`: real slugs
    for the examples, None when the catalog has none)."""

    def url(name: str, *args: str) -> str:
        return reverse(f"api-v1:{name}", args=args)

    def csv(name: str) -> str:
        return reverse(f"api-v1:{name}_csv")

    def detail(name: str, slug: str | None, fallback: str) -> str:
        return url(name, slug) if slug else url(fallback)

    return [
        Endpoint(
            "Models",
            "Published models: specs, openness, license, capabilities, retirement.",
            url("models"),
            detail("model", model, "models"),
            csv("models"),
        ),
        Endpoint(
            "Providers",
            "Where the models can be called.",
            url("providers"),
            detail("provider", provider, "providers"),
            csv("providers"),
        ),
        Endpoint(
            "Routes",
            "A model at a provider, with its prices per 1M tokens. Filters: model, provider.",
            url("routes"),
            with_query(url("routes"), "model", model),
            csv("routes"),
        ),
        Endpoint(
            "Price history",
            "Every recorded price change, newest first. Filters: model, provider.",
            url("price_history"),
            with_query(url("price_history"), "provider", provider),
            csv("price_history"),
        ),
        Endpoint(
            "Benchmarks",
            "What each benchmark measures, its unit, and which way is better.",
            url("benchmarks"),
            detail("benchmark", benchmark, "benchmarks"),
            csv("benchmarks"),
        ),
        Endpoint(
            "Scores",
            "Benchmark scores of published models. Filters: benchmark, model.",
            url("scores"),
            with_query(url("scores"), "benchmark", benchmark),
            csv("scores"),
        ),
        Endpoint(
            "Families",
            "Model families and their published members.",
            url("families"),
            url("families"),
            csv("families"),
        ),
    ]


def read_open_data_page() -> OpenDataPage:
    changed = data_last_changed()
    return OpenDataPage(
        api_root=reverse("api-v1:index"),
        openapi=reverse("api-v1:openapi-json"),
        endpoints=endpoints(
            first_slug(queries.models()),
            first_slug(queries.providers()),
            first_slug(queries.benchmarks()),
        ),
        data_changed=local_day(changed) if changed else "",
        max_age=settings.PAGE_CACHE_MAX_AGE,
        meta=PageMeta(
            title="Open data: JSON API and CSV downloads",
            description=(
                "The catalog's models, providers, prices, price history, benchmarks and "
                "families as a read-only JSON API with an OpenAPI document, and as CSV files."
            ),
            canonical_path=reverse("catalog:open_data"),
        ),
        last_modified=changed,
    )
