// The podgraph explorer: search, a graph of the neighbourhood, and the claims panel.

import * as api from "./api.js";
import { KINDS, claimSpeaker, countByKind, createGraph, layout, mergeSubgraph } from "./graph.js";
import { fillSelect, renderClaims } from "./panel.js";
import { setupSearch } from "./search.js";

const CLAIM_TYPES = ["prediction", "opinion", "explanation", "fact", "recommendation"];
const FIRST = { depth: 2, limit: 250 }; // the neighbourhood shown for a pick
const EXPAND = { depth: 1, limit: 100, iterations: 60 }; // what a click adds
const PAGE = 100; // claims fetched at a time (the API's page cap)
const FADED = "#e3e6eb";

const $ = (id) => document.getElementById(id);

const state = {
  graph: createGraph(),
  renderer: null,
  selected: null,
  hovered: null,
  hiddenKinds: new Set(),
  filters: { episode: "", speaker: "", type: "" },
  panelTicket: 0,
};

// A small public object for tests and benchmarks (and curious users in devtools).
const explorer = {
  ready: false,
  busy: false,
  error: null,
  nodeCount: 0,
  edgeCount: 0,
  selected: null,
  claimCount: 0,
  lastLayoutMs: null,
  lastLayoutIterations: null,
  lastRenderMs: null,
  /** Page coordinates of a node's centre, or null when it is not drawn. */
  nodePosition(id) {
    if (!state.graph.hasNode(id) || !state.renderer) return null;
    const { x, y } = state.graph.getNodeAttributes(id);
    const view = state.renderer.graphToViewport({ x, y });
    const box = $("graph").getBoundingClientRect();
    return { x: box.left + view.x, y: box.top + view.y };
  },
  /** Ids of the nodes of one kind, largest first. */
  nodesOfKind(kind) {
    return state.graph
      .filterNodes((_, a) => a.kind === kind)
      .sort((a, b) => state.graph.getNodeAttribute(b, "size") - state.graph.getNodeAttribute(a, "size"));
  },
  pick: (hit) => pick(hit),
  expand: (id) => expand(id),
  /** Replace the graph with a `subgraph`-shaped object; the path a search takes. */
  show: (sub) => showSubgraph(sub, null),
};
window.podgraphExplorer = explorer;

// --- graph view ---------------------------------------------------------------------

function passesFilters(node, attrs) {
  const { episode, speaker, type } = state.filters;
  if (node === state.selected) return true;
  if (attrs.kind === "Claim") {
    if (type && attrs.props.type !== type) return false;
    if (episode && attrs.props.episode_id !== episode) return false;
    if (speaker) {
      const who = claimSpeaker(state.graph, node);
      if (!who || state.graph.getNodeAttribute(who, "fullLabel") !== speaker) return false;
    }
  }
  if (attrs.kind === "Episode" && episode && node !== episode) return false;
  if (attrs.kind === "Person" && speaker && attrs.fullLabel !== speaker) return false;
  return true;
}

function nodeReducer(node, attrs) {
  const out = { ...attrs };
  if (state.hiddenKinds.has(attrs.kind) || !passesFilters(node, attrs)) out.hidden = true;
  if (node === state.selected) {
    out.highlighted = true;
    out.forceLabel = true;
    out.zIndex = 2;
  }
  const focus = state.hovered;
  if (focus && node !== focus && !state.graph.areNeighbors(node, focus)) {
    out.color = FADED;
    out.label = "";
    out.zIndex = 0;
  } else if (focus) {
    out.zIndex = 1;
  }
  return out;
}

function edgeReducer(edge, attrs) {
  const focus = state.hovered;
  if (focus && !state.graph.hasExtremity(edge, focus)) return { ...attrs, hidden: true };
  return attrs;
}

function createRenderer() {
  const renderer = new globalThis.Sigma(state.graph, $("graph"), {
    renderEdgeLabels: false,
    labelRenderedSizeThreshold: 6,
    labelDensity: 0.6,
    labelFont: "system-ui, -apple-system, 'Segoe UI', sans-serif",
    labelSize: 12,
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.05,
    maxCameraRatio: 8,
    nodeReducer,
    edgeReducer,
  });
  renderer.on("clickNode", ({ node }) => {
    select(node);
    expand(node);
  });
  renderer.on("enterNode", ({ node }) => {
    state.hovered = node;
    $("graph").classList.add("pointing");
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on("leaveNode", () => {
    state.hovered = null;
    $("graph").classList.remove("pointing");
    renderer.refresh({ skipIndexation: true });
  });
  return renderer;
}

function refresh() {
  const started = performance.now();
  state.renderer.refresh();
  explorer.lastRenderMs = performance.now() - started;
  explorer.nodeCount = state.graph.order;
  explorer.edgeCount = state.graph.size;
  updateLegend();
  $("status").textContent =
    `${state.graph.order} nodes · ${state.graph.size} edges` +
    (explorer.lastLayoutMs === null ? "" : ` · layout ${Math.round(explorer.lastLayoutMs)} ms`);
}

function updateLegend() {
  const counts = countByKind(state.graph);
  for (const row of $("legend").querySelectorAll("[data-kind]")) {
    row.querySelector(".count").textContent = counts[row.dataset.kind] || 0;
  }
}

function buildLegend() {
  const legend = $("legend");
  for (const [kind, style] of Object.entries(KINDS)) {
    const row = document.createElement("label");
    row.dataset.kind = kind;
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) state.hiddenKinds.delete(kind);
      else state.hiddenKinds.add(kind);
      state.renderer.refresh({ skipIndexation: true });
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = style.color;
    const name = document.createElement("span");
    name.textContent = style.label;
    const count = document.createElement("span");
    count.className = "count";
    count.textContent = "0";
    row.append(box, swatch, name, count);
    legend.append(row);
  }
}

function recordLayout({ ms, iterations }) {
  explorer.lastLayoutMs = ms;
  explorer.lastLayoutIterations = iterations;
}

function showSubgraph(sub, centre) {
  state.graph.clear();
  state.hovered = null;
  mergeSubgraph(state.graph, sub);
  // Pin what was picked at the origin while the layout runs, so it ends up in the middle.
  const pinned = centre && state.graph.hasNode(centre);
  if (pinned) state.graph.mergeNodeAttributes(centre, { x: 0, y: 0, fixed: true });
  recordLayout(layout(state.graph));
  if (pinned) state.graph.removeNodeAttribute(centre, "fixed");
  refresh();
  state.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  return {
    layoutMs: explorer.lastLayoutMs,
    iterations: explorer.lastLayoutIterations,
    renderMs: explorer.lastRenderMs,
    nodes: state.graph.order,
    centre,
  };
}

let pending = 0; // tasks waiting on the API; the page is busy while any is

async function busy(task) {
  pending++;
  explorer.busy = true;
  document.body.classList.add("busy");
  try {
    return await task();
  } catch (err) {
    explorer.error = String(err.message || err);
    $("status").textContent = `Error: ${explorer.error}`;
    console.error(err);
    return null;
  } finally {
    pending--;
    explorer.busy = pending > 0;
    document.body.classList.toggle("busy", explorer.busy);
  }
}

/** Show the neighbourhood of a search hit and select it. */
function pick(hit) {
  return busy(async () => {
    const sub = await api.subgraph(hit.id, FIRST.depth, FIRST.limit);
    if (!sub.nodes.length) {
      $("status").textContent = `Nothing found for “${hit.label}”`;
      return;
    }
    showSubgraph(sub, hit.id);
    await select(hit.id);
  });
}

/** Merge the neighbourhood of a node into the graph. */
function expand(id) {
  return busy(async () => {
    const sub = await api.subgraph(id, EXPAND.depth, EXPAND.limit);
    const added = mergeSubgraph(state.graph, sub, id);
    if (added.length) recordLayout(layout(state.graph, EXPAND.iterations));
    refresh();
    return added.length;
  });
}

// --- side panel -----------------------------------------------------------------------

function subjectOf(id) {
  const a = state.graph.getNodeAttributes(id);
  return { id, kind: a.kind, label: a.fullLabel, props: a.props || {} };
}

/** Select a node: show its claims in the panel, with its episodes and speakers as filters. */
function select(id) {
  if (!state.graph.hasNode(id)) return null;
  state.selected = id;
  explorer.selected = id;
  explorer.claimCount = 0;
  state.panelTicket++; // answers for the previous selection are now stale
  $("claims").replaceChildren();
  $("claims-count").textContent = "Loading claims…";
  state.renderer.refresh({ skipIndexation: true });
  return busy(() => loadPanel(id));
}

async function loadPanel(id) {
  const subject = subjectOf(id);
  $("subject-kind").textContent = subject.kind;
  $("subject-kind").className = `kind kind-${subject.kind}`;
  $("subject-label").textContent = subject.label;
  $("panel").classList.add("has-subject");
  const facets = await api.facetsFor(subject);
  if (state.selected !== id) return; // another node was picked meanwhile
  fillSelect($("filter-episode"), facets.episodes.map((e) => ({ value: e.id, label: e.title })));
  fillSelect($("filter-speaker"), facets.speakers.map((p) => ({ value: p.name, label: p.name })));
  readFilters();
  await loadClaims();
}

function readFilters() {
  state.filters = {
    episode: $("filter-episode").value,
    speaker: $("filter-speaker").value,
    type: $("filter-type").value,
  };
}

async function loadClaims(offset = 0) {
  if (!state.selected) return;
  const ticket = ++state.panelTicket;
  const subject = subjectOf(state.selected);
  const claims = await api.claimsFor(subject, state.filters, offset, PAGE);
  if (ticket !== state.panelTicket) return; // a newer selection or filter won
  explorer.claimCount = offset + claims.length;
  const more = claims.length === PAGE ? () => loadClaims(offset + PAGE) : null;
  renderClaims($("claims"), claims, { more, append: offset > 0 });
  $("claims-count").textContent = `${explorer.claimCount}${more ? "+" : ""} claims`;
}

function onFilterChange() {
  readFilters();
  state.renderer.refresh({ skipIndexation: true });
  busy(() => loadClaims());
}

// --- start ------------------------------------------------------------------------------

function start() {
  buildLegend();
  fillSelect($("filter-type"), CLAIM_TYPES.map((t) => ({ value: t, label: t })));
  for (const id of ["filter-episode", "filter-speaker", "filter-type"]) {
    $(id).addEventListener("change", onFilterChange);
  }
  state.renderer = createRenderer();
  setupSearch($("search"), $("suggestions"), pick);
  refresh();
  explorer.ready = true;
  const wanted = new URLSearchParams(location.hash.slice(1)).get("q");
  if (wanted) {
    $("search").value = wanted;
    api.search(wanted, 5).then((hits) => hits.length && pick(hits[0]));
  }
}

start();
