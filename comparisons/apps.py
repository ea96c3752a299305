from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "Comparisons"

    def ready(self):
        from catalog.changes import track_changes
        from comparisons import signals  # noqa: F401 (connects the receivers)

        track_changes(self)
