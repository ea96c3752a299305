"""Crawl every public page type of the catalog in DATABASE_URL, in-process (Django's test
client): the lists, every published model's page, every listed provider's page, a sample of
pair pages, and the sitemaps. Prints the count of each status per page type and the first
failures; exits 1 when any page answers other than 200.

    DATABASE_URL=sqlite:////tmp/synced.sqlite3 .venv/bin/python benchmarks/crawl.py --pairs 2000

Use it after `sync_catalog` to check that every page copes with imported facts.
"""

import argparse
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=2000, help="pair pages to sample")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from catalog.models import LanguageModel, Provider
    from catalog.slugs import pair_url

    setup_test_environment()  # lets the client through ALLOWED_HOSTS as "testserver"
    client = Client(raise_request_exception=False)
    models = list(LanguageModel.objects.published().values_list("slug", flat=True))
    providers = list(Provider.objects.serving_published_models().values_list("slug", flat=True))
    rng = random.Random(args.seed)
    pairs = set()
    while len(models) > 1 and len(pairs) < min(args.pairs, len(models) * (len(models) - 1) // 2):
        a, b = rng.sample(models, 2)
        pairs.add(pair_url(a, b))
    index = client.get("/sitemap.xml")
    sections = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index.content.decode())
    pages = [
        ("lists", ["/", "/models/", "/providers/", "/compare/", "/sitemap.xml"]),
        ("sitemaps", sections),
        ("model", [f"/models/{slug}/" for slug in models]),
        ("provider", [f"/providers/{slug}/" for slug in providers]),
        ("pair", sorted(pairs)),
    ]
    statuses = defaultdict(Counter)
    failures = []
    started = time.perf_counter()
    for kind, urls in pages:
        for url in urls:
            response = client.get(url)
            statuses[kind][response.status_code] += 1
            if response.status_code != 200 and len(failures) < 20:
                failures.append((url, response.status_code))
    elapsed = time.perf_counter() - started
    print(f"{len(models):,} published models, {len(providers):,} providers listed")
    for kind, counter in statuses.items():
        counts = ", ".join(f"{status}: {count:,}" for status, count in sorted(counter.items()))
        print(f"  {kind:<9} {counts}")
    print(f"{sum(sum(c.values()) for c in statuses.values()):,} pages in {elapsed:.0f} s")
    for url, status in failures:
        print(f"  FAILED {status} {url}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
