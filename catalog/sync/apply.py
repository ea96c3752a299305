"""Applies a Snapshot to the catalog under the trust rules.

- A record never reviewed by an editor takes what the source states at once, with the
  source's URL and the run that wrote it.
- A fact of a reviewed record that the source states differently becomes a
  ProposedChange; nothing moves until an editor approves it. A value an editor rejected is
  not proposed again until the source changes it again.
- What the source does not state is left as it is (unknown stays unknown).
- Every record remembers its identity in the source, so the next run finds it again:
  known identity → the canonical model it names (models.dev `base_model`) → the same
  provider's model id → the model's normalized name within its organization → a new
  record. What cannot be matched for sure is skipped, saying why and what it might be.

Facts of a model or a route are written by the source entry that created it (its
`fact_source`): another source that finds the same record adds its identity and its
routes, and does not overwrite facts it did not state first; except that a provider's own
list (OpenRouter's) takes over the facts of that provider's routes.

The caller runs `apply` inside one transaction: a run lands whole or not at all.
"""

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.utils import timezone

from catalog.models import (
    Capability,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.slugs import free_slug, slug_from_name
from catalog.sync.genai_prices import matches
from catalog.sync.models import ProposedChange, ProposedMatch, SourceIdentity, SyncRun
from catalog.sync.snapshot import GENAI_PRICES, MODELSDEV, Prices, Skip, Snapshot, SourceRoute

# The same maker under the names different catalogs file it by.
ORGANIZATION_ALIASES = {
    "qwen": "alibaba",
    "alibaba-qwen": "alibaba",
    "zai-org": "zhipuai",
    "z-ai": "zhipuai",
    "zai": "zhipuai",
    "thudm": "zhipuai",
    "mistralai": "mistral",
    "meta-llama": "meta",
    "deepseek-ai": "deepseek",
    "x-ai": "xai",
    "minimaxai": "minimax",
    "moonshot": "moonshotai",
    "google-deepmind": "google",
    "openai-community": "openai",
}
# Folders some providers file models under that name no maker.
NOT_ORGANIZATIONS = {"models", "tee", "free", "beta", "preview", "latest", "cf", "workers-ai"}
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

PRICE_FIELDS = {
    "input_price": "input",
    "output_price": "output",
    "cached_input_price": "cached_input",
    "cache_write_price": "cache_write",
}
OPENNESS = {True: LanguageModel.Openness.OPEN_WEIGHTS, False: LanguageModel.Openness.PROPRIETARY}


def normalized_name(name):
    """ "Kimi K2.5", "kimi-k2.5", "Kimi K2 5" → "kimik25": one model under many spellings."""
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def organization_key(raw):
    key = re.sub(r"[^a-z0-9-]", "", raw.casefold().replace("_", "-").replace(".", "-"))
    return ORGANIZATION_ALIASES.get(key, key)


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    proposed: int = 0
    unchanged: int = 0
    skipped: int = 0


class Applier:
    """One run's application of one snapshot. `progress(done, total, step)` is told how far
    it got (the command's progress bar, the admin's progress display)."""

    def __init__(self, snapshot: Snapshot, run: SyncRun, today: date, progress=None):
        self.snapshot = snapshot
        self.source = snapshot.source
        self.run = run
        self.today = today
        self.now = timezone.now()
        self.counts = Counts()
        self.progress = progress or (lambda done, total, step: None)
        self.skips = list(snapshot.skipped)

    # Loading what the catalog holds, once.

    def load(self):
        self.types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Organization, Provider, ModelFamily, LanguageModel, Route)
        }
        self.identities = defaultdict(dict)  # (source, model class) → external id → pk
        by_type = {content_type.pk: model for model, content_type in self.types.items()}
        for source, type_id, external_id, object_id in SourceIdentity.objects.values_list(
            "source", "content_type_id", "external_id", "object_id"
        ):
            if type_id in by_type:
                self.identities[(source, by_type[type_id])][external_id] = object_id
        self.organizations = {org.pk: org for org in Organization.objects.all()}
        self.organization_by_key = {}
        for org in self.organizations.values():
            self.organization_by_key.setdefault(organization_key(org.slug), org)
            self.organization_by_key.setdefault(normalized_name(org.name), org)
        self.families = {family.pk: family for family in ModelFamily.objects.all()}
        self.family_by_key = {}
        for family in self.families.values():
            self.family_by_key.setdefault(family.slug, family)
            self.family_by_key.setdefault(normalized_name(family.name), family)
        self.providers = {provider.pk: provider for provider in Provider.objects.all()}
        self.provider_by_slug = {provider.slug: provider for provider in self.providers.values()}
        self.models = {model.pk: model for model in LanguageModel.objects.all()}
        self.model_by_name = {}
        for model in self.models.values():
            self.model_by_name.setdefault(normalized_name(model.name), model)
        self.slugs = {model.slug for model in self.models.values()}
        self.routes = {route.pk: route for route in Route.objects.all()}
        self.route_by_place = {self.place(route): route for route in self.routes.values()}
        self.routes_at = defaultdict(list)
        for route in self.routes.values():
            self.routes_at[route.provider_id].append(route)
        self.route_by_model = {
            (r.provider_id, r.model_id, r.service_mode, r.context_above): r
            for r in self.routes.values()
        }
        self.capabilities = {cap.slug: cap for cap in Capability.objects.all()}
        self.support = {
            (row.model_id, row.capability_id): row for row in ModelCapability.objects.all()
        }
        # fact (content type, record, field) → its open proposal; and the values rejected.
        self.open_proposals = {
            (p.content_type_id, p.object_id, p.field): p
            for p in ProposedChange.objects.filter(status=ProposedChange.Status.OPEN)
        }
        self.rejected = {
            (p.content_type_id, p.object_id, p.field, repr(p.theirs))
            for p in ProposedChange.objects.filter(status=ProposedChange.Status.REJECTED)
        }
        self.created_models = set()
        self.provider_names = {
            organization_key(provider.key): provider.name for provider in self.snapshot.providers
        }

    @staticmethod
    def place(route):
        return (route.provider_id, route.provider_model_id, route.service_mode, route.context_above)

    # Identities.

    def known(self, model_class, external_id, source=None):
        pk = self.identities[(source or self.source, model_class)].get(external_id)
        if pk is None:
            return None
        return {
            Organization: self.organizations,
            Provider: self.providers,
            ModelFamily: self.families,
            LanguageModel: self.models,
            Route: self.routes,
        }[model_class].get(pk)

    def remember(self, record, external_id):
        model_class = type(record)
        known = self.identities[(self.source, model_class)]
        if known.get(external_id) == record.pk:
            return
        content_type = self.types[model_class]
        if external_id in known:  # it stood for another record (split, merged): it moves
            SourceIdentity.objects.filter(
                source=self.source, content_type=content_type, external_id=external_id
            ).update(object_id=record.pk)
        else:  # new: one INSERT (every identity of the source was loaded up front)
            SourceIdentity.objects.create(
                source=self.source,
                content_type=content_type,
                external_id=external_id,
                object_id=record.pk,
            )
        known[external_id] = record.pk

    # The run.

    def apply(self):
        self.load()
        total = len(self.snapshot.providers) + len(self.snapshot.models) + len(self.snapshot.routes)
        done = 0
        self.progress(done, total, "providers")
        for provider in self.snapshot.providers:
            self.apply_provider(provider)
            done += 1
        self.family_makers = self.makers_by_family()
        self.progress(done, total, "models")
        for index, model in enumerate(self.snapshot.models, start=1):
            self.apply_canonical_model(model)
            if index % 100 == 0:
                self.progress(done + index, total, "models")
        done += len(self.snapshot.models)
        self.progress(done, total, "routes")
        for index, route in enumerate(self.snapshot.routes, start=1):
            self.apply_route(route)
            if index % 100 == 0:
                self.progress(done + index, total, "routes")
        self.publish_new_models()
        self.counts.skipped = len(self.skips)
        self.progress(total, total, "done")
        return self.counts

    def skip(self, ref, reason):
        self.skips.append(Skip(str(ref), reason))

    # Providers and organizations.

    def apply_provider(self, source_provider):
        key = source_provider.key
        if self.source == GENAI_PRICES:
            # genai-prices names providers, it does not define them: only match.
            provider = (
                self.known(Provider, key)
                or self.known(Provider, PROVIDER_ALIASES.get(key, key), MODELSDEV)
                or self.known(Provider, key, MODELSDEV)
            )
            if provider is not None:
                self.remember(provider, key)
            return
        provider = self.known(Provider, key)
        if provider is None:
            provider = self.provider_by_slug.get(slug_from_name(source_provider.name))
            provider = provider or self.provider_by_slug.get(slug_from_name(key))
        if provider is None:
            provider = Provider(
                name=free_name(source_provider.name, {p.name for p in self.providers.values()}),
                slug=self.unique_slug(
                    slug_from_name(source_provider.name) or slug_from_name(key),
                    self.providers.values(),
                ),
                website=source_provider.website[:300],
                source_url=source_provider.source_url[:500],
                sync_run=self.run,
            )
            provider.save()
            self.providers[provider.pk] = provider
            self.provider_by_slug[provider.slug] = provider
            self.counts.created += 1
        else:
            self.counts.unchanged += 1
        self.remember(provider, key)

    @staticmethod
    def unique_slug(slug, records):
        return free_slug(slug, {record.slug for record in records})

    def organization(self, raw_key):
        """Our organization for a source's maker id, created when new."""
        key = organization_key(raw_key)
        if not key or key in NOT_ORGANIZATIONS:
            return None
        organization = self.known(Organization, key) or self.organization_by_key.get(key)
        if organization is None:
            organization = self.organization_by_key.get(normalized_name(key))
        if organization is None:
            name = free_name(
                self.provider_names.get(key, key), {o.name for o in self.organizations.values()}
            )
            organization = Organization(
                name=name,
                slug=self.unique_slug(slug_from_name(key), self.organizations.values()),
                sync_run=self.run,
            )
            organization.save()
            self.organizations[organization.pk] = organization
            self.organization_by_key[key] = organization
            self.counts.created += 1
        self.remember(organization, key)
        return organization

    def family(self, raw_key):
        """Our family for a source's family id ("claude-opus"), created when new (named as
        the source names it, for editors to rename); None when the source names none."""
        key = raw_key.strip()[:120]
        slug = slug_from_name(key)
        if not slug:
            return None
        family = (
            self.known(ModelFamily, key)
            or self.family_by_key.get(slug)
            or self.family_by_key.get(normalized_name(key))
        )
        if family is None:
            family = ModelFamily(
                name=free_name(key, {f.name for f in self.families.values()}),
                slug=self.unique_slug(slug, self.families.values()),
                sync_run=self.run,
            )
            family.save()
            self.families[family.pk] = family
            self.family_by_key[slug] = family
            self.counts.created += 1
        self.remember(family, key)
        return family

    def makers_by_family(self):
        """family → maker id, for the families only one maker's canonical models use."""
        makers = defaultdict(set)
        for model in self.snapshot.models:
            if model.family and model.organization:
                makers[model.family].add(organization_key(model.organization))
        return {family: keys.pop() for family, keys in makers.items() if len(keys) == 1}

    def maker_of(self, route: SourceRoute):
        """The maker id of a provider's entry: the folder it is filed under, else the maker
        of its family's canonical models, else the provider itself when it is a maker (a
        first-party API); "" when nothing says for sure."""
        provider_key = organization_key(route.provider)
        for candidate in (route.model.organization, self.family_makers.get(route.model.family)):
            key = organization_key(candidate) if candidate else ""
            if key and key not in NOT_ORGANIZATIONS and key != provider_key:
                return key
        return provider_key if provider_key in self.family_makers.values() else ""

    # Models.

    def apply_canonical_model(self, source_model):
        model = self.known(LanguageModel, source_model.key)
        organization = self.organization(source_model.organization)
        if model is None and organization is not None:
            model = self.match_by_name(source_model.name, organization)
            if model is False:
                reason = self.name_taken(source_model.name, organization)
                candidate = self.model_by_name[normalized_name(source_model.name)]
                self.propose_match(source_model, reason, candidate, organization)
                self.skip(source_model.key, f"{reason} (proposed to the editors)")
                return
        if model is None:
            if organization is None:
                self.skip(source_model.key, "no organization stated")
                return
            model = self.create_model(source_model, organization)
        else:
            self.update_model_facts(model, source_model)
        self.remember(model, source_model.key)

    def match_by_name(self, name, organization):
        """The model of that normalized name: the one at `organization`, None when there is
        none, False when one of that name belongs to another organization (not sure)."""
        model = self.model_by_name.get(normalized_name(name))
        if model is None:
            return None
        return model if model.organization_id == organization.pk else False

    def name_taken(self, name, organization):
        other = self.model_by_name[normalized_name(name)]
        return (
            f"a model named “{other.name}” is already in the catalog at "
            f"{self.organizations[other.organization_id].name}, not {organization.name}: "
            "if it is the same model, add this entry's identity to it in the admin"
        )

    def model_facts(self, source_model):
        """The model's fields the source states (None: it does not say)."""
        return {
            "released_on": source_model.released_on,
            "knowledge_cutoff": source_model.knowledge_cutoff,
            "context_window": source_model.context_window,
            "max_output_tokens": source_model.max_output_tokens,
            "openness": OPENNESS.get(source_model.open_weights),
            "license_name": source_model.license_name[:120] or None,
            "is_deprecated": source_model.deprecated if self.source == MODELSDEV else None,
            "upstream_updated_on": source_model.upstream_updated_on,
        }

    def create_model(self, source_model, organization):
        stated = stated_only(self.model_facts(source_model))
        name = source_model.name[:120]
        model = LanguageModel(
            name=name,
            slug=free_slug(slug_from_name(name), self.slugs),
            organization=organization,
            family=self.family(source_model.family),
            source_url=source_model.source_url[:500],
            fact_source=f"{self.source}:{source_model.key}"[:600],
            sync_run=self.run,
            **stated,
        )
        model.save()
        self.models[model.pk] = model
        self.model_by_name[normalized_name(name)] = model
        self.slugs.add(model.slug)
        self.created_models.add(model.pk)
        rows = ModelCapability.objects.bulk_create(
            ModelCapability(model=model, capability=self.capabilities[slug], support=support)
            for slug, support in source_model.capabilities.items()
            if slug in self.capabilities
        )
        for row in rows:
            self.support[(model.pk, row.capability_id)] = row
        self.counts.created += 1
        return model

    def owns(self, record, key):
        """Whether this source entry states `record`'s facts. A record no source states yet
        (an editor's) is taken on by the first entry that finds it, so changes its source
        states later are proposed to the editors (a reviewed record) or written (not)."""
        owner = f"{self.source}:{key}"[:600]
        if not record.fact_source:
            type(record).objects.filter(pk=record.pk).update(fact_source=owner)
            record.fact_source = owner
        return record.fact_source == owner

    def update_model_facts(self, model, source_model):
        if not self.owns(model, source_model.key):
            self.counts.unchanged += 1
            return
        changes = {
            field: value
            for field, value in self.model_facts(source_model).items()
            if value is not None and getattr(model, field) != value
        }
        # A family the source names fills a model that has none; an editor's grouping
        # (or an earlier source's) is never replaced by a sync.
        family = self.family(source_model.family) if model.family_id is None else None
        if family is not None:
            changes["family"] = family
        capability_changes = {
            slug: support
            for slug, support in source_model.capabilities.items()
            if slug in self.capabilities and self.current_support(model, slug) != support
        }
        self.write(model, changes, source_model.source_url, ProposedChange.Kind.SPEC)
        for slug, support in capability_changes.items():
            self.write_capability(model, slug, support, source_model.source_url)
        if not changes and not capability_changes:
            self.counts.unchanged += 1

    def current_support(self, model, slug):
        row = self.support.get((model.pk, self.capabilities[slug].pk))
        return row.support if row else ModelCapability.Support.UNKNOWN

    def write_capability(self, model, slug, support, source_url):
        field = f"capability:{slug}"
        if model.reviewed_at is not None:
            self.propose(
                model,
                field,
                self.current_support(model, slug),
                support,
                source_url,
                ProposedChange.Kind.CAPABILITY,
                model,
            )
            return
        capability = self.capabilities[slug]
        row = self.support.get((model.pk, capability.pk))
        if row is None:
            row = ModelCapability.objects.create(
                model=model, capability=capability, support=support
            )
            self.support[(model.pk, capability.pk)] = row
        else:
            row.support = support
            row.save(update_fields=["support"])
        model.sync_run = self.run
        model.save(update_fields=["sync_run"])
        self.counts.updated += 1

    # Writing facts: at once for a record never reviewed, as proposals otherwise.

    def write(self, record, changes, source_url, kind):
        if not changes:
            return
        if record.reviewed_at is not None:
            model = record if isinstance(record, LanguageModel) else getattr(record, "model", None)
            for field, value in changes.items():
                field_kind = ProposedChange.Kind.PRICE if field in PRICE_FIELDS else kind
                self.propose(
                    record, field, getattr(record, field), value, source_url, field_kind, model
                )
            return
        for field, value in changes.items():
            setattr(record, field, value)
        record.sync_run = self.run
        if source_url:
            record.source_url = source_url[:500]
        record.save()
        self.counts.updated += 1

    def propose(self, record, field, ours, theirs, source_url, kind, model):
        content_type = self.types[type(record)]
        ours_json, theirs_json = as_json(ours), as_json(theirs)
        fact = (content_type.pk, record.pk, field)
        if (*fact, repr(theirs_json)) in self.rejected:
            self.counts.unchanged += 1
            return  # an editor said no to this very value
        existing = self.open_proposals.get(fact)
        if existing is not None and existing.theirs == theirs_json:
            existing.last_seen_run = self.run
            existing.last_seen_at = self.now
            existing.save(update_fields=["last_seen_run", "last_seen_at"])
            self.counts.unchanged += 1
            return
        if existing is not None:  # the source changed its value again
            existing.status = ProposedChange.Status.SUPERSEDED
            existing.save(update_fields=["status"])
        proposal = ProposedChange.objects.create(
            content_type=content_type,
            object_id=record.pk,
            field=field,
            kind=kind,
            ours=ours_json,
            theirs=theirs_json,
            change_percent=change_percent(ours, theirs),
            source=self.source,
            source_url=(source_url or "")[:500],
            model=model,
            first_seen_run=self.run,
            last_seen_run=self.run,
            first_seen_at=self.now,
            last_seen_at=self.now,
        )
        self.open_proposals[fact] = proposal
        self.counts.proposed += 1

    # Routes.

    def apply_route(self, source_route: SourceRoute):
        provider = self.known(Provider, source_route.provider)
        if provider is None:
            self.skip(source_route.key, f"no provider “{source_route.provider}” in the catalog")
            return
        if self.source == GENAI_PRICES:
            self.apply_dated_prices(source_route, provider)
            return
        base_tier = self.apply_one_route(source_route, provider, 0, source_route.prices)
        if base_tier is None:
            return
        for tier in source_route.tiers:
            self.apply_one_route(
                source_route, provider, tier.above_tokens, tier.prices, model=base_tier.model
            )

    def route_key(self, source_route, above):
        return f"{source_route.key}@{above}" if above else source_route.key

    def apply_one_route(self, source_route, provider, above, prices: Prices, model=None):
        key = self.route_key(source_route, above)
        route = self.known(Route, key)
        if route is None:
            place = (
                provider.pk,
                source_route.provider_model_id[:200],
                source_route.service_mode,
                above,
            )
            route = self.route_by_place.get(place)
        if route is None:
            model = model or self.route_model(source_route)
            if model is None:
                return None
            # The same model at the same provider under another of its ids: one route.
            route = self.route_by_model.get(
                (provider.pk, model.pk, source_route.service_mode, above)
            )
            if route is None:
                route = self.create_route(source_route, provider, model, above, prices)
            else:
                self.counts.unchanged += 1
        else:
            self.claim(route, source_route, key)
            self.update_route(route, source_route, key, prices)
        self.remember(route, key)
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

    def route_model(self, source_route):
        """The model a provider's entry serves, created when new; None when not sure."""
        model = self.known(LanguageModel, source_route.model.key)
        if model is None and source_route.base_key:
            model = self.known(LanguageModel, source_route.base_key, MODELSDEV)
        if model is not None:
            return model
        maker = self.maker_of(source_route)
        organization = self.organization(maker) if maker else None
        if organization is None:
            candidate = self.model_by_name.get(normalized_name(source_route.model.name))
            hint = ""
            if candidate:
                maker = self.organizations[candidate.organization_id].name
                hint = f"; it may be “{candidate.name}” by {maker}"
            reason = f"no organization can be told for sure{hint}"
            self.propose_match(source_route.model, reason, candidate)
            self.skip(source_route.key, f"{reason} (proposed to the editors)")
            return None
        model = self.match_by_name(source_route.model.name, organization)
        if model is False:
            reason = self.name_taken(source_route.model.name, organization)
            self.propose_match(
                source_route.model,
                reason,
                self.model_by_name[normalized_name(source_route.model.name)],
                organization,
            )
            self.skip(source_route.key, f"{reason} (proposed to the editors)")
            return None
        if model is None:
            model = self.create_model(source_route.model, organization)
            self.remember(model, source_route.model.key)
        return model

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

    def route_facts(self, source_route, prices):
        facts = {
            "input_price": prices.input,
            "output_price": prices.output,
            "cached_input_price": prices.cached_input,
            "cache_write_price": prices.cache_write,
            "retires_on": source_route.retires_on,
            "is_deprecated": source_route.deprecated if self.source == MODELSDEV else None,
        }
        return facts

    def create_route(self, source_route, provider, model, above, prices):
        stated = stated_only(self.route_facts(source_route, prices))
        route = Route(
            model=model,
            provider=provider,
            provider_model_id=source_route.provider_model_id[:200],
            service_mode=source_route.service_mode,
            context_above=above,
            source_url=source_route.source_url[:500],
            fact_source=f"{self.source}:{self.route_key(source_route, above)}"[:600],
            sync_run=self.run,
            **stated,
        )
        route.save()
        self.routes[route.pk] = route
        self.route_by_place[self.place(route)] = route
        self.route_by_model[(provider.pk, model.pk, route.service_mode, above)] = route
        self.counts.created += 1
        return route

    def update_route(self, route, source_route, key, prices):
        if not self.owns(route, key):
            self.counts.unchanged += 1
            return
        changes = {
            field: value
            for field, value in self.route_facts(source_route, prices).items()
            if value is not None and getattr(route, field) != value
        }
        if changes:
            self.write(route, changes, source_route.source_url, ProposedChange.Kind.LIFECYCLE)
        else:
            self.counts.unchanged += 1

    def apply_dated_prices(self, source_route, provider):
        """genai-prices: the dated price changes of the routes we hold that its entry prices
        (its id, or what its `match` rule takes), as price history."""
        routes = [
            route
            for route in self.routes_at.get(provider.pk, ())
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
            self.add_dated_history(route, source_route)

    def add_dated_history(self, route, source_route):
        history = Route.history.model.objects
        recorded = set(
            history.filter(id=route.pk, effective_on__isnull=False).values_list(
                "effective_on", flat=True
            )
        )
        added = False
        previous = source_route.history[0]
        for entry in source_route.history[1:]:
            if entry.effective_on in recorded or entry.prices == previous.prices:
                previous = entry
                continue
            moment = datetime.combine(entry.effective_on, time(12, 0), tzinfo=UTC)
            # The price before: a record just before the change, so the history reads
            # "old → new on <effective_on>" (the source does not say when "old" began).
            self.history_record(route, previous.prices, moment - timedelta(seconds=1), None)
            self.history_record(route, entry.prices, moment, entry.effective_on)
            added = True
            previous = entry
        if added:
            self.counts.updated += 1
        else:
            self.counts.unchanged += 1

    def history_record(self, route, prices, moment, effective_on):
        recorded = {field.attname for field in Route.history.model._meta.concrete_fields}
        values = {
            field.attname: getattr(route, field.attname)
            for field in Route._meta.concrete_fields
            if field.attname in recorded and field.attname != "sync_run_id"
        }
        values.update({field: getattr(prices, name) for field, name in PRICE_FIELDS.items()})
        Route.history.model.objects.create(
            **values,
            history_date=moment,
            history_type="~",
            history_change_reason="genai-prices dated price",
            sync_run=self.run,
            effective_on=effective_on,
        )

    def publish_new_models(self):
        """A model the run created is published once it has an active route."""
        served = {route.model_id for route in self.routes.values() if route.is_active}
        ready = self.created_models & served
        # The version moves on, as for any write: a form opened before it is stale.
        LanguageModel.objects.filter(pk__in=ready).update(
            is_published=True, version=F("version") + 1
        )


def free_name(name, taken, limit=120):
    """`name`, or "name (2)", "name (3)"… where it is taken (names are unique)."""
    candidate, number = name[:limit], 2
    while candidate in taken:
        candidate, number = f"{name[: limit - 10]} ({number})", number + 1
    return candidate


def stated_only(facts):
    """The facts a source states: None is "does not say", never a value to write."""
    return {field: value for field, value in facts.items() if value is not None}


def as_json(value):
    if isinstance(value, ModelFamily):  # proposed by its slug, which editors can read
        return value.slug
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value.normalize())
    if isinstance(value, date):
        return value.isoformat()
    return value


def change_percent(ours, theirs):
    if isinstance(ours, Decimal) and isinstance(theirs, Decimal) and ours:
        return ((theirs - ours) / ours * 100).quantize(Decimal("0.01"))
    return None
