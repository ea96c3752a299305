"""What each source entry states about its model, kept as a ModelStatement, and the
model's facts chosen from all its statements by the source order (best_source.py), written
under the trust rules (writing.py): a record never reviewed takes them, a reviewed one gets
proposals. Dates are kept to their precision ("2026-01")."""

from collections import defaultdict

from catalog.formatting import partial_iso
from catalog.models import LanguageModel, ModelCapability
from catalog.sync import best_source, identity
from catalog.sync.models import ModelStatement, ProposedChange
from catalog.sync.snapshot import (
    MODELSDEV,
    OPENROUTER,
    SOURCE_NAMES,
    SOURCES,
    parse_partial_day,
)
from catalog.sync.writing import stated_only

OPENNESS = {True: LanguageModel.Openness.OPEN_WEIGHTS, False: LanguageModel.Openness.PROPRIETARY}
CAPABILITY = "capability:"
# Sources that state the whole of what they hold on every run: an entry they no longer
# state is gone from them, and so is its statement.
WHOLE_SOURCES = {MODELSDEV, OPENROUTER}


class Statements:
    """One run's statements of one source, and the facts chosen from them."""

    def __init__(self, source, run, match, writer, counts, seen_names):
        self.source = source
        self.run = run
        self.match = match
        self.writer = writer
        self.counts = counts
        self.seen_names = seen_names
        self.entries = {}  # ref → (model pk, provider pk, role, facts, source URL)

    def facts_of(self, source_model):
        """What an entry states about its model, as a statement keeps it."""
        facts = {
            "name": identity.without_latest(source_model.name),
            "released_on": partial_iso(source_model.released_on, source_model.released_precision),
            "knowledge_cutoff": partial_iso(
                source_model.knowledge_cutoff, source_model.knowledge_precision
            ),
            "context_window": source_model.context_window,
            "max_output_tokens": source_model.max_output_tokens,
            "openness": OPENNESS.get(source_model.open_weights),
            "license_name": source_model.license_name[:120] or None,
            "is_deprecated": source_model.deprecated if self.source == MODELSDEV else None,
            "upstream_updated_on": partial_iso(source_model.upstream_updated_on, "day"),
            "family": source_model.family or None,
        }
        for slug, support in source_model.capabilities.items():
            facts[f"{CAPABILITY}{slug}"] = support
        return stated_only(facts)

    def state(self, model, source_model, provider, role, ref, primary=True, name=None, maker=""):
        facts = self.facts_of(source_model)
        if name:
            facts["name"] = name
        elif name == "":
            facts.pop("name", None)
        if maker:
            facts["maker"] = maker
        if not primary:
            facts["primary"] = False
        self.entries[ref] = (
            model.pk,
            provider.pk if provider else None,
            role,
            facts,
            source_model.source_url[:500],
        )

    def save(self, created_models):
        existing = {s.ref: s for s in ModelStatement.objects.filter(source=self.source)}
        self.touched = set()
        new, changed = [], []
        for ref, (model_pk, provider_pk, role, facts, url) in self.entries.items():
            old = existing.pop(ref, None)
            if old is None:
                new.append(
                    ModelStatement(
                        source=self.source,
                        ref=ref[:500],
                        model_id=model_pk,
                        provider_id=provider_pk,
                        role=role,
                        facts=facts,
                        source_url=url,
                        last_seen_run=self.run,
                    )
                )
                self.touched.add(model_pk)
                continue
            if (old.model_id, old.provider_id, old.role, old.facts, old.source_url) != (
                model_pk,
                provider_pk,
                role,
                facts,
                url,
            ):
                self.touched.update({model_pk, old.model_id})
                old.model_id, old.provider_id, old.role = model_pk, provider_pk, role
                old.facts, old.source_url, old.last_seen_run = facts, url, self.run
                changed.append(old)
        ModelStatement.objects.bulk_create(new, batch_size=500)
        ModelStatement.objects.bulk_update(
            changed,
            ["model", "provider", "role", "facts", "source_url", "last_seen_run"],
            batch_size=500,
        )
        if self.source in WHOLE_SOURCES and existing:
            self.touched.update(s.model_id for s in existing.values())
            ModelStatement.objects.filter(pk__in=[s.pk for s in existing.values()]).delete()
        self.touched.update(created_models)
        return self.touched

    def stated_models(self):
        """The models this run's entries state something of."""
        return {pk for pk, *_ in self.entries.values()}

    def resolve(self, touched):
        """The facts of each model this source states (or stated until now), chosen from
        all its sources' statements: also where the catalog, not the source, changed."""
        touched = touched | self.stated_models()
        by_model = defaultdict(list)
        for statement in ModelStatement.objects.filter(model__in=touched).select_related(
            "provider"
        ):
            by_model[statement.model_id].append(statement)
        for pk, statements in by_model.items():
            model = self.match.models.get(pk)
            if model is not None:
                self.apply_choice(
                    model, best_source.choose(map(as_statement, statements)), statements
                )

    def apply_choice(self, model, choice, statements):
        values = choice.values
        source_url = min(statements, key=statement_rank).source_url or model.source_url
        changes = {
            field: value
            for field, value in stated_only(model_fields(values)).items()
            if getattr(model, field) != value
        }
        # A name follows its best source while no editor has reviewed the record.
        name = values.get("name")
        if (
            name
            and model.reviewed_at is None
            and name != model.name
            and name not in self.match.names
        ):
            self.match.names.discard(model.name)
            self.match.names.add(name)
            changes["name"] = name
        # The maker follows the maker rules' best source (an older rule's guess is mended);
        # an editor's choice of maker is questioned only by the lab's canonical file.
        maker = values.get("maker")
        current = self.match.maker_key_of(model)
        if (
            maker
            and maker != current
            and (model.reviewed_at is None or choice.chosen_role["maker"] == best_source.CANONICAL)
        ):
            organization = self.match.organization(maker, self.seen_names)
            if organization is not None and organization.pk != model.organization_id:
                changes["organization"] = organization
        # A family fills a model that has none; an editor's grouping is never replaced.
        if model.family_id is None and values.get("family"):
            family = self.match.family(values["family"])
            if family is not None:
                changes["family"] = family
        self.writer.write(model, changes, source_url, ProposedChange.Kind.SPEC)
        for field, support in values.items():
            if field.startswith(CAPABILITY):
                slug = field.removeprefix(CAPABILITY)
                if slug in self.match.capabilities and self.current_support(model, slug) != support:
                    self.write_capability(model, slug, support, source_url)
        # Bookkeeping, not facts: where sources differ, and which sources the facts shown
        # come from ("modelsdev openrouter", what the page's notice names).
        sources = {statement_label(s): s.source for s in statements}
        chosen = {sources[label] for label in choice.chosen_from.values() if label in sources}
        fact_sources = " ".join(source for source in SOURCES if source in chosen)
        if (choice.disputes, fact_sources) != (model.fact_disputes, model.fact_source):
            LanguageModel.objects.filter(pk=model.pk).update(
                fact_disputes=choice.disputes, fact_source=fact_sources
            )
            model.fact_disputes, model.fact_source = choice.disputes, fact_sources
        if not changes:
            self.counts.unchanged += 1

    def current_support(self, model, slug):
        row = self.match.support.get((model.pk, self.match.capabilities[slug].pk))
        return row.support if row else ModelCapability.Support.UNKNOWN

    def write_capability(self, model, slug, support, source_url):
        field = f"{CAPABILITY}{slug}"
        if model.reviewed_at is not None:
            self.writer.propose(
                model,
                field,
                self.current_support(model, slug),
                support,
                source_url,
                ProposedChange.Kind.CAPABILITY,
                model,
            )
            return
        capability = self.match.capabilities[slug]
        row = self.match.support.get((model.pk, capability.pk))
        if row is None:
            row = ModelCapability.objects.create(
                model=model, capability=capability, support=support
            )
            self.match.support[(model.pk, capability.pk)] = row
        else:
            row.support = support
            row.save(update_fields=["support"])
        LanguageModel.objects.filter(pk=model.pk).update(sync_run=self.run)
        self.counts.updated += 1


def model_fields(facts):
    """The model's fields a statement's (or a choice's) facts give; None where unstated."""
    released, released_precision = parse_partial_day(facts.get("released_on"))
    cutoff, cutoff_precision = parse_partial_day(facts.get("knowledge_cutoff"))
    upstream, _ = parse_partial_day(facts.get("upstream_updated_on"))
    return {
        "released_on": released,
        "released_precision": released_precision if released else None,
        "knowledge_cutoff": cutoff,
        "knowledge_precision": cutoff_precision if cutoff else None,
        "context_window": facts.get("context_window"),
        "max_output_tokens": facts.get("max_output_tokens"),
        "openness": facts.get("openness"),
        "license_name": facts.get("license_name"),
        "is_deprecated": facts.get("is_deprecated"),
        "upstream_updated_on": upstream,
    }


def statement_label(statement):
    name = SOURCE_NAMES.get(statement.source, statement.source)
    if statement.role == ModelStatement.Role.CANONICAL:
        return f"{name} canonical file {statement.ref.removeprefix('models/')}"
    return f"{name}: {statement.provider.name}" if statement.provider else name


def as_statement(statement):
    facts = dict(statement.facts)
    primary = facts.pop("primary", True)
    return best_source.Statement(
        label=statement_label(statement),
        role=statement.role,
        ref=f"{statement.source}:{statement.ref}",
        facts=facts,
        primary=primary,
    )


def statement_rank(statement):
    return (
        best_source.ROLE_ORDER[statement.role],
        statement.facts.get("primary") is False,
        statement.ref,
    )
