"""Keys that fold the spelling variants of one concept together.

Case, accents, hyphens and spacing are folded, and each word is reduced by a small
suffix stemmer (plural, -ing, -ed), so variants of one term share a key.

>>> concept_key("Pre-trained models") == concept_key("pretraining model")
True
>>> concept_key("Fine tunes"), concept_key("fine-tuning")
('fintun', 'fintun')
"""

from __future__ import annotations

import re

from graph.ids import normalise_name

_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s")
_KEEP = frozenset({"bias", "less", "loss", "class", "gas", "process", "analysis", "this", "is", "was", "has"})
_DIGIT = re.compile(r"\d")
_SMALL = frozenset({"of", "the", "and", "a", "an", "to", "for", "in", "on", "from", "with", "by"})


def stem(word: str) -> str:
    """Reduce a lower-case word by its plural or verb ending, Latin and Greek plurals
    included ("matrices" and "matrix", "hypotheses" and "hypothesis" share a stem).

    >>> [stem(w) for w in ("models", "training", "trained", "studies", "loss", "GPUs".lower())]
    ['model', 'train', 'train', 'study', 'los', 'gpu']
    >>> [stem(w) for w in ("matrices", "matrix", "indices", "index", "hypotheses", "hypothesis")]
    ['matric', 'matric', 'indic', 'indic', 'hypothesi', 'hypothesi']
    """
    if _DIGIT.search(word) or not word.isalpha():
        return word
    if len(word) > 5 and word.endswith(("yses", "eses")):
        word = word[:-2] + "is"  # analyses → analysis
    if word not in _KEEP and len(word) > 3:
        for suf in _SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 3:
                base = word[: -len(suf)]
                if suf in ("ies", "ied"):
                    base += "y"
                elif suf in ("ing", "ings", "ed") and len(base) > 3 and base[-1] == base[-2] != "s":
                    base = base[:-1]
                elif suf == "es" and not base.endswith(("s", "x", "ch", "sh", "z")):
                    base = word[:-1]  # "images" → "image"
                word = base
                break
    if word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    if len(word) > 4 and word.endswith(("ix", "ex")):
        word = word[:-2] + "ic"  # matrix, as "matrices" stems to "matric"
    return word


def words_key(text: str) -> str:
    """Space-separated stemmed words: ``'reward model'`` for "Reward Models"."""
    return " ".join(stem(w) for w in normalise_name(text).split())


def concept_key(text: str) -> str:
    """The identity key of a surface form: stemmed words, joined without spaces."""
    return words_key(text).replace(" ", "")


def is_acronym(text: str) -> bool:
    """Upper-case short token (plural ``s`` allowed): ``RLHF``, ``LLMs``, ``GPT``.

    >>> is_acronym("RLHF"), is_acronym("LLMs"), is_acronym("The"), is_acronym("I")
    (True, True, False, False)
    """
    core = text[:-1] if text.endswith("s") else text
    return 2 <= len(core) <= 6 and core.isalnum() and core.isupper() and core[0].isalpha()


def initials(words: list[str]) -> str:
    """Initial letters of the content words: ``['reinforcement', 'learning']`` → ``'rl'``.

    Hyphenated words give one letter per part; "from", "of", "the"... are skipped.

    >>> initials("reinforcement learning from human feedback".split())
    'rlhf'
    """
    out = []
    for w in words:
        for part in w.split("-"):
            if part and part.lower() not in _SMALL:
                out.append(part[0].lower())
    return "".join(out)


def acronym_matches(acronym: str, expansion: str) -> bool:
    """Does ``acronym`` abbreviate ``expansion`` (allowing skipped small words)?

    >>> acronym_matches("RLHF", "reinforcement learning from human feedback")
    True
    >>> acronym_matches("LLM", "large language model"), acronym_matches("GPU", "big model")
    (True, False)
    """
    a = acronym.lower().rstrip("s") if acronym.endswith("s") and acronym[:-1].isupper() else acronym.lower()
    words = re.split(r"[\s]+", expansion.strip())
    full = initials(words)
    if full == a:
        return True
    every = "".join(p[0].lower() for w in words for p in w.split("-") if p)
    return every == a
