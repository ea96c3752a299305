"""The demo catalog: real models, providers, prices and benchmark scores, written by hand.

`catalog.demo.loader.load_demo_catalog()` loads it (idempotently). REFERENCE_MODELS, the
first three models, are the reference data of SITE.md §6 and must keep exactly those facts;
the rest are real, public specs and prices, each with the page it was taken from.

Conventions:
- prices are strings in USD per 1M tokens (turned into `Decimal`), `None` when not sourced;
- `reviewed_on` is the day an editor last checked the record against its source
  (loaded as noon UTC), `None` for a record never reviewed;
- a knowledge cutoff known only to the month is the first day of that month;
- a model states its support for some or all of the ten capabilities ("yes", "no",
  "unknown"); a capability it does not state gets no row.

The data deliberately holds the states every page must handle: routes tracked without a
price, price tiers next to standard routes, unknown parameters and knowledge cutoffs,
never-reviewed records, an unpublished model, models sharing benchmarks and others with
none, models with the same context window, a model with no sourced price at all.
"""

from dataclasses import dataclass, field
from datetime import date

from catalog.capabilities import CAPABILITIES
from catalog.models import LanguageModel, Provider

Kind = Provider.Kind
Type = LanguageModel.ProductType
Arch = LanguageModel.Architecture
Open = LanguageModel.Openness
Use = LanguageModel.CommercialUse

CAPABILITY_SLUGS = tuple(capability.slug for capability in CAPABILITIES)


def supports(yes="", no="", unknown=""):
    """Capability support from space-separated slugs: {"vision": "yes", …}."""
    stated = {}
    for support, slugs in (("yes", yes), ("no", no), ("unknown", unknown)):
        for slug in slugs.split():
            if slug not in CAPABILITY_SLUGS or slug in stated:
                raise ValueError(f"Unknown or repeated capability {slug!r}")
            stated[slug] = support
    return stated


def supports_only(yes):
    """The listed capabilities "yes", every other of the ten "no"."""
    listed = yes.split()
    return supports(yes=yes, no=" ".join(s for s in CAPABILITY_SLUGS if s not in listed))


@dataclass(frozen=True, kw_only=True)
class OrganizationData:
    name: str
    website: str
    source_url: str
    reviewed_on: date | None


@dataclass(frozen=True, kw_only=True)
class ProviderData:
    name: str
    kind: str
    website: str
    source_url: str
    reviewed_on: date | None
    lab: str | None = None  # the organization this provider is the own API of


@dataclass(frozen=True, kw_only=True)
class RouteData:
    provider: str
    provider_model_id: str
    input_price: str | None
    output_price: str | None
    cached_input_price: str | None = None
    service_mode: str = ""  # "" for the standard price, "batch"…
    context_above: int = 0  # a context tier: the price above this many input tokens
    is_active: bool = True
    source_url: str
    reviewed_on: date | None


@dataclass(frozen=True, kw_only=True)
class ModelData:
    name: str
    organization: str
    released_on: date | None
    product_type: str
    best_for: str
    decision_tags: tuple[str, ...]
    context_window: int | None
    max_output_tokens: int | None = None
    parameters_total: int | None = None
    parameters_active: int | None = None
    architecture: str = ""
    license_name: str
    license_osi_approved: bool = False
    openness: str
    commercial_use: str
    knowledge_cutoff: date | None = None
    capabilities: dict[str, str] = field(default_factory=dict)
    is_published: bool = True
    source_url: str
    reviewed_on: date | None
    routes: tuple[RouteData, ...] = ()


@dataclass(frozen=True, kw_only=True)
class FamilyData:
    """A line of models; `members` are model names (each in at most one family)."""

    name: str
    organization: str
    description: str
    members: tuple[str, ...]
    source_url: str
    reviewed_on: date | None


@dataclass(frozen=True, kw_only=True)
class BenchmarkData:
    name: str
    category: str
    description: str
    unit: str = "%"
    higher_is_better: bool = True
    source_url: str
    reviewed_on: date | None


@dataclass(frozen=True, kw_only=True)
class ScoreData:
    model: str
    benchmark: str
    value: str
    measured_on: date | None
    source_url: str
    reviewed_on: date | None


B = 1_000_000_000  # a billion parameters
T = 1_000 * B  # a trillion

ORGANIZATIONS = (
    OrganizationData(
        name="OpenAI",
        website="https://openai.com",
        source_url="https://openai.com/about/",
        reviewed_on=date(2026, 6, 10),
    ),
    OrganizationData(
        name="Alibaba (Qwen)",
        website="https://qwen.ai",
        source_url="https://huggingface.co/Qwen",
        reviewed_on=date(2026, 6, 10),
    ),
    OrganizationData(
        name="inclusionAI (Ant Group)",
        website="https://www.inclusionai.ai",
        source_url="https://huggingface.co/inclusionAI",
        reviewed_on=date(2026, 6, 10),
    ),
    OrganizationData(
        name="Anthropic",
        website="https://www.anthropic.com",
        source_url="https://www.anthropic.com/company",
        reviewed_on=date(2026, 6, 11),
    ),
    OrganizationData(
        name="Google",
        website="https://deepmind.google",
        source_url="https://deepmind.google/models/gemini/",
        reviewed_on=date(2026, 6, 11),
    ),
    OrganizationData(
        name="Meta",
        website="https://ai.meta.com",
        source_url="https://www.llama.com",
        reviewed_on=date(2026, 6, 11),
    ),
    OrganizationData(
        name="DeepSeek",
        website="https://www.deepseek.com",
        source_url="https://huggingface.co/deepseek-ai",
        reviewed_on=date(2026, 6, 12),
    ),
    OrganizationData(
        name="Mistral AI",
        website="https://mistral.ai",
        source_url="https://docs.mistral.ai/getting-started/models/",
        reviewed_on=date(2026, 6, 12),
    ),
    OrganizationData(
        name="Moonshot AI",
        website="https://www.moonshot.ai",
        source_url="https://huggingface.co/moonshotai",
        reviewed_on=None,
    ),
    OrganizationData(
        name="Zhipu AI (Z.ai)",
        website="https://z.ai",
        source_url="https://huggingface.co/zai-org",
        reviewed_on=date(2026, 6, 12),
    ),
    OrganizationData(
        name="xAI",
        website="https://x.ai",
        source_url="https://x.ai/company",
        reviewed_on=date(2026, 6, 15),
    ),
    OrganizationData(
        name="Cohere",
        website="https://cohere.com",
        source_url="https://cohere.com/about",
        reviewed_on=date(2026, 6, 15),
    ),
)

PROVIDERS = (
    ProviderData(
        name="OpenAI API",
        kind=Kind.FIRST_PARTY,
        website="https://platform.openai.com",
        source_url="https://platform.openai.com/docs/pricing",
        reviewed_on=date(2026, 6, 5),
        lab="OpenAI",
    ),
    ProviderData(
        name="OpenRouter",
        kind=Kind.AGGREGATOR,
        website="https://openrouter.ai",
        source_url="https://openrouter.ai/models",
        reviewed_on=date(2026, 6, 5),
    ),
    ProviderData(
        name="Alibaba Cloud PAI-EAS",
        kind=Kind.CLOUD,
        website="https://www.alibabacloud.com/en/product/machine-learning",
        source_url="https://www.alibabacloud.com/help/en/pai/",
        reviewed_on=date(2026, 6, 6),
    ),
    ProviderData(
        name="Novita AI",
        kind=Kind.INFERENCE_HOST,
        website="https://novita.ai",
        source_url="https://novita.ai/pricing",
        reviewed_on=date(2026, 6, 6),
    ),
    ProviderData(
        name="Alibaba Cloud Model Studio",
        kind=Kind.CLOUD,
        website="https://www.alibabacloud.com/en/product/modelstudio",
        source_url="https://www.alibabacloud.com/help/en/model-studio/models",
        reviewed_on=date(2026, 6, 8),
        lab="Alibaba (Qwen)",
    ),
    ProviderData(
        name="Anthropic API",
        kind=Kind.FIRST_PARTY,
        website="https://www.anthropic.com/api",
        source_url="https://docs.anthropic.com/en/docs/about-claude/pricing",
        reviewed_on=date(2026, 6, 8),
        lab="Anthropic",
    ),
    ProviderData(
        name="Google AI Studio",
        kind=Kind.FIRST_PARTY,
        website="https://aistudio.google.com",
        source_url="https://ai.google.dev/gemini-api/docs/pricing",
        reviewed_on=date(2026, 6, 8),
        lab="Google",
    ),
    ProviderData(
        name="Amazon Bedrock",
        kind=Kind.CLOUD,
        website="https://aws.amazon.com/bedrock/",
        source_url="https://aws.amazon.com/bedrock/pricing/",
        reviewed_on=date(2026, 1, 20),
    ),
    ProviderData(
        name="Together AI",
        kind=Kind.INFERENCE_HOST,
        website="https://www.together.ai",
        source_url="https://www.together.ai/pricing",
        reviewed_on=date(2026, 6, 9),
    ),
    ProviderData(
        name="Groq",
        kind=Kind.INFERENCE_HOST,
        website="https://groq.com",
        source_url="https://groq.com/pricing",
        reviewed_on=date(2026, 6, 9),
    ),
    ProviderData(
        name="Fireworks AI",
        kind=Kind.INFERENCE_HOST,
        website="https://fireworks.ai",
        source_url="https://fireworks.ai/pricing",
        reviewed_on=None,
    ),
    ProviderData(
        name="Mistral La Plateforme",
        kind=Kind.FIRST_PARTY,
        website="https://console.mistral.ai",
        source_url="https://mistral.ai/pricing#api-pricing",
        reviewed_on=date(2026, 6, 9),
        lab="Mistral AI",
    ),
    ProviderData(
        name="Moonshot AI Open Platform",
        kind=Kind.FIRST_PARTY,
        website="https://platform.moonshot.ai",
        source_url="https://platform.moonshot.ai/docs/pricing/chat",
        reviewed_on=date(2026, 6, 10),
        lab="Moonshot AI",
    ),
    ProviderData(
        name="Z.ai API",
        kind=Kind.FIRST_PARTY,
        website="https://z.ai/model-api",
        source_url="https://docs.z.ai/guides/overview/pricing",
        reviewed_on=date(2026, 6, 10),
        lab="Zhipu AI (Z.ai)",
    ),
    ProviderData(
        name="xAI API",
        kind=Kind.FIRST_PARTY,
        website="https://x.ai/api",
        source_url="https://docs.x.ai/docs/models",
        reviewed_on=date(2026, 6, 15),
        lab="xAI",
    ),
    ProviderData(
        name="Cohere API",
        kind=Kind.FIRST_PARTY,
        website="https://cohere.com",
        source_url="https://cohere.com/pricing",
        reviewed_on=date(2026, 6, 15),
        lab="Cohere",
    ),
)

# Pricing pages, by provider, for the routes below.
OPENAI_PRICING = "https://platform.openai.com/docs/pricing"
ANTHROPIC_PRICING = "https://docs.anthropic.com/en/docs/about-claude/pricing"
GEMINI_PRICING = "https://ai.google.dev/gemini-api/docs/pricing"
BEDROCK_PRICING = "https://aws.amazon.com/bedrock/pricing/"
TOGETHER_PRICING = "https://www.together.ai/pricing"
GROQ_PRICING = "https://groq.com/pricing"
FIREWORKS_PRICING = "https://fireworks.ai/pricing"
MISTRAL_PRICING = "https://mistral.ai/pricing#api-pricing"
MOONSHOT_PRICING = "https://platform.moonshot.ai/docs/pricing/chat"
ZAI_PRICING = "https://docs.z.ai/guides/overview/pricing"
XAI_MODELS = "https://docs.x.ai/docs/models"
MODEL_STUDIO_MODELS = "https://www.alibabacloud.com/help/en/model-studio/models"

# The reference models of SITE.md §6: keep these facts exactly (the tests build their
# reference catalog from these entries).
REFERENCE_MODELS = (
    ModelData(
        name="GPT-5.3-Codex-Spark",
        organization="OpenAI",
        released_on=date(2026, 2, 12),
        product_type=Type.CODING,
        best_for="custom coding agents, code generation, and tool loops",
        decision_tags=("Coding", "RAG", "Agents"),
        context_window=131_072,
        architecture=Arch.DECODER_ONLY,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports_only("function-calling tool-use structured-outputs code-execution"),
        source_url="https://openai.com/index/introducing-gpt-5-3-codex-spark/",
        reviewed_on=date(2026, 6, 5),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-5.3-codex-spark",
                input_price=None,
                output_price=None,
                source_url="https://platform.openai.com/docs/models/gpt-5.3-codex-spark",
                reviewed_on=date(2026, 6, 4),
            ),
        ),
    ),
    ModelData(
        name="Qwen3.5-122B-A10B",
        organization="Alibaba (Qwen)",
        released_on=date(2026, 2, 24),
        product_type=Type.STANDALONE_API,
        best_for="reasoning-heavy apps, multimodal apps, and tool-calling agents",
        decision_tags=("Coding", "RAG", "Agents"),
        context_window=262_144,
        parameters_total=122 * B,
        parameters_active=10 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports_only(
            "vision multimodal reasoning function-calling tool-use structured-outputs"
        ),
        source_url="https://huggingface.co/Qwen/Qwen3.5-122B-A10B",
        reviewed_on=date(2026, 6, 5),
        routes=(
            RouteData(
                provider="OpenRouter",
                provider_model_id="qwen/qwen3.5-122b-a10b",
                input_price="0.26",
                output_price="2.08",
                source_url="https://openrouter.ai/qwen/qwen3.5-122b-a10b",
                reviewed_on=date(2026, 6, 5),
            ),
            RouteData(
                provider="Alibaba Cloud PAI-EAS",
                provider_model_id="Qwen3.5-122B-A10B",
                input_price=None,
                output_price=None,
                source_url="https://www.alibabacloud.com/help/en/pai/",
                reviewed_on=date(2026, 6, 8),
            ),
            RouteData(
                provider="Novita AI",
                provider_model_id="qwen/qwen3.5-122b-a10b",
                input_price=None,
                output_price=None,
                source_url="https://novita.ai/models",
                reviewed_on=date(2026, 6, 8),
            ),
        ),
    ),
    ModelData(
        name="Ling-2.6-1T",
        organization="inclusionAI (Ant Group)",
        released_on=date(2026, 4, 23),
        product_type=Type.STANDALONE_API,
        best_for="reasoning-heavy apps, tool-calling agents, and provider-routed production",
        decision_tags=("RAG", "Agents", "Long context"),
        context_window=262_144,
        parameters_total=1 * T,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports_only("reasoning function-calling tool-use structured-outputs"),
        source_url="https://huggingface.co/inclusionAI/Ling-2.6-1T",
        reviewed_on=date(2026, 6, 10),
        routes=(
            RouteData(
                provider="OpenRouter",
                provider_model_id="inclusionai/ling-2.6-1t",
                input_price="0.07",
                output_price="0.63",
                source_url="https://openrouter.ai/inclusionai/ling-2.6-1t",
                reviewed_on=date(2026, 6, 10),
            ),
            RouteData(
                provider="Novita AI",
                provider_model_id="inclusionai/ling-2.6-1t",
                input_price=None,
                output_price=None,
                source_url="https://novita.ai/models",
                reviewed_on=date(2026, 6, 10),
            ),
        ),
    ),
)

MODELS = (
    *REFERENCE_MODELS,
    # --- OpenAI ---
    ModelData(
        name="GPT-5",
        organization="OpenAI",
        released_on=date(2025, 8, 7),
        product_type=Type.REASONING,
        best_for="hard reasoning, agentic coding, and multi-step tool use",
        decision_tags=("Coding", "Agents", "Long context", "Reasoning"),
        context_window=400_000,
        max_output_tokens=128_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 9, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs "
            "code-execution",
            no="computer-use",
            unknown="ide-integration parallel-agents",
        ),
        source_url="https://platform.openai.com/docs/models/gpt-5",
        reviewed_on=date(2026, 6, 12),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-5",
                input_price="1.25",
                output_price="10.00",
                cached_input_price="0.125",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-5",
                service_mode="batch",
                input_price="0.625",
                output_price="5.00",
                cached_input_price="0.0625",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
        ),
    ),
    ModelData(
        name="GPT-5 mini",
        organization="OpenAI",
        released_on=date(2025, 8, 7),
        product_type=Type.SMALL,
        best_for="well-defined tasks, fast reasoning, and cost-sensitive agents",
        decision_tags=("Agents", "Reasoning", "Low cost"),
        context_window=400_000,
        max_output_tokens=128_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 5, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs",
            no="computer-use",
            unknown="code-execution",
        ),
        source_url="https://platform.openai.com/docs/models/gpt-5-mini",
        reviewed_on=date(2026, 6, 12),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-5-mini",
                input_price="0.25",
                output_price="2.00",
                cached_input_price="0.025",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
        ),
    ),
    ModelData(
        name="GPT-5 nano",
        organization="OpenAI",
        released_on=date(2025, 8, 7),
        product_type=Type.SMALL,
        best_for="classification, extraction, and high-volume summarization",
        decision_tags=("RAG", "Low cost"),
        context_window=400_000,
        max_output_tokens=128_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 5, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling structured-outputs",
            no="computer-use",
        ),
        source_url="https://platform.openai.com/docs/models/gpt-5-nano",
        reviewed_on=date(2026, 6, 12),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-5-nano",
                input_price="0.05",
                output_price="0.40",
                cached_input_price="0.005",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
        ),
    ),
    ModelData(
        name="GPT-4.1",
        organization="OpenAI",
        released_on=date(2025, 4, 14),
        product_type=Type.STANDALONE_API,
        best_for="instruction following, long-document work, and tool calling without reasoning",
        decision_tags=("Coding", "RAG", "Long context"),
        context_window=1_047_576,
        max_output_tokens=32_768,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 6, 1),
        capabilities=supports(
            yes="vision multimodal function-calling tool-use structured-outputs",
            no="reasoning computer-use",
        ),
        source_url="https://platform.openai.com/docs/models/gpt-4.1",
        reviewed_on=date(2026, 6, 12),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-4.1",
                input_price="2.00",
                output_price="8.00",
                cached_input_price="0.50",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
        ),
    ),
    ModelData(
        name="GPT-4.1 mini",
        organization="OpenAI",
        released_on=date(2025, 4, 14),
        product_type=Type.SMALL,
        best_for="fast, low-cost chat and long-context retrieval",
        decision_tags=("RAG", "Long context", "Low cost"),
        context_window=1_047_576,
        max_output_tokens=32_768,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 6, 1),
        capabilities=supports(
            yes="vision multimodal function-calling tool-use structured-outputs",
            no="reasoning",
        ),
        source_url="https://platform.openai.com/docs/models/gpt-4.1-mini",
        reviewed_on=date(2026, 6, 12),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="gpt-4.1-mini",
                input_price="0.40",
                output_price="1.60",
                cached_input_price="0.10",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 12),
            ),
        ),
    ),
    ModelData(
        name="o3",
        organization="OpenAI",
        released_on=date(2025, 4, 16),
        product_type=Type.REASONING,
        best_for="math, science, and multi-step analysis with tools",
        decision_tags=("Reasoning", "Agents"),
        context_window=200_000,
        max_output_tokens=100_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs "
            "code-execution",
            no="computer-use",
        ),
        source_url="https://platform.openai.com/docs/models/o3",
        reviewed_on=date(2026, 6, 13),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="o3",
                input_price="2.00",
                output_price="8.00",
                cached_input_price="0.50",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
        ),
    ),
    ModelData(
        name="o4-mini",
        organization="OpenAI",
        released_on=date(2025, 4, 16),
        product_type=Type.REASONING,
        best_for="fast, cost-efficient reasoning on math and code",
        decision_tags=("Coding", "Reasoning", "Low cost"),
        context_window=200_000,
        max_output_tokens=100_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs",
            unknown="code-execution",
        ),
        source_url="https://platform.openai.com/docs/models/o4-mini",
        reviewed_on=date(2026, 6, 13),
        routes=(
            RouteData(
                provider="OpenAI API",
                provider_model_id="o4-mini",
                input_price="1.10",
                output_price="4.40",
                cached_input_price="0.275",
                source_url=OPENAI_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
        ),
    ),
    ModelData(
        name="gpt-oss-120b",
        organization="OpenAI",
        released_on=date(2025, 8, 5),
        product_type=Type.REASONING,
        best_for="self-hosted reasoning, agentic workflows, and adjustable reasoning effort",
        decision_tags=("Agents", "Reasoning", "Low cost"),
        context_window=131_072,
        parameters_total=117 * B,
        parameters_active=5_100_000_000,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        knowledge_cutoff=date(2024, 6, 1),
        capabilities=supports(
            yes="reasoning function-calling tool-use structured-outputs",
            no="vision multimodal computer-use",
            unknown="code-execution",
        ),
        source_url="https://huggingface.co/openai/gpt-oss-120b",
        reviewed_on=date(2026, 6, 13),
        routes=(
            RouteData(
                provider="Groq",
                provider_model_id="openai/gpt-oss-120b",
                input_price="0.15",
                output_price="0.60",
                cached_input_price="0.075",
                source_url=GROQ_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
            RouteData(
                provider="Together AI",
                provider_model_id="openai/gpt-oss-120b",
                input_price="0.15",
                output_price="0.60",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
            RouteData(
                provider="Fireworks AI",
                provider_model_id="accounts/fireworks/models/gpt-oss-120b",
                input_price="0.15",
                output_price="0.60",
                source_url=FIREWORKS_PRICING,
                reviewed_on=None,
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="openai.gpt-oss-120b-1:0",
                input_price="0.15",
                output_price="0.60",
                source_url=BEDROCK_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    ModelData(
        name="gpt-oss-20b",
        organization="OpenAI",
        released_on=date(2025, 8, 5),
        product_type=Type.SMALL,
        best_for="on-device and low-latency reasoning with open weights",
        decision_tags=("Reasoning", "Low cost"),
        context_window=131_072,
        parameters_total=21 * B,
        parameters_active=3_600_000_000,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        knowledge_cutoff=date(2024, 6, 1),
        capabilities=supports(
            yes="reasoning function-calling tool-use structured-outputs",
            no="vision multimodal",
        ),
        source_url="https://huggingface.co/openai/gpt-oss-20b",
        reviewed_on=date(2026, 6, 13),
        routes=(
            RouteData(
                provider="Groq",
                provider_model_id="openai/gpt-oss-20b",
                input_price="0.075",
                output_price="0.30",
                cached_input_price="0.0375",
                source_url=GROQ_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
            RouteData(
                provider="Together AI",
                provider_model_id="openai/gpt-oss-20b",
                input_price="0.05",
                output_price="0.20",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 13),
            ),
        ),
    ),
    # --- Anthropic ---
    ModelData(
        name="Claude Opus 4.1",
        organization="Anthropic",
        released_on=date(2025, 8, 5),
        product_type=Type.STANDALONE_API,
        best_for="complex agentic tasks, multi-file refactoring, and detailed research",
        decision_tags=("Coding", "Agents", "Reasoning"),
        context_window=200_000,
        max_output_tokens=32_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 1, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use code-execution "
            "ide-integration computer-use",
            unknown="structured-outputs parallel-agents",
        ),
        source_url="https://www.anthropic.com/news/claude-opus-4-1",
        reviewed_on=date(2026, 6, 14),
        routes=(
            RouteData(
                provider="Anthropic API",
                provider_model_id="claude-opus-4-1-20250805",
                input_price="15.00",
                output_price="75.00",
                cached_input_price="1.50",
                source_url=ANTHROPIC_PRICING,
                reviewed_on=date(2026, 6, 14),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="anthropic.claude-opus-4-1-20250805-v1:0",
                input_price="15.00",
                output_price="75.00",
                source_url=BEDROCK_PRICING,
                reviewed_on=date(2026, 1, 20),
            ),
        ),
    ),
    ModelData(
        name="Claude Sonnet 4.5",
        organization="Anthropic",
        released_on=date(2025, 9, 29),
        product_type=Type.CODING,
        best_for="long-running coding agents, computer use, and complex tool chains",
        decision_tags=("Coding", "Agents", "Long context"),
        context_window=200_000,
        max_output_tokens=64_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 1, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use code-execution "
            "ide-integration computer-use",
            unknown="structured-outputs parallel-agents",
        ),
        source_url="https://www.anthropic.com/news/claude-sonnet-4-5",
        reviewed_on=date(2026, 6, 14),
        routes=(
            RouteData(
                provider="Anthropic API",
                provider_model_id="claude-sonnet-4-5-20250929",
                input_price="3.00",
                output_price="15.00",
                cached_input_price="0.30",
                source_url=ANTHROPIC_PRICING,
                reviewed_on=date(2026, 6, 14),
            ),
            RouteData(
                provider="Anthropic API",
                provider_model_id="claude-sonnet-4-5-20250929",
                context_above=200_000,
                input_price="6.00",
                output_price="22.50",
                cached_input_price="0.60",
                source_url=ANTHROPIC_PRICING,
                reviewed_on=date(2026, 6, 14),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="anthropic.claude-sonnet-4-5-20250929-v1:0",
                input_price="3.00",
                output_price="15.00",
                source_url=BEDROCK_PRICING,
                reviewed_on=date(2026, 1, 20),
            ),
            RouteData(
                provider="OpenRouter",
                provider_model_id="anthropic/claude-sonnet-4.5",
                input_price="3.00",
                output_price="15.00",
                source_url="https://openrouter.ai/anthropic/claude-sonnet-4.5",
                reviewed_on=date(2026, 6, 14),
            ),
        ),
    ),
    ModelData(
        name="Claude Haiku 4.5",
        organization="Anthropic",
        released_on=date(2025, 10, 15),
        product_type=Type.SMALL,
        best_for="fast sub-agents, real-time assistants, and high-volume coding tasks",
        decision_tags=("Coding", "Agents", "Low cost"),
        context_window=200_000,
        max_output_tokens=64_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 2, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use computer-use",
            unknown="structured-outputs code-execution",
        ),
        source_url="https://www.anthropic.com/news/claude-haiku-4-5",
        reviewed_on=date(2026, 6, 14),
        routes=(
            RouteData(
                provider="Anthropic API",
                provider_model_id="claude-haiku-4-5-20251001",
                input_price="1.00",
                output_price="5.00",
                cached_input_price="0.10",
                source_url=ANTHROPIC_PRICING,
                reviewed_on=date(2026, 6, 14),
            ),
        ),
    ),
    ModelData(
        name="Claude Opus 4.5",
        organization="Anthropic",
        released_on=date(2025, 11, 24),
        product_type=Type.STANDALONE_API,
        best_for="frontier coding, long-horizon agents, and enterprise workflows",
        decision_tags=("Coding", "Agents", "Reasoning"),
        context_window=200_000,
        max_output_tokens=64_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use computer-use",
        ),
        source_url="https://www.anthropic.com/news/claude-opus-4-5",
        reviewed_on=date(2026, 11, 2),
        routes=(
            RouteData(
                provider="Anthropic API",
                provider_model_id="claude-opus-4-5-20251101",
                input_price="5.00",
                output_price="25.00",
                cached_input_price="0.50",
                source_url=ANTHROPIC_PRICING,
                reviewed_on=date(2026, 11, 2),
            ),
        ),
    ),
    # --- Google ---
    ModelData(
        name="Gemini 2.5 Pro",
        organization="Google",
        released_on=date(2025, 6, 17),
        product_type=Type.REASONING,
        best_for="long-context analysis, multimodal reasoning, and complex coding",
        decision_tags=("Coding", "Long context", "Multimodal", "Reasoning"),
        context_window=1_048_576,
        max_output_tokens=65_536,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 1, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs "
            "code-execution",
            no="computer-use",
            unknown="ide-integration parallel-agents",
        ),
        source_url="https://ai.google.dev/gemini-api/docs/models#gemini-2.5-pro",
        reviewed_on=date(2026, 6, 15),
        routes=(
            RouteData(
                provider="Google AI Studio",
                provider_model_id="gemini-2.5-pro",
                input_price="1.25",
                output_price="10.00",
                cached_input_price="0.125",
                source_url=GEMINI_PRICING,
                reviewed_on=date(2026, 6, 15),
            ),
            RouteData(
                provider="Google AI Studio",
                provider_model_id="gemini-2.5-pro",
                context_above=200_000,
                input_price="2.50",
                output_price="15.00",
                cached_input_price="0.25",
                source_url=GEMINI_PRICING,
                reviewed_on=date(2026, 6, 15),
            ),
            RouteData(
                provider="OpenRouter",
                provider_model_id="google/gemini-2.5-pro",
                input_price="1.25",
                output_price="10.00",
                source_url="https://openrouter.ai/google/gemini-2.5-pro",
                reviewed_on=date(2026, 6, 15),
            ),
        ),
    ),
    ModelData(
        name="Gemini 2.5 Flash",
        organization="Google",
        released_on=date(2025, 6, 17),
        product_type=Type.MULTIMODAL,
        best_for="low-latency multimodal apps, large-scale processing, and agents",
        decision_tags=("RAG", "Long context", "Multimodal", "Low cost"),
        context_window=1_048_576,
        max_output_tokens=65_536,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 1, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs "
            "code-execution",
            no="computer-use",
        ),
        source_url="https://ai.google.dev/gemini-api/docs/models#gemini-2.5-flash",
        reviewed_on=date(2026, 6, 15),
        routes=(
            RouteData(
                provider="Google AI Studio",
                provider_model_id="gemini-2.5-flash",
                input_price="0.30",
                output_price="2.50",
                cached_input_price="0.03",
                source_url=GEMINI_PRICING,
                reviewed_on=date(2026, 6, 15),
            ),
        ),
    ),
    ModelData(
        name="Gemini 2.5 Flash-Lite",
        organization="Google",
        released_on=date(2025, 7, 22),
        product_type=Type.SMALL,
        best_for="classification, translation, and high-throughput multimodal tasks",
        decision_tags=("Multimodal", "Low cost"),
        context_window=1_048_576,
        max_output_tokens=65_536,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2025, 1, 1),
        capabilities=supports(
            yes="vision multimodal reasoning function-calling structured-outputs",
            unknown="code-execution",
        ),
        source_url="https://ai.google.dev/gemini-api/docs/models#gemini-2.5-flash-lite",
        reviewed_on=None,
        routes=(
            RouteData(
                provider="Google AI Studio",
                provider_model_id="gemini-2.5-flash-lite",
                input_price="0.10",
                output_price="0.40",
                cached_input_price="0.01",
                source_url=GEMINI_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    # --- Meta ---
    ModelData(
        name="Llama 4 Maverick",
        organization="Meta",
        released_on=date(2025, 4, 5),
        product_type=Type.MULTIMODAL,
        best_for="image understanding, multilingual assistants, and self-hosted chat",
        decision_tags=("Multimodal", "Long context", "Low cost"),
        context_window=1_000_000,
        parameters_total=400 * B,
        parameters_active=17 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Llama 4 Community License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 8, 1),
        capabilities=supports(
            yes="vision multimodal function-calling",
            no="reasoning computer-use",
            unknown="structured-outputs",
        ),
        source_url="https://huggingface.co/meta-llama/Llama-4-Maverick-17B-128E-Instruct",
        reviewed_on=date(2026, 6, 16),
        routes=(
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="meta.llama4-maverick-17b-instruct-v1:0",
                input_price="0.24",
                output_price="0.97",
                source_url=BEDROCK_PRICING,
                reviewed_on=date(2026, 1, 20),
            ),
        ),
    ),
    ModelData(
        name="Llama 4 Scout",
        organization="Meta",
        released_on=date(2025, 4, 5),
        product_type=Type.MULTIMODAL,
        best_for="very long documents, codebase summaries, and image-grounded chat",
        decision_tags=("RAG", "Long context", "Multimodal", "Low cost"),
        context_window=10_000_000,
        parameters_total=109 * B,
        parameters_active=17 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Llama 4 Community License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2024, 8, 1),
        capabilities=supports(
            yes="vision multimodal function-calling",
            no="reasoning computer-use",
        ),
        source_url="https://huggingface.co/meta-llama/Llama-4-Scout-17B-16E-Instruct",
        reviewed_on=date(2026, 6, 16),
        routes=(
            RouteData(
                provider="Groq",
                provider_model_id="meta-llama/llama-4-scout-17b-16e-instruct",
                input_price="0.11",
                output_price="0.34",
                source_url=GROQ_PRICING,
                reviewed_on=date(2026, 6, 16),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="meta.llama4-scout-17b-instruct-v1:0",
                input_price="0.17",
                output_price="0.66",
                source_url=BEDROCK_PRICING,
                reviewed_on=date(2026, 1, 20),
            ),
        ),
    ),
    ModelData(
        name="Llama 3.3 70B",
        organization="Meta",
        released_on=date(2024, 12, 6),
        product_type=Type.STANDALONE_API,
        best_for="multilingual chat, self-hosted assistants, and fast text generation",
        decision_tags=("RAG", "Low cost"),
        context_window=131_072,
        parameters_total=70 * B,
        architecture=Arch.DECODER_ONLY,
        license_name="Llama 3.3 Community License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        knowledge_cutoff=date(2023, 12, 1),
        capabilities=supports(
            yes="function-calling",
            no="vision multimodal reasoning computer-use",
        ),
        source_url="https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct",
        reviewed_on=date(2026, 6, 16),
        routes=(
            RouteData(
                provider="Groq",
                provider_model_id="llama-3.3-70b-versatile",
                input_price="0.59",
                output_price="0.79",
                source_url=GROQ_PRICING,
                reviewed_on=date(2026, 6, 16),
            ),
            RouteData(
                provider="Together AI",
                provider_model_id="meta-llama/Llama-3.3-70B-Instruct-Turbo",
                input_price="0.88",
                output_price="0.88",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 16),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="meta.llama3-3-70b-instruct-v1:0",
                input_price="0.72",
                output_price="0.72",
                source_url=BEDROCK_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    # --- DeepSeek ---
    ModelData(
        name="DeepSeek-V3.1",
        organization="DeepSeek",
        released_on=date(2025, 8, 21),
        product_type=Type.STANDALONE_API,
        best_for="hybrid thinking, coding agents, and low-cost tool calling",
        decision_tags=("Coding", "Agents", "Reasoning", "Low cost"),
        context_window=131_072,
        parameters_total=671 * B,
        parameters_active=37 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="MIT",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="reasoning function-calling",
            no="vision multimodal",
            unknown="structured-outputs",
        ),
        source_url="https://huggingface.co/deepseek-ai/DeepSeek-V3.1",
        reviewed_on=date(2026, 6, 17),
        routes=(
            RouteData(
                provider="Together AI",
                provider_model_id="deepseek-ai/DeepSeek-V3.1",
                input_price="0.60",
                output_price="1.70",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 17),
            ),
        ),
    ),
    ModelData(
        name="DeepSeek-R1",
        organization="DeepSeek",
        released_on=date(2025, 1, 20),
        product_type=Type.REASONING,
        best_for="math, competition coding, and step-by-step reasoning with open weights",
        decision_tags=("Reasoning",),
        context_window=131_072,
        parameters_total=671 * B,
        parameters_active=37 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="MIT",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(yes="reasoning", no="vision multimodal"),
        source_url="https://huggingface.co/deepseek-ai/DeepSeek-R1",
        reviewed_on=date(2026, 6, 17),
        routes=(
            RouteData(
                provider="Together AI",
                provider_model_id="deepseek-ai/DeepSeek-R1",
                input_price="3.00",
                output_price="7.00",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 17),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="deepseek.r1-v1:0",
                input_price="1.35",
                output_price="5.40",
                source_url=BEDROCK_PRICING,
                reviewed_on=date(2026, 1, 20),
            ),
        ),
    ),
    # --- Mistral AI ---
    ModelData(
        name="Mistral Medium 3",
        organization="Mistral AI",
        released_on=date(2025, 5, 7),
        product_type=Type.STANDALONE_API,
        best_for="enterprise assistants, coding help, and document understanding at low cost",
        decision_tags=("Coding", "RAG", "Low cost"),
        context_window=131_072,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="vision multimodal function-calling structured-outputs",
            no="reasoning",
        ),
        source_url="https://mistral.ai/news/mistral-medium-3",
        reviewed_on=date(2026, 6, 18),
        routes=(
            RouteData(
                provider="Mistral La Plateforme",
                provider_model_id="mistral-medium-2505",
                input_price="0.40",
                output_price="2.00",
                source_url=MISTRAL_PRICING,
                reviewed_on=date(2026, 6, 18),
            ),
        ),
    ),
    ModelData(
        name="Mistral Small 3.2",
        organization="Mistral AI",
        released_on=date(2025, 6, 20),
        product_type=Type.SMALL,
        best_for="fast instruction following, function calling, and local deployment",
        decision_tags=("Agents", "Low cost"),
        context_window=131_072,
        parameters_total=24 * B,
        architecture=Arch.DECODER_ONLY,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="vision multimodal function-calling structured-outputs",
            no="reasoning",
        ),
        source_url="https://huggingface.co/mistralai/Mistral-Small-3.2-24B-Instruct-2506",
        reviewed_on=date(2026, 6, 18),
        routes=(
            RouteData(
                provider="Mistral La Plateforme",
                provider_model_id="mistral-small-2506",
                input_price="0.10",
                output_price="0.30",
                source_url=MISTRAL_PRICING,
                reviewed_on=date(2026, 6, 18),
            ),
        ),
    ),
    ModelData(
        name="Codestral 25.08",
        organization="Mistral AI",
        released_on=date(2025, 7, 30),
        product_type=Type.CODING,
        best_for="fill-in-the-middle completion, code review, and IDE assistants",
        decision_tags=("Coding", "Low cost"),
        context_window=256_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="function-calling ide-integration",
            no="vision multimodal reasoning",
        ),
        source_url="https://docs.mistral.ai/getting-started/models/models_overview/",
        reviewed_on=None,
        routes=(
            RouteData(
                provider="Mistral La Plateforme",
                provider_model_id="codestral-2508",
                input_price="0.30",
                output_price="0.90",
                source_url=MISTRAL_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    ModelData(
        name="Mistral Large 2.1",
        organization="Mistral AI",
        released_on=date(2024, 11, 18),
        product_type=Type.STANDALONE_API,
        best_for="multilingual reasoning, long documents, and function calling",
        decision_tags=("RAG", "Agents"),
        context_window=131_072,
        parameters_total=123 * B,
        architecture=Arch.DECODER_ONLY,
        license_name="Mistral Research License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="function-calling structured-outputs",
            no="vision multimodal reasoning",
        ),
        source_url="https://huggingface.co/mistralai/Mistral-Large-Instruct-2411",
        reviewed_on=date(2026, 1, 22),
        routes=(
            RouteData(
                provider="Mistral La Plateforme",
                provider_model_id="mistral-large-2411",
                input_price="2.00",
                output_price="6.00",
                source_url=MISTRAL_PRICING,
                reviewed_on=date(2026, 1, 22),
            ),
        ),
    ),
    # --- Alibaba (Qwen) ---
    ModelData(
        name="Qwen3-235B-A22B-Instruct-2507",
        organization="Alibaba (Qwen)",
        released_on=date(2025, 7, 21),
        product_type=Type.STANDALONE_API,
        best_for="long-context instruction following, multilingual apps, and tool use",
        decision_tags=("RAG", "Agents", "Long context"),
        context_window=262_144,
        parameters_total=235 * B,
        parameters_active=22 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="function-calling tool-use",
            no="vision multimodal reasoning",
        ),
        source_url="https://huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507",
        reviewed_on=date(2026, 6, 19),
        routes=(
            RouteData(
                provider="Together AI",
                provider_model_id="Qwen/Qwen3-235B-A22B-Instruct-2507-tput",
                input_price="0.20",
                output_price="0.60",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 19),
            ),
            RouteData(
                provider="Amazon Bedrock",
                provider_model_id="qwen.qwen3-235b-a22b-2507-v1:0",
                input_price="0.22",
                output_price="0.88",
                source_url=BEDROCK_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    ModelData(
        name="Qwen3-Coder-480B-A35B-Instruct",
        organization="Alibaba (Qwen)",
        released_on=date(2025, 7, 22),
        product_type=Type.CODING,
        best_for="agentic coding, repository-scale edits, and browser-use agents",
        decision_tags=("Coding", "Agents", "Long context"),
        context_window=262_144,
        max_output_tokens=65_536,
        parameters_total=480 * B,
        parameters_active=35 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="function-calling tool-use ide-integration",
            no="vision multimodal reasoning",
        ),
        source_url="https://huggingface.co/Qwen/Qwen3-Coder-480B-A35B-Instruct",
        reviewed_on=date(2026, 6, 19),
        routes=(
            RouteData(
                provider="Together AI",
                provider_model_id="Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8",
                input_price="2.00",
                output_price="2.00",
                source_url=TOGETHER_PRICING,
                reviewed_on=date(2026, 6, 19),
            ),
        ),
    ),
    ModelData(
        name="Qwen3-32B",
        organization="Alibaba (Qwen)",
        released_on=date(2025, 4, 29),
        product_type=Type.SMALL,
        best_for="switchable thinking, multilingual chat, and fast self-hosted reasoning",
        decision_tags=("Reasoning", "Low cost"),
        context_window=131_072,
        parameters_total=32_800_000_000,
        architecture=Arch.DECODER_ONLY,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="reasoning function-calling tool-use",
            no="vision multimodal",
        ),
        source_url="https://huggingface.co/Qwen/Qwen3-32B",
        reviewed_on=date(2026, 6, 19),
        routes=(
            RouteData(
                provider="Groq",
                provider_model_id="qwen/qwen3-32b",
                input_price="0.29",
                output_price="0.59",
                source_url=GROQ_PRICING,
                reviewed_on=date(2026, 6, 19),
            ),
        ),
    ),
    ModelData(
        name="Qwen3-Max",
        organization="Alibaba (Qwen)",
        released_on=date(2025, 9, 24),
        product_type=Type.STANDALONE_API,
        best_for="complex instructions, agentic tool use, and multilingual enterprise apps",
        decision_tags=("Agents", "Long context"),
        context_window=262_144,
        max_output_tokens=65_536,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="function-calling tool-use",
            no="vision multimodal",
            unknown="reasoning structured-outputs",
        ),
        source_url=MODEL_STUDIO_MODELS,
        reviewed_on=date(2026, 6, 19),
        routes=(
            RouteData(
                provider="Alibaba Cloud Model Studio",
                provider_model_id="qwen3-max",
                input_price="1.20",
                output_price="6.00",
                source_url=MODEL_STUDIO_MODELS,
                reviewed_on=date(2026, 6, 19),
            ),
        ),
    ),
    ModelData(
        name="Qwen3-Next-80B-A3B-Instruct",
        organization="Alibaba (Qwen)",
        released_on=date(2025, 9, 11),
        product_type=Type.SMALL,
        best_for="efficient long-context serving and low-latency instruction following",
        decision_tags=("Long context", "Low cost"),
        context_window=262_144,
        parameters_total=80 * B,
        parameters_active=3 * B,
        architecture=Arch.HYBRID,
        license_name="Apache 2.0",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(yes="function-calling", no="vision multimodal reasoning"),
        source_url="https://huggingface.co/Qwen/Qwen3-Next-80B-A3B-Instruct",
        reviewed_on=None,
        routes=(
            RouteData(
                provider="Alibaba Cloud Model Studio",
                provider_model_id="qwen3-next-80b-a3b-instruct",
                input_price=None,
                output_price=None,
                source_url=MODEL_STUDIO_MODELS,
                reviewed_on=None,
            ),
        ),
    ),
    # --- Moonshot AI ---
    ModelData(
        name="Kimi K2",
        organization="Moonshot AI",
        released_on=date(2025, 7, 11),
        product_type=Type.STANDALONE_API,
        best_for="agentic coding, tool-calling agents, and general chat",
        decision_tags=("Coding", "Agents"),
        context_window=131_072,
        parameters_total=1 * T,
        parameters_active=32 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Modified MIT License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="function-calling tool-use",
            no="vision multimodal reasoning",
        ),
        source_url="https://huggingface.co/moonshotai/Kimi-K2-Instruct",
        reviewed_on=date(2026, 6, 20),
        routes=(
            RouteData(
                provider="Moonshot AI Open Platform",
                provider_model_id="kimi-k2-0711-preview",
                input_price="0.60",
                output_price="2.50",
                cached_input_price="0.15",
                source_url=MOONSHOT_PRICING,
                reviewed_on=date(2026, 6, 20),
            ),
        ),
    ),
    ModelData(
        # Unpublished on purpose: an editor is still checking it.
        name="Kimi K2 Thinking",
        organization="Moonshot AI",
        released_on=date(2025, 11, 6),
        product_type=Type.REASONING,
        best_for="long-horizon agents that interleave reasoning with hundreds of tool calls",
        decision_tags=("Agents", "Reasoning", "Long context"),
        context_window=262_144,
        parameters_total=1 * T,
        parameters_active=32 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="Modified MIT License",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(yes="reasoning function-calling tool-use", no="vision"),
        is_published=False,
        source_url="https://huggingface.co/moonshotai/Kimi-K2-Thinking",
        reviewed_on=None,
        routes=(
            RouteData(
                provider="Moonshot AI Open Platform",
                provider_model_id="kimi-k2-thinking",
                input_price="0.60",
                output_price="2.50",
                cached_input_price="0.15",
                source_url=MOONSHOT_PRICING,
                reviewed_on=None,
            ),
        ),
    ),
    # --- Zhipu AI (Z.ai) ---
    ModelData(
        name="GLM-4.5",
        organization="Zhipu AI (Z.ai)",
        released_on=date(2025, 7, 28),
        product_type=Type.STANDALONE_API,
        best_for="agentic coding, hybrid reasoning, and tool-using assistants",
        decision_tags=("Coding", "Agents", "Reasoning"),
        context_window=131_072,
        max_output_tokens=98_304,
        parameters_total=355 * B,
        parameters_active=32 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="MIT",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="reasoning function-calling tool-use",
            no="vision multimodal",
        ),
        source_url="https://huggingface.co/zai-org/GLM-4.5",
        reviewed_on=date(2026, 6, 21),
        routes=(
            RouteData(
                provider="Z.ai API",
                provider_model_id="glm-4.5",
                input_price="0.60",
                output_price="2.20",
                cached_input_price="0.11",
                source_url=ZAI_PRICING,
                reviewed_on=date(2026, 6, 21),
            ),
        ),
    ),
    ModelData(
        name="GLM-4.5-Air",
        organization="Zhipu AI (Z.ai)",
        released_on=date(2025, 7, 28),
        product_type=Type.SMALL,
        best_for="cost-efficient agents, coding help, and hybrid reasoning",
        decision_tags=("Agents", "Low cost"),
        context_window=131_072,
        max_output_tokens=98_304,
        parameters_total=106 * B,
        parameters_active=12 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="MIT",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="reasoning function-calling tool-use",
            no="vision multimodal",
        ),
        source_url="https://huggingface.co/zai-org/GLM-4.5-Air",
        reviewed_on=date(2026, 6, 21),
        routes=(
            RouteData(
                provider="Z.ai API",
                provider_model_id="glm-4.5-air",
                input_price="0.20",
                output_price="1.10",
                cached_input_price="0.03",
                source_url=ZAI_PRICING,
                reviewed_on=date(2026, 6, 21),
            ),
        ),
    ),
    ModelData(
        name="GLM-4.6",
        organization="Zhipu AI (Z.ai)",
        released_on=date(2025, 9, 30),
        product_type=Type.CODING,
        best_for="coding agents, front-end generation, and long-context tool use",
        decision_tags=("Coding", "Agents", "Long context"),
        context_window=204_800,
        max_output_tokens=131_072,
        parameters_total=355 * B,
        parameters_active=32 * B,
        architecture=Arch.MIXTURE_OF_EXPERTS,
        license_name="MIT",
        license_osi_approved=True,
        openness=Open.OPEN_SOURCE,
        commercial_use=Use.ALLOWED,
        capabilities=supports(
            yes="reasoning function-calling tool-use",
            no="vision multimodal",
            unknown="ide-integration",
        ),
        source_url="https://huggingface.co/zai-org/GLM-4.6",
        reviewed_on=date(2026, 6, 21),
        routes=(
            RouteData(
                provider="Z.ai API",
                provider_model_id="glm-4.6",
                input_price="0.60",
                output_price="2.20",
                cached_input_price="0.11",
                source_url=ZAI_PRICING,
                reviewed_on=date(2026, 6, 21),
            ),
        ),
    ),
    # --- xAI ---
    ModelData(
        name="Grok 4",
        organization="xAI",
        released_on=date(2025, 7, 9),
        product_type=Type.REASONING,
        best_for="hard reasoning, real-time search, and research assistants",
        decision_tags=("Reasoning", "Long context"),
        context_window=256_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="vision multimodal reasoning function-calling tool-use structured-outputs",
            unknown="parallel-agents",
        ),
        source_url="https://x.ai/news/grok-4",
        reviewed_on=date(2026, 6, 22),
        routes=(
            RouteData(
                provider="xAI API",
                provider_model_id="grok-4-0709",
                input_price="3.00",
                output_price="15.00",
                cached_input_price="0.75",
                source_url=XAI_MODELS,
                reviewed_on=date(2026, 6, 22),
            ),
        ),
    ),
    ModelData(
        name="Grok Code Fast 1",
        organization="xAI",
        released_on=date(2025, 8, 28),
        product_type=Type.CODING,
        best_for="fast agentic coding loops inside IDEs and terminals",
        decision_tags=("Coding", "Agents", "Low cost"),
        context_window=256_000,
        license_name="Proprietary",
        openness=Open.PROPRIETARY,
        commercial_use=Use.WITH_CONDITIONS,
        capabilities=supports(
            yes="reasoning function-calling tool-use structured-outputs ide-integration",
            no="vision multimodal",
        ),
        source_url="https://x.ai/news/grok-code-fast-1",
        reviewed_on=date(2026, 11, 3),
        routes=(
            RouteData(
                provider="xAI API",
                provider_model_id="grok-code-fast-1",
                input_price="0.20",
                output_price="1.50",
                cached_input_price="0.02",
                source_url=XAI_MODELS,
                reviewed_on=date(2026, 11, 3),
            ),
        ),
    ),
    # --- Cohere ---
    ModelData(
        name="Command A",
        organization="Cohere",
        released_on=date(2025, 3, 13),
        product_type=Type.STANDALONE_API,
        best_for="enterprise RAG with citations, multilingual agents, and tool use",
        decision_tags=("RAG", "Agents", "Long context"),
        context_window=256_000,
        max_output_tokens=8_000,
        parameters_total=111 * B,
        architecture=Arch.DECODER_ONLY,
        license_name="CC-BY-NC 4.0",
        openness=Open.OPEN_WEIGHTS,
        commercial_use=Use.NOT_ALLOWED,
        capabilities=supports(
            yes="function-calling tool-use structured-outputs",
            no="vision multimodal reasoning",
        ),
        source_url="https://huggingface.co/CohereLabs/c4ai-command-a-03-2025",
        reviewed_on=date(2026, 6, 22),
        routes=(
            RouteData(
                provider="Cohere API",
                provider_model_id="command-a-03-2025",
                input_price="2.50",
                output_price="10.00",
                source_url="https://cohere.com/pricing",
                reviewed_on=date(2026, 6, 22),
            ),
        ),
    ),
)

BENCHMARKS = (
    BenchmarkData(
        name="SWE-bench Verified",
        category="Coding",
        description="500 real GitHub issues from Python repositories, checked by engineers "
        "as solvable; a task counts as solved when the model's patch makes the repository's "
        "tests pass.",
        source_url="https://www.swebench.com/",
        reviewed_on=date(2026, 6, 23),
    ),
    BenchmarkData(
        name="GPQA Diamond",
        category="Reasoning",
        description="The 198 hardest of GPQA's graduate-level multiple-choice questions in "
        "biology, physics and chemistry, written by domain experts to resist web search.",
        source_url="https://github.com/idavidrein/gpqa",
        reviewed_on=date(2026, 6, 23),
    ),
    BenchmarkData(
        name="MMLU-Pro",
        category="Knowledge",
        description="About 12,000 multiple-choice questions across 14 subjects, each with ten "
        "options: a harder, more reasoning-heavy version of MMLU.",
        source_url="https://github.com/TIGER-AI-Lab/MMLU-Pro",
        reviewed_on=date(2026, 6, 23),
    ),
    BenchmarkData(
        name="AIME 2025",
        category="Math",
        description="The 30 problems of the 2025 American Invitational Mathematics "
        "Examination (I and II); every answer is a whole number from 0 to 999.",
        source_url="https://artofproblemsolving.com/wiki/index.php/2025_AIME_I",
        reviewed_on=None,
    ),
)

# Scores as their makers published them (the model's launch post or model card).
GPT5_LAUNCH = "https://openai.com/index/introducing-gpt-5/"
GPT5_DEVELOPERS = "https://openai.com/index/introducing-gpt-5-for-developers/"
GPT41_LAUNCH = "https://openai.com/index/gpt-4-1/"
O3_LAUNCH = "https://openai.com/index/introducing-o3-and-o4-mini/"
GPT_OSS_LAUNCH = "https://openai.com/index/introducing-gpt-oss/"
LLAMA4_LAUNCH = "https://ai.meta.com/blog/llama-4-multimodal-intelligence/"
QWEN3_2507_CARD = "https://huggingface.co/Qwen/Qwen3-235B-A22B-Instruct-2507"
DEEPSEEK_V31_CARD = "https://huggingface.co/deepseek-ai/DeepSeek-V3.1"
DEEPSEEK_R1_CARD = "https://huggingface.co/deepseek-ai/DeepSeek-R1"
GLM45_BLOG = "https://z.ai/blog/glm-4.5"

# Lines of models as their makers name them; a model in none of them has no family here.
FAMILIES = (
    FamilyData(
        name="GPT-5",
        organization="OpenAI",
        description="OpenAI's GPT-5 line: GPT-5 with its smaller mini and nano versions, "
        "and the later GPT-5.x Codex models for coding.",
        members=("GPT-5", "GPT-5 mini", "GPT-5 nano", "GPT-5.3-Codex-Spark"),
        source_url="https://platform.openai.com/docs/models",
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="GPT-4.1",
        organization="OpenAI",
        description="OpenAI's GPT-4.1 models for the API, with a one-million-token context window.",
        members=("GPT-4.1", "GPT-4.1 mini"),
        source_url=GPT41_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="OpenAI o-series",
        organization="OpenAI",
        description="OpenAI's reasoning models, which think before they answer.",
        members=("o3", "o4-mini"),
        source_url=O3_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="gpt-oss",
        organization="OpenAI",
        description="OpenAI's open-weight reasoning models, under the Apache 2.0 license.",
        members=("gpt-oss-120b", "gpt-oss-20b"),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="Claude Opus",
        organization="Anthropic",
        description="Anthropic's largest Claude models.",
        members=("Claude Opus 4.1", "Claude Opus 4.5"),
        source_url="https://docs.anthropic.com/en/docs/about-claude/models/overview",
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="Gemini 2.5",
        organization="Google",
        description="Google's Gemini 2.5 models, from Pro down to Flash-Lite.",
        members=("Gemini 2.5 Pro", "Gemini 2.5 Flash", "Gemini 2.5 Flash-Lite"),
        source_url="https://ai.google.dev/gemini-api/docs/models",
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="Llama 4",
        organization="Meta",
        description="Meta's open-weight, natively multimodal mixture-of-experts models.",
        members=("Llama 4 Maverick", "Llama 4 Scout"),
        source_url=LLAMA4_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="Qwen3",
        organization="Alibaba (Qwen)",
        description="Alibaba's Qwen3 generation: dense and mixture-of-experts models, "
        "a coding model, and the proprietary Qwen3-Max.",
        members=(
            "Qwen3-235B-A22B-Instruct-2507",
            "Qwen3-Coder-480B-A35B-Instruct",
            "Qwen3-32B",
            "Qwen3-Max",
            "Qwen3-Next-80B-A3B-Instruct",
        ),
        source_url=MODEL_STUDIO_MODELS,
        reviewed_on=date(2026, 6, 23),
    ),
    FamilyData(
        name="Kimi K2",
        organization="Moonshot AI",
        description="Moonshot AI's open-weight trillion-parameter mixture-of-experts models.",
        members=("Kimi K2", "Kimi K2 Thinking"),
        source_url="https://huggingface.co/moonshotai",
        reviewed_on=None,
    ),
    FamilyData(
        name="GLM-4.5",
        organization="Zhipu AI (Z.ai)",
        description="Z.ai's GLM-4.5 and its smaller GLM-4.5-Air.",
        members=("GLM-4.5", "GLM-4.5-Air"),
        source_url=GLM45_BLOG,
        reviewed_on=date(2026, 6, 23),
    ),
)

SCORES = (
    # SWE-bench Verified
    ScoreData(
        model="GPT-5",
        benchmark="SWE-bench Verified",
        value="74.9",
        measured_on=date(2025, 8, 7),
        source_url=GPT5_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="GPT-4.1",
        benchmark="SWE-bench Verified",
        value="54.6",
        measured_on=date(2025, 4, 14),
        source_url=GPT41_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="o3",
        benchmark="SWE-bench Verified",
        value="69.1",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="o4-mini",
        benchmark="SWE-bench Verified",
        value="68.1",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="gpt-oss-120b",
        benchmark="SWE-bench Verified",
        value="62.4",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="gpt-oss-20b",
        benchmark="SWE-bench Verified",
        value="60.7",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Claude Opus 4.1",
        benchmark="SWE-bench Verified",
        value="74.5",
        measured_on=date(2025, 8, 5),
        source_url="https://www.anthropic.com/news/claude-opus-4-1",
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Claude Sonnet 4.5",
        benchmark="SWE-bench Verified",
        value="77.2",
        measured_on=date(2025, 9, 29),
        source_url="https://www.anthropic.com/news/claude-sonnet-4-5",
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Claude Haiku 4.5",
        benchmark="SWE-bench Verified",
        value="73.3",
        measured_on=date(2025, 10, 15),
        source_url="https://www.anthropic.com/news/claude-haiku-4-5",
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Claude Opus 4.5",
        benchmark="SWE-bench Verified",
        value="80.9",
        measured_on=date(2025, 11, 24),
        source_url="https://www.anthropic.com/news/claude-opus-4-5",
        reviewed_on=date(2026, 11, 2),
    ),
    ScoreData(
        model="DeepSeek-V3.1",
        benchmark="SWE-bench Verified",
        value="66.0",
        measured_on=date(2025, 8, 21),
        source_url=DEEPSEEK_V31_CARD,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Kimi K2",
        benchmark="SWE-bench Verified",
        value="65.8",
        measured_on=date(2025, 7, 11),
        source_url="https://huggingface.co/moonshotai/Kimi-K2-Instruct",
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Kimi K2 Thinking",
        benchmark="SWE-bench Verified",
        value="71.3",
        measured_on=date(2025, 11, 6),
        source_url="https://huggingface.co/moonshotai/Kimi-K2-Thinking",
        reviewed_on=None,
    ),
    ScoreData(
        model="GLM-4.5",
        benchmark="SWE-bench Verified",
        value="64.2",
        measured_on=date(2025, 7, 28),
        source_url=GLM45_BLOG,
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="GLM-4.6",
        benchmark="SWE-bench Verified",
        value="68.0",
        measured_on=date(2025, 9, 30),
        source_url="https://z.ai/blog/glm-4.6",
        reviewed_on=date(2026, 6, 23),
    ),
    ScoreData(
        model="Grok Code Fast 1",
        benchmark="SWE-bench Verified",
        value="70.8",
        measured_on=date(2025, 8, 28),
        source_url="https://x.ai/news/grok-code-fast-1",
        reviewed_on=None,
    ),
    # GPQA Diamond (no tools)
    ScoreData(
        model="GPT-5",
        benchmark="GPQA Diamond",
        value="85.7",
        measured_on=date(2025, 8, 7),
        source_url=GPT5_DEVELOPERS,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="GPT-4.1",
        benchmark="GPQA Diamond",
        value="66.3",
        measured_on=date(2025, 4, 14),
        source_url=GPT41_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="o3",
        benchmark="GPQA Diamond",
        value="83.3",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="o4-mini",
        benchmark="GPQA Diamond",
        value="81.4",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="gpt-oss-120b",
        benchmark="GPQA Diamond",
        value="80.1",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="gpt-oss-20b",
        benchmark="GPQA Diamond",
        value="71.5",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Claude Opus 4.1",
        benchmark="GPQA Diamond",
        value="80.9",
        measured_on=date(2025, 8, 5),
        source_url="https://www.anthropic.com/news/claude-opus-4-1",
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Claude Sonnet 4.5",
        benchmark="GPQA Diamond",
        value="83.4",
        measured_on=date(2025, 9, 29),
        source_url="https://www.anthropic.com/news/claude-sonnet-4-5",
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Gemini 2.5 Pro",
        benchmark="GPQA Diamond",
        value="86.4",
        measured_on=date(2025, 6, 17),
        source_url="https://deepmind.google/models/gemini/pro/",
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Grok 4",
        benchmark="GPQA Diamond",
        value="87.5",
        measured_on=date(2025, 7, 9),
        source_url="https://x.ai/news/grok-4",
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="DeepSeek-R1",
        benchmark="GPQA Diamond",
        value="71.5",
        measured_on=date(2025, 1, 20),
        source_url=DEEPSEEK_R1_CARD,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="DeepSeek-V3.1",
        benchmark="GPQA Diamond",
        value="80.1",
        measured_on=date(2025, 8, 21),
        source_url=DEEPSEEK_V31_CARD,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Kimi K2",
        benchmark="GPQA Diamond",
        value="75.1",
        measured_on=date(2025, 7, 11),
        source_url="https://huggingface.co/moonshotai/Kimi-K2-Instruct",
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="GLM-4.5",
        benchmark="GPQA Diamond",
        value="79.1",
        measured_on=date(2025, 7, 28),
        source_url=GLM45_BLOG,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Qwen3-235B-A22B-Instruct-2507",
        benchmark="GPQA Diamond",
        value="77.5",
        measured_on=date(2025, 7, 21),
        source_url=QWEN3_2507_CARD,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Llama 4 Maverick",
        benchmark="GPQA Diamond",
        value="69.8",
        measured_on=date(2025, 4, 5),
        source_url=LLAMA4_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Llama 4 Scout",
        benchmark="GPQA Diamond",
        value="57.2",
        measured_on=date(2025, 4, 5),
        source_url=LLAMA4_LAUNCH,
        reviewed_on=date(2026, 6, 24),
    ),
    ScoreData(
        model="Llama 3.3 70B",
        benchmark="GPQA Diamond",
        value="50.5",
        measured_on=date(2024, 12, 6),
        source_url="https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct",
        reviewed_on=date(2026, 6, 24),
    ),
    # MMLU-Pro
    ScoreData(
        model="DeepSeek-R1",
        benchmark="MMLU-Pro",
        value="84.0",
        measured_on=date(2025, 1, 20),
        source_url=DEEPSEEK_R1_CARD,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="DeepSeek-V3.1",
        benchmark="MMLU-Pro",
        value="84.8",
        measured_on=date(2025, 8, 21),
        source_url=DEEPSEEK_V31_CARD,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="GLM-4.5",
        benchmark="MMLU-Pro",
        value="84.6",
        measured_on=date(2025, 7, 28),
        source_url=GLM45_BLOG,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="Qwen3-235B-A22B-Instruct-2507",
        benchmark="MMLU-Pro",
        value="83.0",
        measured_on=date(2025, 7, 21),
        source_url=QWEN3_2507_CARD,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="Llama 4 Maverick",
        benchmark="MMLU-Pro",
        value="80.5",
        measured_on=date(2025, 4, 5),
        source_url=LLAMA4_LAUNCH,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="Llama 4 Scout",
        benchmark="MMLU-Pro",
        value="74.3",
        measured_on=date(2025, 4, 5),
        source_url=LLAMA4_LAUNCH,
        reviewed_on=date(2026, 6, 25),
    ),
    ScoreData(
        model="Llama 3.3 70B",
        benchmark="MMLU-Pro",
        value="68.9",
        measured_on=date(2024, 12, 6),
        source_url="https://huggingface.co/meta-llama/Llama-3.3-70B-Instruct",
        reviewed_on=date(2026, 6, 25),
    ),
    # AIME 2025 (no tools)
    ScoreData(
        model="GPT-5",
        benchmark="AIME 2025",
        value="94.6",
        measured_on=date(2025, 8, 7),
        source_url=GPT5_LAUNCH,
        reviewed_on=None,
    ),
    ScoreData(
        model="o3",
        benchmark="AIME 2025",
        value="88.9",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=None,
    ),
    ScoreData(
        model="o4-mini",
        benchmark="AIME 2025",
        value="92.7",
        measured_on=date(2025, 4, 16),
        source_url=O3_LAUNCH,
        reviewed_on=None,
    ),
    ScoreData(
        model="gpt-oss-120b",
        benchmark="AIME 2025",
        value="92.5",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=None,
    ),
    ScoreData(
        model="gpt-oss-20b",
        benchmark="AIME 2025",
        value="91.7",
        measured_on=date(2025, 8, 5),
        source_url=GPT_OSS_LAUNCH,
        reviewed_on=None,
    ),
    ScoreData(
        model="Gemini 2.5 Pro",
        benchmark="AIME 2025",
        value="88.0",
        measured_on=date(2025, 6, 17),
        source_url="https://deepmind.google/models/gemini/pro/",
        reviewed_on=None,
    ),
    ScoreData(
        model="DeepSeek-V3.1",
        benchmark="AIME 2025",
        value="88.4",
        measured_on=date(2025, 8, 21),
        source_url=DEEPSEEK_V31_CARD,
        reviewed_on=None,
    ),
    ScoreData(
        model="Qwen3-235B-A22B-Instruct-2507",
        benchmark="AIME 2025",
        value="70.3",
        measured_on=date(2025, 7, 21),
        source_url=QWEN3_2507_CARD,
        reviewed_on=None,
    ),
)
