"""The Neo4j store: the ``GraphStore`` protocol over the async Bolt driver.

It answers exactly as ``graph.embedded.EmbeddedStore`` does (same items, same order,
same numbers): filters run in Cypher on keys computed in Python at write time (see
``graph.cypher``), and orders that depend on free text (names, titles) or on
``graph.textmatch`` scores are applied in Python with the embedded store's keys.
All Cypher lives in ``graph.cypher``; driver failures surface as ``StoreError``.

>>> store = Neo4jStore("bolt://localhost:7687", "neo4j", "secret")  # no I/O yet
>>> store.uri
'bolt://localhost:7687'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, LiteralString, TypeVar, cast

from neo4j import AsyncDriver, AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl
from neo4j.exceptions import AuthError, DriverError, Neo4jError, ServiceUnavailable

from graph import cypher, textmatch
from graph.embedded import episode_sort_key
from graph.errors import StoreError
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
from graph.store import GraphStore
from graph.views import node_view, search_hits

T = TypeVar("T")
_TUPLE_FIELDS = {"aliases", "concept_ids"}


def _model(cls: type[T], row: dict[str, Any]) -> T:
    """A model object from a map projection (lists back to tuples)."""
    kw = {k: (tuple(v or ()) if k in _TUPLE_FIELDS else v) for k, v in row.items()}
    return cls(**kw)


def _props(obj: Any) -> dict[str, Any]:
    """A dataclass as node properties: tuples stored as lists."""
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(obj).items()}


def name_keys(name: str, aliases: Sequence[str]) -> dict[str, Any]:
    """Lookup keys of a person or concept: normalised and case-folded names, search words.

    ``keys[0]`` is always the normalised name itself.

    >>> name_keys("Pre-Training", ["pretraining"])["keys"]
    ['pre training', 'pretraining']
    """
    names = [name, *aliases]
    return {
        "keys": [normalise_name(n) for n in names],
        "folds": [n.casefold() for n in names],
        "search_text": " ".join(w for n in names for w in textmatch.words(n)),
    }


def _episode_props(ep: Episode) -> dict[str, Any]:
    props = _props(ep)
    props["show_fold"] = (ep.show or "").casefold()
    props["search_text"] = " ".join(textmatch.words(ep.title))
    return props


def _claim_props(cl: Claim) -> dict[str, Any]:
    props = _props(cl)
    props["quote_fold"] = cl.quote.casefold()
    props["text_fold"] = cl.text.casefold()
    props["search_text"] = " ".join(textmatch.words(cl.quote) + textmatch.words(cl.text))
    return props


MAX_QUERY_WORDS = 16


def lucene_query(words: Sequence[str]) -> str:
    """Full-text query asking for every word as a prefix (words are ``[0-9a-z]+``).

    Only candidates are wanted (``graph.textmatch`` decides), so at most the
    ``MAX_QUERY_WORDS`` longest distinct words are asked for: fewer words can only
    widen the candidates, and Lucene's clause limit is never reached.

    >>> lucene_query(["pre", "train", "pre"])
    'train* AND pre*'
    """
    chosen = sorted(set(words), key=lambda w: (-len(w), w))[:MAX_QUERY_WORDS]
    return " AND ".join(f"{w}*" for w in chosen)


class Neo4jStore(GraphStore):
    """A graph in a Neo4j 5 database, reached over Bolt.

    The constructor does no I/O; ``open()`` connects and calls ``ensure_schema()``.
    """

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = uri
        self.user = user
        self.database = database
        self._password = password
        self._driver: AsyncDriver | None = None

    # --- connection and errors ----------------------------------------------------
    def _error(self, exc: Exception) -> StoreError:
        if isinstance(exc, AuthError):
            why = f"authentication failed for user {self.user!r}"
        elif isinstance(exc, ServiceUnavailable):
            why = "server unreachable"
        else:
            why = type(exc).__name__
        return StoreError(f"Neo4j at {self.uri} (database {self.database!r}): {why}: {exc}")

    @property
    def driver(self) -> AsyncDriver:
        """The open driver; ``StoreError`` before ``open()``."""
        if self._driver is None:
            raise StoreError(f"Neo4j store at {self.uri} is not open: call open() first")
        return self._driver

    async def open(self) -> None:
        """Connect, check the server answers, and create constraints and indexes."""
        if self._driver is not None:
            return
        try:
            self._driver = AsyncGraphDatabase.driver(
                self.uri, auth=(self.user, self._password), notifications_min_severity="OFF"
            )
            await self._driver.verify_connectivity()
        except (Neo4jError, DriverError, OSError, ValueError, ImportError) as exc:
            await self.close()
            raise self._error(exc) from exc
        await self.ensure_schema()

    async def close(self) -> None:
        """Close the driver and its connections."""
        driver, self._driver = self._driver, None
        if driver is not None:
            await driver.close()

    async def ensure_schema(self, timeout_s: int = 120) -> None:
        """Create the uniqueness constraints, indexes and full-text index, and wait for them."""
        try:
            async with self.driver.session(database=self.database) as session:
                for stmt in (*cypher.CONSTRAINTS, *cypher.INDEXES):
                    await (await session.run(cast(LiteralString, stmt))).consume()
                await (await session.run(cypher.AWAIT_INDEXES, timeout_s=timeout_s)).consume()
        except (Neo4jError, DriverError) as exc:
            raise self._error(exc) from exc

    async def _read(self, statement: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run one read query; rows as dicts."""
        try:
            records, _, _ = await self.driver.execute_query(
                cast(LiteralString, statement),
                params,
                database_=self.database,
                routing_=RoutingControl.READ,
            )
        except (Neo4jError, DriverError) as exc:
            raise self._error(exc) from exc
        return [r.data() for r in records]

    async def _write(self, work: Any, *args: Any) -> Any:
        """Run ``work(tx, *args)`` in one managed write transaction (retried when transient)."""
        try:
            async with self.driver.session(database=self.database) as session:
                return await session.execute_write(work, *args)
        except (Neo4jError, DriverError) as exc:
            raise self._error(exc) from exc

    # --- writes -------------------------------------------------------------------
    @staticmethod
    async def _run(tx: AsyncManagedTransaction, statement: str, /, **params: Any) -> list[dict[str, Any]]:
        result = await tx.run(cast(LiteralString, statement), params)
        return cast(list[dict[str, Any]], await result.data())

    @classmethod
    async def _remove_episodes(cls, tx: AsyncManagedTransaction, ids: list[str]) -> set[str]:
        """Delete episodes with their segments and claims; the people and concepts they held."""
        if not ids:
            return set()
        rows = await cls._run(tx, cypher.TOUCHED_BY_EPISODES, ids=ids)
        await cls._run(tx, cypher.DELETE_EPISODES, ids=ids)
        return set(rows[0]["touched"]) if rows else set()

    @classmethod
    async def _tidy(cls, tx: AsyncManagedTransaction, touched: set[str]) -> None:
        """Delete people and concepts no episode holds; recompute aliases and lookup keys."""
        if not touched:
            return
        rows = await cls._run(tx, cypher.TIDY_READ, ids=sorted(touched))
        doomed: dict[str, list[str]] = {"Person": [], "Concept": []}
        keep: dict[str, list[dict[str, Any]]] = {"Person": [], "Concept": []}
        for row in rows:
            if not row["links"]:
                doomed[row["kind"]].append(row["id"])
                continue
            union = {a for link in row["links"] for a in (link or ())}
            name_key = normalise_name(row["name"])
            aliases = sorted(a for a in union if normalise_name(a) != name_key)
            keep[row["kind"]].append({"id": row["id"], "aliases": aliases, **name_keys(row["name"], aliases)})
        if doomed["Person"]:
            await cls._run(tx, cypher.DELETE_PEOPLE, ids=doomed["Person"])
        if doomed["Concept"]:
            await cls._run(tx, cypher.DELETE_CONCEPTS, ids=doomed["Concept"])
        if keep["Person"]:
            await cls._run(tx, cypher.SET_PERSON_KEYS, rows=keep["Person"])
        if keep["Concept"]:
            await cls._run(tx, cypher.SET_CONCEPT_KEYS, rows=keep["Concept"])

    @classmethod
    async def _upsert_tx(cls, tx: AsyncManagedTransaction, f: GraphFragment) -> None:
        ep = f.episode
        replaced = await cls._run(tx, cypher.REPLACED_EPISODES, id=ep.id, source=ep.source)
        touched = await cls._remove_episodes(tx, [r["id"] for r in replaced])
        await cls._run(tx, cypher.MERGE_EPISODE, props=_episode_props(ep))
        if f.people:
            await cls._run(tx, cypher.MERGE_PEOPLE, rows=[_props(p) for p in f.people])
        person_aliases = {p.id: list(p.aliases) for p in f.people}
        if f.appearances:
            rows = [{**_props(a), "aliases": person_aliases.get(a.person_id, [])} for a in f.appearances]
            await cls._run(tx, cypher.MERGE_APPEARANCES, rows=rows)
        if f.segments:
            await cls._run(tx, cypher.MERGE_SEGMENTS, episode_id=ep.id, rows=[_props(s) for s in f.segments])
            pairs = [[a.id, b.id] for a, b in zip(f.segments, f.segments[1:], strict=False)]
            if pairs:
                await cls._run(tx, cypher.MERGE_NEXT, pairs=pairs)
        if f.concepts:
            await cls._run(tx, cypher.MERGE_CONCEPTS, rows=[_props(c) for c in f.concepts])
        concept_aliases = {c.id: list(c.aliases) for c in f.concepts}
        if f.mentions:
            rows = [{**_props(m), "aliases": concept_aliases.get(m.concept_id, [])} for m in f.mentions]
            await cls._run(tx, cypher.MERGE_MENTIONS, rows=rows)
        if f.claims:
            await cls._run(tx, cypher.MERGE_CLAIMS, rows=[{"props": _claim_props(c)} for c in f.claims])
        await cls._tidy(tx, touched | {p.id for p in f.people} | {c.id for c in f.concepts})

    async def upsert(self, fragment: GraphFragment) -> None:
        """Insert or replace one episode (same id, or same source file) in one transaction."""
        await self._write(self._upsert_tx, fragment)

    @classmethod
    async def _delete_tx(cls, tx: AsyncManagedTransaction, episode_id: str) -> bool:
        if not await cls._run(tx, cypher.EPISODE, id=episode_id):
            return False
        await cls._tidy(tx, await cls._remove_episodes(tx, [episode_id]))
        return True

    async def delete_episode(self, episode_id: str) -> bool:
        """Remove an episode and everything only it held, in one transaction."""
        return bool(await self._write(self._delete_tx, episode_id))

    @classmethod
    async def _relations_tx(cls, tx: AsyncManagedTransaction, rows: list[dict[str, Any]]) -> None:
        await cls._run(tx, cypher.DELETE_RELATIONS)
        if rows:
            await cls._run(tx, cypher.MERGE_RELATIONS, rows=rows)

    async def set_relations(self, relations: Sequence[Relation]) -> None:
        """Replace every ``RELATED_TO`` edge (pairs with an unknown concept are skipped)."""
        await self._write(self._relations_tx, [_props(r) for r in relations])

    @classmethod
    async def _similar_tx(cls, tx: AsyncManagedTransaction, rows: list[dict[str, Any]]) -> None:
        await cls._run(tx, cypher.DELETE_SIMILAR)
        if rows:
            await cls._run(tx, cypher.MERGE_SIMILAR, rows=rows)

    async def set_similar(self, links: Sequence[ClaimLink]) -> None:
        """Replace every ``SIMILAR_TO`` edge (pairs with an unknown claim are skipped)."""
        await self._write(self._similar_tx, [_props(link) for link in links])

    @classmethod
    async def _merge_person_tx(cls, tx: AsyncManagedTransaction, keep_id: str, drop_id: str) -> bool:
        if keep_id == drop_id:
            return False
        rows = await cls._run(tx, cypher.PERSON_PAIR, keep_id=keep_id, drop_id=drop_id)
        if not rows:
            return False
        dropped = [rows[0]["name"], *(rows[0]["aliases"] or [])]
        ids = {"keep_id": keep_id, "drop_id": drop_id}
        await cls._run(tx, cypher.MOVE_APPEARANCES, rank=ROLE_RANK, dropped=dropped, **ids)
        await cls._run(tx, cypher.MOVE_TURNS, **ids)
        await cls._run(tx, cypher.MOVE_CLAIMS, **ids)
        await cls._run(tx, cypher.DELETE_PERSON, drop_id=drop_id)
        await cls._tidy(tx, {keep_id})
        return True

    async def merge_person(self, keep_id: str, drop_id: str) -> bool:
        """Fold one person into another in one transaction (see ``GraphStore.merge_person``)."""
        return bool(await self._write(self._merge_person_tx, keep_id, drop_id))

    async def clear(self) -> None:
        """Remove every node and relationship (the schema stays)."""
        try:
            async with self.driver.session(database=self.database) as session:
                await (await session.run(cypher.CLEAR)).consume()
        except (Neo4jError, DriverError) as exc:
            raise self._error(exc) from exc

    # --- reads --------------------------------------------------------------------
    async def stats(self) -> StoreStats:
        """Counts per node label and relationship type (kinds with none left out)."""
        row = (await self._read(cypher.STATS))[0]
        nodes = {k: v for k, v in sorted(row["nodes"].items()) if v}
        edges = {k: v for k, v in sorted(row["edges"].items()) if v}
        return StoreStats(nodes, edges)

    async def episodes(
        self,
        show: str | None = None,
        person_id: str | None = None,
        concept_id: str | None = None,
        offset: int = 0,
        limit: int = 50,
    ) -> list[Episode]:
        """Episodes, filtered and ordered by publication date, title and id."""
        rows = await self._read(
            cypher.EPISODES,
            show=None if show is None else show.casefold(),
            person_id=person_id,
            concept_id=concept_id,
        )
        eps = sorted((_model(Episode, r["e"]) for r in rows), key=episode_sort_key)
        return eps[offset : offset + limit]

    async def episode(self, episode_id: str) -> Episode | None:
        """One episode by id."""
        rows = await self._read(cypher.EPISODE, id=episode_id)
        return _model(Episode, rows[0]["e"]) if rows else None

    async def people(self, ids: Sequence[str] | None = None) -> list[Person]:
        """People, ordered by name and id."""
        if ids is None:
            rows = await self._read(cypher.PEOPLE)
        else:
            rows = await self._read(cypher.PEOPLE_BY_ID, ids=list(ids))
        return sorted({_model(Person, r["p"]) for r in rows}, key=lambda p: (p.name, p.id))

    async def find_person(self, name: str) -> Person | None:
        """A person by normalised name or alias; an exact name wins."""
        key = normalise_name(name)
        rows = await self._read(cypher.FIND_PERSON, key=key)
        hits = [(r["name_key"] != key, _model(Person, r["p"])) for r in rows]
        best = min(hits, key=lambda h: (h[0], h[1].name, h[1].id), default=None)
        return best[1] if best else None

    async def appearances(
        self, person_id: str | None = None, episode_id: str | None = None
    ) -> list[Appearance]:
        """``APPEARED_IN`` edges, ordered by person then episode."""
        rows = await self._read(cypher.APPEARANCES, person_id=person_id, episode_id=episode_id)
        out = [Appearance(r["person_id"], r["episode_id"], r["role"]) for r in rows]
        return sorted(out, key=lambda x: (x.person_id, x.episode_id))

    async def concepts(
        self, search: str | None = None, ids: Sequence[str] | None = None, limit: int = 50
    ) -> list[Concept]:
        """Concepts whose name or alias contains ``search``; exact, then prefix, then most mentioned."""
        if ids is not None:
            rows = await self._read(cypher.CONCEPTS_BY_ID, ids=list(ids))
            found = {_model(Concept, r["c"]) for r in rows}
            return sorted(found, key=lambda c: (c.name, c.id))[:limit]
        q = (search or "").casefold().strip()
        qn = normalise_name(q)
        ranked: list[tuple[int, int, str, str, Concept]] = []
        for r in await self._read(cypher.CONCEPT_CANDIDATES, q=q):
            c = _model(Concept, r["c"])
            exact = qn in r["keys"]
            prefix = any(f.startswith(q) for f in r["folds"])
            rank = 0 if q and exact else 1 if q and prefix else 2
            total = sum(int(x) for x in r["counts"])
            ranked.append((rank, -total, c.name, c.id, c))
        ranked.sort(key=lambda x: x[:4])
        return [x[4] for x in ranked[:limit]]

    async def find_concept(self, name: str) -> Concept | None:
        """A concept by normalised name or alias; its own name wins, then the most mentioned."""
        key = normalise_name(name)
        cands = [
            (0 if r["name_key"] == key else 1, -sum(int(x) for x in r["counts"]), r["c"]["id"], r["c"])
            for r in await self._read(cypher.FIND_CONCEPT, key=key)
        ]
        if not cands:
            return None
        return _model(Concept, min(cands, key=lambda x: x[:3])[3])

    async def mentions(
        self, concept_id: str | None = None, episode_id: str | None = None
    ) -> list[Mention]:
        """``MENTIONED_IN`` edges, ordered by concept then episode."""
        rows = await self._read(cypher.MENTIONS, concept_id=concept_id, episode_id=episode_id)
        out = [Mention(r["concept_id"], r["episode_id"], int(r["count"]), float(r["first_s"])) for r in rows]
        return sorted(out, key=lambda m: (m.concept_id, m.episode_id))

    async def related(self, concept_id: str, limit: int = 20) -> list[tuple[Concept, float]]:
        """Related concepts, strongest first, then by name."""
        out: list[tuple[Concept, float]] = []
        for r in await self._read(cypher.RELATED, id=concept_id):
            w = 0.0
            for x in r["weights"]:
                w = max(w, float(x))
            out.append((_model(Concept, r["c"]), w))
        out.sort(key=lambda cw: (-cw[1], cw[0].name, cw[0].id))
        return out[:limit]

    async def relations(self) -> list[Relation]:
        """Every ``RELATED_TO`` edge, ordered by (source, target)."""
        rows = await self._read(cypher.RELATIONS)
        return [Relation(r["source_id"], r["target_id"], float(r["weight"])) for r in rows]

    async def claims(self, flt: ClaimFilter) -> list[Claim]:
        """Claims matching the filter, ordered by episode date, episode, time and id."""
        if flt.concept_id is not None:
            query = cypher.CLAIMS_BY_CONCEPT
        elif flt.speaker_id is not None:
            query = cypher.CLAIMS_BY_SPEAKER
        elif flt.episode_id is not None:
            query = cypher.CLAIMS_BY_EPISODE
        else:
            query = cypher.CLAIMS_ALL
        if flt.limit <= 0:
            return []
        rows = await self._read(
            query,
            concept_id=flt.concept_id,
            speaker_id=flt.speaker_id,
            episode_id=flt.episode_id,
            type=flt.type,
            from_s=flt.from_s,
            to_s=flt.to_s,
            text=flt.text.casefold() if flt.text else None,
            offset=max(flt.offset, 0),
            limit=flt.limit,
        )
        return [_model(Claim, r["cl"]) for r in rows]

    async def claim(self, claim_id: str) -> Claim | None:
        """One claim by id."""
        rows = await self._read(cypher.CLAIM, id=claim_id)
        return _model(Claim, rows[0]["cl"]) if rows else None

    async def similar(self, claim_id: str, limit: int = 20) -> list[tuple[Claim, float, str]]:
        """Claims linked by ``SIMILAR_TO``, strongest first."""
        out: list[tuple[Claim, float, str]] = []
        for r in await self._read(cypher.SIMILAR, id=claim_id):
            weight, stance = max((float(w), st) for w, st in r["links"])
            out.append((_model(Claim, r["cl"]), weight, stance))
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
        if limit <= 0:
            return []
        rows = await self._read(
            cypher.SEGMENTS, episode_id=episode_id, from_s=from_s, to_s=to_s, limit=limit
        )
        return [_model(Segment, r["s"]) for r in rows]

    async def nodes(self, ids: Sequence[str]) -> list[GraphNode]:
        """Visualisation nodes for known, non-segment ids, in id order."""
        rows = await self._read(cypher.NODES, ids=sorted(set(ids)))
        return sorted((node_view(r["kind"], r["props"], r["size"]) for r in rows), key=lambda n: n.id)

    async def edges_of(self, ids: Sequence[str]) -> list[GraphEdge]:
        """Edges touching the ids, with claims linked straight to their episodes."""
        rows = await self._read(cypher.EDGES_OF, ids=sorted(set(ids)))
        found = {GraphEdge(r["source"], r["target"], r["kind"], float(r["weight"])) for r in rows}
        return sorted(found, key=lambda e: (e.source, e.kind, e.target))

    async def edges_among(self, ids: Sequence[str]) -> list[GraphEdge]:
        """Edges between the ids, each matched from its source."""
        rows = await self._read(cypher.EDGES_AMONG, ids=sorted(set(ids)))
        found = {GraphEdge(r["source"], r["target"], r["kind"], float(r["weight"])) for r in rows}
        return sorted(found, key=lambda e: (e.source, e.kind, e.target))

    async def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        """Free-text search: full-text index candidates, matched and scored by ``graph.textmatch``."""
        q = textmatch.words(text)
        if not q:
            return []
        rows = await self._read(cypher.SEARCH, index=cypher.SEARCH_INDEX, query=lucene_query(q))
        return search_hits(((r["kind"], r) for r in rows), text, limit)
