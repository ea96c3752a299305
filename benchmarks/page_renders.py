"""The median render of pair pages and of every model page, through Django's test client
with the page cache off, by the code of any checkout: this one, or an older commit's, to
compare two versions of the code on the same machine the same day.

    make real-catalog
    .venv/bin/python benchmarks/page_renders.py --database real-catalog.sqlite3

    git worktree add /tmp/before <commit>        # then, in /tmp/before: make real-catalog
    .venv/bin/python benchmarks/page_renders.py --project /tmp/before \\
        --database /tmp/before/real-catalog.sqlite3

Runs in a new Python process with the checkout's own code (its virtual environment when
it has one, else this one) on a COPY of the catalog given, which that code synced (an older
commit's schema differs). Renders the pairs sitemap's first --pairs pairs, then every
published model's page, each list twice, and prints the median and mean of the second
pass. The page cache is off, so the memo of models' facts (config/memo.py) is too: every
page reads everything it shows. It needs only what every checkout since 2026-12-04 has
(benchmarks/admin_timings.py's `configure`, the pairs sitemap, `published()`).
"""

import argparse
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]

RENDER = """
import os, shutil, statistics, sys, tempfile, time
from pathlib import Path

project, database, pair_count = sys.argv[1], sys.argv[2], int(sys.argv[3])
sys.path.insert(0, project)
os.chdir(project)
os.environ["PAGE_CACHE"] = "0"
os.environ.pop("DJANGO_SECRET_KEY", None)
copy = Path(tempfile.mkdtemp(prefix="page-renders-")) / "catalog.sqlite3"
shutil.copyfile(database, copy)
from benchmarks.admin_timings import configure

configure(f"sqlite:///{copy}")
from django.test import Client

from catalog.models import LanguageModel
from comparisons.sitemaps import PairSitemap

sitemap = PairSitemap()
pairs = [sitemap.location(item) for item in sitemap.items()][:pair_count]
published = LanguageModel.objects.published().order_by("slug")
models = [f"/models/{slug}/" for slug in published.values_list("slug", flat=True)]
client = Client()


def render(urls):
    seconds = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        seconds.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
    return seconds


for label, urls in (("pair pages", pairs), ("model pages", models)):
    render(urls)  # templates compiled, the database's pages read once
    seconds = render(urls)
    median, mean = statistics.median(seconds) * 1000, statistics.mean(seconds) * 1000
    print(f"  {len(urls):>4} {label:<12} median {median:6.1f} ms   mean {mean:6.1f} ms")
shutil.rmtree(copy.parent)
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a SQLite catalog the checkout synced")
    parser.add_argument("--project", default=str(PROJECT), help="the checkout (default: this)")
    parser.add_argument("--pairs", type=int, default=300)
    arguments = parser.parse_args()
    project = Path(arguments.project).resolve()
    python = project / ".venv" / "bin" / "python"
    database = str(Path(arguments.database).resolve())
    print(f"{project} on {database}:", flush=True)
    subprocess.run(
        [str(python if python.exists() else sys.executable), "-W", "ignore", "-c", RENDER]
        + [str(project), database, str(arguments.pairs)],
        check=True,
    )


if __name__ == "__main__":
    main()
