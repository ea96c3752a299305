"""The pair page's sentences: each appears exactly when its rule holds, in the reference's voice.

All on plain facts (tests/comparisons/factories.py), no database.
"""

from datetime import date

import pytest

from comparisons import prose
from comparisons.cost import Traffic
from tests.comparisons.factories import (
    CAPABILITIES,
    DEFAULT_TRAFFIC,
    codex_spark,
    model,
    qwen,
    route,
    score,
)

LARGER_BULLET = (
    "has the larger context window for long prompts, retrieval packs, or transcript analysis."
)
COVERAGE_BULLET = "has broader tracked provider coverage for fallback and procurement flexibility."
ALL_SLUGS = [cap.slug for cap in CAPABILITIES]


def tradeoffs(first, second, traffic=DEFAULT_TRAFFIC):
    return prose.tradeoffs(first, second, CAPABILITIES, traffic)


def faq(a, b, traffic=DEFAULT_TRAFFIC):
    return prose.faq(a, b, CAPABILITIES, traffic)


def deep_dive(a, b, traffic=DEFAULT_TRAFFIC):
    return " ".join(prose.deep_dive(a, b, CAPABILITIES, traffic))


# The reference pair


def test_reference_tradeoffs():
    spark, qwen_model = codex_spark(), qwen()
    assert tradeoffs(spark, qwen_model) == [
        "GPT-5.3-Codex-Spark uniquely exposes Code execution in local model data.",
        "Local decision data tags GPT-5.3-Codex-Spark for Coding, RAG, and Agents.",
    ]
    assert tradeoffs(qwen_model, spark) == [
        f"Qwen3.5-122B-A10B {LARGER_BULLET}",
        f"Qwen3.5-122B-A10B {COVERAGE_BULLET}",
        "Qwen3.5-122B-A10B uniquely exposes Vision, Multimodal, and Reasoning in local model data.",
        "Local decision data tags Qwen3.5-122B-A10B for Coding, RAG, and Agents.",
    ]


def test_reference_intro():
    opening, framing = prose.intro(codex_spark(), qwen())
    assert opening == (
        "GPT-5.3-Codex-Spark (2026) and Qwen3.5-122B-A10B (2026) compare a coding-specialized "
        "model against a standalone API model. GPT-5.3-Codex-Spark ships a 131k-token context "
        "window, while Qwen3.5-122B-A10B ships a 262k-token context window. This page treats "
        "the result as workflow and deployment fit, not a universal model winner."
    )
    assert framing == (
        "Treat this as a product-type comparison: GPT-5.3-Codex-Spark is a coding-specialized "
        "model, while Qwen3.5-122B-A10B is a standalone API model. Choose based on workflow fit "
        "before reading any benchmark or price row as decisive."
    )


def test_reference_faq():
    questions = faq(codex_spark(), qwen())
    assert [item.question for item in questions] == [
        "Which has a larger context window, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?",
        "Is GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B open source?",
        "Which is better for vision, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?",
        "Which is better for multimodal input, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?",
        "Which is better for reasoning mode, GPT-5.3-Codex-Spark or Qwen3.5-122B-A10B?",
        "Where can I run GPT-5.3-Codex-Spark and Qwen3.5-122B-A10B?",
    ]
    assert questions[0].answer.startswith(
        "Qwen3.5-122B-A10B supports 262k tokens, while GPT-5.3-Codex-Spark supports 131k tokens."
    )
    assert questions[1].answer.startswith(
        "GPT-5.3-Codex-Spark is listed under Proprietary. Qwen3.5-122B-A10B is listed under "
        "Apache 2.0."
    )
    assert questions[2].answer == (
        "Qwen3.5-122B-A10B has the clearer documented vision signal in this comparison. If "
        "vision is mission-critical, validate it against the provider endpoint because "
        "model-level support and API-level exposure can differ. " + prose.CONFIRM_LIMITS
    )
    assert questions[5].answer.startswith(
        "GPT-5.3-Codex-Spark is available on OpenAI API. Qwen3.5-122B-A10B is available on "
        "OpenRouter, Alibaba Cloud PAI-EAS, and Novita AI."
    )


def test_reference_deep_dive():
    footprint, pricing, choose = prose.deep_dive(
        codex_spark(), qwen(), CAPABILITIES, DEFAULT_TRAFFIC
    )
    assert footprint.startswith(
        "The capability footprint differs most on vision: Qwen3.5-122B-A10B, multimodal input: "
        "Qwen3.5-122B-A10B, reasoning mode: Qwen3.5-122B-A10B, and code execution: "
        "GPT-5.3-Codex-Spark. Both models share function calling, tool use, and structured "
        "outputs, so the practical split is not just feature count."
    )
    assert pricing.startswith(
        "Pricing coverage is uneven: GPT-5.3-Codex-Spark has no token price sourced yet and "
        "Qwen3.5-122B-A10B has $0.26/1M input tokens. Provider availability is 1 tracked route "
        "versus 3."
    )
    assert choose.startswith(
        "Choose GPT-5.3-Codex-Spark when coding workflow support is central to the workload. "
        "Choose Qwen3.5-122B-A10B when reasoning depth, larger context windows, and broader "
        "provider choice are more important."
    )


# Tradeoff bullets, each on both sides of its condition


def test_the_larger_context_bullet_goes_to_the_larger_window_only():
    big, small = model("Big", context_window=262_144), model("Small", context_window=131_072)
    assert f"Big {LARGER_BULLET}" in tradeoffs(big, small)
    assert not any("larger context" in bullet for bullet in tradeoffs(small, big))


@pytest.mark.parametrize(
    ("window_a", "window_b"), [(131_072, 131_072), (None, 131_072), (None, None)]
)
def test_no_larger_context_bullet_when_equal_or_unknown(window_a, window_b):
    a, b = model("A", context_window=window_a), model("B", context_window=window_b)
    for bullets in (tradeoffs(a, b), tradeoffs(b, a)):
        assert not any("larger context" in bullet for bullet in bullets)


def test_the_coverage_bullet_goes_to_the_model_at_more_providers():
    broad = model("Broad", routes=(route("OpenRouter"), route("Novita AI")))
    narrow = model("Narrow", routes=(route("OpenRouter"), route("OpenRouter", tier="batch")))
    assert f"Broad {COVERAGE_BULLET}" in tradeoffs(broad, narrow)
    assert not any("coverage" in bullet for bullet in tradeoffs(narrow, broad))


def test_no_coverage_bullet_when_coverage_is_equal():
    a = model("A", routes=(route("OpenRouter"),))
    b = model("B", routes=(route("Novita AI"),))
    assert not any("coverage" in bullet for bullet in tradeoffs(a, b) + tradeoffs(b, a))


def test_the_cost_bullet_goes_to_the_cheaper_model_at_the_default_traffic():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))  # $217
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))  # $728
    assert (
        "Cheap costs $511 less a month at the default traffic through the cheapest tracked "
        "routes ($217 through OpenRouter versus $728 through OpenRouter)."
    ) in (tradeoffs(cheap, dear))
    assert not any("less a month" in bullet for bullet in tradeoffs(dear, cheap))


def test_the_cost_bullet_speaks_of_the_default_traffic_given():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))
    bullets = tradeoffs(cheap, dear, Traffic(2_000_000, 400, 300))
    assert (
        "Cheap costs $1,022 less a month at the default traffic through the cheapest tracked "
        "routes ($434 through OpenRouter versus $1,456 through OpenRouter)."
    ) in bullets


@pytest.mark.parametrize(
    "other_routes",
    [
        (),
        (route("OpenRouter"),),
        (route("OpenRouter", "0.01", None),),
        (route("OpenRouter", None, "0.01"),),
        (route("OpenRouter", "0.26", "2.08"),),  # the same cost: no saving to claim
    ],
)
def test_no_cost_bullet_without_two_complete_prices_or_a_saving(other_routes):
    priced = model("Priced", routes=(route("Novita AI", "0.26", "2.08"),))
    other = model("Other", routes=other_routes)
    for bullets in (tradeoffs(priced, other), tradeoffs(other, priced)):
        assert not any("less a month" in bullet for bullet in bullets)


def test_a_unique_capability_needs_a_sourced_no_on_the_other_side():
    a = model("A", yes=["vision", "reasoning", "code-execution"])
    b = model("B", no=["vision", "code-execution"], unknown=["reasoning"])
    assert "A uniquely exposes Vision and Code execution in local model data." in tradeoffs(a, b)
    assert not any("uniquely" in bullet for bullet in tradeoffs(b, a))


def test_no_unique_capability_bullet_when_the_other_is_unknown_or_also_yes():
    a = model("A", yes=["vision", "reasoning"])
    b = model("B", yes=["vision"], unknown=["reasoning"])
    assert not any("uniquely" in bullet for bullet in tradeoffs(a, b) + tradeoffs(b, a))


def test_all_capabilities_unknown_make_no_capability_claim():
    a, b = model("A", unknown=ALL_SLUGS), model("B")
    assert tradeoffs(a, b) == tradeoffs(b, a) == []


@pytest.mark.parametrize(
    ("tags", "listed"),
    [
        (("Coding",), "Coding"),
        (("Coding", "RAG"), "Coding and RAG"),
        (("Coding", "RAG", "Agents", "Long context"), "Coding, RAG, Agents, and Long context"),
    ],
)
def test_the_tags_bullet_lists_the_models_tags(tags, listed):
    bullets = tradeoffs(model("A", tags=tags), model("B"))
    assert bullets == [f"Local decision data tags A for {listed}."]


def test_no_tags_no_tags_bullet():
    assert not any("tags" in bullet for bullet in tradeoffs(model("A"), model("B", tags=("RAG",))))


# Equal context windows: no "larger" claim anywhere


def test_equal_context_windows_claim_no_larger_window_anywhere():
    a = model("A", context_window=131_072, yes=["reasoning"], no=["vision"])
    b = model("B", context_window=131_072, yes=["vision"], no=["reasoning"])
    said = [
        *tradeoffs(a, b),
        *tradeoffs(b, a),
        *(item.answer for item in faq(a, b)),
        deep_dive(a, b),
        *prose.intro(a, b),
    ]
    assert not any("larger" in sentence for sentence in said)
    assert faq(a, b)[0].answer.startswith(
        "A and B both support 131k tokens, so context size does not separate them."
    )
    assert "A and B both ship a 131k-token context window." in prose.intro(a, b)[0]


# An unknown price never reads as "$0"


def test_the_deep_dive_never_shows_an_unknown_price_as_zero():
    unpriced = model("Unpriced", routes=(route("OpenRouter"),))
    half = model("Half", routes=(route("Novita AI", None, "1.5"),))
    text = deep_dive(unpriced, half)
    assert "$0" not in text
    assert "Unpriced has no token price sourced yet" in text


def test_the_deep_dive_names_an_output_only_price_instead_of_no_price():
    half = model("Half", routes=(route("Novita AI", None, "1.5"),))
    text = deep_dive(model("Unpriced"), half)
    assert "Half has $1.50/1M output tokens but no input token price sourced yet" in text
    assert "Half has no token price" not in text


@pytest.mark.parametrize(
    ("routes_a", "routes_b", "coverage"),
    [
        ((route("X", "1", "2"),), (route("Y", "0.5", "1"),), "complete"),
        ((route("X", "1", "2"),), (), "uneven"),
        ((route("X", "1", None),), (route("Y", "0.5", "1"),), "uneven"),
        ((route("X", "1", None), route("Z", None, "2")), (route("Y", "0.5", "1"),), "uneven"),
        ((route("X"),), (), "missing"),
    ],
)
def test_pricing_coverage_is_complete_only_when_both_have_a_complete_price(
    routes_a, routes_b, coverage
):
    text = deep_dive(model("A", routes=routes_a), model("B", routes=routes_b))
    assert f"Pricing coverage is {coverage}:" in text
    assert ("Treat unknown pricing as an integration gap" in text) == (coverage != "complete")


def test_provider_availability_counts_providers():
    a = model("A", routes=(route("X"), route("X", tier="batch")))
    b = model("B", routes=(route("X"), route("Y"), route("Z")))
    assert "Provider availability is 1 tracked route versus 3." in deep_dive(a, b)
    assert "Provider availability is 3 tracked routes versus 1." in deep_dive(b, a)


def test_the_deep_dive_footprint_with_and_without_differences():
    a = model("A", yes=["vision", "tool-use"], no=["reasoning"])
    b = model("B", yes=["reasoning", "tool-use"], no=["vision"])
    assert (
        "The capability footprint differs most on vision: A and reasoning mode: B. Both models "
        "share tool use, so the practical split is not just feature count."
    ) in deep_dive(a, b)
    same = model("C", yes=["tool-use"])
    text = deep_dive(same, model("D", yes=["tool-use"]))
    assert "Local capability data shows no capability that one of C and D has" in text
    assert (
        "Both models share tool use, so the choice turns on context, price, and provider coverage."
        in text
    )


def test_the_choose_when_sentences_follow_the_rules():
    b = model(
        "B",
        context_window=20,
        yes=["reasoning", "computer-use"],
        routes=(route("X", "1", "1"), route("Y", "1", "1")),
    )
    a = model(
        "A",
        product_type="Coding-specialized model",
        context_window=10,
        no=["reasoning", "computer-use"],
        routes=(route("X", "0.1", "0.1"),),
    )
    text = deep_dive(a, b)
    assert (
        "Choose A when coding workflow support and lower token spend are central to the workload."
        in text
    )
    assert (
        "Choose B when reasoning depth, computer-use automation, larger context windows, and "
        "broader provider choice are more important."
    ) in text


def test_no_choose_when_sentence_without_a_strength():
    text = deep_dive(model("A"), model("B"))
    assert "Choose A when" not in text
    assert "Choose B when" not in text
    assert text.endswith("a reliable deployment.")


# The FAQ: always six questions


PAIRS = {
    "reference": (codex_spark(), qwen()),
    "empty": (model("A"), model("B")),
    "all unknown": (model("A", unknown=ALL_SLUGS), model("B", unknown=ALL_SLUGS)),
    "all yes": (model("A", yes=ALL_SLUGS), model("B", yes=ALL_SLUGS)),
    "one yes": (model("A", yes=["parallel-agents"]), model("B", no=ALL_SLUGS)),
    "two yes": (model("A", yes=["vision"]), model("B", yes=["computer-use"])),
}


@pytest.mark.parametrize("pair", PAIRS.values(), ids=PAIRS.keys())
def test_the_faq_always_has_six_questions(pair):
    questions = faq(*pair)
    assert len(questions) == 6
    assert len({item.question for item in questions}) == 6
    assert questions[0].question.startswith("Which has a larger context window")
    assert questions[1].question.endswith("open source?")
    assert questions[5].question.startswith("Where can I run")
    # Every answer is written out: whole sentences, none left empty.
    assert all(item.answer[:1].isupper() and item.answer.endswith(".") for item in questions)


def capability_questions(a, b):
    return faq(a, b)[2:5]


def test_capability_questions_take_the_first_three_that_either_model_supports():
    a = model("A", yes=["tool-use", "parallel-agents"], unknown=["vision"], no=["multimodal"])
    b = model("B", yes=["reasoning", "code-execution", "tool-use"], no=["vision"])
    questions = capability_questions(a, b)
    assert [item.question for item in questions] == [
        "Which is better for reasoning mode, A or B?",
        "Which is better for tool use, A or B?",
        "Which is better for code execution, A or B?",
    ]


def test_a_capability_only_one_model_supports_names_it():
    a = model("A", no=["vision"])
    b = model("B", yes=["vision", "reasoning", "tool-use"], unknown=["reasoning"])
    first = capability_questions(a, b)[0]
    assert first.answer.startswith(
        "B has the clearer documented vision signal in this comparison. If vision is "
        "mission-critical, validate it against the provider endpoint"
    )
    assert capability_questions(b, a)[0].answer.startswith("B has the clearer documented vision")


def test_a_capability_both_support_names_neither():
    a = model("A", yes=["vision", "reasoning", "tool-use"])
    b = model("B", yes=["vision"], no=["reasoning"])
    first, second, _ = capability_questions(a, b)
    assert first.answer.startswith(
        "Both A and B expose vision. The better choice depends on benchmark fit, context "
        "budget, pricing, and whether your provider route exposes the same capability surface."
    )
    assert second.answer.startswith("A has the clearer documented reasoning mode signal")


def test_only_the_first_capability_answer_adds_the_confirm_line():
    answers = [item.answer for item in capability_questions(*PAIRS["all yes"])]
    assert answers[0].endswith(prose.CONFIRM_LIMITS)
    assert not any(answer.endswith(prose.CONFIRM_LIMITS) for answer in answers[1:])


def test_no_supported_capability_gives_three_stand_in_questions():
    questions = capability_questions(*PAIRS["all unknown"])
    assert [item.question for item in questions] == [
        "Which is cheaper to run, A or B?",
        "Do A and B share benchmark results?",
        "Which is newer, A or B?",
    ]


def test_one_supported_capability_is_followed_by_two_stand_ins():
    questions = capability_questions(*PAIRS["one yes"])
    assert [item.question for item in questions] == [
        "Which is better for parallel agents, A or B?",
        "Which is cheaper to run, A or B?",
        "Do A and B share benchmark results?",
    ]


def test_two_supported_capabilities_are_followed_by_one_stand_in():
    questions = capability_questions(*PAIRS["two yes"])
    assert [item.question for item in questions] == [
        "Which is better for vision, A or B?",
        "Which is better for computer use, A or B?",
        "Which is cheaper to run, A or B?",
    ]


def test_the_cost_stand_in_answers_from_the_default_traffic():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))
    answer = capability_questions(cheap, dear)[0].answer
    assert answer == (
        "Cheap costs $511 less a month than Dear at the default traffic through the cheapest "
        "tracked routes ($217 through OpenRouter versus $728 through OpenRouter)."
    )
    unpriced = capability_questions(cheap, model("Unpriced"))[0].answer
    assert "cannot be compared" in unpriced
    assert "$" not in unpriced


def test_the_benchmark_stand_in_lists_shared_rows():
    a = model("A", scores=(score("MMLU", "80"), score("AIME", "50")))
    b = model("B", scores=(score("MMLU", "82"), score("AIME", "40"), score("GPQA", "1")))
    assert capability_questions(a, b)[1].answer.startswith(
        "A and B share 2 benchmark rows: AIME and MMLU."
    )
    assert capability_questions(a, model("C"))[1].answer.startswith(
        "No shared benchmark rows are currently sourced for this pair"
    )


@pytest.mark.parametrize(
    ("released_a", "released_b", "answer"),
    [
        (
            date(2026, 2, 12),
            date(2026, 2, 24),
            "B was released on 2026-02-24, after A (2026-02-12).",
        ),
        (date(2026, 3, 1), date(2025, 1, 1), "A was released on 2026-03-01, after B (2025-01-01)."),
        (date(2026, 2, 12), date(2026, 2, 12), "A and B were both released on 2026-02-12."),
        (None, date(2026, 2, 12), "Local data does not have a release date for both models yet."),
    ],
)
def test_the_release_stand_in(released_a, released_b, answer):
    a, b = model("A", released_on=released_a), model("B", released_on=released_b)
    assert capability_questions(a, b)[2].answer == answer


@pytest.mark.parametrize(
    ("window_a", "window_b", "start"),
    [
        (131_072, 1_000_000, "B supports 1M tokens, while A supports 131k tokens."),
        (
            None,
            262_144,
            "B supports 262k tokens. A has no context window sourced yet. "
            "Local data cannot say which is larger.",
        ),
        (
            None,
            None,
            "A has no context window sourced yet. B has no context window sourced yet. "
            "Local data cannot say which is larger.",
        ),
    ],
)
def test_the_context_answer(window_a, window_b, start):
    answer = faq(model("A", context_window=window_a), model("B", context_window=window_b))[0].answer
    assert answer.startswith(start)
    assert answer.endswith(prose.CONFIRM_LIMITS)


def test_the_license_answer_says_when_no_license_is_sourced():
    answer = faq(model("A", license_name="MIT"), model("B"))[1].answer
    assert answer.startswith("A is listed under MIT. B has no license sourced yet.")


def test_where_to_run_lists_priced_providers_cheapest_first_then_the_rest_by_name():
    a = model(
        "A",
        routes=(
            route("Together", "1", "1"),
            route("Zeta Cloud"),
            route("Novita AI", "0.1", "0.1"),
            route("Alpha Host"),
        ),
    )
    answer = faq(a, model("B"))[5].answer
    assert answer.startswith(
        "A is available on Novita AI, Together, Alpha Host, and Zeta Cloud. "
        "B has no tracked provider route yet."
    )


# Switch friction


def test_switch_friction_without_a_shared_provider():
    bullets = prose.switch_friction(codex_spark(), qwen(), CAPABILITIES)
    assert bullets == [
        "No overlapping tracked provider route is sourced for GPT-5.3-Codex-Spark and "
        "Qwen3.5-122B-A10B; plan for SDK, billing, or endpoint changes.",
        "Check replacement coverage for Code execution before moving production traffic.",
        "Qwen3.5-122B-A10B adds Vision, Multimodal, and Reasoning in local capability data.",
    ]


def test_switch_friction_with_shared_providers():
    source = model("Source", routes=(route("Novita AI"), route("OpenRouter"), route("Together")))
    target = model("Target", routes=(route("OpenRouter"), route("Novita AI", tier="batch")))
    first = prose.switch_friction(source, target, CAPABILITIES)[0]
    assert first == (
        "Source and Target are both tracked on Novita AI and OpenRouter; moving traffic there "
        "can keep the same SDK, billing, and endpoint."
    )


def test_switch_friction_rechecks_unknown_capabilities_but_claims_no_gain_from_them():
    source = model("Source", yes=["vision"])
    target = model("Target", yes=["reasoning"])  # vision unknown; reasoning unknown at source
    # Unknown is not No: the target's sources do not say, and the bullet says so.
    assert prose.switch_friction(source, target, CAPABILITIES)[1:] == [
        "Confirm Vision on Target before moving production traffic: its sources do not say."
    ]
    lacking = model("Lacking", yes=["reasoning"], no=["vision"])
    assert prose.switch_friction(source, lacking, CAPABILITIES)[1] == (
        "Check replacement coverage for Vision before moving production traffic."
    )


def test_the_footprint_of_one_model_is_said_once():
    a = model("Kimi K2.5", yes=["vision", "multimodal"])
    b = model("DeepSeek V3.2", no=["vision", "multimodal"])
    assert prose.deep_dive(a, b, CAPABILITIES, DEFAULT_TRAFFIC)[0].startswith(
        "The capability footprint differs most on vision and multimodal input, which only "
        "Kimi K2.5 is known to expose."
    )


def test_the_open_source_answer_reads_the_openness_without_a_license():
    a = model("DeepSeek V3.2", openness="Open weights")
    b = model("Kimi K2.5", openness="Open weights", license_name="Modified MIT")
    answer = prose.faq(a, b, CAPABILITIES, DEFAULT_TRAFFIC)[1].answer
    assert answer.startswith(
        "DeepSeek V3.2 is listed as open weights; no license is sourced yet. "
        "Kimi K2.5 is listed under Modified MIT."
    )


def test_switch_friction_with_nothing_to_recheck():
    source, target = model("Source", yes=["vision"]), model("Target", yes=["vision"])
    assert prose.switch_friction(source, target, CAPABILITIES)[1:] == [
        "Local capability data shows nothing Source exposes that Target lacks."
    ]


# The cost delta


def test_cost_delta_when_both_are_priced():
    cheap = model("Cheap", routes=(route("OpenRouter", "0.07", "0.63"),))
    dear = model("Dear", routes=(route("OpenRouter", "0.26", "2.08"),))
    expected = (
        "Cheap costs $511 less a month than Dear at this traffic through the cheapest tracked "
        "routes ($217 through OpenRouter versus $728 through OpenRouter)."
    )
    assert prose.cost_delta(cheap, dear, DEFAULT_TRAFFIC) == expected
    assert prose.cost_delta(dear, cheap, DEFAULT_TRAFFIC) == expected


UNAVAILABLE = "Cost delta unavailable until both models have sourced input and output token prices."


def test_cost_delta_when_one_or_neither_is_priced():
    priced = model("Priced", routes=(route("OpenRouter", "0.26", "2.08"),))
    unpriced = model("Unpriced", routes=(route("OpenRouter", "0.26", None),))
    assert prose.cost_delta(priced, unpriced, DEFAULT_TRAFFIC) == UNAVAILABLE
    assert prose.cost_delta(unpriced, priced, DEFAULT_TRAFFIC) == UNAVAILABLE
    assert prose.cost_delta(unpriced, model("No routes"), DEFAULT_TRAFFIC) == UNAVAILABLE


def test_cost_delta_when_costs_are_equal():
    a = model("A", routes=(route("OpenRouter", "0.26", "2.08"),))
    b = model("B", routes=(route("Novita AI", "0.26", "2.08"),))
    assert prose.cost_delta(a, b, DEFAULT_TRAFFIC) == (
        "A and B cost the same, $728 a month at this traffic, through OpenRouter and Novita AI."
    )


# Intro and framing


def test_intro_for_the_same_product_type():
    a = model("A", released_on=date(2025, 6, 1), context_window=131_072)
    b = model("B", released_on=date(2026, 1, 1), context_window=1_000_000)
    opening, framing = prose.intro(a, b)
    assert opening.startswith(
        "A (2025) and B (2026) compare two standalone API models. A ships a 131k-token context "
        "window, while B ships a 1M-token context window."
    )
    assert framing.startswith(
        "A and B are both standalone API models, so product type does not separate them"
    )
    assert "product-type comparison" not in framing


def test_intro_for_different_product_types():
    a = model("A", product_type="Reasoning model")
    b = model("B", product_type="Small efficient model")
    opening, framing = prose.intro(a, b)
    assert "compare a reasoning model against a small efficient model." in opening
    assert framing.startswith(
        "Treat this as a product-type comparison: A is a reasoning model, while B is a small "
        "efficient model."
    )


def test_intro_without_a_release_date_gives_no_year():
    opening, _ = prose.intro(model("A"), model("B", released_on=date(2026, 2, 24)))
    assert opening.startswith("A and B (2026) compare")
    assert "()" not in opening
    assert "None" not in opening


@pytest.mark.parametrize(
    ("window_a", "window_b", "sentence"),
    [
        (None, None, "Neither model has a context window sourced yet."),
        (
            None,
            262_144,
            "A has no context window sourced yet, while B ships a 262k-token context window.",
        ),
        (
            131_072,
            None,
            "A ships a 131k-token context window, while B has no context window sourced yet.",
        ),
    ],
)
def test_intro_with_unknown_context_windows(window_a, window_b, sentence):
    a, b = model("A", context_window=window_a), model("B", context_window=window_b)
    opening, _ = prose.intro(a, b)
    assert sentence in opening
    assert "None" not in opening


# Found in review: agreement, a strength both share, coverage words, ties as shown.


def test_a_lone_plural_strength_takes_a_plural_verb():
    a = model("Alpha", context_window=1_000_000)
    b = model("Beta", context_window=131_072)

    assert "Choose Alpha when larger context windows are central to the workload." in deep_dive(
        a, b
    )


def test_coding_support_is_a_strength_only_of_the_one_coding_model():
    coder = model("Coder", product_type="Coding-specialized model")
    other_coder = model("Other Coder", product_type="Coding-specialized model")
    generalist = model("Generalist")

    assert "Choose Coder when coding workflow support is" in deep_dive(coder, generalist)
    assert "coding workflow support" not in deep_dive(coder, other_coder)


@pytest.mark.parametrize(
    ("routes_a", "routes_b", "word"),
    [
        ((route("X", 1, 2),), (route("Y", 1, 2),), "complete"),
        ((route("X", 1, 2),), (), "uneven"),
        ((route("X", 1, None),), (route("Y", None, 2),), "incomplete"),
        ((), (route("Y"),), "missing"),
    ],
)
def test_pricing_coverage_word_follows_both_models(routes_a, routes_b, word):
    a, b = model("Alpha", routes=routes_a), model("Beta", routes=routes_b)

    assert f"Pricing coverage is {word}:" in deep_dive(a, b)


def test_partial_prices_say_what_is_missing():
    a = model("Alpha", routes=(route("X", 1, None),))
    b = model("Beta", routes=(route("Y", 1, None), route("Z", None, 3)))

    text = deep_dive(a, b)

    assert "Alpha has $1/1M input tokens but no output token price sourced yet" in text
    assert "Beta has $1/1M input tokens and $3/1M output tokens, but no single route" in text


def test_costs_that_read_the_same_are_a_tie():
    # $728.00 and $728.40 a month both read "$728": no "costs $0.40 less".
    a = model("Alpha", routes=(route("X", "0.26", "2.08"),))
    b = model("Beta", routes=(route("Y", "0.26", "2.0813333"),))

    delta = prose.cost_delta(a, b, DEFAULT_TRAFFIC)

    assert "cost the same, $728 a month" in delta
    assert "less" not in delta
