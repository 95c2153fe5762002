// The graph model of the explorer: a graphology graph fed from `subgraph` answers,
// styled by kind, laid out with ForceAtlas2 for a bounded number of iterations.
// Uses the vendored UMD builds loaded by index.html (globals graphology, graphologyLibrary).

export const KINDS = {
  Concept: { color: "#2e9e6a", label: "Concept" },
  Person: { color: "#2f6fc1", label: "Person" },
  Episode: { color: "#e08a1e", label: "Episode" },
  Claim: { color: "#9b59c6", label: "Claim" },
};
const OTHER_COLOR = "#888888";
const EDGE_COLOR = "#c9ced6";
const LABEL_MAX = 42;

/** A new, empty graph: directed, with parallel edges of different kinds allowed. */
export function createGraph() {
  return new globalThis.graphology.MultiDirectedGraph();
}

/** Node radius in pixels from the API's `size` (how much the node is discussed). */
export function nodeRadius(kind, size) {
  if (kind === "Claim") return 3;
  return Math.min(22, 4 + 2.2 * Math.sqrt(Math.max(0, Number(size) || 0)));
}

function shortLabel(kind, label) {
  const text = String(label || "");
  if (text.length <= LABEL_MAX) return text;
  return text.slice(0, LABEL_MAX - 1).trimEnd() + "…";
}

// A small deterministic hash, so that the same data always lays out the same way.
function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) / 4294967296;
}

/**
 * Merge a `subgraph` answer into the graph. New nodes are placed on a ring around
 * `anchor` (a node id already in the graph) or around the origin.
 * Returns the ids of the nodes that were added.
 */
export function mergeSubgraph(graph, sub, anchor = null) {
  const added = [];
  let cx = 0;
  let cy = 0;
  if (anchor && graph.hasNode(anchor)) {
    cx = graph.getNodeAttribute(anchor, "x");
    cy = graph.getNodeAttribute(anchor, "y");
  }
  const spread = 10 + Math.sqrt(sub.nodes.length) * 4;
  for (const node of sub.nodes) {
    const style = KINDS[node.kind] || { color: OTHER_COLOR };
    const attrs = {
      kind: node.kind,
      fullLabel: node.label,
      label: shortLabel(node.kind, node.label),
      weight: node.size,
      size: nodeRadius(node.kind, node.size),
      color: style.color,
      props: node.props || {},
    };
    if (graph.hasNode(node.id)) {
      graph.mergeNodeAttributes(node.id, attrs);
      continue;
    }
    const angle = hash(node.id) * 2 * Math.PI;
    const r = spread * (0.3 + 0.7 * hash(node.id + "r"));
    graph.addNode(node.id, { ...attrs, x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) });
    added.push(node.id);
  }
  for (const edge of sub.edges) {
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    const key = `${edge.source}>${edge.kind}>${edge.target}`;
    if (graph.hasEdge(key)) continue;
    graph.addDirectedEdgeWithKey(key, edge.source, edge.target, {
      kind: edge.kind,
      weight: edge.weight,
      size: 0.6 + Math.min(2.4, edge.weight),
      color: EDGE_COLOR,
    });
  }
  return added;
}

/** How many ForceAtlas2 iterations a graph of this order gets: fewer as it grows. */
export function iterationsFor(order) {
  if (order <= 200) return 300;
  if (order <= 800) return 150;
  return 100;
}

const LAYOUT_BUDGET_MS = 1200; // stop early on a slow machine: the page must stay responsive
const CHUNK = 10; // iterations between clock checks

/**
 * Lay the graph out in place with ForceAtlas2: synchronous, at most `iterations`
 * iterations and about `budgetMs` milliseconds (checked every few iterations).
 * Barnes-Hut approximation above 800 nodes, where it starts to pay.
 * Returns {ms, iterations} actually spent.
 */
export function layout(graph, iterations = iterationsFor(graph.order), budgetMs = LAYOUT_BUDGET_MS) {
  const fa2 = globalThis.graphologyLibrary.layoutForceAtlas2;
  const started = performance.now();
  let done = 0;
  if (graph.order > 1) {
    const settings = fa2.inferSettings(graph);
    settings.barnesHutOptimize = graph.order > 800;
    settings.slowDown = 1 + Math.log10(graph.order);
    while (done < iterations && performance.now() - started < budgetMs) {
      const step = Math.min(CHUNK, iterations - done);
      fa2.assign(graph, { iterations: step, settings, getEdgeWeight: null });
      done += step;
    }
  }
  return { ms: performance.now() - started, iterations: done };
}
/** Count of nodes per kind, for the legend. */
export function countByKind(graph) {
  const counts = {};
  graph.forEachNode((_, attrs) => {
    counts[attrs.kind] = (counts[attrs.kind] || 0) + 1;
  });
  return counts;
}

/** The id of the person who made a claim, when the CLAIMED edge is in the graph. */
export function claimSpeaker(graph, claimId) {
  let speaker = null;
  graph.forEachInNeighbor(claimId, (neighbour, attrs) => {
    if (attrs.kind === "Person") speaker = neighbour;
  });
  return speaker;
}
