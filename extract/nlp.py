"""Load the spaCy pipeline once and run it over a long transcript in chunks.

Chunks end at sentence-final punctuation so no sentence is cut; turn starts the
file marks become forced sentence starts; the chunk Docs are joined back into
one Doc whose text equals the joined transcript exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.align import TimedText
from graph.errors import ExtractionError

CHUNK_CHARS = 6000
_BREAK = re.compile(r"[.!?][\"')\]]* ")

Progress = Callable[[int, int], None]


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    """Load an installed spaCy model by name; raise ``ExtractionError`` if it is missing.

    >>> load_nlp("no_such_model_xyz")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    graph.errors.ExtractionError: spaCy model 'no_such_model_xyz' is not installed
    """
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except OSError as exc:
        raise ExtractionError(
            f"spaCy model {model!r} is not installed (pip install it, or set PODGRAPH_SPACY_MODEL)"
        ) from exc
    return nlp


def chunk_bounds(text: str, forced: list[int], size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Split ``text`` into chunks of about ``size`` characters at sentence or turn ends.

    Every chunk but the last ends just after a space, so joining the chunk Docs
    reproduces the text exactly.

    >>> chunk_bounds("A b. C d. E f.", [], size=5)
    [(0, 10), (10, 14)]
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    forced_sorted = sorted(set(forced))
    n = len(text)
    while n - start > size:
        target = start + size
        cut = -1
        # Prefer a turn start, then a sentence end, near the target.
        for f in forced_sorted:
            if start + size // 2 < f <= target + size // 2 and text[f - 1] == " ":
                cut = f
                break
        if cut < 0:
            m = _BREAK.search(text, target)
            if m is not None and m.end() - target <= size:
                cut = m.end()
        if cut < 0:
            sp = text.find(" ", target)
            cut = sp + 1 if sp >= 0 else n
        bounds.append((start, cut))
        start = cut
    if start < n or not bounds:
        bounds.append((start, n))
    return bounds


def _make_docs(nlp: Language, timed: TimedText, forced: list[int]) -> Iterator[Doc]:
    forced_set = set(forced)
    for a, b in chunk_bounds(timed.text, forced):
        doc = nlp.make_doc(timed.text[a:b])
        for tok in doc:
            if tok.i and (a + tok.idx) in forced_set:
                tok.is_sent_start = True
        yield doc


def analyse_text(
    nlp: Language,
    timed: TimedText,
    forced_starts: list[int],
    progress: Progress | None = None,
) -> Doc:
    """Run the model over the joined text and return one Doc covering all of it."""
    bounds = chunk_bounds(timed.text, forced_starts)
    docs: list[Doc] = []
    base = [name for name in nlp.pipe_names if not name.startswith("podgraph_")]
    with nlp.select_pipes(enable=base):
        for i, doc in enumerate(nlp.pipe(_make_docs(nlp, timed, forced_starts), batch_size=8)):
            docs.append(doc)
            if progress:
                progress(i + 1, len(bounds))
    if not docs:
        return nlp.make_doc("")
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != timed.text:
        raise ExtractionError("internal error: the analysed text differs from the transcript")
    return doc
