"""The API over HTTP against a running server holding the shipped sample."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.schema import schema
from extract.build import build_fragment
from extract.document import Extraction
from graph.embedded import EmbeddedStore
from graph.settings import Settings
from tests.conftest import ROOT
from tests.server import running_server


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, sample_extraction: Extraction) -> Iterator[str]:
    path = tmp_path_factory.mktemp("api") / "g.podgraph"
    asyncio.run(EmbeddedStore(path).upsert(build_fragment(sample_extraction)))
    with running_server(Settings(store_path=path, max_page=5)) as url:
        yield url


def gql(base_url: str, query: str, **variables: Any) -> dict[str, Any]:
    r = httpx.post(f"{base_url}/graphql", json={"query": query, "variables": variables}, timeout=30)
    assert r.status_code in (200, 400), r.text
    body: dict[str, Any] = r.json()
    return body


def test_health(base_url: str) -> None:
    r = httpx.get(f"{base_url}/healthz")
    assert r.json() == {"status": "ok", "backend": "embedded", "episodes": 1}


def test_graphiql_loads_only_local_assets(base_url: str) -> None:
    page = httpx.get(f"{base_url}/graphql", headers={"Accept": "text/html"}).text
    assets = [a for a in re.findall(r'(?:src|href)="([^"]+)"', page) if not a.startswith("data:")]
    assert len(assets) >= 5 and all(a.startswith("/static/graphiql/") for a in assets)
    for a in assets:
        assert httpx.get(base_url + a).status_code == 200


def test_who_said_what_about_a_topic(base_url: str) -> None:
    rlhf = gql(base_url, '{ concept(name: "RLHF") { id } }')["data"]["concept"]["id"]
    body = gql(base_url, """query($c: String!) { claims(concept: $c) {
        quote text start end type speaker { name } episode { title } concepts { id } } }""",
               c="reinforcement learning from human feedback")
    claims = body["data"]["claims"]
    assert claims and len(claims) <= 5  # capped page
    for c in claims:
        assert rlhf in [x["id"] for x in c["concepts"]]
        assert c["start"] <= c["end"]
        assert c["speaker"]["name"]


def test_concept_lookup_goes_through_aliases_and_case(base_url: str) -> None:
    a = gql(base_url, '{ concept(name: "rlhf") { id name } }')["data"]["concept"]
    b = gql(base_url, '{ concept(name: "Reinforcement Learning From Human Feedback") { id } }')["data"]
    assert a is not None and b["concept"] is not None and a["id"] == b["concept"]["id"]
    assert gql(base_url, '{ concept(name: "no such idea") { id } }')["data"]["concept"] is None


def test_person_episode_and_window(base_url: str) -> None:
    body = gql(base_url, """{ person(name: "maya okafor") { name episodes { role episode { id } } } }""")
    person = body["data"]["person"]
    assert person["name"] == "Maya Okafor" and person["episodes"][0]["role"] == "host"
    ep = person["episodes"][0]["episode"]["id"]
    utts = gql(base_url, 'query($id: ID!) { episode(id: $id) { utterances(from: 30, to: 60) { start end text } } }',
               id=ep)["data"]["episode"]["utterances"]
    assert utts and all(u["end"] >= 30 and u["start"] <= 60 for u in utts)


def test_search_and_subgraph(base_url: str) -> None:
    hits = gql(base_url, '{ search(text: "rlhf") { kind id score } }')["data"]["search"]
    rlhf = gql(base_url, '{ concept(name: "rlhf") { id } }')["data"]["concept"]
    assert hits[0]["kind"] == "Concept" and hits[0]["id"] == rlhf["id"]
    sg = gql(base_url, '{ subgraph(center: "RLHF", depth: 2, limit: 5) { nodes { id kind } edges { source target } } }')
    nodes = sg["data"]["subgraph"]["nodes"]
    ids = {n["id"] for n in nodes}
    assert 1 < len(nodes) <= 5 and "Concept" in {n["kind"] for n in nodes}
    assert all(e["source"] in ids and e["target"] in ids for e in sg["data"]["subgraph"]["edges"])


def test_malformed_query_gets_a_clear_error(base_url: str) -> None:
    body = gql(base_url, "{ claims(limit: ) { quote } }")
    assert body["errors"] and "Syntax Error" in body["errors"][0]["message"]
    body = gql(base_url, "{ claims { nope } }")
    assert "Cannot query field 'nope'" in body["errors"][0]["message"]


def test_over_deep_query_is_refused(base_url: str) -> None:
    deep = "{ episodes { speakers { person { episodes { episode { speakers { person { episodes { episode {" \
           " speakers { person { name } } } } } } } } } } } }"
    body = gql(base_url, deep)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_committed_schema_is_current() -> None:
    committed = Path(ROOT / "schema.graphql").read_text()
    assert committed == schema.as_str() + "\n", "run: python -m api.export_schema"
