"""Writes on every backend: upsert, idempotence, replace, delete, orphans, aliases, relations."""

from __future__ import annotations

from dataclasses import replace

from graph.model import ClaimFilter, Relation, StoreStats
from graph.store import GraphStore
from tests.store.world import (
    DYES,
    FERN,
    GARDEN,
    LICHEN,
    MARA,
    MOSS,
    ODA,
    REINDEER,
    TOBIAS,
    Draft,
    episode_one,
    episode_three,
    episode_two,
)

ONE_STATS = StoreStats(
    nodes={"Claim": 3, "Concept": 3, "Episode": 1, "Person": 2, "Segment": 4},
    edges={
        "ABOUT": 3, "APPEARED_IN": 2, "CLAIMED": 3, "FROM": 3, "HAS_SEGMENT": 4,
        "MENTIONED_IN": 3, "NEXT": 3, "SPOKE": 4,
    },
)

ALL_STATS = StoreStats(
    nodes={"Claim": 7, "Concept": 7, "Episode": 3, "Person": 3, "Segment": 8},
    edges={
        "ABOUT": 8, "APPEARED_IN": 5, "CLAIMED": 7, "FROM": 7, "HAS_SEGMENT": 8,
        "MENTIONED_IN": 9, "NEXT": 5, "SPOKE": 8,
    },
)


async def load_all(store: GraphStore) -> None:
    for d in (episode_one(), episode_two(), episode_three()):
        await store.upsert(d.build())


async def test_empty_store(store: GraphStore) -> None:
    assert await store.stats() == StoreStats({}, {})
    assert await store.episodes() == []
    assert await store.people() == []
    assert await store.concepts() == []
    assert await store.claims(ClaimFilter()) == []
    assert await store.search("moss") == []
    assert await store.delete_episode("ep_0000000000000000") is False


async def test_upsert_reads_back_every_field(store: GraphStore) -> None:
    frag = episode_one().build()
    await store.upsert(frag)
    assert await store.stats() == ONE_STATS
    assert await store.episode(frag.episode.id) == frag.episode
    assert await store.segments(frag.episode.id) == list(frag.segments)
    claims = await store.claims(ClaimFilter())
    assert sorted(claims, key=lambda c: c.id) == sorted(frag.claims, key=lambda c: c.id)
    assert isinstance(claims[0].start_s, float)
    assert isinstance(claims[0].concept_ids, tuple)
    assert [(m.concept_id, m.count, m.first_s) for m in await store.mentions(episode_id=frag.episode.id)] == (
        sorted((m.concept_id, m.count, m.first_s) for m in frag.mentions)
    )
    assert [(a.person_id, a.role) for a in await store.appearances(episode_id=frag.episode.id)] == sorted(
        [(MARA, "host"), (TOBIAS, "guest")]
    )


async def test_upsert_keeps_optional_and_boolean_fields(store: GraphStore) -> None:
    d = episode_three()
    frag = d.build()
    seg = replace(frag.segments[0], confidence=0.5, ad=True)
    ep = replace(frag.episode, media_url="https://example.invalid/lichen.mp3")
    await store.upsert(replace(frag, episode=ep, segments=(seg,)))
    assert await store.episode(ep.id) == ep
    assert (await store.episode(ep.id)).show is None  # type: ignore[union-attr]
    assert await store.segments(ep.id) == [seg]
    [claim] = await store.claims(ClaimFilter())
    assert claim.horizon is None


async def test_reupsert_is_idempotent(store: GraphStore) -> None:
    await load_all(store)
    before = (await store.stats(), await store.people(), await store.concepts(),
              await store.claims(ClaimFilter(limit=100)), await store.episodes())
    await store.upsert(episode_two().build())
    await store.upsert(episode_one().build())
    after = (await store.stats(), await store.people(), await store.concepts(),
             await store.claims(ClaimFilter(limit=100)), await store.episodes())
    assert after == before
    assert after[0] == ALL_STATS


def recut_one() -> Draft:
    """Episode one re-transcribed: same file, new bytes; Tobias, moss and fern are gone."""
    d = Draft("Gardens at the Edge (re-cut)", "shows/orchard/001.txt", "e5" * 32, published="2024-03-05")
    mara = d.person("Mara Quill", "host")
    ines = d.person("Ines Marlow", "guest")
    s0 = d.turn(mara, 0.0, 10.0, "Welcome back, quantum gardening again.")
    s1 = d.turn(ines, 10.0, 20.0, "Quantum gardening is mostly patience.")
    garden = d.concept("Quantum Gardening", 2, 1.0, ("Q-Gardening",), "technique")
    d.claim(s1, "Quantum gardening is mostly patience", "opinion", (garden,))
    del s0
    return d


async def test_replace_by_same_source_leaves_no_orphans(store: GraphStore) -> None:
    old = episode_one().build()
    await store.upsert(old)
    new = recut_one().build()
    await store.upsert(new)
    assert await store.episode(old.episode.id) is None
    assert [e.id for e in await store.episodes()] == [new.episode.id]
    assert [p.name for p in await store.people()] == ["Ines Marlow", "Mara Quill"]
    assert [c.name for c in await store.concepts()] == ["Quantum Gardening"]
    assert (await store.concepts())[0].aliases == ("Q-Gardening",)
    assert await store.stats() == StoreStats(
        nodes={"Claim": 1, "Concept": 1, "Episode": 1, "Person": 2, "Segment": 2},
        edges={"ABOUT": 1, "APPEARED_IN": 2, "CLAIMED": 1, "FROM": 1, "HAS_SEGMENT": 2,
               "MENTIONED_IN": 1, "NEXT": 1, "SPOKE": 2},
    )
    assert await store.segments(old.episode.id) == []
    assert await store.claims(ClaimFilter(episode_id=old.episode.id)) == []


async def test_replace_keeps_what_other_episodes_hold(store: GraphStore) -> None:
    await load_all(store)
    await store.upsert(recut_one().build())
    tobias = (await store.people([TOBIAS]))[0]
    assert tobias.aliases == ("T. Fenwick",)
    moss = (await store.concepts(ids=[MOSS]))[0]
    assert moss.aliases == ("MossProto",)
    assert await store.concepts(ids=[FERN]) == []
    assert [e.title for e in await store.episodes(concept_id=MOSS)] == ["Moss, Lichen and the Wet Internet"]


async def test_replace_by_same_id(store: GraphStore) -> None:
    await store.upsert(episode_one().build())
    moved = episode_one(title="Gardens, Renamed")
    moved.source = "archive/001-moved.txt"
    frag = moved.build()
    await store.upsert(frag)
    assert await store.episodes() == [frag.episode]
    assert await store.stats() == ONE_STATS


async def test_aliases_are_the_union_over_episodes(store: GraphStore) -> None:
    await load_all(store)
    people = {p.id: p for p in await store.people()}
    assert people[TOBIAS].aliases == ("T. Fenwick", "Toby Fenwick")
    assert people[MARA].aliases == ("M. Quill",)
    assert people[ODA].aliases == ()
    concepts = {c.id: c for c in await store.concepts()}
    assert concepts[MOSS].aliases == ("MossProto", "moss proto")  # "moss protocol" is the name
    assert concepts[LICHEN].aliases == ("lichen net",)  # "Lichen-Networks" is the name too
    assert concepts[GARDEN].aliases == ("QGardening",)  # "quantum-gardening" is the name
    # The first writer names a node and sets its kind; later episodes do not rename it.
    assert concepts[MOSS].name == "Moss Protocol" and concepts[MOSS].kind == "product"


async def test_delete_episode_removes_what_only_it_held(store: GraphStore) -> None:
    await load_all(store)
    await store.set_relations([Relation(MOSS, REINDEER, 0.4), Relation(MOSS, GARDEN, 0.6)])
    two = episode_two().build()
    assert await store.delete_episode(two.episode.id) is True
    assert await store.delete_episode(two.episode.id) is False
    assert await store.episode(two.episode.id) is None
    assert [p.name for p in await store.people()] == ["Mara Quill", "Tobias Fenwick"]
    assert await store.concepts(ids=[REINDEER]) == []
    assert (await store.people([TOBIAS]))[0].aliases == ("Toby Fenwick",)
    assert (await store.concepts(ids=[MOSS]))[0].aliases == ("moss proto",)
    assert (await store.concepts(ids=[LICHEN]))[0].aliases == ()
    assert [(c.name, w) for c, w in await store.related(MOSS)] == [("Quantum Gardening", 0.6)]
    stats = await store.stats()
    assert stats.nodes == {"Claim": 4, "Concept": 6, "Episode": 2, "Person": 2, "Segment": 5}
    assert stats.edges["RELATED_TO"] == 1
    assert stats.edges["MENTIONED_IN"] == 6


async def test_delete_last_episode_empties_the_store(store: GraphStore) -> None:
    frag = episode_one().build()
    await store.upsert(frag)
    assert await store.delete_episode(frag.episode.id) is True
    assert await store.stats() == StoreStats({}, {})


async def test_set_relations_replaces_and_skips_unknown(store: GraphStore) -> None:
    await load_all(store)
    await store.set_relations([
        Relation(MOSS, LICHEN, 0.8),
        Relation(GARDEN, MOSS, 0.5),
        Relation(DYES, MOSS, 0.8),
        Relation(MOSS, "concept_does_not_exist", 0.9),
        Relation(MOSS, TOBIAS, 0.9),  # only concepts relate
    ])
    assert (await store.stats()).edges["RELATED_TO"] == 3
    related = await store.related(MOSS)
    assert [(c.name, w) for c, w in related] == [
        ("Lichen Dyes", 0.8), ("Lichen Networks", 0.8), ("Quantum Gardening", 0.5),
    ]
    assert [(c.name, w) for c, w in await store.related(MOSS, limit=1)] == [("Lichen Dyes", 0.8)]
    assert [(c.name, w) for c, w in await store.related(GARDEN)] == [("Moss Protocol", 0.5)]
    assert await store.related("concept_does_not_exist") == []
    await store.set_relations([Relation(LICHEN, GARDEN, 0.25)])
    assert [(c.name, w) for c, w in await store.related(MOSS)] == []
    assert [(c.name, w) for c, w in await store.related(GARDEN)] == [("Lichen Networks", 0.25)]
    await store.set_relations([])
    assert "RELATED_TO" not in (await store.stats()).edges


async def test_clear(store: GraphStore) -> None:
    await load_all(store)
    await store.clear()
    assert await store.stats() == StoreStats({}, {})
    await store.upsert(episode_one().build())
    assert await store.stats() == ONE_STATS
