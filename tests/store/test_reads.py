"""Reads on every backend: episodes, people, concepts, claims, segments, with their orders."""

from __future__ import annotations

from graph.model import Appearance, Claim, ClaimFilter, Mention
from graph.store import GraphStore
from tests.store.test_writes import load_all
from tests.store.world import (
    DYES,
    FERN,
    GARDEN,
    LICHEN,
    LICHEN_ONLY,
    MARA,
    MOSS,
    ODA,
    REINDEER,
    TOBIAS,
    episode_one,
    episode_three,
    episode_two,
)

EP1, EP2, EP3 = episode_one().id, episode_two().id, episode_three().id


def brief(claims: list[Claim]) -> list[tuple[str, float, str]]:
    """Claims as (episode, start, type), which is enough to tell them apart here."""
    tag = {EP1: "ep1", EP2: "ep2", EP3: "ep3"}
    return [(tag[c.episode_id], c.start_s, c.type) for c in claims]


async def test_episodes_order_and_filters(store: GraphStore) -> None:
    await load_all(store)
    # Undated first (published None sorts as ""), then by date.
    assert [e.id for e in await store.episodes()] == [EP3, EP1, EP2]
    assert [e.id for e in await store.episodes(show="orchard RADIO")] == [EP1, EP2]
    assert [e.id for e in await store.episodes(show="")] == [EP3]
    assert [e.id for e in await store.episodes(show="Other")] == []
    assert [e.id for e in await store.episodes(person_id=MARA)] == [EP3, EP1]
    assert [e.id for e in await store.episodes(person_id=TOBIAS, show="orchard radio")] == [EP1, EP2]
    assert [e.id for e in await store.episodes(concept_id=LICHEN)] == [EP3, EP2]
    assert [e.id for e in await store.episodes(concept_id="concept_nope")] == []
    assert [e.id for e in await store.episodes(offset=1, limit=1)] == [EP1]
    assert await store.episode("ep_missing") is None


async def test_episodes_same_date_order_by_title(store: GraphStore) -> None:
    a = episode_one()
    b = episode_two()
    b.published = a.published
    await store.upsert(b.build())
    await store.upsert(a.build())
    assert [e.title for e in await store.episodes()] == [
        "Gardens at the Edge of Physics", "Moss, Lichen and the Wet Internet",
    ]


async def test_people_and_appearances(store: GraphStore) -> None:
    await load_all(store)
    assert [p.name for p in await store.people()] == ["Mara Quill", "Oda Brightwater", "Tobias Fenwick"]
    assert [p.id for p in await store.people([TOBIAS, "person_nope", TOBIAS, MARA])] == [MARA, TOBIAS]
    assert await store.people([]) == []
    assert await store.appearances(person_id=TOBIAS) == [
        Appearance(TOBIAS, EP1, "guest"), Appearance(TOBIAS, EP2, "guest"),
    ]
    assert await store.appearances(episode_id=EP2) == sorted(
        [Appearance(ODA, EP2, "host"), Appearance(TOBIAS, EP2, "guest")], key=lambda a: a.person_id
    )
    assert await store.appearances(person_id=ODA, episode_id=EP1) == []
    assert len(await store.appearances()) == 5


async def test_find_person_through_names_and_aliases(store: GraphStore) -> None:
    await load_all(store)
    assert (await store.find_person("  MARA quill ")).id == MARA  # type: ignore[union-attr]
    assert (await store.find_person("m. QUILL")).id == MARA  # type: ignore[union-attr]
    assert (await store.find_person("toby fenwick")).id == TOBIAS  # type: ignore[union-attr]
    assert (await store.find_person("T Fenwick")).id == TOBIAS  # type: ignore[union-attr]
    assert await store.find_person("Tobias") is None
    assert await store.find_person("") is None


async def test_concepts_ranking(store: GraphStore) -> None:
    await load_all(store)
    # No search: most mentioned first, then by name.
    assert [c.name for c in await store.concepts()] == [
        "Lichen Dyes", "Lichen Networks", "Reindeer Lichen", "Moss Protocol",
        "Quantum Gardening", "Fern Ledger", "Lichen",
    ]
    # Exact name, then prefix (most mentioned first), then containing.
    assert [c.name for c in await store.concepts(search="LICHEN")] == [
        "Lichen", "Lichen Dyes", "Lichen Networks", "Reindeer Lichen",
    ]
    assert [c.name for c in await store.concepts(search="lichen", limit=2)] == ["Lichen", "Lichen Dyes"]
    # An alias counts: "lichen net" is exact for Lichen Networks, "lichen dye" is a prefix hit.
    assert [c.name for c in await store.concepts(search="lichen net")] == ["Lichen Networks"]
    assert [c.name for c in await store.concepts(search="proto")] == ["Moss Protocol"]
    assert [c.name for c in await store.concepts(search="gardening")] == ["Quantum Gardening"]
    assert await store.concepts(search="zzz") == []
    assert [c.id for c in await store.concepts(ids=[MOSS, "concept_nope", FERN, MOSS])] == [FERN, MOSS]


async def test_find_concept_through_names_and_aliases(store: GraphStore) -> None:
    await load_all(store)
    assert (await store.find_concept("QGARDENING")).id == GARDEN  # type: ignore[union-attr]
    assert (await store.find_concept("quantum gardening")).id == GARDEN  # type: ignore[union-attr]
    assert (await store.find_concept("Moss-Proto")).id == MOSS  # type: ignore[union-attr]
    assert (await store.find_concept("mossproto")).id == MOSS  # type: ignore[union-attr]
    assert (await store.find_concept("lichen")).id == LICHEN_ONLY  # type: ignore[union-attr]
    assert (await store.find_concept("Lichen  DYE")).id == DYES  # type: ignore[union-attr]
    assert await store.find_concept("moss") is None


async def test_find_concept_prefers_own_name_then_most_mentioned(store: GraphStore) -> None:
    one, two = episode_one(), episode_two()
    # "Fern Ledger" is also an alias of a more mentioned concept: the named one still wins.
    two.concept("Ledger of Ferns", 20, 3.0, ("fern ledger",))
    await store.upsert(one.build())
    await store.upsert(two.build())
    assert (await store.find_concept("FERN LEDGER")).id == FERN  # type: ignore[union-attr]


async def test_mentions(store: GraphStore) -> None:
    await load_all(store)
    assert await store.mentions(concept_id=MOSS) == sorted(
        [Mention(MOSS, EP1, 2, 41.0), Mention(MOSS, EP2, 4, 21.0)], key=lambda m: m.episode_id
    )
    assert [m.concept_id for m in await store.mentions(episode_id=EP3)] == sorted([LICHEN, LICHEN_ONLY, DYES])
    assert await store.mentions(concept_id=REINDEER, episode_id=EP1) == []
    assert len(await store.mentions()) == 9


async def test_claims_order_and_filters(store: GraphStore) -> None:
    await load_all(store)
    everything = await store.claims(ClaimFilter())
    assert brief(everything) == [
        ("ep3", 5.0, "explanation"),
        ("ep1", 2.0, "fact"), ("ep1", 12.5, "prediction"), ("ep1", 60.0, "explanation"),
        ("ep2", 0.0, "opinion"), ("ep2", 22.0, "opinion"), ("ep2", 45.0, "recommendation"),
    ]
    assert brief(await store.claims(ClaimFilter(speaker_id=TOBIAS))) == [
        ("ep1", 12.5, "prediction"), ("ep1", 60.0, "explanation"), ("ep2", 22.0, "opinion"),
    ]
    assert brief(await store.claims(ClaimFilter(concept_id=MOSS))) == [
        ("ep1", 60.0, "explanation"), ("ep2", 22.0, "opinion"), ("ep2", 45.0, "recommendation"),
    ]
    assert brief(await store.claims(ClaimFilter(concept_id=LICHEN))) == [
        ("ep3", 5.0, "explanation"), ("ep2", 0.0, "opinion"), ("ep2", 22.0, "opinion"),
    ]
    assert brief(await store.claims(ClaimFilter(episode_id=EP2))) == [
        ("ep2", 0.0, "opinion"), ("ep2", 22.0, "opinion"), ("ep2", 45.0, "recommendation"),
    ]
    assert brief(await store.claims(ClaimFilter(type="opinion"))) == [
        ("ep2", 0.0, "opinion"), ("ep2", 22.0, "opinion"),
    ]
    assert brief(await store.claims(ClaimFilter(from_s=20.0, to_s=50.0))) == [
        ("ep3", 5.0, "explanation"), ("ep1", 12.5, "prediction"),
        ("ep2", 22.0, "opinion"), ("ep2", 45.0, "recommendation"),
    ]
    assert brief(await store.claims(ClaimFilter(from_s=88.0))) == [("ep1", 60.0, "explanation")]
    assert brief(await store.claims(ClaimFilter(to_s=0.0))) == [("ep2", 0.0, "opinion")]


async def test_claims_text_paging_and_combined_filters(store: GraphStore) -> None:
    await load_all(store)
    # Clean text and verbatim quote both count; case-insensitive substring.
    assert brief(await store.claims(ClaimFilter(text="PACKETS ON"))) == [("ep1", 60.0, "explanation")]
    assert brief(await store.claims(ClaimFilter(text="um, like"))) == [("ep1", 60.0, "explanation")]
    assert brief(await store.claims(ClaimFilter(text="lichen net"))) == [
        ("ep3", 5.0, "explanation"), ("ep2", 0.0, "opinion"), ("ep2", 22.0, "opinion"),
    ]
    assert brief(await store.claims(ClaimFilter(offset=2, limit=3))) == [
        ("ep1", 12.5, "prediction"), ("ep1", 60.0, "explanation"), ("ep2", 0.0, "opinion"),
    ]
    assert await store.claims(ClaimFilter(offset=7)) == []
    assert brief(await store.claims(ClaimFilter(speaker_id=TOBIAS, type="opinion"))) == [("ep2", 22.0, "opinion")]
    assert brief(await store.claims(ClaimFilter(concept_id=MOSS, speaker_id=ODA))) == [
        ("ep2", 45.0, "recommendation"),
    ]
    assert brief(await store.claims(ClaimFilter(concept_id=LICHEN, episode_id=EP2, text="MOSS"))) == [
        ("ep2", 22.0, "opinion"),
    ]
    assert brief(await store.claims(ClaimFilter(speaker_id=MARA, from_s=3.0, limit=1))) == [
        ("ep3", 5.0, "explanation"),
    ]
    assert await store.claims(ClaimFilter(concept_id="concept_nope")) == []
    assert await store.claims(ClaimFilter(speaker_id="person_nope")) == []
    assert await store.claims(ClaimFilter(type="prophecy")) == []


async def test_paging_through_claims_sees_each_once_and_sees_writes_between_pages(store: GraphStore) -> None:
    await store.upsert(episode_one().build())
    await store.upsert(episode_two().build())
    everything = await store.claims(ClaimFilter())
    pages = [await store.claims(ClaimFilter(offset=i, limit=2)) for i in range(0, len(everything), 2)]
    assert [c for page in pages for c in page] == everything
    # An episode written between two pages is in the next listing, deleted ones are gone.
    await store.upsert(episode_three().build())
    after = await store.claims(ClaimFilter(offset=0, limit=100))
    assert len(after) > len(everything) and {"ep3"} == {t for t, _, _ in brief(after)} - {"ep1", "ep2"}
    await store.delete_episode(EP1)
    assert "ep1" not in {t for t, _, _ in brief(await store.claims(ClaimFilter(offset=0, limit=100)))}
    assert "ep1" not in {t for t, _, _ in brief(await store.claims(ClaimFilter(speaker_id=MARA)))}


async def test_segments_window(store: GraphStore) -> None:
    frag = episode_one().build()
    await store.upsert(frag)
    segs = list(frag.segments)
    assert await store.segments(EP1) == segs
    assert await store.segments(EP1, from_s=30.0, to_s=50.0) == segs[1:3]
    assert await store.segments(EP1, from_s=30.0, to_s=50.0, limit=1) == segs[1:2]
    assert await store.segments(EP1, from_s=55.25) == segs[2:]
    assert await store.segments(EP1, to_s=12.5) == segs[:2]
    assert await store.segments(EP1, from_s=91.0) == []
    assert await store.segments("ep_missing") == []
