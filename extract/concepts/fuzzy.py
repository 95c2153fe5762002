"""Fold speech-recognition mangling into known terms and names, conservatively.

A group's surface form is folded into a vocabulary term, a speaker's name or a
frequent named entity when the spellings are close (rapidfuzz ratio), they sound
alike (jellyfish metaphone codes close), start with the same letter, carry the same
digits and have about the same length. Acronyms and vocabulary terms are never
folded.

>>> close("chatgbt", "chatgpt"), close("inference", "interference"), close("robots", "rabbits")
(True, False, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import jellyfish
from rapidfuzz import fuzz, process

from extract.concepts.background import specificity
from extract.concepts.salience import GroupLike
from extract.concepts.vocabulary import Vocabulary, generic_words

SPELLING = 85.0  # rapidfuzz ratio of the folded spellings
SOUND = 80.0  # rapidfuzz ratio of the metaphone codes
MIN_LEN = 5
_NON_ALNUM = re.compile(r"[^a-z0-9]")
_DIGITS = re.compile(r"\d+")


def fold(text: str) -> str:
    """Lower-case letters and digits only: ``"Chat GBT"`` → ``"chatgbt"``."""
    return _NON_ALNUM.sub("", text.lower())


_VOICING = str.maketrans("BDGVZ", "PTKFS")


def sound(word: str) -> str:
    """Metaphone code with voiced and unvoiced consonants folded (ASR confuses them).

    >>> sound("chatgbt") == sound("chatgpt")
    True
    """
    return jellyfish.metaphone(word).translate(_VOICING)


def close(a: str, b: str) -> bool:
    """Conservative test that two folded spellings are one word mis-heard."""
    if a == b:
        return True
    if len(a) < MIN_LEN or len(b) < MIN_LEN or a[0] != b[0]:
        return False
    if _DIGITS.findall(a) != _DIGITS.findall(b):
        return False
    if abs(len(a) - len(b)) > max(1, min(len(a), len(b)) // 6):
        return False
    if fuzz.ratio(a, b) < SPELLING:
        return False
    ma, mb = sound(a), sound(b)
    return bool(ma and mb) and fuzz.ratio(ma, mb) >= SOUND


_LABIALS = str.maketrans("BFPV", "PPPP")
WORD_SOUND = 66.0  # metaphone ratio of the one differing word of a phrase
RARE_WORD = 0.7  # a word this specific is out of place where a known term sounds alike
MINORITY = 3  # … or the known term is said at least this many times as often


def _word_sound(word: str) -> str:
    return sound(word.replace("-", "")).translate(_LABIALS)


def phrase_close(a: str, b: str) -> bool:
    """Two phrases of the same words but one, which sounds alike: metaphone codes of the
    same length, the same first sound (p, b, f, v count as one) and most sounds shared
    ("free training" / "pre-training", "fuchsia prompt" / "few-shot prompt").

    >>> phrase_close("free training", "pre training"), phrase_close("fuchsia prompt", "few-shot prompt")
    (True, True)
    >>> phrase_close("base model", "reward model"), phrase_close("parameter model", "pretrained model")
    (False, False)
    """
    wa, wb = a.lower().split(), b.lower().split()
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    diff = [(x, y) for x, y in zip(wa, wb, strict=True) if x.replace("-", "") != y.replace("-", "")]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    sx, sy = _word_sound(x), _word_sound(y)
    return (
        len(x) >= 3
        and len(y) >= 3
        and len(sx) == len(sy) >= 2
        and sx[0] == sy[0]
        and fuzz.ratio(sx, sy) >= WORD_SOUND
    )


def _voiceless(f: str) -> str:
    return f.upper().translate(_VOICING)


def model_name_close(a: str, b: str) -> bool:
    """Model names with a number ("GPD 4" / "GPT-4"): same digits, and letters equal once
    voiced and unvoiced consonants are folded (the commonest ASR confusion).

    >>> model_name_close("gpd4", "gpt4"), model_name_close("gpt4", "gpt5")
    (True, False)
    """
    return (
        a != b
        and len(a) == len(b)
        and len(a) >= 3
        and bool(_DIGITS.search(a))
        and _DIGITS.findall(a) == _DIGITS.findall(b)
        and a[0] == b[0]
        and _voiceless(a) == _voiceless(b)
    )


def _best(f: str, targets: Mapping[str, str], choices: list[str], own: str) -> str | None:
    if not choices:
        return None
    if _DIGITS.search(f):
        same = [c for c in choices if model_name_close(f, c) and targets[c] != own]
        return targets[same[0]] if same else None
    hits = process.extract(f, choices, scorer=fuzz.ratio, score_cutoff=SPELLING, limit=5)
    ok = [
        (score + fuzz.ratio(sound(f), sound(c)), c)
        for c, score, _ in hits
        if close(f, c) and targets[c] != own
    ]
    return targets[max(ok)[1]] if ok else None


def fuzzy_target(groups: Mapping[str, GroupLike], vocab: Vocabulary, names: Sequence[str]) -> dict[str, str]:
    """Map group keys to the key of the group they are a mangled form of.

    Targets are vocabulary terms (``"v:" + name``, said in the episode or not) first, then
    the speakers' names and named entities said at least three times.
    """
    known: dict[str, str] = {}  # folded form -> vocabulary group key
    for term in vocab.terms:
        for form in term.forms:
            f = fold(form)
            if (len(f) >= MIN_LEN and not form.isupper()) or _DIGITS.search(f):
                known.setdefault(f, "v:" + term.name)
    frequent: dict[str, str] = {}  # folded form -> frequent name's group key
    for key, g in groups.items():
        if (
            g.term is None
            and g.kinds
            and len(g.spans) >= 3
            and any(ch.isupper() for ch in next(iter(g.forms)))
        ):
            for form in g.forms:
                frequent.setdefault(fold(form), key)
    for n in names:
        for key, g in groups.items():
            if fold(n) in {fold(f) for f in g.forms}:
                frequent.setdefault(fold(n), key)
    known_choices, frequent_choices = list(known), list(frequent)
    phrases: dict[str, list[tuple[str, str]]] = {}  # a word -> (term form, term key) with it
    for term in vocab.terms:
        for form in term.forms:
            if " " in form or "-" in form:
                for w in set(form.lower().replace("-", " ").split()) | set(form.lower().split()):
                    phrases.setdefault(w, []).append((form, "v:" + term.name))
    word_groups: dict[str, set[str]] = {}  # a word -> the groups with a form that has it
    for key, g in groups.items():
        for form in g.forms:
            for w in form.lower().split():
                word_groups.setdefault(w, set()).add(key)
    generic = generic_words()
    out: dict[str, str] = {}
    for key, g in groups.items():
        if g.term is not None or key.startswith("#"):
            continue
        form = max(g.forms.items(), key=lambda kv: kv[1])[0]
        f = fold(form)
        if (len(f) < MIN_LEN and not _DIGITS.search(f)) or f in known or form.lower() in generic:
            continue
        target = _best(f, known, known_choices, key)
        if target is None and f not in frequent:
            target = _best(f, frequent, frequent_choices, key)
        if target is None:
            target = _phrase_target(key, form, phrases, groups, word_groups)
        if target is not None and target != key:
            out[key] = target
    return out


def _phrase_target(
    key: str,
    form: str,
    phrases: Mapping[str, list[tuple[str, str]]],
    groups: Mapping[str, GroupLike],
    word_groups: Mapping[str, set[str]],
) -> str | None:
    """The known term a phrase is a one-word mishearing of (``phrase_close``), when the term
    is said far more often than the phrase, or the odd word is rare in English and said
    nowhere else in the episode."""
    words = form.lower().split()
    for w in dict.fromkeys(words):
        for term_form, target in phrases.get(w, ()):
            for variant in (term_form.lower(), term_form.lower().replace("-", " ")):
                if not phrase_close(form, variant):
                    continue
                odd = next(x for x, y in zip(words, variant.split(), strict=True) if x != y)
                said = len(groups[target].spans) if target in groups else 0
                mentions = len(groups[key].spans)
                # A word the episode says in other phrases is its own word, not a mishearing.
                elsewhere = bool(word_groups.get(odd, set()) - {key})
                if said >= MINORITY * mentions or (specificity(odd) >= RARE_WORD and not elsewhere):
                    return target
    return None
