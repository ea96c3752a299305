"""The traffic form of the cost calculator: a GET form whose errors say what is wrong."""

from django import forms

from comparisons.cost import MAX_MONTHLY_TOKENS, Traffic

FIELDS = ("requests", "input_tokens", "output_tokens")


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


class TrafficForm(forms.Form):
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.error_messages["invalid"] = "Enter a whole number, such as 1000000."
            field.error_messages["required"] = "Enter a number: this field cannot be empty."
            field.error_messages["max_value"] = (
                f"Enter at most {MAX_MONTHLY_TOKENS:,}: that is already a trillion."
            )

    @classmethod
    def from_query(cls, query, defaults):
        """Bound to the query string when it names any traffic field, else the defaults.

        A field the query does not name takes its default ("?requests=2000000" is a fine
        link to share); a field named but left empty is an error to show."""
        initial = {
            "requests": defaults.requests_per_month,
            "input_tokens": defaults.input_tokens,
            "output_tokens": defaults.output_tokens,
        }
        if any(name in query for name in FIELDS):
            data = {name: query.get(name, initial[name]) for name in FIELDS}
            return cls(data, initial=initial)
        return cls(initial=initial)

    def clean(self):
        cleaned_data = super().clean()
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
        return Traffic(values["requests"], values["input_tokens"], values["output_tokens"])
