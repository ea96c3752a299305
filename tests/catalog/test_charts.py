"""Chart geometry (presentation/charts.py) and price series (catalog/price_series.py), pure:
no database, plain objects in place of history records."""

from datetime import UTC, date, datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest

from catalog.formatting import price_per_million, usd_rate
from catalog.price_series import ONGOING, price_history_chart, price_periods, route_timeline
from presentation.charts import (
    FRAME,
    Datum,
    Scale,
    Step,
    StepLine,
    log_domain,
    nice_domain,
    nice_step,
    scatter_chart,
    spans_orders_of_magnitude,
    step_chart,
    step_path,
    time_tick_days,
)

D = Decimal
TODAY = date(2026, 6, 30)


# Ticks and scales.


@pytest.mark.parametrize(
    ("span", "step"),
    [(D(10), D(2)), (D("0.9"), D("0.2")), (D(1400), D(250)), (D(100), D(20)), (D(3), D("0.5"))],
)
def test_nice_steps_are_1_2_2_5_or_5_times_a_power_of_ten(span, step):
    assert nice_step(span) == step


def test_a_price_domain_starts_at_zero_and_ends_on_a_tick():
    assert nice_domain(D("0.26"), D("2.08"), from_zero=True) == (D(0), D("2.5"), D("0.5"))


def test_a_score_domain_hugs_the_values():
    low, high, step = nice_domain(D("61.3"), D("88.5"), from_zero=False)

    assert (low, high, step) == (D(60), D(90), D(5))


def test_one_value_gets_a_domain_around_it():
    low, high, _ = nice_domain(D(50), D(50), from_zero=False)

    assert low < 50 < high


def test_log_scale_when_values_span_orders_of_magnitude():
    assert spans_orders_of_magnitude([D("0.1"), D("15")])
    assert not spans_orders_of_magnitude([D("1"), D("15")])
    assert not spans_orders_of_magnitude([D("0"), D("15")])  # no log of 0
    assert log_domain(D("0.07"), D("12")) == (0.01, 100.0)


def test_a_scale_maps_its_domain_onto_its_range():
    linear = Scale(0, 10, 100, 200)
    log = Scale(1, 100, 0, 100, log=True)

    assert (linear(0), linear(5), linear(10)) == (100, 150, 200)
    assert (log(1), log(10), log(100)) == (0, 50, 100)


def test_time_ticks_fall_on_month_starts_for_a_half_year():
    days, kind = time_tick_days(date(2026, 1, 15), date(2026, 6, 30))

    assert kind == "month"
    assert days == [date(2026, m, 1) for m in (2, 3, 4, 5, 6)]


def test_time_ticks_fall_on_quarters_for_a_few_years():
    days, kind = time_tick_days(date(2024, 2, 10), date(2026, 6, 30))

    assert kind == "month"
    assert all(day.day == 1 and day.month in (1, 4, 7, 10) for day in days)
    assert len(days) <= 10


# Step lines.


def test_a_step_path_runs_across_and_rises_at_each_change():
    assert step_path([(0, 10, 50), (10, 20, 30)]) == "M0 50H10V30H20"


def test_an_unknown_value_breaks_the_line_instead_of_dropping_to_zero():
    assert step_path([(0, 10, 50), (10, 20, None), (20, 30, 40)]) == "M0 50H10M20 40H30"


def test_a_step_chart_puts_the_first_day_left_and_the_last_right():
    line = StepLine(
        "OpenRouter, output",
        0,
        False,
        "circle",
        (
            Step(date(2026, 1, 1), date(2026, 3, 1), D("2.08")),
            Step(date(2026, 3, 1), TODAY, D("1.50")),
        ),
    )

    chart = step_chart(
        [line],
        id="t",
        title="T",
        description="D",
        y_label="USD",
        value_text=price_per_million,
        tick_text=usd_rate,
    )

    assert chart is not None
    [series] = chart.series
    assert series.path.startswith(f"M{FRAME.left:g} ")
    assert series.path.endswith(f"H{FRAME.right:g}")
    assert [marker.text for marker in series.markers] == [
        "OpenRouter, output: $2.08/1M tokens from 2026-01-01",
        "OpenRouter, output: $1.50/1M tokens from 2026-03-01",
    ]
    assert chart.y_axis.ticks[0].label == "$0"


def test_no_step_chart_without_a_known_value_or_without_time():
    unknown = StepLine("A", 0, False, "circle", (Step(date(2026, 1, 1), TODAY, None),))
    today_only = StepLine("A", 0, False, "circle", (Step(TODAY, TODAY, D(1)),))
    arguments = {
        "id": "t",
        "title": "T",
        "description": "D",
        "y_label": "USD",
        "value_text": str,
        "tick_text": str,
    }

    assert step_chart([unknown], **arguments) is None
    assert step_chart([today_only], **arguments) is None


# Scatter charts.


def scatter(data, **options):
    return scatter_chart(
        data,
        id="s",
        title="T",
        description="D",
        x_label="Price",
        y_label="Score",
        x_text=usd_rate,
        y_text=str,
        highlight_label="On the frontier",
        other_label="Other",
        **options,
    )


def test_a_scatter_chart_joins_its_highlighted_points_by_price():
    data = [
        Datum("Cheap", D(1), D(50), "", True),
        Datum("Pricey", D(4), D(80), "", True),
        Datum("Worse", D(3), D(40), "", False),
    ]

    chart = scatter(data)

    cheap, pricey = (next(p for p in chart.points if p.label == n) for n in ("Cheap", "Pricey"))
    assert chart.highlight_path == f"M{cheap.x:g} {cheap.y:g}H{pricey.x:g}V{pricey.y:g}"
    assert pricey.y < cheap.y  # a better score is higher up
    assert chart.points[-1].highlighted  # drawn over the others
    assert "log" not in chart.x_axis.label


def test_a_scatter_chart_over_orders_of_magnitude_has_a_log_axis_that_says_so():
    data = [Datum("A", D("0.05"), D(50), "", True), Datum("B", D(30), D(80), "", True)]

    chart = scatter(data)

    assert chart.x_axis.label == "Price (log scale)"
    assert [tick.label for tick in chart.x_axis.ticks][:2] == ["$0.01", "$0.10"]


def test_no_scatter_chart_without_data():
    assert scatter([]) is None


# Price series from history records.


def record(
    route,
    day,
    input_price,
    output_price,
    *,
    history_id=None,
    effective_on=None,
    provider="OpenRouter",
    history_type="~",
    is_active=True,
    retires_on=None,
    service_mode="",
    context_above=0,
):
    return SimpleNamespace(
        id=route,
        history_id=history_id if history_id is not None else day.toordinal() * 10 + route,
        history_date=datetime(day.year, day.month, day.day, 12, tzinfo=UTC),
        history_type=history_type,
        effective_on=effective_on,
        input_price=None if input_price is None else D(input_price),
        output_price=None if output_price is None else D(output_price),
        is_active=is_active,
        retires_on=retires_on,
        service_mode=service_mode,
        context_above=context_above,
        provider=SimpleNamespace(name=provider),
    )


def prices(periods):
    return [(p.label, p.start, p.end, p.input_price, p.output_price, p.ongoing) for p in periods]


def test_periods_from_records_in_any_order_and_mixed_routes():
    records = [
        record(2, date(2026, 2, 1), "1", "4", provider="Together"),
        record(1, date(2026, 3, 1), "0.2", "1.5"),
        record(1, date(2026, 1, 1), "0.26", "2.08", history_type="+"),
    ]

    assert prices(price_periods(records, TODAY)) == [
        ("OpenRouter", date(2026, 1, 1), date(2026, 3, 1), D("0.26"), D("2.08"), False),
        ("OpenRouter", date(2026, 3, 1), TODAY, D("0.2"), D("1.5"), True),
        ("Together", date(2026, 2, 1), TODAY, D(1), D(4), True),
    ]


def test_a_change_takes_effect_on_the_day_its_source_states():
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 3, 10), "1", "3", effective_on=date(2026, 3, 1)),
    ]

    assert [p.start for p in price_periods(records, TODAY)] == [date(2026, 1, 1), date(2026, 3, 1)]


def test_a_later_record_dated_earlier_rewrites_the_days_after_its_date():
    """A sync learns in March that the price changed in January: what the February record
    said is replaced from January on."""
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 2, 1), "1", "3"),
        record(1, date(2026, 3, 1), "1", "2", effective_on=date(2026, 1, 15)),
    ]

    assert [(p.start, p.output_price) for p in price_periods(records, TODAY)] == [
        (date(2026, 1, 1), D(4)),
        (date(2026, 1, 15), D(2)),
    ]


def test_a_save_that_changed_no_price_is_no_new_period():
    records = [record(1, date(2026, 1, 1), "1", "4"), record(1, date(2026, 2, 1), "1", "4")]

    assert len(price_periods(records, TODAY)) == 1


def test_a_route_ends_at_its_retirement_or_deactivation():
    retired = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 2, 1), "1", "4", retires_on=date(2026, 5, 1)),
    ]
    deactivated = [
        record(2, date(2026, 1, 1), "1", "4", provider="B"),
        record(2, date(2026, 4, 1), "1", "4", provider="B", is_active=False),
    ]

    periods = price_periods([*retired, *deactivated], TODAY)

    assert [(p.label, p.end, p.ongoing) for p in periods] == [
        ("B", date(2026, 4, 1), False),
        ("OpenRouter", date(2026, 5, 1), False),
    ]


def test_a_route_off_for_a_while_leaves_a_gap():
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 2, 1), "1", "4", is_active=False),
        record(1, date(2026, 3, 1), "1", "4"),
    ]

    history = price_history_chart(records, TODAY, subject="M")

    assert [(p.start, p.end) for p in price_periods(records, TODAY)] == [
        (date(2026, 1, 1), date(2026, 2, 1)),
        (date(2026, 3, 1), TODAY),
    ]
    output = next(s for s in history.chart.series if s.label == "OpenRouter, output")
    assert output.path.count("M") == 2


def test_standard_tier_only_unless_asked():
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(2, date(2026, 1, 1), "0.5", "2", service_mode="batch"),
        record(3, date(2026, 1, 1), "2", "8", context_above=200_000),
    ]

    assert [p.label for p in price_periods(records, TODAY)] == ["OpenRouter"]
    assert [p.label for p in price_periods(records, TODAY, standard_only=False)] == [
        "OpenRouter",
        "OpenRouter (batch)",
        "OpenRouter (input over 200k tokens)",
    ]


def test_the_timeline_keeps_a_deleted_route_off():
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 2, 1), "1", "4", history_type="-"),
    ]

    assert route_timeline(records) == [(date(2026, 1, 1), (D(1), D(4))), (date(2026, 2, 1), None)]


def test_an_unknown_price_is_a_gap_in_its_line_not_zero():
    records = [
        record(1, date(2026, 1, 1), "1", "4"),
        record(1, date(2026, 2, 1), "1", None),
        record(1, date(2026, 3, 1), "1", "3"),
    ]

    history = price_history_chart(records, TODAY, subject="M")

    output = next(s for s in history.chart.series if s.label == "OpenRouter, output")
    source = next(s for s in history.chart.series if s.label == "OpenRouter, input")
    assert output.path.count("M") == 2
    assert source.path.count("M") == 1
    assert [row.output_price for row in history.rows] == ["$4/1M tokens", "-", "$3/1M tokens"]
    assert history.rows[-1].end == ONGOING


def test_the_table_mirrors_the_chart():
    records = [
        record(1, date(2026, 1, 1), "0.26", "2.08"),
        record(1, date(2026, 3, 1), "0.2", "1.5"),
        record(2, date(2026, 2, 1), "1", "4", provider="Together"),
    ]

    history = price_history_chart(records, TODAY, subject="M")

    markers = sum(len(series.markers) for series in history.chart.series)
    assert markers == 2 * len(history.rows)  # an input and an output marker a period
    assert [entry.label for entry in history.chart.legend] == [
        "OpenRouter, output",
        "OpenRouter, input",
        "Together, output",
        "Together, input",
    ]
    assert [(e.dashed, e.shape) for e in history.chart.legend[:2]] == [
        (False, "circle"),
        (True, "square"),
    ]


def test_no_chart_without_a_known_price_or_before_today():
    unknown = [record(1, date(2026, 1, 1), None, None)]
    added_today = [record(1, TODAY, "1", "4")]

    assert price_history_chart(unknown, TODAY, subject="M") is None
    assert price_history_chart(added_today, TODAY, subject="M") is None
    assert price_history_chart([], TODAY, subject="M") is None
