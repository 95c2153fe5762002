"""Names in a transcript without capitals (auto-captions), made readable again.

The introduction patterns (``names``) find a name by its capitals and its end by the
punctuation after it; captions have neither ("i'm jane okafor i run the lab"). In the
opening of such a transcript, a run of two or three nouns (by the parser's tags) that
holds a word rare in English reads as a full name: it is capitalised and closed with
a period (none where the introduction goes on: "Jane Okafor is with us") in a copy of
the unit kept for reading names, and a self-introduction before it opens a sentence, so
". I'm Jane Okafor. i run the lab" is read as the host's. The units the decoder scores
keep their text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from extract.concepts.background import zipf
from extract.speakers.units import Unit

NAME_RARE_ZIPF = 3.7  # a name holds a word rarer than this in English ("huyen", "benson")
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_MAX_WORDS = 3
# Words after a name that go on with its introduction ("Jane Okafor is with us", "… joins me").
_GOES_ON = frozenset({"is", "are", "joins", "join", "and", "here", "welcome"})
# A self-introduction before a restored name starts a sentence, as it would in punctuated text.
_SELF_CUE = re.compile(r"(?:^|(?<=\s))(i'm|i am|my name is|this is) (?=[A-Z])")


def _name_word(token: Token) -> bool:
    """A noun standing alone between spaces (not the "host" of "co-host"), not a stop word."""
    alone = token.i == 0 or bool(token.doc[token.i - 1].whitespace_)
    alone = alone and (bool(token.whitespace_) or token.i == len(token.doc) - 1)
    return alone and token.tag_ in _NOUN_TAGS and token.text.isalpha() and token.lower_ not in STOP_WORDS


def restore_names(doc: Doc, unit: Unit) -> Unit:
    """The unit with each likely full name in it capitalised and followed by a period.

    >>> import spacy
    >>> from spacy.tokens import Doc
    >>> words = ["i'm", "jane", "okafor", "i", "run", "a", "data", "lab"]
    >>> tags = ["VBP", "NNP", "NNP", "PRP", "VBP", "DT", "NN", "NN"]
    >>> doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, spaces=[True] * 7 + [False])
    >>> restore_names(doc, Unit(0, len(doc.text), doc.text)).text
    ". I'm Jane Okafor. i run a data lab"
    """
    pieces: list[str] = []
    pos = unit.char_start
    tokens = list(doc.char_span(unit.char_start, unit.char_end, alignment_mode="expand") or ())
    i = 0
    while i < len(tokens):
        run: list[Token] = []
        while i + len(run) < len(tokens) and _name_word(tokens[i + len(run)]):
            run.append(tokens[i + len(run)])
        if 2 <= len(run) <= _MAX_WORDS and any(zipf(t.lower_) < NAME_RARE_ZIPF for t in run):
            start, end = max(run[0].idx, unit.char_start), min(run[-1].idx + len(run[-1]), unit.char_end)
            pieces.append(unit.text[pos - unit.char_start : start - unit.char_start])
            after = tokens[i + len(run)].lower_ if i + len(run) < len(tokens) else ""
            close = "" if after in _GOES_ON else "."
            pieces.append(" ".join(t.text.capitalize() for t in run) + close)
            pos = end
        i += max(1, len(run))
    pieces.append(unit.text[pos - unit.char_start :])
    text = _SELF_CUE.sub(lambda m: ". " + m.group(1).capitalize() + " ", "".join(pieces))
    return replace(unit, text=text)


def named_opening(doc: Doc, units: Sequence[Unit], head: int) -> list[Unit]:
    """The units with names restored in the first ``head`` of them (the opening)."""
    return [restore_names(doc, u) for u in units[:head]] + list(units[head:])
