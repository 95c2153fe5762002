"""The ``store`` fixture: every conformance test runs on the embedded store and on Neo4j.

Neo4j is reached at ``NEO4J_TEST_URI`` (default: the launcher's, ``tests/neo4j_server.py``).
When it is unreachable the ``neo4j`` cases are skipped, unless ``PODGRAPH_REQUIRE_NEO4J=1``
(CI), where that is a failure. Each case starts from an empty database.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator
from pathlib import Path
from types import ModuleType

import pytest
import pytest_asyncio

from graph.embedded import EmbeddedStore
from graph.errors import StoreError
from graph.neo4j import Neo4jStore
from graph.store import GraphStore

try:  # the launcher's defaults, when it is there
    _server: ModuleType | None = importlib.import_module("tests.neo4j_server")
except ImportError:  # pragma: no cover - launcher not in this checkout
    _server = None

BACKENDS = ("embedded", "neo4j")


def neo4j_settings() -> tuple[str, str, str]:
    """URI, user and password of the Neo4j test server (it runs without authentication)."""
    uri = (os.environ.get("NEO4J_TEST_URI") or getattr(_server, "NEO4J_TEST_URI", None)
           or "bolt://127.0.0.1:7688")
    user = os.environ.get("NEO4J_TEST_USER", "neo4j")
    password = os.environ.get("NEO4J_TEST_PASSWORD", "neo4j")
    return uri, user, password


def neo4j_required() -> bool:
    """True when an unreachable server must fail the run (CI)."""
    return os.environ.get("PODGRAPH_REQUIRE_NEO4J") == "1"


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def neo4j_store() -> AsyncIterator[Neo4jStore]:
    """One connected Neo4j store for the whole run (the driver lives on the session loop)."""
    uri, user, password = neo4j_settings()
    store = Neo4jStore(uri, user, password)
    try:
        await store.open()
    except StoreError as exc:
        if neo4j_required():
            pytest.fail(f"PODGRAPH_REQUIRE_NEO4J=1 but {exc}", pytrace=False)
        pytest.skip(f"Neo4j test server not reachable ({exc}); start it with tests/neo4j/start.sh")
    yield store
    await store.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> GraphStore:
    """The store under test, not yet wiped."""
    if request.param == "neo4j":
        store: GraphStore = request.getfixturevalue("neo4j_store")
        return store
    return EmbeddedStore(tmp_path / "graph.podgraph")


@pytest_asyncio.fixture(loop_scope="session")
async def store(backend: GraphStore) -> AsyncIterator[GraphStore]:
    """An open, empty store of each backend."""
    await backend.open()
    await backend.clear()
    yield backend


@pytest_asyncio.fixture(loop_scope="session")
async def both(neo4j_store: Neo4jStore, tmp_path: Path) -> AsyncIterator[tuple[GraphStore, GraphStore]]:
    """The embedded store and Neo4j side by side, both empty, for differential checks."""
    embedded = EmbeddedStore(tmp_path / "diff.podgraph")
    await embedded.open()
    await neo4j_store.clear()
    yield embedded, neo4j_store
