"""How long different pair pages take to render anew (no page cache), with each model's
facts built from the database and with them kept (config/memo.py); and every model page,
its reads and its templates apart.

    make real-catalog
    .venv/bin/python benchmarks/pair_renders.py --database real-catalog.sqlite3 [--pairs 400]

Reads a COPY of the SQLite catalog it is given. Renders --pairs different pair pages (the
sitemap's related pairs first, as benchmarks/cache_survival.py picks them) through the pair
view, in-process, debug off, without the page cache's middleware: once with the memo off,
once filling it (a model's facts built on its first pair, kept for the next), and once
with every model's facts kept. Prints the median and mean of each pass. Then reads and
renders every published model's page twice (the second pass is printed), the memo off,
and prints the median of its reads, of its templates, and of both.
"""

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.cache_survival import configure_copy, pages  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a populated SQLite catalog")
    parser.add_argument("--pairs", type=int, default=400)
    args = parser.parse_args()

    work = configure_copy(args.database, "pair-renders-")
    from django.conf import settings
    from django.test import RequestFactory

    from comparisons.views import pair_detail

    factory = RequestFactory()
    urls = [url for url in pages(args.pairs, seed=1) if url.startswith("/compare/")]

    def render_all(memo: bool) -> list[float]:
        settings.PAGE_CACHE = memo  # the memo's switch; no middleware runs here
        seconds = []
        for url in urls:
            started = time.perf_counter()
            response = pair_detail(factory.get(url), url.split("/")[2])
            seconds.append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
        return seconds

    render_all(memo=False)  # templates compiled, the database's pages read once
    passes = [
        ("facts built from the database", render_all(memo=False)),
        ("filling the memo (first pass)", render_all(memo=True)),
        ("every model's facts kept", render_all(memo=True)),
    ]
    print(f"{len(urls)} different pair pages, rendered in-process:")
    for label, seconds in passes:
        print(
            f"  {label:<32} median {statistics.median(seconds) * 1000:6.1f} ms"
            f"   mean {statistics.mean(seconds) * 1000:6.1f} ms"
        )
    print_model_pages()
    shutil.rmtree(work)


def print_model_pages():
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.test import RequestFactory
    from django.urls import resolve

    from catalog.pages.model import read_model_page

    settings.PAGE_CACHE = False
    factory = RequestFactory()
    urls = [url for url in pages(0, seed=1) if url.startswith("/models/")]
    for _ in range(2):
        reads, renders = [], []
        for url in urls:
            request = factory.get(url)
            request.resolver_match = resolve(url)  # the template links the model's feed
            started = time.perf_counter()
            page = read_model_page(url.split("/")[2])
            read = time.perf_counter()
            render_to_string(
                "catalog/model_detail.html", {"page": page, "meta": page.meta}, request
            )
            reads.append(read - started)
            renders.append(time.perf_counter() - read)
    totals = [read + render for read, render in zip(reads, renders, strict=True)]
    print(f"{len(urls)} model pages, rendered in-process, facts built from the database:")
    for label, seconds in (("reads", reads), ("templates", renders), ("the page", totals)):
        print(f"  {label:<32} median {statistics.median(seconds) * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
