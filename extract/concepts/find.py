"""Baseline concept finder: named entities, acronyms and repeated noun phrases."""

from __future__ import annotations

import re
from collections import defaultdict

from spacy.tokens import Doc, Span

from extract.concepts import ConceptFound
from extract.state import DocState
from graph.ids import normalise_name

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}s?$")
_ENT_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "PRODUCT": "product",
    "WORK_OF_ART": "product",
    "GPE": "other",
    "NORP": "other",
    "EVENT": "topic",
    "LAW": "other",
}
_SKIP_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}


def _phrase(span: Span) -> str | None:
    toks = [t for t in span if not (t.is_stop or t.is_punct or t.pos_ in {"DET", "PRON", "NUM"})]
    if not toks:
        return None
    text = span.doc[toks[0].i : toks[-1].i + 1].text
    return text if len(text) > 2 else None


def find_concepts(doc: Doc, state: DocState) -> list[ConceptFound]:
    """Concept candidates said at least twice (entities and acronyms once is enough)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    names: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    kinds: dict[str, str] = {}
    strong: set[str] = set()

    def add(text: str, start: int, end: int, kind: str, is_strong: bool) -> None:
        key = normalise_name(text)
        if not key or key.isdigit():
            return
        spans[key].append((start, end))
        names[key][text] += 1
        kinds.setdefault(key, kind)
        if is_strong:
            strong.add(key)

    for ent in doc.ents:
        if ent.label_ in _SKIP_ENTS:
            continue
        text = _phrase(ent) or ""
        if text:
            add(text, ent.start_char, ent.end_char, _ENT_KIND.get(ent.label_, "other"), True)
    for tok in doc:
        if _ACRONYM.match(tok.text) and tok.text not in {"I", "OK", "TV"}:
            add(tok.text.rstrip("s"), tok.idx, tok.idx + len(tok.text), "other", True)
    for chunk in doc.noun_chunks:
        phrase = _phrase(chunk)
        if phrase and " " in phrase:
            add(phrase, chunk.start_char, chunk.end_char, "topic", False)
    found: list[ConceptFound] = []
    for key, where in spans.items():
        if key not in strong and len(where) < 2:
            continue
        variants = sorted(names[key].items(), key=lambda kv: (-kv[1], kv[0]))
        canonical = variants[0][0]
        aliases = tuple(v for v, _ in variants[1:] if v != canonical)
        mentions = tuple(sorted(set(where)))
        found.append(ConceptFound(canonical, aliases, kinds[key], mentions, float(len(where))))
    found.sort(key=lambda c: (-c.score, c.name))
    return found
