"""docker-compose.yml runs podgraph on Neo4j 5.26 the way the README says."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import ROOT


def test_compose_file_wires_the_api_to_neo4j() -> None:
    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j, api = spec["services"]["neo4j"], spec["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["healthcheck"]["test"] and any(v.endswith(":/data") for v in neo4j["volumes"])
    assert api["build"] == "."
    assert api["environment"]["PODGRAPH_BACKEND"] == "neo4j"
    assert api["environment"]["NEO4J_URI"] == "bolt://neo4j:7687"
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert (ROOT / "Dockerfile").read_text().count("podgraph") >= 2


def test_compose_file_is_valid_for_compose_when_it_is_installed() -> None:
    tool = shutil.which("docker-compose")
    if tool is None:
        if os.environ.get("PODGRAPH_REQUIRE_COMPOSE"):
            pytest.fail("docker-compose is required (PODGRAPH_REQUIRE_COMPOSE) but not installed")
        pytest.skip("docker-compose is not installed")
    done = subprocess.run([tool, "config", "-q"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
