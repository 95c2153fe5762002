"""Clean text beside the verbatim quote: fillers and stutters removed, nothing else changed.

>>> clean_text("So, um, the the model is, uh, you know, good.")
'So, the model is good.'
>>> clean_text("we, we can, like, deal with it, everyone's trying to, everyone's trying to win")
"We can deal with it, everyone's trying to win"
"""

from __future__ import annotations

import re

_FILLERS = re.compile(r"(?:,\s*)?\b(?:um+|uh+|erm+|er|hmm+|mm+)\b(?:\s*,)?", re.IGNORECASE)
_DISCOURSE = re.compile(r",\s*(?:you know|I mean|like|sort of|kind of)\s*,", re.IGNORECASE)
_LEADING = re.compile(r"^(?:(?:you know|I mean|like|so|well|yeah|okay),?\s+)+(?=\w)", re.IGNORECASE)
_STUTTER = re.compile(r"\b((?:[\w']+\s*,?\s+){0,3}?[\w']+)(?:\s*,?\s+\1\b)+", re.IGNORECASE)
_AFTER_FUNCTION = re.compile(
    r"\b(is|are|was|were|be|to|the|a|an|and|but|that|of|in|on|can|could|would|will|might|"
    r"some|this|these|my|your|our|their|its|very|more|much|like|just|have|has|had|do|does|did),\s+",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s{2,}")
_SPACE_PUNCT = re.compile(r"\s+([,.?!;:])")
_DOUBLE_COMMA = re.compile(r",(\s*,)+")
_COMMA_END = re.compile(r",\s*([.?!])")


def clean_text(quote: str) -> str:
    """Remove fillers ("um", "uh"), discourse fillers set off by commas ("you know",
    "like") and immediate repetitions ("the the", "we, we") from a quote."""
    text = _FILLERS.sub(",", quote)
    text = _DOUBLE_COMMA.sub(",", text)
    prev = None
    while prev != text:
        prev = text
        text = _DISCOURSE.sub(",", text)
        text = _STUTTER.sub(r"\1", text)
        text = _DOUBLE_COMMA.sub(",", text)
    text = _SPACE_PUNCT.sub(r"\1", text)
    text = _COMMA_END.sub(r"\1", text)
    text = _SPACES.sub(" ", text).strip(" ,")
    text = re.sub(r"^,\s*", "", text)
    text = _AFTER_FUNCTION.sub(r"\1 ", text)
    if (text and not _LEADING.match(quote.strip()) and text[0].islower() and quote.strip()[:1].isupper()) or (
        text and text[0].islower() and text != quote
    ):
        text = text[0].upper() + text[1:]
    return text
