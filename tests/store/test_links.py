"""Cross-episode writes on every backend: similar claims and folding one person into another."""

from __future__ import annotations

from graph.ids import person_id
from graph.model import ClaimFilter, ClaimLink
from graph.store import GraphStore
from tests.store.world import MARA, MOSS, ODA, TOBIAS, episode_one, episode_three, episode_two


async def _claims(store: GraphStore) -> dict[str, str]:
    """Claim id by quote."""
    return {c.quote: c.id for c in await store.claims(ClaimFilter(limit=100))}


async def test_similar_links_read_back_both_ways(store: GraphStore) -> None:
    for d in (episode_one(), episode_two()):
        await store.upsert(d.build())
    q = await _claims(store)
    moss_one = q["The Moss Protocol routes water like packets, um, like packets on a network"]
    moss_two = q["the moss protocol is better than lichen networks for cities"]
    balcony = q["You should try moss proto on a balcony first"]
    await store.set_similar([
        ClaimLink(moss_one, moss_two, 0.62, "agree"),
        ClaimLink(balcony, moss_one, 0.31, "related"),
        ClaimLink(moss_one, "claim_missing", 0.9, "agree"),  # unknown: skipped
    ])
    got = [(c.id, w, st) for c, w, st in await store.similar(moss_one)]
    assert got == [(moss_two, 0.62, "agree"), (balcony, 0.31, "related")]
    assert [(c.id, st) for c, _, st in await store.similar(moss_two)] == [(moss_one, "agree")]
    assert (await store.stats()).edges["SIMILAR_TO"] == 2
    await store.set_similar([ClaimLink(moss_two, balcony, 0.5, "disagree")])
    assert await store.similar(moss_one) == []
    assert [st for _, _, st in await store.similar(balcony)] == ["disagree"]


async def test_claim_by_id(store: GraphStore) -> None:
    await store.upsert(episode_one().build())
    first = (await store.claims(ClaimFilter(limit=1)))[0]
    assert await store.claim(first.id) == first
    assert await store.claim("claim_nope") is None


async def test_merge_person_moves_turns_claims_and_roles(store: GraphStore) -> None:
    for d in (episode_one(), episode_two(), episode_three()):
        await store.upsert(d.build())
    tobias_claims = {c.id for c in await store.claims(ClaimFilter(speaker_id=TOBIAS, limit=100))}
    assert await store.merge_person(MARA, TOBIAS)
    assert await store.find_person("Tobias Fenwick") is not None
    assert (await store.find_person("toby fenwick")).id == MARA  # type: ignore[union-attr]
    assert {p.id for p in await store.people()} == {MARA, ODA}
    mara = (await store.people([MARA]))[0]
    assert mara.name == "Mara Quill"
    assert {"Tobias Fenwick", "Toby Fenwick", "T. Fenwick", "M. Quill"} <= set(mara.aliases)
    # Episode one had Mara as host and Tobias as guest: host wins; episode two: guest.
    roles = {a.episode_id: a.role for a in await store.appearances(person_id=MARA)}
    assert sorted(roles.values()) == ["guest", "host", "host"]
    moved = {c.id for c in await store.claims(ClaimFilter(speaker_id=MARA, limit=100))}
    assert tobias_claims <= moved
    assert {c.speaker_id for c in await store.claims(ClaimFilter(concept_id=MOSS, limit=100))} == {MARA, ODA}
    segs = await store.segments(episode_two().id)
    assert {s.speaker_id for s in segs} == {ODA, MARA}
    assert not await store.merge_person(MARA, person_id("Nobody Here"))
    assert not await store.merge_person(MARA, MARA)


async def test_relations_list_every_stored_edge_in_order(store: GraphStore) -> None:
    from graph.model import Relation
    from tests.store.world import GARDEN, LICHEN

    for d in (episode_one(), episode_two()):
        await store.upsert(d.build())
    await store.set_relations([Relation(MOSS, LICHEN, 0.5), Relation(GARDEN, MOSS, 0.25)])
    got = await store.relations()
    assert got == sorted([Relation(MOSS, LICHEN, 0.5), Relation(GARDEN, MOSS, 0.25)],
                         key=lambda r: (r.source_id, r.target_id))
    await store.set_relations([])
    assert await store.relations() == []
