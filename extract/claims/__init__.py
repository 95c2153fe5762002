"""Claim extraction: what a speaker asserts, predicts, explains or recommends."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimFound:
    """A claim: its span of the joined text, its type and the concepts it is about."""

    char_start: int
    char_end: int
    type: str  # prediction | opinion | explanation | fact | recommendation
    certainty: float
    text: str  # clean text, fillers and stutters removed
    concepts: tuple[str, ...]  # canonical concept names
    horizon: str | None = None
