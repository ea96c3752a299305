"""404 and 500 pages come in the site's design, and say what happened."""

import pytest
from django.test import Client
from django.urls import path

from config import urls as project_urls


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [*project_urls.urlpatterns, path("broken/", broken_view)]
handler404 = project_urls.handler404
handler500 = project_urls.handler500


@pytest.mark.django_db
def test_unknown_address_gets_the_designed_404(client):
    response = client.get("/no/such/page/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "<title>Page not found | LLM Reference</title>" in content
    assert '<meta name="robots" content="noindex">' in content
    assert 'href="/models/"' in content


@pytest.mark.django_db
def test_a_server_error_gets_the_designed_500(settings):
    settings.ROOT_URLCONF = __name__
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong" in content
    assert "a bug" not in content
