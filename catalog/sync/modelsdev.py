"""models.dev: a tree of TOML files, read in place; or its two public documents, read by
URL (`read_documents`).

- `models/<lab>/<id>.toml`: canonical models (key "<lab>/<id>").
- `providers/<id>/provider.toml`: a provider.
- `providers/<id>/models/**/<model>.toml`: a model on that provider (route key
  "<provider>/<path>"), possibly naming a canonical model in `base_model` and inheriting
  its fields, less those listed in `base_model_omit`.

The tree has links among its files: real symbolic links, or, in a checkout without them,
one-line files holding the relative path of their target. Both are followed, but only
within the tree; a link to nothing (dangling) or outside the tree is skipped with that
reason, and so is a file that is not TOML. Nothing read can run code: `tomllib` only
parses.

By URL, https://models.dev/api.json holds the providers, each with its models already merged
with their `base_model` (which the document no longer names), and
https://models.dev/models.json the canonical models (`models/`), as models.dev's generator
writes them (packages/core/src/generate.ts). A provider's model is taken to be the canonical
model whose key is its id, or its provider's key and its id ("moonshotai/kimi-k2.5" at
Novita, "openai/gpt-5" at OpenAI), as models.dev's own pages find it; its other models are
told by name, as any provider's entry is. Both read the same snapshot alike
(tests/catalog/sync/test_modelsdev_documents.py) but for that, and for what only the files'
comments say (`stated_cost_unit`).
"""

import hashlib
import json
import re
import tomllib
from dataclasses import replace
from pathlib import Path

from catalog.sync.snapshot import (
    MODELSDEV,
    ContextTier,
    Prices,
    Snapshot,
    SourceError,
    SourceModel,
    SourceProvider,
    SourceRoute,
    SourceScore,
    parse_day,
    parse_partial_day,
    positive_int,
    price,
    score_value,
)

MAX_FILE_BYTES = 1_000_000
MAX_LINK_HOPS = 8
SITE = "https://models.dev"

# What the capability flags of models.dev state, as our capability slugs. Only what a
# source says is mapped; anything else stays unknown.
FLAG_CAPABILITIES = {
    "tool_call": ("function-calling", "tool-use"),
    "structured_output": ("structured-outputs",),
    "reasoning": ("reasoning",),
}
# Service modes models.dev prices under `experimental.modes.<name>`.
MODES = {"fast": "fast", "batch": "batch", "flex": "flex", "priority": "priority"}


def read_tree(root):
    """A Snapshot of the models.dev tree at `root` (a folder holding models/ and providers/)."""
    root = Path(root).resolve()
    if not (root / "providers").is_dir():
        raise SourceError(f"{root} holds no providers/ folder: not a models.dev tree.")
    snapshot = Snapshot(source=MODELSDEV, location=str(root))
    digest = hashlib.sha256()
    reader = TreeReader(root, snapshot, digest)

    canonical = {}
    for path in sorted((root / "models").rglob("*.toml")):
        key = path.relative_to(root / "models").with_suffix("").as_posix()
        data = reader.read(path)
        if data is None:
            continue
        if read_canonical(key, data, reader.ref(path), snapshot):
            canonical[key] = data

    for folder in sorted(path for path in (root / "providers").iterdir() if path.is_dir()):
        read_provider(folder, reader, canonical, snapshot)
    snapshot.content_hash = digest.hexdigest()
    return snapshot


def read_documents(api_raw, models_raw, location):
    """A Snapshot of models.dev's api.json (`api_raw`) and models.json (`models_raw`), the
    bytes fetched from `location` and beside it."""
    snapshot = Snapshot(source=MODELSDEV, location=str(location))
    providers, models = json_object(api_raw, "api.json"), json_object(models_raw, "models.json")
    canonical = {}
    for key, data in sorted(models.items()):
        ref = f"models.json#{key}"
        if not isinstance(data, dict):
            snapshot.skip(ref, "a model that is not an object")
            continue
        if read_canonical(key, data, ref, snapshot):
            canonical[key] = data
    for provider_key, provider in sorted(providers.items()):
        ref = f"api.json#{provider_key}"
        if not isinstance(provider, dict):
            snapshot.skip(ref, "a provider that is not an object")
            continue
        entries = provider.get("models") or {}
        if not add_provider(provider_key, provider, ref, snapshot) or not isinstance(entries, dict):
            continue
        for model_id, data in sorted(entries.items()):
            model_ref = f"{ref}/{model_id}"
            if not isinstance(data, dict):
                snapshot.skip(model_ref, "a model that is not an object")
                continue
            base_key = base_of(provider_key, model_id, canonical)
            try:
                route = routes_of(provider_key, model_id, data, base_key)
            except SourceError as error:
                snapshot.skip(model_ref, str(error))
                continue
            if output_is_text(route.merged, model_ref, snapshot):
                snapshot.routes.extend(route.routes)
    snapshot.content_hash = hashlib.sha256(api_raw + b"\0" + models_raw).hexdigest()
    return snapshot


def base_of(provider_key, model_id, canonical):
    """The canonical model an api.json entry (merged with its base_model, which it no longer
    names) is of, as models.dev's own pages resolve it: the one its id names, or its
    provider's key and its id; else "" (the identity rules tell it by name)."""
    return next((key for key in (model_id, f"{provider_key}/{model_id}") if key in canonical), "")


def json_object(raw, name):
    """The JSON object of a document, or SourceError saying what it is instead."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{name} is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise SourceError(f"{name} is not a JSON object of models.dev's")
    return data


def read_canonical(key, data, ref, snapshot):
    """Add the canonical model `key` (a file of models/, or an entry of models.json) and its
    benchmark scores; False when it is skipped (saying why)."""
    try:
        model = source_model(key, data, organization=key.split("/")[0])
    except SourceError as error:
        snapshot.skip(ref, str(error))
        skip_scores(data, ref, snapshot, "its model's file is skipped")
        return False
    if output_is_text(data, ref, snapshot):
        snapshot.models.append(replace(model, scores=benchmark_scores(data, ref, snapshot)))
    else:
        skip_scores(data, ref, snapshot, "its model is not a language model")
    return True


def add_provider(provider_key, data, ref, snapshot):
    """Add the provider `provider_key` (its provider.toml, or its entry of api.json); False
    when it is skipped (saying why)."""
    name = str(data.get("name") or "").strip()
    if not name:
        snapshot.skip(ref, "a provider without a name")
        return False
    snapshot.providers.append(
        SourceProvider(
            key=provider_key,
            name=name,
            website=str(data.get("doc") or ""),
            source_url=f"{SITE}/providers/{provider_key}",
        )
    )
    return True


class TreeReader:
    """Reads TOML files of the tree, following links within it, hashing what it read."""

    def __init__(self, root, snapshot, digest):
        self.root = root
        self.snapshot = snapshot
        self.digest = digest

    def ref(self, path):
        return Path(path).relative_to(self.root).as_posix()

    def read(self, path):
        """The TOML data of `path`, or None after recording why it was skipped."""
        data, _ = self.read_with_text(path)
        return data

    def read_with_text(self, path):
        """The TOML data of `path` and its text (its comments say what the data cannot),
        or (None, "") after recording why it was skipped."""
        try:
            raw = self.follow(path)
            text = raw.decode("utf-8")
            data = tomllib.loads(text)
        except SourceError as error:
            self.snapshot.skip(self.ref(path), str(error))
            return None, ""
        except UnicodeDecodeError:
            self.snapshot.skip(self.ref(path), "not UTF-8 text")
            return None, ""
        except tomllib.TOMLDecodeError as error:
            self.snapshot.skip(self.ref(path), f"unparseable TOML: {error}")
            return None, ""
        self.digest.update(self.ref(path).encode() + b"\0" + raw + b"\0")
        return data, text

    def follow(self, path):
        """The bytes of `path` after following its links (symbolic, or one-line files)."""
        current = Path(path)
        for _ in range(MAX_LINK_HOPS):
            if current.is_symlink():
                target = current.parent / current.readlink()
                current = self.within_tree(target, current.readlink().as_posix())
                continue
            if current.stat().st_size > MAX_FILE_BYTES:
                raise SourceError(f"larger than {MAX_FILE_BYTES:,} bytes")
            raw = current.read_bytes()
            link = link_text(raw)
            if link is None:
                return raw
            current = self.within_tree(current.parent / link, link)
        raise SourceError(f"more than {MAX_LINK_HOPS} links in a row")

    def within_tree(self, target, written):
        resolved = Path(target).resolve()
        if not resolved.is_relative_to(self.root):
            raise SourceError(f"a link to outside the tree: {written}")
        if not resolved.is_file():
            raise SourceError(f"a dangling link: its target {written} does not exist")
        return resolved


def link_text(raw):
    """The target a one-line link file names ("../../azure/models/x.toml"), else None."""
    if len(raw) > 1_000 or b"\n" in raw.strip() or b"=" in raw:
        return None
    text = raw.decode("utf-8", errors="replace").strip()
    return text if text.endswith(".toml") else None


def read_provider(folder, reader, canonical, snapshot):
    provider_key = folder.name
    data = reader.read(folder / "provider.toml") if (folder / "provider.toml").exists() else None
    if data is None:
        if not (folder / "provider.toml").exists():
            snapshot.skip(reader.ref(folder), "no provider.toml")
        return
    if not add_provider(provider_key, data, reader.ref(folder / "provider.toml"), snapshot):
        return
    models_folder = folder / "models"
    if not models_folder.is_dir():
        return
    for path in sorted(models_folder.rglob("*.toml")):
        ref = reader.ref(path)
        data, text = reader.read_with_text(path)
        if data is None:
            continue
        model_id = path.relative_to(models_folder).with_suffix("").as_posix()
        try:
            route = source_route(provider_key, model_id, data, canonical)
        except SourceError as error:
            snapshot.skip(ref, str(error))
            continue
        if unit := stated_cost_unit(text):
            route = route.without_base_prices()
            snapshot.skip(
                ref,
                f"its prices are per {unit}, as a comment in the file says, not per token: "
                "the route is kept with no price",
            )
        if output_is_text(route.merged, ref, snapshot):
            snapshot.routes.extend(route.routes)


def output_is_text(data, ref, snapshot):
    """The catalog holds language models: an entry whose output is not text is skipped."""
    outputs = (data.get("modalities") or {}).get("output") or ["text"]
    if "text" in outputs:
        return True
    snapshot.skip(ref, f"not a language model: its output is {', '.join(map(str, outputs))}")
    return False


class ParsedRoute:
    def __init__(self, merged, routes):
        self.merged = merged
        self.routes = routes

    def without_base_prices(self):
        """The routes with no price where the file's own [cost] table states them (its
        service modes' tables are their own)."""
        first, *others = self.routes
        return ParsedRoute(self.merged, [replace(first, prices=Prices(), tiers=()), *others])


COST_TABLE = re.compile(r"^\[cost\][ \t]*$(?P<body>.*?)(?=^\[|\Z)", re.MULTILINE | re.DOTALL)
PER_UNIT_COMMENT = re.compile(r"^[ \t]*#[ \t]*per[ \t]+(?P<unit>[^\n]+?)[ \t]*$", re.MULTILINE)


def stated_cost_unit(text):
    """The unit a file's [cost] table says on a comment line of its own that its prices are
    in, other than tokens ("audio minute": evroc's Voxtral Small, whose 0.0023 is per audio
    minute, not per 1M tokens); "" when it says none. TOML parsers drop comments: the text
    is read for it."""
    table = COST_TABLE.search(text)
    if table is None:
        return ""
    for comment in PER_UNIT_COMMENT.finditer(table.group("body")):
        unit = comment.group("unit").strip().lower()
        if "token" not in unit:
            return unit
    return ""


# What a provider's model does not inherit from its base_model: the canonical model's own
# (models.dev's generator, `inheritableModelMetadata`).
NOT_INHERITED = ("id", "benchmarks", "license", "links", "weights")


def merged_with_base(data, base, omit):
    """`base` overlaid by `data`, tables merged at every depth, less the dotted paths `omit`
    and what is not inherited, as models.dev's generator merges them (`mergeDeep`)."""
    inherited = {key: value for key, value in base.items() if key not in NOT_INHERITED}
    return deep_merged(without(inherited, omit), data)


def without(table, omit):
    """`table` less the dotted paths `omit` ("cost.cache_read")."""
    kept = {}
    for key, value in table.items():
        if key in omit:
            continue
        if isinstance(value, dict):
            prefix = f"{key}."
            value = without(
                value, {path.removeprefix(prefix) for path in omit if path.startswith(prefix)}
            )
        kept[key] = value
    return kept


def deep_merged(base, overrides):
    merged = dict(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = deep_merged(merged[key], value)
        else:
            merged[key] = value
    return merged


def source_route(provider_key, model_id, data, canonical):
    """The routes of a provider's model file (`data`), merged with the canonical model its
    `base_model` names."""
    base_key = str(data.get("base_model") or "")
    merged = data
    if base_key:
        if base_key not in canonical:
            raise SourceError(f"its base_model {base_key} is not a model of the tree")
        omit = {str(path) for path in data.get("base_model_omit") or ()}
        merged = merged_with_base(data, canonical[base_key], omit)
    return routes_of(provider_key, model_id, merged, base_key)


def routes_of(provider_key, model_id, merged, base_key):
    """The routes of a provider's model (`merged` with its canonical model `base_key`, if
    any): the standard way of buying, and each service mode it prices."""
    organization = base_key.split("/")[0] if base_key else organization_folder(model_id)
    model = source_model(f"{provider_key}/{model_id}", merged, organization)
    cost = merged.get("cost") or {}
    if not isinstance(cost, dict):
        raise SourceError("its cost is not a table")
    key = f"{provider_key}/{model_id}"
    common = {
        "provider": provider_key,
        "provider_model_id": model_id,
        "model": model,
        "base_key": base_key,
        "deprecated": model.deprecated,
        "source_url": f"{SITE}/providers/{provider_key}",
    }
    routes = [SourceRoute(key=key, prices=prices_of(cost), tiers=context_tiers(cost), **common)]
    modes = (merged.get("experimental") or {}).get("modes") or {}
    for name, mode in sorted(modes.items()) if isinstance(modes, dict) else ():
        if name in MODES and isinstance(mode, dict) and isinstance(mode.get("cost"), dict):
            routes.append(
                SourceRoute(
                    key=f"{key}#{name}",
                    service_mode=MODES[name],
                    prices=prices_of(mode["cost"]),
                    **common,
                )
            )
    return ParsedRoute(merged, routes)


def organization_folder(model_id):
    """The folder a provider files a model under ("moonshotai/Kimi-K2.5" → "moonshotai"),
    "" when the file sits at the top of the provider's models."""
    parts = model_id.split("/")
    return parts[-2].lstrip("@") if len(parts) > 1 else ""


def prices_of(cost):
    return Prices(
        input=price(cost.get("input")),
        output=price(cost.get("output")),
        cached_input=price(cost.get("cache_read")),
        cache_write=price(cost.get("cache_write")),
    )


def context_tiers(cost):
    tiers = []
    for tier in cost.get("tiers") or ():
        if not isinstance(tier, dict):
            raise SourceError("a cost tier that is not a table")
        kind = tier.get("tier") or {}
        # A tier with a size and no type is a context tier (the schema's only kind).
        if not isinstance(kind, dict) or kind.get("type", "context") != "context":
            raise SourceError(f"a cost tier of an unknown kind: {kind!r}")
        size = positive_int(kind.get("size"), "a context tier's size")
        if size is None:
            raise SourceError("a context tier without a size")
        tiers.append(ContextTier(above_tokens=size, prices=prices_of(tier)))
    return tuple(sorted(tiers, key=lambda tier: tier.above_tokens))


def capabilities(data):
    stated = {}
    for flag, slugs in FLAG_CAPABILITIES.items():
        if isinstance(data.get(flag), bool):
            for slug in slugs:
                stated[slug] = "yes" if data[flag] else "no"
    inputs = (data.get("modalities") or {}).get("input")
    if isinstance(inputs, list) and inputs:
        stated["vision"] = "yes" if "image" in inputs else "no"
        stated["multimodal"] = "yes" if set(inputs) - {"text"} else "no"
    return stated


def source_model(key, data, organization):
    name = str(data.get("name") or "").strip()
    if not name:
        raise SourceError("a model without a name")
    limit = data.get("limit") or {}
    if not isinstance(limit, dict):
        raise SourceError("its limit is not a table")
    inputs = (data.get("modalities") or {}).get("input") or ()
    outputs = (data.get("modalities") or {}).get("output") or ()
    license_name = data.get("license")
    released_on, released_precision = parse_partial_day(data.get("release_date"))
    knowledge_cutoff, knowledge_precision = parse_partial_day(data.get("knowledge"))
    modes = (data.get("experimental") or {}).get("modes") or {}
    return SourceModel(
        key=key,
        name=name,
        organization=organization,
        family=str(data.get("family") or ""),
        released_on=released_on,
        released_precision=released_precision,
        upstream_updated_on=parse_day(data.get("last_updated")),
        knowledge_cutoff=knowledge_cutoff,
        knowledge_precision=knowledge_precision,
        open_weights=data["open_weights"] if isinstance(data.get("open_weights"), bool) else None,
        license_name=str(license_name) if isinstance(license_name, str) else "",
        context_window=positive_int(limit.get("context"), "the context window"),
        max_output_tokens=positive_int(limit.get("output"), "the output limit"),
        input_modalities=tuple(str(kind) for kind in inputs) if isinstance(inputs, list) else (),
        capabilities=capabilities(data),
        deprecated=data.get("status") == "deprecated",
        source_url=f"{SITE}/models/{key}" if "/" in key else SITE,
        outputs=tuple(str(kind) for kind in outputs) if isinstance(outputs, list) else (),
        weights=weights(data),
        service_modes=tuple(sorted(modes)) if isinstance(modes, dict) else (),
    )


HUGGING_FACE = "https://huggingface.co/"


def weights(data):
    """The Hugging Face ids its `[[weights]]` link to ("deepseek-ai/DeepSeek-V3.2")."""
    found = []
    for entry in data.get("weights") or ():
        url = entry.get("url") if isinstance(entry, dict) else None
        if isinstance(url, str) and url.startswith(HUGGING_FACE):
            path = url.removeprefix(HUGGING_FACE).strip("/").split("/")
            if len(path) >= 2:
                found.append("/".join(path[:2]))
    return tuple(found)


def benchmark_entries(data):
    """The file's `[[benchmarks]]`: a list of tables (anything else is one bad entry)."""
    entries = data.get("benchmarks")
    if entries is None:
        return []
    return list(entries) if isinstance(entries, list) else [entries]


def benchmark_scores(data, ref, snapshot):
    """The `[[benchmarks]]` of a canonical file; an entry that cannot be read is skipped,
    saying why (its reference: "models/zhipuai/glm-5.toml#benchmarks[2]")."""
    scores = []
    for index, entry in enumerate(benchmark_entries(data)):
        try:
            scores.append(source_score(entry))
        except SourceError as error:
            snapshot.skip(f"{ref}#benchmarks[{index}]", str(error))
    return tuple(scores)


def skip_scores(data, ref, snapshot, reason):
    for index, _ in enumerate(benchmark_entries(data)):
        snapshot.skip(f"{ref}#benchmarks[{index}]", f"a benchmark score not read: {reason}")


def text_of(entry, key, limit):
    value = entry.get(key)
    if value is None:
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise SourceError(f"its {key} is not text: {value!r}")
    return str(value).strip()[:limit]


def source_score(entry):
    """One `[[benchmarks]]` entry: `name`, `score`, `metric`, and where stated `harness`,
    `variant`, `dataset`, `version`, `source` (the page it cites) and `date`."""
    if not isinstance(entry, dict):
        raise SourceError("a benchmark entry that is not a table")
    name = text_of(entry, "name", 120)
    if not name:
        raise SourceError("a benchmark score without a benchmark name")
    source = text_of(entry, "source", 500)
    if source and not source.startswith(("https://", "http://")):
        raise SourceError(f"a benchmark score whose source is not a web page: {source!r}")
    return SourceScore(
        benchmark=name,
        value=score_value(entry.get("score")),
        metric=text_of(entry, "metric", 60),
        harness=text_of(entry, "harness", 120),
        variant=text_of(entry, "variant", 60),
        dataset=text_of(entry, "dataset", 60),
        version=text_of(entry, "version", 30),
        source_url=source,
        measured_on=parse_day(entry.get("date")),
    )
