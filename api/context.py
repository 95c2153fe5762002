"""Per-request context: the store and DataLoaders that batch id lookups."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from strawberry.dataloader import DataLoader

from graph.model import Concept, Episode, Person
from graph.settings import Settings
from graph.store import GraphStore


@dataclass
class Context:
    """What every resolver sees."""

    store: GraphStore
    settings: Settings
    people: DataLoader[str, Person | None] = field(init=False)
    episodes: DataLoader[str, Episode | None] = field(init=False)
    concepts: DataLoader[str, Concept | None] = field(init=False)

    def __post_init__(self) -> None:
        store = self.store

        async def load_people(ids: Sequence[str]) -> list[Person | None]:
            found = {p.id: p for p in await store.people(list(ids))}
            return [found.get(i) for i in ids]

        async def load_episodes(ids: Sequence[str]) -> list[Episode | None]:
            return [await store.episode(i) for i in ids]

        async def load_concepts(ids: Sequence[str]) -> list[Concept | None]:
            found = {c.id: c for c in await store.concepts(ids=list(ids), limit=len(ids) or 1)}
            return [found.get(i) for i in ids]

        self.people = DataLoader(load_fn=load_people)
        self.episodes = DataLoader(load_fn=load_episodes)
        self.concepts = DataLoader(load_fn=load_concepts)

    def page(self, limit: int | None, default: int = 20) -> int:
        """A page size capped at the configured maximum."""
        if limit is None:
            return default
        return max(0, min(int(limit), self.settings.max_page))
