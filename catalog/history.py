"""Price history of routes, read from django-simple-history's records.

`price_changes` is pure: it takes a route's history records, oldest first, as plain
objects with the price fields, `history_date` and `history_user`, and says what changed.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from catalog.models import PRICE_FIELDS, Route

# The price fields are concrete fields (get_field may also answer a reverse relation, which
# has no verbose_name) named with plain strings (the stubs allow lazy text too).
PRICE_LABELS: dict[str, str] = {
    field: Route._meta.get_field(field).verbose_name  # type: ignore[union-attr,misc]
    for field in PRICE_FIELDS
}


@dataclass(frozen=True)
class PriceChange:
    changed_at: datetime
    changed_by: str
    field: str
    label: str
    old: Decimal | None
    new: Decimal | None
    # The day the change took effect where a sync's source dated it (None: not stated;
    # it took effect when it was recorded, `changed_at`).
    effective_on: date | None = None


def changed_by(record: Any, user: Any) -> str:
    """Who made a change: the editor's username, "sync run #12", or "" when unknown."""
    if user is not None:
        return user.get_username()
    run_id = getattr(record, "sync_run_id", None)
    return f"sync run #{run_id}" if run_id else ""


# Records are django-simple-history's historical rows, which carry no type information.
def price_changes(records: Iterable[Any]) -> list[PriceChange]:
    """Every price field that differs between consecutive records, newest save first.

    The first record (the route's creation) is not a change: it has no "old". The fields
    changed by one save keep their order (input, output, cached input).
    """
    saves: list[list[PriceChange]] = []
    previous = None
    for record in records:
        if previous is not None:
            user = record.history_user
            saves.append(
                [
                    PriceChange(
                        changed_at=record.history_date,
                        changed_by=changed_by(record, user),
                        field=field,
                        label=PRICE_LABELS[field],
                        old=getattr(previous, field),
                        new=getattr(record, field),
                        effective_on=getattr(record, "effective_on", None),
                    )
                    for field in PRICE_FIELDS
                    if getattr(previous, field) != getattr(record, field)
                ]
            )
        previous = record
    return [change for save in reversed(saves) for change in save]


def route_price_changes(route: Route) -> list[PriceChange]:
    records = route.history.select_related("history_user").order_by("history_date", "history_id")
    return price_changes(records)
