"""Free-text search and the visualisation reads (``nodes``, ``edges_of``) on every backend."""

from __future__ import annotations

from graph.model import ClaimFilter, GraphEdge, GraphNode, Relation, SearchHit
from graph.store import GraphStore
from tests.store.test_writes import load_all
from tests.store.world import GARDEN, LICHEN, MARA, MOSS, ODA, TOBIAS, episode_one, episode_two


async def test_search_ranks_score_then_kind_then_label(store: GraphStore) -> None:
    await load_all(store)
    ep2 = episode_two().id
    hits = await store.search("moss")
    assert [(h.kind, h.label, h.score) for h in hits] == [
        ("Concept", "Moss Protocol", 2.0),
        ("Episode", "Moss, Lichen and the Wet Internet", 2.0),
        ("Claim", "The Moss Protocol routes water like packets on a network", 1.0),
        ("Claim", "You should try moss proto on a balcony first", 1.0),
        ("Claim", "the moss protocol is better than lichen networks for cities", 1.0),
    ]
    assert hits[0] == SearchHit("Concept", MOSS, "Moss Protocol", 2.0)
    assert hits[1].id == ep2
    assert await store.search("moss", limit=2) == hits[:2]


async def test_search_exact_prefix_and_every_word(store: GraphStore) -> None:
    await load_all(store)
    assert [(h.kind, h.label, h.score) for h in await store.search("Lichen Networks")] == [
        ("Concept", "Lichen Networks", 3.0),
        ("Claim", "Lichen networks are the slow internet of the forest", 2.0),
        ("Claim", "Lichen networks, explained: fungi and algae sharing a ledger", 2.0),
        ("Claim", "the moss protocol is better than lichen networks for cities", 1.0),
    ]
    # Every word must start a word of one field; aliases count, with their own score.
    assert await store.search("tob fen") == [SearchHit("Person", TOBIAS, "Tobias Fenwick", 1.0)]
    assert await store.search("toby") == [SearchHit("Person", TOBIAS, "Tobias Fenwick", 2.0)]
    assert await store.search("qgard") == [SearchHit("Concept", GARDEN, "Quantum Gardening", 1.0)]
    assert [h.kind for h in await store.search("oda")] == ["Person"]
    assert await store.search("ida") == []


async def test_search_ignores_punctuation_and_empty_queries(store: GraphStore) -> None:
    await load_all(store)
    assert await store.search("") == []
    assert await store.search("?!") == []
    assert await store.search("m. QUILL!") == [SearchHit("Person", MARA, "Mara Quill", 3.0)]
    # Words are [0-9a-z]+: "wet-internet" is two words, both prefixes of the title's words.
    assert [h.label for h in await store.search("wet-inter")] == ["Moss, Lichen and the Wet Internet"]
    # "AND"/"OR"/"NOT" are words here, not operators.
    assert [h.kind for h in await store.search("and the")] == ["Episode"]
    assert await store.search("or not") == []


async def test_search_follows_replace_and_delete(store: GraphStore) -> None:
    one = episode_one().build()
    await store.upsert(one)
    assert [h.kind for h in await store.search("fern ledger")] == ["Concept"]
    await store.delete_episode(one.episode.id)
    assert await store.search("fern") == []
    assert await store.search("tobias") == []


async def test_nodes(store: GraphStore) -> None:
    await load_all(store)
    one = episode_one().build()
    pred = next(c for c in one.claims if c.type == "prediction")
    seg = one.segments[0].id
    nodes = await store.nodes([GARDEN, one.episode.id, MARA, pred.id, seg, "nope", GARDEN])
    assert nodes == sorted([
        GraphNode(one.episode.id, "Episode", "Gardens at the Edge of Physics", 3.0),
        GraphNode(MARA, "Person", "Mara Quill", 2.0),
        GraphNode(GARDEN, "Concept", "Quantum Gardening", 3.0, (("kind", "technique"),)),
        GraphNode(pred.id, "Claim", pred.text, 1.0,
                  (("type", "prediction"), ("episode_id", one.episode.id), ("start_s", "12.5"))),
    ], key=lambda n: n.id)
    assert await store.nodes([]) == []


async def test_claim_node_label_falls_back_to_quote(store: GraphStore) -> None:
    d = episode_one()
    d.claim(d.segments[2].id, "is it really that fast", "opinion", (), text="")
    frag = d.build()
    await store.upsert(frag)
    claim = frag.claims[-1]
    [node] = await store.nodes([claim.id])
    assert node.label == "is it really that fast"
    assert [h.id for h in await store.search("really fast")] == [claim.id]


async def test_edges_of(store: GraphStore) -> None:
    await load_all(store)
    await store.set_relations([Relation(MOSS, GARDEN, 0.5)])
    one = episode_one().build()
    ep1 = one.episode.id
    pred = next(c for c in one.claims if c.type == "prediction")
    assert await store.edges_of([pred.id]) == [
        GraphEdge(pred.id, GARDEN, "ABOUT", 1.0),
        GraphEdge(pred.id, ep1, "IN_EPISODE", 1.0),
        GraphEdge(TOBIAS, pred.id, "CLAIMED", 1.0),
    ]
    garden_claims = sorted(c.id for c in one.claims if GARDEN in c.concept_ids)
    assert await store.edges_of([GARDEN]) == sorted(
        [GraphEdge(c, GARDEN, "ABOUT", 1.0) for c in garden_claims]
        + [GraphEdge(GARDEN, ep1, "MENTIONED_IN", 3.0), GraphEdge(MOSS, GARDEN, "RELATED_TO", 0.5)],
        key=lambda e: (e.source, e.kind, e.target),
    )
    ep_edges = await store.edges_of([ep1])
    assert {e.kind for e in ep_edges} == {"APPEARED_IN", "MENTIONED_IN", "IN_EPISODE"}
    assert sorted((e.source, e.weight) for e in ep_edges if e.kind == "MENTIONED_IN") == sorted(
        (m.concept_id, float(m.count)) for m in one.mentions
    )
    assert sorted(e.source for e in ep_edges if e.kind == "IN_EPISODE") == sorted(c.id for c in one.claims)
    assert ep_edges == sorted(ep_edges, key=lambda e: (e.source, e.kind, e.target))
    # Shared edges are listed once; segments and unknown ids add nothing.
    both = await store.edges_of([pred.id, GARDEN, one.segments[1].id, "nope"])
    assert len(both) == len(set(both)) == 3 + len(garden_claims) + 2 - 1
    lichen_oda = await store.edges_of([ODA, LICHEN])
    assert all(e.kind != "SPOKE" and e.kind != "HAS_SEGMENT" for e in lichen_oda)
    oda_claims = await store.claims(ClaimFilter(speaker_id=ODA))
    assert [e for e in lichen_oda if e.kind == "CLAIMED"] == sorted(
        [GraphEdge(ODA, c.id, "CLAIMED", 1.0) for c in oda_claims], key=lambda e: e.target
    )


async def test_edges_among_are_the_edges_of_the_ids_that_stay_among_them(store: GraphStore) -> None:
    await load_all(store)
    await store.set_relations([Relation(MOSS, GARDEN, 0.5)])
    one = episode_one().build()
    ep1 = one.episode.id
    claims = [c.id for c in one.claims]
    for ids in (
        [ep1, *claims[:2], GARDEN, MOSS, TOBIAS],
        [ODA, LICHEN, *claims],
        [claims[0], one.segments[0].id, "nope"],
        [GARDEN],
    ):
        inside = set(ids)
        expected = [e for e in await store.edges_of(ids) if e.source in inside and e.target in inside]
        assert await store.edges_among(ids) == expected
    assert GraphEdge(claims[0], ep1, "IN_EPISODE", 1.0) in await store.edges_among([ep1, claims[0]])
    assert await store.edges_among([GARDEN]) == []
