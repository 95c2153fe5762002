"""Write throughput: nodes plus relationships written per second, Neo4j beside the embedded store.

Fragments come from ``../shared/corpus`` (parse, extract and build once, untimed) when it
exists, else from invented episodes; then each backend starts empty and ingests them all
(timed, one ``upsert`` per episode), then ingests them again (every episode replaced).

    PYTHONPATH=. python bench/write_throughput.py                 # corpus, both backends
    PYTHONPATH=. python bench/write_throughput.py --synthetic 50  # 50 invented episodes
    NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=... python bench/write_throughput.py

Neo4j settings come from ``--neo4j-uri``/``--neo4j-user``/``--neo4j-password``, else
``NEO4J_TEST_URI``/``NEO4J_URI`` (and matching user/password variables), else the test
launcher's defaults. The Neo4j database is wiped first: never point this at real data.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import importlib
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from graph.embedded import EmbeddedStore
from graph.errors import PodgraphError
from graph.ids import claim_id, concept_id, episode_id, person_id, segment_id
from graph.model import Appearance, Claim, Concept, Episode, GraphFragment, Mention, Person, Segment
from graph.neo4j import Neo4jStore
from graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Run:
    """One timed pass of a backend over all fragments."""

    backend: str
    phase: str
    episodes: int
    written: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.written / self.seconds if self.seconds else float("inf")


def corpus_fragments(corpus: Path) -> list[GraphFragment]:
    """Parse, extract and build every transcript of the corpus (slow: spaCy)."""
    from extract.build import build_fragment
    from extract.hints import make_hints
    from extract.parsers import parse_file
    from extract.pipeline import extract

    out = []
    for path in sorted(corpus.iterdir()):
        if not path.is_file() or path.name.lower().startswith("readme"):
            continue
        t0 = time.perf_counter()
        transcript = parse_file(path)
        frag = build_fragment(extract(transcript, make_hints(transcript, None)))
        print(f"  extracted {path.name}: {size(frag)} nodes+rels in {time.perf_counter() - t0:.1f}s",
              file=sys.stderr)
        out.append(frag)
    return out


def synthetic_fragments(count: int, seed: int = 7) -> list[GraphFragment]:
    """Invented episodes of corpus-like shape: 300 turns, 40 concepts, 60 claims each."""
    rng = random.Random(seed)
    names = [f"Speaker {i}" for i in range(20)]
    topics = [f"Topic {i}" for i in range(150)]
    frags = []
    for e in range(count):
        sha = hashlib.sha256(f"bench {seed} {e}".encode()).hexdigest()
        eid = episode_id(sha)
        cast_ = rng.sample(names, 2)
        people = tuple(Person(person_id(n), n, (n.upper(),)) for n in cast_)
        segs = []
        for i in range(300):
            text = " ".join(rng.choice(topics) for _ in range(8))
            segs.append(Segment(segment_id(eid, i * 10.0), eid, i, i * 10.0, i * 10.0 + 9.5, text,
                                people[i % 2].id, i * 100, i * 100 + len(text)))
        concepts = tuple(
            Concept(concept_id(t), t, (t.lower() + "s",), "topic") for t in rng.sample(topics, 40)
        )
        claims = tuple(
            Claim(claim_id(s.id, s.char_start, s.char_end), eid, s.id, s.speaker_id, s.start_s, s.end_s,
                  s.text, s.text, "opinion", 0.5, s.char_start, s.char_end, None,
                  tuple(c.id for c in rng.sample(concepts, 2)))
            for s in rng.sample(segs, 60)
        )
        frags.append(GraphFragment(
            Episode(eid, f"Episode {e}", "Bench Show", "2024-01-01", f"bench/{e}.txt", 3000.0, sha),
            people,
            tuple(Appearance(p.id, eid, "host" if i == 0 else "guest") for i, p in enumerate(people)),
            tuple(segs),
            concepts,
            tuple(Mention(c.id, eid, rng.randint(1, 9), 1.0) for c in concepts),
            claims,
        ))
    return frags


def size(f: GraphFragment) -> int:
    """Nodes plus relationships one fragment writes (NEXT between consecutive turns)."""
    nodes = 1 + len(f.people) + len(f.segments) + len(f.concepts) + len(f.claims)
    rels = (len(f.appearances) + 3 * len(f.segments) - (1 if f.segments else 0) + len(f.mentions)
            + sum(2 + len(c.concept_ids) for c in f.claims))
    return nodes + rels


async def timed(store: GraphStore, backend: str, frags: list[GraphFragment]) -> list[Run]:
    """Empty the store, ingest every fragment, then ingest them all again (replace)."""
    await store.open()
    try:
        await store.clear()
        runs = []
        for phase in ("ingest", "replace"):
            t0 = time.perf_counter()
            for f in frags:
                await store.upsert(f)
            seconds = time.perf_counter() - t0
            stats = await store.stats()
            written = sum(stats.nodes.values()) + sum(stats.edges.values())
            runs.append(Run(backend, phase, len(frags), written, seconds))
        await store.clear()
        return runs
    finally:
        await store.close()


def neo4j_args(args: argparse.Namespace) -> tuple[str, str, str]:
    try:
        server = importlib.import_module("tests.neo4j_server")
    except ImportError:
        server = None
    uri = (args.neo4j_uri or os.environ.get("NEO4J_TEST_URI") or os.environ.get("NEO4J_URI")
           or getattr(server, "NEO4J_TEST_URI", None) or "bolt://127.0.0.1:7688")
    user = (args.neo4j_user or os.environ.get("NEO4J_TEST_USER") or os.environ.get("NEO4J_USER")
            or "neo4j")
    password = (args.neo4j_password or os.environ.get("NEO4J_TEST_PASSWORD")
                or os.environ.get("NEO4J_PASSWORD") or "neo4j")
    return uri, user, password


async def main_async(args: argparse.Namespace) -> int:
    if args.synthetic or not args.corpus.is_dir():
        frags = synthetic_fragments(args.synthetic or 20)
        origin = f"{len(frags)} invented episodes"
    else:
        print(f"extracting {args.corpus} (untimed) ...", file=sys.stderr)
        frags = corpus_fragments(args.corpus)
        origin = f"{len(frags)} corpus episodes from {args.corpus}"
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        runs += await timed(EmbeddedStore(Path(tmp) / "bench.podgraph"), "embedded", frags)
    if not args.no_neo4j:
        uri, user, password = neo4j_args(args)
        try:
            runs += await timed(Neo4jStore(uri, user, password), f"neo4j {uri}", frags)
        except PodgraphError as exc:
            print(f"neo4j: {exc}", file=sys.stderr)
            return 1
    print(f"write throughput, {origin}; the fragments carry {sum(size(f) for f in frags)} nodes+rels,")
    print("'nodes+rels' below is what the store holds after the pass (shared people and concepts once)")
    print(f"{'backend':<32} {'phase':<8} {'episodes':>8} {'nodes+rels':>11} {'seconds':>8} {'per s':>8}")
    for r in runs:
        row = f"{r.backend:<32} {r.phase:<8} {r.episodes:>8} {r.written:>11}"
        print(f"{row} {r.seconds:>8.2f} {r.rate:>8.0f}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--corpus", type=Path, default=CORPUS, help="transcripts (default ../shared/corpus)")
    p.add_argument("--synthetic", type=int, default=0, help="ingest N invented episodes instead")
    p.add_argument("--neo4j-uri")
    p.add_argument("--neo4j-user")
    p.add_argument("--neo4j-password")
    p.add_argument("--no-neo4j", action="store_true", help="embedded store only")
    return asyncio.run(main_async(p.parse_args(argv)))


if __name__ == "__main__":
    sys.exit(main())
