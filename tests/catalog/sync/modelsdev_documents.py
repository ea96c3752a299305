"""models.dev's two public documents written from a tree of its TOML files, as its generator
writes them (anomalyco/models.dev, packages/core/src/generate.ts and
packages/web/script/build.ts): `api.json`, each provider with its models merged with their
`base_model` (which the document then no longer names), and `models.json`, the canonical
models. For tests: a fixture tree, and the documents a URL sync reads of it."""

import copy
import json
import tomllib
from pathlib import Path

from catalog.sync.modelsdev import link_text

NOT_INHERITED = ("id", "benchmarks", "license", "links", "weights")  # inheritableModelMetadata


def merge_deep(base, overrides):
    """remeda's mergeDeep: tables merged at every depth, anything else replaced."""
    merged = dict(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_deep(merged[key], value)
        else:
            merged[key] = value
    return merged


def apply_omit(table, paths):
    for path in paths:
        *parents, last = path.split(".")
        current = table
        for part in parents:
            current = current.get(part)
            if not isinstance(current, dict):
                break
        else:
            current.pop(last, None)


def toml_files(folder):
    return sorted(Path(folder).rglob("*.toml")) if Path(folder).is_dir() else []


def read_toml(path):
    """A file's TOML, its links followed (a checkout without symbolic links keeps them as
    one-line files); None for a link to nothing or a file that is not TOML, which the
    generator's checkout would not hold."""
    for _ in range(8):
        if not path.exists():
            return None
        text = path.read_text()
        target = link_text(text.encode())
        if target is None:
            break
        path = path.parent / target
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


def generate(root):
    """(providers, models): what api.json and models.json hold for the tree at `root`."""
    root = Path(root)
    models = {}
    for path in toml_files(root / "models"):
        key = path.relative_to(root / "models").with_suffix("").as_posix()
        data = read_toml(path)
        if data is not None:
            models[key] = {**data, "id": key}
    providers = {}
    for provider_file in sorted((root / "providers").glob("*/provider.toml")):
        provider_id = provider_file.parent.name
        provider = {**(read_toml(provider_file) or {}), "id": provider_id, "models": {}}
        folder = provider_file.parent / "models"
        for path in toml_files(folder):
            model_id = path.relative_to(folder).with_suffix("").as_posix()
            data = read_toml(path)
            if data is None or data.get("base_model", "") not in ("", *models):
                continue
            entry = {**data, "id": model_id}
            if "base_model" in entry:
                base = models[entry.pop("base_model")]
                omit = entry.pop("base_model_omit", [])
                inherited = {k: v for k, v in base.items() if k not in NOT_INHERITED}
                entry = copy.deepcopy(merge_deep(inherited, entry))  # structuredClone
                apply_omit(entry, omit)
            provider["models"][model_id] = entry
        providers[provider_id] = provider
    return providers, models


def write_documents(root, folder):
    """api.json and models.json of the tree at `root`, written into `folder`."""
    providers, models = generate(root)
    (Path(folder) / "api.json").write_text(json.dumps(providers))
    (Path(folder) / "models.json").write_text(json.dumps(models))
