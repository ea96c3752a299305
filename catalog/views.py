"""Public pages of the catalog: models and providers."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from catalog.models import LanguageModel, Provider
from catalog.seo import PageMeta


@require_GET
def model_detail(request, slug):
    model = get_object_or_404(LanguageModel.objects.published(), slug=slug)
    meta = PageMeta(
        title=f"{model.name}: specs, prices, capabilities | LLM Reference",
        description=f"{model.name} by {model.organization}: context window, prices, capabilities.",
        canonical_path=model.get_absolute_url(),
    )
    return render(request, "catalog/model_detail.html", {"model": model, "meta": meta})


@require_GET
def provider_detail(request, slug):
    provider = get_object_or_404(Provider, slug=slug)
    meta = PageMeta(
        title=f"{provider.name}: models and prices | LLM Reference",
        description=f"The models {provider.name} serves, with their prices.",
        canonical_path=provider.get_absolute_url(),
    )
    return render(request, "catalog/provider_detail.html", {"provider": provider, "meta": meta})
