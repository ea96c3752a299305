"""Benchmark scores from models.dev's canonical files, on small trees written here after the
real entries: how each was run (harness, variant, dataset, version), whose claim it is, one
benchmark whatever its spelling, a bad entry skipped with its reason, and a reviewed score
the source changes becoming a proposal."""

from decimal import Decimal

import pytest

from catalog.models import Benchmark, BenchmarkScore
from catalog.scores import INDEPENDENT, LAB, benchmark_key, claim_of, setting_text
from catalog.sync import proposals
from catalog.sync.models import ProposedChange, SyncRun
from tests.catalog.sync.test_apply import kimi, sync, tree  # noqa: F401 (a fixture)
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

BENCHMARKS = """
[[benchmarks]]
name = "SWE-Bench Verified"
score = 70.8
metric = "resolved"
source = "https://www.swebench.com/"

[[benchmarks]]
name = "SWE Bench Pro"
score = 50.7
metric = "resolve rate"
harness = "Claude Code"
variant = "medium"
dataset = "public"
source = "https://labs.scale.com/leaderboard/swe_bench_pro_public"
date = "2026-02-10"

[[benchmarks]]
name = "SWE-Bench Pro"
score = 46.1
metric = "resolve rate"
harness = "Terminus-2"
version = "2.1"
source = "https://www.anthropic.com/news/claude-opus-4-8"

[[benchmarks]]
name = "Terminal-Bench"
score = "not a number"
"""


def test_one_benchmark_whatever_its_spelling_and_how_each_score_was_run():
    assert benchmark_key("SWE-Bench Pro") == benchmark_key("SWE Bench Pro") == "swebenchpro"
    assert setting_text("Claude Code", "medium", "public") == "Claude Code, medium, public"
    assert setting_text(version="2.1") == "v2.1"
    assert setting_text() == ""


def test_whose_claim_a_score_is():
    assert claim_of("https://aider.chat/docs/leaderboards/").text == "measured by Aider"
    assert claim_of("https://labs.scale.com/leaderboard/x").text == "measured by Scale AI"
    # OpenRouter's benchmarks tab shows Artificial Analysis's evaluations.
    openrouter = claim_of("https://openrouter.ai/google/gemini-2.5-pro/benchmarks")
    assert (openrouter.claim, openrouter.measured_by) == (INDEPENDENT, "Artificial Analysis")
    assert claim_of("https://www.anthropic.com/news/claude-opus-4-8").claim == LAB
    assert claim_of("https://huggingface.co/zai-org/GLM-5").text == "reported by the lab"
    assert claim_of("https://example.com/blog").text == ""
    assert claim_of("").text == ""


@pytest.mark.django_db
def test_a_canonical_files_scores_are_the_models(tree):  # noqa: F811
    write(tree, "models/moonshotai/kimi-k2.5.toml", CANONICAL + BENCHMARKS)
    run = sync(tree)
    assert run.status == SyncRun.Status.SUCCEEDED, run.error

    scores = {
        (s.benchmark.name, s.harness, s.variant, s.dataset, s.benchmark_version): s
        for s in BenchmarkScore.objects.filter(model=kimi()).select_related("benchmark")
    }
    assert set(scores) == {
        ("SWE-Bench Verified", "", "", "", ""),
        ("SWE Bench Pro", "Claude Code", "medium", "public", ""),
        ("SWE Bench Pro", "Terminus-2", "", "", "2.1"),
    }
    assert Benchmark.objects.count() == 2  # "SWE Bench Pro" and "SWE-Bench Pro" are one
    scale = scores[("SWE Bench Pro", "Claude Code", "medium", "public", "")]
    assert scale.value == Decimal("50.7")
    assert (scale.claim, scale.measured_by) == ("independent", "Scale AI")
    assert scale.source_url == "https://labs.scale.com/leaderboard/swe_bench_pro_public"
    assert scale.measured_on.isoformat() == "2026-02-10"
    assert scores[("SWE Bench Pro", "Terminus-2", "", "", "2.1")].claim == "lab"
    assert scale.sources == [
        {"name": "models.dev", "url": "https://labs.scale.com/leaderboard/swe_bench_pro_public"}
    ]
    assert run.skipped_inputs.filter(
        ref="models/moonshotai/kimi-k2.5.toml#benchmarks[3]",
        reason="a score that is not a number: 'not a number'",
    ).exists()

    again = sync(tree)
    assert (again.created, again.updated, again.proposed) == (0, 0, 0)


@pytest.mark.django_db
def test_a_reviewed_scores_change_becomes_a_proposal(tree, editor):  # noqa: F811
    write(tree, "models/moonshotai/kimi-k2.5.toml", CANONICAL + BENCHMARKS)
    sync(tree)
    verified = BenchmarkScore.objects.get(benchmark__name="SWE-Bench Verified")
    BenchmarkScore.objects.filter(pk=verified.pk).mark_reviewed(editor)

    write(
        tree,
        "models/moonshotai/kimi-k2.5.toml",
        CANONICAL + BENCHMARKS.replace("score = 70.8", "score = 71.2"),
    )
    run = sync(tree)
    verified.refresh_from_db()
    assert verified.value == Decimal("70.8")  # reviewed: unchanged until an editor says
    [proposal] = ProposedChange.objects.filter(status=ProposedChange.Status.OPEN)
    assert (proposal.field, proposal.kind, proposal.theirs) == ("value", "score", "71.2")
    assert proposal.model == kimi()
    assert run.proposed == 1

    proposals.approve(ProposedChange.objects.all(), editor)
    verified.refresh_from_db()
    assert verified.value == Decimal("71.2")


@pytest.mark.django_db
def test_a_score_of_a_reviewed_model_changes_only_by_proposal(tree, editor):  # noqa: F811
    write(tree, "models/moonshotai/kimi-k2.5.toml", CANONICAL + BENCHMARKS)
    sync(tree)
    type(kimi()).objects.filter(pk=kimi().pk).mark_reviewed(editor)
    write(
        tree,
        "models/moonshotai/kimi-k2.5.toml",
        CANONICAL + BENCHMARKS.replace("score = 70.8", "score = 71.2"),
    )
    sync(tree)
    verified = BenchmarkScore.objects.get(benchmark__name="SWE-Bench Verified")
    assert verified.value == Decimal("70.8")
    [proposal] = ProposedChange.objects.filter(status=ProposedChange.Status.OPEN, kind="score")
    assert (proposal.field, proposal.theirs) == ("value", "71.2")
