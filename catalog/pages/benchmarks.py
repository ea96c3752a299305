"""The benchmarks list (`/benchmarks/`) and a benchmark's page (`/benchmarks/<slug>/`):
what it measures, a leaderboard of the published models' scores, and score against price
with the Pareto frontier (a chart and the same data as a table).

A model's price here is its cheapest *blended* price: (3 × input + output) ÷ 4 per 1M
tokens (three input tokens for each output token, as most traffic reads more than it
writes), over its standard-tier routes sold per token that are serving today (active, not
retired; never a free tier or a plan) with both prices known. The frontier: the models no
other model beats on both counts, one that scores at least as well for at most the same
price and is better on one of them.

A benchmark no published model has a score on is listed, and has a page that says so, but
is not indexed and not in the sitemap (`indexed_benchmarks`).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import NamedTuple

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils import timezone

from catalog.formatting import (
    MISSING,
    iso_day,
    plural,
    price_per_million,
    reviewed_on,
    score_text,
    usd_rate,
)
from catalog.lifecycle import LifecycleBadge, lifecycle_badge
from catalog.models import (
    SCORE_SETTING,
    Benchmark,
    BenchmarkScore,
    Route,
    catalog_changed_at,
)
from catalog.scores import Claim, setting_text
from presentation.charts import Chart, Datum, scatter_chart
from presentation.responses import latest
from presentation.seo import PageMeta

INPUT_WEIGHT, OUTPUT_WEIGHT = 3, 1
BLENDED_DEFINITION = (
    "Blended price: (3 × input price + output price) ÷ 4, in USD per 1M tokens, at the "
    "cheapest of the model's standard-tier routes sold per token that are served today "
    "(retired routes, free tiers and subscription plans do not count) with both prices known."
)

# What a benchmark's page shows besides the benchmark: its published models' scores, the
# models, and their routes (prices; retirement is dated apart, see `last_modified`).
PUBLISHED_SCORE = Q(scores__model__is_published=True)
SHOWN_WITH_BENCHMARK = ("scores__", "scores__model__", "scores__model__routes__")


def blended_price(input_price: Decimal | None, output_price: Decimal | None) -> Decimal | None:
    """(3 × input + output) ÷ 4; None unless both prices are known."""
    if input_price is None or output_price is None:
        return None
    return (INPUT_WEIGHT * input_price + OUTPUT_WEIGHT * output_price) / (
        INPUT_WEIGHT + OUTPUT_WEIGHT
    )


def cheapest_blended(prices: Iterable[tuple[Decimal | None, Decimal | None]]) -> Decimal | None:
    """The lowest blended price of (input, output) pairs; None when none has both."""
    blended = [blended_price(i, o) for i, o in prices]
    return min((price for price in blended if price is not None), default=None)


def better(a: Decimal, b: Decimal, higher_is_better: bool) -> bool:
    """Whether score `a` is strictly better than `b`."""
    return a > b if higher_is_better else a < b


def pareto_frontier[K](
    entries: Sequence[tuple[K, Decimal, Decimal]], higher_is_better: bool
) -> set[K]:
    """The keys of the (key, price, score) entries on the price-score frontier: no other
    entry is at least as cheap and scores at least as well while beating it on one count.
    Entries equal on both count stay on it together."""
    frontier: set[K] = set()
    best: Decimal | None = None  # the best score of any cheaper entry
    by_price: dict[Decimal, list[tuple[K, Decimal]]] = defaultdict(list)
    for key, price, score in entries:
        by_price[price].append((key, score))
    for price in sorted(by_price):
        group = by_price[price]
        top = group[0][1]
        for _, score in group:
            if better(score, top, higher_is_better):
                top = score
        if best is None or better(top, best, higher_is_better):
            frontier.update(key for key, score in group if score == top)
            best = top
    return frontier


def ranks(values: Sequence[Decimal]) -> list[int]:
    """Competition ranks of values already in best-first order: 1, 2, 2, 4."""
    result: list[int] = []
    for index, value in enumerate(values):
        same = index and values[index - 1] == value
        result.append(result[-1] if same else index + 1)
    return result


def direction(higher_is_better: bool) -> str:
    return "Higher is better" if higher_is_better else "Lower is better"


# The pages.


@dataclass(frozen=True)
class BenchmarkRow:
    name: str
    url: str
    category: str
    unit: str
    direction: str
    scored: str  # "12 models"
    reviewed: str


@dataclass(frozen=True)
class BenchmarkListPage:
    rows: list[BenchmarkRow]
    meta: PageMeta
    last_modified: datetime | None


class Entry(NamedTuple):
    """One published model's score, and its cheapest blended price (None: unknown)."""

    name: str
    url: str
    value: Decimal
    price: Decimal | None
    measured_on: date | None
    source_url: str
    reviewed_at: datetime | None
    lifecycle: LifecycleBadge | None = None  # the model's: deprecated, retires, retired
    claim: str = ""  # "measured by Aider", "reported by the lab" (catalog/scores.py)
    setting: str = ""  # how it was run: "Claude Code, medium"


@dataclass(frozen=True)
class LeaderboardRow:
    rank: int
    model: str
    url: str
    score: str
    measured: str
    reviewed: str
    source_url: str
    lifecycle: LifecycleBadge | None = None
    claim: str = ""
    setting: str = ""


@dataclass(frozen=True)
class PriceScoreRow:
    model: str
    url: str
    price: str
    score: str
    on_frontier: str  # "Yes", "No", or "-" without a price (not on the chart)


@dataclass(frozen=True)
class BenchmarkPage:
    name: str
    category: str
    description: str
    unit: str
    direction: str
    source_url: str
    reviewed: str  # "" for never
    leaderboard: list[LeaderboardRow]
    chart: Chart | None
    price_rows: list[PriceScoreRow]
    frontier: list[str]  # the frontier's models, cheapest first
    unpriced: int  # models with a score and no known price: not on the chart
    blended_definition: str
    meta: PageMeta
    last_modified: datetime | None
    setting: str = ""  # how the compared scores were run ("" when their sources say nothing)
    other_runs: list[LeaderboardRow] = field(default_factory=list)  # run other ways


def leaderboard(entries: list[Entry], higher_is_better: bool) -> list[Entry]:
    """Best score first (per the benchmark's direction), then by name."""
    by_name = sorted(entries, key=lambda entry: entry.name)
    return sorted(by_name, key=lambda entry: entry.value, reverse=higher_is_better)


def leaderboard_rows(entries: list[Entry], benchmark: Benchmark) -> list[LeaderboardRow]:
    ordered = leaderboard(entries, benchmark.higher_is_better)
    return [
        LeaderboardRow(
            rank=rank,
            model=entry.name,
            url=entry.url,
            score=score_text(entry.value, benchmark.unit),
            measured=iso_day(entry.measured_on),
            reviewed=reviewed_on(entry.reviewed_at),
            source_url=entry.source_url,
            lifecycle=entry.lifecycle,
            claim=entry.claim,
            setting=entry.setting,
        )
        for rank, entry in zip(ranks([entry.value for entry in ordered]), ordered, strict=True)
    ]


def score_setting(score: BenchmarkScore) -> tuple[str, ...]:
    return tuple(getattr(score, field) for field in SCORE_SETTING)


def compared_setting(scores: list[BenchmarkScore]) -> tuple[str, ...]:
    """The setting the leaderboard and the chart compare: the one most models were run in
    (ties: the plainest, then by name); scores run otherwise are listed apart."""
    counts = Counter(score_setting(score) for score in scores)
    return min(counts, key=lambda setting: (-counts[setting], sum(map(bool, setting)), setting))


def price_score_rows(
    entries: list[Entry], frontier: set[str], benchmark: Benchmark
) -> list[PriceScoreRow]:
    """The chart's data as a table: cheapest first, then the models without a price."""
    priced = sorted(
        (entry for entry in entries if entry.price is not None),
        key=lambda entry: (entry.price, entry.name),
    )
    unpriced = sorted((entry for entry in entries if entry.price is None), key=lambda e: e.name)
    return [
        PriceScoreRow(
            model=entry.name,
            url=entry.url,
            price=price_per_million(entry.price),
            score=score_text(entry.value, benchmark.unit),
            on_frontier=MISSING
            if entry.price is None
            else ("Yes" if entry.url in frontier else "No"),
        )
        for entry in [*priced, *unpriced]
    ]


def price_score_chart(
    entries: list[Entry], frontier: set[str], benchmark: Benchmark
) -> Chart | None:
    priced = [entry for entry in entries if entry.price is not None]
    on_frontier = sorted(
        (entry for entry in priced if entry.url in frontier), key=lambda e: (e.price, e.name)
    )
    data = [
        Datum(
            label=entry.name,
            x=entry.price,
            y=entry.value,
            text=f"{entry.name}: {price_per_million(entry.price)} blended, "
            f"{score_text(entry.value, benchmark.unit)}",
            highlighted=entry.url in frontier,
        )
        for entry in priced
        if entry.price is not None
    ]
    return scatter_chart(
        data,
        id="price-score-chart",
        title=f"{benchmark.name} score against blended price",
        description=(
            f"{plural(len(data), 'model')}: each one's {benchmark.name} score against its "
            f"cheapest blended price. On the frontier, from the cheapest: "
            f"{', '.join(entry.name for entry in on_frontier)}. The table below lists "
            "the same data."
        ),
        x_label="Cheapest blended price, USD per 1M tokens",
        y_label=f"Score ({benchmark.unit})" if benchmark.unit else "Score",
        x_text=usd_rate,
        y_text=lambda value: score_text(value, benchmark.unit),
        highlight_label="On the frontier (joined by the step line)",
        other_label="Not on the frontier",
    )


def benchmark_page(
    benchmark: Benchmark, scores: Iterable[BenchmarkScore], prices: dict[int, Decimal | None]
) -> BenchmarkPage:
    """The page of `benchmark` (annotated by `with_last_modified`): `scores` of published
    models (with the model loaded), `prices` each model's cheapest blended price by id.
    The leaderboard and the chart compare like with like: the scores run the way most
    were; the others are listed apart, each with how it was run."""
    scores = list(scores)
    compared = compared_setting(scores) if scores else ("", "", "", "")
    all_entries = [
        Entry(
            name=score.model.name,
            url=score.model.get_absolute_url(),
            value=score.value,
            price=prices.get(score.model_id),
            measured_on=score.measured_on,
            source_url=score.source_url,
            reviewed_at=score.reviewed_at,
            lifecycle=lifecycle_badge(
                score.model.retires_on, score.model.is_deprecated, timezone.localdate()
            ),
            claim=Claim(score.claim, score.measured_by).text,
            setting=setting_text(*score_setting(score)),
        )
        for score in scores
    ]
    entries = [e for e, s in zip(all_entries, scores, strict=True) if score_setting(s) == compared]
    others = [e for e, s in zip(all_entries, scores, strict=True) if score_setting(s) != compared]
    frontier = pareto_frontier(
        [(entry.url, entry.price, entry.value) for entry in entries if entry.price is not None],
        benchmark.higher_is_better,
    )
    price_rows = price_score_rows(entries, frontier, benchmark)
    what = f"{benchmark.name} ({benchmark.category})" if benchmark.category else benchmark.name
    return BenchmarkPage(
        name=benchmark.name,
        category=benchmark.category,
        description=benchmark.description,
        unit=benchmark.unit,
        direction=direction(benchmark.higher_is_better),
        source_url=benchmark.source_url,
        reviewed=timezone.localdate(benchmark.reviewed_at).isoformat()
        if benchmark.reviewed_at
        else "",
        leaderboard=leaderboard_rows(entries, benchmark),
        chart=price_score_chart(entries, frontier, benchmark),
        price_rows=price_rows,
        frontier=[row.model for row in price_rows if row.on_frontier == "Yes"],
        unpriced=sum(entry.price is None for entry in entries),
        blended_definition=BLENDED_DEFINITION,
        setting=setting_text(*compared),
        other_runs=sorted(
            leaderboard_rows(others, benchmark), key=lambda row: (row.setting, row.rank)
        ),
        meta=PageMeta(
            title=f"{benchmark.name}: leaderboard and score against price",
            description=(
                f"{what}: what it measures, {plural(len(entries), 'model score')} ranked, "
                "and each model's score against its cheapest blended price, with the "
                "price-performance frontier."
            ),
            canonical_path=benchmark.get_absolute_url(),
            og_type="article",
            indexable=bool(entries),  # a page without scores is thin: reachable, not indexed
        ),
        last_modified=last_modified(benchmark),
    )


# The reads.


def with_last_modified(benchmarks: QuerySet[Benchmark], today: date) -> QuerySet[Benchmark]:
    """Annotate `changed_at`: the latest change or review of each benchmark, of its
    published models' scores, of those models and of their routes; and `retired_on`: the
    latest day one of those routes retired by `today` (the day its price left the chart).
    `last_modified()` makes one moment of the two. NULLs never win (each part falls back
    to the benchmark's own last change)."""
    own = Max("updated_at")
    stamps = [Max("updated_at"), Max("reviewed_at")] + [
        Max(f"{path}{field}", filter=PUBLISHED_SCORE)
        for path in SHOWN_WITH_BENCHMARK
        for field in ("updated_at", "reviewed_at")
    ]
    return benchmarks.annotate(
        changed_at=Greatest(*(Coalesce(stamp, own) for stamp in stamps)),
        retired_on=Max(
            "scores__model__routes__retires_on",
            filter=PUBLISHED_SCORE & Q(scores__model__routes__retires_on__lte=today),
        ),
    )


def last_modified(benchmark: Benchmark) -> datetime | None:
    """The later of `changed_at` and the start of the `retired_on` day (site time zone)."""
    retired_on = getattr(benchmark, "retired_on", None)
    retired_at = (
        datetime.combine(retired_on, time.min, tzinfo=timezone.get_current_timezone())
        if retired_on is not None
        else None
    )
    return latest([getattr(benchmark, "changed_at", None), retired_at])


def indexed_benchmarks(today: date) -> QuerySet[Benchmark]:
    """The benchmarks with a published model's score (annotated by `with_last_modified`):
    the ones in the sitemap."""
    scored = Benchmark.objects.filter(scores__model__is_published=True).values("pk")
    return with_last_modified(Benchmark.objects.filter(pk__in=scored), today)


def benchmark_list_lastmod(benchmarks) -> datetime | None:
    """The list's Last-Modified: the latest change of any benchmark it lists (as annotated
    by `with_last_modified`) or of the catalog (a benchmark deleted changes it too)."""
    return latest([*(last_modified(b) for b in benchmarks), catalog_changed_at()])


def benchmark_list_last_changed() -> datetime | None:
    """The list's Last-Modified without the page (the sitemap's pages section); None when
    there is no benchmark to list."""
    benchmarks = list(with_last_modified(Benchmark.objects.all(), timezone.localdate()))
    return benchmark_list_lastmod(benchmarks) if benchmarks else None


def read_benchmark_list() -> BenchmarkListPage:
    """Every benchmark, by name, with how many published models have a score on it."""
    today = timezone.localdate()
    benchmarks = list(
        with_last_modified(Benchmark.objects.all(), today)
        .annotate(scored=Count("scores__model", filter=PUBLISHED_SCORE, distinct=True))
        .order_by("name")
    )
    rows = [
        BenchmarkRow(
            name=benchmark.name,
            url=benchmark.get_absolute_url(),
            category=benchmark.category or MISSING,
            unit=benchmark.unit or MISSING,
            direction=direction(benchmark.higher_is_better),
            scored=plural(benchmark.scored, "model"),
            reviewed=reviewed_on(benchmark.reviewed_at),
        )
        for benchmark in benchmarks
    ]
    return BenchmarkListPage(
        rows=rows,
        meta=PageMeta(
            title="Benchmarks: what each measures and who leads",
            description=(
                f"{plural(len(rows), 'benchmark')} we track: what each measures, its unit, "
                "whether higher or lower is better, and how many models have a score."
            ),
            canonical_path=reverse("catalog:benchmark_list"),
        ),
        last_modified=benchmark_list_lastmod(benchmarks),
    )


def read_benchmark_page(slug: str) -> BenchmarkPage | None:
    """The page of the benchmark `slug`, or None when there is none: three queries (the
    benchmark, its published scores, their models' serving standard-tier routes)."""
    today = timezone.localdate()
    benchmark = with_last_modified(Benchmark.objects.filter(slug=slug), today).first()
    if benchmark is None:
        return None
    scores = list(
        BenchmarkScore.objects.filter(benchmark=benchmark, model__is_published=True)
        .select_related("model")
        .order_by()
    )
    routes = Route.objects.standard_offers(today).filter(
        model__scores__benchmark=benchmark, model__is_published=True
    )
    by_model: dict[int, list[tuple[Decimal | None, Decimal | None]]] = defaultdict(list)
    for model_id, input_price, output_price in routes.values_list(
        "model_id", "input_price", "output_price"
    ):
        by_model[model_id].append((input_price, output_price))
    prices = {model_id: cheapest_blended(pairs) for model_id, pairs in by_model.items()}
    return benchmark_page(benchmark, scores, prices)
