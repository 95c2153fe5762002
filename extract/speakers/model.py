"""The role model: per-role feature rates, adapted to each episode by EM, decoded by an HMM.

State 0 is the host (asks, reacts, addresses "you"); states 1… are guests
(answer, hedge, say "I"/"we", use fillers). The rates start from these role
profiles; EM re-estimates them from the episode's own posteriors, with the
profile as a Dirichlet prior so a few units cannot overturn it. Each speaker's
word use (idiolect: "sort of", "I guess", "basically", recurring terms) is
re-estimated the same way over the episode's recurring words, as log-ratios to
the episode's overall rates, so it carries no role prior and only separates the
two voices. The turn-change log-odds at each boundary is a fixed linear function
of the boundary features.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import csr_matrix

from extract.speakers.features import CLASSES, ENDS, LENGTHS, OPENERS, BoundaryFeatures, UnitFeatures
from extract.speakers.hmm import Array, posteriors, viterbi


def _norm(xs: Sequence[float]) -> tuple[float, ...]:
    s = sum(xs)
    return tuple(x / s for x in xs)


@dataclass(frozen=True)
class Profile:
    """Prior rates of one role: how its units end, open, how long they are, which tokens."""

    end: tuple[float, ...]  # ENDS
    opener: tuple[float, ...]  # OPENERS
    length: tuple[float, ...]  # len(LENGTHS) + 1 bins
    tokens: tuple[float, ...]  # CLASSES


HOST = Profile(
    end=_norm((0.58, 0.32, 0.10)),
    opener=_norm((0.60, 0.03, 0.07, 0.12, 0.12, 0.06)),
    length=_norm((0.22, 0.33, 0.32, 0.13)),
    tokens=_norm((0.006, 0.045, 0.03, 0.012, 0.012, 0.022, 0.008, 0.865)),
)
GUEST = Profile(
    end=_norm((0.88, 0.05, 0.07)),
    opener=_norm((0.62, 0.07, 0.10, 0.03, 0.08, 0.10)),
    length=_norm((0.14, 0.30, 0.36, 0.20)),
    tokens=_norm((0.02, 0.022, 0.04, 0.022, 0.017, 0.012, 0.0015, 0.8655)),
)


@dataclass(frozen=True)
class Settings:
    """The model's few fixed numbers."""

    leave_host: float = -1.8  # base log-odds that the host's turn ends after a unit
    leave_guest: float = -2.2  # the same for a guest
    after_question: tuple[float, float] = (1.6, 0.0)  # after a host's / a guest's question
    # How the next unit opens (OPENERS: none filler agree react so conj), after host / guest:
    # an answer opens with "Yeah"; a host reacts with "Interesting."; "and"/"but" continue.
    opener_host: tuple[float, ...] = (0.0, 0.6, 2.5, 0.8, 0.0, -1.5)
    opener_guest: tuple[float, ...] = (0.0, -0.3, 1.0, 1.8, -0.6, -0.5)
    line_start: float = 0.2
    gap: float = 0.8
    inner: float = -0.8
    token_weight: float = 0.3  # tempers the naive-Bayes token evidence
    prior_units: float = 30.0  # Dirichlet strength of the categorical profiles
    prior_tokens: float = 600.0  # … and of the token profile
    iterations: int = 8
    window: int = 100  # units each side that local rates are estimated from
    local_units: float = 20.0  # strength of the global rates in the local estimate
    local_tokens: float = 300.0
    min_count: int = 3  # a word's count in the episode to enter the speaker lexicons
    lexical_weight: float = 0.3  # tempers the speakers' word-use evidence
    prior_lexical: float = 500.0  # pseudo-words of the episode's own word rates


@dataclass
class Rates:
    """Log rates of every state, shape (N, K) per feature."""

    end: Array
    opener: Array
    length: Array
    tokens: Array

    @classmethod
    def from_profiles(cls, profiles: Sequence[Profile]) -> Rates:
        """Log rates from a profile per state."""
        return cls(
            *(
                np.log(np.array([getattr(p, f) for p in profiles]))
                for f in ("end", "opener", "length", "tokens")
            )
        )


@dataclass(frozen=True)
class Design:
    """The episode's features as matrices (one row per unit)."""

    end: Array
    opener: Array
    length: Array
    tokens: Array

    @classmethod
    def build(cls, feats: Sequence[UnitFeatures]) -> Design:
        """One-hot and count matrices for the units."""
        t = len(feats)
        end, opener, length = (
            np.zeros((t, len(ENDS))),
            np.zeros((t, len(OPENERS))),
            np.zeros((t, len(LENGTHS) + 1)),
        )
        for i, f in enumerate(feats):
            end[i, f.end] = opener[i, f.opener] = length[i, f.length] = 1.0
        tokens = np.array([f.counts for f in feats], dtype=float).reshape(t, len(CLASSES))
        return cls(end, opener, length, tokens)


def change_logits(bounds: Sequence[BoundaryFeatures | None], n: int, cfg: Settings) -> Array:
    """Turn-change log-odds per boundary and previous speaker, shape (T, N)."""
    base = np.array([cfg.leave_host] + [cfg.leave_guest] * (n - 1))
    out = np.tile(base, (len(bounds), 1))
    for i, b in enumerate(bounds):
        if b is None:
            continue
        out[i] += cfg.line_start * b.line_start + cfg.gap * b.gap + cfg.inner * b.inner
        out[i, 0] += cfg.after_question[0] * b.after_question + cfg.opener_host[b.opener]
        out[i, 1:] += cfg.after_question[1] * b.after_question + cfg.opener_guest[b.opener]
    return out


def emissions(x: Design, r: Rates, cfg: Settings) -> Array:
    """Log-likelihood of every unit under every state, shape (T, N).

    Rates are either global, shape (N, K), or local to each unit, shape (T, N, K).
    """

    def term(m: Array, rate: Array) -> Array:
        return m @ rate.T if rate.ndim == 2 else np.einsum("tk,tnk->tn", m, rate)

    return (
        term(x.end, r.end)
        + term(x.opener, r.opener)
        + term(x.length, r.length)
        + cfg.token_weight * term(x.tokens, r.tokens)
    )


def _reestimate(counts: Array, prior: Array, strength: float) -> Array:
    est = counts + strength * prior
    return np.log(est / est.sum(axis=-1, keepdims=True))


def _local(post: Array, m: Array, glob: Array, window: int, strength: float) -> Array:
    """Rates re-estimated from the units within ``window`` of each unit, shrunk to the global ones."""
    t = len(m)
    weighted = post[:, :, None] * m[:, None, :]  # (T, N, K)
    cum = np.concatenate([np.zeros((1, *weighted.shape[1:])), np.cumsum(weighted, axis=0)])
    lo = np.clip(np.arange(t) - window, 0, t)
    hi = np.clip(np.arange(t) + window + 1, 0, t)
    counts = cum[hi] - cum[lo]
    return _reestimate(counts, np.exp(glob)[None, :, :], strength)


def fit_decode(
    feats: Sequence[UnitFeatures],
    bounds: Sequence[BoundaryFeatures | None],
    anchors: Array,
    n: int,
    cfg: Settings | None = None,
    texts: Sequence[str] | None = None,
) -> tuple[NDArray[np.int64], Array]:
    """Adapt the role rates to the episode by EM, then decode; returns (path, posteriors).

    ``anchors`` (T, N) adds log-odds from strong cues (ads, introductions, vocatives).
    """
    cfg = cfg or Settings()
    profiles = [HOST] + [GUEST] * (n - 1)
    prior = Rates.from_profiles(profiles)
    rates = Rates.from_profiles(profiles)
    x = Design.build(feats)
    change = change_logits(bounds, n, cfg)
    start = np.log(np.array([0.5] + [0.5 / max(n - 1, 1)] * (n - 1)))[:n]
    post = np.full((len(feats), n), 1.0 / n)
    lex = _Lexicon(texts or [""] * len(feats), cfg.min_count)
    lexical = np.zeros((len(feats), n))
    for _ in range(cfg.iterations):
        post = posteriors(emissions(x, rates, cfg) + lexical + anchors, change, start)
        if n > 2:
            # Break the symmetry between guests a little so EM can tell them apart.
            post[:, 1:] *= 1.0 + 0.01 * np.sin(np.arange(len(feats)) / 50.0 + np.arange(n - 1))[None, :]
        glob = Rates(
            _reestimate(post.T @ x.end, np.exp(prior.end), cfg.prior_units),
            _reestimate(post.T @ x.opener, np.exp(prior.opener), cfg.prior_units),
            _reestimate(post.T @ x.length, np.exp(prior.length), cfg.prior_units),
            _reestimate(post.T @ x.tokens, np.exp(prior.tokens), cfg.prior_tokens),
        )
        rates = Rates(
            _local(post, x.end, glob.end, cfg.window, cfg.local_units),
            _local(post, x.opener, glob.opener, cfg.window, cfg.local_units),
            _local(post, x.length, glob.length, cfg.window, cfg.local_units),
            _local(post, x.tokens, glob.tokens, cfg.window, cfg.local_tokens),
        )
        lexical = cfg.lexical_weight * np.asarray(lex.counts @ lex.rates(post, cfg.prior_lexical).T)
    emit = emissions(x, rates, cfg) + lexical + anchors
    post = posteriors(emit, change, start)
    return viterbi(emit, change, start), post


# --- The two-speaker semi-Markov model -------------------------------------------------


_LEX_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class _Lexicon:
    """Each speaker's word use (idiolect), as log-ratios to the episode's overall rates."""

    def __init__(self, texts: Sequence[str], min_count: int) -> None:
        docs = [_LEX_WORD.findall(txt.lower().replace("’", "'")) for txt in texts]
        freq = Counter(w for d in docs for w in d)
        vocab = {w: i for i, w in enumerate(sorted(w for w, c in freq.items() if c >= min_count))}
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

    def rates(self, occ: Array, strength: float) -> Array:
        """log(speaker rate / overall rate) per word, shrunk to the overall rates."""
        if not self.size:
            return np.zeros((occ.shape[1], 0))
        c = np.asarray((self.counts.T @ occ).T)  # (N, V)
        est = (c + strength * self.background) / (c.sum(axis=1, keepdims=True) + strength)
        return np.log(est / self.background)
