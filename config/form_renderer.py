"""The form renderer: Django's, with the commonest widgets written out in Python.

Django renders each widget from a template (`django/forms/widgets/input.html`,
`select.html`, `select_option.html`, each including `attrs.html`). An editor's page of
many rows renders hundreds of them: a model's sixty routes, editable in their list, are
some seven hundred inputs, and their templates took most of the page's time. These few
templates are written out here as string formatting, to the same HTML (tests/
test_form_renderer.py compares the two on every widget kind); every other template
(admin's date and related widgets, radio buttons, the forms' own layouts) renders as
before.
"""

from html import escape

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe

INPUT_TEMPLATES = {
    f"django/forms/widgets/{kind}.html"
    for kind in (
        "input",
        "text",
        "number",
        "email",
        "url",
        "password",
        "hidden",
        "checkbox",
        "date",
        "datetime",
        "time",
        "search",
        "tel",
    )
}
SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def conditional_escape(value):
    """Django's `conditional_escape`, without its lazy-text wrapper (a tenth of a page of
    widgets): text already safe stays as it is, any other is escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


def attributes(attrs):
    """`attrs.html`: each attribute but those set to False; a True one by its name alone."""
    return "".join(
        f" {conditional_escape(name)}"
        if value is True
        else f' {conditional_escape(name)}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_input(widget):
    """`input.html`."""
    value = (
        "" if widget["value"] is None else f' value="{conditional_escape(str(widget["value"]))}"'
    )
    return (
        f'<input type="{conditional_escape(widget["type"])}" '
        f'name="{conditional_escape(widget["name"])}"{value}{attributes(widget["attrs"])}>'
    )


def render_option(option):
    """`select_option.html`."""
    return (
        f'<option value="{conditional_escape(str(option["value"]))}"'
        f"{attributes(option['attrs'])}>{conditional_escape(option['label'])}</option>"
    )


def render_select(widget):
    """`select.html`, its options as `select_option.html` writes them."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{attributes(widget["attrs"])}>']
    for group_name, group_choices, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None  # a select of another kind of option: its templates render it
            parts.append(f"\n  {render_option(option)}\n")  # the template ends in a newline
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class FormRenderer(DjangoTemplates):
    """Django's default renderer, but for inputs and plain selects (see the module)."""

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if widget is not None:
            if template_name in INPUT_TEMPLATES:
                return mark_safe(render_input(widget))
            if template_name == SELECT_TEMPLATE:
                html = render_select(widget)
                if html is not None:
                    return mark_safe(html)
        return super().render(template_name, context, request)
