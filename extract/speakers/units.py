"""Attribution units: sentences cut again at every inner sentence-final mark.

The parser sometimes keeps "…the plan? It replaces…" in one sentence; a speaker
change can only fall between units, so units are the sentences split at each
``. ? !`` followed by a space.

>>> [u.text for u in split_units("Is it? Yes. Sure", 10)]
['Is it?', 'Yes.', 'Sure']
>>> [u.text for u in split_units("I talked to Dr. Jo Park. Then", 0)]
['I talked to Dr. Jo Park.', 'Then']
>>> [u.text for u in split_units("Live at 8 p.m. Eastern, 5 p.m. Pacific.", 0)]
['Live at 8 p.m. Eastern, 5 p.m. Pacific.']
>>> [u.text for u in split_units("With Ann B. Lee of Acme. Then we met.", 0)]
['With Ann B. Lee of Acme.', 'Then we met.']
>>> [u.text for u in split_units("It was plan B. Then we used Acme I.O. It broke.", 0)]
['It was plan B.', 'Then we used Acme I.O.', 'It broke.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Not after an abbreviation that precedes what follows ("Dr. Jane Doe", "e.g. tides", "8 p.m. Eastern").
ABBREVIATIONS = ("Dr.", "Mr.", "Mrs.", "Ms.", "Mx.", "Prof.", "St.", "vs.", "e.g.", "i.e.", "a.m.", "p.m.")
_NO_CUT_AFTER = "".join(rf"(?<!\b{re.escape(a)})" for a in ABBREVIATIONS)
_CUT = re.compile(r"(?<=[.?!])" + _NO_CUT_AFTER + r"[\"')\]]*\s+(?=\S)")
# A middle initial ends no sentence: "Ann B. Lee" (an initial after a capitalised word; not
# "plan B." nor "the U.S.", which may end one).
_INITIAL = re.compile(r"\b[A-Z][a-z]+ [A-Z]\.$")


@dataclass(frozen=True)
class Unit:
    """A piece of a sentence that one speaker said (the decoding step)."""

    char_start: int
    char_end: int
    text: str
    sentence: int = 0  # index of its sentence
    first_in_sentence: bool = True
    line_start: bool = False  # starts a transcript line
    gap_s: float = 0.0  # silence before its line, when it starts one
    ad: bool | None = None  # the file's sponsor flag, if any
    label: str | None = None  # the file's speaker label, if any
    marked: bool = False  # the file marks a new speaker here (a caption's ">>")


def split_units(text: str, offset: int, sentence: int = 0) -> list[Unit]:
    """Cut one sentence's text (starting at ``offset``) into units."""
    out: list[Unit] = []
    pos = 0
    for m in _CUT.finditer(text):
        if _INITIAL.search(text, 0, m.start()) and text[m.end() : m.end() + 1].isupper():
            continue
        piece = text[pos : m.start()].rstrip()
        if piece:
            out.append(Unit(offset + pos, offset + pos + len(piece), piece, sentence, not out))
        pos = m.end()
    piece = text[pos:].rstrip()
    if piece:
        out.append(Unit(offset + pos, offset + pos + len(piece), piece, sentence, not out))
    return out
