"""Speaker attribution: who said each sentence, by name, with a confidence.

``attribute`` is the one entry point; it returns spans covering the whole text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpeakerHints:
    """What is known about the speakers before reading the transcript.

    ``names`` come from ``--speakers`` (host first); ``count`` from a number given
    there; ``meta`` is the transcript's metadata (title, show, guest, host);
    ``known_hosts`` maps a show name to the hosts recorded for it in the store, most
    often first;
    ``voices`` maps a person's name to their word counts in the show's labelled
    episodes (``extract.speakers.voices``).
    """

    names: tuple[str, ...] = ()
    count: int | None = None
    meta: Mapping[str, str] = field(default_factory=dict)
    known_hosts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    voices: Mapping[str, Mapping[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Speaker:
    """A named speaker of the episode and their role."""

    name: str
    role: str  # host | guest | speaker


@dataclass(frozen=True)
class SpeakerSpan:
    """A stretch of the joined text said by one speaker."""

    char_start: int
    char_end: int
    speaker: int  # index into Attribution.speakers
    confidence: float
    ad: bool = False


@dataclass(frozen=True)
class Attribution:
    """The speakers of an episode and who said which part of the text."""

    speakers: tuple[Speaker, ...]
    spans: tuple[SpeakerSpan, ...]
