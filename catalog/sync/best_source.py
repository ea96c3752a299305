"""Which source a model's facts come from: the catalog's source order, in one place (and
on /methodology/). Pure functions over what each source entry states.

A model's own facts (its name, release date, context window, max output, knowledge
cutoff, openness, license, deprecation and capabilities) come, fact by fact, from:

1. the lab's canonical file (models.dev `models/<lab>/…`; of a lab's several files for
   one model, such as a dated snapshot and its "(latest)" alias, the value most of the
   model's sources agree with, the snapshot's on a tie);
2. the lab's own API's entry (its provider folder, where the provider is the maker);
3. what most of the model's provider entries state (a tie: the value the entry that
   sorts first states).

A fact is marked "sources differ" when another entry of the chosen tier, or a tier above
it, states another value; and, for the facts other than the context window and the
maximum output (which each provider limits on its own: those are shown per route), when
most provider entries state another value. A date stated to the month agrees with any
day of that month.
"""

from collections import Counter
from dataclasses import dataclass, field

CANONICAL, LAB, ROUTE = "canonical", "lab", "route"
ROLE_ORDER = {CANONICAL: 0, LAB: 1, ROUTE: 2}
# Facts each provider limits on its own: a provider stating less is not a disagreement.
ROUTE_LIMITS = {"context_window", "max_output_tokens"}
# Facts only a lab's own statements decide (a reseller's "deprecated" is about its route).
LAB_ONLY = {"is_deprecated"}


@dataclass(frozen=True)
class Statement:
    """One entry's facts about a model (`facts`: field → JSON value, only what it states)."""

    label: str  # "models.dev canonical file", "models.dev: Amazon Bedrock", "OpenRouter"
    role: str
    ref: str
    facts: dict = field(default_factory=dict)
    primary: bool = True  # a lab's alias file ("(latest)") is not primary


@dataclass
class Choice:
    values: dict = field(default_factory=dict)  # field → the value shown
    chosen_from: dict = field(default_factory=dict)  # field → the label it came from
    chosen_role: dict = field(default_factory=dict)  # field → the role of that source
    disputes: dict = field(default_factory=dict)  # field → [{"value", "sources"}]


def agree(first, second):
    """Whether two stated values say the same: equal, or dates one of which is the other
    to a coarser precision ("2026-01" and "2026-01-27")."""
    if first == second:
        return True
    if isinstance(first, str) and isinstance(second, str) and _is_date(first) and _is_date(second):
        shorter, longer = sorted((first, second), key=len)
        return longer.startswith(shorter)
    return False


def _is_date(text):
    return len(text) in (4, 7, 10) and text[:4].isdigit() and text[4:5] in ("", "-")


def ordered(statements):
    return sorted(statements, key=lambda s: (ROLE_ORDER[s.role], not s.primary, s.ref.casefold()))


def choose(statements):
    """The `Choice` of each fact its statements state, by the source order above."""
    statements = ordered(statements)
    choice = Choice()
    fields = dict.fromkeys(name for statement in statements for name in statement.facts)
    for name in fields:
        stating = [s for s in statements if s.facts.get(name) is not None]
        if name in LAB_ONLY:
            stating = [s for s in stating if s.role != ROUTE]
        if not stating:
            continue
        top = stating[0].role
        if top == ROUTE:
            value, label = _majority(name, stating)
        else:
            value, label = _best_of_tier(name, [s for s in stating if s.role == top], stating)
        choice.values[name] = value
        choice.chosen_from[name] = label
        choice.chosen_role[name] = top
        others = _disputes(name, value, top, stating)
        if others:
            choice.disputes[name] = others
    return choice


def _best_of_tier(name, tier, stating):
    """Of a tier's statements (a lab's canonical files), the value most statements agree
    with; a tie goes to the first (the snapshot before its alias)."""
    counts = Counter(_hashable(s.facts[name]) for s in stating)
    best = max(tier, key=lambda s: counts[_hashable(s.facts[name])])
    return best.facts[name], best.label


def _majority(name, stating):
    counts = Counter(_hashable(s.facts[name]) for s in stating)
    best = max(counts.values())
    for statement in stating:  # in order: the first entry stating a most common value
        if counts[_hashable(statement.facts[name])] == best:
            return statement.facts[name], statement.label
    raise AssertionError("unreachable")


def _hashable(value):
    return tuple(value) if isinstance(value, list) else value


def _disputes(name, value, top, stating):
    differing = {}
    peers = [s for s in stating if ROLE_ORDER[s.role] <= ROLE_ORDER[top] and s.role != ROUTE]
    for statement in peers:
        if not agree(statement.facts[name], value):
            differing.setdefault(_hashable(statement.facts[name]), []).append(statement.label)
    routes = [s for s in stating if s.role == ROUTE]
    if name not in ROUTE_LIMITS and routes:
        counts = Counter(_hashable(s.facts[name]) for s in routes)
        common, count = counts.most_common(1)[0]
        if count * 2 > len(routes) and not agree(common, value):
            labels = [s.label for s in routes if _hashable(s.facts[name]) == common]
            differing.setdefault(common, []).extend(labels)
    return [
        {
            "value": list(other) if isinstance(other, tuple) else other,
            "sources": list(dict.fromkeys(labels)),
        }
        for other, labels in differing.items()
    ]
