"""What a page depends on and what a write changes (catalog/dependencies.py, catalog/
changes.py), and the page cache that keeps a page across the writes that change nothing
it shows (config/page_cache.py).

A page's keys are read from its `Surrogate-Key` header; a write's keys from what it
publishes once committed (`changes_committed`)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from catalog.changes import catalog_changed
from catalog.dependencies import recording
from catalog.merge import merge_models
from catalog.models import (
    Benchmark,
    BenchmarkScore,
    DecisionTag,
    LanguageModel,
    ModelCapability,
    ModelFamily,
    Route,
)
from catalog.signals import changes_committed
from catalog.similar import refresh_similar_models
from catalog.slugs import pair_url
from catalog.sync.runs import execute, start_run
from comparisons.models import FeaturedComparison, TrafficDefaults
from config.page_cache import PageCacheMiddleware
from tests.catalog.sync.test_modelsdev_parser import write_kimi

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(django_capture_on_commit_callbacks):
    """`with published() as keys:` the keys the writes inside published once committed."""

    class Capture:
        def __init__(self):
            self.keys: set[str] = set()

        def __enter__(self):
            self.callbacks = django_capture_on_commit_callbacks(execute=True)
            changes_committed.connect(self.heard)
            self.callbacks.__enter__()
            return self.keys

        def heard(self, sender, version, keys, **kwargs):
            self.keys.update(keys)

        def __exit__(self, *exc):
            self.callbacks.__exit__(*exc)
            changes_committed.disconnect(self.heard)

    return Capture


def keys_of(reader, url) -> set[str]:
    response = reader.get(url)
    assert response.status_code == 200, url
    return set(response["Surrogate-Key"].split())


def served_from(reader, url) -> str:
    return reader.get(url)["X-Cache"]


def pages_of(catalog):
    spark, qwen, ling = catalog.spark, catalog.qwen, catalog.ling
    route = Route.objects.filter(model=spark).select_related("provider").first()
    return {
        "spark": spark.get_absolute_url(),
        "ling": ling.get_absolute_url(),
        "spark-qwen": pair_url(spark.slug, qwen.slug),
        "qwen-ling": pair_url(qwen.slug, ling.slug),
        "route": reverse("catalog:route_detail", args=[spark.slug, route.provider.slug]),
        "models": reverse("catalog:model_list"),
        "home": reverse("comparisons:home"),
    }


def test_each_page_kind_records_what_it_shows(page_cache, reference_catalog, reader):
    catalog = reference_catalog
    spark, qwen = catalog.spark.pk, catalog.qwen.pk
    route = Route.objects.filter(model=catalog.spark).first()
    urls = pages_of(catalog)

    model_page = keys_of(reader, urls["spark"])
    assert {
        f"languagemodel={spark}",
        f"route={route.pk}",
        f"provider={route.provider_id}",
        f"route.model={spark}",  # a route added to the model
        f"modelcapability.model={spark}",
        f"benchmarkscore.model={spark}",
        f"similarmodel.model={spark}",  # its similar models
        "capability",  # the capabilities' list, read whole
    } <= model_page
    assert "catalog" not in model_page  # it is kept across unrelated writes

    pair_page = keys_of(reader, urls["spark-qwen"])
    assert {
        f"languagemodel={spark}",
        f"languagemodel={qwen}",
        f"route.model={qwen}",
        f"similarmodel.model={qwen}",
        f"trafficdefaults={TrafficDefaults.load().pk}",
    } <= pair_page

    assert {f"route={route.pk}", f"route.model={spark}"} <= keys_of(reader, urls["route"])
    # The pages that list or aggregate the catalog depend on all of it.
    for url in (urls["models"], urls["home"], reverse("sitemap_index")):
        assert keys_of(reader, url) == {"catalog"}, url


def test_each_kind_of_write_publishes_the_keys_it_touched(reference_catalog, published, editor):
    catalog = reference_catalog
    route = Route.objects.filter(model=catalog.spark).first()
    every = {"catalog"}

    with published() as keys:  # a save
        route.output_price = Decimal("9.75")
        route.save()
    assert {
        f"route={route.pk}",
        f"route.model={catalog.spark.pk}",
        f"route.provider={route.provider_id}",
        "route",
    } | every <= keys
    assert not any(key.startswith("languagemodel") for key in keys)  # the model is unchanged

    with published() as keys:  # a bulk update: the review of two models
        LanguageModel.objects.filter(pk__in=[catalog.spark.pk, catalog.qwen.pk]).mark_reviewed(
            editor
        )
    assert {f"languagemodel={catalog.spark.pk}", f"languagemodel={catalog.qwen.pk}"} <= keys
    assert f"languagemodel={catalog.ling.pk}" not in keys

    benchmark = Benchmark.objects.create(name="Polyglot", slug="polyglot", unit="%")
    with published() as keys:  # a bulk create
        BenchmarkScore.objects.bulk_create(
            [BenchmarkScore(model=catalog.ling, benchmark=benchmark, value=Decimal("50"))]
        )
    assert {f"benchmarkscore.model={catalog.ling.pk}"} <= keys

    with published() as keys:  # the traffic defaults
        defaults = TrafficDefaults.load()
        defaults.requests_per_month += 1
        defaults.save()
    assert f"trafficdefaults={defaults.pk}" in keys

    with published() as keys:  # a featured pair
        FeaturedComparison.objects.create(model_a=catalog.spark, model_b=catalog.ling)
    assert "featuredcomparison" in keys

    loser, survivor = catalog.ling.pk, catalog.qwen.pk
    loser_routes = set(Route.objects.filter(model=loser).values_list("pk", flat=True))
    with published() as keys:  # a merge: every page showing either model
        merge_models(catalog.qwen, catalog.ling)
    assert {f"languagemodel={loser}", f"languagemodel={survivor}"} <= keys
    assert {f"route={pk}" for pk in loser_routes} <= keys


def test_a_sync_publishes_once_and_a_resync_of_the_same_input_nothing(published, tmp_path):
    write_kimi(tmp_path)
    with published() as first:
        assert execute(start_run("modelsdev", tmp_path)).status == "succeeded"
    kimi = LanguageModel.objects.get(name="Kimi K2.5")
    assert {f"languagemodel={kimi.pk}", f"route.model={kimi.pk}"} <= first

    with published() as again:
        assert execute(start_run("modelsdev", tmp_path)).status == "succeeded"
    assert again == set()  # nothing changed: no page is purged


def test_a_save_keeps_every_page_that_does_not_show_what_it_changed(
    page_cache, reference_catalog, reader
):
    catalog = reference_catalog
    urls = pages_of(catalog)
    for url in urls.values():
        reader.get(url)
    # Ling's page shows Spark among its similar models, by name: not its routes.
    route = Route.objects.filter(model=catalog.spark).first()
    route.output_price = Decimal("9.75")
    route.save()

    served = {name: served_from(reader, url) for name, url in urls.items()}
    assert served == {
        "spark": "miss",
        "ling": "hit",
        "spark-qwen": "miss",
        "qwen-ling": "hit",
        "route": "miss",
        "models": "miss",  # a list depends on everything
        "home": "miss",
    }
    assert "$9.75" in reader.get(urls["spark"]).content.decode()

    TrafficDefaults.objects.update(requests_per_month=123_456)  # the pairs speak of it
    FeaturedComparison.objects.none().update(model_a=catalog.spark)  # no row: no change
    served = {name: served_from(reader, url) for name, url in urls.items()}
    assert (served["spark"], served["spark-qwen"], served["qwen-ling"]) == ("hit", "miss", "miss")


def test_a_renamed_model_purges_every_page_that_names_it(page_cache, reference_catalog, reader):
    catalog = reference_catalog
    urls = pages_of(catalog)
    for url in urls.values():
        reader.get(url)
    catalog.qwen.name = "Qwen Renamed"
    catalog.qwen.save()

    for name, url in urls.items():
        page = reader.get(url)
        if "Qwen Renamed" not in page.content.decode():
            assert "Qwen3.5" not in page.content.decode(), name  # not named there at all


def test_a_new_similar_ranking_purges_the_pages_that_list_it(page_cache, reference_catalog, reader):
    catalog = reference_catalog
    url = catalog.spark.get_absolute_url()
    reader.get(url)
    refresh_similar_models()  # nothing moved: the page is kept
    assert served_from(reader, url) == "hit"

    catalog_changed([f"similarmodel.model={catalog.spark.pk}"])
    assert served_from(reader, url) == "miss"


def test_a_render_that_read_before_a_commit_and_was_stored_after_it_is_never_served(
    page_cache, reference_catalog, reader
):
    """The race: a page reads the catalog, a write commits, then the page is stored. The
    write stamped the page's keys later than the version the page read before rendering."""
    catalog = reference_catalog
    url = catalog.spark.get_absolute_url()
    route = Route.objects.filter(model=catalog.spark).first()
    original = PageCacheMiddleware.__init__

    def render_then_write(self, get_response):
        def rendered_before_the_write(request):
            response = get_response(request)  # read the old price
            route.output_price = Decimal("9.75")
            route.save()
            return response  # stored after the write

        original(self, rendered_before_the_write)

    PageCacheMiddleware.__init__ = render_then_write
    try:
        racing = Client()
        old = racing.get(url)
    finally:
        PageCacheMiddleware.__init__ = original
    assert "$9.75" not in old.content.decode()

    with CaptureQueriesContext(connection):
        after = reader.get(url)
    assert after["X-Cache"] == "miss"
    assert "$9.75" in after.content.decode()


def writes(catalog):
    """Each kind of write an editor, a sync or a refresh makes, one after another."""
    spark, qwen, ling = catalog.spark, catalog.qwen, catalog.ling
    route = Route.objects.filter(model=spark).first()
    other_route = Route.objects.filter(model=ling).first()
    benchmark = Benchmark.objects.create(name="Polyglot", slug="polyglot", unit="%")
    tag = DecisionTag.objects.create(name="Oracle tag", slug="oracle-tag")
    family = ModelFamily.objects.create(
        name="Letters", slug="letters", organization=spark.organization
    )
    support = ModelCapability.objects.filter(model=qwen).first()

    def save(record, **values):
        for field, value in values.items():
            setattr(record, field, value)
        record.save()

    return {
        "route price": lambda: save(
            route, input_price=Decimal("1.5"), output_price=Decimal("9.75")
        ),
        "route deactivated": lambda: save(other_route, is_active=False),
        "route added": lambda: Route.objects.create(
            model=ling, provider=route.provider, input_price=Decimal("2"), output_price=Decimal("4")
        ),
        "model renamed": lambda: save(qwen, name="Qwen Renamed"),
        "model in a family": lambda: save(spark, family=family),
        "family renamed": lambda: save(family, name="Alphabet"),
        "provider renamed": lambda: save(route.provider, name="Renamed Cloud"),
        "organization renamed": lambda: save(ling.organization, name="Renamed Labs"),
        "capability changed": lambda: save(support, support=ModelCapability.Support.NO),
        "capability renamed": lambda: save(support.capability, name="Renamed capability"),
        "score added": lambda: BenchmarkScore.objects.create(
            model=qwen, benchmark=benchmark, value=Decimal("61.5")
        ),
        "benchmark renamed": lambda: save(benchmark, name="Polyglot 2"),
        "tag added": lambda: spark.decision_tags.add(tag),
        "tag renamed": lambda: save(tag, name="Oracle tag renamed"),
        "similar refreshed": refresh_similar_models,
        "traffic defaults": lambda: TrafficDefaults.objects.update(requests_per_month=777_000),
        "featured pair": lambda: FeaturedComparison.objects.create(model_a=spark, model_b=ling),
        "reviewed": lambda: LanguageModel.objects.filter(pk=ling.pk).mark_reviewed(None),
        "unpublished": lambda: save(ling, is_published=False),
    }


@pytest.mark.parametrize("memo", [False, True], ids=["built", "from the memo"])
def test_every_write_that_changes_a_page_purges_it(
    reference_catalog, published, settings, editor, memo
):
    """The property the cache rests on, over every page kind that says what it shows and
    every kind of write: a page whose content a write changed shares a key with it. With
    the memo (config/memo.py), an editor's pages (never stored) are built from the facts
    it keeps: after every write, each is what it is when built from nothing."""
    catalog = reference_catalog
    spark, qwen, ling = catalog.spark, catalog.qwen, catalog.ling
    route = Route.objects.filter(model=spark).select_related("provider").first()
    urls = [
        *(model.get_absolute_url() for model in (spark, qwen, ling)),
        reverse("catalog:route_detail", args=[spark.slug, route.provider.slug]),
        pair_url(spark.slug, qwen.slug),
        pair_url(spark.slug, ling.slug),
        pair_url(qwen.slug, ling.slug),
        f"/compare/?models={qwen.slug},{spark.slug},{ling.slug}",  # a lineup
    ]
    reader = Client()
    reader.force_login(editor)  # a session: never served from the page cache

    def render(url, kept=False):
        settings.PAGE_CACHE = kept  # the memo's switch
        with recording() as shown:
            response = reader.get(url)
        return response.status_code, response.content, shown.final()

    missed = []
    for name, write in writes(catalog).items():
        before = {url: render(url, kept=memo) for url in urls}
        with published() as keys:
            write()
        for url in urls:
            status, content, shown = before[url]
            built = render(url)[:2]
            if (status, content) != built and not keys & shown:
                missed.append((name, url))
            if memo and render(url, kept=True)[:2] != built:
                missed.append((name, url, "kept"))
    assert missed == []
