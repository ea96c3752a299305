"""The compare picker: two typed names become the canonical pair URL.

A reader may type a model's name, its slug or its organization. `resolve()` decides,
without the database, what a typed text names among the candidates one query found: an
exact name or slug wins over partial matches, then an organization with a single model,
then a single partial match; anything else is an answer the form shows beside the field.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_safe

from catalog.models import LanguageModel
from catalog.seo import PageMeta
from catalog.slugs import slug_from_name
from comparisons.pairs import pair_url

MAX_QUERY_LENGTH = 100
MAX_SUGGESTIONS = 10
# An ambiguous name lists this many models; one more is fetched to know that others exist.
MAX_CHOICES = 10
FIELDS = ("a", "b")
# The autocomplete reads `q`; htmx sends the picker's own input as it is named (`a`, `b`).
AUTOCOMPLETE_PARAMS = ("q", *FIELDS)


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


class ModelNameField(forms.CharField):
    """A model's name, slug or organization, typed with suggestions from the autocomplete."""

    def __init__(self, **kwargs):
        super().__init__(
            max_length=MAX_QUERY_LENGTH,
            help_text="A model’s name, its slug or its organization.",
            error_messages={
                "required": "Enter a model name, slug or organization.",
                "max_length": f"Enter at most {MAX_QUERY_LENGTH} characters: a model name "
                "is shorter than that.",
            },
            **kwargs,
        )


class PickerForm(forms.Form):
    """Two models to compare. Each field resolves to a published model, or says why not."""

    a = ModelNameField(label="Model A")
    b = ModelNameField(label="Model B")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Suggestions already known (an ambiguous name's models) fill the field's datalist.
        self.suggestions = dict.fromkeys(FIELDS, ())
        autocomplete_url = reverse("compare_autocomplete")
        for name, field in self.fields.items():
            field.widget.attrs.update(
                {
                    "list": f"{name}-suggestions",
                    "autocomplete": "off",
                    "spellcheck": "false",
                    "data-hx-get": autocomplete_url,
                    "data-hx-trigger": "input changed delay:250ms, focus",
                    "data-hx-target": f"#{name}-suggestions",
                    "data-hx-swap": "innerHTML",
                    "data-hx-sync": "this:replace",
                }
            )

    def fields_with_suggestions(self):
        """(bound field, suggestions) for each field, as the template lays them out."""
        return [(self[name], self.suggestions[name]) for name in FIELDS]

    @classmethod
    def from_query(cls, query):
        """Bound to the query string when it names either model, else an empty form."""
        if any(name in query for name in FIELDS):
            return cls(query)
        return cls()

    def clean_a(self):
        return self.resolve_field("a")

    def clean_b(self):
        return self.resolve_field("b")

    def resolve_field(self, name):
        resolution = resolve(self.cleaned_data[name], *find_candidates(self.cleaned_data[name]))
        if resolution.model is None:
            self.suggestions[name] = resolution.choices
            raise forms.ValidationError(resolution.error, code="unresolved")
        return resolution.model

    def clean(self):
        cleaned_data = super().clean()
        a, b = cleaned_data.get("a"), cleaned_data.get("b")
        if a is not None and a == b:
            self.add_error("b", forms.ValidationError("Pick two different models.", code="same"))
        return cleaned_data

    def pair_url(self):
        return pair_url(self.cleaned_data["a"].slug, self.cleaned_data["b"].slug)


def picker_meta(form):
    return PageMeta(
        title="Compare two language models | LLM Reference",
        description="Pick two large language models by name, slug or organization and read "
        "their side-by-side comparison: context, prices, capabilities, benchmarks.",
        canonical_path=reverse("compare"),
        indexable=not form.is_bound,
    )


@require_safe
def compare(request):
    """The picker; a valid pick redirects to the canonical pair page."""
    form = PickerForm.from_query(request.GET)
    if form.is_bound and form.is_valid():
        return HttpResponseRedirect(form.pair_url())
    status = 400 if form.is_bound else 200
    context = {"form": form, "meta": picker_meta(form)}
    return render(request, "comparisons/picker.html", context, status=status)


@require_safe
def autocomplete(request):
    """The suggestions for a typed text: <option>s for the field's <datalist>.

    `q` must hold some text. A picker field sent empty (the reader cleared it, or focused
    it before typing) is an ordinary state of the form: it gets no suggestions, not an error.
    """
    param = next((name for name in AUTOCOMPLETE_PARAMS if name in request.GET), None)
    text = request.GET[param] if param else ""
    if len(text) > MAX_QUERY_LENGTH:
        response = bad_query(f"Type at most {MAX_QUERY_LENGTH} characters in q.")
    elif "\x00" in text:  # PostgreSQL refuses it in a query; the picker's form does too
        response = bad_query("Type letters, digits or punctuation in q: no null characters.")
    elif not text.strip() and param not in FIELDS:
        response = bad_query("Type part of a model or organization name in q.")
    else:
        suggestions = suggest(text) if text.strip() else []
        response = render(
            request, "includes/compare_form.html#suggestions", {"suggestions": suggestions}
        )
    response["X-Robots-Tag"] = "noindex"
    return response


def bad_query(message):
    return HttpResponseBadRequest(format_html("<p>{}</p>", message))
