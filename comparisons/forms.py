"""The comparisons' public forms: a traffic (`WorkloadForm`, and the pair calculator's
`TrafficForm` with its pricing), and the forms that name models (`PickerForm`, a lineup's
`AddModelForm`).

All are GET forms whose errors say, beside the field, what is wrong.
"""

from dataclasses import replace
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.urls import reverse

from catalog.forms import (
    PriceField,
    capability_field,
    min_context_field,
    openness_field,
    page_field,
)
from catalog.models import Route
from catalog.slugs import pair_url
from comparisons.cost import (
    AT_PROVIDER,
    CHEAPEST,
    FOR_THE_PAIR,
    LIST_PRICE,
    MAX_MONTHLY_TOKENS,
    Pricing,
    Traffic,
)
from comparisons.cost_ranking import ORDERS, Filters
from comparisons.cost_sql import BY_SCORE
from comparisons.picker import MAX_QUERY_LENGTH, find_candidates, resolve

TRAFFIC_FIELDS = ("requests", "input_tokens", "output_tokens", "mode", "pricing", "provider")
PRICING_CHOICES = [
    (FOR_THE_PAIR.basis, "List price, else cheapest route"),
    (LIST_PRICE, "The maker's list price"),
    (CHEAPEST, "The cheapest tracked route"),
    (AT_PROVIDER, "A provider I choose"),
]
PICKER_FIELDS = ("a", "b")
# What `/cost/` is asked besides a workload and a page.
COST_CHOICES = ("capability", "min_context", "openness", "maker", "max_cost", "benchmark", "order")
MAX_COST = Decimal(10**12)  # USD a month: past any traffic the calculator takes


class CountField(forms.IntegerField):
    """A whole number that may be typed with thousands separators: "1,000,000".

    A text input, not type=number: the browser would refuse "1,000,000" on its own terms,
    where the server's message says what is wrong beside the field, with or without htmx.
    """

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def prepare_value(self, value):
        return f"{value:,}" if isinstance(value, int) else value

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").replace("_", "").replace(" ", "")
        return super().to_python(value)


class WorkloadForm(forms.Form):
    """A traffic: requests a month, tokens in and out of each, the service mode."""

    FIELDS: tuple[str, ...] = ("requests", "input_tokens", "output_tokens", "mode")

    requests = CountField(
        label="Requests per month",
        min_value=0,
        max_value=MAX_MONTHLY_TOKENS,
        error_messages={"min_value": "Enter 0 or more requests."},
    )
    input_tokens = CountField(
        label="Input tokens per request",
        min_value=0,
        max_value=MAX_MONTHLY_TOKENS,
        error_messages={"min_value": "Enter 0 or more tokens."},
    )
    output_tokens = CountField(
        label="Output tokens per request",
        min_value=0,
        max_value=MAX_MONTHLY_TOKENS,
        error_messages={"min_value": "Enter 0 or more tokens."},
    )
    mode = forms.ChoiceField(
        label="Service mode",
        required=False,
        choices=Route.ServiceMode.choices,
        help_text="How you buy: standard, or batch, flex… where offered.",
        error_messages={
            "invalid_choice": "Unknown service mode “%(value)s”: choose one from the list."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("requests", "input_tokens", "output_tokens"):
            field = self.fields[name]
            field.error_messages["invalid"] = "Enter a whole number, such as 1000000."
            field.error_messages["required"] = "Enter a number: this field cannot be empty."
            field.error_messages["max_value"] = (
                f"Enter at most {MAX_MONTHLY_TOKENS:,}: that is already a trillion."
            )

    @staticmethod
    def initial_values(defaults: Traffic) -> dict[str, Any]:
        return {
            "requests": defaults.requests_per_month,
            "input_tokens": defaults.input_tokens,
            "output_tokens": defaults.output_tokens,
            "mode": defaults.mode,
        }

    @classmethod
    def from_query(cls, query, defaults, **kwargs):
        """Bound to the query string when it names any of the form's fields, else the
        defaults.

        A field the query does not name takes its default ("?requests=2000000" is a fine
        link to share); a field named but left empty is an error to show."""
        initial = cls.initial_values(defaults)
        named = [name for name in cls.FIELDS if name in query]
        if not named:
            return cls(initial=initial, **kwargs)
        data = {name: query.get(name, initial[name]) for name in cls.FIELDS}
        form = cls(data, initial=initial, **kwargs)
        form.named = named
        return form

    def clean(self):
        # Form.clean() returns cleaned_data (its stub allows None, for overrides that do).
        cleaned_data = cast(dict[str, Any], super().clean())
        if not self.errors:
            traffic = self.traffic()
            if traffic.monthly_tokens > MAX_MONTHLY_TOKENS:
                self.add_error(
                    "requests",
                    forms.ValidationError(
                        f"That traffic is {traffic.monthly_tokens:,} tokens a month; the "
                        f"calculator stops at {MAX_MONTHLY_TOKENS:,} (10^12). Lower the "
                        "requests or the tokens per request.",
                        code="too_large",
                    ),
                )
        return cleaned_data

    def traffic(self):
        """The traffic this form stands for: its cleaned values, or its defaults."""
        values = self.cleaned_data if self.is_bound else self.initial
        return Traffic(
            values["requests"],
            values["input_tokens"],
            values["output_tokens"],
            values.get("mode") or "",
        )

    named: list[str] = []  # the fields the query string named (from_query)

    def query(self) -> dict[str, str]:
        """The fields the reader's query string named, as a link carries them on."""
        return {name: str(self.data[name]) for name in self.named}


class TrafficForm(WorkloadForm):
    """The pair page's calculator: a traffic, and how to price both models."""

    FIELDS = TRAFFIC_FIELDS

    pricing = forms.ChoiceField(
        label="Price by",
        required=False,
        choices=PRICING_CHOICES,
        help_text="List price: the maker's own API, where both models have one.",
        error_messages={
            "invalid_choice": "Unknown way to price “%(value)s”: choose one from the list."
        },
    )
    provider = forms.ChoiceField(
        label="Provider",
        required=False,
        help_text="For “a provider I choose”: one that sells both models per token.",
        error_messages={
            "invalid_choice": "“%(value)s” does not sell both models per token here: choose "
            "a provider from the list."
        },
    )

    def __init__(self, *args, providers=(), **kwargs):
        """`providers`: (slug, name) of the providers that sell both models per token."""
        super().__init__(*args, **kwargs)
        self.provider_names = dict(providers)
        cast(forms.ChoiceField, self.fields["provider"]).choices = [("", "—"), *providers]

    @staticmethod
    def initial_values(defaults: Traffic) -> dict[str, Any]:
        return {
            **WorkloadForm.initial_values(defaults),
            "pricing": FOR_THE_PAIR.basis,
            "provider": "",
        }

    def clean(self):
        basis, provider = self.cleaned_data.get("pricing"), self.cleaned_data.get("provider")
        if provider and basis not in (FOR_THE_PAIR.basis, AT_PROVIDER, None):
            self.add_error(
                "provider",
                forms.ValidationError(
                    "Choose “A provider I choose” to price at a provider, or leave the "
                    "provider empty.",
                    code="provider_unused",
                ),
            )
        elif basis == AT_PROVIDER and not provider:
            self.add_error(
                "provider",
                forms.ValidationError(
                    "Choose the provider to price both models at."
                    if self.provider_names
                    else "These two models share no provider that sells both per token.",
                    code="provider_missing",
                ),
            )
        return super().clean()

    def pricing_choice(self):
        """How the reader prices both models (a `Pricing`): a provider picked alone, with
        "Price by" left as it was, prices at that provider."""
        values = self.cleaned_data if self.is_bound else self.initial
        provider = values.get("provider") or ""
        if provider:
            return Pricing(AT_PROVIDER, provider, self.provider_names[provider])
        return Pricing(values.get("pricing") or FOR_THE_PAIR.basis)


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


class ModelsForm(forms.Form):
    """Fields that each name a published model (`ModelNameField`s), each with the
    autocomplete's suggestions in its own <datalist>."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Suggestions already known (an ambiguous name's models) fill the field's datalist.
        self.suggestions = dict.fromkeys(self.fields, ())
        autocomplete_url = reverse("comparisons:compare_autocomplete")
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
                    # Suggestions are not a page: never in the address bar, whatever
                    # the form around says (htmx attributes are inherited).
                    "data-hx-push-url": "false",
                }
            )

    def fields_with_suggestions(self):
        """(bound field, suggestions) for each field, as the template lays them out."""
        return [(self[name], self.suggestions[name]) for name in self.fields]

    def resolve_field(self, name):
        resolution = resolve(self.cleaned_data[name], *find_candidates(self.cleaned_data[name]))
        if resolution.model is None:
            self.suggestions[name] = resolution.choices
            raise forms.ValidationError(resolution.error, code="unresolved")
        return resolution.model


class PickerForm(ModelsForm):
    """Two models to compare. Each field resolves to a published model, or says why not."""

    a = ModelNameField(label="Model A")
    b = ModelNameField(label="Model B")

    @classmethod
    def from_query(cls, query):
        """Bound to the query string when it names either model, else an empty form."""
        if any(name in query for name in PICKER_FIELDS):
            return cls(query)
        return cls()

    def clean_a(self):
        return self.resolve_field("a")

    def clean_b(self):
        return self.resolve_field("b")

    def clean(self):
        # Form.clean() returns cleaned_data (its stub allows None, for overrides that do).
        cleaned_data = cast(dict[str, Any], super().clean())
        a, b = cleaned_data.get("a"), cleaned_data.get("b")
        if a is not None and a == b:
            self.add_error("b", forms.ValidationError("Pick two different models.", code="same"))
        return cleaned_data

    def pair_url(self):
        return pair_url(self.cleaned_data["a"].slug, self.cleaned_data["b"].slug)


class AddModelForm(ModelsForm):
    """A model to add to a lineup of models (comparisons/lineup.py)."""

    add = ModelNameField(label="Add a model")

    def clean_add(self):
        return self.resolve_field("add")


class CostForm(WorkloadForm):
    """`/cost/`: a workload, what narrows the models ranked by its cost, the order, and
    optionally a benchmark to show beside the costs. Always bound: a field the query does
    not name takes its default, so every address is a ranking, and a bad value a 400."""

    FIELDS = (*WorkloadForm.FIELDS, "cached")

    cached = forms.DecimalField(
        label="Input read from cache, %",
        min_value=0,
        max_value=100,
        max_digits=5,
        decimal_places=2,
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text="The share of each request's input served from the provider's prompt cache, "
        "at its cache price where it states one.",
        error_messages={
            "invalid": "Enter a percentage from 0 to 100, such as 50.",
            "min_value": "Enter a percentage from 0 to 100, such as 50.",
            "max_value": "Enter a percentage from 0 to 100, such as 50.",
            "max_digits": "Enter a percentage from 0 to 100, such as 50.",
            "max_decimal_places": "Enter a percentage with at most 2 digits after the point.",
            "max_whole_digits": "Enter a percentage from 0 to 100, such as 50.",
        },
    )
    capability = capability_field()
    min_context = min_context_field()
    openness = openness_field()
    maker = forms.ChoiceField(
        label="Maker",
        required=False,
        error_messages={
            "invalid_choice": "No maker “%(value)s” has a published model: choose one from the "
            "list."
        },
    )
    max_cost = PriceField(
        label="Maximum monthly cost, USD",
        required=False,
        min_value=0,
        max_value=MAX_COST,
        max_digits=16,
        decimal_places=2,
        help_text="Only models known to cost at most this a month (on the order's basis).",
        error_messages={
            "invalid": "Enter an amount in USD, such as 500.",
            "min_value": "Enter an amount of 0 or more.",
            "max_value": f"Enter at most ${MAX_COST:,}.",
            "max_digits": f"Enter at most ${MAX_COST:,}.",
            "max_whole_digits": f"Enter at most ${MAX_COST:,}.",
            "max_decimal_places": "Enter an amount with at most 2 digits after the point.",
        },
    )
    benchmark = forms.ChoiceField(
        label="Show a benchmark",
        required=False,
        help_text="Its score beside the costs, to read cost against quality.",
        error_messages={
            "invalid_choice": "No benchmark “%(value)s” has a published score: choose one from "
            "the list."
        },
    )
    order = forms.ChoiceField(
        label="Rank by",
        required=False,
        choices=list(ORDERS.items()),
        error_messages={"invalid_choice": "Unknown order “%(value)s”: choose one from the list."},
    )
    page = page_field()

    def __init__(self, *args, makers=(), benchmarks=(), capabilities=(), **kwargs):
        """`makers`, `benchmarks` and `capabilities`: (slug, name) of each choice."""
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["maker"]).choices = [("", "Any maker"), *makers]
        cast(forms.ChoiceField, self.fields["benchmark"]).choices = [("", "None"), *benchmarks]
        cast(forms.ChoiceField, self.fields["capability"]).choices = list(capabilities)
        self.fields["min_context"].widget.attrs["list"] = "context-sizes"

    @staticmethod
    def initial_values(defaults: Traffic) -> dict[str, Any]:
        return {**WorkloadForm.initial_values(defaults), "cached": Decimal(0)}

    @classmethod
    def from_query(cls, query, defaults, **kwargs):
        """Bound to the query string, the workload's fields it does not name at their
        defaults ("?requests=2000000" is a fine link to share)."""
        initial = cls.initial_values(defaults)
        data = query.copy()
        for name in cls.FIELDS:
            if name not in data:
                data[name] = initial[name]
        form = cls(data, initial=initial, **kwargs)
        form.named = [name for name in cls.FIELDS if name in query]
        form.asked = query
        return form

    asked: Any = {}  # the query string as the reader wrote it: what links carry on

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("order") == BY_SCORE and not cleaned_data.get("benchmark"):
            self.add_error(
                "benchmark",
                forms.ValidationError(
                    "Choose the benchmark to rank by, or rank by cost.", code="no_benchmark"
                ),
            )
        return cleaned_data

    def traffic(self):
        values = self.cleaned_data if self.is_bound else self.initial
        share = values.get("cached") or Decimal(0)
        return replace(super().traffic(), cached_share=share / 100)

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            capabilities=tuple(data.get("capability") or ()),
            min_context=data.get("min_context"),
            openness=data.get("openness") or "",
            maker=data.get("maker") or "",
        )

    @property
    def is_default(self) -> bool:
        """The valid form asks for the default ranking: the default workload, and no
        filter, order or benchmark (a page number aside)."""
        return not self.named and all(
            self.cleaned_data.get(name) in (None, "", []) for name in COST_CHOICES
        )


def errors_in_words(form: forms.Form) -> str:
    """A form's errors in one line, each after its field's label: for an answer that is not
    a page (a file)."""
    return " ".join(
        f"{form.fields[name].label if name in form.fields else name}: "
        + " ".join(str(message) for message in messages)
        for name, messages in form.errors.items()
    )
