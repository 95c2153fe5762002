"""The HMM's forward-backward and Viterbi against brute force over every speaker sequence."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from extract.speakers.hmm import _log_transitions, forward_backward, viterbi


def _paths(emit: np.ndarray, trans: np.ndarray, start: np.ndarray) -> dict[tuple[int, ...], float]:
    """Every state sequence's log-probability (joint with the emissions)."""
    t, n = emit.shape
    out = {}
    for path in itertools.product(range(n), repeat=t):
        score = start[path[0]] + emit[0, path[0]]
        for i in range(1, t):
            score += trans[i, path[i - 1], path[i]] + emit[i, path[i]]
        out[path] = score
    return out


@pytest.mark.parametrize("n", [2, 3, 4])
def test_forward_backward_and_viterbi_match_brute_force(n: int) -> None:
    rng = np.random.default_rng(n)
    t = 5
    # Uncertain units, and one far apart in scale, as a long unit gives: the rescaling
    # must not lose it.
    emit = rng.normal(scale=1.0, size=(t, n))
    emit[2] *= 200.0
    change = rng.normal(scale=2.0, size=(t, n))
    trans = _log_transitions(change)
    start = np.log(rng.dirichlet(np.ones(n)))
    scores = _paths(emit, trans, start)
    top = max(scores.values())
    weight = {p: np.exp(s - top) for p, s in scores.items()}
    total = sum(weight.values())
    want_post = np.zeros((t, n))
    want_pair = np.zeros((t - 1, n, n))
    for p, w in weight.items():
        for i in range(t):
            want_post[i, p[i]] += w / total
        for i in range(1, t):
            want_pair[i - 1, p[i - 1], p[i]] += w / total
    post, pair = forward_backward(emit, trans, start)
    assert np.allclose(post, want_post, atol=1e-9)
    assert np.allclose(pair, want_pair, atol=1e-9)
    assert tuple(viterbi(emit, change, start).tolist()) == max(scores, key=lambda p: scores[p])


def test_forward_backward_of_nothing_is_empty() -> None:
    post, pair = forward_backward(np.zeros((0, 3)), np.zeros((0, 3, 3)))
    assert post.shape == (0, 3) and pair.shape == (0, 3, 3)
