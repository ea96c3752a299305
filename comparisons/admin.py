from django.contrib import admin

from catalog.admin.forms import StaleSaveGuardForm
from comparisons.models import FeaturedComparison, TrafficDefaults


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
