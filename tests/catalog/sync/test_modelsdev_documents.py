"""models.dev by URL: api.json and models.json, written here from a fixture tree as
models.dev's generator writes them (modelsdev_documents.py) and served from 127.0.0.1, read
as the tree is read, with a timeout and a size limit."""

import threading
from functools import partial
from http.server import ThreadingHTTPServer

import pytest

from catalog.models import LanguageModel, Route
from catalog.sync import runs
from catalog.sync.modelsdev import read_documents, read_tree
from catalog.sync.runs import execute, read_source, start_run
from catalog.sync.snapshot import SourceError
from tests.catalog.sync.conftest import QuietHandler
from tests.catalog.sync.modelsdev_documents import write_documents
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

GPT = """
name = "GPT-5"
family = "gpt"
release_date = "2025-08-07"
last_updated = "2025-08-07"
open_weights = false
license = "Proprietary"
tool_call = true

[limit]
context = 400_000
output = 128_000

[modalities]
input = ["text", "image"]
output = ["text"]

[[benchmarks]]
name = "SWE-bench Verified"
score = 74.9
metric = "accuracy"
source = "https://openai.com/index/introducing-gpt-5/"

[[weights]]
label = "none"
url = "https://example.com/none"
"""


@pytest.fixture
def tree(tmp_path):
    """Two canonical models; their makers' APIs and a reseller naming them by base_model
    (under ids models.dev's pages resolve the same way); a model of a provider's own; a
    context tier, a batch mode, an omitted field, and an image model."""
    root = tmp_path / "tree"
    write(root, "models/moonshotai/kimi-k2.5.toml", CANONICAL)
    write(root, "models/openai/gpt-5.toml", GPT)
    write(root, "providers/moonshotai/provider.toml", 'name = "Moonshot AI"\n')
    write(
        root,
        "providers/moonshotai/models/kimi-k2.5.toml",
        'base_model = "moonshotai/kimi-k2.5"\n[cost]\ninput = 0.6\noutput = 3\ncache_read = 0.1\n',
    )
    write(root, "providers/openai/provider.toml", 'name = "OpenAI"\ndoc = "https://openai.com"\n')
    write(
        root,
        "providers/openai/models/gpt-5.toml",
        'base_model = "openai/gpt-5"\nbase_model_omit = ["limit.output"]\n'
        "[cost]\ninput = 1.25\noutput = 10\n"
        '[[cost.tiers]]\ninput = 2.5\noutput = 20\n[cost.tiers.tier]\ntype = "context"\n'
        "size = 272_000\n"
        "[experimental.modes.batch.cost]\ninput = 0.625\noutput = 5\n",
    )
    write(root, "providers/novita/provider.toml", 'name = "Novita AI"\n')
    write(
        root,
        "providers/novita/models/moonshotai/kimi-k2.5.toml",
        'base_model = "moonshotai/kimi-k2.5"\n[cost]\ninput = 0.55\noutput = 2.8\n'
        "[limit]\ncontext = 131_072\n",
    )
    write(
        root,
        "providers/novita/models/novita/house-model.toml",
        'name = "House Model 1"\nrelease_date = "2026-01-05"\nopen_weights = true\n'
        "[cost]\ninput = 0.1\noutput = 0.2\n[limit]\ncontext = 32_768\noutput = 8_192\n",
    )
    write(
        root,
        "providers/novita/models/painter.toml",
        'name = "Painter"\n[modalities]\ninput = ["text"]\noutput = ["image"]\n',
    )
    return root


@pytest.fixture
def served(tree, tmp_path):
    """http://127.0.0.1:<port>/ serving the tree's api.json and models.json."""
    folder = tmp_path / "served"
    folder.mkdir()
    write_documents(tree, folder)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", folder
    server.shutdown()
    server.server_close()


def test_the_documents_read_as_the_tree_does(tree, served):
    url, _ = served
    by_url = read_source("modelsdev", f"{url}/api.json")
    by_tree = read_tree(tree)

    assert by_url.location == f"{url}/api.json"
    assert by_url.providers == by_tree.providers
    assert by_url.models == by_tree.models  # the canonical models, with their scores
    assert by_url.routes == by_tree.routes  # prices, tiers, modes, what each route states
    assert [skip.reason for skip in by_url.skipped] == [s.reason for s in by_tree.skipped]
    gpt = next(route for route in by_url.routes if route.key == "openai/gpt-5")
    assert gpt.base_key == "openai/gpt-5"
    assert gpt.model.max_output_tokens is None  # base_model_omit
    assert gpt.model.license_name == ""  # a canonical model's own, not inherited
    assert [tier.above_tokens for tier in gpt.tiers] == [272_000]
    assert {route.service_mode for route in by_url.routes} == {"", "batch"}


@pytest.mark.django_db
def test_a_sync_by_url_after_the_trees_changes_nothing(tree, served):
    url, _ = served
    first = execute(start_run("modelsdev", tree))
    models, routes = LanguageModel.objects.count(), Route.objects.count()

    again = execute(start_run("modelsdev", f"{url}/api.json"))

    assert first.status == again.status == "succeeded"
    assert (again.created, again.updated, again.proposed) == (0, 0, 0)
    assert (LanguageModel.objects.count(), Route.objects.count()) == (models, routes)
    assert models == 3
    assert routes >= 5


def test_a_provider_model_whose_base_its_id_does_not_name_is_told_by_name(tree, tmp_path):
    """api.json no longer names a base_model: an id models.dev's pages cannot resolve (not
    the canonical key, nor the provider's key before it) leaves the route's model to the
    identity rules, by its name, as any provider's entry."""
    write(
        tree,
        "providers/novita/models/kimi-latest-2-5.toml",
        'base_model = "moonshotai/kimi-k2.5"\n[cost]\ninput = 0.5\noutput = 2.5\n',
    )
    write_documents(tree, tmp_path)
    snapshot = read_documents(
        (tmp_path / "api.json").read_bytes(), (tmp_path / "models.json").read_bytes(), "here"
    )
    route = next(r for r in snapshot.routes if r.key == "novita/kimi-latest-2-5")
    assert route.base_key == ""
    assert route.model.name == "Kimi K2.5"  # inherited: what the identity rules read


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<html>models</html>", "api.json is not JSON"),
        (b"[1, 2]", "api.json is not a JSON object of models.dev's"),
    ],
)
def test_a_document_that_is_not_models_devs_fails_the_read(document, message):
    with pytest.raises(SourceError, match=message):
        read_documents(document, b"{}", "here")


@pytest.mark.django_db
def test_a_document_over_the_size_limit_fails_the_run(served, monkeypatch):
    url, folder = served
    monkeypatch.setattr(runs, "MAX_DOCUMENT_BYTES", (folder / "api.json").stat().st_size - 1)

    run = execute(start_run("modelsdev", f"{url}/api.json"))

    assert run.status == "failed"
    assert "over the" in run.error
    assert "byte limit" in run.error
    assert LanguageModel.objects.count() == 0


@pytest.mark.django_db
def test_an_unreachable_url_fails_the_run_saying_so():
    run = execute(start_run("modelsdev", "http://127.0.0.1:9/api.json"))
    assert run.status == "failed"
    assert "could not fetch http://127.0.0.1:9/api.json" in run.error
