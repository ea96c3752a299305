"""How a model's or a route's end of life reads wherever it appears: a badge ("Deprecated",
"Retires 2027-01-31", "Retired 2026-11-01") and its tone, which names its CSS class.

`retired` is the one rule every "cheapest" price follows: a route retired by today is
still listed, with its badge, but nobody can buy it, so it is never the cheapest.
"""

from dataclasses import dataclass
from datetime import date

DEPRECATED = "deprecated"  # still served, but its maker or provider has said it will end
RETIRING = "retiring"  # a retirement date is stated and not reached
RETIRED = "retired"  # the retirement date is today or past


def retired(retires_on: date | None, today: date) -> bool:
    """Retired by `today`: a stated retirement date that is today or past."""
    return retires_on is not None and retires_on <= today


@dataclass(frozen=True)
class LifecycleBadge:
    """ "Retires" and 2027-01-31; "Deprecated" and no day. `tone` is deprecated, retiring
    or retired (the CSS class `lifecycle-<tone>`)."""

    label: str
    tone: str
    day: date | None = None

    @property
    def iso_day(self) -> str:
        return self.day.isoformat() if self.day else ""

    @property
    def text(self) -> str:
        return f"{self.label} {self.iso_day}" if self.day else self.label

    def __str__(self) -> str:
        return self.text


def lifecycle_badge(
    retires_on: date | None, deprecated: bool, today: date
) -> LifecycleBadge | None:
    """The badge of a model or route, or None when no end is stated.

    A past retirement says only that ("Retired 2026-11-01"); a coming one says whether it
    is also deprecated ("Deprecated, retires 2027-01-31").
    """
    if retires_on is not None:
        if retired(retires_on, today):
            return LifecycleBadge("Retired", RETIRED, retires_on)
        return LifecycleBadge(
            "Deprecated, retires" if deprecated else "Retires", RETIRING, retires_on
        )
    if deprecated:
        return LifecycleBadge("Deprecated", DEPRECATED)
    return None
