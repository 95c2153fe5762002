"""Neo4j-only behaviour: driver failures surface as ``StoreError`` naming the server."""

from __future__ import annotations

import re
import socket

import pytest

from graph.errors import StoreError
from graph.model import ClaimFilter
from graph.neo4j import Neo4jStore, lucene_query
from graph.store import GraphStore


def closed_port() -> int:
    """A loopback port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_constructor_does_no_io_and_meets_the_protocol() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret", "podgraph")
    assert isinstance(store, GraphStore)
    assert store.database == "podgraph"


async def test_unreachable_server_is_a_store_error_naming_the_uri() -> None:
    uri = f"bolt://127.0.0.1:{closed_port()}"
    store = Neo4jStore(uri, "neo4j", "secret")
    with pytest.raises(StoreError, match=re.escape(f"Neo4j at {uri}") + ".*unreachable"):
        await store.open()
    await store.close()


async def test_bad_uri_is_a_store_error() -> None:
    with pytest.raises(StoreError, match=re.escape("Neo4j at ftp://example.invalid")):
        await Neo4jStore("ftp://example.invalid", "neo4j", "secret").open()


async def test_use_before_open_is_a_store_error() -> None:
    store = Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret")
    with pytest.raises(StoreError, match="not open"):
        await store.claims(ClaimFilter())


@pytest.mark.neo4j
async def test_unknown_database_is_a_store_error(neo4j_store: Neo4jStore) -> None:
    store = Neo4jStore(neo4j_store.uri, neo4j_store.user, "x", database="no-such-db")
    with pytest.raises(StoreError, match="no-such-db"):
        await store.open()
    await store.close()


def test_lucene_query_asks_for_few_distinct_prefixes() -> None:
    assert lucene_query(["moss"]) == "moss*"
    assert lucene_query([f"w{i:03d}" for i in range(2000)]).count("*") == 16
