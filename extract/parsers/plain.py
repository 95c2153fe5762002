"""Plain text fallback: one Line per paragraph (or per timed line), no speakers.

>>> [x.text for x in parse_plain("One.\\n\\nTwo\\nlines.", "a.txt").lines]
['One.', 'Two lines.']
"""

from __future__ import annotations

from extract.parsers._common import build, clock_or_error
from extract.parsers.labels import TIMED_LINE
from extract.parsers.markdown import h1_title, is_heading, split_front_matter, spoken_text
from extract.transcript import Line, Transcript


def parse_plain(text: str, source: str) -> Transcript:
    """Paragraphs split at blank lines (or one per line when there are none); when
    most lines open with a time, one Line per timed line instead.

    Front matter gives metadata; Markdown headings are skipped (an H1 gives the
    title when the front matter has none). Each paragraph starts a turn.

    >>> t = parse_plain("# Ep 1\\nFirst line.\\nSecond line.", "a.md")
    >>> t.meta, [(x.line_no, x.text, x.turn_start) for x in t.lines]
    ({'title': 'Ep 1'}, [(2, 'First line.', True), (3, 'Second line.', True)])
    """
    rows, meta = split_front_matter(text)
    rows = [spoken_text(row) for row in rows]
    filled = [r.strip() for r in rows if r.strip()]
    if filled and sum(1 for r in filled if TIMED_LINE.fullmatch(r)) * 2 >= len(filled):
        return build(source, "text", _timed_lines(rows, source), meta)
    per_line = not any(not r.strip() for r in _content(rows))
    lines: list[Line] = []
    block: list[str] = []
    block_no = 0

    def flush() -> None:
        if block:
            lines.append(Line(block_no, None, None, " ".join(block), turn_start=True))
            block.clear()

    for no, raw in enumerate(rows, 1):
        stripped = raw.strip()
        if stripped and is_heading(stripped):
            flush()
            title = h1_title(stripped)
            if title and "title" not in meta:
                meta["title"] = title
            continue
        if not stripped or per_line:
            flush()
        if stripped:
            if not block:
                block_no = no
            block.append(stripped)
    flush()
    return build(source, "text", lines, meta)


def _content(rows: list[str]) -> list[str]:
    """The rows from the first to the last non-blank one."""
    filled = [i for i, r in enumerate(rows) if r.strip()]
    return rows[filled[0] : filled[-1] + 1] if filled else []


def _timed_lines(rows: list[str], source: str) -> list[Line]:
    """One Line per time marker, with the text after it and on the rows below it.

    >>> [(x.line_no, x.start, x.text) for x in _timed_lines(["[00:00:01] Hi.", "0:04", "So", "we go."], "a")]
    [(1, 1.0, 'Hi.'), (3, 4.0, 'So we go.')]
    """
    lines: list[Line] = []
    start: float | None = None
    first = 0
    parts: list[str] = []

    def flush() -> None:
        if parts:
            lines.append(Line(first, start, None, " ".join(parts)))
            parts.clear()

    for no, raw in enumerate(rows, 1):
        stripped = raw.strip()
        m = TIMED_LINE.fullmatch(stripped) if stripped else None
        if m is not None:
            flush()
            start = clock_or_error(m["time"], source, no, raw)  # a time alone: text on the rows below
            first = 0
            stripped = (m["rest"] or "").strip()
        if stripped and not is_heading(stripped):
            first = first or no
            parts.append(stripped)
    flush()
    return lines
