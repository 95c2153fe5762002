"""Sponsor reads: cue phrases and off-topic words per unit, smoothed by a sticky two-state HMM.

An ad read is a stretch of units with sponsor cues ("brought to you by", "use
code", "go to x.com", "sponsor", a call to action at a web address, "all right, back
to the show" closing it); single cues inside an answer are not enough
because entering an ad is rare and an ad lasts several units.

Cues alone miss the part of a read that sounds like talk ("last winter my knee
ached, so I tried …" before "order yours at x.com"). Such a part is off topic: its words
occur nowhere else in the episode (``local_words``), which is weak evidence for an
ad (``novelty_scores``); the HMM's backward pass carries a read from its cue back
over it. Off-topic words never make an ad on their own: a read ends after a closer
("back to the show", "thanks to X for sponsoring", a call to action at a web
address), before an opener ("brought to you by", "hey everybody, real quick") and
at a change of the file's speaker label, and each read must hold a strong cue.

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
from spacy.lang.en.stop_words import STOP_WORDS

from extract.speakers.hmm import posteriors
from extract.speakers.units import Unit

_TLD = r"\.(com|ai|io|co|org|net)\b"
_AUDIENCE = r"\b(hey|hi|hello),? (everybody|everyone|folks|guys)\b"
_BACK = r"\b(all right|alright|okay|ok|anyways?|now|and),? back to (the )?\w+"
_VISIT = rf"\b(go|head( on)?( over)?) to \S+{_TLD}"
# Cues that start a read: nothing before them belongs to it. Greeting the audience
# opens the show itself too, so a read must also hold one of the others.
_READ_OPENS = (
    r"\b(brought|presented) to you by|\b(presented|sponsored|supported) by\b|"
    r"^\W*(\w+\W+){0,3}(real|super) quick\b|\bquick (break|word)\b|"
    r"\b(a|short|quick) word from\b|\b(i want to|let me) tell you about\b|\b(today's|this episode's|our) "
    r"(sponsor|partner)|\b(do|doing|run|running) (a few minutes of |some )?ads\b"
)
_OPENS = rf"{_AUDIENCE}|{_READ_OPENS}"
_OPENER = re.compile(_OPENS, re.I)
# Cues that end a read: nothing after them belongs to it.
_CLOSER = re.compile(
    rf"{_BACK}|{_VISIT}|\bat \S+{_TLD}|\bfor (sponsoring|supporting)\b|"
    r"\b(here's|here is) (my|our) (conversation|interview|chat) with\b",
    re.I,
)
_SPONSOR = (
    rf"{_BACK}|{_VISIT}|\bthat's \S+{_TLD}|\b[a-z0-9-]+{_TLD}/[a-z0-9-]+|"
    r"sponsor(ed|s|ing|ship)?\b|\bpresenting (sponsor|partner)|promo code|use (the )?code|discount code|"
    r"free trial|\d+% off|advertis(e|ing|ement)|special offer|"
    r"\b(learn more|find out more|(pre-?)?order|sign up|get started|try it)\b[^.?!]{0,60}"
    rf"\bat \S+{_TLD}|\blinks? (is |are )?in the (description|show notes)\b|"
    r"\bhope you enjoyed (this|that|the|our|my) (episode|conversation|interview|show)\b|"
    r"\b(is|are|we're) hiring\b|\bopen (roles|positions)\b|"
    r"\bif you('re| are)? ?(want|'d like|would like|interested|ready)\b[^.?!]{0,80}, (then )?"
    r"(you (should|can|could) )?(just )?(check out|head|go to|visit|try|sign up|(pre-?)?order|download)\b"
)
_STRONG = re.compile(rf"{_OPENS}|{_SPONSOR}", re.I)
_ANCHOR = re.compile(rf"{_READ_OPENS}|{_SPONSOR}", re.I)  # what every read holds
_WEAK = re.compile(
    r"\b[a-z0-9-]+\.(com|ai|io|co|org|net)\b|\bsign up\b|\bcheck (it|them) out\b|\bcustomers?\b|"
    r"\bpricing\b|\bproduct\b|\bplatform\b|\bteams? (use|love)\b|\bget started\b|\bvisit\b|"
    r"\bsubscribe\b|\bfor free\b|\bsave\b|\bdownload\b",
    re.I,
)
_DOMAIN = re.compile(r"\b(?:www\.)?([a-z0-9-]+)\.(?:com|ai|io|co|org|net)\b", re.I)
_BRAND_PREFIX = re.compile(r"^(my|get|try|use|go|join|the)(?=[a-z]{3})")
_WORD = re.compile(r"[a-z][a-z0-9']+")
ENTER = 0.002  # prior probability that an ad starts at a unit
STAY = 0.93  # probability an ad continues to the next unit
CONTENT = 0.4  # log-odds a unit without cues gives against an ad
BRAND = 1.5  # log-odds a mention of the brand whose web address a read gives
BRAND_BEFORE, BRAND_AFTER = 20, 2  # units around the address where the brand is looked for
WINDOW = 15  # units either side beyond which a word's use makes it part of the episode's topics
LOCAL_RATIO = 2.0  # how much likelier a word is local in an ad than in the conversation


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


def _content_words(text: str) -> set[str]:
    words = {w.split("'")[0] for w in _WORD.findall(text.lower())}
    return {w[:-1] if len(w) > 4 and w.endswith("s") else w for w in words if len(w) > 2} - STOP_WORDS


def local_words(units: Sequence[Unit], window: int = WINDOW) -> list[tuple[int, int]]:
    """Per unit, (its content words used only within ``window`` units of it, its content words).

    A conversation keeps coming back to its topics; an ad read talks about things
    the rest of the episode never mentions.

    >>> texts = ["Models learn.", "Models scale.", "Quillo stores notes.", "Models learn more."]
    >>> local_words([Unit(0, 1, t) for t in texts], window=1)
    [(0, 2), (1, 2), (3, 3), (0, 2)]
    """
    words = [_content_words(u.text) for u in units]
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    for i, ws in enumerate(words):
        for w in ws:
            first.setdefault(w, i)
            last[w] = i
    return [
        (sum(1 for w in ws if first[w] >= i - window and last[w] <= i + window), len(ws))
        for i, ws in enumerate(words)
    ]


def novelty_scores(units: Sequence[Unit], window: int = WINDOW) -> list[float]:
    """Log-likelihood ratio (ad vs content) of each unit from how local its words are.

    A content word is local with the episode's own rate ``q`` in conversation and
    with ``LOCAL_RATIO * q`` in an ad, each word an independent draw.

    >>> texts = ["Models learn.", "Models scale.", "Quillo stores notes.", "Models learn more."]
    >>> [round(x, 1) for x in novelty_scores([Unit(0, 1, t) for t in texts], window=1)]
    [-3.2, -0.9, 2.1, -3.2]
    """
    counts = local_words(units, window)
    total = sum(n for _, n in counts)
    if not total:
        return [0.0] * len(units)
    q = min(max(sum(k for k, _ in counts) / total, 0.01), 0.45)
    p = min(LOCAL_RATIO * q, 0.95)
    hit, miss = float(np.log(p / q)), float(np.log((1 - p) / (1 - q)))
    return [k * hit + (n - k) * miss for k, n in counts]


def ad_scores(units: Sequence[Unit]) -> list[float]:
    """Log-likelihood ratio (ad vs content) of each unit from its cues."""
    out: list[float] = []
    for u, brand in zip(units, brand_mentions(units), strict=True):
        strong = len(_STRONG.findall(u.text))
        weak = len(_WEAK.findall(u.text))
        question = u.text.rstrip().endswith("?")
        out.append(4.0 * min(strong, 2) + 1.2 * min(weak, 2) + BRAND * brand - CONTENT - 2.5 * question)
    return out


def anchored_reads(flags: Sequence[bool], units: Sequence[Unit]) -> list[bool]:
    """Keep the flagged reads that hold a strong cue other than greeting the audience.

    A read ends before an opener, after its last closer (closers come in a row:
    "go to x.com", "thanks to X for sponsoring", "back to the show") and where
    the file's speaker label changes.

    >>> texts = ["Quillo stores notes.", "It is brought to you by Quillo.", "Okay, back to the show.",
    ...          "Rivers flood in spring."]
    >>> anchored_reads([True] * 4, [Unit(0, 1, t) for t in texts])
    [False, True, True, False]
    """
    out = list(flags)
    closes = [bool(flag and _CLOSER.search(u.text)) for flag, u in zip(flags, units, strict=True)]
    i = 0
    while i < len(units):
        if not flags[i]:
            i += 1
            continue
        j = i + 1
        while (
            j < len(units)
            and flags[j]
            and units[j].label == units[j - 1].label
            and not _OPENER.search(units[j].text)
            and not (closes[j - 1] and not closes[j])
        ):
            j += 1
        if not any(_ANCHOR.search(u.text) for u in units[i:j]):
            out[i:j] = [False] * (j - i)
        i = j
    return out


def detect_ads(units: Sequence[Unit]) -> list[bool]:
    """Which units are sponsor reads: the file's flags where given, else cues and off-topic words."""
    if units and all(u.ad is not None for u in units):
        return [bool(u.ad) for u in units]
    if not units:
        return []
    llr = np.array(ad_scores(units)) + np.array(novelty_scores(units))
    emit = np.stack([np.zeros(len(units)), llr], axis=1)
    change = np.empty((len(units), 2))
    change[:, 0] = np.log(ENTER / (1 - ENTER))
    change[:, 1] = np.log((1 - STAY) / STAY)
    start = np.log(np.array([1 - ENTER, ENTER]))
    post = posteriors(emit, change, start)
    flags = anchored_reads([bool(p > 0.5) for p in post[:, 1]], units)
    return [f if u.ad is None else bool(u.ad) for f, u in zip(flags, units, strict=True)]
