"""The API's records as CSV files (`/api/v1/models.csv`…): a header row, then every
record, streamed row by row (the rows are read in chunks, never all at once), UTF-8.

Nested values are flattened into columns (`organization_slug`, `capability_vision`), a
list into one cell of space-separated slugs; None is an empty cell.

Formula injection (OWASP's "CSV Injection"): a spreadsheet runs a cell that begins with
=, +, -, @, a tab or a carriage return as a formula. Such a cell gets a leading
apostrophe, which spreadsheets show as text; numbers (-1.5) are left as they are.
"""

import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse

from catalog.api import queries, records
from catalog.models import ROUTE_PLACE

# Rows read per query (and per prefetch) while a file streams.
CHUNK_SIZE = 2000

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return " ".join(cell_text(item) for item in value)
    return str(value)


def safe_cell(value: Any) -> str:
    """A cell's text, with a leading apostrophe when a spreadsheet would read it as a
    formula."""
    text = cell_text(value)
    if text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text):
        return f"'{text}"
    return text


def pick(record: records.Record, path: str) -> Any:
    """The value at a dotted `path` ("family.slug") of a record; None past a None."""
    value: Any = record
    for key in path.split("."):
        if value is None:
            return None
        value = value[key]
    return value


def header(path: str) -> str:
    """ "family.slug" → "family_slug"; "capabilities.vision" → "capability_vision"."""
    return path.replace("capabilities.", "capability_").replace(".", "_")


def csv_rows(columns: list[str], items: Iterable[records.Record]) -> Iterator[list[str]]:
    yield [header(column) for column in columns]
    for record in items:
        yield [safe_cell(pick(record, column)) for column in columns]


class Echo:
    """A file-like object for csv.writer that hands back each line instead of keeping it."""

    def write(self, line: str) -> str:
        return line


def csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(Echo())
    for row in rows:
        yield writer.writerow(row)


CURATED = ["source_url", "reviewed_at"]
OFFERS = ("list_price", "cheapest_price")
OFFER_FIELDS = ("provider", "input_price", "output_price")


def model_rows(origin: str) -> Iterator[list[str]]:
    slugs, links = queries.capability_slugs(), records.page_links(origin)
    columns = [
        "slug",
        "name",
        "organization.slug",
        "organization.name",
        "family.slug",
        "family.name",
        "released_on",
        "context_window",
        "max_output_tokens",
        "parameters_total",
        "parameters_active",
        "openness",
        "license",
        "license_osi_approved",
        "knowledge_cutoff",
        *(f"capabilities.{slug}" for slug in slugs),
        *(f"{offer}.{field}" for offer in OFFERS for field in OFFER_FIELDS),
        "is_deprecated",
        "retires_on",
        "url",
        *CURATED,
    ]
    models = queries.models().iterator(chunk_size=CHUNK_SIZE)
    yield from csv_rows(columns, (records.model_record(model, slugs, links) for model in models))


def listed_rows(columns: list[str], read, build) -> Callable[[str], Iterator[list[str]]]:
    """The rows of a file of `columns`: the records of `read()` (a queryset) made by
    `build(item, links)`, read a chunk at a time."""

    def rows(origin: str) -> Iterator[list[str]]:
        links = records.page_links(origin)
        items = read().iterator(chunk_size=CHUNK_SIZE)
        yield from csv_rows(columns, (build(item, links) for item in items))

    return rows


PRICES = ["input_price", "output_price", "cached_input_price", "cache_write_price"]
ROUTE_IDENTITY = ["model", "provider", "service_mode", "context_above"]
SERVED_AS = list(ROUTE_PLACE[2:])  # region, quantization, TEE…: how the provider serves it
PRICE_CHANGE_COLUMNS = [
    "route",
    *ROUTE_IDENTITY,
    "field",
    "old",
    "new",
    "changed_at",
    "effective_on",
    "changed_by",
    "source_url",
]


def price_history_rows(origin: str) -> Iterator[list[str]]:
    """Newest first, as the API lists them: the changes are ordered once all are read."""
    identities, history = queries.price_history()
    changes = records.price_change_records(history.iterator(chunk_size=CHUNK_SIZE), identities)
    yield from csv_rows(PRICE_CHANGE_COLUMNS, changes)


provider_rows = listed_rows(
    ["slug", "name", "kind", "lab", "website", "url", *CURATED],
    queries.providers,
    records.provider_record,
)
route_rows = listed_rows(
    [
        "id",
        *ROUTE_IDENTITY,
        "provider_model_id",
        "context_window",
        "max_output_tokens",
        *SERVED_AS,
        "pricing_kind",
        *PRICES,
        "is_active",
        "is_deprecated",
        "retires_on",
        "url",
        *CURATED,
    ],
    queries.routes,
    records.route_record,
)
benchmark_rows = listed_rows(
    ["slug", "name", "category", "unit", "higher_is_better", "description", "url", *CURATED],
    queries.benchmarks,
    records.benchmark_record,
)
score_rows = listed_rows(
    [
        "benchmark",
        "model",
        "value",
        "unit",
        "higher_is_better",
        "metric",
        "harness",
        "variant",
        "dataset",
        "benchmark_version",
        "claim",
        "measured_by",
        "measured_on",
        *CURATED,
    ],
    queries.scores,
    lambda score, links: records.score_record(score),
)
family_rows = listed_rows(
    [
        "slug",
        "name",
        "organization.slug",
        "organization.name",
        "description",
        "members",
        "url",
        *CURATED,
    ],
    queries.families,
    records.family_record,
)


@dataclass(frozen=True)
class Download:
    filename: str
    summary: str
    rows: Callable[[str], Iterator[list[str]]]


# By URL name (`api-v1:<name>_csv`).
DOWNLOADS = {
    "models": Download("models.csv", "Published models", model_rows),
    "providers": Download("providers.csv", "Providers", provider_rows),
    "routes": Download("routes.csv", "Routes and their prices", route_rows),
    "price_history": Download("price-history.csv", "Price changes", price_history_rows),
    "benchmarks": Download("benchmarks.csv", "Benchmarks", benchmark_rows),
    "scores": Download("scores.csv", "Benchmark scores", score_rows),
    "families": Download("families.csv", "Model families", family_rows),
}

CSV_RESPONSE = {
    "responses": {
        200: {
            "description": "A CSV file: a header row, then one row per record.",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        }
    }
}


def download_view(download: Download) -> Callable[[HttpRequest], StreamingHttpResponse]:
    def view(request: HttpRequest) -> StreamingHttpResponse:
        origin = f"{request.scheme}://{request.get_host()}"
        response = StreamingHttpResponse(
            csv_lines(download.rows(origin)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{download.filename}"'
        return response

    return view


def add_to(api) -> None:
    """Each download as a GET operation of `api`, at /<filename>."""
    for name, download in DOWNLOADS.items():
        api.get(
            f"/{download.filename}",
            url_name=f"{name}_csv",
            operation_id=f"{name}_csv",
            summary=f"{download.summary}, as CSV",
            tags=["csv"],
            openapi_extra=CSV_RESPONSE,
        )(download_view(download))
