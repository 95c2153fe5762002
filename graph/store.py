"""The ``GraphStore`` protocol: what every backend must answer, identically.

Lists come back in a defined order so that backends can be compared:
episodes by (published, title, id); people and concepts by name then id;
claims by (episode published, episode id, start_s, id); segments by start.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from graph.model import (
    Appearance,
    Claim,
    ClaimFilter,
    ClaimLink,
    Concept,
    Episode,
    GraphEdge,
    GraphFragment,
    GraphNode,
    Mention,
    Person,
    Relation,
    SearchHit,
    Segment,
    StoreStats,
)


@runtime_checkable
class GraphStore(Protocol):
    """A persistent graph of episodes, people, segments, concepts and claims."""

    async def open(self) -> None:
        """Connect or load; create constraints and indexes where the backend has them."""

    async def close(self) -> None:
        """Release connections and locks."""

    # --- writes -----------------------------------------------------------------
    async def upsert(self, fragment: GraphFragment) -> None:
        """Insert an episode, replacing everything it contributed before; atomic."""

    async def delete_episode(self, episode_id: str) -> bool:
        """Remove an episode and what only it held; False when it was absent."""

    async def set_relations(self, relations: Sequence[Relation]) -> None:
        """Replace all ``RELATED_TO`` edges between concepts."""

    async def set_similar(self, links: Sequence[ClaimLink]) -> None:
        """Replace all ``SIMILAR_TO`` edges between claims (unknown claims are skipped)."""

    async def merge_person(self, keep_id: str, drop_id: str) -> bool:
        """Fold person ``drop_id`` into ``keep_id``: appearances (the stronger role wins),
        turns and claims move over, the dropped name becomes an alias; False if either is absent.
        """

    async def clear(self) -> None:
        """Remove everything (tests and re-imports)."""

    # --- reads ------------------------------------------------------------------
    async def stats(self) -> StoreStats:
        """Counts per node label and relationship type."""

    async def episodes(
        self,
        show: str | None = None,
        person_id: str | None = None,
        concept_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> list[Episode]:
        """Episodes, optionally only those of a show, a person or a concept."""

    async def episode(self, episode_id: str) -> Episode | None:
        """One episode by id."""

    async def people(self, ids: Sequence[str] | None = None) -> list[Person]:
        """All people, or those with the given ids."""

    async def find_person(self, name: str) -> Person | None:
        """A person whose name or alias equals ``name`` once normalised."""

    async def appearances(
        self, person_id: str | None = None, episode_id: str | None = None
    ) -> list[Appearance]:
        """``APPEARED_IN`` edges, filtered by either end."""

    async def concepts(
        self, search: str | None = None, ids: Sequence[str] | None = None, limit: int = 50
    ) -> list[Concept]:
        """Concepts whose name or alias contains ``search`` (case-insensitive)."""

    async def find_concept(self, name: str) -> Concept | None:
        """A concept whose name or alias equals ``name`` once normalised."""

    async def mentions(
        self, concept_id: str | None = None, episode_id: str | None = None
    ) -> list[Mention]:
        """``MENTIONED_IN`` edges, filtered by either end."""

    async def related(self, concept_id: str, limit: int = 20) -> list[tuple[Concept, float]]:
        """Concepts related to this one, strongest first."""

    async def relations(self) -> list[Relation]:
        """Every ``RELATED_TO`` edge, ordered by (source, target)."""

    async def claims(self, flt: ClaimFilter) -> list[Claim]:
        """Claims matching every field of the filter."""

    async def claim(self, claim_id: str) -> Claim | None:
        """One claim by id."""

    async def similar(self, claim_id: str, limit: int = 20) -> list[tuple[Claim, float, str]]:
        """Claims linked by ``SIMILAR_TO`` (either direction): strongest first, then by id."""

    async def segments(
        self,
        episode_id: str,
        from_s: float | None = None,
        to_s: float | None = None,
        limit: int = 200,
    ) -> list[Segment]:
        """An episode's segments overlapping the time window, in order."""

    async def nodes(self, ids: Sequence[str]) -> list[GraphNode]:
        """Visualisation nodes for the given ids (unknown ids are skipped), in id order."""

    async def edges_of(self, ids: Sequence[str]) -> list[GraphEdge]:
        """Visualisation edges touching any of the ids, Segment nodes left out.

        A claim is linked to its episode by an ``IN_EPISODE`` edge standing for
        ``(Claim)-[:FROM]->(Segment)<-[:HAS_SEGMENT]-(Episode)``. Sorted by
        (source, kind, target).
        """

    async def edges_among(self, ids: Sequence[str]) -> list[GraphEdge]:
        """The edges of ``edges_of(ids)`` whose two ends are both among the ids, read
        without the edges that lead out of them (an episode's claims, a concept's)."""

    async def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Concepts, people, episodes and claims matching free text, best first.

        A node matches when every word of ``text`` starts a word of its name, an
        alias, a title or a quote (case-insensitive); see ``graph.textmatch``.
        """
