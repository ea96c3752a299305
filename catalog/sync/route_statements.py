"""What each source states of the routes it names (catalog.sync.models.RouteStatement):
the standard price of the route's base tier and the context window, whichever source's
facts the route shows. The corroboration rule (catalog/corroboration.py) counts them."""

from catalog.sync.models import RouteStatement


def current_prices(history, today):
    """Of a genai-prices entry's dated prices (oldest first, an undated one before every
    dated one), the prices in force `today`: None when every one starts later."""
    current = None
    for dated in history:
        if dated.effective_on is None or dated.effective_on <= today:
            current = dated.prices
    return current


class RouteStatements:
    """One run's statements of routes; `save()` replaces the source's earlier ones whole,
    as every source states the whole of what it prices on each run."""

    def __init__(self, source, run):
        self.source = source
        self.run = run
        self.stated = {}  # route pk → (input, output, context window, source URL)

    def state(self, route, prices, context_window, source_url):
        self.stated[route.pk] = (prices.input, prices.output, context_window, source_url[:500])

    def save(self):
        RouteStatement.objects.filter(source=self.source).delete()
        RouteStatement.objects.bulk_create(
            (
                RouteStatement(
                    source=self.source,
                    route_id=route,
                    input_price=input_price,
                    output_price=output_price,
                    context_window=context_window,
                    source_url=source_url,
                    last_seen_run=self.run,
                )
                for route, (
                    input_price,
                    output_price,
                    context_window,
                    source_url,
                ) in self.stated.items()
            ),
            batch_size=500,
        )
