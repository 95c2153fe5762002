"""The host's share of an interview's words, held to a cap while EM fits the episode."""

from __future__ import annotations

import numpy as np

from extract.speakers.hmm import posteriors_pairs
from extract.speakers.model import Settings, capped_posteriors, fit_decode
from tests.unit.test_speakers import INTERVIEW, _state


def _episode(host_bias: float, seed: int = 3) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    t = 60
    emit = rng.normal(size=(t, 2))
    emit[:, 0] += host_bias
    change = np.full((t, 2), -1.5)
    words = rng.integers(3, 30, size=t).astype(float)
    return emit, change, np.log(np.array([0.5, 0.5])), words


def _share(post: np.ndarray, words: np.ndarray) -> float:
    return float(post[:, 0] @ words / words.sum())


def test_a_host_within_the_cap_is_left_alone() -> None:
    emit, change, start, words = _episode(host_bias=-1.0)
    plain, plain_xi = posteriors_pairs(emit, change, start)
    assert _share(plain, words) < 0.3
    post, xi = capped_posteriors(emit, change, start, words, 0.3)
    assert np.allclose(post, plain) and np.allclose(xi, plain_xi)


def test_a_host_over_the_cap_is_held_to_it() -> None:
    emit, change, start, words = _episode(host_bias=1.5)
    plain, _ = posteriors_pairs(emit, change, start)
    assert _share(plain, words) > 0.6
    post, xi = capped_posteriors(emit, change, start, words, 0.3)
    # At the cap, not far below it: the smallest tilt that meets it.
    assert 0.27 < _share(post, words) <= 0.3 + 1e-9
    assert np.allclose(post.sum(axis=1), 1.0)
    assert xi.shape == plain.shape


def test_words_that_do_not_count_are_not_held() -> None:
    """Sponsor reads (weight 0) are the host's whatever the cap."""
    emit, change, start, words = _episode(host_bias=1.5)
    plain, _ = posteriors_pairs(emit, change, start)
    post, _ = capped_posteriors(emit, change, start, np.zeros_like(words), 0.3)
    assert np.allclose(post, plain)


def test_the_cap_reaches_em() -> None:
    """With the host's share capped near nothing, EM fits the roles to a host who says
    little, and the decoded host says less than without a cap."""
    from extract.speakers.attribute import make_units
    from extract.speakers.features import boundary_features, unit_features

    _, st = _state(INTERVIEW)
    units = make_units(st)
    feats = [unit_features(u) for u in units]
    bounds = [None] + [boundary_features(feats[i - 1], feats[i], units[i]) for i in range(1, len(units))]
    texts = [u.text for u in units]
    words = np.array([f.words for f in feats], dtype=float)

    def host_words(cap: float, ads: list[bool] | None = None) -> float:
        cfg = Settings(host_share=cap, share_min_words=0)
        path, _ = fit_decode(feats, bounds, np.zeros((len(units), 2)), 2, cfg, texts, ads=ads)
        return float(words[path == 0].sum())

    assert host_words(0.02) < host_words(1.0)
    # Sponsor reads are no part of the conversation's share: all of them, no cap.
    assert host_words(0.02, ads=[True] * len(units)) == host_words(1.0)

    def hosts_words(cap: float) -> float:
        """The host's side with a co-host (states 0 and 2)."""
        cfg = Settings(host_share=cap, share_min_words=0)
        path, _ = fit_decode(feats, bounds, np.zeros((len(units), 3)), 3, cfg, texts, roles=(0, 1, 0))
        return float(words[path != 1].sum())

    assert hosts_words(0.02) < hosts_words(1.0)


def test_a_host_and_co_host_are_held_together() -> None:
    """With a co-host beside the guest, the host's side shares one cap."""
    rng = np.random.default_rng(5)
    t = 50
    emit = rng.normal(size=(t, 3))
    emit[:, [0, 2]] += 1.0  # both hosts favoured
    change = np.full((t, 3), -1.5)
    start = np.log(np.full(3, 1 / 3))
    words = rng.integers(3, 30, size=t).astype(float)
    hosts = np.array([True, False, True])
    plain, _ = posteriors_pairs(emit, change, start)
    assert float(plain[:, hosts].sum(axis=1) @ words / words.sum()) > 0.6
    post, _ = capped_posteriors(emit, change, start, words, 0.3, hosts)
    assert 0.27 < float(post[:, hosts].sum(axis=1) @ words / words.sum()) <= 0.3 + 1e-9
    # Each host alone under the cap is not enough: the host alone is not the host's side.
    alone, _ = capped_posteriors(emit, change, start, words, 0.3)
    assert float(alone[:, hosts].sum(axis=1) @ words / words.sum()) > 0.3
    # All hosts, no guest: nobody to give the words to, nothing is held.
    same, _ = capped_posteriors(emit, change, start, words, 0.3, np.ones(3, dtype=bool))
    assert np.allclose(same, plain)
