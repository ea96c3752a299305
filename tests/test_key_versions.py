"""The copy of the key versions in a file every process maps (config/key_versions.py):
what one process writes, another reads at once; it catches up with the database by
itself; and a page checked against it costs no query."""

import multiprocessing

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.changes import catalog_changed, catalog_version, slot_of
from config.key_versions import FileVersions

pytestmark = pytest.mark.django_db


def write_unsynced(path, version, slots):
    """Write into the file as a committing process does, without a database."""
    versions = FileVersions(path, resync_seconds=60)
    versions.open()
    with versions.exclusive():
        versions.write(version, slots)


# Forked from a process with threads (pytest-xdist's): the child runs only
# write_unsynced's file calls, which take no lock another thread could hold.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded:DeprecationWarning")
def test_what_one_process_writes_another_reads_at_once(tmp_path):
    path = tmp_path / "versions"
    reader = FileVersions(path, resync_seconds=60)
    reader.clock()  # mapped, and synced with the database

    process = multiprocessing.get_context("fork").Process(
        target=write_unsynced, args=(path, 10**6, [5, 9])
    )
    process.start()
    process.join(30)

    assert process.exitcode == 0
    assert (reader.clock(), reader.newest([5]), reader.newest([9, 6]), reader.newest([6])) == (
        10**6,
        10**6,
        10**6,
        0,
    )


def test_versions_only_grow(tmp_path):
    versions = FileVersions(tmp_path / "versions", resync_seconds=60)
    versions.changed(50, [3])
    versions.changed(40, [3, 4])  # a late copy of an older change

    assert (versions.clock(), versions.newest([3]), versions.newest([4])) == (50, 50, 40)


def test_a_page_checked_against_the_file_costs_no_query(tmp_path):
    versions = FileVersions(tmp_path / "versions", resync_seconds=60)
    versions.clock()
    with CaptureQueriesContext(connection) as queries:
        versions.newest([1, 2, 3])
        versions.clock()
    assert len(queries) == 0


def test_a_write_the_file_missed_is_caught_up_from_the_database(tmp_path):
    now = [0.0]
    versions = FileVersions(tmp_path / "versions", resync_seconds=5, clock=lambda: now[0])
    start = versions.clock()
    catalog_changed(["route=7"])  # committed nowhere in a test: the file never hears of it

    assert versions.newest([slot_of("route=7")]) <= start  # within the seconds it trusts
    now[0] += 6
    assert versions.newest([slot_of("route=7")]) == catalog_version() > start
    assert versions.clock() == catalog_version()


def test_a_file_ahead_of_the_database_is_emptied(tmp_path):
    path = tmp_path / "versions"
    write_unsynced(path, 10**9, [slot_of("route=7")])

    versions = FileVersions(path, resync_seconds=60)
    assert versions.clock() == catalog_version() < 10**9
    assert versions.newest([slot_of("route=7")]) == 0
