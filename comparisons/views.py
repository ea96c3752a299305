"""The pair page: parse the URL and the traffic, build the page, render it (or its cost part)."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from catalog.models import LanguageModel
from catalog.responses import set_last_modified, wants_fragment
from catalog.seo import PageMeta, json_ld
from comparisons.forms import TrafficForm
from comparisons.models import TrafficDefaults
from comparisons.page import faq_json_ld
from comparisons.pairs import pair_url, parse_pair_slug
from comparisons.reads import pair_page


def with_query(url, request):
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def pair_meta(page, path):
    """A pair is indexable once an editor has reviewed both models."""
    return PageMeta(
        title=f"{page.title}: context, price, capabilities | LLM Reference",
        description=page.intro[0],
        canonical_path=path,
        indexable=all(model.stamp.reviewed_at is not None for model in (page.a, page.b)),
        og_type="article",
    )


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

    traffic_defaults = TrafficDefaults.load()
    defaults = traffic_defaults.as_traffic()
    form = TrafficForm.from_query(request.GET, defaults)
    valid = form.is_valid() if form.is_bound else True
    traffic = form.traffic() if valid else defaults
    fragment = wants_fragment(request)
    page = pair_page(requested.first, requested.second, traffic, defaults, related=not fragment)
    if page is None:
        raise Http404("No such pair of published models.")

    canonical_path = reverse("pair_detail", args=[pair])
    context = {
        "meta": pair_meta(page, canonical_path),
        "page": page,
        "form": form,
        "canonical_path": canonical_path,
        "faq_json_ld": json_ld(faq_json_ld(page.faq)),
    }
    status = 200 if valid else 400
    if fragment:
        response = render(request, "comparisons/pair.html#cost", context, status=status)
        response["X-Robots-Tag"] = "noindex"
        return response
    response = render(request, "comparisons/pair.html", context, status=status)
    # The prose speaks of the default traffic, so a change of it is a change of the page.
    return set_last_modified(
        response, [page.last_reviewed.last_modified, traffic_defaults.updated_at]
    )
