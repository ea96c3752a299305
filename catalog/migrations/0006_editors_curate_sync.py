"""Editors follow sync runs, decide on proposed changes, and keep source identities."""

from django.db import migrations

from catalog.editors import grant_editor_permissions

EDITOR_PERMISSIONS = {
    "syncrun": ("view",),
    "skippedinput": ("view",),
    "proposedchange": ("view", "change"),
    # Deleting a wrong identity splits the record from that source entry.
    "sourceidentity": ("add", "change", "view", "delete"),
}


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "catalog", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_fact_source")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
