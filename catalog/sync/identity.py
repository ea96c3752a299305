"""What one model is, whatever a serving provider calls it: the catalog's identity rules,
in one place. Pure functions over names and ids; the sync's matcher (catalog/sync/
matching.py) applies them, and /methodology/ states them for readers.

A provider's entry names a model in its own way. What it adds is taken off before the
model is looked up, and kept as a fact of the route (`Marks`), never thrown away:

- a maker prefix ("Anthropic: Claude Opus 4.7", "DeepSeek: DeepSeek V3.2");
- an organization path ("deepseek-ai/DeepSeek-V3.2", "Pro/deepseek-ai/…",
  "anthropic--claude-4.7-opus", Bedrock's "anthropic.claude-opus-4-7");
- a region or inference profile ("(EU)", "(US)", "(Global)", Bedrock's "eu.", "us.");
- a quantization (FP8, FP4, BF16, INT4, INT8, AWQ…);
- confidential computing ("TEE");
- a free variant (":free", "(free)", "-free", " Free");
- a provider's own tags ("-FW", "-CS", Vertex's "@default" and "-maas", Bedrock's
  "-v1:0", Fireworks' "5p1" for 5.1);
- word order ("Claude 4.5 Sonnet" is "Claude Sonnet 4.5": `name_key`).

Some marks are taken off only when what remains is a model the catalog knows, and the lab
itself does not sell the longer name as a model of its own (`CONDITIONAL`): a dated
snapshot ("-20251101", "(2024-11-20)", "0613"), a reasoning switch ("Thinking",
"(Non-Reasoning)", ":thinking") and a fast mode ("(Fast)", "-fast"). So "Claude Opus 4.7
(Fast)" at OpenRouter is Claude Opus 4.7 in fast mode, while Kimi K2 Thinking and
Grok 4.1 Fast, which their labs sell under those names, keep records of their own.

Some entries are not language models, or not models at all (`not_a_model`): embedding,
reranking, speech, image and music models, perception, biology and classifier models,
and routers that pick a model for you. A product that serves one named model ("Agentic
Chat (Claude Opus 4.5)", GitLab Duo's) is a route of that model (`unwrap`).
"""

import re
from dataclasses import dataclass, replace

from catalog.sync import makers

# Regions and inference profiles, as the sources write them.
REGIONS = {
    "eu": "EU",
    "us": "US",
    "global": "Global",
    "jp": "JP",
    "au": "AU",
    "apac": "APAC",
    "ca": "CA",
    "uk": "UK",
    "us-gov": "US GovCloud",
}
QUANTIZATIONS = {
    "fp8": "FP8",
    "fp4": "FP4",
    "nvfp4": "NVFP4",
    "mxfp4": "MXFP4",
    "fp16": "FP16",
    "bf16": "BF16",
    "int4": "INT4",
    "int8": "INT8",
    "awq": "AWQ",
    "gptq": "GPTQ",
    "q4_k_m": "Q4_K_M",
    "mlx 4-bit": "MLX 4-bit",
}
# Tags a provider appends to its own copies: they name the provider, not the model.
PROVIDER_TAGS = ("fw", "cs", "maas")

DATE_SNAPSHOT = re.compile(
    r"(?:[-_ .@(]|^)(?P<date>20\d\d-?[01]\d-?[0-3]\d|2\d[01]\d[0-3]\d|[01]\d-20\d\d|[01]\d/20\d\d|"
    r"(?:older )?v?[0-3]\d[0-3]\d)\)?$"
)
REASONING_SWITCH = re.compile(
    r"[-_ :(]+(?P<switch>thinking|think|reasoning|non-reasoning|non-thinking|no thinking|"
    r"non-thinking mode)\)?(?:\s*\((?P<budget>\d+k)\))?$"
)
# A local build's quantization: "(IQ4_XS)", "(Q4_K_M)", "(GGUF)", "(MLX 4-bit)".
LOCAL_QUANTIZATION = re.compile(r"^(?:i?q\d(?:_[a-z0-9]+)*|gguf|mlx \d-bit)$")
# Words that give a model's size or format, which providers often leave out of its name
# ("Llama 4 Scout" for "Llama 4 Scout 17B 16E Instruct").
SIZE_WORD = re.compile(r"^(?:\d+(?:\.\d+)?[bm]|\d+e|a\d+(?:\.\d+)?b|instruct|it|hf)$")
# A faster way of serving a model: "(Fast)", "-fast", a reseller's "(Turbo)", "(Lightning)".
FAST_MODE = re.compile(r"[-_ :(]+(?:fast|turbo|lightning|highspeed)\)?$")
MAKER_PREFIX = re.compile(r"^(?P<maker>[A-Za-z0-9][\w .&'-]{0,38}?):\s+(?P<rest>.+)$")
PARENTHESIS = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*")
DISCOUNT = re.compile(r"^\d+% off$")
# GitLab Duo's "Agentic Chat (Claude Opus 4.5)": a product serving one named model.
WRAPPERS = (re.compile(r"^Agentic Chat \((?P<model>.+)\)$"),)
# "(latest)" on a lab's alias of its newest snapshot.
LATEST = re.compile(r"[\s(_-]+latest\)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Marks:
    """What a provider's entry adds to the model's name: facts of the route."""

    region: str = ""
    quantization: str = ""
    confidential: bool = False
    free: bool = False
    snapshot: str = ""
    variant: str = ""  # "thinking" / "non-thinking": a reasoning switch the entry fixes
    fast: bool = False

    def labels(self):
        """How route tables show them: ("EU", "FP8", "TEE", "free variant", …)."""
        return tuple(
            label
            for label in (
                self.region,
                self.quantization,
                "TEE" if self.confidential else "",
                "free variant" if self.free else "",
                f"snapshot {self.snapshot}" if self.snapshot else "",
                self.variant,
            )
            if label
        )


@dataclass(frozen=True)
class Entry:
    """A provider's entry, its marks taken off: `name` and `model_id` as a lab would write
    them, `org_hints` the organizations its id and name point at (nearest first), and
    `conditional` the names it may also be once a dated, reasoning or fast mark is off."""

    name: str
    model_id: str
    marks: Marks
    org_hints: tuple[str, ...] = ()
    maker_named: str = ""  # the "Maker: " prefix of its name, as written
    conditional: tuple[tuple[str, Marks], ...] = ()


def name_key(text):
    """One key for one name however it is spelt, ordered or punctuated: the words made
    of letters only, in any order, then everything else in order. "Claude 4.5 Sonnet",
    "claude-sonnet-4-5" and "Claude Sonnet 4.5" → "claude sonnet|45"."""
    text = re.sub(r"(?<=\d)p(?=\d)", ".", text.casefold())  # Fireworks' "5p1" is 5.1
    chunks = [chunk for chunk in re.split(r"[^a-z0-9]+", text) if chunk]
    words = sorted(chunk for chunk in chunks if chunk.isalpha())
    rest = "".join(chunk for chunk in chunks if not chunk.isalpha())
    return f"{' '.join(words)}|{rest}"


def loose_key(text):
    """`name_key` without the words of size or format, and those words: "Llama 4 Scout
    17B Instruct" → ("llama scout|4", {"17b", "instruct"})."""
    text = re.sub(r"(?<=\d)p(?=\d)", ".", text.casefold())
    chunks = [chunk for chunk in re.split(r"[^a-z0-9.]+", text) if chunk]
    sizes = {chunk for chunk in chunks if SIZE_WORD.match(chunk)}
    return name_key(" ".join(chunk for chunk in chunks if chunk not in sizes)), sizes


def clean_name(name):
    """A display name without a maker prefix or an organization path: "deepseek-ai/
    DeepSeek-V3.2" → "DeepSeek-V3.2", "Anthropic: Claude Opus 4.7" → "Claude Opus 4.7"."""
    name = " ".join(name.split())
    match = MAKER_PREFIX.match(name)
    if match:
        name = match["rest"]
    if "/" in name and " " not in name:
        name = name.rsplit("/", 1)[1]
    return name.strip()


def unwrap(name):
    """The model a product serves ("Agentic Chat (Claude Opus 4.5)" → "Claude Opus
    4.5"), or None when the name is not such a product's."""
    for wrapper in WRAPPERS:
        match = wrapper.match(name.strip())
        if match:
            return match["model"].strip()
    return None


def is_latest_alias(name, model_id=""):
    """A lab's "(latest)" alias of its newest snapshot ("Claude Opus 4.5 (latest)",
    "mistral-large-latest")."""
    return bool(LATEST.search(name.strip()) or model_id.endswith("-latest"))


def without_latest(name):
    return LATEST.sub("", name.strip()).strip()


def parse_entry(name, model_id, provider_key="", serving_names=frozenset()):
    """An `Entry` of a provider's entry: its `name` and its id at the provider.
    `serving_names`: the names of providers and makers, casefolded, which a name may
    carry in parentheses ("DeepSeek V4 Flash (Alibaba Cloud)")."""
    hints = []
    maker_named = ""
    wrapped = unwrap(name)
    if wrapped:
        name = wrapped
    match = MAKER_PREFIX.match(" ".join(name.split()))
    if match:
        maker_named = match["maker"]
        name = match["rest"]
    name, name_marks, name_hints = _strip_name(without_latest(name), serving_names)
    if name and " " not in name:  # a name that is an id ("anthropic--claude-4.7-opus")
        name, id_name_marks, id_name_hints = _strip_id(name, provider_key)
        name_marks, name_hints = _combine(name_marks, id_name_marks), name_hints + id_name_hints
    model_id, id_marks, id_hints = _strip_id(model_id, provider_key)
    model_id = without_latest(model_id)
    hints.extend(name_hints + id_hints)
    marks = _combine(name_marks, id_marks)
    conditional = _conditional(name, model_id, marks)
    return Entry(
        name=name,
        model_id=model_id,
        marks=marks,
        org_hints=tuple(dict.fromkeys(hint for hint in hints if hint)),
        maker_named=maker_named,
        conditional=conditional,
    )


def _combine(first, second):
    return Marks(
        region=first.region or second.region,
        quantization=first.quantization or second.quantization,
        confidential=first.confidential or second.confidential,
        free=first.free or second.free,
    )


def _strip_name(name, serving_names=frozenset()):
    hints = []
    if "/" in name and " " not in name.strip():
        path = name.strip().split("/")
        hints.extend(reversed(path[:-1]))
        name = path[-1]
    region = quantization = ""
    confidential = free = False
    kept = []
    # Parenthesized marks: "(EU)", "(free)", "(TEE)", "(FP8)", "(20% off)", "(latest)".
    for index, part in enumerate(PARENTHESIS.split(f" {name} ")):
        inner = part.strip()
        lowered = inner.casefold()
        if not inner:
            continue
        if index % 2 == 0:  # text between parentheses
            kept.append(inner)
        elif lowered in REGIONS:
            region = REGIONS[lowered]
        elif lowered in QUANTIZATIONS:
            quantization = QUANTIZATIONS[lowered]
        elif LOCAL_QUANTIZATION.match(lowered):
            quantization = inner.upper() if lowered != "gguf" else "GGUF"
        elif lowered == "tee":
            confidential = True
        elif lowered == "free":
            free = True
        elif not (DISCOUNT.match(lowered) or lowered == "latest" or lowered in serving_names):
            kept.append(f"({inner})")
    name = re.sub(r"[- ](?:FW|CS)$", "", " ".join(kept))  # "Kimi-K2.5-FW"
    # Trailing word marks: "… FP8", "… TEE", "… Free", "… AWQ".
    found = Marks(quantization=quantization, confidential=confidential, free=free)
    while True:
        words = name.rsplit(" ", 1)
        marked = _trailing_mark(words[-1], found) if len(words) == 2 else None
        if marked is None:
            break
        found, name = marked, words[0]
    quantization, confidential, free = found.quantization, found.confidential, found.free
    # Leading words a provider puts first: a region ("AU Anthropic Claude Opus 4.6") and
    # the maker's name before its own brand ("Meta Llama 3.1 8B", "Google Gemini 2.5").
    words = name.split()
    if len(words) > 2 and words[0].casefold() in REGIONS and words[0].isupper():
        region = region or REGIONS[words[0].casefold()]
        words = words[1:]
    if len(words) > 1:
        maker = makers.organization_key(words[0])
        brand = makers.brand_maker(words[1])
        if maker in makers.ORGANIZATION_NAMES and brand == maker:
            hints.append(words[0])
            words = words[1:]
        elif words[0].casefold() in serving_names and brand and brand != maker:
            words = words[1:]  # a provider's own name first: "Azure gpt-4o"
    name = " ".join(words)
    marks = Marks(region=region, quantization=quantization, confidential=confidential, free=free)
    return name.strip(" -"), marks, hints


def _strip_id(model_id, provider_key):
    """A provider's model id less its paths, profiles and tags: (id, marks, org hints)."""
    hints = []
    text = model_id.strip()
    region = ""
    free = False
    if text.endswith(":free"):
        free, text = True, text.removesuffix(":free")
    path = [part for part in text.split("/") if part]
    if not path:
        return "", Marks(), []
    hints.extend(part.lstrip("@~") for part in reversed(path[:-1]))
    text = path[-1].lstrip("~")
    text = re.sub(r"@(default|\d+)$", "", text)  # Vertex's "claude-opus-4-7@default"
    text = re.sub(r"-v\d+(:\d+)?$", "", text)  # Bedrock's "-v1:0"
    # Bedrock's inference profiles: "eu.anthropic.claude-opus-4-7", "us.deepseek.r1".
    dotted = text.split(".")
    if len(dotted) > 2 and dotted[0] in REGIONS and not dotted[1][:1].isdigit():
        region = REGIONS[dotted[0]]
        dotted = dotted[1:]
    if len(dotted) > 1 and dotted[0].isalpha() and not dotted[1][:1].isdigit():
        hints.insert(0, dotted[0])  # "anthropic.claude-opus-4-7"
        dotted = dotted[1:]
    text = ".".join(dotted)
    if "--" in text:  # "anthropic--claude-4.7-opus"
        org, _, text = text.partition("--")
        hints.insert(0, org)
    rest = text.removeprefix(f"{provider_key}-") if provider_key else text
    if rest != text and rest[:1].isalpha():  # "databricks-claude-…", not "v0-1.5-md"
        text = rest
    # Trailing tags: "-fp8", "-tee", "-free", "-FW", "-maas", "-int4-mixed-ar".
    found = Marks(region=region, free=free)
    while True:
        head, separator, last = text.rpartition("-")
        if not separator or not head:
            break
        if last.casefold() in ("mixed", "ar") and re.search(r"-int\d", head.casefold()):
            text = head  # Intel's "-int4-mixed-ar": the quantization is the word before
            continue
        marked = _trailing_mark(last, found)
        if marked is None:
            break
        found, text = marked, head
    return text, found, hints


def _trailing_mark(word, marks):
    """`marks` with what a trailing word or tag marks ("FP8", "TEE", "free", a provider's
    tag), or None when the word is the model's own."""
    lowered = word.casefold()
    if lowered in QUANTIZATIONS:
        return replace(marks, quantization=marks.quantization or QUANTIZATIONS[lowered])
    if lowered == "tee":
        return replace(marks, confidential=True)
    if lowered == "free":
        return replace(marks, free=True)
    if lowered in PROVIDER_TAGS:
        return marks
    return None


def _conditional(name, model_id, marks):
    """The shorter names an entry may be (each with its marks): a dated snapshot, a
    reasoning switch, a fast mode taken off, alone and together."""
    found = []
    queue = [(name, model_id, marks)]
    seen = set()
    while queue:
        current_name, current_id, current = queue.pop(0)
        for strip in (_strip_snapshot, _strip_switch, _strip_fast):
            shorter = strip(current_name, current_id, current)
            if shorter is None:
                continue
            key = (name_key(shorter[0]), name_key(shorter[1]))
            if key in seen:
                continue
            seen.add(key)
            found.append((shorter[0], shorter[1], shorter[2]))
            queue.append(shorter)
    return tuple(found)


def _strip_snapshot(name, model_id, marks):
    by_name = DATE_SNAPSHOT.search(name.casefold())
    by_id = DATE_SNAPSHOT.search(model_id.casefold())
    if not (by_name or by_id):
        return None
    match = by_id or by_name
    snapshot = match["date"].removeprefix("older ").removeprefix("v")  # type: ignore[index]
    name = name[: by_name.start()].strip(" -(") if by_name else name
    model_id = model_id[: by_id.start()] if by_id else model_id
    if not name.strip() and not model_id.strip():
        return None
    return name, model_id, replace(marks, snapshot=snapshot)


def _strip_switch(name, model_id, marks):
    by_name = REASONING_SWITCH.search(name.casefold())
    by_id = REASONING_SWITCH.search(model_id.casefold())
    if not (by_name or by_id):
        return None
    found = by_name or by_id
    switch = found["switch"]  # type: ignore[index]
    variant = "thinking" if switch in ("thinking", "think", "reasoning") else "non-thinking"
    if found["budget"]:  # type: ignore[index]
        variant = f"{variant} {found['budget'].upper()}"  # type: ignore[index]
    name = name[: by_name.start()].strip(" -(") if by_name else name
    model_id = model_id[: by_id.start()] if by_id else model_id
    return name, model_id, replace(marks, variant=variant)


def _strip_fast(name, model_id, marks):
    """A fast mode, where the name says so in parentheses ("Claude Opus 4.7 (Fast)") or
    only the id does: "Grok 4.1 Fast", a lab's name for a model of its own, stays."""
    by_name = FAST_MODE.search(name.casefold())
    by_id = FAST_MODE.search(model_id.casefold())
    if not (by_name or by_id):
        return None
    if by_name and " " in name.strip() and not by_name.group().rstrip().endswith(")"):
        return None  # a word of a display name
    name = name[: by_name.start()].strip(" -(") if by_name else name
    model_id = model_id[: by_id.start()] if by_id else model_id
    return name, model_id, replace(marks, fast=True)


def served_model_key(name):
    """A model's name as the identity rules read it, less its serving marks: "Llama 3.3 70B
    Instruct FP8 Fast" (the real catalog's Cloudflare entry) is "Llama 3.3 70B Instruct"
    quantised and served fast. A fast mode counts as a mark only after another mark:
    "Grok 4 Fast" is a model of its own."""
    entry = parse_entry(name, "")
    fast = FAST_MODE.search(entry.name.casefold())
    if fast and not entry.marks.quantization:
        marked = parse_entry(entry.name[: fast.start()], "")
        if marked.marks.quantization:
            entry = marked
    return name_key(entry.name)


# What is not a language model, by the source's own family first, then its name.
NOT_LANGUAGE_FAMILIES = {
    "embedding model": ("embed", "bge", "voyage", "e5"),
    "reranker": ("rerank",),
    "speech-to-text model": ("whisper", "voxtral-mini-transcribe", "smart-turn"),
    "text-to-speech model": ("tts", "melotts", "aura"),
    "music generator": ("lyria",),
    "image generator": ("gpt-image", "nano-banana", "flux", "stable-diffusion", "imagen"),
    "classifier": ("distilbert",),
    "translation model": ("m2m", "indictrans"),
    "summarization model": ("bart",),
}
NOT_LANGUAGE_NAMES = {
    "embedding model": re.compile(r"embed|\bbge\b|\be5\b|\bgte\b", re.IGNORECASE),
    "reranker": re.compile(r"rerank", re.IGNORECASE),
    "speech-to-text model": re.compile(
        r"\bwhisper\b|transcri|speech[- ]to[- ]text|\basr\b|parakeet|canary|\bdeepgram\b",
        re.IGNORECASE,
    ),
    "text-to-speech model": re.compile(
        r"\btts\b|text[- ]to[- ]speech|\bvoice(chat)?\b|\bspeech\b", re.IGNORECASE
    ),
    "image generator": re.compile(
        r"\bimage gen|\bdall-?e\b|stable[- ]diffusion|\bsdxl\b|\bflux\b|\bimagen\b", re.IGNORECASE
    ),
    "music generator": re.compile(r"\blyria\b|\bmusic\b", re.IGNORECASE),
    "video generator": re.compile(r"\bveo\b|\bsora\b|video gen", re.IGNORECASE),
    "perception model": re.compile(
        r"detection|\bbevformer\b|\bsegment|\byolo\b|\bclip\b|\bsiglip\b|\bocr\b(?!.*\bvl)",
        re.IGNORECASE,
    ),
    "biology model": re.compile(r"\besm(2|fold)?\b|\balphafold\b|\bevo2\b|\bprotein", re.I),
    "classifier": re.compile(r"\bsst-2\b|\bclassifier\b|\bsentiment\b", re.IGNORECASE),
    "summarization model": re.compile(r"\bbart\b", re.IGNORECASE),
    "translation model": re.compile(r"\bm2m\b|\bindictrans\b|\bnllb\b", re.IGNORECASE),
}
# Safety classifiers that read and write text are language models, and stay.
SAFETY_LANGUAGE_MODELS = re.compile(r"\bguard\b|\bsafety\b|\bsafeguard\b", re.IGNORECASE)
ROUTER_FAMILIES = {"auto", "model-router", "router"}
ROUTER_NAMES = re.compile(
    r"\brouter\b|\bauto\b|^switchpoint\b|^body builder\b|\broute[- ]?llm\b", re.IGNORECASE
)


def not_a_model(name, model_id="", family="", outputs=(), inputs=()):
    """Why an entry is not a language model ("an embedding model", "a router: it picks
    a model for each request"), or "" when it is one. The source's own fields first
    (its output and input modalities, its family), its name and id only as a last resort.
    A model that reads no text (NVIDIA's SparseDrive reads video, Grok STT audio) is a
    perception or speech-to-text model, whatever it writes."""
    outputs, inputs = tuple(outputs), tuple(inputs)
    if outputs and "text" not in outputs:
        return f"not a language model: its output is {', '.join(map(str, outputs))}"
    if inputs and "text" not in inputs:
        return f"not a language model: it reads {', '.join(map(str, inputs))}, not text"
    family = (family or "").casefold()
    if family in ROUTER_FAMILIES or (family and family.startswith("auto")):
        return "a router: it picks a model for each request, it is not one"
    if ROUTER_NAMES.search(clean_name(name)) or model_id.rsplit("/", 1)[-1] in ("auto", "free"):
        return "a router: it picks a model for each request, it is not one"
    if SAFETY_LANGUAGE_MODELS.search(name):
        return ""
    if "image" in outputs:
        return "not a language model: an image generator"
    for kind, stems in NOT_LANGUAGE_FAMILIES.items():
        if any(stem in family for stem in stems):
            return f"not a language model: a{'n' if kind[0] in 'aeiou' else ''} {kind}"
    text = f"{name} {model_id.rsplit('/', 1)[-1]}"
    for kind, pattern in NOT_LANGUAGE_NAMES.items():
        if pattern.search(text):
            return f"not a language model: a{'n' if kind[0] in 'aeiou' else ''} {kind}"
    return ""


def moving_alias(model_id):
    """An alias that stands for whatever model is newest ("~anthropic/claude-opus-latest")."""
    return model_id.startswith("~") or "/~" in model_id


def names_no_version(name, model_id):
    """A "latest" alias that names no version ("claude-opus-latest", "Kimi Latest"): it
    stands for whichever model is newest, unless a model goes by that very name."""
    if not is_latest_alias(name, model_id):
        return False
    rest = f"{without_latest(name)} {without_latest(model_id.rsplit('/', 1)[-1])}"
    return not re.search(r"\d", rest)


CANONICAL_DATE = re.compile(r"-(?P<date>20\d\d-?[01]\d-?[0-3]\d|[0-3]\d\d\d|[01]\d-20\d\d)$")


def canonical_aliases(models):
    """A lab's canonical files that are another file's model: alias key → (primary key,
    the snapshot it pins or ""). `models`: (key "lab/id", name, weights) triples.

    - A "(latest)" alias ("Claude Opus 4.5 (latest)", "mistral-large-latest") is the
      lab's model of the same name, else the one model sharing its Hugging Face weights
      ("Mistral Large (latest)" → Mistral Large 3).
    - A dated id ("gpt-4o-2024-08-06", "step-3.5-flash-2603") is the lab's model whose id
      it dates, where the names agree or the weights are the same.
    """
    by_lab = {}
    for key, name, weights in models:
        lab, _, model_id = key.partition("/")
        by_lab.setdefault(lab, []).append((key, model_id, name, tuple(weights)))
    aliases = {}
    for files in by_lab.values():
        latest = {key for key, model_id, name, _ in files if is_latest_alias(name, model_id)}
        for key, model_id, name, weights in files:
            if key in latest:
                target = _same_model(files, latest | {key}, name, weights)
                if target:
                    aliases[key] = (target, "")
                continue
            match = CANONICAL_DATE.search(model_id)
            if not match:
                continue
            stem = model_id[: match.start()]
            for other, other_id, other_name, other_weights in files:
                if other == key or other_id not in (stem, f"{stem}-0", f"{stem}-latest"):
                    continue
                same_name = name_key(_undated(name)) == name_key(without_latest(other_name))
                if same_name or (weights and weights == other_weights):
                    aliases[other if other in latest else key] = (
                        (key, "") if other in latest else (other, match["date"])
                    )
    # An alias of an alias is the final model's.
    for key, (target, snapshot) in list(aliases.items()):
        while target in aliases and aliases[target][0] != key:
            target = aliases[target][0]
        aliases[key] = (target, snapshot)
    return aliases


def _same_model(files, excluded, name, weights):
    stem = name_key(without_latest(name))
    named = [key for key, _, other, _ in files if key not in excluded and name_key(other) == stem]
    if len(named) == 1:
        return named[0]
    shared = [
        key for key, _, _, other in files if key not in excluded and weights and other == weights
    ]
    return shared[0] if len(shared) == 1 else ""


def _undated(name):
    return re.sub(r"\s*\((?:20\d\d-[01]\d-[0-3]\d|[01]\d-20\d\d)\)$", "", name).strip()
