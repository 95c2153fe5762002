"""Checks shared by tests: utterances cover the transcript, quotes sit in their windows."""

from __future__ import annotations

from extract.align import fill_times
from extract.document import Extraction
from extract.transcript import Transcript


def uncovered_words(transcript: Transcript, ex: Extraction) -> list[str]:
    """Words of the transcript missing from, or out of order in, the utterances."""
    expected = " ".join(line.text for line in transcript.lines).split()
    got = " ".join(u.text for u in ex.utterances).split()
    if expected == got:
        return []
    for i, (a, b) in enumerate(zip(expected, got, strict=False)):
        if a != b:
            return expected[i : i + 5]
    return expected[len(got) :] or ["<extra words>"]


def misplaced_quotes(transcript: Transcript, ex: Extraction, slack_s: float = 0.01) -> list[str]:
    """Quotes that do not occur verbatim in the lines overlapping their start–end window."""
    times = fill_times(transcript.lines)
    bad = []
    for c in ex.claims:
        window = " ".join(
            line.text
            for line, (s, e) in zip(transcript.lines, times, strict=True)
            if s <= c.end + slack_s and e >= c.start - slack_s
        )
        if c.quote not in window or c.start > c.end:
            bad.append(c.quote)
    return bad
