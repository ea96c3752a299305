"""Mending a catalog synced under older rules: one maker under two spellings becomes one
organization; the records the identity rules now read as one model are merged (the old
address answers 301); records that are not language models are unpublished with their
reason. A reviewed record is never merged or unpublished by a sync."""

from collections import defaultdict

from django.db.models import F

from catalog.models import LanguageModel, ModelFamily, Organization
from catalog.sync import makers
from catalog.sync.models import SourceIdentity
from catalog.sync.snapshot import SOURCES
from catalog.sync.writing import free_name


def mend_organizations(match, counts, run):
    """One maker under two spellings ("Mistral" and "mistral-ai") becomes one
    organization, the other spelling its alias; a maker named by its bare slug
    ("meta") gets its name ("Meta"). Reviewed organizations stay as editors left them."""
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
            counts.updated += 1
        for spelling in (keep.slug, keep.name, *keep.alias_list):
            match.organization_by_key[match.org_key(spelling)] = keep
        if keep.reviewed_at is None and (keep.name == keep.slug or keep.name == key):
            name = free_name(
                makers.display_name(key),
                {o.name for o in match.organizations.values()} - {keep.name},
            )
            if name != keep.name:
                keep.name = name
                keep.sync_run = run
                keep.save()
                counts.updated += 1


def merge_and_unpublish(match, duplicates, not_models, stated, counts):
    """Merge each older record into the one model the rules say it is (never a reviewed
    one), and unpublish the older records that are not language models, unless this run
    stated something of them (`stated`) or an editor reviewed them."""
    from catalog.merge import merge_models  # which imports the sync's models

    for older_pk, survivors in sorted(duplicates.items()):
        older = match.models.get(older_pk)
        survivors.discard(older_pk)
        if older is None or len(survivors) != 1 or older.reviewed_at is not None:
            continue
        survivor = match.models.get(survivors.pop())
        if survivor is None:
            continue
        merge_models(survivor, older)
        match.models.pop(older_pk, None)
        not_models.pop(older_pk, None)
        counts.updated += 1
    for pk, reason in not_models.items():
        model = match.models.get(pk)
        if model is None or pk in stated or model.reviewed_at is not None:
            continue  # a reviewed record stays as the editors left it (the report lists it)
        if model.is_published or model.unpublished_reason != reason:
            LanguageModel.objects.filter(pk=pk).update(
                is_published=False, unpublished_reason=reason[:300], version=F("version") + 1
            )
            counts.updated += 1
