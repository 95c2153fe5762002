"""The embedded store and Neo4j side by side on seeded invented worlds: every answer equal."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest

from graph.model import ClaimFilter, Relation
from graph.store import GraphStore
from tests.store.world import random_world

pytestmark = pytest.mark.neo4j


async def snapshot(store: GraphStore, rng: random.Random) -> dict[str, Any]:
    """Every read the protocol offers, over ids, names and words drawn from the store itself."""
    out: dict[str, Any] = {"stats": await store.stats(), "episodes": await store.episodes()}
    eps = out["episodes"]
    people = await store.people()
    concepts = await store.concepts(limit=1000)
    claims = await store.claims(ClaimFilter(limit=1000))
    out |= {"people": people, "concepts": concepts, "claims": claims}
    out["appearances"] = await store.appearances()
    out["mentions"] = await store.mentions()
    for show in ("alpha HOUR", "beta", "", "none"):
        out[f"show {show}"] = await store.episodes(show=show, offset=1, limit=2)
    for p in people:
        out[f"person {p.id}"] = (
            await store.find_person(p.name.upper()),
            [await store.find_person(a) for a in p.aliases],
            await store.episodes(person_id=p.id),
            await store.claims(ClaimFilter(speaker_id=p.id, limit=3)),
        )
    for c in concepts:
        words = c.name.split()
        out[f"concept {c.id}"] = (
            await store.find_concept(c.name.lower()),
            [await store.find_concept(a) for a in c.aliases],
            await store.concepts(search=words[0][:3]),
            await store.concepts(search=c.name[1:4]),
            await store.related(c.id),
            await store.episodes(concept_id=c.id),
            await store.claims(ClaimFilter(concept_id=c.id, type=rng.choice([None, "opinion", "fact"]))),
            await store.search(c.name[:2]),
            await store.search(" ".join(w[:2] for w in words)),
        )
    for e in eps:
        segs = await store.segments(e.id)
        mid = segs[len(segs) // 2].start_s if segs else 0.0
        out[f"episode {e.id}"] = (
            segs,
            await store.segments(e.id, from_s=mid, to_s=mid + 10, limit=3),
            await store.claims(ClaimFilter(episode_id=e.id, from_s=mid)),
            await store.edges_of([e.id]),
        )
    for cl in claims[:: max(1, len(claims) // 8)]:
        word = cl.quote.split()[-1]
        out[f"claim {cl.id}"] = (
            await store.claims(ClaimFilter(text=word.upper(), offset=1, limit=4)),
            await store.search(word),
            await store.search(cl.text),
        )
    ids = [x.id for x in (*eps, *people, *concepts, *claims)]
    sample = rng.sample(ids, min(12, len(ids)))
    out["nodes"] = await store.nodes(sample)
    out["edges_of"] = await store.edges_of(sample)
    for i in range(0, len(claims), 5):
        out[f"page {i}"] = await store.claims(ClaimFilter(offset=i, limit=5))
    return out


def assert_same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a.keys() == b.keys()
    for key in a:
        assert a[key] == b[key], key


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_worlds_answer_alike(both: tuple[GraphStore, GraphStore], seed: int) -> None:
    embedded, neo4j = both
    world = random_world(seed)
    rng = random.Random(seed)
    for frag in world:
        for store in both:
            await store.upsert(frag)
    concepts = [c.id for c in await embedded.concepts(limit=1000)]
    rels = [Relation(a, b, round(rng.uniform(-0.2, 1.0), 2))
            for a, b in (rng.sample(concepts, 2) for _ in range(8))]
    rels.append(Relation(concepts[0], concepts[0], 0.3))
    for store in both:
        await store.set_relations(rels)
    assert_same(await snapshot(embedded, random.Random(seed)), await snapshot(neo4j, random.Random(seed)))
    # Delete one episode, replace another by source with a different world's episode, re-upsert.
    other = random_world(seed + 100)
    doomed = world[0].episode.id
    replaced = replace(other[1], episode=replace(other[1].episode, source=world[1].episode.source))
    for store in both:
        assert await store.delete_episode(doomed) is True
        await store.upsert(replaced)
        await store.upsert(world[2])
    assert_same(await snapshot(embedded, random.Random(seed)), await snapshot(neo4j, random.Random(seed)))
