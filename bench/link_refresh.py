"""Cross-episode link refresh at scale: time and peak memory of ``similar_claims`` and
``concept_relations`` as a store grows to hundreds of episodes.

Claims are invented with the skew of real shows: words and concepts drawn from Zipf
distributions, so one concept ("model" on an AI show) is in about a fifth of all claims
and its claims must all be compared with each other. Each size is one timed run and
one traced run; the report gives seconds, peak memory traced during the refresh, and both as ratios to the smallest
size, beside the ratio of claims and of claim pairs within a concept.

    PYTHONPATH=. python bench/link_refresh.py                    # 50, 100 and 200 episodes
    PYTHONPATH=. python bench/link_refresh.py --episodes 50 300 --claims 400
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.model import Claim
from queries.links import concept_relations, similar_claims

VOCABULARY = 30_000
CONCEPTS = 20_000


def invented_claims(episodes: int, per_episode: int, seed: int = 1) -> list[Claim]:
    """``episodes`` × ``per_episode`` claims of 15 words and one to three concepts each."""
    rng = np.random.default_rng(seed)
    words = 1.0 / np.arange(1, VOCABULARY + 1) ** 1.05
    concepts = 1.0 / np.arange(1, CONCEPTS + 1)
    words, concepts = words / words.sum(), concepts / concepts.sum()
    out = []
    for e in range(episodes):
        for k in range(per_episode):
            text = " ".join(f"w{w}" for w in rng.choice(VOCABULARY, size=15, p=words))
            about = tuple(sorted({f"c{c}" for c in rng.choice(CONCEPTS, size=rng.integers(1, 4), p=concepts)}))
            out.append(Claim(f"cl{e}.{k}", f"ep{e}", f"seg{e}.{k}", "p", 0.0, 1.0, text, text,
                             "opinion", 0.5, 0, len(text), None, about))
    return out


def pairs_within_concepts(claims: list[Claim]) -> int:
    """Claim pairs that share a concept, counted once per concept: the comparisons needed."""
    sizes = Counter(c for claim in claims for c in claim.concept_ids)
    return sum(n * (n - 1) // 2 for n in sizes.values())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--episodes", type=int, nargs="+", default=[50, 100, 200])
    p.add_argument("--claims", type=int, default=400, help="claims per episode (default 400)")
    args = p.parse_args(argv)
    rows = []
    for n in args.episodes:
        claims = invented_claims(n, args.claims)
        t0 = time.perf_counter()
        related = concept_relations(claims)
        similar = similar_claims(claims)
        seconds = time.perf_counter() - t0
        tracemalloc.start()  # a second pass for memory: tracing slows the refresh several times
        concept_relations(claims)
        similar_claims(claims)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rows.append((n, len(claims), pairs_within_concepts(claims), seconds, peak, len(related), len(similar)))
    n0, c0, p0, s0, m0 = rows[0][:5]
    print(f"{'episodes':>8} {'claims':>7} {'pairs':>12} {'seconds':>8} {'peak MB':>8}   ratios to {n0} episodes:"
          " claims, pairs, seconds, peak memory")
    for n, c, pairs, s, m, n_related, n_similar in rows:
        print(f"{n:>8} {c:>7} {pairs:>12,} {s:>8.2f} {m / 2**20:>8.1f}   "
              f"{c / c0:.1f}, {pairs / p0:.1f}, {s / s0:.1f}, {m / m0:.1f}"
              f"   ({n_related} related concept pairs, {n_similar} similar claim pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
