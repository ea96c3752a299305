"""The models most like a given one: shared decision tags and capabilities, then the
nearest release date. Ranked by the database, one query per model, whatever the catalog."""

from collections.abc import Collection, Iterable

from django.db.models import Count, F, FloatField, Func, IntegerField, OrderBy, Q, Value

from catalog.facts import ModelFacts
from catalog.models import LanguageModel, ModelCapability


class DaysApart(Func):
    """|a - b| in days between two dates, NULL when either is NULL."""

    output_field = FloatField()

    # Narrower than Func.as_sql: the template and joiner are this expression's own.
    def as_sql(self, compiler, connection, **extra_context):  # type: ignore[override]
        return super().as_sql(
            compiler, connection, template="ABS(%(expressions)s)", arg_joiner=" - ", **extra_context
        )

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            template="ABS(julianday(%(expressions)s))",
            arg_joiner=") - julianday(",
            **extra_context,
        )


def shared_count(
    relation: str, lookup: str, values: Collection[str], **conditions: object
) -> Count | Value:
    """How many related rows match `values`; 0 outright for no values (an empty IN would
    make the database drop every row, not count none)."""
    if not values:
        return Value(0, output_field=IntegerField())
    return Count(relation, filter=Q(**{lookup: list(values)}, **conditions), distinct=True)


def similar_models(
    model: ModelFacts, exclude_slugs: Iterable[str], limit: int
) -> list[tuple[str, str]]:
    """(name, slug) of up to `limit` published models most like `model` (a ModelFacts)."""
    capability_slugs = [slug for slug, support in model.capabilities.items() if support == "yes"]
    queryset = (
        LanguageModel.objects.published()
        .exclude(slug__in=exclude_slugs)
        .annotate(
            shared_tags=shared_count("decision_tags", "decision_tags__name__in", model.tags),
            shared_capabilities=shared_count(
                "capability_support",
                "capability_support__capability__slug__in",
                capability_slugs,
                capability_support__support=ModelCapability.Support.YES,
            ),
        )
        .annotate(similarity=F("shared_tags") + F("shared_capabilities"))
    )
    ordering: list[OrderBy | str] = [F("similarity").desc()]
    if model.released_on is not None:
        queryset = queryset.annotate(
            days_apart=DaysApart(F("released_on"), Value(model.released_on))
        )
        ordering.append(F("days_apart").asc(nulls_last=True))
    ordering.append("name")
    return list(queryset.order_by(*ordering).values_list("name", "slug")[:limit])
