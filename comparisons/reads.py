"""Reads the pair page needs, in a fixed number of queries, handed to the pure builders."""

from dataclasses import replace

from comparisons.facts import capability_list, load_models
from comparisons.page import build_pair_page
from comparisons.pairs import pair_slug
from comparisons.similar import similar_models

RELATED_LINKS = 6


def related_pairs(a, b, limit=RELATED_LINKS):
    """Up to `limit` other pairs of A and of B with their most similar models, A's and B's
    alternating, as (label, pair slug)."""
    exclude = [a.slug, b.slug]
    sides = [
        [
            (f"{model.name} vs {name}", pair_slug(model.slug, slug))
            for name, slug in similar_models(model, exclude, limit)
        ]
        for model in (a, b)
    ]
    links = []
    for index in range(limit):
        for side in sides:
            if index < len(side) and len(links) < limit:
                links.append(side[index])
    return links


def pair_page(slug_a, slug_b, traffic, default_traffic, related=True):
    """The built pair page, or None when either model is unknown or unpublished.

    `related=False` skips the "continue comparing" links (the cost fragment does not
    show them)."""
    models = load_models([slug_a, slug_b])
    if len(models) != 2:
        return None
    a, b = models[slug_a], models[slug_b]
    page = build_pair_page(a, b, capability_list(), traffic, default_traffic)
    return replace(page, related=related_pairs(a, b)) if related else page
