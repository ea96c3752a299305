"""The home page: the compare picker, the pairs editors feature, and what was reviewed lately.

Two queries whatever the size of the catalog: the featured pairs, and the most recently
reviewed models, whose pairs among themselves are the recently reviewed pairs.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from django.conf import settings
from django.urls import reverse

from catalog.models import LanguageModel
from catalog.seo import PageMeta
from catalog.slugs import pair_url
from comparisons.models import FeaturedComparison

FEATURED_LIMIT = 12
RECENT_MODELS = 8
RECENT_PAIRS = 8
PAIRS_PER_MODEL = 2


@dataclass(frozen=True)
class RecentPair:
    """Two reviewed models; `later` is the one reviewed last."""

    later: LanguageModel
    earlier: LanguageModel

    @property
    def reviewed_at(self) -> datetime | None:
        return self.later.reviewed_at

    @property
    def title(self) -> str:
        return f"{self.later.name} vs {self.earlier.name}"

    @property
    def url(self) -> str:
        return pair_url(self.later.slug, self.earlier.slug)


def latest_first(one: LanguageModel, other: LanguageModel) -> tuple[LanguageModel, LanguageModel]:
    """The two models, the one reviewed last first; on the same date, in slug order."""
    if one.reviewed_at == other.reviewed_at:
        return (one, other) if one.slug < other.slug else (other, one)
    # Only reviewed models come here: recently_reviewed_models() excludes reviewed_at NULL.
    return (one, other) if one.reviewed_at > other.reviewed_at else (other, one)  # type: ignore[operator]


def recent_pairs(
    models: Iterable[LanguageModel], limit: int = RECENT_PAIRS, per_model: int = PAIRS_PER_MODEL
) -> list[RecentPair]:
    """The pairs among reviewed `models` (anything with name, slug, reviewed_at), latest first.

    A pair page changes when either model is reviewed, so a pair counts from the later of
    its two review dates; on a tie, the pair whose other model was reviewed later comes
    first, then the pair URL decides, so the order never depends on the query's. A model
    appears in at most `per_model` pairs: one fresh review must not fill the list with
    that model's pairs.
    """
    pairs = [RecentPair(*latest_first(one, other)) for one, other in combinations(models, 2)]
    pairs.sort(key=lambda pair: pair.url)
    pairs.sort(key=lambda pair: (pair.later.reviewed_at, pair.earlier.reviewed_at), reverse=True)
    shown: list[RecentPair] = []
    appearances: Counter[str] = Counter()
    for pair in pairs:
        if len(shown) == limit:
            break
        if appearances[pair.later.slug] < per_model and appearances[pair.earlier.slug] < per_model:
            shown.append(pair)
            appearances.update((pair.later.slug, pair.earlier.slug))
    return shown


def recently_reviewed_models(limit: int = RECENT_MODELS) -> list[LanguageModel]:
    return list(
        LanguageModel.objects.published()
        .filter(reviewed_at__isnull=False)
        .select_related("organization")
        .order_by("-reviewed_at", "name")[:limit]
    )


@dataclass(frozen=True)
class HomePage:
    featured: list[FeaturedComparison]
    recent_models: list[LanguageModel]
    recent_pairs: list[RecentPair]
    meta: PageMeta


def read_home_page() -> HomePage:
    models = recently_reviewed_models()
    return HomePage(
        featured=list(FeaturedComparison.objects.shown()[:FEATURED_LIMIT]),
        recent_models=models,
        recent_pairs=recent_pairs(models),
        meta=PageMeta(
            title=f"{settings.SITE_NAME}: compare large language models side by side",
            description="Pick two large language models and compare context windows, prices "
            "per provider, capabilities and benchmarks, from public catalogs and model cards, "
            "reviewed by editors where a page says so.",
            canonical_path=reverse("comparisons:home"),
        ),
    )
