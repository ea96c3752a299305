"""The editors' review queue: a proxy of the catalog's models, which editors may view and,
from its review pages, act on (change)."""

from django.db import migrations

from catalog.editors import grant_editor_permissions


def grant(apps, schema_editor):
    grant_editor_permissions(apps, "comparisons", {"modeltoreview": ("view", "change")})


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0020_route_statement_sources"),
        ("comparisons", "0004_version_for_stale_save"),
    ]

    operations = [
        migrations.CreateModel(
            name="ModelToReview",
            fields=[],
            options={
                "verbose_name": "model to review",
                "verbose_name_plural": "review queue",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("catalog.languagemodel",),
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
