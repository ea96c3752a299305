"""Model families from a sync: models.dev's `family` fills a model that has none, once per
family, never replacing an editor's grouping; a reviewed model's family is proposed."""

import pytest

from catalog.models import LanguageModel, ModelFamily
from catalog.sync import proposals
from catalog.sync.models import ProposedChange, SourceIdentity
from tests.catalog.sync.test_apply import kimi, reviewed, sync, tree  # noqa: F401 (fixture)
from tests.catalog.sync.test_modelsdev_parser import CANONICAL, write

pytestmark = pytest.mark.django_db


def test_the_family_a_source_names_groups_its_models(tree):  # noqa: F811
    write(
        tree,
        "models/moonshotai/kimi-k2.toml",
        CANONICAL.replace('name = "Kimi K2.5"', 'name = "Kimi K2"'),
    )
    run = sync(tree)

    family = ModelFamily.objects.get()
    assert (family.name, family.slug) == ("kimi", "kimi")  # as the source names it
    assert family.sync_run == run
    assert family.organization is None  # the source does not say who makes the family
    assert set(family.members.values_list("name", flat=True)) == {"Kimi K2", "Kimi K2.5"}
    assert SourceIdentity.objects.filter(external_id="kimi", object_id=family.pk).exists()


def test_a_family_an_editor_renamed_is_found_again_and_not_duplicated(tree):  # noqa: F811
    sync(tree)
    ModelFamily.objects.update(name="Kimi", slug="kimi-line")

    sync(tree)

    assert list(ModelFamily.objects.values_list("name", flat=True)) == ["Kimi"]


def test_an_editors_family_is_never_replaced(tree):  # noqa: F811
    sync(tree)
    mine = ModelFamily.objects.create(name="Kimi K2.x", slug="kimi-k2-x")
    LanguageModel.objects.filter(name="Kimi K2.5").update(family=mine)

    sync(tree)

    assert kimi().family == mine


def test_a_reviewed_models_family_is_proposed_by_its_slug_and_applied_on_approval(
    tree,  # noqa: F811
    editor,
):
    sync(tree)
    model = reviewed(kimi(), editor)
    LanguageModel.objects.filter(pk=model.pk).update(family=None)

    sync(tree)

    proposal = ProposedChange.objects.get(field="family")
    assert (proposal.ours, proposal.theirs) == (None, "kimi")
    assert kimi().family is None  # nothing moves before an editor says so
    assert proposals.approve(ProposedChange.objects.all(), editor) == 1
    assert kimi().family.slug == "kimi"
