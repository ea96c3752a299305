"""The sync applied to the catalog, on small trees written here: identity, the trust rules,
proposals approved and rejected, idempotence, atomic failure, dry runs, dated prices."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from catalog.history import route_price_changes
from catalog.models import LanguageModel, ModelCapability, Organization, Provider, Route
from catalog.sync import apply as apply_module
from catalog.sync import proposals
from catalog.sync.models import (
    ProposedChange,
    ProposedMatch,
    RouteStatement,
    SourceIdentity,
    SyncRun,
)
from catalog.sync.runs import execute, start_run
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

pytestmark = pytest.mark.django_db

NOVITA_PATH = "providers/novita/models/moonshotai/kimi-k2.5.toml"


def novita(output="2.5"):
    """Novita's entry for Kimi K2.5, at an output price."""
    return (
        'base_model = "moonshotai/kimi-k2.5"\n'
        f"[cost]\ninput = 0.6\noutput = {output}\ncache_read = 0.1\n"
    )


@pytest.fixture
def tree(tmp_path):
    write(tmp_path, "models/moonshotai/kimi-k2.5.toml", CANONICAL)
    write(tmp_path, "providers/moonshotai/provider.toml", 'name = "Moonshot AI"\n')
    write(
        tmp_path,
        "providers/moonshotai/models/kimi-k2.5.toml",
        'base_model = "moonshotai/kimi-k2.5"\n[cost]\ninput = 0.6\noutput = 3\n'
        "[[cost.tiers]]\ntier = { size = 200_000 }\ninput = 1.2\noutput = 6\n",
    )
    write(tmp_path, "providers/novita/provider.toml", 'name = "Novita AI"\n')
    write(tmp_path, NOVITA_PATH, novita())
    # Filed under no maker's folder, with no base model: matched by family and name.
    write(
        tmp_path,
        "providers/abacus/provider.toml",
        'name = "Abacus"\n',
    )
    write(
        tmp_path,
        "providers/abacus/models/kimi-k2.5.toml",
        'name = "Kimi-K2.5"\nfamily = "kimi"\n[cost]\ninput = 0.7\noutput = 2.8\n',
    )
    # Nothing says who makes it.
    write(tmp_path, "providers/abacus/models/mystery.toml", 'name = "Mystery 7B"\n')
    return tmp_path


def sync(location, source="modelsdev", **options):
    return execute(start_run(source, location, **options))


def kimi():
    return LanguageModel.objects.get(name="Kimi K2.5")


def test_a_first_sync_brings_the_model_once_with_its_routes(tree):
    run = sync(tree)

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    model = kimi()
    assert model.organization.name == "Moonshot AI"  # the provider's name for the maker
    assert model.is_published  # it has an active route
    assert model.reviewed_at is None
    assert model.sync_run == run
    assert model.context_window == 262_144
    assert model.openness == LanguageModel.Openness.OPEN_WEIGHTS
    assert model.product_type == ""  # the source does not say: unknown, not invented
    assert model.is_deprecated is True
    assert model.upstream_updated_on == date(2026, 2, 1)
    assert model.source_url == "https://models.dev/models/moonshotai/kimi-k2.5"
    support = dict(model.capability_support.values_list("capability__slug", "support"))
    assert support["tool-use"] == "yes"
    assert support["structured-outputs"] == "no"
    assert "computer-use" not in support  # not stated
    routes = {
        (route.provider.name, route.context_above): (route.input_price, route.output_price)
        for route in model.routes.select_related("provider")
    }
    assert routes == {
        ("Moonshot AI", 0): (Decimal("0.6"), Decimal(3)),
        ("Moonshot AI", 200_000): (Decimal("1.2"), Decimal(6)),
        ("Novita AI", 0): (Decimal("0.6"), Decimal("2.5")),
        ("Abacus", 0): (Decimal("0.7"), Decimal("2.8")),
    }
    assert SourceIdentity.objects.filter(source="modelsdev", object_id=model.pk).exists()
    assert run.created > 0
    assert run.proposed == 0


def test_what_cannot_be_matched_for_sure_is_skipped_with_why(tree):
    run = sync(tree)

    skipped = dict(run.skipped_inputs.values_list("ref", "reason"))
    assert skipped["abacus/mystery"] == (
        "no organization can be told for sure (proposed to the editors)"
    )
    assert not LanguageModel.objects.filter(name="Mystery 7B").exists()


def test_running_twice_over_the_same_snapshot_changes_and_proposes_nothing(tree):
    sync(tree)
    versions = dict(Route.objects.values_list("pk", "version"))
    history = Route.history.count()

    second = sync(tree)

    assert (second.created, second.updated, second.proposed) == (0, 0, 0)
    assert second.unchanged > 0
    assert dict(Route.objects.values_list("pk", "version")) == versions
    assert Route.history.count() == history


def test_a_fact_of_a_record_never_reviewed_is_updated_at_once_with_history(tree):
    sync(tree)
    write(tree, NOVITA_PATH, novita("2.2"))

    run = sync(tree)

    route = Route.objects.get(provider__name="Novita AI")
    assert route.output_price == Decimal("2.2")
    assert route.sync_run == run
    latest = route.history.first()
    assert (latest.output_price, latest.sync_run) == (Decimal("2.2"), run)
    (change,) = route_price_changes(route)
    assert (change.old, change.new, change.changed_by) == (
        Decimal("2.5"),
        Decimal("2.2"),
        f"sync run #{run.pk}",
    )
    assert run.updated == 1
    assert run.proposed == 0


def reviewed(record, editor):
    type(record).objects.filter(pk=record.pk).mark_reviewed(editor)
    record.refresh_from_db()
    return record


def test_a_reviewed_price_the_source_changes_is_proposed_and_nothing_moves(tree, editor, client):
    sync(tree)
    route = reviewed(Route.objects.get(provider__name="Novita AI"), editor)
    reviewed(kimi(), editor)
    page_before = client.get(f"/models/{kimi().slug}/").content
    write(tree, NOVITA_PATH, novita("3"))

    run = sync(tree)

    assert run.proposed == 1
    route.refresh_from_db()
    assert route.output_price == Decimal("2.5")
    assert client.get(f"/models/{kimi().slug}/").content == page_before
    (proposal,) = ProposedChange.objects.filter(status="open")
    assert (proposal.field, proposal.ours, proposal.theirs) == ("output_price", "2.5", "3")
    assert proposal.kind == ProposedChange.Kind.PRICE
    assert proposal.change_percent == Decimal("20.00")
    assert proposal.model == kimi()
    assert proposal.record == route

    # The same snapshot again: the same proposal, seen again, not a second one.
    again = sync(tree)
    assert again.proposed == 0
    assert ProposedChange.objects.count() == 1
    assert ProposedChange.objects.get().last_seen_run == again


def test_approving_applies_with_history_and_stamps_the_review(tree, editor):
    sync(tree)
    route = reviewed(Route.objects.get(provider__name="Novita AI"), editor)
    write(tree, NOVITA_PATH, novita("3"))
    sync(tree)
    before = route.reviewed_at

    assert proposals.approve(ProposedChange.objects.all(), editor) == 1

    route.refresh_from_db()
    assert route.output_price == Decimal(3)
    assert route.reviewed_by == editor
    assert route.reviewed_at > before
    assert route.sync_run is None
    assert ProposedChange.objects.get().status == ProposedChange.Status.APPROVED
    assert route.history.first().output_price == Decimal(3)
    assert sync(tree).proposed == 0  # ours and theirs agree now


def test_a_rejected_value_is_not_proposed_again_until_the_source_changes_it(tree, editor):
    sync(tree)
    reviewed(Route.objects.get(provider__name="Novita AI"), editor)
    write(tree, NOVITA_PATH, novita("3"))
    sync(tree)
    assert proposals.reject(ProposedChange.objects.all(), editor) == 1

    assert sync(tree).proposed == 0
    assert not ProposedChange.objects.filter(status="open").exists()

    write(tree, NOVITA_PATH, novita("3.5"))
    assert sync(tree).proposed == 1
    assert ProposedChange.objects.get(status="open").theirs == "3.5"


def test_a_reviewed_models_capability_change_is_proposed(tree, editor):
    sync(tree)
    model = reviewed(kimi(), editor)
    structured = CANONICAL.replace("structured_output = false", "structured_output = true")
    write(tree, "models/moonshotai/kimi-k2.5.toml", structured)

    run = sync(tree)

    assert run.proposed == 1
    proposal = ProposedChange.objects.get()
    assert (proposal.field, proposal.ours, proposal.theirs) == (
        "capability:structured-outputs",
        "no",
        "yes",
    )
    proposals.approve(ProposedChange.objects.all(), editor)
    row = ModelCapability.objects.get(model=model, capability__slug="structured-outputs")
    assert row.support == "yes"


def test_a_sync_that_fails_halfway_leaves_the_catalog_as_it_was(tree, monkeypatch):
    sync(tree)
    tables = (Organization, Provider, LanguageModel, Route)
    counts = [table.objects.count() for table in tables]
    identities = SourceIdentity.objects.count()
    write(tree, NOVITA_PATH, novita("2.2"))
    write(tree, "providers/zeta/provider.toml", 'name = "Zeta"\n')
    write(tree, "providers/zeta/models/moonshotai/kimi-k2.5.toml", novita())
    original = apply_module.Applier.apply_route
    seen = []

    def fail_late(self, route):
        seen.append(route.key)
        if len(seen) == 4:
            raise RuntimeError("the disk is full")
        return original(self, route)

    monkeypatch.setattr(apply_module.Applier, "apply_route", fail_late)
    run = sync(tree)

    assert run.status == SyncRun.Status.FAILED
    assert "the disk is full" in run.error
    assert [
        table.objects.count() for table in (Organization, Provider, LanguageModel, Route)
    ] == counts
    assert SourceIdentity.objects.count() == identities
    assert Route.objects.get(provider__name="Novita AI").output_price == Decimal("2.5")
    assert SyncRun.objects.filter(pk=run.pk).exists()  # the run itself is kept


def test_a_dry_run_counts_and_writes_nothing(tree):
    run = sync(tree, dry_run=True)

    assert run.status == SyncRun.Status.SUCCEEDED
    assert run.created > 0
    assert not LanguageModel.objects.exists()
    assert not SourceIdentity.objects.exists()
    assert run.skipped_inputs.exists()  # what was skipped is kept with the run


def test_a_missing_path_fails_the_run_with_its_reason(tmp_path):
    run = sync(tmp_path / "nowhere")

    assert run.status == SyncRun.Status.FAILED
    assert "not a models.dev tree" in run.error


def test_genai_prices_dated_prices_become_price_history_once(tree, tmp_path_factory):
    sync(tree)
    folder = tmp_path_factory.mktemp("genai")
    (folder / "providers").mkdir()
    (folder / "providers" / "novita.yml").write_text(
        "name: Novita\nid: novita\npricing_urls: [https://novita.ai/pricing]\nmodels:\n"
        "  - id: moonshotai/kimi-k2.5\n    prices:\n"
        "      - prices: {input_mtok: 0.8, output_mtok: 3}\n"
        "      - constraint: {start_date: 2026-03-01}\n"
        "        prices: {input_mtok: 0.6, output_mtok: 2.5}\n"
        "  - id: nobody/else\n    prices: {input_mtok: 1, output_mtok: 1}\n"
    )

    run = sync(folder, source="genai-prices")

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    route = Route.objects.get(provider__name="Novita AI")
    dated = route.history.filter(effective_on__isnull=False).get()
    assert dated.effective_on == date(2026, 3, 1)
    assert (dated.input_price, dated.output_price) == (Decimal("0.6"), Decimal("2.5"))
    assert dated.sync_run == run
    before = route.history.filter(history_date__lt=dated.history_date).order_by("-history_date")[0]
    assert before.input_price == Decimal("0.8")
    assert "no route in the catalog" in run.skipped_inputs.get(ref="novita/nobody/else").reason
    assert sync(folder, source="genai-prices").updated == 0  # once


def test_openrouter_is_fetched_from_a_url(tree, live_server_url):
    sync(tree)
    run = sync(f"{live_server_url}/models.json", source="openrouter")

    assert run.status == SyncRun.Status.SUCCEEDED, run.error
    route = Route.objects.get(provider__slug="openrouter")
    assert route.model == kimi()  # the same model, by maker and name
    assert route.retires_on == date(2026, 3, 31)


def test_a_url_over_the_size_limit_fails_the_run(tree, live_server_url, monkeypatch):
    from catalog.sync import runs

    monkeypatch.setattr(runs, "MAX_DOCUMENT_BYTES", 100)
    run = sync(f"{live_server_url}/models.json", source="openrouter")

    assert run.status == SyncRun.Status.FAILED
    assert "over the 100-byte limit" in run.error


def test_editors_may_decide_on_proposals_and_only_look_at_runs():
    permissions = set(
        Group.objects.get(name="Editors")
        .permissions.filter(
            content_type__model__in=["syncrun", "skippedinput", "proposedchange", "sourceidentity"]
        )
        .values_list("codename", flat=True)
    )
    assert permissions == {
        "view_syncrun",
        "start_syncrun",  # from the admin's "Catalog sync" page (tests/catalog/sync/test_tasks.py)
        "view_skippedinput",
        "view_proposedchange",
        "change_proposedchange",
        "add_sourceidentity",
        "change_sourceidentity",
        "view_sourceidentity",
        "delete_sourceidentity",
    }


def test_proposals_admin_approves_and_rejects(tree, editor, editor_client):
    sync(tree)
    reviewed(Route.objects.get(provider__name="Novita AI"), editor)
    reviewed(Route.objects.get(provider__name="Abacus"), editor)
    write(tree, NOVITA_PATH, novita("3"))
    write(
        tree,
        "providers/abacus/models/kimi-k2.5.toml",
        'name = "Kimi-K2.5"\nfamily = "kimi"\n[cost]\ninput = 0.7\noutput = 9\n',
    )
    sync(tree)
    url = "/admin/catalog/proposedchange/"
    listing = editor_client.get(url, {"change_over": "50"})
    assert listing.status_code == 200
    shown = list(listing.context["cl"].result_list)
    assert [p.theirs for p in shown] == ["9"]  # +221%, not the +20% one

    to_approve = ProposedChange.objects.get(theirs="3")
    to_reject = ProposedChange.objects.get(theirs="9")
    editor_client.post(url, {"action": "approve_proposals", "_selected_action": [to_approve.pk]})
    editor_client.post(url, {"action": "reject_proposals", "_selected_action": [to_reject.pk]})

    assert Route.objects.get(provider__name="Novita AI").output_price == Decimal(3)
    assert Route.objects.get(provider__name="Abacus").output_price == Decimal("2.8")
    to_approve.refresh_from_db()
    to_reject.refresh_from_db()
    assert (to_approve.status, to_approve.decided_by) == ("approved", editor)
    assert (to_reject.status, to_reject.decided_by) == ("rejected", editor)
    assert timezone.now() - to_approve.decided_at < timezone.timedelta(minutes=1)
    assert editor_client.get(f"{url}{to_approve.pk}/change/").status_code == 200
    assert editor_client.get("/admin/catalog/syncrun/").status_code == 200


def test_each_source_states_its_routes_prices_and_two_alike_corroborate(
    tree, tmp_path_factory, client
):
    """Moonshot AI's list price of Kimi K2.5 ($0.6 in, $3 out) and its 262,144-token
    context, stated alike by models.dev and genai-prices (catalog/corroboration.py)."""
    sync(tree)
    assert kimi().corroborated_by == 0  # models.dev alone
    folder = tmp_path_factory.mktemp("genai")
    (folder / "providers").mkdir()
    (folder / "providers" / "moonshotai.yml").write_text(
        "name: Moonshot AI\nid: moonshotai\npricing_urls: [https://platform.moonshot.ai]\n"
        "models:\n  - id: kimi-k2.5\n    context_window: 262144\n    prices:\n"
        "      - prices: {input_mtok: 0.8, output_mtok: 4}\n"
        "      - constraint: {start_date: 2026-03-01}\n"
        "        prices: {input_mtok: 0.6, output_mtok: 3}\n"
    )

    sync(folder, source="genai-prices")

    at_moonshot = RouteStatement.objects.filter(route__provider__name="Moonshot AI")
    assert sorted(at_moonshot.values_list("source", "output_price")) == [
        ("genai-prices", Decimal("3")),  # in force since March, not the older $4
        ("modelsdev", Decimal("3")),
    ]
    assert kimi().corroborated_by == 2
    page = client.get(f"/models/{kimi().slug}/").content.decode()
    assert "stated alike by 2 sources; not yet reviewed by an editor" in page
    assert 'content="noindex"' not in page


def test_a_synced_model_page_says_whose_facts_it_shows_and_is_noindex_until_reviewed(
    tree, client, editor
):
    run = sync(tree)
    url = f"/models/{kimi().slug}/"

    page = client.get(url).content.decode()
    day = timezone.localdate(run.created_at).isoformat()
    assert f"These facts are as models.dev stated them on {day}" in page
    assert "no editor has reviewed them yet" in page
    assert '<meta name="robots" content="noindex">' in page

    reviewed(kimi(), editor)
    page = client.get(url).content.decode()
    assert "no editor has reviewed them yet" not in page
    assert 'content="noindex"' not in page


def test_an_entry_matched_by_nothing_for_sure_is_proposed_and_linked_by_an_editor(tree, editor):
    # A second provider files a model under no maker, by a name no rule reads: not sure.
    write(tree, "providers/zeta/provider.toml", 'name = "Zeta"\n')
    write(tree, "providers/zeta/models/kimi.toml", 'name = "Moonlight"\n[cost]\ninput = 1\n')
    first = sync(tree)

    match = ProposedMatch.objects.get(source="modelsdev", external_id="zeta/kimi")
    assert "no organization can be told for sure" in match.reason
    assert "proposed to the editors" in first.skipped_inputs.get(ref="zeta/kimi").reason
    assert not kimi().routes.filter(provider__name="Zeta").exists()

    match.candidate = kimi()  # the editor knows it is Kimi K2.5
    match.save()
    assert proposals.link_matches(ProposedMatch.objects.all(), editor) == 1
    sync(tree)

    assert kimi().routes.filter(provider__name="Zeta").exists()
    match.refresh_from_db()
    assert (match.status, match.decided_by) == ("linked", editor)


def test_an_editor_makes_a_new_model_of_an_unmatched_entry(tree, editor):
    sync(tree)  # "Mystery 7B" at Abacus: nothing says who makes it
    match = ProposedMatch.objects.get(external_id="abacus/mystery")
    assert match.candidate is None
    match.organization = Organization.objects.get(name="Moonshot AI")
    match.save()

    assert proposals.create_models(ProposedMatch.objects.all(), editor) == 1
    sync(tree)

    mystery = LanguageModel.objects.get(name="Mystery 7B")
    assert mystery.organization.name == "Moonshot AI"
    assert mystery.routes.filter(provider__name="Abacus").exists()
    assert not mystery.is_published  # an editor publishes it
