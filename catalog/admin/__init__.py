"""The editors' admin: search, filters, inlines, review stamps, stale-save guard, history.

Every page answers in a number of queries that does not grow with the catalog: changelists
select their columns' related rows, inline rows their own, and a select over a big table
(models, providers, organizations, benchmarks) is an autocomplete.
"""

import re

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery
from django.db import connections, models, router, transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.forms import URLInput
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import smart_split
from simple_history.admin import SimpleHistoryAdmin

from catalog import merge
from catalog.admin.forms import (
    AutocompleteFromRecord,
    CuratedForm,
    CuratedInlineForm,
    RouteForm,
    RouteListForm,
)
from catalog.admin.sync import SourceIdentityInline
from catalog.corroboration import refresh_corroboration
from catalog.formatting import usd_rate
from catalog.history import route_price_changes
from catalog.models import (
    NEXT_VERSION,
    PRICE_FIELDS,
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Organization,
    Provider,
    Route,
    search_document,
)
from catalog.pricing_kinds import refresh_pricing_kinds
from catalog.similar import similar_models
from catalog.slugs import pair_url
from catalog.sync.models import SourceIdentity

PREVIEW_PAIRS = 8
AUDIT_FIELDS = ("reviewed_at", "reviewed_by", "created_at", "updated_at")


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Review overdue (90 days or never)"), ("current", "Reviewed recently")]

    def queryset(self, request, queryset):
        overdue = queryset.review_overdue()
        if self.value() == "overdue":
            return overdue
        if self.value() == "current":
            return queryset.exclude(pk__in=overdue.values("pk"))
        return queryset


class CapabilityFilter(admin.SimpleListFilter):
    title = "capability"
    parameter_name = "capability"

    def lookups(self, request, model_admin):
        return Capability.objects.values_list("slug", "name")

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(
                capability_support__capability__slug=self.value(),
                capability_support__support=ModelCapability.Support.YES,
            )
        return queryset


class ModelFilter(admin.SimpleListFilter):
    """The routes of one model (`?model=<id>`), which its change form links to. Only the
    chosen model is listed: a real catalog has a thousand."""

    title = "model"
    parameter_name = "model"

    def lookups(self, request, model_admin):
        value = self.value()
        if value is None:
            return []
        name = None
        if value.isdigit():
            name = LanguageModel.objects.filter(pk=value).values_list("name", flat=True).first()
        return [(value, name or f"no model has the id {value}")]

    def has_output(self):
        return self.value() is not None

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        if not self.value().isdigit():
            raise IncorrectLookupParameters(f"No model has the id {self.value()!r}.")
        return queryset.filter(model_id=self.value())


def review_text(record):
    """A record's last review as the admin's lists and tables show it."""
    if record.reviewed_at is None:
        return format_html('<span class="review-never">{}</span>', "never")
    label = record.reviewed_at.date().isoformat()
    if record.review_overdue:
        return format_html('<span class="review-overdue">{} (overdue)</span>', label)
    return label


# Only those who may change a record may vouch that it was checked against its source.
@admin.action(
    description="Mark selected records as reviewed (checked against source)",
    permissions=["change"],
)
def mark_reviewed(modeladmin, request, queryset):
    count = queryset.mark_reviewed(request.user)
    modeladmin.message_user(request, f"Marked {count} record(s) as reviewed.", messages.SUCCESS)


class AutocompleteFromRecordMixin:
    """Autocomplete selects that label their choice from the related record the form's
    record was read with (see `AutocompleteFromRecord`): in an inline, no query per row."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = AutocompleteFromRecord(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CuratedAdmin(AutocompleteFromRecordMixin, admin.ModelAdmin):
    """What every curated record's admin shares."""

    form = CuratedForm
    actions = [mark_reviewed]
    readonly_fields = AUDIT_FIELDS
    list_filter = [ReviewOverdueFilter]
    list_select_related = ["reviewed_by"]
    review_fieldset = (
        "Review",
        {"fields": ("verified_against_source", "loaded_version", *AUDIT_FIELDS)},
    )

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            return [*self.fieldsets, self.review_fieldset]
        form_fields = self._get_form_for_get_fields(request, obj).base_fields
        review_names = set(self.review_fieldset[1]["fields"])
        main = [name for name in form_fields if name not in review_names]
        return [(None, {"fields": main}), self.review_fieldset]

    def save_model(self, request, obj, form, change):
        obj.sync_run = None  # an editor wrote it last
        form.stamp_review(request.user)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            if isinstance(inline_form, CuratedForm) and hasattr(inline_form, "cleaned_data"):
                inline_form.stamp_review(request.user)
        super().save_formset(request, form, formset, change)

    @admin.display(description="reviewed", ordering="reviewed_at")
    def reviewed(self, obj):
        return review_text(obj)


class CompactRowsMixin:
    """Inline rows without the add/change/delete/view icons beside each related select,
    nor the "Currently: <link>" beside each URL: on a model with ten scores they were a
    quarter of its form. The related records are a click away on their own lists."""

    formfield_overrides = {models.URLField: {"widget": URLInput(attrs={"class": "vURLField"})}}
    template = "admin/catalog/tabular_compact.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if field is not None and isinstance(field.widget, RelatedFieldWidgetWrapper):
            field.widget = field.widget.widget
        return field


class CuratedInline(CompactRowsMixin, AutocompleteFromRecordMixin, admin.TabularInline):
    form = CuratedInlineForm
    extra = 0


class ModelCapabilityInline(CompactRowsMixin, admin.TabularInline):
    model = ModelCapability
    extra = 0
    fields = ["capability", "support"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("model", "capability")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "capability":
            # The ten capabilities, read once for this request's formset: every row's select
            # (a copy of this field) keeps the list, where Django would query it per row.
            field.choices = list(iter(field.choices))  # iter(): no COUNT query for list()
        return field


class BenchmarkScoreInline(CuratedInline):
    model = BenchmarkScore
    autocomplete_fields = ["benchmark"]
    fields = [
        "benchmark",
        "harness",
        "variant",
        "value",
        "claim",
        "measured_on",
        "source_url",
        "verified_against_source",
        "loaded_version",
        "reviewed_at",
    ]
    readonly_fields = ["reviewed_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("model", "benchmark")


class SlugFromNameMedia:
    # Django's URLify drops dots ("5.3" → "53"); ours turns them into hyphens first.
    # Listed after urlify.js so that media merging loads ours second: it wraps URLify.
    js = ["admin/js/urlify.js", "catalog/admin/slug_from_name.js"]


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    list_display = ["name", "slug", "aliases", "website", "reviewed"]
    inlines = [SourceIdentityInline]
    search_fields = ["name", "slug", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    Media = SlugFromNameMedia


@admin.register(ModelFamily)
class ModelFamilyAdmin(CuratedAdmin):
    list_display = ["name", "organization", "reviewed"]
    list_filter = ["organization", ReviewOverdueFilter]
    list_select_related = ["organization", "reviewed_by"]
    inlines = [SourceIdentityInline]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    Media = SlugFromNameMedia


def price_text(price):
    return "not sourced" if price is None else usd_rate(price)


def kept_as_the_editor_set(obj, form, fields, flag):
    """An editor who changed one of `fields` set it: `flag` keeps the sync off them, unless
    the editor changed the flag itself in the same save."""
    if flag not in form.changed_data and any(name in form.changed_data for name in fields):
        setattr(obj, flag, True)


@admin.register(Provider)
class ProviderAdmin(CuratedAdmin):
    list_display = ["name", "kind", "lab", "website", "reviewed"]
    inlines = [SourceIdentityInline]
    list_filter = ["kind", "kind_by_editor", ReviewOverdueFilter]
    list_select_related = ["lab", "reviewed_by"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["lab"]
    Media = SlugFromNameMedia

    def save_model(self, request, obj, form, change):
        kept_as_the_editor_set(obj, form, ("kind", "lab"), "kind_by_editor")
        super().save_model(request, obj, form, change)
        # Its routes' pricing kinds follow its kind and lab (catalog/pricing.py).
        refresh_pricing_kinds(Route.objects.filter(provider=obj))


@admin.action(description="Merge the two selected models into one", permissions=["merge"])
def merge_models(modeladmin, request, queryset):
    """Two records of one model: the editor picks the one that stays (an intermediate page,
    as for deletion); the other's routes, scores, identities and history move to it and
    its address answers 301 to the survivor's."""
    models = list(queryset.order_by("name")[:3])
    if len(models) != 2:
        modeladmin.message_user(request, "Select exactly two models to merge.", messages.ERROR)
        return None
    chosen = request.POST.get("survivor")
    if chosen in {str(model.pk) for model in models}:
        survivor = next(model for model in models if str(model.pk) == chosen)
        loser = next(model for model in models if model.pk != survivor.pk)
        try:
            merge.merge_models(survivor, loser)
        except merge.MergeError as error:
            modeladmin.message_user(request, str(error), messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            f"Merged “{loser.name}” into “{survivor.name}”; /models/{loser.slug}/ now "
            f"answers 301 to {survivor.get_absolute_url()}.",
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/catalog/languagemodel/merge.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": "Merge two models",
            "models": models,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        },
    )


WORD = re.compile(r"[^\W_]+")


def search_queries(search_term):
    """One text search query per part of `search_term` (split as Django's admin splits it,
    quotes keeping a phrase together): its words in order, each as a prefix, so that
    "Qwen3.5" finds Qwen3.5-122B-A10B and "gp" finds GPT-5 as an editor types."""
    queries = []
    for part in smart_split(search_term):
        words = WORD.findall(part)  # a quoted phrase's quotes are not words either
        if words:
            # Letters and digits only: nothing the raw query syntax could read as an operator.
            raw = " <-> ".join(f"{word}:*" for word in words)
            queries.append(SearchQuery(raw, search_type="raw", config="simple"))
    return queries


@admin.register(LanguageModel)
class LanguageModelAdmin(CuratedAdmin):
    actions = [mark_reviewed, merge_models, "publish", "unpublish"]

    def has_merge_permission(self, request):
        return request.user.has_perm("catalog.merge_languagemodel")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A route's prices changed inline may change its pricing kind (catalog/pricing.py),
        # and an editor's facts whether its sources state them alike (corroboration.py).
        refresh_pricing_kinds(Route.objects.filter(model=form.instance))
        refresh_corroboration([form.instance.pk])

    @admin.action(description="Publish the selected models", permissions=["change"])
    def publish(self, request, queryset):
        # A new version: a form opened before holds the old value, and must not write it back.
        count = queryset.filter(is_published=False).update(is_published=True, version=NEXT_VERSION)
        self.message_user(request, f"Published {count} model(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected models", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.filter(is_published=True).update(is_published=False, version=NEXT_VERSION)
        self.message_user(request, f"Unpublished {count} model(s).", messages.SUCCESS)

    list_display = [
        "name",
        "organization",
        "released_on",
        "openness",
        "context_window",
        "is_published",
        "reviewed",
    ]
    list_filter = [
        "is_published",
        "organization",
        "openness",
        CapabilityFilter,
        ("routes__provider", admin.RelatedOnlyFieldListFilter),
        ReviewOverdueFilter,
    ]
    list_select_related = ["organization", "reviewed_by"]
    # Declared for Django's checks and the default search; on PostgreSQL the same fields are
    # searched as text (get_search_results).
    search_fields = ["name", "slug", "organization__name"]
    show_full_result_count = False
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization", "family"]
    filter_horizontal = ["decision_tags"]
    inlines = [ModelCapabilityInline, BenchmarkScoreInline]
    date_hierarchy = "released_on"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "slug",
                    "organization",
                    "family",
                    "is_published",
                    "unpublished_reason",
                    "noindex",
                    "source_url",
                ]
            },
        ),
        (
            "Positioning",
            {"fields": ["released_on", "product_type", "best_for", "decision_tags"]},
        ),
        ("Lifecycle", {"fields": ["is_deprecated", "retires_on", "upstream_updated_on"]}),
        (
            "Specs",
            {
                "fields": [
                    "context_window",
                    "max_output_tokens",
                    ("parameters_total", "parameters_active"),
                    "architecture",
                    "knowledge_cutoff",
                ]
            },
        ),
        (
            "License",
            {"fields": ["license_name", "license_osi_approved", "openness", "commercial_use"]},
        ),
        ("Routes", {"fields": ["routes_table"]}),
        ("Sources", {"fields": ["sources_differ", "corroborated_by", "identities_table"]}),
        ("Preview", {"fields": ["pair_pages"]}),
    ]
    readonly_fields = [
        *AUDIT_FIELDS,
        "routes_table",
        "identities_table",
        "pair_pages",
        "sources_differ",
        "corroborated_by",
    ]
    Media = SlugFromNameMedia

    @admin.display(description="routes")
    def routes_table(self, obj):
        """The model's routes at a glance, each linking to its own form: a model sold by
        fifty providers would make fifty rows of inline fields (the routes list edits them)."""
        if obj.pk is None:
            return "Add its routes once the model is saved."
        routes = list(obj.routes.select_related("provider"))
        changelist = reverse("admin:catalog_route_changelist")
        links = format_html(
            '<p><a href="{}?model={}">Edit these routes</a> · '
            '<a href="{}?model={}">Add a route</a></p>',
            changelist,
            obj.pk,
            reverse("admin:catalog_route_add"),
            obj.pk,
        )
        if not routes:
            return format_html("{}<p>No provider serves it yet.</p>", links)
        return format_html(
            '{}<table class="routes-table"><thead><tr><th scope="col">provider</th>'
            '<th scope="col">tier</th><th scope="col">pricing kind</th>'
            '<th scope="col">input</th><th scope="col">output</th>'
            '<th scope="col">active</th><th scope="col">last reviewed</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            links,
            format_html_join(
                "",
                '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>'
                "<td>{}</td><td>{}</td></tr>",
                (
                    (
                        reverse("admin:catalog_route_change", args=[route.pk]),
                        route.provider.name,
                        route.tier or "standard",
                        route.get_pricing_kind_display(),
                        price_text(route.input_price),
                        price_text(route.output_price),
                        "yes" if route.is_active else "no",
                        review_text(route),
                    )
                    for route in routes
                ),
            ),
        )

    @admin.display(description="ids in the sources")
    def identities_table(self, obj):
        """The entries of the sources that name this model; a wrong one is deleted on the
        list it links to (the next run matches that entry afresh)."""
        if obj.pk is None:
            return "-"
        content_type = ContentType.objects.get_for_model(obj)
        identities = list(
            SourceIdentity.objects.filter(content_type=content_type, object_id=obj.pk).order_by(
                "source", "external_id"
            )
        )
        if not identities:
            return "No source names it: an editor's record."
        listing = reverse("admin:catalog_sourceidentity_changelist")
        return format_html(
            '<p><a href="{}?content_type__id__exact={}&amp;object_id={}">Edit these ids</a>'
            "</p><ul>{}</ul>",
            listing,
            content_type.pk,
            obj.pk,
            format_html_join(
                "",
                "<li>{}: {}</li>",
                ((identity.get_source_display(), identity.external_id) for identity in identities),
            ),
        )

    @admin.display(description="Sources differ")
    def sources_differ(self, obj):
        """Where the model's sources disagree (catalog/sync/best_source.py): each other
        value, and who states it."""
        if not obj or not obj.fact_disputes:
            return "No source states another value."
        return format_html_join(
            "",
            "<p><strong>{}</strong>: {}</p>",
            (
                (
                    fact,
                    "; ".join(
                        f"{other['value']} ({', '.join(other['sources'])})" for other in others
                    ),
                )
                for fact, others in obj.fact_disputes.items()
            ),
        )

    def get_queryset(self, request):
        # The change form's organization (an autocomplete) is labelled from it.
        return super().get_queryset(request).select_related("organization")

    def get_search_results(self, request, queryset, search_term):
        """On PostgreSQL, a text search of the name, slug and organization name, where
        each part of the term must match the model's name or slug, or its organization's
        name, by whole words or their beginnings (not in the middle of a word, as
        Django's `icontains` search does: "seek" no longer finds DeepSeek). The changelist
        and the autocomplete of every form that picks a model both search here.

        Elsewhere (SQLite in development and tests), Django's search of `search_fields`.
        """
        queries = search_queries(search_term)
        if connections[queryset.db].vendor != "postgresql" or not queries:
            return super().get_search_results(request, queryset, search_term)
        # The organizations each part names, read first in one query (there are few): a
        # list of ids, not a subquery, so PostgreSQL knows how many models it matches and
        # can use an index on the models' document for the rest.
        parts = {f"part_{index}": query for index, query in enumerate(queries)}
        organizations = Organization.objects.alias(document=search_document("name")).annotate(
            **{
                name: ExpressionWrapper(Q(document=query), output_field=BooleanField())
                for name, query in parts.items()
            }
        )
        named = list(organizations.order_by().values_list("pk", *parts))
        queryset = queryset.alias(document=search_document("name", "slug"))
        for index, query in enumerate(parts.values(), start=1):
            ids = [row[0] for row in named if row[index]]
            queryset = queryset.filter(Q(document=query) | Q(organization__in=ids))
        return queryset, False

    @admin.display(description="public pages")
    def pair_pages(self, obj):
        """The model's page and its pair pages with the most similar models, to preview."""
        if obj.pk is None or not obj.is_published:
            return "The model's page and pair pages appear once it is published."
        pairs = similar_models(obj, [obj.slug], PREVIEW_PAIRS)
        return format_html(
            '<a href="{}">Model page</a><ul>{}</ul>',
            obj.get_absolute_url(),
            format_html_join(
                "",
                '<li><a href="{}">{} vs {}</a></li>',
                ((pair_url(obj.slug, slug), obj.name, name) for name, slug in pairs),
            ),
        )


@admin.register(Route)
class RouteAdmin(SimpleHistoryAdmin, CuratedAdmin):
    form = RouteForm
    inlines = [SourceIdentityInline]
    # Editable rows: a model's fifty routes are edited here, filtered to it (its change
    # form links to them), under the same stale-save guard as every form.
    list_display = [
        "model",
        "provider",
        "tier",
        "pricing_kind",
        "input_price",
        "output_price",
        "cached_input_price",
        "cache_write_price",
        "context_window",
        "max_output_tokens",
        "is_active",
        "reviewed",
    ]
    list_editable = [
        "pricing_kind",
        "input_price",
        "output_price",
        "cached_input_price",
        "cache_write_price",
        "is_active",
    ]
    list_filter = [ModelFilter, "provider", "pricing_kind", "is_active", ReviewOverdueFilter]
    list_select_related = ["model", "provider", "reviewed_by"]
    list_per_page = 100
    search_fields = ["model__name", "provider__name", "provider_model_id"]
    show_full_result_count = False
    autocomplete_fields = ["model", "provider"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "model",
                    "provider",
                    "provider_model_id",
                    ("service_mode", "context_above"),
                    "is_active",
                    ("is_deprecated", "retires_on"),
                ]
            },
        ),
        (
            "How the provider serves it",
            {
                "fields": [
                    ("context_window", "max_output_tokens"),
                    ("region", "quantization"),
                    ("confidential", "free_variant"),
                    ("snapshot", "variant"),
                ]
            },
        ),
        (
            "Prices (USD per 1M tokens; leave empty when not sourced)",
            {
                "fields": [
                    ("pricing_kind", "pricing_kind_by_editor"),
                    "input_price",
                    "output_price",
                    "cached_input_price",
                    "cache_write_price",
                    "source_url",
                ]
            },
        ),
        ("Price history", {"fields": ["price_history"]}),
    ]
    readonly_fields = [*AUDIT_FIELDS, "price_history"]

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, **{"form": RouteListForm, **kwargs})

    def get_list_display(self, request):
        # Filtered to one model, the filter names it: its rows name their providers.
        if ModelFilter.parameter_name in request.GET:
            return [name for name in self.list_display if name != "model"]
        return self.list_display

    def changelist_view(self, request, extra_context=None):
        # Django checks the list's rows before the transaction it saves them in: in one
        # transaction, the stale-save guard's row lock holds from the check to the save.
        if request.method != "POST":
            return super().changelist_view(request, extra_context)
        with transaction.atomic(using=router.db_for_write(Route)):
            return super().changelist_view(request, extra_context)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in PRICE_FIELDS:
            field.widget.attrs["class"] = "price-input"  # narrow, so a row fits the list
        return field

    class Media:
        css = {"all": ["catalog/admin/routes.css"]}

    @admin.display(description="tier")
    def tier(self, obj):
        return obj.tier or "standard"

    def get_queryset(self, request):
        # A route's name (its change form's title, its history's) names its model and
        # provider, and its change form's autocompletes are labelled from them.
        return super().get_queryset(request).select_related("model", "provider")

    def save_model(self, request, obj, form, change):
        kept_as_the_editor_set(obj, form, ("pricing_kind",), "pricing_kind_by_editor")
        super().save_model(request, obj, form, change)
        refresh_pricing_kinds(Route.objects.filter(pk=obj.pk))  # the rules', unless kept
        refresh_corroboration([obj.model_id])  # its model's lead price may have moved

    def set_history_delta_changes(self, request, historical_records, **kwargs):
        # The history lists each record's route by name: give it the model and provider its
        # record was read with (simple_history selects them) rather than a query for each.
        for record in historical_records:
            route = record.history_object
            route.model, route.provider = record.model, record.provider
            record.history_object = route
        super().set_history_delta_changes(request, historical_records, **kwargs)

    @admin.display(description="changes (newest first)")
    def price_history(self, obj):
        if obj.pk is None:
            return "—"
        changes = route_price_changes(obj)
        if not changes:
            return "No price change recorded yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} {} → {} by {}</li>",
                (
                    (
                        change.changed_at.strftime("%Y-%m-%d %H:%M"),
                        change.label,
                        price_text(change.old),
                        price_text(change.new),
                        change.changed_by or "an unknown user",
                    )
                    for change in changes
                ),
            ),
        )


@admin.register(Benchmark)
class BenchmarkAdmin(CuratedAdmin):
    list_display = ["name", "category", "unit", "higher_is_better", "reviewed"]
    list_filter = ["category", ReviewOverdueFilter]
    search_fields = ["name", "slug", "category"]
    prepopulated_fields = {"slug": ["name"]}
    Media = SlugFromNameMedia


@admin.register(BenchmarkScore)
class BenchmarkScoreAdmin(CuratedAdmin):
    list_display = [
        "model",
        "benchmark",
        "harness",
        "variant",
        "value",
        "claim",
        "measured_by",
        "measured_on",
        "reviewed",
    ]
    list_filter = ["claim", "benchmark", ReviewOverdueFilter]
    list_select_related = ["model", "benchmark", "reviewed_by"]
    search_fields = ["model__name", "benchmark__name"]
    show_full_result_count = False
    autocomplete_fields = ["model", "benchmark"]


@admin.register(DecisionTag)
class DecisionTagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Capability)
class CapabilityAdmin(admin.ModelAdmin):
    """The ten capabilities are fixed by a data migration: nobody adds or deletes one here."""

    list_display = ["position", "name", "reader_phrase"]
    list_display_links = ["name"]
    search_fields = ["name"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
