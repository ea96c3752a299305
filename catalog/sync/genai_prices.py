"""pydantic's genai-prices: per-provider YAML files (`prices/providers/*.yml`) or their
compiled `data.json`, with prices per 1M tokens, context tiers, and dated prices
(`constraint.start_date`): the price history from before we kept one.

genai-prices states prices, not models: its entries only ever price routes the catalog
already holds (matched by provider and the provider's model id). YAML is read with
`yaml.safe_load`, which builds plain data and never runs code.
"""

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import yaml

from catalog.sync.snapshot import (
    GENAI_PRICES,
    ContextTier,
    DatedPrices,
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

MAX_FILE_BYTES = 5_000_000
PRICE_KEYS = {
    "input_mtok": "input",
    "output_mtok": "output",
    "cache_read_mtok": "cached_input",
    "cache_write_mtok": "cache_write",
}


def read_folder(root):
    """A Snapshot of the YAML files under `root` (`prices/`, or a folder holding it)."""
    root = Path(root).resolve()
    folder = root / "providers" if (root / "providers").is_dir() else root / "prices" / "providers"
    if not folder.is_dir():
        raise SourceError(f"{root} holds no providers/ folder of YAML files: not genai-prices.")
    snapshot = Snapshot(source=GENAI_PRICES, location=str(root))
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.yml")):
        ref = path.relative_to(root).as_posix()
        if path.is_symlink() or not path.resolve().is_relative_to(root):
            snapshot.skip(ref, "a link: only the folder's own files are read")
            continue
        if path.stat().st_size > MAX_FILE_BYTES:
            snapshot.skip(ref, f"larger than {MAX_FILE_BYTES:,} bytes")
            continue
        raw = path.read_bytes()
        digest.update(ref.encode() + b"\0" + raw + b"\0")
        try:
            data = yaml.safe_load(raw)
        except yaml.YAMLError as error:
            snapshot.skip(ref, f"unparseable YAML: {error}")
            continue
        read_provider(data, ref, snapshot)
    snapshot.content_hash = digest.hexdigest()
    return snapshot


def read_document(raw, location):
    """A Snapshot of genai-prices' `data.json` (a list of providers), from its bytes."""
    try:
        providers = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"not a JSON document: {error}") from None
    if not isinstance(providers, list):
        raise SourceError("not a list of providers: not genai-prices' data.json.")
    snapshot = Snapshot(
        source=GENAI_PRICES, location=location, content_hash=hashlib.sha256(raw).hexdigest()
    )
    for index, data in enumerate(providers):
        read_provider(data, f"[{index}]", snapshot)
    return snapshot


def read_provider(data, ref, snapshot):
    if not isinstance(data, dict) or not data.get("id") or not data.get("name"):
        snapshot.skip(ref, "not a provider: it needs an id and a name")
        return
    key = str(data["id"])
    urls = data.get("pricing_urls") or []
    source_url = str(urls[0]) if isinstance(urls, list) and urls else ""
    snapshot.providers.append(
        SourceProvider(key=key, name=str(data["name"]), source_url=source_url)
    )
    for model in data.get("models") or ():
        model_ref = f"{key}/{model.get('id') if isinstance(model, dict) else '?'}"
        try:
            snapshot.routes.append(route(key, model, source_url, model_ref, snapshot))
        except SourceError as error:
            snapshot.skip(model_ref, str(error))


def route(provider, model, source_url, ref, snapshot):
    if not isinstance(model, dict) or not model.get("id"):
        raise SourceError("a model without an id")
    model_id = str(model["id"])
    entries = model.get("prices")
    entries = entries if isinstance(entries, list) else [{"prices": entries}]
    history = []
    for entry in entries:
        constraint = (entry or {}).get("constraint") or {}
        if set(constraint) - {"start_date"}:
            snapshot.skip(
                ref,
                f"a price under {', '.join(sorted(set(constraint) - {'start_date'}))}: "
                "a time-of-day offer, not a standard price (that entry only)",
            )
            continue
        effective_on = parse_day(constraint.get("start_date"))
        if constraint.get("start_date") and effective_on is None:
            raise SourceError(f"an unreadable start_date: {constraint['start_date']!r}")
        prices, tiers = price_list((entry or {}).get("prices"))
        history.append(DatedPrices(effective_on=effective_on, prices=prices, tiers=tiers))
    if not history:
        raise SourceError("no standard price")
    history.sort(key=lambda dated: (dated.effective_on is not None, dated.effective_on))
    name = str(model.get("name") or model_id)
    return SourceRoute(
        key=f"{provider}/{model_id}",
        provider=provider,
        provider_model_id=model_id,
        model=SourceModel(
            key=f"{provider}/{model_id}",
            name=name,
            context_window=positive_int(model.get("context_window"), "the context window"),
        ),
        history=tuple(history),
        source_url=source_url,
        id_match=model.get("match") if isinstance(model.get("match"), dict) else None,
    )


def matches(rule, model_id, depth=0):
    """Whether genai-prices' `match` rule takes `model_id`: equals, starts_with, ends_with,
    contains, and or / and of those. A regex rule never matches here: a pattern from a
    source is not run (it could take forever), so such entries match by their id only."""
    if not isinstance(rule, dict) or depth > 10:
        return False
    for kind, value in rule.items():
        if kind in ("or", "and") and isinstance(value, list):
            results = (matches(part, model_id, depth + 1) for part in value)
            return any(results) if kind == "or" else all(results)
        if not isinstance(value, str):
            return False
        if kind == "equals":
            return model_id == value
        if kind == "starts_with":
            return model_id.startswith(value)
        if kind == "ends_with":
            return model_id.endswith(value)
        if kind == "contains":
            return value in model_id
    return False


def price_list(prices):
    """(Prices, context tiers) of one genai-prices price table."""
    if not isinstance(prices, dict):
        raise SourceError("a price table that is not a mapping")
    if not prices:
        raise SourceError("no price stated")
    known = {key: value for key, value in prices.items() if key in PRICE_KEYS}
    if not known:
        raise SourceError(f"an unknown unit: {', '.join(sorted(map(str, prices)))}")
    base: dict[str, Decimal | None] = {}
    tiers: dict[int, dict[str, Decimal | None]] = {}
    for key, value in known.items():
        field = PRICE_KEYS[key]
        if isinstance(value, dict):
            base[field] = price(value.get("base"))
            for tier in value.get("tiers") or ():
                start = positive_int((tier or {}).get("start"), "a tier's start")
                if start is None:
                    raise SourceError("a price tier without a start")
                tiers.setdefault(start, {})[field] = price(tier.get("price"))
        else:
            base[field] = price(value)
    context_tiers = tuple(
        ContextTier(above_tokens=start, prices=Prices(**fields))
        for start, fields in sorted(tiers.items())
    )
    return Prices(**base), context_tiers
