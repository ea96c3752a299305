"""Aider's leaderboards: runs read from small YAML files written here after the real ones,
the model found from the command and the run's own text, an architect run naming both
models, a short name ("sonnet") whose run names no model for sure proposed to the editors,
an unmatched id skipped with its reason, and the same score from models.dev and Aider kept
as one score with two sources."""

from decimal import Decimal

import pytest

from catalog.models import BenchmarkScore
from catalog.sync.aider import model_id, named_models, parse_command, read_folder
from catalog.sync.models import ProposedMatch, SyncRun
from tests.catalog.sync.test_apply import kimi, sync, tree  # noqa: F401 (a fixture)
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

POLYGLOT = """
- dirname: 2026-02-01-10-00-00--kimi-k2.5-high
  model: Kimi K2.5 (high)
  edit_format: diff
  pass_rate_1: 40.1
  pass_rate_2: 71.6
  command: aider --model openrouter/moonshotai/kimi-k2.5 --reasoning-effort high
  date: 2026-02-01
  seconds_per_case: 44.2
  total_cost: 3.2140
- dirname: 2026-02-02-10-00-00--kimi-architect
  model: Kimi K2.5 + Kimi-K2.5
  edit_format: architect
  pass_rate_2: 74.0
  command: aider --architect --model moonshotai/kimi-k2.5 --editor-model sonnet
  date: 2026-02-02
- dirname: 2025-01-17-19-44-33--sonnet-baseline
  model: sonnet
  pass_rate_2: 51.6
  command: aider --model sonnet
  date: 2025-01-17
- dirname: 2024-12-21-18-41-18--polyglot-gpt-4o-mini
  model: gpt-4o-mini-2024-07-18
  pass_rate_2: 3.6
  command: aider --model gpt-4o-mini-2024-07-18
  date: 2024-12-21
- dirname: 2026-02-03-00-00-00--no-score
  model: Kimi K2.5
  command: aider --model moonshotai/kimi-k2.5
"""
REFACTOR = """
- dirname: 2026-02-05-00-00-00--refac-kimi
  model: kimi-k2.5
  edit_format: diff
  pass_rate_1: 55.1
  command: aider --model fireworks_ai/accounts/fireworks/models/kimi-k2.5
  date: 2026-02-05
"""


def test_a_command_names_its_models():
    command = parse_command("aider --architect --model r1 --editor-model sonnet")
    assert (command.model, command.editor_model, command.architect) == ("r1", "sonnet", True)
    assert parse_command("aider --opus").short_names == ("--opus",)
    assert parse_command("aider --model o3 --reasoning-effort high").reasoning_effort == "high"
    assert parse_command("(via glhf.chat)").model == ""
    assert model_id("openrouter/openai/o1") == "o1"
    assert model_id("gemini/gemini-2.5-pro-preview-06-05") == "gemini-2.5-pro-preview-06-05"
    assert model_id("fireworks_ai/accounts/fireworks/models/qwq-32b") == "qwq-32b"
    assert model_id("ollama/qwen2.5-coder:32b") == "qwen2.5-coder-32b"
    assert model_id("sonnet") == model_id("r1") == ""  # aider's short names: not ids
    assert named_models("DeepSeek R1 + claude-3-5-sonnet-20241022") == (
        "DeepSeek R1",
        "claude-3-5-sonnet-20241022",
    )
    assert named_models("o3-mini (high)") == ("o3-mini", "")


def test_the_leaderboards_are_read_into_runs(tmp_path):
    write(tmp_path, "polyglot_leaderboard.yml", POLYGLOT)
    write(tmp_path, "refactor_leaderboard.yml", REFACTOR)
    snapshot = read_folder(tmp_path)
    runs = {run.key: run for run in snapshot.runs}
    high = runs["polyglot/2026-02-01-10-00-00--kimi-k2.5-high"]
    assert (high.model_id, high.named) == ("moonshotai/kimi-k2.5", "Kimi K2.5")
    assert high.score.benchmark == "Aider Polyglot"
    assert (high.score.value, high.score.variant) == (Decimal("71.6"), "high")
    assert dict(high.score.details) == {
        "edit_format": "diff",
        "total_cost": "3.214",
        "seconds_per_case": "44.2",
    }
    architect = runs["polyglot/2026-02-02-10-00-00--kimi-architect"]
    assert architect.score.harness == "Aider architect mode, Kimi-K2.5 editing"
    refactor = runs["refactor/2026-02-05-00-00-00--refac-kimi"]
    assert (refactor.score.benchmark, refactor.score.value) == (
        "Aider refactoring",
        Decimal("55.1"),
    )
    assert [skip.reason for skip in snapshot.skipped] == [
        "a run without a score (pass_rate_2 or pass_rate_1)"
    ]


@pytest.mark.django_db
def test_runs_become_scores_proposals_or_skips(tree, tmp_path):  # noqa: F811
    write(
        tree,
        "models/moonshotai/kimi-k2.5.toml",
        CANONICAL
        + '\n[[benchmarks]]\nname = "Aider Polyglot"\nscore = 71.6\nmetric = "percent correct"\n'
        'source = "https://aider.chat/docs/leaderboards/"\ndate = "2026-02-01"\n',
    )
    sync(tree)
    boards = tmp_path / "aider"
    write(boards, "polyglot_leaderboard.yml", POLYGLOT)
    write(boards, "refactor_leaderboard.yml", REFACTOR)
    run = sync(boards, source="aider")
    assert run.status == SyncRun.Status.SUCCEEDED, run.error

    scores = {
        (score.benchmark.name, score.harness, score.variant): score
        for score in BenchmarkScore.objects.filter(model=kimi()).select_related("benchmark")
    }
    assert set(scores) == {
        ("Aider Polyglot", "", ""),  # models.dev's, and Aider's "high" run: the same run
        ("Aider Polyglot", "Aider architect mode, Kimi-K2.5 editing", ""),
        ("Aider refactoring", "", ""),
    }
    same = scores[("Aider Polyglot", "", "")]
    assert [source["name"] for source in same.sources] == ["models.dev", "Aider"]
    assert (same.claim, same.measured_by) == ("independent", "Aider")
    assert scores[("Aider refactoring", "", "")].details["edit_format"] == "diff"

    [proposal] = ProposedMatch.objects.filter(source="aider")
    assert proposal.name == "sonnet"
    reasons = dict(run.skipped_inputs.values_list("ref", "reason"))
    assert reasons["polyglot/2024-12-21-18-41-18--polyglot-gpt-4o-mini"] == (
        "no model of the catalog is “gpt-4o-mini-2024-07-18” (gpt-4o-mini-2024-07-18)"
    )
    assert reasons["polyglot/2025-01-17-19-44-33--sonnet-baseline"].startswith(
        "proposed to the editors: its command names the model only as aider's own short name"
    )

    again = sync(boards, source="aider")
    assert (again.created, again.updated, again.proposed) == (0, 0, 0)
