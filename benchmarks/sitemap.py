"""How fast, and in how much memory, the sitemap serves a catalog of thousands of models.

    .venv/bin/python benchmarks/sitemap.py                       # SQLite, in a temp folder
    .venv/bin/python benchmarks/sitemap.py --models 1000
    .venv/bin/python benchmarks/sitemap.py --database-url postgres://postgres@127.0.0.1:5432/llm_reference

It creates a throwaway database (a SQLite file in a temporary folder, or, with
--database-url, Django's test database `test_<name>` beside the one named, dropped at the
end: the named database itself is never written), bulk-creates an organization and
--models published, reviewed models (10,000 by default) in families of ten, each with
twelve stored similar models (the ranking's shape: catalog/similar.py), so the pairs
section lists the related pairs (catalog/indexing.py), then serves the sitemap index, the
models section and the first and last pairs pages through Django's test client, with the
site's own settings and middleware (debug off; the page cache off, so that every request
builds its page).

For each it prints the URLs and bytes of the answer, the median wall time of --repeat
requests (5 by default), and the peak memory Python allocated while serving one request
(tracemalloc, measured in a separate request so that tracing does not slow the timed
ones). The process's peak resident size (getrusage) is printed last.
"""

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=int, default=10_000, help="published models to create")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page")
    parser.add_argument(
        "--database-url",
        help="a database server to create the throwaway test_<name> database on "
        "(default: a SQLite file in a temporary folder)",
    )
    return parser.parse_args()


def configure(database_url, folder):
    """The site's settings with debug off, as in production, and a throwaway secret."""
    sys.path.insert(0, str(PROJECT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ["DJANGO_SECRET_KEY"] = "benchmark-only-secret-key-never-used-to-serve-anything"
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_LOG_LEVEL"] = "ERROR"
    os.environ["PAGE_CACHE"] = "0"  # every request builds its page: what a crawler may cost
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{folder / 'unused.sqlite3'}"

    import django

    django.setup()


def create_database(folder):
    """Django's test database: created empty and migrated, dropped by `drop_database`."""
    from django.db import connection

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = str(folder / "benchmark.sqlite3")
    original_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return original_name


def drop_database(original_name):
    from django.db import connection

    connection.creation.destroy_test_db(original_name, verbosity=0)


def serve(client, url):
    """(URLs, bytes) of the answer, read chunk by chunk as a server would send it, so that
    a streamed page is never joined whole here either."""
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    urls = size = 0
    for chunk in response:  # a chunk holds whole <url> elements
        urls += chunk.count(b"<loc>")
        size += len(chunk)
    return urls, size


def measure(client, label, url, repeat):
    urls, size = serve(client, url)  # warm: templates compiled, URLconf loaded
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        serve(client, url)
        seconds.append(time.perf_counter() - started)
    tracemalloc.start()
    tracemalloc.reset_peak()
    serve(client, url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return label, urls, size, statistics.median(seconds), peak / 2**20


SIMILAR_PER_MODEL = 12
FAMILY_SIZE = 10


def relate(similar_per_model, family_size):
    """Families of `family_size` models in slug order, and for each model the next
    `similar_per_model` as its stored similar models."""
    from catalog.models import LanguageModel, ModelFamily, SimilarModel

    pks = list(LanguageModel.objects.order_by("slug").values_list("pk", flat=True))
    families = ModelFamily.objects.bulk_create(
        ModelFamily(name=f"Benchmark family {number}", slug=f"benchmark-family-{number}")
        for number in range(-(-len(pks) // family_size))
    )
    for number, family in enumerate(families):
        members = pks[number * family_size : (number + 1) * family_size]
        LanguageModel.objects.filter(pk__in=members).update(family=family)
    SimilarModel.objects.bulk_create(
        (
            SimilarModel(model_id=pk, similar_id=pks[(index + rank + 1) % len(pks)], rank=rank)
            for index, pk in enumerate(pks)
            for rank in range(min(similar_per_model, len(pks) - 1))
        ),
        batch_size=5_000,
    )


def main():
    arguments = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="sitemap-benchmark-") as name:
        folder = Path(name)
        configure(arguments.database_url, folder)

        from django.db import connection
        from django.test import Client

        from catalog.sitemaps import SITEMAP_LIMIT
        from tests.builders import add_models

        original_name = create_database(folder)
        try:
            started = time.perf_counter()
            add_models(arguments.models, name="Benchmark", reviewed=True, models_only=True)
            relate(SIMILAR_PER_MODEL, FAMILY_SIZE)
            from comparisons.sitemaps import PairSitemap

            pairs = len(PairSitemap().items())
            pages = -(-pairs // SITEMAP_LIMIT)
            print(
                f"{arguments.models:,} published, reviewed models on {connection.vendor} "
                f"({time.perf_counter() - started:.1f} s to create): "
                f"{pairs:,} related pairs, {pages} pairs pages\n"
            )
            targets = [("index", "/sitemap.xml"), ("models", "/sitemap-models.xml")]
            if pages:
                targets.append(("pairs, first", "/sitemap-pairs.xml"))
            if pages > 1:
                targets.append((f"pairs, last ({pages})", f"/sitemap-pairs.xml?p={pages}"))
            client = Client()
            rows = [measure(client, label, url, arguments.repeat) for label, url in targets]
        finally:
            drop_database(original_name)

    print(f"{'page':<20} {'URLs':>7} {'bytes':>11} {'seconds':>8} {'peak MB':>8}")
    for label, urls, size, seconds, peak in rows:
        print(f"{label:<20} {urls:>7,} {size:>11,} {seconds:>8.3f} {peak:>8.1f}")
    # Linux reports ru_maxrss in KiB.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nseconds: median of {arguments.repeat}; peak MB: tracemalloc, one request; "
        f"process peak resident size {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
