"""The public forms of the catalog: the models list's filters (a GET form), and the query
its cleaned data stands for.

The form is always bound to the query string (every field is optional), so an empty
query is the whole catalog and a bad value is a form error, never a server error.
`filter_models` is a plain function of a queryset and cleaned data: testable alone.

The page number is a field too, so a bad one is answered like a bad filter; but the
form renders no input for it: the page links set it, and a filter changed through the
form starts again at page 1.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models.functions import Lower

from catalog.models import Capability, LanguageModel, Provider

# The context windows readers look for, offered as suggestions beside the field.
CONTEXT_SUGGESTIONS = ("32k", "128k", "200k", "256k", "1M")
MAX_CONTEXT = 1_000_000_000  # a billion tokens: past any model, and within the column
MAX_PRICE = Decimal(1_000_000)

# Each sort, and its ORDER BY: unknown values last, then by name (case aside: "gpt-oss" among
# "GPT-5" and "Grok") so that ties read in order.
BY_NAME = Lower("name")
SORTS = {
    "name": ("Name", (BY_NAME,)),
    "released": ("Release date, newest first", (F("released_on").desc(nulls_last=True), BY_NAME)),
    "context": (
        "Context window, largest first",
        (F("context_window").desc(nulls_last=True), BY_NAME),
    ),
    "price": ("Output price, cheapest first", (F("cheapest_output").asc(nulls_last=True), BY_NAME)),
    "list_price": (
        "Maker's list price, cheapest first",
        (F("list_output").asc(nulls_last=True), BY_NAME),
    ),
}
# The sorts that read an annotation, and the QuerySet method that makes it.
SORT_ANNOTATIONS = {"price": "with_cheapest_output", "list_price": "with_list_output"}
DEFAULT_SORT = "name"
FILTER_FIELDS = ("capability", "openness", "provider", "min_context", "max_price")


class TokenCountField(forms.IntegerField):
    """A count of tokens: "131072", "131,072", or as the site writes it, "128k" or "1M".

    A text input, not type=number: the browser would refuse "128k" on its own terms,
    where the server's message says what is wrong beside the field.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    SUFFIXES = {"k": 1_000, "m": 1_000_000}

    def to_python(self, value):
        if isinstance(value, str):
            text = value.strip().lower().replace(",", "").replace("_", "").replace(" ", "")
            multiplier = self.SUFFIXES.get(text[-1:], 1)
            if multiplier != 1:
                try:
                    number = Decimal(text[:-1])
                except InvalidOperation:
                    raise ValidationError(self.error_messages["invalid"], code="invalid") from None
                if not number.is_finite():
                    raise ValidationError(self.error_messages["invalid"], code="invalid")
                # Clamped before any arithmetic: "1e999999999k" must neither overflow nor
                # build a billion-digit int; the validators then say "at most" / "0 or more".
                number = Decimal(max(min(number, MAX_CONTEXT + 1), -1)) * multiplier
                if number != number.to_integral_value():
                    raise ValidationError(self.error_messages["invalid"], code="invalid")
                value = str(int(max(min(number, MAX_CONTEXT + 1), -1)))
            else:
                value = text
        return super().to_python(value)


class PriceField(forms.DecimalField):
    """USD per 1M tokens; a leading "$" is allowed, as the site writes prices."""

    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().removeprefix("$").strip()
        return super().to_python(value)


def capability_field():
    """Capabilities a model must support, each ticked (the choices are set per form)."""
    return forms.MultipleChoiceField(
        label="Capabilities",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="A model must support every capability ticked.",
        error_messages={
            "invalid_choice": "Unknown capability “%(value)s”: tick one from the list.",
        },
    )


def openness_field():
    return forms.ChoiceField(
        label="Openness",
        required=False,
        choices=[("", "Any openness"), *LanguageModel.Openness.choices],
        error_messages={
            "invalid_choice": "Unknown openness “%(value)s”: choose one from the list."
        },
    )


def min_context_field():
    return TokenCountField(
        label="Minimum context window",
        required=False,
        min_value=0,
        max_value=MAX_CONTEXT,
        help_text="In tokens: 128000, or 128k.",
        error_messages={
            "invalid": "Enter a number of tokens, such as 128000 or 128k.",
            "min_value": "Enter 0 or more tokens.",
            "max_value": f"Enter at most {MAX_CONTEXT:,} tokens.",
        },
    )


def page_field():
    """A page of results: a field so that a bad number is answered like a bad filter."""
    return forms.IntegerField(
        label="Page",
        required=False,
        min_value=1,
        error_messages={
            "invalid": "The page must be a whole number, such as 2.",
            "min_value": "Pages are numbered from 1.",
        },
    )


class ModelFilterForm(forms.Form):
    capability = capability_field()
    openness = openness_field()
    provider = forms.ChoiceField(
        label="Provider",
        required=False,
        error_messages={
            "invalid_choice": "No provider “%(value)s” serves a published model: choose one "
            "from the list.",
        },
    )
    min_context = min_context_field()
    max_price = PriceField(
        label="Maximum output price",
        required=False,
        min_value=0,
        max_value=MAX_PRICE,
        max_digits=12,
        decimal_places=6,
        help_text="USD per 1M output tokens, such as 2.50.",
        error_messages={
            "invalid": "Enter a price in USD per 1M output tokens, such as 2.50.",
            "min_value": "Enter a price of 0 or more.",
            "max_value": f"Enter at most ${MAX_PRICE:,} per 1M tokens.",
            "max_digits": "Enter a price of at most 12 digits in all, such as 2.50.",
            "max_decimal_places": "Enter a price with at most 6 digits after the point.",
            "max_whole_digits": f"Enter at most ${MAX_PRICE:,} per 1M tokens.",
        },
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        error_messages={"invalid_choice": "Unknown sort “%(value)s”: choose one from the list."},
    )
    page = page_field()

    def __init__(self, data, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["capability"].choices = list(Capability.objects.values_list("slug", "name"))
        providers = Provider.objects.serving_published_models().values_list("slug", "name")
        self.fields["provider"].choices = [("", "Any provider"), *providers]
        self.fields["min_context"].widget.attrs["list"] = "context-sizes"
        self.context_suggestions = CONTEXT_SUGGESTIONS

    @property
    def sort_label(self):
        """The sort the valid form asks for, as the list's caption names it."""
        label, _ = SORTS[self.cleaned_data.get("sort") or DEFAULT_SORT]
        return label

    @property
    def is_filtered(self):
        """True when the valid form narrows the catalog (a sort alone does not)."""
        return any(self.cleaned_data.get(name) not in (None, "", []) for name in FILTER_FIELDS)


def filter_models(queryset, filters):
    """`queryset` narrowed and ordered by a ModelFilterForm's cleaned data.

    `queryset` must carry `cheapest_output` (see `LanguageModelQuerySet.for_listing`)
    for the price sort.
    """
    return order_models(narrow_models(queryset, filters), filters)


def order_models(queryset, filters):
    """`queryset` in the order a ModelFilterForm's cleaned data asks for."""
    _, ordering = SORTS[filters.get("sort") or DEFAULT_SORT]
    return queryset.order_by(*ordering)


def narrow_models(queryset, filters):
    """`queryset` narrowed by a ModelFilterForm's cleaned data, in no set order: what
    `filter_models` lists, for a count that needs neither the order nor its annotations."""
    if filters.get("capability"):
        queryset = queryset.supporting(filters["capability"])
    if filters.get("openness"):
        queryset = queryset.filter(openness=filters["openness"])
    if filters.get("provider"):
        queryset = queryset.served_by(filters["provider"])
    if filters.get("min_context") is not None:
        queryset = queryset.filter(context_window__gte=filters["min_context"])
    if filters.get("max_price") is not None:
        queryset = queryset.output_price_at_most(filters["max_price"])
    return queryset


class ProviderKindForm(forms.Form):
    """The providers list's filter: one kind, or every kind."""

    kind = forms.ChoiceField(
        label="Kind",
        required=False,
        choices=[("", "Every kind"), *Provider.Kind.choices],
        error_messages={"invalid_choice": "Unknown kind “%(value)s”: choose one from the list."},
    )
