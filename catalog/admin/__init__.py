"""The editors' admin: search, filters, inlines, review stamps, stale-save guard, history."""

from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.html import format_html, format_html_join
from simple_history.admin import SimpleHistoryAdmin

from catalog import merge
from catalog.admin.forms import CuratedForm, CuratedInlineForm
from catalog.admin.sync import SourceIdentityInline
from catalog.facts import model_facts, model_queryset
from catalog.formatting import usd_rate
from catalog.history import route_price_changes
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    Capability,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    Organization,
    Provider,
    Route,
)
from catalog.similar import similar_models
from catalog.slugs import pair_url

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


# Only those who may change a record may vouch that it was checked against its source.
@admin.action(
    description="Mark selected records as reviewed (checked against source)",
    permissions=["change"],
)
def mark_reviewed(modeladmin, request, queryset):
    count = queryset.mark_reviewed(request.user)
    modeladmin.message_user(request, f"Marked {count} record(s) as reviewed.", messages.SUCCESS)


class CuratedAdmin(admin.ModelAdmin):
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
        if obj.reviewed_at is None:
            return format_html('<span class="review-never">{}</span>', "never")
        label = obj.reviewed_at.date().isoformat()
        if obj.review_overdue:
            return format_html('<span class="review-overdue">{} (overdue)</span>', label)
        return label


class RouteInline(admin.TabularInline):
    model = Route
    form = CuratedInlineForm
    extra = 0
    autocomplete_fields = ["provider"]
    fields = [
        "provider",
        "provider_model_id",
        "service_mode",
        "context_above",
        "input_price",
        "output_price",
        "cached_input_price",
        "cache_write_price",
        "is_active",
        "source_url",
        "verified_against_source",
        "loaded_version",
        "reviewed_at",
    ]
    readonly_fields = ["reviewed_at"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("provider")


class ModelCapabilityInline(admin.TabularInline):
    model = ModelCapability
    extra = 0
    fields = ["capability", "support"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("capability")


class BenchmarkScoreInline(admin.TabularInline):
    model = BenchmarkScore
    form = CuratedInlineForm
    extra = 0
    autocomplete_fields = ["benchmark"]
    fields = [
        "benchmark",
        "value",
        "measured_on",
        "source_url",
        "verified_against_source",
        "loaded_version",
        "reviewed_at",
    ]
    readonly_fields = ["reviewed_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("benchmark")


class SlugFromNameMedia:
    # Django's URLify drops dots ("5.3" → "53"); ours turns them into hyphens first.
    # Listed after urlify.js so that media merging loads ours second: it wraps URLify.
    js = ["admin/js/urlify.js", "catalog/admin/slug_from_name.js"]


@admin.register(Organization)
class OrganizationAdmin(CuratedAdmin):
    list_display = ["name", "slug", "website", "reviewed"]
    inlines = [SourceIdentityInline]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    Media = SlugFromNameMedia


@admin.register(Provider)
class ProviderAdmin(CuratedAdmin):
    list_display = ["name", "kind", "website", "reviewed"]
    inlines = [SourceIdentityInline]
    list_filter = ["kind", ReviewOverdueFilter]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    Media = SlugFromNameMedia


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


@admin.register(LanguageModel)
class LanguageModelAdmin(CuratedAdmin):
    actions = [mark_reviewed, merge_models, "publish", "unpublish"]

    def has_merge_permission(self, request):
        return request.user.has_perm("catalog.merge_languagemodel")

    @admin.action(description="Publish the selected models", permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.filter(is_published=False).update(is_published=True)
        self.message_user(request, f"Published {count} model(s).", messages.SUCCESS)

    @admin.action(description="Unpublish the selected models", permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.filter(is_published=True).update(is_published=False)
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
    search_fields = ["name", "slug", "organization__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organization"]
    filter_horizontal = ["decision_tags"]
    inlines = [ModelCapabilityInline, RouteInline, BenchmarkScoreInline, SourceIdentityInline]
    date_hierarchy = "released_on"
    fieldsets = [
        (None, {"fields": ["name", "slug", "organization", "is_published", "source_url"]}),
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
        ("Preview", {"fields": ["pair_pages"]}),
    ]
    readonly_fields = [*AUDIT_FIELDS, "pair_pages"]
    Media = SlugFromNameMedia

    @admin.display(description="public pages")
    def pair_pages(self, obj):
        """The model's page and its pair pages with the most similar models, to preview."""
        if obj.pk is None or not obj.is_published:
            return "The model's page and pair pages appear once it is published."
        facts = model_facts(model_queryset().get(pk=obj.pk))
        pairs = similar_models(facts, [obj.slug], PREVIEW_PAIRS)
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
    inlines = [SourceIdentityInline]
    list_display = [
        "model",
        "provider",
        "service_mode",
        "context_above",
        "input_price",
        "output_price",
        "is_active",
        "reviewed",
    ]
    list_filter = ["provider", "is_active", ReviewOverdueFilter]
    list_select_related = ["model", "provider", "reviewed_by"]
    search_fields = ["model__name", "provider__name", "provider_model_id"]
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
            "Prices (USD per 1M tokens; leave empty when not sourced)",
            {
                "fields": [
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
                        "not sourced" if change.old is None else usd_rate(change.old),
                        "not sourced" if change.new is None else usd_rate(change.new),
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
    list_display = ["model", "benchmark", "value", "measured_on", "reviewed"]
    list_filter = ["benchmark", ReviewOverdueFilter]
    list_select_related = ["model", "benchmark", "reviewed_by"]
    search_fields = ["model__name", "benchmark__name"]
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
