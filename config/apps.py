from django.apps import AppConfig


class SiteConfig(AppConfig):
    """The site's own layer above the apps: the page cache listens to the catalog's
    commits here, in every process (a sync's command as well as the server's), and the
    memo of plain data (config/memo.py) is installed."""

    name = "config"
    label = "site_config"
    verbose_name = "Site"

    def ready(self):
        from catalog.dependencies import install_memo
        from catalog.signals import changes_committed
        from config.memo import Memo
        from config.page_cache import publish_changes, versions

        changes_committed.connect(publish_changes, dispatch_uid="page_cache_changes")
        install_memo(Memo(versions))
