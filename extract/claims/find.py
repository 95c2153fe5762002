"""Baseline claim finder: declarative sentences of some length, typed by cue words."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from extract.claims import ClaimFound
from extract.state import DocState

_FILLER = re.compile(r"\b(?:um+|uh+|erm|you know|I mean|like)\b,?\s*", re.IGNORECASE)
_STUTTER = re.compile(r"\b(\w+)(?:,?\s+\1\b)+", re.IGNORECASE)
_PREDICT = re.compile(r"\b(will|going to|gonna|next year|in \w+ years?|soon|by 20\d\d)\b", re.I)
_RECOMMEND = re.compile(r"\b(should|need to|have to|recommend|must|ought to)\b", re.I)
_OPINION = re.compile(r"\b(I think|I believe|I feel|in my view|probably|I'd say|I guess)\b", re.I)
_EXPLAIN = re.compile(r"\b(because|so that|which means|the reason|basically)\b", re.I)
_HEDGE = re.compile(r"\b(I think|maybe|probably|might|could|I guess|I'm not sure|perhaps)\b", re.I)


def clean_text(quote: str) -> str:
    """Remove fillers and stutters from a verbatim quote.

    >>> clean_text("So, um, the the model is, uh, good.")
    'So, the model is, good.'
    """
    text = _FILLER.sub("", quote)
    text = _STUTTER.sub(r"\1", text)
    text = re.sub(r"\s+([,.?!])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def classify(text: str) -> str:
    """Type of a claim from cue words.

    >>> classify("Models will write whole programs next year.")
    'prediction'
    """
    if _PREDICT.search(text):
        return "prediction"
    if _RECOMMEND.search(text):
        return "recommendation"
    if _EXPLAIN.search(text):
        return "explanation"
    if _OPINION.search(text):
        return "opinion"
    return "fact"


def find_claims(doc: Doc, state: DocState) -> list[ClaimFound]:
    """One claim per declarative, non-ad sentence of at least eight words."""
    sentences, attribution, concepts = state.sentences, state.attribution, state.concepts
    assert attribution is not None
    ads = [(s.char_start, s.char_end) for s in attribution.spans if s.ad]
    mentions = sorted((a, b, c.name) for c in concepts for a, b in c.mentions)
    out: list[ClaimFound] = []
    for s in sentences:
        if s.text.endswith("?") or len(s.text.split()) < 8:
            continue
        if any(a <= s.char_start < b for a, b in ads):
            continue
        about = tuple(
            dict.fromkeys(name for a, b, name in mentions if s.char_start <= a and b <= s.char_end)
        )
        hedges = len(_HEDGE.findall(s.text))
        out.append(
            ClaimFound(
                s.char_start,
                s.char_end,
                classify(s.text),
                round(max(0.2, 1.0 - 0.25 * hedges), 2),
                clean_text(s.text),
                about,
            )
        )
    return out
