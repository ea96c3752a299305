"""Prices over time, from routes' history records: the periods each route kept one input
and output price, and the price-history chart (a step chart and its table) drawn from them.

Pure: the records are django-simple-history's rows as `Route.objects.filter(...)
.history_records()` reads them (any order, several routes mixed, `provider` loaded), or
any objects with the same attributes.

    {% with chart=page.price_chart %}{% include "includes/price_history_chart.html" %}{% endwith %}

draws a `PriceHistoryChart` (nothing for None): the SVG step chart and a table of the same
periods. A page builds it with `price_history_chart(records, today, subject=…)`.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from catalog.formatting import iso_day, plural, price_per_million, route_label, tier_name, usd_rate
from presentation.charts import TONES, Chart, Step, StepLine, step_chart

# How a period that has not ended reads in the table.
ONGOING = "now"


@dataclass(frozen=True)
class PricePeriod:
    """One route at one pair of prices, from `start` until `end` (the day the next price,
    its deactivation or retirement took effect; `today` while `ongoing`)."""

    route_id: int
    label: str
    start: date
    end: date
    ongoing: bool
    input_price: Decimal | None
    output_price: Decimal | None


@dataclass(frozen=True)
class PeriodRow:
    route: str
    start: str
    end: str
    input_price: str
    output_price: str


@dataclass(frozen=True)
class PriceHistoryChart:
    chart: Chart
    rows: list[PeriodRow]  # the same periods as a table, by route then date
    caption: str


def effective_day(record: Any) -> date:
    """The day a record's prices took effect: its `effective_on` when a sync's source dated
    the change, else the day it was recorded (in the site's time zone)."""
    stated = getattr(record, "effective_on", None)
    return stated or timezone.localdate(record.history_date)


def is_standard(record: Any) -> bool:
    return not record.service_mode and not record.context_above


# One state of a route: (input, output) while offered, None while not (deactivated, deleted).
type State = tuple[Decimal | None, Decimal | None] | None


def route_timeline(records: list[Any]) -> list[tuple[date, State]]:
    """A route's states from the day each took effect, oldest first. A record rewrites the
    timeline from its day on: a later record dated earlier (a source that states when a
    price took effect) replaces what earlier records said for those days."""
    timeline: list[tuple[date, State]] = []
    for record in records:
        day = effective_day(record)
        offered = record.history_type != "-" and record.is_active
        state: State = (record.input_price, record.output_price) if offered else None
        timeline = [entry for entry in timeline if entry[0] < day]
        if not timeline or timeline[-1][1] != state:
            timeline.append((day, state))
    return timeline


def route_periods(records: list[Any], today: date, label: str) -> list[PricePeriod]:
    """The priced periods of one route (its records oldest first), up to today or its
    retirement; consecutive saves with the same prices make one period."""
    latest = records[-1]
    end = today
    if latest.retires_on is not None and latest.retires_on <= today:
        end = latest.retires_on
    timeline = route_timeline(records)
    periods = []
    for index, (start, state) in enumerate(timeline):
        if state is None or start >= end and not (start == end == today):
            continue
        following = timeline[index + 1][0] if index + 1 < len(timeline) else None
        stop = min(following, end) if following is not None else end
        periods.append(
            PricePeriod(
                route_id=latest.id,
                label=label,
                start=start,
                end=stop,
                ongoing=following is None and stop == today,
                input_price=state[0],
                output_price=state[1],
            )
        )
    return periods


def records_by_route(records: Iterable[Any]) -> list[list[Any]]:
    """History records (any order, several routes mixed) grouped per route, each group
    oldest first: the last record of a group is the route as it now is."""
    by_route: dict[int, list[Any]] = defaultdict(list)
    for record in records:
        by_route[record.id].append(record)
    for route_records in by_route.values():
        route_records.sort(key=lambda record: (record.history_date, record.history_id))
    return list(by_route.values())


def provider_label(record: Any) -> str:
    """A route named by its provider, and its tier when it is not the standard one."""
    return route_label(record.provider.name, tier_name(record.service_mode, record.context_above))


def price_periods(
    records: Iterable[Any],
    today: date,
    *,
    standard_only: bool = True,
    label: Callable[[Any], str] = provider_label,
) -> list[PricePeriod]:
    """Every route's priced periods, by route label then date. Standard tier only (no
    service mode, no context tier, as the route now is) unless `standard_only` is False.
    `label(record)` names a route from its latest record (by default its provider)."""
    periods = []
    for route_records in records_by_route(records):
        latest = route_records[-1]
        if standard_only and not is_standard(latest):
            continue
        periods.extend(route_periods(route_records, today, label(latest)))
    periods.sort(key=lambda period: (period.label, period.route_id, period.start))
    return periods


def period_rows(periods: list[PricePeriod]) -> list[PeriodRow]:
    return [
        PeriodRow(
            route=period.label,
            start=period.start.isoformat(),
            end=ONGOING if period.ongoing else iso_day(period.end),
            input_price=price_per_million(period.input_price),
            output_price=price_per_million(period.output_price),
        )
        for period in periods
    ]


def step_lines(periods: list[PricePeriod]) -> list[StepLine]:
    """Two lines a route, in one colour: output solid with round markers, input dashed with
    square ones. A gap between two periods (the route off for a while) breaks the line."""
    by_route: dict[int, list[PricePeriod]] = defaultdict(list)
    for period in periods:
        by_route[period.route_id].append(period)
    lines = []
    for tone, route_periods_ in enumerate(by_route.values()):
        label = route_periods_[0].label
        for kind, dashed, shape in (("output", False, "circle"), ("input", True, "square")):
            steps: list[Step] = []
            for period in route_periods_:
                if steps and steps[-1].end < period.start:
                    steps.append(Step(steps[-1].end, period.start, None))
                steps.append(Step(period.start, period.end, getattr(period, f"{kind}_price")))
            if any(step.value is not None for step in steps):
                lines.append(
                    StepLine(f"{label}, {kind}", tone % TONES, dashed, shape, tuple(steps))
                )
    return lines


def price_history_chart(
    records: Iterable[Any],
    today: date,
    *,
    subject: str,
    id: str = "price-history",
    standard_only: bool = True,
    label: Callable[[Any], str] = provider_label,
) -> PriceHistoryChart | None:
    """The price-history chart of the routes whose history `records` are (see the module
    docstring), for the page of `subject` ("GPT-5", "GPT-5 on OpenRouter"): input and
    output price per 1M tokens over time, one colour per route, a step where a price
    changed (on the day the source says it took effect, else the day it was recorded),
    up to `today` or the route's retirement or deactivation. An unknown price is a gap in
    its line, never 0.

    `id` prefixes the SVG's element ids (one chart per id on a page); `standard_only` and
    `label` as for `price_periods` (pass e.g. `lambda r: f"{names[r.model_id]} on
    {r.provider.name}"` when the records span several models). None when there is nothing
    to draw: no known price, or no day between the first price and today."""
    periods = price_periods(records, today, standard_only=standard_only, label=label)
    lines = step_lines(periods)
    routes = len({period.route_id for period in periods})
    if not lines:
        return None
    start = min(period.start for period in periods)
    end = max(period.end for period in periods)
    chart = step_chart(
        lines,
        id=id,
        title=f"Price history of {subject}",
        description=(
            f"Output (solid lines) and input (dashed lines) prices in USD per 1M tokens of "
            f"{plural(routes, 'route')}, from {start.isoformat()} to {end.isoformat()}. "
            "The table beside the chart lists the same prices."
        ),
        y_label="USD per 1M tokens",
        value_text=price_per_million,
        tick_text=usd_rate,
    )
    if chart is None:
        return None
    return PriceHistoryChart(
        chart=chart,
        rows=period_rows(periods),
        caption=f"Prices of {subject} over time, per route (USD per 1M tokens)",
    )
