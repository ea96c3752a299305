"""An editor's answers to what a sync proposes: a changed fact (approve it: applied with
history and a review stamp; or reject it: remembered, not proposed again), and an entry it
could not match for sure (link it to the model it may be, or make it a new model)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.core.paginator import Paginator
from django.db import models, transaction
from django.db.models import F, Max, Q
from django.db.models.functions import Abs
from django.utils import timezone

from catalog.models import (
    Capability,
    LanguageModel,
    ModelCapability,
    Organization,
    Provider,
    Route,
)
from catalog.pricing_kinds import refresh_pricing_kinds
from catalog.slugs import free_slug, slug_from_name
from catalog.sync.models import ProposedChange, ProposedMatch, SourceIdentity

CAPABILITY_PREFIX = "capability:"


def records_of_the_page():
    """The records a page of proposals or identities stands for, in one query per kind of
    record, where each row would fetch its own (and a route's name, its model and
    provider)."""
    return GenericPrefetch(
        "record",
        [
            Organization.objects.all(),
            Provider.objects.all(),
            LanguageModel.objects.all(),
            Route.objects.select_related("model", "provider"),
        ],
    )


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


# How many models' proposals a page of a sync run shows.
GROUPS_PER_PAGE = 20


@dataclass
class ProposalGroup:
    """A run's open proposals about one model (None: about a provider or a maker)."""

    model: LanguageModel | None
    largest_change: Decimal | None  # the largest price change among them, in percent
    proposals: list


def run_proposal_groups(run, page_number):
    """The open proposals a run made or saw again, grouped by model, the group with the
    largest price change first, a page of GROUPS_PER_PAGE groups at a time: (the page,
    its groups), in four queries whatever the number of proposals."""
    open_proposals = ProposedChange.objects.filter(
        last_seen_run=run, status=ProposedChange.Status.OPEN
    )
    summary = (
        open_proposals.values("model")
        .annotate(largest=Max(Abs("change_percent")))
        .order_by(F("largest").desc(nulls_last=True), "model")
    )
    page = Paginator(summary, GROUPS_PER_PAGE).get_page(page_number)
    model_ids = [row["model"] for row in page]
    models = LanguageModel.objects.in_bulk([pk for pk in model_ids if pk is not None])
    about = Q(model__in=[pk for pk in model_ids if pk is not None])
    if None in model_ids:
        about |= Q(model__isnull=True)
    members = defaultdict(list)
    for proposal in (
        open_proposals.filter(about)
        .prefetch_related(records_of_the_page())
        .order_by(F("change_percent").desc(nulls_last=True), "field", "pk")
    ):
        members[proposal.model_id].append(proposal)
    groups = [
        ProposalGroup(models.get(row["model"]), row["largest"], members[row["model"]])
        for row in page
    ]
    return page, groups


def decide_group(run, model_id, approve_them, user):
    """Approve or reject a run's open proposals about one model (None: about providers
    and makers); returns how many."""
    proposals = ProposedChange.objects.filter(
        last_seen_run=run, status=ProposedChange.Status.OPEN
    ).filter(Q(model__isnull=True) if model_id is None else Q(model=model_id))
    return approve(proposals, user) if approve_them else reject(proposals, user)
