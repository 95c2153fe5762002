"""Whisper console lines: ``[HH:MM:SS.mmm --> HH:MM:SS.mmm]   text``, and the same in
seconds with ``->`` or ``→`` as scripts around faster-whisper print them
(``[12.40s -> 15.00s] text``, ``[12.40 → 15.00] text``).

>>> parse_whisper("[00:00.000 --> 00:02.500]   Hello there.", "a.txt").lines[0].end
2.5
>>> [(x.start, x.end) for x in parse_whisper("[0.00s -> 2.50s] Hi.\\n[62.5 → 64] Yo.", "b.txt").lines]
[(0.0, 2.5), (62.5, 64.0)]
"""

from __future__ import annotations

import re

from extract.parsers._common import build, clock_or_error
from extract.parsers.labels import cue_labels
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

WHISPER_LINE = re.compile(r"\[\s*([^\]\s]+?)\s*(?:-->|->|→)\s*([^\]\s]+)\s*\]\s*(.*)")
_SECONDS = re.compile(r"(\d+(?:\.\d+)?)s?")


def _time(value: str, source: str, no: int, raw: str) -> float:
    """A clock time, or seconds ("12.40", "12.40s")."""
    seconds = _SECONDS.fullmatch(value)
    return round(float(seconds[1]), 3) if seconds else clock_or_error(value, source, no, raw)


def parse_whisper(text: str, source: str) -> Transcript:
    """One Line per ``[start --> end] text`` line; blank lines and empty texts skipped.

    >>> src = "[00:00:01.000 --> 00:00:03.000]  Hi.\\n\\n[00:00:03.000 --> 00:00:04.500] Yes."
    >>> t = parse_whisper(src, "w.txt")
    >>> [(x.line_no, x.start, x.end, x.text) for x in t.lines]
    [(1, 1.0, 3.0, 'Hi.'), (3, 3.0, 4.5, 'Yes.')]
    """
    lines: list[Line] = []
    found = False
    for no, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        if not stripped:
            continue
        m = WHISPER_LINE.fullmatch(stripped)
        if m is None:
            problem = "not a Whisper line (expected '[start --> end] text')"
            raise TranscriptParseError(source, no, problem, raw)
        found = True
        start = _time(m.group(1), source, no, raw)
        end = _time(m.group(2), source, no, raw)
        if end < start:
            raise TranscriptParseError(source, no, "end before start", raw)
        body = m.group(3).strip()
        if body:
            lines.append(Line(no, start, end, body))
    if not found:
        raise TranscriptParseError(source, 1, "no Whisper line found")
    return build(source, "whisper", cue_labels(lines))
