from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "Comparisons"

    def ready(self):
        from catalog.changes import track_changes
        from comparisons import (
            api,  # noqa: F401 (its operation joins the catalog's API: /api/v1/compare)
            signals,  # noqa: F401 (connects the receivers)
        )

        track_changes(self)
