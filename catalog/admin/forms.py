"""The admin's forms for curated records: the review checkbox and the stale-save guard (also
used for the comparisons' settings); and the autocomplete widget that keeps a change page's
queries from growing with its inline rows."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.db import transaction
from django.utils import timezone


class AutocompleteFromRecord(AutocompleteSelect):
    """Django's autocomplete select, except for the label of the chosen record.

    Django's widget reads that label with a query each time it renders: once per inline
    row. This one takes it from `record`, the related record the form's instance already
    holds (loaded with select_related), when that is the record chosen; otherwise (a new
    row, a value typed into a bound form) it asks the database as Django's does.
    """

    record = None

    def optgroups(self, name, value, attr=None):
        field = self.choices.field
        chosen = {str(v) for v in value if str(v) not in field.empty_values}
        record = self.record
        key = None if record is None else getattr(record, field.to_field_name or "pk")
        if key is None or chosen != {str(key)}:
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required:
            options.append(self.create_option(name, "", "", False, 0))
        label = field.label_from_instance(record)
        options.append(self.create_option(name, key, label, chosen, len(options)))
        return [(None, options, 0)]


def label_choices_from_instance(form):
    """Give each AutocompleteFromRecord of `form` the related record its instance holds."""
    for name, field in form.fields.items():
        widget = getattr(field.widget, "widget", field.widget)  # in RelatedFieldWidgetWrapper
        if not isinstance(widget, AutocompleteFromRecord):
            continue
        relation = form.instance._meta.get_field(name)
        if relation.is_cached(form.instance):
            widget.record = getattr(form.instance, name)


def moment(stamp):
    return timezone.localtime(stamp).strftime("%Y-%m-%d %H:%M:%S %Z")


def display_value(value):
    if value in (None, ""):
        return "(empty)"
    if hasattr(value, "all"):  # a many-to-many manager or queryset
        return ", ".join(str(item) for item in value.all()) or "(empty)"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "(empty)"
    return str(value)


class StaleSaveGuardForm(forms.ModelForm):
    """A form that refuses to overwrite a record changed since the editor opened it.

    For a `Versioned` model (catalog/models.py); its admin lists `loaded_version` among
    the form's fields. The version the form was opened with travels in that hidden field.
    When the record's version has moved on, the save is refused, the editor's values stay
    in the form, and the error lists each field where the saved record now differs from
    what they typed. The hidden version is then moved forward, so saving again deliberately
    keeps theirs.
    """

    loaded_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["loaded_version"].initial = self.instance.version

    def has_changed(self):
        # The version travels for the stale-save check; it is not a value the editor changed.
        # (Formsets save only changed rows: a stale version alone must not make a row "changed".)
        return any(name != "loaded_version" for name in self.changed_data)

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("loaded_version")
        current = self.instance
        stale = (
            current.pk
            and loaded is not None
            and self.has_changed()
            and loaded != self.locked_version(current)
        )
        if stale:
            current.refresh_from_db()
            self.refuse_stale_save(current)
        return cleaned_data

    @staticmethod
    def locked_version(record):
        """The record's version as stored now. Inside the admin's transaction the row stays
        locked until the save, so two editors saving at once are checked one after the other
        (on PostgreSQL; SQLite serializes writers itself)."""
        rows = type(record)._default_manager.filter(pk=record.pk)
        if transaction.get_connection().in_atomic_block:
            rows = rows.select_for_update()
        return rows.values_list("version", flat=True).first()

    def refuse_stale_save(self, current):
        differences = [
            f"{self.fields[name].label or name}: saved “{display_value(getattr(current, name))}”, "
            f"yours “{display_value(self.cleaned_data.get(name))}”"
            for name in self.changed_fields_against(current)
        ]
        message = (
            f"{self.last_change(current)}, after you opened it. "
            "Nothing was saved. Your values are still in the form."
        )
        if differences:
            message += " Where the saved record now differs: " + "; ".join(differences) + "."
        message += (
            " Save again to keep your values, or reload the page to start from the saved record."
        )
        # The next save is a deliberate choice made with the other editor's values in view.
        self.data = self.data.copy()
        self.data[self.add_prefix("loaded_version")] = current.version
        raise forms.ValidationError(message, code="stale")

    @staticmethod
    def last_change(record):
        """The latest write, as the refusal names it: a save, or a review (which leaves
        `updated_at` as it was)."""
        reviewed_at = getattr(record, "reviewed_at", None)
        if reviewed_at is not None and reviewed_at > record.updated_at:
            return f"Someone else marked this record as reviewed at {moment(reviewed_at)}"
        return f"Someone else saved this record at {moment(record.updated_at)}"

    def changed_fields_against(self, current):
        # Only the record's own values: not a formset's row id or DELETE box, nor our extras.
        model_fields = {
            field.name
            for field in current._meta.get_fields()
            if (field.concrete or field.many_to_many) and not field.primary_key
        }
        names = []
        for name in self.fields:
            if name not in model_fields or name not in self.cleaned_data:
                continue
            saved = getattr(current, name, None)
            yours = self.cleaned_data[name]
            if hasattr(saved, "all"):
                saved = set(saved.all())
                yours = set(yours or [])
            if saved != yours:
                names.append(name)
        return names


class CuratedForm(StaleSaveGuardForm):
    """The stale-save guard, and the box an editor ticks to stamp the review."""

    verified_against_source = forms.BooleanField(
        required=False,
        help_text="Tick when you checked this record against its source: "
        "it stamps today's date and your name as the last review.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        label_choices_from_instance(self)

    def stamp_review(self, user):
        """Set the review stamp when the editor ticked "verified against source"."""
        if self.cleaned_data.get("verified_against_source"):
            self.instance.reviewed_at = timezone.now()
            self.instance.reviewed_by = user


class CuratedInlineForm(CuratedForm):
    """Inline rows are smaller: the checkbox reads "verified".

    Each row also carries the values it was opened with (Django's hidden initials), so a
    row the editor left alone counts as unchanged even when someone else has saved that
    record since: it is neither saved (which would write the old values back) nor refused
    (which would block the whole page over a row nobody touched here).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["verified_against_source"].label = "Verified"
        self.fields["verified_against_source"].help_text = ""
        for name, field in self.fields.items():
            if name not in ("verified_against_source", "loaded_version"):
                field.show_hidden_initial = True


class RouteUniquenessMixin:
    """A route is one per model, provider and place (catalog/models.py ROUTE_PLACE). A
    form that leaves some of the place's fields out (the model page's inline rows) still
    checks the whole constraint, with those fields as the record holds them: a duplicate
    is a form error that says so, never a database error."""

    def _get_validation_exclusions(self):
        from catalog.models import ROUTE_PLACE

        return super()._get_validation_exclusions() - {"model", "provider", *ROUTE_PLACE}


class RouteForm(RouteUniquenessMixin, CuratedForm):
    pass


class RouteListForm(RouteUniquenessMixin, CuratedInlineForm):
    """A row of the routes list (its editable columns): like an inline row, a row the
    editor left alone is neither saved nor refused, nor even checked (Django's
    `empty_permitted`: a model's fifty rows would cost sixteen queries each). Its
    `loaded_version` travels in the list's hidden fields
    (admin/catalog/route/change_list_results.html). A review is stamped with the list's
    action, not per row: the list has no "verified" box."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.empty_permitted = True
        del self.fields["verified_against_source"]
