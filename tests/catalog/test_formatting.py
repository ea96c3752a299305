"""How numbers, money and lists read: the reference page's formats, and "-" for the unknown."""

from decimal import Decimal

import pytest

from catalog.formatting import (
    MISSING,
    compact_parameters,
    compact_tokens,
    lower_first,
    oxford_join,
    plural,
    price_per_million,
    usd_amount,
    usd_rate,
    with_article,
)


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["Coding"], "Coding"),
        (["Coding", "RAG"], "Coding and RAG"),
        (["Coding", "RAG", "Agents"], "Coding, RAG, and Agents"),
        (["Coding", "RAG", "Agents", "Long context"], "Coding, RAG, Agents, and Long context"),
    ],
)
def test_lists_use_the_oxford_comma(items, expected):
    assert oxford_join(items) == expected


def test_lists_can_join_with_or():
    assert oxford_join(["a", "b", "c"], conjunction="or") == "a, b, or c"


def test_a_generator_joins_like_a_list():
    assert oxford_join(word for word in ("x", "y", "z")) == "x, y, and z"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (131_072, "131k"),
        (262_144, "262k"),
        (1_000_000, "1M"),
        (1_048_576, "1M"),
        (1_500_000, "1.5M"),
        (10_000_000, "10M"),
        (200_000, "200k"),
        (1_999, "1k"),  # floored: a window is never overstated
        (1_000, "1k"),
        (999, "999"),
        (1, "1"),
    ],
)
def test_context_windows_read_compactly(count, expected):
    assert compact_tokens(count) == expected


def test_an_unknown_window_is_missing_not_zero():
    assert compact_tokens(None) == MISSING == "-"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (122_000_000_000, "122B"),
        (10_000_000_000, "10B"),
        (1_000_000_000_000, "1T"),
        (7_600_000_000, "7.6B"),
        (350_000_000, "350M"),
        (999_999, "999,999"),
        (None, "-"),
    ],
)
def test_parameter_counts_read_compactly(count, expected):
    assert compact_parameters(count) == expected


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        (Decimal("2.08"), "$2.08/1M tokens"),
        (Decimal("0.26"), "$0.26/1M tokens"),
        (Decimal("0.260000"), "$0.26/1M tokens"),
        (Decimal("0.075"), "$0.075/1M tokens"),
        (Decimal("0.5"), "$0.50/1M tokens"),
        (Decimal("15.000000"), "$15/1M tokens"),
        (Decimal("1250"), "$1,250/1M tokens"),
        (Decimal("999999.999999"), "$999,999.999999/1M tokens"),
        (Decimal("0.000001"), "$0.000001/1M tokens"),
    ],
)
def test_prices_read_per_million_tokens(price, expected):
    assert price_per_million(price) == expected


def test_a_sourced_zero_price_is_shown_as_zero():
    """Free is a fact; only an unknown price must never read as "$0"."""
    assert price_per_million(Decimal("0.000000")) == "$0/1M tokens"


def test_an_unknown_price_is_missing_not_zero():
    assert price_per_million(None) == "-"
    assert "$0" not in price_per_million(None)


def test_a_price_can_name_its_unit():
    assert price_per_million(Decimal("0.26"), "input tokens") == "$0.26/1M input tokens"


def test_rates_keep_their_precision():
    assert usd_rate(Decimal("0.0125")) == "$0.0125"
    assert usd_rate(Decimal("3")) == "$3"


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (Decimal("728.000000"), "$728"),
        (Decimal("1456"), "$1,456"),
        (Decimal("727.5"), "$728"),
        (Decimal("10"), "$10"),
        (Decimal("9.999"), "$10.00"),
        (Decimal("3.5"), "$3.50"),
        (Decimal("0"), "$0.00"),
        (Decimal("999999999999999999.999999"), "$1,000,000,000,000,000,000"),
    ],
)
def test_monthly_amounts_read_in_dollars(amount, expected):
    assert usd_amount(amount) == expected


def test_plural():
    assert plural(0, "row") == "0 rows"
    assert plural(1, "row") == "1 row"
    assert plural(3, "tracked route") == "3 tracked routes"
    assert plural(1_200, "row") == "1,200 rows"
    assert plural(2, "query", "queries") == "2 queries"


def test_articles_follow_the_sound_of_the_first_letter():
    assert with_article("coding-specialized model") == "a coding-specialized model"
    assert with_article("open model") == "an open model"
    assert with_article("standalone API model") == "a standalone API model"


def test_lower_first_keeps_acronyms():
    assert lower_first("Standalone API model") == "standalone API model"
    assert lower_first("") == ""
