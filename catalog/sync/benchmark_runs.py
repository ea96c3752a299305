"""Benchmark runs that name their model only in free text and commands (Aider's
leaderboards): each found by the identity rules, its score written as models.dev's are
(catalog/sync/scoring.py); one whose model cannot be told for sure is proposed to the
editors, never guessed; one whose model the catalog does not hold is skipped, saying so."""

from catalog.models import LanguageModel
from catalog.sync import identity
from catalog.sync.snapshot import SourceModel


def apply_runs(applier, runs):
    """Apply every run of the snapshot, the best score of a model and setting first (the one
    its pages show; the others are that score's further runs)."""
    for run in sorted(runs, key=lambda run: (-run.score.value, run.key)):
        apply_run(applier, run)


def find_model(applier, text):
    """The one model an id or a name names for sure, or None."""
    if not text:
        return None
    maker = applier.match.org_key(text.split("/")[0]) if "/" in text else ""
    as_id = identity.parse_entry("", text)
    model, _ = applier.match.find(as_id, maker, applier.lab_keys)
    if model is None and "/" not in text:
        model, _ = applier.match.find(identity.parse_entry(text, ""), maker, applier.lab_keys)
    return model


def apply_run(applier, run):
    key = run.key
    model = applier.match.known(LanguageModel, key)  # as an editor linked it, or as before
    if model is None:
        model = find_model(applier, run.model_id) or find_model(applier, run.named)
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
    applier.scores.state(model, run.score, f"{applier.source}:{key}")
