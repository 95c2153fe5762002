"""The whole corpus in both backends: the GraphQL answers to the gold questions are identical."""

from __future__ import annotations

import asyncio
import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.cli import main
from graph.errors import StoreError
from graph.neo4j import Neo4jStore
from graph.settings import Settings
from tests.conftest import GOLD
from tests.server import running_server
from tests.store.conftest import neo4j_required, neo4j_settings

pytestmark = pytest.mark.corpus

QUESTION = """query($speaker: String, $concept: String) {
  claims(speaker: $speaker, concept: $concept, limit: 100) {
    id quote text start end type certainty horizon speaker { name } episode { id title } concepts { name } } }"""

OTHER_QUERIES = [
    "{ episodes(limit: 50) { id title show published speakers { person { name } role } } }",
    '{ concept(name: "RLHF") { name aliases kind episodes { episode { id } count first } speakers { person { name } count } related { concept { name } weight } } }',
    '{ person(name: "Dwarkesh Patel") { name aliases episodes { role episode { id } } topConcepts { concept { name } count } } }',
    '{ search(text: "reward model", limit: 30) { kind id label score } }',
    '{ concepts(search: "train", limit: 30) { id name aliases kind } }',
    '{ subgraph(center: "RLHF", depth: 2, limit: 150) { nodes { id kind label size props } edges { source target kind weight } } }',
]


async def _wipe(uri: str, user: str, password: str) -> None:
    store = Neo4jStore(uri, user, password)
    await store.open()
    try:
        await store.clear()
    finally:
        await store.close()


@pytest.fixture(scope="module")
def neo4j_corpus(corpus_documents: dict[str, Path]) -> Iterator[Settings]:
    uri, user, password = neo4j_settings()
    try:
        asyncio.run(_wipe(uri, user, password))
    except StoreError as exc:
        if neo4j_required():
            pytest.fail(f"PODGRAPH_REQUIRE_NEO4J=1 but {exc}", pytrace=False)
        pytest.skip(f"Neo4j test server not reachable: {exc}")
    args = ["--backend", "neo4j", "--neo4j-uri", uri, "--neo4j-user", user, "--neo4j-password", password]
    assert main(["ingest", *args, *map(str, corpus_documents.values())]) == 0
    yield Settings(backend="neo4j", neo4j_uri=uri, neo4j_user=user, neo4j_password=password)
    asyncio.run(_wipe(uri, user, password))


def _post(url: str, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    r = httpx.post(f"{url}/graphql", json={"query": query, "variables": variables or {}}, timeout=120)
    r.raise_for_status()
    body: dict[str, Any] = r.json()
    assert "errors" not in body, body
    return body


def test_gold_questions_answer_identically(corpus_store: Path, neo4j_corpus: Settings) -> None:
    with (GOLD / "questions.tsv").open() as fh:
        questions = list(csv.DictReader(fh, delimiter="\t"))
    asks: list[tuple[str, dict[str, Any] | None]] = [(q, None) for q in OTHER_QUERIES]
    for q in questions:
        speaker = None if q["speaker_filter"] == "any" else q["speaker_filter"]
        asks += [(QUESTION, {"speaker": speaker, "concept": c}) for c in q["concept_filter"].split("|")]
    with running_server(Settings(store_path=corpus_store)) as emb, running_server(neo4j_corpus) as neo:
        answered = 0
        for query, variables in asks:
            a, b = _post(emb, query, variables), _post(neo, query, variables)
            assert a == b, (query, variables)
            answered += bool(a["data"].get("claims"))
    assert answered > 0
