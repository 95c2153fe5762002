"""What every parser returns: timed lines of verbatim text, plus episode metadata.

>>> t = Transcript(source="a.txt", format="whisper", lines=(Line(1, 0.0, 2.0, "Hi."),))
>>> t.lines[0].text
'Hi.'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One timed piece of transcript text as the file gives it.

    ``start``/``end`` are seconds, or None where the file gives no time (the aligner
    fills them in). ``speaker`` is the file's own label, if any; ``ad`` the file's
    own sponsor flag, if any. ``line_no`` is the 1-based line in the file where the
    text starts (for error messages and provenance).
    """

    line_no: int
    start: float | None
    end: float | None
    text: str
    speaker: str | None = None
    ad: bool | None = None
    turn_start: bool = False  # the file starts a new speaker turn here (a label, a voice change)


@dataclass(frozen=True)
class Transcript:
    """A parsed transcript: its lines in order and whatever metadata the file had.

    Metadata keys used downstream: ``title``, ``show``, ``published`` (YYYY-MM-DD),
    ``guest``, ``host``, ``media_url``, ``duration_s``.
    """

    source: str
    format: str
    lines: tuple[Line, ...]
    meta: Mapping[str, str] = field(default_factory=dict)
    sha256: str = ""
    notes: tuple[str, ...] = ()  # what the parser mended in the file, for the CLI to warn about

    @property
    def labelled(self) -> bool:
        """True when the file names the speaker of its lines."""
        return any(line.speaker for line in self.lines)
