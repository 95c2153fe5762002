"""Cross-episode figures over the five corpus files: shared concepts, people, connections.

Run ``PYTHONPATH=. python -m eval.cross_episode`` from the repository root. Extracts and
ingests ``../shared/corpus`` into a temporary embedded store (the options are the ones
a user would give, as in ``tests/corpus/conftest.py``), then prints what links episodes.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from api.cli import main as cli
from graph.embedded import EmbeddedStore
from queries import across
from queries.entities import concept_episodes, person_episodes
from tests.corpus.conftest import OPTIONS

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
CONNECTIONS = [("RLHF", "pre-training"), ("Dwarkesh Patel", "Ilya Sutskever"), ("RLHF", "scaling laws"),
               ("John Schulman", "Chip Huyen")]


async def report(store: EmbeddedStore) -> None:
    await store.open()
    episodes = await store.episodes(limit=100)
    titles = {e.id: e.title[:40] for e in episodes}
    shared = []
    for c in await store.concepts(limit=100_000):
        eps = await concept_episodes(store, c.id)
        if len(eps) >= 2:
            shared.append((len(eps), c.name))
    shared.sort(key=lambda x: (-x[0], x[1]))
    print(f"episodes: {len(episodes)}")
    print(f"concepts in two or more episodes: {len(shared)}")
    for n, name in shared[:40]:
        print(f"  {n}  {name}")
    print("people in two or more episodes, or with other spellings:")
    for p in await store.people():
        appearances = await person_episodes(store, p.id)
        if len(appearances) >= 2 or p.aliases:
            roles = ", ".join(f"{r} in {titles[e.id]}" for e, r in appearances)
            aliases = f" (also: {', '.join(p.aliases)})" if p.aliases else ""
            print(f"  {p.name}{aliases}: {roles}")
    timeline = await across.timeline(store, "RLHF")
    print(f"RLHF timeline: {[(r.episode.title[:30], len(r.claims)) for r in timeline]}")
    for a, b in CONNECTIONS:
        paths = await across.connections(store, a, b)
        print(f"connection {a} -> {b}: {len(paths)} shortest path(s)")
        for path in paths[:1]:
            labels = {n.id: f"{n.kind}:{n.label[:50]}" for n in await store.nodes(list(path.node_ids))}
            print("   " + " -> ".join(labels.get(i, i) for i in path.node_ids))
            for claim in path.evidence[:2]:
                where = f"{titles.get(claim.episode_id, '?')} @ {claim.start_s:.0f}s"
                print(f"   evidence [{where}] {claim.quote[:110]!r}")
    stats = await store.stats()
    print(f"SIMILAR_TO links: {stats.edges.get('SIMILAR_TO', 0)}, RELATED_TO: {stats.edges.get('RELATED_TO', 0)}")
    topics = await across.topics(store)
    print(f"topics: {len(topics)}")
    for t in topics[:6]:
        print("   " + ", ".join(c.name for c in t[:8]))


def run() -> int:
    if not CORPUS.is_dir():
        print("../shared/corpus is missing: nothing to evaluate")
        return 0
    path = Path(tempfile.mkdtemp()) / "corpus.podgraph"
    for name, opts in OPTIONS.items():
        if cli(["ingest", "--store", str(path), str(CORPUS / name), *opts]) != 0:
            return 1
    asyncio.run(report(EmbeddedStore(path)))
    return 0


if __name__ == "__main__":
    sys.exit(run())
