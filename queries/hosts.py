"""Hosts already known per show: the host is the same person across a show's episodes."""

from __future__ import annotations

from collections import Counter

from graph.ids import stand_in
from graph.store import GraphStore


async def known_hosts(store: GraphStore) -> dict[str, tuple[str, ...]]:
    """Map each show name to the people recorded as its host, most often first (a show's
    hosts may take turns).

    >>> import asyncio, tempfile, pathlib
    >>> from graph.embedded import EmbeddedStore
    >>> asyncio.run(known_hosts(EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g")))
    {}
    """
    counts: dict[str, Counter[str]] = {}
    episodes = {e.id: e for e in await store.episodes(limit=1_000_000)}
    hosts = [a for a in await store.appearances() if a.role == "host"]
    names = {p.id: p.name for p in await store.people([a.person_id for a in hosts])}
    for ap in hosts:
        ep = episodes.get(ap.episode_id)
        if ep is None or not ep.show or ap.person_id not in names or stand_in(names[ap.person_id]):
            continue
        counts.setdefault(ep.show, Counter())[names[ap.person_id]] += 1
    return {show: tuple(name for name, _ in c.most_common()) for show, c in sorted(counts.items())}
