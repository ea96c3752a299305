"""The comparisons' public pages: home, the compare picker and its autocomplete, and the
pair page (or its cost part, for htmx), a lineup of up to four models, and every model
ranked by a workload's cost (or its results, for htmx; or a CSV file). Each parses its
input, calls one read, renders."""

from django.core.paginator import InvalidPage
from django.http import (
    Http404,
    HttpResponseBadRequest,
    HttpResponsePermanentRedirect,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect, HttpResponseLocation

from catalog.api.csv_downloads import csv_lines
from catalog.dependencies import precise
from catalog.forms import CONTEXT_SUGGESTIONS
from catalog.models import LanguageModel
from catalog.slugs import pair_url, parse_pair_slug
from comparisons.cost import FOR_THE_PAIR
from comparisons.cost_page import csv_rows, read_choices, read_cost_page
from comparisons.forms import (
    PICKER_FIELDS,
    AddModelForm,
    PickerForm,
    TrafficForm,
    errors_in_words,
)
from comparisons.home_page import read_home_page
from comparisons.lineup import MAX_MODELS, read_lineup_request
from comparisons.models import TrafficDefaults
from comparisons.pair_page import faq_json_ld, load_pair, pair_page
from comparisons.picker import MAX_QUERY_LENGTH, suggest
from comparisons.rules import shared_priced_providers
from presentation.responses import (
    render_page,
    render_results_page,
    set_last_modified,
    wants_fragment,
)
from presentation.seo import PageMeta, json_ld

# The inputs that name a model, each with the autocomplete's suggestions: the picker's, and
# a lineup's `add`. htmx sends each as it is named; the autocomplete also reads `q`.
MODEL_NAME_FIELDS = (*PICKER_FIELDS, "add")
AUTOCOMPLETE_PARAMS = ("q", *MODEL_NAME_FIELDS)


@require_safe
def home(request):
    return render_page(request, "comparisons/home.html", read_home_page(), form=PickerForm())


def picker_meta(form):
    return PageMeta(
        title="Compare two language models",
        description="Pick two large language models by name, slug or organization and read "
        "their side-by-side comparison: context, prices, capabilities, benchmarks.",
        canonical_path=reverse("comparisons:compare"),
        indexable=not form.is_bound,
    )


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def compare(request):
    """The picker; a valid pick redirects to the canonical pair page. With `models`, a
    lineup of two to four models side by side (comparisons/lineup.py)."""
    if "models" in request.GET:
        return lineup(request)
    form = PickerForm.from_query(request.GET)
    if form.is_bound and form.is_valid():
        return redirect(form.pair_url())
    status = 400 if form.is_bound else 200
    context = {"form": form, "meta": picker_meta(form)}
    return render(request, "comparisons/picker.html", context, status=status)


def lineup(request):
    """Two to four models side by side; an add or a remove sends the reader to the new
    lineup's address (htmx loads it into the page's lineup section)."""
    defaults = TrafficDefaults.kept().as_traffic()
    read = read_lineup_request(request.GET, defaults)
    fragment = wants_fragment(request)
    if read.page is None:
        return lineup_redirect(read, fragment)
    precise()  # the page's reads declare what they show (catalog/dependencies.py)
    context = {
        "page": read.page,
        "meta": read.page.meta,
        "read": read,
        "fragment": fragment,
        "max_models": MAX_MODELS,
    }
    template = "lineup_section" if fragment else "lineup"
    response = render(request, f"comparisons/{template}.html", context, status=read.status)
    if fragment:
        response["X-Robots-Tag"] = "noindex"
    return response


def lineup_redirect(read, htmx: bool):
    """To the step's address, the reader's traffic carried on: htmx is told to load a new
    lineup into the page (the address bar follows), or to go to a pair's own page."""
    url = read.step.location(read.workload.query())
    if htmx:
        if read.step.to_pair:
            return HttpResponseClientRedirect(url)
        return HttpResponseLocation(url, target="#lineup", swap="outerHTML")
    if read.step.permanent:
        return HttpResponsePermanentRedirect(url)
    return redirect(url)


@require_safe
def autocomplete(request):
    """The suggestions for a typed text: <option>s for the field's <datalist>.

    `q` must hold some text. A picker field sent empty (the reader cleared it, or focused
    it before typing) is an ordinary state of the form: it gets no suggestions, not an error.
    """
    param = next((name for name in AUTOCOMPLETE_PARAMS if name in request.GET), None)
    text = request.GET[param] if param else ""
    if len(text) > MAX_QUERY_LENGTH:
        response = bad_query(f"Type at most {MAX_QUERY_LENGTH} characters in q.")
    elif "\x00" in text:  # PostgreSQL refuses it in a query; the picker's form does too
        response = bad_query("Type letters, digits or punctuation in q: no null characters.")
    elif not text.strip() and param not in MODEL_NAME_FIELDS:
        response = bad_query("Type part of a model or organization name in q.")
    else:
        suggestions = suggest(text) if text.strip() else []
        response = render(
            request, "includes/compare_suggestions.html", {"suggestions": suggestions}
        )
    response["X-Robots-Tag"] = "noindex"
    return response


def bad_query(message):
    return HttpResponseBadRequest(format_html("<p>{}</p>", message))


def with_query(url, request):
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def pair_detail(request, pair):
    requested = parse_pair_slug(pair)
    if requested is None:
        raise Http404("A pair URL names two models: /compare/<a>-vs-<b>/.")
    published = LanguageModel.objects.published()
    if requested.is_self_pair:
        model = get_object_or_404(published, slug=requested.first)
        return HttpResponsePermanentRedirect(model.get_absolute_url())
    if not requested.is_canonical:
        if published.filter(slug__in=[requested.first, requested.second]).count() != 2:
            raise Http404("No such pair of published models.")
        url = pair_url(requested.first, requested.second)
        return HttpResponsePermanentRedirect(with_query(url, request))

    pair = load_pair(requested.first, requested.second)
    if pair is None:
        raise Http404("No such pair of published models.")
    traffic_defaults = TrafficDefaults.kept()
    defaults = traffic_defaults.as_traffic()
    a, b = pair
    form = TrafficForm.from_query(request.GET, defaults, providers=shared_priced_providers(a, b))
    valid = form.is_valid() if form.is_bound else True
    traffic = form.traffic() if valid else defaults
    pricing = form.pricing_choice() if valid else FOR_THE_PAIR
    fragment = wants_fragment(request)
    page = pair_page(a, b, traffic, defaults, pricing, related=not fragment)
    precise()  # the page's reads declare what they show (catalog/dependencies.py)

    context = {
        "meta": page.meta,
        "page": page,
        "form": form,
        "add_form": AddModelForm(),  # "Compare with a third": a lineup (comparisons/lineup.py)
        "faq_json_ld": json_ld(faq_json_ld(page.faq)),
    }
    status = 200 if valid else 400
    if fragment:
        response = render(request, "comparisons/pair_cost.html", context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return response
    response = render(request, "comparisons/pair.html", context, status=status)
    # The prose speaks of the default traffic, so a change of it is a change of the page.
    return set_last_modified(
        response, [page.last_reviewed.last_modified, traffic_defaults.updated_at]
    )


@require_safe
@vary_on_headers("HX-Request", "HX-History-Restore-Request")
def cost(request):
    """Every published model ranked by the monthly cost of the reader's workload."""
    traffic_defaults = TrafficDefaults.kept()
    choices = read_choices()
    form = choices.form(request.GET, traffic_defaults.as_traffic())
    try:
        page = read_cost_page(form, choices, traffic_defaults.updated_at)
    except InvalidPage as error:
        number = form.cleaned_data["page"]
        raise Http404(f"The ranking has no page {number} for this query.") from error
    return render_results_page(
        request,
        ("comparisons/cost.html", "comparisons/cost_results.html"),
        page,
        400 if form.errors else 200,
        form=form,
        context_suggestions=CONTEXT_SUGGESTIONS,
    )


@require_safe
def cost_csv(request):
    """The whole ranking `/cost/` shows for the same query, as a CSV file."""
    choices = read_choices()
    form = choices.form(request.GET, TrafficDefaults.kept().as_traffic())
    response: HttpResponseBase
    if not form.is_valid():
        response = HttpResponseBadRequest(
            f"No file for this query. {errors_in_words(form)}\n",
            content_type="text/plain; charset=utf-8",
        )
    else:
        response = StreamingHttpResponse(
            csv_lines(csv_rows(form, choices)), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="workload-cost.csv"'
    response["X-Robots-Tag"] = "noindex"
    return response
