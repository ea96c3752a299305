"""The models list (`/models/`): every published model, filtered and sorted by the form."""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from catalog.formatting import MISSING, compact_tokens, iso_day, plural, price_per_million
from catalog.forms import ModelFilterForm, filter_models
from catalog.models import LanguageModel, catalog_changed_at
from catalog.responses import latest
from catalog.seo import PageMeta


@dataclass(frozen=True)
class ModelRow:
    name: str
    url: str
    organization: str
    released: str
    context_window: str
    cheapest_output: str
    openness: str
    capabilities: str


@dataclass(frozen=True)
class ModelListPage:
    rows: list[ModelRow]
    meta: PageMeta
    # The latest change among the rows and the catalog; None for a form with errors,
    # whose answer is about the query, not a copy of the page to keep.
    last_modified: datetime | None

    @property
    def count(self) -> int:
        return len(self.rows)


def model_rows(models) -> list[ModelRow]:
    """One row per model loaded through `LanguageModelQuerySet.for_listing()`."""
    return [
        ModelRow(
            name=model.name,
            url=model.get_absolute_url(),
            organization=model.organization.name,
            released=iso_day(model.released_on),
            context_window=compact_tokens(model.context_window),
            cheapest_output=price_per_million(model.cheapest_output),
            openness=model.get_openness_display() or MISSING,
            capabilities=", ".join(support.capability.name for support in model.supported)
            or MISSING,
        )
        for model in models
    ]


def model_list_meta(form: ModelFilterForm, count: int) -> PageMeta:
    # Filtered views are shareable, but they are views of this one page.
    canonical_path = reverse("catalog:model_list")
    if form.errors:
        return PageMeta(
            title="Models: check the filters",
            description="Some filter values are not valid: see the messages beside them.",
            canonical_path=canonical_path,
            indexable=False,
        )
    if form.is_filtered:
        title = f"Models: {plural(count, 'match', 'matches')} for your filters"
    else:
        title = "Models: specs, prices, and capabilities"
    return PageMeta(
        title=title,
        description=(
            f"{plural(count, 'large language model')} side by side: context window, cheapest "
            "output price, openness, and capabilities, filterable by provider and price."
        ),
        canonical_path=canonical_path,
    )


def read_model_list(form: ModelFilterForm) -> ModelListPage:
    """The list the (bound) filter form asks for; none when the form has errors."""
    if not form.is_valid():
        return ModelListPage(rows=[], meta=model_list_meta(form, 0), last_modified=None)
    listing = LanguageModel.objects.for_listing().with_last_modified()
    models = list(filter_models(listing, form.cleaned_data))
    stamps = [model.last_modified for model in models]
    return ModelListPage(
        rows=model_rows(models),
        meta=model_list_meta(form, len(models)),
        last_modified=latest([*stamps, catalog_changed_at()]),
    )
