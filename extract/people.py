"""Usual spellings of well-known people's names, for names speech recognition mangled.

The shipped list is ``extract/data/people.tsv``; ``PODGRAPH_PEOPLE`` adds files in the
same format. A name is matched when it equals a known name or spelling once
normalised, or when the first names agree and the surnames are close in spelling or
sound (rapidfuzz ratio, Metaphone).

>>> canonical_person("Ilya Sotskever")
'Ilya Sutskever'
>>> canonical_person("Jane Placeholder")
'Jane Placeholder'
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from extract.concepts.background import zipf
from extract.concepts.vocabulary import default_vocabulary, generic_words
from graph.ids import normalise_name
from graph.names import same_person

RARE_FIRST_NAME_ZIPF = 3.6  # a first name more common than this is too ambiguous alone
COMMON_SURNAME_ZIPF = 4.6  # a last word more frequent than this in English is not a surname
SHIPPED = Path(__file__).resolve().parent / "data" / "people.tsv"
ENV = "PODGRAPH_PEOPLE"


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> dict[str, str]:
    """Normalised spelling → usual name."""
    known: dict[str, str] = {}
    for path in paths:
        for raw in Path(path).read_text(encoding="utf-8").splitlines():
            if not raw.strip() or raw.startswith("#"):
                continue
            name, _, rest = raw.partition("\t")
            for form in (name, *rest.split("|")):
                if form.strip():
                    known.setdefault(normalise_name(form), name.strip())
    return known


def _paths() -> tuple[str, ...]:
    extra = tuple(p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip())
    return (str(SHIPPED), *extra)


def known_people() -> dict[str, str]:
    """The shipped list plus the files named in ``PODGRAPH_PEOPLE``."""
    return _load(_paths())


def unique_first_names() -> dict[str, str]:
    """Known people's first names that belong to one known person only.

    >>> unique_first_names()["ilya"]
    'Ilya Sutskever'
    """
    return _first_names(_paths())


@lru_cache(maxsize=4)
def _first_names(paths: tuple[str, ...]) -> dict[str, str]:
    owners: dict[str, set[str]] = {}
    for usual in set(_load(paths).values()):
        parts = normalise_name(usual).split()
        if len(parts) >= 2:
            owners.setdefault(parts[0], set()).add(usual)
    return {first: next(iter(names)) for first, names in owners.items() if len(names) == 1}


def full_name(name: str) -> str:
    """A lone first name completed to the one known person who has it, when the first
    name is rare in English ("Ilya" → "Ilya Sutskever"); any other name unchanged.

    >>> full_name("Ilya"), full_name("Max"), full_name("Jane Doe")
    ('Ilya Sutskever', 'Max', 'Jane Doe')
    """
    words = name.split()
    if len(words) != 1:
        return name
    key = words[0].lower()
    usual = unique_first_names().get(key)
    if usual is None or zipf(key) >= RARE_FIRST_NAME_ZIPF or default_vocabulary().lookup(words[0]):
        return name
    return usual


_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")


def first_name_mentions(
    text: str, speakers: Sequence[str], others: Sequence[str] = ()
) -> dict[str, list[tuple[int, int]]]:
    """Known people named by their first name alone: usual name → character spans.

    A first name counts when it is rare in English, is not itself a known term (a
    product called like a person), belongs to one known person, and no speaker of
    the episode nor another person named in it (``others``) shares it.

    >>> first_name_mentions("There is a talk by Ilya on that.", ["Ann Lee"])
    {'Ilya Sutskever': [(19, 23)]}
    """
    taken = {normalise_name(s).split()[0] for s in [*speakers, *others] if normalise_name(s)}
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _CAPITALISED.finditer(text):
        key = m.group(0).lower()
        usual = full_name(m.group(0))
        if usual == m.group(0):
            continue
        if key in taken and canonical_person(usual) not in others:
            continue
        after = text[m.end() : m.end() + 1 + len(usual)]
        surname = usual.split(" ", 1)[1]
        if after.startswith(" ") and after[1:].lower().startswith(surname.lower()[:3]):
            continue  # the full name is said here; the concept finder sees it
        found.setdefault(usual, []).append((m.start(), m.end()))
    return found


def looks_like_person(name: str) -> bool:
    """A known person, or two to four capitalised words ending in a rare word (a name's shape)
    with none of them a word too vague to name anything ("Podcast", "Show").

    >>> [looks_like_person(n) for n in ("Noam Chomsky", "App Store", "Max", "f(x", "Lenny Podcast")]
    [True, False, False, False, False]
    >>> looks_like_person("The Zindlebrot")  # an article opens no one's name
    False
    """
    if normalise_name(name) in known_people():
        return True
    words = name.split()
    vague = generic_words()
    return (
        2 <= len(words) <= 4
        and words[0].lower() not in _DETERMINERS
        and all(_NAME_WORD.fullmatch(w) for w in words)
        and zipf(words[-1]) < COMMON_SURNAME_ZIPF
        and not any(w.lower().removesuffix("'s") in vague for w in words)
    )


RARE_SURNAME_ZIPF = 3.0  # a surname this rare in English makes a bare name a person's, not a topic
_DETERMINERS = frozenset(
    ("the", "a", "an", "my", "our", "your", "his", "her", "their", "its", "this", "that")
)
# Letters of names in Latin script, accented ones too ("José", "Löh", "Pățan"); the
# Latin Extended-A range holds both cases.
UPPER = "A-ZÀ-ÖØ-ÞĀ-ſȘ-ț"
LETTERS = "a-zA-ZÀ-ÖØ-öø-ÿĀ-ſȘ-ț"
_NAME_WORD = re.compile(rf"[{UPPER}][{LETTERS}'\-.]*")


def canonical_person(name: str) -> str:
    """The usual spelling of a well-known person's name, else the name as given."""
    known = known_people()
    exact = known.get(normalise_name(name))
    if exact:
        return exact
    hits = {usual for form, usual in known.items() if same_person(name, form)}
    return hits.pop() if len(hits) == 1 else name
