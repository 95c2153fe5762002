"""Turn an extraction document into a ``GraphFragment`` with content-derived ids.

>>> from extract.document import EpisodeInfo, Extraction
>>> frag = build_fragment(Extraction(EpisodeInfo("T", "Show", None, "t.txt", 5.0, "ab" * 32, "text")))
>>> frag.episode.id
'ep_abababababababab'
"""

from __future__ import annotations

from extract.document import Extraction
from extract.people import looks_like_person
from graph.ids import claim_id, concept_id, episode_id, normalise_name, person_id, segment_id
from graph.model import (
    Appearance,
    Claim,
    Concept,
    Episode,
    GraphFragment,
    Mention,
    Person,
    Segment,
)


def build_fragment(ex: Extraction) -> GraphFragment:
    """Everything the episode contributes to the graph."""
    info = ex.episode
    ep = Episode(
        id=episode_id(info.sha256),
        title=info.title,
        show=info.show,
        published=info.published,
        source=info.source,
        duration_s=info.duration_s,
        sha256=info.sha256,
        media_url=info.media_url,
    )
    people: dict[str, Person] = {}
    appearances: dict[str, Appearance] = {}
    speaker_ids: dict[str, str] = {}
    for sp in ex.speakers:
        pid = person_id(sp.name, ep.id)
        speaker_ids[sp.name] = pid
        people[pid] = Person(pid, sp.name, tuple(sp.aliases))
        role = sp.role if sp.role in ("host", "guest") else "guest"
        appearances[pid] = Appearance(pid, ep.id, role)  # type: ignore[arg-type]
    seen_ids: set[str] = set()
    segments: list[Segment] = []
    for i, u in enumerate(ex.utterances):
        sid = segment_id(ep.id, u.start)
        bump = 0
        while sid in seen_ids:  # two turns in the same millisecond: keep ids unique
            bump += 1
            sid = segment_id(ep.id, u.start + bump / 1000)
        seen_ids.add(sid)
        pid = speaker_ids.get(u.speaker) or person_id(u.speaker, ep.id)
        if pid not in people:
            people[pid] = Person(pid, u.speaker)
            appearances[pid] = Appearance(pid, ep.id, "guest")
        segments.append(
            Segment(sid, ep.id, i, u.start, u.end, u.text, pid, u.char_start, u.char_end, u.confidence, u.ad)
        )
    concepts: dict[str, Concept] = {}
    mentions: list[Mention] = []
    names_to_cid: dict[str, str] = {}
    for c in ex.concepts:
        cid = concept_id(c.name)
        aliases = tuple(sorted({a for a in c.aliases if normalise_name(a) != normalise_name(c.name)}))
        if cid in concepts:  # two spellings that normalise alike: merge their aliases
            old = concepts[cid]
            aliases = tuple(sorted(set(old.aliases) | set(aliases)))
        concepts[cid] = Concept(cid, c.name, aliases, c.kind)
        for n in (c.name, *c.aliases):
            names_to_cid.setdefault(normalise_name(n), cid)
        mentions.append(Mention(cid, ep.id, c.mentions, c.first))
        if c.kind == "person" and looks_like_person(c.name):
            pid = person_id(c.name)
            if pid not in people:
                people[pid] = Person(pid, c.name, aliases)
                appearances[pid] = Appearance(pid, ep.id, "mentioned")
    merged: dict[str, Mention] = {}
    for m in mentions:
        old_m = merged.get(m.concept_id)
        if old_m is not None:
            m = Mention(m.concept_id, ep.id, old_m.count + m.count, min(old_m.first_s, m.first_s))
        merged[m.concept_id] = m
    claims: list[Claim] = []
    for cl in ex.claims:
        seg = segments[cl.utterance]
        cids = tuple(
            dict.fromkeys(
                names_to_cid.get(normalise_name(n)) or concept_id(n) for n in cl.concepts
            )
        )
        cids = tuple(x for x in cids if x in concepts)
        claims.append(
            Claim(
                id=claim_id(seg.id, cl.char_start, cl.char_end),
                episode_id=ep.id,
                segment_id=seg.id,
                speaker_id=seg.speaker_id,
                start_s=cl.start,
                end_s=cl.end,
                quote=cl.quote,
                text=cl.text,
                type=cl.type,
                certainty=cl.certainty,
                char_start=cl.char_start,
                char_end=cl.char_end,
                horizon=cl.horizon,
                concept_ids=cids,
            )
        )
    return GraphFragment(
        episode=ep,
        people=tuple(people.values()),
        appearances=tuple(appearances.values()),
        segments=tuple(segments),
        concepts=tuple(concepts.values()),
        mentions=tuple(merged.values()),
        claims=tuple(claims),
    )
