"""Chart geometry for server-rendered SVG: axes with nice ticks, step lines, scatter points.

Pure: plain values in, frozen dataclasses out, in the coordinates of a fixed viewBox
(`WIDTH` x `HEIGHT`; the SVG scales to its container's width). No markup here: the
templates `includes/step_chart.html` and `includes/scatter_chart.html` draw a `Chart`,
and CSS classes (`chart-tone-<n>`, `dashed`) give the series their colours and dashes.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

WIDTH = 720
HEIGHT = 360
# The text size the stylesheet gives chart labels (viewBox units), for placing them.
FONT_SIZE = 12
# The plot area inside the viewBox: room for tick labels on the left and below.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 72, 24, 16, 56
# Series colours: the CSS classes chart-tone-0 … chart-tone-7 (light and dark palettes).
TONES = 8
# Around this many ticks on an axis.
TICK_TARGET = 6


@dataclass(frozen=True)
class Frame:
    """The plot area, in viewBox coordinates."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def center_x(self) -> float:
        return (self.left + self.right) / 2

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2


FRAME = Frame(MARGIN_LEFT, MARGIN_TOP, WIDTH - MARGIN_RIGHT, HEIGHT - MARGIN_BOTTOM)


@dataclass(frozen=True)
class Tick:
    at: float  # the coordinate along its axis (x for the x axis, y for the y axis)
    label: str


@dataclass(frozen=True)
class Axis:
    label: str  # what the axis measures, with its unit and scale ("log scale")
    ticks: tuple[Tick, ...]


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    text: str  # what the point is, for its <title> (a tooltip)


@dataclass(frozen=True)
class Series:
    label: str
    tone: int  # the colour: CSS class chart-tone-<tone>
    dashed: bool
    shape: str  # the markers' shape: "circle" or "square"
    path: str  # SVG path data of the line; "" for none
    markers: tuple[Marker, ...]


@dataclass(frozen=True)
class Point:
    """A scatter point; `highlighted` ones are drawn filled and labelled."""

    x: float
    y: float
    label: str
    text: str
    highlighted: bool
    # Where a highlighted point's label goes, from the point: text-anchor and offsets.
    label_anchor: str = "start"
    label_dx: float = 0
    label_dy: float = 0


@dataclass(frozen=True)
class LegendEntry:
    label: str
    tone: int
    dashed: bool
    shape: str  # "circle", "square", "ring" (an unfilled circle) or "" for a line alone
    line: bool = True


@dataclass(frozen=True)
class Chart:
    """Everything a template needs to draw one chart. `id` prefixes the SVG's element ids
    (its <title> and <desc>), so two charts on a page do not clash."""

    id: str
    title: str
    description: str
    x_axis: Axis
    y_axis: Axis
    series: tuple[Series, ...] = ()
    points: tuple[Point, ...] = ()
    highlight_path: str = ""  # the line joining the highlighted points (a frontier)
    legend: tuple[LegendEntry, ...] = ()
    width: int = WIDTH
    height: int = HEIGHT
    frame: Frame = FRAME

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    # Where the templates put the labels, around the plot area.
    @property
    def y_tick_label_x(self) -> float:
        return self.frame.left - 8

    @property
    def x_tick_label_y(self) -> float:
        return self.frame.bottom + 20

    @property
    def x_label_y(self) -> float:
        return self.height - 10

    @property
    def y_label_x(self) -> float:
        return 16


# Scales: a value to a coordinate.


@dataclass(frozen=True)
class Scale:
    """Maps [low, high] (a linear or log domain) onto [start, end] coordinates."""

    low: float
    high: float
    start: float
    end: float
    log: bool = False

    def __call__(self, value: float) -> float:
        low, high, value = (
            (math.log10(v) for v in (self.low, self.high, value))
            if self.log
            else (self.low, self.high, value)
        )
        share = (value - low) / (high - low) if high != low else 0.5
        return round(self.start + share * (self.end - self.start), 1)


def nice_step(span: Decimal, target: int = TICK_TARGET) -> Decimal:
    """The tick interval for a span: 1, 2, 2.5 or 5 times a power of ten, giving at most
    about `target` intervals (span 10 → 2; span 0.9 → 0.2; span 1400 → 250)."""
    if span <= 0:
        return Decimal(1)
    raw = span / target
    magnitude = Decimal(10) ** math.floor(math.log10(raw))
    for multiple in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)):
        if multiple * magnitude >= raw:
            return multiple * magnitude
    return 10 * magnitude


def nice_domain(
    low: Decimal, high: Decimal, *, from_zero: bool
) -> tuple[Decimal, Decimal, Decimal]:
    """(low, high, step) around the values on tick boundaries; from 0 when asked (prices)."""
    if from_zero:
        low = min(low, Decimal(0))
    if high == low:  # one value: a domain around it
        padding = abs(high) / 10 or Decimal(1)
        low, high = (low if from_zero else low - padding), high + padding
    step = nice_step(high - low)
    return (
        (low / step).to_integral_value(ROUND_FLOOR) * step,
        (high / step).to_integral_value(ROUND_CEILING) * step,
        step,
    )


def linear_ticks(
    low: Decimal, high: Decimal, step: Decimal, scale: Scale, text: Callable[[Decimal], str]
) -> tuple[Tick, ...]:
    count = int((high - low) / step)
    return tuple(
        Tick(scale(float(low + step * index)), text((low + step * index).normalize()))
        for index in range(count + 1)
    )


def log_ticks(
    low: float, high: float, scale: Scale, text: Callable[[Decimal], str]
) -> tuple[Tick, ...]:
    """Powers of ten between low and high (which are powers of ten); with 2 and 5 between
    them when the axis spans two decades or fewer."""
    first, last = round(math.log10(low)), round(math.log10(high))
    multiples = (1, 2, 5) if last - first <= 2 else (1,)
    values = [
        Decimal(multiple).scaleb(power)
        for power in range(first, last + 1)
        for multiple in multiples
        if Decimal(multiple).scaleb(power) <= Decimal(high).scaleb(0)
    ]
    return tuple(Tick(scale(float(value)), text(value.normalize())) for value in values)


def log_domain(low: Decimal, high: Decimal) -> tuple[float, float]:
    """The decades around [low, high] (both > 0): 0.07…12 → 0.01…100."""
    return 10.0 ** math.floor(math.log10(low)), 10.0 ** math.ceil(math.log10(high))


def spans_orders_of_magnitude(values: Sequence[Decimal], ratio: int = 30) -> bool:
    """Whether a log scale reads better: every value above 0 and the largest at least
    `ratio` times the smallest."""
    return bool(values) and min(values) > 0 and max(values) >= min(values) * ratio


# Time axes.

# Tick intervals a time axis may use, shortest first: (days, months) per tick.
TIME_STEPS = (
    (1, 0),
    (2, 0),
    (7, 0),
    (14, 0),
    (0, 1),
    (0, 2),
    (0, 3),
    (0, 6),
    (0, 12),
    (0, 24),
    (0, 60),
)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def time_tick_days(start: date, end: date, target: int = TICK_TARGET) -> tuple[list[date], str]:
    """Tick days in [start, end], on round days (a week's start, a month's first day, a
    January first), at most about `target` of them, and how their labels read ("day",
    "month", "year")."""
    span = (end - start).days
    for days, months in TIME_STEPS:
        if days and span / days <= target:
            first = start if days < 7 else start + timedelta(days=-start.weekday() % 7)
            ticks = [first + timedelta(days=days * n) for n in range(span // days + 2)]
            return [tick for tick in ticks if tick <= end], "day"
        if months and span / (30.4 * months) <= target:
            first = start if start.day == 1 else add_months(start, 1)
            # On round months: quarters start in January, April…; years in January.
            while (first.year * 12 + first.month - 1) % months:
                first = add_months(first, 1)
            ticks = []
            while first <= end:
                ticks.append(first)
                first = add_months(first, months)
            return ticks, "year" if months >= 12 else "month"
    return [start, end], "day"


TIME_LABELS = {
    "day": lambda day: day.isoformat(),
    "month": lambda day: day.strftime("%Y-%m"),
    "year": lambda day: str(day.year),
}


def time_ticks(start: date, end: date, scale: Scale) -> tuple[Tick, ...]:
    days, kind = time_tick_days(start, end)
    label = TIME_LABELS[kind]
    return tuple(Tick(scale(float(day.toordinal())), label(day)) for day in days)


def number(value: float) -> str:
    """A coordinate as path data writes it: 120, 64.5."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


# Step charts: values over time.


@dataclass(frozen=True)
class Step:
    """`value` from `start` until `end` (the next change); None: unknown (a gap)."""

    start: date
    end: date
    value: Decimal | None


@dataclass(frozen=True)
class StepLine:
    label: str
    tone: int
    dashed: bool
    shape: str
    steps: tuple[Step, ...]  # in time order


def step_path(steps: Sequence[tuple[float, float, float | None]]) -> str:
    """SVG path data for steps (x0, x1, y): horizontal runs joined by vertical risers; an
    unknown y (None) lifts the pen, so the line breaks instead of dropping to 0."""
    parts: list[str] = []
    pen: tuple[float, float] | None = None
    for x0, x1, y in steps:
        if y is None:
            pen = None
            continue
        if pen is not None and pen[0] == x0:
            if pen[1] != y:
                parts.append(f"V{number(y)}")
        else:
            parts.append(f"M{number(x0)} {number(y)}")
        parts.append(f"H{number(x1)}")
        pen = (x1, y)
    return "".join(parts)


def step_chart(
    lines: Sequence[StepLine],
    *,
    id: str,
    title: str,
    description: str,
    y_label: str,
    value_text: Callable[[Decimal], str],
    tick_text: Callable[[Decimal], str],
) -> Chart | None:
    """Lines of steps over time on a shared time axis and a value axis from 0; a marker
    where each known value starts. None when there is no known value, or no time between
    the first step's start and the last step's end (nothing to draw)."""
    known = [step for line in lines for step in line.steps if step.value is not None]
    if not known:
        return None
    start = min(step.start for line in lines for step in line.steps)
    end = max(step.end for line in lines for step in line.steps)
    if end <= start:
        return None
    values = [step.value for step in known if step.value is not None]
    low, high, tick_step = nice_domain(min(values), max(values), from_zero=True)
    x = Scale(start.toordinal(), end.toordinal(), FRAME.left, FRAME.right)
    y = Scale(float(low), float(high), FRAME.bottom, FRAME.top)
    series = []
    for line in lines:
        coordinates = [
            (
                x(step.start.toordinal()),
                x(step.end.toordinal()),
                None if step.value is None else y(float(step.value)),
            )
            for step in line.steps
        ]
        markers = tuple(
            Marker(x0, y0, f"{line.label}: {value_text(step.value)} from {step.start.isoformat()}")
            for (x0, _, y0), step in zip(coordinates, line.steps, strict=True)
            if y0 is not None and step.value is not None
        )
        series.append(
            Series(line.label, line.tone, line.dashed, line.shape, step_path(coordinates), markers)
        )
    return Chart(
        id=id,
        title=title,
        description=description,
        x_axis=Axis("Date", time_ticks(start, end, x)),
        y_axis=Axis(y_label, linear_ticks(low, high, tick_step, y, tick_text)),
        series=tuple(series),
        legend=tuple(LegendEntry(line.label, line.tone, line.dashed, line.shape) for line in lines),
    )


# Scatter charts: one point per item, some highlighted and joined.


@dataclass(frozen=True)
class Datum:
    label: str
    x: Decimal
    y: Decimal
    text: str  # the point's tooltip: "GPT-5: $3.44, 74.9%"
    highlighted: bool


def scatter_chart(
    data: Sequence[Datum],
    *,
    id: str,
    title: str,
    description: str,
    x_label: str,
    y_label: str,
    x_text: Callable[[Decimal], str],
    y_text: Callable[[Decimal], str],
    highlight_label: str,
    other_label: str,
    log_x: bool | None = None,
) -> Chart | None:
    """Points at (x, y); the highlighted ones filled, labelled, and joined in x order by a
    step line (across, then up or down to the next). The x axis is logarithmic when
    `log_x` says so, or (None) when the x values span orders of magnitude; its label then
    says "log scale". None without data."""
    if not data:
        return None
    xs = [datum.x for datum in data]
    ys = [datum.y for datum in data]
    log = spans_orders_of_magnitude(xs) if log_x is None else log_x and min(xs) > 0
    if log:
        x_low, x_high = log_domain(min(xs), max(xs))
        x = Scale(x_low, x_high, FRAME.left, FRAME.right, log=True)
        x_axis = Axis(f"{x_label} (log scale)", log_ticks(x_low, x_high, x, x_text))
    else:
        low, high, step = nice_domain(min(xs), max(xs), from_zero=True)
        x = Scale(float(low), float(high), FRAME.left, FRAME.right)
        x_axis = Axis(x_label, linear_ticks(low, high, step, x, x_text))
    y_low, y_high, y_step = nice_domain(min(ys), max(ys), from_zero=False)
    y = Scale(float(y_low), float(y_high), FRAME.bottom, FRAME.top)
    plain = [
        Point(x(float(datum.x)), y(float(datum.y)), datum.label, datum.text, datum.highlighted)
        for datum in data
    ]
    joined = sorted((point for point in plain if point.highlighted), key=lambda p: (p.x, -p.y))
    path = ""
    for index, point in enumerate(joined):
        if index == 0:
            path = f"M{number(point.x)} {number(point.y)}"
        else:
            path += f"H{number(point.x)}V{number(point.y)}"
    # Highlighted points drawn last, over the others, with their labels.
    points = (
        *(point for point in plain if not point.highlighted),
        *place_labels(joined),
    )
    return Chart(
        id=id,
        title=title,
        description=description,
        x_axis=x_axis,
        y_axis=Axis(y_label, linear_ticks(y_low, y_high, y_step, y, y_text)),
        points=points,
        highlight_path=path,
        legend=(
            LegendEntry(highlight_label, 0, False, "circle"),
            LegendEntry(other_label, 0, False, "ring", line=False),
        ),
    )


# Labels beside highlighted points, placed where they overlap nothing drawn before.

type Box = tuple[float, float, float, float]  # left, top, right, bottom

# (text-anchor, dx, dy) from a point: up-left first (a frontier rises from the left and
# leaves to the right, so that corner is usually free), then down-right, up-right,
# down-left.
LABEL_PLACES = (("end", -8, -8), ("start", 8, 16), ("start", 8, -8), ("end", -8, 16))


def label_box(point: Point, anchor: str, dx: float, dy: float) -> Box:
    """The box a label's text covers, estimated at 0.6 em a character."""
    width = len(point.label) * FONT_SIZE * 0.6
    left = point.x + dx - (width if anchor == "end" else 0)
    baseline = point.y + dy
    return left, baseline - FONT_SIZE * 0.8, left + width, baseline + FONT_SIZE * 0.25


def overlap(a: Box, b: Box) -> float:
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    return width * height if width > 0 and height > 0 else 0.0


def step_boxes(points: Sequence[Point]) -> list[Box]:
    """The boxes of the step line through `points` (in x order) and of their markers."""
    boxes = [(p.x - 6, p.y - 6, p.x + 6, p.y + 6) for p in points]
    for a, b in zip(points, points[1:], strict=False):
        boxes.append((a.x, a.y - 2, b.x, a.y + 2))
        boxes.append((b.x - 2, min(a.y, b.y), b.x + 2, max(a.y, b.y)))
    return boxes


def place_labels(points: Sequence[Point]) -> list[Point]:
    """`points` (highlighted, in x order) with their labels placed: the first place of
    LABEL_PLACES that stays inside the chart and overlaps no marker, no step of the line
    and no label placed before; else the place that overlaps least."""
    taken = step_boxes(points)
    placed = []
    for point in points:

        def cost(place: tuple[str, int, int], point: Point = point) -> float:
            box = label_box(point, *place)
            outside = box[0] < FRAME.left or box[2] > WIDTH or box[1] < 0 or box[3] > FRAME.bottom
            return sum(overlap(box, other) for other in taken) + (10_000 if outside else 0)

        anchor, dx, dy = min(LABEL_PLACES, key=cost)
        taken.append(label_box(point, anchor, dx, dy))
        placed.append(replace(point, label_anchor=anchor, label_dx=dx, label_dy=dy))
    return placed
