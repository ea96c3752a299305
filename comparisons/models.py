"""Settings editors keep for the public pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Greatest, Least

from catalog.dependencies import memoized
from catalog.models import LanguageModel, TrackedQuerySet, Versioned
from catalog.slugs import pair_url
from comparisons.cost import MAX_MONTHLY_TOKENS, Traffic


class TrafficDefaults(Versioned):
    """The traffic the cost calculator starts from (one row, created by a migration).

    `Versioned`: an editor saving a stale admin form is told someone else saved it meanwhile.
    """

    requests_per_month = models.PositiveBigIntegerField(
        default=1_000_000, validators=[MinValueValidator(1), MaxValueValidator(MAX_MONTHLY_TOKENS)]
    )
    input_tokens = models.PositiveIntegerField(
        "input tokens per request", default=400, validators=[MaxValueValidator(10_000_000)]
    )
    output_tokens = models.PositiveIntegerField(
        "output tokens per request", default=300, validators=[MaxValueValidator(10_000_000)]
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrackedQuerySet.as_manager()  # a bulk write says so, as a save does

    class Meta:
        verbose_name = "traffic defaults"
        verbose_name_plural = "traffic defaults"
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="trafficdefaults_single_row"),
        ]

    def __str__(self):
        return (
            f"{self.requests_per_month:,} requests a month, "
            f"{self.input_tokens:,} in / {self.output_tokens:,} out"
        )

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def clean(self):
        if self.as_traffic().monthly_tokens > MAX_MONTHLY_TOKENS:
            raise ValidationError(
                f"That is more than {MAX_MONTHLY_TOKENS:,} tokens a month; lower the traffic."
            )

    @classmethod
    def load(cls):
        defaults, _ = cls.objects.get_or_create(pk=1)
        return defaults

    @classmethod
    def kept(cls):
        """`load()`, kept between requests where a memo is (catalog/dependencies.py), with
        the page reading it depending on its key: what the public pages and the API read."""
        return memoized("traffic-defaults", cls.load)

    def as_traffic(self):
        return Traffic(self.requests_per_month, self.input_tokens, self.output_tokens)


class FeaturedComparisonQuerySet(TrackedQuerySet):
    def shown(self):
        """The pairs the home page shows: both models published, in editors' order."""
        return self.filter(model_a__is_published=True, model_b__is_published=True).select_related(
            "model_a", "model_b"
        )


class FeaturedComparison(Versioned):
    """A pair editors put on the home page, with an optional line on why it is worth reading.
    (`Versioned`: the admin refuses a stale form's save.)

    The pair is stored in canonical order (slugs ascending, as in the pair URL); the
    database refuses a model featured against itself, and the same pair twice in either
    order (the unique index is on the smaller and the larger id, whatever the stored order).
    """

    model_a = models.ForeignKey(
        "catalog.LanguageModel", verbose_name="model A", on_delete=models.CASCADE, related_name="+"
    )
    model_b = models.ForeignKey(
        "catalog.LanguageModel", verbose_name="model B", on_delete=models.CASCADE, related_name="+"
    )
    blurb = models.CharField(
        max_length=200,
        blank=True,
        help_text="One short line on the home page under the pair: why readers compare these two.",
    )
    position = models.PositiveSmallIntegerField(
        default=100, help_text="Lower numbers come first on the home page."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FeaturedComparisonQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(model_a=models.F("model_b")),
                name="featuredcomparison_two_models",
                violation_error_message="A model cannot be compared with itself: pick two "
                "different models.",
            ),
            models.UniqueConstraint(
                Least("model_a", "model_b"),
                Greatest("model_a", "model_b"),
                name="featuredcomparison_one_per_pair",
                violation_error_message="This pair is already featured (in one order or the "
                "other): change the existing entry instead.",
            ),
        ]

    def __str__(self):
        return f"{self.model_a} vs {self.model_b}"

    def save(self, *args, **kwargs):
        self.put_in_canonical_order()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return pair_url(self.model_a.slug, self.model_b.slug)

    def clean(self):
        self.put_in_canonical_order()

    def put_in_canonical_order(self):
        """Model A is the one whose slug sorts first, as in the pair URL."""
        # An unsaved form's instance may lack either model (the stubs type the ids as set).
        if self.model_a_id is None or self.model_b_id is None:
            return  # type: ignore[unreachable]
        if self.model_b.slug < self.model_a.slug:
            self.model_a, self.model_b = self.model_b, self.model_a


class ModelToReview(LanguageModel):
    """A published model as the editors' review queue lists it (comparisons/review_queue.py),
    each opening on its review page. No table of its own: a proxy for its own admin and
    permissions."""

    class Meta:
        proxy = True
        verbose_name = "model to review"
        verbose_name_plural = "review queue"
