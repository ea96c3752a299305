"""The source order (catalog/sync/best_source.py), on DeepSeek V3.2's real disagreement:
abacus's copy said "2025-06-15, 128k", while most of its sources say 2025-12 and 163,840."""

from catalog.sync.best_source import CANONICAL, LAB, ROUTE, Statement, agree, choose


def route(label, **facts):
    return Statement(label=label, role=ROUTE, ref=label, facts=facts)


def test_most_provider_entries_decide_where_no_lab_states_a_fact():
    choice = choose(
        [
            route("models.dev: Abacus", released_on="2025-06-15", context_window=128_000),
            route("models.dev: Chutes", released_on="2025-12-01", context_window=163_840),
            route("models.dev: DeepInfra", released_on="2025-12-01", context_window=163_840),
        ]
    )
    assert choice.values == {"released_on": "2025-12-01", "context_window": 163_840}
    assert choice.disputes == {}  # the majority is the value shown


def test_the_canonical_file_wins_and_a_majority_against_it_is_shown():
    choice = choose(
        [
            Statement(
                "models.dev canonical file",
                CANONICAL,
                "c",
                {"released_on": "2026-01", "context_window": 262_144},
            ),
            route("models.dev: A", released_on="2026-01-27", context_window=131_072),
            route("models.dev: B", released_on="2025-11-30", context_window=131_072),
            route("models.dev: C", released_on="2025-11-30"),
        ]
    )
    assert choice.values["released_on"] == "2026-01"  # a month stays a month
    assert choice.values["context_window"] == 262_144
    # Providers limiting the context window on their own is not a disagreement.
    assert "context_window" not in choice.disputes
    assert choice.disputes["released_on"] == [
        {"value": "2025-11-30", "sources": ["models.dev: B", "models.dev: C"]}
    ]


def test_the_labs_own_api_comes_before_resellers():
    choice = choose(
        [
            route("models.dev: 302AI", context_window=128_000),
            route("models.dev: Kilo", context_window=128_000),
            Statement("models.dev: DeepSeek", LAB, "l", {"context_window": 1_000_000}),
        ]
    )
    assert choice.values["context_window"] == 1_000_000
    assert choice.chosen_from["context_window"] == "models.dev: DeepSeek"


def test_two_canonical_files_that_disagree_are_shown():
    choice = choose(
        [
            Statement(
                "canonical claude-opus-4-5-20251101", CANONICAL, "a", {"released_on": "2025-11-01"}
            ),
            Statement(
                "canonical claude-opus-4-5",
                CANONICAL,
                "b",
                {"released_on": "2025-11-24"},
                primary=False,
            ),
        ]
    )
    assert choice.values["released_on"] == "2025-11-01"  # a tie: the snapshot, not its alias
    assert choice.disputes["released_on"][0]["value"] == "2025-11-24"


def test_of_two_canonical_files_the_one_most_sources_agree_with():
    # Claude Opus 4.5: the dated file says 2025-11-01, its "(latest)" alias and most
    # providers 2025-11-24.
    choice = choose(
        [
            Statement(
                "canonical claude-opus-4-5-20251101", CANONICAL, "a", {"released_on": "2025-11-01"}
            ),
            Statement(
                "canonical claude-opus-4-5",
                CANONICAL,
                "b",
                {"released_on": "2025-11-24"},
                primary=False,
            ),
            route("models.dev: Amazon Bedrock", released_on="2025-11-24"),
            route("models.dev: Amazon Bedrock", released_on="2025-11-24"),
        ]
    )
    assert choice.values["released_on"] == "2025-11-24"
    assert choice.disputes["released_on"] == [
        {"value": "2025-11-01", "sources": ["canonical claude-opus-4-5-20251101"]}
    ]


def test_a_resellers_deprecation_is_its_routes_not_the_models():
    assert choose([route("x", is_deprecated=True)]).values == {}


def test_dates_agree_to_their_precision():
    assert agree("2026-01", "2026-01-27")
    assert not agree("2026-01", "2026-02-01")
    assert agree(163_840, 163_840)
    assert not agree(163_840, 128_000)
