"""The pair page's templates rendered by Django's engine and by a Jinja2 prototype of them:
the numbers that decide whether the public pages move to Jinja2.

    make real-catalog
    .venv/bin/python benchmarks/template_engines.py --database real-catalog.sqlite3 [--pairs 400]

Reads a COPY of the SQLite catalog it is given. Renders --pairs different pair pages (as
benchmarks/pair_renders.py picks them) through the pair view, each model's facts kept,
and keeps the context each page's template was given. Converts the pair page's templates
(pair.html, base.html and the includes they use) to Jinja2 in a temporary folder: a
prototype, by rules that cover those templates only (tags become functions, `include …
with` a `with` block, `{% empty %}` an `{% else %}`, the cost partial inlined). Then
renders each page's context with both engines, says how many pages differ (whitespace and
the apostrophe's entity aside: a difference means the prototype is wrong, and its timing
says nothing), and prints the median render of each.
"""

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.cache_survival import configure_copy, pages  # noqa: E402

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
PAIR = "comparisons/pair.html"
CONVERTED = [
    "base.html",
    PAIR,
    *(
        f"includes/{name}.html"
        for name in (
            "pair_table",
            "pair_cell",
            "lifecycle_badge",
            "field",
            "field_errors",
            "last_reviewed",
        )
    ),
]


def include(match: re.Match) -> str:
    name, bindings = match.group(1), match.group(2)
    if not bindings:
        return f"{{% include {name} %}}"
    pairs = re.findall(r'(\w+)=("[^"]*"|[\w.]+)', bindings)
    scope = ", ".join(f"{key}={value}" for key, value in pairs)
    return f"{{% with {scope} %}}{{% include {name} %}}{{% endwith %}}"


def to_jinja(text: str) -> str:
    """The prototype's conversion of one of the CONVERTED templates."""
    call = lambda name: lambda m: f"{{{{ {name}({', '.join(m.group(1).split())}) }}}}"  # noqa: E731
    for pattern, replacement in (
        (r"\{% load [^%]*%\}", ""),
        (r"\{#.*?#\}", ""),
        (r"\{% page_url ([^%]*?) %\}", call("page_url")),
        (r"\{% static ([^%]*?) %\}", call("static")),
        (r"\{% catalog_sources %\}", "{{ catalog_sources() }}"),
        (r"\{% partialdef [^%]*%\}|\{% endpartialdef[^%]*%\}", ""),
        (r'\{% include ("[^"]+")(?: with (.*?))? %\}', include),
        (r'\|default:("[^"]*")', r"|default(\1, true)"),
        (r'\|join:("[^"]*")', r"|join(\1)"),
    ):
        text = re.sub(pattern, replacement, text)
    return (
        text.replace("{% empty %}", "{% else %}")
        .replace("forloop.last", "loop.last")
        .replace("request.get_host", "request.get_host()")
        .replace("{{ field }}", "{{ field|string|safe }}")
    )


def normalized(html: str) -> str:
    return re.sub(r"\s+", " ", html).replace("> <", "><").replace("&#x27;", "&#39;").strip()


def median_ms(render, contexts) -> float:
    seconds = []
    for context in contexts:
        started = time.perf_counter()
        render(context)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a populated SQLite catalog")
    parser.add_argument("--pairs", type=int, default=400)
    args = parser.parse_args()

    configure_copy(args.database, "template-engines-")
    import django.shortcuts
    import jinja2
    from django.conf import settings
    from django.templatetags.static import static
    from django.test import RequestFactory

    from catalog.slugs import page_url
    from catalog.templatetags.site_format import catalog_sources
    from comparisons.views import pair_detail

    folder = Path(tempfile.mkdtemp(prefix="jinja-prototype-"))
    for name in CONVERTED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(to_jinja((TEMPLATES / name).read_text()))
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder), autoescape=True, auto_reload=False
    )
    environment.globals.update(page_url=page_url, static=static, catalog_sources=catalog_sources)
    prototype = environment.get_template(PAIR)

    contexts = []
    render_to_string = django.shortcuts.loader.render_to_string

    def keep(name, context=None, request=None, using=None):
        if name == PAIR:
            contexts.append({**context, "request": request})
        return render_to_string(name, context, request, using)

    django.shortcuts.loader.render_to_string = keep
    settings.PAGE_CACHE = True  # each model's facts kept (config/memo.py): no page cache here
    factory = RequestFactory()
    for url in [url for url in pages(args.pairs, seed=1) if url.startswith("/compare/")]:
        assert pair_detail(factory.get(url), url.split("/")[2]).status_code == 200, url
    django.shortcuts.loader.render_to_string = render_to_string

    def django_render(context):
        return render_to_string(PAIR, {**context}, context["request"])

    differ = sum(
        normalized(django_render(context)) != normalized(prototype.render(context))
        for context in contexts
    )
    print(f"{len(contexts)} real pair pages; {differ} differ between the engines")
    for _ in range(2):  # the second pass is printed: both engines warm
        django_ms = median_ms(django_render, contexts)
        jinja_ms = median_ms(prototype.render, contexts)
    print(f"  Django templates  median {django_ms:6.2f} ms")
    print(f"  Jinja2 prototype  median {jinja_ms:6.2f} ms   ({django_ms / jinja_ms:.1f}x faster)")


if __name__ == "__main__":
    main()
