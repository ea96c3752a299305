"""An editor's answers to what a sync proposes: a changed fact (approve it: applied with
history and a review stamp; or reject it: remembered, not proposed again), and an entry it
could not match for sure (link it to the model it may be, or make it a new model)."""

from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from catalog.models import Capability, LanguageModel, ModelCapability, Provider, Route
from catalog.pricing_kinds import refresh_pricing_kinds
from catalog.slugs import free_slug, slug_from_name
from catalog.sync.models import ProposedChange, ProposedMatch, SourceIdentity

CAPABILITY_PREFIX = "capability:"


def value_for(record, field, value):
    """The Python value of a JSON-stored proposal value for `record`'s `field`."""
    if value is None or field.startswith(CAPABILITY_PREFIX):
        return value
    model_field = record._meta.get_field(field)
    if isinstance(model_field, models.DecimalField):
        return Decimal(str(value))
    if isinstance(model_field, models.DateField):
        return date.fromisoformat(value)
    if isinstance(model_field, models.ForeignKey):  # proposed by its slug (a family)
        return model_field.related_model._default_manager.filter(slug=value).first()
    return value


def approve(proposals, user):
    """Apply each open proposal to its record (a save: history, version, the editor's name)
    and stamp the record as reviewed by `user`. Returns how many were applied."""
    applied = 0
    now = timezone.now()
    touched = []
    with transaction.atomic():
        for proposal in proposals.filter(status=ProposedChange.Status.OPEN).select_for_update(
            of=("self",)
        ):
            record = proposal.record
            if record is None:  # the record was deleted meanwhile
                proposal.status = ProposedChange.Status.SUPERSEDED
                proposal.save(update_fields=["status"])
                continue
            if proposal.field.startswith(CAPABILITY_PREFIX):
                capability = Capability.objects.get(
                    slug=proposal.field.removeprefix(CAPABILITY_PREFIX)
                )
                ModelCapability.objects.update_or_create(
                    model=record, capability=capability, defaults={"support": proposal.theirs}
                )
            else:
                setattr(record, proposal.field, value_for(record, proposal.field, proposal.theirs))
            record.reviewed_at = now
            record.reviewed_by = user
            record.sync_run = None  # an editor wrote it last
            record.save()
            proposal.status = ProposedChange.Status.APPROVED
            proposal.decided_by, proposal.decided_at = user, now
            proposal.save(update_fields=["status", "decided_by", "decided_at"])
            applied += 1
            touched.append(record)
        # A price, a provider's kind or its lab approved may change pricing kinds.
        refresh_pricing_kinds(
            Route.objects.filter(
                Q(pk__in=[r.pk for r in touched if isinstance(r, Route)])
                | Q(provider__in=[r.pk for r in touched if isinstance(r, Provider)])
            )
        )
    return applied


def reject(proposals, user):
    """Mark open proposals rejected; returns how many."""
    return proposals.filter(status=ProposedChange.Status.OPEN).update(
        status=ProposedChange.Status.REJECTED, decided_by=user, decided_at=timezone.now()
    )


def link_matches(matches, user):
    """Each open match with a candidate becomes that model's identity in its source; the
    next run then adds the entry's routes to it. Returns how many were linked."""
    linked = 0
    model_type = ContentType.objects.get_for_model(LanguageModel)
    with transaction.atomic():
        for match in matches.filter(status=ProposedMatch.Status.OPEN, candidate__isnull=False):
            SourceIdentity.objects.update_or_create(
                source=match.source,
                content_type=model_type,
                external_id=match.external_id,
                defaults={"object_id": match.candidate_id},
            )
            match.status = ProposedMatch.Status.LINKED
            match.decided_by, match.decided_at = user, timezone.now()
            match.save(update_fields=["status", "decided_by", "decided_at"])
            linked += 1
    return linked


def create_models(matches, user):
    """Each open match with an organization picked becomes a new model there (unpublished:
    the next run adds its routes; an editor publishes it). Returns how many were made."""
    created = 0
    model_type = ContentType.objects.get_for_model(LanguageModel)
    taken = set(LanguageModel.objects.values_list("slug", flat=True))
    with transaction.atomic():
        for match in matches.filter(status=ProposedMatch.Status.OPEN, organization__isnull=False):
            if LanguageModel.objects.filter(name=match.name[:120]).exists():
                continue  # that name is taken: link it instead
            slug = free_slug(slug_from_name(match.name), taken)
            model = LanguageModel.objects.create(
                name=match.name[:120],
                slug=slug,
                organization=match.organization,
                fact_source=f"{match.source}:{match.external_id}"[:600],
            )
            taken.add(slug)
            SourceIdentity.objects.update_or_create(
                source=match.source,
                content_type=model_type,
                external_id=match.external_id,
                defaults={"object_id": model.pk},
            )
            match.status = ProposedMatch.Status.CREATED
            match.decided_by, match.decided_at = user, timezone.now()
            match.save(update_fields=["status", "decided_by", "decided_at"])
            created += 1
    return created
