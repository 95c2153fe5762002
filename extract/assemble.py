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
from extract.people import canonical_person, first_name_mentions
from extract.speakers import SpeakerSpan
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


def _usual_names(st: DocState) -> list[str]:
    """Speaker names with well-known people's usual spelling."""
    assert st.attribution is not None
    return [canonical_person(s.name) for s in st.attribution.speakers]


def _utterances(st: DocState, names: list[str]) -> list[Utterance]:
    assert st.attribution is not None
    text = st.timed.text
    out: list[Utterance] = []
    run: list[SpeakerSpan] = []

    def flush() -> None:
        if not run:
            return
        cs, ce = run[0].char_start, run[-1].char_end
        out.append(
            Utterance(
                speaker=names[run[0].speaker],
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


def _add_first_name_mentions(st: DocState, speakers: list[str], concepts: list[ConceptInfo]) -> None:
    """Known people named by first name alone become (or join) person concepts."""
    by_name = {c.name: i for i, c in enumerate(concepts)}
    ads = [(s.char_start, s.char_end) for s in st.attribution.spans if s.ad] if st.attribution else []
    named = [c.name for c in concepts if c.kind == "person" and " " in c.name]
    for usual, spans in first_name_mentions(st.timed.text, speakers, named).items():
        spans = [sp for sp in spans if not any(a <= sp[0] < b for a, b in ads)]
        if not spans:
            continue
        first = round(st.timed.time_at(spans[0][0]), 3)
        said = sorted({st.timed.text[a:b] for a, b in spans})
        if usual in by_name:
            old = concepts[by_name[usual]]
            aliases = sorted({*old.aliases, *said})
            total = old.mentions + len(spans)
            concepts[by_name[usual]] = ConceptInfo(old.name, aliases, old.kind, total, min(old.first, first))
        else:
            concepts.append(ConceptInfo(usual, said, "person", len(spans), first))


def _concept_name(name: str, kind: str) -> str:
    return canonical_person(name) if kind == "person" else name


def assemble(st: DocState) -> Extraction:
    """Build the extraction document from a finished ``DocState``."""
    assert st.attribution is not None
    time_at = st.timed.time_at
    names = _usual_names(st)
    utterances = _utterances(st, names)
    starts = [u.char_start for u in utterances]
    concepts = [
        ConceptInfo(
            name=_concept_name(c.name, c.kind),
            aliases=sorted({*c.aliases, c.name} - {_concept_name(c.name, c.kind)}),
            kind=c.kind,
            mentions=len(c.mentions),
            first=round(time_at(min(a for a, _ in c.mentions)), 3) if c.mentions else 0.0,
        )
        for c in st.concepts
    ]
    _add_first_name_mentions(st, names, concepts)
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
        speakers=[
            SpeakerInfo(name, s.role, [s.name] if s.name != name else [])
            for s, name in zip(st.attribution.speakers, names, strict=True)
        ],
        utterances=utterances,
        concepts=concepts,
        claims=claims,
    )
