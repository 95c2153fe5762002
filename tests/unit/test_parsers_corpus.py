"""Every real transcript in ../shared/corpus parses with auto-detection."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from extract.parsers import parse_file

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

EXPECTED = {
    "000_a41d352b52a97b09.txt": ("whisper", False),
    "lenny_chip-huyen_ai-engineering_pretraining-posttraining.md": ("labelled", True),
    "practicalai_206_chatgpt-rlhf-explained_2hosts.md": ("labelled", True),
    "lexicap_lex-fridman-094_ilya-sutskever_whisper-large_nospk.vtt": ("vtt", False),
    "dwarkesh_reiner-pope_how-llms-trained-served_llm-labeled.json": ("json", True),
}

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is missing"),
]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_parses(name: str) -> None:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the corpus")
    fmt, labelled = EXPECTED[name]
    t = parse_file(path)
    assert t.format == fmt
    assert len(t.lines) > 0
    assert len(t.sha256) == 64
    starts = [x.start for x in t.lines if x.start is not None]
    assert starts, "no timed line"
    assert all(b >= a - 1.0 for a, b in itertools.pairwise(starts))
    assert all(x.end is None or x.start is None or x.end >= x.start for x in t.lines)
    assert t.labelled is labelled
    if labelled:
        assert len({x.speaker for x in t.lines if x.speaker}) >= 2
    assert all(x.text and x.text == x.text.strip() for x in t.lines)


def test_lenny_front_matter() -> None:
    path = CORPUS / "lenny_chip-huyen_ai-engineering_pretraining-posttraining.md"
    if not path.is_file():
        pytest.skip("lenny file missing")
    t = parse_file(path)
    assert t.meta["title"].startswith("Al Engineering 101 with Chip Huyen")
    assert t.meta["published"] == "2025-10-23"
    assert t.meta["guest"] == "Chip Huyen"
    assert all(x.speaker for x in t.lines)


def test_json_ad_flags() -> None:
    path = CORPUS / "dwarkesh_reiner-pope_how-llms-trained-served_llm-labeled.json"
    if not path.is_file():
        pytest.skip("json file missing")
    t = parse_file(path)
    flags = [x.ad for x in t.lines]
    assert all(f is not None for f in flags)
    assert any(flags) and not all(flags)
    assert all(x.end is None for x in t.lines)
    assert t.meta["media_url"].startswith("https://")
    line_nos = [x.line_no for x in t.lines]
    assert line_nos == sorted(set(line_nos))
