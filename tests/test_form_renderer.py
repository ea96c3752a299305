"""config/form_renderer.py writes inputs and selects in Python: the HTML must be exactly
what Django's own templates write, for every kind of widget and attribute it takes over."""

from datetime import date
from decimal import Decimal

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from config.form_renderer import FormRenderer

WIDGETS = [
    (forms.TextInput(attrs={"class": "vTextField", "maxlength": 20}), 'a <b> & "c"'),
    (forms.TextInput(), None),
    (forms.NumberInput(attrs={"step": "0.000001", "class": "price-input"}), Decimal("1.400000")),
    (forms.EmailInput(), "ada@example.com"),
    (forms.URLInput(attrs={"class": "vURLField"}), "https://example.org/?a=1&b=2"),
    (forms.PasswordInput(render_value=True), "secret"),
    (forms.HiddenInput(), 7),
    (forms.CheckboxInput(attrs={"disabled": True}), True),
    (forms.CheckboxInput(), False),
    (forms.DateInput(), date(2026, 4, 7)),
    (forms.Select(choices=[("", "---"), ("a", "A & B"), ("b", "<B>")]), "b"),
    (forms.Select(choices=[("Group", [("x", "X"), ("y", "Y")]), ("z", "Z")]), "y"),
    (forms.Select(choices=[(1, "one"), (2, "two")], attrs={"required": True}), 2),
    (forms.SelectMultiple(choices=[("a", "A"), ("b", "B")]), ["a", "b"]),
]


@pytest.mark.parametrize(("widget", "value"), WIDGETS, ids=lambda item: type(item).__name__)
def test_each_widget_renders_as_djangos_templates_write_it(widget, value):
    attrs = {"id": "id_field", "aria-describedby": "id_field_helptext"}

    ours = widget.render("field", value, attrs=attrs, renderer=FormRenderer())
    django = widget.render("field", value, attrs=attrs, renderer=DjangoTemplates())

    assert ours == django


def test_other_templates_render_as_before():
    widget = forms.RadioSelect(choices=[("a", "A"), ("b", "B")])

    assert widget.render("field", "a", renderer=FormRenderer()) == widget.render(
        "field", "a", renderer=DjangoTemplates()
    )
