"""No input is a server error: generated requests to every public URL pattern (odd slugs,
unicode, huge and negative numbers, repeated and unknown query parameters, wrong methods,
oversized headers) all get an answer below 500, and every 400 or 404 says what is wrong.

10,000 requests in all (4,000 anywhere, 2,500 to the models list, 1,500 to a pair page,
1,000 picks and 1,000 autocompletes), in-process through the site's whole middleware stack,
on the reference catalog. A tier of its own (`make test-fuzz`, about two minutes): CI runs
it once, on SQLite; `make test` leaves it out.
"""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]


def fuzz(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        derandomize=True,  # the same requests every run: a failure can be replayed
    )


SLUGS = ("gpt-5-3-codex-spark", "qwen3-5-122b-a10b", "ling-2-5-1t", "openrouter")
NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        ["NaN", "nan", "Infinity", "-inf", "1e999999", "9" * 20_000, "0x1F", "1_000", "", " "]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.from_regex(r"\$?[0-9]{1,6}(\.[0-9]{0,8})?[kKmM]?", fullmatch=True),
)
TEXT = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=300),
    st.sampled_from(["\x00", "../../etc/passwd", "<script>alert(1)</script>", "%00", "x" * 10_000]),
)
SLUG = st.one_of(st.sampled_from(SLUGS), TEXT, st.from_regex(r"[a-z0-9-]{1,80}", fullmatch=True))
PARAMETER_NAMES = st.sampled_from(
    [
        "requests",
        "input_tokens",
        "output_tokens",
        "mode",
        "capability",
        "openness",
        "provider",
        "min_context",
        "max_price",
        "sort",
        "page",
        "p",
        "q",
        "a",
        "b",
        "models",
        "add",
        "remove",
        "utm_source",
    ]
)
QUERY = st.lists(st.tuples(PARAMETER_NAMES | TEXT, NUMBERS | TEXT | SLUG), max_size=30)
METHOD = st.sampled_from(["GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
HEADERS = st.fixed_dictionaries(
    {},
    optional={
        "HX-Request": st.sampled_from(["true", "false", "", "x" * 1_000]),
        "HX-History-Restore-Request": st.sampled_from(["true", ""]),
        "Accept-Encoding": st.sampled_from(["gzip", "br, gzip", "zstd", "*", "x" * 3_000]),
        "If-None-Match": st.text(max_size=200),
        "If-Modified-Since": st.sampled_from(["yesterday", "Wed, 21 Oct 2015 07:28:00 GMT"]),
        "X-Large": st.just("y" * 100_000),
    },
)


def pair_path(first, second):
    return f"/compare/{first}-vs-{second}/"


PATHS = st.one_of(
    st.builds(lambda slug: f"/models/{slug}/", SLUG),
    st.builds(lambda slug: f"/providers/{slug}/", SLUG),
    st.builds(lambda model, provider: f"/models/{model}/{provider}/", SLUG, SLUG),
    st.builds(lambda slug: f"/models/{slug}/feed/", SLUG),
    st.builds(lambda slug: f"/families/{slug}/", SLUG),
    st.builds(lambda slug: f"/benchmarks/{slug}/", SLUG),
    st.builds(lambda text: f"/api/v1/{text}", TEXT),
    st.builds(pair_path, SLUG, SLUG),
    st.builds(lambda text: f"/compare/{text}/", TEXT),
    st.sampled_from(
        [
            "/",
            "/models/",
            "/providers/",
            "/compare/",
            "/compare/autocomplete/",
            "/families/",
            "/benchmarks/",
            "/retiring/",
            "/data/",
            "/feeds/prices/",
            "/feeds/new-models/",
            "/feeds/retirements/",
            "/api/v1/",
            "/api/v1/models",
            "/api/v1/routes",
            "/api/v1/price-history",
            "/api/v1/scores",
            "/api/v1/families",
            "/api/v1/models.csv",
            "/api/v1/openapi.json",
            f"/models/{SLUGS[0]}/feed/",
            "/sitemap.xml",
            "/sitemap-models.xml",
            "/sitemap-pairs.xml",
            "/sitemap-providers.xml",
            "/robots.txt",
            "/healthz",
            pair_path(SLUGS[0], SLUGS[1]),
            pair_path(SLUGS[1], SLUGS[0]),
        ]
    ),
    st.builds(lambda text: f"/sitemap-{text}.xml", TEXT),
)


def answer(client, method, path, query, headers):
    request = getattr(client, method.lower())
    if method in ("GET", "HEAD", "DELETE", "OPTIONS"):
        return request(path, query, headers=headers)
    return request(path, dict(query), headers=headers)


def check(response):
    assert response.status_code < 500, response.status_code
    if response.status_code in (400, 404) and response.request["REQUEST_METHOD"] != "HEAD":
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert len(body.strip()) > 0  # says what is wrong


@pytest.fixture
def client_for_fuzz(reference_catalog):
    return Client(raise_request_exception=False)


@fuzz(4_000)
@given(method=METHOD, path=PATHS, query=QUERY, headers=HEADERS)
def test_any_request_to_any_public_page_is_answered_below_500(
    client_for_fuzz, method, path, query, headers
):
    check(answer(client_for_fuzz, method, path, query, headers))


@fuzz(2_500)
@given(query=QUERY, headers=HEADERS)
def test_any_query_of_the_models_list_is_answered_below_500(client_for_fuzz, query, headers):
    check(client_for_fuzz.get("/models/", query, headers=headers))


@fuzz(1_500)
@given(query=QUERY, headers=HEADERS)
def test_any_traffic_for_a_pair_page_is_answered_below_500(client_for_fuzz, query, headers):
    check(client_for_fuzz.get(pair_path(SLUGS[0], SLUGS[1]), query, headers=headers))


@fuzz(1_000)
@given(query=QUERY)
def test_any_pick_or_autocomplete_is_answered_below_500(client_for_fuzz, query):
    check(client_for_fuzz.get("/compare/", query))
    check(client_for_fuzz.get("/compare/autocomplete/", query))
