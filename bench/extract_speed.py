"""Time ``extract`` on a transcript against the bare spaCy pipeline over the same text.

Both run in this one process, warm, best of N; the ratio is what counts.

    python bench/extract_speed.py [FILE] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from extract.align import join_lines
from extract.assemble import assemble
from extract.hints import make_hints
from extract.parsers import parse_file
from extract.pipeline import run
from graph.settings import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT.parent / "shared" / "corpus" / "000_a41d352b52a97b09.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--model", default=DEFAULT_MODEL)
    args = ap.parse_args()
    if not args.file.exists():
        args.file = ROOT / "samples" / "interview.txt"
    bare = spacy.load(args.model)
    text = join_lines(parse_file(args.file)).text
    bare(text[:2000])  # warm up both
    run(parse_file(args.file), model=args.model)

    bare_times: list[float] = []
    ex_times: list[float] = []
    stage_totals: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        bare(text)
        bare_times.append(time.perf_counter() - t0)

        marks: list[tuple[str, float]] = []
        t0 = time.perf_counter()
        transcript = parse_file(args.file)
        def mark(stage: str, i: int, n: int, marks: list[tuple[str, float]] = marks) -> None:
            marks.append((stage, time.perf_counter()))

        doc = run(transcript, make_hints(transcript, None), args.model, mark)
        assemble(doc._.podgraph)
        t1 = time.perf_counter()
        ex_times.append(t1 - t0)
        stages = [(s, t) for s, t in marks if s != "analysing"] + [("end", t1)]
        for (name, a), (_, b) in itertools.pairwise(stages):
            stage_totals.setdefault(name, []).append(b - a)

    best_bare, best_ex = min(bare_times), min(ex_times)
    print(f"file: {args.file.name} ({len(text)} characters)")
    print(f"bare spaCy pipeline ({', '.join(bare.pipe_names)}): {best_bare:.3f} s")
    print(f"podgraph extract (parse, model, speakers, concepts, claims, assemble): {best_ex:.3f} s")
    for name, ts in stage_totals.items():
        print(f"  {name:<9} {min(ts):.3f} s  ({min(ts) / best_ex:.1%} of extract)")
    print(f"ratio extract / bare spaCy: {best_ex / best_bare:.2f}")


if __name__ == "__main__":
    main()
