"""Where the Neo4j test server (tests/neo4j/start.sh) listens, and a readiness check.

The server runs with authentication disabled, so connect with ``auth=None``.
Override the URI with the ``NEO4J_TEST_URI`` environment variable.
"""

from __future__ import annotations

import os
import time

NEO4J_TEST_PORT = int(os.environ.get("NEO4J_TEST_PORT", "7688"))
NEO4J_TEST_URI = os.environ.get("NEO4J_TEST_URI", f"bolt://127.0.0.1:{NEO4J_TEST_PORT}")
NEO4J_TEST_AUTH = None  # auth disabled on the test server


def wait_until_ready(uri: str = NEO4J_TEST_URI, timeout: float = 60.0) -> None:
    """Block until ``RETURN 1`` succeeds over Bolt at ``uri``; raise TimeoutError otherwise."""
    from neo4j import GraphDatabase

    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with GraphDatabase.driver(uri, auth=NEO4J_TEST_AUTH, connection_timeout=2.0) as driver:
                records, _, _ = driver.execute_query("RETURN 1 AS ok")
                if records and records[0]["ok"] == 1:
                    return
        except Exception as exc:  # not up yet: connection refused, service unavailable, ...
            last_error = exc
        time.sleep(0.5)
    raise TimeoutError(f"Neo4j at {uri} not ready after {timeout:.0f}s: {last_error!r}")
