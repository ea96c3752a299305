"""The models.dev parser on small trees written here: inheritance from base_model, links
(followed, dangling, outside the tree), context tiers, service modes, and bad input."""

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from catalog.sync.modelsdev import read_tree, stated_cost_unit
from catalog.sync.snapshot import SourceError

CANONICAL = """
name = "Kimi K2.5"
family = "kimi"
release_date = "2026-01-27"
last_updated = "2026-02-01"
knowledge = "2025-06"
open_weights = true
tool_call = true
reasoning = true
structured_output = false
status = "deprecated"

[limit]
context = 262_144
output = 32_768

[modalities]
input = ["text", "image"]
output = ["text"]
"""


def write(root, path, text):
    file = root / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(text)
    return file


def write_kimi(root):
    """A models.dev tree of one model (Kimi K2.5) at its lab's own API."""
    write(root, "models/moonshotai/kimi-k2.5.toml", CANONICAL)
    write(root, "providers/moonshotai/provider.toml", 'name = "Moonshot AI"\n')
    write(
        root,
        "providers/moonshotai/models/kimi-k2.5.toml",
        'base_model = "moonshotai/kimi-k2.5"\n[cost]\ninput = 0.6\noutput = 3\n',
    )


@pytest.fixture
def tree(tmp_path):
    write(tmp_path, "models/moonshotai/kimi-k2.5.toml", CANONICAL)
    write(
        tmp_path,
        "providers/novita/provider.toml",
        'name = "Novita AI"\ndoc = "https://novita.ai"\n',
    )
    write(
        tmp_path,
        "providers/novita/models/moonshotai/kimi-k2.5.toml",
        'base_model = "moonshotai/kimi-k2.5"\nbase_model_omit = ["limit.output"]\n'
        "[cost]\ninput = 0.6\noutput = 2.5\ncache_read = 0.1\n[limit]\ncontext = 131_072\n",
    )
    return tmp_path


def route(snapshot, key):
    return next(route for route in snapshot.routes if route.key == key)


def test_a_canonical_model_with_its_stated_facts(tree):
    snapshot = read_tree(tree)

    (model,) = snapshot.models
    assert model.key == "moonshotai/kimi-k2.5"
    assert (model.name, model.organization, model.family) == ("Kimi K2.5", "moonshotai", "kimi")
    assert model.released_on == date(2026, 1, 27)
    assert model.upstream_updated_on == date(2026, 2, 1)
    assert model.knowledge_cutoff == date(2025, 6, 1)
    assert (model.context_window, model.max_output_tokens) == (262_144, 32_768)
    assert model.open_weights is True
    assert model.deprecated is True
    assert model.capabilities == {
        "function-calling": "yes",
        "tool-use": "yes",
        "reasoning": "yes",
        "structured-outputs": "no",
        "vision": "yes",
        "multimodal": "yes",
    }
    assert model.license_name == ""  # not stated: stays unknown


def test_a_provider_entry_inherits_its_base_model_less_what_it_omits(tree):
    snapshot = read_tree(tree)

    entry = route(snapshot, "novita/moonshotai/kimi-k2.5")
    assert entry.provider == "novita"
    assert entry.provider_model_id == "moonshotai/kimi-k2.5"
    assert entry.base_key == "moonshotai/kimi-k2.5"
    assert entry.model.name == "Kimi K2.5"
    assert entry.model.context_window == 131_072  # its own limit wins
    assert entry.model.max_output_tokens is None  # omitted from the base, not restated
    assert entry.prices.input == Decimal("0.6")
    assert entry.prices.output == Decimal("2.5")
    assert entry.prices.cached_input == Decimal("0.1")
    assert entry.prices.cache_write is None
    assert [provider.name for provider in snapshot.providers] == ["Novita AI"]


def test_context_tiers_and_service_modes(tree):
    write(
        tree,
        "providers/novita/models/big.toml",
        'name = "Big"\n[cost]\ninput = 2\noutput = 10\n'
        '[[cost.tiers]]\ntier = { type = "context", size = 200_000 }\ninput = 4\noutput = 15\n'
        "[[cost.tiers]]\ntier = { size = 500_000 }\ninput = 6\noutput = 20\n"
        "[experimental.modes.fast]\ncost = { input = 12, output = 60 }\n",
    )
    snapshot = read_tree(tree)

    base = route(snapshot, "novita/big")
    assert [(tier.above_tokens, tier.prices.input) for tier in base.tiers] == [
        (200_000, Decimal(4)),
        (500_000, Decimal(6)),
    ]
    fast = route(snapshot, "novita/big#fast")
    assert fast.service_mode == "fast"
    assert (fast.prices.input, fast.prices.output) == (Decimal(12), Decimal(60))


def test_a_link_file_is_followed_within_the_tree(tree):
    write(tree, "providers/mirror/provider.toml", 'name = "Mirror"\n')
    write(
        tree, "providers/mirror/models/kimi.toml", "../../novita/models/moonshotai/kimi-k2.5.toml\n"
    )
    snapshot = read_tree(tree)

    assert route(snapshot, "mirror/kimi").prices.input == Decimal("0.6")


def test_a_symbolic_link_is_followed_too(tree):
    write(tree, "providers/mirror/provider.toml", 'name = "Mirror"\n')
    (tree / "providers/mirror/models").mkdir()
    (tree / "providers/mirror/models/kimi.toml").symlink_to(
        tree / "providers/novita/models/moonshotai/kimi-k2.5.toml"
    )
    assert route(read_tree(tree), "mirror/kimi").base_key == "moonshotai/kimi-k2.5"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("../../novita/models/gone.toml\n", "a dangling link"),
        ("../../../../outside.toml\n", "a link to outside the tree"),
        ('name = "Broken\n', "unparseable TOML"),
        ('name = "Paint"\n[modalities]\noutput = ["image"]\n', "not a language model"),
        ('base_model = "nobody/nothing"\n', "its base_model nobody/nothing is not a model"),
        ('name = "Cheap"\n[cost]\ninput = -1\noutput = 2\n', "a negative price"),
        ('name = "Odd"\n[cost]\ninput = "free"\n', "a price that is not a number"),
        ("[cost]\ninput = 1\n", "a model without a name"),
        (
            'name = "T"\n[[cost.tiers]]\ntier = { type = "time", size = 1 }\ninput = 1\n',
            "unknown kind",
        ),
    ],
)
def test_bad_entries_are_skipped_with_their_reason(tree, content, reason):
    (tree.parent / "outside.toml").write_text('name = "Outside"\n')
    write(tree, "providers/novita/models/bad.toml", content)
    snapshot = read_tree(tree)

    assert [skip.ref for skip in snapshot.skipped] == ["providers/novita/models/bad.toml"]
    assert reason in snapshot.skipped[0].reason
    assert route(snapshot, "novita/moonshotai/kimi-k2.5")  # the rest is read


def test_the_content_hash_changes_with_the_content_and_only_then(tree):
    first = read_tree(tree).content_hash
    assert read_tree(tree).content_hash == first
    write(tree, "providers/novita/models/moonshotai/kimi-k2.5.toml", 'name = "Kimi"\n')
    assert read_tree(tree).content_hash != first


def test_a_folder_that_is_not_a_models_dev_tree_is_refused(tmp_path):
    with pytest.raises(SourceError, match="not a models.dev tree"):
        read_tree(tmp_path)


# Prices a file says are in another unit than tokens.

REAL = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "models.dev"
VOXTRAL_AT_EVROC = REAL / "providers/evroc/models/mistralai/Voxtral-Small-24B-2507.toml"


@pytest.mark.skipif(not VOXTRAL_AT_EVROC.is_file(), reason="no models.dev snapshot")
def test_evroc_states_voxtral_small_per_audio_minute_in_a_comment():
    """The real file: `input = 0.0023` under "# per audio minute" is no token price."""
    assert stated_cost_unit(VOXTRAL_AT_EVROC.read_text()) == "audio minute"


@pytest.mark.parametrize(
    "text",
    [
        "[cost]\ninput = 1\n",
        "[cost]\ninput_audio = 2.2   # Cost per million audio input tokens (USD)\n",
        "[cost]\n# per 1M tokens\ninput = 1\n",
        "# per audio minute\n[cost]\ninput = 1\n",  # above the table: not the table's
        "[cost]\ninput = 1\n[limit]\n# per request limits\ncontext = 8\n",  # another table
    ],
)
def test_a_comment_that_does_not_name_another_unit_for_the_cost_table(text):
    assert stated_cost_unit(text) == ""


def test_a_route_priced_per_audio_minute_is_kept_with_no_price(tmp_path):
    write(tmp_path, "providers/evroc/provider.toml", 'name = "evroc"\n')
    write(
        tmp_path,
        "providers/evroc/models/mistralai/Voxtral-Small-24B-2507.toml",
        'name = "Voxtral Small 24B"\n[cost]\n# per audio minute\ninput = 0.0023\n'
        'output = 0.0023\n[modalities]\ninput = ["audio", "text"]\noutput = ["text"]\n',
    )

    snapshot = read_tree(tmp_path)

    [route] = snapshot.routes
    assert route.prices.is_empty
    assert route.prices.output is None
    assert [skip.reason for skip in snapshot.skipped] == [
        "its prices are per audio minute, as a comment in the file says, not per token: "
        "the route is kept with no price"
    ]
