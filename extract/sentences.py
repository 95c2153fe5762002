"""Timed sentences: the unit every extractor works on.

A sentence knows its characters in the joined text, its interpolated times,
its tokens in the Doc, and the speaker label and ad flag the file gave its
first line (if any).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from extract.align import TimedText
from extract.transcript import Transcript


@dataclass(frozen=True)
class Sentence:
    """One sentence of the transcript, with exact provenance."""

    index: int
    char_start: int
    char_end: int
    token_start: int
    token_end: int
    start_s: float
    end_s: float
    text: str
    first_line: int  # index into Transcript.lines
    last_line: int
    label: str | None = None  # speaker label the file gave
    ad: bool | None = None  # sponsor flag the file gave
    turn_start: bool = False  # the file starts a turn or paragraph here


def timed_sentences(doc: Doc, timed: TimedText, transcript: Transcript) -> list[Sentence]:
    """Turn the Doc's sentences into ``Sentence`` records with times and labels."""
    out: list[Sentence] = []
    lines = transcript.lines
    for sent in doc.sents:
        # Strip surrounding whitespace tokens' characters from the span.
        text = sent.text
        lead = len(text) - len(text.lstrip())
        cs = sent.start_char + lead
        ce = sent.start_char + len(text.rstrip())
        if ce <= cs:
            continue
        first = timed.span_index_at(cs)
        last = timed.span_index_at(ce - 1)
        line = lines[first] if lines else None
        label = line.speaker if line else None
        out.append(
            Sentence(
                index=len(out),
                char_start=cs,
                char_end=ce,
                token_start=sent.start,
                token_end=sent.end,
                start_s=timed.time_at(cs),
                end_s=max(timed.time_at(ce), timed.time_at(cs)),
                text=timed.text[cs:ce],
                first_line=first,
                last_line=last,
                label=label,
                ad=line.ad if line else None,
                turn_start=bool(line and line.turn_start and timed.spans[first].char_start == cs),
            )
        )
    return out
