"""``podgraph export``: every format read back with its own reader and compared with the store."""

from __future__ import annotations

import asyncio
import csv
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from api.cli import main as cli
from api.export import property_types
from extract.build import build_fragment
from extract.document import Extraction
from graph.embedded import EmbeddedStore
from graph.model import ClaimFilter, StoreStats
from queries.links import refresh_links
from tests.store.world import episode_one, episode_two

LIST_FIELDS = {"aliases", "concept_ids"}
Nodes = dict[str, tuple[str, dict[str, Any]]]  # id -> (label, properties)
Edges = Counter[tuple[str, str, str]]  # (source, type, target) -> count
EdgeProps = dict[tuple[str, str, str], dict[str, Any]]


class Expected:
    """What the store holds, read through its public protocol."""

    def __init__(self, store: EmbeddedStore) -> None:
        self.store = store
        self.nodes: Nodes = {}
        self.edge_props: EdgeProps = {}
        self.stats = StoreStats()

    async def load(self) -> Expected:
        s = self.store
        self.stats = await s.stats()
        for ep in await s.episodes(limit=1000):
            self.nodes[ep.id] = ("Episode", _plain(asdict(ep)))
            for seg in await s.segments(ep.id, limit=1000):
                self.nodes[seg.id] = ("Segment", _plain(asdict(seg)))
        for p in await s.people():
            self.nodes[p.id] = ("Person", _plain(asdict(p)))
        for c in await s.concepts(limit=10_000):
            self.nodes[c.id] = ("Concept", _plain(asdict(c)))
        for cl in await s.claims(ClaimFilter(limit=10_000)):
            self.nodes[cl.id] = ("Claim", _plain(asdict(cl)))
        for ap in await s.appearances():
            self.edge_props[(ap.person_id, "APPEARED_IN", ap.episode_id)] = {"role": ap.role}
        for m in await s.mentions():
            self.edge_props[(m.concept_id, "MENTIONED_IN", m.episode_id)] = {
                "count": m.count, "first_s": m.first_s}
        return self


def _plain(d: dict[str, Any]) -> dict[str, Any]:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in d.items()}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, sample_extraction: Extraction) -> Path:
    """A store with the shipped sample and two invented episodes, with RELATED_TO edges."""
    path = tmp_path_factory.mktemp("export") / "g.podgraph"

    async def fill() -> None:
        store = EmbeddedStore(path)
        await store.open()
        await store.upsert(build_fragment(sample_extraction))
        await store.upsert(episode_one().build())
        await store.upsert(episode_two().build())
        await refresh_links(store)
        await store.close()

    asyncio.run(fill())
    return path


@pytest.fixture(scope="module")
def expected(store_path: Path) -> Expected:
    async def read() -> Expected:
        store = EmbeddedStore(store_path)
        await store.open()
        try:
            return await Expected(store).load()
        finally:
            await store.close()

    return asyncio.run(read())


# --- readers: each turns one format back into (nodes, edges, edge properties) ---------


def _decode_lists(props: dict[str, Any]) -> dict[str, Any]:
    return {k: json.loads(v) if k in LIST_FIELDS and isinstance(v, str) else v for k, v in props.items()}


def _from_networkx(g: nx.MultiDiGraph) -> tuple[Nodes, Edges, EdgeProps]:
    nodes: Nodes = {}
    for n, a in g.nodes(data=True):
        label = a["labels"]
        props = _decode_lists({k: v for k, v in a.items() if k not in ("labels", "label")})
        nodes[n] = (label, {"id": n, **props})
    edges: Edges = Counter()
    eprops: EdgeProps = {}
    for u, v, a in g.edges(data=True):
        key = (u, a["label"], v)
        edges[key] += 1
        eprops[key] = {k: x for k, x in a.items() if k not in ("label", "id", "networkx_key")}
    return nodes, edges, eprops


def read_graphml(path: Path) -> tuple[Nodes, Edges, EdgeProps]:
    return _from_networkx(nx.read_graphml(path, force_multigraph=True))


def read_gexf(path: Path) -> tuple[Nodes, Edges, EdgeProps]:
    return _from_networkx(nx.read_gexf(path))


def read_cytoscape(path: Path) -> tuple[Nodes, Edges, EdgeProps]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    nodes: Nodes = {}
    for el in doc["elements"]["nodes"]:
        d = dict(el["data"])
        label = d.pop("labels")
        d.pop("label")
        nodes[d["id"]] = (label, d)
    edges: Edges = Counter()
    eprops: EdgeProps = {}
    for el in doc["elements"]["edges"]:
        d = dict(el["data"])
        key = (d.pop("source"), d.pop("type"), d.pop("target"))
        d.pop("id")
        edges[key] += 1
        eprops[key] = d
    return nodes, edges, eprops


def read_jsonl(path: Path) -> tuple[Nodes, Edges, EdgeProps]:
    nodes: Nodes = {}
    edges: Edges = Counter()
    eprops: EdgeProps = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec["kind"] == "node":
            nodes[rec["id"]] = (rec["label"], rec["properties"])
        else:
            key = (rec["source"], rec["type"], rec["target"])
            edges[key] += 1
            eprops[key] = rec["properties"]
    return nodes, edges, eprops


def _csv_value(raw: str, typ: str) -> Any:
    if raw == "":
        return [] if typ.endswith("[]") else None
    if typ.endswith("[]"):
        return raw.split(";")
    if typ == "boolean":
        return raw == "true"
    if typ == "int":
        return int(raw)
    return float(raw) if typ == "float" else raw


def _csv_columns(header: list[str]) -> list[tuple[str, str]]:
    """(name, neo4j type) per column of a neo4j-admin import header."""
    out = []
    for col in header:
        name, _, typ = col.partition(":")
        out.append((name or col, "string" if typ in ("", "ID") else typ))
    return out


def read_csv(folder: Path) -> tuple[Nodes, Edges, EdgeProps]:
    nodes: Nodes = {}
    edges: Edges = Counter()
    eprops: EdgeProps = {}
    for path in sorted(folder.glob("nodes_*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        cols = _csv_columns(rows[0])
        assert rows[0][0] == "id:ID" and rows[0][-1] == ":LABEL"
        for row in rows[1:]:
            props = {n: _csv_value(v, t) for (n, t), v in zip(cols[:-1], row[:-1], strict=True)}
            nodes[props["id"]] = (row[-1], props)
    for path in sorted(folder.glob("rels_*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            rows = list(csv.reader(fh))
        assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
        cols = _csv_columns(rows[0][3:])
        for row in rows[1:]:
            key = (row[0], row[2], row[1])
            edges[key] += 1
            eprops[key] = {n: _csv_value(v, t) for (n, t), v in zip(cols, row[3:], strict=True)}
    return nodes, edges, eprops


READERS = {
    "graphml": (read_graphml, "g.graphml"),
    "gexf": (read_gexf, "g.gexf"),
    "cytoscape": (read_cytoscape, "g.cyjs.json"),
    "jsonl": (read_jsonl, "g.jsonl"),
    "csv": (read_csv, "csv"),
}


def _normalise(props: dict[str, Any]) -> dict[str, Any]:
    """Absent and null are the same (GraphML/GEXF/CSV have no empty list); types must match."""
    return {k: (type(v).__name__, v) for k, v in props.items() if v is not None and v != []}


def export(store_path: Path, fmt: str, out: Path, *episodes: str) -> int:
    args = ["export", "--format", fmt, "--store", str(store_path), "-o", str(out)]
    for e in episodes:
        args += ["--episode", e]
    return cli(args)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_reads_back_identical(fmt: str, store_path: Path, expected: Expected, tmp_path: Path) -> None:
    reader, name = READERS[fmt]
    assert export(store_path, fmt, tmp_path / name) == 0
    nodes, edges, eprops = reader(tmp_path / name)

    # counts per label and per relationship type are the store's
    assert Counter(label for label, _ in nodes.values()) == Counter(expected.stats.nodes)
    per_type = Counter({t: 0 for t in expected.stats.edges})
    for (_, t, _), n in edges.items():
        per_type[t] += n
    assert per_type == Counter(expected.stats.edges)
    assert all(n == 1 for n in edges.values()), "no relationship is written twice"

    # every node keeps every property, with its type
    assert set(nodes) == set(expected.nodes)
    for nid, (label, props) in expected.nodes.items():
        assert nodes[nid][0] == label
        assert _normalise(nodes[nid][1]) == _normalise(props), nid

    # relationship properties survive; no edge dangles
    for key, props in expected.edge_props.items():
        assert _normalise(eprops[key]) == _normalise(props), key
    related = [(k, p) for k, p in eprops.items() if k[1] == "RELATED_TO"]
    assert related and all(isinstance(p["weight"], float) and 0 < p["weight"] <= 1 for _, p in related)
    assert all(s in nodes and t in nodes for s, _, t in edges)


def test_sample_properties_by_name(store_path: Path, tmp_path: Path) -> None:
    """A few values checked by hand: the sample's RLHF concept and a claim's provenance."""
    assert export(store_path, "graphml", tmp_path / "g.graphml") == 0
    g = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    rlhf = [a for _, a in g.nodes(data=True)
            if a["labels"] == "Concept" and "RLHF" in json.loads(a.get("aliases", "[]"))]
    assert len(rlhf) == 1 and rlhf[0]["kind"] == "technique"
    claims = [a for _, a in g.nodes(data=True) if a["labels"] == "Claim" and "reward model" in a["quote"]]
    assert claims
    c = claims[0]
    assert isinstance(c["start_s"], float) and c["end_s"] > c["start_s"]
    assert isinstance(c["char_start"], int) and c["char_end"] > c["char_start"]
    assert c["type"] in ("prediction", "opinion", "explanation", "fact", "recommendation")
    seg = next(a for _, a in g.nodes(data=True) if a["labels"] == "Segment")
    assert isinstance(seg["ad"], bool)


def test_episode_filter(store_path: Path, expected: Expected, tmp_path: Path) -> None:
    ep2 = episode_two().id
    assert export(store_path, "jsonl", tmp_path / "one.jsonl", ep2) == 0
    nodes, edges, _ = read_jsonl(tmp_path / "one.jsonl")
    labels = Counter(label for label, _ in nodes.values())
    assert labels["Episode"] == 1 and ep2 in nodes
    assert labels["Claim"] == 3 and labels["Segment"] == 3 and labels["Person"] == 2
    assert {p["name"] for lab, p in nodes.values() if lab == "Concept"} == {
        "Moss Protocol", "Lichen Networks", "Reindeer Lichen"}
    assert all(p["episode_id"] == ep2 for lab, p in nodes.values() if lab in ("Claim", "Segment"))
    assert all(s in nodes and t in nodes for s, _, t in edges), "no edge leaves the exported part"
    assert sum(n for (_, t, _), n in edges.items() if t == "MENTIONED_IN") == 3


def test_unknown_episode_is_an_error(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(store_path, "jsonl", tmp_path / "x.jsonl", "ep_nope") == 2
    assert "ep_nope" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()


def test_csv_headers_are_typed_for_neo4j_admin(store_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(store_path, "csv", tmp_path / "csv") == 0
    header = (tmp_path / "csv" / "nodes_Segment.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == [
        "id:ID", "episode_id", "index:int", "start_s:float", "end_s:float", "text", "speaker_id",
        "char_start:int", "char_end:int", "confidence:float", "ad:boolean", ":LABEL"]
    assert property_types("Claim")["concept_ids"] == "string[]"
    command = capsys.readouterr().out
    assert "neo4j-admin database import full" in command
    assert "--nodes=" in command and "--relationships=" in command and "rels_ABOUT.csv" in command
