from django.contrib import admin

from comparisons.models import TrafficDefaults


@admin.register(TrafficDefaults)
class TrafficDefaultsAdmin(admin.ModelAdmin):
    """One row: the calculator's starting traffic. It can be changed, never added or deleted."""

    list_display = ["__str__", "updated_at"]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        return not TrafficDefaults.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
