from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse

from catalog import review as review_actions
from catalog.admin import review_text
from catalog.admin.forms import StaleSaveGuardForm
from catalog.review import review_page
from comparisons import review_queue
from comparisons.models import FeaturedComparison, ModelToReview, TrafficDefaults


@admin.register(TrafficDefaults)
class TrafficDefaultsAdmin(admin.ModelAdmin):
    """One row: the calculator's starting traffic. It can be changed, never added or deleted."""

    form = StaleSaveGuardForm
    fields = ["requests_per_month", "input_tokens", "output_tokens", "loaded_version", "updated_at"]
    list_display = ["__str__", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return not TrafficDefaults.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FeaturedComparison)
class FeaturedComparisonAdmin(admin.ModelAdmin):
    """The pairs on the home page. A pair with an unpublished model is kept but not shown."""

    list_display = ["__str__", "blurb", "position", "shown_on_home_page", "updated_at"]
    list_editable = ["position"]
    list_select_related = ["model_a", "model_b"]
    search_fields = ["model_a__name", "model_b__name", "blurb"]
    autocomplete_fields = ["model_a", "model_b"]
    form = StaleSaveGuardForm
    fields = [
        "model_a",
        "model_b",
        "blurb",
        "position",
        "loaded_version",
        "created_at",
        "updated_at",
    ]
    readonly_fields = ["created_at", "updated_at"]

    @admin.display(description="on the home page", boolean=True)
    def shown_on_home_page(self, obj):
        return obj.model_a.is_published and obj.model_b.is_published


class SourcesDifferFilter(admin.SimpleListFilter):
    title = "sources"
    parameter_name = "sources"

    def lookups(self, request, model_admin):
        return [("differ", "Sources differ")]

    def queryset(self, request, queryset):
        return queryset.filter(sources_differ=True) if self.value() == "differ" else queryset


class NewSinceLastSyncFilter(admin.SimpleListFilter):
    title = "new"
    parameter_name = "new"

    def lookups(self, request, model_admin):
        return [("since-sync", "New since the last sync")]

    def queryset(self, request, queryset):
        if self.value() == "since-sync":
            return queryset.filter(review_queue.new_since_last_sync_condition())
        return queryset


class PriceChangedFilter(admin.SimpleListFilter):
    title = "price changed since the review"
    parameter_name = "price_changed"

    def lookups(self, request, model_admin):
        return [(str(n), f"by over {n}%") for n in review_queue.PRICE_CHANGE_THRESHOLDS]

    def queryset(self, request, queryset):
        value = self.value()
        if value in {str(n) for n in review_queue.PRICE_CHANGE_THRESHOLDS}:
            return queryset.filter(review_queue.price_changed_condition(int(value)))
        return queryset


class ReviewStateFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("never", "Never reviewed"),
            ("overdue", "Review overdue (over 90 days)"),
            ("due", "Never reviewed or overdue"),
        ]

    def queryset(self, request, queryset):
        due = review_queue.review_due_condition()
        if self.value() == "never":
            return queryset.filter(reviewed_at__isnull=True)
        if self.value() == "overdue":
            return queryset.filter(due, reviewed_at__isnull=False)
        if self.value() == "due":
            return queryset.filter(due)
        return queryset


@admin.register(ModelToReview)
class ModelToReviewAdmin(admin.ModelAdmin):
    """The review queue: published models by reach (comparisons/review_queue.py), each
    opening on its review page, where an editor reads every fact beside its sources,
    marks it reviewed, decides on what the syncs propose, and moves to the next model."""

    list_display = [
        "name",
        "organization",
        "providers",
        "in_sitemap",
        "in_pair",
        "sources_differ",
        "reviewed",
    ]
    list_display_links = ["name"]
    list_filter = [
        SourcesDifferFilter,
        NewSinceLastSyncFilter,
        PriceChangedFilter,
        ReviewStateFilter,
    ]
    list_select_related = ["organization"]
    search_fields = ["name", "slug", "organization__name"]
    show_full_result_count = False
    change_form_template = "admin/comparisons/modeltoreview/review.html"
    change_list_template = "admin/comparisons/modeltoreview/change_list.html"

    def get_queryset(self, request):
        return review_queue.queue()

    def get_ordering(self, request):
        return review_queue.REACH_ORDER

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="providers", ordering="providers")
    def providers(self, obj):
        return obj.providers

    @admin.display(description="in the sitemap", boolean=True, ordering="in_sitemap")
    def in_sitemap(self, obj):
        return obj.in_sitemap

    @admin.display(description="in a featured or related pair", boolean=True, ordering="in_pair")
    def in_pair(self, obj):
        return obj.in_pair

    @admin.display(description="sources differ", boolean=True, ordering="sources_differ")
    def sources_differ(self, obj):
        return obj.sources_differ

    @admin.display(description="reviewed", ordering="reviewed_at")
    def reviewed(self, obj):
        return review_text(obj)

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "counts": review_queue.sitemap_counts()}
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The model's review page (GET), and its actions (POST), each answered by a
        redirect back to the page, or to the next model's."""
        model = self.get_object(request, unquote(object_id))
        if model is None:
            raise Http404("No published model has this id.")
        if not self.has_view_permission(request, model):
            raise PermissionDenied
        if request.method == "POST":
            if not self.has_change_permission(request, model):
                raise PermissionDenied
            return self.review_action(request, model)
        context = {
            **self.admin_site.each_context(request),
            **review_page(model),
            "opts": self.opts,
            "title": f"Review {model.name}",
            "original": model,
            "can_change": self.has_change_permission(request, model),
            "next_url": self.next_url(model),
            "preserved_filters": self.get_preserved_filters(request),
        }
        return TemplateResponse(request, self.change_form_template, context)

    def next_url(self, model):
        pk = review_queue.next_in_queue(model.pk)
        return None if pk is None else reverse("admin:comparisons_modeltoreview_change", args=[pk])

    def review_action(self, request, model):
        action = request.POST.get("action", "")
        try:
            message = review_actions.perform(model, action, request.POST, request.user)
        except review_actions.BadAction as error:
            return HttpResponseBadRequest(str(error))
        self.message_user(request, message, messages.SUCCESS)
        if request.POST.get("then") == "next" and (url := self.next_url(model)):
            return HttpResponseRedirect(url)
        return HttpResponseRedirect(request.path)
