"""Deterministic, content-derived node ids.

Ingesting the same file twice yields the same ids, in every backend.

>>> episode_id("abc")[:3]
'ep_'
>>> concept_id("Pre-Training") == concept_id("pre training")
True
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")


def _digest(*parts: str, size: int = 16) -> str:
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return h[:size]


def normalise_name(name: str) -> str:
    """Fold case, accents, hyphens and spacing: the key names are compared by.

    >>> normalise_name("  Pré-Training ")
    'pre training'
    """
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return _NON_WORD.sub(" ", ascii_only).strip()


def episode_id(sha256: str) -> str:
    """Id of an episode from the sha256 of its transcript bytes."""
    return f"ep_{sha256[:16]}"


# Labels that stand for a voice or a role, not a name ("Speaker 1", "SPEAKER_00", "A",
# "Host", "Guest 2").
VOICE_LABEL = re.compile(
    r"^(speaker|spk|person|voice)[ _-]?\d+$|^[A-Z]$|^(host|guest|interviewer|interviewee|moderator)( ?\d+)?$",
    re.I,
)
_UNLABELLED = re.compile(r"^(speaker|unknown)$", re.I)  # a voice without even a label


def stand_in(name: str) -> bool:
    """Whether ``name`` stands for an unnamed voice rather than naming someone: such a
    person is one of its episode's, not one across the graph.

    >>> [stand_in(n) for n in ("Host", "Guest 2", "SPEAKER_00", "Speaker", "B", "Jo Host", "Bo")]
    [True, True, True, True, True, False, False]
    """
    name = name.strip()
    return bool(VOICE_LABEL.match(name) or _UNLABELLED.match(name))


def person_id(name: str, episode: str = "") -> str:
    """Id of a person from the normalised name; a stand-in name ("Host") is scoped to its
    ``episode``, since the unnamed hosts of two episodes need not be one person.

    >>> person_id("John Schulman") == person_id("john  schulman") == person_id("John Schulman", "ep_1")
    True
    >>> person_id("Host", "ep_1") == person_id("Host", "ep_2")
    False
    """
    if episode and stand_in(name):
        return f"person_{_digest(normalise_name(name), episode)}"
    return f"person_{_digest(normalise_name(name))}"


def segment_id(episode: str, start_s: float) -> str:
    """Id of a segment: episode id plus start time in milliseconds."""
    return f"seg_{episode[3:]}_{round(start_s * 1000)}"


def concept_id(canonical: str) -> str:
    """Id of a concept from its normalised canonical name."""
    return f"concept_{_digest(normalise_name(canonical))}"


def claim_id(segment: str, char_start: int, char_end: int) -> str:
    """Id of a claim: its segment and its character span in the transcript."""
    return f"claim_{_digest(segment, str(char_start), str(char_end))}"
