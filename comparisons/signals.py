"""What the comparisons app does when the catalog changes under it."""

from django.dispatch import receiver

from catalog.merge import models_merged
from comparisons.models import FeaturedComparison


@receiver(models_merged)
def feature_the_survivor(sender, survivor, loser, **kwargs):
    """A featured pair with the merged-away model features the survivor instead; a pair
    that would compare the survivor with itself, or repeat another featured pair, goes."""
    featured = FeaturedComparison.objects.filter(model_a=loser) | FeaturedComparison.objects.filter(
        model_b=loser
    )
    for comparison in featured:
        other = comparison.model_b if comparison.model_a_id == loser.pk else comparison.model_a
        duplicate = FeaturedComparison.objects.filter(
            model_a__in=[survivor, other], model_b__in=[survivor, other]
        ).exclude(pk=comparison.pk)
        if other.pk == survivor.pk or duplicate.exists():
            comparison.delete()
            continue
        comparison.model_a, comparison.model_b = survivor, other
        comparison.save()
