"""How much of a warmed page cache survives the catalog's everyday writes.

    make real-catalog   # or any SQLite catalog
    .venv/bin/python benchmarks/cache_survival.py --database real-catalog.sqlite3

Works on a COPY of the SQLite database it is given (the original is never written), with
the site's settings and its page cache on: local memory, the key versions in a file
(config/key_versions.py), every write committed as in production. It warms --pairs pair
pages (the sitemap's related pairs first, then seeded random pairs of published models)
and every published model's page, then, for each write below, requests every page again
and counts what is still served from the cache (`X-Cache: hit`):

- a re-sync of each source's unchanged snapshot (../shared/data);
- one route's price saved in the admin, for --routes routes of published models, seeded
  at random;
- a sync of OpenRouter's dump with 20 models' prices changed (a copy in a temporary
  directory): the pages purged, and how many of them show none of the models whose
  routes the sync changed (a page's keys name every model it shows).

Each request after a write renders what was purged, so each write starts from a warm cache.
A purged page shares a key with the write, or only a slot (keys are hashed into slots):
both counts are printed.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.admin_timings import configure  # noqa: E402
from benchmarks.sync import DATA, SOURCES  # noqa: E402


def pages(pair_count: int, seed: int) -> list[str]:
    from catalog.models import LanguageModel
    from catalog.slugs import pair_url
    from comparisons.sitemaps import PairSitemap

    models = list(LanguageModel.objects.published().order_by("slug").values_list("slug", flat=True))
    sitemap = PairSitemap()
    pairs = [sitemap.location(item) for item in sitemap.items()][:pair_count]
    chosen = set(pairs)
    rng = random.Random(seed)
    while len(pairs) < pair_count and len(models) > 1:
        url = pair_url(*rng.sample(models, 2))
        if url not in chosen:
            chosen.add(url)
            pairs.append(url)
    return pairs + [f"/models/{slug}/" for slug in models]


def request_all(client, urls) -> dict[str, tuple[str, frozenset[str]]]:
    """url → (X-Cache, the page's keys), for every answer."""
    seen = {}
    for url in urls:
        response = client.get(url)
        keys = frozenset(response.get("Surrogate-Key", "").split())
        seen[url] = (response.get("X-Cache", ""), keys)
    return seen


def share_kept(seen) -> float:
    return sum(cache == "hit" for cache, _ in seen.values()) / len(seen)


class Published:
    """The keys the commits since the last `take()` published (catalog/signals.py)."""

    def __init__(self):
        from catalog.signals import changes_committed

        self.keys: set[str] = set()
        changes_committed.connect(self.heard, weak=False)

    def heard(self, sender, version, keys, **kwargs):
        self.keys |= keys

    def take(self) -> set[str]:
        keys, self.keys = self.keys, set()
        return keys


def outcome(seen, warm, keys: set[str]) -> str:
    """The share kept, and the pages purged: by a key the write published, or only by a
    slot it shares with one (catalog/changes.py hashes keys into slots)."""
    purged = [url for url, (cache, _) in seen.items() if cache == "miss"]
    by_slot = [url for url in purged if not (warm[url][1] & keys or "catalog" in warm[url][1])]
    return f"{share_kept(seen):.1%} ({len(purged)} purged, {len(by_slot)} by a shared slot only)"


def save_route_price(editor, route) -> None:
    """The admin's route form, as a browser sends it, with the output price changed."""
    from tests.conftest import browser_form_data

    url = f"/admin/catalog/route/{route.pk}/change/"
    data = browser_form_data(editor.get(url), "route_form")
    data["output_price"] = [str((route.output_price * Decimal("1.1")).quantize(Decimal("0.01")))]
    response = editor.post(url, data)
    assert response.status_code == 302, response.content[:2000]


def openrouter_with_changed_prices(directory: Path, count: int) -> tuple[Path, list[str]]:
    """A copy of OpenRouter's dump with `count` priced entries' prices up a tenth."""
    dump = json.loads((DATA / "models.dev" / "models.json").read_text())
    changed = []
    for entry in dump["data"]:
        pricing = entry.get("pricing") or {}
        if len(changed) < count and float(pricing.get("completion") or 0) > 0:
            for field in ("prompt", "completion"):
                pricing[field] = str(Decimal(pricing[field]) * Decimal("1.1"))
            changed.append(entry["id"])
    path = directory / "models.json"
    path.write_text(json.dumps(dump))
    return path, changed


def configure_copy(database: str, prefix: str) -> Path:
    """The site's settings (benchmarks/admin_timings.py) on a copy of the SQLite catalog
    `database` in a new temporary folder, returned; the key versions in a file there."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    copy = work / "catalog.sqlite3"
    shutil.copyfile(database, copy)
    os.environ["PAGE_CACHE_KEY_VERSIONS"] = "file"
    os.environ["PAGE_CACHE_KEY_VERSIONS_FILE"] = str(work / "key-versions")
    configure(f"sqlite:///{copy}")
    return work


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a populated SQLite catalog")
    parser.add_argument("--pairs", type=int, default=2000)
    parser.add_argument("--routes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    os.environ["PAGE_CACHE"] = "1"
    work = configure_copy(args.database, "cache-survival-")
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from catalog.models import Route
    from catalog.sync.runs import execute, start_run

    settings.CACHES["default"]["OPTIONS"]["MAX_ENTRIES"] = 100_000
    cache.clear()
    reader = Client()
    editor = Client()
    editor.force_login(
        get_user_model().objects.create_superuser("survival-bench", "", "unused-password-1")
    )

    urls = pages(args.pairs, args.seed)
    started = time.perf_counter()
    warm = request_all(reader, urls)
    pair_count = sum(url.startswith("/compare/") for url in urls)
    print(
        f"{len(urls)} pages warmed ({pair_count} pair pages, {len(urls) - pair_count} model "
        f"pages) in {time.perf_counter() - started:.0f} s; keys per page: median "
        f"{statistics.median(len(keys) for _, keys in warm.values()):.0f}, max "
        f"{max(len(keys) for _, keys in warm.values())}"
    )

    published = Published()
    print("\n| write | pages still served from the cache |")
    print("|---|---|")
    for source, location in SOURCES:
        run = execute(start_run(source, location))
        seen = request_all(reader, urls)
        keys = published.take()
        print(
            f"| re-sync of {source}'s unchanged snapshot ({run.status}; {len(keys)} keys) | "
            f"{outcome(seen, warm, keys)} |"
        )

    rng = random.Random(args.seed)
    routes = list(
        Route.objects.filter(
            model__is_published=True, is_active=True, output_price__gt=0
        ).select_related("model", "provider")
    )
    kept = []
    for route in rng.sample(routes, min(args.routes, len(routes))):
        save_route_price(editor, route)
        seen = request_all(reader, urls)
        kept.append(share_kept(seen))
        keys = published.take()
        print(
            f"| {route.model.name} at {route.provider.name}: price saved ({len(keys)} keys) | "
            f"{outcome(seen, warm, keys)} |"
        )
    if kept:
        print(f"| (median of {len(kept)} route saves) | {statistics.median(kept):.1%} |")

    path, changed = openrouter_with_changed_prices(work, 20)
    before = dict(Route.objects.values_list("pk", "output_price"))
    run = execute(start_run("openrouter", path))
    moved = {
        model
        for pk, model, price in Route.objects.values_list("pk", "model_id", "output_price")
        if before.get(pk) != price
    }
    seen = request_all(reader, urls)
    keys = published.take()
    purged = [url for url, (cache, _) in seen.items() if cache == "miss"]
    showing = {f"languagemodel={pk}" for pk in moved}
    unrelated = [url for url in purged if not warm[url][1] & showing]
    kinds = sorted({key.split("=")[0] for key in keys})
    print(
        f"| OpenRouter sync, 20 entries' prices changed ({run.status}; routes of {len(moved)} "
        f"models moved; {len(keys)} keys: {', '.join(kinds)}) | {outcome(seen, warm, keys)}; "
        f"{len(unrelated)} of them show none of those models |"
    )
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
