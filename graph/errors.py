"""One root for every error podgraph raises on purpose.

>>> issubclass(TranscriptParseError, PodgraphError)
True
"""

from __future__ import annotations


class PodgraphError(Exception):
    """Root of podgraph's own errors; the CLI prints these as one line."""


class TranscriptParseError(PodgraphError):
    """A transcript file could not be read.

    >>> str(TranscriptParseError("show.srt", 12, "timestamp goes backwards", "00:01 --> 00:00"))
    "show.srt:12: timestamp goes backwards: '00:01 --> 00:00'"
    """

    def __init__(self, path: str, line_no: int, problem: str, line: str = "") -> None:
        self.path = path
        self.line_no = line_no
        self.problem = problem
        self.line = line
        shown = f": {line[:80]!r}" if line else ""
        super().__init__(f"{path}:{line_no}: {problem}{shown}")


class ExtractionError(PodgraphError):
    """An extraction document is invalid or the NLP pipeline cannot run."""


class StoreError(PodgraphError):
    """The graph store failed (I/O, corruption, unreachable server)."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class NotFoundError(PodgraphError):
    """A requested node does not exist."""


class ConfigError(PodgraphError):
    """Settings are missing or contradictory."""
