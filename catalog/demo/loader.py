"""Loads the demo catalog (catalog/demo/data.py) into the database, idempotently."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from decimal import Decimal

from django.db import transaction

from catalog.changes import changes_deferred
from catalog.demo import data as demo
from catalog.models import (
    SCORE_SETTING,
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.pricing_kinds import refresh_pricing_kinds
from catalog.scores import claim_of
from catalog.similar import refresh_if_stale
from catalog.slugs import slug_from_name

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# A record's reviewed day is stored as noon UTC: the same calendar day in any time zone
# the site might show it in.
REVIEW_TIME = time(12, 0, tzinfo=UTC)

# The kinds of record the summary counts, in the order it prints them.
SUMMARY_KINDS = (
    "organizations",
    "providers",
    "families",
    "models",
    "capability support",
    "routes",
    "benchmarks",
    "benchmark scores",
)


@dataclass
class LoadSummary:
    """How many records of each kind a load created, updated or left unchanged."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def count(self, kind, outcome):
        self.counts.setdefault(kind, Counter())[outcome] += 1

    def total(self, outcome):
        return sum(counter[outcome] for counter in self.counts.values())

    @property
    def created(self):
        return self.total(CREATED)

    @property
    def updated(self):
        return self.total(UPDATED)

    @property
    def unchanged(self):
        return self.total(UNCHANGED)

    def lines(self):
        kinds = [k for k in SUMMARY_KINDS if k in self.counts]
        kinds += [k for k in self.counts if k not in SUMMARY_KINDS]
        width = max((len(kind) for kind in kinds), default=0)
        for kind in kinds:
            counter = self.counts[kind]
            yield (
                f"{kind:<{width}}  {counter[CREATED]} created, {counter[UPDATED]} updated, "
                f"{counter[UNCHANGED]} unchanged"
            )
        yield (
            f"{'total':<{width}}  {self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged"
        )

    def __str__(self):
        return "\n".join(self.lines())


def _reviewed_at(day):
    return None if day is None else datetime.combine(day, REVIEW_TIME)


def _price(value):
    return None if value is None else Decimal(value)


def _validate(record):
    """Field checks (choices, URLs, lengths, ranges). Uniqueness, constraints and foreign
    keys are left to the database, which enforces them in the same transaction."""
    foreign_keys = [f.name for f in record._meta.concrete_fields if f.is_relation]
    record.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)


def _sync(model_class, existing, key, lookup, values):
    """Get-or-create the record under `key` in `existing`; save it only if a field differs.

    `existing` maps keys to the records already stored (one query per kind, not per record);
    `lookup` holds the fields that make up the key. Returns (record, outcome).
    """
    record = existing.get(key)
    if record is None:
        record = model_class(**lookup, **values)
        _validate(record)
        record.save()
        existing[key] = record
        return record, CREATED
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    if not changed:
        return record, UNCHANGED
    for name in changed:
        setattr(record, name, values[name])
    _validate(record)
    record.save()
    return record, UPDATED


def _sync_reviewed_at(record, reviewed_at, outcome):
    """Set `reviewed_at` with a queryset update (a save must never set it)."""
    if record.reviewed_at == reviewed_at:
        return outcome
    type(record).objects.filter(pk=record.pk).update(reviewed_at=reviewed_at)
    record.reviewed_at = reviewed_at
    return UPDATED if outcome == UNCHANGED else outcome


def _sync_curated(summary, kind, model_class, existing, key, lookup, values, reviewed_on):
    record, outcome = _sync(model_class, existing, key, lookup, values)
    outcome = _sync_reviewed_at(record, _reviewed_at(reviewed_on), outcome)
    summary.count(kind, outcome)
    return record, outcome


def _sync_decision_tags(model, names, tags_by_name, tag_ids_by_model):
    wanted = {tags_by_name[name].pk for name in names}
    if tag_ids_by_model.get(model.pk, set()) == wanted:
        return False
    model.decision_tags.set(wanted)
    tag_ids_by_model[model.pk] = wanted
    return True


def _sync_capabilities(summary, model, stated, capabilities_by_slug, support_rows):
    """One ModelCapability row per capability the model states; returns True on a change."""
    changed = False
    for slug, support in stated.items():
        capability = capabilities_by_slug[slug]
        row = support_rows.get((model.pk, capability.pk))
        if row is None:
            row = ModelCapability(model=model, capability=capability, support=support)
            _validate(row)
            row.save()
            support_rows[(model.pk, capability.pk)] = row
            outcome = CREATED
        elif row.support != support:
            row.support = support
            _validate(row)
            row.save(update_fields=["support"])
            outcome = UPDATED
        else:
            outcome = UNCHANGED
        changed = changed or outcome != UNCHANGED
        summary.count("capability support", outcome)
    return changed


def load_demo_catalog():
    """Load the demo catalog (catalog/demo/data.py) into the database: see `load_entries`."""
    return load_entries(
        organizations=demo.ORGANIZATIONS,
        providers=demo.PROVIDERS,
        models=demo.MODELS,
        families=demo.FAMILIES,
        benchmarks=demo.BENCHMARKS,
        scores=demo.SCORES,
    )


def load_entries(
    *, organizations=(), providers=(), families=(), models=(), benchmarks=(), scores=()
):
    """Load demo catalog entries into the database, idempotently, in one transaction.

    Records are matched by slug (routes by model, provider, service mode and context tier;
    scores by model and benchmark; capability support by model and capability) and written
    only where a field differs, so a second run changes nothing: no new rows, no new `updated_at` or
    `version`, no new Route history. Records the entries do not mention are left alone; a
    model's organization and its routes' providers must be among the entries or stored.
    """
    summary = LoadSummary()
    with transaction.atomic(), changes_deferred():
        stored_organizations = {o.slug: o for o in Organization.objects.all()}
        for data in organizations:
            slug = slug_from_name(data.name)
            _sync_curated(
                summary,
                "organizations",
                Organization,
                stored_organizations,
                slug,
                {"slug": slug},
                {"name": data.name, "website": data.website, "source_url": data.source_url},
                data.reviewed_on,
            )
        organization_by_name = {o.name: o for o in stored_organizations.values()}

        stored_families = {f.slug: f for f in ModelFamily.objects.all()}
        family_by_member = {}
        for data in families:
            slug = slug_from_name(data.name)
            family, _ = _sync_curated(
                summary,
                "families",
                ModelFamily,
                stored_families,
                slug,
                {"slug": slug},
                {
                    "name": data.name,
                    "organization_id": organization_by_name[data.organization].pk,
                    "description": data.description,
                    "source_url": data.source_url,
                },
                data.reviewed_on,
            )
            for member in data.members:
                if member in family_by_member:
                    raise ValueError(f"{member!r} is in two families")
                family_by_member[member] = family

        stored_providers = {p.slug: p for p in Provider.objects.all()}
        for data in providers:
            slug = slug_from_name(data.name)
            _sync_curated(
                summary,
                "providers",
                Provider,
                stored_providers,
                slug,
                {"slug": slug},
                {
                    "name": data.name,
                    "kind": data.kind,
                    "lab_id": organization_by_name[data.lab].pk if data.lab else None,
                    "kind_by_editor": True,  # the demo's kinds are an editor's
                    "website": data.website,
                    "source_url": data.source_url,
                },
                data.reviewed_on,
            )
        provider_by_name = {p.name: p for p in stored_providers.values()}

        tags_by_name = {tag.name: tag for tag in DecisionTag.objects.all()}
        capabilities_by_slug = {c.slug: c for c in Capability.objects.all()}
        tag_ids_by_model = {}
        for model_id, tag_id in LanguageModel.decision_tags.through.objects.values_list(
            "languagemodel_id", "decisiontag_id"
        ):
            tag_ids_by_model.setdefault(model_id, set()).add(tag_id)
        support_rows = {
            (row.model_id, row.capability_id): row for row in ModelCapability.objects.all()
        }
        routes = {
            (r.model_id, r.provider_id, r.service_mode, r.context_above): r
            for r in Route.objects.all()
        }
        stored_models = {m.slug: m for m in LanguageModel.objects.all()}
        model_by_name = {}
        for data in models:
            slug = slug_from_name(data.name)
            model, outcome = _sync(
                LanguageModel,
                stored_models,
                slug,
                {"slug": slug},
                {
                    "name": data.name,
                    "organization_id": organization_by_name[data.organization].pk,
                    "family_id": getattr(family_by_member.get(data.name), "pk", None),
                    "released_on": data.released_on,
                    "product_type": data.product_type,
                    "best_for": data.best_for,
                    "context_window": data.context_window,
                    "max_output_tokens": data.max_output_tokens,
                    "parameters_total": data.parameters_total,
                    "parameters_active": data.parameters_active,
                    "architecture": data.architecture,
                    "license_name": data.license_name,
                    "license_osi_approved": data.license_osi_approved,
                    "openness": data.openness,
                    "commercial_use": data.commercial_use,
                    "knowledge_cutoff": data.knowledge_cutoff,
                    "is_published": data.is_published,
                    "source_url": data.source_url,
                },
            )
            tags_changed = _sync_decision_tags(
                model, data.decision_tags, tags_by_name, tag_ids_by_model
            )
            capabilities_changed = _sync_capabilities(
                summary, model, data.capabilities, capabilities_by_slug, support_rows
            )
            if outcome == UNCHANGED and (tags_changed or capabilities_changed):
                # What the model's pages show changed: bump updated_at and version.
                model.save(update_fields=[])
                outcome = UPDATED
            outcome = _sync_reviewed_at(model, _reviewed_at(data.reviewed_on), outcome)
            summary.count("models", outcome)
            model_by_name[data.name] = model

            for route in data.routes:
                provider = provider_by_name[route.provider]
                _sync_curated(
                    summary,
                    "routes",
                    Route,
                    routes,
                    (model.pk, provider.pk, route.service_mode, route.context_above),
                    {
                        "model": model,
                        "provider": provider,
                        "service_mode": route.service_mode,
                        "context_above": route.context_above,
                    },
                    {
                        "provider_model_id": route.provider_model_id,
                        "input_price": _price(route.input_price),
                        "output_price": _price(route.output_price),
                        "cached_input_price": _price(route.cached_input_price),
                        "is_active": route.is_active,
                        "source_url": route.source_url,
                    },
                    route.reviewed_on,
                )

        # Each route's pricing kind by the catalog's rules (catalog/pricing.py).
        refresh_pricing_kinds(Route.objects.filter(model__in=model_by_name.values()))

        unknown_members = set(family_by_member) - {data.name for data in models}
        if unknown_members:
            raise ValueError(f"Family members that are not models: {sorted(unknown_members)}")

        stored_benchmarks = {b.slug: b for b in Benchmark.objects.all()}
        for data in benchmarks:
            slug = slug_from_name(data.name)
            _sync_curated(
                summary,
                "benchmarks",
                Benchmark,
                stored_benchmarks,
                slug,
                {"slug": slug},
                {
                    "name": data.name,
                    "category": data.category,
                    "unit": data.unit,
                    "higher_is_better": data.higher_is_better,
                    "description": data.description,
                    "source_url": data.source_url,
                },
                data.reviewed_on,
            )
        benchmark_by_name = {b.name: b for b in stored_benchmarks.values()}

        # The demo's scores state no harness or variant: those are the ones it keeps.
        plain = dict.fromkeys(SCORE_SETTING, "")
        stored_scores = {
            (s.model_id, s.benchmark_id): s for s in BenchmarkScore.objects.filter(**plain)
        }
        for data in scores:
            model = model_by_name[data.model]
            benchmark = benchmark_by_name[data.benchmark]
            _sync_curated(
                summary,
                "benchmark scores",
                BenchmarkScore,
                stored_scores,
                (model.pk, benchmark.pk),
                {"model": model, "benchmark": benchmark},
                {
                    "value": Decimal(data.value),
                    "measured_on": data.measured_on,
                    "source_url": data.source_url,
                    # Whose claim it is, by the page it cites (catalog/scores.py).
                    "claim": claim_of(data.source_url).claim,
                    "measured_by": claim_of(data.source_url).measured_by,
                },
                data.reviewed_on,
            )
    refresh_if_stale()  # the pages' similar models, at once (not left to a task worker)
    return summary
