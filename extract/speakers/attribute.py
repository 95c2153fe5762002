"""Baseline speaker attribution (a first heuristic; see issue 5 for the real model).

Labelled files keep their labels. Unlabelled files get two speakers: the turn
passes to the other speaker after a sentence that ends with a question mark.
"""

from __future__ import annotations

from spacy.tokens import Doc

from extract.speakers import Attribution, Speaker, SpeakerHints, SpeakerSpan
from extract.state import DocState


def _roles(names: list[str], hints: SpeakerHints) -> list[Speaker]:
    host = hints.meta.get("host") or (hints.names[0] if hints.names else None)
    guest = hints.meta.get("guest")
    speakers: list[Speaker] = []
    for i, name in enumerate(names):
        if host and name.lower() == host.lower():
            role = "host"
        elif guest and name.lower() == guest.lower():
            role = "guest"
        elif not host and i == 0 and not guest:
            role = "host"
        else:
            role = "guest"
        speakers.append(Speaker(name, role))
    return speakers


def attribute(doc: Doc, state: DocState) -> Attribution:
    """Who said each sentence; spans cover every sentence in order."""
    sentences, transcript, hints = state.sentences, state.transcript, state.hints
    spans: list[SpeakerSpan] = []
    if transcript.labelled:
        names: list[str] = []
        current = None
        for s in sentences:
            label = s.label or current or "Speaker"
            current = label
            if label not in names:
                names.append(label)
            spans.append(SpeakerSpan(s.char_start, s.char_end, names.index(label), 1.0, bool(s.ad)))
        return Attribution(tuple(_roles(names, hints)), tuple(spans))
    names = list(hints.names[:2]) or ["Host", "Guest"]
    while len(names) < 2:
        names.append("Guest" if "Guest" not in names else "Speaker 3")
    who = 0
    for s in sentences:
        spans.append(SpeakerSpan(s.char_start, s.char_end, who, 0.5, bool(s.ad)))
        if s.text.rstrip().endswith("?"):
            who = 1 - who
    speakers = [Speaker(names[0], "host"), Speaker(names[1], "guest")]
    return Attribution(tuple(speakers), tuple(spans))
