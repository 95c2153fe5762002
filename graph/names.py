"""When two spellings of a full name are one person despite speech-recognition errors."""

from __future__ import annotations

import re

import jellyfish
from rapidfuzz import fuzz

from graph.ids import normalise_name

# Lower-case words inside a name ("Ludwig van Beethoven", "Maria de la Cruz", "José Ortega y Gasset").
NAME_PARTICLES = (
    *("de", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "van", "von"),
    *("der", "den", "ten", "ter", "zu", "al", "bin", "ibn", "y"),
)
# A nickname in parentheses or quotes inside a name ("Elizabeth (Jake) Feinler").
_NICKNAME = re.compile(r" [(\"“][A-Z][\w'’-]*[)\"”](?= [A-Z])")
SURNAME_RATIO = 85.0  # any surname
LONG_SURNAME_RATIO = 75.0  # surnames of six letters or more: more room for mis-hearing


def same_person(a: str, b: str) -> bool:
    """True when two full names plausibly name one person despite mis-hearing.

    >>> same_person("Ilya Satsgever", "Ilya Sutskever"), same_person("Ilya Sutskever", "Ilya Smith")
    (True, False)
    >>> same_person("Ann (Jo) Lee", "Ann Lee"), same_person("Ann (Jo) Lee", "Ann Jo Lee")
    (True, False)
    """
    ta, tb = (normalise_name(without_nickname(n)).split() for n in (a, b))
    if len(ta) < 2 or len(tb) < 2 or ta[0] != tb[0]:
        return ta == tb
    sa, sb = " ".join(ta[1:]), " ".join(tb[1:])
    if sa == sb:
        return True
    ratio = fuzz.ratio(sa, sb)
    if ratio >= SURNAME_RATIO or (min(len(sa), len(sb)) >= 6 and ratio >= LONG_SURNAME_RATIO):
        return True
    return len(sa) >= 5 and jellyfish.metaphone(sa) == jellyfish.metaphone(sb)


def without_nickname(text: str) -> str:
    """``text`` without the nickname inside a name in it ("Jane (Jo) Doe" → "Jane Doe").

    >>> without_nickname('Oral History of Jane (Jo) Doe'), without_nickname('Jane Doe (Acme) - Tides')
    ('Oral History of Jane Doe', 'Jane Doe (Acme) - Tides')
    """
    return _NICKNAME.sub("", text)
