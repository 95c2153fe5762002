"""Transcripts kept in a page's front matter as a list of turns, as some static podcast
sites store them (``transcript: [{line, who, time}, …]`` in YAML).

>>> page = "---\\ntitle: Tides\\ntranscript:\\n- line: Hi there.\\n  who: Ann\\n  sec: 0\\n---\\nNotes."
>>> [(x.line_no, x.start, x.speaker, x.text) for x in parse_front_turns(page, "t.md").lines]
[(4, 0.0, 'Ann', 'Hi there.')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from extract.parsers._common import META_KEYS, build, collect_meta
from extract.parsers.jsonfmt import segment_time
from extract.parsers.markdown import front_matter, spoken_text
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

TURN_LISTS = ("transcript", "turns")  # front matter keys that may hold the turns
TEXT_KEYS = ("line", "text")
SPEAKER_KEYS = ("who", "speaker", "name")
TIME_KEYS = ("sec", "start", "time", "timestamp")


def front_turns(data: object) -> Sequence[Mapping[str, Any]] | None:
    """The list of turns the front matter ``data`` holds, or None: a list of records of
    which at least one has both text and a speaker.

    >>> front_turns({"transcript": [{"header": "Intro"}, {"line": "Hi.", "who": "Ann"}]}) is not None
    True
    >>> front_turns({"transcript": "see below"}), front_turns({"turns": [{"line": "Hi."}]})
    (None, None)
    """
    key = _turns_key(data)
    return None if key is None else data[key]  # type: ignore[index]


def _turns_key(data: object) -> str | None:
    """The front matter key holding the turns, or None."""
    if not isinstance(data, Mapping):
        return None
    for key in TURN_LISTS:
        turns = data.get(key)
        if (
            isinstance(turns, list)
            and all(isinstance(t, Mapping) for t in turns)
            and any(_first(t, TEXT_KEYS) is not None and _first(t, SPEAKER_KEYS) is not None for t in turns)
        ):
            return key
    return None


def has_front_turns(text: str) -> bool:
    """Whether a page keeps its transcript as turns in its front matter."""
    return front_turns(front_matter(text.split("\n"))[1]) is not None


def parse_front_turns(text: str, source: str) -> Transcript:
    """One Line per turn with text; records without text (section headers) are skipped.

    A turn's time comes from ``sec`` (seconds) or a clock string (``time``), its
    speaker from ``who`` (or ``speaker``); ``line_no`` is the line its record opens on.
    """
    rows = text.split("\n")
    end, data = front_matter(rows)
    key = _turns_key(data)
    if end is None or key is None:
        raise TranscriptParseError(source, 1, "no list of turns in the front matter")
    turns = data[key]  # type: ignore[index]
    opens = _record_lines(rows[:end], key)
    if len(opens) != len(turns):
        opens = [1] * len(turns)
    lines: list[Line] = []
    previous: str | None = None
    for no, turn in zip(opens, turns, strict=True):
        body = _first(turn, TEXT_KEYS)
        if body is None or not str(body).strip():
            continue
        who = _first(turn, SPEAKER_KEYS)
        speaker = str(who).strip() if who is not None and str(who).strip() else None
        lines.append(
            Line(
                no,
                segment_time(_first(turn, TIME_KEYS), source, no),
                None,
                " ".join(spoken_text(str(body)).split()),
                speaker,
                None,
                speaker is not None and speaker != previous,
            )
        )
        previous = speaker
    return build(source, "labelled", lines, collect_meta(data, META_KEYS) if isinstance(data, dict) else {})


def _record_lines(rows: Sequence[str], key: str) -> list[int]:
    """The line numbers where the records of the top-level list ``key`` open.

    >>> rows = ["---", "tags:", "- a", "transcript:", "- line: Hi.", "  who: Ann", "- line: Yo.", "date: 1"]
    >>> _record_lines(rows, "transcript")
    [5, 7]
    """
    start = next((i for i, row in enumerate(rows) if row.rstrip() == f"{key}:"), None)
    if start is None:
        return []
    out: list[int] = []
    for i in range(start + 1, len(rows)):
        row = rows[i]
        if row.startswith("- "):
            out.append(i + 1)
        elif row[:1] not in ("", " ", "-"):
            break  # the next top-level key
    return out


def _first(record: Mapping[str, Any], keys: Sequence[str]) -> Any:
    return next((record[k] for k in keys if record.get(k) is not None), None)
