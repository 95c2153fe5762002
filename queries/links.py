"""Cross-episode links recomputed after every ingest: concept relations."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

from graph.model import ClaimFilter, Relation
from graph.store import GraphStore

MIN_SHARED = 2


async def concept_relations(store: GraphStore) -> list[Relation]:
    """``RELATED_TO`` weights: positive PMI of two concepts sharing claims, scaled to 0..1.

    Pairs sharing fewer than ``MIN_SHARED`` claims are left out, so frequent
    concepts do not relate to everything.
    """
    pair_counts: Counter[tuple[str, str]] = Counter()
    single: Counter[str] = Counter()
    total = 0
    offset = 0
    while True:
        batch = await store.claims(ClaimFilter(offset=offset, limit=1000))
        if not batch:
            break
        for c in batch:
            ids = sorted(set(c.concept_ids))
            if not ids:
                continue
            total += 1
            single.update(ids)
            pair_counts.update(combinations(ids, 2))
        offset += len(batch)
    out: list[Relation] = []
    for (a, b), n in sorted(pair_counts.items()):
        if n < MIN_SHARED:
            continue
        pmi = math.log(n * total / (single[a] * single[b]))
        if pmi <= 0:
            continue
        npmi = pmi / -math.log(n / total) if n < total else 1.0
        out.append(Relation(a, b, round(min(1.0, npmi), 4)))
    return out


async def refresh_links(store: GraphStore) -> None:
    """Recompute every derived cross-episode edge."""
    await store.set_relations(await concept_relations(store))
