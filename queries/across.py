"""Questions across episodes: timelines, comparisons, connections, where else, topics."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from graph.model import Claim, ClaimFilter, Concept, Episode, GraphEdge, Person
from graph.store import GraphStore
from queries.claims import all_claims
from queries.lookup import resolve_concept, resolve_person

# Edges a connection may run through: who claimed what, what a claim is about, where it
# was said, who appeared where, and similar claims. Not MENTIONED_IN or RELATED_TO: a
# connection must rest on quotes.
PATH_EDGES = frozenset({"CLAIMED", "ABOUT", "IN_EPISODE", "APPEARED_IN", "SIMILAR_TO"})
MAX_EXPLORED = 5000


@dataclass(frozen=True)
class EpisodeClaims:
    """One episode's claims in a timeline."""

    episode: Episode
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Connection:
    """A shortest path between two nodes, with the claims along it as evidence."""

    node_ids: tuple[str, ...]
    edges: tuple[GraphEdge, ...]
    evidence: tuple[Claim, ...]


async def _endpoint(store: GraphStore, name: str) -> str | None:
    """A node id from an id, a person's name (a person wins over a person-concept), or a concept name."""
    if await store.nodes([name]):
        return name
    exact = await store.find_person(name)
    if exact is not None:
        return exact.id
    concept = await resolve_concept(store, name)
    if concept is not None:
        return concept.id
    person = await resolve_person(store, name)
    return person.id if person is not None else None


async def timeline(store: GraphStore, concept: str, speaker: str | None = None) -> list[EpisodeClaims]:
    """Claims about a concept across episodes, by publication date then time in the episode."""
    c = await resolve_concept(store, concept)
    if c is None:
        return []
    speaker_id = None
    if speaker:
        p = await resolve_person(store, speaker)
        if p is None:
            return []
        speaker_id = p.id
    claims = await all_claims(store, ClaimFilter(concept_id=c.id, speaker_id=speaker_id))
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for cl in claims:  # already ordered by published date, episode, start
        grouped[cl.episode_id].append(cl)
    out: list[EpisodeClaims] = []
    for eid, items in grouped.items():
        ep = await store.episode(eid)
        if ep is not None:
            out.append(EpisodeClaims(ep, tuple(items)))
    return out


async def compare(
    store: GraphStore, concept: str, speakers: list[str] | None = None, per_speaker: int = 20
) -> list[tuple[Person, list[Claim]]]:
    """Speakers' claims on a concept side by side (every speaker who made one, by default)."""
    c = await resolve_concept(store, concept)
    if c is None:
        return []
    claims = await all_claims(store, ClaimFilter(concept_id=c.id))
    by_speaker: dict[str, list[Claim]] = defaultdict(list)
    for cl in claims:
        by_speaker[cl.speaker_id].append(cl)
    if speakers:
        wanted = []
        for name in speakers:
            p = await resolve_person(store, name)
            if p is not None:
                wanted.append(p.id)
    else:
        wanted = sorted(by_speaker, key=lambda pid: (-len(by_speaker[pid]), pid))
    people = {p.id: p for p in await store.people(wanted)}
    return [(people[pid], by_speaker.get(pid, [])[:per_speaker]) for pid in wanted if pid in people]


async def _explore(store: GraphStore, start: str, depth: int, graph: nx.Graph) -> set[str]:
    """Add edges up to ``depth`` hops from ``start`` to ``graph``; return the nodes reached."""
    seen = {start}
    frontier = [start]
    for _ in range(depth):
        if not frontier or len(seen) > MAX_EXPLORED:
            break
        nxt: set[str] = set()
        for e in await store.edges_of(frontier):
            if e.kind not in PATH_EDGES:
                continue
            graph.add_edge(e.source, e.target, kind=e.kind, source=e.source, weight=e.weight)
            for n in (e.source, e.target):
                if n not in seen:
                    nxt.add(n)
        seen |= nxt
        frontier = sorted(nxt)
    return seen


async def connections(
    store: GraphStore, a: str, b: str, max_length: int = 4, limit: int = 5
) -> list[Connection]:
    """Shortest paths between two concepts or people through claims and episodes."""
    start, end = await _endpoint(store, a), await _endpoint(store, b)
    if start is None or end is None or start == end:
        return []
    graph: nx.Graph = nx.Graph()
    half = (max_length + 1) // 2
    await _explore(store, start, half, graph)
    await _explore(store, end, max_length - half, graph)
    if start not in graph or end not in graph or not nx.has_path(graph, start, end):
        return []
    paths = sorted(nx.all_shortest_paths(graph, start, end))
    paths = [p for p in paths if len(p) - 1 <= max_length][:limit]
    claim_ids = sorted({n for p in paths for n in p})
    claims: dict[str, Claim] = {}
    for cid in claim_ids:
        cl = await store.claim(cid)
        if cl is not None:
            claims[cid] = cl
    out: list[Connection] = []
    for p in paths:
        edges = []
        for u, v in zip(p, p[1:], strict=False):
            data = graph.edges[u, v]
            src = data["source"]
            edges.append(GraphEdge(src, v if src == u else u, data["kind"], data["weight"]))
        out.append(Connection(tuple(p), tuple(edges), tuple(claims[n] for n in p if n in claims)))
    return out


async def where_else(store: GraphStore, claim_id: str, limit: int = 10) -> list[tuple[Claim, float, str]]:
    """Where else a claim's subject came up: similar claims first, then other episodes'
    claims about the same concepts."""
    claim = await store.claim(claim_id)
    if claim is None:
        return []
    out = [(c, w, st) for c, w, st in await store.similar(claim_id, limit)]
    seen = {claim_id, *(c.id for c, _, _ in out)}
    for cid in claim.concept_ids:
        if len(out) >= limit:
            break
        for c in await all_claims(store, ClaimFilter(concept_id=cid)):
            if c.id not in seen and c.episode_id != claim.episode_id:
                seen.add(c.id)
                out.append((c, 0.0, "same topic"))
                if len(out) >= limit:
                    break
    return out


async def topics(store: GraphStore, min_size: int = 2, seed: int = 7) -> list[list[Concept]]:
    """Topic communities: Louvain over the stored ``RELATED_TO`` weights."""
    graph: nx.Graph = nx.Graph()
    for r in await store.relations():
        graph.add_edge(r.source_id, r.target_id, weight=r.weight)
    if graph.number_of_nodes() == 0:
        return []
    communities = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    concepts = {c.id: c for c in await store.concepts(ids=list(graph.nodes), limit=graph.number_of_nodes())}
    mentions: dict[str, int] = defaultdict(int)
    for m in await store.mentions():
        mentions[m.concept_id] += m.count
    out: list[list[Concept]] = []
    for community in communities:
        members = sorted((concepts[n] for n in community if n in concepts),
                         key=lambda c: (-mentions[c.id], c.name, c.id))
        if len(members) >= min_size:
            out.append(members)
    out.sort(key=lambda ms: (-len(ms), ms[0].name))
    return out
