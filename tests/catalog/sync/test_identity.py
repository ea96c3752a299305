"""The identity rules (catalog/sync/identity.py), each on the real entry that motivated it
(names and ids as the snapshots in ../shared/data write them)."""

import pytest

from catalog.sync.identity import (
    canonical_aliases,
    loose_key,
    name_key,
    names_no_version,
    not_a_model,
    parse_entry,
)


def test_word_order_and_punctuation_do_not_make_another_model():
    # nano-gpt's "Claude 4.5 Sonnet" and Anthropic's "Claude Sonnet 4.5".
    assert name_key("Claude 4.5 Sonnet") == name_key("Claude Sonnet 4.5")
    assert name_key("claude-sonnet-4-5") == name_key("Claude Sonnet 4.5")
    # Fireworks writes 2.5 as "2p5": "accounts/fireworks/models/kimi-k2p5".
    assert name_key("kimi-k2p5") == name_key("Kimi K2.5")
    # Versions stay apart.
    assert name_key("Claude Sonnet 4.5") != name_key("Claude Sonnet 4")
    assert name_key("Qwen3 235B A22B") != name_key("Qwen3 30B A3B")


@pytest.mark.parametrize(
    ("name", "model_id", "provider", "expected_name", "labels", "hints"),
    [
        # Bedrock's inference profiles: a region, and the maker's dotted prefix.
        (
            "Claude Opus 4.7 (EU)",
            "eu.anthropic.claude-opus-4-7",
            "amazon-bedrock",
            "Claude Opus 4.7",
            ("EU",),
            ("anthropic",),
        ),
        # A maker prefix, and kilo's stealth folder, which names no one.
        (
            "Stealth: Claude Opus 4.7 (20% off)",
            "stealth/claude-opus-4.7",
            "kilo",
            "Claude Opus 4.7",
            (),
            ("stealth",),
        ),
        # Confidential computing: chutes' "-TEE".
        (
            "DeepSeek V3.2 TEE",
            "deepseek-ai/DeepSeek-V3.2-TEE",
            "chutes",
            "DeepSeek V3.2",
            ("TEE",),
            ("deepseek-ai",),
        ),
        # An organization path as the name, and SiliconFlow's "Pro/" folder.
        (
            "deepseek-ai/DeepSeek-V3.2",
            "Pro/deepseek-ai/DeepSeek-V3.2",
            "siliconflow-cn",
            "DeepSeek-V3.2",
            (),
            ("deepseek-ai", "Pro"),
        ),
        # A quantization.
        (
            "Llama 4 Maverick 17B 128E Instruct FP8",
            "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8",
            "deepinfra",
            "Llama 4 Maverick 17B 128E Instruct",
            ("FP8",),
            ("meta-llama",),
        ),
        # OpenRouter's free variant.
        (
            "Gemma 4 26B A4B  (free)",
            "google/gemma-4-26b-a4b-it:free",
            "openrouter",
            "Gemma 4 26B A4B",
            ("free variant",),
            ("google",),
        ),
        # A provider's own tag: Fireworks' "-FW".
        (
            "Kimi-K2.5-FW",
            "accounts/fireworks/models/kimi-k2p5-fw",
            "fireworks-ai",
            "Kimi-K2.5",
            (),
            ("models", "fireworks", "accounts"),
        ),
        # SAP AI Core's double hyphen, and a name that is an id.
        (
            "anthropic--claude-4.7-opus",
            "anthropic--claude-4.7-opus",
            "sap-ai-core",
            "claude-4.7-opus",
            (),
            ("anthropic",),
        ),
        # A region word and the maker's name before its brand.
        (
            "AU Anthropic Claude Opus 4.6",
            "au.anthropic.claude-opus-4-6-v1",
            "amazon-bedrock",
            "Claude Opus 4.6",
            ("AU",),
            ("Anthropic", "anthropic"),
        ),
    ],
)
def test_what_a_provider_adds_is_taken_off_and_kept_as_the_routes(
    name, model_id, provider, expected_name, labels, hints
):
    entry = parse_entry(name, model_id, provider)
    assert entry.name == expected_name
    assert entry.marks.labels() == labels
    assert entry.org_hints == hints


def test_a_wrapper_serving_a_named_model_is_that_model():
    # GitLab Duo's "Agentic Chat (Claude Opus 4.5)".
    assert parse_entry("Agentic Chat (Claude Opus 4.5)", "duo-chat-opus-4-5").name == (
        "Claude Opus 4.5"
    )


def test_a_maker_prefix_is_taken_off_and_remembered():
    entry = parse_entry("DeepSeek: DeepSeek V3.2", "deepseek/deepseek-v3.2", "kilo")
    assert (entry.name, entry.maker_named) == ("DeepSeek V3.2", "DeepSeek")


def test_a_provider_name_in_parentheses_or_first_is_taken_off():
    names = frozenset({"alibaba cloud", "azure"})
    assert parse_entry("DeepSeek V4 Flash (Alibaba Cloud)", "x", serving_names=names).name == (
        "DeepSeek V4 Flash"
    )
    assert parse_entry("Azure gpt-4o", "gpt-4o", serving_names=names).name == "gpt-4o"
    # A maker's own name is not a provider's prefix: "Mistral Large" stays.
    assert parse_entry("Mistral Large", "x", serving_names=frozenset({"mistral"})).name == (
        "Mistral Large"
    )


def conditional_names(name, model_id):
    entry = parse_entry(name, model_id)
    return [
        (shorter, marks.snapshot, marks.variant, marks.fast)
        for shorter, _, marks in entry.conditional
    ]


def test_a_dated_snapshot_may_be_the_model_it_dates():
    assert ("GPT-4o", "2024-11-20", "", False) in conditional_names(
        "GPT-4o (2024-11-20)", "gpt-4o-2024-11-20"
    )
    # kilo's "(older v0613)".
    assert ("GPT-3.5 Turbo", "0613", "", False) in conditional_names(
        "OpenAI: GPT-3.5 Turbo (older v0613)", "openai/gpt-3.5-turbo-0613"
    )
    # llmgateway's six-digit ByteDance dates.
    assert ("Seed 1.6", "250615", "", False) in conditional_names(
        "Seed 1.6 (250615)", "seed-1-6-250615"
    )


def test_a_reasoning_switch_and_its_budget_are_a_variant():
    # 302ai's "claude-opus-4-5-20251101-thinking": a snapshot and a switch.
    assert ("claude-opus-4-5", "20251101", "thinking", False) in conditional_names(
        "claude-opus-4-5-20251101-thinking", "claude-opus-4-5-20251101-thinking"
    )
    # nano-gpt's thinking budgets.
    assert ("Claude 4 Sonnet", "", "thinking 32K", False) in conditional_names(
        "Claude 4 Sonnet Thinking (32K)", "claude-sonnet-4-thinking:32768"
    )


def test_a_fast_mode_in_parentheses_is_a_service_mode_but_a_labs_fast_model_is_not():
    # OpenRouter's "Claude Opus 4.7 (Fast)".
    assert ("Claude Opus 4.7", "", "", True) in conditional_names(
        "Claude Opus 4.7 (Fast)", "anthropic/claude-opus-4.7-fast"
    )
    # xAI's Grok 4.1 Fast is a model of its own.
    assert conditional_names("Grok 4.1 Fast", "x-ai/grok-4.1-fast") == []


def test_a_latest_alias_is_the_model_it_names():
    # 302ai's "claude-3-5-haiku-latest", llmgateway's "Qwen Plus Latest".
    assert parse_entry("claude-3-5-haiku-latest", "claude-3-5-haiku-latest").name == (
        "claude-3-5-haiku"
    )
    assert parse_entry("Qwen Plus Latest", "qwen-plus-latest").name == "Qwen Plus"
    # One that names no version stands for whichever model is newest.
    assert names_no_version("Anthropic: Claude Opus Latest", "~anthropic/claude-opus-latest")
    assert not names_no_version("Claude Opus 4.7", "claude-opus-4-7")


def test_size_words_a_provider_leaves_out():
    # helicone's "Llama 4 Scout" is Meta's Llama 4 Scout 17B Instruct.
    key, sizes = loose_key("Llama 4 Scout 17B Instruct")
    assert (key, sizes) == (loose_key("Llama 4 Scout")[0], {"17b", "instruct"})
    assert loose_key("Qwen3 8B")[1] == {"8b"}


@pytest.mark.parametrize(
    ("name", "model_id", "family", "outputs", "reason"),
    [
        (
            "text-embedding-3-large",
            "text-embedding-3-large",
            "text-embedding",
            ("text",),
            "not a language model: an embedding model",
        ),
        ("Cohere Rerank 3.5", "cohere/rerank-v3.5", "", (), "not a language model: a reranker"),
        (
            "Whisper Large V3 Turbo",
            "whisper-large-v3-turbo",
            "whisper",
            ("text",),
            "not a language model: a speech-to-text model",
        ),
        (
            # Cloudflare AI Gateway files Deepgram's transcription model as text in, text out.
            "Deepgram Nova 3",
            "workers-ai/@cf/deepgram/nova-3",
            "nova",
            ("text",),
            "not a language model: a speech-to-text model",
        ),
        (
            "Active Speaker Detection",
            "nvidia/active-speaker-detection",
            "",
            (),
            "not a language model: a perception model",
        ),
        ("esmfold", "meta/esmfold", "", (), "not a language model: a biology model"),
        (
            "DistilBERT SST-2 INT8",
            "@cf/huggingface/distilbert-sst-2-int8",
            "distilbert",
            (),
            "not a language model: a classifier",
        ),
        (
            "BGE Multilingual Gemma2",
            "bge-multilingual-gemma2",
            "",
            (),
            "not a language model: an embedding model",
        ),
        (
            "GPT-Image-1",
            "gpt-image-1",
            "gpt-image",
            ("image",),
            "not a language model: its output is image",
        ),
    ],
)
def test_what_is_not_a_language_model_is_skipped_with_its_kind(
    name, model_id, family, outputs, reason
):
    assert not_a_model(name, model_id, family, outputs) == reason


@pytest.mark.parametrize(
    ("name", "model_id", "family"),
    [
        ("Auto Router", "openrouter/auto", ""),
        ("Coding Router", "nanogpt/coding-router", ""),
        ("Kilo Auto Balanced", "kilo-auto/balanced", ""),
        ("Switchpoint Router", "switchpoint/router", ""),
        ("Body Builder (beta)", "openrouter/bodybuilder", ""),
        ("Route LLM", "route-llm", ""),
        ("Model Router", "model-router", "model-router"),
    ],
)
def test_routers_are_not_models(name, model_id, family):
    assert not_a_model(name, model_id, family).startswith("a router")


@pytest.mark.parametrize(
    ("name", "model_id", "inputs", "reason"),
    [
        # models.dev's nvidia/nvidia/sparsedrive.toml and vercel/xai/grok-stt.toml
        ("sparsedrive", "nvidia/sparsedrive", ("video",), "it reads video, not text"),
        ("Grok STT", "xai/grok-stt", ("audio",), "it reads audio, not text"),
        ("Qwen3-ASR Flash", "qwen3-asr-flash", ("audio",), "it reads audio, not text"),
    ],
)
def test_a_model_that_reads_no_text_is_not_a_language_model(name, model_id, inputs, reason):
    assert not_a_model(name, model_id, "", ("text",), inputs) == f"not a language model: {reason}"


def test_a_model_that_reads_text_among_others_stays():
    # evroc's Voxtral Small 24B 2507 reads audio and text, and writes text
    assert (
        not_a_model(
            "Voxtral Small 24B",
            "mistralai/Voxtral-Small-24B-2507",
            "voxtral",
            ("text",),
            ("audio", "text"),
        )
        == ""
    )
    assert not_a_model("Claude Opus 4.7", "claude-opus-4-7", "claude-opus", (), ()) == ""


def test_safety_classifiers_that_read_and_write_text_stay():
    assert not_a_model("Llama Guard 4 12B", "meta-llama/llama-guard-4-12b") == ""
    assert not_a_model("Claude Opus 4.7", "claude-opus-4-7", "claude-opus", ("text",)) == ""


def test_a_labs_alias_files_are_the_model_they_alias():
    files = [
        ("anthropic/claude-opus-4-5", "Claude Opus 4.5 (latest)", ()),
        ("anthropic/claude-opus-4-5-20251101", "Claude Opus 4.5", ()),
        ("openai/gpt-4o", "GPT-4o", ()),
        ("openai/gpt-4o-2024-08-06", "GPT-4o (2024-08-06)", ()),
        (
            "mistral/mistral-large-latest",
            "Mistral Large (latest)",
            ("mistralai/Mistral-Large-3-675B-Instruct-2512",),
        ),
        (
            "mistral/mistral-large-2512",
            "Mistral Large 3",
            ("mistralai/Mistral-Large-3-675B-Instruct-2512",),
        ),
        (
            "mistral/mistral-large-2411",
            "Mistral Large 2.1",
            ("mistralai/Mistral-Large-Instruct-2411",),
        ),
        ("moonshotai/kimi-k2-thinking", "Kimi K2 Thinking", ("moonshotai/Kimi-K2-Thinking",)),
        (
            "moonshotai/kimi-k2-thinking-turbo",
            "Kimi K2 Thinking Turbo",
            ("moonshotai/Kimi-K2-Thinking",),
        ),
    ]
    assert canonical_aliases(files) == {
        "anthropic/claude-opus-4-5": ("anthropic/claude-opus-4-5-20251101", ""),
        "openai/gpt-4o-2024-08-06": ("openai/gpt-4o", "2024-08-06"),
        "mistral/mistral-large-latest": ("mistral/mistral-large-2512", ""),
    }
