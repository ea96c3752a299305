"""The catalog sync in the admin: its runs (with what each skipped), the changes it
proposes to reviewed facts (approve or reject, one by one or in bulk), and the identities
that tie records to their ids in each source."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponseNotAllowed,
    HttpResponseRedirect,
)
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.vary import vary_on_headers

from catalog.report import build_report
from catalog.sync import proposals
from catalog.sync.models import (
    SOURCE_CHOICES,
    ProposedChange,
    ProposedMatch,
    SkippedInput,
    SourceIdentity,
    SyncRun,
)
from catalog.sync.proposals import records_of_the_page
from catalog.sync.runs import start_run
from catalog.sync.snapshot import SOURCES
from catalog.sync.tasks import configured_sources, live_progress, run_sync, source_variable


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


class StartSyncForm(forms.Form):
    """A configured source to read now, and whether to only count what would change."""

    source = forms.ChoiceField(choices=SOURCE_CHOICES, widget=forms.RadioSelect)
    dry_run = forms.BooleanField(
        required=False, label="Dry run", help_text="Count what would change; write nothing."
    )

    def __init__(self, *args, sources, **kwargs):
        super().__init__(*args, **kwargs)
        self.sources = sources
        # Only the configured sources are offered; another one is refused by name below.
        self.fields["source"].widget.choices = [
            (source, f"{source}, from {location}") for source, location in sources.items()
        ]
        if len(sources) == 1:
            self.fields["source"].initial = next(iter(sources))

    def clean_source(self):
        source = self.cleaned_data["source"]
        if source not in self.sources:
            raise ValidationError(
                f"{source} is not configured: set {source_variable(source)} to its path or URL."
            )
        return source


REPORT_EXAMPLES = 20  # how many names each of the report's lists shows


@admin.register(SyncRun)
class SyncRunAdmin(ReadOnlyAdmin):
    """The runs, read-only; an editor with the "start" permission starts one from the
    "Catalog sync" page, and its page follows it as the worker runs it."""

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
    search_fields = ["location", "content_hash", "error"]
    fields = [
        ("source", "dry_run"),
        "location",
        "content_hash",
        ("started_by", "created_at"),
        "progress",
    ]
    readonly_fields = flatten_fieldsets([(None, {"fields": fields})])
    inlines = [SkippedInputInline]
    change_list_template = "admin/catalog/syncrun/change_list.html"
    change_form_template = "admin/catalog/syncrun/change_form.html"
    start_template = "admin/catalog/syncrun/start.html"
    progress_template = "admin/catalog/syncrun/progress.html"
    ACTIVE = (SyncRun.Status.QUEUED, SyncRun.Status.RUNNING)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path("start/", view(self.start_view), name=f"{name}_start"),
            path("report/", view(self.report_view), name=f"{name}_report"),
            path(
                "<path:object_id>/progress/",
                view(self.progress_view),
                name=f"{name}_progress",
            ),
            path(
                "<path:object_id>/proposals/",
                view(self.decide_proposals_view),
                name=f"{name}_proposals",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The run's page, with its open proposals grouped by model (largest price change
        first), a page of models at a time, each group approved or rejected at once."""
        run = self.get_object(request, unquote(object_id))
        if run is not None and request.user.has_perm("catalog.view_proposedchange"):
            page, groups = proposals.run_proposal_groups(run, request.GET.get("page"))
            extra_context = {
                **(extra_context or {}),
                "proposal_page": page,
                "proposal_groups": groups,
                "can_decide": request.user.has_perm("catalog.change_proposedchange"),
                "decide_url": reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}"
                    "_proposals",
                    args=[run.pk],
                ),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def decide_proposals_view(self, request, object_id):
        """POST: approve or reject the run's open proposals about one model."""
        run = self.get_object(request, unquote(object_id))
        if run is None:
            raise Http404
        if not request.user.has_perm("catalog.change_proposedchange"):
            raise PermissionDenied
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        decision = request.POST.get("decision")
        model = request.POST.get("model", "")
        if decision not in ("approve", "reject") or not (model.isdigit() or model == "none"):
            return HttpResponseBadRequest(
                "Say which model (its id, or “none”) and whether to approve or reject."
            )
        count = proposals.decide_group(
            run, None if model == "none" else int(model), decision == "approve", request.user
        )
        verb = "Applied" if decision == "approve" else "Rejected"
        self.message_user(request, f"{verb} {count} proposed change(s).", messages.SUCCESS)
        back = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[run.pk],
        )
        page = request.POST.get("page", "")
        return HttpResponseRedirect(f"{back}?page={page}#proposals" if page.isdigit() else back)

    def has_start_permission(self, request):
        codename = get_permission_codename("start", self.opts)
        return request.user.has_perm(f"{self.opts.app_label}.{codename}")

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "can_start": self.has_start_permission(request)}
        return super().changelist_view(request, extra_context)

    def report_view(self, request):
        """The "Catalog report": what an editor must know after a sync (catalog/report.py),
        the same numbers `manage.py catalog_report` prints."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Catalog report",
            "report": build_report(),
            "examples": REPORT_EXAMPLES,
        }
        return TemplateResponse(request, "admin/catalog/syncrun/report.html", context)

    def start_view(self, request):
        """The "Catalog sync" page: GET shows the form, POST queues a run and enqueues it for
        the worker, then follows it on the run's page. Never runs a sync itself."""
        if not self.has_start_permission(request):
            raise PermissionDenied
        sources = configured_sources()
        data = request.POST if request.method == "POST" else None
        form = StartSyncForm(data, sources=sources)
        if form.is_bound and form.is_valid():
            source = form.cleaned_data["source"]
            run = start_run(
                source, sources[source], user=request.user, dry_run=form.cleaned_data["dry_run"]
            )
            run_sync.enqueue(run.pk)
            self.message_user(
                request,
                f"{run.source} sync #{run.pk} is queued: the task worker runs it in the "
                "background, and this page follows it.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse(
                    f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_change",
                    args=[run.pk],
                )
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Start a catalog sync",
            "form": form,
            "unconfigured": [
                (source, source_variable(source)) for source in SOURCES if source not in sources
            ],
            "live_progress": live_progress(),
        }
        status = 400 if form.is_bound else 200
        return TemplateResponse(request, self.start_template, context, status=status)

    @method_decorator(vary_on_headers("HX-Request"))
    def progress_view(self, request, object_id):
        """The run's progress display alone, which its page asks for every 2 s while the run
        is queued or running. Once it has ended, htmx reloads the whole page (its skipped
        inputs, its hash)."""
        run = self.get_object(request, unquote(object_id))
        if run is None:
            raise Http404
        if not self.has_view_permission(request, run):
            raise PermissionDenied
        response = TemplateResponse(request, self.progress_template, self.progress_context(run))
        if request.htmx and run.status not in self.ACTIVE:
            response["HX-Refresh"] = "true"
        return response

    def progress_context(self, run):
        counts = [
            ("created", run.created),
            ("updated", run.updated),
            ("proposed", run.proposed),
            ("unchanged", run.unchanged),
            ("skipped", run.skipped),
        ]
        url_name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_progress"
        return {
            "run": run,
            "polling": run.status in self.ACTIVE,
            "progress_url": reverse(url_name, args=[run.pk]),
            "done": f"{run.progress_done:,}",
            "total": f"{run.progress_total:,}",
            "counts": [(label, f"{count:,}") for label, count in counts],
        }

    @admin.display(description="progress")
    def progress(self, obj):
        return render_to_string(self.progress_template, self.progress_context(obj))


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

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(records_of_the_page())

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

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related(records_of_the_page())


class SourceIdentityInline(GenericTabularInline):
    """A record's ids in the sources; deleting a wrong one splits it off (the next run
    matches that entry afresh)."""

    model = SourceIdentity
    fields = ["source", "external_id"]
    extra = 0


@admin.action(description="Link to the model it may be", permissions=["change"])
def link_matches(modeladmin, request, queryset):
    count = proposals.link_matches(queryset, request.user)
    skipped = queryset.count() - count
    note = (
        f" ({skipped} without a model to link: pick one, or a maker for a new model)"
        if skipped
        else ""
    )
    modeladmin.message_user(
        request, f"Linked {count} entr{'y' if count == 1 else 'ies'}{note}.", messages.SUCCESS
    )


@admin.action(description="Make new models (at the maker picked)", permissions=["change"])
def create_models(modeladmin, request, queryset):
    count = proposals.create_models(queryset, request.user)
    modeladmin.message_user(
        request,
        f"Made {count} new model(s), unpublished; the next run adds their routes.",
        messages.SUCCESS,
    )


@admin.register(ProposedMatch)
class ProposedMatchAdmin(admin.ModelAdmin):
    """Entries a sync could not match for sure. Pick the existing model it is (candidate)
    or the maker of a new one (organization) on its page, then act from the list."""

    list_display = [
        "name",
        "source",
        "external_id",
        "candidate",
        "organization",
        "status",
        "reason",
    ]
    list_filter = ["status", "source"]
    list_select_related = ["candidate", "organization"]
    search_fields = ["name", "external_id"]
    autocomplete_fields = ["candidate", "organization"]
    fields = [
        ("name", "source", "external_id"),
        "reason",
        "candidate",
        "organization",
        ("last_seen_run", "last_seen_at"),
        "status",
        ("decided_by", "decided_at"),
    ]
    readonly_fields = [
        "name",
        "source",
        "external_id",
        "reason",
        "last_seen_run",
        "last_seen_at",
        "status",
        "decided_by",
        "decided_at",
    ]
    actions = [link_matches, create_models]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
