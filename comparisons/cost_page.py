"""`/cost/`: every published model ranked by what the reader's workload costs it a month
(comparisons/cost_ranking.py), a page of rows at a time, and the same ranking as a CSV file.

A constant number of queries for any catalog: the form's choices (makers, benchmarks; the
capabilities and traffic defaults are kept by the memo where one is), the ranking's page
(one query: comparisons/cost_sql.py), the shown models' routes, a chosen benchmark's
setting, and the catalog's latest change.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from catalog.api.csv_downloads import safe_cell
from catalog.facts import capability_list
from catalog.formatting import (
    MISSING,
    compact_tokens,
    oxford_join,
    plural,
    score_text,
    token_labels,
    usd_amount,
)
from catalog.lifecycle import LifecycleBadge
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    LanguageModel,
    Organization,
    catalog_changed_at,
)
from catalog.pages.model_list import Pagination, as_query, pagination
from catalog.pricing import BELOW_LIST
from catalog.scores import setting_text
from comparisons.cost import RouteCost, Traffic
from comparisons.cost_ranking import (
    ORDERS,
    Candidate,
    Costed,
    Question,
    Yardstick,
    costed,
    matching_models,
    read_ranking,
)
from comparisons.cost_sql import BY_CHEAPEST, BY_LIST_PRICE, BY_SCORE
from comparisons.forms import CostForm
from presentation.responses import latest
from presentation.seo import PageMeta

PAGE_SIZE = 50
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Choices:
    """What the form offers: (slug, name) of each maker, benchmark and capability, and the
    benchmarks' units and directions."""

    makers: list[tuple[str, str]]
    benchmarks: list[tuple[str, str]]
    capabilities: list[tuple[str, str]]
    yardsticks: dict[str, Yardstick]

    def form(self, query, defaults: Traffic) -> CostForm:
        return CostForm.from_query(
            query,
            defaults,
            makers=self.makers,
            benchmarks=self.benchmarks,
            capabilities=self.capabilities,
        )


def read_choices() -> Choices:
    """The makers of published models and the benchmarks with a published score, by name:
    two queries (the capabilities are kept by the memo)."""
    published = LanguageModel.objects.published()
    makers = list(
        Organization.objects.filter(Exists(published.filter(organization=OuterRef("pk"))))
        .order_by(Lower("name"), "name")
        .values_list("slug", "name")
    )
    scored = BenchmarkScore.objects.filter(benchmark=OuterRef("pk"), model__is_published=True)
    benchmarks = list(
        Benchmark.objects.filter(Exists(scored))
        .order_by(Lower("name"), "name")
        .values_list("slug", "name", "unit", "higher_is_better")
    )
    return Choices(
        makers=makers,
        benchmarks=[(slug, name) for slug, name, _, _ in benchmarks],
        capabilities=[(capability.slug, capability.name) for capability in capability_list()],
        yardsticks={
            slug: Yardstick(slug, name, unit, higher_is_better)
            for slug, name, unit, higher_is_better in benchmarks
        },
    )


@dataclass(frozen=True)
class Cost:
    """A model's monthly cost on one basis, as the table shows it."""

    amount: str  # "$728", or "-" when unknown
    route: str = ""  # the provider (and tier) it goes through
    below_list: bool = False  # under half the maker's list price: check the provider

    @classmethod
    def of(cls, cost: RouteCost | None) -> "Cost":
        if cost is None:
            return cls(MISSING)
        return cls(usd_amount(cost.monthly), cost.route.label, cost.route.below_list)


@dataclass(frozen=True)
class CostRow:
    rank: str  # "1", "2"… by the compared cost (equal to the cent: the same rank); "-"
    name: str
    url: str
    slug: str
    organization: str
    context_window: str
    openness: str
    at_cheapest_route: Cost
    at_list_price: Cost
    score: str = ""
    lifecycle: LifecycleBadge | None = None


@dataclass(frozen=True)
class CostPage:
    rows: list[CostRow]
    meta: PageMeta
    last_modified: datetime | None
    workload: str = ""  # the workload in words
    count: int = 0  # models ranked, on every page
    heading: str = ""
    first: str = ""  # what ranks first, in a sentence (on the first page)
    pagination: Pagination | None = None
    score_label: str = ""  # the benchmark column's heading, "" without one
    order_label: str = ""
    unpriced: str = ""  # what it says of the models without the compared cost
    csv_url: str = ""
    api_url: str = ""
    below_list_note: str = BELOW_LIST


def cost_rows(entries: list[Costed], yardstick: Yardstick | None, order: str) -> list[CostRow]:
    return [
        CostRow(
            rank=rank_label(entry.model, order),
            name=entry.model.name,
            url=reverse("catalog:model_detail", args=[entry.model.slug]),
            slug=entry.model.slug,
            organization=entry.model.organization,
            context_window=compact_tokens(entry.model.context_window),
            openness=entry.model.openness or MISSING,
            at_cheapest_route=Cost.of(entry.at_cheapest_route),
            at_list_price=Cost.of(entry.at_list_price),
            score=score_of(entry.model, yardstick),
            lifecycle=entry.model.lifecycle,
        )
        for entry in entries
    ]


def rank_label(model: Candidate, order: str) -> str:
    """Its rank, or "-" when what the order compares (a cost, a score) is unknown."""
    compared = model.score if order == BY_SCORE else model.cost
    return MISSING if compared is None else str(model.rank)


def score_of(model: Candidate, yardstick: Yardstick | None) -> str:
    if yardstick is None:
        return ""
    if model.score is None:
        return MISSING
    return score_text(model.score, yardstick.unit)


def score_label(yardstick: Yardstick | None) -> str:
    """ "Aider polyglot (diff)", the benchmark's name and the setting its scores compare."""
    if yardstick is None:
        return ""
    setting = setting_text(*yardstick.setting) if yardstick.setting else ""
    return f"{yardstick.name} ({setting})" if setting else yardstick.name


def workload_text(traffic: Traffic) -> str:
    """ "1,000,000 requests a month of 400 input and 300 output tokens, standard mode"."""
    input_label, output_label = token_labels(traffic.input_tokens, traffic.output_tokens)
    text = (
        f"{plural(traffic.requests_per_month, 'request')} a month of {input_label} input and "
        f"{output_label} output tokens, {traffic.mode or 'standard'} mode"
    )
    if traffic.cached_share:
        share = (traffic.cached_share * 100).normalize()
        text += f", {share:f}% of the input read from cache"
    return text


def first_text(entries: list[Costed], order: str, yardstick: Yardstick | None) -> str:
    """What ranks first (every model tied first, named), in a sentence; "" when nothing is
    ranked."""
    if not entries:
        return ""
    top = entries[0]
    cost = top.cost(order)
    first = [entry for entry in entries if entry.model.rank == top.model.rank]
    names = tied_names(first)
    if order == BY_SCORE and yardstick is not None and top.model.score is not None:
        verb = "scores" if len(first) == 1 else "score"
        text = f"{names} {verb} best on {score_label(yardstick)}"
        if cost is not None and len(first) == 1:
            text += f", at {usd_amount(cost.monthly)} a month through {cost.route.label}"
        return text + "."
    if cost is None:
        return "No model listed has a per-token price for this workload."
    amount = usd_amount(cost.monthly)
    if len(first) > 1:
        return f"{names} cost least: {amount} a month each."
    basis = "at its maker's list price" if order != BY_CHEAPEST else f"through {cost.route.label}"
    return f"{names} costs least: {amount} a month {basis}."


def tied_names(entries: list[Costed]) -> str:
    """ "A", "A and B", "A, B, and C", or "A, B, and 4 more" for the models `entries`."""
    names = [entry.model.name for entry in entries]
    if len(names) > 3:
        names = [*names[:2], f"{len(names) - 2} more"]
    return oxford_join(names)


def unpriced_note(count: int, order: str) -> str:
    """What the ranking says of its models with no per-token price for the workload: listed
    last in a cost order, wherever their score puts them in a score order."""
    if not count:
        return ""
    if order == BY_SCORE:
        verb = "has" if count == 1 else "have"
        return f"{count:,} of them {verb} no per-token price for this workload."
    basis = "at its maker's own API" if order == BY_LIST_PRICE else "for this workload"
    return f"{count:,} listed last with no per-token price {basis}."


def cost_url(name: str, query: QueryDict) -> str:
    """The ranking's address as `name` (the page, the CSV file, the API) with `query`."""
    query = query.copy()
    query.pop("page", None)
    path = reverse(name)
    return f"{path}?{query.urlencode()}" if query else path


def cost_meta(form: CostForm, count: int, number: int = 1) -> PageMeta:
    path = reverse("comparisons:cost")
    if form.errors:
        return PageMeta(
            title="Workload cost: check the form",
            description="Some values are not valid: see the messages beside them.",
            canonical_path=path,
            indexable=False,
        )
    title = "What a workload costs on every model"
    if number > 1:
        title += f", page {number:,}"
    later_default = number > 1 and form.is_default
    return PageMeta(
        title=title,
        description=(
            f"{plural(count, 'large language model')} ranked by their monthly cost for a "
            "workload you set: requests, tokens in and out, prompt caching, at the maker's "
            "list price and at the cheapest provider."
        ),
        canonical_path=f"{path}?page={number}" if later_default else path,
    )


def empty_page(form: CostForm) -> CostPage:
    return CostPage(rows=[], meta=cost_meta(form, 0), last_modified=None)


def question(form: CostForm, choices: Choices) -> Question:
    """What the valid form asks."""
    data = form.cleaned_data
    return Question(
        filters=form.filters(),
        traffic=form.traffic(),
        order=order_of(form),
        max_cost=data.get("max_cost"),
        yardstick=choices.yardsticks.get(data.get("benchmark") or ""),
    )


def order_of(form: CostForm) -> str:
    return form.cleaned_data.get("order") or BY_CHEAPEST


def read_cost_page(
    form: CostForm, choices: Choices, defaults_changed_at: datetime | None = None
) -> CostPage:
    """The page of the ranking the (bound) form asks for; none when it has errors. A page
    past the last raises `InvalidPage`. `defaults_changed_at`: when the default workload
    last changed (the page shows it)."""
    if not form.is_valid():
        return empty_page(form)
    asked, today = question(form, choices), timezone.localdate()
    number = form.cleaned_data.get("page") or 1
    start = (number - 1) * PAGE_SIZE
    ranking = read_ranking(asked, today, slice(start, start + PAGE_SIZE))
    # Pages of the count alone; a page past the last has no rows to tell the count.
    page = Paginator(range(ranking.count), PAGE_SIZE).page(number)
    entries = costed(ranking.models, asked.traffic, today)
    query = as_query(form.asked)
    yardstick = ranking.yardstick
    return CostPage(
        rows=cost_rows(entries, yardstick, asked.order),
        meta=cost_meta(form, ranking.count, number),
        # A benchmark's scores change apart from the catalog's stamp: no date to keep then.
        last_modified=None if yardstick else latest([catalog_changed_at(), defaults_changed_at]),
        workload=workload_text(asked.traffic),
        count=ranking.count,
        heading=results_heading(ranking.count, page),
        first=first_text(entries, asked.order, yardstick) if number == 1 else "",
        pagination=pagination(page, query, reverse("comparisons:cost")),
        score_label=score_label(yardstick),
        order_label=ORDERS[asked.order],
        unpriced=unpriced_note(ranking.unpriced, asked.order),
        csv_url=cost_url("comparisons:cost_csv", query),
        api_url=cost_url("api-v1:cost", query),
    )


def results_heading(count: int, page) -> str:
    heading = f"{plural(count, 'model')} ranked"
    if page.paginator.num_pages > 1:
        heading += f", showing {page.start_index():,}–{page.end_index():,}"
    return heading


# The CSV file.

CSV_HEADER = [
    "rank",
    "model",
    "model_slug",
    "organization",
    "context_window",
    "openness",
    "monthly_usd_cheapest_route",
    "cheapest_route",
    "cheapest_route_below_list_price",
    "monthly_usd_list_price",
    "list_price_route",
]


def csv_rows(form: CostForm, choices: Choices) -> Iterator[list[str]]:
    """The whole ranking the valid form asks for, a header row first (with the
    benchmark's column where one is chosen)."""
    asked, today = question(form, choices), timezone.localdate()
    ranking = read_ranking(asked, today)
    among = matching_models(asked.filters, asked.traffic)
    yield [*CSV_HEADER, *(["score"] if ranking.yardstick else [])]
    for entry in costed(ranking.models, asked.traffic, today, among):
        model, cheapest, listed = entry.model, entry.at_cheapest_route, entry.at_list_price
        label = rank_label(model, asked.order)
        row = [
            "" if label == MISSING else label,
            model.name,
            model.slug,
            model.organization,
            model.context_window,
            model.openness,
            cheapest and cheapest.monthly.quantize(CENT),
            cheapest and cheapest.route.label,
            cheapest and cheapest.route.below_list,
            listed and listed.monthly.quantize(CENT),
            listed and listed.route.label,
        ]
        if ranking.yardstick:
            row.append(model.score)
        yield [safe_cell(value) for value in row]
