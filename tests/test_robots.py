"""robots.txt: the sitemap by its absolute URL; crawlers kept out of the admin and of the
fragment-only autocomplete. Fragments served at page URLs say noindex themselves."""

from urllib.robotparser import RobotFileParser

import pytest

pytestmark = pytest.mark.django_db


def parsed(response):
    rules = RobotFileParser()
    rules.parse(response.content.decode().splitlines())
    return rules


def test_robots_txt_names_the_sitemap_and_what_to_leave_alone(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /compare/autocomplete/\n"
        "\n"
        "Sitemap: http://testserver/sitemap.xml\n"
    )


def test_the_sitemap_url_is_absolute_with_the_request_scheme_and_host(client, settings):
    settings.ALLOWED_HOSTS = ["llm-reference.example"]

    response = client.get("/robots.txt", secure=True, headers={"host": "llm-reference.example"})

    assert parsed(response).site_maps() == ["https://llm-reference.example/sitemap.xml"]


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/compare/autocomplete/?q=qwen", False),
        ("/", True),
        ("/models/", True),
        ("/models/qwen3-5-122b-a10b/", True),
        ("/providers/openrouter/", True),
        ("/compare/", True),
        ("/compare/gpt-5-3-codex-spark-vs-qwen3-5-122b-a10b/", True),
        ("/sitemap.xml", True),
        ("/sitemap-pairs.xml?p=2", True),
    ],
)
def test_what_crawlers_may_fetch(client, path, allowed):
    assert parsed(client.get("/robots.txt")).can_fetch("Googlebot", path) is allowed


def test_a_head_request_is_answered(client):
    head = client.head("/robots.txt")
    assert head.status_code == 200
    assert head["Content-Type"] == client.get("/robots.txt")["Content-Type"]
    assert head.content == b""


def test_htmx_fragments_at_page_urls_say_noindex(client, make_model):
    """robots.txt cannot tell a fragment from its page (same URL, HX-Request header): the
    fragment says noindex in its own header, the page does not."""
    make_model("Alpha")
    make_model("Beta")

    fragment = client.get("/compare/alpha-vs-beta/", headers={"HX-Request": "true"})
    page = client.get("/compare/alpha-vs-beta/")

    assert fragment.status_code == page.status_code == 200
    assert fragment["X-Robots-Tag"] == "noindex"
    assert "X-Robots-Tag" not in page


def test_robots_txt_does_not_say_where_the_admin_is(client):
    """Naming it would point attackers at it; its pages say noindex themselves, and it
    answers nothing without a login."""
    assert "admin" not in client.get("/robots.txt").content.decode()
    login = client.get("/admin/login/").content.decode()
    assert '<meta name="robots" content="NONE,NOARCHIVE">' in login
