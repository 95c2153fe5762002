"""The one definition of free-text matching and scoring, shared by every store.

>>> words("Pre-training, RLHF!")
['pre', 'training', 'rlhf']
>>> matches(["rl"], "RLHF works")
True
>>> score("rlhf", "RLHF")
3.0
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[0-9a-z]+")
KIND_ORDER = {"Concept": 0, "Person": 1, "Episode": 2, "Claim": 3}


def words(text: str) -> list[str]:
    """Lower-case alphanumeric words of a text."""
    return _WORD.findall(text.lower())


def matches(query_words: list[str], field: str) -> bool:
    """True when every query word starts some word of ``field``."""
    if not query_words:
        return False
    fw = words(field)
    return all(any(w.startswith(q) for w in fw) for q in query_words)


def score(query: str, label: str) -> float:
    """3 for the same words, 2 when the label starts with the query, else 1."""
    q, lab = words(query), words(label)
    if q == lab:
        return 3.0
    if lab[: len(q)] == q:
        return 2.0
    return 1.0
