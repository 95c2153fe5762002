"""Markdown shared by the text formats: YAML front matter, headings and inline links.

>>> body, meta = split_front_matter("---\\ntitle: Cats\\n---\\nHi.")
>>> body, meta
(['', '', '', 'Hi.'], {'title': 'Cats'})
"""

from __future__ import annotations

import html
import re
import tomllib

import yaml

from extract.parsers._common import META_KEYS, collect_meta

HEADING = re.compile(r"#{1,6}(?:\s+(.*?))?\s*#*\s*")
_H1 = re.compile(r"#\s+(.*?)\s*#*\s*")
_LINK = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)?[^<>\s]+[@.][^<>\s]+)>")


def split_front_matter(text: str) -> tuple[list[str], dict[str, str]]:
    """The file's lines with front matter blanked out (numbers kept), and its metadata.

    Front matter is YAML between a first line ``---`` and the next ``---`` (or
    ``...``), or TOML between two ``+++`` lines (as Hugo sites write it). Unreadable
    front matter is treated as no metadata.

    >>> split_front_matter("no front matter")
    (['no front matter'], {})
    >>> split_front_matter('+++\\ntitle = "Tides with Jo Park"\\n+++\\nJo: Hi.')
    (['', '', '', 'Jo: Hi.'], {'title': 'Tides with Jo Park'})
    """
    rows = text.split("\n")
    end, data = front_matter(rows)
    if end is None:
        return rows, {}
    meta = collect_meta(data, META_KEYS) if isinstance(data, dict) else {}
    return [""] * (end + 1) + rows[end + 1 :], meta


def front_matter(rows: list[str]) -> tuple[int | None, object]:
    """The index of the front matter's closing line (None without front matter) and its
    data (None when unreadable).

    >>> front_matter(["---", "title: Tides", "---", "Body."])
    (2, {'title': 'Tides'})
    """
    fence = rows[0].strip() if rows else ""
    if fence not in ("---", "+++"):
        return None, None
    closing = ("---", "...") if fence == "---" else ("+++",)
    end = next((i for i in range(1, len(rows)) if rows[i].strip() in closing), None)
    if end is None:
        return None, None
    body = "\n".join(rows[1:end])
    try:
        return end, yaml.safe_load(body) if fence == "---" else tomllib.loads(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        return end, None


def is_heading(stripped: str) -> bool:
    """True for a Markdown ATX heading line such as ``## Transcript``.

    >>> is_heading("## Transcript"), is_heading("#hashtag fun"), is_heading("Hi")
    (True, False, False)
    """
    return stripped.startswith("#") and HEADING.fullmatch(stripped) is not None


def h1_title(stripped: str) -> str | None:
    """The text of an H1 heading line, else None.

    >>> h1_title("# My Show "), h1_title("## Part")
    ('My Show', None)
    """
    m = _H1.fullmatch(stripped)
    return m.group(1) if m and m.group(1) else None


def spoken_text(row: str) -> str:
    """A line as it was said: links reduced to their words (:func:`link_text`) and HTML
    entities decoded, as web pages export transcripts ("I&#39;m" → "I'm").

    >>> spoken_text("I&#39;m at [Acme](https://acme.org) &amp; more")
    "I'm at Acme & more"
    """
    row = link_text(row)
    return html.unescape(row) if "&" in row else row


def link_text(row: str) -> str:
    """A line with its Markdown links reduced to the words said: a transcript page links
    what a speaker mentions, and the address was never spoken.

    >>> link_text("See [my paper](https://x.org/a_(b)) and <me@x.org>. [00:01] stays.")
    'See my paper and me@x.org. [00:01] stays.'
    """
    return _AUTOLINK.sub(r"\1", _LINK.sub(r"\1", row)) if "](" in row or "<" in row else row
