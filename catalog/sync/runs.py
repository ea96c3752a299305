"""A sync run from start to end: read the source (a path, or a URL fetched with a timeout
and a size limit), apply it in one transaction, and keep the run's record and the inputs it
skipped whatever happens (a failed run or a dry run leaves the catalog as it was)."""

import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.db import transaction
from django.utils import timezone

from catalog.changes import changes_deferred
from catalog.sync import aider, genai_prices, modelsdev, openrouter
from catalog.sync.apply import Applier
from catalog.sync.models import SkippedInput, SyncRun
from catalog.sync.snapshot import AIDER, GENAI_PRICES, MODELSDEV, OPENROUTER, SourceError

FETCH_TIMEOUT_SECONDS = 30
MAX_DOCUMENT_BYTES = 100_000_000


class DryRun(Exception):
    """Raised to roll a dry run back once it has counted what it would do."""


def is_url(location):
    return urlsplit(str(location)).scheme in ("http", "https")


def fetch(url, timeout=FETCH_TIMEOUT_SECONDS, limit=None):
    """The bytes at `url` (http or https only), refused past `limit` bytes or `timeout`."""
    limit = limit or MAX_DOCUMENT_BYTES
    if not is_url(url):
        raise SourceError(f"only http and https URLs are fetched: {url}")
    request = urllib.request.Request(url, headers={"User-Agent": "llm-reference-sync"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise SourceError(
                    f"{url} is {int(declared):,} bytes, over the {limit:,}-byte limit"
                )
            raw = response.read(limit + 1)
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise SourceError(f"could not fetch {url}: {error}") from None
    if len(raw) > limit:
        raise SourceError(f"{url} is over the {limit:,}-byte limit")
    return raw


def read_file(path, limit=None):
    limit = limit or MAX_DOCUMENT_BYTES
    path = Path(path)
    if not path.is_file():
        raise SourceError(f"{path} is not a file")
    if path.stat().st_size > limit:
        raise SourceError(f"{path} is over the {limit:,}-byte limit")
    return path.read_bytes()


def read_source(source, location):
    """The Snapshot of `source` at `location` (a folder, a file, or a URL)."""
    if source == MODELSDEV:
        if is_url(location):  # api.json, and models.json beside it
            models_url = urljoin(str(location), "models.json")
            return modelsdev.read_documents(fetch(location), fetch(models_url), location)
        return modelsdev.read_tree(location)
    if source == OPENROUTER:
        raw = fetch(location) if is_url(location) else read_file(location)
        return openrouter.read_document(raw, str(location))
    if source == GENAI_PRICES:
        if is_url(location):
            return genai_prices.read_document(fetch(location), str(location))
        if Path(location).is_dir():
            return genai_prices.read_folder(location)
        return genai_prices.read_document(read_file(location), str(location))
    if source == AIDER:
        if is_url(location):
            raise SourceError("Aider's leaderboards are read from their folder: give its path")
        return aider.read_folder(location)
    raise SourceError(f"unknown source {source!r}")


def start_run(source, location, user=None, dry_run=False):
    return SyncRun.objects.create(
        source=source, location=str(location)[:1000], started_by=user, dry_run=dry_run
    )


def execute(run, progress=None):
    """Run `run` to its end; returns it with its status, counts and skipped inputs."""
    run.status = SyncRun.Status.RUNNING
    run.started_at = timezone.now()
    run.save(update_fields=["status", "started_at"])
    skips = []
    try:
        snapshot = read_source(run.source, run.location)
        run.content_hash = snapshot.content_hash
        applier = Applier(snapshot, run, timezone.localdate(), progress)
        try:
            # One move of the catalog version, just before the commit (catalog/changes.py).
            with transaction.atomic(), changes_deferred():
                counts = applier.apply()
                run.created, run.updated = counts.created, counts.updated
                run.proposed, run.unchanged = counts.proposed, counts.unchanged
                if run.dry_run:
                    raise DryRun
        except DryRun:
            pass
        skips = applier.skips
        run.status = SyncRun.Status.SUCCEEDED
    except SourceError as error:
        run.status, run.error = SyncRun.Status.FAILED, str(error)
    except Exception as error:  # the run is recorded as failed; the catalog rolled back
        run.status, run.error = SyncRun.Status.FAILED, f"{type(error).__name__}: {error}"
        run.created = run.updated = run.proposed = run.unchanged = 0
    run.skipped = len(skips)
    run.finished_at = timezone.now()
    run.save()
    SkippedInput.objects.bulk_create(
        SkippedInput(run=run, ref=skip.ref[:1000], reason=skip.reason[:1000]) for skip in skips
    )
    return run
