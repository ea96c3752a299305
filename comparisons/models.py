"""Settings editors keep for the public pages."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from comparisons.cost import MAX_MONTHLY_TOKENS, Traffic


class TrafficDefaults(models.Model):
    """The traffic the cost calculator starts from (one row, created by a migration)."""

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

    def as_traffic(self):
        return Traffic(self.requests_per_month, self.input_tokens, self.output_tokens)
