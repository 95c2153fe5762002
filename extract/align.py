"""Join timed lines into one text and map any character of it back to a time.

Sentences are rebuilt across line breaks, so every later step works on one
text; ``TimedText.time_at`` interpolates inside a line by character position,
so a sentence that starts mid-line gets a mid-line time.

>>> from extract.transcript import Line, Transcript
>>> t = Transcript("x", "whisper", (Line(1, 0.0, 4.0, "One two."), Line(2, 4.0, 6.0, "Three.")))
>>> tt = join_lines(t)
>>> tt.text
'One two. Three.'
>>> round(tt.time_at(4), 2), tt.time_at(9)
(2.0, 4.0)
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from extract.transcript import Line, Transcript

CHARS_PER_SECOND = 15.0  # about 150 words a minute, used only where a file gives no time


@dataclass(frozen=True)
class LineSpan:
    """Where a source line sits in the joined text, with its (filled-in) times."""

    index: int
    line_no: int
    char_start: int
    char_end: int
    start_s: float
    end_s: float


@dataclass(frozen=True)
class TimedText:
    """The joined transcript text and the spans of its source lines."""

    text: str
    spans: tuple[LineSpan, ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [s.char_start for s in self.spans]

    def span_index_at(self, char: int) -> int:
        """Index of the line holding ``char`` (the next line for a separator)."""
        i = bisect_right(self._starts, char) - 1
        if i < 0:
            return 0
        if char >= self.spans[i].char_end and i + 1 < len(self.spans):
            return i + 1
        return i

    def time_at(self, char: int) -> float:
        """Seconds at a character offset, interpolated inside its line."""
        if not self.spans:
            return 0.0
        span = self.spans[self.span_index_at(char)]
        width = span.char_end - span.char_start
        if width <= 0 or char <= span.char_start:
            return span.start_s
        frac = min(1.0, (char - span.char_start) / width)
        return span.start_s + frac * (span.end_s - span.start_s)


def fill_times(lines: Sequence[Line]) -> list[tuple[float, float]]:
    """Start and end seconds for every line, interpolating what the file left out.

    Missing starts are spread between known ones by character count; missing
    ends are the next line's start; with no time at all, a speaking rate is used.

    >>> fill_times([Line(1, 0.0, None, "abc"), Line(2, None, None, "abc"), Line(3, 10.0, 12.0, "x")])
    [(0.0, 5.0), (5.0, 10.0), (10.0, 12.0)]
    """
    n = len(lines)
    starts: list[float | None] = [line.start for line in lines]
    known = [i for i, s in enumerate(starts) if s is not None]
    lengths = [max(len(line.text), 1) for line in lines]
    if not known:
        starts[0] = 0.0
        known = [0]
    # Before the first anchor: walk back at the speaking rate.
    first = known[0]
    for i in range(first - 1, -1, -1):
        nxt = starts[i + 1]
        assert nxt is not None
        starts[i] = max(0.0, nxt - lengths[i] / CHARS_PER_SECOND)
    # Between anchors: share the gap by character count.
    for a, b in itertools.pairwise(known):
        sa, sb = starts[a], starts[b]
        assert sa is not None and sb is not None
        total = sum(lengths[a:b])
        acc = 0
        for i in range(a + 1, b):
            acc += lengths[i - 1]
            starts[i] = sa + (sb - sa) * acc / total
    # After the last anchor: the file's end time of that line, else the speaking rate.
    last = known[-1]
    for i in range(last + 1, n):
        prev = starts[i - 1]
        assert prev is not None
        prev_end = lines[i - 1].end
        starts[i] = prev_end if prev_end is not None and prev_end >= prev else (
            prev + lengths[i - 1] / CHARS_PER_SECOND
        )
    out: list[tuple[float, float]] = []
    for i, line in enumerate(lines):
        s = starts[i]
        assert s is not None
        if line.end is not None and line.end >= s:
            e = line.end
        elif i + 1 < n and (nxt := starts[i + 1]) is not None and nxt >= s:
            e = nxt
        else:
            e = s + lengths[i] / CHARS_PER_SECOND
        out.append((s, e))
    return out


def join_lines(transcript: Transcript) -> TimedText:
    """Join the transcript's lines with single spaces, keeping each line's span."""
    times = fill_times(transcript.lines) if transcript.lines else []
    parts: list[str] = []
    spans: list[LineSpan] = []
    pos = 0
    for i, (line, (s, e)) in enumerate(zip(transcript.lines, times, strict=True)):
        if i:
            parts.append(" ")
            pos += 1
        parts.append(line.text)
        spans.append(LineSpan(i, line.line_no, pos, pos + len(line.text), s, e))
        pos += len(line.text)
    return TimedText("".join(parts), tuple(spans))
