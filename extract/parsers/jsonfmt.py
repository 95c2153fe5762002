"""JSON transcripts: segment lists, ``{segments: [...]}``, ``{full_transcript: [...]}``,
``{utterances: [...]}`` (AssemblyAI, also under ``results`` as Deepgram writes it).

>>> parse_json('[{"start": 0, "end": 1.5, "text": " Hi. "}]', "a.json").lines[0].text
'Hi.'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from extract.parsers._common import META_KEYS, build, clock_or_error, collect_meta
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

SEGMENT_KEYS = ("segments", "full_transcript", "utterances")
#: Integer times are milliseconds (AssemblyAI) when read as seconds they would give fewer
#: words per second than this; speech runs at 2–3.
MIN_WORDS_PER_S = 0.05
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
    return build(source, "json", _milliseconds_to_seconds(segments, lines), meta)


def _milliseconds_to_seconds(segments: Sequence[Any], lines: list[Line]) -> list[Line]:
    """The lines with times in seconds: integer times far too sparse for speech are ms.

    >>> lines = [Line(1, 0.0, 1500.0, "one two"), Line(2, 1500.0, 98000.0, "three")]
    >>> [(x.start, x.end) for x in _milliseconds_to_seconds([{"start": 0}, {"start": 1500}], lines)]
    [(0.0, 1.5), (1.5, 98.0)]
    """
    raw = [seg.get(k) for seg in segments if isinstance(seg, Mapping) for k in ("start", "end")]
    raw = [v for v in raw if v is not None]
    times = [t for x in lines for t in (x.start, x.end) if t is not None]
    words = sum(len(x.text.split()) for x in lines)
    if not raw or not all(isinstance(v, int) and not isinstance(v, bool) for v in raw) or not times:
        return lines
    span = max(times) - min(times)
    if span <= 0 or words / span >= MIN_WORDS_PER_S:
        return lines

    def ms(t: float | None) -> float | None:
        return None if t is None else t / 1000

    return [replace(x, start=ms(x.start), end=ms(x.end)) for x in lines]


def _layout(data: Any, source: str) -> tuple[str | None, Sequence[Any], dict[str, str]]:
    """The segment key (None for a bare list), the segments and the metadata."""
    if isinstance(data, list):
        return None, data, {}
    if isinstance(data, dict):
        for key in SEGMENT_KEYS:
            if isinstance(data.get(key), list):
                return key, data[key], collect_meta(data, META_KEYS)
        results = data.get("results")
        if isinstance(results, dict) and isinstance(results.get("utterances"), list):
            return "utterances", results["utterances"], collect_meta(data, META_KEYS)
    raise TranscriptParseError(
        source,
        1,
        "unrecognised JSON layout (expected a segment list, 'segments', 'full_transcript' or 'utterances')",
    )


def _segment(seg: Any, no: int, source: str) -> Line | None:
    """The Line of one segment object (None when its text is blank)."""
    if not isinstance(seg, Mapping):
        raise TranscriptParseError(source, no, "segment is not an object", repr(seg))
    text = seg.get("text", seg.get("transcript"))
    if not isinstance(text, str):
        raise TranscriptParseError(source, no, "segment without text", json.dumps(seg)[:80])
    start = segment_time(seg.get("start", seg.get("timestamp")), source, no)
    end = segment_time(seg.get("end"), source, no)
    body = text.strip()
    if not body:
        return None
    speaker = seg.get("speaker")
    # A numbered speaker (Deepgram's 0, 1) reads as a diarisation label.
    number = isinstance(speaker, int) and not isinstance(speaker, bool)
    name = f"Speaker {speaker}" if number else str(speaker).strip() if speaker is not None else ""
    ad = seg.get("ad")
    return Line(no, start, end, body, name or None, ad if isinstance(ad, bool) else None)


def segment_time(value: Any, source: str, no: int) -> float | None:
    """Seconds from a number or a clock string; None when absent; else an error naming the line."""
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
