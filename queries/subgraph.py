"""Neighbourhoods for visualisation: breadth-first, deterministic, capped."""

from __future__ import annotations

from graph.model import Subgraph
from graph.store import GraphStore


async def subgraph(store: GraphStore, center_id: str, depth: int = 1, limit: int = 200) -> Subgraph:
    """Nodes within ``depth`` hops of ``center_id`` (at most ``limit``) and the edges among them.

    Each ring is taken in a fixed order (edge weight, then id), so every backend
    gives the same picture.
    """
    seen: list[str] = []
    if not await store.nodes([center_id]):
        return Subgraph()
    seen.append(center_id)
    frontier = [center_id]
    for _ in range(max(depth, 0)):
        if len(seen) >= limit or not frontier:
            break
        ring = await store.edges_of(frontier)
        fset = set(frontier)
        known = set(seen)
        ranked: dict[str, float] = {}
        for e in ring:
            for a, b in ((e.source, e.target), (e.target, e.source)):
                if a in fset and b not in known:
                    ranked[b] = max(ranked.get(b, 0.0), e.weight)
        nxt = sorted(ranked, key=lambda n: (-ranked[n], n))[: limit - len(seen)]
        seen.extend(nxt)
        frontier = nxt
    nodes = await store.nodes(seen)
    ids = {n.id for n in nodes}
    return Subgraph(tuple(nodes), tuple(await store.edges_among(list(ids))))
