"""The sentences of the pair page, in the reference page's voice, from the rules' results."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from catalog.facts import NO, CapabilityFacts, ModelFacts
from catalog.formatting import (
    coarser_precision,
    compact_tokens,
    lower_first,
    oxford_join,
    partial_date,
    plural,
    price_per_million,
    token_labels,
    usd_amount,
    with_article,
)
from catalog.models import LanguageModel
from comparisons import rules
from comparisons.cost import (
    AT_PROVIDER,
    FOR_THE_PAIR,
    LIST_PRICE,
    Pricing,
    Traffic,
    priced_routes,
)

# What a model is called where its product type is not sourced: every model here is one.
UNTYPED_MODEL = "language model"

CONFIRM_LIMITS = (
    "Use this as a quick comparison signal, then confirm the provider-specific limits "
    "before committing to production."
)


@dataclass(frozen=True)
class Question:
    question: str
    answer: str


def names(capabilities: Iterable[CapabilityFacts]) -> str:
    return oxford_join(cap.name for cap in capabilities)


def phrases(capabilities: Iterable[CapabilityFacts]) -> str:
    return oxford_join(cap.phrase for cap in capabilities)


def title(a: ModelFacts, b: ModelFacts) -> str:
    return f"{a.name} vs {b.name}"


def _with_year(model: ModelFacts) -> str:
    return f"{model.name} ({model.released_on.year})" if model.released_on else model.name


def _product_phrase(model: ModelFacts) -> str:
    """ "coding-specialized model"; "language model" where no product type is sourced."""
    return lower_first(model.product_type) or UNTYPED_MODEL


def context_sentence(a: ModelFacts, b: ModelFacts) -> str:
    known = [model for model in (a, b) if model.context_window is not None]
    if not known:
        return "Neither model has a context window sourced yet."
    if len(known) == 2 and a.context_window == b.context_window:
        return (
            f"{a.name} and {b.name} both ship a {compact_tokens(a.context_window)}-token "
            "context window."
        )

    def ships(model: ModelFacts, label: str) -> str:
        if model.context_window is None:
            return f"{model.name} has no context window sourced yet"
        return f"{model.name} ships a {label}-token context window"

    label_a, label_b = token_labels(a.context_window, b.context_window)
    return f"{ships(a, label_a)}, while {ships(b, label_b)}."


def intro(a: ModelFacts, b: ModelFacts) -> list[str]:
    """The opening paragraph and the product-type framing paragraph."""
    if a.product_type == b.product_type:
        compared = f"compare two {_product_phrase(a)}s"
    else:
        compared = (
            f"compare {with_article(_product_phrase(a))} against {with_article(_product_phrase(b))}"
        )
    opening = (
        f"{_with_year(a)} and {_with_year(b)} {compared}. {context_sentence(a, b)} "
        "This page treats the result as workflow and deployment fit, not a universal model "
        "winner."
    )
    untyped = [model.name for model in (a, b) if not model.product_type]
    if untyped:
        framing = (
            f"No product type is sourced yet for {oxford_join(untyped)}, so product type "
            "does not separate them: capabilities, context, provider coverage, and price do. "
            "Choose based on workflow fit before reading any benchmark or price row as decisive."
        )
    elif a.product_type == b.product_type:
        framing = (
            f"{a.name} and {b.name} are both {_product_phrase(a)}s, so product type does not "
            "separate them: capabilities, context, provider coverage, and price do. Choose "
            "based on workflow fit before reading any benchmark or price row as decisive."
        )
    else:
        framing = (
            f"Treat this as a product-type comparison: {a.name} is "
            f"{with_article(_product_phrase(a))}, while {b.name} is "
            f"{with_article(_product_phrase(b))}. Choose based on workflow fit before reading "
            "any benchmark or price row as decisive."
        )
    return [opening, framing]


def basis_phrase(comparison: rules.CostComparison) -> str:
    """How both costs were priced, where one basis priced both: "at list price", "at
    OpenRouter"; "" for the cheapest routes (each model's own: see `route_figures`)."""
    pricing = comparison.pricing
    if pricing.basis == LIST_PRICE:
        return "at list price"
    if pricing.basis == AT_PROVIDER:
        return f"at {pricing.provider_name}"
    return ""


def route_figures(comparison: rules.CostComparison) -> str:
    """ "$217 through OpenRouter versus $728 through Novita AI": each cost and its route."""
    cheaper, dearer = comparison.cheaper_cost, comparison.dearer_cost
    return (
        f"{usd_amount(cheaper.monthly)} through {cheaper.route.label} versus "
        f"{usd_amount(dearer.monthly)} through {dearer.route.label}"
    )


def monthly_saving_sentence(comparison: rules.CostComparison, traffic_phrase: str) -> str:
    """Which model costs less a month, on what basis, naming the routes of a cheapest-route
    comparison: the reader must know which prices the verdict rests on."""
    a, b = comparison.cheaper.name, comparison.dearer.name
    cheaper, dearer = comparison.cheaper_cost, comparison.dearer_cost
    basis = basis_phrase(comparison)
    if comparison.is_tie:
        if basis:
            return (
                f"{a} and {b} cost the same, {usd_amount(cheaper.monthly)} a month, {basis} "
                f"{traffic_phrase}."
            )
        routes = oxford_join(dict.fromkeys([cheaper.route.label, dearer.route.label]))
        return (
            f"{a} and {b} cost the same, {usd_amount(cheaper.monthly)} a month "
            f"{traffic_phrase}, through {routes}."
        )
    saving = f"{a} costs {usd_amount(comparison.saving)} less a month than {b}"
    if basis:
        return (
            f"{saving} {basis} {traffic_phrase} ({usd_amount(cheaper.monthly)} versus "
            f"{usd_amount(dearer.monthly)})."
        )
    figures = route_figures(comparison)
    return f"{saving} {traffic_phrase} through the cheapest tracked routes ({figures})."


def cheaper_bullet(model: ModelFacts, comparison: rules.CostComparison) -> str:
    """The tradeoff bullet of the cheaper model at the default traffic."""
    saving = f"{model.name} costs {usd_amount(comparison.saving)} less a month"
    basis = basis_phrase(comparison)
    if not basis:
        return (
            f"{saving} at the default traffic through the cheapest tracked routes "
            f"({route_figures(comparison)})."
        )
    cheaper, dearer = comparison.cheaper_cost.monthly, comparison.dearer_cost.monthly
    return (
        f"{saving} {basis} at the default traffic ({usd_amount(cheaper)} versus "
        f"{usd_amount(dearer)})."
    )


def tradeoffs(
    model: ModelFacts,
    other: ModelFacts,
    capabilities: list[CapabilityFacts],
    default_traffic: Traffic,
) -> list[str]:
    """The "Choose <model> when..." bullets: each appears exactly when its rule holds."""
    bullets: list[str] = []
    if rules.larger_context(model, other) is model:
        bullets.append(
            f"{model.name} has the larger context window for long prompts, retrieval packs, "
            "or transcript analysis."
        )
    if rules.broader_coverage(model, other) is model:
        bullets.append(
            f"{model.name} has broader tracked provider coverage for fallback and procurement "
            "flexibility."
        )
    comparison = rules.cost_comparison(model, other, default_traffic)
    if comparison and comparison.cheaper is model and not comparison.is_tie:
        bullets.append(cheaper_bullet(model, comparison))
    unique = rules.unique_capabilities(model, other, capabilities)
    if unique:
        bullets.append(f"{model.name} uniquely exposes {names(unique)} in local model data.")
    if model.tags:
        bullets.append(f"Local decision data tags {model.name} for {oxford_join(model.tags)}.")
    return bullets


def cost_delta(
    a: ModelFacts, b: ModelFacts, traffic: Traffic, pricing: Pricing = FOR_THE_PAIR
) -> str:
    comparison = rules.cost_comparison(a, b, traffic, pricing)
    if comparison is not None:
        return monthly_saving_sentence(comparison, "at this traffic")
    if pricing.basis == LIST_PRICE:
        return (
            "Cost delta unavailable at list price until both makers have a sourced input and "
            "output token price at their own API."
        )
    if pricing.basis == AT_PROVIDER:
        return (
            f"Cost delta unavailable at {pricing.provider_name} until it has a sourced input "
            "and output token price for both models."
        )
    return "Cost delta unavailable until both models have sourced input and output token prices."


def switch_friction(
    source: ModelFacts, target: ModelFacts, capabilities: list[CapabilityFacts]
) -> list[str]:
    """Bullets for moving production traffic from `source` to `target`."""
    shared = rules.shared_providers(source, target)
    if shared:
        first = (
            f"{source.name} and {target.name} are both tracked on {oxford_join(shared)}; "
            "moving traffic there can keep the same SDK, billing, and endpoint."
        )
    else:
        first = (
            f"No overlapping tracked provider route is sourced for {source.name} and "
            f"{target.name}; plan for SDK, billing, or endpoint changes."
        )
    bullets = [first]
    recheck = rules.capabilities_to_recheck(source, target, capabilities)
    # "Check replacement coverage" for what the target is known to lack; what its sources
    # do not state is Unknown, not No, and is said so.
    missing = [cap for cap in recheck if target.support(cap.slug) == NO]
    unknown = [cap for cap in recheck if target.support(cap.slug) != NO]
    if missing:
        bullets.append(
            f"Check replacement coverage for {names(missing)} before moving production traffic."
        )
    if unknown:
        bullets.append(
            f"Confirm {names(unknown)} on {target.name} before moving production traffic: "
            "its sources do not say."
        )
    gained = rules.unique_capabilities(target, source, capabilities)
    if gained:
        bullets.append(f"{target.name} adds {names(gained)} in local capability data.")
    if not recheck and not gained:
        bullets.append(
            f"Local capability data shows nothing {source.name} exposes that {target.name} lacks."
        )
    return bullets


def _price_state(model: ModelFacts) -> str:
    """ "complete" (a route in force has both token prices), "partial" (some price), or
    "none"."""
    routes = [route for route in model.routes if not route.retired]
    if any(route.has_token_prices for route in routes):
        return "complete"
    if any(route.input_price is not None or route.output_price is not None for route in routes):
        return "partial"
    return "none"


def _price_coverage(model: ModelFacts) -> str:
    input_price = rules.lowest_offer(model, "input_price")
    output_price = rules.lowest_offer(model, "output_price")
    has_input = f"{model.name} has {rules.offer_text(input_price, 'input tokens')}"
    has_output = f"{rules.offer_text(output_price, 'output tokens')}"
    state = _price_state(model)
    listed = model.list_price
    if state == "complete" and listed is not None and listed.input_price is not None:
        # The maker's own price first: a reseller's discount is no model's price.
        listed_input = price_per_million(listed.input_price, "input tokens")
        return f"{model.name} has {listed_input} at its maker's list price ({listed.provider})"
    if state == "complete":
        return has_input
    if input_price is not None and output_price is not None:
        return f"{has_input} and {has_output}, but no single route with both"
    if input_price is not None:
        return f"{has_input} but no output token price sourced yet"
    if output_price is not None:
        return f"{model.name} has {has_output} but no input token price sourced yet"
    return f"{model.name} has no token price sourced yet"


def _coverage_word(a: ModelFacts, b: ModelFacts) -> str:
    states = {_price_state(a), _price_state(b)}
    if len(states) == 2:
        return "uneven"
    return {"complete": "complete", "partial": "incomplete", "none": "missing"}[states.pop()]


# Strengths that read as plural nouns ("larger context windows are…").
PLURAL_STRENGTHS = {"larger context windows"}
CODING_SPECIALIZED = LanguageModel.ProductType.CODING.label


def _strengths(
    model: ModelFacts,
    other: ModelFacts,
    capabilities: list[CapabilityFacts],
    default_traffic: Traffic,
) -> list[str]:
    """Short noun phrases for what favours `model`, for the choose-when sentences."""
    strengths: list[str] = []
    coding = {"code-execution", "ide-integration"}
    unique = {cap.slug for cap in rules.unique_capabilities(model, other, capabilities)}
    only_coding_model = (
        model.product_type == CODING_SPECIALIZED and other.product_type != CODING_SPECIALIZED
    )
    if only_coding_model or unique & coding:
        strengths.append("coding workflow support")
    if "reasoning" in unique:
        strengths.append("reasoning depth")
    if "computer-use" in unique:
        strengths.append("computer-use automation")
    if "parallel-agents" in unique:
        strengths.append("parallel agent runs")
    if rules.larger_context(model, other) is model:
        strengths.append("larger context windows")
    if rules.broader_coverage(model, other) is model:
        strengths.append("broader provider choice")
    comparison = rules.cost_comparison(model, other, default_traffic)
    if comparison and comparison.cheaper is model and not comparison.is_tie:
        strengths.append("lower token spend")
    return strengths


def deep_dive(
    a: ModelFacts, b: ModelFacts, capabilities: list[CapabilityFacts], default_traffic: Traffic
) -> list[str]:
    differences = rules.capability_differences(a, b, capabilities)
    shared = rules.shared_capabilities(a, b, capabilities)
    footprint = []
    if differences:
        holders = {model.name for _, model in differences}
        if len(holders) == 1 and len(differences) > 1:
            # One model holds every difference: said once, not "vision: X and … : X".
            listed = phrases(cap for cap, _ in differences)
            only = differences[0][1].name
            footprint.append(
                f"The capability footprint differs most on {listed}, which only {only} is "
                "known to expose."
            )
        else:
            listed = oxford_join(f"{cap.phrase}: {model.name}" for cap, model in differences)
            footprint.append(f"The capability footprint differs most on {listed}.")
    else:
        footprint.append(
            f"Local capability data shows no capability that one of {a.name} and {b.name} "
            "has and the other is known to lack."
        )
    if shared:
        tail = (
            "so the practical split is not just feature count."
            if differences
            else "so the choice turns on context, price, and provider coverage."
        )
        footprint.append(f"Both models share {phrases(shared)}, {tail}")
    if differences:
        footprint.append(
            "Use those differences to decide whether the page is about raw model quality, "
            "agentic coding support, multimodal ingestion, or predictable structured API "
            "behavior."
        )

    # "Complete" only when both monthly costs can be computed, as the cost section does.
    coverage = _coverage_word(a, b)
    count_a, count_b = rules.provider_count(a), rules.provider_count(b)
    pricing = [
        f"Pricing coverage is {coverage}: {_price_coverage(a)} and {_price_coverage(b)}.",
        f"Provider availability is {plural(count_a, 'tracked route')} versus {count_b}.",
    ]
    if coverage == "complete":
        pricing.append(
            "Verify the route you will actually call before estimating production spend."
        )
    else:
        pricing.append(
            "Treat unknown pricing as an integration gap, then verify the route you will "
            "actually call before estimating production spend."
        )

    choose = []
    for model, other, ending in ((a, b, "central to the workload"), (b, a, "more important")):
        strengths = _strengths(model, other, capabilities, default_traffic)
        if strengths:
            verb = "is" if len(strengths) == 1 and strengths[0] not in PLURAL_STRENGTHS else "are"
            choose.append(f"Choose {model.name} when {oxford_join(strengths)} {verb} {ending}.")
    choose.append(
        "For production, rerun your own prompts through the exact provider, region, and tool "
        "stack you plan to ship. This keeps the decision grounded in measurable tradeoffs "
        "instead of brand-level assumptions. It also helps separate model capability from "
        "provider packaging, which can change cost and latency. For teams standardizing a "
        "stack, that distinction is often the difference between a benchmark win and a "
        "reliable deployment."
    )
    return [" ".join(footprint), " ".join(pricing), " ".join(choose)]


def _context_answer(a: ModelFacts, b: ModelFacts) -> str:
    larger = rules.larger_context(a, b)
    if larger is not None:
        smaller = b if larger is a else a
        larger_label, smaller_label = token_labels(larger.context_window, smaller.context_window)
        first = (
            f"{larger.name} supports {larger_label} tokens, while "
            f"{smaller.name} supports {smaller_label} tokens. That gap "
            "matters most for long documents, large codebases, retrieval-heavy agents, and "
            "conversations where earlier context must remain visible."
        )
    elif a.context_window is not None and a.context_window == b.context_window:
        first = (
            f"{a.name} and {b.name} both support {compact_tokens(a.context_window)} tokens, "
            "so context size does not separate them."
        )
    else:
        known = [model for model in (a, b) if model.context_window is not None]
        unknown = [model for model in (a, b) if model.context_window is None]
        first = " ".join(
            [
                *(
                    f"{model.name} supports {compact_tokens(model.context_window)} tokens."
                    for model in known
                ),
                *(f"{model.name} has no context window sourced yet." for model in unknown),
            ]
        )
        first += " Local data cannot say which is larger."
    return f"{first} {CONFIRM_LIMITS}"


def _license_phrase(model: ModelFacts) -> str:
    """Its license; where none is sourced, its openness as the specs show it."""
    if model.license_name:
        return f"{model.name} is listed under {model.license_name}."
    if model.openness:
        return f"{model.name} is listed as {model.openness.lower()}; no license is sourced yet."
    return f"{model.name} has no license sourced yet."


def _capability_answer(a: ModelFacts, b: ModelFacts, cap: CapabilityFacts) -> str:
    if a.support(cap.slug) == b.support(cap.slug) == "yes":
        return (
            f"Both {a.name} and {b.name} expose {cap.phrase}. The better choice depends on "
            "benchmark fit, context budget, pricing, and whether your provider route exposes "
            "the same capability surface."
        )
    leader = a if a.support(cap.slug) == "yes" else b
    return (
        f"{leader.name} has the clearer documented {cap.phrase} signal in this comparison. "
        f"If {cap.phrase} is mission-critical, validate it against the provider endpoint "
        "because model-level support and API-level exposure can differ."
    )


def _where_to_run(model: ModelFacts, default_traffic: Traffic) -> str:
    providers = ordered_providers(model, default_traffic)
    if not providers:
        return f"{model.name} has no tracked provider route yet."
    return f"{model.name} is available on {oxford_join(providers)}."


def ordered_providers(model: ModelFacts, traffic: Traffic) -> list[str]:
    """Providers with a complete price first (cheapest first), then the others by name."""
    priced = [cost.route.provider for cost in priced_routes(model.routes, traffic)]
    rest = sorted(model.providers)
    return list(dict.fromkeys([*priced, *rest]))


def _fallback_questions(
    a: ModelFacts, b: ModelFacts, default_traffic: Traffic
) -> Iterator[Question]:
    """Questions that stand in when fewer than three capabilities are supported."""
    comparison = rules.cost_comparison(a, b, default_traffic)
    if comparison:
        cost_answer = monthly_saving_sentence(comparison, "at the default traffic")
    else:
        cost_answer = (
            "Local provider data has no complete input and output token price for both "
            "models yet, so their monthly cost cannot be compared."
        )
    yield Question(f"Which is cheaper to run, {a.name} or {b.name}?", cost_answer)
    shared = rules.shared_benchmarks(a, b)
    if shared:
        benchmark_answer = (
            f"{a.name} and {b.name} share {plural(len(shared), 'benchmark row')}: "
            f"{oxford_join(name for name, _, _ in shared)}. Compare the benchmarks table "
            "above, then rerun your own prompts."
        )
    else:
        benchmark_answer = (
            "No shared benchmark rows are currently sourced for this pair, so rerun your own "
            "prompts before trusting either model for a workload."
        )
    yield Question(f"Do {a.name} and {b.name} share benchmark results?", benchmark_answer)
    newer = _release_answer(a, b)
    yield Question(f"Which is newer, {a.name} or {b.name}?", newer)


def _release_answer(a: ModelFacts, b: ModelFacts) -> str:
    """Compared to the precision both dates have: "2026-01" is not before "2026-01-27"."""
    if a.released_on and b.released_on:
        precision = coarser_precision(a.released_precision, b.released_precision)
        day_a, day_b = (
            partial_date(a.released_on, precision),
            partial_date(b.released_on, precision),
        )
        on = "on" if precision == "day" else "in"
        if day_a == day_b:
            return f"{a.name} and {b.name} were both released {on} {day_a}."
        newer, older = (a, b) if day_a > day_b else (b, a)
        newer_day, older_day = max(day_a, day_b), min(day_a, day_b)
        return f"{newer.name} was released {on} {newer_day}, after {older.name} ({older_day})."
    return "Local data does not have a release date for both models yet."


def faq(
    a: ModelFacts, b: ModelFacts, capabilities: list[CapabilityFacts], default_traffic: Traffic
) -> list[Question]:
    """The six questions: context, license, three capabilities (or stand-ins), where to run."""
    questions = [
        Question(
            f"Which has a larger context window, {a.name} or {b.name}?", _context_answer(a, b)
        ),
        Question(
            f"Is {a.name} or {b.name} open source?",
            f"{_license_phrase(a)} {_license_phrase(b)} License labels affect whether you can "
            "self-host, redistribute weights, or rely only on hosted APIs, so confirm the "
            "upstream license before deployment.",
        ),
    ]
    either = [cap for cap in capabilities if "yes" in (a.support(cap.slug), b.support(cap.slug))]
    capability_questions = [
        Question(
            f"Which is better for {cap.phrase}, {a.name} or {b.name}?",
            _capability_answer(a, b, cap),
        )
        for cap in either[:3]
    ]
    if capability_questions:
        first = capability_questions[0]
        capability_questions[0] = Question(first.question, f"{first.answer} {CONFIRM_LIMITS}")
    fallbacks = _fallback_questions(a, b, default_traffic)
    while len(capability_questions) < 3:
        capability_questions.append(next(fallbacks))
    questions.extend(capability_questions)
    questions.append(
        Question(
            f"Where can I run {a.name} and {b.name}?",
            f"{_where_to_run(a, default_traffic)} {_where_to_run(b, default_traffic)} Provider "
            "coverage can affect latency, region availability, compliance posture, and "
            f"fallback options. {CONFIRM_LIMITS}",
        )
    )
    return questions
