"""What a parser makes of a source: a Snapshot of plain, frozen facts, each as the source
states it (None where it says nothing), and the inputs it skipped with their reasons.

Prices are Decimals in USD per 1M tokens whatever the source's unit; a parser converts.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

# The sources a sync reads, as stored on runs and identities.
MODELSDEV = "modelsdev"
OPENROUTER = "openrouter"
GENAI_PRICES = "genai-prices"
AIDER = "aider"
SOURCES = (MODELSDEV, OPENROUTER, GENAI_PRICES, AIDER)
# How pages name each source.
SOURCE_NAMES = {
    MODELSDEV: "models.dev",
    OPENROUTER: "OpenRouter",
    GENAI_PRICES: "genai-prices",
    AIDER: "Aider",
}
# Sources that are a provider's own list of what it serves, by the provider they describe
# (its models.dev id): their prices are the seller's own word.
SELF_DESCRIBING = {OPENROUTER: "openrouter"}


class SourceError(ValueError):
    """An input the parser cannot use; its message is the reason a run records."""


@dataclass(frozen=True)
class Skip:
    ref: str  # the file, or the record's id in the source
    reason: str


@dataclass(frozen=True)
class Prices:
    """One price list: per 1M tokens, None where the source states no price."""

    input: Decimal | None = None
    output: Decimal | None = None
    cached_input: Decimal | None = None
    cache_write: Decimal | None = None

    @property
    def is_empty(self):
        return all(value is None for value in (self.input, self.output, self.cached_input))


@dataclass(frozen=True)
class ContextTier:
    """Prices for requests whose input exceeds `above_tokens`."""

    above_tokens: int
    prices: Prices


@dataclass(frozen=True)
class DatedPrices:
    """Prices from a day on (None: from before the source's history starts)."""

    effective_on: date | None
    prices: Prices
    tiers: tuple[ContextTier, ...] = ()


@dataclass(frozen=True)
class SourceScore:
    """A benchmark score as a source states it (catalog/scores.py reads how it was run)."""

    benchmark: str  # the benchmark's name as the source spells it
    value: Decimal
    metric: str = ""
    harness: str = ""
    variant: str = ""
    dataset: str = ""
    version: str = ""
    source_url: str = ""  # the page the score cites: its own source, not the catalog's
    measured_on: date | None = None
    details: tuple[tuple[str, str], ...] = ()  # what else the run states, as (name, value)


@dataclass(frozen=True)
class SourceModel:
    """A model as a source states it. `key` is its id in the source."""

    key: str
    name: str
    organization: str = ""  # the maker's id or name in the source, "" when unstated
    family: str = ""
    released_on: date | None = None
    released_precision: str = "day"  # "month" for "2026-01": never shown as a day
    upstream_updated_on: date | None = None
    knowledge_cutoff: date | None = None
    knowledge_precision: str = "day"
    open_weights: bool | None = None
    license_name: str = ""
    context_window: int | None = None
    max_output_tokens: int | None = None
    input_modalities: tuple[str, ...] = ()
    # capability slug → "yes" / "no", only for what the source states
    capabilities: dict[str, str] = field(default_factory=dict)
    deprecated: bool = False
    source_url: str = ""
    # What identity and kind rules read (catalog/sync/identity.py):
    outputs: tuple[str, ...] = ()  # output modalities, where stated
    weights: tuple[str, ...] = ()  # Hugging Face ids of its weights ("deepseek-ai/…")
    service_modes: tuple[str, ...] = ()  # modes the entry prices ("fast", "batch")
    scores: tuple[SourceScore, ...] = ()  # its benchmark scores (a lab's canonical file)


@dataclass(frozen=True)
class SourceProvider:
    key: str
    name: str
    website: str = ""
    source_url: str = ""


@dataclass(frozen=True)
class SourceRoute:
    """A model served by a provider in one service mode.

    `model` holds the facts this provider's entry states (after any inheritance), and
    `base_key` the canonical model it names (models.dev `base_model`), if any.
    """

    key: str
    provider: str  # SourceProvider.key
    provider_model_id: str
    model: SourceModel
    base_key: str = ""
    service_mode: str = ""  # "" for the standard way of buying; "batch", "fast"…
    prices: Prices = Prices()
    tiers: tuple[ContextTier, ...] = ()
    history: tuple[DatedPrices, ...] = ()  # dated prices, oldest first (genai-prices)
    retires_on: date | None = None
    deprecated: bool = False
    source_url: str = ""
    # genai-prices: which provider model ids the entry prices ({"or": [{"starts_with": …}]})
    id_match: dict | None = None


@dataclass
class Snapshot:
    source: str
    location: str
    content_hash: str = ""
    providers: list[SourceProvider] = field(default_factory=list)
    models: list[SourceModel] = field(default_factory=list)
    routes: list[SourceRoute] = field(default_factory=list)
    runs: list = field(default_factory=list)  # benchmark runs (Aider's: aider.SourceRun)
    skipped: list[Skip] = field(default_factory=list)

    def skip(self, ref, reason):
        self.skipped.append(Skip(str(ref), reason))


MAX_PRICE = Decimal(1_000_000)  # per 1M tokens: beyond any real price, within the column


def price(value, scale=1):
    """A price from a source value (number or text) times `scale`, as USD per 1M tokens.

    None stays None. A negative, non-finite or absurd value raises SourceError: the record
    is skipped with that reason, never stored.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise SourceError(f"a price that is not a number: {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise SourceError(f"a price that is not a number: {value!r}") from None
    if not number.is_finite():
        raise SourceError(f"a price that is not a number: {value!r}")
    if number < 0:
        raise SourceError(f"a negative price: {value}")
    number = number * scale
    if number > MAX_PRICE:
        raise SourceError(f"a price beyond any real one: {value}")
    # The catalog keeps six decimal places (a millionth of a dollar per 1M tokens).
    return number.quantize(Decimal("0.000001"))


def positive_int(value, label):
    """A token count from the source; None when unstated; SourceError when not a count."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise SourceError(f"{label} is not a number: {value!r}")
    try:
        number = int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        raise SourceError(f"{label} is not a number: {value!r}") from None
    if number <= 0:
        return None  # "0" is how some sources say they do not know
    if number > 2_000_000_000:
        raise SourceError(f"{label} is beyond any real one: {value}")
    return number


def parse_day(value):
    """ "2025-11-06" or "2025-11" (the first of the month) → date; None when unstated or
    unreadable (a fact a source garbles stays unknown)."""
    return parse_partial_day(value)[0]


def parse_partial_day(value):
    """ "2025-11-06" → (date, "day"); "2025-11" → (its first day, "month"); "2025" →
    (its first day, "year"); (None, "day") when unstated or unreadable."""
    if value is None:
        return None, "day"
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    for length, suffix, precision in ((10, "", "day"), (7, "-01", "month"), (4, "-01-01", "year")):
        if len(text) == length:
            try:
                return date.fromisoformat(text + suffix), precision
            except ValueError:
                return None, "day"
    return None, "day"


MAX_SCORE = Decimal(10_000_000)  # the column holds 10 digits, 3 after the point


def score_value(value):
    """A benchmark score from a source value; SourceError when it is not a real number."""
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise SourceError(f"a score that is not a number: {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise SourceError(f"a score that is not a number: {value!r}") from None
    if not number.is_finite() or abs(number) >= MAX_SCORE:
        raise SourceError(f"a score that is not a real one: {value!r}")
    return number.quantize(Decimal("0.001"))
