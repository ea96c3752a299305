"""The compare picker's name resolution: what a typed text names among published models.

A reader may type a model's name, its slug or its organization. `resolve()` decides,
without the database, what a typed text names among the candidates one query found: an
exact name or slug wins over partial matches, then an organization with a single model,
then a single partial match; anything else is an answer the form shows beside the field.
The form (comparisons/forms.py) turns two resolved names into the canonical pair URL.
"""

from dataclasses import dataclass

from django.db.models import Case, IntegerField, Q, Value, When

from catalog.models import LanguageModel
from catalog.slugs import slug_from_name

MAX_QUERY_LENGTH = 100
MAX_SUGGESTIONS = 10
# An ambiguous name lists this many models; one more is fetched to know that others exist.
MAX_CHOICES = 10


@dataclass(frozen=True)
class Candidate:
    """A published model as the picker knows it."""

    name: str
    slug: str
    organization: str

    @property
    def label(self):
        return f"{self.name} — {self.organization}"


@dataclass(frozen=True)
class Resolution:
    """What a typed text names: one model, or an error with the models it could mean."""

    model: Candidate | None = None
    error: str = ""
    choices: tuple[Candidate, ...] = ()


def resolve(text, candidates, more=False):
    """The model `text` names among `candidates`: the models whose name, slug or
    organization contains it, in find_candidates' order (exact names or slugs, then the
    organization's models, then the rest). `more` says that further ones were left out."""
    needle = text.strip().casefold()
    slug = slug_from_name(text)
    candidates = tuple(candidates)
    exact = [c for c in candidates if c.name.casefold() == needle or (slug and c.slug == slug)]
    by_organization = [c for c in candidates if c.organization.casefold() == needle]
    # A cut list holds all of an organization's models when others came after them.
    organization_cut = more and len(by_organization) == len(candidates)
    for matches, cut in ((exact, False), (by_organization, organization_cut), (candidates, more)):
        if len(matches) == 1 and not cut:
            return Resolution(model=matches[0])
        if matches:
            return ambiguous(text, matches, cut)
    return Resolution(error=f"No published model matches “{text.strip()}”.")


def ambiguous(text, matches, truncated):
    names = ", ".join(c.name for c in matches[:MAX_CHOICES])
    if truncated or len(matches) > MAX_CHOICES:
        names += ", … (type more of the name to narrow it down)"
    return Resolution(
        error=f"“{text.strip()}” matches several models: pick one: {names}",
        choices=tuple(matches[:MAX_CHOICES]),
    )


def find_candidates(text):
    """One query: the published models `text` may name, exact matches first."""
    needle = text.strip()
    slug = slug_from_name(needle)
    exact = Q(name__iexact=needle)
    partial = Q(name__icontains=needle) | Q(organization__name__icontains=needle)
    if slug:  # "???" has no slug, and an empty one would match every model
        exact |= Q(slug=slug)
        partial |= Q(slug__contains=slug)
    rows = (
        LanguageModel.objects.published()
        .filter(partial)
        .annotate(
            rank=Case(
                When(exact, then=Value(0)),
                When(organization__name__iexact=needle, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name")
        .values_list("name", "slug", "organization__name")[: MAX_CHOICES + 1]
    )
    candidates = [Candidate(*row) for row in rows]
    return candidates[:MAX_CHOICES], len(candidates) > MAX_CHOICES


def suggest(text):
    """Up to MAX_SUGGESTIONS published models whose name or organization contains `text`,
    names starting with it first."""
    needle = text.strip()
    rows = (
        LanguageModel.objects.published()
        .filter(Q(name__icontains=needle) | Q(organization__name__icontains=needle))
        .annotate(
            rank=Case(
                When(name__istartswith=needle, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "name")
        .values_list("name", "slug", "organization__name")[:MAX_SUGGESTIONS]
    )
    return [Candidate(*row) for row in rows]
