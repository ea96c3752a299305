"""Benchmark runs that name their model only in free text and commands (Aider's
leaderboards): each found by the identity rules, its score written as models.dev's are
(catalog/sync/scoring.py); one whose model cannot be told for sure is proposed to the
editors, never guessed; one whose model the catalog does not hold is skipped, saying so."""

from dataclasses import replace

from catalog.models import LanguageModel
from catalog.sync import identity
from catalog.sync.snapshot import SourceModel


def apply_runs(applier, runs):
    """Apply every run of the snapshot, the best score of a model and setting first (the one
    its pages show; the others are that score's further runs)."""
    for run in sorted(runs, key=lambda run: (-run.score.value, run.key)):
        apply_run(applier, run)


def find_model(applier, text):
    """(the one model an id or a name names for sure, or None; the dated snapshot it pins,
    or "": "gpt-4o-2024-11-20" is GPT-4o at its 2024-11-20 snapshot)."""
    if not text:
        return None, ""
    maker = applier.match.org_key(text.split("/")[0]) if "/" in text else ""
    model, marks = applier.match.find(identity.parse_entry("", text), maker, applier.lab_keys)
    if model is None and "/" not in text:
        model, marks = applier.match.find(identity.parse_entry(text, ""), maker, applier.lab_keys)
    return model, marks.snapshot if model is not None else ""


def apply_run(applier, run):
    key = run.key
    found, snapshot = find_model(applier, run.model_id)
    if found is None:
        found, snapshot = find_model(applier, run.named)
    # As an editor linked it, or as an earlier run found it; a snapshot only as found now.
    model = applier.match.known(LanguageModel, key) or found
    if model is not found:
        snapshot = ""
    if model is None:
        if not run.model_id:
            reason = (
                f"its command names the model only as aider's own short name, or not at all "
                f"({run.command or 'no command'}), and its text “{run.model_name}” names no "
                "model of the catalog for sure"
            )
            applier.propose_match(SourceModel(key=key, name=run.model_name), reason, None)
            applier.skip(key, f"proposed to the editors: {reason}")
        else:
            applier.skip(key, f"no model of the catalog is “{run.model_id}” ({run.model_name})")
        return
    applier.match.remember(model, key)
    score = run.score
    if snapshot:  # the model at a dated snapshot: a setting of its own
        variant = ", ".join(filter(None, [score.variant, f"snapshot {snapshot}"]))
        score = replace(score, variant=variant[:60])
    applier.scores.state(model, score, f"{applier.source}:{key}", ref=key)
