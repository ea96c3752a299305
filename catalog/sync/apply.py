"""Applies a Snapshot to the catalog: one model per real language model, its facts from
the best source, every provider's entry a route of it.

- Matching (catalog/sync/matching.py) finds each entry's record by the identity rules
  (catalog/sync/identity.py) and maker rules (catalog/sync/makers.py); what cannot be
  matched for sure is skipped, saying why, and proposed to the editors. Entries that are
  not language models, and routers, are skipped with their reason.
- Every entry's facts about its model are kept as a ModelStatement; the model's facts are
  chosen from them by the source order (catalog/sync/best_source.py), and where sources
  differ the page says so.
- Writing (catalog/sync/writing.py) follows the trust rules: a record never reviewed
  takes the chosen facts at once; a reviewed record's changes become proposals.
- genai-prices' dated prices become price history (catalog/sync/dated_history.py).
- A catalog synced under older rules is mended: records the rules now know to be one
  model are merged (never a reviewed one: that is suggested to the editors), and records
  that are not language models are unpublished, with the reason.

The caller runs `apply` inside one transaction: a run lands whole or not at all.
"""

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.db.models import F
from django.utils import timezone

from catalog.models import (
    ROUTE_PLACE,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.slugs import free_slug, slug_from_name
from catalog.sync import best_source, identity, makers
from catalog.sync.dated_history import add_dated_history
from catalog.sync.genai_prices import matches
from catalog.sync.matching import Matcher, entry_keys, record_keys
from catalog.sync.models import ModelStatement, ProposedChange, ProposedMatch, SourceIdentity
from catalog.sync.snapshot import (
    GENAI_PRICES,
    MODELSDEV,
    OPENROUTER,
    SOURCE_NAMES,
    SOURCES,
    Prices,
    Skip,
    Snapshot,
    SourceRoute,
    parse_partial_day,
)
from catalog.sync.writing import Counts, Writer, free_name, stated_only

# genai-prices' provider ids that differ from models.dev's for the same provider.
PROVIDER_ALIASES = {
    "aws": "amazon-bedrock",
    "x-ai": "xai",
    "together": "togetherai",
    "novita": "novita-ai",
    "huggingface_together": "huggingface",
}
# Sources that are a provider's own list of what it serves, by the provider they describe.
SELF_DESCRIBING = {"openrouter": "openrouter"}
OPENNESS = {True: LanguageModel.Openness.OPEN_WEIGHTS, False: LanguageModel.Openness.PROPRIETARY}
CAPABILITY = "capability:"
# Sources that state the whole of what they hold on every run: an entry they no longer
# state is gone from them, and so is its statement.
WHOLE_SOURCES = {MODELSDEV, OPENROUTER}


class Applier:
    """One run's application of one snapshot. `progress(done, total, step)` is told how far
    it got (the command's progress bar, the admin's progress display)."""

    def __init__(self, snapshot: Snapshot, run, today: date, progress=None):
        self.snapshot = snapshot
        self.source = snapshot.source
        self.run = run
        self.today = today
        self.now = timezone.now()
        self.counts = Counts()
        self.progress = progress or (lambda done, total, step: None)
        self.skips = list(snapshot.skipped)

    def skip(self, ref, reason):
        self.skips.append(Skip(str(ref), reason))

    # The run.

    def apply(self):
        self.match = Matcher(self.source, self.run, self.counts)
        self.writer = Writer(self.run, self.source, self.now, self.counts, self.match.types)
        self.mend_organizations()
        self.prepare()
        total = len(self.snapshot.providers) + len(self.snapshot.models) + len(self.snapshot.routes)
        done = 0
        self.progress(done, total, "providers")
        for provider in self.snapshot.providers:
            self.apply_provider(provider)
            done += 1
        self.progress(done, total, "models")
        for index, model in enumerate(self.snapshot.models, start=1):
            self.apply_canonical_model(model)
            if index % 100 == 0:
                self.progress(done + index, total, "models")
        done += len(self.snapshot.models)
        self.progress(done, total, "routes")
        for index, route in enumerate(self.routes_in_order(), start=1):
            self.apply_route(route)
            if index % 100 == 0:
                self.progress(done + index, total, "routes")
        self.progress(total, total, "facts")
        self.save_statements()
        self.resolve_facts()
        self.mend()
        self.publish_new_models()
        self.counts.skipped = len(self.skips)
        self.progress(total, total, "done")
        return self.counts

    def prepare(self):
        """What the rules read from the whole snapshot before any entry is applied."""
        self.statements = {}  # ref → (model pk, provider pk, role, facts, source URL)
        self.created_models = set()
        self.duplicates = defaultdict(set)  # an older record → the models the rules say it is
        self.not_models = {}  # an older record → why it is not a language model
        self.provider_keys = {self.match.org_key(p.key) for p in self.snapshot.providers}
        self.canonical_keys = {model.key for model in self.snapshot.models}
        self.provider_source_keys = {
            pk: key for key, pk in self.match.identities[(MODELSDEV, Provider)].items()
        }

        self.canonical_labs = {
            self.match.org_key(model.organization) for model in self.snapshot.models
        }
        self.known_makers = self.match.known_makers() | self.canonical_labs
        self.seen_names = {}
        for route in self.snapshot.routes:
            entry = identity.parse_entry(route.model.name, route.provider_model_id)
            if entry.maker_named:
                self.seen_names.setdefault(self.match.org_key(entry.maker_named), entry.maker_named)
        for provider in self.snapshot.providers:
            self.seen_names.setdefault(self.match.org_key(provider.key), provider.name)
        self.serving_names = frozenset(
            name.casefold()
            for name in (
                *(p.name for p in self.match.providers.values()),
                *(p.name for p in self.snapshot.providers),
                *(o.name for o in self.match.organizations.values()),
                *makers.ORGANIZATION_NAMES.values(),
                *self.seen_names.values(),
                *(alias.replace("-", " ") for alias in makers.ORGANIZATION_ALIASES),
            )
        )
        families = defaultdict(set)
        for model in self.snapshot.models:
            if model.family and model.organization:
                families[model.family].add(self.match.org_key(model.organization))
        self.family_makers = {
            family: keys.pop() for family, keys in families.items() if len(keys) == 1
        }
        self.aliases = identity.canonical_aliases(
            (model.key, model.name, model.weights) for model in self.snapshot.models
        )
        # The names a lab sells as models of their own: its canonical files, its own API;
        # not the dated snapshots its alias files name (GPT-4o (2024-08-06) is GPT-4o).
        self.lab_keys = set()
        for model in self.snapshot.models:
            self.lab_keys.update(record_keys(model.name, model.key.partition("/")[2]))
        for route in self.snapshot.routes:
            if self.is_lab_provider(route.provider):
                self.lab_keys.update(
                    entry_keys(identity.parse_entry(route.model.name, route.provider_model_id))
                )
        for model in self.snapshot.models:
            if self.aliases.get(model.key, ("", ""))[1]:
                self.lab_keys.difference_update(
                    record_keys(model.name, model.key.partition("/")[2])
                )
        self.match.build_index(
            self.lab_keys,
            {alias: primary for alias, (primary, _) in self.aliases.items()},
            {model.key: model.weights for model in self.snapshot.models if model.weights},
        )
        self.duplicates.update(self.match.older_duplicates)

    def is_lab_provider(self, provider_key):
        key = self.match.org_key(provider_key)
        return key in self.canonical_labs or key in makers.ORGANIZATION_NAMES

    def routes_in_order(self):
        """The labs' own APIs first: the names they sell are found before resellers'."""
        return sorted(
            self.snapshot.routes,
            key=lambda route: not self.is_lab_provider(route.provider),
        )

    # Providers.

    def apply_provider(self, source_provider):
        key = source_provider.key
        match = self.match
        if self.source == GENAI_PRICES:
            # genai-prices names providers, it does not define them: only match.
            provider = (
                match.known(Provider, key)
                or match.known(Provider, PROVIDER_ALIASES.get(key, key), MODELSDEV)
                or match.known(Provider, key, MODELSDEV)
            )
            if provider is not None:
                match.remember(provider, key)
            return
        provider = match.known(Provider, key)
        if provider is None:
            provider = match.provider_by_slug.get(slug_from_name(source_provider.name))
            provider = provider or match.provider_by_slug.get(slug_from_name(key))
        if provider is None:
            provider = Provider(
                name=free_name(source_provider.name, {p.name for p in match.providers.values()}),
                slug=free_slug(
                    slug_from_name(source_provider.name) or slug_from_name(key),
                    {p.slug for p in match.providers.values()},
                ),
                website=source_provider.website[:300],
                source_url=source_provider.source_url[:500],
                sync_run=self.run,
            )
            provider.save()
            match.providers[provider.pk] = provider
            match.provider_by_slug[provider.slug] = provider
            self.counts.created += 1
        else:
            self.counts.unchanged += 1
        match.remember(provider, key)

    # Canonical models (models.dev's `models/<lab>/…`).

    def apply_canonical_model(self, source_model):
        lab, _, model_id = source_model.key.partition("/")
        reason = identity.not_a_model(
            source_model.name, model_id, source_model.family, source_model.outputs
        )
        if reason:
            self.skip(source_model.key, reason)
            self.note_not_a_model(LanguageModel, source_model.key, reason)
            return
        if source_model.key in self.aliases:
            return  # applied with the model it is an alias of, below
        organization = self.match.organization(lab, self.seen_names)
        if organization is None:
            self.skip(source_model.key, "no organization stated")
            return
        model = self.match.known(LanguageModel, source_model.key)
        if model is None:
            # Names and ids only: a lab's variants share their weights (Kimi K2 Thinking
            # and Kimi K2 Thinking Turbo), and each file is a model of its own.
            keys = record_keys(source_model.name, model_id)
            model = self.match.lookup(keys, self.match.org_key(lab), weak=False)
        if model is None:
            model = self.create_model(source_model, organization)
        self.claim_model(model, source_model)
        maker = self.match.org_key(lab)
        self.state(
            model,
            source_model,
            None,
            best_source.CANONICAL,
            f"models/{source_model.key}",
            maker=maker,
        )
        for alias, (primary, snapshot) in self.aliases.items():
            if primary == source_model.key:
                alias_model = next(m for m in self.snapshot.models if m.key == alias)
                # A dated snapshot's name is not the model's: an entry by that name is the
                # model at that snapshot (a route of its own), found by the snapshot rule.
                self.claim_model(model, alias_model, index=not snapshot)
                self.state(
                    model,
                    alias_model,
                    None,
                    best_source.CANONICAL,
                    f"models/{alias}",
                    primary=False,
                    maker=maker,
                )
        for weights in source_model.weights:
            self.match.index(model, "", weights, weak=True)

    def claim_model(self, model, source_model, index=True):
        """A canonical file names `model`; a record an older rule made for it is a
        duplicate."""
        key = source_model.key
        older = self.match.known(LanguageModel, key)
        if older is not None and older.pk != model.pk:
            self.duplicates[older.pk].add(model.pk)
        self.match.remember(model, key)
        if index:
            self.match.index(model, source_model.name, key.partition("/")[2])

    def create_model(self, source_model, organization, name=None):
        stated = stated_only(model_fields(self.facts_of(source_model)))
        model = self.match.create_model(
            name or source_model.name,
            organization,
            self.match.family(source_model.family),
            stated,
            source_model.source_url,
            f"{self.source}:{source_model.key}",
        )
        self.created_models.add(model.pk)
        rows = ModelCapability.objects.bulk_create(
            ModelCapability(model=model, capability=self.match.capabilities[slug], support=support)
            for slug, support in source_model.capabilities.items()
            if slug in self.match.capabilities
        )
        for row in rows:
            self.match.support[(model.pk, row.capability_id)] = row
        return model

    # Statements, and the facts chosen from them.

    def facts_of(self, source_model):
        """What an entry states about its model, as a statement keeps it."""
        facts = {
            "name": identity.without_latest(source_model.name),
            "released_on": date_text(source_model.released_on, source_model.released_precision),
            "knowledge_cutoff": date_text(
                source_model.knowledge_cutoff, source_model.knowledge_precision
            ),
            "context_window": source_model.context_window,
            "max_output_tokens": source_model.max_output_tokens,
            "openness": OPENNESS.get(source_model.open_weights),
            "license_name": source_model.license_name[:120] or None,
            "is_deprecated": source_model.deprecated if self.source == MODELSDEV else None,
            "upstream_updated_on": date_text(source_model.upstream_updated_on, "day"),
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
        self.statements[ref] = (
            model.pk,
            provider.pk if provider else None,
            role,
            facts,
            source_model.source_url[:500],
        )

    def save_statements(self):
        existing = {s.ref: s for s in ModelStatement.objects.filter(source=self.source)}
        self.touched = set()
        new, changed = [], []
        for ref, (model_pk, provider_pk, role, facts, url) in self.statements.items():
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
        self.touched.update(self.created_models)

    def resolve_facts(self):
        """The facts of each model this source states (or stated until now), chosen from
        all its sources' statements: also where the catalog, not the source, changed."""
        self.touched.update(pk for pk, *_ in self.statements.values())
        by_model = defaultdict(list)
        for statement in ModelStatement.objects.filter(model__in=self.touched).select_related(
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
        if choice.disputes != model.fact_disputes:
            LanguageModel.objects.filter(pk=model.pk).update(fact_disputes=choice.disputes)
            model.fact_disputes = choice.disputes
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

    # Routes.

    def apply_route(self, source_route: SourceRoute):
        provider = self.match.known(Provider, source_route.provider)
        if provider is None:
            self.skip(source_route.key, f"no provider “{source_route.provider}” in the catalog")
            return
        if self.source == GENAI_PRICES:
            self.apply_dated_prices(source_route, provider)
            return
        found = self.route_model(source_route)
        if found is None:
            return
        model, marks, maker = found
        mode = source_route.service_mode or ("fast" if marks.fast else "")
        base = self.apply_one_route(
            source_route, provider, model, marks, mode, 0, source_route.prices
        )
        for tier in source_route.tiers:
            self.apply_one_route(
                source_route, provider, model, marks, mode, tier.above_tokens, tier.prices
            )
        if not source_route.service_mode and base is not None:
            role = best_source.LAB if self.is_lab_of(provider, model) else best_source.ROUTE
            entry = identity.parse_entry(source_route.model.name, source_route.provider_model_id)
            # The entry names the model, unless a mark was taken off to find it ("Claude
            # Opus 4.7 (Fast)" does not name Claude Opus 4.7).
            plain = marks == entry.marks
            self.state(
                model,
                source_route.model,
                provider,
                role,
                source_route.key,
                name=identity.clean_name(entry.name) if plain else "",
                maker=maker,
            )

    def is_lab_of(self, provider, model):
        key = self.match.org_key(self.provider_source_keys.get(provider.pk, provider.slug))
        return key == self.match.maker_key_of(model)

    def route_model(self, source_route):
        """(model, marks) of a provider's entry, created when new; None when it is not a
        language model, or its model cannot be told for sure (then it is skipped)."""
        source_model = source_route.model
        entry = identity.parse_entry(
            source_model.name,
            source_route.provider_model_id,
            source_route.provider,
            self.serving_names,
        )
        reason = identity.not_a_model(
            source_model.name,
            source_route.provider_model_id,
            source_model.family,
            source_model.outputs,
        )
        if not reason and identity.moving_alias(source_route.provider_model_id):
            reason = "an alias of whichever model is newest: it names no one model"
        if reason:
            self.skip(source_route.key, reason)
            self.note_not_a_model(Route, source_route.key, reason)
            self.note_not_a_model(LanguageModel, source_model.key, reason)
            return None
        if source_route.base_key:
            primary, snapshot = self.aliases.get(source_route.base_key, (source_route.base_key, ""))
            model = self.match.known(LanguageModel, primary, MODELSDEV)
            if model is None:
                self.skip(
                    source_route.key,
                    f"its base model {source_route.base_key} is not in "
                    "the catalog (not a language model, or skipped)",
                )
                return None
            marks = entry.marks
            if snapshot:
                marks = replace(marks, snapshot=snapshot)
            self.claim_route_model(model, source_model.key)
            return model, marks, self.match.org_key(primary.partition("/")[0])
        maker = makers.choose_maker(
            hints=entry.org_hints,
            maker_named=entry.maker_named,
            name=entry.name,
            family_maker=self.family_makers.get(source_model.family, ""),
            provider=source_route.provider,
            provider_keys=self.provider_keys,
            known=self.known_makers,
            model_id=source_route.provider_model_id,
        )
        maker = self.match.org_key(maker) if maker else ""
        model, marks = self.match.find(entry, maker, self.lab_keys)
        known = self.match.current(self.match.known(LanguageModel, source_model.key))
        if known is not None and known.reviewed_at is not None:
            if model is not None and model.pk != known.pk:
                self.suggest_merge(known, model, source_model.key)
            return known, marks, maker  # an editor linked or kept this entry: theirs stands
        if known is not None and self.is_settled(known):
            # Matched under these rules before: it stays, so a re-sync changes nothing.
            if model is None or model.pk != known.pk:
                marks = entry.marks
            model = known
        if model is None and known is not None:
            model = known
        if model is None and identity.names_no_version(
            source_model.name, source_route.provider_model_id
        ):
            reason = "an alias of whichever model is newest: it names no one model"
            self.skip(source_route.key, reason)
            return None
        if model is None:
            organization = self.match.organization(maker, self.seen_names) if maker else None
            if organization is None:
                return self.unsure(source_route, entry)
            name = identity.clean_name(entry.name)
            model = self.create_model(source_model, organization, name=name)
            self.match.index(model, entry.name, entry.model_id)
        # The name this entry gives the model finds it for the entries after it, as its
        # statement does on the next run (not a name found by taking a mark off).
        if marks == entry.marks:
            self.match.index(model, identity.clean_name(entry.name))
        self.claim_route_model(model, source_model.key)
        return model, marks, maker

    def is_settled(self, model):
        """A record these rules matched entries to on an earlier run (a source states
        something of it), not an older duplicate: its entries are not matched afresh."""
        return model.pk in self.match.stated_models and self.match.visible(model.pk)

    def claim_route_model(self, model, key):
        if key in self.canonical_keys:
            # A lab's own API files an entry at its canonical file's path: that id is the
            # canonical file's ("moonshotai/kimi-k2.7-code-highspeed"), whatever the entry's
            # base model says.
            return
        older = self.match.known(LanguageModel, key)
        if older is not None and older.pk != model.pk and older.reviewed_at is None:
            self.duplicates[older.pk].add(model.pk)
        elif older is not None and older.pk != model.pk:
            self.suggest_merge(older, model, key)
            return
        self.match.remember(model, key)

    def unsure(self, source_route, entry):
        candidate = self.match.lookup(entry_keys(entry))
        hint = ""
        if candidate:
            maker = self.match.organizations[candidate.organization_id].name
            hint = f"; it may be “{candidate.name}” by {maker}"
        reason = f"no organization can be told for sure{hint}"
        self.propose_match(source_route.model, reason, candidate)
        self.skip(source_route.key, f"{reason} (proposed to the editors)")
        return None

    def propose_match(self, source_model, reason, candidate, organization=None):
        """Ask the editors: is this entry `candidate`, or a new model? (Once per entry; an
        answered one is not asked again: its identity then matches it.)"""
        match, created = ProposedMatch.objects.get_or_create(
            source=self.source,
            external_id=source_model.key[:500],
            defaults={
                "name": source_model.name[:300],
                "reason": reason[:1000],
                "candidate": candidate,
                "organization": organization,
                "last_seen_run": self.run,
            },
        )
        if not created and match.status == ProposedMatch.Status.OPEN:
            match.last_seen_run, match.last_seen_at = self.run, self.now
            match.save(update_fields=["last_seen_run", "last_seen_at"])

    def suggest_merge(self, older, model, key):
        """A reviewed record the rules say is `model`: an editor decides (never a sync)."""
        self.propose_match(
            identity_model(key, older.name),
            f"the identity rules say “{older.name}” is “{model.name}”, and it was reviewed: "
            "merge them in the admin if so",
            model,
        )

    def route_facts(self, source_route, prices, marks):
        return {
            "input_price": prices.input,
            "output_price": prices.output,
            "cached_input_price": prices.cached_input,
            "cache_write_price": prices.cache_write,
            "retires_on": source_route.retires_on,
            "is_deprecated": source_route.deprecated if self.source == MODELSDEV else None,
            "context_window": source_route.model.context_window,
            "max_output_tokens": source_route.model.max_output_tokens,
        }

    def apply_one_route(self, source_route, provider, model, marks, mode, above, prices: Prices):
        key = f"{source_route.key}@{above}" if above else source_route.key
        place = route_place(mode, above, marks)
        route = self.match.known(Route, key) or self.match.route_at(provider, model, place)
        if route is None:
            route = self.create_route(source_route, provider, model, place, prices, marks, key)
        else:
            self.claim(route, source_route, key)
            self.update_route(route, source_route, key, prices, marks, place)
        self.match.remember(route, key)
        return route

    def claim(self, route, source_route, key):
        """A provider's own catalog states its routes' facts: OpenRouter's model list, not
        another catalog's copy of it, prices the routes at OpenRouter."""
        owner = f"{self.source}:{key}"
        if (
            SELF_DESCRIBING.get(self.source) == source_route.provider
            and route.provider_model_id == source_route.provider_model_id
            and route.fact_source != owner
        ):
            Route.objects.filter(pk=route.pk).update(fact_source=owner)
            route.fact_source = owner

    def create_route(self, source_route, provider, model, place, prices, marks, key):
        stated = stated_only(self.route_facts(source_route, prices, marks))
        route = Route(
            model=model,
            provider=provider,
            provider_model_id=source_route.provider_model_id[:200],
            source_url=source_route.source_url[:500],
            fact_source=f"{self.source}:{key}"[:600],
            sync_run=self.run,
            **dict(zip(ROUTE_PLACE, place, strict=True)),
            **stated,
        )
        route.save()
        self.match.index_route(route)
        self.counts.created += 1
        return route

    def owns(self, record, key):
        """Whether this source entry states `record`'s facts. A record no source states yet
        (an editor's) is taken on by the first entry that finds it, so changes its source
        states later are proposed to the editors (a reviewed record) or written (not)."""
        owner = f"{self.source}:{key}"[:600]
        if not record.fact_source:
            type(record).objects.filter(pk=record.pk).update(fact_source=owner)
            record.fact_source = owner
        return record.fact_source == owner

    def update_route(self, route, source_route, key, prices, marks, place):
        if not self.owns(route, key):
            self.counts.unchanged += 1
            return
        facts = self.route_facts(source_route, prices, marks)
        # How it is served is the entry's id's to say where an older rule left it unset,
        # unless another route of the model already stands there.
        unset = all(not getattr(route, field) for field in ROUTE_PLACE[2:])
        standing = self.match.route_at(route.provider, route.model, place)
        if route.reviewed_at is None and unset and standing in (None, route):
            facts.update(zip(ROUTE_PLACE[2:], place[2:], strict=True))
        changes = {
            field: value
            for field, value in facts.items()
            if value is not None and getattr(route, field) != value
        }
        if changes:
            self.writer.write(
                route, changes, source_route.source_url, ProposedChange.Kind.LIFECYCLE
            )
        else:
            self.counts.unchanged += 1

    def apply_dated_prices(self, source_route, provider):
        """genai-prices: the dated price changes of the routes we hold that its entry prices
        (its id, or what its `match` rule takes), as price history."""
        routes = [
            route
            for route in self.match.routes_at.get(provider.pk, ())
            if route.service_mode == ""
            and route.context_above == 0
            and (
                route.provider_model_id == source_route.provider_model_id
                or matches(source_route.id_match, route.provider_model_id)
            )
        ]
        if not routes:
            self.skip(
                source_route.key,
                "no route in the catalog at this provider with a model id it prices: "
                "genai-prices prices routes, it does not define models",
            )
            return
        for route in routes:
            if add_dated_history(route, source_route, self.run):
                self.counts.updated += 1
            else:
                self.counts.unchanged += 1

    # Mending a catalog synced under older rules.

    def mend_organizations(self):
        """One maker under two spellings ("Mistral" and "mistral-ai") becomes one
        organization, the other spelling its alias; a maker named by its bare slug
        ("meta") gets its name ("Meta"). Reviewed organizations stay as editors left them."""
        match = self.match
        reviewed_makers = {
            model.organization_id for model in match.models.values() if model.reviewed_at
        }
        groups = defaultdict(list)
        for org in match.organizations.values():
            groups[match.org_key(org.slug)].append(org)
        for key, orgs in groups.items():
            keep = min(orgs, key=lambda o: (o.reviewed_at is None, o.slug != key, o.pk))
            for org in orgs:
                if org.pk == keep.pk or org.reviewed_at is not None or org.pk in reviewed_makers:
                    continue  # an editor's record, or one of theirs points at it
                LanguageModel.objects.filter(organization=org).update(organization=keep)
                ModelFamily.objects.filter(organization=org).update(organization=keep)
                for model in match.models.values():
                    if model.organization_id == org.pk:
                        model.organization_id = keep.pk
                SourceIdentity.objects.filter(
                    content_type=match.types[Organization], object_id=org.pk
                ).update(object_id=keep.pk)
                for identities in (match.identities[(s, Organization)] for s in SOURCES):
                    for external_id, pk in identities.items():
                        if pk == org.pk:
                            identities[external_id] = keep.pk
                keep.aliases = ", ".join(dict.fromkeys([*keep.alias_list, org.slug]))
                Organization.objects.filter(pk=keep.pk).update(aliases=keep.aliases)
                del match.organizations[org.pk]
                org.delete()
                self.counts.updated += 1
            for spelling in (keep.slug, keep.name, *keep.alias_list):
                match.organization_by_key[match.org_key(spelling)] = keep
            if keep.reviewed_at is None and (keep.name == keep.slug or keep.name == key):
                name = free_name(
                    makers.display_name(key),
                    {o.name for o in match.organizations.values()} - {keep.name},
                )
                if name != keep.name:
                    keep.name = name
                    keep.sync_run = self.run
                    keep.save()
                    self.counts.updated += 1

    def note_not_a_model(self, model_class, key, reason):
        record = self.match.known(model_class, key)
        if record is None:
            return
        model = (
            record if isinstance(record, LanguageModel) else self.match.models.get(record.model_id)
        )
        if model is not None:
            self.not_models.setdefault(model.pk, reason)

    def mend(self):
        from catalog.merge import merge_models  # which imports the sync's models

        stated = {pk for pk, *_ in self.statements.values()}
        for older_pk, survivors in sorted(self.duplicates.items()):
            older = self.match.models.get(older_pk)
            survivors.discard(older_pk)
            if older is None or len(survivors) != 1 or older.reviewed_at is not None:
                continue
            survivor = self.match.models.get(survivors.pop())
            if survivor is None:
                continue
            merge_models(survivor, older)
            self.match.models.pop(older_pk, None)
            self.not_models.pop(older_pk, None)
            self.counts.updated += 1
        for pk, reason in self.not_models.items():
            model = self.match.models.get(pk)
            if model is None or pk in stated or model.reviewed_at is not None:
                continue  # a reviewed record stays as the editors left it (the report lists it)
            if model.is_published or model.unpublished_reason != reason:
                LanguageModel.objects.filter(pk=pk).update(
                    is_published=False, unpublished_reason=reason[:300], version=F("version") + 1
                )
                self.counts.updated += 1

    def publish_new_models(self):
        """A model the run created is published once it has an active route."""
        served = {route.model_id for route in self.match.routes.values() if route.is_active}
        ready = self.created_models & served & set(self.match.models)
        # The version moves on, as for any write: a form opened before it is stale.
        LanguageModel.objects.filter(pk__in=ready).update(
            is_published=True, version=F("version") + 1
        )


def route_place(mode, above, marks):
    return (
        mode,
        above,
        marks.region,
        marks.quantization,
        marks.confidential,
        marks.free,
        marks.snapshot[:40],
        marks.variant,
    )


def date_text(day, precision):
    """A date as a statement keeps it, to its precision: "2026-01", "2026-01-27"."""
    if day is None:
        return None
    return {"month": day.isoformat()[:7], "year": day.isoformat()[:4]}.get(
        precision, day.isoformat()
    )


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


def identity_model(key, name):
    from catalog.sync.snapshot import SourceModel

    return SourceModel(key=key, name=name)
