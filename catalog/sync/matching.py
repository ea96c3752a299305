"""Finding the catalog's record for a source entry: what the catalog holds, loaded once
per run and kept up to date as the run writes, and the lookups the identity rules
(catalog/sync/identity.py) and maker rules (catalog/sync/makers.py) make in it.

- A record's ids in each source (`SourceIdentity`) find it again on the next run.
- A model is also found by its keys: `name_key` of its name, of its canonical id and of
  its providers' model ids, marks taken off. A key that two models share finds neither
  (not sure), unless only one of them is at the entry's maker.
"""

import re
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from catalog.models import (
    BenchmarkScore,
    Capability,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
)
from catalog.slugs import free_slug, slug_from_name
from catalog.sync import identity, makers
from catalog.sync.models import ModelStatement, SourceIdentity
from catalog.sync.writing import free_name

EMPTY_KEY = "|"


def entry_keys(entry):
    """The lookup keys of a parsed entry: its name's, then its id's."""
    keys = [identity.name_key(entry.name), identity.name_key(entry.model_id)]
    return [key for key in dict.fromkeys(keys) if key != EMPTY_KEY]


def made_name(name):
    """A name as its source gave it, without the " (2)" a sync adds to a name taken."""
    return re.sub(r" \(\d+\)$", "", name)


def record_keys(name, model_id=""):
    return entry_keys(identity.parse_entry(name, model_id))


class Matcher:
    """What the catalog holds, for one run of one source."""

    def __init__(self, source, run, counts):
        self.source = source
        self.run = run
        self.counts = counts
        self.types = {
            model: ContentType.objects.get_for_model(model)
            for model in (Organization, Provider, ModelFamily, LanguageModel, Route, BenchmarkScore)
        }
        self.identities = defaultdict(dict)  # (source, model class) → external id → pk
        by_type = {content_type.pk: model for model, content_type in self.types.items()}
        for source_name, type_id, external_id, object_id in SourceIdentity.objects.values_list(
            "source", "content_type_id", "external_id", "object_id"
        ):
            if type_id in by_type:
                self.identities[(source_name, by_type[type_id])][external_id] = object_id
        self.organizations = {org.pk: org for org in Organization.objects.all()}
        self.organization_by_key = {}
        self.editor_aliases = {}
        for org in self.organizations.values():
            for alias in org.alias_list:
                self.editor_aliases[makers.organization_key(alias)] = makers.organization_key(
                    org.slug
                )
        for org in self.organizations.values():
            for spelling in (org.slug, org.name, *org.alias_list):
                self.organization_by_key.setdefault(self.org_key(spelling), org)
        self.families = {family.pk: family for family in ModelFamily.objects.all()}
        self.family_by_key = {}
        for family in self.families.values():
            self.family_by_key.setdefault(family.slug, family)
            self.family_by_key.setdefault(identity.name_key(family.name), family)
        self.providers = {provider.pk: provider for provider in Provider.objects.all()}
        self.provider_by_slug = {provider.slug: provider for provider in self.providers.values()}
        self.models = {model.pk: model for model in LanguageModel.objects.all()}
        self.names = {model.name for model in self.models.values()}
        self.slugs = {model.slug for model in self.models.values()}
        self.routes = {route.pk: route for route in Route.objects.all()}
        for route in self.routes.values():
            # Its provider as read above: a route's save tells its pricing kind from it.
            route.provider = self.providers[route.provider_id]
        self.route_by_place = {}
        self.routes_at = defaultdict(list)
        for route in self.routes.values():
            self.index_route(route)
        self.capabilities = {cap.slug: cap for cap in Capability.objects.all()}
        self.support = {
            (row.model_id, row.capability_id): row for row in ModelCapability.objects.all()
        }
        self.name_index = defaultdict(set)  # name key → model pks
        self.id_index = defaultdict(set)
        self.weak_index = defaultdict(set)
        self.seen_index = defaultdict(set)  # ids of entries matched on earlier runs
        self.loose_index = defaultdict(set)  # loose key → (model pk, its size words)
        self.older_duplicates = defaultdict(set)
        self.hidden = None  # a model lookups skip for a moment (see `build_index`)
        self.held = set()  # reviewed records the rules read as another's (see `survivors`)

    def build_index(self, lab_keys=frozenset(), aliases=None, weights=None):
        """Index every model by its keys, less the records an older sync made twice (see
        `survivors`). `lab_keys`: the names labs sell as models of their own; `aliases`:
        the canonical files that are another's model (alias key → primary key);
        `weights`: canonical key → its weights' Hugging Face ids."""
        # The models matched under these rules before (a source states something of them)
        # and the names their entries gave them: found by those names on every run.
        self.stated_models = set()
        names = defaultdict(set)
        for model_id, facts in ModelStatement.objects.values_list("model_id", "facts"):
            self.stated_models.add(model_id)
            if facts.get("name"):
                names[model_id].add(facts["name"])
        for model in self.survivors(lab_keys, aliases or {}):
            self.index(model, identity.without_latest(made_name(model.name)))
            for name in names.get(model.pk, ()):
                self.index(model, name)
        for key, ids in (weights or {}).items():
            model = self.known(LanguageModel, key, "modelsdev")
            if model is not None and model.pk not in self.older_duplicates:
                for hugging_face_id in ids:
                    self.index(model, "", hugging_face_id, weak=True)
        # The ids entries had when they were matched before: looked up last, so that an
        # entry is found by the same rule, with the same marks, on every run.
        model_ids = self.identities[(self.source, LanguageModel)]
        for external_id, pk in model_ids.items():
            if pk in self.models and pk not in self.older_duplicates:
                self.index_seen(self.models[pk], external_id.partition("/")[2])
        for route in self.routes.values():
            if route.model_id in self.models and route.model_id not in self.older_duplicates:
                self.index_seen(self.models[route.model_id], route.provider_model_id)
        # A record an older sync made (no source states anything of it under these rules
        # yet) that the rules, read now, find in another model.
        stated = self.stated_models
        for model in list(self.models.values()):
            if model.reviewed_at is not None or model.pk in stated:
                continue
            if model.pk in self.older_duplicates:
                continue
            self.hidden = model.pk
            entry = identity.parse_entry(made_name(model.name), "")
            found, _ = self.find(entry, self.maker_key_of(model), lab_keys)
            self.hidden = None
            if found is not None and model.pk not in self.older_duplicates.get(found.pk, ()):
                self.older_duplicates[model.pk].add(found.pk)

    def survivors(self, lab_keys, aliases):
        """The models, less the records an older sync made of one model twice, under names
        the identity rules now read as one: "Claude Opus 4.7" and "Claude Opus 4.7 (EU)"
        (the same name once marks are off), "GPT-4o (2024-08-06)" (a lab's alias file);
        `build_index` adds those the rules find in another model ("Claude Opus 4.7
        (Fast)", "Gemma 3 27B IT"). Those are
        noted in `older_duplicates` (record → the one it is), for the run to merge. A
        reviewed record is never merged into another; where two were reviewed, the
        editors decide."""
        groups = defaultdict(list)
        for model in self.models.values():
            entry = identity.parse_entry(identity.without_latest(made_name(model.name)), "")
            groups[identity.name_key(entry.name)].append(model)
        kept = []
        for group in groups.values():
            if len(group) == 1:
                kept.extend(group)
                continue
            # The one of the plain name ("Claude Opus 4.7", not "… (EU)"), reviewed first,
            # else the first made (an older sync made canonical ones first). Another
            # reviewed record is held out of the lookups, never merged: editors decide.
            survivor = min(
                group,
                key=lambda model: (
                    made_name(model.name) != identity.parse_entry(model.name, "").name,
                    model.reviewed_at is None,
                    model.pk,
                ),
            )
            kept.append(survivor)
            for model in group:
                if model.pk == survivor.pk:
                    continue
                if model.reviewed_at is not None:
                    self.held.add(model.pk)
                else:
                    self.older_duplicates[model.pk].add(survivor.pk)
        canonical = self.identities[("modelsdev", LanguageModel)]
        for alias, primary in aliases.items():
            older, model = canonical.get(alias), canonical.get(primary)
            if older and model and older != model and self.models[older].reviewed_at is None:
                self.older_duplicates[older].add(model)
        return [model for model in kept if model.pk not in self.older_duplicates]

    def visible(self, pk):
        """Whether lookups may find the model: not deleted, not an older duplicate."""
        return (
            pk in self.models
            and pk not in self.older_duplicates
            and pk not in self.held
            and pk != self.hidden
        )

    def current(self, model):
        """The model a record stands for now: itself, or the one an older duplicate is."""
        if model is not None and len(self.older_duplicates.get(model.pk, ())) == 1:
            return self.models.get(next(iter(self.older_duplicates[model.pk])), model)
        return model

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

    # Organizations and families.

    def org_key(self, raw):
        return makers.organization_key(raw, self.editor_aliases)

    def known_makers(self):
        """The makers the rules know: ours, and those an editor reviewed (not those an
        earlier run made, so that a run decides the same whatever ran before it)."""
        return (
            set(makers.ORGANIZATION_NAMES)
            | set(makers.ORGANIZATION_ALIASES.values())
            | {
                self.org_key(org.slug)
                for org in self.organizations.values()
                if org.reviewed_at is not None
            }
        )

    def organization(self, key, seen_names=None):
        """Our organization for a maker key, created (with its display name) when new."""
        key = self.org_key(key) if key else ""
        if not key or key in makers.NOT_ORGANIZATIONS:
            return None
        organization = self.known(Organization, key) or self.organization_by_key.get(key)
        if organization is None:
            organization = Organization(
                name=free_name(
                    makers.display_name(key, seen_names),
                    {o.name for o in self.organizations.values()},
                ),
                slug=free_slug(slug_from_name(key), {o.slug for o in self.organizations.values()}),
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
            or self.family_by_key.get(identity.name_key(key))
        )
        if family is None:
            family = ModelFamily(
                name=free_name(key, {f.name for f in self.families.values()}),
                slug=free_slug(slug, {f.slug for f in self.families.values()}),
                sync_run=self.run,
            )
            family.save()
            self.families[family.pk] = family
            self.family_by_key[slug] = family
            self.counts.created += 1
        self.remember(family, key)
        return family

    # Models.

    def index(self, model, name="", model_id="", weak=False):
        """Index `model` under the keys of a name and an id it goes by. Its names are
        looked up first, then its ids, then (`weak`) its weights' Hugging Face ids, which
        a lab's variants share."""
        entry = identity.parse_entry(name, model_id)
        name_key, id_key = identity.name_key(entry.name), identity.name_key(entry.model_id)
        if weak:
            self.weak_index[id_key].add(model.pk)
            return
        if name_key != EMPTY_KEY:
            self.name_index[name_key].add(model.pk)
        if id_key != EMPTY_KEY:
            self.id_index[id_key].add(model.pk)
        for text in (entry.name, entry.model_id):
            key, sizes = identity.loose_key(text)
            if key != EMPTY_KEY:
                self.loose_index[key].add((model.pk, frozenset(sizes)))

    def index_seen(self, model, model_id):
        key = identity.name_key(identity.parse_entry("", model_id).model_id)
        if key != EMPTY_KEY:
            self.seen_index[key].add(model.pk)

    def lookup_loose(self, entry, maker_key=""):
        """The one model whose name is the entry's with more words of size or format
        ("Llama 4 Scout" → Llama 4 Scout 17B Instruct): never one of fewer."""
        for text in (entry.name, entry.model_id):
            key, sizes = identity.loose_key(text)
            hits = {
                pk
                for pk, their_sizes in self.loose_index.get(key, ())
                if sizes <= their_sizes and self.visible(pk)
            }
            models = [self.models[pk] for pk in hits]
            if maker_key:
                models = [m for m in models if self.maker_key_of(m) == maker_key] or models
            if len(models) == 1:
                return models[0]
        return None

    def maker_key_of(self, model):
        return self.org_key(self.organizations[model.organization_id].slug)

    def lookup(self, keys, maker_key="", weak=True, indexes=None):
        """The one model these keys name: at `maker_key` where it has one, else anywhere;
        None when none does, or more than one (not sure). Names and ids first, then (where
        `weak`) the weights' ids."""
        if indexes is None:
            indexes = (self.name_index, self.id_index, self.weak_index)
            indexes = indexes if weak else indexes[:2]
        for index in indexes:
            for key in keys:
                hits = [self.models[pk] for pk in index.get(key, ()) if self.visible(pk)]
                if maker_key:
                    at_maker = [model for model in hits if self.maker_key_of(model) == maker_key]
                    hits = at_maker or hits
                if len(hits) == 1:
                    return hits[0]
        return None

    def find(self, entry, maker_key, lab_keys=frozenset()):
        """(model, marks) of a parsed provider entry: its own keys first, then the shorter
        names its conditional marks allow, unless its lab sells the longer name as a model
        of its own; (None, marks) when no model is found for sure."""
        model = self.lookup(entry_keys(entry), maker_key)
        if model is not None:
            return model, entry.marks
        if any(key in lab_keys for key in entry_keys(entry)):
            return None, entry.marks
        model = self.lookup_loose(entry, maker_key)
        if model is not None:
            return model, entry.marks
        for name, model_id, marks in entry.conditional:
            shorter = identity.Entry(name=name, model_id=model_id, marks=marks)
            model = self.lookup(entry_keys(shorter), maker_key)
            if model is not None:
                return model, marks
        model = self.lookup(entry_keys(entry), maker_key, indexes=(self.seen_index,))
        return model, entry.marks

    def create_model(self, name, organization, family, facts, source_url, fact_source):
        name = identity.without_latest(name)[:120]
        model = LanguageModel(
            name=free_name(name, self.names),
            slug=free_slug(slug_from_name(name), self.slugs),
            organization=organization,
            family=family,
            source_url=source_url[:500],
            fact_source=fact_source[:600],
            sync_run=self.run,
            **facts,
        )
        model.save()
        self.models[model.pk] = model
        self.index(model, name)
        self.names.add(model.name)
        self.slugs.add(model.slug)
        self.counts.created += 1
        return model

    # Routes.

    def index_route(self, route):
        self.routes[route.pk] = route
        self.route_by_place[(route.provider_id, route.model_id, *route.place)] = route
        self.routes_at[route.provider_id].append(route)

    def route_at(self, provider, model, place):
        return self.route_by_place.get((provider.pk, model.pk, *place))
