"""The whole corpus in both backends: the GraphQL answers to the gold questions are identical."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import httpx
import pytest

from graph.settings import Settings
from tests.conftest import GOLD
from tests.server import running_server

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
