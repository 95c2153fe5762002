"""Concept extraction: one canonical concept per idea, with aliases and a kind."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ConceptFound:
    """A concept found in one transcript, with the character spans where it is said."""

    name: str
    aliases: tuple[str, ...]
    kind: str  # person | organization | product | technique | topic | other
    mentions: tuple[tuple[int, int], ...]
    score: float = 0.0
