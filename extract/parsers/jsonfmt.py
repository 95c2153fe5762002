"""JSON transcripts: segment lists, ``{segments: [...]}``, ``{full_transcript: [...]}``.

>>> parse_json('[{"start": 0, "end": 1.5, "text": " Hi. "}]', "a.json").lines[0].text
'Hi.'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from extract.parsers._common import META_KEYS, build, clock_or_error, collect_meta
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

SEGMENT_KEYS = ("segments", "full_transcript")
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def parse_json(text: str, source: str) -> Transcript:
    """One Line per segment; ``line_no`` is the line where the segment object opens.

    Times are numbers (seconds) or clock strings; ``timestamp`` without ``end`` gives
    ``end=None``. ``speaker`` and ``ad`` are copied; ``words`` is ignored.

    >>> doc = ('{"title": "T", "full_transcript": [\\n'
    ...        ' {"timestamp": "01:05", "speaker": "Al", "ad": true, "text": "Buy."}]}')
    >>> t = parse_json(doc, "a.json")
    >>> t.meta, [(x.line_no, x.start, x.end, x.speaker, x.ad, x.turn_start) for x in t.lines]
    ({'title': 'T'}, [(2, 65.0, None, 'Al', True, True)])
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TranscriptParseError(source, exc.lineno, f"invalid JSON: {exc.msg}") from None
    key, segments, meta = _layout(data, source)
    starts = _segment_line_numbers(text, key)
    if len(starts) != len(segments):
        starts = [1] * len(segments)
    lines: list[Line] = []
    previous_speaker: str | None = None
    for no, seg in zip(starts, segments, strict=True):
        line = _segment(seg, no, source)
        if line is None:
            continue
        if line.speaker is not None and line.speaker != previous_speaker:
            line = Line(line.line_no, line.start, line.end, line.text, line.speaker, line.ad, True)
        previous_speaker = line.speaker
        lines.append(line)
    return build(source, "json", lines, meta)


def _layout(data: Any, source: str) -> tuple[str | None, Sequence[Any], dict[str, str]]:
    """The segment key (None for a bare list), the segments and the metadata."""
    if isinstance(data, list):
        return None, data, {}
    if isinstance(data, dict):
        for key in SEGMENT_KEYS:
            if isinstance(data.get(key), list):
                return key, data[key], collect_meta(data, META_KEYS)
    raise TranscriptParseError(
        source, 1, "unrecognised JSON layout (expected a segment list, 'segments' or 'full_transcript')"
    )


def _segment(seg: Any, no: int, source: str) -> Line | None:
    """The Line of one segment object (None when its text is blank)."""
    if not isinstance(seg, Mapping):
        raise TranscriptParseError(source, no, "segment is not an object", repr(seg))
    text = seg.get("text")
    if not isinstance(text, str):
        raise TranscriptParseError(source, no, "segment without text", json.dumps(seg)[:80])
    start = _time(seg.get("start", seg.get("timestamp")), source, no)
    end = _time(seg.get("end"), source, no)
    body = text.strip()
    if not body:
        return None
    speaker = seg.get("speaker")
    name = str(speaker).strip() if speaker is not None else ""
    ad = seg.get("ad")
    return Line(no, start, end, body, name or None, ad if isinstance(ad, bool) else None)


def _time(value: Any, source: str, no: int) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise TranscriptParseError(source, no, f"unreadable time {value!r}")
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        return clock_or_error(value, source, no, value)
    raise TranscriptParseError(source, no, f"unreadable time {value!r}")


def _segment_line_numbers(text: str, key: str | None) -> list[int]:
    """Line numbers where each object of the segment array opens.

    Walks only strings and brackets (one regex pass), so it stays linear.

    >>> _segment_line_numbers('{"a": [{}],\\n "segments": [\\n{"text": "]"},\\n {}]}', "segments")
    [3, 4]
    """
    positions: list[int] = []
    depth = 0
    array_depth = 1 if key is None else -1  # depth just inside the segment array
    previous = ""
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token in ("[", "{"):
            if token == "[" and array_depth < 0 and depth == 1 and previous == json.dumps(key):
                array_depth = depth + 1
            elif token == "{" and depth == array_depth:
                positions.append(m.start())
            depth += 1
        elif token in ("]", "}"):
            depth -= 1
            if token == "]" and array_depth > 0 and depth == array_depth - 1:
                break
        previous = token
    numbers: list[int] = []
    line, last = 1, 0
    for pos in positions:
        line += text.count("\n", last, pos)
        last = pos
        numbers.append(line)
    return numbers
