"""One body of knowledge across the corpus, on both backends: shared concepts and people."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

import pytest

from graph.backend import make_store
from graph.settings import Settings
from graph.store import GraphStore
from queries import across
from queries.entities import concept_episodes, person_episodes

pytestmark = pytest.mark.corpus
T = TypeVar("T")


@pytest.fixture(params=["embedded", "neo4j"])
def corpus_settings(request: pytest.FixtureRequest, corpus_store: Path) -> Settings:
    if request.param == "neo4j":
        settings: Settings = request.getfixturevalue("neo4j_corpus")
        return settings
    return Settings(store_path=corpus_store)


def on(settings: Settings, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    async def run() -> T:
        store = make_store(settings)
        await store.open()
        try:
            return await work(store)
        finally:
            await store.close()

    return asyncio.run(run())


def test_rlhf_is_one_concept_with_claims_from_three_episodes(corpus_settings: Settings) -> None:
    async def work(store: GraphStore) -> tuple[int, int, set[str]]:
        a, b = await store.find_concept("RLHF"), await store.find_concept("reinforcement learning from human feedback")
        assert a is not None and b is not None and a.id == b.id
        rows = await across.timeline(store, "RLHF")
        hits = await store.concepts(search="rlhf", limit=50)
        return len(rows), len(await concept_episodes(store, a.id)), {c.id for c in hits}

    with_claims, mentioned, ids = on(corpus_settings, work)
    assert with_claims >= 3 and mentioned >= with_claims
    assert len(ids) == 1  # no second RLHF node under another spelling


@pytest.mark.parametrize("name,variants", [
    ("pre-training", ["pretraining", "Pre-Training", "pre-trained"]),
    ("post-training", ["posttraining", "Post-Training"]),
])
def test_training_stages_are_one_concept_each(corpus_settings: Settings, name: str, variants: list[str]) -> None:
    async def work(store: GraphStore) -> tuple[set[str], int]:
        found = [await store.find_concept(v) for v in [name, *variants]]
        c = found[0]
        assert c is not None
        return {x.id for x in found if x is not None}, len(await concept_episodes(store, c.id))

    ids, episodes = on(corpus_settings, work)
    assert len(ids) == 1
    assert episodes >= 2


def test_recurring_people_are_one_node_each(corpus_settings: Settings) -> None:
    async def work(store: GraphStore) -> dict[str, list[str]]:
        out = {}
        for name in ("Dwarkesh Patel", "Ilya Sutskever", "ilya sotskever"):
            p = await store.find_person(name)
            assert p is not None, name
            out[name] = [p.id, *sorted(r for _, r in await person_episodes(store, p.id))]
        return out

    people = on(corpus_settings, work)
    assert people["Dwarkesh Patel"][1:] == ["host", "host"]
    assert people["Ilya Sutskever"][0] == people["ilya sotskever"][0]
    assert people["Ilya Sutskever"][1:] == ["guest", "mentioned"]
