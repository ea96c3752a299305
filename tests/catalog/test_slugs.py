"""Slugs from names (a dot separates words), and "-vs-" kept for pair URLs."""

import pytest
from django.core.exceptions import ValidationError

from catalog.models import Organization
from catalog.slugs import free_slug, slug_from_name, validate_catalog_slug


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("GPT-5.3-Codex-Spark", "gpt-5-3-codex-spark"),
        ("Qwen3.5-122B-A10B", "qwen3-5-122b-a10b"),
        ("Ling-2.6-1T", "ling-2-6-1t"),
        ("Alibaba Cloud PAI-EAS", "alibaba-cloud-pai-eas"),
        ("inclusionAI (Ant Group)", "inclusionai-ant-group"),
        ("Llama 3.1 405B", "llama-3-1-405b"),
        ("o4_mini", "o4-mini"),
    ],
)
def test_slug_from_name(name, slug):
    assert slug_from_name(name) == slug


def refusals(slug):
    """What a catalog record's full validation (field validators and database constraints)
    says against `slug`: [] when the slug is accepted."""
    try:
        Organization(name="Acme", slug=slug).full_clean()
    except ValidationError as error:
        return [message for messages in error.message_dict.values() for message in messages]
    return []


@pytest.mark.django_db
def test_slug_from_name_is_a_valid_catalog_slug():
    slug = slug_from_name("GPT-5.3-Codex-Spark")
    assert validate_catalog_slug(slug) is None
    assert refusals(slug) == []


@pytest.mark.parametrize("slug", ["gpt-5-vs-qwen", "a-vs-b", "model-vs-", "model-vs"])
def test_validate_catalog_slug_rejects_the_pair_separator(slug):
    with pytest.raises(ValidationError) as caught:
        validate_catalog_slug(slug)

    assert caught.value.code == "reserved"
    assert "-vs-" in caught.value.messages[0]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["vs-code", "canvas", "vs", "gpt-5-3-codex-spark"])
def test_validate_catalog_slug_accepts_vs_that_is_not_the_separator(slug):
    assert validate_catalog_slug(slug) is None
    assert refusals(slug) == []


@pytest.mark.django_db
def test_a_slug_may_not_end_in_vs_either():
    # "foo-vs" paired with "zed" would be "foo-vs-vs-zed", read back as "foo" and "vs-zed".
    with pytest.raises(ValidationError) as caught:
        validate_catalog_slug("foo-vs")
    assert caught.value.code == "reserved"
    assert refusals("foo-vs") == caught.value.messages
    # A leading "vs-" reads back unambiguously.
    assert validate_catalog_slug("vs-code") is None
    assert refusals("vs-code") == []


@pytest.mark.parametrize(
    ("slug", "taken", "expected"),
    [
        ("kimi-k2-5", set(), "kimi-k2-5"),
        ("kimi-k2-5", {"kimi-k2-5"}, "kimi-k2-5-2"),
        ("kimi-k2-5", {"kimi-k2-5", "kimi-k2-5-2"}, "kimi-k2-5-3"),
        ("gpt-vs-claude", set(), "gpt-v-s-claude"),
        ("model-vs", set(), "model-v-s"),
        ("a-vs-vs-b", set(), "a-v-s-v-s-b"),
        ("", set(), "model"),
    ],
)
def test_free_slug_is_unused_and_never_reads_as_a_pair(slug, taken, expected):
    free = free_slug(slug, taken)

    assert free == expected
    assert validate_catalog_slug(free) is None
