"""Episodes, people and concepts with the facts around them."""

from __future__ import annotations

from collections import Counter

from graph.model import ClaimFilter, Concept, Episode, Mention, Person
from graph.store import GraphStore
from queries.claims import all_claims
from queries.lookup import resolve_concept, resolve_person

ALL = 1_000_000


async def list_episodes(
    store: GraphStore,
    show: str | None = None,
    person: str | None = None,
    concept: str | None = None,
    offset: int = 0,
    limit: int = 50,
) -> list[Episode]:
    """Episodes, filtered by show and by person or concept names."""
    person_id = concept_id = None
    if person:
        p = await resolve_person(store, person)
        if p is None:
            return []
        person_id = p.id
    if concept:
        c = await resolve_concept(store, concept)
        if c is None:
            return []
        concept_id = c.id
    return await store.episodes(show, person_id, concept_id, offset, limit)


async def episode_speakers(store: GraphStore, episode_id: str) -> list[tuple[Person, str]]:
    """People who appeared in an episode with their roles, hosts first, mentioned last."""
    aps = await store.appearances(episode_id=episode_id)
    people = {p.id: p for p in await store.people([a.person_id for a in aps])}
    order = {"host": 0, "guest": 1, "mentioned": 2}
    pairs = [(people[a.person_id], a.role) for a in aps if a.person_id in people]
    return sorted(pairs, key=lambda pr: (order.get(pr[1], 3), pr[0].name, pr[0].id))


async def episode_concepts(
    store: GraphStore, episode_id: str, limit: int = 50
) -> list[tuple[Concept, Mention]]:
    """The concepts of an episode, most mentioned first."""
    ms = await store.mentions(episode_id=episode_id)
    concepts = {c.id: c for c in await store.concepts(ids=[m.concept_id for m in ms], limit=ALL)}
    pairs = [(concepts[m.concept_id], m) for m in ms if m.concept_id in concepts]
    pairs.sort(key=lambda cm: (-cm[1].count, cm[0].name, cm[0].id))
    return pairs[:limit]


async def person_episodes(store: GraphStore, person_id: str) -> list[tuple[Episode, str]]:
    """Episodes a person appeared in, with the role, by publication."""
    aps = await store.appearances(person_id=person_id)
    out: list[tuple[Episode, str]] = []
    for a in aps:
        ep = await store.episode(a.episode_id)
        if ep is not None:
            out.append((ep, a.role))
    out.sort(key=lambda er: (er[0].published or "", er[0].title, er[0].id))
    return out


async def person_top_concepts(
    store: GraphStore, person_id: str, limit: int = 10
) -> list[tuple[Concept, int]]:
    """The concepts a person's claims are most often about."""
    counts: Counter[str] = Counter()
    for c in await all_claims(store, ClaimFilter(speaker_id=person_id)):
        counts.update(set(c.concept_ids))
    concepts = {c.id: c for c in await store.concepts(ids=list(counts), limit=ALL)}
    ranked = sorted(
        ((concepts[k], n) for k, n in counts.items() if k in concepts),
        key=lambda cn: (-cn[1], cn[0].name, cn[0].id),
    )
    return ranked[:limit]


async def concept_episodes(store: GraphStore, concept_id: str) -> list[tuple[Episode, Mention]]:
    """Episodes where a concept came up, with counts, by publication."""
    out: list[tuple[Episode, Mention]] = []
    for m in await store.mentions(concept_id=concept_id):
        ep = await store.episode(m.episode_id)
        if ep is not None:
            out.append((ep, m))
    out.sort(key=lambda em: (em[0].published or "", em[0].title, em[0].id))
    return out


async def concept_speakers(store: GraphStore, concept_id: str) -> list[tuple[Person, int]]:
    """Who made claims about a concept, and how many, most first."""
    counts = Counter(c.speaker_id for c in await all_claims(store, ClaimFilter(concept_id=concept_id)))
    people = {p.id: p for p in await store.people(list(counts))}
    ranked = sorted(
        ((people[k], n) for k, n in counts.items() if k in people),
        key=lambda pn: (-pn[1], pn[0].name, pn[0].id),
    )
    return ranked
