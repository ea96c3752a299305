"""The maker rules (catalog/sync/makers.py), each on the real entry that motivated it."""

from catalog.sync.makers import brand_maker, choose_maker, display_name, organization_key

KNOWN = frozenset({"deepseek", "meta", "alibaba", "anthropic", "moonshotai", "mistral"})
PROVIDERS = frozenset({"siliconflow", "cerebras", "fireworks-ai", "baseten", "groq", "kilo"})


def test_one_maker_under_many_spellings_is_one_key():
    assert organization_key("meta-llama") == "meta"
    assert organization_key("Qwen") == "alibaba"
    assert organization_key("deepseek-ai") == "deepseek"
    assert organization_key("mistral-ai") == organization_key("mistralai") == "mistral"
    assert organization_key("Mistral AI") == "mistral"
    assert organization_key("StepFun AI") == organization_key("stepfun") == "stepfun"
    assert organization_key("ai21-labs") == organization_key("ai21") == "ai21"
    assert organization_key("prime-intellect") == "primeintellect"
    assert organization_key("xiaomimimo") == "xiaomi"
    # An editor's alias wins.
    assert organization_key("acme-labs", {"acme-labs": "acme"}) == "acme"


def test_a_maker_has_a_proper_name():
    assert display_name("meta") == "Meta"
    assert display_name("microsoft") == "Microsoft"
    assert display_name("thedrummer") == "TheDrummer"
    assert display_name("sao10k", {"sao10k": "Sao10K"}) == "Sao10K"
    assert display_name("evroc", {"evroc": "evroc"}) == "Evroc"  # not a bare slug


def test_the_canonical_folder_comes_first():
    assert choose_maker(canonical="moonshotai", hints=("siliconflow",), name="Kimi K2.5") == (
        "moonshotai"
    )


def test_a_hugging_face_folder_names_the_maker_a_provider_folder_does_not():
    # SiliconFlow's copy of DeepSeek V3.2 at alibaba-cn: "siliconflow/deepseek-v3.2".
    assert (
        choose_maker(
            hints=("siliconflow",),
            name="deepseek-v3.2",
            provider="alibaba-cn",
            provider_keys=PROVIDERS,
            known=KNOWN,
        )
        == "deepseek"
    )
    assert choose_maker(hints=("deepseek-ai",), name="DeepSeek-V3.2", known=KNOWN) == "deepseek"
    # A fine-tuner's own folder: novita's "sao10K/L3-8B-stheno-v3.2".
    assert choose_maker(hints=("sao10K",), name="L3 8B Stheno V3.2", known=KNOWN) == "sao10k"
    # A re-uploader of another lab's weights is not its maker.
    assert choose_maker(hints=("unsloth",), name="gemma-3-27b-it", known=KNOWN) == "google"


def test_the_brand_in_the_name_names_the_maker():
    # Fireworks' "Kimi-K2.5-FW": not Fireworks AI.
    assert (
        choose_maker(
            name="Kimi-K2.5", provider="fireworks-ai", provider_keys=PROVIDERS, known=KNOWN
        )
        == "moonshotai"
    )
    # A distilled model is its publisher's: "DeepSeek R1 Distill Qwen 32B" at alibaba-cn.
    assert brand_maker("DeepSeek R1 Distill Qwen 32B") == "deepseek"
    # A derivative's own brand wins wherever it stands.
    assert brand_maker("Llama 3.1 Nemotron 70B Instruct") == "nvidia"


def test_a_provider_is_the_maker_only_of_what_it_files_as_its_own():
    # Groq's "groq/compound".
    assert (
        choose_maker(
            hints=("groq",),
            name="Compound",
            provider="groq",
            provider_keys=PROVIDERS,
            known=KNOWN,
            model_id="groq/compound",
        )
        == "groq"
    )
    # Cerebras serving "qwen3-32b-cs" is not its maker.
    assert (
        choose_maker(
            name="qwen3-32b",
            provider="cerebras",
            provider_keys=PROVIDERS,
            known=KNOWN,
            model_id="qwen3-32b-cs",
        )
        == "alibaba"
    )
    # Nothing says who made it.
    assert (
        choose_maker(
            name="Moonlight",
            provider="kilo",
            provider_keys=PROVIDERS,
            known=KNOWN,
            model_id="moonlight",
        )
        == ""
    )
