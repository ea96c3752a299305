"""genai-prices' dated prices as price history: each change a route's entry dates
("from 2025-06-01 on, $0.50") becomes two history records, the price just before and the
price on its effective day, so the history reads "old → new on <effective_on>" (the source
does not say when "old" began). A change already recorded at its day is not added again."""

from datetime import UTC, datetime, time, timedelta

from catalog.changes import catalog_changed
from catalog.dependencies import set_key
from catalog.models import Route
from catalog.sync.writing import PRICE_FIELDS


def add_dated_history(route, source_route, run):
    """Add the dated changes of `source_route` to `route`'s history; whether any was."""
    history = Route.history.model.objects
    recorded = set(
        history.filter(id=route.pk, effective_on__isnull=False).values_list(
            "effective_on", flat=True
        )
    )
    added = False
    previous = source_route.history[0]
    for entry in source_route.history[1:]:
        if entry.effective_on in recorded or entry.prices == previous.prices:
            previous = entry
            continue
        moment = datetime.combine(entry.effective_on, time(12, 0), tzinfo=UTC)
        history_record(route, previous.prices, moment - timedelta(seconds=1), None, run)
        history_record(route, entry.prices, moment, entry.effective_on, run)
        added = True
        previous = entry
    if added:  # history records have no keys of their own: the route's pages show them
        catalog_changed([set_key(Route, "model", route.model_id)])
    return added


def history_record(route, prices, moment, effective_on, run):
    recorded = {field.attname for field in Route.history.model._meta.concrete_fields}
    values = {
        field.attname: getattr(route, field.attname)
        for field in Route._meta.concrete_fields
        if field.attname in recorded and field.attname != "sync_run_id"
    }
    values.update({field: getattr(prices, name) for field, name in PRICE_FIELDS.items()})
    Route.history.model.objects.create(
        **values,
        history_date=moment,
        history_type="~",
        history_change_reason="genai-prices dated price",
        sync_run=run,
        effective_on=effective_on,
    )
