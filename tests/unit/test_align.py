"""Joining lines and interpolating times inside them."""

from __future__ import annotations

import pytest

from extract.align import fill_times, join_lines
from extract.transcript import Line, Transcript


def _t(*lines: Line) -> Transcript:
    return Transcript("t.txt", "whisper", lines)


def test_mid_line_sentence_gets_mid_line_time() -> None:
    tt = join_lines(_t(Line(1, 10.0, 20.0, "First part. Second part"), Line(2, 20.0, 24.0, "ends here.")))
    start = tt.text.index("Second")
    assert tt.time_at(start) == pytest.approx(10.0 + 10.0 * start / len("First part. Second part"))
    assert tt.time_at(tt.text.index("ends")) == pytest.approx(20.0)
    assert tt.text == "First part. Second part ends here."


def test_line_spans_point_back_to_the_text() -> None:
    lines = (Line(3, 0.0, 1.0, "Alpha beta."), Line(5, 1.0, 2.0, "Gamma."))
    tt = join_lines(_t(*lines))
    for line, span in zip(lines, tt.spans, strict=True):
        assert tt.text[span.char_start : span.char_end] == line.text
        assert span.line_no == line.line_no


def test_missing_times_are_spread_by_characters() -> None:
    times = fill_times([Line(1, 0.0, None, "aaaa"), Line(2, None, None, "aaaa"), Line(3, 8.0, 9.0, "b")])
    assert times == [(0.0, 4.0), (4.0, 8.0), (8.0, 9.0)]


def test_no_times_at_all_uses_a_speaking_rate() -> None:
    times = fill_times([Line(1, None, None, "x" * 30), Line(2, None, None, "y" * 15)])
    assert times[0] == (0.0, 2.0)
    assert times[1][0] == pytest.approx(2.0)
    assert times[1][1] > times[1][0]


def test_times_before_the_first_anchor_walk_back() -> None:
    times = fill_times([Line(1, None, None, "x" * 15), Line(2, 5.0, 6.0, "y")])
    assert times[0][0] == pytest.approx(4.0)
    assert times[0][1] == pytest.approx(5.0)
