"""Aider's leaderboards: a folder of three YAML files, each a list of benchmark runs.

- `polyglot_leaderboard.yml`: the Aider Polyglot benchmark;
- `edit_leaderboard.yml`: Aider's code editing benchmark;
- `refactor_leaderboard.yml`: Aider's refactoring benchmark.

A run states its `model` in free text ("o3-mini (high)") and the model's real id only in
its `command`: `aider --model openrouter/openai/o1`, `--architect --model r1
--editor-model sonnet`, or one of aider's own short names (`--sonnet`, `-4`), which meant
other models in other aider versions. `pass_rate_2` (the share of tasks solved within two
tries) is the score, `pass_rate_1` on the refactoring board, which states one try only; its
date, edit format, reasoning effort, cost and seconds per case are kept.

Read with `yaml.safe_load` (plain data, never code), a file at a time, each under a size
limit; a run that cannot be read is skipped with its reason.
"""

import re
import shlex
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml

from catalog.sync.snapshot import AIDER, SourceError, SourceScore, parse_day, score_value

MAX_FILE_BYTES = 5_000_000
LEADERBOARDS = {
    "polyglot_leaderboard.yml": ("Aider Polyglot", "https://aider.chat/docs/leaderboards/"),
    "edit_leaderboard.yml": (
        "Aider code editing",
        "https://aider.chat/docs/leaderboards/edit.html",
    ),
    "refactor_leaderboard.yml": (
        "Aider refactoring",
        "https://aider.chat/docs/leaderboards/refactor.html",
    ),
}
# What an id's route prefix names: the service aider called (litellm's prefixes), taken off
# before the model is looked up. "openai/" is also how aider calls any OpenAI-compatible
# server ("openai/Qwen/Qwen2.5-Coder-32B-Instruct" via Hyperbolic).
ROUTE_PREFIX = re.compile(
    r"^(?:(?:openrouter|gemini|anthropic|openai|mistral|deepseek|xai|groq|together_ai|bedrock|"
    r"nvidia_nim|vertex_ai|ollama|fireworks_ai/accounts/fireworks/models)/|hf:)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceRun:
    """One leaderboard run: the model its command names (by id; "" when it names it by one
    of aider's short names, or not at all), what its own text names, and its score."""

    key: str  # "polyglot/2025-02-25-20-23-07--gemini-pro"
    model_name: str  # the run's own `model` text, as written
    command: str
    model_id: str  # the main model's id, its route prefix off ("google/gemma-3-27b-it")
    named: str  # the main model as the run's text names it, its notes off ("o3-mini")
    editor_named: str  # an architect run's editor model, as the run names it
    score: SourceScore


@dataclass(frozen=True)
class Command:
    model: str = ""  # as given: "openrouter/openai/o1", "" when none is
    editor_model: str = ""
    architect: bool = False
    short_names: tuple[str, ...] = ()  # aider's own: "--sonnet", "-4"
    reasoning_effort: str = ""
    thinking_tokens: str = ""


def parse_command(command: str) -> Command:
    """What an `aider …` command line says of the models it ran."""
    try:
        words = shlex.split(command, comments=True)
    except ValueError:
        words = command.split()
    options: dict[str, str] = {}
    flags = []
    index = 0
    while index < len(words):
        word = words[index]
        if word.startswith("-") and "=" in word:
            name, _, value = word.partition("=")
            options[name] = value
        elif word in {"--model", "--editor-model", "--reasoning-effort", "--thinking-tokens"}:
            options[word] = words[index + 1] if index + 1 < len(words) else ""
            index += 1
        elif word.startswith("-"):
            flags.append(word)
        index += 1
    return Command(
        model=options.get("--model", ""),
        editor_model=options.get("--editor-model", ""),
        architect="--architect" in flags,
        short_names=tuple(flag for flag in flags if flag in SHORT_FLAGS),
        reasoning_effort=options.get("--reasoning-effort", ""),
        thinking_tokens=options.get("--thinking-tokens", ""),
    )


# Aider's own short names for models, as flags or as --model values: each meant other
# models in other aider versions ("sonnet" was Claude 3 Sonnet, then 3.5, then 3.7).
SHORT_FLAGS = {
    "--opus",
    "--sonnet",
    "--haiku",
    "-3",
    "-4",
    "--4",
    "--4o",
    "--mini",
    "--4-turbo",
    "--gpt-4-turbo",
    "--35turbo",
    "--35-turbo",
    "--deepseek",
    "--o1-mini",
    "--o1-preview",
}
SHORT_NAMES = {
    "sonnet",
    "haiku",
    "opus",
    "r1",
    "flash",
    "deepseek",
    "quasar",
    "optimus",
    "grok3",
    "gemini",
    "4",
    "4o",
    "4-turbo",
    "35turbo",
    "35-turbo",
    "3",
}


def model_id(given: str) -> str:
    """An id as aider was given it, less the service's route prefix and a local server's
    tag: "openrouter/x-ai/grok-2" → "x-ai/grok-2"; "ollama/qwen2.5-coder:32b" →
    "qwen2.5-coder-32b"; "" for aider's own short names ("sonnet", "r1")."""
    text = given.strip()
    previous = None
    while previous != text:
        previous, text = text, ROUTE_PREFIX.sub("", text, count=1)
    if text.casefold() in SHORT_NAMES:
        return ""
    return text.replace(":", "-")


def named_models(text: str) -> tuple[str, str]:
    """The models a run's own `model` text names, its notes in parentheses off: "DeepSeek
    R1 + claude-3-5-sonnet-20241022" → ("DeepSeek R1", "claude-3-5-sonnet-20241022");
    "o3-mini (high)" → ("o3-mini", "")."""
    plain = re.sub(r"\s*\([^)]*\)", "", text).strip()
    main, _, editor = plain.partition(" + ")
    return main.strip(), editor.strip()


def read_folder(root):
    """A Snapshot of the leaderboards in folder `root`."""
    from catalog.sync.snapshot import Snapshot

    root = Path(root)
    if not root.is_dir():
        raise SourceError(f"{root} is not a folder of Aider's leaderboards")
    snapshot = Snapshot(source=AIDER, location=str(root))
    found = False
    for filename, (benchmark, page) in LEADERBOARDS.items():
        path = root / filename
        if not path.is_file():
            continue
        found = True
        if path.stat().st_size > MAX_FILE_BYTES:
            snapshot.skip(filename, f"larger than {MAX_FILE_BYTES:,} bytes")
            continue
        try:
            runs = yaml.safe_load(path.read_bytes())
        except yaml.YAMLError as error:
            snapshot.skip(filename, f"unparseable YAML: {error}")
            continue
        if not isinstance(runs, list):
            snapshot.skip(filename, "not a list of runs")
            continue
        board = filename.removesuffix("_leaderboard.yml")
        for index, data in enumerate(runs):
            ref = f"{filename}[{index}]"
            try:
                snapshot.runs.append(source_run(board, data, benchmark, page))
            except SourceError as error:
                snapshot.skip(ref, str(error))
    if not found:
        raise SourceError(f"{root} holds none of {', '.join(LEADERBOARDS)}")
    return snapshot


def number_text(value) -> str:
    if value is None or isinstance(value, bool):
        return ""
    try:
        return f"{Decimal(str(value)).normalize():f}"
    except InvalidOperation:
        return ""


def source_run(board, data, benchmark, page):
    if not isinstance(data, dict):
        raise SourceError("a run that is not a table")
    name = str(data.get("model") or "").strip()
    command_text = str(data.get("command") or "").strip()
    if not name and not command_text:
        raise SourceError("a run that names no model")
    # The share solved within two tries; the refactoring board states one try only.
    rate = data.get("pass_rate_2", data.get("pass_rate_1"))
    if rate is None:
        raise SourceError("a run without a score (pass_rate_2 or pass_rate_1)")
    command = parse_command(command_text)
    variant = str(data.get("reasoning_effort") or command.reasoning_effort or "")
    if not variant and command.thinking_tokens:
        variant = f"{command.thinking_tokens} thinking tokens"
    named, editor_named = named_models(name)
    editor_named = editor_named or model_id(command.editor_model)
    # Aider's own benchmark runs in Aider, whatever its edit format: only architect mode
    # (one model plans, another edits) is another setting.
    editor = editor_named or "the same model"
    harness = f"Aider architect mode, {editor} editing" if command.architect else ""
    details = {
        "edit_format": str(data.get("edit_format") or ""),
        "total_cost": number_text(data.get("total_cost")),
        "seconds_per_case": number_text(data.get("seconds_per_case")),
        "editor_model": editor_named,
    }
    dirname = str(data.get("dirname") or f"{name}-{data.get('date')}")
    return SourceRun(
        key=f"{board}/{dirname}"[:480],
        model_name=name[:300],
        command=command_text[:500],
        model_id=model_id(command.model),
        named=named,
        editor_named=editor_named,
        score=SourceScore(
            benchmark=benchmark,
            value=score_value(rate),
            metric="percent correct",
            harness=harness[:120],
            variant=variant[:60],
            source_url=page,
            measured_on=parse_day(data.get("date")),
            details=tuple((k, v) for k, v in details.items() if v),
        ),
    )
