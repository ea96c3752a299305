"""Editors hold exactly the permissions their work needs, all of them listed here (a
permission granted by a new migration must be added on purpose): add, change and view
the catalog; delete only what curation removes (a wrong capability statement, a wrong
source identity, a pair no longer featured); nothing about users, groups, sessions,
the admin's log, the lockouts or the task queue."""

import pytest
from django.contrib.auth.models import Group

from catalog.editors import EDITORS_GROUP

pytestmark = pytest.mark.django_db

CURATED = (
    "benchmark",
    "benchmarkscore",
    "decisiontag",
    "languagemodel",
    "modelfamily",
    "organization",
)

EDITOR_PERMISSIONS = {
    # The curated records: add, change, view; never delete (a record leaves by unpublishing
    # or deactivating it, or by a merge, which keeps its address as a redirect).
    *(f"catalog.{action}_{model}" for model in CURATED for action in ("add", "change", "view")),
    *(
        f"catalog.{action}_{model}"
        for model in ("provider", "route")
        for action in ("add", "change", "view")
    ),
    "catalog.add_modelcapability",
    "catalog.change_modelcapability",
    "catalog.delete_modelcapability",  # a statement the source never made
    "catalog.view_modelcapability",
    "catalog.view_capability",  # the fixed list: read only
    "catalog.view_historicalroute",  # price history: read only
    "catalog.merge_languagemodel",
    # The sync: start it, read its runs, decide on what it proposes.
    "catalog.start_syncrun",
    "catalog.view_syncrun",
    "catalog.view_skippedinput",
    "catalog.view_proposedchange",
    "catalog.change_proposedchange",
    "catalog.view_proposedmatch",
    "catalog.change_proposedmatch",
    "catalog.add_sourceidentity",
    "catalog.change_sourceidentity",
    "catalog.delete_sourceidentity",  # a source id matched to the wrong record
    "catalog.view_sourceidentity",
    # The comparisons: the featured pairs of the home page, and the default traffic.
    "comparisons.add_featuredcomparison",
    "comparisons.change_featuredcomparison",
    "comparisons.delete_featuredcomparison",  # a pair no longer featured
    "comparisons.view_featuredcomparison",
    "comparisons.change_trafficdefaults",
    # The review queue (a proxy of the models): read it, and act from its review pages.
    "comparisons.view_modeltoreview",
    "comparisons.change_modeltoreview",
    "comparisons.view_trafficdefaults",
}


def test_editors_hold_exactly_the_permissions_their_work_needs():
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=EDITORS_GROUP).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }

    assert granted == EDITOR_PERMISSIONS
