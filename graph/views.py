"""How a stored node looks to a visualisation or a search: one definition for every store.

>>> node_view("Concept", {"id": "c1", "name": "RLHF", "kind": "technique"}, 4).props
(('kind', 'technique'),)
>>> search_hits([("Claim", {"id": "x", "quote": "RLHF, um, works", "text": "RLHF works"})], "rlhf", 5)
[SearchHit(kind='Claim', id='x', label='RLHF works', score=2.0)]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph import textmatch
from graph.model import GraphNode, SearchHit

SEARCHABLE = ("Concept", "Person", "Episode", "Claim")


def node_label(kind: str, props: Mapping[str, Any]) -> str:
    """A node's display label: a title, a name, or a claim's clean text (else its quote)."""
    if kind == "Episode":
        return str(props["title"])
    if kind in ("Person", "Concept"):
        return str(props["name"])
    return str(props.get("text") or props.get("quote") or "")


def node_view(kind: str, props: Mapping[str, Any], size: float) -> GraphNode:
    """A visualisation node; ``size`` is how much the node is discussed, counted by the store."""
    extra: tuple[tuple[str, str], ...] = ()
    if kind == "Claim":
        extra = (
            ("type", props["type"]),
            ("episode_id", props["episode_id"]),
            ("start_s", str(props["start_s"])),
        )
    elif kind == "Concept":
        extra = (("kind", props["kind"]),)
    return GraphNode(props["id"], kind, node_label(kind, props), float(size), extra)


def _fields(kind: str, props: Mapping[str, Any]) -> Sequence[str]:
    if kind in ("Concept", "Person"):
        return [props["name"], *(props.get("aliases") or ())]
    if kind == "Episode":
        return [props["title"]]
    return [props["quote"], props["text"]]


def search_words(kind: str, props: Mapping[str, Any]) -> set[str]:
    """Every word a node can be found by (for a store's own word index)."""
    if kind not in SEARCHABLE:
        return set()
    return {w for f in _fields(kind, props) if f for w in textmatch.words(f)}


def search_hits(nodes: Iterable[tuple[str, Mapping[str, Any]]], text: str, limit: int) -> list[SearchHit]:
    """The best hits among ``(kind, props)`` nodes for a free-text query.

    Best score first, then concepts, people, episodes, claims; then by label and id.
    """
    q = textmatch.words(text)
    if not q:
        return []
    hits: list[SearchHit] = []
    for kind, props in nodes:
        if kind not in SEARCHABLE:
            continue
        matched = [f for f in _fields(kind, props) if f and textmatch.matches(q, f)]
        if matched:
            best = max(textmatch.score(text, f) for f in matched)
            hits.append(SearchHit(kind, props["id"], node_label(kind, props), best))
    hits.sort(key=lambda h: (-h.score, textmatch.KIND_ORDER[h.kind], h.label, h.id))
    return hits[:limit]
