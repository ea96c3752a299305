"""404 and 500 pages in the site's design (Django's defaults know nothing of PageMeta)."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader

from catalog.seo import PageMeta


def page_not_found(request, exception):
    meta = PageMeta(
        title="Page not found | LLM Reference",
        description="There is no page at this address.",
        canonical_path=request.path,
        indexable=False,
    )
    return render(request, "404.html", {"meta": meta}, status=404)


def server_error(request):
    # No request context processors: they might be what failed.
    meta = PageMeta(
        title="Something went wrong | LLM Reference",
        description="The server could not answer this request.",
        canonical_path=request.path,
        indexable=False,
    )
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"meta": meta, "request": request}))
