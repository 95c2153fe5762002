"""The state podgraph's components share on a Doc (``doc._.podgraph``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.align import TimedText
from extract.claims import ClaimFound
from extract.concepts import ConceptFound
from extract.sentences import Sentence
from extract.speakers import Attribution, SpeakerHints
from extract.transcript import Transcript


@dataclass
class DocState:
    """What podgraph's components read and write on a Doc."""

    transcript: Transcript
    timed: TimedText
    hints: SpeakerHints
    sentences: list[Sentence] = field(default_factory=list)
    attribution: Attribution | None = None
    concepts: list[ConceptFound] = field(default_factory=list)
    claims: list[ClaimFound] = field(default_factory=list)
