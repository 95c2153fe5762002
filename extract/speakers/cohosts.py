"""Two co-hosts: who speaks and which role they play are separate hidden variables.

In an interview the host asks and the guest answers all the way through, so the role
model (``model.fit_decode``) ties a role to each speaker. Two co-hosts take turns at
both: one explains a topic while the other asks, then they swap. Here each state is a
(speaker, role) pair. The role rates (how units end, open, how long they are, which
tokens) are shared by both speakers and adapted by EM as in the role model; each
speaker's word use and the identity cues (who opens the show, vocatives) follow the
speaker, whatever the role. A speaker keeps a role until the turn passes, and the one
who takes the turn mostly takes the other role (``complement``), so the roles swap
only where the evidence says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from numpy.typing import NDArray

from extract.speakers.features import BoundaryFeatures, UnitFeatures
from extract.speakers.hmm import Array, forward_backward, viterbi_trans
from extract.speakers.model import Episode, Settings, change_logits, change_offsets

SPEAKER = np.array([0, 0, 1, 1])  # the speaker of each state
ROLE = np.array([0, 1, 0, 1])  # its role: 0 asks (the host's rates), 1 explains
COMPLEMENT = 0.85  # share of turn changes where the new speaker takes the other role
SWAP = 1e-3  # chance per unit that a speaker changes role while keeping the turn
START = np.log(np.array([0.5, 0.3, 0.1, 0.1]))  # the first speaker opens the show
# Word use counts at this share of its decoding weight in the confidence: EM fits each
# co-host's word use to its own split of the turns, so even left out of a unit's own count
# it backs that split, and at full weight words given 0.9 or more were right 70 % of the
# time over six co-hosted episodes (92 % at half weight).
CONFIDENCE_WORD_USE = 0.5


def transitions(change: Array, complement: float = COMPLEMENT, swap: float = SWAP) -> Array:
    """Log transition matrices between the four states, shape (T, 4, 4).

    ``change`` (T, 2) is the turn-change log-odds by the previous unit's role.

    >>> t = np.exp(transitions(np.zeros((1, 2))))[0]
    >>> bool(np.allclose(t.sum(axis=1), 1.0)), round(float(t[0, 3]), 3), round(float(t[0, 2]), 3)
    (True, 0.425, 0.075)
    """
    p = 1.0 / (1.0 + np.exp(-change))
    out = np.empty((len(change), 4, 4))
    for a in range(4):
        q = p[:, ROLE[a]]
        for b in range(4):
            if SPEAKER[a] != SPEAKER[b]:
                out[:, a, b] = q * (complement if ROLE[a] != ROLE[b] else 1.0 - complement)
            else:
                out[:, a, b] = (1.0 - q) * (1.0 - swap if ROLE[a] == ROLE[b] else swap)
    return np.asarray(np.log(out))


def _by(post: Array, labels: NDArray[np.int64]) -> Array:
    """State posteriors summed by speaker or by role, shape (T, 2)."""
    return np.stack([post[:, labels == k].sum(axis=1) for k in (0, 1)], axis=1)


def fit_decode_cohosts(
    feats: Sequence[UnitFeatures],
    bounds: Sequence[BoundaryFeatures | None],
    role_anchors: Array,
    who_anchors: Array,
    cfg: Settings | None = None,
    texts: Sequence[str] | None = None,
) -> tuple[NDArray[np.int64], Array]:
    """Decode two co-hosts; returns (speaker path, speaker posteriors (T, 2)).

    ``role_anchors`` (T,) are log-odds for the asking role, ``who_anchors`` (T,) for
    speaker 0 (the one who opens the show).
    """
    # Plain EM word use: with the roles shared, word use is what tells the co-hosts apart,
    # and a unit's own words let the two voices grow from the opening's anchors. Counting
    # them sharpens the evidence, so it takes half the weight.
    cfg = cfg or Settings()
    cfg = replace(cfg, leave_one_out=False, lexical_weight=cfg.lexical_weight / 2)
    t = len(feats)
    ep = Episode.build(feats, (0, 1), texts or [""] * t, cfg)
    ratios = ep.initial_ratios()
    change = change_logits(bounds, 2, cfg)
    cues = np.stack([role_anchors, np.zeros(t)], axis=1)[:, ROLE]
    cues = cues + np.stack([who_anchors, np.zeros(t)], axis=1)[:, SPEAKER]
    lexical = np.zeros((t, 2))
    post = np.full((t, 4), 0.25)
    offset = np.zeros(2)
    moves = np.not_equal.outer(SPEAKER, SPEAKER)  # (4, 4): the pair changes speaker

    for _ in range(cfg.iterations):
        evidence = ep.emissions(ratios, cfg)[:, ROLE] + lexical[:, SPEAKER] + cues
        post, pair = forward_backward(evidence, transitions(change + offset), START)
        roles = _by(post, ROLE)
        # Turn changes out of each role: P(unit t-1 in that role and unit t by the other speaker).
        xi = np.zeros((t, 2))
        moved = (pair * moves[None]).sum(axis=2)
        xi[1:] = _by(moved, ROLE)
        offset = change_offsets(roles, xi, change, offset, cfg.change_precision)
        ratios = ep.refit(roles)
        lexical = ep.word_use(_by(post, SPEAKER), cfg)
    unit = ep.emissions(ratios, cfg)[:, ROLE] + cues
    trans = transitions(change + offset)
    path = viterbi_trans(unit + lexical[:, SPEAKER], trans, START)
    # The confidence scores each unit's words against the others' word use only: counted
    # in, they back whichever speaker EM gave the unit to, and whole turns look sure.
    own_out = ep.word_use(_by(post, SPEAKER), replace(cfg, leave_one_out=True))
    evidence = unit + CONFIDENCE_WORD_USE * own_out[:, SPEAKER]
    post, _ = forward_backward(evidence * cfg.confidence_weight, trans, START)
    return SPEAKER[path], _by(post, SPEAKER)
