"""``podgraph export``: the graph in the formats of Gephi, Cytoscape, Neo4j and jq.

The export graph is read through the ``GraphStore`` protocol only, so the
embedded store and Neo4j give the same files. It holds every node kind
(Episode, Person, Segment, Concept, Claim) with all of its model fields as
properties, and every relationship of the data model with its properties.

Formats:

- ``graphml`` and ``gexf``: networkx's writers. Each node has ``labels`` (its
  kind) and ``label`` (a display name); each edge has ``label``, its type
  (``type`` means directed/undirected in GEXF), and its type as key. GraphML and
  GEXF have no list type, so list properties (``aliases``, ``concept_ids``)
  are written as JSON text; absent values (``None``) are left out.
- ``cytoscape``: Cytoscape.js JSON, ``{"elements": {"nodes": [...], "edges": [...]}}``.
- ``csv``: a folder laid out for ``neo4j-admin database import full``: one
  ``nodes_<Label>.csv`` per label (``id:ID``, typed columns, ``:LABEL``) and one
  ``rels_<TYPE>.csv`` per relationship type (``:START_ID``, ``:END_ID``,
  ``:TYPE``, typed columns). Arrays use ``;`` (the importer's default delimiter).
- ``jsonl``: one JSON object a line, nodes first, then edges.
"""

from __future__ import annotations

import csv
import json
import sys
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from itertools import pairwise
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import NotFoundError
from graph.model import Claim, ClaimFilter, Concept, Episode, Person, Segment
from graph.settings import Settings
from graph.store import GraphStore
from queries.claims import all_claims

FORMATS: tuple[str, ...] = ("graphml", "gexf", "cytoscape", "csv", "jsonl")
NODE_LABELS: tuple[str, ...] = ("Episode", "Person", "Segment", "Concept", "Claim")
_MODELS: dict[str, type] = {
    "Episode": Episode, "Person": Person, "Segment": Segment, "Concept": Concept, "Claim": Claim,
}
_EDGE_PROPS: dict[str, dict[str, str]] = {
    "APPEARED_IN": {"role": "string"},
    "MENTIONED_IN": {"count": "int", "first_s": "float"},
    "RELATED_TO": {"weight": "float"},
}
_ALL = 1_000_000_000  # "no limit" for the store's capped list reads
_NEO4J_TYPES = {str: "string", int: "int", float: "float", bool: "boolean"}


@dataclass(frozen=True)
class ExportNode:
    """A node of the export graph: its id, label (kind) and model fields."""

    id: str
    label: str
    props: dict[str, Any]


@dataclass(frozen=True)
class ExportEdge:
    """A relationship of the export graph."""

    source: str
    target: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportGraph:
    """Everything that is written: nodes in label order, then edges in type order."""

    nodes: list[ExportNode]
    edges: list[ExportEdge]


def property_types(label: str) -> dict[str, str]:
    """Neo4j import types of a node label's properties, in model field order.

    >>> property_types("Concept")
    {'id': 'string', 'name': 'string', 'aliases': 'string[]', 'kind': 'string'}
    """
    cls = _MODELS[label]
    hints = typing.get_type_hints(cls)
    out: dict[str, str] = {}
    for f in fields(cls):
        out[f.name] = _neo4j_type(hints[f.name])
    return out


def _neo4j_type(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return _neo4j_type(args[0])
    if origin is tuple:
        return _neo4j_type(typing.get_args(hint)[0]) + "[]"
    if origin is typing.Literal:
        return "string"
    return _NEO4J_TYPES.get(hint, "string")


def display_label(node: ExportNode) -> str:
    """A short human name for a node (title, name, clean text or time).

    >>> display_label(ExportNode("p1", "Person", {"name": "Ann"}))
    'Ann'
    """
    p = node.props
    if node.label == "Episode":
        return str(p.get("title") or node.id)
    if node.label in ("Person", "Concept"):
        return str(p.get("name") or node.id)
    if node.label == "Claim":
        return str(p.get("text") or p.get("quote") or node.id)
    if node.label == "Segment":
        return f"{p.get('episode_id')} @ {float(p.get('start_s', 0.0)):.1f}s"
    return node.id


def _props(obj: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(obj):
        v = getattr(obj, f.name)
        out[f.name] = list(v) if isinstance(v, tuple) else v
    return out


async def collect(store: GraphStore, episode_ids: Sequence[str] | None = None) -> ExportGraph:
    """Read the whole graph, or the part that the given episodes hold, from a store.

    With episodes, the export has those episodes, their segments and claims, the
    people who appeared in them, the concepts they mention or their claims are
    about, and ``RELATED_TO`` edges between those concepts. An unknown episode id
    raises ``NotFoundError``.
    """
    if episode_ids:
        episodes: list[Episode] = []
        for eid in dict.fromkeys(episode_ids):
            ep = await store.episode(eid)
            if ep is None:
                raise NotFoundError(f"no episode {eid!r}")
            episodes.append(ep)
    else:
        episodes, offset = [], 0
        while batch := await store.episodes(offset=offset, limit=500):
            episodes.extend(batch)
            offset += len(batch)

    nodes: list[ExportNode] = [ExportNode(e.id, "Episode", _props(e)) for e in episodes]
    edges: list[ExportEdge] = []
    person_ids: set[str] = set()
    concept_ids: set[str] = set()
    segments: list[Segment] = []
    claims: list[Claim] = []
    for ep in episodes:
        for ap in await store.appearances(episode_id=ep.id):
            person_ids.add(ap.person_id)
            edges.append(ExportEdge(ap.person_id, ep.id, "APPEARED_IN", {"role": ap.role}))
        for m in await store.mentions(episode_id=ep.id):
            concept_ids.add(m.concept_id)
            edges.append(
                ExportEdge(m.concept_id, ep.id, "MENTIONED_IN", {"count": m.count, "first_s": m.first_s})
            )
        segs = await store.segments(ep.id, limit=_ALL)
        segments.extend(segs)
        for prev, seg in pairwise(segs):
            edges.append(ExportEdge(prev.id, seg.id, "NEXT"))
        claims.extend(await all_claims(store, ClaimFilter(episode_id=ep.id)))

    for seg in segments:
        person_ids.add(seg.speaker_id)
        edges.append(ExportEdge(seg.episode_id, seg.id, "HAS_SEGMENT"))
        edges.append(ExportEdge(seg.speaker_id, seg.id, "SPOKE"))
    for cl in claims:
        person_ids.add(cl.speaker_id)
        concept_ids.update(cl.concept_ids)
        edges.append(ExportEdge(cl.speaker_id, cl.id, "CLAIMED"))
        edges.append(ExportEdge(cl.id, cl.segment_id, "FROM"))
        edges.extend(ExportEdge(cl.id, cid, "ABOUT") for cid in cl.concept_ids)

    if episode_ids:
        people = await store.people(sorted(person_ids))
        concepts = await store.concepts(ids=sorted(concept_ids), limit=_ALL)
    else:
        people = await store.people()
        concepts = await store.concepts(limit=_ALL)
    nodes += [ExportNode(p.id, "Person", _props(p)) for p in people]
    nodes += [ExportNode(s.id, "Segment", _props(s)) for s in segments]
    nodes += [ExportNode(c.id, "Concept", _props(c)) for c in concepts]
    nodes += [ExportNode(c.id, "Claim", _props(c)) for c in claims]

    kept = {c.id for c in concepts}
    pairs: dict[tuple[str, str], float] = {}
    for c in concepts:
        for other, weight in await store.related(c.id, limit=_ALL):
            if other.id in kept:
                # RELATED_TO is stored once per unordered pair, from the smaller id
                a, b = sorted((c.id, other.id))
                pairs[(a, b)] = weight
    edges += [ExportEdge(a, b, "RELATED_TO", {"weight": w}) for (a, b), w in sorted(pairs.items())]
    edges.sort(key=lambda e: (e.type, e.source, e.target))
    return ExportGraph(nodes, edges)


# --- writers ------------------------------------------------------------------------


def _flat(value: Any) -> Any:
    """A GraphML/GEXF-safe value: lists become JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def to_networkx(graph: ExportGraph) -> nx.MultiDiGraph:
    """The export graph as a networkx MultiDiGraph ready for GraphML or GEXF.

    >>> g = to_networkx(ExportGraph([ExportNode("c1", "Concept", {"id": "c1", "name": "RLHF",
    ...     "aliases": ["rlhf"], "kind": "technique"})], []))
    >>> g.nodes["c1"]["aliases"], g.nodes["c1"]["labels"]
    ('["rlhf"]', 'Concept')
    """
    g = nx.MultiDiGraph()
    for n in graph.nodes:
        attrs = {k: _flat(v) for k, v in n.props.items() if v is not None and k != "id"}
        g.add_node(n.id, labels=n.label, label=display_label(n), **attrs)
    for e in graph.edges:
        attrs = {k: _flat(v) for k, v in e.props.items() if v is not None}
        g.add_edge(e.source, e.target, key=e.type, label=e.type, **attrs)
    return g


def to_cytoscape(graph: ExportGraph) -> dict[str, Any]:
    """Cytoscape.js elements JSON: ``{"elements": {"nodes": [...], "edges": [...]}}``."""
    nodes = [
        {"data": {**n.props, "id": n.id, "labels": n.label, "label": display_label(n)}}
        for n in graph.nodes
    ]
    edges = [
        {"data": {**e.props, "id": f"{e.source}|{e.type}|{e.target}", "source": e.source,
                  "target": e.target, "type": e.type}}
        for e in graph.edges
    ]
    return {"elements": {"nodes": nodes, "edges": edges}}


def jsonl_records(graph: ExportGraph) -> Iterable[dict[str, Any]]:
    """One record per node, then one per edge."""
    for n in graph.nodes:
        yield {"kind": "node", "id": n.id, "label": n.label, "properties": n.props}
    for e in graph.edges:
        yield {"kind": "edge", "source": e.source, "target": e.target, "type": e.type,
               "properties": e.props}


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def write_csv(graph: ExportGraph, folder: Path) -> list[Path]:
    """Write ``neo4j-admin database import`` files into ``folder``; return them in order."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for label in NODE_LABELS:
        types_ = property_types(label)
        header = [f"{k}:ID" if k == "id" else f"{k}:{t}" if t != "string" else k for k, t in types_.items()]
        path = folder / f"nodes_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([*header, ":LABEL"])
            for n in graph.nodes:
                if n.label == label:
                    w.writerow([*(_csv_cell(n.props.get(k)) for k in types_), label])
        written.append(path)
    for rel in sorted({e.type for e in graph.edges}):
        props = _EDGE_PROPS.get(rel, {})
        header = [k if t == "string" else f"{k}:{t}" for k, t in props.items()]
        path = folder / f"rels_{rel}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([":START_ID", ":END_ID", ":TYPE", *header])
            for e in graph.edges:
                if e.type == rel:
                    w.writerow([e.source, e.target, rel, *(_csv_cell(e.props.get(k)) for k in props)])
        written.append(path)
    return written


def neo4j_import_command(files: Sequence[Path]) -> str:
    """The ``neo4j-admin`` command line that loads the CSV files into a database."""
    parts = ["neo4j-admin database import full neo4j --overwrite-destination"]
    for f in files:
        kind = "--nodes" if f.name.startswith("nodes_") else "--relationships"
        parts.append(f"{kind}={f}")
    return " \\\n  ".join(parts)


def write_export(graph: ExportGraph, fmt: str, output: Path) -> list[Path]:
    """Write ``graph`` in format ``fmt`` to ``output`` (a folder for csv); return the files."""
    if fmt == "csv":
        return write_csv(graph, output)
    output.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        nx.write_graphml(to_networkx(graph), output, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(to_networkx(graph), output, encoding="utf-8")
    elif fmt == "cytoscape":
        output.write_text(json.dumps(to_cytoscape(graph), ensure_ascii=False) + "\n", encoding="utf-8")
    elif fmt == "jsonl":
        with output.open("w", encoding="utf-8") as fh:
            for rec in jsonl_records(graph):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return [output]


async def run_export(
    settings: Settings, fmt: str, output: Path, episodes: Sequence[str] | None = None
) -> int:
    """Open the configured store, export it (or some episodes) to ``output``; exit status.

    >>> import asyncio, tempfile
    >>> out = Path(tempfile.mkdtemp())
    >>> asyncio.run(run_export(Settings(store_path=out / "s.podgraph"), "jsonl", out / "g.jsonl"))
    0
    """
    from graph.backend import make_store

    store = make_store(settings)
    await store.open()
    try:
        graph = await collect(store, episodes)
    finally:
        await store.close()
    files = write_export(graph, fmt, output)
    print(
        f"exported {len(graph.nodes)} nodes and {len(graph.edges)} edges as {fmt} -> {output}",
        file=sys.stderr,
    )
    if fmt == "csv":
        print(neo4j_import_command(files))
    return 0
