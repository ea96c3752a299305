"""Applies a Snapshot to the catalog: one model per real language model, its facts from
the best source, every provider's entry a route of it.

- Matching (catalog/sync/matching.py) finds each entry's record by the identity rules
  (catalog/sync/identity.py) and maker rules (catalog/sync/makers.py); what cannot be
  matched for sure is skipped, saying why, and proposed to the editors. Entries that are
  not language models, and routers, are skipped with their reason.
- Every entry's facts about its model are kept as a ModelStatement; the model's facts are
  chosen from them by the source order (catalog/sync/statements.py, best_source.py), and
  where sources differ the page says so.
- Writing (catalog/sync/writing.py) follows the trust rules: a record never reviewed
  takes the chosen facts at once; a reviewed record's changes become proposals.
- genai-prices' dated prices become price history (catalog/sync/dated_history.py).
- A catalog synced under older rules is mended (catalog/sync/mending.py): records the
  rules now know to be one model are merged (never a reviewed one: that is suggested to
  the editors), and records that are not language models are unpublished, with the reason.

The caller runs `apply` inside one transaction: a run lands whole or not at all.
"""

from collections import defaultdict
from dataclasses import replace
from datetime import date

from django.db.models import F
from django.utils import timezone

from catalog.corroboration import refresh_corroboration
from catalog.models import (
    ROUTE_PLACE,
    LanguageModel,
    ModelCapability,
    Provider,
    Route,
)
from catalog.pricing_kinds import refresh_pricing_kinds
from catalog.slugs import free_slug, slug_from_name
from catalog.sync import best_source, identity, makers
from catalog.sync.benchmark_runs import apply_runs
from catalog.sync.dated_history import add_dated_history
from catalog.sync.genai_prices import matches
from catalog.sync.matching import Matcher, entry_keys, record_keys
from catalog.sync.mending import mend_organizations, merge_and_unpublish
from catalog.sync.models import ProposedChange, ProposedMatch
from catalog.sync.provider_kinds import (
    ProviderSignals,
    own_api_of,
    provider_kind,
    regional_api,
)
from catalog.sync.route_statements import RouteStatements, current_prices
from catalog.sync.scoring import Scores
from catalog.sync.snapshot import (
    GENAI_PRICES,
    MODELSDEV,
    SELF_DESCRIBING,
    Prices,
    Skip,
    Snapshot,
    SourceRoute,
)
from catalog.sync.statements import Statements, model_fields
from catalog.sync.writing import Counts, Writer, free_name, stated_only

# genai-prices' provider ids that differ from models.dev's for the same provider.
PROVIDER_ALIASES = {
    "aws": "amazon-bedrock",
    "x-ai": "xai",
    "together": "togetherai",
    "novita": "novita-ai",
    "huggingface_together": "huggingface",
}


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
        self.scores = Scores(self.source, self.run, self.writer, self.counts, self.skip)
        mend_organizations(self.match, self.counts, self.run)
        self.prepare()
        snapshot = self.snapshot
        total = len(snapshot.providers) + len(snapshot.models) + len(snapshot.routes)
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
        apply_runs(self, self.snapshot.runs)  # benchmark runs (Aider's leaderboards)
        self.progress(total, total, "facts")
        self.route_statements.save()
        touched = self.statements.save(self.created_models)
        self.statements.resolve(touched)
        merge_and_unpublish(
            self.match,
            self.duplicates,
            self.not_models,
            self.statements.stated_models(),
            self.counts,
        )
        self.publish_new_models()
        if self.source != GENAI_PRICES:
            self.classify_providers()  # from what they serve, once the models' facts are set
        self.counts.updated += refresh_pricing_kinds()  # from the routes and their providers
        refresh_corroboration()  # from every source's statements, as they stand now
        self.counts.skipped = len(self.skips)
        self.progress(total, total, "done")
        return self.counts

    def prepare(self):
        """What the rules read from the whole snapshot before any entry is applied."""
        self.created_models = set()
        self.duplicates = defaultdict(set)  # an older record → the models the rules say it is
        self.not_models = {}  # an older record → why it is not a language model
        self.provider_keys = {self.match.org_key(p.key) for p in self.snapshot.providers}
        self.canonical_models = {model.key: model for model in self.snapshot.models}
        self.canonical_keys = set(self.canonical_models)
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
        self.statements = Statements(
            self.source, self.run, self.match, self.writer, self.counts, self.seen_names
        )
        self.route_statements = RouteStatements(self.source, self.run)
        self.serving_names = frozenset(
            name.casefold()
            for name in (
                *(p.name for p in self.match.providers.values()),
                *(p.name for p in self.snapshot.providers),
                # an editor's, not an earlier run's: a run reads names the same every time
                *(o.name for o in self.match.organizations.values() if o.reviewed_at),
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
            source_model.name,
            model_id,
            source_model.family,
            source_model.outputs,
            source_model.input_modalities,
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
        self.statements.state(
            model,
            source_model,
            None,
            best_source.CANONICAL,
            f"models/{source_model.key}",
            maker=maker,
        )
        self.state_scores(model, source_model)
        for alias, (primary, snapshot) in self.aliases.items():
            if primary == source_model.key:
                alias_model = self.canonical_models[alias]
                # A dated snapshot's name is not the model's: an entry by that name is the
                # model at that snapshot (a route of its own), found by the snapshot rule.
                self.claim_model(model, alias_model, index=not snapshot)
                self.statements.state(
                    model,
                    alias_model,
                    None,
                    best_source.CANONICAL,
                    f"models/{alias}",
                    primary=False,
                    maker=maker,
                )
                self.state_scores(model, alias_model, snapshot)
        for weights in source_model.weights:
            self.match.index(model, "", weights, weak=True)

    def state_scores(self, model, source_model, snapshot=""):
        """The benchmark scores a lab's canonical file states (catalog/sync/scoring.py); a
        dated snapshot's file ("gpt-4o-2024-08-06") scores the model at that snapshot."""
        for index, score in enumerate(source_model.scores):
            if snapshot:
                variant = ", ".join(filter(None, [score.variant, f"snapshot {snapshot}"]))
                score = replace(score, variant=variant[:60])
            owner = f"{self.source}:models/{source_model.key}#{index}"
            self.scores.state(model, score, owner, ref=f"models/{source_model.key}.toml#{index}")

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
        stated = stated_only(model_fields(self.statements.facts_of(source_model)))
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
        model, marks, maker, entry = found
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
            # The entry names the model, unless a mark was taken off to find it ("Claude
            # Opus 4.7 (Fast)" does not name Claude Opus 4.7).
            plain = marks == entry.marks
            self.statements.state(
                model,
                source_route.model,
                provider,
                role,
                source_route.key,
                name=entry.name if plain else "",
                maker=maker,
            )

    def is_lab_of(self, provider, model):
        key = self.match.org_key(self.provider_source_keys.get(provider.pk, provider.slug))
        return key == self.match.maker_key_of(model)

    def route_model(self, source_route):
        """(model, marks, maker key, parsed entry) of a provider's entry, the model created
        when new; None when it is not a language model, or its model cannot be told for
        sure (then it is skipped)."""
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
            source_model.input_modalities,
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
            return model, marks, self.match.org_key(primary.partition("/")[0]), entry
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
            return known, marks, maker, entry  # an editor linked or kept it: theirs stands
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
            model = self.create_model(source_model, organization, name=entry.name)
            self.match.index(model, entry.name, entry.model_id)
        # The name this entry gives the model finds it for the entries after it, as its
        # statement does on the next run (not a name found by taking a mark off).
        if marks == entry.marks:
            self.match.index(model, entry.name)
        self.claim_route_model(model, source_model.key)
        return model, marks, maker, entry

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

    def route_facts(self, source_route, prices):
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
            route = self.create_route(source_route, provider, model, place, prices, key)
        else:
            self.claim(route, source_route, key)
            self.update_route(route, source_route, key, prices, place)
        self.match.remember(route, key)
        if not above:
            self.route_statements.state(
                route, prices, source_route.model.context_window, source_route.source_url
            )
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

    def create_route(self, source_route, provider, model, place, prices, key):
        stated = stated_only(self.route_facts(source_route, prices))
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

    def update_route(self, route, source_route, key, prices, place):
        if not self.owns(route, key):
            self.counts.unchanged += 1
            return
        facts = self.route_facts(source_route, prices)
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
        current = current_prices(source_route.history, self.today)
        for route in routes:
            if current is not None:
                self.route_statements.state(
                    route, current, source_route.model.context_window, source_route.source_url
                )
            if add_dated_history(route, source_route, self.run):
                self.counts.updated += 1
            else:
                self.counts.unchanged += 1

    # Provider kinds.

    def classify_providers(self):
        """Each provider of the snapshot gets its kind, and the lab it is the own API of,
        from what the sources say of it and what it serves (catalog/sync/provider_kinds.py).
        What an editor set is kept."""
        for source_provider in self.snapshot.providers:
            provider = self.match.known(Provider, source_provider.key)
            if provider is None or provider.kind_by_editor:
                continue
            signals = self.provider_signals(source_provider, provider)
            changes = {}
            kind = provider_kind(signals)
            if kind and kind != provider.kind:
                changes["kind"] = kind
            if own_api_of(signals) and provider.lab_id is None:
                lab = self.match.organization_by_key.get(self.lab_key(source_provider.key))
                if lab is not None:
                    changes["lab"] = lab
            self.writer.write(provider, changes, "", ProposedChange.Kind.SPEC)

    def lab_key(self, provider_key):
        # A lab's API in another region is still the lab's: "moonshotai-cn".
        return self.match.org_key(regional_api(provider_key)[0])

    def provider_signals(self, source_provider, provider):
        key = self.lab_key(source_provider.key)
        routes = [route for route in self.match.routes_at.get(provider.pk, ()) if route.is_active]
        served = [self.match.models[r.model_id] for r in routes if r.model_id in self.match.models]
        makers_served = {self.match.maker_key_of(model) for model in served}
        prices = [
            price
            for route in routes
            for price in (route.input_price, route.output_price)
            if price is not None
        ]
        return ProviderSignals(
            name=source_provider.name,
            website=source_provider.website,
            is_lab=key in self.known_makers,
            regional=regional_api(source_provider.key)[1],
            serves_own=key in makers_served,
            serves_only_own=bool(served) and makers_served == {key},
            prices_stated=len(prices),
            zero_prices=sum(1 for price in prices if price == 0),
            proprietary_makers=len(
                {
                    self.match.maker_key_of(model)
                    for model in served
                    if model.openness == LanguageModel.Openness.PROPRIETARY
                }
                - {key}
            ),
            serves_open_weights=any(
                model.openness == LanguageModel.Openness.OPEN_WEIGHTS for model in served
            ),
        )

    # Mending a catalog synced under older rules.

    def note_not_a_model(self, model_class, key, reason):
        record = self.match.known(model_class, key)
        if record is None:
            return
        model = (
            record if isinstance(record, LanguageModel) else self.match.models.get(record.model_id)
        )
        if model is not None:
            self.not_models.setdefault(model.pk, reason)

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


def identity_model(key, name):
    from catalog.sync.snapshot import SourceModel

    return SourceModel(key=key, name=name)
