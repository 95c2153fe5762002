"""General-English word frequency, the background that tells specific words from generic ones.

Uses the ``wordfreq`` package's small English list (shipped inside the package, read
offline, once). Without ``wordfreq`` every word gets the neutral ``UNKNOWN_ZIPF`` and
salience falls back on the transcript's own counts.

>>> 0.0 <= specificity("the") < specificity("tokenizer") <= 1.0
True
"""

from __future__ import annotations

import math
from functools import lru_cache

NEUTRAL = 4.0  # Zipf value used when no background is installed
COMMON = 5.2  # at or above this Zipf frequency a word is not specific at all
RARE = 3.2  # at or below it (or unknown), fully specific


@lru_cache(maxsize=1)
def _table() -> dict[str, float] | None:
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - optional dependency missing
        return None
    return get_frequency_dict("en", "small")


def zipf(word: str) -> float:
    """Zipf frequency of a lower-cased word (0 when unknown, ``NEUTRAL`` without a background)."""
    table = _table()
    if table is None:
        return NEUTRAL
    f = table.get(word.lower())
    return math.log10(f) + 9.0 if f else 0.0


def specificity(word: str) -> float:
    """0 for everyday words, 1 for rare or unknown ones, linear in between."""
    w = word.lower()
    z = max(zipf(w), zipf(w[:-1]) if w.endswith("s") and len(w) > 3 else 0.0)
    return max(0.0, min(1.0, (COMMON - z) / (COMMON - RARE)))
