"""SubRip (SRT): index line, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, text lines, blank line.

>>> parse_srt("1\\n00:00:01,000 --> 00:00:02,000\\nHi.\\n", "a.srt").lines[0].start
1.0
"""

from __future__ import annotations

import re

from extract.parsers._common import build, caption_text, clock_or_error, dialogue_turns
from extract.parsers.labels import cue_labels
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

SRT_TIMING = re.compile(r"(\d[\d:.,]*\S*)\s*-->\s*(\S+)(?:\s.*)?")


class _Cue:
    __slots__ = ("end", "start", "text_no", "texts", "time_no")

    def __init__(self, time_no: int, start: float, end: float) -> None:
        self.time_no = time_no
        self.start = start
        self.end = end
        self.text_no = 0
        self.texts: list[str] = []


def parse_srt(text: str, source: str) -> Transcript:
    """One Line per cue, its text lines joined by one space.

    Tolerates a missing index line, a missing blank line before the next index, and
    dots instead of commas in the times.

    >>> src = "00:00:01.000 --> 00:00:02.000\\nHi\\nthere.\\n\\n2\\n00:00:02,500 --> 00:00:03,000\\nYes."
    >>> t = parse_srt(src, "a.srt")
    >>> [(x.line_no, x.start, x.end, x.text) for x in t.lines]
    [(2, 1.0, 2.0, 'Hi there.'), (7, 2.5, 3.0, 'Yes.')]
    """
    cues: list[_Cue] = []
    cue: _Cue | None = None
    for no, raw in enumerate(text.split("\n"), 1):
        stripped = raw.strip()
        m = SRT_TIMING.fullmatch(stripped) if "-->" in stripped else None
        if m is not None:
            if cue is not None and cue.texts and cue.texts[-1].isdigit():
                cue.texts.pop()  # the next cue's index, with no blank line before it
            start = clock_or_error(m.group(1), source, no, raw)
            end = clock_or_error(m.group(2), source, no, raw)
            cue = _Cue(no, start, end)
            cues.append(cue)
        elif not stripped:
            cue = None
        elif cue is not None:
            if not cue.texts:
                cue.text_no = no
            cue.texts.append(stripped)
        elif not stripped.isdigit():
            problem = "text outside an SRT cue" if cues else "no SRT cue found before this text"
            raise TranscriptParseError(source, no, problem, raw)
    if not cues:
        raise TranscriptParseError(source, 1, "no SRT cue found")
    for c in cues:
        if c.end < c.start:
            raise TranscriptParseError(source, c.time_no, "end before start", " ".join(c.texts))
    spoken = ((c, caption_text(" ".join(dialogue_turns(c.texts)))) for c in cues)
    lines = [Line(c.text_no, c.start, c.end, text) for c, text in spoken if text]
    return build(source, "srt", cue_labels(lines))
