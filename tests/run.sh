#!/usr/bin/env bash
# The test command: sets up everything on a fresh machine, then runs the whole suite.
#   bash tests/run.sh [pytest args]
# - creates .venv and installs podgraph with its dev extras (pinned in pyproject.toml);
# - fetches Neo4j 5.26 from Maven Central and starts it on a loopback port (tests/neo4j/);
# - runs pytest on both storage backends, then stops Neo4j.
# Set PODGRAPH_SKIP_NEO4J=1 to run without Neo4j (its tests are then skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[dev]"

if [ "${PODGRAPH_SKIP_NEO4J:-0}" != "1" ]; then
  bash tests/neo4j/start.sh
  trap 'bash tests/neo4j/stop.sh >/dev/null 2>&1 || true' EXIT
fi

.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
