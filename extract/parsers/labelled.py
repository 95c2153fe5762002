"""Speaker-labelled text: ``Name: text``, ``Name (HH:MM:SS):`` turns, ``**Name:**`` Markdown.

>>> [(x.speaker, x.text) for x in parse_labelled("Ann: Hi.\\nBob: Yo.", "a.txt").lines]
[('Ann', 'Hi.'), ('Bob', 'Yo.')]
"""

from __future__ import annotations

import bisect
import re

from extract.parsers._common import build, clock_or_error
from extract.parsers.front_turns import has_front_turns, parse_front_turns
from extract.parsers.labels import file_labels
from extract.parsers.markdown import h1_title, is_heading, split_front_matter, spoken_text
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

INLINE_MARKER = re.compile(r"\\?\[(\d{1,2}(?::\d{1,2}){1,2}(?:[.,]\d+)?)\\?\]")
# The word between two markers that give a span of time ("\\[07:13\\] to \\[08:53\\]", as a
# break is written): no one says it.
_RANGE_WORD = re.compile(r"(?i:to|until|through|-|–|—)")


class _Block:
    """A paragraph being collected: its file lines, speaker, start and turn flag."""

    __slots__ = ("notes", "parts", "speaker", "start", "turn_start")

    def __init__(
        self, speaker: str | None, start: float | None, turn_start: bool, notes: bool = False
    ) -> None:
        self.parts: list[tuple[int, str]] = []
        self.speaker = speaker
        self.start = start
        self.turn_start = turn_start
        self.notes = notes  # before the first label: show notes, whose times point into the episode


def parse_labelled(text: str, source: str) -> Transcript:
    """One Line per paragraph (or per inline time marker), with the file's speakers.

    A label alone on a line (``Name (00:01:02):``) opens a turn: its first paragraph
    gets the time and ``turn_start=True``, later ones ``start=None`` and the same
    speaker; a bare ``(00:01:41):`` continues the turn from that time. A label with
    text (``Name: text``, ``**Name:** text``) is one paragraph; unlabelled paragraphs
    after it keep ``speaker=None``. A page keeping its turns in its front matter is read
    from there (:mod:`extract.parsers.front_turns`). ``\\[MM:SS\\]`` / ``[HH:MM:SS]`` markers split the
    text so the marker time starts the text after it; before the first label (show notes)
    they are dropped, since there they point into the episode. Front matter gives metadata;
    headings are skipped (an H1 gives a missing title).

    >>> src = "# Ep\\n\\nAnn (00:01:00):\\nHi.\\n\\nStill me.\\n\\n**Bob:** Sure. \\\\[01:05\\\\] Next."
    >>> t = parse_labelled(src, "a.md")
    >>> t.meta
    {'title': 'Ep'}
    >>> [(x.line_no, x.start, x.speaker, x.turn_start, x.text)
    ...  for x in t.lines]  # doctest: +NORMALIZE_WHITESPACE
    [(4, 60.0, 'Ann', True, 'Hi.'), (6, None, 'Ann', False, 'Still me.'),
     (8, None, 'Bob', True, 'Sure.'), (8, 65.0, 'Bob', False, 'Next.')]
    """
    if has_front_turns(text):
        return parse_front_turns(text, source)
    rows, meta = split_front_matter(text)
    rows = [spoken_text(row) for row in rows]
    labels = file_labels(rows)
    if not any(label is not None and label.name for label in labels):
        raise TranscriptParseError(source, 1, "no speaker label found")
    lines: list[Line] = []
    block: _Block | None = None
    turn_speaker: str | None = None  # speaker of a header turn, inherited by paragraphs
    pending_start: float | None = None  # from a label, bare marker or dangling marker
    pending_turn = False
    labelled = False  # a speaker label seen yet
    for no, (raw, label) in enumerate(zip(rows, labels, strict=True), 1):
        stripped = raw.strip()
        labelled = labelled or (label is not None and label.name is not None)
        if label is not None:
            carried = _flush(block, lines, source)
            block = None
            start = clock_or_error(label.time, source, no, raw) if label.time else None
            start = _first(start, carried, pending_start)
            if label.name is not None:
                turn_speaker = label.name
            if label.rest:
                block = _Block(label.name, start, label.name is not None)
                block.parts.append((no, label.rest))
                turn_speaker, pending_start, pending_turn = None, None, False
            else:
                pending_start, pending_turn = start, label.name is not None
        elif not stripped or is_heading(stripped):
            pending_start = _first(_flush(block, lines, source), pending_start)
            block = None
            if stripped:
                turn_speaker = None
                title = h1_title(stripped)
                if title and "title" not in meta:
                    meta["title"] = title
        else:
            if block is None:
                block = _Block(turn_speaker, pending_start, pending_turn, notes=not labelled)
                pending_start, pending_turn = None, False
            block.parts.append((no, stripped))
    _flush(block, lines, source)
    return build(source, "labelled", lines, meta)


def _flush(block: _Block | None, lines: list[Line], source: str) -> float | None:
    """Turn a collected block into Lines, split at inline time markers.

    Returns the time of a trailing marker with no text after it (``**Break:**
    \\[15:55\\]``) so that it can start the next paragraph.
    """
    if block is None or not block.parts:
        return None
    joined = " ".join(part for _, part in block.parts)
    if block.notes:  # show notes' times ("[04:24]" after a link) are no clock of the text
        joined = " ".join(INLINE_MARKER.sub(" ", joined).split())
    if "[" not in joined or block.notes:
        lines.append(
            Line(block.parts[0][0], block.start, None, joined, block.speaker, None, block.turn_start)
        )
        return None
    offsets, numbers, pos = [], [], 0
    for no, part in block.parts:
        offsets.append(pos)
        numbers.append(no)
        pos += len(part) + 1
    start, turn_start, cut = block.start, block.turn_start, 0
    for m in [*INLINE_MARKER.finditer(joined), None]:
        end = m.start() if m else len(joined)
        piece = joined[cut:end]
        if cut and m is not None and _RANGE_WORD.fullmatch(piece.strip()):
            piece = ""
        if piece.strip():
            lead = cut + len(piece) - len(piece.lstrip())
            no = numbers[bisect.bisect_right(offsets, lead) - 1]
            lines.append(Line(no, start, None, piece.strip(), block.speaker, None, turn_start))
            turn_start = False
        if m is not None:
            no = numbers[bisect.bisect_right(offsets, m.start()) - 1]
            start = clock_or_error(m.group(1), source, no, m.group())
            cut = m.end()
        elif piece.strip():
            return None
    return start


def _first(*times: float | None) -> float | None:
    """The first time that is not None."""
    return next((t for t in times if t is not None), None)
