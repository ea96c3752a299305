"""How a proposal stores a fact (catalog/sync/writing.py `as_json`): as an editor reads it."""

from datetime import date
from decimal import Decimal

from catalog.sync.writing import as_json, change_percent, free_name


def test_a_price_reads_as_written_never_in_exponent_notation():
    # Decimal("10").normalize() is Decimal("1E+1"): a price of 10 read "1E+1" to editors.
    assert as_json(Decimal("10")) == "10"
    assert as_json(Decimal("10.000000")) == "10"
    assert as_json(Decimal("0.150000")) == "0.15"
    assert as_json(Decimal("1200")) == "1200"
    assert as_json(Decimal("0.000001")) == "0.000001"


def test_dates_and_plain_values():
    assert as_json(date(2026, 1, 27)) == "2026-01-27"
    assert as_json(262_144) == 262_144
    assert as_json(None) is None


def test_a_change_in_percent_and_a_free_name():
    assert change_percent(Decimal("2"), Decimal("3")) == Decimal("50.00")
    assert change_percent(None, Decimal("3")) is None
    assert free_name("Kimi K2.5", {"Kimi K2.5"}) == "Kimi K2.5 (2)"
