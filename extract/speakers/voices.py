"""Known voices: the word use of a show's recurring speakers, learnt from its labelled episodes.

Co-hosts share the asking and the explaining, so one episode alone rarely tells them
apart (see ``cohosts``). Across episodes each keeps their own habits of speech, and
a show's labelled episodes in the store say who said what. Each person's word counts
give a naive-Bayes log-odds per unit between two known speakers, tempered by
``WEIGHT``. It is used only when both decoded speakers have enough words on record:
a known host against an unknown guest pits one person against a whole topic and
misleads more than it helps.

>>> v = Voices({"Ann": {"basically": 40, "data": 60}, "Bo": {"honestly": 40, "data": 60}})
>>> odds = v.log_odds(["Basically, data.", "Honestly, data."], "Ann", "Bo")
>>> bool(odds[0] > 0 > odds[1])
True
>>> v.log_odds(["Hi."], "Ann", "Cy") is None
True
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from extract.speakers.hmm import Array
from extract.speakers.name_forms import same_person
from extract.speakers.word_use import words

WEIGHT = 0.5  # tempers the naive-Bayes sum: a unit's words are not independent evidence
MIN_WORDS = 50  # fewer words on record than this make no voice
POOL_WORDS = 500.0  # pseudo-words of the pooled voices a voice is smoothed toward in ``fit``


class Voices:
    """Word counts per known speaker name."""

    def __init__(self, counts: Mapping[str, Mapping[str, int]]) -> None:
        self.counts = {name: Counter(c) for name, c in counts.items() if sum(c.values()) >= MIN_WORDS}
        self.vocab = len({w for c in self.counts.values() for w in c}) or 1

    @classmethod
    def from_turns(cls, turns: Iterable[tuple[str, str]]) -> Voices:
        """Voices counted from (speaker name, text) pairs; one person's names ("Jane Doe",
        "Jane B. Doe") count as one voice, under the longest of them.

        >>> v = Voices.from_turns([("Jane Doe", "hi " * 30), ("Jane B. Doe", "yo " * 30), ("Bo", "ok")])
        >>> {name: sum(c.values()) for name, c in v.counts.items()}
        {'Jane B. Doe': 60}
        """
        said: dict[str, Counter[str]] = {}
        for name, text in turns:
            said.setdefault(name, Counter()).update(words(text))
        counts: dict[str, Counter[str]] = {}
        for name in sorted(said, key=len, reverse=True):
            key = next((k for k in counts if same_person(name, k) or same_person(k, name)), name)
            counts.setdefault(key, Counter()).update(said[name])
        return cls(counts)

    def _find(self, name: str) -> str | None:
        return next((k for k in self.counts if name and same_person(name, k)), None)

    def log_odds(self, texts: Sequence[str], a: str, b: str, weight: float = WEIGHT) -> Array | None:
        """Per text, the tempered log-odds that ``a`` rather than ``b`` said it; None
        unless both have a voice on record. Both voices count at the size of the smaller
        record."""
        ka, kb = self._find(a), self._find(b)
        if ka is None or kb is None or ka == kb:
            return None
        ca, cb = self.counts[ka], self.counts[kb]
        # The voice recorded from more words counts at the other's size: it has heard more
        # of the rare words, and each would otherwise be evidence for it in any text.
        ta, tb = sum(ca.values()), sum(cb.values())
        sa, sb = min(1.0, tb / ta), min(1.0, ta / tb)
        na, nb = sa * ta + self.vocab, sb * tb + self.vocab

        def ratio(w: str) -> float:
            # A word neither has said is no evidence (smoothing alone would favour the
            # one with fewer words on record).
            if not (ca[w] or cb[w]):
                return 0.0
            return math.log((sa * ca[w] + 1) / na) - math.log((sb * cb[w] + 1) / nb)

        return np.array([weight * sum(ratio(w) for w in words(t)) for t in texts])

    @functools.cached_property
    def pool(self) -> Counter[str]:
        """Everyone's words on record together."""
        pool: Counter[str] = Counter()
        for c in self.counts.values():
            pool.update(c)
        return pool

    def fit(self, texts: Sequence[str], name: str, strength: float = POOL_WORDS) -> float | None:
        """Mean log-likelihood per word of ``texts`` under ``name``'s voice, smoothed toward
        the pooled voices of everyone on record (``strength`` pseudo-words), so a voice with
        fewer words on record is not penalised for the words it has not yet been heard say;
        None without a voice for ``name``.

        >>> v = Voices({"Ann": {"tides": 40, "the": 40}, "Bo": {"ferries": 40, "the": 40}})
        >>> v.fit(["the tides"], "Ann") > v.fit(["the tides"], "Bo")
        True
        """
        key = self._find(name)
        if key is None:
            return None
        own, pool = self.counts[key], self.pool
        total, size = sum(pool.values()), sum(own.values())
        said = [w for t in texts for w in words(t)]
        if not said:
            return None
        rate = ((own[w] + strength * (pool[w] + 1) / (total + self.vocab)) / (size + strength) for w in said)
        return sum(math.log(r) for r in rate) / len(said)


def regulars(voices: Mapping[str, Mapping[str, int]]) -> list[str]:
    """The show's speakers on record: those with enough words for a voice.

    >>> regulars({"Ann": {"data": 60}, "Bo": {"hi": 3}})
    ['Ann']
    """
    return list(Voices(voices).counts)
