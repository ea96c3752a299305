"""Pair URLs: canonical order, parsing, and what a pair slug resolves to."""

from dataclasses import dataclass

from django.urls import reverse

from catalog.slugs import PAIR_SEPARATOR


def pair_slug(slug_a, slug_b):
    """The canonical pair slug: the two model slugs in ascending order."""
    first, second = sorted((slug_a, slug_b))
    return f"{first}{PAIR_SEPARATOR}{second}"


def pair_url(slug_a, slug_b):
    return reverse("pair_detail", args=[pair_slug(slug_a, slug_b)])


@dataclass(frozen=True)
class PairRequest:
    first: str
    second: str

    @property
    def is_canonical(self):
        return self.first < self.second

    @property
    def is_self_pair(self):
        return self.first == self.second


def parse_pair_slug(value):
    """ "a-vs-b" → PairRequest("a", "b"); None when it is not two slugs around one "-vs-"."""
    parts = value.split(PAIR_SEPARATOR)
    if len(parts) != 2 or not all(parts):
        return None
    return PairRequest(*parts)
