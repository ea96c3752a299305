"""What editors and sources write is text on every public page: the Jinja2 environment of
the public pages (config/jinja2.py) escapes what it prints, as Django's engine did."""

import pytest

from catalog.slugs import pair_url

pytestmark = pytest.mark.django_db

NAME = 'Evil <script>alert("x")</script> & Co'
ESCAPED = "Evil &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; Co"


def test_a_name_with_markup_is_escaped_on_every_page_it_reaches(
    client, make_model, make_route, make_provider
):
    evil = make_model(NAME)
    other = make_model("Plain Model")
    third = make_model("Third Model")
    provider = make_provider("Host <b>bold</b>")
    make_route(evil, provider, "1", "2")
    make_route(other, provider, "1", "3")
    pages = [
        evil.get_absolute_url(),
        pair_url(evil.slug, other.slug),
        "/models/",
        f"/providers/{provider.slug}/",
        f"/models/{evil.slug}/{provider.slug}/",
        "/compare/autocomplete/?q=Evil",
        f"/compare/?models={evil.slug},{other.slug},{third.slug}",
    ]

    for url in pages:
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code == 200, url
        assert "<script>alert" not in text, url
        assert "<b>bold</b>" not in text, url
        assert ESCAPED in text, url
    for url in [*pages[:2], *pages[3:5], pages[6]]:  # the pages that name the provider
        assert "Host &lt;b&gt;bold&lt;/b&gt;" in client.get(url).content.decode(), url
    lineup_fragment = client.get(pages[6], headers={"HX-Request": "true"}).content.decode()
    assert lineup_fragment.lstrip().startswith("<title>Evil &lt;script&gt;")


def test_what_a_reader_types_is_escaped_where_a_lineup_says_it_back(client, make_model):
    make_model("Plain Model")
    typed = "<script>alert(1)</script>"

    response = client.get("/compare/", {"models": f"plain-model,{typed}", "add": typed})

    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()
