"""Who made a model: the catalog's maker rules, in one place (and on /methodology/).

A model's organization is the lab that made it, taken in this order from:

1. the folder of the lab's canonical file (models.dev `models/<lab>/`, or the canonical
   model a provider's entry names in `base_model`);
2. the organization of its Hugging Face id, or the folder a provider files it under
   ("deepseek-ai/DeepSeek-V3.2" → DeepSeek, "meta-llama/…" → Meta, "Qwen/…" → Alibaba);
   OpenRouter's id prefix is such a folder too;
3. the maker its name names: a "Maker: " prefix ("DeepSeek: DeepSeek V3.2"), else the
   brand of a known lab in the name ("DeepSeek R1 Distill Qwen 32B" is DeepSeek's: the
   first brand wins, except a derivative's own brand, such as Nemotron, anywhere);
4. the maker of its models.dev family, where only one lab's canonical files use it;
5. another provider's own folder ("openrouter/owl-alpha" at kilo), where nothing above
   names a maker;
6. the serving provider, only where that provider is a lab serving its own models, or
   files the entry as its own (under a folder of its own name, "groq/compound", or with
   its own name first, "lucidquery-nexus-coder").

A serving provider is never the maker otherwise ("siliconflow/deepseek-v3.2" is
DeepSeek's), nor is a folder that names no one ("models", "stealth", "TEE") or a
re-uploader of other labs' weights ("unsloth/…", "Intel/…").

One maker under many spellings is one organization: `organization_key` folds the
spellings in ORGANIZATION_ALIASES (and editors add their own on an organization's admin
page); `display_name` is the name pages show ("Meta", not "meta").
"""

import re

ORGANIZATION_ALIASES = {
    "qwen": "alibaba",
    "alibaba-qwen": "alibaba",
    "alibaba-nlp": "alibaba",
    "alibaba-cloud": "alibaba",
    "alibaba-cloud-bailian": "alibaba",
    "tongyi-zhiwen": "alibaba",
    "zai-org": "zhipuai",
    "z-ai": "zhipuai",
    "zai": "zhipuai",
    "z-ai-org": "zhipuai",
    "thudm": "zhipuai",
    "zhipu": "zhipuai",
    "zhipu-ai": "zhipuai",
    "mistralai": "mistral",
    "mistral-ai": "mistral",
    "meta-llama": "meta",
    "facebook": "meta",
    "deepseek-ai": "deepseek",
    "x-ai": "xai",
    "minimaxai": "minimax",
    "moonshot": "moonshotai",
    "moonshot-ai": "moonshotai",
    "kimi": "moonshotai",
    "google-deepmind": "google",
    "openai-community": "openai",
    "hf-openai": "openai",
    "stepfun-ai": "stepfun",
    "ai21-labs": "ai21",
    "prime-intellect": "primeintellect",
    "xiaomimimo": "xiaomi",
    "bytedance-seed": "bytedance",
    "ibm-granite": "ibm",
    "liquidai": "liquid",
    "rekaai": "reka",
    "sarvamai": "sarvam",
    "cohereforai": "cohere",
    "coherelabs": "cohere",
    "kwaipilot": "kuaishou",
    "nvidia-nim": "nvidia",
    "microsoft-azure": "microsoft",
    "amazon-nova": "amazon",
    "deepcogito": "deep-cogito",
    "nous": "nousresearch",
    "nous-research": "nousresearch",
    "inclusion-ai": "inclusionai",
    "arcee": "arcee-ai",
    "aionlabs": "aion-labs",
}
ORGANIZATION_NAMES = {
    "alibaba": "Alibaba",
    "anthropic": "Anthropic",
    "openai": "OpenAI",
    "google": "Google",
    "meta": "Meta",
    "microsoft": "Microsoft",
    "deepseek": "DeepSeek",
    "mistral": "Mistral AI",
    "moonshotai": "Moonshot AI",
    "zhipuai": "Zhipu AI",
    "minimax": "MiniMax",
    "xai": "xAI",
    "nvidia": "NVIDIA",
    "cohere": "Cohere",
    "amazon": "Amazon",
    "baidu": "Baidu",
    "tencent": "Tencent",
    "bytedance": "ByteDance",
    "xiaomi": "Xiaomi",
    "stepfun": "StepFun",
    "ibm": "IBM",
    "ai21": "AI21 Labs",
    "perplexity": "Perplexity",
    "nousresearch": "Nous Research",
    "inclusionai": "inclusionAI",
    "meituan": "Meituan",
    "allenai": "Ai2",
    "liquid": "Liquid AI",
    "upstage": "Upstage",
    "writer": "Writer",
    "inception": "Inception",
    "reka": "Reka",
    "sarvam": "Sarvam AI",
    "kuaishou": "Kuaishou",
    "primeintellect": "Prime Intellect",
    "deep-cogito": "Deep Cogito",
    "arcee-ai": "Arcee AI",
    "aion-labs": "AionLabs",
    "sakana": "Sakana AI",
    "deepreinforce": "DeepReinforce",
    "inflection": "Inflection AI",
    "poolside": "Poolside",
    "relace": "Relace",
    "morph": "Morph",
    "essentialai": "Essential AI",
    "thedrummer": "TheDrummer",
    "sao10k": "Sao10K",
    "baai": "BAAI",
    "salesforce": "Salesforce",
    "huihui-ai": "huihui.ai",
    "01-ai": "01.AI",
    "vercel": "Vercel",
    "miromind": "MiroMind",
    "h-company": "H Company",
    "baichuan": "Baichuan",
}
# Folders a provider files models under that name no maker.
NOT_ORGANIZATIONS = {
    "models",
    "accounts",
    "routers",
    "tee",
    "free",
    "beta",
    "preview",
    "latest",
    "cf",
    "workers-ai",
    "pro",
    "public",
    "stealth",
    "route",
    "huggingface",
    "hf",
    "kilo-auto",
    "lora",
    "fine-tuned",
}
# Organizations that publish other labs' weights again (quantized, converted): not makers.
REUPLOADERS = {"unsloth", "neuralmagic", "redhatai", "intel", "bartowski", "thebloke"}

# Brands in a model's name, and their maker. A derivative's own brand wins wherever it
# stands ("Llama 3.1 Nemotron 70B" is NVIDIA's); otherwise the first brand in the name.
DERIVATIVE_BRANDS = {
    "nemotron": "nvidia",
    "hermes": "nousresearch",
    "cogito": "deep-cogito",
}
BRANDS = {
    "claude": "anthropic",
    "gpt": "openai",
    "chatgpt": "openai",
    "o1": "openai",
    "o3": "openai",
    "o4": "openai",
    "codex": "openai",
    "gemini": "google",
    "gemma": "google",
    "llama": "meta",
    "qwen": "alibaba",
    "qwen2": "alibaba",
    "qwen3": "alibaba",
    "qwq": "alibaba",
    "qvq": "alibaba",
    "deepseek": "deepseek",
    "kimi": "moonshotai",
    "glm": "zhipuai",
    "minimax": "minimax",
    "mistral": "mistral",
    "mixtral": "mistral",
    "ministral": "mistral",
    "codestral": "mistral",
    "devstral": "mistral",
    "magistral": "mistral",
    "pixtral": "mistral",
    "grok": "xai",
    "phi": "microsoft",
    "command": "cohere",
    "aya": "cohere",
    "nova": "amazon",
    "ernie": "baidu",
    "hunyuan": "tencent",
    "doubao": "bytedance",
    "mimo": "xiaomi",
    "granite": "ibm",
    "jamba": "ai21",
    "sonar": "perplexity",
    "longcat": "meituan",
    "olmo": "allenai",
    "lfm": "liquid",
    "solar": "upstage",
    "palmyra": "writer",
    "mercury": "inception",
    "seed": "bytedance",
    "baichuan": "baichuan",
    "baichuan4": "baichuan",
    "kat": "kuaishou",
    "step": "stepfun",
    "yi": "01-ai",
    "ling": "inclusionai",
    "ring": "inclusionai",
    "trinity": "arcee-ai",
    "intellect": "primeintellect",
    "v0": "vercel",
    "medgemma": "google",
    "mirothinker": "miromind",
    "holo3": "h-company",
}
BRAND_WORD = re.compile(r"[a-z]+\d*|\d+")


def organization_key(raw, aliases=None):
    """The key of a maker's id or name: "Meta-Llama" → "meta", "Mistral AI" → "mistral"
    (`aliases`: the editors' own, alias key → organization key)."""
    key = re.sub(r"[^a-z0-9-]", "", raw.casefold().strip().replace("_", "-").replace(" ", "-"))
    key = re.sub(r"-+", "-", key.replace(".", "-")).strip("-")
    if aliases and key in aliases:
        return aliases[key]
    key = ORGANIZATION_ALIASES.get(key, key)
    for suffix in ("-ai", "ai", "-labs", "-inc"):
        # "Mistral AI" and "mistral" are one maker, where the shorter one is known.
        stem = key.removesuffix(suffix)
        if stem != key and stem in ORGANIZATION_NAMES:
            return stem
    return key


def display_name(key, seen_names=None):
    """How pages name a maker: our name for it, else as a source wrote it ("Sao10K: …"),
    else its key in words ("deep-cogito" → "Deep Cogito")."""
    if key in ORGANIZATION_NAMES:
        return ORGANIZATION_NAMES[key]
    seen = (seen_names or {}).get(key, "")
    if seen and seen != seen.casefold():  # as written, where it is not a bare slug
        return seen
    return " ".join(word[:1].upper() + word[1:] for word in (seen or key).replace("-", " ").split())


def brand_maker(name):
    """The maker whose brand the name carries ("DeepSeek R1 Distill Qwen 32B" →
    "deepseek"), or ""."""
    words = BRAND_WORD.findall(name.casefold())
    for word in words:
        if word in DERIVATIVE_BRANDS:
            return DERIVATIVE_BRANDS[word]
    for word in words:
        if word in BRANDS:
            return BRANDS[word]
    return ""


def folder_maker(hints, provider_keys, known):
    """The maker a folder names (`hints`: nearest first): a known maker, or the nearest
    folder that is neither a provider, nor a folder of no one, nor a re-uploader."""
    for index, hint in enumerate(hints):
        key = organization_key(hint)
        if not key or key in NOT_ORGANIZATIONS or key in REUPLOADERS:
            continue
        if key in known:
            return key
        if key in provider_keys:
            continue
        if index == 0:
            return key  # a fine-tuner's own folder ("Sao10K/L3-8B-Stheno-v3.2")
    return ""


def choose_maker(
    *,
    canonical="",
    hints=(),
    maker_named="",
    name="",
    family_maker="",
    provider="",
    provider_keys=frozenset(),
    known=frozenset(),
    model_id="",
):
    """The maker key by the rules above; "" when nothing says for sure."""
    if canonical:
        return organization_key(canonical)
    folder = folder_maker(hints, provider_keys, known)
    if folder:
        return folder
    named = organization_key(maker_named) if maker_named else ""
    if named and named in known and named not in NOT_ORGANIZATIONS:
        return named
    brand = brand_maker(name)
    if brand:
        return brand
    if named and named not in NOT_ORGANIZATIONS and named not in provider_keys:
        return named
    if family_maker:
        return organization_key(family_maker)
    # A provider's own folder at another provider: kilo's "openrouter/owl-alpha" is
    # OpenRouter's, where nothing else names a maker.
    for hint in hints[:1]:
        key = organization_key(hint)
        if key in provider_keys and key != organization_key(provider):
            return key
    provider_key = organization_key(provider)
    if provider_key in known or names_itself(provider_key, name, model_id, hints):
        return provider_key
    return ""


def names_itself(provider_key, name, model_id, hints):
    """Whether a provider files the entry as its own: under a folder of its own name
    ("groq/compound"), or with its own name first ("lucidquery-nexus-coder")."""
    if not provider_key:
        return False
    if any(organization_key(hint) == provider_key for hint in hints):
        return True
    first = re.split(r"[^a-z0-9]+", f"{model_id} {name}".casefold().strip())
    words = provider_key.split("-")
    return first[: len(words)] == words
