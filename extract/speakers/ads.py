"""Sponsor reads: cue phrases scored per unit, smoothed by a sticky two-state HMM.

An ad read is a stretch of units with sponsor cues ("brought to you by", "use
code", "go to x.com", "sponsor", a call to action at a web address, "all right, back
to the show" closing it); single cues inside an answer are not enough
because entering an ad is rare and an ad lasts several units.

>>> from extract.speakers.units import Unit
>>> texts = ["We trained it.", "This episode is brought to you by Acme.",
...          "Go to acme.com and use code POD for 20% off.", "All right, back to the show.",
...          "So what about RL?"]
>>> detect_ads([Unit(0, 1, t) for t in texts])
[False, True, True, True, False]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from extract.speakers.hmm import posteriors
from extract.speakers.units import Unit

_STRONG = re.compile(
    r"brought to you by|sponsor(ed|s|ing|ship)?\b|promo code|use (the )?code|discount code|"
    r"\b(i want to|let me) tell you about\b|\ba (quick )?word from\b|"
    r"\b(learn more|find out more|pre-?order|sign up|get started|try it)\b[^.?!]{0,60}"
    r"\bat \S+\.(com|ai|io|co|org|net)\b|"
    r"\b(all right|alright|okay|ok|anyways?|now),? back to (the )?\w+|"
    r"\b(today's|this episode's|our) (sponsor|partner)|free trial|\d+% off|"
    r"go to \S+\.(com|ai|io|co|org|net)\b|link in the (description|show notes)|"
    r"\b[a-z0-9-]+\.(com|ai|io|co|org|net)/[a-z0-9-]+|"
    r"advertis(e|ing|ement)|special offer",
    re.I,
)
_WEAK = re.compile(
    r"\b[a-z0-9-]+\.(com|ai|io|co|org|net)\b|\bsign up\b|\bcheck (it|them) out\b|\bcustomers?\b|"
    r"\bpricing\b|\bproduct\b|\bplatform\b|\bteams? (use|love)\b|\bget started\b|\bvisit\b|"
    r"\bsubscribe\b|\bfor free\b|\bsave\b|\bdownload\b",
    re.I,
)
_DOMAIN = re.compile(r"\b(?:www\.)?([a-z0-9-]+)\.(?:com|ai|io|co|org|net)\b", re.I)
_BRAND_PREFIX = re.compile(r"^(my|get|try|use|go|join|the)(?=[a-z]{3})")
ENTER = 0.002  # prior probability that an ad starts at a unit
STAY = 0.93  # probability an ad continues to the next unit
CONTENT = 0.4  # log-odds a unit without cues gives against an ad
BRAND = 1.5  # log-odds a mention of the brand whose web address a read gives
BRAND_BEFORE, BRAND_AFTER = 20, 2  # units around the address where the brand is looked for


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def brand_mentions(units: Sequence[Unit]) -> list[bool]:
    """Units naming a brand whose web address is given nearby ("command bar" … commandbar.com).

    An ad read names what it advertises again and again, then gives its address.

    >>> texts = ["We like RL.", "Quillo keeps notes for you.", "Quillo is fast.", "See quillo.com."]
    >>> brand_mentions([Unit(0, 1, t) for t in texts])
    [False, True, True, True]
    """
    squashed = [_squash(u.text) for u in units]
    out = [False] * len(units)
    for i, u in enumerate(units):
        for m in _DOMAIN.finditer(u.text):
            brand = _BRAND_PREFIX.sub("", m.group(1).lower().replace("-", ""))
            if len(brand) < 4:
                continue
            for j in range(max(0, i - BRAND_BEFORE), min(len(units), i + BRAND_AFTER + 1)):
                if brand in squashed[j]:
                    out[j] = True
    return out


def ad_scores(units: Sequence[Unit]) -> list[float]:
    """Log-likelihood ratio (ad vs content) of each unit from its cues."""
    out: list[float] = []
    for u, brand in zip(units, brand_mentions(units), strict=True):
        strong = len(_STRONG.findall(u.text))
        weak = len(_WEAK.findall(u.text))
        question = u.text.rstrip().endswith("?")
        out.append(4.0 * min(strong, 2) + 1.2 * min(weak, 2) + BRAND * brand - CONTENT - 2.5 * question)
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
