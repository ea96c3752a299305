"""How fast the editors' admin answers on an existing catalog, and how many queries it makes.

    .venv/bin/python benchmarks/admin_timings.py --database-url postgres://postgres@127.0.0.1:5432/llmref_scale
    .venv/bin/python benchmarks/admin_timings.py --database-url ... --runs 9

Reads an EXISTING, populated database: it creates no catalog data. To log in it creates a
superuser with a throwaway name, and deletes it (and its session) at the end; every
request is a GET. The site's settings serve the pages, with debug off for the requests
(templates compiled once, as in production) but plain static files storage (the admin's
pages name static files, and a benchmark should not need collectstatic), through Django's
test Client without its test environment (see `configure`).

For each admin page an editor uses (every changelist, a search, the change forms of the
model, provider, organization and route with the most rows below them, a route's price
history, the autocomplete the route form calls, the routes list filtered to the model with
the most routes) it prints the median wall time of --runs requests after a warm-up one,
and the queries and size of the warm-up request.

`admin_timings(client)` does the measuring for any logged-in test Client, e.g. in a test.
"""

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlencode

PROJECT = Path(__file__).resolve().parents[1]


def admin_pages():
    """(label, URL) of the admin pages to time, on the records with the most below them."""
    from django.contrib import admin
    from django.db.models import Count

    from catalog.models import LanguageModel, Organization, Provider, Route

    pages = [
        (f"{model._meta.model_name} changelist", changelist_url(model))
        for model in sorted(admin.site._registry, key=lambda model: model._meta.label)
        if model._meta.app_label in ("catalog", "comparisons")
    ]
    model = (
        LanguageModel.objects.filter(is_published=True)
        .annotate(rows=Count("routes"))
        .order_by("-rows", "pk")
        .first()
    )
    if model is not None:
        word = model.name.split()[-1]
        pages += [
            (
                f"languagemodel changelist ?q={word}",
                f"{changelist_url(LanguageModel)}?{urlencode({'q': word})}",
            ),
            (
                f"languagemodel changelist ?q={model.organization.name}",
                f"{changelist_url(LanguageModel)}?{urlencode({'q': model.organization.name})}",
            ),
            ("languagemodel change form", change_url(model)),
            (
                f"route changelist of that model ({model.rows} routes)",
                f"{changelist_url(Route)}?model={model.pk}",
            ),
            (
                f"autocomplete route.model ?term={word}",
                "/admin/autocomplete/?app_label=catalog&model_name=route&field_name=model&"
                + urlencode({"term": word}),
            ),
        ]
    for label, queryset in [
        ("provider change form", Provider.objects.annotate(rows=Count("routes"))),
        ("organization change form", Organization.objects.annotate(rows=Count("models"))),
    ]:
        record = queryset.order_by("-rows", "pk").first()
        if record is not None:
            pages.append((label, change_url(record)))
    # The route with the longest price history (its records carry the route's id).
    most_changed = (
        Route.history.model.objects.values("id")
        .annotate(rows=Count("history_id"))
        .order_by("-rows", "id")
        .first()
    )
    if most_changed is not None and (route := Route.objects.filter(pk=most_changed["id"]).first()):
        pages += [
            ("route change form", change_url(route)),
            ("route history", change_url(route).replace("/change/", "/history/")),
        ]
    pages += review_pages()
    pages.append(
        (
            "autocomplete route.provider ?term=a",
            "/admin/autocomplete/?app_label=catalog&model_name=route&field_name=provider&term=a",
        )
    )
    return pages


def review_pages():
    """The review queue (with each filter), the review page of the model first in it, and
    the page of the sync run with the most open proposals."""
    from django.db.models import Count

    from catalog.sync.models import ProposedChange, SyncRun
    from comparisons.models import ModelToReview
    from comparisons.review_queue import queue

    queue_url = changelist_url(ModelToReview)
    pages = [
        ("review queue", queue_url),
        ("review queue, sources differ", f"{queue_url}?sources=differ"),
        ("review queue, new since the last sync", f"{queue_url}?new=since-sync"),
        ("review queue, price changed by over 10%", f"{queue_url}?price_changed=10"),
        ("review queue, review due", f"{queue_url}?review=due"),
    ]
    first = queue().first()
    if first is not None:
        pages.append((f"review page ({first.name})", change_url(ModelToReview(pk=first.pk))))
    busiest = (
        ProposedChange.objects.filter(status="open", last_seen_run__isnull=False)
        .values("last_seen_run")
        .annotate(count=Count("pk"))
        .order_by("-count")
        .first()
    )
    if busiest is not None:
        run = SyncRun.objects.get(pk=busiest["last_seen_run"])
        pages.append((f"sync run page ({busiest['count']} open proposals)", change_url(run)))
    return pages


def make_proposals(count):
    """`count` proposals of a new sync run, each a price change of one route (the largest
    catalogs' routes first), as a sync of a moved snapshot would leave on reviewed routes:
    for the run page's timing, inside the benchmark's transaction (rolled back)."""
    from decimal import Decimal

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from catalog.models import Route
    from catalog.sync.models import ProposedChange, SyncRun

    now = timezone.now()
    run = SyncRun.objects.create(
        source="modelsdev",
        location="benchmark",
        status=SyncRun.Status.SUCCEEDED,
        started_at=now,
        finished_at=now,
    )
    route_type = ContentType.objects.get_for_model(Route)
    routes = Route.objects.filter(output_price__gt=0).order_by("model_id", "pk")[:count]
    ProposedChange.objects.bulk_create(
        ProposedChange(
            content_type=route_type,
            object_id=route.pk,
            field="output_price",
            kind=ProposedChange.Kind.PRICE,
            ours=str(route.output_price),
            theirs=str(route.output_price * Decimal(1 + (index % 7) / 10)),
            change_percent=Decimal(index % 7 * 10),
            source="modelsdev",
            model_id=route.model_id,
            first_seen_run=run,
            last_seen_run=run,
        )
        for index, route in enumerate(routes)
    )


def changelist_url(model):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/"


def change_url(record):
    return f"{changelist_url(type(record))}{record.pk}/change/"


def admin_timings(client, runs=5, pages=None):
    """(label, median ms, queries, KB) of each admin page, for a logged-in Django test Client.

    Each page is fetched once to warm up and count its queries, then `runs` times to time.
    `pages` is a list of (label, URL); by default, `admin_pages()` on the current database.
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    results = []
    for label, url in pages or admin_pages():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        count = len(queries)  # now: the next request empties the query log
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        results.append((label, statistics.median(timings), count, len(response.content) / 1024))
    return results


def configure(database_url):
    """The site's settings on `database_url`, with debug off for the requests."""
    sys.path.insert(0, str(PROJECT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    # Debug on only while the settings load (plain static storage, no SSL redirect, no
    # secret needed); off below before any request, so templates are compiled once and
    # cached as in production. Django's test environment is not set up: it instruments
    # every template render for the test client, which costs as much as the rendering
    # itself on a page of many form widgets.
    os.environ["DJANGO_DEBUG"] = "1"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_LOG_LEVEL"] = "ERROR"
    os.environ["DATABASE_URL"] = database_url

    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="an existing, populated database")
    parser.add_argument("--runs", type=int, default=5, help="timed requests per page")
    parser.add_argument(
        "--proposals",
        type=int,
        default=0,
        help="first make this many price proposals of a new sync run (rolled back at the end)",
    )
    arguments = parser.parse_args()
    configure(arguments.database_url)

    from django.contrib.auth import get_user_model
    from django.db import connection, transaction
    from django.test import Client

    from catalog.models import LanguageModel, Route

    # Everything it writes (its user, its session, the proposals asked for) is rolled back.
    with transaction.atomic():
        if arguments.proposals:
            make_proposals(arguments.proposals)
        user = get_user_model().objects.create_superuser(
            f"admin-timings-{uuid.uuid4().hex[:12]}", password=None
        )
        client = Client()
        client.force_login(user)
        rows = admin_timings(client, runs=arguments.runs)
        transaction.set_rollback(True)

    print(
        f"{connection.vendor}: {LanguageModel.objects.count():,} models, "
        f"{Route.objects.count():,} routes; median of {arguments.runs} runs"
    )
    width = max(len(row[0]) for row in rows)
    print(f"{'page':<{width}} {'median ms':>10} {'queries':>8} {'KB':>7}")
    for label, milliseconds, queries, size in rows:
        print(f"{label:<{width}} {milliseconds:>10.1f} {queries:>8} {size:>7.0f}")


if __name__ == "__main__":
    main()
