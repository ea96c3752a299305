"""Price changes are kept as history: who, when, old → new.

`price_changes` is pure and tested on plain objects; the rest goes through the admin
the way an editor changes a price.
"""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest

from catalog.history import PriceChange, price_changes, route_price_changes
from catalog.models import Route

OPENED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


class User:
    def __init__(self, username):
        self.username = username

    def get_username(self):
        return self.username


def record(days, user=None, input_price=None, output_price=None, cached_input_price=None):
    """A history record as simple-history keeps one: the route's prices, when, and by whom."""
    return SimpleNamespace(
        history_date=OPENED + timedelta(days=days),
        history_user=user,
        input_price=None if input_price is None else Decimal(input_price),
        output_price=None if output_price is None else Decimal(output_price),
        cached_input_price=None if cached_input_price is None else Decimal(cached_input_price),
        cache_write_price=None,
    )


# price_changes, without a database.


def test_no_records_no_changes():
    assert price_changes([]) == []


def test_a_single_record_is_no_change():
    """The route's creation has no "old" price."""
    assert price_changes([record(0, User("ada"), "0.26", "2.08")]) == []


def test_records_with_the_same_prices_are_no_change():
    """A save that touched other fields (the tier, the source URL) changed no price."""
    records = [record(0, None, "0.26", "2.08"), record(1, User("ada"), "0.260000", "2.080000")]

    assert price_changes(records) == []


def test_one_changed_field_is_one_change():
    ada = User("ada")

    changes = price_changes([record(0, None, "0.26", "2.08"), record(3, ada, "0.26", "2.50")])

    assert changes == [
        PriceChange(
            changed_at=OPENED + timedelta(days=3),
            changed_by="ada",
            field="output_price",
            label="output price",
            old=Decimal("2.08"),
            new=Decimal("2.50"),
        )
    ]


def test_each_changed_field_of_a_save_in_field_order():
    changes = price_changes(
        [
            record(0, None, "0.26", "2.08", "0.10"),
            record(1, User("ada"), "0.30", "2.40", "0.10"),
        ]
    )

    assert [(c.field, c.old, c.new) for c in changes] == [
        ("input_price", Decimal("0.26"), Decimal("0.30")),
        ("output_price", Decimal("2.08"), Decimal("2.40")),
    ]


def test_unknown_to_known_and_back():
    """A first sourced price is a change from unknown (None); so is withdrawing one."""
    changes = price_changes(
        [
            record(0, None),
            record(1, User("ada"), "0.07", "0.63"),
            record(2, User("grace"), "0.07", None),
        ]
    )

    assert [(c.field, c.old, c.new, c.changed_by) for c in changes] == [
        ("output_price", Decimal("0.63"), None, "grace"),
        ("input_price", None, Decimal("0.07"), "ada"),
        ("output_price", None, Decimal("0.63"), "ada"),
    ]


def test_newest_change_first():
    records = [record(day, User("ada"), output_price=price) for day, price in enumerate("12345")]

    changes = price_changes(records)

    assert [c.changed_at for c in changes] == [OPENED + timedelta(days=d) for d in (4, 3, 2, 1)]
    assert [(c.old, c.new) for c in changes] == [
        (Decimal(4), Decimal(5)),
        (Decimal(3), Decimal(4)),
        (Decimal(2), Decimal(3)),
        (Decimal(1), Decimal(2)),
    ]


def test_a_change_without_a_user_names_nobody():
    """A change made outside a request (a shell, a data load) has no history user."""
    [change] = price_changes([record(0, None, "1"), record(1, None, "2")])

    assert change.changed_by == ""


# Through the admin.


@pytest.fixture
def route(make_model, make_provider, make_route):
    return make_route(make_model("Qwen3.5-122B-A10B"), make_provider("OpenRouter"), 0.26, 2.08)


def change_output_price(client, form_data, route, price):
    url = f"/admin/catalog/route/{route.pk}/change/"
    data = form_data(client.get(url), "route_form")
    data["output_price"] = [price]
    response = client.post(url, data)
    assert response.status_code == 302
    return url


@pytest.mark.django_db
def test_admin_price_change_is_recorded_with_its_editor(editor_client, form_data, route):
    change_output_price(editor_client, form_data, route, "2.50")

    [change] = route_price_changes(route)

    assert (change.field, change.old, change.new, change.changed_by) == (
        "output_price",
        Decimal("2.08"),
        Decimal("2.50"),
        "ada",
    )


@pytest.mark.django_db
def test_admin_save_without_a_price_change_records_no_change(editor_client, form_data, route):
    url = f"/admin/catalog/route/{route.pk}/change/"
    data = form_data(editor_client.get(url), "route_form")
    data["provider_model_id"] = ["qwen/qwen3.5-122b-a10b"]

    editor_client.post(url, data)

    assert route.history.count() == 2
    assert route_price_changes(route) == []


@pytest.mark.django_db
def test_route_page_shows_its_price_history(editor_client, form_data, route):
    url = change_output_price(editor_client, form_data, route, "2.50")
    change_output_price(editor_client, form_data, route, "2.40")

    content = editor_client.get(url).content.decode()

    assert "Price history" in content
    newer = content.index("output price $2.50 → $2.40 by ada")
    older = content.index("output price $2.08 → $2.50 by ada")
    assert newer < older


@pytest.mark.django_db
def test_route_page_says_when_no_price_changed_yet(editor_client, route):
    content = editor_client.get(f"/admin/catalog/route/{route.pk}/change/").content.decode()

    assert "No price change recorded yet." in content


@pytest.mark.django_db
def test_route_history_page_answers_for_the_editor(editor_client, form_data, route):
    change_output_price(editor_client, form_data, route, "2.50")

    response = editor_client.get(f"/admin/catalog/route/{route.pk}/history/")

    assert response.status_code == 200
    assert "ada" in response.content.decode()


@pytest.mark.django_db
def test_price_history_reads_in_a_fixed_number_of_queries(
    editor_client, form_data, route, django_assert_num_queries
):
    for price in ("2.50", "2.40", "2.30"):
        change_output_price(editor_client, form_data, route, price)

    with django_assert_num_queries(1):
        changes = route_price_changes(route)
        assert [c.changed_by for c in changes] == ["ada", "ada", "ada"]


def test_a_change_a_source_dated_is_listed_at_the_day_it_took_effect():
    from catalog.pages.model import price_history

    dated = record(40, None, "0.26", "2.50")
    dated.effective_on = (OPENED + timedelta(days=10)).date()
    later = record(20, None, "0.30", "2.50")  # recorded before the dated one was synced
    routes = [record(0, None, "0.26", "2.08"), later, dated]
    for number, each in enumerate(routes):
        each.id, each.history_id, each.is_active = 7, number, True
        each.provider = SimpleNamespace(name="OpenRouter")
        each.service_mode, each.context_above = "", 0

    rows = price_history(routes)

    assert price_changes(routes)[0].effective_on == dated.effective_on
    assert [(row.changed_on, row.price) for row in rows] == [
        ("2026-03-21", "Input price"),  # recorded on day 20, stated by nobody
        ("2026-03-21", "Output price"),
        ("2026-03-11", "Input price"),  # synced on day 40, in effect from day 10
    ]


def test_a_routes_history_manager_class_is_made_once():
    """django-simple-history made a new manager class on every `route.history` (every
    save reads it): catalog.models.HistoryManager makes it once."""
    first, second = Route.history, Route.history

    assert type(first) is type(second)
    assert first.model is Route.history.model
