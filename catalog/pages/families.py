"""The families list (`/families/`) and a family's page (`/families/<slug>/`): its members
side by side, their capabilities, the family's price trend, and its members' pair pages."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from itertools import combinations

from django.db.models import Count, Max, Prefetch, Q
from django.urls import reverse
from django.utils import timezone

from catalog.facts import (
    CapabilityFacts,
    ModelFacts,
    RouteFacts,
    ScoreFacts,
    capability_list,
    model_facts,
    model_queryset,
)
from catalog.formatting import (
    MISSING,
    compact_tokens,
    iso_day,
    local_day,
    oxford_join,
    partial_date,
    plural,
    price_per_million,
    score_text,
)
from catalog.lifecycle import LifecycleBadge
from catalog.models import LanguageModel, ModelFamily, Route, catalog_changed_at
from catalog.pages.model import CapabilityRow, PairLink, capability_rows
from catalog.price_series import PriceHistoryChart, price_history_chart
from catalog.slugs import pair_url
from presentation.responses import latest
from presentation.seo import PageMeta

# How many members a family page pairs and charts, newest first: all pairs of the newest
# few (a family of 30 would otherwise link to 435 pairs), and their price trend.
PAIRED_MEMBERS = 8


@dataclass(frozen=True)
class FamilyRow:
    name: str
    url: str
    organization: str
    members: str  # "GPT-5, GPT-5 mini, and GPT-5 nano"
    member_count: str
    newest: str  # the latest release day among the members, or "—"


@dataclass(frozen=True)
class FamilyListPage:
    rows: list[FamilyRow]
    meta: PageMeta
    last_modified: datetime | None


@dataclass(frozen=True)
class MemberRow:
    name: str
    url: str
    released: str
    context_window: str
    max_output: str
    cheapest_input: str
    cheapest_output: str
    lifecycle: LifecycleBadge | None


@dataclass(frozen=True)
class CapabilityMatrixRow:
    capability: str
    cells: list[CapabilityRow]  # one per member, in the members' order


@dataclass(frozen=True)
class ScoreMatrixRow:
    """A benchmark run one way (its label names how), and each member's score on it."""

    benchmark: str  # "SWE-Bench Pro (public)"
    url: str
    cells: list[str]  # one per member, in the members' order: "45.89%", or "-"
    claims: list[str]  # whose claim each is: "measured by Scale AI", "" for none

    @property
    def cells_and_claims(self) -> list[tuple[str, str]]:
        return list(zip(self.cells, self.claims, strict=True))


def score_matrix(members: list[ModelFacts]) -> list[ScoreMatrixRow]:
    """Every benchmark (and way it was run) a member has a score on, by name: like with
    like across the family (catalog/scores.py)."""
    runs: dict[tuple[str, ...], ScoreFacts] = {}
    for facts in members:
        for score in facts.scores:
            runs.setdefault(score.like, score)
    rows = []
    for like, first in sorted(runs.items(), key=lambda item: (item[1].label, item[0])):
        by_member = [
            next((score for score in facts.scores if score.like == like), None) for facts in members
        ]
        rows.append(
            ScoreMatrixRow(
                benchmark=first.label,
                url=reverse("catalog:benchmark_detail", args=[first.benchmark_slug]),
                cells=[score_text(s.value, s.unit) if s else MISSING for s in by_member],
                claims=[s.claim if s else "" for s in by_member],
            )
        )
    return rows


@dataclass(frozen=True)
class FamilyPage:
    name: str
    organization: str
    description: str
    source_url: str
    reviewed: str  # the day an editor last reviewed the family, "" for never
    members: list[MemberRow]
    member_names: list[str]
    capabilities: list[CapabilityMatrixRow]
    scores: list[ScoreMatrixRow]
    price_chart: PriceHistoryChart | None
    pairs: list[PairLink]
    more_pairs: bool  # more members than are paired and charted
    charted: int  # how many of the newest members the price trend follows
    meta: PageMeta
    last_modified: datetime | None


def serving_standard(routes: Iterable[RouteFacts]) -> list[RouteFacts]:
    """The routes a "cheapest" price may come from: the standard price, not retired."""
    return [route for route in routes if route.is_standard and not route.retired]


def cheapest(routes: Iterable[RouteFacts], field: str) -> Decimal | None:
    """The lowest sourced `field` ("input_price", "output_price") among `routes`."""
    return min(
        (getattr(route, field) for route in routes if getattr(route, field) is not None),
        default=None,
    )


def member_rows(members: list[ModelFacts]) -> list[MemberRow]:
    rows = []
    for facts in members:
        serving = serving_standard(facts.routes)
        rows.append(
            MemberRow(
                name=facts.name,
                url=reverse("catalog:model_detail", args=[facts.slug]),
                released=partial_date(facts.released_on, facts.released_precision),
                context_window=compact_tokens(facts.context_window),
                max_output=compact_tokens(facts.max_output_tokens),
                cheapest_input=price_per_million(cheapest(serving, "input_price")),
                cheapest_output=price_per_million(cheapest(serving, "output_price")),
                lifecycle=facts.lifecycle,
            )
        )
    return rows


def capability_matrix(
    members: list[ModelFacts], capabilities: list[CapabilityFacts]
) -> list[CapabilityMatrixRow]:
    """One row per capability, one cell per member (its model page's row): Yes, No or
    Unknown."""
    per_member = [capability_rows(facts, capabilities) for facts in members]
    return [
        CapabilityMatrixRow(capability.name, [rows[index] for rows in per_member])
        for index, capability in enumerate(capabilities)
    ]


def newest_first(members: Iterable[ModelFacts]) -> list[ModelFacts]:
    """Members by release, newest first (unknown release last), then by name."""
    return sorted(
        members,
        key=lambda facts: (
            facts.released_on is None,
            -(facts.released_on or date.min).toordinal(),
            facts.name,
        ),
    )


def member_pairs(members: list[ModelFacts], limit: int = PAIRED_MEMBERS) -> list[PairLink]:
    """Every pair among the newest `limit` members (in the members' order)."""
    return [
        PairLink(f"{a.name} vs {b.name}", pair_url(a.slug, b.slug))
        for a, b in combinations(members[:limit], 2)
    ]


def cheapest_route_ids(routes) -> list[int]:
    """Per model, its cheapest standard route by output price (ties: the lower id), from
    rows of (id, model_id, output_price, …): the routes the family's price trend follows."""
    best: dict[int, tuple[Decimal, int]] = {}
    for route_id, model_id, output, *_ in routes:
        if output is not None and (model_id not in best or (output, route_id) < best[model_id]):
            best[model_id] = (output, route_id)
    return sorted(route_id for _, route_id in best.values())


def family_description(family: ModelFamily, members: list[ModelFacts]) -> str:
    names = oxford_join([facts.name for facts in members[:4]])
    more = f" and {plural(len(members) - 4, 'more')}" if len(members) > 4 else ""
    maker = f" by {family.organization.name}" if family.organization else ""
    return (
        f"The {family.name} family{maker}: {names}{more} side by side, with context windows, "
        "prices, capabilities, and price history."
    )


def family_list_last_changed() -> datetime | None:
    """The families list's Last-Modified without the page (the sitemap's pages section):
    the latest change or review of a family it lists, or of the catalog (a model that
    leaves a family, or is unpublished); None when no family has a published model."""
    stamps = ModelFamily.objects.filter(members__is_published=True).aggregate(
        updated=Max("updated_at"), reviewed=Max("reviewed_at")
    )
    if stamps["updated"] is None:
        return None
    return latest([stamps["updated"], stamps["reviewed"], catalog_changed_at()])


def read_family_list() -> FamilyListPage:
    """Every family with a published member, by name."""
    published = Q(members__is_published=True)
    families = list(
        ModelFamily.objects.filter(published)
        .select_related("organization")
        .annotate(
            member_count=Count("members", filter=published, distinct=True),
            newest=Max("members__released_on", filter=published),
        )
        .prefetch_related(
            Prefetch(
                "members",
                queryset=LanguageModel.objects.published().order_by("name"),
                to_attr="published_members",
            )
        )
        .order_by("name")
        .distinct()
    )
    rows = [
        FamilyRow(
            name=family.name,
            url=family.get_absolute_url(),
            organization=family.organization.name if family.organization else MISSING,
            members=oxford_join([model.name for model in family.published_members]),
            member_count=plural(family.member_count, "model"),
            newest=iso_day(family.newest),
        )
        for family in families
    ]
    return FamilyListPage(
        rows=rows,
        meta=PageMeta(
            title="Model families: the lines each model belongs to",
            description=(
                f"{plural(len(rows), 'model family', 'model families')}, such as GPT-5 or "
                "Claude Opus: each family's models side by side, with their prices and "
                "capabilities."
                if rows
                else "Model families: each family's models side by side."
            ),
            canonical_path=reverse("catalog:family_list"),
        ),
        last_modified=latest(
            [
                *(family.updated_at for family in families),
                *(f.reviewed_at for f in families),
                catalog_changed_at(),
            ]
        ),
    )


def read_family_page(slug: str) -> FamilyPage | None:
    """The page of the family `slug`, or None when it has no published member."""
    family = ModelFamily.objects.select_related("organization").filter(slug=slug).first()
    if family is None:
        return None
    members = newest_first(model_facts(model) for model in model_queryset().filter(family=family))
    if not members:
        return None
    today = timezone.localdate()
    # The trend follows the newest members only: a line each, and a family a sync filled
    # can have a hundred.
    charted = [facts.slug for facts in members[:PAIRED_MEMBERS]]
    standard = list(
        Route.objects.standard_offers(today)
        .filter(model__slug__in=charted)
        .values_list("id", "model_id", "output_price", "model__name")
    )
    names = {model_id: name for _, model_id, _, name in standard}
    trend = price_history_chart(
        Route.objects.filter(pk__in=cheapest_route_ids(standard)).history_records(),
        today,
        subject=f"the {family.name} family",
        label=lambda record: f"{names[record.model_id]} ({record.provider.name})",
    )
    pairs = member_pairs(members)
    reviewed_at = family.reviewed_at
    return FamilyPage(
        name=family.name,
        organization=family.organization.name if family.organization else "",
        description=family.description,
        source_url=family.source_url,
        reviewed=local_day(reviewed_at) if reviewed_at else "",
        members=member_rows(members),
        member_names=[facts.name for facts in members],
        capabilities=capability_matrix(members, capability_list()),
        scores=score_matrix(members),
        price_chart=trend,
        pairs=pairs,
        more_pairs=len(members) > PAIRED_MEMBERS,
        charted=PAIRED_MEMBERS,
        meta=PageMeta(
            title=f"{family.name} family: models, prices, and capabilities",
            description=family_description(family, members),
            canonical_path=family.get_absolute_url(),
            og_type="article",
            # Indexed once an editor has checked the grouping (a sync names families too).
            indexable=reviewed_at is not None,
        ),
        last_modified=latest(
            [family.updated_at, reviewed_at, *(facts.last_modified for facts in members)]
        ),
    )
