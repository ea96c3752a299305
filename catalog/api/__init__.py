"""The open data: a read-only JSON API (`/api/v1/`, with its OpenAPI document) and CSV
downloads of the same records, all of published models and what hangs off them.

- `schemas.py`: what each record and page of records looks like (django-ninja Schemas,
  which the OpenAPI document is written from).
- `records.py`: pure functions from loaded rows to plain records (and CSV rows).
- `queries.py`: the one queryset each resource reads, and the slug filters.
- `pagination.py`: page-number pages of any sequence, with their links.
- `endpoints.py`: the NinjaAPI and its operations (thin: parse, read, answer).
- `csv_downloads.py`: the same records as streamed CSV files.
"""
