"""Train the caption sentence-end model (``caption_ends``) from punctuated transcripts.

    python -m extract.speakers.caption_train TRAIN_DIR_OR_FILE … [-o MODEL] [--test FILE …]

Each transcript is read with the project's parsers (any format they take; labelled files
from their first label on), its words are written as captions write them, and the
punctuation after each word gives the labels: a sentence ends after a word that ends in
``. ? !`` (not an abbreviation such as "Dr."), and the sentence is a question when it
ends in ``?``. Where a labelled file's speaker changes, the end counts ``TURN_WEIGHT``
times: a missed end there hides a turn change from attribution. With ``--test``, the
model is scored on other transcripts the same way (precision and recall of the ends,
accuracy of the question marks) and nothing is written
unless ``-o`` is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from extract.speakers.caption_ends import (
    EndModel,
    caption_word,
    gap_features,
    hasher,
    restore,
    sentence_features,
)
from extract.speakers.units import ABBREVIATIONS

TURN_WEIGHT = 3.0
C = 0.3  # inverse strength of the models' L2 regularisation
_CLOSERS = "\"')]”’"
_ABBR = frozenset(a.lower() for a in ABBREVIATIONS) | {"etc.", "u.s.", "a.m.", "p.m."}


def marked_words(text: str) -> list[tuple[str, str]]:
    """(caption word, mark after it) of a punctuated text: ``"."``, ``"?"`` or ``""``.

    >>> marked_words("Hi, Dr. Park. Ready? Yes!")
    [('hi', ''), ('dr', ''), ('park', '.'), ('ready', '?'), ('yes', '.')]
    """
    out: list[tuple[str, str]] = []
    for token in text.split():
        word = caption_word(token)
        if not word:
            continue
        bare = token.rstrip(_CLOSERS)
        tail = bare[len(bare.rstrip(".?!")) :]
        mark = ""
        if "?" in tail:
            mark = "?"
        elif tail and bare.lower() not in _ABBR:
            mark = "."
        out.append((word, mark))
    return out


def transcript_words(path: Path) -> list[tuple[str, str, bool]]:
    """(caption word, mark, whether the speaker changes after it) of each word a
    transcript file says, in order (labelled files from the first label on: what comes
    before is show notes)."""
    from extract.parsers import parse_file

    t = parse_file(path)
    started = not t.labelled
    out: list[tuple[str, str, bool]] = []
    speaker = None
    for line in t.lines:
        started = started or bool(line.speaker)
        words = marked_words(line.text) if started else []
        if not words:
            continue
        if out and line.speaker and speaker and line.speaker != speaker:
            out[-1] = (out[-1][0], out[-1][1] or ".", True)
        speaker = line.speaker or speaker
        out.extend((w, m, False) for w, m in words)
    if out and not out[-1][1]:
        out[-1] = (out[-1][0], ".", out[-1][2])
    return out


def _files(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        found = sorted(f for f in p.iterdir() if f.is_file() and f.suffix != ".tsv") if p.is_dir() else [p]
        out.extend(found)
    return out


Doc = Sequence[tuple[str, str, bool]]


def _sentences(words: Doc) -> list[tuple[list[str], bool]]:
    out: list[tuple[list[str], bool]] = []
    cur: list[str] = []
    for w, mark, _ in words:
        cur.append(w)
        if mark:
            out.append((cur, mark == "?"))
            cur = []
    return out


def train(docs: Sequence[Doc], c: float = C) -> EndModel:
    """Fit both models on marked word sequences (one per transcript)."""
    h = hasher()
    gaps = [gap_features([w for w, _, _ in d], i) for d in docs for i in range(len(d))]
    y_end = np.array([bool(m) for d in docs for _, m, _ in d])
    weight = np.array([TURN_WEIGHT if turn else 1.0 for d in docs for _, _, turn in d])
    sents = [s for d in docs for s in _sentences(d)]
    y_q = np.array([q for _, q in sents])
    end = LogisticRegression(C=c, max_iter=200, solver="liblinear")
    end.fit(h.transform(gaps), y_end, sample_weight=weight)
    q = LogisticRegression(C=c, max_iter=200, solver="liblinear").fit(
        h.transform(sentence_features(s) for s, _ in sents), y_q
    )
    return EndModel(end.coef_[0], float(end.intercept_[0]), q.coef_[0], float(q.intercept_[0]))


def score(model: EndModel, docs: Sequence[Doc]) -> dict[str, float]:
    """Precision and recall of the restored ends (the last word of each text not counted)
    and how many of the true ends get the right mark."""
    tp = fp = fn = right = ends = 0
    for d in docs:
        marks = restore([w for w, _, _ in d], model)
        for (_, gold, _), got in list(zip(d, marks, strict=True))[:-1]:
            tp += bool(gold) and bool(got)
            fp += not gold and bool(got)
            fn += bool(gold) and not got
            if gold:
                ends += 1
                right += got == gold
    return {
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "mark": right / max(ends, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", nargs="+", type=Path, help="punctuated transcripts, or folders of them")
    parser.add_argument("-o", "--output", type=Path, help="where to write the model")
    parser.add_argument("--test", nargs="*", type=Path, default=[], help="transcripts to score the model on")
    parser.add_argument("-C", type=float, default=C, help=f"inverse regularisation strength (default {C})")
    args = parser.parse_args(argv)
    docs = []
    for f in _files(args.train):
        try:
            docs.append(transcript_words(f))
        except ValueError as err:
            print(f"skipped {f}: {err}", file=sys.stderr)
    words = sum(len(d) for d in docs)
    print(f"trained on {len(docs)} transcripts, {words} words")
    model = train(docs, args.C)
    if args.test:
        tests = [transcript_words(f) for f in _files(args.test)]
        figs = score(model, tests)
        print("held out: " + ", ".join(f"{k} {v:.3f}" for k, v in figs.items()))
    if args.output:
        model.save(args.output)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
