"""p50 and p99 latency over HTTP of the main GraphQL queries on the embedded store.

Ingests the corpus (or the shipped sample when ../shared is missing) into a
temporary store, starts the real server on a loopback port and sends each query
a fixed number of times, one after another.

    python bench/api_latency.py [--requests 200]
    python bench/api_latency.py --store big.podgraph   # a store already ingested, left as it is
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from api.cli import main as cli  # noqa: E402
from graph.settings import Settings  # noqa: E402
from tests.server import running_server  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"

QUERIES = {
    "claims by speaker+concept": '{ claims(speaker: "John Schulman", concept: "RLHF", limit: 20)'
    " { quote start end speaker { name } episode { title } } }",
    "concept with speakers": '{ concept(name: "pre-training") { name aliases episodes { episode { title } count }'
    " speakers { person { name } count } related { concept { name } weight } } }",
    "person with top concepts": '{ person(name: "Dwarkesh Patel") { name episodes { role episode { title } }'
    " topConcepts(limit: 10) { concept { name } count } } }",
    "search": '{ search(text: "reward model", limit: 20) { kind label score } }',
    "subgraph depth 2": '{ subgraph(center: "RLHF", depth: 2, limit: 200) { nodes { id kind label } edges { source target kind } } }',
    "episodes list": "{ episodes(limit: 20) { title published speakers { person { name } role } } }",
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--store", type=Path, help="an embedded store to query instead of ingesting the corpus")
    args = ap.parse_args()
    if args.store:
        store = args.store
        if not store.is_file():
            raise SystemExit(f"{store}: no such store")
    else:
        store = Path(tempfile.mkdtemp()) / "bench.podgraph"
        files = sorted(CORPUS.glob("*.*")) if CORPUS.is_dir() else [ROOT / "samples" / "interview.txt"]
        files = [f for f in files if f.name != "README.md"]
        t0 = time.perf_counter()
        if cli(["ingest", "--store", str(store), *map(str, files)]) != 0:
            raise SystemExit("ingest failed")
        print(f"ingested {len(files)} files in {time.perf_counter() - t0:.1f} s")
    with running_server(Settings(store_path=store)) as url, httpx.Client(timeout=60) as client:
        print(f"{'query':<28} {'p50 ms':>8} {'p99 ms':>8} {'n':>5}")
        for name, q in QUERIES.items():
            client.post(f"{url}/graphql", json={"query": q}).raise_for_status()  # warm
            times = []
            for _ in range(args.requests):
                a = time.perf_counter()
                r = client.post(f"{url}/graphql", json={"query": q})
                times.append((time.perf_counter() - a) * 1000)
                r.raise_for_status()
                if "errors" in r.json():
                    raise SystemExit(f"{name}: {r.json()['errors']}")
            print(f"{name:<28} {statistics.median(times):8.1f} {percentile(times, 99):8.1f} {len(times):5d}")


if __name__ == "__main__":
    main()
