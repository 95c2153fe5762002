"""Known voices: two records of different sizes are compared on equal terms."""

from __future__ import annotations

from collections import Counter

import numpy as np

from extract.speakers.voices import Voices

# A made-up vocabulary with a long tail of rare words, as speech has.
VOCAB = ["z" + "".join("abcdefghijklmnopqrst"[int(d)] for d in f"{i:04d}") for i in range(3000)]
RATES = 1.0 / np.arange(1, len(VOCAB) + 1)
RATES /= RATES.sum()


def _speech(rng: np.random.Generator, n: int) -> str:
    return " ".join(rng.choice(VOCAB, size=n, p=RATES))


def test_a_voice_recorded_from_more_words_is_not_favoured_by_every_text() -> None:
    rng = np.random.default_rng(7)
    # One way of speaking, recorded from 10,000 words for Ann and 4,000 for Bo. Counted
    # as they were, the records gave Ann about four texts in five (log-odds +0.7 a text).
    voices = Voices({"Ann Lee": _count(_speech(rng, 10_000)), "Bo Chen": _count(_speech(rng, 4_000))})
    texts = [_speech(rng, 15) for _ in range(300)]
    odds = voices.log_odds(texts, "Ann Lee", "Bo Chen")
    assert odds is not None
    assert 0.35 < float(np.mean(odds > 0)) < 0.68
    assert abs(float(np.mean(odds))) < 0.4


def test_voices_of_different_sizes_still_tell_two_ways_of_speaking_apart() -> None:
    rng = np.random.default_rng(11)
    ann, bo = _speech(rng, 10_000), _speech(rng, 4_000)
    voices = Voices({"Ann Lee": _count(ann + " basically" * 200), "Bo Chen": _count(bo + " honestly" * 80)})
    odds = voices.log_odds([_speech(rng, 14) + " basically", _speech(rng, 14) + " honestly"], "Ann Lee", "Bo Chen")
    assert odds is not None
    assert odds[0] > 0 > odds[1]


def _count(text: str) -> Counter[str]:
    return Counter(text.split())
