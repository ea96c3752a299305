"""What a benchmark score is: which benchmark it is on whatever the spelling, how it was run,
and whose claim it is. The catalog's score rules, in one place (and on /methodology/). Pure.

- **One benchmark, one record.** "SWE-Bench Pro" and "SWE Bench Pro" are one benchmark:
  names are compared without case, spaces or punctuation (`benchmark_key`). A harness, a
  variant, a dataset or a version is how a score was run, not another benchmark.
- **Like with like.** Two scores compare (a shared row on a pair page, one leaderboard, one
  chart) only where they were run the same way: the same harness, variant, dataset and
  version (`setting`).
- **Whose claim.** A score from an independent leaderboard reads "measured by Aider"; one
  from the lab's own model card, announcement or paper reads "reported by the lab"; any
  other source says nothing of who measured it. Told by the page the score cites
  (`claim_of`).
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

LAB = "lab"
INDEPENDENT = "independent"

# Independent leaderboards, by the host of the page a score cites, and who measures there.
# OpenRouter's model pages show Artificial Analysis's evaluations under "/benchmarks".
LEADERBOARDS = {
    "aider.chat": "Aider",
    "artificialanalysis.ai": "Artificial Analysis",
    "labs.scale.com": "Scale AI",
    "scale.com": "Scale AI",
    "swebench.com": "SWE-bench",
    "tbench.ai": "Terminal-Bench",
    "lmarena.ai": "LMArena",
}
SECOND_HAND = {"openrouter.ai": ("/benchmarks", "Artificial Analysis")}
# Where labs publish their own results: their sites, their model cards, their papers.
LAB_HOSTS = (
    "anthropic.com",
    "openai.com",
    "deepmind.google",
    "blog.google",
    "ai.google.dev",
    "mistral.ai",
    "sakana.ai",
    "x.ai",
    "deepseek.com",
    "moonshot.ai",
    "kimi.com",
    "z.ai",
    "bigmodel.cn",
    "minimax.io",
    "minimaxi.com",
    "qwenlm.github.io",
    "qwen.ai",
    "stepfun.com",
    "ai.meta.com",
    "llama.com",
    "cohere.com",
    "huggingface.co",  # a model card, published by the lab's organization
    "arxiv.org",  # a technical report
)


def benchmark_key(name: str) -> str:
    """ "SWE-Bench Pro", "SWE Bench Pro" → "swebenchpro": one benchmark, however spelled."""
    return re.sub(r"[\W_]+", "", name.casefold())


@dataclass(frozen=True)
class Claim:
    claim: str  # LAB, INDEPENDENT, or "" when the source does not say
    measured_by: str = ""  # for an independent score: "Aider"

    @property
    def text(self) -> str:
        """ "measured by Aider", "reported by the lab", or ""."""
        if self.claim == INDEPENDENT:
            by = self.measured_by or "an independent party"
            return f"measured by {by}"
        if self.claim == LAB:
            return "reported by the lab"
        return ""


def host_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").casefold()
    return host.removeprefix("www.")


def within(host: str, domain: str) -> bool:
    return host == domain or host.endswith(f".{domain}")


def claim_of(source_url: str) -> Claim:
    """Whose claim a score citing `source_url` is, by the page's host."""
    host = host_of(source_url)
    if not host:
        return Claim("")
    for domain, measurer in LEADERBOARDS.items():
        if within(host, domain):
            return Claim(INDEPENDENT, measurer)
    for domain, (path, measurer) in SECOND_HAND.items():
        if within(host, domain) and path in urlsplit(source_url).path:
            return Claim(INDEPENDENT, measurer)
    if any(within(host, domain) for domain in LAB_HOSTS):
        return Claim(LAB)
    return Claim("")


def setting_text(harness: str = "", variant: str = "", dataset: str = "", version: str = "") -> str:
    """How a score was run, as it reads beside it: "Claude Code, medium, public, v2.1" (a
    harness, a variant, a dataset, a version); "" when its source says nothing of it."""
    parts = [harness, variant, dataset, f"v{version}" if version else ""]
    return ", ".join(part for part in parts if part)
