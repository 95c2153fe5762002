"""The one place that chooses the storage backend from settings."""

from __future__ import annotations

from graph.settings import Settings
from graph.store import GraphStore


def make_store(settings: Settings) -> GraphStore:
    """Build (without I/O) the store the settings ask for; call ``open()`` before use.

    >>> from pathlib import Path
    >>> type(make_store(Settings(store_path=Path("/tmp/x.podgraph")))).__name__
    'EmbeddedStore'
    """
    if settings.backend == "neo4j":
        from graph.neo4j import Neo4jStore

        return Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(settings.store_path)
