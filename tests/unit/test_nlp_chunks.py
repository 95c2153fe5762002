"""Chunked analysis must rebuild the exact transcript text."""

from __future__ import annotations

import itertools

import spacy

from extract.align import join_lines
from extract.nlp import analyse_text, chunk_bounds
from extract.transcript import Line, Transcript


def test_chunks_tile_the_text_and_end_after_spaces() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(400))
    bounds = chunk_bounds(text, [], size=500)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(text[end - 1] == " " for _, end in bounds[:-1])
    assert len(bounds) > 10


def test_forced_turn_starts_become_sentence_starts() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    lines = (Line(1, 0.0, 1.0, "so what do you think", "A"), Line(2, 1.0, 2.0, "it depends on the data", "B"))
    tt = join_lines(Transcript("x", "labelled", lines))
    doc = analyse_text(nlp, tt, [tt.spans[1].char_start])
    assert doc.text == tt.text
    assert [s.text for s in doc.sents] == ["so what do you think", "it depends on the data"]
