"""Each speaker's word use (idiolect): log-ratios of their word rates to the episode's.

Counted over the words that recur across an episode ("sort of", "I guess",
"basically", recurring terms), from soft speaker posteriors, so EM can re-estimate
them; fillers are left to the role model's token classes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from extract.speakers.features import CLASS_WORDS, CLASSES
from extract.speakers.hmm import Array

_LEX_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The lower-case words of a text, as word use and known voices count them."""
    return _LEX_WORD.findall(text.lower().replace("’", "'"))


_FILLERS = frozenset(w for w, c in CLASS_WORDS.items() if c == CLASSES.index("filler"))


class WordUse:
    """Each speaker's word use (idiolect), as log-ratios to the episode's overall rates."""

    def __init__(self, texts: Sequence[str], min_count: int, spread: int = 1, segments: int = 10) -> None:
        # Fillers are left to the token classes, read against the local background:
        # how many a transcript keeps drifts with the transcriber, not the speaker.
        docs = [
            [w for w in words(txt) if w not in _FILLERS]
            for txt in texts
        ]
        freq = Counter(w for d in docs for w in d)
        # A word said in one stretch of the episode only is the topic there, not anyone's
        # habit: it must come up in ``spread`` of ``segments`` equal stretches.
        stretches: dict[str, set[int]] = {}
        for r, d in enumerate(docs):
            for w in d:
                stretches.setdefault(w, set()).add(r * segments // max(1, len(docs)))
        vocab = {
            w: i
            for i, w in enumerate(
                sorted(w for w, c in freq.items() if c >= min_count and len(stretches[w]) >= spread)
            )
        }
        rows, cols = [], []
        for r, d in enumerate(docs):
            for w in d:
                if w in vocab:
                    rows.append(r)
                    cols.append(vocab[w])
        self.size = len(vocab)
        self.counts = csr_matrix(
            (np.ones(len(rows)), (rows, cols)), shape=(len(docs), self.size), dtype=float
        )
        total = np.asarray(self.counts.sum(axis=0)).ravel()
        self.background = (total + 0.5) / (total.sum() + 0.5 * self.size) if self.size else total

    def local(self, window: int, block: int = 10) -> Array:
        """Each unit's local word rates over all speakers (its topic), shape (T, V) or (1, V).

        Counted over blocks of ``block`` units within about ``window`` units of each
        unit's block, shrunk to the episode's rates.
        """
        t = self.counts.shape[0]
        if not self.size or not t:
            return np.zeros((t, self.size))
        if window <= 0:
            return self.background[None, :]  # one row for every unit
        nb = (t + block - 1) // block
        owner = csr_matrix((np.ones(t), (np.arange(t) // block, np.arange(t))), shape=(nb, t))
        per_block = np.asarray((owner @ self.counts).todense())
        cum = np.concatenate([np.zeros((1, self.size)), np.cumsum(per_block, axis=0)])
        reach = max(1, window // block)
        lo = np.clip(np.arange(nb) - reach, 0, nb)
        hi = np.clip(np.arange(nb) + reach + 1, 0, nb)
        local = cum[hi] - cum[lo]
        est = local + 20.0 * self.background[None, :] * local.sum(axis=1, keepdims=True) / max(
            float(local.sum(axis=1).mean()), 1.0
        )
        return np.asarray(est / est.sum(axis=1, keepdims=True))[np.arange(t) // block]

    def scores(self, occ: Array, local: Array, strength: float, leave_one_out: bool = False) -> Array:
        """Log-likelihood of each unit's words under each speaker relative to the local topic, (T, N).

        Each speaker's word use is a ratio to the local rates (what anyone says
        about the topic at hand), estimated like the role ratios, shrunk to 1.
        With ``leave_one_out`` each unit's words are scored against ratios counted
        without that unit (as its share ``occ`` of each speaker), so a word is
        evidence only where others of the episode back it.
        """
        t, n = occ.shape
        if not self.size:
            return np.zeros((t, n))
        size = np.asarray(self.counts.sum(axis=1)).ravel()
        observed = np.asarray((self.counts.T @ occ).T)  # (N, V)
        # Words each speaker would say at the local rates, (N, V); one row: the episode's.
        one = len(local) == 1
        expected = (occ.T @ size)[:, None] * local if one else occ.T @ (size[:, None] * local)
        pseudo = strength * self.background[None, :]
        log_ratio = np.log((observed + pseudo) / (expected + pseudo))
        norm = np.log(local @ np.exp(log_ratio).T)  # (T, N)
        if not leave_one_out:
            return np.asarray(self.counts @ log_ratio.T) - size[:, None] * norm
        cells = self.counts.tocoo()
        r, c, v = cells.row, cells.col, cells.data
        own_words = occ[r] * size[r, None]  # (cells, N): the unit's words in each speaker's count
        if one:
            # The episode's rate of the word without the unit, times each speaker's other words.
            total = float(size.sum())
            rate = np.maximum(local[0, c] * total - v, 0.0) / np.maximum(total - size[r], 1.0)
            expect = np.maximum((occ.T @ size)[None, :] - own_words, 0.0) * rate[:, None]
        else:
            expect = np.maximum(expected[:, c].T - own_words * local[r, c][:, None], 0.0)
        seen = np.maximum(observed[:, c].T - occ[r] * v[:, None], 0.0)
        ratio = np.log((seen + pseudo[0, c, None]) / (expect + pseudo[0, c, None]))
        out = np.stack([np.bincount(r, weights=v * ratio[:, k], minlength=t) for k in range(n)], axis=1)
        return out - size[:, None] * norm
