"""Benchmark scores a source states, written under the trust rules: one benchmark whatever
its spelling, one score per model, benchmark and setting (how it was run), whose claim it is
from the page it cites (catalog/scores.py). A reviewed score that a source states
differently becomes a proposal; the same score stated by two sources is one score with both
sources, whether or not both name its variant."""

from catalog.models import SCORE_SETTING, Benchmark, BenchmarkScore
from catalog.scores import benchmark_key, claim_of
from catalog.slugs import free_slug, slug_from_name
from catalog.sync.models import ProposedChange
from catalog.sync.snapshot import SOURCE_NAMES

# A metric that is not a share of tasks: its benchmark's unit is points, not %.
POINT_METRICS = ("index", "elo", "rating")


def unit_of(metric: str) -> str:
    return "points" if any(word in metric.casefold() for word in POINT_METRICS) else "%"


class Scores:
    """The benchmarks and scores of the catalog, read once, and one run's writes to them."""

    def __init__(self, source, run, writer, counts, skip):
        self.source = source
        self.skip = skip  # skip(ref, reason): the run records what it did not write, and why
        self.run = run
        self.writer = writer
        self.counts = counts
        self.benchmarks = {}
        for benchmark in Benchmark.objects.all():
            self.benchmarks.setdefault(benchmark_key(benchmark.name), benchmark)
            self.benchmarks.setdefault(benchmark_key(benchmark.slug), benchmark)
        self.slugs = {benchmark.slug for benchmark in self.benchmarks.values()}
        self.scores = {
            (score.model_id, score.benchmark_id, *(getattr(score, f) for f in SCORE_SETTING)): score
            for score in BenchmarkScore.objects.all()
        }

    def benchmark(self, name, metric):
        """Our benchmark for a name however spelled, created (unit from its metric) when new."""
        key = benchmark_key(name)
        benchmark = self.benchmarks.get(key)
        if benchmark is None:
            slug = free_slug(slug_from_name(name), self.slugs)
            benchmark = Benchmark.objects.create(
                name=name[:120], slug=slug, unit=unit_of(metric), sync_run=self.run
            )
            self.benchmarks[key] = benchmark
            self.slugs.add(slug)
            self.counts.created += 1
        return benchmark

    def same_run(self, key, score):
        """The score another source states of the very same run: one source names its
        variant (Aider's "high"), the other does not, and they agree on the value and the
        day. One score, then, with both sources."""
        model, benchmark, harness, variant, dataset, version = key
        for record in self.scores.values():
            if (
                (record.model_id, record.benchmark_id) == (model, benchmark)
                and (record.harness, record.dataset, record.benchmark_version)
                == (harness, dataset, version)
                and "" in (record.variant, variant)
                and record.value == score.value
                and None not in (record.measured_on, score.measured_on)
                and record.measured_on == score.measured_on
            ):
                return record
        return None

    def state(self, model, score, owner, ref=""):
        """Write what the source states of `model`'s `score` (a SourceScore); `owner` names
        the entry that states it ("modelsdev:models/zhipuai/glm-5#2"), `ref` where a skip
        is recorded."""
        benchmark = self.benchmark(score.benchmark, score.metric)
        setting = (score.harness, score.variant, score.dataset, score.version)
        claim = claim_of(score.source_url)
        facts = {
            "value": score.value,
            "metric": score.metric,
            "measured_on": score.measured_on,
            "claim": claim.claim,
            "measured_by": claim.measured_by,
        }
        cited = {"name": SOURCE_NAMES.get(self.source, self.source), "url": score.source_url}
        key = (model.pk, benchmark.pk, *setting)
        # The very run another source states first (so a re-sync finds the same record),
        # else the score of this model, benchmark and setting.
        record = self.same_run(key, score) or self.scores.get(key)
        if record is None:
            record = BenchmarkScore.objects.create(
                model=model,
                benchmark=benchmark,
                **dict(zip(SCORE_SETTING, setting, strict=True)),
                **facts,
                details=dict(score.details),
                source_url=score.source_url,
                sources=[cited],
                sync_run=self.run,
                fact_source=owner[:600],
            )
            self.scores[key] = record
            self.counts.created += 1
            return record
        if cited not in record.sources:
            record.sources = [*record.sources, cited]
            BenchmarkScore.objects.filter(pk=record.pk).update(sources=record.sources)
        if not record.fact_source:
            BenchmarkScore.objects.filter(pk=record.pk).update(fact_source=owner[:600])
            record.fact_source = owner[:600]
        if record.fact_source != owner[:600]:
            if record.value != score.value:
                # Not written, and said: a source's lower run of the same model and setting
                # (the catalog keeps its best), or another entry's value for this score.
                shown = f"{record.value.normalize():f}"
                if record.fact_source.partition(":")[0] == owner.partition(":")[0]:
                    reason = (
                        f"a lower {benchmark.name} run of {model.name} in the same setting "
                        f"({score.value.normalize():f}): the catalog shows its best, {shown}"
                    )
                else:
                    reason = (
                        f"{record.fact_source.partition(':')[0]} states this {benchmark.name} "
                        f"score of {model.name} as {shown}, not {score.value.normalize():f}"
                    )
                self.skip(ref or owner, reason)
            else:
                self.counts.unchanged += 1  # another entry states it: one score
            return record
        changes = {
            field: value
            for field, value in facts.items()
            if value not in (None, "") and getattr(record, field) != value
        }
        if changes:
            # A score of a reviewed model changes only as an editor says, as the model's facts.
            reviewed = model.reviewed_at is not None
            self.writer.write(
                record, changes, score.source_url, ProposedChange.Kind.SCORE, reviewed=reviewed
            )
        else:
            self.counts.unchanged += 1
        return record
