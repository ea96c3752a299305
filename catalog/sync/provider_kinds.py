"""What kind of provider a source's provider is, from the signals the sources give: the
catalog's provider-kind rules, in one place (and on /methodology/). Pure functions.

In this order:

1. a subscription plan: its name or documentation says so ("Alibaba Coding Plan", "MiniMax
   Token Plan", "Kimi For Coding", Z.AI's "devpack", GitLab Duo's "duo_agent_platform",
   GitHub Copilot);
2. a local app: it runs models on the reader's own machine (LM Studio);
3. the lab's own API: the provider is a lab and serves only its own models;
4. a free tier: nine in ten of the prices it states, or more, are 0 (GitHub Models,
   Nvidia's NIM endpoints);
5. a cloud platform: its documentation is a cloud's (AWS, Azure, Google Cloud, Alibaba
   Cloud, Oracle, IBM, Tencent Cloud…);
6. a gateway or router: it serves the proprietary models of three other labs or more,
   which only those labs and their partners host;
7. an inference platform: it serves open-weights models.

Nothing else is guessed: a provider none of these fits has no kind until an editor sets
one (and what an editor set is never overwritten by a sync).

A provider is **a lab's own API** (its `lab`, whose prices there are the lab's list prices,
catalog/pricing.py) when it is a lab that serves models of its own, and is not its copy for
one region: "moonshotai" is Moonshot AI's, "moonshotai-cn" (its API for mainland China)
names no lab, so that the list price is the one the rest of the world pays.
"""

import re
from dataclasses import dataclass

FIRST_PARTY = "first_party"
AGGREGATOR = "aggregator"
CLOUD = "cloud"
INFERENCE_HOST = "inference_host"
SUBSCRIPTION_PLAN = "subscription_plan"
FREE_TIER = "free_tier"
LOCAL_APP = "local_app"

GATEWAY_MAKERS = 3
# A provider id's ending that makes it a lab's API for one region.
REGIONAL = re.compile(r"-(cn|china|intl|global)$")

PLAN = re.compile(
    r"coding[- ]plan|token[- ]plan|step-plan|for coding|\bdevpack\b|duo_agent_platform|"
    r"\bgitlab duo\b|\bcopilot\b",
    re.IGNORECASE,
)
LOCAL = re.compile(r"\blm ?studio\b|lmstudio\.ai", re.IGNORECASE)
CLOUD_DOCS = re.compile(
    r"aws\.amazon\.com|\bamazon bedrock\b|azure|microsoft\.com|cloud\.google\.com|"
    r"vertex|alibabacloud\.com|aliyun\.com|oracle\.com|ibm\.com|cloud\.tencent\.com|"
    r"volcengine|huaweicloud|snowflake|databricks|sap\.com|digitalocean|scaleway|ovh",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ProviderSignals:
    """What the sources say of a provider and what it serves."""

    name: str
    website: str = ""
    is_lab: bool = False  # the provider is a lab (a maker of models the catalog knows)
    regional: bool = False  # its id names a region: the lab's API for one part of the world
    serves_own: bool = False  # it serves models of its own lab
    serves_only_own: bool = False  # every model it serves is its own lab's
    prices_stated: int = 0  # how many prices its entries state
    zero_prices: int = 0  # of which 0
    proprietary_makers: int = 0  # other labs whose proprietary models it serves
    serves_open_weights: bool = False


def provider_kind(signals: ProviderSignals) -> str:
    """The provider's kind by the rules above; "" when none fits."""
    text = f"{signals.name} {signals.website}"
    if PLAN.search(text):
        return SUBSCRIPTION_PLAN
    if LOCAL.search(text):
        return LOCAL_APP
    if signals.is_lab and signals.serves_only_own:
        return FIRST_PARTY
    if signals.prices_stated and signals.zero_prices * 10 >= signals.prices_stated * 9:
        return FREE_TIER
    if CLOUD_DOCS.search(text):
        return CLOUD
    if signals.proprietary_makers >= GATEWAY_MAKERS:
        return AGGREGATOR
    if signals.serves_open_weights:
        return INFERENCE_HOST
    return ""


def regional_api(key: str) -> tuple[str, bool]:
    """A provider id without its regional ending, and whether it had one:
    "moonshotai-cn" → ("moonshotai", True)."""
    base = REGIONAL.sub("", key)
    return base, base != key


def own_api_of(signals: ProviderSignals) -> bool:
    """Whether the provider is its lab's own API (where the lab's list prices are)."""
    return signals.is_lab and signals.serves_own and not signals.regional
