"""Turn the command line's speaker and metadata options into extraction inputs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from extract.speakers import SpeakerHints
from extract.transcript import Transcript
from graph.errors import PodgraphError


def parse_speakers(value: str | None) -> tuple[tuple[str, ...], int | None]:
    """``"Host Name,Guest Name"`` → names; ``"3"`` → a count.

    >>> parse_speakers("Ann Lee, Bo Chan")
    (('Ann Lee', 'Bo Chan'), 2)
    >>> parse_speakers("3")
    ((), 3)
    """
    if not value or not value.strip():
        return (), None
    if value.strip().isdigit():
        count = int(value.strip())
        if count < 1:
            raise PodgraphError("--speakers: the number of speakers must be at least 1")
        return (), count
    names = tuple(n.strip() for n in value.split(",") if n.strip())
    return names, len(names) if len(names) > 1 else None


def with_metadata(
    transcript: Transcript,
    title: str | None = None,
    show: str | None = None,
    published: str | None = None,
) -> Transcript:
    """The transcript with command-line metadata taking precedence over the file's."""
    meta = dict(transcript.meta)
    if published:
        try:
            date.fromisoformat(published)
        except ValueError as exc:
            raise PodgraphError(f"--date {published!r}: expected YYYY-MM-DD") from exc
        meta["published"] = published
    if title:
        meta["title"] = title
    if show:
        meta["show"] = show
    return replace(transcript, meta=meta)


def make_hints(
    transcript: Transcript,
    speakers: str | None,
    known_hosts: Mapping[str, tuple[str, ...]] | None = None,
    voices: Mapping[str, Mapping[str, int]] | None = None,
) -> SpeakerHints:
    """Speaker hints from ``--speakers``, the file's metadata, and the hosts and voices
    the store knows."""
    names, count = parse_speakers(speakers)
    return SpeakerHints(
        names=names,
        count=count,
        meta=dict(transcript.meta),
        known_hosts=dict(known_hosts or {}),
        voices=dict(voices or {}),
    )
