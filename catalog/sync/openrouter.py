"""OpenRouter's model list (`/api/v1/models`): one JSON document, prices per token as text.

Each entry is a model OpenRouter serves: one route at the provider "openrouter". What its
`supported_parameters` lists is a capability it states; what it leaves out stays unknown
(the list names what one provider supports, not what the model lacks).
"""

import hashlib
import json

from catalog.sync.snapshot import (
    OPENROUTER,
    Prices,
    Snapshot,
    SourceError,
    SourceModel,
    SourceProvider,
    SourceRoute,
    parse_day,
    positive_int,
    price,
)

PROVIDER = SourceProvider(
    key="openrouter",
    name="OpenRouter",
    website="https://openrouter.ai",
    source_url="https://openrouter.ai/models",
)
PER_TOKEN_TO_PER_MILLION = 1_000_000
PARAMETER_CAPABILITIES = {
    "tools": ("function-calling", "tool-use"),
    "structured_outputs": ("structured-outputs",),
    "reasoning": ("reasoning",),
}


def read_document(raw, location):
    """A Snapshot of OpenRouter's model list, from the bytes of the JSON document."""
    try:
        document = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"not a JSON document: {error}") from None
    entries = document.get("data") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise SourceError('no "data" list: not an OpenRouter model list.')
    snapshot = Snapshot(
        source=OPENROUTER, location=location, content_hash=hashlib.sha256(raw).hexdigest()
    )
    snapshot.providers.append(PROVIDER)
    for index, entry in enumerate(entries):
        ref = entry.get("id") if isinstance(entry, dict) else None
        ref = str(ref or f"data[{index}]")
        if not isinstance(entry, dict):
            snapshot.skip(ref, "an entry that is not an object")
            continue
        outputs = (entry.get("architecture") or {}).get("output_modalities") or ["text"]
        if "text" not in outputs:
            snapshot.skip(ref, f"not a language model: its output is {', '.join(outputs)}")
            continue
        try:
            snapshot.routes.append(route(entry))
        except SourceError as error:
            snapshot.skip(ref, str(error))
    return snapshot


def display_name(name):
    """ "Anthropic: Claude Opus 4.7 (Fast)" → "Claude Opus 4.7 (Fast)"."""
    maker, separator, rest = name.partition(": ")
    return rest.strip() if separator and rest.strip() else name.strip()


def route(entry):
    model_id = str(entry.get("id") or "").strip()
    if not model_id:
        raise SourceError("an entry without an id")
    name = display_name(str(entry.get("name") or ""))
    if not name:
        raise SourceError("an entry without a name")
    pricing = entry.get("pricing") or {}
    if not isinstance(pricing, dict):
        raise SourceError("its pricing is not an object")
    stated_inputs = (entry.get("architecture") or {}).get("input_modalities")
    inputs = tuple(map(str, stated_inputs)) if isinstance(stated_inputs, list) else ()
    stated = {}
    for parameter, slugs in PARAMETER_CAPABILITIES.items():
        if parameter in (entry.get("supported_parameters") or ()):
            stated.update(dict.fromkeys(slugs, "yes"))
    if inputs:
        stated["vision"] = "yes" if "image" in inputs else "no"
        stated["multimodal"] = "yes" if set(inputs) - {"text"} else "no"
    slug = str(entry.get("canonical_slug") or model_id)
    top = entry.get("top_provider") or {}
    hugging_face = str(entry.get("hugging_face_id") or "").strip()
    model = SourceModel(
        key=slug,
        name=name,
        organization=model_id.split("/")[0] if "/" in model_id else "",
        weights=(hugging_face,) if hugging_face.count("/") == 1 else (),
        outputs=tuple(
            str(kind) for kind in (entry.get("architecture") or {}).get("output_modalities") or ()
        ),
        knowledge_cutoff=parse_day(entry.get("knowledge_cutoff")),
        context_window=positive_int(entry.get("context_length"), "the context length"),
        max_output_tokens=positive_int(
            top.get("max_completion_tokens") if isinstance(top, dict) else None,
            "the completion limit",
        ),
        input_modalities=inputs,
        capabilities=stated,
        source_url=f"https://openrouter.ai/{model_id}",
    )
    return SourceRoute(
        key=model_id,
        provider=PROVIDER.key,
        provider_model_id=model_id,
        model=model,
        prices=Prices(
            input=price(pricing.get("prompt"), PER_TOKEN_TO_PER_MILLION),
            output=price(pricing.get("completion"), PER_TOKEN_TO_PER_MILLION),
            cached_input=price(pricing.get("input_cache_read"), PER_TOKEN_TO_PER_MILLION),
            cache_write=price(pricing.get("input_cache_write"), PER_TOKEN_TO_PER_MILLION),
        ),
        retires_on=parse_day(entry.get("expiration_date")),
        source_url=f"https://openrouter.ai/{model_id}",
    )
