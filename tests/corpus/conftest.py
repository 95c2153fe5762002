"""Corpus fixtures: every file of ../shared/corpus extracted once, as a user would run it."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.cli import main
from tests.conftest import CORPUS

# What a user would pass on the command line for each corpus file.
OPTIONS: dict[str, list[str]] = {
    "000_a41d352b52a97b09.txt": ["--show", "Dwarkesh Podcast", "--speakers", "Dwarkesh Patel"],
    "dwarkesh_reiner-pope_how-llms-trained-served_llm-labeled.json": ["--show", "Dwarkesh Podcast"],
    "lenny_chip-huyen_ai-engineering_pretraining-posttraining.md": [],
    "lexicap_lex-fridman-094_ilya-sutskever_whisper-large_nospk.vtt": [
        "--show", "Lex Fridman Podcast", "--speakers", "Lex Fridman",
    ],
    "practicalai_206_chatgpt-rlhf-explained_2hosts.md": ["--show", "Practical AI"],
}


@pytest.fixture(scope="session")
def corpus_documents(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> dict[str, Path]:
    """``podgraph extract`` of each corpus file, keyed by file name."""
    out_dir = tmp_path_factory.mktemp("corpus-extractions")
    docs: dict[str, Path] = {}
    for name, opts in OPTIONS.items():
        out = out_dir / (Path(name).stem + ".extraction.json")
        assert main(["extract", str(corpus_dir / name), *opts, "-o", str(out)]) == 0
        docs[name] = out
    return docs


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus_documents: dict[str, Path]) -> Path:
    """An embedded store holding the whole corpus, filled by ``podgraph ingest``."""
    path = tmp_path_factory.mktemp("corpus-store") / "g.podgraph"
    assert main(["ingest", "--store", str(path), *map(str, corpus_documents.values())]) == 0
    return path


__all__ = ["CORPUS", "OPTIONS"]
