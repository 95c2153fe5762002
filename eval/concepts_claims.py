"""Concepts and claims on the gold sample: recall, precision, claims per gold claim, Q&A.

Run ``PYTHONPATH=. python -m eval.concepts_claims`` from the repository root (add
``--all`` for the concept and claim counts of every corpus file). Skips with a message
when ``../shared`` (corpus and gold) is missing.

Matching rules (documented here, applied the same way to every run):

* **Concepts.** Names are compared by ``eval.gold.norm_key`` (case, accents, hyphens,
  spacing and word endings folded). A gold concept is *found* when the name or an
  alias of some extracted concept has the same key as the gold name or one of its
  aliases (the gold aliases are spelled as said in the transcript, ASR errors
  included). *Precision* is the share of extracted concepts whose name or an alias
  matches some gold concept, over every concept the pipeline emits; ``P@79`` uses the
  79 best-ranked only. *Split* counts gold concepts matched by more than one extracted
  concept (one idea, several nodes).
* **Claims.** A gold claim is *recalled* when one extracted claim's character span
  covers at least half of the gold quote's characters (at the quote's location in the
  text, or at the cold-open repeat the gold README names). "with speakers" also needs
  the extracted claim's speaker to be the gold speaker (host → Dwarkesh Patel, the
  other speaker → John Schulman); "ignoring speakers" does not.
* **Questions.** For each gold question, the candidate claims are the extracted claims
  of the question's speaker (any speaker for "any") that are about at least one
  extracted concept matching one of the question's gold concepts (concept rule above).
  Answer recall is the share of all answer ids (micro) recalled by a candidate claim.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.gold import (
    GOLD_DIR,
    SAMPLE,
    SAMPLE_GUEST,
    SAMPLE_HOST,
    SHARED,
    GoldClaim,
    GoldConcept,
    GoldQuestion,
    load_claims,
    load_concepts,
    load_questions,
    norm_key,
)
from extract.assemble import assemble
from extract.claims.find import find_claims
from extract.concepts import ConceptFound
from extract.concepts.find import find_concepts
from extract.concepts.vocabulary import Vocabulary, default_vocabulary
from extract.parsers import parse_file
from extract.pipeline import run
from extract.speakers import SpeakerHints
from extract.state import DocState

COVER = 0.5  # share of the gold quote an extracted claim must cover


@dataclass(frozen=True)
class Claimed:
    """An extracted claim with the speaker name the scorer compares."""

    char_start: int
    char_end: int
    speaker: str
    type: str
    concepts: tuple[str, ...]


def concept_keys(c: ConceptFound) -> frozenset[str]:
    """Matching keys of an extracted concept's name and aliases."""
    return frozenset(k for k in (norm_key(n) for n in (c.name, *c.aliases)) if k)


def matches(extracted: ConceptFound, gold: GoldConcept) -> bool:
    """The concept rule: some name or alias key in common."""
    return bool(concept_keys(extracted) & gold.keys)


def concept_scores(found: Sequence[ConceptFound], gold: Sequence[GoldConcept]) -> dict[str, float]:
    """Recall, precision (all and top-K), split count."""
    hit_gold = [sum(1 for c in found if matches(c, g)) for g in gold]
    good = [any(matches(c, g) for g in gold) for c in found]
    k = len(gold)
    top = good[:k]
    return {
        "recall": sum(1 for h in hit_gold if h) / len(gold),
        "precision": sum(good) / len(found) if found else 0.0,
        f"P@{k}": sum(top) / len(top) if top else 0.0,
        f"R@{k}": sum(1 for g in gold if any(matches(c, g) for c in found[:k])) / len(gold),
        "extracted": float(len(found)),
        "split": float(sum(1 for h in hit_gold if h > 1)),
    }


def covered(claim: Claimed, gold: GoldClaim) -> bool:
    """Does the extracted claim cover at least ``COVER`` of one of the gold quote's spans?"""
    for a, b in gold.spans:
        inter = min(b, claim.char_end) - max(a, claim.char_start)
        if b > a and inter >= COVER * (b - a):
            return True
    return False


def recalled(claims: Sequence[Claimed], gold: GoldClaim, with_speaker: bool) -> bool:
    """Is the gold claim recalled by one of ``claims``?"""
    return any(covered(c, gold) and (not with_speaker or c.speaker == gold.speaker) for c in claims)


def claim_scores(
    claims: Sequence[Claimed], gold: Sequence[GoldClaim], with_speaker: bool
) -> dict[str, float]:
    """Recall overall and per gold type, and extracted claims per gold claim."""
    out: dict[str, float] = {}
    hits = [recalled(claims, g, with_speaker) for g in gold]
    out["recall"] = sum(hits) / len(gold)
    for t in sorted({g.type for g in gold}):
        idx = [i for i, g in enumerate(gold) if g.type == t]
        out[f"recall[{t}]"] = sum(hits[i] for i in idx) / len(idx)
    out["per_gold"] = len(claims) / len(gold)
    found = [g for g in gold if any(covered(c, g) for c in claims)]
    same = sum(1 for g in found if any(covered(c, g) and c.type == g.type for c in claims))
    out["type_match"] = same / max(1, len(found))
    return out


def qa_recall(
    claims: Sequence[Claimed],
    found: Sequence[ConceptFound],
    gold_concepts: Sequence[GoldConcept],
    gold_claims: Sequence[GoldClaim],
    questions: Sequence[GoldQuestion],
    with_speaker: bool,
) -> float:
    """Micro recall of the gold answers among the claims the question's filters keep."""
    by_name = {c.name: c for c in found}
    gconcept = {g.name: g for g in gold_concepts}
    gclaim = {g.id: g for g in gold_claims}
    total = hit = 0
    for q in questions:
        wanted = [gconcept[n] for n in q.concepts if n in gconcept]
        keep = [
            c
            for c in claims
            if (not with_speaker or q.speaker == "any" or c.speaker == q.speaker)
            and any(n in by_name and matches(by_name[n], g) for n in c.concepts for g in wanted)
        ]
        for a in q.answers:
            total += 1
            hit += a in gclaim and recalled(keep, gclaim[a], False)
    return hit / total if total else 0.0


def _claimed(state: DocState) -> list[Claimed]:
    doc = assemble(state)
    host = next((s.name for s in doc.speakers if s.role == "host"), SAMPLE_HOST)
    gold_names = {SAMPLE_HOST, SAMPLE_GUEST}
    out = []
    for c in doc.claims:
        who = c.speaker if c.speaker in gold_names else (SAMPLE_HOST if c.speaker == host else SAMPLE_GUEST)
        out.append(Claimed(c.char_start, c.char_end, who, c.type, tuple(c.concepts)))
    return out


def _fmt(scores: dict[str, float]) -> str:
    return "  ".join(f"{k}={v:.3f}" if v < 10 else f"{k}={v:.0f}" for k, v in scores.items())


def evaluate(vocabulary: Vocabulary, label: str, doc_state: tuple, gold_dir: Path) -> None:
    """Print every figure for one vocabulary setting."""
    doc, st = doc_state
    t0 = time.perf_counter()
    st.concepts = find_concepts(doc, st, vocabulary)
    t1 = time.perf_counter()
    st.claims = find_claims(doc, st)
    t2 = time.perf_counter()
    gold_concepts = load_concepts(gold_dir)
    gold_claims = load_claims(st.timed, gold_dir)
    questions = load_questions(gold_dir)
    claims = _claimed(st)
    per_claim = sum(len(c.concepts) for c in claims) / max(1, len(claims))
    print(
        f"== {label}: {len(st.concepts)} concepts, {len(claims)} claims ({per_claim:.1f} concepts per claim)"
    )
    print(f"  time: concepts {t1 - t0:.3f}s  claims {t2 - t1:.3f}s  total {t2 - t0:.3f}s")
    print("  concepts:", _fmt(concept_scores(st.concepts, gold_concepts)))
    for ws, name in ((False, "ignoring speakers"), (True, "with speakers")):
        print(f"  claims ({name}):", _fmt(claim_scores(claims, gold_claims, ws)))
        qa = qa_recall(claims, st.concepts, gold_concepts, gold_claims, questions, ws)
        print(f"  question-answer recall ({name}): {qa:.3f}")
    missing = [g.id for g in gold_claims if not g.spans]
    if missing:
        print(f"  (gold quotes not located in the text: {', '.join(missing)})")


def corpus_counts() -> None:
    """Concept and claim counts for every corpus file."""
    for path in sorted((SHARED / "corpus").iterdir()):
        if path.name == "README.md":
            continue
        hints = SpeakerHints(names=(SAMPLE_HOST,)) if path == SAMPLE else None
        t0 = time.perf_counter()
        doc = run(parse_file(path), hints)
        st = doc._.podgraph
        print(
            f"  {path.name}: {len(st.concepts)} concepts, {len(st.claims)} claims "
            f"({time.perf_counter() - t0:.1f}s with the model)"
        )


def main(argv: Sequence[str] = ()) -> int:
    """Entry point: print the figures, or a skip message without ``../shared``."""
    if not SAMPLE.exists() or not GOLD_DIR.exists():
        print(f"skipped: {SHARED} (corpus and gold) is missing")
        return 0
    doc = run(parse_file(SAMPLE), SpeakerHints(names=(SAMPLE_HOST,)))
    st = doc._.podgraph
    evaluate(default_vocabulary(), "with the shipped vocabulary", (doc, st), GOLD_DIR)
    evaluate(Vocabulary.empty(), "without vocabulary", (doc, st), GOLD_DIR)
    if "--all" in argv:
        print("== corpus files (shipped vocabulary)")
        corpus_counts()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
