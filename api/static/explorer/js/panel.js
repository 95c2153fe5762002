// The side panel: claims about the selected node, grouped by speaker.

/** Seconds as m:ss, or h:mm:ss past an hour. */
export function formatTime(seconds) {
  const total = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${String(m).padStart(2, "0")}:${s}`;
}

/** Claims grouped by speaker name, groups in order of each speaker's first claim. */
export function groupBySpeaker(claims) {
  const groups = new Map();
  for (const claim of claims) {
    const name = claim.speaker ? claim.speaker.name : "Unknown speaker";
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name).push(claim);
  }
  return groups;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function timestamp(claim) {
  const label = formatTime(claim.start);
  if (claim.mediaUrl) {
    const link = el("a", "timestamp", label);
    link.href = claim.mediaUrl;
    link.target = "_blank";
    link.rel = "noopener";
    link.title = "Open the episode at this moment";
    return link;
  }
  const span = el("span", "timestamp", label);
  span.title = `${Number(claim.start).toFixed(1)} s into the episode`;
  return span;
}

function claimItem(claim) {
  const item = el("li", "claim");
  item.dataset.claimId = claim.id;
  const meta = el("div", "claim-meta");
  meta.append(el("span", `claim-type type-${claim.type}`, claim.type), timestamp(claim));
  if (claim.episode) meta.append(el("span", "claim-episode", claim.episode.title));
  item.append(meta, el("p", "claim-text", claim.text));
  if (claim.quote && claim.quote !== claim.text) {
    const quote = el("blockquote", "claim-quote", claim.quote);
    quote.title = "Verbatim transcript";
    item.append(quote);
  }
  const extra = [`certainty ${Math.round(claim.certainty * 100)}%`];
  if (claim.horizon) extra.push(`horizon: ${claim.horizon}`);
  item.append(el("div", "claim-extra", extra.join(" · ")));
  return item;
}

/** Render claims into a container element; `more` adds a "load more" button when set. */
export function renderClaims(container, claims, { more = null, append = false } = {}) {
  if (!append) container.replaceChildren();
  container.querySelector(".more")?.remove();
  if (!claims.length && !append) {
    container.append(el("p", "empty", "No claims match."));
    return;
  }
  for (const [speaker, items] of groupBySpeaker(claims)) {
    let group = [...container.querySelectorAll(".speaker-group")].find(
      (g) => g.dataset.speaker === speaker,
    );
    if (!group) {
      group = el("section", "speaker-group");
      group.dataset.speaker = speaker;
      group.append(el("h3", "speaker-name", speaker), el("ul", "claim-list"));
      container.append(group);
    }
    const list = group.querySelector(".claim-list");
    for (const claim of items) list.append(claimItem(claim));
    group.querySelector(".speaker-name").textContent =
      `${speaker} (${list.children.length})`;
  }
  if (more) {
    const button = el("button", "more", "Load more claims");
    button.type = "button";
    button.addEventListener("click", more, { once: true });
    container.append(button);
  }
}

/** Fill a <select> with options [{value, label}], keeping the first "all" option. */
export function fillSelect(select, options) {
  const keep = select.value;
  select.replaceChildren(select.options[0] ? select.options[0] : el("option", "", "All"));
  select.options[0].value = "";
  for (const { value, label } of options) {
    const option = el("option", "", label);
    option.value = value;
    select.append(option);
  }
  select.value = options.some((o) => o.value === keep) ? keep : "";
}
