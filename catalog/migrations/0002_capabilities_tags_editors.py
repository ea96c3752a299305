"""The fixed capability list, the starting decision-fit tags, and the Editors group."""

from django.db import migrations

from catalog.capabilities import CAPABILITIES
from catalog.editors import grant_editor_permissions

DECISION_TAGS = ["Coding", "RAG", "Agents", "Long context", "Multimodal", "Reasoning", "Low cost"]

CURATED_ACTIONS = ("add", "change", "view")
EDITOR_PERMISSIONS = {
    "organization": CURATED_ACTIONS,
    "provider": CURATED_ACTIONS,
    "languagemodel": CURATED_ACTIONS,
    "modelcapability": (*CURATED_ACTIONS, "delete"),
    "route": CURATED_ACTIONS,
    "historicalroute": ("view",),
    "benchmark": CURATED_ACTIONS,
    "benchmarkscore": CURATED_ACTIONS,
    "decisiontag": CURATED_ACTIONS,
    "capability": ("view",),
}


def create_capabilities_and_tags(apps, schema_editor):
    # A data migration may read catalog.capabilities rather than keep a copy of its own:
    # the list is fixed, and this migration creates exactly it.
    Capability = apps.get_model("catalog", "Capability")
    for position, (name, slug, phrase) in enumerate(CAPABILITIES, start=1):
        Capability.objects.update_or_create(
            slug=slug, defaults={"name": name, "reader_phrase": phrase, "position": position}
        )
    DecisionTag = apps.get_model("catalog", "DecisionTag")
    for position, name in enumerate(DECISION_TAGS, start=1):
        DecisionTag.objects.get_or_create(
            name=name, defaults={"slug": name.lower().replace(" ", "-"), "position": position * 10}
        )


def create_editors_group(apps, schema_editor):
    grant_editor_permissions(apps, "catalog", EDITOR_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_capabilities_and_tags, migrations.RunPython.noop),
        migrations.RunPython(create_editors_group, migrations.RunPython.noop),
    ]
