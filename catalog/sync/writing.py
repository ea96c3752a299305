"""Writing what a source states under the trust rules: a record never reviewed takes it
at once (with the source's URL and the run that wrote it); a reviewed record's fact that
the source states differently becomes a ProposedChange, and nothing moves until an editor
approves it. A value an editor rejected is not proposed again until the source changes it
again. None is "the source does not say", never a value to write."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from catalog.models import LanguageModel, ModelFamily, Organization
from catalog.sync.models import ProposedChange

PRICE_FIELDS = {
    "input_price": "input",
    "output_price": "output",
    "cached_input_price": "cached_input",
    "cache_write_price": "cache_write",
}


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    proposed: int = 0
    unchanged: int = 0
    skipped: int = 0


class Writer:
    """Writes facts of records for one run of one source."""

    def __init__(self, run, source, now, counts, content_types):
        self.run = run
        self.source = source
        self.now = now
        self.counts = counts
        self.types = content_types
        # fact (content type, record, field) → its open proposal; and the values rejected.
        self.open_proposals = {
            (p.content_type_id, p.object_id, p.field): p
            for p in ProposedChange.objects.filter(status=ProposedChange.Status.OPEN)
        }
        self.rejected = {
            (p.content_type_id, p.object_id, p.field, repr(p.theirs))
            for p in ProposedChange.objects.filter(status=ProposedChange.Status.REJECTED)
        }

    def write(self, record, changes, source_url, kind, reviewed=False):
        """Write `changes` (field → value) to `record`, or propose them if it is reviewed
        (or `reviewed` says what it belongs to is: a score of a reviewed model)."""
        if not changes:
            return
        if reviewed or record.reviewed_at is not None:
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
    """A fact as a proposal stores it, in a form editors read: Decimal("10") → "10" (not
    "1E+1"), Decimal("0.150000") → "0.15", a date → "2026-01-27", a family → its slug."""
    if isinstance(value, ModelFamily | Organization):
        return value.slug
    if isinstance(value, Decimal):
        return f"{value.normalize():f}"
    if isinstance(value, date):
        return value.isoformat()
    return value


def change_percent(ours, theirs):
    if isinstance(ours, Decimal) and isinstance(theirs, Decimal) and ours:
        return ((theirs - ours) / ours * 100).quantize(Decimal("0.01"))
    return None
