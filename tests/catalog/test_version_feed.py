"""The key versions pushed by Redis to each process, and the pages a process keeps
(config/version_feed.py). The feed's tests talk to the Redis of CI (127.0.0.1:6379),
each on a channel of its own; they skip where no Redis answers."""

import os
import time
import uuid

import pytest
import redis

from config.page_cache import Entry
from config.version_feed import LocalPages, VersionFeed

REDIS_URL = "redis://127.0.0.1:6379/15"


def entry(version, content=b"page"):
    return Entry(version, (1,), 200, [("Content-Type", "text/html")], content, 'W/"tag"')


def test_a_process_keeps_the_pages_it_served():
    pages = LocalPages(max_bytes=1_000)
    pages.put("a", entry(3))

    assert pages.get("a") == entry(3)
    assert pages.get("b") is None


def test_the_least_recently_used_pages_go_past_the_size_limit():
    pages = LocalPages(max_bytes=10)
    pages.put("a", entry(1, b"aaaa"))
    pages.put("b", entry(1, b"bbbb"))
    pages.get("a")  # used: b is now the oldest
    pages.put("c", entry(1, b"cccc"))
    pages.put("huge", entry(1, b"x" * 11))  # larger than everything: never kept

    assert pages.get("a") is not None
    assert pages.get("b") is None
    assert pages.get("c") is not None
    assert pages.get("huge") is None
    assert pages.size == 8


@pytest.fixture
def redis_server():
    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.skip("no Redis at 127.0.0.1:6379")
    return client


def wait_for(condition, seconds=5.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


def test_the_feed_hears_each_new_version_and_never_goes_back(redis_server, settings):
    settings.CATALOG_VERSION_CACHE_SECONDS = 10
    channel = f"test-catalog-version-{uuid.uuid4()}"
    read = lambda since: (5, [(9, 4), (12, 5)])  # noqa: E731
    feed = VersionFeed(read_since=read, client=lambda: redis_server, channel=channel)

    assert feed.current() is None  # subscribing: nothing vouched for yet
    assert wait_for(lambda: feed.current() == 5)
    assert (feed.newest([9]), feed.newest([12, 9]), feed.newest([3])) == (4, 5, 0)
    redis_server.publish(channel, "7 9 30")
    assert wait_for(lambda: feed.current() == 7)
    assert (feed.newest([9]), feed.newest([30]), feed.newest([12])) == (7, 7, 5)
    redis_server.publish(channel, "6 30")  # a late message of an older version
    time.sleep(0.2)
    assert (feed.current(), feed.newest([30])) == (7, 7)
    feed.stop()


def test_a_feed_that_cannot_vouch_for_the_version_says_so(redis_server, settings):
    settings.CATALOG_VERSION_CACHE_SECONDS = 10
    now = [1000.0]
    feed = VersionFeed(
        read_since=lambda since: (5, []), client=lambda: redis_server, clock=lambda: now[0]
    )
    feed.owner_pid = os.getpid()  # no thread: synced by hand
    feed.resync()
    assert feed.current() == 5

    now[0] += 11  # not re-read within CATALOG_VERSION_CACHE_SECONDS
    assert feed.current() is None


def test_a_feed_without_redis_falls_back_and_keeps_trying(settings):
    settings.CATALOG_VERSION_CACHE_SECONDS = 10
    attempts = []

    def broken_client():
        attempts.append(1)
        raise redis.ConnectionError("Redis is down")

    feed = VersionFeed(read_since=lambda since: (5, []), client=broken_client)

    assert feed.current() is None
    assert wait_for(lambda: len(attempts) >= 2, seconds=4)
    assert feed.current() is None
    feed.stop()
