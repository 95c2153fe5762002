"""WebVTT: header, NOTE/STYLE/REGION blocks, cues with optional ids, settings and tags.

>>> parse_vtt("WEBVTT\\n\\n00:01.000 --> 00:02.000\\n<v Ann>Hi &amp; bye", "a.vtt").lines[0].speaker
'Ann'
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.parsers._common import build, caption_text, clock_or_error, dialogue_turns
from extract.parsers.labels import cue_labels
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

VTT_TIMING = re.compile(r"(\S+)\s+-->\s+(\S+)(?:\s+.*)?")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
# Word times inside cue text ("so<00:00:00.480><c> today</c>"): auto-captions whose
# cues roll, each repeating the previous cue's last row before its new words.
_INLINE_TIME = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?\.\d{3}>")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def parse_vtt(text: str, source: str) -> Transcript:
    """One Line per cue; ``<v Name>`` gives the speaker, other tags are dropped.

    ``turn_start`` is True on a cue whose voice differs from the previous cue's voice.

    >>> src = ("WEBVTT - demo\\n\\nNOTE a comment\\n\\nc1\\n00:01.000 --> 00:02.500 align:start\\n"
    ...        "<v.loud Bo Li>Fish <i>&amp;</i>\\nchips</v>\\n\\n1:00:00.000 --> 1:00:01.000\\nBye.")
    >>> [(x.line_no, x.start, x.end, x.text, x.speaker, x.turn_start) for x in parse_vtt(src, "a.vtt").lines]
    [(7, 1.0, 2.5, 'Fish & chips', 'Bo Li', True), (11, 3600.0, 3601.0, 'Bye.', None, False)]
    """
    rows = text.split("\n")
    header = rows[0].lstrip("\ufeff").strip() if rows else ""
    if not (header == "WEBVTT" or header.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise TranscriptParseError(source, 1, "missing WEBVTT header", rows[0] if rows else "")
    lines: list[Line] = []
    previous_voice: str | None = None
    i, count = 1, len(rows)
    while i < count and rows[i].strip():  # header lines such as "Kind: captions"
        i += 1
    rolling = _INLINE_TIME.search(text) is not None
    shown: list[str] = []  # the previous cue's text lines, which a rolling cue repeats
    while i < count:
        stripped = rows[i].strip()
        if not stripped:
            i += 1
            continue
        block_start = i
        while i < count and not _ends_cue(rows, i):
            i += 1
        block = rows[block_start:i]
        if stripped.split(maxsplit=1)[0] in _SKIPPED_BLOCKS and "-->" not in stripped:
            continue
        line, payload = _cue(block, block_start + 1, source)
        if rolling:
            fresh = payload
            while fresh and fresh[0] in shown:
                fresh = fresh[1:]
            shown = payload or shown
            line = replace(line, text=" ".join(dialogue_turns(fresh))) if fresh and line else None
        if line is None:
            continue
        if line.speaker is not None and line.speaker != previous_voice:
            line = Line(line.line_no, line.start, line.end, line.text, line.speaker, None, True)
        previous_voice = line.speaker
        lines.append(line)
    # Without voice tags, a label may open the cue text instead ("SPEAKER_00: …").
    return build(source, "vtt", lines if any(x.speaker for x in lines) else cue_labels(lines))


def _ends_cue(rows: list[str], i: int) -> bool:
    """Whether row ``i`` ends a cue: an empty row, or a row of spaces before an empty
    row or the next cue. Auto-captions put a row of one space inside their cues."""
    if rows[i].strip():
        return False
    if not rows[i] or i + 1 >= len(rows):
        return True
    after = rows[i + 1 : i + 3]
    return not after[0].strip() or "-->" in after[0] or (len(after) > 1 and "-->" in after[1])


def _cue(block: list[str], first_no: int, source: str) -> tuple[Line | None, list[str]]:
    """The Line of one cue block (None when it has no text) and its text rows."""
    timing_at = 0 if "-->" in block[0] else 1
    if timing_at >= len(block) or "-->" not in block[timing_at]:
        raise TranscriptParseError(source, first_no, "not a WebVTT cue (no timing line)", block[0])
    no = first_no + timing_at
    m = VTT_TIMING.fullmatch(block[timing_at].strip())
    if m is None:
        raise TranscriptParseError(source, no, "unreadable cue timing", block[timing_at])
    start = clock_or_error(m.group(1), source, no, block[timing_at])
    end = clock_or_error(m.group(2), source, no, block[timing_at])
    if end < start:
        raise TranscriptParseError(source, no, "end before start", block[timing_at])
    voice = _VOICE.search(" ".join(block[timing_at + 1 :]))
    payload = [text for part in block[timing_at + 1 :] if (text := caption_text(part))]
    body = " ".join(dialogue_turns(payload))
    if not body:
        return None, []
    speaker = caption_text(voice.group(1)) if voice else None
    return Line(no + 1, start, end, body, speaker or None), payload
