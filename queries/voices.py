"""Known voices per show: each speaker's word use in the show's labelled episodes."""

from __future__ import annotations

from collections import Counter

from extract.speakers.voices import Voices
from graph.store import GraphStore

ALL = 1_000_000  # no limit on episodes or segments


async def known_voices(store: GraphStore, show: str | None) -> dict[str, Counter[str]]:
    """Word counts of each speaker over the labelled episodes of ``show``.

    An episode counts as labelled when every one of its segments is sure (confidence
    1): the file named its speakers. Attributed episodes are left out, so a wrong
    attribution is never learnt as someone's voice; sponsor reads are left out too.

    >>> import asyncio, tempfile, pathlib
    >>> from graph.embedded import EmbeddedStore
    >>> asyncio.run(known_voices(EmbeddedStore(pathlib.Path(tempfile.mkdtemp()) / "g"), "Tide Talk"))
    {}
    """
    if not show:
        return {}
    turns: list[tuple[str, str]] = []
    for episode in await store.episodes(show=show, limit=ALL):
        segments = await store.segments(episode.id, limit=ALL)
        if not segments or any(s.confidence < 1.0 for s in segments):
            continue
        names = {p.id: p.name for p in await store.people(sorted({s.speaker_id for s in segments}))}
        turns += [(names[s.speaker_id], s.text) for s in segments if not s.ad and s.speaker_id in names]
    return Voices.from_turns(turns).counts
