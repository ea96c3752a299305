"""The catalog's own report: what an editor must know after a sync, as plain numbers and
lists (`python manage.py catalog_report`, and the admin's "Catalog report" page).

Its duplicate and non-model suspects use keys of its own, deliberately simpler than the
sync's identity rules (catalog/sync/identity.py), so that the report checks the matcher
rather than repeating it.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone

from catalog.corroboration import ENOUGH_SOURCES
from catalog.models import BenchmarkScore, LanguageModel, Organization, Provider, Route
from catalog.pricing import below_list_price
from catalog.sync import makers
from catalog.sync.models import (
    ModelStatement,
    ProposedChange,
    ProposedMatch,
    SourceIdentity,
    SyncRun,
)
from catalog.sync.snapshot import AIDER, SOURCES

# Words a serving provider adds to a model's name (the report's own list).
SERVING_WORDS = {
    "free",
    "tee",
    "fp8",
    "fp4",
    "bf16",
    "int4",
    "int8",
    "awq",
    "eu",
    "us",
    "global",
    "jp",
    "au",
    "latest",
    "fw",
    "cs",
}
NON_MODEL_WORDS = re.compile(
    r"embed|rerank|whisper|\btts\b|speech|transcri|\brouter\b|^auto\b|\bauto$|agentic chat|"
    r"detection|\besm|bevformer|distilbert|sst-2|\bbge\b|\be5\b|image gen|\bvoice|"
    r"body builder|switchpoint",
    re.IGNORECASE,
)


def duplicate_key(name):
    """The report's own key: the name lowercased, without a "Maker: " prefix, an
    organization path, parenthesized text or serving words, its words in any order."""
    name = re.sub(r"^[^:]{1,40}:\s+", "", name.casefold())
    name = name.rsplit("/", 1)[-1]
    name = re.sub(r"\([^)]*\)", " ", name)
    name = re.sub(r"(?<=\d)[.\-_ ](?=\d)", "", name)
    words = [word for word in re.split(r"[^a-z0-9]+", name) if word]
    return " ".join(sorted(word for word in words if word not in SERVING_WORDS))


@dataclass
class Report:
    published_models: int = 0
    providers: int = 0
    duplicate_groups: list = field(default_factory=list)  # [[names…]]
    duplicate_records: int = 0
    non_model_suspects: list = field(default_factory=list)
    # (maker, models): a provider credited with models that carry another lab's brand
    provider_makers: list = field(default_factory=list)
    organizations_twice: list = field(default_factory=list)
    raw_slug_organizations: list = field(default_factory=list)
    disputes: dict = field(default_factory=dict)  # fact → models
    off_best_source: dict = field(default_factory=dict)  # fact → models
    off_canonical_or_most: dict = field(default_factory=dict)  # fact → models
    month_dates_as_days: int = 0
    open_proposed_changes: int = 0
    open_proposed_matches: int = 0
    skipped: dict = field(default_factory=dict)  # source → {reason: count}
    with_prices: int = 0
    without_prices: int = 0
    with_scores: int = 0
    without_scores: int = 0
    # Prices a reader can buy (catalog/pricing.py).
    providers_with_kind: int = 0
    zero_routes: dict = field(default_factory=dict)  # pricing kind → active $0 routes
    cheapest_at_zero: int = 0  # models whose cheapest output reads $0 (must be none)
    with_list_price: int = 0
    below_list: list = field(default_factory=list)  # (model, provider) under half the list
    # Benchmark scores (catalog/scores.py): scores, benchmarks, whose claim, Aider's runs.
    scores: int = 0
    benchmarks: int = 0
    claims: dict = field(default_factory=dict)  # "lab" / "independent" / "" → scores
    runs_matched: int = 0  # runs of a benchmark source found in a model (Aider's)
    runs_proposed: int = 0
    reviewed_models: int = 0
    corroborated_models: int = 0  # stated alike by two sources or more (corroboration.py)
    indexable_models: int = 0  # whose pages search engines may index (indexing.py)

    @property
    def zero_routes_with_kind(self):
        """The share of $0 routes whose pricing kind is known."""
        total = sum(self.zero_routes.values())
        return (total - self.zero_routes.get("unknown", 0)) / total if total else 1.0

    @property
    def duplicate_share(self):
        return self.duplicate_records / self.published_models if self.published_models else 0.0


def skip_reason_kind(reason):
    """ "no organization can be told for sure; it may be …" → its kind, without the
    entry's own details."""
    reason = re.split(r"[;:(“]", reason, maxsplit=1)[0]
    return re.sub(r"\s+", " ", reason).strip()


def build_report():
    report = Report()
    published = LanguageModel.objects.published()
    report.published_models = published.count()
    report.providers = Provider.objects.serving_published_models().count()

    models = list(published.select_related("organization"))
    groups = defaultdict(list)
    for model in models:
        groups[duplicate_key(model.name)].append(model.name)
    report.duplicate_groups = sorted(
        (sorted(names) for names in groups.values() if len(names) > 1), key=len, reverse=True
    )
    report.duplicate_records = sum(len(names) - 1 for names in report.duplicate_groups)
    report.non_model_suspects = sorted(m.name for m in models if NON_MODEL_WORDS.search(m.name))

    # Makers that are only a provider of their models (not a lab).
    provider_keys = {
        makers.organization_key(key): name
        for slug, name in Provider.objects.values_list("slug", "name")
        for key in (slug, name)
    }
    labs = set(makers.ORGANIZATION_NAMES) | {
        makers.organization_key(slug)
        for slug in ModelStatement.objects.filter(role=ModelStatement.Role.CANONICAL)
        .values_list("model__organization__slug", flat=True)
        .distinct()
    }
    served_by_maker = Counter()
    for model in models:
        key = makers.organization_key(model.organization.slug)
        brand = makers.brand_maker(model.name)
        if key in provider_keys and key not in labs and brand and brand != key:
            served_by_maker[model.organization.name] += 1
    report.provider_makers = sorted(served_by_maker.items())

    by_key = defaultdict(list)
    for organization in Organization.objects.all():
        by_key[makers.organization_key(organization.slug)].append(organization.name)
    report.organizations_twice = sorted(names for names in by_key.values() if len(names) > 1)
    report.raw_slug_organizations = sorted(
        org.name
        for org in Organization.objects.filter(models__is_published=True).distinct()
        if org.name == org.slug or org.name == org.name.casefold() and "-" in org.name
    )

    disputes = Counter()
    for fact_disputes in published.values_list("fact_disputes", flat=True):
        disputes.update(list(fact_disputes or {}))
    report.disputes = dict(sorted(disputes.items()))
    report.off_best_source, report.off_canonical_or_most, report.month_dates_as_days = (
        facts_off_best_source(models)
    )

    report.open_proposed_changes = ProposedChange.objects.filter(
        status=ProposedChange.Status.OPEN
    ).count()
    report.open_proposed_matches = ProposedMatch.objects.filter(
        status=ProposedMatch.Status.OPEN
    ).count()
    for source in SOURCES:
        run = (
            SyncRun.objects.filter(source=source, status=SyncRun.Status.SUCCEEDED, dry_run=False)
            .order_by("-pk")
            .first()
        )
        if run is None:
            continue
        reasons = Counter(
            skip_reason_kind(r) for r in run.skipped_inputs.values_list("reason", flat=True)
        )
        report.skipped[source] = dict(reasons.most_common())

    build_price_report(report, published)
    build_score_report(report, published)
    counts = published.aggregate(
        reviewed=Count("pk", filter=Q(reviewed_at__isnull=False)),
        corroborated=Count("pk", filter=Q(corroborated_by__gte=ENOUGH_SOURCES)),
    )
    report.reviewed_models = counts["reviewed"]
    report.corroborated_models = counts["corroborated"]
    report.indexable_models = LanguageModel.objects.indexable().count()
    priced = Exists(
        Route.objects.active().priced().filter(model=OuterRef("pk"), output_price__isnull=False)
    )
    scored = Exists(BenchmarkScore.objects.filter(model=OuterRef("pk")))
    counts = published.aggregate(
        priced=Count("pk", filter=Q(priced)), scored=Count("pk", filter=Q(scored))
    )
    report.with_prices = counts["priced"]
    report.without_prices = report.published_models - counts["priced"]
    report.with_scores = counts["scored"]
    report.without_scores = report.published_models - counts["scored"]
    return report


def build_price_report(report, published):
    """What the pricing rules make of the catalog: kinds, $0 routes, list prices."""
    serving = Provider.objects.serving_published_models()
    report.providers_with_kind = serving.exclude(kind="").count()
    zero = Route.objects.public().filter(Q(input_price=0) | Q(output_price=0))
    report.zero_routes = dict(
        zero.values_list("pricing_kind").annotate(count=Count("pk")).order_by("pricing_kind")
    )
    offers = published.with_cheapest_output().with_list_output()
    counts = offers.aggregate(
        zero=Count("pk", filter=Q(cheapest_output=0)),
        listed=Count("pk", filter=Q(list_output__isnull=False)),
    )
    report.cheapest_at_zero, report.with_list_price = counts["zero"], counts["listed"]
    report.below_list = below_list_routes(published)


def build_score_report(report, published):
    scores = BenchmarkScore.objects.filter(model__in=published)
    report.scores = scores.count()
    report.benchmarks = scores.values("benchmark").distinct().count()
    report.claims = dict(scores.values_list("claim").annotate(count=Count("pk")).order_by("claim"))
    report.runs_matched = SourceIdentity.objects.filter(source=AIDER).count()
    report.runs_proposed = ProposedMatch.objects.filter(
        source=AIDER, status=ProposedMatch.Status.OPEN
    ).count()


def below_list_routes(published):
    """(model, provider) of each standard per-token route priced under half its maker's
    list price: the resellers the pages mark."""
    routes = (
        Route.objects.standard_offers(timezone.localdate())
        .filter(model__in=published)
        .exclude(provider__lab=F("model__organization"))
        .with_list_prices()
        .select_related("model", "provider")
        .order_by("model__name", "provider__name")
    )
    return [
        (route.model.name, route.provider.name)
        for route in routes
        if below_list_price(
            (route.input_price, route.output_price), (route.list_input, route.list_output)
        )
    ]


CHECKED_FACTS = ("context_window", "max_output_tokens", "released_on")


def facts_off_best_source(models):
    """Per fact, the published models whose page shows another value than their best
    source states: their canonical file, else their lab's own API, else most of their
    sources (catalog/sync/best_source.py's order); how many of them differ from the
    canonical file or, where there is none, from most sources (the lab's own API set
    aside); and how many show a day where their best source states only a month."""
    by_model = defaultdict(list)
    for statement in ModelStatement.objects.filter(model__is_published=True):
        by_model[statement.model_id].append(statement)
    off, off_majority = Counter(), Counter()
    month_as_day = 0
    for model in models:
        statements = by_model.get(model.pk)
        if not statements:
            continue
        for fact in CHECKED_FACTS:
            best = expected_value(
                statements, fact, (ModelStatement.Role.CANONICAL, ModelStatement.Role.LAB)
            )
            plain = expected_value(statements, fact, (ModelStatement.Role.CANONICAL,))
            for expected, counter in ((best, off), (plain, off_majority)):
                if expected is not None and not shows(model, fact, expected):
                    counter[fact] += 1
            if fact == "released_on" and best and len(best) == 7:
                month_as_day += model.released_precision == "day"
    return dict(off), dict(off_majority), month_as_day


def expected_value(statements, fact, tiers):
    """What the first of `tiers` that states `fact` states, else most statements."""
    for role in tiers:
        stated = [s.facts[fact] for s in statements if s.role == role and s.facts.get(fact)]
        if stated:
            return stated[0]
    values = [s.facts[fact] for s in statements if s.facts.get(fact) is not None]
    return Counter(values).most_common(1)[0][0] if values else None


def shows(model, fact, expected):
    if fact == "released_on":
        return bool(model.released_on) and model.released_on.isoformat().startswith(expected[:7])
    return getattr(model, fact) == expected


def report_lines(report, limit=10):
    """The report as the command prints it."""
    share = f"{report.duplicate_share:.1%}"
    lines = [
        f"Published models: {report.published_models:,}",
        f"Providers serving them: {report.providers:,}",
        f"Suspected duplicates: {report.duplicate_records:,} records ({share}) in "
        f"{len(report.duplicate_groups):,} groups",
        *(f"  {' = '.join(names)}" for names in report.duplicate_groups[:limit]),
        f"Non-model suspects: {len(report.non_model_suspects):,}",
        *(f"  {name}" for name in report.non_model_suspects[:limit]),
        "Models credited to a provider that serves them under another lab's brand: "
        f"{sum(count for _, count in report.provider_makers):,}",
        *(f"  {name}: {count} models" for name, count in report.provider_makers[:limit]),
        f"Organizations present twice: {len(report.organizations_twice):,}",
        *(f"  {' = '.join(names)}" for names in report.organizations_twice[:limit]),
        f"Organizations named by a raw slug: {len(report.raw_slug_organizations):,}",
        *(f"  {name}" for name in report.raw_slug_organizations[:limit]),
        "Models whose sources differ, per fact:",
        *(f"  {fact}: {count:,}" for fact, count in report.disputes.items()),
        "Model pages off their best source (canonical file, lab's API, most sources):",
        *(f"  {fact}: {report.off_best_source.get(fact, 0):,}" for fact in CHECKED_FACTS),
        "Model pages off their canonical file, or most sources where there is none:",
        *(f"  {fact}: {report.off_canonical_or_most.get(fact, 0):,}" for fact in CHECKED_FACTS),
        f"Month-only release dates shown as a day: {report.month_dates_as_days:,}",
        f"Open proposals: {report.open_proposed_changes:,} changes, "
        f"{report.open_proposed_matches:,} matches",
        "Skipped entries by reason (latest run of each source):",
    ]
    for source, reasons in report.skipped.items():
        lines.append(f"  {source}:")
        lines.extend(f"    {count:,} {reason}" for reason, count in reasons.items())
    zero_total = sum(report.zero_routes.values())
    lines += [
        f"Providers with a kind: {report.providers_with_kind:,} of {report.providers:,}",
        f"Active routes stating a $0 price: {zero_total:,}, "
        f"{report.zero_routes_with_kind:.1%} with a pricing kind",
        *(f"  {kind}: {count:,}" for kind, count in report.zero_routes.items()),
        f"Models whose cheapest output reads $0: {report.cheapest_at_zero:,}",
        f"Models with a maker's list price: {report.with_list_price:,}",
        f"Routes under half the maker's list price: {len(report.below_list):,}",
        *(f"  {model} at {provider}" for model, provider in report.below_list[:limit]),
        f"Models with prices: {report.with_prices:,}; without: {report.without_prices:,}",
        f"Models with benchmark scores: {report.with_scores:,}; without: {report.without_scores:,}",
        f"Benchmark scores of published models: {report.scores:,} on "
        f"{report.benchmarks:,} benchmarks",
        *(
            f"  {BenchmarkScore.Claim(claim).label}: {count:,}"
            for claim, count in report.claims.items()
        ),
        f"Aider runs: {report.runs_matched:,} found in a model, "
        f"{report.runs_proposed:,} proposed to the editors",
        f"Models reviewed by an editor: {report.reviewed_models:,}; corroborated by two "
        f"sources or more: {report.corroborated_models:,}; indexable: "
        f"{report.indexable_models:,}",
    ]
    return lines
