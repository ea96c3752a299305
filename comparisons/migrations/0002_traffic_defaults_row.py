"""The one row of traffic defaults (1,000,000 requests of 400 in / 300 out), and editors'
permission to change it."""

from django.db import migrations

from catalog.editors import grant_editor_permissions


def create_defaults(apps, schema_editor):
    TrafficDefaults = apps.get_model("comparisons", "TrafficDefaults")
    TrafficDefaults.objects.get_or_create(
        pk=1, defaults={"requests_per_month": 1_000_000, "input_tokens": 400, "output_tokens": 300}
    )
    grant_editor_permissions(apps, "comparisons", {"trafficdefaults": ("change", "view")})


class Migration(migrations.Migration):
    dependencies = [
        ("comparisons", "0001_initial"),
        ("catalog", "0002_capabilities_tags_editors"),
    ]

    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
