// peacewatch web UI: plain JavaScript modules, no framework, no build step, no network but
// this server. This file routes #/<view>?<params> to the views in js/; js/ui.js says how
// article text is kept inert (text nodes only).
import { viewAnalyze } from "./js/analyze.js";
import { viewChanges } from "./js/changes.js";
import { viewDoc, viewDocuments } from "./js/documents.js";
import { viewMap } from "./js/map.js";
import { viewNegotiation } from "./js/negotiation.js";
import { viewPositions } from "./js/positions.js";
import { viewQuotes } from "./js/quotes.js";
import { searchBox, viewSearch } from "./js/search.js";
import { viewTimeline } from "./js/timeline.js";
import { clear, main, showError } from "./js/ui.js";

const VIEWS = { negotiation: viewNegotiation, timeline: viewTimeline, map: viewMap,
  positions: viewPositions, quotes: viewQuotes, documents: viewDocuments, new: viewChanges,
  search: viewSearch, analyze: viewAnalyze, doc: viewDoc };

let generation = 0;

async function route() {
  // A view still loading when the hash changes again must not mark the page ready.
  const mine = ++generation;
  const started = performance.now();
  const [path, query] = (location.hash.slice(2) || "timeline").split("?");
  const [view, id] = path.split("/");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  // Cleared until the new view is drawn: tests (and scripts) wait for data-ready=<view>.
  document.body.removeAttribute("data-ready");
  for (const a of document.querySelectorAll("#nav a")) {
    a.classList.toggle("active", a.getAttribute("href") === `#/${view}`);
  }
  clear(main);
  const fn = VIEWS[view] || viewTimeline;
  try {
    await fn(params, id && decodeURIComponent(id));
  } catch (err) {
    showError(err);
  }
  if (mine === generation) {
    // A mark at the moment the view is drawn: benchmarks/page_load.py reads its time (from
    // navigation start: a page opened afresh) and its detail (from the route's start: a view
    // opened from another one, in the app).
    performance.mark(`ready:${view}`, { detail: performance.now() - started });
    document.body.setAttribute("data-ready", view);
  }
}

document.querySelector("header").append(searchBox());
window.addEventListener("hashchange", route);
route();
