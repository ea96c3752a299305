"""Editors may start a catalog sync from the admin (the "Catalog sync" page)."""

from django.db import migrations

from catalog.editors import grant_editor_permissions


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "catalog", {"syncrun": ("start",)})


class Migration(migrations.Migration):
    dependencies = [("catalog", "0006_editors_curate_sync")]

    operations = [
        migrations.AlterModelOptions(
            name="syncrun",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [("start_syncrun", "Can start a catalog sync from the admin")],
                "verbose_name": "catalog sync run",
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
