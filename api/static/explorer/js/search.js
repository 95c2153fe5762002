// The search box: debounced suggestions from the `search` query, picked by click or keyboard.

import { search } from "./api.js";

const DEBOUNCE_MS = 200;
const KIND_ORDER = { Concept: 0, Person: 1, Episode: 2, Claim: 3 };

/**
 * Wire a text input and a list element into a suggestion box.
 * onPick({kind, id, label}) is called with the chosen hit.
 */
export function setupSearch(input, list, onPick) {
  let timer = null;
  let hits = [];
  let active = -1;
  let asked = 0;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }

  function highlight(index) {
    active = index;
    [...list.children].forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
  }

  function pick(hit) {
    close();
    input.value = hit.label;
    onPick(hit);
  }

  function show(found) {
    hits = [...found].sort(
      (a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) || b.score - a.score,
    );
    list.replaceChildren();
    hits.forEach((hit, i) => {
      const li = document.createElement("li");
      li.setAttribute("role", "option");
      li.dataset.kind = hit.kind;
      li.dataset.id = hit.id;
      const badge = document.createElement("span");
      badge.className = `kind kind-${hit.kind}`;
      badge.textContent = hit.kind;
      const text = document.createElement("span");
      text.className = "hit-label";
      text.textContent = hit.label;
      li.append(badge, text);
      li.addEventListener("mousedown", (event) => {
        event.preventDefault(); // keep focus in the input until the pick is done
        pick(hits[i]);
      });
      list.append(li);
    });
    list.hidden = hits.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
    highlight(hits.length ? 0 : -1);
  }

  async function suggest(text) {
    const ticket = ++asked;
    try {
      const found = await search(text);
      if (ticket === asked) show(found); // ignore answers to older keystrokes
    } catch (err) {
      console.error("search failed", err);
    }
  }

  // Enter before the suggestions arrived: ask now and take the best hit.
  async function pickBest(text) {
    clearTimeout(timer);
    const ticket = ++asked;
    const found = await search(text);
    if (ticket !== asked) return;
    show(found);
    if (hits.length) pick(hits[0]);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      asked++;
      close();
      return;
    }
    timer = setTimeout(() => suggest(text), DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && hits.length) {
      event.preventDefault();
      highlight((active + 1) % hits.length);
    } else if (event.key === "ArrowUp" && hits.length) {
      event.preventDefault();
      highlight((active - 1 + hits.length) % hits.length);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!list.hidden && hits[active]) pick(hits[active]);
      else if (input.value.trim()) pickBest(input.value.trim());
    } else if (event.key === "Escape") {
      close();
    }
  });

  input.addEventListener("blur", () => setTimeout(close, 100));
}
