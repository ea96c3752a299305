"""An editor's review of one model: every fact its public page shows, in one row each,
beside what each source states of it, whether the sources differ, and the last review of
the record that holds it (the model for its own facts, a route for its prices, a score).

The rows are built by pure functions from the records as read (`model_rows`,
`route_rows`, `score_rows`); the admin's review page (comparisons/admin.py) reads them in
a constant number of queries and renders them.

Whether a model's own fact is marked "sources differ" is the sync's rule, in one place
(catalog/sync/best_source.py, kept on the model as `fact_disputes`); a route's prices
differ when a source states other prices than the route shows.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F

from catalog.formatting import partial_iso, score_text, tier_name, usd_rate
from catalog.models import LanguageModel, ModelCapability
from catalog.pricing import PricingKind
from catalog.sync import proposals as proposal_decisions
from catalog.sync.best_source import agree
from catalog.sync.models import ModelStatement, ProposedChange, ProposedMatch
from catalog.sync.snapshot import SOURCE_NAMES
from catalog.sync.statements import CAPABILITY, statement_label, statement_rank

NOT_STATED = "not stated"
# The model's own facts, as its page names them, in its order.
MODEL_FACTS = {
    "name": "Name",
    "maker": "Maker",
    "family": "Family",
    "released_on": "Release date",
    "knowledge_cutoff": "Knowledge cutoff",
    "context_window": "Context window",
    "max_output_tokens": "Maximum output",
    "openness": "Openness",
    "license_name": "License",
    "is_deprecated": "Deprecated",
}


@dataclass(frozen=True)
class Source:
    label: str  # "models.dev canonical file anthropic/claude-opus-4-6", "OpenRouter"
    url: str


@dataclass(frozen=True)
class Stated:
    """A value one or more sources state of a fact, and which ones (a model sold by fifty
    providers is stated alike by most of them: one line, not fifty)."""

    value: str  # as the page would write it
    agrees: bool | None  # with the value on the page; None where no rule compares them
    sources: tuple[Source, ...]


def grouped(stated):
    """(value, agrees, Source) triples, in the sources' order, as one Stated per value."""
    groups = {}
    for value, agrees, source in stated:
        groups.setdefault((value, agrees), []).append(source)
    return tuple(
        Stated(value=value, agrees=agrees, sources=tuple(sources))
        for (value, agrees), sources in groups.items()
    )


@dataclass(frozen=True)
class ReviewRow:
    fact: str
    shown: str  # the value on the public page
    stated: tuple[Stated, ...]
    differ: bool  # the sources differ
    record: str  # what a review of this row stamps: "model", "route:12", "score:3"
    reviewed_at: datetime | None
    reviewed_by: str


def stated_text(fact, value):
    """A value as a source states it, written as the page writes such a value."""
    if value is None:
        return NOT_STATED
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if fact == "openness":
        return LanguageModel.Openness(value).label if value in LanguageModel.Openness else value
    if fact.startswith(CAPABILITY) and value in ModelCapability.Support:
        return ModelCapability.Support(value).label
    return str(value)


def page_values(model, supports):
    """The model's facts in the sources' terms (dates to their precision), to compare
    with what each source states; None where no rule compares them (the maker and family
    are stated as keys, not names). `supports`: capability slug → (name, support)."""
    values = {
        "name": model.name,
        "maker": None,
        "family": None,
        "released_on": partial_iso(model.released_on, model.released_precision or "day"),
        "knowledge_cutoff": partial_iso(model.knowledge_cutoff, model.knowledge_precision or "day"),
        "context_window": model.context_window,
        "max_output_tokens": model.max_output_tokens,
        "openness": model.openness or None,
        "license_name": model.license_name or None,
        "is_deprecated": model.is_deprecated,
    }
    for slug, (_, support) in supports.items():
        values[f"{CAPABILITY}{slug}"] = support
    return values


def shown_text(model, fact, value):
    if fact == "maker":
        return model.organization.name
    if fact == "family":
        return model.family.name if model.family else NOT_STATED
    return stated_text(fact, value)


def model_rows(model, statements, supports):
    """The model's own facts and capabilities: `statements` are its ModelStatements (with
    their providers), `supports` its capabilities (slug → (name, support))."""
    statements = sorted(statements, key=statement_rank)
    values = page_values(model, supports)
    facts = dict(MODEL_FACTS)
    stated_capabilities = {
        name.removeprefix(CAPABILITY)
        for s in statements
        for name in s.facts
        if name.startswith(CAPABILITY)
    }
    for slug in sorted(supports.keys() | stated_capabilities):
        name = supports[slug][0] if slug in supports else slug.replace("_", " ")
        facts[f"{CAPABILITY}{slug}"] = f"Capability: {name}"
    rows = []
    for fact, label in facts.items():
        value = values.get(fact)
        stated = grouped(
            (
                stated_text(fact, statement.facts[fact]),
                None if value is None else agree(statement.facts[fact], value),
                Source(statement_label(statement), statement.source_url),
            )
            for statement in statements
            if statement.facts.get(fact) is not None
        )
        rows.append(
            ReviewRow(
                fact=label,
                shown=shown_text(model, fact, value),
                stated=stated,
                differ=fact in (model.fact_disputes or {}),
                record="model",
                reviewed_at=model.reviewed_at,
                reviewed_by=reviewer(model),
            )
        )
    return rows


def prices_text(input_price, output_price):
    def one(price):
        return NOT_STATED if price is None else usd_rate(price)

    return f"{one(input_price)} in / {one(output_price)} out per 1M tokens"


def route_rows(routes):
    """A row per route: its prices as the page shows them (a route not sold per token
    shows how it is paid for), beside each source's statement of them (`route.statements`
    read with it)."""
    rows = []
    for route in routes:
        tier = tier_name(route.service_mode, route.context_above, route.serving_marks)
        if route.pricing_kind == PricingKind.PER_TOKEN:
            shown = prices_text(route.input_price, route.output_price)
        else:
            shown = route.get_pricing_kind_display()
        stated = grouped(
            (
                prices_text(statement.input_price, statement.output_price)
                + (f", context {statement.context_window:,}" if statement.context_window else ""),
                (statement.input_price, statement.output_price)
                == (route.input_price, route.output_price),
                Source(SOURCE_NAMES.get(statement.source, statement.source), statement.source_url),
            )
            for statement in route.statements.all()
        )
        rows.append(
            ReviewRow(
                fact=f"Price at {route.provider.name}" + (f" ({tier})" if tier else ""),
                shown=shown,
                stated=stated,
                differ=any(not s.agrees for s in stated),
                record=f"route:{route.pk}",
                reviewed_at=route.reviewed_at,
                reviewed_by=reviewer(route),
            )
        )
    return rows


def score_rows(scores):
    """A row per benchmark score, beside the source it was taken from."""
    rows = []
    for score in scores:
        how = ", ".join(part for part in (score.harness, score.variant) if part)
        rows.append(
            ReviewRow(
                fact=f"{score.benchmark.name}" + (f" ({how})" if how else ""),
                shown=score_text(score.value, score.benchmark.unit),
                stated=(
                    Stated(
                        value=score_text(score.value, score.benchmark.unit),
                        agrees=True,
                        sources=(
                            Source(score.get_claim_display() or NOT_STATED, score.source_url),
                        ),
                    ),
                ),
                differ=False,
                record=f"score:{score.pk}",
                reviewed_at=score.reviewed_at,
                reviewed_by=reviewer(score),
            )
        )
    return rows


def reviewer(record):
    return record.reviewed_by.get_username() if record.reviewed_by_id else ""


def review_page(model):
    """Everything the review page shows of `model`, read in a constant number of queries:
    its rows (own facts, routes, scores), and the open proposals and identity questions
    about it."""
    model = (
        LanguageModel.objects.select_related("organization", "family", "reviewed_by")
        .filter(pk=model.pk)
        .get()
    )
    statements = ModelStatement.objects.filter(model=model).select_related("provider")
    supports = {
        row.capability.slug: (row.capability.name, row.support)
        for row in ModelCapability.objects.filter(model=model).select_related("capability")
    }
    routes = (
        model.routes.filter(is_active=True)
        .select_related("provider", "reviewed_by")
        .prefetch_related("statements")
        .order_by("provider__name", "service_mode", "context_above", "pk")
    )
    scores = model.scores.select_related("benchmark", "reviewed_by").order_by(
        "benchmark__name", "harness", "variant"
    )
    proposals = (
        ProposedChange.objects.filter(model=model, status=ProposedChange.Status.OPEN)
        .prefetch_related(proposal_decisions.records_of_the_page())
        .order_by(F("change_percent").desc(nulls_last=True), "field", "pk")
    )
    matches = ProposedMatch.objects.filter(
        candidate=model, status=ProposedMatch.Status.OPEN
    ).order_by("source", "external_id")
    return {
        "model": model,
        "model_rows": model_rows(model, statements, supports),
        "route_rows": route_rows(routes),
        "score_rows": score_rows(scores),
        "proposals": list(proposals),
        "matches": list(matches),
    }


class BadAction(ValueError):
    """A review action the page does not offer, or about a record not of this model."""


def perform(model, action, data, user):
    """Do one of the review page's actions on `model` for `user`; returns what was done,
    as the page tells it. `data`: the form's fields."""
    if action == "review-model":
        count = LanguageModel.objects.filter(pk=model.pk).mark_reviewed(user)
        count += model.routes.filter(is_active=True).mark_reviewed(user)
        count += model.scores.mark_reviewed(user)
        return f"Marked {model.name} reviewed: {count} records (the model, its routes, its scores)."
    if action == "review-row":
        records = record_of_row(model, data.get("record", ""))
        records.mark_reviewed(user)
        return f"Marked {records.get()} reviewed."
    if action in ("approve", "reject"):
        proposals = ProposedChange.objects.filter(
            model=model, pk=number(data.get("proposal")), status=ProposedChange.Status.OPEN
        )
        if not proposals.exists():
            raise BadAction("No open proposal about this model has that id.")
        if action == "approve":
            proposal_decisions.approve(proposals, user)
            return "Applied the proposed change and marked its record reviewed."
        proposal_decisions.reject(proposals, user)
        return "Rejected the proposed change: ours is kept, and it is not proposed again."
    if action in ("link", "not-this-model"):
        matches = ProposedMatch.objects.filter(
            candidate=model, pk=number(data.get("match")), status=ProposedMatch.Status.OPEN
        )
        if not matches.exists():
            raise BadAction("No open identity question about this model has that id.")
        if action == "not-this-model":
            # The question stays open, without this candidate: linked elsewhere, or a new model.
            matches.update(candidate=None)
            return f"The entry is not {model.name}: it waits under “Proposed matches”."
        proposal_decisions.link_matches(matches, user)
        return f"Linked the entry to {model.name}: the next sync adds its routes to it."
    raise BadAction(f"The review page has no action {action!r}.")


def record_of_row(model, record):
    """The record a row's "reviewed" stamps ("model", "route:12", "score:3"), as a queryset
    of one; BadAction when it is not one of this model's."""
    kind, _, pk = record.partition(":")
    if kind == "model" and not pk:
        return LanguageModel.objects.filter(pk=model.pk)
    records = {"route": model.routes, "score": model.scores}.get(kind)
    if records is None or not pk.isdigit() or not records.filter(pk=pk).exists():
        raise BadAction(f"{record!r} is not a record of {model.name}.")
    return records.filter(pk=pk)


def number(value):
    if not (value or "").isdigit():
        raise BadAction(f"{value!r} is not an id.")
    return int(value)
