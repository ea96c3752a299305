"""The catalog sync's records: each run, what it skipped, which record each source id
stands for, and the changes to reviewed facts it proposes to editors.

Imported by catalog/models.py, so Django finds these models in the catalog app.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from catalog.sync.snapshot import SOURCES

SOURCE_CHOICES = [(source, source) for source in SOURCES]


class SyncRun(models.Model):
    """One reading of a source into the catalog: what was read, by whom, and what it did.

    A run lands whole or not at all: a failed run (or a dry run) keeps this record and its
    counts, and the catalog stays as it was.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        SUCCEEDED = "succeeded", "succeeded"
        FAILED = "failed", "failed"

    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    location = models.CharField("read from", max_length=1000, help_text="A path or a URL.")
    content_hash = models.CharField("SHA-256 of what was read", max_length=64, blank=True)
    dry_run = models.BooleanField(default=False, help_text="Counted, then rolled back.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Empty for a run started from the command line or a schedule.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    proposed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    # How far a running run has got, for the admin's progress display.
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    progress_step = models.CharField(max_length=100, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "catalog sync run"
        permissions = [("start_syncrun", "Can start a catalog sync from the admin")]

    def __str__(self):
        return f"{self.source} sync #{self.pk} ({self.get_status_display()})"

    @property
    def progress_percent(self):
        if not self.progress_total:
            return 100 if self.status == self.Status.SUCCEEDED else 0
        return min(100, round(100 * self.progress_done / self.progress_total))


class SkippedInput(models.Model):
    """An input a run did not use, and why (a dangling link, a negative price…)."""

    run = models.ForeignKey(SyncRun, on_delete=models.CASCADE, related_name="skipped_inputs")
    ref = models.CharField("input", max_length=1000)
    reason = models.CharField(max_length=1000)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.ref}: {self.reason}"


class SourceIdentity(models.Model):
    """A record's id in a source ("modelsdev", "moonshotai/kimi-k2.5"): how a sync finds the
    record again. Editors may correct one, or delete a wrong one (the next run then matches
    that entry afresh)."""

    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    external_id = models.CharField("id in the source", max_length=500)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "source identity"
        verbose_name_plural = "source identities"
        ordering = ["source", "external_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "content_type", "external_id"],
                name="sourceidentity_one_record_per_source_id",
                violation_error_message="This id in this source already stands for a record.",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.source}: {self.external_id}"


class ProposedChange(models.Model):
    """A fact of a reviewed record that a source states differently: never applied until
    an editor approves it. A rejected value is not proposed again until the source
    changes it again."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        APPROVED = "approved", "approved"
        REJECTED = "rejected", "rejected"
        SUPERSEDED = "superseded", "superseded (the source changed it again)"

    class Kind(models.TextChoices):
        PRICE = "price", "price"
        SPEC = "spec", "spec"
        CAPABILITY = "capability", "capability"
        LIFECYCLE = "lifecycle", "deprecation and retirement"
        SCORE = "score", "benchmark score"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    field = models.CharField(max_length=100)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    ours = models.JSONField("our value", null=True, blank=True)
    theirs = models.JSONField("the source's value", null=True, blank=True)
    # For price changes: how far theirs is from ours, in percent (None when either is unknown).
    change_percent = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    source_url = models.URLField(max_length=500, blank=True)
    # Denormalized for the editors' filters (model, organization) and the list's labels.
    model = models.ForeignKey(
        "catalog.LanguageModel", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    first_seen_run = models.ForeignKey(
        SyncRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_seen_run = models.ForeignKey(
        SyncRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_seen_at = models.DateTimeField(default=timezone.now)
    last_seen_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_seen_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "field", "status"]),
            models.Index(fields=["status", "kind"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field"],
                condition=models.Q(status="open"),
                name="proposedchange_one_open_per_fact",
            )
        ]

    def __str__(self):
        return f"{self.record}: {self.field} {self.ours!r} → {self.theirs!r}"


class ProposedMatch(models.Model):
    """A source entry no rule could match for sure (no maker stated, or a model of that name
    at another maker): an editor links it to an existing model, or makes it a new one at a
    maker they pick. Either way the entry gets an identity, and the next run adds its routes.
    """

    class Status(models.TextChoices):
        OPEN = "open", "open"
        LINKED = "linked", "linked to an existing model"
        CREATED = "created", "made a new model"

    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    external_id = models.CharField("id in the source", max_length=500)
    name = models.CharField("name in the source", max_length=300)
    reason = models.CharField(max_length=1000)
    candidate = models.ForeignKey(
        "catalog.LanguageModel",
        verbose_name="existing model it may be",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organization = models.ForeignKey(
        "catalog.Organization",
        verbose_name="maker, for a new model",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_seen_run = models.ForeignKey(
        SyncRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_seen_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "proposed match"
        verbose_name_plural = "proposed matches"
        ordering = ["status", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "external_id"], name="proposedmatch_one_per_entry"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.source}: {self.external_id})"


class ModelStatement(models.Model):
    """What one source entry states about a model: a lab's canonical file, the lab's own
    API's entry, or a provider's entry. The model's facts are chosen from its statements
    by the source order of catalog/sync/best_source.py; the others stay here, so pages
    can say where sources differ and editors can read every source side by side."""

    class Role(models.TextChoices):
        CANONICAL = "canonical", "the lab's canonical file"
        LAB = "lab", "the lab's own API"
        ROUTE = "route", "a provider's entry"

    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    ref = models.CharField("entry", max_length=500)
    model = models.ForeignKey(
        "catalog.LanguageModel", on_delete=models.CASCADE, related_name="statements"
    )
    provider = models.ForeignKey(
        "catalog.Provider", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=10, choices=Role.choices)
    # fact → value as the entry states it: dates as "2026-01" or "2026-01-27".
    facts = models.JSONField(default=dict)
    source_url = models.URLField(max_length=500, blank=True)
    last_seen_run = models.ForeignKey(
        SyncRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "source statement"
        ordering = ["model", "role", "source", "ref"]
        constraints = [
            models.UniqueConstraint(fields=["source", "ref"], name="modelstatement_one_per_entry")
        ]

    def __str__(self):
        return f"{self.source}: {self.ref}"


class RouteStatement(models.Model):
    """What one source states of a route: its standard price and the context window it
    gives there. Kept for every source that states the route, not only the one whose
    prices the route shows, so that a page can say how many sources state its facts alike
    (catalog/corroboration.py). Each run of a source replaces its statements whole."""

    source = models.CharField(max_length=20, choices=SOURCE_CHOICES)
    route = models.ForeignKey("catalog.Route", on_delete=models.CASCADE, related_name="statements")
    input_price = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)
    output_price = models.DecimalField(max_digits=12, decimal_places=6, null=True, blank=True)
    context_window = models.PositiveIntegerField(null=True, blank=True)
    source_url = models.URLField(max_length=500, blank=True)
    last_seen_run = models.ForeignKey(
        SyncRun, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = "route statement"
        ordering = ["route", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "route"], name="routestatement_one_per_source"
            )
        ]

    def __str__(self):
        return f"{self.source}: {self.route_id}"
