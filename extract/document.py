"""The extraction document: what ``podgraph extract`` writes and ``ingest`` reads.

Plain dataclasses with JSON conversion; ``extract/data/extraction.schema.json``
is its JSON Schema and every document is validated against it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

from graph.errors import ExtractionError

VERSION = 1


@dataclass(frozen=True)
class EpisodeInfo:
    """Episode metadata."""

    title: str
    show: str | None
    published: str | None
    source: str
    duration_s: float
    sha256: str
    format: str
    media_url: str | None = None


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker and their role."""

    name: str
    role: str
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Utterance:
    """A speaker turn, verbatim, with its times and character span."""

    speaker: str
    start: float
    end: float
    text: str
    char_start: int
    char_end: int
    confidence: float = 1.0
    ad: bool = False


@dataclass(frozen=True)
class ConceptInfo:
    """A concept with its aliases, kind and where it first came up."""

    name: str
    aliases: list[str]
    kind: str
    mentions: int
    first: float


@dataclass(frozen=True)
class ClaimInfo:
    """A claim with its verbatim quote, clean text and the concepts it is about."""

    speaker: str
    start: float
    end: float
    quote: str
    text: str
    type: str
    certainty: float
    concepts: list[str]
    char_start: int
    char_end: int
    utterance: int
    horizon: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one transcript."""

    episode: EpisodeInfo
    speakers: list[SpeakerInfo] = field(default_factory=list)
    utterances: list[Utterance] = field(default_factory=list)
    concepts: list[ConceptInfo] = field(default_factory=list)
    claims: list[ClaimInfo] = field(default_factory=list)
    version: int = VERSION

    def to_json(self) -> dict[str, Any]:
        """The document as JSON-ready data."""
        return asdict(self)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The committed JSON Schema of the extraction document."""
    text = resources.files("extract").joinpath("data/extraction.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(data: dict[str, Any], source: str = "extraction") -> None:
    """Raise ``ExtractionError`` naming the first schema violation."""
    try:
        jsonschema.validate(data, schema())
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path) or "(root)"
        raise ExtractionError(f"{source}: invalid extraction document at {where}: {exc.message}") from exc


def from_json(data: dict[str, Any], source: str = "extraction") -> Extraction:
    """Parse and validate an extraction document.

    >>> doc = Extraction(EpisodeInfo("T", None, None, "t.txt", 1.0, "ab", "text"))
    >>> from_json(doc.to_json()).episode.title
    'T'
    """
    validate(data, source)
    return Extraction(
        episode=EpisodeInfo(**data["episode"]),
        speakers=[SpeakerInfo(**s) for s in data["speakers"]],
        utterances=[Utterance(**u) for u in data["utterances"]],
        concepts=[ConceptInfo(**c) for c in data["concepts"]],
        claims=[ClaimInfo(**c) for c in data["claims"]],
        version=data.get("version", VERSION),
    )
