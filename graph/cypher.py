"""Every Cypher statement the Neo4j store runs, as named constants with parameters.

Nothing here is built from strings at run time: values always travel as ``$params``.
Targets Neo4j 5.26 (scoped ``CALL (x) { ... }`` subqueries, ``COUNT { }``).

Besides the model's fields, nodes carry keys computed in Python at write time so that
the database filters exactly as ``graph.embedded`` does:
``show_fold`` (Episode: ``(show or "").casefold()``), ``keys`` and ``folds``
(Person/Concept: ``normalise_name`` and ``casefold`` of the name and each alias),
``quote_fold``/``text_fold`` (Claim) and ``search_text`` (the ``textmatch.words`` of
every searchable field, fed to the full-text index with the whitespace analyzer).

>>> SEARCH_INDEX
'podgraph_search'
"""

from __future__ import annotations

SEARCH_INDEX = "podgraph_search"

# --- schema -------------------------------------------------------------------------
CONSTRAINTS: tuple[str, ...] = (
    "CREATE CONSTRAINT episode_id IF NOT EXISTS FOR (n:Episode) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT segment_id IF NOT EXISTS FOR (n:Segment) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE",
)

INDEXES: tuple[str, ...] = (
    "CREATE INDEX episode_source IF NOT EXISTS FOR (n:Episode) ON (n.source)",
    "CREATE INDEX claim_episode IF NOT EXISTS FOR (n:Claim) ON (n.episode_id)",
    "CREATE FULLTEXT INDEX podgraph_search IF NOT EXISTS "
    "FOR (n:Concept|Person|Episode|Claim) ON EACH [n.search_text] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: false}}",
)

AWAIT_INDEXES = "CALL db.awaitIndexes($timeout_s)"

# --- writes: episode replace and delete ---------------------------------------------
REPLACED_EPISODES = """
MATCH (e:Episode) WHERE e.id = $id OR e.source = $source
RETURN e.id AS id
"""

# People and concepts an episode holds: they may become orphans once it is gone.
TOUCHED_BY_EPISODES = """
UNWIND $ids AS eid
MATCH (e:Episode {id: eid})
CALL (e) {
  MATCH (p:Person)-[:APPEARED_IN]->(e) RETURN p.id AS nid
  UNION
  MATCH (c:Concept)-[:MENTIONED_IN]->(e) RETURN c.id AS nid
  UNION
  MATCH (e)-[:HAS_SEGMENT]->()<-[:FROM]-(:Claim)-[:ABOUT]->(c:Concept) RETURN c.id AS nid
}
RETURN collect(DISTINCT nid) AS touched
"""

DELETE_EPISODES = """
UNWIND $ids AS eid
MATCH (e:Episode {id: eid})
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_SEGMENT]->(s)
  OPTIONAL MATCH (s)<-[:FROM]-(cl:Claim)
  WITH collect(DISTINCT s) AS segs, collect(DISTINCT cl) AS cls
  FOREACH (x IN cls | DETACH DELETE x)
  FOREACH (x IN segs | DETACH DELETE x)
}
DETACH DELETE e
"""

# --- writes: one fragment -----------------------------------------------------------
MERGE_EPISODE = """
MERGE (e:Episode {id: $props.id})
SET e = $props
"""

MERGE_PEOPLE = """
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.aliases = row.aliases
"""

MERGE_APPEARANCES = """
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id})
MATCH (e:Episode {id: row.episode_id})
MERGE (p)-[r:APPEARED_IN]->(e)
SET r.role = row.role, r.aliases = row.aliases
"""

MERGE_SEGMENTS = """
MATCH (e:Episode {id: $episode_id})
UNWIND $rows AS row
MERGE (s:Segment {id: row.id})
SET s = row
MERGE (e)-[:HAS_SEGMENT]->(s)
WITH s, row
MATCH (p:Person {id: row.speaker_id})
MERGE (p)-[:SPOKE]->(s)
"""

MERGE_NEXT = """
UNWIND $pairs AS pair
MATCH (a:Segment {id: pair[0]})
MATCH (b:Segment {id: pair[1]})
MERGE (a)-[:NEXT]->(b)
"""

MERGE_CONCEPTS = """
UNWIND $rows AS row
MERGE (c:Concept {id: row.id})
ON CREATE SET c.name = row.name, c.aliases = row.aliases, c.kind = row.kind
"""

MERGE_MENTIONS = """
UNWIND $rows AS row
MATCH (c:Concept {id: row.concept_id})
MATCH (e:Episode {id: row.episode_id})
MERGE (c)-[r:MENTIONED_IN]->(e)
SET r.count = row.count, r.first_s = row.first_s, r.aliases = row.aliases
"""

MERGE_CLAIMS = """
UNWIND $rows AS row
MERGE (cl:Claim {id: row.props.id})
SET cl = row.props
WITH cl, row
CALL (cl, row) {
  MATCH (p:Person {id: row.props.speaker_id})
  MERGE (p)-[:CLAIMED]->(cl)
}
CALL (cl, row) {
  MATCH (s:Segment {id: row.props.segment_id})
  MERGE (cl)-[:FROM]->(s)
}
CALL (cl, row) {
  UNWIND row.props.concept_ids AS cid
  MATCH (c:Concept {id: cid})
  MERGE (cl)-[:ABOUT]->(c)
}
"""

# --- writes: orphans and aliases ----------------------------------------------------
TIDY_READ = """
MATCH (p:Person) WHERE p.id IN $ids
RETURN 'Person' AS kind, p.id AS id, p.name AS name,
       [(p)-[r:APPEARED_IN]->() | r.aliases] AS links
UNION ALL
MATCH (c:Concept) WHERE c.id IN $ids
RETURN 'Concept' AS kind, c.id AS id, c.name AS name,
       [(c)-[r:MENTIONED_IN]->() | r.aliases] AS links
"""

DELETE_PEOPLE = """
MATCH (p:Person) WHERE p.id IN $ids
DETACH DELETE p
"""

DELETE_CONCEPTS = """
MATCH (c:Concept) WHERE c.id IN $ids
DETACH DELETE c
"""

SET_PERSON_KEYS = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.aliases = row.aliases, p.keys = row.keys, p.folds = row.folds, p.search_text = row.search_text
"""

SET_CONCEPT_KEYS = """
UNWIND $rows AS row
MATCH (c:Concept {id: row.id})
SET c.aliases = row.aliases, c.keys = row.keys, c.folds = row.folds, c.search_text = row.search_text
"""

# --- writes: relations and wiping ---------------------------------------------------
DELETE_RELATIONS = """
MATCH (:Concept)-[r:RELATED_TO]->(:Concept)
DELETE r
"""

MERGE_RELATIONS = """
UNWIND $rows AS row
MATCH (a:Concept {id: row.source_id})
MATCH (b:Concept {id: row.target_id})
MERGE (a)-[r:RELATED_TO]->(b)
SET r.weight = row.weight
"""

DELETE_SIMILAR = """
MATCH (:Claim)-[r:SIMILAR_TO]->(:Claim)
DELETE r
"""

MERGE_SIMILAR = """
UNWIND $rows AS row
MATCH (a:Claim {id: row.source_id})
MATCH (b:Claim {id: row.target_id})
MERGE (a)-[r:SIMILAR_TO]->(b)
SET r.weight = row.weight, r.stance = row.stance
"""

# --- writes: folding one person into another ----------------------------------------
PERSON_PAIR = """
MATCH (k:Person {id: $keep_id})
MATCH (d:Person {id: $drop_id})
RETURN d.name AS name, d.aliases AS aliases
"""

# Appearances: a role already held by the kept person wins when it ranks higher.
MOVE_APPEARANCES = """
MATCH (d:Person {id: $drop_id})-[r:APPEARED_IN]->(e:Episode)
MATCH (k:Person {id: $keep_id})
OPTIONAL MATCH (k)-[old:APPEARED_IN]->(e)
WITH d, r, e, k, old,
     CASE WHEN old IS NULL THEN r.role
          WHEN $rank[old.role] <= $rank[r.role] THEN old.role ELSE r.role END AS role,
     coalesce(old.aliases, []) + coalesce(r.aliases, []) + $dropped AS aliases
DELETE old
WITH d, r, e, k, role, aliases
CREATE (k)-[:APPEARED_IN {role: role, aliases: aliases}]->(e)
DELETE r
"""

MOVE_TURNS = """
MATCH (d:Person {id: $drop_id})-[r:SPOKE]->(s:Segment)
MATCH (k:Person {id: $keep_id})
CREATE (k)-[:SPOKE]->(s)
SET s.speaker_id = $keep_id
DELETE r
"""

MOVE_CLAIMS = """
MATCH (d:Person {id: $drop_id})-[r:CLAIMED]->(cl:Claim)
MATCH (k:Person {id: $keep_id})
CREATE (k)-[:CLAIMED]->(cl)
SET cl.speaker_id = $keep_id
DELETE r
"""

DELETE_PERSON = """
MATCH (d:Person {id: $drop_id})
DETACH DELETE d
"""

# Auto-commit only (batched transactions).
CLEAR = """
MATCH (n)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS
"""

# --- reads --------------------------------------------------------------------------
STATS = """
RETURN {
  Claim: COUNT { (:Claim) }, Concept: COUNT { (:Concept) }, Episode: COUNT { (:Episode) },
  Person: COUNT { (:Person) }, Segment: COUNT { (:Segment) }
} AS nodes, {
  ABOUT: COUNT { ()-[:ABOUT]->() }, APPEARED_IN: COUNT { ()-[:APPEARED_IN]->() },
  CLAIMED: COUNT { ()-[:CLAIMED]->() }, FROM: COUNT { ()-[:FROM]->() },
  HAS_SEGMENT: COUNT { ()-[:HAS_SEGMENT]->() }, MENTIONED_IN: COUNT { ()-[:MENTIONED_IN]->() },
  NEXT: COUNT { ()-[:NEXT]->() }, RELATED_TO: COUNT { ()-[:RELATED_TO]->() },
  SIMILAR_TO: COUNT { ()-[:SIMILAR_TO]->() }, SPOKE: COUNT { ()-[:SPOKE]->() }
} AS edges
"""

EPISODES = """
MATCH (e:Episode)
WHERE ($show IS NULL OR e.show_fold = $show)
  AND ($person_id IS NULL OR EXISTS { (:Person {id: $person_id})-[:APPEARED_IN]->(e) })
  AND ($concept_id IS NULL OR EXISTS { (:Concept {id: $concept_id})-[:MENTIONED_IN]->(e) })
RETURN e {.id, .title, .show, .published, .source, .duration_s, .sha256, .media_url} AS e
"""

EPISODE = """
MATCH (e:Episode {id: $id})
RETURN e {.id, .title, .show, .published, .source, .duration_s, .sha256, .media_url} AS e
"""

PEOPLE = """
MATCH (p:Person)
RETURN p {.id, .name, .aliases} AS p
"""

PEOPLE_BY_ID = """
UNWIND $ids AS pid
MATCH (p:Person {id: pid})
RETURN p {.id, .name, .aliases} AS p
"""

FIND_PERSON = """
MATCH (p:Person) WHERE $key IN p.keys
RETURN p {.id, .name, .aliases} AS p, p.keys[0] AS name_key
"""

APPEARANCES = """
MATCH (p:Person)-[r:APPEARED_IN]->(e:Episode)
WHERE ($person_id IS NULL OR p.id = $person_id) AND ($episode_id IS NULL OR e.id = $episode_id)
RETURN p.id AS person_id, e.id AS episode_id, r.role AS role
"""

CONCEPTS_BY_ID = """
UNWIND $ids AS cid
MATCH (c:Concept {id: cid})
RETURN c {.id, .name, .aliases, .kind} AS c
"""

# Candidates for ``concepts(search=...)``: ranked in Python.
CONCEPT_CANDIDATES = """
MATCH (c:Concept)
WHERE $q = '' OR any(f IN c.folds WHERE f CONTAINS $q)
RETURN c {.id, .name, .aliases, .kind} AS c, c.keys AS keys, c.folds AS folds,
       [(c)-[m:MENTIONED_IN]->() | m.count] AS counts
"""

FIND_CONCEPT = """
MATCH (c:Concept) WHERE $key IN c.keys
RETURN c {.id, .name, .aliases, .kind} AS c, c.keys[0] AS name_key,
       [(c)-[m:MENTIONED_IN]->() | m.count] AS counts
"""

MENTIONS = """
MATCH (c:Concept)-[r:MENTIONED_IN]->(e:Episode)
WHERE ($concept_id IS NULL OR c.id = $concept_id) AND ($episode_id IS NULL OR e.id = $episode_id)
RETURN c.id AS concept_id, e.id AS episode_id, r.count AS count, r.first_s AS first_s
"""

RELATED = """
MATCH (c:Concept {id: $id})-[r:RELATED_TO]-(o:Concept)
RETURN o {.id, .name, .aliases, .kind} AS c, collect(r.weight) AS weights
"""

RELATIONS = """
MATCH (a:Concept)-[r:RELATED_TO]->(b:Concept)
RETURN a.id AS source_id, b.id AS target_id, r.weight AS weight
ORDER BY source_id, target_id
"""

# Claims: the candidate set is chosen as the embedded store does (by concept, else by
# speaker, else by episode, else all); the filter and order are shared.
_CLAIM_FILTER_AND_ORDER = """
WHERE ($speaker_id IS NULL OR cl.speaker_id = $speaker_id)
  AND ($episode_id IS NULL OR cl.episode_id = $episode_id)
  AND ($type IS NULL OR cl.type = $type)
  AND ($from_s IS NULL OR cl.end_s >= $from_s)
  AND ($to_s IS NULL OR cl.start_s <= $to_s)
  AND ($text IS NULL OR cl.quote_fold CONTAINS $text OR cl.text_fold CONTAINS $text)
OPTIONAL MATCH (e:Episode {id: cl.episode_id})
WITH cl, coalesce(e.published, '') AS published
ORDER BY published, cl.episode_id, cl.start_s, cl.id
SKIP $offset LIMIT $limit
RETURN cl {.id, .episode_id, .segment_id, .speaker_id, .start_s, .end_s, .quote, .text, .type,
           .certainty, .char_start, .char_end, .horizon, .concept_ids} AS cl
"""

CLAIMS_BY_CONCEPT = "MATCH (cl:Claim)-[:ABOUT]->(:Concept {id: $concept_id})" + _CLAIM_FILTER_AND_ORDER
CLAIMS_BY_SPEAKER = "MATCH (:Person {id: $speaker_id})-[:CLAIMED]->(cl:Claim)" + _CLAIM_FILTER_AND_ORDER
CLAIMS_BY_EPISODE = "MATCH (cl:Claim {episode_id: $episode_id})" + _CLAIM_FILTER_AND_ORDER
CLAIMS_ALL = "MATCH (cl:Claim)" + _CLAIM_FILTER_AND_ORDER

CLAIM = """
MATCH (cl:Claim {id: $id})
RETURN cl {.id, .episode_id, .segment_id, .speaker_id, .start_s, .end_s, .quote, .text, .type,
           .certainty, .char_start, .char_end, .horizon, .concept_ids} AS cl
"""

SIMILAR = """
MATCH (:Claim {id: $id})-[r:SIMILAR_TO]-(cl:Claim)
RETURN cl {.id, .episode_id, .segment_id, .speaker_id, .start_s, .end_s, .quote, .text, .type,
           .certainty, .char_start, .char_end, .horizon, .concept_ids} AS cl,
       collect([r.weight, r.stance]) AS links
"""

SEGMENTS = """
MATCH (:Episode {id: $episode_id})-[:HAS_SEGMENT]->(s:Segment)
WHERE ($from_s IS NULL OR s.end_s >= $from_s) AND ($to_s IS NULL OR s.start_s <= $to_s)
RETURN s {.id, .episode_id, .index, .start_s, .end_s, .text, .speaker_id, .char_start, .char_end,
          .confidence, .ad} AS s
ORDER BY s.index, s.id
LIMIT $limit
"""

# Visualisation: label and size per kind (``graph.embedded._node_view``).
NODES = """
UNWIND $ids AS nid
CALL (nid) {
  MATCH (n:Episode {id: nid})
  RETURN 'Episode' AS kind, n {.id, .title} AS props, COUNT { (n)<-[:MENTIONED_IN]-() } AS size
  UNION ALL
  MATCH (n:Person {id: nid})
  RETURN 'Person' AS kind, n {.id, .name} AS props, COUNT { (n)-[:CLAIMED]->() } AS size
  UNION ALL
  MATCH (n:Concept {id: nid})
  RETURN 'Concept' AS kind, n {.id, .name, .kind} AS props,
         reduce(t = 0, x IN [(n)-[m:MENTIONED_IN]->() | m.count] | t + x) AS size
  UNION ALL
  MATCH (n:Claim {id: nid})
  RETURN 'Claim' AS kind, n {.id, .text, .quote, .type, .episode_id, .start_s} AS props, 1 AS size
}
RETURN kind, props, size
"""

# Each of $ids that is a node the visualisation shows (no segments), as n.
_SHOWN_NODES = """
UNWIND $ids AS nid
CALL (nid) {
  MATCH (n:Episode {id: nid}) RETURN n
  UNION
  MATCH (n:Person {id: nid}) RETURN n
  UNION
  MATCH (n:Concept {id: nid}) RETURN n
  UNION
  MATCH (n:Claim {id: nid}) RETURN n
}
"""

EDGES_OF = _SHOWN_NODES + """CALL (n) {
  MATCH (n)-[r]-(m) WHERE NOT m:Segment
  RETURN startNode(r).id AS source, type(r) AS kind, endNode(r).id AS target,
         coalesce(r.weight, r.count, 1.0) AS weight
  UNION
  WITH n WHERE n:Claim
  RETURN n.id AS source, 'IN_EPISODE' AS kind, n.episode_id AS target, 1.0 AS weight
  UNION
  MATCH (n:Episode)-[:HAS_SEGMENT]->()<-[:FROM]-(c:Claim)
  RETURN c.id AS source, 'IN_EPISODE' AS kind, n.id AS target, 1.0 AS weight
}
RETURN DISTINCT source, kind, target, weight
"""

# The edges of EDGES_OF with both ends among the ids, each matched from its source.
EDGES_AMONG = _SHOWN_NODES + """CALL (n) {
  MATCH (n)-[r]->(m) WHERE NOT m:Segment AND m.id IN $ids
  RETURN n.id AS source, type(r) AS kind, m.id AS target, coalesce(r.weight, r.count, 1.0) AS weight
  UNION
  WITH n WHERE n:Claim AND n.episode_id IN $ids
  RETURN n.id AS source, 'IN_EPISODE' AS kind, n.episode_id AS target, 1.0 AS weight
}
RETURN DISTINCT source, kind, target, weight
"""

# Full-text candidates; matched and scored with ``graph.textmatch`` in Python.
SEARCH = """
CALL db.index.fulltext.queryNodes($index, $query) YIELD node
RETURN head(labels(node)) AS kind, node.id AS id, node.name AS name, node.aliases AS aliases,
       node.title AS title, node.quote AS quote, node.text AS text
"""
