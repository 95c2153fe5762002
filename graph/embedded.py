"""The embedded default store: a networkx ``MultiDiGraph`` kept in one JSON file.

Each write takes the file lock, reloads the file if another process changed it,
applies the change in memory and replaces the file atomically; readers reload
when the file changed under them.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, fields
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx

from graph import textmatch
from graph.ids import normalise_name
from graph.model import (
    ROLE_RANK,
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
from graph.persist import atomic_write_json, read_json, write_lock
from graph.store import GraphStore
from graph.views import node_view, search_hits, search_words

FORMAT = "podgraph-embedded/1"
ORDERS_KEPT = 32  # claim filters whose ordering is kept between pages
T = TypeVar("T")
_TUPLE_FIELDS = {"aliases", "concept_ids"}


def _record(kind: str, obj: Any) -> dict[str, Any]:
    data = asdict(obj)
    data["_kind"] = kind
    return data


@cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _edge_weight(attrs: dict[str, Any]) -> float:
    """A visualisation edge's weight: its own, else its count, else 1."""
    return float(attrs.get("weight", attrs.get("count", 1.0)))


def _model(cls: type[T], attrs: dict[str, Any]) -> T:
    names = _field_names(cls)  # type: ignore[arg-type]
    kw = {k: (tuple(v) if k in _TUPLE_FIELDS else v) for k, v in attrs.items() if k in names}
    return cls(**kw)


def episode_sort_key(ep: Episode) -> tuple[str, str, str]:
    """Order of episodes in every listing: published date, title, id."""
    return (ep.published or "", ep.title, ep.id)


class EmbeddedStore(GraphStore):
    """A graph in memory, persisted to one file.

    >>> import tempfile, asyncio
    >>> store = EmbeddedStore(Path(tempfile.mkdtemp()) / "g.json")
    >>> asyncio.run(store.stats()).nodes
    {}
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.g: nx.MultiDiGraph = nx.MultiDiGraph()
        self._stamp: tuple[int, int] | None = None
        self._words: tuple[list[str], dict[str, set[str]]] | None = None  # search index, built lazily
        # The ordered claim ids of recent filters, so paging through many claims sorts them once.
        self._claim_orders: dict[tuple[Any, ...], list[str]] = {}

    # --- persistence --------------------------------------------------------------
    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def _refresh(self) -> None:
        stamp = self._file_stamp()
        if stamp == self._stamp:
            return
        if stamp is None:
            self.g = nx.MultiDiGraph()
        else:
            data = read_json(self.path)
            g: nx.MultiDiGraph = nx.MultiDiGraph()
            for node_id, attrs in data["nodes"]:
                g.add_node(node_id, **attrs)
            for u, v, key, attrs in data["edges"]:
                g.add_edge(u, v, key=key, **attrs)
            self.g = g
        self._stamp = stamp
        self._words = None
        self._claim_orders = {}

    def _save(self) -> None:
        data = {
            "format": FORMAT,
            "nodes": [[n, a] for n, a in self.g.nodes(data=True)],
            "edges": [[u, v, k, a] for u, v, k, a in self.g.edges(keys=True, data=True)],
        }
        atomic_write_json(self.path, data)
        self._stamp = self._file_stamp()
        self._words = None
        self._claim_orders = {}

    async def open(self) -> None:
        """Load the file if it exists."""
        self._refresh()

    async def close(self) -> None:
        """Nothing to release: every write already reached the disk."""

    # --- helpers ------------------------------------------------------------------
    def _of_kind(self, kind: str) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((n, a) for n, a in self.g.nodes(data=True) if a.get("_kind") == kind)

    def _get(self, cls: type[T], node_id: str, kind: str) -> T | None:
        attrs = self.g.nodes.get(node_id)
        if attrs is None or attrs.get("_kind") != kind:
            return None
        return _model(cls, attrs)

    def _out(self, node: str, key: str) -> list[tuple[str, dict[str, Any]]]:
        return [(v, a) for _, v, k, a in self.g.out_edges(node, keys=True, data=True) if k == key]

    def _in(self, node: str, key: str) -> list[tuple[str, dict[str, Any]]]:
        return [(u, a) for u, _, k, a in self.g.in_edges(node, keys=True, data=True) if k == key]

    def _edges(
        self, key: str, source: str | None = None, target: str | None = None
    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """``key`` edges, from ``source`` and to ``target`` when given: read from that end's
        adjacency, not from every edge of the graph."""
        if source is not None:
            found = self.g.out_edges(source, keys=True, data=True) if source in self.g else []
        elif target is not None:
            found = self.g.in_edges(target, keys=True, data=True) if target in self.g else []
        else:
            found = self.g.edges(keys=True, data=True)
        for u, v, k, a in found:
            if k == key and (source is None or u == source) and (target is None or v == target):
                yield u, v, a

    def _remove_episode(self, episode_id: str) -> set[str]:
        """Drop an episode and its segments and claims; return people and concepts touched."""
        g = self.g
        if episode_id not in g:
            return set()
        touched = {u for u, _ in self._in(episode_id, "APPEARED_IN")}
        touched |= {u for u, _ in self._in(episode_id, "MENTIONED_IN")}
        doomed = [episode_id]
        for seg, _ in self._out(episode_id, "HAS_SEGMENT"):
            doomed.append(seg)
            for claim, _ in self._in(seg, "FROM"):
                doomed.append(claim)
                touched |= {c for c, _ in self._out(claim, "ABOUT")}
        g.remove_nodes_from(doomed)
        return touched

    def _tidy(self, touched: Iterable[str]) -> None:
        """Remove people and concepts no episode holds any more; recompute their aliases."""
        g = self.g
        for node in sorted(set(touched)):
            if node not in g:
                continue
            kind = g.nodes[node]["_kind"]
            rel = "APPEARED_IN" if kind == "Person" else "MENTIONED_IN"
            links = self._out(node, rel)
            if not links:
                g.remove_node(node)
                continue
            aliases: set[str] = set()
            for _, a in links:
                aliases.update(a.get("aliases", ()))
            name_key = normalise_name(g.nodes[node]["name"])
            g.nodes[node]["aliases"] = sorted(x for x in aliases if normalise_name(x) != name_key)

    # --- writes -------------------------------------------------------------------
    async def upsert(self, fragment: GraphFragment) -> None:
        """Insert or replace one episode (same id, or same source file)."""
        with write_lock(self.path):
            self._refresh()
            ep = fragment.episode
            touched: set[str] = set()
            for other, attrs in list(self._of_kind("Episode")):
                if other == ep.id or attrs.get("source") == ep.source:
                    touched |= self._remove_episode(other)
            self._add(fragment)
            self._tidy(touched | {p.id for p in fragment.people} | {c.id for c in fragment.concepts})
            self._save()

    def _add(self, f: GraphFragment) -> None:
        g = self.g
        ep = f.episode
        g.add_node(ep.id, **_record("Episode", ep))
        person_aliases = {p.id: list(p.aliases) for p in f.people}
        for p in f.people:
            if p.id not in g:
                g.add_node(p.id, **_record("Person", p))
        for ap in f.appearances:
            g.add_edge(ap.person_id, ap.episode_id, key="APPEARED_IN", role=ap.role,
                       aliases=person_aliases.get(ap.person_id, []))
        prev: str | None = None
        for seg in f.segments:
            g.add_node(seg.id, **_record("Segment", seg))
            g.add_edge(ep.id, seg.id, key="HAS_SEGMENT")
            g.add_edge(seg.speaker_id, seg.id, key="SPOKE")
            if prev is not None:
                g.add_edge(prev, seg.id, key="NEXT")
            prev = seg.id
        concept_aliases = {c.id: list(c.aliases) for c in f.concepts}
        for c in f.concepts:
            if c.id not in g:
                g.add_node(c.id, **_record("Concept", c))
        for m in f.mentions:
            g.add_edge(m.concept_id, m.episode_id, key="MENTIONED_IN", count=m.count,
                       first_s=m.first_s, aliases=concept_aliases.get(m.concept_id, []))
        for cl in f.claims:
            g.add_node(cl.id, **_record("Claim", cl))
            g.add_edge(cl.speaker_id, cl.id, key="CLAIMED")
            g.add_edge(cl.id, cl.segment_id, key="FROM")
            for cid in cl.concept_ids:
                g.add_edge(cl.id, cid, key="ABOUT")

    async def delete_episode(self, episode_id: str) -> bool:
        """Remove an episode and everything only it held."""
        with write_lock(self.path):
            self._refresh()
            if self._get(Episode, episode_id, "Episode") is None:
                return False
            self._tidy(self._remove_episode(episode_id))
            self._save()
            return True

    async def set_relations(self, relations: Sequence[Relation]) -> None:
        """Replace every ``RELATED_TO`` edge; pairs naming anything but two known concepts are skipped."""
        with write_lock(self.path):
            self._refresh()
            old = [(u, v, k) for u, v, k in self.g.edges(keys=True) if k == "RELATED_TO"]
            self.g.remove_edges_from(old)
            concepts = {n for n, _ in self._of_kind("Concept")}
            for r in relations:
                if r.source_id in concepts and r.target_id in concepts:
                    self.g.add_edge(r.source_id, r.target_id, key="RELATED_TO", weight=r.weight)
            self._save()

    async def set_similar(self, links: Sequence[ClaimLink]) -> None:
        """Replace every ``SIMILAR_TO`` edge."""
        with write_lock(self.path):
            self._refresh()
            old = [(u, v, k) for u, v, k in self.g.edges(keys=True) if k == "SIMILAR_TO"]
            self.g.remove_edges_from(old)
            for link in links:
                if self._get(Claim, link.source_id, "Claim") and self._get(Claim, link.target_id, "Claim"):
                    self.g.add_edge(link.source_id, link.target_id, key="SIMILAR_TO",
                                    weight=link.weight, stance=link.stance)
            self._save()

    async def merge_person(self, keep_id: str, drop_id: str) -> bool:
        """Fold one person into another (see ``GraphStore.merge_person``)."""
        with write_lock(self.path):
            self._refresh()
            g = self.g
            keep = self._get(Person, keep_id, "Person")
            drop = self._get(Person, drop_id, "Person")
            if keep is None or drop is None or keep_id == drop_id:
                return False
            for ep, a in self._out(drop_id, "APPEARED_IN"):
                aliases = sorted({*a.get("aliases", ()), drop.name, *drop.aliases})
                if g.has_edge(keep_id, ep, key="APPEARED_IN"):
                    old = g.edges[keep_id, ep, "APPEARED_IN"]
                    role = min(old["role"], a["role"], key=ROLE_RANK.__getitem__)
                    aliases = sorted({*old.get("aliases", ()), *aliases})
                    g.remove_edge(keep_id, ep, key="APPEARED_IN")
                else:
                    role = a["role"]
                g.add_edge(keep_id, ep, key="APPEARED_IN", role=role, aliases=aliases)
            for seg, _ in self._out(drop_id, "SPOKE"):
                g.add_edge(keep_id, seg, key="SPOKE")
                g.nodes[seg]["speaker_id"] = keep_id
            for claim, _ in self._out(drop_id, "CLAIMED"):
                g.add_edge(keep_id, claim, key="CLAIMED")
                g.nodes[claim]["speaker_id"] = keep_id
            g.remove_node(drop_id)
            self._tidy([keep_id])
            self._save()
            return True

    async def clear(self) -> None:
        """Remove everything."""
        with write_lock(self.path):
            self.g = nx.MultiDiGraph()
            self._save()

    # --- reads --------------------------------------------------------------------
    async def stats(self) -> StoreStats:
        """Counts per node kind and edge type."""
        self._refresh()
        nodes = Counter(a["_kind"] for _, a in self.g.nodes(data=True))
        edges = Counter(k for _, _, k in self.g.edges(keys=True))
        return StoreStats(dict(sorted(nodes.items())), dict(sorted(edges.items())))

    async def episodes(
        self,
        show: str | None = None,
        person_id: str | None = None,
        concept_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> list[Episode]:
        """Episodes, filtered and ordered by publication date, title and id."""
        self._refresh()
        eps = [_model(Episode, a) for _, a in self._of_kind("Episode")]
        if show is not None:
            key = show.casefold()
            eps = [e for e in eps if (e.show or "").casefold() == key]
        if person_id is not None:
            keep = {v for v, _ in self._out(person_id, "APPEARED_IN")} if person_id in self.g else set()
            eps = [e for e in eps if e.id in keep]
        if concept_id is not None:
            keep = {v for v, _ in self._out(concept_id, "MENTIONED_IN")} if concept_id in self.g else set()
            eps = [e for e in eps if e.id in keep]
        eps.sort(key=episode_sort_key)
        return eps[offset : offset + limit]

    async def episode(self, episode_id: str) -> Episode | None:
        """One episode by id."""
        self._refresh()
        return self._get(Episode, episode_id, "Episode")

    async def people(self, ids: Sequence[str] | None = None) -> list[Person]:
        """People, ordered by name and id."""
        self._refresh()
        if ids is None:
            found = [_model(Person, a) for _, a in self._of_kind("Person")]
        else:
            found = [p for i in ids if (p := self._get(Person, i, "Person")) is not None]
        return sorted(set(found), key=lambda p: (p.name, p.id))

    async def find_person(self, name: str) -> Person | None:
        """A person by normalised name or alias."""
        self._refresh()
        key = normalise_name(name)
        hits = [
            _model(Person, a)
            for _, a in self._of_kind("Person")
            if key in {normalise_name(x) for x in (a["name"], *a.get("aliases", ()))}
        ]
        return min(hits, key=lambda p: (normalise_name(p.name) != key, p.name, p.id), default=None)

    async def appearances(
        self, person_id: str | None = None, episode_id: str | None = None
    ) -> list[Appearance]:
        """``APPEARED_IN`` edges, ordered by person then episode."""
        self._refresh()
        out = [Appearance(u, v, a["role"]) for u, v, a in self._edges("APPEARED_IN", person_id, episode_id)]
        return sorted(out, key=lambda x: (x.person_id, x.episode_id))

    def _mention_total(self, concept_id: str) -> int:
        return sum(int(a.get("count", 0)) for _, a in self._out(concept_id, "MENTIONED_IN"))

    async def concepts(
        self, search: str | None = None, ids: Sequence[str] | None = None, limit: int = 50
    ) -> list[Concept]:
        """Concepts whose name or alias contains ``search``; exact, then prefix, then most mentioned."""
        self._refresh()
        if ids is not None:
            found = [c for i in ids if (c := self._get(Concept, i, "Concept")) is not None]
            return sorted(set(found), key=lambda c: (c.name, c.id))[:limit]
        q = (search or "").casefold().strip()
        qn = normalise_name(q)
        ranked: list[tuple[int, int, str, str, Concept]] = []
        for node, a in self._of_kind("Concept"):
            names = [a["name"], *a.get("aliases", ())]
            if q and not any(q in n.casefold() for n in names):
                continue
            exact = any(normalise_name(n) == qn for n in names)
            prefix = any(n.casefold().startswith(q) for n in names)
            rank = 0 if q and exact else 1 if q and prefix else 2
            ranked.append((rank, -self._mention_total(node), a["name"], node, _model(Concept, a)))
        ranked.sort(key=lambda r: r[:4])
        return [r[4] for r in ranked[:limit]]

    async def find_concept(self, name: str) -> Concept | None:
        """A concept by normalised name or alias; its own name wins over an alias."""
        self._refresh()
        key = normalise_name(name)
        best: tuple[int, int, str, Concept] | None = None
        for node, a in self._of_kind("Concept"):
            if normalise_name(a["name"]) == key:
                cand = (0, -self._mention_total(node), node, _model(Concept, a))
            elif any(normalise_name(x) == key for x in a.get("aliases", ())):
                cand = (1, -self._mention_total(node), node, _model(Concept, a))
            else:
                continue
            if best is None or cand[:3] < best[:3]:
                best = cand
        return best[3] if best else None

    async def mentions(
        self, concept_id: str | None = None, episode_id: str | None = None
    ) -> list[Mention]:
        """``MENTIONED_IN`` edges, ordered by concept then episode."""
        self._refresh()
        out = [
            Mention(u, v, int(a["count"]), float(a["first_s"]))
            for u, v, a in self._edges("MENTIONED_IN", concept_id, episode_id)
        ]
        return sorted(out, key=lambda m: (m.concept_id, m.episode_id))

    async def related(self, concept_id: str, limit: int = 20) -> list[tuple[Concept, float]]:
        """Related concepts, strongest first, then by name."""
        self._refresh()
        if concept_id not in self.g:
            return []
        pairs: dict[str, float] = {}
        for v, a in self._out(concept_id, "RELATED_TO"):
            pairs[v] = max(pairs.get(v, 0.0), float(a["weight"]))
        for u, a in self._in(concept_id, "RELATED_TO"):
            pairs[u] = max(pairs.get(u, 0.0), float(a["weight"]))
        out = [(_model(Concept, self.g.nodes[n]), w) for n, w in pairs.items()]
        out.sort(key=lambda cw: (-cw[1], cw[0].name, cw[0].id))
        return out[:limit]

    async def relations(self) -> list[Relation]:
        """Every ``RELATED_TO`` edge, ordered by (source, target)."""
        self._refresh()
        out = [Relation(u, v, float(a["weight"])) for u, v, a in self._edges("RELATED_TO")]
        return sorted(out, key=lambda r: (r.source_id, r.target_id))

    async def claims(self, flt: ClaimFilter) -> list[Claim]:
        """Claims matching the filter, ordered by episode date, episode, time and id."""
        self._refresh()
        key = (flt.speaker_id, flt.concept_id, flt.episode_id, flt.type, flt.from_s, flt.to_s, flt.text)
        if key not in self._claim_orders:
            if len(self._claim_orders) >= ORDERS_KEPT:
                self._claim_orders.clear()
            self._claim_orders[key] = self._claim_order(flt)
        page = self._claim_orders[key][flt.offset : flt.offset + flt.limit]
        return [_model(Claim, self.g.nodes[n]) for n in page]

    def _claim_order(self, flt: ClaimFilter) -> list[str]:
        """The ids of the claims matching the filter (paging aside), in listing order."""
        g = self.g
        if flt.concept_id is not None:
            if flt.concept_id not in g:
                return []
            nodes = [u for u, _ in self._in(flt.concept_id, "ABOUT")]
        elif flt.speaker_id is not None:
            nodes = [v for v, _ in self._out(flt.speaker_id, "CLAIMED")] if flt.speaker_id in g else []
        else:
            nodes = [n for n, _ in self._of_kind("Claim")]
        text = flt.text.casefold() if flt.text else None
        kept: list[str] = []
        for n in nodes:
            c = g.nodes[n]  # filtered and sorted as stored: only a page becomes Claims
            if flt.speaker_id is not None and c["speaker_id"] != flt.speaker_id:
                continue
            if flt.episode_id is not None and c["episode_id"] != flt.episode_id:
                continue
            if flt.type is not None and c["type"] != flt.type:
                continue
            if flt.from_s is not None and c["end_s"] < flt.from_s:
                continue
            if flt.to_s is not None and c["start_s"] > flt.to_s:
                continue
            if text is not None and text not in c["quote"].casefold() and text not in c["text"].casefold():
                continue
            kept.append(n)
        published = {n: a.get("published") or "" for n, a in self._of_kind("Episode")}

        def order(n: str) -> tuple[str, str, float, str]:
            c = g.nodes[n]
            return (published.get(c["episode_id"], ""), c["episode_id"], c["start_s"], c["id"])

        return sorted(kept, key=order)

    async def claim(self, claim_id: str) -> Claim | None:
        """One claim by id."""
        self._refresh()
        return self._get(Claim, claim_id, "Claim")

    async def similar(self, claim_id: str, limit: int = 20) -> list[tuple[Claim, float, str]]:
        """Claims linked by ``SIMILAR_TO``, strongest first."""
        self._refresh()
        if self._get(Claim, claim_id, "Claim") is None:
            return []
        found: dict[str, tuple[float, str]] = {}
        for other, a in [*self._out(claim_id, "SIMILAR_TO"), *self._in(claim_id, "SIMILAR_TO")]:
            w = float(a["weight"])
            if other not in found or w > found[other][0]:
                found[other] = (w, a["stance"])
        out = [(_model(Claim, self.g.nodes[n]), w, st) for n, (w, st) in found.items()]
        out.sort(key=lambda cws: (-cws[1], cws[0].id))
        return out[:limit]

    async def segments(
        self,
        episode_id: str,
        from_s: float | None = None,
        to_s: float | None = None,
        limit: int = 200,
    ) -> list[Segment]:
        """An episode's segments overlapping ``[from_s, to_s]``, in order."""
        self._refresh()
        if episode_id not in self.g:
            return []
        segs = [_model(Segment, self.g.nodes[s]) for s, _ in self._out(episode_id, "HAS_SEGMENT")]
        segs = [
            s
            for s in segs
            if (from_s is None or s.end_s >= from_s) and (to_s is None or s.start_s <= to_s)
        ]
        segs.sort(key=lambda s: (s.index, s.id))
        return segs[:limit]

    def _node_view(self, node: str) -> GraphNode:
        a = self.g.nodes[node]
        kind = a["_kind"]
        if kind == "Episode":
            size = float(len(self._in(node, "MENTIONED_IN")))
        elif kind == "Person":
            size = float(len(self._out(node, "CLAIMED")))
        elif kind == "Concept":
            size = float(self._mention_total(node))
        else:
            size = 1.0
        return node_view(kind, a, size)

    async def nodes(self, ids: Sequence[str]) -> list[GraphNode]:
        """Visualisation nodes for known, non-segment ids."""
        self._refresh()
        return [
            self._node_view(n)
            for n in sorted(set(ids))
            if n in self.g and self.g.nodes[n]["_kind"] != "Segment"
        ]

    async def edges_of(self, ids: Sequence[str]) -> list[GraphEdge]:
        """Edges touching the ids, with claims linked straight to their episodes."""
        self._refresh()
        g = self.g
        found: set[GraphEdge] = set()
        for n in set(ids):
            if n not in g or g.nodes[n]["_kind"] == "Segment":
                continue
            for u, v, k, a in [*g.out_edges(n, keys=True, data=True), *g.in_edges(n, keys=True, data=True)]:
                ku, kv = g.nodes[u]["_kind"], g.nodes[v]["_kind"]
                if "Segment" in (ku, kv):
                    continue
                found.add(GraphEdge(u, v, k, _edge_weight(a)))
            if g.nodes[n]["_kind"] == "Claim":
                ep = g.nodes[n]["episode_id"]
                found.add(GraphEdge(n, ep, "IN_EPISODE", 1.0))
            elif g.nodes[n]["_kind"] == "Episode":
                for seg, _ in self._out(n, "HAS_SEGMENT"):
                    for claim, _ in self._in(seg, "FROM"):
                        found.add(GraphEdge(claim, n, "IN_EPISODE", 1.0))
        return sorted(found, key=lambda e: (e.source, e.kind, e.target))

    async def edges_among(self, ids: Sequence[str]) -> list[GraphEdge]:
        """Edges between the ids: each read once, from its source's own edges."""
        self._refresh()
        g = self.g
        wanted = {n for n in ids if n in g and g.nodes[n]["_kind"] != "Segment"}
        found: set[GraphEdge] = set()
        for n in wanted:
            for _, v, k, a in g.out_edges(n, keys=True, data=True):
                if v in wanted:
                    found.add(GraphEdge(n, v, k, _edge_weight(a)))
            if g.nodes[n]["_kind"] == "Claim" and g.nodes[n]["episode_id"] in wanted:
                found.add(GraphEdge(n, g.nodes[n]["episode_id"], "IN_EPISODE", 1.0))
        return sorted(found, key=lambda e: (e.source, e.kind, e.target))

    def _word_index(self) -> tuple[list[str], dict[str, set[str]]]:
        """Sorted words and, for each, the nodes that contain it (rebuilt after any change)."""
        if self._words is None:
            postings: dict[str, set[str]] = {}
            for node, a in self.g.nodes(data=True):
                for w in search_words(a["_kind"], a):
                    postings.setdefault(w, set()).add(node)
            self._words = (sorted(postings), postings)
        return self._words

    async def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Free-text search over concepts, people, episodes and claims.

        A word index narrows the candidates to nodes holding every query word as a
        prefix; ``graph.views.search_hits`` then matches and scores them exactly.
        """
        self._refresh()
        vocab, postings = self._word_index()
        candidates: set[str] | None = None
        for q in set(textmatch.words(text)):
            found: set[str] = set()
            i = bisect_left(vocab, q)
            while i < len(vocab) and vocab[i].startswith(q):
                found |= postings[vocab[i]]
                i += 1
            candidates = found if candidates is None else candidates & found
        if not candidates:
            return []
        nodes = ((self.g.nodes[n]["_kind"], self.g.nodes[n]) for n in sorted(candidates))
        return search_hits(nodes, text, limit)
