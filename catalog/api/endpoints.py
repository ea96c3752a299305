"""The read-only JSON API, version 1 (`/api/v1/`), and its OpenAPI document
(`/api/v1/openapi.json`). No documentation UI of its own (django-ninja's loads scripts
from a CDN, which the CSP forbids): the Open data page (`/data/`) documents it.

Each operation parses its parameters (django-ninja, from the signature), calls one read
(queries.py), and builds its records (records.py): a fixed number of queries per answer.
Bad parameters answer 400 and unknown slugs or pages 404, each with a JSON `detail`.
GET only: any other method answers 405. Nothing sets a cookie, so the whole-page cache
stores anonymous answers as it does pages.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import ValidationError
from pydantic import Field

from catalog.api import csv_downloads, queries, records
from catalog.api.pagination import NoSuchPage, Paging, paginate
from catalog.api.schemas import (
    BenchmarkOut,
    BenchmarkPage,
    Error,
    FamilyOut,
    FamilyPage,
    Index,
    ModelOut,
    ModelPage,
    PriceChangePage,
    ProviderOut,
    ProviderPage,
    RoutePage,
    ScorePage,
)

SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
SLUG_MAX_LENGTH = 120

api = NinjaAPI(
    title="LLM Reference open data",
    version="1",
    description=(
        "Read-only: the published models of the catalog and what hangs off them, as "
        "editors curate them. Every record carries its source and when an editor last "
        "reviewed it. Lists are paged (`page`, `page_size`). See /data/ for the CSV files."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    docs_decorator=require_GET,  # the OpenAPI document too answers GET only
)

ERRORS = {400: Error, 404: Error}

# The lists, by URL name (the index names them so).
RESOURCES = (
    "models",
    "providers",
    "routes",
    "price_history",
    "benchmarks",
    "scores",
    "families",
)


def slug_field(description: str):
    return Field(None, pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH, description=description)


def slug_path():
    return Path(..., pattern=SLUG_PATTERN, max_length=SLUG_MAX_LENGTH)


class RouteFilters(Schema):
    model: str | None = slug_field("Only this model's routes (its slug).")
    provider: str | None = slug_field("Only this provider's routes (its slug).")


class ScoreFilters(Schema):
    benchmark: str | None = slug_field("Only this benchmark's scores (its slug).")
    model: str | None = slug_field("Only this model's scores (its slug).")


@api.exception_handler(ValidationError)
def bad_parameters(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": validation_message(error.errors)}, status=400)


@api.exception_handler(queries.Unknown)
@api.exception_handler(NoSuchPage)
def not_found(request: HttpRequest, error: LookupError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=404)


def validation_message(errors: list[dict]) -> str:
    """django-ninja's validation errors as one sentence per parameter:
    "page: Input should be greater than or equal to 1."."""
    parts = []
    for error in errors:
        name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        parts.append(f"{name}: {error.get('msg', 'invalid')}.")
    return " ".join(parts) or "The request's parameters are not valid."


def links(request: HttpRequest) -> records.PageLinks:
    return records.page_links(f"{request.scheme}://{request.get_host()}")


def page_of(request: HttpRequest, items, paging: Paging, build) -> dict:
    query = {key: str(request.GET.get(key, "")) for key in request.GET if key != "page"}
    return paginate(items, paging, build, request.build_absolute_uri(request.path), query)


@api.get("/", response=Index, url_name="index", summary="What the API offers", tags=["index"])
def index(request: HttpRequest):
    absolute = request.build_absolute_uri
    return {
        "name": api.title,
        "version": api.version,
        "openapi": absolute(reverse("api-v1:openapi-json")),
        "documentation": absolute(reverse("catalog:open_data")),
        "resources": {name: absolute(reverse(f"api-v1:{name}")) for name in RESOURCES},
        "csv": {name: absolute(reverse(f"api-v1:{name}_csv")) for name in csv_downloads.DOWNLOADS},
    }


@api.get("/models", response={200: ModelPage, **ERRORS}, url_name="models", tags=["models"])
def list_models(request: HttpRequest, paging: Query[Paging]):
    """Published models, by slug."""
    slugs, page_links = queries.capability_slugs(), links(request)
    return page_of(
        request,
        queries.models(),
        paging,
        lambda model: records.model_record(model, slugs, page_links),
    )


@api.get("/models/{slug}", response={200: ModelOut, **ERRORS}, url_name="model", tags=["models"])
def get_model(request: HttpRequest, slug: str = slug_path()):
    model = queries.one(queries.models(), slug, "published model")
    return records.model_record(model, queries.capability_slugs(), links(request))


@api.get("/routes", response={200: RoutePage, **ERRORS}, url_name="routes", tags=["routes"])
def list_routes(request: HttpRequest, filters: Query[RouteFilters], paging: Query[Paging]):
    """Routes (a model at a provider, in a service mode and context tier, with its prices)
    of published models, active or not, by model, provider, mode and tier."""
    routes, page_links = queries.routes(filters.model, filters.provider), links(request)
    return page_of(request, routes, paging, lambda route: records.route_record(route, page_links))


@api.get(
    "/price-history",
    response={200: PriceChangePage, **ERRORS},
    url_name="price_history",
    tags=["routes"],
)
def list_price_history(request: HttpRequest, filters: Query[RouteFilters], paging: Query[Paging]):
    """Every recorded change of a route's price, newest first."""
    identities, history = queries.price_history(filters.model, filters.provider)
    changes = records.price_change_records(history, identities)
    return page_of(request, changes, paging, lambda change: change)


@api.get("/scores", response={200: ScorePage, **ERRORS}, url_name="scores", tags=["benchmarks"])
def list_scores(request: HttpRequest, filters: Query[ScoreFilters], paging: Query[Paging]):
    """Benchmark scores of published models, by benchmark and model."""
    scores = queries.scores(filters.benchmark, filters.model)
    return page_of(request, scores, paging, records.score_record)


def add_slug_resource(
    name: str, single: str, what: str, read, build, page_schema, record_schema, about: str
) -> None:
    """A list at /<name> (`about` says what it holds) and one record at /<name>/<slug>:
    the records of `read()` (a queryset in slug order) made by `build(item, links)`."""

    @api.get(
        f"/{name}",
        response={200: page_schema, **ERRORS},
        url_name=name,
        operation_id=f"list_{name}",
        summary=f"List {name}",
        description=about,
        tags=[name],
    )
    def listed(request: HttpRequest, paging: Query[Paging]):
        page_links = links(request)
        return page_of(request, read(), paging, lambda item: build(item, page_links))

    @api.get(
        f"/{name}/{{slug}}",
        response={200: record_schema, **ERRORS},
        url_name=single,
        operation_id=f"get_{single}",
        summary=f"One {what}",
        tags=[name],
    )
    def one(request: HttpRequest, slug: str = slug_path()):
        return build(queries.one(read(), slug, what), links(request))


add_slug_resource(
    "providers",
    "provider",
    "provider",
    queries.providers,
    records.provider_record,
    ProviderPage,
    ProviderOut,
    "Providers with a route to a published model, by slug.",
)
add_slug_resource(
    "benchmarks",
    "benchmark",
    "benchmark",
    queries.benchmarks,
    records.benchmark_record,
    BenchmarkPage,
    BenchmarkOut,
    "Benchmarks with a score of a published model, by slug.",
)
add_slug_resource(
    "families",
    "family",
    "model family",
    queries.families,
    records.family_record,
    FamilyPage,
    FamilyOut,
    "Model families with a published member, by slug.",
)
csv_downloads.add_to(api)
