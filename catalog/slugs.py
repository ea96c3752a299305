"""Slugs from names, and pair slugs: two model slugs joined by "-vs-".

"GPT-5.3-Codex-Spark" → "gpt-5-3-codex-spark": a dot separates words (Django's own
slugify would run "5.3" together into "53"). "-vs-" is reserved for pair URLs, whose
canonical order (ascending slugs) is decided here, where both the model pages that link
to pairs and the pair pages themselves can read it.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.urls import get_script_prefix, reverse
from django.utils.text import slugify

PAIR_SEPARATOR = "-vs-"


def slug_from_name(name: str) -> str:
    return slugify(re.sub(r"[./_:+]", "-", name))


def validate_catalog_slug(value: str) -> None:
    # "a-vs" + "-vs-" + "b" reads back as "a" and "vs-b", so the ending is reserved too.
    if PAIR_SEPARATOR in value or value.endswith(PAIR_SEPARATOR.rstrip("-")):
        raise ValidationError(
            'A slug may not contain "%(separator)s" or end in "-vs": it separates the two '
            "models in pair URLs.",
            params={"separator": PAIR_SEPARATOR},
            code="reserved",
        )


def pair_slug(slug_a: str, slug_b: str) -> str:
    """The canonical pair slug: the two model slugs in ascending order."""
    first, second = sorted((slug_a, slug_b))
    return f"{first}{PAIR_SEPARATOR}{second}"


def pair_url(slug_a: str, slug_b: str) -> str:
    """The canonical pair page of two models (served by the comparisons app)."""
    return page_url("comparisons:pair_detail", pair_slug(slug_a, slug_b))


def page_url(name: str, *args: str) -> str:
    """`reverse(name, args=args)`, remembered: a page links to hundreds of pages, and the
    URLconf and the script prefix do not change while a process serves."""
    return reversed_url(get_script_prefix(), name, args)


@lru_cache(maxsize=65_536)
def reversed_url(prefix: str, name: str, args: tuple[str, ...]) -> str:
    return reverse(name, args=args)


@dataclass(frozen=True)
class PairRequest:
    first: str
    second: str

    @property
    def is_canonical(self) -> bool:
        return self.first < self.second

    @property
    def is_self_pair(self) -> bool:
        return self.first == self.second


def parse_pair_slug(value: str) -> PairRequest | None:
    """ "a-vs-b" → PairRequest("a", "b"); None when it is not two slugs around one "-vs-"."""
    parts = value.split(PAIR_SEPARATOR)
    if len(parts) != 2 or not all(parts):
        return None
    return PairRequest(*parts)


def free_slug(slug: str, taken: set[str], limit: int = 110) -> str:
    """A catalog slug from `slug` that is not in `taken`: "-2", "-3"… appended where needed,
    and a "vs" that would read as a pair separator spelled apart ("v-s")."""
    base = slug[:limit]
    while PAIR_SEPARATOR in base:  # "a-vs-vs-b": one pass leaves "-vs-" behind
        base = base.replace(PAIR_SEPARATOR, "-v-s-")
    if base.endswith("-vs"):
        base = base[:-3] + "-v-s"
    base = base or "model"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
