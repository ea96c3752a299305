"""The catalog: the facts editors curate, and the reads the public site makes of them."""

import functools
from datetime import datetime, timedelta

import simple_history.manager
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    Func,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, Lower
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from catalog.formatting import tier_name
from catalog.pricing import PricingKind, route_pricing_kind, route_signals
from catalog.signals import rows_changed
from catalog.slugs import validate_catalog_slug

# The catalog sync's records live with the sync (catalog/sync/models.py); imported here so
# the app registers them, and so `catalog.models` names every model of the app.
from catalog.sync.models import (  # noqa: F401
    ModelStatement,
    ProposedChange,
    ProposedMatch,
    RouteStatement,
    SkippedInput,
    SourceIdentity,
    SyncRun,
)

# A record not checked against its source for this long is "review overdue".
REVIEW_INTERVAL = timedelta(days=90)

PRICE_FIELDS = ("input_price", "output_price", "cached_input_price", "cache_write_price")


def latest_change_of(*related_paths):
    """An aggregate: the latest `updated_at` or `reviewed_at` of the record and of the
    records at `related_paths`. NULL (never reviewed, no route…) never wins: each part
    falls back to the record's own last change."""
    stamps = [
        Max(f"{prefix}{field}")
        for prefix in ("", *(f"{path}__" for path in related_paths))
        for field in ("updated_at", "reviewed_at")
    ]
    return Greatest(*(Coalesce(stamp, Max("updated_at")) for stamp in stamps))


def latest_change(records) -> datetime | None:
    """`latest_change_of` over records already loaded: the latest `updated_at` or
    `reviewed_at` of `records` (a None record or stamp skipped)."""
    return max(
        (
            stamp
            for record in records
            if record is not None
            for stamp in (record.updated_at, record.reviewed_at)
            if stamp is not None
        ),
        default=None,
    )


# A run of anything but letters and digits: where text search splits words.
NOT_ALPHANUMERIC = "[^[:alnum:]]+"


def search_document(*fields):
    """The text search document of `fields`, as the admin's model search matches it.

    Every run of other characters than letters and digits becomes a space first, so that
    "Qwen3.5-122B-A10B" is the words qwen3, 5, 122b and a10b (PostgreSQL's own parser would
    make "qwen3.5-122b-a10b", "-122" and "b-a10b" of it, which no one types). The "simple"
    configuration: names are not English, nothing is stemmed or dropped.

    LanguageModel has a GIN index on exactly `search_document("name", "slug")`, so that
    PostgreSQL finds matches without reading every model.
    """
    words = (
        Func(
            F(field),
            Value(NOT_ALPHANUMERIC),
            Value(" "),
            Value("g"),
            function="REGEXP_REPLACE",
            output_field=TextField(),
        )
        for field in fields
    )
    return SearchVector(*words, config="simple")


class TrackedQuerySet(models.QuerySet):
    """A queryset whose bulk writes say what they changed (catalog/signals.py), as a save
    or a delete does through post_save and post_delete: Django sends none for these."""

    def update(self, **kwargs):
        pks = list(self.values_list("pk", flat=True))
        count = super().update(**kwargs)
        if count:
            rows_changed.send(sender=self.model, rows=None, pks=pks)
        return count

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            rows_changed.send(sender=self.model, rows=created, pks=None)
        return created

    def bulk_update(self, objs, *args, **kwargs):
        objs = list(objs)
        count = super().bulk_update(objs, *args, **kwargs)
        if count:
            rows_changed.send(sender=self.model, rows=objs, pks=None)
        return count


# In the UPDATE itself, so that two saves at once cannot both write the same next version.
NEXT_VERSION = F("version") + 1


class CuratedQuerySet(TrackedQuerySet):
    def review_overdue(self, now=None):
        """Records never reviewed, or not reviewed within REVIEW_INTERVAL."""
        cutoff = (now or timezone.now()) - REVIEW_INTERVAL
        return self.filter(Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=cutoff))

    def mark_reviewed(self, user, now=None):
        """Stamp every record as checked against its source by `user`; returns the count.

        A new version too: a form opened before the review and saved after it would write
        the old stamp back, so the stale-save guard must see the record changed."""
        return self.update(
            reviewed_at=now or timezone.now(), reviewed_by=user, version=NEXT_VERSION
        )


class Versioned(models.Model):
    """A record editors change in forms: `version` grows on every save (and on every bulk
    write that should make an open form stale: pass `version=NEXT_VERSION`), so that an
    editor saving a stale form is told the record changed meanwhile (the admin's guard,
    catalog/admin/forms.py `StaleSaveGuardForm`). The model also needs an `updated_at`
    (auto_now): a save with `update_fields` writes it along with the version.

    The database computes the new version; the save reads it back (RETURNING).
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding:
            super().save(*args, **kwargs)
            return
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "version", "updated_at"}
        loaded = self.version
        self.version = NEXT_VERSION
        try:
            super().save(*args, **kwargs)
        except BaseException:
            self.version = loaded  # not an expression left behind by a failed save
            raise


class Curated(Versioned):
    """What every curated record carries: its source, its review stamp, its audit times,
    its version (`Versioned`).

    `reviewed_at` / `reviewed_by` change only when an editor says the record was checked
    (never on an ordinary save).
    """

    source_url = models.URLField("source URL", max_length=500, blank=True)
    reviewed_at = models.DateTimeField("reviewed at", null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="reviewed by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The catalog sync run that last wrote the record; None when an editor wrote it last.
    sync_run = models.ForeignKey(
        "catalog.SyncRun",
        verbose_name="last written by sync run",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CuratedQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def review_overdue(self):
        return self.reviewed_at is None or self.reviewed_at < timezone.now() - REVIEW_INTERVAL


def FACT_SOURCE():  # noqa: N802 (a field factory, read as a field)
    """The source entry ("modelsdev:moonshotai/kimi-k2.5") whose facts a synced record shows:
    only it updates them; other sources that find the record add their identities."""
    return models.CharField(
        "facts from", max_length=600, blank=True, editable=False, help_text="Empty: an editor's."
    )


def slug_constraints(model_name):
    return [
        # "a-vs" + "-vs-" + "b" would read back as "a" and "vs-b": no "-vs" ending either.
        models.CheckConstraint(
            condition=~Q(slug__contains="-vs-") & ~Q(slug__endswith="-vs"),
            name=f"{model_name}_slug_without_vs",
            violation_error_message='A slug may not contain "-vs-" or end in "-vs": '
            "pair URLs join two slugs with “-vs-”.",
        ),
        models.CheckConstraint(condition=~Q(slug=""), name=f"{model_name}_slug_not_empty"),
    ]


class Organization(Curated):
    """Who makes a model (OpenAI, Alibaba Qwen, inclusionAI…)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, validators=[validate_catalog_slug])
    website = models.URLField(max_length=300, blank=True)
    aliases = models.CharField(
        max_length=500,
        blank=True,
        help_text="Other spellings the sources use for this maker, comma-separated "
        "(“mistral-ai, mistralai”): a sync files models under any of them here.",
    )

    class Meta:
        ordering = ["name"]
        constraints = slug_constraints("organization")

    def __str__(self):
        return self.name

    @property
    def alias_list(self):
        return [alias.strip() for alias in self.aliases.split(",") if alias.strip()]


class ModelFamily(Curated):
    """Models that share a line and a name ("GPT-5", "Claude Opus", "Qwen3.5"): its members
    differ in size, version or date. Editors keep it; a sync names it where its source
    does (models.dev `family`)."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, validators=[validate_catalog_slug])
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="families",
        help_text="Who makes its models; empty when they come from more than one maker.",
    )
    description = models.TextField(
        blank=True, help_text="One or two sentences on what sets the family apart."
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "model family"
        verbose_name_plural = "model families"
        constraints = slug_constraints("modelfamily")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:family_detail", args=[self.slug])


class ProviderQuerySet(CuratedQuerySet):
    def serving_published_models(self):
        """Providers with at least one active route to a published model: the ones the
        public site lists (a subquery, so it does not narrow `with_last_modified()`)."""
        return self.filter(
            models.Exists(
                Route.objects.filter(
                    provider=models.OuterRef("pk"), is_active=True, model__is_published=True
                )
            )
        )

    def with_last_modified(self):
        """Annotate `last_modified`: the latest change or review of the provider, of any of
        its routes, or of their models. Every route counts, inactive ones too: deactivating
        a route or unpublishing a model changes what the provider's page shows."""
        return self.annotate(last_modified=latest_change_of("routes", "routes__model"))

    def with_model_count(self):
        """Annotate `model_count`: how many published models the provider has an active
        route to."""
        served = Q(routes__is_active=True, routes__model__is_published=True)
        return self.annotate(model_count=Count("routes__model", filter=served, distinct=True))


class Provider(Curated):
    """Where a model can be called: a first-party API, an aggregator, a cloud, a host."""

    class Kind(models.TextChoices):
        # A sync sets it from the sources' signals (catalog/sync/provider_kinds.py).
        FIRST_PARTY = "first_party", "The lab's own API"
        AGGREGATOR = "aggregator", "Gateway or router"
        CLOUD = "cloud", "Cloud platform"
        INFERENCE_HOST = "inference_host", "Inference platform"
        SUBSCRIPTION_PLAN = "subscription_plan", "Subscription plan"
        FREE_TIER = "free_tier", "Free tier"
        LOCAL_APP = "local_app", "Local app"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, validators=[validate_catalog_slug])
    website = models.URLField(max_length=300, blank=True)
    kind = models.CharField(
        max_length=20, choices=Kind.choices, blank=True, help_text="Empty when not known."
    )
    lab = models.ForeignKey(
        Organization,
        verbose_name="the lab's own API",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="own_apis",
        help_text="The lab this provider is the own API of: its prices there are the lab's "
        "list prices (catalog/pricing.py).",
    )
    kind_by_editor = models.BooleanField(
        "kind and lab kept as an editor set them",
        default=False,
        help_text="Set when an editor changes the kind or the lab: a sync then leaves both "
        "alone. Clear it to let the next sync tell them again.",
    )

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = slug_constraints("provider")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:provider_detail", args=[self.slug])


class Capability(models.Model):
    """One of the fixed, ordered capabilities (created by a data migration)."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    reader_phrase = models.CharField(
        max_length=60, help_text="How a sentence names it: “vision”, “multimodal input”…"
    )
    position = models.PositiveSmallIntegerField(unique=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        verbose_name_plural = "capabilities"

    def __str__(self):
        return self.name


class DecisionTag(models.Model):
    """A decision-fit tag (Coding, RAG, Agents, Long context…); `position` orders lists."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(default=100)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


# What a model's pages show besides the model: a change or review of any of them changes
# the pages (sitemap lastmod, Last-Modified).
SHOWN_WITH_MODEL = (
    "routes",
    "routes__provider",
    "scores",
    "scores__benchmark",
    "organization",
    "family",
)


class LanguageModelQuerySet(CuratedQuerySet):
    def published(self):
        return self.filter(is_published=True)

    def indexable(self):
        """The published models whose pages search engines may index: the rule of
        catalog/indexing.py (reviewed, or corroborated where the setting allows it; never
        one an editor keeps out)."""
        from catalog.indexing import indexable_condition

        return self.published().filter(indexable_condition())

    def with_last_modified(self):
        """Annotate `last_modified`: the latest change or review of the model or of any
        record its pages show (routes, their providers, benchmark scores, organization)."""
        return self.annotate(last_modified=latest_change_of(*SHOWN_WITH_MODEL))

    def with_cheapest_output(self, today=None):
        """Annotate `cheapest_output`: the lowest standard output price of its per-token
        routes serving `today` (None when none has one): never a free tier's or a plan's."""
        offers = Route.objects.standard_offers(today or timezone.localdate())
        return self.annotate(cheapest_output=offer_price(offers, "output_price"))

    def with_list_output(self, today=None):
        """Annotate `list_output`: the maker's list price for output (`list_offers`); None
        where the maker sells it through no API we track with a price."""
        offers = Route.objects.list_offers(today or timezone.localdate())
        return self.annotate(list_output=offer_price(offers, "output_price"))

    def with_offers(self, today=None):
        """Annotate the cheapest per-token route's and the maker's list price's input and
        output prices and provider slug: `cheapest_input`, `cheapest_output`,
        `cheapest_provider`, `list_input`, `list_output`, `list_provider` (the API, CSV)."""
        today = today or timezone.localdate()
        annotations = {}
        for prefix, offers in (
            ("cheapest", Route.objects.standard_offers(today)),
            ("list", Route.objects.list_offers(today)),
        ):
            for field, path in (
                ("input", "input_price"),
                ("output", "output_price"),
                ("provider", "provider__slug"),
            ):
                annotations[f"{prefix}_{field}"] = offer_price(offers, path)
        return self.annotate(**annotations)

    def supporting(self, capability_slugs):
        """Models that support every one of `capability_slugs` (a "yes", not unknown)."""
        queryset = self
        for slug in capability_slugs:
            queryset = queryset.filter(
                Exists(
                    ModelCapability.objects.filter(
                        model=OuterRef("pk"),
                        capability__slug=slug,
                        support=ModelCapability.Support.YES,
                    )
                )
            )
        return queryset

    def served_by(self, provider_slug):
        """Models with an active route at the provider `provider_slug`."""
        routes = Route.objects.active().filter(model=OuterRef("pk"), provider__slug=provider_slug)
        return self.filter(Exists(routes))

    def output_price_at_most(self, price, today=None):
        """Models whose standard per-token output price is at most `price`: the same
        routes as `cheapest_output`."""
        routes = Route.objects.standard_offers(today or timezone.localdate()).filter(
            model=OuterRef("pk"), output_price__lte=price
        )
        return self.filter(Exists(routes))

    def for_listing(self):
        """Published models with what the models list shows, in two queries for any number:
        the organization, `cheapest_output`, `list_output`, and `supported` (the
        capabilities it supports)."""
        supported = ModelCapability.objects.filter(
            support=ModelCapability.Support.YES
        ).select_related("capability")
        return (
            self.published()
            .select_related("organization")
            .with_cheapest_output()
            .with_list_output()
            .prefetch_related(Prefetch("capability_support", supported, to_attr="supported"))
        )


def offer_price(offers, field):
    """A subquery: `field` of the first of `offers` (ordered cheapest first) of the outer
    model that states an output price."""
    return Subquery(
        offers.filter(model=OuterRef("pk"), output_price__isnull=False).values(field)[:1]
    )


def catalog_changed_at():
    """The latest change to any model, route or provider, published or not, in one query.

    A list page (or a sitemap section) can lose a row without any row it still shows
    changing: a model unpublished, a route deactivated. Its Last-Modified must move then
    too, or a conditional GET would keep serving the copy that still lists it.
    """
    latest = LanguageModel.objects.aggregate(
        latest=Greatest(
            Max("updated_at"),
            *(
                Coalesce(
                    Subquery(table.objects.order_by("-updated_at").values("updated_at")[:1]),
                    Max("updated_at"),
                )
                for table in (Route, Provider)
            ),
        )
    )
    return latest["latest"]


class DatePrecision(models.TextChoices):
    """How much of a date its source states: "2026-01" is a month, never "2026-01-01"."""

    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


def precision_field(verbose_name):
    return models.CharField(
        verbose_name, max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )


class LanguageModel(Curated):
    """A large language model: its specs, its license, the tags and capabilities it shows."""

    class ProductType(models.TextChoices):
        CODING = "coding", "Coding-specialized model"
        STANDALONE_API = "standalone_api", "Standalone API model"
        REASONING = "reasoning", "Reasoning model"
        MULTIMODAL = "multimodal", "Multimodal model"
        SMALL = "small", "Small efficient model"

    class Architecture(models.TextChoices):
        DECODER_ONLY = "decoder_only", "decoder only"
        MIXTURE_OF_EXPERTS = "mixture_of_experts", "mixture of experts"
        HYBRID = "hybrid", "hybrid attention"

    class Openness(models.TextChoices):
        PROPRIETARY = "proprietary", "Proprietary"
        OPEN_WEIGHTS = "open_weights", "Open weights"
        OPEN_SOURCE = "open_source", "Open source"

    class CommercialUse(models.TextChoices):
        ALLOWED = "allowed", "allowed"
        WITH_CONDITIONS = "with_conditions", "with conditions"
        NOT_ALLOWED = "not_allowed", "not allowed"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120,
        unique=True,
        validators=[validate_catalog_slug],
        help_text="From the name: dots become hyphens (“GPT-5.3” → “gpt-5-3”); never “-vs-”.",
    )
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="models")
    family = models.ForeignKey(
        ModelFamily,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        help_text="The line it belongs to (“GPT-5”, “Claude Opus”); empty when none is known.",
    )
    released_on = models.DateField("released", null=True, blank=True)
    released_precision = precision_field("release date known to the")
    product_type = models.CharField(
        max_length=20, choices=ProductType.choices, blank=True, help_text="Empty when not known."
    )
    best_for = models.CharField(
        max_length=200,
        blank=True,
        help_text="A phrase: “custom coding agents, code generation, and tool loops”.",
    )
    decision_tags = models.ManyToManyField(DecisionTag, blank=True, related_name="models")
    context_window = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)], help_text="In tokens."
    )
    max_output_tokens = models.PositiveIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1)]
    )
    parameters_total = models.PositiveBigIntegerField(
        "total parameters", null=True, blank=True, validators=[MinValueValidator(1)]
    )
    parameters_active = models.PositiveBigIntegerField(
        "active parameters",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="For a mixture of experts: the parameters used per token.",
    )
    architecture = models.CharField(max_length=30, choices=Architecture.choices, blank=True)
    license_name = models.CharField("license", max_length=120, blank=True)
    license_osi_approved = models.BooleanField("OSI-approved license", default=False)
    openness = models.CharField(
        max_length=20, choices=Openness.choices, blank=True, help_text="Empty when not known."
    )
    commercial_use = models.CharField(max_length=20, choices=CommercialUse.choices, blank=True)
    knowledge_cutoff = models.DateField(
        null=True,
        blank=True,
        help_text="The first day of the cutoff month when only the month is known.",
    )
    knowledge_precision = precision_field("knowledge cutoff known to the")
    is_published = models.BooleanField("published", default=False)
    unpublished_reason = models.CharField(
        "why unpublished",
        max_length=300,
        blank=True,
        help_text="Set by a sync that took the record off the site (“not a language model: "
        "an embedding model”); publishing it again is an editor's call.",
    )
    noindex = models.BooleanField(
        "keep out of search engines",
        default=False,
        help_text="Its page, and its pair pages, stay readable but are not for search "
        "results, whatever its review or its sources say.",
    )
    # How many independent sources state its context window and the price its page leads
    # with alike (0: fewer than two, a fact its sources dispute, or an open proposal):
    # catalog/corroboration.py, refreshed by every sync and every editor's save.
    corroborated_by = models.PositiveSmallIntegerField(
        "sources stating it alike", default=0, editable=False
    )
    is_deprecated = models.BooleanField("deprecated", default=False)
    retires_on = models.DateField(
        "retires on", null=True, blank=True, help_text="When its maker stops serving it."
    )
    upstream_updated_on = models.DateField(
        "source last updated",
        null=True,
        blank=True,
        help_text="When the source last changed its entry (not our review date).",
    )
    capabilities = models.ManyToManyField(
        Capability, through="ModelCapability", related_name="models", blank=True
    )
    # For a model, the sources its shown facts come from ("modelsdev openrouter"), which the
    # sync writes when it chooses them (catalog/sync/statements.py).
    fact_source = FACT_SOURCE()
    # fact → the other values its sources state, where they differ from the value shown:
    # {"released_on": [{"value": "2025-06-15", "sources": ["models.dev: abacus"]}]}
    # (catalog/sync/best_source.py). Written by the sync; editors see it on the form.
    fact_disputes = models.JSONField("sources differ", default=dict, blank=True, editable=False)

    objects = LanguageModelQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = "model"
        constraints = [
            *slug_constraints("languagemodel"),
            models.CheckConstraint(
                condition=Q(context_window__isnull=True) | Q(context_window__gt=0),
                name="languagemodel_context_window_positive",
                violation_error_message="The context window must be more than 0 tokens.",
            ),
            models.CheckConstraint(
                condition=Q(max_output_tokens__isnull=True) | Q(max_output_tokens__gt=0),
                name="languagemodel_max_output_positive",
            ),
            models.CheckConstraint(
                condition=Q(parameters_active__isnull=True)
                | Q(parameters_total__isnull=True)
                | Q(parameters_active__lte=models.F("parameters_total")),
                name="languagemodel_active_parameters_within_total",
                violation_error_message="Active parameters cannot exceed total parameters.",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "slug"]),
            # The models list's default order (catalog/forms.py, case aside), read in
            # order from the index instead of sorted whole for each page.
            models.Index(Lower("name"), "id", name="languagemodel_name_order"),
            # The home page's recently reviewed models.
            models.Index(F("reviewed_at").desc(), "name", name="languagemodel_review_order"),
            # The admin's model search (PostgreSQL only: see its migration).
            GinIndex(search_document("name", "slug"), name="languagemodel_search"),
        ]
        permissions = [("merge_languagemodel", "Can merge two models into one")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:model_detail", args=[self.slug])

    def loaded_last_modified(self) -> datetime | None:
        """What `with_last_modified()` annotates, from the records SHOWN_WITH_MODEL names
        as loaded (catalog.facts.model_queryset() selects or prefetches every one of them,
        inactive routes too): no query of its own."""
        return latest_change(
            [self, *(record for path in SHOWN_WITH_MODEL for record in loaded(self, path))]
        )


def loaded(record, path: str) -> list:
    """The records at `path` ("routes__provider") from `record`, as loaded: a relation
    to many read through `.all()` (its prefetched rows), to one through its attribute."""
    records = [record]
    for name in path.split("__"):
        found = []
        for current in records:
            related = getattr(current, name)
            if isinstance(related, models.Manager):
                found.extend(related.all())
            elif related is not None:
                found.append(related)
        records = found
    return records


class ModelRedirect(models.Model):
    """The address of a model merged into another: it answers 301 to the survivor's."""

    old_slug = models.SlugField(max_length=120, unique=True)
    model = models.ForeignKey(LanguageModel, on_delete=models.CASCADE, related_name="redirects")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["old_slug"]

    def __str__(self):
        return f"{self.old_slug} → {self.model.slug}"


class SimilarModel(models.Model):
    """One of the published models most like `model`, at `rank` (0 first): the ranking
    of catalog/similar.py, stored so that a page reads it in one indexed query whatever
    the catalog's size. Rewritten whole by `refresh_similar_models()`."""

    model = models.ForeignKey(LanguageModel, on_delete=models.CASCADE, related_name="similar_rows")
    similar = models.ForeignKey(LanguageModel, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["model", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["model", "rank"], name="similarmodel_one_per_rank")
        ]

    def __str__(self):
        return f"{self.model} ~ {self.similar} (#{self.rank + 1})"


class CatalogStateQuerySet(models.QuerySet):
    """The operations on the catalog's one row of bookkeeping (created at its first use)."""

    PK = 1

    def version(self) -> int:
        """The catalog's version (0 before its first change)."""
        return self.filter(pk=self.PK).values_list("version", flat=True).first() or 0

    def move_on(self) -> int:
        """The version moved on by one, in the caller's transaction, which holds the row
        until it ends (no other writer moves it meanwhile); returns the new version."""
        if not self.filter(pk=self.PK).update(version=F("version") + 1, changed_at=timezone.now()):
            self.get_or_create(pk=self.PK, defaults={"version": 1})
        return self.version()

    def mark_similar(self, stale: bool) -> None:
        """Whether the similar-models ranking waits for a refresh (catalog/similar.py)."""
        self.update_or_create(pk=self.PK, defaults={"similar_stale": stale})

    def similar_fresh(self) -> bool:
        return self.filter(pk=self.PK, similar_stale=False).exists()


class CatalogState(models.Model):
    """The catalog's bookkeeping, one row: its `version`, which every change to what a
    public page shows moves on (catalog/changes.py), when that last happened, and
    whether the similar-models ranking waits for a refresh."""

    version = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
    similar_stale = models.BooleanField(default=True)

    objects = CatalogStateQuerySet.as_manager()

    class Meta:
        verbose_name = "catalog state"
        verbose_name_plural = "catalog state"

    def __str__(self):
        return f"catalog version {self.version}"


class KeyVersion(models.Model):
    """The catalog version at which something a page can show last changed: one row per
    slot of the keys of catalog/dependencies.py (a key's slot is a hash of it, so that
    the table stays small; two keys in one slot only purge each other's pages). Written
    in the writer's own transaction with the version (catalog/changes.py), so a page
    rendered at version V is current while none of its slots is newer than V."""

    slot = models.PositiveIntegerField(primary_key=True)
    version = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = "key version"

    def __str__(self):
        return f"slot {self.slot} at version {self.version}"


class ModelCapability(models.Model):
    """Whether a model supports a capability; no row, or "unknown", is not the same as "no"."""

    class Support(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"
        UNKNOWN = "unknown", "Unknown"

    model = models.ForeignKey(
        LanguageModel, on_delete=models.CASCADE, related_name="capability_support"
    )
    capability = models.ForeignKey(Capability, on_delete=models.PROTECT, related_name="+")
    support = models.CharField(max_length=10, choices=Support.choices, default=Support.UNKNOWN)

    objects = TrackedQuerySet.as_manager()

    class Meta:
        ordering = ["capability__position"]
        verbose_name = "capability support"
        verbose_name_plural = "capability support"
        constraints = [
            models.UniqueConstraint(
                fields=["model", "capability"], name="modelcapability_one_per_model"
            )
        ]

    def __str__(self):
        return f"{self.model}: {self.capability} = {self.get_support_display()}"


class RouteQuerySet(CuratedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def public(self):
        """What the public pages list: active routes of published models."""
        return self.active().filter(model__is_published=True)

    def serving(self, today):
        """Active routes not retired by `today` (a retired route stays listed, with its
        date, but nobody can buy it)."""
        return self.active().filter(Q(retires_on__isnull=True) | Q(retires_on__gt=today))

    def priced(self):
        """Routes sold per token: the only ones whose prices are prices (catalog/pricing.py)."""
        return self.filter(pricing_kind=PricingKind.PER_TOKEN)

    def standard_offers(self, today):
        """The standard price of each provider's base tier, sold per token and served
        `today`, cheapest output first: what every "cheapest" and list price compares.
        `catalog.facts.offers` is the same rule over a model's loaded routes."""
        return (
            self.serving(today)
            .priced()
            .filter(service_mode="", context_above=0)
            .order_by("output_price", "pk")
        )

    def list_offers(self, today):
        """The maker's list price (catalog/pricing.py): standard offers at the model's maker's
        own API, the model as the maker sells it first (not a region's, a dated snapshot's…),
        then cheapest output first."""
        return (
            self.standard_offers(today)
            .filter(provider__lab=F("model__organization"))
            .order_by(Case(When(UNMARKED, then=0), default=1), "output_price", "pk")
        )

    def with_list_prices(self, today=None):
        """Annotate `list_input` and `list_output`: the route's model's maker's list prices
        (`list_offers`), for marking prices under half of them."""
        offers = Route.objects.list_offers(today or timezone.localdate()).filter(
            model=OuterRef("model"), output_price__isnull=False
        )
        return self.annotate(
            list_input=Subquery(offers.values("input_price")[:1]),
            list_output=Subquery(offers.values("output_price")[:1]),
        )

    def history_records(self):
        """The price history records (django-simple-history) of these routes that are sold
        per token (a plan's or a free tier's "prices" are none: catalog/pricing.py), oldest
        first, with their provider and editor: one query for any number of routes."""
        return (
            Route.history.model.objects.filter(id__in=self.priced().values("pk"))
            .select_related("provider", "history_user")
            .order_by("history_date", "history_id")
        )


# What tells two routes of one model at one provider apart.
ROUTE_PLACE = (
    "service_mode",
    "context_above",
    "region",
    "quantization",
    "confidential",
    "free_variant",
    "snapshot",
    "variant",
)


# A route served as its model plainly is: no region, quantization, TEE, free variant,
# snapshot or variant of its own.
UNMARKED = Q(
    region="", quantization="", confidential=False, free_variant=False, snapshot="", variant=""
)


def serving_marks(route):
    """How route tables show the way a provider serves a model (catalog/sync/identity.py)."""
    if not (
        route.region
        or route.quantization
        or route.confidential
        or route.free_variant
        or route.snapshot
        or route.variant
    ):
        return ()  # served as the model plainly is, as most routes are
    from catalog.sync.identity import Marks  # the rules' module reads the catalog's models

    return Marks(
        region=route.region,
        quantization=route.quantization,
        confidential=route.confidential,
        free=route.free_variant,
        snapshot=route.snapshot,
        variant=route.variant,
    ).labels()


def price_field(verbose_name, help_text):
    """A price in USD per 1M tokens; empty (NULL) when not sourced, never 0 for unknown."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class HistoryManager(simple_history.manager.HistoryManager):
    """django-simple-history's manager of a route's history, its class made once.

    `route.history` (read by every save, to write its history record) builds its manager
    class anew with `from_queryset()` on each access: a new class every save, a second of
    models.dev's first sync (4,960 routes: 29.8 -> 28.7 s, benchmarks/sync.py). The class
    depends only on its queryset class."""

    @classmethod
    @functools.cache
    def from_queryset(cls, queryset_class, class_name=None):
        return super().from_queryset(queryset_class, class_name)


class PriceHistoryExtras(models.Model):
    """What a price-history record says besides the prices: the sync run that made the
    change (None: an editor), and the day it took effect where the source dates it."""

    sync_run = models.ForeignKey(
        "catalog.SyncRun", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    effective_on = models.DateField("took effect", null=True, blank=True)

    class Meta:
        abstract = True


class Route(Curated):
    """A model offered by a provider, in a service mode and (for a context tier) above an
    input size; prices in USD per 1M tokens.

    A route with `context_above` > 0 is a context tier: its prices apply only to requests
    whose input exceeds that many tokens. A service mode (batch, flex, priority, fast) is a
    different way of buying than the standard one. A price left empty is unknown (not
    sourced yet), never zero.
    """

    class ServiceMode(models.TextChoices):
        STANDARD = "", "standard"
        BATCH = "batch", "batch"
        FLEX = "flex", "flex"
        PRIORITY = "priority", "priority"
        FAST = "fast", "fast"

    model = models.ForeignKey(LanguageModel, on_delete=models.CASCADE, related_name="routes")
    provider = models.ForeignKey(Provider, on_delete=models.PROTECT, related_name="routes")
    provider_model_id = models.CharField("provider's model id", max_length=200, blank=True)
    service_mode = models.CharField(
        max_length=20, choices=ServiceMode.choices, blank=True, default=ServiceMode.STANDARD
    )
    context_above = models.PositiveIntegerField(
        "context tier: input above",
        default=0,
        help_text="0 for the base price; N for a price that applies above N input tokens.",
    )
    input_price = price_field("input price", "USD per 1M input tokens; empty when not sourced.")
    output_price = price_field("output price", "USD per 1M output tokens; empty when not sourced.")
    cached_input_price = price_field("cached input price", "USD per 1M cached input tokens.")
    cache_write_price = price_field("cache write price", "USD per 1M tokens written to cache.")
    is_active = models.BooleanField("active", default=True)
    is_deprecated = models.BooleanField("deprecated", default=False)
    retires_on = models.DateField(
        "retires on", null=True, blank=True, help_text="When the provider stops serving it."
    )
    # How this provider serves the model, where it says (catalog/sync/identity.py).
    context_window = models.PositiveIntegerField(
        null=True, blank=True, help_text="This provider's own limit, in tokens, where stated."
    )
    max_output_tokens = models.PositiveIntegerField(
        null=True, blank=True, help_text="This provider's own limit, where stated."
    )
    region = models.CharField(max_length=20, blank=True, help_text="“EU”, “US”, “Global”…")
    quantization = models.CharField(max_length=20, blank=True, help_text="“FP8”, “INT4”…")
    confidential = models.BooleanField(
        "confidential computing", default=False, help_text="Served in a TEE."
    )
    free_variant = models.BooleanField(
        default=False, help_text="The provider's free variant (“:free”), rate-limited."
    )
    snapshot = models.CharField(
        max_length=40, blank=True, help_text="The dated snapshot this id pins (“20251101”)."
    )
    variant = models.CharField(
        max_length=20, blank=True, help_text="A reasoning switch the id fixes: “thinking”…"
    )
    pricing_kind = models.CharField(
        max_length=20,
        choices=PricingKind,
        default=PricingKind.UNKNOWN,
        help_text="How a reader pays: only a per-token route's prices count as prices. A sync "
        "tells it from the sources (catalog/pricing.py).",
    )
    pricing_kind_by_editor = models.BooleanField(
        "pricing kind kept as an editor set it",
        default=False,
        help_text="Set when an editor changes the pricing kind: a sync then leaves it alone. "
        "Clear it to let the rules tell it again.",
    )
    fact_source = FACT_SOURCE()

    objects = RouteQuerySet.as_manager()
    history = HistoricalRecords(
        excluded_fields=[
            "created_at",
            "updated_at",
            "version",
            "reviewed_at",
            "reviewed_by",
            "sync_run",
            "fact_source",
            "pricing_kind_by_editor",
        ],
        bases=[PriceHistoryExtras],
        history_manager=HistoryManager,
    )

    class Meta:
        ordering = ["model__name", "provider__name", "service_mode", "context_above"]
        constraints = [
            models.UniqueConstraint(
                fields=["model", "provider", *ROUTE_PLACE],
                name="route_one_per_model_provider_tier",
                violation_error_message="This model already has a route at this provider "
                "in this service mode, context tier and way of serving.",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
                    name=f"route_{field}_not_negative",
                    violation_error_message="Prices cannot be negative.",
                )
                for field in PRICE_FIELDS
            ],
        ]

    def __str__(self):
        tier = f" ({self.tier})" if self.tier else ""
        return f"{self.model} on {self.provider}{tier}"

    def save(self, *args, **kwargs):
        # Its pricing kind by the rules, unless an editor set it (catalog/pricing.py).
        if not self.pricing_kind_by_editor:
            self.pricing_kind = route_pricing_kind(route_signals(self))
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "pricing_kind"}
        super().save(*args, **kwargs)

    @property
    def tier(self):
        """The route's tier as it reads: "" for the standard price, "batch", "input over
        200k tokens", "EU, FP8"…"""
        return tier_name(self.service_mode, self.context_above, self.serving_marks)

    @property
    def serving_marks(self):
        """How the provider serves it, as route tables show it: ("EU", "FP8", "TEE")."""
        return serving_marks(self)

    @property
    def place(self):
        """What tells this route from the model's other routes at the provider."""
        return tuple(getattr(self, field) for field in ROUTE_PLACE)


class Benchmark(Curated):
    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True, validators=[validate_catalog_slug])
    category = models.CharField(max_length=60, blank=True, help_text="Coding, reasoning, math…")
    unit = models.CharField(max_length=30, default="%", help_text="“%”, “Elo”, “points”…")
    higher_is_better = models.BooleanField(default=True)
    description = models.TextField(
        "what it measures", blank=True, help_text="One or two sentences, from its authors' page."
    )

    class Meta:
        ordering = ["name"]
        constraints = slug_constraints("benchmark")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:benchmark_detail", args=[self.slug])


# What tells two scores of one model on one benchmark apart: how it was run. Scores compare
# like with like only where these agree (catalog/scores.py).
SCORE_SETTING = ("harness", "variant", "dataset", "benchmark_version")


class BenchmarkScore(Curated):
    """A model's score on a benchmark, as one run measured it: with a harness (the agent or
    tool that ran it: "Mini-SWE-Agent", "Aider, diff"), a variant (the reasoning effort:
    "high"), a dataset ("public") and the benchmark's version ("2.1") where its source
    says. `claim` says whose claim it is: the lab's own, or an independent measurement (by
    `measured_by`)."""

    class Claim(models.TextChoices):
        LAB = "lab", "reported by the lab"
        INDEPENDENT = "independent", "measured independently"
        UNKNOWN = "", "not stated"

    model = models.ForeignKey(LanguageModel, on_delete=models.CASCADE, related_name="scores")
    benchmark = models.ForeignKey(Benchmark, on_delete=models.PROTECT, related_name="scores")
    value = models.DecimalField(max_digits=10, decimal_places=3)
    metric = models.CharField(
        max_length=60, blank=True, help_text="What the value counts: “resolve rate”, “index”…"
    )
    harness = models.CharField(
        max_length=120, blank=True, help_text="What ran it: “Mini-SWE-Agent”, “Aider, diff”."
    )
    variant = models.CharField(
        max_length=60, blank=True, help_text="The model's setting: a reasoning effort, “high”."
    )
    dataset = models.CharField(max_length=60, blank=True, help_text="A split: “public”.")
    benchmark_version = models.CharField(
        max_length=30, blank=True, help_text="The benchmark's version: “2.1”."
    )
    claim = models.CharField(max_length=12, choices=Claim, blank=True, default=Claim.UNKNOWN)
    measured_by = models.CharField(
        max_length=60,
        blank=True,
        help_text="Who measured it, for an independent score: “Aider”, “Artificial Analysis”.",
    )
    measured_on = models.DateField(null=True, blank=True)
    # What else the run states (Aider: its edit format, cost, seconds per case), and every
    # source that states this very score ([{"name": "Aider", "url": …}]).
    details = models.JSONField(default=dict, blank=True)
    sources = models.JSONField(default=list, blank=True, editable=False)
    fact_source = FACT_SOURCE()

    class Meta:
        ordering = ["benchmark__name", "harness", "variant"]
        constraints = [
            models.UniqueConstraint(
                fields=["model", "benchmark", *SCORE_SETTING],
                name="benchmarkscore_one_per_model_and_setting",
                violation_error_message="This model already has a score on this benchmark "
                "with this harness, variant, dataset and version.",
            )
        ]

    def __str__(self):
        return f"{self.model} on {self.benchmark}: {self.value}"

    @property
    def setting(self):
        """How it was run, as it reads: "Mini-SWE-Agent, high", "" when unstated."""
        return ", ".join(part for part in (self.harness, self.variant, self.dataset) if part)


@receiver(pre_create_historical_record, sender=Route.history.model)
def note_the_sync_run(sender, instance, history_instance, **kwargs):
    """A price-history record names the sync run that made the change (None: an editor)."""
    history_instance.sync_run_id = instance.sync_run_id
