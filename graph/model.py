"""The graph's data model: frozen dataclasses shared by every layer.

Models hold data only; stores persist them and queries read them.

>>> Concept(id="concept_1", name="RLHF", aliases=("reinforcement learning from human feedback",),
...         kind="technique").name
'RLHF'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["host", "guest", "mentioned"]
ClaimType = Literal["prediction", "opinion", "explanation", "fact", "recommendation"]
ConceptKind = Literal["person", "organization", "product", "technique", "topic", "other"]

CLAIM_TYPES: tuple[str, ...] = ("prediction", "opinion", "explanation", "fact", "recommendation")
ROLE_RANK: dict[str, int] = {"host": 0, "guest": 1, "mentioned": 2}  # the stronger role wins
CONCEPT_KINDS: tuple[str, ...] = ("person", "organization", "product", "technique", "topic", "other")


@dataclass(frozen=True)
class Episode:
    """One transcript: an episode of a show."""

    id: str
    title: str
    show: str | None
    published: str | None  # ISO date, YYYY-MM-DD
    source: str
    duration_s: float
    sha256: str
    media_url: str | None = None


@dataclass(frozen=True)
class Person:
    """Somebody who speaks in, or is talked about in, an episode."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Appearance:
    """``(Person)-[:APPEARED_IN {role}]->(Episode)``; role ``mentioned`` for people only named."""

    person_id: str
    episode_id: str
    role: Role


@dataclass(frozen=True)
class Segment:
    """A speaker turn: the provenance unit claims point to."""

    id: str
    episode_id: str
    index: int
    start_s: float
    end_s: float
    text: str  # verbatim
    speaker_id: str
    char_start: int
    char_end: int
    confidence: float = 1.0
    ad: bool = False


@dataclass(frozen=True)
class Concept:
    """One canonical idea, named however it was said."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "other"


@dataclass(frozen=True)
class Mention:
    """``(Concept)-[:MENTIONED_IN {count, first_s}]->(Episode)``."""

    concept_id: str
    episode_id: str
    count: int
    first_s: float


@dataclass(frozen=True)
class Claim:
    """What a speaker asserts, predicts, explains or recommends, with its exact words."""

    id: str
    episode_id: str
    segment_id: str
    speaker_id: str
    start_s: float
    end_s: float
    quote: str  # verbatim transcript text
    text: str  # clean text: fillers and stutters removed
    type: str
    certainty: float
    char_start: int
    char_end: int
    horizon: str | None = None
    concept_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Relation:
    """``(Concept)-[:RELATED_TO {weight}]->(Concept)``, stored once per unordered pair."""

    source_id: str
    target_id: str
    weight: float


@dataclass(frozen=True)
class ClaimLink:
    """``(Claim)-[:SIMILAR_TO {weight, stance}]->(Claim)`` across episodes, once per pair.

    ``stance`` is ``agree``, ``disagree`` or ``related``.
    """

    source_id: str
    target_id: str
    weight: float
    stance: str = "related"


@dataclass(frozen=True)
class GraphFragment:
    """Everything one episode contributes to the graph, ready to upsert."""

    episode: Episode
    people: tuple[Person, ...] = ()
    appearances: tuple[Appearance, ...] = ()
    segments: tuple[Segment, ...] = ()
    concepts: tuple[Concept, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class ClaimFilter:
    """Which claims to return; every field narrows the result."""

    speaker_id: str | None = None
    concept_id: str | None = None
    episode_id: str | None = None
    type: str | None = None
    from_s: float | None = None
    to_s: float | None = None
    text: str | None = None
    offset: int = 0
    limit: int = 50


@dataclass(frozen=True)
class GraphNode:
    """A node in a subgraph returned for visualisation."""

    id: str
    kind: str  # Episode | Person | Concept | Claim | Segment
    label: str
    size: float = 1.0
    props: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class GraphEdge:
    """An edge in a subgraph returned for visualisation."""

    source: str
    target: str
    kind: str
    weight: float = 1.0


@dataclass(frozen=True)
class Subgraph:
    """Nodes and edges around a centre node."""

    nodes: tuple[GraphNode, ...] = ()
    edges: tuple[GraphEdge, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    """One result of a free-text search."""

    kind: str  # Concept | Person | Claim | Episode
    id: str
    label: str
    score: float


@dataclass(frozen=True)
class StoreStats:
    """Counts per node and edge kind."""

    nodes: dict[str, int] = field(default_factory=dict)
    edges: dict[str, int] = field(default_factory=dict)
