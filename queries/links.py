"""Cross-episode links recomputed after every ingest: related concepts, similar claims,
and people known by a first name folded into the full-name person they are.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer

from graph.model import Claim, ClaimFilter, ClaimLink, Relation
from graph.store import GraphStore
from queries.claims import all_claims
from queries.resolve import fold_first_names

MIN_SHARED = 2  # claims two concepts must share to be related
SIMILAR_MIN = 0.25  # TF-IDF cosine for two claims to be similar
AGREE_MIN = 0.4  # ... and to count as agreement when their polarity matches
LINKS_PER_CLAIM = 5
BLOCK = 512  # claims whose similarities to the rest are computed at once
_NEGATION = re.compile(
    r"\b(?:not|no|never|cannot|can't|won't|don't|doesn't|isn't|aren't|wasn't|weren't|"
    r"shouldn't|wouldn't|couldn't|hardly|unlikely|disagree|wrong)\b|n't\b",
    re.IGNORECASE,
)


def concept_relations(claims: list[Claim]) -> list[Relation]:
    """``RELATED_TO`` weights: normalised PMI of two concepts sharing claims, in 0..1.

    Pairs sharing fewer than ``MIN_SHARED`` claims are left out, so frequent
    concepts do not relate to everything.
    """
    pair_counts: Counter[tuple[str, str]] = Counter()
    single: Counter[str] = Counter()
    total = 0
    for c in claims:
        ids = sorted(set(c.concept_ids))
        if not ids:
            continue
        total += 1
        single.update(ids)
        pair_counts.update(combinations(ids, 2))
    out: list[Relation] = []
    for (a, b), n in sorted(pair_counts.items()):
        if n < MIN_SHARED:
            continue
        pmi = math.log(n * total / (single[a] * single[b]))
        if pmi <= 0:
            continue
        npmi = pmi / -math.log(n / total) if n < total else 1.0
        out.append(Relation(a, b, round(min(1.0, npmi), 4)))
    return out


def negated(text: str) -> bool:
    """True when a claim carries an odd number of negation cues.

    >>> negated("Scaling will not stop."), negated("It isn't true that it won't work.")
    (True, False)
    """
    return len(_NEGATION.findall(text)) % 2 == 1


def _close_pairs(
    matrix: Any, members: NDArray[np.int64], episode: NDArray[np.int64]
) -> Iterator[tuple[int, int, float]]:
    """Pairs of ``members`` (rows of the L2-normalised TF-IDF ``matrix``) from different
    episodes whose cosine is at least ``SIMILAR_MIN``, with it. The similarities are
    computed ``BLOCK`` rows at a time against the rows after them and stay sparse, so a
    concept that hundreds of episodes talk about never needs its square matrix in memory."""
    rows = matrix[members]
    for start in range(0, len(members), BLOCK):
        sims = (rows[start : start + BLOCK] @ rows[start:].T).tocoo()
        x, y = sims.row + start, sims.col + start
        keep = (sims.data >= SIMILAR_MIN) & (x < y) & (episode[members[x]] != episode[members[y]])
        for a, b, score in zip(members[x[keep]], members[y[keep]], sims.data[keep], strict=True):
            yield int(a), int(b), float(score)


def similar_claims(claims: list[Claim]) -> list[ClaimLink]:
    """``SIMILAR_TO`` between claims of different episodes about a shared concept.

    Similarity is the TF-IDF cosine of the claims' clean text; the stance is
    ``disagree`` when exactly one side is negated, ``agree`` when neither or both
    are and the texts are close, else ``related``. Each claim keeps its strongest links.
    """
    if len(claims) < 2:
        return []
    texts = [c.text or c.quote for c in claims]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1).fit_transform(texts)
    by_concept: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        for cid in set(c.concept_ids):
            by_concept[cid].append(i)
    episode = np.unique([c.episode_id for c in claims], return_inverse=True)[1]
    best: dict[tuple[int, int], float] = {}
    for members in by_concept.values():
        if len(members) < 2:
            continue
        for i, j, score in _close_pairs(matrix, np.array(members), episode):
            best[(min(i, j), max(i, j))] = score
    per_claim: dict[int, int] = Counter()
    links: list[ClaimLink] = []
    for (i, j), score in sorted(best.items(), key=lambda kv: (-kv[1], kv[0])):
        if per_claim[i] >= LINKS_PER_CLAIM or per_claim[j] >= LINKS_PER_CLAIM:
            continue
        per_claim[i] += 1
        per_claim[j] += 1
        a, b = claims[i], claims[j]
        if negated(texts[i]) != negated(texts[j]):
            stance = "disagree"
        else:
            stance = "agree" if score >= AGREE_MIN else "related"
        src, dst = sorted((a.id, b.id))
        links.append(ClaimLink(src, dst, round(score, 4), stance))
    return sorted(links, key=lambda link: (link.source_id, link.target_id))


async def refresh_links(store: GraphStore) -> None:
    """Recompute every derived cross-episode edge (after any ingest or delete)."""
    await fold_first_names(store)
    claims = await all_claims(store, ClaimFilter())
    await store.set_relations(concept_relations(claims))
    await store.set_similar(similar_claims(claims))
