"""Decision signals derived in the open: a model's decision-fit tags, product type and "best
for" phrase, where no editor has set them, from the facts its sources state, by the rules
below (stated on /methodology/). Pure. An editor's value wins; a fact that is unknown
derives nothing.

Decision-fit tags, in the catalog's order:

- **Coding**: a coding model by its name or family (coder, codex, codestral, devstral), or a
  score at or above the bar of a coding benchmark (`CODING_BARS`);
- **Agents**: function calling and structured outputs, both stated "yes";
- **Long context**: a context window of at least 200k tokens;
- **Multimodal**: vision or multimodal input stated "yes";
- **Reasoning**: a reasoning mode stated "yes";
- **Low cost**: a standard output price of at most $1 per 1M tokens, at the maker's list
  price where there is one, else at the cheapest per-token route.

RAG has no stated fact to derive it from: only an editor sets it.

Product type, the first that applies: a coding-specialized model by its name or family; a
small efficient model by its stated total parameters (at most 15B); a reasoning model by a
stated reasoning mode and a name that says so (Thinking, Reasoner, R1, OpenAI's o-series);
a standalone API model when it is sold per token through an API. A multimodal model is
only an editor's call.

"Best for": the phrases of its first three tags, joined.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

CODING_NAME = re.compile(r"\bcoder?\b|codex|codestral|devstral|\bcode\b", re.IGNORECASE)
REASONING_NAME = re.compile(r"\bthinking\b|\breasoner\b|\br1\b|^o[1-9]\b", re.IGNORECASE)
LONG_CONTEXT = 200_000
LOW_COST_OUTPUT = Decimal(1)  # USD per 1M output tokens
SMALL_PARAMETERS = 15_000_000_000
# A coding benchmark's bar (its key: catalog/scores.py `benchmark_key`), in percent.
CODING_BARS = {
    "swebenchverified": Decimal(60),
    "swebenchpro": Decimal(40),
    "aiderpolyglot": Decimal(60),
    "livecodebench": Decimal(60),
    "terminalbench21": Decimal(40),
}
TAG_ORDER = ("Coding", "Agents", "Long context", "Multimodal", "Reasoning", "Low cost")
BEST_FOR = {
    "Coding": "code generation and review",
    "Agents": "tool-calling agents",
    "Long context": "long documents and large codebases",
    "Multimodal": "image and document understanding",
    "Reasoning": "reasoning-heavy tasks",
    "Low cost": "high-volume, cost-sensitive traffic",
}
CODING = "Coding-specialized model"
SMALL = "Small efficient model"
REASONING = "Reasoning model"
STANDALONE_API = "Standalone API model"
YES = "yes"


@dataclass(frozen=True)
class Stated:
    """The stated facts the rules read (None, or a capability absent, is unknown)."""

    name: str
    family: str = ""
    context_window: int | None = None
    parameters_total: int | None = None
    capabilities: dict[str, str] | None = None  # slug → "yes" / "no" / "unknown"
    scores: tuple[tuple[str, Decimal], ...] = ()  # (benchmark key, value in %)
    output_price: Decimal | None = None  # the list price's, else the cheapest route's
    sold_per_token: bool = False  # a per-token route with a price serves it


def coding_by_name(stated: Stated) -> bool:
    return bool(CODING_NAME.search(stated.name) or CODING_NAME.search(stated.family))


def derived_tags(stated: Stated) -> tuple[str, ...]:
    """The decision-fit tags the rules derive, in the catalog's order."""
    support = stated.capabilities or {}
    over_a_bar = any(
        key in CODING_BARS and value >= CODING_BARS[key] for key, value in stated.scores
    )
    agents = support.get("function-calling") == YES and support.get("structured-outputs") == YES
    tags = {
        "Coding": coding_by_name(stated) or over_a_bar,
        "Agents": agents,
        "Long context": stated.context_window is not None and stated.context_window >= LONG_CONTEXT,
        "Multimodal": YES in (support.get("vision"), support.get("multimodal")),
        "Reasoning": support.get("reasoning") == YES,
        "Low cost": stated.output_price is not None and stated.output_price <= LOW_COST_OUTPUT,
    }
    return tuple(tag for tag in TAG_ORDER if tags[tag])


def derived_product_type(stated: Stated) -> str:
    """The first product type the rules give, or "" (not derived)."""
    if coding_by_name(stated):
        return CODING
    if stated.parameters_total is not None and stated.parameters_total <= SMALL_PARAMETERS:
        return SMALL
    reasoning = (stated.capabilities or {}).get("reasoning") == YES
    if reasoning and REASONING_NAME.search(stated.name):
        return REASONING
    if stated.sold_per_token:
        return STANDALONE_API
    return ""


def best_for(tags: Iterable[str]) -> str:
    """ "tool-calling agents, long documents and large codebases, and reasoning-heavy
    tasks": the phrases of the first three tags; "" without one."""
    phrases = [BEST_FOR[tag] for tag in tags if tag in BEST_FOR][:3]
    if len(phrases) <= 1:
        return "".join(phrases)
    if len(phrases) == 2:
        return f"{phrases[0]} and {phrases[1]}"
    return f"{phrases[0]}, {phrases[1]}, and {phrases[2]}"
