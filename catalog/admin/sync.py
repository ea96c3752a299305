"""The catalog sync in the admin: its runs (with what each skipped), the changes it
proposes to reviewed facts (approve or reject, one by one or in bulk), and the identities
that tie records to their ids in each source."""

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.html import format_html

from catalog.sync import proposals
from catalog.sync.models import ProposedChange, SkippedInput, SourceIdentity, SyncRun


class ReadOnlyAdmin(admin.ModelAdmin):
    """A record only the sync writes: editors look, nobody edits or deletes."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SkippedInputInline(admin.TabularInline):
    model = SkippedInput
    fields = ["ref", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnlyAdmin):
    list_display = [
        "__str__",
        "source",
        "status",
        "dry_run",
        "started_by",
        "created_at",
        "created",
        "updated",
        "proposed",
        "unchanged",
        "skipped",
    ]
    list_filter = ["source", "status", "dry_run"]
    list_select_related = ["started_by"]
    fields = [
        ("source", "status", "dry_run"),
        "location",
        "content_hash",
        ("started_by", "created_at", "started_at", "finished_at"),
        ("created", "updated", "proposed", "unchanged", "skipped"),
        "progress",
        "error",
    ]
    readonly_fields = flatten_fieldsets([(None, {"fields": fields})])
    inlines = [SkippedInputInline]

    @admin.display(description="progress")
    def progress(self, obj):
        step = f" ({obj.progress_step})" if obj.progress_step else ""
        return format_html(
            '<progress max="100" value="{}">{}%</progress> {}%{}',
            obj.progress_percent,
            obj.progress_percent,
            obj.progress_percent,
            step,
        )


class PriceChangeFilter(admin.SimpleListFilter):
    title = "price change"
    parameter_name = "change_over"
    THRESHOLDS = (10, 25, 50)

    def lookups(self, request, model_admin):
        return [(str(n), f"over {n}%") for n in self.THRESHOLDS]

    def queryset(self, request, queryset):
        if self.value() in {str(n) for n in self.THRESHOLDS}:
            limit = int(self.value())
            return queryset.filter(change_percent__isnull=False).exclude(
                change_percent__gte=-limit, change_percent__lte=limit
            )
        return queryset


@admin.action(
    description="Approve: apply the source's values and mark reviewed", permissions=["change"]
)
def approve_proposals(modeladmin, request, queryset):
    count = proposals.approve(queryset, request.user)
    modeladmin.message_user(request, f"Applied {count} proposed change(s).", messages.SUCCESS)


@admin.action(description="Reject: keep our values (not proposed again)", permissions=["change"])
def reject_proposals(modeladmin, request, queryset):
    count = proposals.reject(queryset, request.user)
    modeladmin.message_user(request, f"Rejected {count} proposed change(s).", messages.SUCCESS)


@admin.register(ProposedChange)
class ProposedChangeAdmin(admin.ModelAdmin):
    list_display = [
        "record_link",
        "field",
        "ours_text",
        "theirs_text",
        "change_percent",
        "source",
        "kind",
        "status",
        "first_seen_at",
        "last_seen_at",
    ]
    list_filter = [
        "status",
        "source",
        "kind",
        PriceChangeFilter,
        ("model__organization", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["content_type", "model"]
    search_fields = ["model__name", "field"]
    actions = [approve_proposals, reject_proposals]
    show_full_result_count = False
    fields = [
        "record_link",
        "field",
        "kind",
        "comparison",
        "change_percent",
        "source",
        "source_link",
        ("first_seen_at", "first_seen_run"),
        ("last_seen_at", "last_seen_run"),
        "status",
        ("decided_by", "decided_at"),
    ]
    readonly_fields = flatten_fieldsets([(None, {"fields": fields})])

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="record")
    def record_link(self, obj):
        record = obj.record
        if record is None:
            return "(deleted)"
        url = f"../../{obj.content_type.model}/{obj.object_id}/change/"
        return format_html('<a href="{}">{}</a>', url, record)

    @admin.display(description="ours")
    def ours_text(self, obj):
        return "(unknown)" if obj.ours is None else obj.ours

    @admin.display(description="theirs")
    def theirs_text(self, obj):
        return "(unknown)" if obj.theirs is None else obj.theirs

    @admin.display(description="ours → theirs")
    def comparison(self, obj):
        return format_html(
            '<table><tr><th scope="col">ours</th><th scope="col">{}</th></tr>'
            "<tr><td>{}</td><td>{}</td></tr></table>",
            obj.source,
            self.ours_text(obj),
            self.theirs_text(obj),
        )

    @admin.display(description="source")
    def source_link(self, obj):
        if not obj.source_url:
            return "-"
        return format_html('<a href="{}" rel="noopener">{}</a>', obj.source_url, obj.source_url)


@admin.register(SourceIdentity)
class SourceIdentityAdmin(admin.ModelAdmin):
    list_display = ["source", "external_id", "content_type", "object_id", "record", "created_at"]
    list_filter = ["source", "content_type"]
    search_fields = ["external_id"]
    list_select_related = ["content_type"]
    show_full_result_count = False


class SourceIdentityInline(GenericTabularInline):
    """A record's ids in the sources; deleting a wrong one splits it off (the next run
    matches that entry afresh)."""

    model = SourceIdentity
    fields = ["source", "external_id"]
    extra = 0
