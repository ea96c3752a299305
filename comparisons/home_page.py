"""The home page: the compare picker, the pairs editors feature, and what a reader of a
synced catalog looks for first: the models most providers serve and the comparisons
related to them, the newest releases, the latest price changes, the benchmark leaders,
and what editors reviewed lately.

Eight queries whatever the size of the catalog: the featured pairs; the most-served
models; their similar models; the newest releases; the latest price changes; the most
scored benchmarks and their scores; the most recently reviewed models, whose pairs among
themselves are the recently reviewed pairs. The page is cached as every page is.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import combinations

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from catalog.feeds import FeedEntry, changed_price_records, price_change_entries
from catalog.formatting import partial_date, score_text
from catalog.models import Benchmark, BenchmarkScore, LanguageModel, Route, SimilarModel
from catalog.pages.benchmarks import PUBLISHED_SCORE, compared_setting, score_setting
from catalog.scores import Claim, setting_text
from catalog.slugs import pair_url
from comparisons.models import FeaturedComparison
from presentation.seo import PageMeta

FEATURED_LIMIT = 12
RECENT_MODELS = 8
RECENT_PAIRS = 8
PAIRS_PER_MODEL = 2
MOST_SERVED = 12
NEWEST = 12
RELATED_PAIRS = 12
PRICE_CHANGES = 8
BENCHMARK_LEADERS = 8


@dataclass(frozen=True)
class RecentPair:
    """Two reviewed models; `later` is the one reviewed last."""

    later: LanguageModel
    earlier: LanguageModel

    @property
    def reviewed_at(self) -> datetime | None:
        return self.later.reviewed_at

    @property
    def title(self) -> str:
        return f"{self.later.name} vs {self.earlier.name}"

    @property
    def url(self) -> str:
        return pair_url(self.later.slug, self.earlier.slug)


def latest_first(one: LanguageModel, other: LanguageModel) -> tuple[LanguageModel, LanguageModel]:
    """The two models, the one reviewed last first; on the same date, in slug order."""
    if one.reviewed_at == other.reviewed_at:
        return (one, other) if one.slug < other.slug else (other, one)
    # Only reviewed models come here: recently_reviewed_models() excludes reviewed_at NULL.
    return (one, other) if one.reviewed_at > other.reviewed_at else (other, one)  # type: ignore[operator]


def recent_pairs(
    models: Iterable[LanguageModel], limit: int = RECENT_PAIRS, per_model: int = PAIRS_PER_MODEL
) -> list[RecentPair]:
    """The pairs among reviewed `models` (anything with name, slug, reviewed_at), latest first.

    A pair page changes when either model is reviewed, so a pair counts from the later of
    its two review dates; on a tie, the pair whose other model was reviewed later comes
    first, then the pair URL decides, so the order never depends on the query's. A model
    appears in at most `per_model` pairs: one fresh review must not fill the list with
    that model's pairs.
    """
    pairs = [RecentPair(*latest_first(one, other)) for one, other in combinations(models, 2)]
    pairs.sort(key=lambda pair: pair.url)
    pairs.sort(key=lambda pair: (pair.later.reviewed_at, pair.earlier.reviewed_at), reverse=True)
    shown: list[RecentPair] = []
    appearances: Counter[str] = Counter()
    for pair in pairs:
        if len(shown) == limit:
            break
        if appearances[pair.later.slug] < per_model and appearances[pair.earlier.slug] < per_model:
            shown.append(pair)
            appearances.update((pair.later.slug, pair.earlier.slug))
    return shown


def recently_reviewed_models(limit: int = RECENT_MODELS) -> list[LanguageModel]:
    return list(
        LanguageModel.objects.published()
        .filter(reviewed_at__isnull=False)
        .select_related("organization")
        .order_by("-reviewed_at", "name")[:limit]
    )


@dataclass(frozen=True)
class ModelRow:
    """A model in one of the home page's tables: its name, page and maker, and what that
    table is about (how many providers serve it, when it was released)."""

    name: str
    slug: str
    url: str
    organization: str
    detail: str


@dataclass(frozen=True)
class PairLink:
    title: str
    url: str


@dataclass(frozen=True)
class Leader:
    benchmark: str
    benchmark_url: str
    model: str
    model_url: str
    score: str
    setting: str  # how the compared scores were run; "" when their sources say nothing
    claim: str  # "measured by Aider", "reported by the lab"
    models: int  # how many models were run that way


def model_row(model: LanguageModel, detail: str) -> ModelRow:
    return ModelRow(
        model.name, model.slug, model.get_absolute_url(), model.organization.name, detail
    )


def most_served_models(limit: int = MOST_SERVED) -> list[ModelRow]:
    """The published models the most providers serve (an active route each), then by name."""
    rows = (
        LanguageModel.objects.published()
        .annotate(
            providers=Count("routes__provider", filter=Q(routes__is_active=True), distinct=True)
        )
        .filter(providers__gt=0)
        .select_related("organization")
        .order_by("-providers", "name")[:limit]
    )
    return [model_row(model, str(model.providers)) for model in rows]


def newest_releases(today: date, limit: int = NEWEST) -> list[ModelRow]:
    """The published models released most recently (not later than `today`), newest first."""
    rows = (
        LanguageModel.objects.published()
        .filter(released_on__lte=today)
        .select_related("organization")
        .order_by("-released_on", "name")[:limit]
    )
    # As precisely as its source states it: "2026-01" stays a month.
    return [
        model_row(model, partial_date(model.released_on, model.released_precision))
        for model in rows
    ]


def related_comparisons(served: list[ModelRow], limit: int = RELATED_PAIRS) -> list[PairLink]:
    """Each most-served model against its most similar published models (the ranking of
    catalog/similar.py), the first of each model before the second: one query."""
    by_model: dict[str, list[tuple[str, str]]] = {}
    rows = (
        SimilarModel.objects.filter(
            model__slug__in=[model.slug for model in served],
            similar__is_published=True,
            rank__lt=PAIRS_PER_MODEL,
        )
        .order_by("rank")
        .values_list("model__slug", "similar__name", "similar__slug")
    )
    for model_slug, name, slug in rows:
        by_model.setdefault(model_slug, []).append((name, slug))
    links: list[PairLink] = []
    seen: set[str] = set()
    for rank in range(PAIRS_PER_MODEL):
        for model in served:
            others = by_model.get(model.slug, [])
            if rank < len(others) and len(links) < limit:
                name, slug = others[rank]
                url = pair_url(model.slug, slug)
                if url not in seen:
                    seen.add(url)
                    links.append(PairLink(f"{model.name} vs {name}", url))
    return links


def benchmark_leaders(limit: int = BENCHMARK_LEADERS) -> list[Leader]:
    """The leader of each of the benchmarks most published models have a score on, among
    the scores run the way most were (like with like, as the benchmark's page ranks them):
    two queries."""
    benchmarks = list(
        Benchmark.objects.annotate(
            scored=Count("scores__model", filter=PUBLISHED_SCORE, distinct=True)
        )
        .filter(scored__gt=1)
        .order_by("-scored", "name")[:limit]
    )
    scores: dict[int, list[BenchmarkScore]] = {benchmark.pk: [] for benchmark in benchmarks}
    for score in BenchmarkScore.objects.filter(
        benchmark__in=benchmarks, model__is_published=True
    ).select_related("model"):
        scores[score.benchmark_id].append(score)
    leaders = []
    for benchmark in benchmarks:
        setting = compared_setting(scores[benchmark.pk])
        compared = [s for s in scores[benchmark.pk] if score_setting(s) == setting]
        by_name = sorted(compared, key=lambda score: score.model.name)
        choose = max if benchmark.higher_is_better else min
        best = choose(by_name, key=lambda score: score.value)  # a tie: the first by name
        leaders.append(
            Leader(
                benchmark=benchmark.name,
                benchmark_url=benchmark.get_absolute_url(),
                model=best.model.name,
                model_url=best.model.get_absolute_url(),
                score=score_text(best.value, benchmark.unit),
                setting=setting_text(*setting),
                claim=Claim(best.claim, best.measured_by).text,
                models=len(compared),
            )
        )
    return leaders


def latest_price_changes(limit: int = PRICE_CHANGES) -> list[FeedEntry]:
    """The latest change to each of the published models whose per-token price moved on a
    day their source dates, as the price feed words them. A change a sync recorded the day
    it read a more current source is a correction of the catalog's copy, not news of a
    price a provider moved."""
    records = changed_price_records(
        Route.objects.filter(model__is_published=True), dated_only=True, limit=limit * 25
    )
    first_of_each_model = {record.model_id: record for record in reversed(records)}
    # One change a model (its routes in several regions often move together), newest first.
    kept = [record for record in records if first_of_each_model[record.model_id] is record]
    return price_change_entries(kept)[:limit]


@dataclass(frozen=True)
class HomePage:
    featured: list[FeaturedComparison]
    recent_models: list[LanguageModel]
    recent_pairs: list[RecentPair]
    meta: PageMeta
    most_served: list[ModelRow] = field(default_factory=list)
    related: list[PairLink] = field(default_factory=list)
    newest: list[ModelRow] = field(default_factory=list)
    price_changes: list[FeedEntry] = field(default_factory=list)
    leaders: list[Leader] = field(default_factory=list)


def read_home_page() -> HomePage:
    models = recently_reviewed_models()
    served_rows = most_served_models()
    return HomePage(
        featured=list(FeaturedComparison.objects.shown()[:FEATURED_LIMIT]),
        recent_models=models,
        recent_pairs=recent_pairs(models),
        most_served=served_rows,
        related=related_comparisons(served_rows),
        newest=newest_releases(timezone.localdate()),
        price_changes=latest_price_changes(),
        leaders=benchmark_leaders(),
        meta=PageMeta(
            title=f"{settings.SITE_NAME}: compare large language models side by side",
            description="Pick two large language models and compare context windows, prices "
            "per provider, capabilities and benchmarks, from public catalogs and model cards, "
            "reviewed by editors where a page says so.",
            canonical_path=reverse("comparisons:home"),
        ),
    )
