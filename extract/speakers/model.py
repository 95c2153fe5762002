"""The role model: per-role feature rates, adapted to each episode by EM, decoded by an HMM.

State 0 is the host (asks, reacts, addresses "you"); states 1… are guests (answer,
hedge, say "I"/"we", use fillers), except a co-host beside a guest (state 2), who shares
the host's rates and is told from the host by word use alone. The rates start from
these role profiles; EM re-estimates them from the episode's own posteriors, with the
profile's contrast as a prior so a few units cannot overturn it. A role is a set of ratios to the local
background (what everyone says around a unit), one for the whole episode:
transcription style drifts (Whisper drops fillers for long stretches) but a stretch
cannot swap which state is the host. Each speaker's word use (idiolect: "sort of",
"I guess", "basically", recurring terms) is re-estimated the same way over the
episode's recurring words, as log-ratios to the episode's (or the local topic's)
rates, so it carries no role prior and only separates the two voices; each unit is
scored against the word use of the other units (leave-one-out), so EM cannot confirm
a guess with the unit's own words. The turn-change log-odds at each boundary is a
fixed linear function of the boundary features (a question before or after it, how
the next unit opens and whether it is a short reply, line starts and gaps) plus one
offset per state re-estimated per episode from the pairwise posteriors under a prior
that does not grow with the episode, so short turns can be learnt. While EM fits an
interview, the posteriors it re-estimates from hold the host to at most a share of the
words (posterior regularisation): word use alone would let the host's state keep a
guest's long stretch once it had begun to take it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from extract.speakers.features import (
    CLASSES,
    ENDS,
    LENGTHS,
    OPENERS,
    BoundaryFeatures,
    UnitFeatures,
)
from extract.speakers.hmm import Array, posteriors, posteriors_pairs, viterbi
from extract.speakers.word_use import WordUse


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
    after_question: tuple[float, float] = (2.5, 0.0)  # after a host's / a guest's question
    # Before a question: a host asking again keeps the turn (two questions in a row are
    # nearly always one speaker's); a guest's turn tends to end.
    to_question: tuple[float, float] = (-3.5, 0.8)
    # How the next unit opens (OPENERS: none filler agree react so conj), after host / guest:
    # an answer opens with "Yeah"; a host reacts with "Interesting."; "and"/"but" continue.
    opener_host: tuple[float, ...] = (0.0, 0.6, 2.5, 0.8, 0.0, -1.5)
    opener_guest: tuple[float, ...] = (0.0, -0.3, 1.0, 1.8, -0.6, -0.5)
    # Before a unit that takes the floor ("let's talk about …", "you mentioned …"):
    # the host keeps the turn, a guest's turn tends to end.
    floor: tuple[float, float] = (-1.0, 2.0)
    answer: tuple[float, float] = (2.0, -1.0)  # before "That's a good question": the host's turn ends
    hedged: tuple[float, float] = (2.5, 0.0)  # before "I think …" the host's turn ends (an answer starts)
    # Before a unit of a word or two (a reply: "Right.", "Totally."), a turn tends to end.
    short: tuple[float, float] = (0.6, 0.9)
    # Before a unit opening with "well", which prefaces a reply more than it goes on, a turn tends to end.
    well: tuple[float, float] = (1.0, 1.2)
    after_thanks: float = 2.0  # after a guest's "thanks for having me", the host starts the interview
    # A question among the ``ask_ahead`` units after the next one (which is not one): the
    # host often acknowledges or frames before asking, so a guest's turn tends to end here.
    ask_ahead: int = 2
    before_ask: float = 1.0
    line_start: float = 0.2
    gap: float = 0.8
    inner: float = -0.8
    marked: float = 6.0  # a new speaker marked by the file (">>" in captions)
    continues: float = -3.0  # a unit that goes on in lower case continues its speaker's sentence
    token_weight: float = 0.3  # tempers the naive-Bayes token evidence
    prior_units: float = 30.0  # Dirichlet strength of the categorical profiles
    prior_tokens: float = 600.0  # … and of the token profile
    iterations: int = 8
    window: int = 100  # units each side that the local background is counted over
    drift_window: int = 30  # … when the transcript's filler rate drifts (see background_window)
    drift_share: float = 0.25  # a tenth of the episode below this share of the mean filler rate
    min_fillers: float = 0.005  # fillers per word for the drift test to apply
    local_units: float = 20.0  # pseudo-units of the episode's rates in the local background
    min_count: int = 3  # a word's count in the episode to enter the speaker lexicons
    lexical_spread: int = 2  # … and how many tenths of the episode it must come up in
    lexical_weight: float = 0.3  # tempers the speakers' word-use evidence
    # Score each unit against word use estimated from the other units only, so that EM
    # does not confirm its first guess with the unit's own words.
    leave_one_out: bool = True
    prior_lexical: float = 500.0  # pseudo-words of the episode's own word rates
    topic_window: int = 0  # units each side that the local topic's word rates come from (0: episode)
    change_precision: float = 1.0  # prior precision of a state's per-episode change log-odds offset
    # An interviewer asks and the guest talks: while EM fits an interview, the host's side
    # (the host, and a co-host if any) is held to at most this share of the expected words
    # (posterior regularisation).
    host_share: float = 0.30
    # … in an episode of at least this many words outside sponsor reads: a shorter clip is
    # mostly the host's introduction and closing.
    share_min_words: int = 1000
    confidence_weight: float = 0.3  # weight of the unit evidence in the reported confidence


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


# Boundary cues weighted by who spoke before (a pair of weights in ``Settings``, host first).
_ROLE_CUES = ("after_question", "to_question", "floor", "answer", "hedged", "short", "well")


def state_roles(n: int, co_host: bool = False) -> tuple[int, ...]:
    """The role of each of ``n`` states (0 host, 1 guest): the host first, then guests; with
    ``co_host`` the third state is a second host.

    >>> state_roles(2), state_roles(3), state_roles(3, co_host=True)
    ((0, 1), (0, 1, 1), (0, 1, 0))
    """
    return tuple(0 if i == 0 or (co_host and i == 2) else 1 for i in range(n))


def change_logits(
    bounds: Sequence[BoundaryFeatures | None], n: int, cfg: Settings, roles: Sequence[int] | None = None
) -> Array:
    """Turn-change log-odds per boundary and previous speaker, shape (T, N); ``roles`` gives
    each state's role (``state_roles``: the host first, then guests)."""
    host = np.array(roles or state_roles(n)) == 0
    base = np.where(host, cfg.leave_host, cfg.leave_guest)
    out = np.tile(base, (len(bounds), 1))
    for i, b in enumerate(bounds):
        if b is None:
            continue
        out[i] += cfg.line_start * b.line_start + cfg.gap * b.gap + cfg.inner * b.inner
        out[i] += cfg.continues * b.continues + cfg.marked * b.marked
        out[i, host] += cfg.opener_host[b.opener]
        out[i, ~host] += cfg.opener_guest[b.opener] + cfg.after_thanks * b.after_thanks
        # Cues with one weight after the host and one after a guest.
        for cue in _ROLE_CUES:
            if getattr(b, cue):
                after_host, after_guest = getattr(cfg, cue)
                out[i, host] += after_host
                out[i, ~host] += after_guest
        ahead = bounds[i + 1 : i + 1 + cfg.ask_ahead]
        if any(a is not None and a.to_question for a in ahead) and not b.to_question:
            out[i, ~host] += cfg.before_ask
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


def background_window(feats: Sequence[UnitFeatures], cfg: Settings) -> int:
    """Units each side the local background is counted over.

    Some transcribers drop fillers for whole stretches (Whisper keeps "um" for an hour,
    then none): when a tenth of an episode that has fillers falls below ``drift_share``
    of its mean filler rate, the background follows a narrower window so that the
    stretches without fillers are read against themselves.

    >>> f = [UnitFeatures(0, 0, 2, (1, 0, 0, 0, 0, 0, 0, 9), 10)] * 50
    >>> g = [UnitFeatures(0, 0, 2, (0, 0, 0, 0, 0, 0, 0, 10), 10)] * 50
    >>> background_window(f + g, Settings()), background_window(f + f, Settings())
    (30, 100)
    """
    filler = CLASSES.index("filler")
    n = len(feats)
    words = sum(f.words for f in feats)
    if n < 10 or not words:
        return cfg.window
    mean = sum(f.counts[filler] for f in feats) / words
    if mean < cfg.min_fillers:
        return cfg.window
    for j in range(10):
        part = feats[j * n // 10 : (j + 1) * n // 10]
        rate = sum(f.counts[filler] for f in part) / max(1, sum(f.words for f in part))
        if rate < cfg.drift_share * mean:
            return cfg.drift_window
    return cfg.window


def _background(m: Array, window: int, strength: float) -> Array:
    """Each unit's local rates of a feature over all speakers, shape (T, K).

    Counted over the units within ``window`` of each unit whoever said them (no
    posteriors enter), shrunk to the episode's overall rates. Transcription style
    drifts inside an episode (Whisper drops fillers for long stretches); the
    speakers' rates are taken relative to this background, so a stretch where
    nobody says "um" does not look like the host's.
    """
    t = len(m)
    total = m.sum(axis=0)
    glob = (total + 0.5) / (total.sum() + 0.5 * m.shape[1])
    cum = np.concatenate([np.zeros((1, m.shape[1])), np.cumsum(m, axis=0)])
    lo = np.clip(np.arange(t) - window, 0, t)
    hi = np.clip(np.arange(t) + window + 1, 0, t)
    counts = cum[hi] - cum[lo]
    per_unit = np.maximum(counts.sum(axis=1, keepdims=True), 1.0) / max(2 * window, 1)
    est = counts + strength * glob * per_unit
    return np.asarray(est / est.sum(axis=1, keepdims=True))


def _log_ratios(post: Array, m: Array, bg: Array, prior: Array, strength: float) -> Array:
    """log(speaker rate / background rate) per state and class, shape (N, K).

    Observed counts against the counts the background predicts for the units each
    state said (one scaling step of a log-linear model), with the role profile's
    contrast to the mean profile as ``strength`` pseudo-units.
    """
    size = m.sum(axis=1)  # tokens per unit (1 for a categorical feature)
    observed = post.T @ m
    expected = post.T @ (size[:, None] * bg)
    mean = prior.mean(axis=0, keepdims=True)
    scale = max(float(size.mean()), 1e-9) if len(size) else 1.0
    ratio = (observed + strength * scale * prior) / (expected + strength * scale * mean)
    return np.asarray(np.log(ratio))


def _relative(bg: Array, log_ratio: Array) -> Array:
    """Local log rates of every state, background times ratio, renormalised: (T, N, K)."""
    w = bg[:, None, :] * np.exp(log_ratio)[None, :, :]
    return np.asarray(np.log(w / w.sum(axis=2, keepdims=True)))


_FIELDS = ("end", "opener", "length", "tokens")


@dataclass
class Episode:
    """What EM re-estimates the roles and word use against, built once per episode."""

    x: Design
    bg: dict[str, Array]  # each feature's local background
    prior: Rates  # the role profiles
    strength: dict[str, float]  # their weight, in pseudo-units
    lex: WordUse
    topic: Array  # the local word rates each speaker's word use is a ratio to

    @classmethod
    def build(
        cls, feats: Sequence[UnitFeatures], roles: Sequence[int], texts: Sequence[str], cfg: Settings
    ) -> Episode:
        """Design, backgrounds and word use of the episode; ``roles``: each state's role
        (0 host, 1 guest)."""
        x = Design.build(feats)
        window = background_window(feats, cfg)
        lex = WordUse(texts, cfg.min_count, cfg.lexical_spread)
        return cls(
            x,
            {f: _background(getattr(x, f), window, cfg.local_units) for f in _FIELDS},
            Rates.from_profiles([GUEST if r else HOST for r in roles]),
            {f: cfg.prior_tokens / 20.0 if f == "tokens" else cfg.prior_units for f in _FIELDS},
            lex,
            lex.local(cfg.topic_window),
        )

    def initial_ratios(self) -> dict[str, Array]:
        """Each role's log-ratios to the mean profile, before EM."""
        logs = {f: getattr(self.prior, f) for f in _FIELDS}
        return {f: r - np.log(np.exp(r).mean(axis=0)) for f, r in logs.items()}

    def emissions(self, ratios: dict[str, Array], cfg: Settings) -> Array:
        """Log-likelihood of every unit under every role, shape (T, roles)."""
        return emissions(self.x, Rates(*(_relative(self.bg[f], ratios[f]) for f in _FIELDS)), cfg)

    def refit(self, post: Array) -> dict[str, Array]:
        """Each role's log-ratios re-estimated from the role posteriors ``post`` (T, roles)."""
        prior = {f: np.exp(getattr(self.prior, f)) for f in _FIELDS}
        x = {f: getattr(self.x, f) for f in _FIELDS}
        return {f: _log_ratios(post, x[f], self.bg[f], prior[f], self.strength[f]) for f in _FIELDS}

    def word_use(self, post: Array, cfg: Settings) -> Array:
        """Each speaker's word-use evidence from the speaker posteriors ``post`` (T, speakers)."""
        return cfg.lexical_weight * self.lex.scores(post, self.topic, cfg.prior_lexical, cfg.leave_one_out)


def fit_decode(
    feats: Sequence[UnitFeatures],
    bounds: Sequence[BoundaryFeatures | None],
    anchors: Array,
    n: int,
    cfg: Settings | None = None,
    texts: Sequence[str] | None = None,
    roles: Sequence[int] | None = None,
    ads: Sequence[bool] | None = None,
) -> tuple[NDArray[np.int64], Array]:
    """Adapt the role rates to the episode by EM, then decode; returns (path, posteriors).

    ``anchors`` (T, N) adds log-odds from strong cues (ads, introductions, vocatives);
    ``roles`` gives each state's role (``state_roles``, by default the host and guests);
    the words of units flagged in ``ads`` (sponsor reads) do not count towards the host's
    share of the conversation.
    The roles are global: each state's rates are one set of ratios to the local
    background for the whole episode, so no stretch can swap what the states mean.
    """
    cfg = cfg or Settings()
    roles = tuple(roles or state_roles(n))
    # A second host shares the host's role rates (word use tells them apart); each guest
    # has rates of their own: row 0 is the hosts', row k the k-th guest's.
    guests = [i for i, r in enumerate(roles) if r]
    rows = np.array([guests.index(i) + 1 if r else 0 for i, r in enumerate(roles)])
    pool = np.eye(len(guests) + 1)[rows]  # (N, rows): which role rates each state has
    ep = Episode.build(feats, (0,) + (1,) * len(guests), texts or [""] * len(feats), cfg)
    words = np.array([0 if ads and ads[i] else f.words for i, f in enumerate(feats)], dtype=float)
    hosts = np.array(roles) == 0  # the host's side: the host and a co-host
    cap = cfg.host_share if words.sum() >= cfg.share_min_words else 1.0
    ratios = ep.initial_ratios()
    change = change_logits(bounds, n, cfg, roles)
    start = np.log(np.array([0.5] + [0.5 / max(n - 1, 1)] * (n - 1)))[:n]
    post = np.full((len(feats), n), 1.0 / n)
    lexical = np.zeros((len(feats), n))
    offset = np.zeros(n)
    for _ in range(cfg.iterations):
        emit = ep.emissions(ratios, cfg)[:, rows] + lexical + anchors
        post, xi = capped_posteriors(emit, change + offset, start, words, cap, hosts)
        offset = change_offsets(post, xi, change, offset, cfg.change_precision)
        if n > 2:
            # Break the symmetry between same-role states a little so EM can tell them apart.
            phase = np.arange(len(feats))[:, None] / 50.0 + np.arange(n - 1)[None, :]
            post[:, 1:] *= 1.0 + 0.01 * np.sin(phase)
        ratios = ep.refit(post @ pool)
        lexical = _word_use(ep, post, pool, cfg)
    emit = ep.emissions(ratios, cfg)[:, rows] + lexical + anchors
    change = change + offset
    # The confidence counts the unit evidence at part weight: the features overlap (a
    # "Yeah." is both short and an agreement opener), so the plain posterior is too sure.
    post = posteriors(emit * cfg.confidence_weight, change, start)
    return viterbi(emit, change, start), post


def capped_posteriors(
    emit: Array,
    change: Array,
    start: Array,
    words: Array,
    cap: float,
    hosts: Array | None = None,
    steps: int = 10,
) -> tuple[Array, Array]:
    """Posteriors as ``posteriors_pairs`` gives them, projected so that the ``hosts`` states
    (a mask; by default state 0) hold at most ``cap`` of the expected ``words`` together
    (posterior regularisation).

    The projection tilts every unit against the hosts by ``lam`` log-odds per word, with
    ``lam`` the smallest that meets the cap (found by bisection, up to one log-odds a
    word). EM that re-estimates
    from these posteriors cannot let the host's state absorb a guest's long stretches,
    which word use alone would back once it had begun.

    >>> emit, change, start = np.zeros((4, 2)), np.full((4, 2), -9.0), np.log([0.9, 0.1])
    >>> plain = posteriors_pairs(emit, change, start)[0]
    >>> post, _ = capped_posteriors(emit, change, start, np.ones(4), 0.3)
    >>> round(float(plain[:, 0].mean()), 2), bool(post[:, 0].mean() <= 0.3 + 1e-3)
    (0.9, True)
    """
    hosts = np.arange(emit.shape[1]) == 0 if hosts is None else hosts
    post, xi = posteriors_pairs(emit, change, start)
    total = float(words.sum())
    if cap >= 1.0 or not total or hosts.all() or float(post[:, hosts].sum(axis=1) @ words) <= cap * total:
        return post, xi
    lo, hi = 0.0, 1.0
    tilt = np.zeros_like(emit)
    met: tuple[Array, Array] | None = None  # the posteriors at ``hi``, once a tilt meets the cap
    for _ in range(steps):
        lam = (lo + hi) / 2
        tilt[:, hosts] = -lam * words[:, None]
        tilted = posteriors_pairs(emit + tilt, change, start)
        if float(tilted[0][:, hosts].sum(axis=1) @ words) > cap * total:
            lo = lam
        else:
            hi, met = lam, tilted
    if met is None:  # not met within the bracket: the strongest tilt
        tilt[:, hosts] = -hi * words[:, None]
        met = posteriors_pairs(emit + tilt, change, start)
    return met


def _word_use(ep: Episode, post: Array, pool: Array, cfg: Settings) -> Array:
    """Each state's word-use evidence (T, N); ``pool`` (N, R) maps each state to its role rates.

    States that share role rates (a host and a co-host) share one word use against the
    others, and are told apart by their word use over the units they are likely to have
    said: a co-host who says little cannot grow into a second voice of the guest's.
    """
    if pool.shape[0] == pool.shape[1]:
        return ep.word_use(post, cfg)
    rows = pool.argmax(axis=1)
    out = ep.word_use(post @ pool, cfg)[:, rows]
    for k in range(pool.shape[1]):
        members = np.flatnonzero(rows == k)
        if len(members) > 1:
            out[:, members] += ep.word_use(post[:, members], cfg)
    return out


def change_offsets(post: Array, xi: Array, change: Array, offset: Array, precision: float) -> Array:
    """Each state's turn-change log-odds offset for this episode (MAP, a few Newton steps).

    The expected changes out of each state (pairwise posteriors) against those the
    boundary features predict, with a Gaussian prior at 0 whose weight does not
    grow with the episode: an episode of short turns (a quick-fire interview)
    raises the change rates as far as its evidence goes.
    """
    occ, moved, c = post[:-1], xi[1:], change[1:]
    out = offset.copy()
    for _ in range(3):
        p = 1.0 / (1.0 + np.exp(-(c + out[None, :])))
        grad = (moved - occ * p).sum(axis=0) - precision * out
        hess = (occ * p * (1 - p)).sum(axis=0) + precision
        out = np.clip(out + grad / hess, -3.0, 3.0)
    return np.asarray(out)
