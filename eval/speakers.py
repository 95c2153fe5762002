"""Speaker attribution on the gold sample: word accuracy, turn-change F1, names, time.

Run ``PYTHONPATH=. python -m eval.speakers`` from the repository root. Skips with a
message when ``../shared`` (corpus and gold) is missing.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby, pairwise, permutations
from pathlib import Path

from extract.align import TimedText
from extract.speakers import Attribution, SpeakerHints
from extract.transcript import Transcript

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLE = SHARED / "corpus" / "000_a41d352b52a97b09.txt"
GOLD = SHARED / "gold" / "speaker_turns.tsv"
SAMPLE_HOST = "Dwarkesh Patel"  # metadata, as a user would pass with --speakers
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Scores:
    """Word-level speaker accuracy and turn-change F1 of one attribution."""

    words: int
    accuracy: float  # predicted names against gold names
    mapped_accuracy: float  # best one-to-one mapping of predicted speakers to gold
    change_f1: float  # exact word position
    change_f1_tol: float  # within ``TOL`` words
    gold_changes: int
    pred_changes: int
    # Accuracy if each predicted turn took its majority gold speaker: what whole turns
    # given to the wrong speaker cost, apart from turn edges placed wrong.
    turn_bound: float


TOL = 2


def gold_char_labels(path: Path, transcript: Transcript, timed: TimedText) -> list[str | None]:
    """Gold speaker of every character of the joined text, from ``speaker_turns.tsv``."""
    by_line = {s.line_no: s for s in timed.spans}
    starts: list[tuple[int, str]] = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            span = by_line[int(row["start_line"])]
            starts.append((span.char_start + int(row["start_char"]), row["speaker"]))
    starts.sort()
    labels: list[str | None] = [None] * len(timed.text)
    for i, (cs, who) in enumerate(starts):
        ce = starts[i + 1][0] if i + 1 < len(starts) else len(timed.text)
        labels[cs:ce] = [who] * (ce - cs)
    return labels


def predicted_char_labels(att: Attribution, n: int) -> list[str | None]:
    """Predicted speaker name of every character (None between spans)."""
    labels: list[str | None] = [None] * n
    for sp in att.spans:
        name = att.speakers[sp.speaker].name
        labels[sp.char_start : sp.char_end] = [name] * (sp.char_end - sp.char_start)
    return labels


def predicted_char_confidence(att: Attribution, n: int) -> list[float]:
    """The attribution confidence of every character (0 between spans)."""
    conf = [0.0] * n
    for sp in att.spans:
        conf[sp.char_start : sp.char_end] = [sp.confidence] * (sp.char_end - sp.char_start)
    return conf


CONFIDENCE_CUTS = (0.7, 0.9)


def by_confidence(
    text: str,
    gold: Sequence[str | None],
    pred: Sequence[str | None],
    conf: Sequence[float],
    cuts: Sequence[float] = CONFIDENCE_CUTS,
) -> list[tuple[float, float, float, float]]:
    """Share of words and word accuracy per confidence band: (low, high, share, accuracy).

    Shows whether the confidence kept on each utterance tells a user where to look.

    >>> by_confidence("a b c d", "x x x x", "x x y y", [0.95, 0, 0.95, 0, 0.5, 0, 0.5])
    [(0.0, 0.7, 0.5, 0.0), (0.7, 0.9, 0.0, 0.0), (0.9, 1.0, 0.5, 1.0)]
    """
    starts = [m.start() for m in _WORD.finditer(text)]
    edges = [0.0, *cuts, 1.0]
    out = []
    for k, (lo, hi) in enumerate(pairwise(edges)):
        idx = [i for i in starts if lo <= conf[i] < hi or (k == len(edges) - 2 and conf[i] == hi)]
        right = sum(gold[i] == pred[i] for i in idx)
        out.append((lo, hi, len(idx) / max(len(starts), 1), right / len(idx) if idx else 0.0))
    return out


def describe_confidence(bands: Sequence[tuple[float, float, float, float]]) -> str:
    """One report line of ``by_confidence``."""
    parts = [f"{lo:.1f}–{hi:.1f}: {share:.0%} of words, accuracy {acc:.3f}" for lo, hi, share, acc in bands]
    return "  confidence " + "; ".join(parts)


def _changes(seq: Sequence[str | None]) -> list[int]:
    return [i for i in range(1, len(seq)) if seq[i] != seq[i - 1]]


def _f1(gold: list[int], pred: list[int], tol: int) -> float:
    used: set[int] = set()
    hits = 0
    for g in gold:
        best = None
        for p in pred:
            if p in used or abs(p - g) > tol:
                continue
            if best is None or abs(p - g) < abs(best - g):
                best = p
        if best is not None:
            used.add(best)
            hits += 1
    if not gold and not pred:
        return 1.0
    prec = hits / len(pred) if pred else 0.0
    rec = hits / len(gold) if gold else 0.0
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


@dataclass(frozen=True)
class Turn:
    """One predicted turn against the gold labels of its words."""

    first_word: int  # index of its first word
    words: int
    predicted: str | None
    majority: str | None  # the gold speaker of most of its words
    majority_words: int  # how many of its words that speaker said
    labelled: int  # its words with a gold speaker
    right: int  # its words whose gold speaker is the predicted one
    confidence: float  # mean confidence of its words
    opening: str  # its first words


def word_turns(
    gold: Sequence[str | None],
    pred: Sequence[str | None],
    conf: Sequence[float] | None = None,
    words: Sequence[str] | None = None,
    opening: int = 12,
) -> list[Turn]:
    """The predicted turns (runs of one predicted speaker) over per-word labels.

    >>> [(t.words, t.predicted, t.majority, t.right) for t in word_turns(list("AABB"), list("xyyy"))]
    [(1, 'x', 'A', 0), (3, 'y', 'B', 0)]
    """
    out: list[Turn] = []
    start = 0
    for who, run in groupby(pred):
        end = start + len(list(run))
        said = gold[start:end]
        majority = Counter(x for x in said if x is not None).most_common(1)
        out.append(
            Turn(
                start,
                end - start,
                who,
                majority[0][0] if majority else None,
                majority[0][1] if majority else 0,
                sum(x is not None for x in said),
                sum(x == who for x in said),
                sum(conf[start:end]) / (end - start) if conf else 0.0,
                " ".join(words[start : start + min(opening, end - start)]) if words else "",
            )
        )
        start = end
    return out


def predicted_turns(
    text: str, gold: Sequence[str | None], pred: Sequence[str | None], conf: Sequence[float], opening: int = 12
) -> list[Turn]:
    """The predicted turns of character-labelled ``text``, word by word, for error analysis.

    >>> text = "so why yes sure"
    >>> g = ["A"] * 7 + ["B"] * 8
    >>> p = ["A"] * 3 + ["B"] * 12
    >>> [(t.words, t.predicted, t.majority, t.right) for t in predicted_turns(text, g, p, [1.0] * 15)]
    [(1, 'A', 'A', 1), (3, 'B', 'B', 2)]
    """
    spans = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    return word_turns(
        [gold[i] for i, _ in spans],
        [pred[i] for i, _ in spans],
        [conf[i] for i, _ in spans],
        [w for _, w in spans],
        opening,
    )


def turn_bound(gold: Sequence[str | None], pred: Sequence[str | None]) -> float:
    """Word accuracy if each predicted turn (a run of one predicted speaker) were given the
    gold speaker of most of its words.

    The gap to the real accuracy is what whole turns given to the wrong speaker cost; the
    gap from this bound to 1 is what turn edges placed wrong cost.

    >>> turn_bound(list("AAABBB"), list("xxxxyy")), turn_bound(list("AAAB"), list("yyyy"))
    (0.8333333333333334, 0.75)
    """
    turns = word_turns(gold, pred)
    total = sum(t.labelled for t in turns)
    return sum(t.majority_words for t in turns) / total if total else 0.0


LONG_TURN = 60  # words: a wrongly given turn longer than this is a whole monologue, not an edge


def wrong_turn_words(turns: Sequence[Turn], long: int = LONG_TURN) -> tuple[int, int, int]:
    """(wrong words, those inside turns given a speaker other than their majority, those
    inside such turns of more than ``long`` words): how much of the error is whole turns
    given to the wrong speaker rather than turn edges.

    >>> t = [Turn(0, 80, "A", "B", 75, 80, 5, 1.0, ""), Turn(80, 10, "B", "B", 8, 10, 8, 1.0, "")]
    >>> wrong_turn_words(t)
    (77, 75, 75)
    """
    wrong = sum(t.words - t.right for t in turns)
    whole = [t for t in turns if t.majority is not None and t.majority != t.predicted]
    return wrong, sum(t.words - t.right for t in whole), sum(t.words - t.right for t in whole if t.words > long)


def write_turns(path: Path, turns: Sequence[Turn]) -> Path:
    """Write the predicted turns as a tab-separated table (one row per turn); returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(["first_word", "words", "predicted", "gold_majority", "right", "confidence", "opening"])
        for t in turns:
            out.writerow(
                [t.first_word, t.words, t.predicted or "", t.majority or "", t.right, f"{t.confidence:.3f}", t.opening]
            )
    return path


def score(text: str, gold: Sequence[str | None], pred: Sequence[str | None]) -> Scores:
    """Score predicted against gold character labels, word by word."""
    starts = [m.start() for m in _WORD.finditer(text)]
    g = [gold[i] for i in starts]
    p = [pred[i] for i in starts]
    n = len(starts) or 1
    acc = sum(a == b for a, b in zip(g, p, strict=True)) / n
    gnames = sorted({x for x in g if x is not None})
    pnames = sorted({x for x in p if x is not None})
    best = acc
    if len(pnames) <= 6 and len(gnames) <= 6:
        pad = gnames + [f"<none{i}>" for i in range(max(0, len(pnames) - len(gnames)))]
        for perm in permutations(pad, len(pnames)):
            m = dict(zip(pnames, perm, strict=True))
            best = max(best, sum(b is not None and a == m[b] for a, b in zip(g, p, strict=True)) / n)
    gc, pc = _changes(g), _changes(p)
    return Scores(
        len(starts), acc, best, _f1(gc, pc, 0), _f1(gc, pc, TOL), len(gc), len(pc), turn_bound(g, p)
    )


def describe(name: str, sc: Scores, att: Attribution, seconds: float) -> str:
    """One report block for a scored file."""
    who = ", ".join(f"{s.name} ({s.role})" for s in att.speakers)
    ads = sum(1 for s in att.spans if s.ad)
    return (
        f"{name}\n"
        f"  words {sc.words}  word accuracy {sc.accuracy:.4f}"
        f"  (best speaker mapping {sc.mapped_accuracy:.4f})\n"
        f"  turn-change F1 exact {sc.change_f1:.3f}  within ±{TOL} words {sc.change_f1_tol:.3f}"
        f"  (gold {sc.gold_changes}, predicted {sc.pred_changes} changes)\n"
        f"  with each predicted turn given its majority gold speaker {sc.turn_bound:.4f}"
        f" (the rest of the errors are turn edges)\n"
        f"  speakers: {who}; ad spans {ads}; attribution {seconds * 1000:.0f} ms"
    )


def timed_attribution(doc: object, repeat: int = 3) -> tuple[Attribution, float]:
    """Run attribution again on an analysed Doc; best wall time of ``repeat`` runs."""
    from extract.speakers.attribute import attribute

    st = doc._.podgraph  # type: ignore[attr-defined]
    best = float("inf")
    att = st.attribution
    for _ in range(repeat):
        t0 = time.perf_counter()
        att = attribute(doc, st)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - t0)
    return att, best


def main() -> int:
    """Score the sample; print the figures."""
    if not SAMPLE.exists() or not GOLD.exists():
        print(f"skipped: {SHARED} (corpus and gold) not found")
        return 0
    from extract.parsers import parse_file
    from extract.pipeline import run

    transcript = parse_file(SAMPLE)
    hints = SpeakerHints(names=(SAMPLE_HOST,), meta=dict(transcript.meta))
    t0 = time.perf_counter()
    doc = run(transcript, hints)
    total = time.perf_counter() - t0
    att, secs = timed_attribution(doc)
    st = doc._.podgraph
    gold = gold_char_labels(GOLD, transcript, st.timed)
    n = len(st.timed.text)
    pred = predicted_char_labels(att, n)
    sc = score(st.timed.text, gold, pred)
    print(describe(SAMPLE.name, sc, att, secs))
    print(describe_confidence(by_confidence(st.timed.text, gold, pred, predicted_char_confidence(att, n))))
    print(f"  extraction (model + components) {total:.2f} s; attribution share {secs / total:.1%}")
    names_ok = {s.name for s in att.speakers} == {"Dwarkesh Patel", "John Schulman"}
    print(f"  both names right: {names_ok}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
