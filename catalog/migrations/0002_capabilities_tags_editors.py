"""The fixed capability list, the starting decision-fit tags, and the Editors group."""

from django.db import migrations

from catalog.editors import grant_editor_permissions

CAPABILITIES = [
    ("Vision", "vision", "vision"),
    ("Multimodal", "multimodal", "multimodal input"),
    ("Reasoning", "reasoning", "reasoning mode"),
    ("Function calling", "function-calling", "function calling"),
    ("Tool use", "tool-use", "tool use"),
    ("Structured outputs", "structured-outputs", "structured outputs"),
    ("Code execution", "code-execution", "code execution"),
    ("IDE integration", "ide-integration", "IDE integration"),
    ("Computer use", "computer-use", "computer use"),
    ("Parallel agents", "parallel-agents", "parallel agents"),
]

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
