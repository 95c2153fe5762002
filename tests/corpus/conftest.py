"""Corpus fixtures: every file of ../shared/corpus extracted once, as a user would run it."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.cli import main
from graph.errors import StoreError
from graph.neo4j import Neo4jStore
from graph.settings import Settings
from tests.conftest import CORPUS
from tests.store.conftest import neo4j_required, neo4j_settings

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


async def _wipe(uri: str, user: str, password: str) -> None:
    store = Neo4jStore(uri, user, password)
    await store.open()
    try:
        await store.clear()
    finally:
        await store.close()


@pytest.fixture(scope="session")
def neo4j_corpus(corpus_documents: dict[str, Path]) -> Iterator[Settings]:
    uri, user, password = neo4j_settings()
    try:
        asyncio.run(_wipe(uri, user, password))
    except StoreError as exc:
        if neo4j_required():
            pytest.fail(f"PODGRAPH_REQUIRE_NEO4J=1 but {exc}", pytrace=False)
        pytest.skip(f"Neo4j test server not reachable: {exc}")
    args = ["--backend", "neo4j", "--neo4j-uri", uri, "--neo4j-user", user, "--neo4j-password", password]
    assert main(["ingest", *args, *map(str, corpus_documents.values())]) == 0
    yield Settings(backend="neo4j", neo4j_uri=uri, neo4j_user=user, neo4j_password=password)
    asyncio.run(_wipe(uri, user, password))


__all__ = ["CORPUS", "OPTIONS"]
