"""Load the gold annotation of the sample (``../shared/gold``) and place it in the text.

Concepts, claims and questions are read from their TSV files; every claim's quote
is located in the joined transcript text (whitespace-insensitive, nearest to its
gold start time), so scorers can compare character spans.

>>> norm_key("Pre-trained models")
'pre train model'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from extract.align import TimedText
from graph.ids import normalise_name

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLE = SHARED / "corpus" / "000_a41d352b52a97b09.txt"
GOLD_DIR = SHARED / "gold"
SAMPLE_HOST = "Dwarkesh Patel"  # metadata, as a user would pass with --speakers
SAMPLE_GUEST = "John Schulman"

# The gold README: cold-open clips (file lines 2-4 and 5-6) repeat these claims and a
# scorer should match extractions from the cold open to them.
COLD_OPEN = {"C008": (2, 4), "C119": (2, 4), "C083": (5, 6)}

_SUFFIXES = ("ings", "ing", "ies", "ed", "es", "s")


def _stem(word: str) -> str:
    if len(word) <= 4 or not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            base = word[: -len(suf)]
            if suf == "ies":
                return base + "y"
            if suf in ("ing", "ings", "ed") and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "running" → "run"
            return base
    return word


def norm_key(name: str) -> str:
    """Matching key of a concept name: case, accents, hyphens, spacing and endings folded."""
    return " ".join(_stem(w) for w in normalise_name(name).split())


@dataclass(frozen=True)
class GoldConcept:
    """A gold concept with its aliases (as spelled in the transcript)."""

    name: str
    aliases: tuple[str, ...]
    kind: str

    @property
    def keys(self) -> frozenset[str]:
        """Normalised keys of the name and every alias."""
        return frozenset(k for k in (norm_key(n) for n in (self.name, *self.aliases)) if k)


@dataclass(frozen=True)
class GoldClaim:
    """A gold claim, with the character spans where its quote sits in the joined text."""

    id: str
    speaker: str
    type: str
    concepts: tuple[str, ...]
    quote: str
    start_s: float
    end_s: float
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class GoldQuestion:
    """A gold question: filters and the claims that answer it."""

    question: str
    speaker: str  # "any" or a speaker name
    concepts: tuple[str, ...]
    answers: tuple[str, ...]


def _seconds(hms: str) -> float:
    h, m, s = hms.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def _rows(name: str, gold_dir: Path) -> list[dict[str, str]]:
    with (gold_dir / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_concepts(gold_dir: Path = GOLD_DIR) -> list[GoldConcept]:
    """The gold concepts."""
    return [
        GoldConcept(r["concept"], tuple(a for a in r["aliases"].split("|") if a), r["kind"])
        for r in _rows("concepts.tsv", gold_dir)
    ]


def load_questions(gold_dir: Path = GOLD_DIR) -> list[GoldQuestion]:
    """The gold questions."""
    return [
        GoldQuestion(
            r["question"],
            r["speaker_filter"],
            tuple(r["concept_filter"].split("|")),
            tuple(r["answer_claim_ids"].split("|")),
        )
        for r in _rows("questions.tsv", gold_dir)
    ]


def locate(quote: str, timed: TimedText, near_s: float) -> tuple[int, int] | None:
    """Character span of ``quote`` in the joined text, the occurrence nearest ``near_s``."""
    words = quote.split()
    if not words:
        return None
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    best: tuple[float, tuple[int, int]] | None = None
    for m in pattern.finditer(timed.text):
        d = abs(timed.time_at(m.start()) - near_s)
        if best is None or d < best[0]:
            best = (d, (m.start(), m.end()))
    return best[1] if best else None


def load_claims(timed: TimedText, gold_dir: Path = GOLD_DIR) -> list[GoldClaim]:
    """The gold claims, located in ``timed`` (cold-open repeats added as extra spans)."""
    by_line = {s.line_no: s for s in timed.spans}
    out: list[GoldClaim] = []
    for r in _rows("claims.tsv", gold_dir):
        start_s = _seconds(r["start_time"])
        where = locate(r["quote"], timed, start_s)
        spans = [where] if where else []
        if r["claim_id"] in COLD_OPEN:
            a, b = COLD_OPEN[r["claim_id"]]
            if a in by_line and b in by_line:
                spans.append((by_line[a].char_start, by_line[b].char_end))
        out.append(
            GoldClaim(
                r["claim_id"],
                r["speaker"],
                r["claim_type"],
                tuple(c for c in r["concepts"].split("|") if c),
                r["quote"],
                start_s,
                _seconds(r["end_time"]),
                tuple(spans),
            )
        )
    return out
