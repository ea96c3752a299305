"""Pair pages of the real catalog, drawn with a fixed seed: no sentence of a page may
contradict the page's own tables (its scorecard, cost cards, pricing and capability
tables), and the Decision fit row is rarely empty on both sides where a model's sources
state something to derive it from."""

import random
import re
from decimal import Decimal

import lxml.html
import pytest

from catalog.models import LanguageModel
from catalog.slugs import pair_url
from tests.comparisons.test_pair_properties import normal, table

pytestmark = pytest.mark.django_db

SAMPLE = 300
SEED = 19
MISSING = "-"


def tokens(label):
    """A context window as a page shows it ("262k", "1.5M", "131,072"), as a number."""
    if label == MISSING:
        return None
    match = re.fullmatch(r"([\d,.]+)([kM]?)", label)
    assert match, label
    number = Decimal(match[1].replace(",", ""))
    return number * {"": 1, "k": 1_000, "M": 1_000_000}[match[2]]


def dollars(text):
    return Decimal(text.replace("$", "").replace(",", ""))


def contradictions(document):
    """The sentences of a pair page its own tables contradict, each with why."""
    found = []
    names = [normal(card.find("h3").text_content()) for card in document.find_class("cost-card")]
    scorecard = table(document, "scorecard")
    windows = dict(zip(names, map(tokens, scorecard["Context window"]), strict=True))
    text = normal(document.get_element_by_id("content").text_content())
    other = dict(zip(names, reversed(names), strict=True))

    # "X has the larger context window" and "X supports N tokens, while Y supports M".
    for name in names:
        first, second = windows[name], windows[other[name]]
        larger = first is not None and second is not None and first > second
        said = rf"(?<![\w.-]){re.escape(name)} has the larger context window"
        if re.search(said, text) and not larger:
            found.append(f"{name} 'has the larger context window': {scorecard['Context window']}")
        claim = re.search(
            rf"(?<![\w.-]){re.escape(name)} supports ([\d,.]+[kM]?) tokens, while", text
        )
        if claim and not (larger and tokens(claim[1]) == first):
            found.append(f"{claim[0]!r}, but the scorecard reads {scorecard['Context window']}")
    if "so context size does not separate them" in text and len(set(windows.values())) != 1:
        found.append(f"'context size does not separate them', but {scorecard['Context window']}")

    # "X costs $N less a month than Y": the cost cards' difference.
    cards = {
        normal(card.find("h3").text_content()): normal(card.find_class("amount")[0].text_content())
        for card in document.find_class("cost-card")
    }
    for cheaper in names:
        said = rf"(?<![\w.-]){re.escape(cheaper)} costs (\$[\d,.]+) less a month"
        for claim in re.finditer(said, text):
            amounts = [cards.get(cheaper, ""), cards.get(other[cheaper], "")]
            if not all(amount.startswith("$") for amount in amounts):
                found.append(f"{claim[0]!r}, but the cost cards read {cards}")
                continue
            difference = dollars(amounts[1]) - dollars(amounts[0])
            # The cards are rounded as shown: a difference within a dollar of theirs.
            if abs(difference - dollars(claim[1])) > 1:
                found.append(f"{claim[0]!r}, but the cost cards read {cards}")

    # "Both X and Y expose C": both "Yes" in the capability table.
    capabilities = {
        label.casefold(): cells for label, cells in table(document, "capabilities").items()
    }
    for claim in re.finditer(r"Both .+? and .+? expose ([^.]+)\.", text):
        phrase = claim[1].casefold()
        rows = [
            cells for label, cells in capabilities.items() if label in phrase or phrase in label
        ]
        if not rows or rows[0] != ["Yes", "Yes"]:
            found.append(f"{claim[0]!r}, but the capability table reads {rows}")

    # "Pricing coverage is complete": both models priced in the pricing table.
    if "Pricing coverage is complete" in text:
        pricing = table(document, "pricing")
        cells = pricing["Input price"] + pricing["Output price"]
        if MISSING in cells:
            found.append(f"'Pricing coverage is complete', but the pricing table reads {pricing}")
    return found


def decision_fit_empty(document):
    return table(document, "scorecard")["Decision fit"] == [MISSING, MISSING]


def states_something(model):
    """Whether a model's sources state a capability or a score (what decision fit reads)."""
    return model.capability_support.filter(support="yes").exists() or model.scores.exists()


def sampled_pairs():
    slugs = sorted(LanguageModel.objects.published().values_list("slug", flat=True))
    chooser = random.Random(SEED)
    pairs = set()
    while len(pairs) < SAMPLE:
        first, second = chooser.sample(slugs, 2)
        pairs.add((min(first, second), max(first, second)))
    return sorted(pairs)


@pytest.mark.slow  # the real catalog and 300 pages: the slow tier (make test-slow)
def test_no_sentence_of_300_real_pair_pages_contradicts_its_tables(real_catalog, client):
    faults, empty_fit, with_signals = {}, 0, 0
    for first, second in sampled_pairs():
        response = client.get(pair_url(first, second))
        assert response.status_code == 200, (first, second)
        document = lxml.html.fromstring(response.content)
        found = contradictions(document)
        if found:
            faults[f"{first} vs {second}"] = found
        models = LanguageModel.objects.filter(slug__in=[first, second])
        if any(states_something(model) for model in models):
            with_signals += 1
            empty_fit += decision_fit_empty(document)
    assert faults == {}
    # Pages whose Decision fit reads "-" on both sides, though a model states something.
    assert empty_fit <= with_signals * 5 // 100, (empty_fit, with_signals)


def test_the_checks_find_a_sentence_the_tables_contradict(client, reference_catalog):
    """The checks above can fail: a pair page whose tables are changed under its
    sentences is caught, each way, on one of the reference catalog's pairs."""
    catalog = reference_catalog
    models = (catalog.spark, catalog.qwen, catalog.ling)
    pages = [
        client.get(pair_url(first.slug, second.slug)).content
        for index, first in enumerate(models)
        for second in models[index + 1 :]
    ]
    assert all(contradictions(lxml.html.fromstring(page)) == [] for page in pages)

    def caught(edit, words):
        for page in pages:
            document = lxml.html.fromstring(page)
            edit(document)
            if any(words in fault for fault in contradictions(document)):
                return True
        return False

    def set_text(cell, text):
        for child in list(cell):
            cell.remove(child)
        cell.text = text

    def swap_context(document):
        for row in document.get_element_by_id("scorecard").iter("tr"):
            if row.find("th") is not None and row.find("th").text_content() == "Context window":
                first, second = row.findall("td")
                texts = first.text_content(), second.text_content()
                set_text(first, texts[1])
                set_text(second, texts[0])

    def same_costs(document):
        for card in document.find_class("cost-card"):
            set_text(card.find_class("amount")[0], "$1,000")

    def capabilities_unknown(document):
        for cell in document.get_element_by_id("capabilities").iter("td"):
            if normal(cell.text_content()) == "Yes":
                set_text(cell, "Unknown")

    def a_price_missing(document):
        for row in document.get_element_by_id("pricing").iter("tr"):
            if row.find("th") is not None and row.find("th").text_content() == "Input price":
                set_text(row.findall("td")[0], MISSING)

    assert caught(swap_context, "larger context window")
    assert caught(same_costs, "less a month")
    assert caught(capabilities_unknown, "expose")
    assert caught(a_price_missing, "Pricing coverage is complete")
