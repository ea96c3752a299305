"""An editor's answer to a proposed change: approve (apply it, with history, and stamp the
review) or reject (remembered, so the same value is not proposed again)."""

from datetime import date
from decimal import Decimal

from django.db import models, transaction
from django.utils import timezone

from catalog.models import Capability, ModelCapability
from catalog.sync.models import ProposedChange

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
    return value


def approve(proposals, user):
    """Apply each open proposal to its record (a save: history, version, the editor's name)
    and stamp the record as reviewed by `user`. Returns how many were applied."""
    applied = 0
    now = timezone.now()
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
    return applied


def reject(proposals, user):
    """Mark open proposals rejected; returns how many."""
    return proposals.filter(status=ProposedChange.Status.OPEN).update(
        status=ProposedChange.Status.REJECTED, decided_by=user, decided_at=timezone.now()
    )
