"""Cross-episode queries on every backend, over the invented episodes of ``world.py``."""

from __future__ import annotations

from collections import Counter

import pytest

from graph.ids import person_id
from graph.model import ClaimFilter
from graph.store import GraphStore
from queries import across
from queries.hosts import known_hosts
from queries.links import negated, refresh_links, similar_claims
from queries.resolve import resolve_people
from tests.store.world import LICHEN, MARA, MOSS, ODA, TOBIAS, Draft, episode_one, episode_three, episode_two


async def load(store: GraphStore) -> None:
    for d in (episode_one(), episode_two(), episode_three()):
        await store.upsert(d.build())
    await refresh_links(store)


async def test_timeline_orders_episodes_by_date_then_time(store: GraphStore) -> None:
    await load(store)
    rows = await across.timeline(store, "lichen networks")
    # episode three has no date: it sorts first, then 2024-04-20
    assert [r.episode.title for r in rows] == ["Notes on Lichen", "Moss, Lichen and the Wet Internet"]
    assert all(a.start_s <= b.start_s for r in rows for a, b in zip(r.claims, r.claims[1:], strict=False))
    only_oda = await across.timeline(store, "Lichen Networks", speaker="oda brightwater")
    assert [c.speaker_id for r in only_oda for c in r.claims] == [ODA]
    assert await across.timeline(store, "no such concept") == []


async def test_compare_speakers_on_a_concept(store: GraphStore) -> None:
    await load(store)
    rows = await across.compare(store, "Moss Protocol")
    assert [(p.id, len(cs)) for p, cs in rows] == [(TOBIAS, 2), (ODA, 1)]
    picked = await across.compare(store, "moss protocol", ["Oda Brightwater", "Nobody"])
    assert [p.id for p, _ in picked] == [ODA]


async def test_connections_run_through_claims_and_episodes(store: GraphStore) -> None:
    await load(store)
    paths = await across.connections(store, "Quantum Gardening", "Lichen Networks")
    assert paths, "gardening and lichen meet through Tobias and his claims"
    for p in paths:
        assert p.node_ids[0].startswith("concept_") and p.node_ids[-1] == LICHEN
        assert len(p.edges) == len(p.node_ids) - 1 <= 4
        assert p.evidence and all(c.id in p.node_ids for c in p.evidence)
        assert {e.kind for e in p.edges} <= across.PATH_EDGES
    assert await across.connections(store, "Quantum Gardening", "Nothing At All") == []


async def test_where_else_and_topics(store: GraphStore) -> None:
    await load(store)
    moss_one = next(c for c in await store.claims(ClaimFilter(concept_id=MOSS)) if c.episode_id == episode_one().id)
    elsewhere = await across.where_else(store, moss_one.id)
    assert elsewhere and all(c.episode_id != moss_one.episode_id for c, _, _ in elsewhere)
    assert all(MOSS in c.concept_ids for c, _, _ in elsewhere)
    groups = await across.topics(store, min_size=1)
    assert all(len(g) >= 1 for g in groups)


async def test_resolve_people_by_alias_and_spelling(store: GraphStore) -> None:
    await store.upsert(episode_one().build())
    d = Draft("Return of Toby", "shows/orchard/009.txt", "d4" * 32)
    tob = d.person("Toby Fenwick", "guest")  # an alias stored for Tobias
    mra = d.person("Mara Quil", "host")  # one letter lost by speech recognition
    s0 = d.turn(mra, 0.0, 5.0, "Hello again.")
    d.turn(tob, 5.0, 9.0, "Hello Mara.")
    d.claim(s0, "Hello again", "fact")
    frag = await resolve_people(store, d.build())
    assert {p.id for p in frag.people} == {TOBIAS, MARA}
    assert {s.speaker_id for s in frag.segments} == {TOBIAS, MARA}
    assert {a.person_id: a.role for a in frag.appearances} == {TOBIAS: "guest", MARA: "host"}
    await store.upsert(frag)
    assert {p.id for p in await store.people()} == {TOBIAS, MARA}
    assert "Mara Quil" in (await store.people([MARA]))[0].aliases


async def test_unnamed_hosts_of_two_episodes_stay_two_people(store: GraphStore) -> None:
    ids = []
    for n in (1, 2):
        d = Draft(f"Untitled {n}", f"shows/other/{n}.txt", f"{n}f" * 32, show=f"Show {n}")
        host, guest = d.person("Host", "host"), d.person("Guest", "guest")
        d.turn(host, 0.0, 4.0, "What do you grow?")
        d.turn(guest, 4.0, 9.0, "Mostly lichen.")
        await store.upsert(await resolve_people(store, d.build()))
        ids.append(host)
    await refresh_links(store)
    hosts = [p for p in await store.people() if p.name == "Host"]
    assert sorted(p.id for p in hosts) == sorted(ids) and ids[0] != ids[1]
    # Nor is "Host" learnt as either show's host.
    assert await known_hosts(store) == {}


async def test_first_name_mentions_fold_into_the_full_name(store: GraphStore) -> None:
    d = Draft("Odds and Ends", "shows/orchard/010.txt", "e5" * 32)
    host = d.person("Oda Brightwater", "host")
    d.person("Tobias", "mentioned")
    d.turn(host, 0.0, 4.0, "Tobias sent a letter.")
    await store.upsert(d.build())  # the first name arrives before the full name
    await store.upsert(episode_one().build())
    await refresh_links(store)
    people = {p.id: p for p in await store.people()}
    assert person_id("Tobias") not in people
    assert "Tobias" in people[TOBIAS].aliases
    roles = {a.episode_id: a.role for a in await store.appearances(person_id=TOBIAS)}
    assert roles == {d.id: "mentioned", episode_one().id: "guest"}


def test_similar_claims_link_episodes_with_stance() -> None:
    from graph.model import Claim

    def claim(cid: str, ep: str, text: str) -> Claim:
        return Claim(cid, ep, "seg", "p", 0.0, 1.0, text, text, "opinion", 0.8, 0, len(text), None, ("c1",))

    claims = [
        claim("a", "ep1", "Moss routing will beat copper cables in cities"),
        claim("b", "ep2", "Moss routing will not beat copper cables in cities"),
        claim("c", "ep2", "Copper cables in cities carry moss routing well"),
        claim("d", "ep1", "Moss routing will beat copper cables in cities soon"),  # same episode as a
        claim("e", "ep3", "Bananas are yellow"),
    ]
    links = {(x.source_id, x.target_id): x.stance for x in similar_claims(claims)}
    assert links[("a", "b")] == "disagree"
    assert ("a", "d") not in links  # never within one episode
    assert not any("e" in pair for pair in links)
    assert negated("It won't work") and not negated("It works")


def test_similar_claims_are_the_same_however_many_rows_are_compared_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from graph.model import Claim
    from queries import links

    words = ["moss", "copper", "cables", "routing", "cities", "orchards", "lichen", "tides", "turbines", "sails"]
    claims = [
        Claim(f"k{i}", f"ep{i % 4}", "seg", "p", 0.0, 1.0, t, t, "opinion", 0.8, 0, len(t), None,
              ("c1",) if i % 3 else ("c1", "c2"))
        for i, t in enumerate(" ".join(words[(i * k) % 10] for k in range(1, 6)) for i in range(40))
    ]
    whole = links.similar_claims(claims)
    monkeypatch.setattr(links, "BLOCK", 3)  # blocks that cut the concept's 40 claims unevenly
    assert links.similar_claims(claims) == whole
    # Every pair is across episodes, within the cap, and at least as close as the threshold.
    assert whole and all(x.weight >= links.SIMILAR_MIN for x in whole)
    episode = {c.id: c.episode_id for c in claims}
    assert all(episode[x.source_id] != episode[x.target_id] for x in whole)
    per_claim = Counter(i for x in whole for i in (x.source_id, x.target_id))
    assert max(per_claim.values()) <= links.LINKS_PER_CLAIM


async def test_known_voices_come_from_a_shows_labelled_episodes_on_every_backend(store: GraphStore) -> None:
    from dataclasses import replace

    from queries.voices import known_voices
    from tests.store.world import Draft

    talk = Draft("Long talk", "shows/orchard/004.txt", "d4" * 32)
    mara = talk.person("Mara Quill", "host")
    tob = talk.person("Tobias Fenwick", "guest")
    talk.turn(mara, 0.0, 30.0, "Frankly, what do the orchards need this spring? " * 8)
    talk.turn(tob, 30.0, 60.0, "Essentially, they need patience and a little copper. " * 8)
    guessed = Draft("Guessed", "shows/orchard/005.txt", "e5" * 32)
    guessed.person("Mara Quill", "host")
    guessed.person("Tobias Fenwick", "guest")
    guessed.turn(mara, 0.0, 30.0, "Pears and plums and quinces all winter long. " * 8)
    guessed.turn(tob, 30.0, 60.0, "Apples again, apples always, apples for everyone. " * 8)
    attributed = replace(guessed.build(), segments=tuple(replace(s, confidence=0.8) for s in guessed.segments))
    for fragment in (talk.build(), attributed, episode_one().build()):
        await store.upsert(fragment)
    voices = await known_voices(store, "ORCHARD RADIO")
    assert sorted(voices) == ["Mara Quill", "Tobias Fenwick"]
    assert voices["Mara Quill"]["frankly"] == 8 and voices["Tobias Fenwick"]["essentially"] == 8
    # The attributed episode is not learnt; episode one of the show is labelled and counts.
    assert voices["Mara Quill"]["quinces"] == 0 and voices["Tobias Fenwick"]["apples"] == 0
    assert voices["Tobias Fenwick"]["greenhouses"] == 1
    assert await known_voices(store, "No Such Show") == {}
