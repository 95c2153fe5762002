"""After ingesting the whole corpus, the API answers gold-style questions with real evidence."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from extract.align import fill_times
from extract.parsers import parse_file
from graph.settings import Settings
from tests.conftest import GOLD
from tests.server import running_server

pytestmark = pytest.mark.corpus

CLAIMS = """query($speaker: String, $concept: String) {
  claims(speaker: $speaker, concept: $concept, limit: 50) {
    quote start end speaker { name } episode { source } } }"""


@pytest.fixture(scope="module")
def api(corpus_store: Path) -> Iterator[str]:
    with running_server(Settings(store_path=corpus_store)) as url:
        yield url


def ask(api: str, query: str, **variables: Any) -> dict[str, Any]:
    r = httpx.post(f"{api}/graphql", json={"query": query, "variables": variables}, timeout=60)
    r.raise_for_status()
    body: dict[str, Any] = r.json()
    assert "errors" not in body, body
    return body["data"]


def quote_checks_out(source: str, quote: str, start: float, end: float) -> bool:
    t = parse_file(source)
    window = " ".join(
        line.text for line, (s, e) in zip(t.lines, fill_times(t.lines), strict=True)
        if s <= end + 0.01 and e >= start - 0.01
    )
    return quote in window


def test_all_five_episodes_are_in(api: str) -> None:
    eps = ask(api, "{ episodes(limit: 50) { title } }")["episodes"]
    assert len(eps) == 5


def test_what_john_schulman_said_about_rlhf(api: str) -> None:
    claims = ask(api, CLAIMS, speaker="John Schulman", concept="RLHF")["claims"]
    assert claims, "no claims by John Schulman about RLHF"
    for c in claims:
        assert c["speaker"]["name"] == "John Schulman"
        assert quote_checks_out(c["episode"]["source"], c["quote"], c["start"], c["end"])


def test_gold_questions_get_verifiable_answers(api: str) -> None:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is missing")
    with (GOLD / "questions.tsv").open() as fh:
        questions = list(csv.DictReader(fh, delimiter="\t"))
    answered = 0
    for q in questions:
        speaker = None if q["speaker_filter"] == "any" else q["speaker_filter"]
        found = []
        for concept in q["concept_filter"].split("|"):
            found += ask(api, CLAIMS, speaker=speaker, concept=concept)["claims"]
        for c in found:
            assert quote_checks_out(c["episode"]["source"], c["quote"], c["start"], c["end"])
        answered += bool(found)
    assert answered >= len(questions) // 2
