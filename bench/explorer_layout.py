"""How long the explorer takes to lay out and draw a big neighbourhood, in headless Chromium.

Starts the real server (on an empty temporary store, or on ``--store``), opens the
explorer in Debian's Chromium through Playwright, builds a synthetic neighbourhood
shaped like podgraph's (episodes, people, concepts, claims and their edge kinds)
inside the page and hands it to ``podgraphExplorer.show``: the same merge, ForceAtlas2
and sigma render path a search takes. Prints the layout and render times per size;
the target is under 2 s for 2,000 nodes. The explorer bounds ForceAtlas2 by
iterations and by a time budget, so the iteration count shows whether the budget cut
a run short on a slow or busy machine.

    python bench/explorer_layout.py [--sizes 500,1000,2000] [--runs 3]
    python bench/explorer_layout.py --store ~/.local/share/podgraph/graph.podgraph --center RLHF
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.settings import Settings  # noqa: E402
from tests.server import running_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
TARGET_MS = 2000.0

# Builds a `subgraph`-shaped answer of about n nodes, deterministically (seeded LCG):
# 1% episodes, 3% people, 40% concepts, the rest claims; each claim is CLAIMED by a
# person, IN_EPISODE of an episode and ABOUT one to three concepts (popular ones more
# often); concepts are MENTIONED_IN episodes and RELATED_TO a few others.
SYNTHETIC_JS = """
(n) => {
  let seed = 42;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const skewed = (k) => Math.floor(Math.pow(rand(), 2) * k);
  const counts = { Episode: Math.max(2, Math.round(n * 0.01)), Person: Math.max(2, Math.round(n * 0.03)) };
  counts.Concept = Math.round(n * 0.4);
  counts.Claim = n - counts.Episode - counts.Person - counts.Concept;
  const ids = {}; const nodes = []; const edges = [];
  for (const [kind, k] of Object.entries(counts)) {
    ids[kind] = [];
    for (let i = 0; i < k; i++) {
      const id = `${kind.toLowerCase()}_${i}`;
      ids[kind].push(id);
      const props = kind === "Claim" ? { type: "opinion", episode_id: "episode_0", start_s: "1.0" } : {};
      nodes.push({ id, kind, label: `${kind} ${i}`, size: kind === "Claim" ? 1 : 1 + skewed(30), props });
    }
  }
  const edge = (source, kind, target, weight = 1) => edges.push({ source, target, kind, weight });
  for (const claim of ids.Claim) {
    edge(ids.Person[skewed(ids.Person.length)], "CLAIMED", claim);
    edge(claim, "IN_EPISODE", ids.Episode[Math.floor(rand() * ids.Episode.length)]);
    const about = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < about; j++) edge(claim, "ABOUT", ids.Concept[skewed(ids.Concept.length)]);
  }
  for (const concept of ids.Concept) {
    edge(concept, "MENTIONED_IN", ids.Episode[Math.floor(rand() * ids.Episode.length)], 1 + skewed(5));
    if (rand() < 0.5) edge(concept, "RELATED_TO", ids.Concept[Math.floor(rand() * ids.Concept.length)], rand());
  }
  for (const person of ids.Person) edge(person, "APPEARED_IN", ids.Episode[Math.floor(rand() * ids.Episode.length)]);
  const seen = new Set();
  const unique = edges.filter((e) => {
    const key = `${e.source}>${e.kind}>${e.target}`;
    if (e.source === e.target || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { nodes, edges: unique };
}
"""

SHOW_JS = """
(n) => {
  const sub = (SYNTHETIC)(n);
  const started = performance.now();
  const r = window.podgraphExplorer.show(sub);
  return { nodes: r.nodes, edges: sub.edges.length, layoutMs: r.layoutMs, iterations: r.iterations,
           renderMs: r.renderMs,
           totalMs: performance.now() - started };
}
""".replace("SYNTHETIC", SYNTHETIC_JS.strip())


def measure_synthetic(page: Any, size: int, runs: int) -> list[dict[str, float]]:
    """Lay out a synthetic neighbourhood of ``size`` nodes ``runs`` times."""
    results: list[dict[str, float]] = page.evaluate(
        f"(n) => Array.from({{length: {runs}}}, () => ({SHOW_JS.strip()})(n))", size
    )
    return results


def measure_pick(page: Any, center: str) -> dict[str, float]:
    """Pick ``center`` through the search path and read the explorer's timings."""
    hits = page.evaluate("(t) => fetch('/graphql', {method: 'POST', headers: {'content-type': "
                         "'application/json'}, body: JSON.stringify({query: '{ search(text: ' + "
                         "JSON.stringify(t) + ', limit: 1) { kind id label score } }'})})"
                         ".then((r) => r.json()).then((b) => b.data.search)", center)
    if not hits:
        raise SystemExit(f"nothing found for {center!r}")
    page.evaluate("(hit) => window.podgraphExplorer.pick(hit)", hits[0])
    page.wait_for_function("!window.podgraphExplorer.busy && window.podgraphExplorer.nodeCount > 0")
    result: dict[str, float] = page.evaluate(
        "({nodes: podgraphExplorer.nodeCount, edges: podgraphExplorer.edgeCount,"
        " layoutMs: podgraphExplorer.lastLayoutMs, renderMs: podgraphExplorer.lastRenderMs})"
    )
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="500,1000,2000", help="synthetic neighbourhood sizes (nodes)")
    ap.add_argument("--runs", type=int, default=3, help="runs per size")
    ap.add_argument("--store", type=Path, help="serve this embedded store instead of an empty one")
    ap.add_argument("--center", help="with --store: also time picking this search hit")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    store = args.store or Path(tempfile.mkdtemp()) / "bench.podgraph"
    worst_2000 = 0.0
    with running_server(Settings(store_path=store)) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        page.goto(url + "/")
        page.wait_for_function("window.podgraphExplorer && window.podgraphExplorer.ready")
        print(f"{'nodes':>6} {'edges':>6} {'FA2 iterations':>14} {'layout ms (median / max)':>26} "
              f"{'render ms':>10} {'total ms':>9}")
        for size in (int(s) for s in args.sizes.split(",")):
            runs = measure_synthetic(page, size, args.runs)
            layout = [r["layoutMs"] for r in runs]
            total = [r["totalMs"] for r in runs]
            render = statistics.median(r["renderMs"] for r in runs)
            iterations = min(int(r["iterations"]) for r in runs)
            print(f"{int(runs[0]['nodes']):>6} {int(runs[0]['edges']):>6} {iterations:>14} "
                  f"{statistics.median(layout):>14.0f} / {max(layout):<9.0f} {render:>10.0f} "
                  f"{statistics.median(total):>9.0f}")
            if size >= 2000:
                worst_2000 = max(worst_2000, *total)
        if args.store and args.center:
            r = measure_pick(page, args.center)
            print(f"pick {args.center!r}: {r['nodes']} nodes, {r['edges']} edges, "
                  f"layout {r['layoutMs']:.0f} ms, render {r['renderMs']:.0f} ms")
        browser.close()
    if worst_2000:
        verdict = "within" if worst_2000 < TARGET_MS else "OVER"
        print(f"2,000-node neighbourhood: worst {worst_2000:.0f} ms for layout and render, "
              f"{verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
