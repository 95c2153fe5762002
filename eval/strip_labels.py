"""Strip speaker labels from the labelled corpus files, re-chunk, attribute, score.

The words of each labelled file are re-chunked into Whisper-style lines of 10–15
words that ignore turn boundaries (times interpolated inside the source turns);
labels and ad flags are removed; metadata (title, show, guest, the speakers it lists) is kept
unless ``--bare`` drops it too, as a plain Whisper file has none. Run
``PYTHONPATH=. python -m eval.strip_labels [FILE ...] [--seeds 0 1 2]``: without files
it scores the corpus's labelled files and skips when ``../shared`` is missing. With
several seeds (different line lengths) it also prints each file's accuracy per seed
and their mean, to show how much the chunking alone moves it.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from eval.speakers import (
    LONG_TURN,
    SHARED,
    Scores,
    by_confidence,
    describe,
    describe_confidence,
    predicted_char_confidence,
    predicted_char_labels,
    predicted_turns,
    score,
    timed_attribution,
    write_turns,
    wrong_turn_words,
)
from extract.align import fill_times
from extract.speakers import Attribution, SpeakerHints
from extract.speakers.caption_ends import ENV as CAPTION_MODEL_ENV
from extract.speakers.caption_ends import caption_word
from extract.speakers.caption_ends import load as load_caption_model
from extract.speakers.name_forms import same_person
from extract.speakers.voices import Voices
from extract.transcript import Line, Transcript
from graph.errors import TranscriptParseError

FILES = (
    "lenny_chip-huyen_ai-engineering_pretraining-posttraining.md",
    "practicalai_206_chatgpt-rlhf-explained_2hosts.md",
    "dwarkesh_reiner-pope_how-llms-trained-served_llm-labeled.json",
)
KEEP_META = ("title", "show", "guest", "speakers", "published")


def strip(
    transcript: Transcript, seed: int = 0, captions: bool = False, bare: bool = False
) -> tuple[Transcript, list[str]]:
    """An unlabelled Whisper-style copy of ``transcript`` and each word's removed label;
    with ``captions`` the words also lose punctuation and case, as auto-captions have them;
    with ``bare`` the copy keeps none of the file's metadata.

    >>> t = Transcript("x", "labelled", (Line(1, 0.0, 2.0, "Hi there.", "A"), Line(2, 2.0, 3.0, "Yo.", "B")))
    >>> s, labels = strip(t)
    >>> s.lines[0].text, labels, s.labelled
    ('Hi there. Yo.', ['A', 'A', 'B'], False)
    >>> strip(t, captions=True)[0].lines[0].text
    'hi there yo'
    >>> t = Transcript("x", "labelled", t.lines, {"title": "Tides with Jo Park"})
    >>> dict(strip(t)[0].meta), dict(strip(t, bare=True)[0].meta)
    ({'title': 'Tides with Jo Park'}, {})
    """
    rng = random.Random(seed)
    times = fill_times(transcript.lines)
    words = _spoken(transcript, captions)
    lines: list[Line] = []
    i = 0
    while i < len(words):
        n = rng.randint(10, 15)
        chunk = words[i : i + n]
        end = words[i + n][1] if i + n < len(words) else times[-1][1]
        lines.append(
            Line(len(lines) + 1, round(chunk[0][1], 3), round(end, 3), " ".join(w for w, _, _, _ in chunk))
        )
        i += n
    meta = {k: v for k, v in transcript.meta.items() if k in KEEP_META and not bare}
    out = Transcript(transcript.source + "#stripped", "whisper", tuple(lines), meta, transcript.sha256)
    return out, [lab for _, _, lab, _ in words]


def _spoken(transcript: Transcript, captions: bool = False) -> list[tuple[str, float, str, bool]]:
    """(word, time, label, ad flag) of each word from the first label on; words before
    it are show notes, not speech. With ``captions``: lower case, no punctuation."""
    words: list[tuple[str, float, str, bool]] = []
    current: str | None = None
    for line, (s, e) in zip(transcript.lines, fill_times(transcript.lines), strict=True):
        current = line.speaker or current
        if current is None:
            continue
        toks = line.text.split()
        for i, w in enumerate(toks):
            said = caption_word(w) if captions else w
            if said:
                words.append((said, s + (e - s) * i / max(len(toks), 1), current, bool(line.ad)))
    return words


def ad_agreement(path: Path, text: str, att: Attribution, captions: bool = False) -> tuple[float, float, int] | None:
    """(precision, recall, flagged words) of the attribution's sponsor reads against the
    ad flags of the labelled file at ``path`` (``text``: its stripped text), word by word;
    None when the file flags no ad.
    """
    from extract.parsers import parse_file

    flags = [ad for _, _, _, ad in _spoken(parse_file(path), captions)]
    if not any(flags):
        return None
    said = [False] * len(text)
    for span in att.spans:
        if span.ad:
            said[span.char_start : span.char_end] = [True] * (span.char_end - span.char_start)
    found, pos = [], 0
    for word in text.split(" "):
        found.append(any(said[pos : pos + len(word)]))
        pos += len(word) + 1
    hits = sum(f and g for f, g in zip(found, flags, strict=True))
    return hits / max(sum(found), 1), hits / sum(flags), sum(flags)


@functools.cache
def _labelled_turns(path: Path) -> tuple[tuple[str, str], ...]:
    """(speaker, text) of each labelled line but sponsor reads, read once per file."""
    from extract.parsers import parse_file

    turns: list[tuple[str, str]] = []
    current = None
    for line in parse_file(path).lines:
        current = line.speaker or current
        if current and not line.ad:
            turns.append((current, line.text))
    return tuple(turns)


def learn_voices(paths: Sequence[Path], leave_out: Path | None = None) -> dict[str, Counter[str]]:
    """Each labelled speaker's word counts over ``paths`` (but ``leave_out``), as the
    store keeps them for a show's labelled episodes."""
    keep = [p.resolve() for p in paths if leave_out is None or p.resolve() != leave_out.resolve()]
    return Voices.from_turns(t for p in keep for t in _labelled_turns(p)).counts


class NoLabels(ValueError):
    """A file given to score has no speaker labels."""


def one_label_per_person(labels: Sequence[str]) -> list[str]:
    """Labels with each person under one name: a file that labels someone by first name
    in some turns and in full in others ("Ann", "Ann Lee") means one speaker, the longest.

    >>> one_label_per_person(["Ann Lee", "Bo", "Ann", "Bo Chen"])
    ['Ann Lee', 'Bo Chen', 'Ann Lee', 'Bo Chen']
    """
    names = sorted(set(labels), key=lambda n: (-len(n.split()), n))
    full = {n: next((m for m in names if len(m.split()) > len(n.split()) and same_person(n, m)), n) for n in names}
    return [full[n] for n in labels]


def _scored(
    path: Path,
    seed: int,
    count: bool = False,
    voices: Sequence[Path] = (),
    captions: bool = False,
    bare: bool = False,
) -> tuple[Scores, Attribution, float, list[str | None], list[str | None], str]:
    """Strip, attribute and score one file at one chunking seed; with ``count`` the
    attribution is told how many speakers the labels have (as ``--speakers N`` does);
    ``voices`` are labelled episodes of the same show, known as the store would know them;
    ``captions`` strips punctuation and case too; ``bare`` drops the file's metadata."""
    from extract.align import join_lines
    from extract.parsers import parse_file
    from extract.pipeline import run

    stripped, labels = strip(parse_file(path), seed, captions, bare)
    if not labels:
        raise NoLabels(f"{path}: no speaker labels to score")
    labels = one_label_per_person(labels)
    hints = SpeakerHints(
        count=len(set(labels)) if count else None,
        meta=dict(stripped.meta),
        voices=learn_voices(voices, leave_out=path),
    )
    doc = run(stripped, hints)
    att, secs = timed_attribution(doc)
    text = join_lines(stripped).text
    gold = gold_chars(text, labels)
    pred = as_labelled(predicted_char_labels(att, len(text)), labels)
    return score(text, gold, pred), att, secs, gold, pred, text


def gold_chars(text: str, labels: Sequence[str]) -> list[str | None]:
    """Each character's label, from one label per word of ``text`` (words split at spaces).

    >>> gold_chars("Hi yo", ["A", "B"])
    ['A', 'A', None, 'B', 'B']
    """
    gold: list[str | None] = [None] * len(text)
    pos = 0
    for w, lab in zip(text.split(" "), labels, strict=True):
        gold[pos : pos + len(w)] = [lab] * len(w)
        pos += len(w) + 1
    return gold


def as_labelled(pred: Sequence[str | None], labels: Sequence[str]) -> list[str | None]:
    """Predicted names written as the labels write them: a label may give a first name
    only ("Sumit"), and the speaker named in full is the same person.

    >>> as_labelled(["Sumit Rao", None, "Host"], ["Sumit", "Ann"])
    ['Sumit', None, 'Host']
    >>> as_labelled(["Ann", "Bo Chen"], ["ANN LEE", "Bo"])  # labels in capitals, or shorter
    ['ANN LEE', 'Bo']
    """
    names = sorted(set(labels))

    def cased(g: str) -> str:
        return g.title() if g.isupper() else g

    def one(g: str, p: str) -> bool:
        return same_person(cased(g), p) or same_person(p, cased(g))

    same = {p: next((g for g in names if one(g, p)), p) for p in {x for x in pred if x}}
    return [same[x] if x else x for x in pred]


def pool_bands(
    files: Sequence[tuple[int, Sequence[tuple[float, float, float, float]]]],
) -> list[tuple[float, float, float, float]]:
    """Confidence bands of several files pooled by their words: (low, high, share, accuracy).

    >>> one = [(0.0, 0.9, 0.5, 0.6), (0.9, 1.0, 0.5, 1.0)]
    >>> pool_bands([(100, one), (100, [(0.0, 0.9, 0.0, 0.0), (0.9, 1.0, 1.0, 0.7)])])
    [(0.0, 0.9, 0.25, 0.6), (0.9, 1.0, 0.75, 0.8)]
    """
    total = sum(n for n, _ in files)
    out = []
    for k, (lo, hi, _, _) in enumerate(files[0][1] if files else []):
        words = sum(n * bands[k][2] for n, bands in files)
        right = sum(n * bands[k][2] * bands[k][3] for n, bands in files)
        out.append((lo, hi, words / max(total, 1), right / words if words else 0.0))
    return out


def main(argv: list[str] | None = None) -> int:
    """Score every stripped labelled file; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "files", nargs="*", type=Path, help="labelled transcripts to score (default: the corpus's labelled files)"
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[0], help="chunking seeds (default: 0)")
    parser.add_argument(
        "--count", action="store_true", help="tell the attribution how many speakers each file's labels have"
    )
    parser.add_argument(
        "--captions", action="store_true", help="strip punctuation and case too, as auto-captions have none"
    )
    parser.add_argument(
        "--bare", action="store_true", help="drop the file's metadata too, as a plain Whisper file has none"
    )
    parser.add_argument(
        "--voices",
        type=Path,
        nargs="+",
        default=[],
        help="labelled episodes of the same show whose speakers' word use is known (each file scored leaves itself out)",
    )
    parser.add_argument(
        "--turns", type=Path, metavar="DIR", help="write each file's predicted turns against its labels to DIR/NAME.turns.tsv"
    )
    parser.add_argument(
        "--caption-model",
        type=Path,
        metavar="FILE",
        help="restore caption sentence ends with this model (from caption_train -o), as PODGRAPH_CAPTION_MODEL does",
    )
    args = parser.parse_args(argv)
    if args.caption_model:
        load_caption_model(args.caption_model)  # a bad file stops here, before any scoring
        os.environ[CAPTION_MODEL_ENV] = str(args.caption_model)
    corpus = SHARED / "corpus"
    if not args.files and not corpus.exists():
        print(f"skipped: {corpus} not found")
        return 0
    options = (args.count, args.voices, args.captions, args.bare)
    accuracies: list[float] = []
    pooled: list[tuple[int, list[tuple[float, float, float, float]]]] = []
    for path in args.files or [corpus / name for name in FILES]:
        name = path.name
        if not path.exists():
            print(f"skipped {name}: not found")
            continue
        t0 = time.perf_counter()
        try:
            sc, att, secs, gold, pred, text = _scored(path, args.seeds[0], *options)
        except NoLabels:
            print(f"skipped {name}: no speaker labels to score")
            continue
        except TranscriptParseError as err:
            print(f"skipped {name}: {err}")
            continue
        total = time.perf_counter() - t0
        print(describe(name + " (stripped)", sc, att, secs))
        conf = predicted_char_confidence(att, len(text))
        bands = by_confidence(text, gold, pred, conf)
        print(describe_confidence(bands))
        turns = predicted_turns(text, gold, pred, conf)
        wrong, whole, long = wrong_turn_words(turns)
        print(
            f"  wrong words {wrong}: {whole / max(wrong, 1):.0%} in predicted turns whose words are mostly"
            f" another speaker's ({long / max(wrong, 1):.0%} in such turns of over {LONG_TURN} words)"
        )
        if args.turns:
            print(f"  turns: {write_turns(args.turns / (name + '.turns.tsv'), turns)}")
        pooled.append((len(text.split()), bands))
        print(f"  gold speakers: {', '.join(sorted({g for g in gold if g}))}; extraction {total:.2f} s")
        ads = ad_agreement(path, text, att, args.captions)
        if ads:
            print(f"  sponsor-read words against the file's ad flags ({ads[2]}): precision {ads[0]:.3f}, recall {ads[1]:.3f}")
        accuracies.append(sc.accuracy)
        if len(args.seeds) > 1:
            accs = [sc.accuracy] + [
                _scored(path, seed, *options)[0].accuracy for seed in args.seeds[1:]
            ]
            each = ", ".join(f"{seed}: {a:.3f}" for seed, a in zip(args.seeds, accs, strict=True))
            print(f"  word accuracy by chunking seed {each}; mean {statistics.mean(accs):.3f}")
    if len(accuracies) > 1:
        low = min(accuracies)
        print(f"{len(accuracies)} files: mean word accuracy {statistics.mean(accuracies):.3f}, lowest {low:.3f}")
        print(describe_confidence(pool_bands(pooled)).replace("confidence", "all files' words by confidence", 1))
    return 0

if __name__ == "__main__":
    sys.exit(main())
