"""A hidden Markov model over units whose turn-change probability depends on the boundary.

``change[t, s]`` is the log-odds that the speaker changes between units ``t-1``
and ``t`` when ``t-1`` was said by ``s``; a change goes to any other speaker with
equal probability. ``emit[t, s]`` is the log-likelihood of unit ``t`` under ``s``.

>>> import numpy as np
>>> emit = np.log(np.array([[0.9, 0.1], [0.9, 0.1], [0.1, 0.9]]))
>>> change = np.zeros((3, 2))
>>> viterbi(emit, change).tolist()
[0, 0, 1]
>>> p2, x2 = posteriors_pairs(emit, change)
>>> pl, xl = _posteriors_any(emit, change)
>>> bool(np.allclose(p2, pl) and np.allclose(x2, xl))
True
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def _log_transitions(change: Array) -> Array:
    """Per-boundary log transition matrices, shape (T, N, N)."""
    _t, n = change.shape
    stay = -np.logaddexp(0.0, change)  # log sigmoid(-c)
    move = -np.logaddexp(0.0, -change) - (np.log(n - 1) if n > 1 else 0.0)
    trans = np.repeat(move[:, :, None], n, axis=2)
    idx = np.arange(n)
    trans[:, idx, idx] = stay
    return trans


def _posteriors2(emit: Array, change: Array, start: Array) -> tuple[Array, Array]:
    """Scaled forward-backward for two states in plain floats (fast for long episodes)."""
    t = len(emit)
    e = np.exp(emit - emit.max(axis=1, keepdims=True))
    p = 1.0 / (1.0 + np.exp(-change))  # change probability per boundary and previous state
    e0, e1 = e[:, 0].tolist(), e[:, 1].tolist()
    c0, c1 = p[:, 0].tolist(), p[:, 1].tolist()
    s = np.exp(start - start.max())
    a0, a1 = float(s[0]) * e0[0], float(s[1]) * e1[0]
    z = a0 + a1
    fa0, fa1 = [0.0] * t, [0.0] * t
    fa0[0], fa1[0] = a0 / z, a1 / z
    for i in range(1, t):
        x0, x1 = fa0[i - 1], fa1[i - 1]
        a0 = (x0 * (1 - c0[i]) + x1 * c1[i]) * e0[i]
        a1 = (x0 * c0[i] + x1 * (1 - c1[i])) * e1[i]
        z = a0 + a1
        fa0[i], fa1[i] = a0 / z, a1 / z
    b0 = b1 = 1.0
    out = np.empty((t, 2))
    xi = np.zeros((t, 2))
    out[t - 1] = (fa0[t - 1], fa1[t - 1])
    for i in range(t - 1, 0, -1):
        y0, y1 = e0[i] * b0, e1[i] * b1
        x0, x1 = fa0[i - 1], fa1[i - 1]
        j01, j10 = x0 * c0[i] * y1, x1 * c1[i] * y0
        zj = j01 + j10 + x0 * (1 - c0[i]) * y0 + x1 * (1 - c1[i]) * y1
        xi[i] = (j01 / zj, j10 / zj)
        nb0 = (1 - c0[i]) * y0 + c0[i] * y1
        nb1 = c1[i] * y0 + (1 - c1[i]) * y1
        z = nb0 + nb1
        b0, b1 = nb0 / z, nb1 / z
        q0, q1 = fa0[i - 1] * b0, fa1[i - 1] * b1
        out[i - 1] = (q0 / (q0 + q1), q1 / (q0 + q1))
    return out, xi


def forward_backward(emit: Array, trans: Array, start: Array | None = None) -> tuple[Array, Array]:
    """Posteriors per unit (T, N) and per boundary pair (T-1, N, N).

    ``emit`` holds log-likelihoods, ``trans[t]`` the log transition matrix from unit
    ``t-1`` to unit ``t``. The recursions run on probabilities rescaled at every unit
    (each emission row is taken relative to its best state), which gives the log-space
    result at a fraction of its cost.
    """
    t, n = emit.shape
    if t == 0:
        return np.zeros((0, n)), np.zeros((0, n, n))
    init = np.full(n, -np.log(n)) if start is None else start
    e = np.exp(emit - emit.max(axis=1, keepdims=True))
    a = np.exp(trans)
    alpha = np.empty((t, n))
    beta = np.empty((t, n))
    f = np.exp(init - init.max()) * e[0]
    alpha[0] = f / f.sum()
    for i in range(1, t):
        f = (alpha[i - 1] @ a[i]) * e[i]
        alpha[i] = f / f.sum()
    beta[t - 1] = 1.0 / n
    for i in range(t - 2, -1, -1):
        b = a[i + 1] @ (e[i + 1] * beta[i + 1])
        beta[i] = b / b.sum()
    post = alpha * beta
    post /= post.sum(axis=1, keepdims=True)
    pair = alpha[:-1, :, None] * a[1:] * (e[1:] * beta[1:])[:, None, :]
    pair /= np.maximum(pair.sum(axis=(1, 2), keepdims=True), np.finfo(float).tiny)
    return post, pair


def _posteriors_any(emit: Array, change: Array, start: Array | None = None) -> tuple[Array, Array]:
    t, n = emit.shape
    post, pair = forward_backward(emit, _log_transitions(change), start)
    xi = np.zeros((t, n))
    if t > 1:
        idx = np.arange(n)
        xi[1:] = pair.sum(axis=2) - pair[:, idx, idx]
    return post, xi


def posteriors_pairs(emit: Array, change: Array, start: Array | None = None) -> tuple[Array, Array]:
    """Posteriors of each speaker per unit and of a change at each boundary (forward-backward).

    The second array, shape (T, N), is P(unit t-1 said by s and unit t by someone else).
    """
    t, n = emit.shape
    if t == 0:
        return np.zeros((0, n)), np.zeros((0, n))
    if n == 2:
        return _posteriors2(emit, change, np.full(2, -np.log(2)) if start is None else start)
    return _posteriors_any(emit, change, start)


def posteriors(emit: Array, change: Array, start: Array | None = None) -> Array:
    """Posterior probability of each speaker for each unit (forward-backward)."""
    return posteriors_pairs(emit, change, start)[0]


def viterbi(emit: Array, change: Array, start: Array | None = None) -> NDArray[np.int64]:
    """The most likely speaker sequence."""
    return viterbi_trans(emit, _log_transitions(change), start)


def viterbi_trans(emit: Array, trans: Array, start: Array | None = None) -> NDArray[np.int64]:
    """The most likely state sequence under log transition matrices ``trans`` (T, N, N)."""
    t, n = emit.shape
    if t == 0:
        return np.zeros(0, dtype=np.int64)
    score = (np.full(n, -np.log(n)) if start is None else start) + emit[0]
    back = np.zeros((t, n), dtype=np.int64)
    for i in range(1, t):
        cand = score[:, None] + trans[i]
        back[i] = np.argmax(cand, axis=0)
        score = cand[back[i], np.arange(n)] + emit[i]
    path = np.zeros(t, dtype=np.int64)
    path[-1] = int(np.argmax(score))
    for i in range(t - 1, 0, -1):
        path[i - 1] = back[i, path[i]]
    return path
