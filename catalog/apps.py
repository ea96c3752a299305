from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"
    verbose_name = "Catalog"

    def ready(self):
        from catalog.changes import track_changes
        from catalog.signals import changes_committed
        from catalog.similar import ranking_may_have_moved

        track_changes(self)
        changes_committed.connect(ranking_may_have_moved, dispatch_uid="similar_ranking")
