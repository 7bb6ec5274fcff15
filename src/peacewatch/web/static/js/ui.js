// What every view shares: building nodes, calling the API, filter forms, pagers, links.
// Every piece of article text is untrusted: it enters the page only through text nodes
// (el() below, textContent), never innerHTML, and never as a link target or an attribute
// that the browser would interpret (links are built from ids, through encodeURIComponent;
// a document's own URL only through externalLink, which accepts http and https alone).

export const main = document.getElementById("main");

const SVG = ["svg", "path", "circle", "text", "g", "title"];

export function el(tag, attrs, ...kids) {
  const node = SVG.includes(tag)
    ? document.createElementNS("http://www.w3.org/2000/svg", tag)
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.setAttribute("class", v);
    else node.setAttribute(k, String(v));
  }
  for (const kid of kids.flat()) {
    if (kid === null || kid === undefined || kid === false) continue;
    node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

export class ApiFailure extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

export async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body && body.error ? body.error : { message: res.statusText, fix: "" };
    throw new ApiFailure(res.status, `${err.message}${err.fix ? " — fix: " + err.fix : ""}`);
  }
  return body;
}

// Every item of the /api/negotiation sections asked for, page by page: the API answers at
// most a page of each section (issue 19), and each section is followed by its next_cursor.
export async function negotiationAll(params, kinds = ["rounds", "commitments", "agreements"]) {
  const out = { rounds: [], commitments: [], agreements: [] };
  await Promise.all(kinds.map(async (kind) => {
    let cursor = null;
    do {
      const page = await api(`/api/negotiation?${qs({ ...params, kind, limit: 500, cursor })}`);
      out[kind].push(...page[kind]);
      cursor = page.next_cursor[kind];
    } while (cursor);
  }));
  return out;
}

export function qs(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) out.set(k, v);
  return out.toString();
}

export function showError(err) {
  main.append(el("p", { class: "error" }, String(err.message || err)));
}

// A link to a record's evidence in the document view: #/doc/<id>?v=<version>&s=<start>&e=<end>.
// ``recordId`` (the API's record id) goes into data-id, for tests and for the curious, and
// its tail ("e14") into the link, so the side panel opens that record when several share
// the span (an event and a position on one sentence); a list's claim status (``c``) goes
// with the link, for the side panel: the document's JSON has no claim status, which is
// computed across documents.
export function evidenceLink(versionId, start, end, label, recordId, status) {
  const [docId, ver] = String(versionId).split("/v");
  const tail = recordId ? String(recordId).split("#")[1] : null;
  const q = qs({ v: ver, s: start, e: end, r: tail, c: status });
  return el("a", { class: "evidence", href: `#/doc/${encodeURIComponent(docId)}?${q}`,
    "data-id": recordId }, label || "evidence");
}

// A document's original URL, from the article's own metadata (untrusted): only http(s)
// URLs become links, so a "javascript:" URL stays text and never runs.
export function externalLink(url, label) {
  let parsed = null;
  try { parsed = new URL(String(url)); } catch { parsed = null; }
  if (!parsed || !["http:", "https:"].includes(parsed.protocol)) return null;
  const a = el("a", { class: "source", target: "_blank", rel: "noopener noreferrer" },
    label || "original");
  a.href = parsed.href;
  return a;
}

// Claim status (reported, corroborated, contested, denied) as the API computes it.
export const CLAIM_STATUSES = ["reported", "corroborated", "contested", "denied"];
export const claimFilter = { name: "claim_status", label: "Claim status", options: CLAIM_STATUSES };
export function statusBadge(status) {
  return status ? el("span", { class: `status st-${status}` }, status) : null;
}

export function filterForm(fields, values, onSubmit) {
  const form = el("form", { class: "filters" });
  for (const f of fields) {
    const input = f.options
      ? el("select", { name: f.name }, el("option", { value: "" }, "(any)"),
        f.options.map((o) => el("option", { value: o, selected: values[f.name] === o }, o)))
      : el("input", { name: f.name, type: f.type || "text", value: values[f.name] || "",
        placeholder: f.placeholder || "", list: f.suggest ? `suggest-${f.name}` : null });
    // Suggestions as the user types (a datalist): the filter matches a code or a whole name
    // exactly, so the names it knows are offered.
    const hints = f.suggest ? el("datalist", { id: `suggest-${f.name}` },
      f.suggest.map((o) => el("option", { value: o }))) : null;
    form.append(el("label", {}, f.label, input, hints));
  }
  form.append(el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    onSubmit(Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}

// Download links for the current view: /api/export/<list> with the view's own filters,
// every match (streamed by the server, not the page the view shows).
export function exportHref(list, params, fmt) {
  const keep = { ...params };
  delete keep.offset;
  delete keep.limit;
  return `/api/export/${encodeURIComponent(list)}?${qs({ ...keep, format: fmt })}`;
}

export function exportLinks(list, params, formats) {
  return el("p", { class: "export" }, `Download all ${list}: `,
    (formats || ["csv", "json"]).flatMap((fmt) => [el("a", { class: "download",
      href: exportHref(list, params, fmt), download: `peacewatch-${list}.${fmt}`,
      "data-format": fmt }, fmt.toUpperCase()), " "]));
}

export function go(view, params) {
  const q = qs(params);
  location.hash = `#/${view}${q ? "?" + q : ""}`;
}

// Actors the store knows, for an actor filter's suggestions: parties of the talks and their
// third parties, then every party, country code and speaker (each once).
export function actorSuggestions(f) {
  return [...new Set([...(f.talk_parties || []), ...(f.talk_third_parties || []),
    ...(f.parties || []), ...(f.countries || []), ...(f.speakers || [])])];
}

let facetCache = null;
export async function facets() {
  if (!facetCache) facetCache = await api("/api/facets");
  return facetCache;
}

// "1,234", or "more than 1000" where the API stopped counting (total_exact false).
export function countOf(page) {
  return page.total_exact === false ? `more than ${page.total - 1}` : String(page.total);
}

export function pager(page, goTo) {
  // The API counts matches up to a cap: past it, total_exact is false and total is cap + 1.
  const exact = page.total_exact !== false;
  const end = page.offset + page.items.length;
  const more = exact ? end < page.total : page.items.length === page.limit;
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page.offset === 0,
      onclick: () => goTo(Math.max(0, page.offset - page.limit)) }, "‹ prev"),
    // A capped count: a short page is the last (its end is the total); past the cap the
    // rows seen are the bound ("1501–1600 of more than 1600", not "of more than 1000").
    `${page.items.length ? page.offset + 1 : 0}–${end} of ` + (exact ? String(page.total)
      : more ? `more than ${Math.max(page.total - 1, end)}` : String(end)),
    el("button", { type: "button", disabled: !more,
      onclick: () => goTo(page.offset + page.limit) }, "next ›"));
}

// Columns by the party's role in the talks (issue 17): the parties of the talks first, then
// their mediators, hosts and guarantors, then anyone else; within each, the party with the
// most positions first (not AT, GB, GR … RU, UA). ``roles`` has talk_parties and
// talk_third_parties (/api/facets), or a track's own parties and third_parties.
export function partyOrder(rows, roles) {
  const parties = (roles.track ? roles.parties : roles.talk_parties) || [];
  const third = (roles.track ? roles.third_parties : roles.talk_third_parties) || [];
  const role = (pa) => parties.includes(pa) ? 0 : third.includes(pa) ? 1
    : pa === "unattributed" ? 3 : 2;
  const rank = (pa, list) => (list.includes(pa) ? list.indexOf(pa) : 0);
  const n = new Map();
  for (const r of rows) {
    const pa = r.party || "unattributed";
    n.set(pa, (n.get(pa) || 0) + 1);
  }
  // A track (/api/track?track=) orders its own parties, the process's first; the positions
  // board by count alone.
  const own = roles.track ? (pa) => rank(pa, role(pa) === 0 ? parties : third) : () => 0;
  return [...n.keys()].sort((a, b) => role(a) - role(b) || own(a) - own(b) ||
    n.get(b) - n.get(a) || a.localeCompare(b));
}

// An event's date as precise as the text gives it (issue 16): "2021" stays a year and
// "2022-03" a month; a bound says which side; a date that is only the report's publication
// date says so, since it is not the day the event happened.
export const DATE_BASIS_TITLE = {
  stated: "date stated in the text",
  relative: "date given relative to publication (\"yesterday\", \"on Monday\"), resolved",
  reported: "no date in the text: the publication date, a bound, not the day it happened",
};
export function eventDate(e) {
  if (!e.date) return "undated";
  const bound = { before: "by ", after: "after " }[e.date_precision] || "";
  return bound + e.date + (e.date_basis === "reported" ? " (reported)" : "");
}

// A snippet with its matches as <mark>, all as text. /api/search marks them «…» and gives
// their offsets (``marks``, the word without the guillemets): the offsets win, since the
// text itself may hold « or »; without them, the guillemets are split on.
export function marked(snippet, marks) {
  const text = String(snippet || "");
  if (!Array.isArray(marks) || !marks.length) {
    return text.split(/«|»/).map((part, i) => (i % 2 ? el("mark", { class: "match" }, part)
      : part));
  }
  const out = [];
  let at = 0;
  for (const [start, end] of marks) {
    if (start < at || end > text.length) continue;
    const lo = text[start - 1] === "«" && start - 1 >= at ? start - 1 : start;
    out.push(text.slice(at, lo), el("mark", { class: "match" }, text.slice(start, end)));
    at = text[end] === "»" ? end + 1 : end;
  }
  out.push(text.slice(at));
  return out;
}
