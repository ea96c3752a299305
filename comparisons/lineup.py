"""Two to four models side by side: `/compare/?models=a,b,c,d`.

The pair page's tables with a column per model: specs, prices (the maker's list price beside
the cheapest route), capabilities, benchmarks (the rows most of the models share first) and
the monthly cost at a traffic, at the maker's list price and at the cheapest route, the
provider named. Its columns follow the reader's order; its canonical address names the
models in slug order, and search engines are asked not to index it: every pair it holds
has a page of its own.

What the reader asks (`Lineup`) is read from the query string by `read_lineup()`, without
the database: the slugs of `models` (commas between them, or the parameter once per model),
one model to `add` (a name, a slug or an organization, resolved by the picker) and one to
`remove` (asked together, the remove is done). `next_step()` decides the answer: the page,
a 400 that says what is wrong, or a redirect (permanent only where the address always
means the same page: a lineup of two is their pair page).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from catalog.facts import CapabilityFacts, ModelFacts, capability_list, load_models
from catalog.formatting import MISSING, oxford_join
from catalog.slugs import pair_url
from comparisons import tables
from comparisons.cost import CHEAPEST, LIST_PRICE, Pricing, Traffic
from comparisons.forms import AddModelForm, WorkloadForm
from comparisons.pair_page import CostFigure, cost_figure
from presentation.seo import PageMeta

MAX_MODELS = 4
# More names than this are refused before any query: a lineup shows at most MAX_MODELS, and
# one too many ticked, or one named twice, still says what to remove.
MAX_NAMED = 2 * MAX_MODELS
MAX_PARAMETER_LENGTH = 1_000  # all the `models` values together
SLUG = r"[-a-zA-Z0-9_]{1,120}"  # a model's address, as catalog/slugs.py makes it
NO_LIST_PRICE = "its maker sells it through no API we track with both token prices"
NO_ROUTE_PRICE = "no route in force states both token prices"


@dataclass(frozen=True)
class Lineup:
    """The models a reader asked to compare, in their order, once each; the add and remove
    they asked for; whether the address named a model twice, named something that is no
    model's address (`malformed`), or named too much to read (`too_many`)."""

    slugs: tuple[str, ...]
    add: str | None = None  # None when no model is to be added
    remove: str = ""
    repeated: bool = False
    malformed: bool = False
    too_many: bool = False


def read_lineup(query) -> Lineup:
    """The lineup a query string asks for (a QueryDict or a dict of strings): `models` once
    with commas between the slugs, or once per model (the models list's ticked rows).
    Slugs are taken as written: an address is exact, as a pair page's is."""
    values = query.getlist("models") if hasattr(query, "getlist") else [query.get("models", "")]
    named = [slug.strip() for value in values for slug in value.split(",") if slug.strip()]
    wellformed = [slug for slug in named if re.fullmatch(SLUG, slug)]
    slugs = tuple(dict.fromkeys(wellformed))
    add = query.get("add")
    return Lineup(
        slugs=slugs,
        add=None if add is None else add.strip(),
        remove=query.get("remove", "").strip(),
        repeated=len(slugs) < len(wellformed),
        malformed=len(wellformed) < len(named),
        too_many=sum(map(len, values)) > MAX_PARAMETER_LENGTH or len(named) > MAX_NAMED,
    )


@dataclass(frozen=True)
class Step:
    """What to answer a lineup's request: send the reader to `redirect`, or show `slugs`,
    saying what is wrong (`errors`, or the add form's own: a 400) when anything is."""

    slugs: tuple[str, ...] = ()
    redirect: str = ""
    permanent: bool = False  # the address always means that page
    to_pair: bool = False  # `redirect` is a pair's own page, not a lineup
    errors: tuple[str, ...] = ()
    add_failed: bool = False  # the model to add named none, or several: said beside its field

    def location(self, query: dict[str, str]) -> str:
        """Where to send the reader, `query` (the traffic they set) carried on."""
        if not query:
            return self.redirect
        return f"{self.redirect}{'&' if '?' in self.redirect else '?'}{urlencode(query)}"


def go_to(slugs: Sequence[str], permanent: bool = False) -> Step:
    """To the page of `slugs`: two models' pair page, else their lineup. Permanent only for
    an address that always means it (not an add or a remove, which depend on the catalog)."""
    if len(slugs) == 2:
        return Step(redirect=pair_url(*slugs), permanent=permanent, to_pair=True)
    return Step(redirect=lineup_path(slugs))


def next_step(
    lineup: Lineup, published: set[str], added: str = "", add_failed: bool = False
) -> Step:
    """The answer to `lineup`, given which of its slugs are published models' and the slug
    its `add` resolved to (`add_failed` when it resolved to none)."""
    if lineup.too_many:
        return Step(errors=(f"Name at most {MAX_MODELS} models, commas between them.",))
    unknown = [slug for slug in lineup.slugs if slug not in published]
    known = tuple(slug for slug in lineup.slugs if slug in published)
    errors = []
    if unknown:
        errors.append(
            f"No published model has the address {oxford_join([f'“{s}”' for s in unknown])}."
        )
    if lineup.malformed:
        errors.append("A model's address holds only letters, digits, hyphens and underscores.")
    if errors:
        return Step(known, errors=tuple(errors))
    if lineup.remove:
        return go_to([slug for slug in known if slug != lineup.remove])
    if lineup.add is not None:
        if add_failed:
            return Step(known, add_failed=True)
        if added not in known and len(known) >= MAX_MODELS:
            return Step(
                known, errors=(f"Remove a model first: a lineup holds at most {MAX_MODELS}.",)
            )
        return go_to(list(dict.fromkeys([*known, added])))
    if lineup.repeated:
        return go_to(known, permanent=True)
    if len(known) > MAX_MODELS:
        extra = len(known) - MAX_MODELS
        return Step(
            known,
            errors=(f"Compare at most {MAX_MODELS} models at once: remove {extra}.",),
        )
    if len(known) == 2:
        return go_to(known, permanent=True)
    if len(known) < 2:
        more = "one more model" if known else "two models"
        return Step(known, errors=(f"Add {more}: a comparison needs at least two.",))
    return Step(known)


def lineup_path(slugs: Sequence[str]) -> str:
    """The address of a lineup, its models in the order given."""
    return f"{reverse('comparisons:compare')}?{urlencode({'models': ','.join(slugs)}, safe=',')}"


def canonical_path(slugs: Sequence[str]) -> str:
    """One address for a set of models, whatever the order a reader put them in."""
    return lineup_path(sorted(slugs))


def cost_row(label: str, models: Sequence[ModelFacts], traffic: Traffic, basis: str) -> tables.Row:
    """Each model's monthly cost on `basis`, with the route or tier it goes through."""

    missing = NO_LIST_PRICE if basis == LIST_PRICE else NO_ROUTE_PRICE

    def cell(figure: CostFigure) -> tables.Cell:
        if figure.amount is None:
            return tables.Cell(MISSING, note=missing)
        return tables.Cell(
            figure.amount,
            note=f"{figure.route}; {figure.warning}" if figure.warning else figure.route or "",
        )

    return tables.Row(
        label, tuple(cell(cost_figure(model, traffic, Pricing(basis))) for model in models)
    )


@dataclass(frozen=True)
class LineupPage:
    """A lineup's page as data: its models in the reader's order, and its tables."""

    models: tuple[ModelFacts, ...]
    specs: list[tables.Row]
    pricing: list[tables.Row]
    capabilities: list[tables.Row]
    benchmarks: list[tables.Row]
    costs: list[tables.Row]
    mode: str  # the service mode the costs are in ("" for standard)

    @property
    def title(self) -> str:
        if len(self.models) < 2:
            return "Compare models side by side"
        return " vs ".join(model.name for model in self.models)

    @property
    def canonical_path(self) -> str:
        return canonical_path([model.slug for model in self.models])

    @property
    def meta(self) -> PageMeta:
        return PageMeta(
            title=f"{self.title}: specs, prices, capabilities",
            description=f"{oxford_join([model.name for model in self.models]) or 'Models'} side "
            "by side: context window, the maker's list price and the cheapest route, "
            "capabilities, benchmarks, and the monthly cost at a traffic.",
            canonical_path=self.canonical_path,
            indexable=False,
        )


def build_lineup_page(
    models: Sequence[ModelFacts], capabilities: list[CapabilityFacts], traffic: Traffic
) -> LineupPage:
    """The page of `models` (pure): their tables, the costs at `traffic`."""
    models = tuple(models)
    return LineupPage(
        models=models,
        specs=tables.specs(*models),
        pricing=tables.pricing(*models),
        capabilities=tables.capabilities_table(models, capabilities),
        benchmarks=tables.lineup_benchmarks(models),
        costs=[
            cost_row("At the maker's list price", models, traffic, LIST_PRICE),
            cost_row("At the cheapest tracked route", models, traffic, CHEAPEST),
        ],
        mode=traffic.mode,
    )


@dataclass(frozen=True)
class LineupRequest:
    """A lineup's request, read: the answer's `step`, the add form and the traffic form as
    the reader left them, and the page to show (None: go to `step.redirect`)."""

    step: Step
    add_form: AddModelForm
    workload: WorkloadForm
    page: LineupPage | None = None

    @property
    def status(self) -> int:
        failed = self.step.errors or self.step.add_failed or self.workload.errors
        return 400 if failed else 200


def read_lineup_request(query, defaults: Traffic) -> LineupRequest:
    """What to answer the query string of `/compare/?models=…`: the models asked, each
    one's facts read (kept between requests where a memo is: catalog/dependencies.py), and
    the one to add found by the picker's one query."""
    asked = read_lineup(query)
    add_form = AddModelForm(query) if asked.add is not None else AddModelForm()
    added = add_form.cleaned_data["add"].slug if add_form.is_bound and add_form.is_valid() else ""
    found = load_models(asked.slugs) if asked.slugs and not asked.too_many else {}
    step = next_step(asked, set(found), added=added, add_failed=bool(add_form.errors))
    workload = WorkloadForm.from_query(query, defaults)
    if step.redirect:
        return LineupRequest(step, add_form, workload)
    models = [found[slug] for slug in step.slugs]
    traffic = workload.traffic() if not workload.is_bound or workload.is_valid() else defaults
    page = build_lineup_page(models, capability_list(), traffic)
    return LineupRequest(step, add_form, workload, page)
