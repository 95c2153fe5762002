"""Claim typing, certainty from hedges, and prediction horizons.

>>> classify("I think models will get much better in five years.")
'prediction'
>>> classify("You should run evals during training.")
'recommendation'
>>> classify("That happens because the data is noisy.")
'explanation'
>>> certainty("I think maybe it works."), certainty("It definitely works.")
(0.65, 1.0)
>>> horizon("even in one or two years, we'll see"), horizon("in one or two years", "2024-05-15")
('1-2 years', '1-2 years (2025-2026)')
"""

from __future__ import annotations

import re

_NUM = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "fifty": 50,
    "hundred": 100,
    "couple": 2,
    "few": 3,
    "several": 3,
}
_N = r"(\d+|" + "|".join(sorted(_NUM, key=len, reverse=True)) + ")"
_UNIT = r"(years?|months?|decades?|weeks?)"
_RANGE = re.compile(rf"\b{_N}(?:\s*(?:or|to|-)\s*{_N})?\s+(?:more\s+)?{_UNIT}\b", re.I)
_NEXT = re.compile(rf"\b(?:next|coming|following)\s+(?:{_N}\s+)?{_UNIT}\b", re.I)
_BY_YEAR = re.compile(r"\b(?:by|in|until|before)\s+((?:19|20)\d\d)\b", re.I)
_VAGUE = re.compile(
    r"\b(soon|near future|near term|short term|long term|medium term|eventually|in the future|"
    r"over time|pretty soon|any time soon)\b",
    re.I,
)

_PREDICT = re.compile(
    r"\b(will|won't|'ll|going to|gonna|expect|expecting|predict|forecast|likely to|"
    r"soon|next year|in the future|eventually|over time|by 20\d\d|in \w+ (?:or \w+ )?years?)\b",
    re.I,
)
_RECOMMEND = re.compile(
    r"\b(should|shouldn't|ought to|need to|needs to|have to|has to|must|recommend|"
    r"would want to|might want to|want to make sure|it's important to|it is important to|"
    r"I'd (?:really )?(?:love|like) to see|I would (?:really )?(?:love|like) to see|excited to see|"
    r"you'd want|we'd want|you would want|we would want|the right thing to do|better to)\b",
    re.I,
)
_EXPLAIN = re.compile(
    r"\b(because|since|so that|the reason|that's why|this is why|which means|that means|"
    r"by definition|in other words|the way (?:it|this|that) works|is basically|are basically|"
    r"basically|due to|as a result|leads? to|causes?|whereas|otherwise|the idea is)\b",
    re.I,
)
_OPINION = re.compile(
    r"\b(I think|I thought|I believe|I feel|I guess|I'd say|I would say|I'm not sure|I don't think|"
    r"I wouldn't|in my view|my sense|seems?|probably|maybe|I hope|I'd hope|I suspect|interesting|"
    r"hard to|easy to|important|reasonable|surprising|pretty|really|too|quite|feels?)\b",
    re.I,
)
_PAST = re.compile(
    r"\b(was|were|had|did|found|built|released|trained|realized|worked|started|decided|"
    r"happened|used to|back then|at the time|in (?:19|20)\d\d|ago|finished)\b",
    re.I,
)

_HEDGES = (
    (re.compile(r"\b(I'm not sure|I am not sure|I don't know|not certain|unclear)\b", re.I), 0.3),
    (
        re.compile(r"\b(maybe|perhaps|might|may|could|possibly|I guess|I suspect|sort of|kind of)\b", re.I),
        0.15,
    ),
    (re.compile(r"\b(probably|likely|I think|I believe|I'd say|I would say|seems?|I feel)\b", re.I), 0.1),
)
_BOOST = re.compile(r"\b(definitely|certainly|clearly|obviously|for sure|absolutely|no doubt)\b", re.I)


_ADVISE = re.compile(
    r"\b(should|shouldn't|ought to|recommend|I'd (?:really )?(?:love|like) to see|"
    r"I would (?:really )?(?:love|like) to see|excited to see|(?:you|we|I)'d want|"
    r"(?:you|we|I) would want|(?:you|we) (?:really )?(?:need|have) to|it's important to|"
    r"it is important to|the right thing to do|(?:it's|it is|it'd be|it would be) better to|"
    r"make sure|I'd suggest|I would suggest)\b",
    re.I,
)
_TIME_REF = re.compile(
    r"\b(next (?:year|decade|few|couple|month)|in (?:a|one|two|three|four|five|ten|\w+ or \w+|a few|"
    r"a couple(?: of)?) (?:more )?(?:years?|months?|decades?)|by (?:19|20)\d\d|soon|eventually|"
    r"in the future|over time|someday|one day|near term|long term|short term|at some point|"
    r"pretty soon|within \w+ (?:years?|months?))\b",
    re.I,
)
_WILL = re.compile(r"\b(will|won't|'ll|going to|gonna)\b", re.I)
_EXPECT = re.compile(r"\b(I expect|I'd expect|I would expect|predict|forecast|my guess is|I bet)\b", re.I)
_BECAUSE = re.compile(
    r"\b(because|the reason|that's why|this is why|which means|that means|by definition|"
    r"in other words|the way (?:it|this|that) works|works by|due to|as a result|so that|"
    r"(?:that's|this is|which is) because|the idea is|leads? to|since|whereas|otherwise|basically)\b",
    re.I,
)
_STANCE = re.compile(
    r"\b(I think|I thought|I believe|I feel|I guess|I'd say|I would say|I'm not sure|I don't think|"
    r"I wouldn't|in my view|my sense|I suspect|I hope|I'd hope|seems?|probably|maybe|"
    r"interesting|surprising|important|reasonable|hard to|easy to|better|worse|best|"
    r"good|bad|great|useful|promising|impressive|overrated|underrated)\b",
    re.I,
)


_FIRST_PERSON_STANCE = re.compile(
    r"\b(I think|I believe|I feel|I guess|I'd say|I would say|I'm not sure|I don't think|I wouldn't|"
    r"in my view|my sense|I suspect|I hope|I'd hope)\b",
    re.I,
)
OPENING = 40  # characters: a stance said this early frames the whole claim as an opinion


def classify(text: str) -> str:
    """Type of a claim: prediction | recommendation | explanation | fact | opinion.

    Cues are tried in order: advice (should, we need to, I'd recommend); a prediction
    (future with a time reference, or an explicit expectation); an explanation
    (because, the reason, works by) unless it opens with the speaker's stance ("I
    think …, because …" is an opinion with its reason); a first-person stance, or an
    evaluative word outside a past narrative (opinion); else a reported state or
    event (fact: "we realized it was good at coding" tells what happened).
    """
    if _ADVISE.search(text) and not re.search(r"\b(if|whether)\b", text[:20], re.I):
        return "recommendation"
    future = bool(_WILL.search(text))
    if _EXPECT.search(text) or (future and _TIME_REF.search(text)):
        return "prediction"
    stance = _FIRST_PERSON_STANCE.search(text)
    if _BECAUSE.search(text) and not (stance and stance.start() < OPENING):
        return "explanation"
    past = _PAST.search(text)
    if future and not past:
        return "prediction"
    if stance or (_STANCE.search(text) and not past):
        return "opinion"
    return "fact"


def certainty(text: str) -> float:
    """1.0 for a flat assertion, less for each hedge, more for boosters (0.1 to 1.0)."""
    score = 0.9
    for pattern, cost in _HEDGES:
        score -= cost * len(pattern.findall(text))
    score += 0.1 * len(_BOOST.findall(text))
    return round(min(1.0, max(0.1, score)), 2)


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUM.get(w)


def horizon(text: str, published: str | None = None) -> str | None:
    """A prediction's time horizon, normalised: "1-2 years", "5 years", "by 2030", "soon".

    With the episode date (YYYY-MM-DD), relative horizons in years get calendar years.
    """
    years: tuple[int, int] | None = None
    out: str | None = None
    m = _NEXT.search(text)
    r = _RANGE.search(text)
    b = _BY_YEAR.search(text)
    if b:
        return f"by {b.group(1)}"
    if m and r and re.search(r"\b(not|never)\b|n't\b", text[: m.start()], re.I):
        m = None  # "not next year, maybe two or three years": the range is the horizon
    if m:
        n = _num(m.group(1)) if m.group(1) else 1
        unit = m.group(2).lower().rstrip("s")
        n = n or 1
        out = f"{n} {unit}" + ("s" if n > 1 else "")
        if unit == "year":
            years = (1, n)
    elif r:
        lo, hi, unit = (
            _num(r.group(1)),
            _num(r.group(2)) if r.group(2) else None,
            r.group(3).lower().rstrip("s"),
        )
        if lo is None:
            return None
        if r.group(1).lower() in ("few", "several", "couple") and hi is None:
            out = f"a few {unit}s" if r.group(1).lower() != "couple" else f"2 {unit}s"
            lo = hi = 2 if r.group(1).lower() == "couple" else 3
        elif hi is not None and hi != lo:
            out = f"{lo}-{hi} {unit}s"
        else:
            hi = lo
            out = f"{lo} {unit}" + ("s" if lo > 1 else "")
        if unit == "year":
            years = (lo, hi)
        elif unit == "decade":
            years = (10 * lo, 10 * hi)
    else:
        v = _VAGUE.search(text)
        return v.group(1).lower() if v else None
    if years and published and re.match(r"^\d{4}", published):
        y = int(published[:4])
        a, z = y + years[0], y + years[1]
        out += f" ({a})" if a == z else f" ({a}-{z})"
    return out
