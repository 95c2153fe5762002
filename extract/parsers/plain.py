"""Plain text fallback: one Line per paragraph, no times, no speakers.

>>> [x.text for x in parse_plain("One.\\n\\nTwo\\nlines.", "a.txt").lines]
['One.', 'Two lines.']
"""

from __future__ import annotations

from extract.parsers._common import build
from extract.parsers.markdown import h1_title, is_heading, split_front_matter
from extract.transcript import Line, Transcript


def parse_plain(text: str, source: str) -> Transcript:
    """Paragraphs split at blank lines (or one per line when there are none).

    Front matter gives metadata; Markdown headings are skipped (an H1 gives the
    title when the front matter has none). Each paragraph starts a turn.

    >>> t = parse_plain("# Ep 1\\nFirst line.\\nSecond line.", "a.md")
    >>> t.meta, [(x.line_no, x.text, x.turn_start) for x in t.lines]
    ({'title': 'Ep 1'}, [(2, 'First line.', True), (3, 'Second line.', True)])
    """
    rows, meta = split_front_matter(text)
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
