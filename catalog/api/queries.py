"""What each resource of the API reads: one queryset per resource, of published models and
what hangs off them, in a stable order (so a page holds the same records every time), with
everything its records show loaded alongside (a fixed number of queries per page, however
many records it holds).

A filter names a record by its slug; a slug that names none of the listed records is
`Unknown`, which the API answers with 404.
"""

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from catalog.api.records import route_identity
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Provider,
    Route,
    RouteQuerySet,
)


class Unknown(LookupError):
    """A slug filter names no listed record."""


def capability_slugs() -> list[str]:
    return list(Capability.objects.order_by("position").values_list("slug", flat=True))


def models() -> QuerySet[LanguageModel]:
    support = ModelCapability.objects.select_related("capability")
    return (
        LanguageModel.objects.published()
        .with_offers()
        .select_related("organization", "family")
        .prefetch_related(Prefetch("capability_support", queryset=support))
        .order_by("slug")
    )


def providers() -> QuerySet[Provider]:
    """Providers with a route (active or not) to a published model: every route listed
    names one of them."""
    listed = Route.objects.filter(provider=OuterRef("pk"), model__is_published=True)
    return Provider.objects.filter(Exists(listed)).select_related("lab").order_by("slug")


def published_routes() -> RouteQuerySet:
    return Route.objects.filter(model__is_published=True)


def routes(model: str | None = None, provider: str | None = None) -> QuerySet[Route]:
    queryset = filtered_routes(model, provider).select_related("model", "provider")
    return queryset.order_by("model__slug", "provider__slug", "service_mode", "context_above")


def filtered_routes(model: str | None, provider: str | None) -> RouteQuerySet:
    queryset = published_routes()
    if model is not None:
        queryset = queryset.filter(model__slug=known(models(), model, "published model"))
    if provider is not None:
        queryset = queryset.filter(provider__slug=known(providers(), provider, "provider"))
    return queryset


def price_history(model: str | None = None, provider: str | None = None):
    """The routes' identities (as they are now) by id, and their history records, oldest
    first: two queries for any number of routes."""
    queryset = filtered_routes(model, provider)
    rows = queryset.values_list(
        "pk", "model__slug", "provider__slug", "service_mode", "context_above"
    )
    identities = {
        pk: route_identity(model_slug, provider_slug, mode, above)
        for pk, model_slug, provider_slug, mode, above in rows
    }
    return identities, queryset.history_records()


def benchmarks() -> QuerySet[Benchmark]:
    """Benchmarks with a score of a published model."""
    scored = BenchmarkScore.objects.filter(benchmark=OuterRef("pk"), model__is_published=True)
    return Benchmark.objects.filter(Exists(scored)).order_by("slug")


def scores(benchmark: str | None = None, model: str | None = None) -> QuerySet[BenchmarkScore]:
    queryset = BenchmarkScore.objects.filter(model__is_published=True)
    if benchmark is not None:
        queryset = queryset.filter(benchmark__slug=known(benchmarks(), benchmark, "benchmark"))
    if model is not None:
        queryset = queryset.filter(model__slug=known(models(), model, "published model"))
    return queryset.select_related("model", "benchmark").order_by("benchmark__slug", "model__slug")


def families() -> QuerySet[ModelFamily]:
    """Families with a published member, each with `published_members` (by slug)."""
    members = LanguageModel.objects.published().order_by("slug").only("slug", "family_id")
    published = LanguageModel.objects.published().filter(family=OuterRef("pk"))
    return (
        ModelFamily.objects.filter(Exists(published))
        .select_related("organization")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="published_members"))
        .order_by("slug")
    )


def known(queryset: QuerySet, slug: str, what: str) -> str:
    """`slug`, when it names a record of `queryset`; else `Unknown` says so."""
    if not queryset.filter(slug=slug).exists():
        raise Unknown(f"No {what} has the slug {slug!r}.")
    return slug


def one(queryset: QuerySet, slug: str, what: str):
    """The record of `queryset` with `slug`; `Unknown` when there is none."""
    record = queryset.filter(slug=slug).first()
    if record is None:
        raise Unknown(f"No {what} has the slug {slug!r}.")
    return record
