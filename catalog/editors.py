"""The "Editors" group: staff who curate the catalog and nothing else.

Used by data migrations (with the migration's historical `apps`), so it imports no models.
"""

from django.contrib.auth.management import create_permissions

EDITORS_GROUP = "Editors"


def grant_editor_permissions(apps, app_label, actions_by_model):
    """Give the Editors group `actions` ("add", "change", "view"…) on each model of the app."""
    # Permissions are normally created after all migrations ran; make sure they exist now.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True  # the migration's app stub lacks it; create_permissions checks
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    codenames = [
        f"{action}_{model}" for model, actions in actions_by_model.items() for action in actions
    ]
    permissions = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    missing = set(codenames) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise LookupError(f"No such permissions in {app_label}: {sorted(missing)}")
    group.permissions.add(*permissions)
