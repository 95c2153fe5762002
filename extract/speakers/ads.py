"""Sponsor reads: cue phrases scored per unit, smoothed by a sticky two-state HMM.

An ad read is a stretch of units with sponsor cues ("brought to you by", "use
code", "go to x.com", "sponsor"); single cues inside an answer are not enough
because entering an ad is rare and an ad lasts several units.

>>> from extract.speakers.units import Unit
>>> texts = ["We trained it.", "This episode is brought to you by Acme.",
...          "Go to acme.com and use code POD for 20% off.", "Anyway, back to RL?"]
>>> detect_ads([Unit(0, 1, t) for t in texts])
[False, True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from extract.speakers.hmm import posteriors
from extract.speakers.units import Unit

_STRONG = re.compile(
    r"brought to you by|sponsor(ed|s)?\b|promo code|use (the )?code|discount code|"
    r"\b(today's|this episode's|our) (sponsor|partner)|free trial|\d+% off|"
    r"go to \S+\.(com|ai|io|co|org|net)\b|link in the (description|show notes)|"
    r"advertis(e|ing|ement)|special offer",
    re.I,
)
_WEAK = re.compile(
    r"\b[a-z0-9-]+\.(com|ai|io|co|org|net)\b|\bsign up\b|\bcheck (it|them) out\b|\bcustomers?\b|"
    r"\bpricing\b|\bproduct\b|\bplatform\b|\bteams? (use|love)\b|\bget started\b|\bvisit\b|"
    r"\bsubscribe\b|\bfor free\b|\bsave\b|\bdownload\b",
    re.I,
)
ENTER = 0.002  # prior probability that an ad starts at a unit
STAY = 0.88  # probability an ad continues to the next unit


def ad_scores(units: Sequence[Unit]) -> list[float]:
    """Log-likelihood ratio (ad vs content) of each unit from its cues."""
    out: list[float] = []
    for u in units:
        strong = len(_STRONG.findall(u.text))
        weak = len(_WEAK.findall(u.text))
        question = u.text.rstrip().endswith("?")
        out.append(4.0 * min(strong, 2) + 1.2 * min(weak, 2) - 0.6 - 2.5 * question)
    return out


def detect_ads(units: Sequence[Unit]) -> list[bool]:
    """Which units are sponsor reads: the file's flags where given, else cues."""
    if units and all(u.ad is not None for u in units):
        return [bool(u.ad) for u in units]
    if not units:
        return []
    llr = np.array(ad_scores(units))
    emit = np.stack([np.zeros(len(units)), llr], axis=1)
    change = np.empty((len(units), 2))
    change[:, 0] = np.log(ENTER / (1 - ENTER))
    change[:, 1] = np.log((1 - STAY) / STAY)
    start = np.log(np.array([1 - ENTER, ENTER]))
    post = posteriors(emit, change, start)
    flags = [bool(p > 0.5) for p in post[:, 1]]
    return [f if u.ad is None else bool(u.ad) for f, u in zip(flags, units, strict=True)]
