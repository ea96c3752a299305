"""Pair pagination as arithmetic: counts, pages, and pair ↔ number, without a database."""

import itertools
import math

import pytest
from django.core.paginator import Paginator

from comparisons.pair_index import (
    PairSequence,
    index_of,
    page_count,
    pair_at,
    pair_count,
    pairs_between,
)

LIMIT = 50_000


@pytest.mark.parametrize(
    ("models", "pairs", "pages"),
    [
        (0, 0, 0),
        (1, 0, 0),
        (2, 1, 1),
        (3, 3, 1),
        (317, 50_086, 2),  # just over one page
        (316, 49_770, 1),
        (3_000, 4_498_500, 90),
        (10_000, 49_995_000, 1_000),
    ],
)
def test_pair_and_page_counts(models, pairs, pages):
    assert pair_count(models) == pairs
    assert page_count(models, LIMIT) == pages == math.ceil(pairs / LIMIT)


@pytest.mark.parametrize("models", [0, 1, 2, 3, 7, 60])
@pytest.mark.parametrize("per_page", [1, 7, 50])
def test_every_pair_once_across_all_pages(models, per_page):
    """Django's Paginator over the sequence: the pages together hold every pair exactly
    once, in canonical order, and as many pages as `page_count` says."""
    names = [f"m{number:03d}" for number in range(models)]
    paginator = Paginator(PairSequence(names), per_page, allow_empty_first_page=False)
    shown = [pair for number in paginator.page_range for pair in paginator.page(number)]

    assert paginator.num_pages == page_count(models, per_page)
    assert shown == list(itertools.combinations(names, 2))
    assert all(a < b for a, b in shown)


def test_first_middle_and_last_pages_of_a_large_catalog():
    models = 3_000
    sequence = PairSequence(range(models))
    paginator = Paginator(sequence, LIMIT, allow_empty_first_page=False)

    first = paginator.page(1).object_list
    middle = paginator.page(45).object_list
    last = paginator.page(90).object_list

    assert len(first) == len(middle) == LIMIT
    assert first[0] == (0, 1)
    assert first[2_998] == (0, 2_999)  # row 0 holds 2,999 pairs
    assert first[2_999] == (1, 2)
    assert index_of(*middle[0], models) == 44 * LIMIT
    assert index_of(*middle[-1], models) == 45 * LIMIT - 1
    assert middle == [pair_at(number, models) for number in range(44 * LIMIT, 45 * LIMIT)]
    assert len(last) == 4_498_500 - 89 * LIMIT
    assert last[-1] == (2_998, 2_999)


@pytest.mark.parametrize("models", range(2, 61))
def test_number_to_pair_and_back_are_inverse(models):
    pairs = list(itertools.combinations(range(models), 2))
    for number, pair in enumerate(pairs):
        assert pair_at(number, models) == pair
        assert index_of(*pair, models) == number


@pytest.mark.parametrize("models", [3_000, 100_003, 2**21 + 7])
def test_inverse_at_row_boundaries_of_large_catalogs(models):
    """Where the square root is most likely to round wrongly: each side of a row start."""
    total = pair_count(models)
    for row in [0, 1, 2, models // 3, models // 2, models - 3, models - 2]:
        start = index_of(row, row + 1, models)
        for number in (start - 1, start, start + 1):
            if 0 <= number < total:
                assert index_of(*pair_at(number, models), models) == number
    assert pair_at(total - 1, models) == (models - 2, models - 1)


def test_pairs_between_walks_the_same_pairs_as_pair_at():
    assert list(pairs_between(5, 25, 9)) == [pair_at(number, 9) for number in range(5, 25)]
    assert list(pairs_between(4, 4, 9)) == []


@pytest.mark.parametrize("number", [-1, 3])
def test_pair_out_of_range(number):
    with pytest.raises(IndexError):
        pair_at(number, 3)


@pytest.mark.parametrize(("i", "j"), [(1, 1), (2, 1), (-1, 2), (0, 3)])
def test_not_a_pair(i, j):
    with pytest.raises(ValueError, match="is not a pair"):
        index_of(i, j, 3)


def test_sequence_indexing():
    sequence = PairSequence(["a", "b", "c"])
    assert len(sequence) == 3
    assert sequence[0] == ("a", "b")
    assert sequence[-1] == ("b", "c")
    assert sequence[1:] == [("a", "c"), ("b", "c")]
    assert sequence[5:9] == []
    with pytest.raises(ValueError, match="step 1"):
        sequence[::2]
    with pytest.raises(IndexError):
        sequence[3]
    assert len(PairSequence([])) == len(PairSequence(["a"])) == 0
