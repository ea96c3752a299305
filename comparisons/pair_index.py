"""Pairs by number: the k-th pair of n ordered items, and back, in constant time.

The sitemap lists every pair of indexable models: n(n-1)/2 of them, about 4.5 million for
3,000 models. Numbering them row by row over the models in slug order — (0, 1), (0, 2), …,
(0, n-1), (1, 2), …, (n-2, n-1) — makes pair k computable from k alone (row i starts at a
triangular-number offset), so a sitemap page of 50,000 pairs needs the ordered list of
models and nothing else: no pair exists as an object before a page shows it. Because the
items are in ascending order and i < j, every pair comes out in canonical order (a < b).
"""

import math


def pair_count(n):
    """Pairs of n items."""
    return n * (n - 1) // 2 if n > 1 else 0


def page_count(n, per_page):
    """Pages of `per_page` pairs that n items fill (0 when there is no pair)."""
    return -(-pair_count(n) // per_page)


def row_start(i, n):
    """The number of pair (i, i + 1): rows 0 … i-1 hold n-1, n-2, …, n-i pairs before it."""
    return i * (2 * n - i - 1) // 2


def pair_at(k, n):
    """The pair (i, j), i < j, numbered k among the pairs of n items."""
    if not 0 <= k < pair_count(n):
        raise IndexError(f"pair {k} of {n} items is out of range")
    # Row i is the largest with row_start(i) <= k: the smaller root of
    # i² - (2n-1)i + 2k = 0, rounded down. isqrt may leave it one off; step it back.
    b = 2 * n - 1
    i = (b - math.isqrt(b * b - 8 * k)) // 2
    while row_start(i + 1, n) <= k:
        i += 1
    while row_start(i, n) > k:
        i -= 1
    return i, i + 1 + k - row_start(i, n)


def index_of(i, j, n):
    """The number of the pair (i, j), i < j, among the pairs of n items."""
    if not 0 <= i < j < n:
        raise ValueError(f"({i}, {j}) is not a pair of {n} items with i < j")
    return row_start(i, n) + j - i - 1


def pairs_between(start, stop, n):
    """The pairs numbered start … stop-1, walking row by row from the first (no search
    per pair)."""
    if start >= stop:
        return
    i, j = pair_at(start, n)
    for _ in range(stop - start):
        yield i, j
        j += 1
        if j == n:
            i += 1
            j = i + 1


class PairSequence:
    """The pairs of `items` (already in the order pairs are numbered over) as a read-only
    sequence: `len()` is their count and a slice builds only the pairs it covers, which is
    all Django's Paginator asks of a sitemap's items."""

    def __init__(self, items):
        self.items = items
        self.n = len(items)

    def __len__(self):
        return pair_count(self.n)

    def __getitem__(self, key):
        items = self.items
        if isinstance(key, slice):
            start, stop, step = key.indices(len(self))
            if step != 1:
                raise ValueError("pairs are sliced with step 1 only")
            return [(items[i], items[j]) for i, j in pairs_between(start, stop, self.n)]
        if key < 0:
            key += len(self)
        i, j = pair_at(key, self.n)
        return items[i], items[j]
