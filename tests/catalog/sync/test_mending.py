"""A catalog synced under the older rules, synced again: the records those rules made of
one model twice are merged (their old addresses answer 301), non-models are unpublished
with their reason, a maker under two spellings becomes one; reviewed records are never
touched, only suggested to the editors. The older catalog is built here as the older sync
left it (records named as each provider names them, a maker guessed from the provider)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from catalog.models import LanguageModel, ModelRedirect, Organization, Provider, Route
from catalog.sync.models import ProposedMatch, SourceIdentity
from tests.catalog.sync.test_apply import sync
from tests.catalog.sync.test_modelsdev_parser import write

pytestmark = pytest.mark.django_db

OPUS = """
name = "Claude Opus 4.7"
family = "claude-opus"
release_date = "2026-04-16"
open_weights = false
tool_call = true
[limit]
context = 1_000_000
output = 128_000
[modalities]
input = ["text", "image", "pdf"]
output = ["text"]
"""


def route_file(name, input_price):
    return (
        f'name = "{name}"\nfamily = "claude-opus"\nrelease_date = "2026-04-16"\n'
        f"[cost]\ninput = {input_price}\noutput = 25\n[limit]\ncontext = 1_000_000\n"
        'output = 128_000\n[modalities]\ninput = ["text"]\noutput = ["text"]\n'
    )


@pytest.fixture
def tree(tmp_path):
    write(tmp_path, "models/anthropic/claude-opus-4-7.toml", OPUS)
    write(tmp_path, "providers/anthropic/provider.toml", 'name = "Anthropic"\n')
    write(
        tmp_path,
        "providers/anthropic/models/claude-opus-4-7.toml",
        'base_model = "anthropic/claude-opus-4-7"\n[cost]\ninput = 5\noutput = 25\n',
    )
    write(tmp_path, "providers/amazon-bedrock/provider.toml", 'name = "Amazon Bedrock"\n')
    for region, price in (("eu", "5.5"), ("us", "5.5")):
        write(
            tmp_path,
            f"providers/amazon-bedrock/models/{region}.anthropic.claude-opus-4-7.toml",
            route_file(f"Claude Opus 4.7 ({region.upper()})", price),
        )
    write(tmp_path, "providers/gitlab/provider.toml", 'name = "GitLab Duo"\n')
    write(
        tmp_path,
        "providers/gitlab/models/duo-chat-opus-4-7.toml",
        route_file("Agentic Chat (Claude Opus 4.7)", "0"),
    )
    write(tmp_path, "providers/openai/provider.toml", 'name = "OpenAI"\n')
    write(
        tmp_path,
        "providers/openai/models/text-embedding-3-large.toml",
        'name = "text-embedding-3-large"\nfamily = "text-embedding"\n[cost]\ninput = 0.13\n'
        '[modalities]\ninput = ["text"]\noutput = ["text"]\n',
    )
    # models.dev's nvidia/models/nvidia/sparsedrive.toml: reads video, writes text
    write(tmp_path, "providers/nvidia/provider.toml", 'name = "Nvidia"\n')
    write(
        tmp_path,
        "providers/nvidia/models/nvidia/sparsedrive.toml",
        'name = "sparsedrive"\nfamily = "sparsedrive"\n[cost]\ninput = 0\noutput = 0\n'
        '[modalities]\ninput = ["video"]\noutput = ["text"]\n',
    )
    return tmp_path


def older_catalog():
    """The records the older sync made of the tree above (identities as it kept them)."""
    raw = Organization.objects.create(name="anthropic", slug="anthropic")
    twice = Organization.objects.create(name="Anthropic AI", slug="anthropic-ai")
    openai = Organization.objects.create(name="openai", slug="openai")
    nvidia = Organization.objects.create(name="nvidia", slug="nvidia")
    model_type = ContentType.objects.get_for_model(LanguageModel)
    route_type = ContentType.objects.get_for_model(Route)
    records = {}
    for key, name, organization, provider in (
        ("anthropic/claude-opus-4-7", "Claude Opus 4.7", raw, "anthropic"),
        (
            "amazon-bedrock/eu.anthropic.claude-opus-4-7",
            "Claude Opus 4.7 (EU)",
            raw,
            "amazon-bedrock",
        ),
        (
            "amazon-bedrock/us.anthropic.claude-opus-4-7",
            "Claude Opus 4.7 (US)",
            twice,
            "amazon-bedrock",
        ),
        ("gitlab/duo-chat-opus-4-7", "Agentic Chat (Claude Opus 4.7)", raw, "gitlab"),
        ("openai/text-embedding-3-large", "text-embedding-3-large", openai, "openai"),
        ("nvidia/nvidia/sparsedrive", "sparsedrive", nvidia, "nvidia"),
    ):
        slug = name.casefold().replace(" ", "-").replace("(", "").replace(")", "").replace(".", "-")
        model = LanguageModel.objects.create(
            name=name,
            slug=slug,
            organization=organization,
            is_published=True,
            fact_source=f"modelsdev:{key}",
        )
        SourceIdentity.objects.create(
            source="modelsdev", content_type=model_type, external_id=key, object_id=model.pk
        )
        records[name] = model
        provider_record, _ = Provider.objects.get_or_create(
            slug=provider.replace("gitlab", "gitlab-duo"),
            defaults={
                "name": {"gitlab": "GitLab Duo", "amazon-bedrock": "Amazon Bedrock"}.get(
                    provider, provider.title()
                )
            },
        )
        SourceIdentity.objects.get_or_create(
            source="modelsdev",
            content_type=ContentType.objects.get_for_model(Provider),
            external_id=provider,
            defaults={"object_id": provider_record.pk},
        )
        if key.startswith("anthropic/"):
            key = "anthropic/claude-opus-4-7"
        route = Route.objects.create(
            model=model,
            provider=provider_record,
            provider_model_id=key.split("/", 1)[1],
            input_price=5,
            output_price=25,
            fact_source=f"modelsdev:{key}",
        )
        SourceIdentity.objects.create(
            source="modelsdev", content_type=route_type, external_id=key, object_id=route.pk
        )
    return records


def test_a_resync_mends_a_catalog_the_older_rules_made(tree, editor):
    records = older_catalog()
    us = records["Claude Opus 4.7 (US)"]
    LanguageModel.objects.filter(pk=us.pk).update(reviewed_at=timezone.now(), reviewed_by=editor)

    run = sync(tree)

    assert run.status == "succeeded", run.error
    opus = LanguageModel.objects.get(name="Claude Opus 4.7")
    # The EU record, the GitLab Duo wrapper: merged into Claude Opus 4.7, old pages 301.
    assert not LanguageModel.objects.filter(name="Claude Opus 4.7 (EU)").exists()
    assert not LanguageModel.objects.filter(name__startswith="Agentic Chat").exists()
    assert ModelRedirect.objects.get(old_slug="claude-opus-4-7-eu").model == opus
    eu = opus.routes.get(provider__slug="amazon-bedrock", region="EU")
    assert eu.input_price == 5.5
    assert opus.routes.filter(provider__slug="gitlab-duo").exists()
    # The reviewed US record stays as the editors left it; the merge is suggested to them.
    us.refresh_from_db()
    assert us.is_published
    assert us.organization.slug == "anthropic-ai"
    suggestion = ProposedMatch.objects.get(
        external_id="amazon-bedrock/us.anthropic.claude-opus-4-7"
    )
    assert suggestion.candidate == opus
    assert "reviewed" in suggestion.reason
    # The embedding model is taken off the site, saying why.
    embedding = LanguageModel.objects.get(name="text-embedding-3-large")
    assert not embedding.is_published
    assert embedding.unpublished_reason == "not a language model: an embedding model"
    video = LanguageModel.objects.get(name="sparsedrive")
    assert not video.is_published
    assert video.unpublished_reason == "not a language model: it reads video, not text"
    # One maker, properly named; the other spelling is its alias (a reviewed one stays).
    anthropic = Organization.objects.get(slug="anthropic")
    assert anthropic.name == "Anthropic"
    assert opus.organization == anthropic
    assert Organization.objects.get(slug="openai").name == "OpenAI"

    again = sync(tree)
    assert (again.created, again.updated, again.proposed) == (0, 0, 0)


def test_an_unreviewed_duplicate_maker_is_folded_into_one(tree):
    older_catalog()
    sync(tree)
    assert not Organization.objects.filter(slug="anthropic-ai").exists()
    assert "anthropic-ai" in Organization.objects.get(slug="anthropic").alias_list
