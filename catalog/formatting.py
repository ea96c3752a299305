"""How numbers, money, dates and lists read on every page of the site: "131k",
"$2.08/1M tokens", "2026-02-12", "A, B, and C". Every page formats through here."""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

MISSING = "-"
NEVER_REVIEWED = "never reviewed"
STANDARD_TIER = "standard"


def oxford_join(items: Iterable[str], conjunction: str = "and") -> str:
    """["A"] → "A"; ["A", "B"] → "A and B"; ["A", "B", "C"] → "A, B, and C"."""
    items = [str(item) for item in items]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def _trim(number: float) -> str:
    text = f"{number:.1f}"
    return text[:-2] if text.endswith(".0") else text


def compact_tokens(count: int | None) -> str:
    """131,072 → "131k"; 262,144 → "262k"; 1,000,000 → "1M"; 1,500,000 → "1.5M"."""
    if count is None:
        return MISSING
    # Thousands are floored (a window is never overstated); millions keep one decimal.
    if count >= 1_000_000:
        return f"{_trim(count // 100_000 / 10)}M"
    if count >= 1_000:
        return f"{count // 1_000}k"
    return str(count)


def token_labels(*counts: int | None) -> tuple[str, ...]:
    """Token counts as they read side by side: compact, unless that would make two
    different counts read the same (131,072 and 131,500 are both "131k"): then each in
    full, "-" where unknown."""
    labels = tuple(compact_tokens(count) for count in counts)
    known = {count: label for count, label in zip(counts, labels, strict=True) if count is not None}
    if len(set(known.values())) < len(known):
        return tuple(MISSING if count is None else f"{count:,}" for count in counts)
    return labels


def compact_parameters(count: int | None) -> str:
    """122,000,000,000 → "122B"; 1,000,000,000,000 → "1T"; 7,600,000,000 → "7.6B"."""
    if count is None:
        return MISSING
    for size, suffix in ((10**12, "T"), (10**9, "B"), (10**6, "M")):
        if count >= size:
            return f"{_trim(count // (size // 10) / 10)}{suffix}"
    return f"{count:,}"


def parameter_counts(total: int | None, active: int | None) -> str:
    """122B total and 10B active → "122B total, 10B active"; "-" when neither is known."""
    if total is None and active is None:
        return MISSING
    if active is None:
        return compact_parameters(total)
    if total is None:
        return f"{compact_parameters(active)} active"
    return f"{compact_parameters(total)} total, {compact_parameters(active)} active"


# How a capability's support ("yes" / "no" / "unknown") reads in a table.
SUPPORT_TEXT = {"yes": "Yes", "no": "No", "unknown": "Unknown"}


def price_per_million(price: Decimal | None, unit: str = "tokens") -> str:
    """Decimal("2.08") → "$2.08/1M tokens"; None → "-" (never "$0")."""
    if price is None:
        return MISSING
    return f"{usd_rate(price)}/1M {unit}"


def usd_rate(price: Decimal | int) -> str:
    """A per-token rate keeps its precision: $2.08, $0.075, $15."""
    price = Decimal(price)
    if price == price.to_integral_value():
        return f"${price:,.0f}"
    text = f"{price.normalize():f}"
    whole, _, fraction = text.partition(".")
    return f"${int(whole):,}.{fraction.ljust(2, '0')}"


def usd_amount(amount: Decimal | int) -> str:
    """A monthly total: whole dollars from $10 up ("$728", "$1,456"), cents below ("$3.50")."""
    amount = Decimal(amount)
    if amount >= 10:
        return f"${amount.quantize(Decimal('1'), rounding=ROUND_HALF_UP):,}"
    return f"${amount.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """1 → "1 row", 3 → "3 rows"."""
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count:,} {word}"


def with_article(phrase: str) -> str:
    """ "coding-specialized model" → "a coding-…"; "open-weights model" → "an open-…"."""
    article = "an" if phrase[:1].lower() in "aeiou" else "a"
    return f"{article} {phrase}"


def lower_first(text: str) -> str:
    """ "Standalone API model" → "standalone API model" (keeps acronyms as they are)."""
    return text[:1].lower() + text[1:]


def iso_day(day: date | None) -> str:
    """A date as YYYY-MM-DD, or "-"."""
    return day.isoformat() if day else MISSING


def reviewed_on(moment: datetime | None) -> str:
    """The day a record was reviewed, in the site's time zone, or "never reviewed"."""
    return local_day(moment) if moment else NEVER_REVIEWED


def local_day(moment: datetime) -> str:
    """A moment (an aware datetime) as the YYYY-MM-DD it falls on in the site's time zone."""
    return timezone.localdate(moment).isoformat()


def iso_month(day: date | None) -> str:
    """A date known to the month (a knowledge cutoff) as YYYY-MM, or "-"."""
    return day.strftime("%Y-%m") if day else MISSING


def tier_name(service_mode: str, context_above: int, marks: Iterable[str] = ()) -> str:
    """A route's tier as it reads beside its provider: "" for the standard price, "batch",
    "input over 200k tokens", "batch, input over 200k tokens", "EU, FP8"."""
    parts = [service_mode] if service_mode else []
    if context_above:
        parts.append(f"input over {compact_tokens(context_above)} tokens")
    parts.extend(marks)
    return ", ".join(parts)


def route_limits(context_window: int | None, max_output: int | None) -> str:
    """A provider's own context window and max output: "272k / 128k", "272k / -"; "-" when
    it states neither (the model's own apply)."""
    if context_window is None and max_output is None:
        return MISSING
    return f"{compact_tokens(context_window)} / {compact_tokens(max_output)}"


PRECISIONS = ("day", "month", "year")


def coarser_precision(first: str, second: str) -> str:
    """The coarser of two dates' precisions: "day" and "month" → "month"."""
    return max(first, second, key=PRECISIONS.index)


def partial_iso(day: date | None, precision: str = "day") -> str | None:
    """A date as precisely as its source states it: "2026-01-27", "2026-01", "2026";
    None when unknown (the API's, the CSV's and a sync statement's form)."""
    if day is None:
        return None
    return {"month": day.isoformat()[:7], "year": day.isoformat()[:4]}.get(
        precision, day.isoformat()
    )


def partial_date(day: date | None, precision: str = "day") -> str:
    """A date as precisely as its source states it, as pages show it; "-" when unknown."""
    return partial_iso(day, precision) or MISSING


def lifecycle(retires_on: date | None, deprecated: bool, today: date) -> str:
    """ "deprecated", "retires 2026-03-31", "deprecated, retired 2026-03-01", or "" when
    nothing is stated."""
    parts = ["deprecated"] if deprecated else []
    if retires_on is not None:
        parts.append(f"{'retired' if retires_on <= today else 'retires'} {retires_on.isoformat()}")
    return ", ".join(parts)


def tier_label(tier: str) -> str:
    """A route's price tier as tables show it: "batch", or "standard" for none."""
    return tier or STANDARD_TIER


def sentence_case(text: str) -> str:
    """ "decoder only" → "Decoder only"."""
    return text[:1].upper() + text[1:]


def route_label(provider: str, tier: str) -> str:
    """ "OpenRouter", or "OpenAI API (batch)" for a price tier."""
    return f"{provider} ({tier})" if tier else provider


def score_text(value: Decimal, unit: str) -> str:
    """Decimal("88.500"), "%" → "88.5%"; Decimal("1402"), "Elo" → "1402 Elo"."""
    number = f"{value.normalize():f}"
    return f"{number}{unit}" if unit == "%" else f"{number} {unit}".strip()
