"""Assemble the extraction document from what the components found."""

from __future__ import annotations

import contextlib
from bisect import bisect_right
from pathlib import Path

from extract.document import (
    ClaimInfo,
    ConceptInfo,
    EpisodeInfo,
    Extraction,
    SpeakerInfo,
    Utterance,
)
from extract.state import DocState


def _episode(st: DocState) -> EpisodeInfo:
    t = st.transcript
    meta = t.meta
    duration = st.timed.spans[-1].end_s if st.timed.spans else 0.0
    if meta.get("duration_s"):
        with contextlib.suppress(ValueError):
            duration = max(duration, float(meta["duration_s"]))
    return EpisodeInfo(
        title=meta.get("title") or Path(t.source).stem,
        show=meta.get("show") or None,
        published=meta.get("published") or None,
        source=t.source,
        duration_s=round(duration, 3),
        sha256=t.sha256,
        format=t.format,
        media_url=meta.get("media_url") or None,
    )


def _utterances(st: DocState) -> list[Utterance]:
    assert st.attribution is not None
    speakers = st.attribution.speakers
    text = st.timed.text
    out: list[Utterance] = []
    run: list = []

    def flush() -> None:
        if not run:
            return
        cs, ce = run[0].char_start, run[-1].char_end
        out.append(
            Utterance(
                speaker=speakers[run[0].speaker].name,
                start=round(st.timed.time_at(cs), 3),
                end=round(st.timed.time_at(ce), 3),
                text=text[cs:ce],
                char_start=cs,
                char_end=ce,
                confidence=round(sum(s.confidence for s in run) / len(run), 3),
                ad=run[0].ad,
            )
        )
        run.clear()

    for span in st.attribution.spans:
        if run and (span.speaker != run[-1].speaker or span.ad != run[-1].ad):
            flush()
        run.append(span)
    flush()
    return out


def assemble(st: DocState) -> Extraction:
    """Build the extraction document from a finished ``DocState``."""
    assert st.attribution is not None
    time_at = st.timed.time_at
    utterances = _utterances(st)
    starts = [u.char_start for u in utterances]
    concepts = [
        ConceptInfo(
            name=c.name,
            aliases=list(c.aliases),
            kind=c.kind,
            mentions=len(c.mentions),
            first=round(time_at(min(a for a, _ in c.mentions)), 3) if c.mentions else 0.0,
        )
        for c in st.concepts
    ]
    claims: list[ClaimInfo] = []
    for c in st.claims:
        ui = bisect_right(starts, c.char_start) - 1
        if ui < 0:
            continue
        utt = utterances[ui]
        if utt.ad:
            continue
        ce = min(c.char_end, utt.char_end)
        claims.append(
            ClaimInfo(
                speaker=utt.speaker,
                start=round(time_at(c.char_start), 3),
                end=round(time_at(ce), 3),
                quote=st.timed.text[c.char_start : ce],
                text=c.text,
                type=c.type,
                certainty=c.certainty,
                concepts=list(c.concepts),
                char_start=c.char_start,
                char_end=ce,
                utterance=ui,
                horizon=c.horizon,
            )
        )
    return Extraction(
        episode=_episode(st),
        speakers=[SpeakerInfo(s.name, s.role) for s in st.attribution.speakers],
        utterances=utterances,
        concepts=concepts,
        claims=claims,
    )
