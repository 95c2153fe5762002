"""Salience: which candidate groups are concepts a listener would pick.

A group's score grows with its mentions (log) and its spread over the episode
(how many of twenty equal stretches of the text mention it), weighted by what
vouches for it: a vocabulary term, a named entity, an acronym or a multi-word
technical phrase weigh more than a single common noun. Groups made only of generic
words ("a lot", "the thing", "little bit") score zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Protocol

from extract.concepts.background import specificity
from extract.concepts.normalise import is_acronym
from extract.concepts.vocabulary import Term, generic_words

WINDOWS = 20
WORDS_PER_CONCEPT = 120  # keep about one concept per this many words of transcript
MIN_KEEP = 20
DESCRIBED = 0.5  # weight of a phrase led by an everyday adjective, relative to a compound
RARE_MODIFIER = 0.6  # a modifier this specific can make a concept of a generic head
SINGLE = 0.5  # weight of a fully specific single word said three times (or twice close together)


class GroupLike(Protocol):
    """What salience and fuzzy folding read of a group of concept candidates."""

    term: Term | None

    @property
    def forms(self) -> Mapping[str, int]: ...

    @property
    def kinds(self) -> Mapping[str, int]: ...

    @property
    def sources(self) -> Mapping[str, int]: ...

    @property
    def spans(self) -> set[tuple[int, int]]: ...


def _content_words(form: str) -> list[str]:
    return [w for w in form.lower().replace("-", " ").split() if w.isalnum() or "'" in w]


def salience(g: GroupLike, text_len: int) -> float:
    """Salience score of a group (0 when it is no concept)."""
    mentions = len(g.spans)
    if not mentions:
        return 0.0
    form = max(g.forms.items(), key=lambda kv: kv[1])[0]
    windows = {min(WINDOWS - 1, a * WINDOWS // max(1, text_len)) for a, _ in g.spans}
    spread = len(windows)
    generic = generic_words()
    words = _content_words(form)
    named = any(k in ("person", "organization", "product") for k in g.kinds)
    if g.term is not None:
        weight = 3.0
    elif g.sources.get("pattern") or g.sources.get("name"):
        weight = 2.0
    elif any(is_acronym(f) for f in g.forms):
        weight = 2.0 if mentions >= 2 else 1.0  # an unknown acronym said once is often misheard
    elif named:
        weight = 2.0 if mentions >= 2 else 1.0  # a name the tagger saw once may be a mis-tag
    elif g.kinds:
        weight = 0.6  # places, nationalities, languages: usually passing examples
    else:
        if not words or all(w in generic for w in words):
            return 0.0
        if words[-1] in generic and (len(words) < 2 or all(w in generic for w in words[:-1])):
            return 0.0
        described = g.sources.get("described", 0) * 2 > sum(g.sources.values())
        if words[-1] in generic and described and max(specificity(w) for w in words[:-1]) < RARE_MODIFIER:
            return 0.0  # "open question", "fundamental problem": a description, not a concept
        known = bool(g.sources.get("known_word"))  # built on a known term: "iterative SFT"
        if len(words) >= 2:
            weight = (1.0 + 0.5 * known) if mentions >= 2 else 0.5 * known
            if described:
                weight *= DESCRIBED  # mostly said as "useful thing", "reasonable behavior"
        else:
            # A single word is a concept when it is specific (rare in general English)
            # and said more than once.
            spec = specificity(words[0]) if words[0].isalpha() else 0.0
            weight = SINGLE * (0.5 + spec) if mentions >= 3 else 0.0
            if mentions >= 3 * spread:
                weight *= 2.0  # bursty: one stretch of the episode is about it
    # Topical words are bursty: repeated within a stretch counts, spread counts more.
    return weight * math.log1p(mentions) * (1.0 + 0.5 * math.sqrt(spread))


def keep_count(n_words: int, n_groups: int) -> int:
    """How many of the ranked groups to keep for a transcript of ``n_words`` words."""
    return min(n_groups, max(MIN_KEEP, round(n_words / WORDS_PER_CONCEPT)))
