"""The read replica (config/replica.py): public pages read from it, the admin and every
write use the primary.

The last test runs against Django's test mirror when DATABASE_REPLICA_URL is set (CI runs
this module so on PostgreSQL, the "replica" being the primary's URL). A mirror is a second
connection to the test database, so that test commits what it writes (transaction=True)
for the mirror to see it, as a real replica would once it caught up."""

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext

from catalog.models import LanguageModel
from config.replica import ReplicaRouter, reading_from_replica

has_replica = pytest.mark.skipif(
    "replica" not in settings.DATABASES, reason="DATABASE_REPLICA_URL is not set"
)


def test_without_a_replica_everything_reads_the_primary(monkeypatch):
    monkeypatch.setattr(connections, "settings", {"default": {}})
    router = ReplicaRouter()
    with reading_from_replica():
        assert router.db_for_read(LanguageModel) == "default"


def test_public_reads_go_to_the_replica_and_writes_never(monkeypatch):
    monkeypatch.setattr(connections, "settings", {"default": {}, "replica": {}})
    router = ReplicaRouter()

    assert router.db_for_read(LanguageModel) == "default"  # a command, a task, the admin
    with reading_from_replica():
        assert router.db_for_read(LanguageModel) == "replica"
        assert router.db_for_write(LanguageModel) == "default"
    assert router.allow_migrate("replica", "catalog") is False
    assert router.allow_migrate("default", "catalog") is True


@has_replica
@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_a_public_page_is_read_from_the_replica_and_the_admin_from_the_primary(
    reference_catalog, editor_client
):
    url = reference_catalog.spark.get_absolute_url()
    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        page = Client().get(url)
    assert page.status_code == 200
    assert len(replica) > 0
    assert len(primary) == 0

    with (
        CaptureQueriesContext(connections["replica"]) as replica,
        CaptureQueriesContext(connections["default"]) as primary,
    ):
        admin = editor_client.get(
            f"/admin/catalog/languagemodel/{reference_catalog.spark.pk}/change/"
        )
    assert admin.status_code == 200
    assert len(primary) > 0
    assert len(replica) == 0
