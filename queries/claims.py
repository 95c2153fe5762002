"""Who said what about which topic: claims filtered by names, not ids."""

from __future__ import annotations

from dataclasses import dataclass

from graph.model import Claim, ClaimFilter
from graph.store import GraphStore
from queries.lookup import resolve_concept, resolve_person


@dataclass(frozen=True)
class ClaimQuery:
    """A claim question in the user's words: speaker and concept by name."""

    speaker: str | None = None
    concept: str | None = None
    episode_id: str | None = None
    type: str | None = None
    from_s: float | None = None
    to_s: float | None = None
    text: str | None = None
    offset: int = 0
    limit: int = 50


async def find_claims(store: GraphStore, q: ClaimQuery) -> list[Claim]:
    """Claims matching the query; a speaker or concept that is not found matches nothing."""
    speaker_id = concept_id = None
    if q.speaker:
        person = await resolve_person(store, q.speaker)
        if person is None:
            return []
        speaker_id = person.id
    if q.concept:
        concept = await resolve_concept(store, q.concept)
        if concept is None:
            return []
        concept_id = concept.id
    return await store.claims(
        ClaimFilter(
            speaker_id=speaker_id,
            concept_id=concept_id,
            episode_id=q.episode_id,
            type=q.type,
            from_s=q.from_s,
            to_s=q.to_s,
            text=q.text,
            offset=q.offset,
            limit=q.limit,
        )
    )


async def all_claims(store: GraphStore, flt: ClaimFilter, page: int = 1000) -> list[Claim]:
    """Every claim matching a filter, fetched page by page."""
    out: list[Claim] = []
    offset = 0
    while True:
        batch = await store.claims(
            ClaimFilter(flt.speaker_id, flt.concept_id, flt.episode_id, flt.type, flt.from_s,
                        flt.to_s, flt.text, offset, page)
        )
        out.extend(batch)
        if len(batch) < page:
            return out
        offset += page
