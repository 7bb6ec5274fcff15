// peacewatch web UI: plain JavaScript, no framework, no network but this server.
// Every piece of article text is untrusted: it enters the page only through text nodes
// (el() below, textContent), never innerHTML, and never as a link target or an attribute
// that the browser would interpret (links are built from ids, through encodeURIComponent).
"use strict";

const main = document.getElementById("main");

function el(tag, attrs, ...kids) {
  const svg = ["svg", "path", "circle", "text", "g", "title"].includes(tag);
  const node = svg
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

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = body && body.error ? body.error : { message: res.statusText, fix: "" };
    throw new Error(`${err.message}${err.fix ? " — fix: " + err.fix : ""}`);
  }
  return body;
}

function qs(params) {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) out.set(k, v);
  return out.toString();
}

function showError(err) {
  main.append(el("p", { class: "error" }, String(err.message || err)));
}

// A link to a record's evidence in the document view: #/doc/<id>?v=<version>&s=<start>&e=<end>.
// ``recordId`` (the API's record id) goes into data-id, for tests and for the curious.
function evidenceLink(versionId, start, end, label, recordId) {
  const [docId, ver] = String(versionId).split("/v");
  const q = qs({ v: ver, s: start, e: end });
  return el("a", { class: "evidence", href: `#/doc/${encodeURIComponent(docId)}?${q}`,
    "data-id": recordId }, label || "evidence");
}

// Claim status (reported, corroborated, contested, denied) as the API computes it.
const CLAIM_STATUSES = ["reported", "corroborated", "contested", "denied"];
const claimFilter = { name: "claim_status", label: "Claim status", options: CLAIM_STATUSES };
function statusBadge(status) {
  return status ? el("span", { class: `status st-${status}` }, status) : null;
}

function filterForm(fields, values, onSubmit) {
  const form = el("form", { class: "filters" });
  for (const f of fields) {
    const input = f.options
      ? el("select", { name: f.name }, el("option", { value: "" }, "(any)"),
        f.options.map((o) => el("option", { value: o, selected: values[f.name] === o }, o)))
      : el("input", { name: f.name, type: f.type || "text", value: values[f.name] || "",
        placeholder: f.placeholder || "" });
    form.append(el("label", {}, f.label, input));
  }
  form.append(el("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    onSubmit(Object.fromEntries(new FormData(form).entries()));
  });
  return form;
}

function go(view, params) {
  const q = qs(params);
  location.hash = `#/${view}${q ? "?" + q : ""}`;
}

let facetCache = null;
async function facets() {
  if (!facetCache) facetCache = await api("/api/facets");
  return facetCache;
}

// ---- timeline: rounds, commitments, agreements and events on one dated line ----
// An event's date as precise as the text gives it (issue 16): "2021" stays a year and
// "2022-03" a month (date_start would show them as 1 January / 1 March); a bound says which
// side; a date that is only the report's publication date says so, since it is not the day
// the event happened.
const DATE_BASIS_TITLE = {
  stated: "date stated in the text",
  relative: "date given relative to publication (\"yesterday\", \"on Monday\"), resolved",
  reported: "no date in the text: the publication date, a bound, not the day it happened",
};
function eventDate(e) {
  if (!e.date) return "undated";
  const bound = { before: "by ", after: "after " }[e.date_precision] || "";
  return bound + e.date + (e.date_basis === "reported" ? " (reported)" : "");
}

async function viewTimeline(p) {
  const f = await facets();
  main.append(el("h2", {}, "Timeline of rounds and events"),
    filterForm([
      { name: "actor", label: "Actor / party", placeholder: "UA, Russia…" },
      { name: "type", label: "Event type", options: f.event_types },
      claimFilter,
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("timeline", v)));
  const range = { since: p.since, until: p.until };
  const [neg, events] = await Promise.all([
    api(`/api/negotiation?${qs({ ...range, party: p.actor })}`),
    api(`/api/events?${qs({ ...range, actor: p.actor, type: p.type,
      claim_status: p.claim_status, limit: 500 })}`),
  ]);
  const items = [];
  // Rounds, commitments and agreements have no claim status in the store: a status filter
  // shows events only.
  if (!p.type && !p.claim_status) {
    for (const r of neg.rounds) {
      const ev = r.evidence && r.evidence[0];
      const heads = (r.delegations || []).map((d) => `${d.party}: ${d.head || "?"}`).join("; ");
      items.push({ day: r.day, kind: "round",
        // A round the source says did not take place is shown as such, never as a round.
        title: (r.status === "denied" ? "Round said not to have taken place"
          : `Round ${r.number ?? "?"}`) + (r.place ? " — " + r.place : ""),
        detail: [r.venue, r.format, r.status, heads].filter(Boolean).join(" · "),
        link: ev && evidenceLink(r.version_id, ev.start, ev.end) });
    }
    for (const c of neg.commitments) {
      const ev = c.evidence;
      items.push({ day: c.day, kind: "commitment",
        title: [c.obligor || c.by, c.action, c.issue && `on ${c.issue}`].filter(Boolean).join(" "),
        detail: ev.text, link: evidenceLink(c.version_id, ev.start, ev.end) });
    }
    for (const a of neg.agreements) {
      const ev = a.evidence && a.evidence[0];
      items.push({ day: a.day, kind: "agreement",
        title: [a.kind, a.stage && `(${a.stage})`, (a.parties || []).join(", ")]
          .filter(Boolean).join(" "),
        detail: ev ? ev.text : "", link: ev && evidenceLink(a.version_id, ev.start, ev.end) });
    }
  }
  for (const e of events.items) {
    const who = e.actors.map((a) => a.name).join(", ");
    items.push({ day: e.date_start, label: eventDate(e), basis: e.date_basis, kind: "event",
      id: e.id, status: e.claim_status,
      title: `${e.type}${e.place ? " @ " + e.place : ""}${who ? " — " + who : ""}`,
      detail: e.evidence_text,
      link: evidenceLink(e.version_id, e.evidence_start, e.evidence_end, null, e.id) });
  }
  items.sort((a, b) => String(a.day || "9999").localeCompare(String(b.day || "9999")));
  const nEvents = countOf(events);
  main.append(el("p", { class: "muted" },
    // Rounds are left out of the list under a type or status filter, so not counted either.
    `${p.type || p.claim_status ? 0
      : neg.rounds.filter((r) => r.status !== "denied").length} rounds, ${nEvents} events` +
    (events.total > events.items.length ? ` (first ${events.items.length} shown)` : "")));
  main.append(el("ul", { class: "timeline" }, items.map((it) => el("li", { "data-id": it.id },
    el("span", { class: "day", title: DATE_BASIS_TITLE[it.basis] || "" },
      it.label || it.day || "undated"),
    el("span", { class: `badge ${it.kind}` }, it.kind),
    el("strong", {}, it.title), " ", statusBadge(it.status), it.link,
    el("div", { class: "ev" }, it.detail)))));
}

// ---- map: world-atlas TopoJSON basemap, places and events clustered on a pixel grid ----
function topoFeatures(topo) {
  // TopoJSON decoding (quantised, delta-encoded arcs), hand-written: about 20 lines instead
  // of vendoring topojson-client for one function.
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (ids) => ids.flatMap((i) => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse()));
  const out = [];
  for (const g of topo.objects.countries.geometries) {
    const polys = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    out.push(polys.map((rings) => rings.map(ring)));
  }
  return out;
}

const PRECISION_COLORS = { city: "#d94a4a", region: "#e09a1a", country: "#4a6fd9",
  event: "#7a3ad9", other: "#777" };

function precision(feature) {
  if (!feature) return "other";
  if (/city|town|village|ppl|settlement|locality/i.test(feature)) return "city";
  if (/country/i.test(feature)) return "country";
  return "region";
}

let worldCache = null;
async function viewMap(p) {
  main.append(el("h2", {}, "Map of places and events"),
    filterForm([
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "place", label: "Place", placeholder: "Kyiv, UA…" },
      { name: "extent", label: "Extent", options: ["all points"] },
    ], p, (v) => go("map", v)));
  const range = { since: p.since, until: p.until, limit: 500 };
  if (!worldCache) {
    worldCache = topoFeatures(await (await fetch("/static/world-atlas-countries-50m.json")).json());
  }
  const [places, events] = await Promise.all([
    api(`/api/places?${qs({ ...range, place: p.place })}`),
    api(`/api/events?${qs({ ...range, place: p.place })}`),
  ]);
  const points = [];
  for (const pl of places.items) {
    if (pl.lat == null) continue;
    points.push({ lat: pl.lat, lon: pl.lon, cls: precision(pl.feature),
      label: `${pl.mention} → ${pl.name || "?"} (${pl.feature || "unknown precision"})`,
      link: evidenceLink(pl.version_id, pl.start, pl.end) });
  }
  for (const e of events.items) {
    if (e.lat == null) continue;
    points.push({ lat: e.lat, lon: e.lon, cls: "event", label: `${e.type} @ ${e.place}`,
      link: evidenceLink(e.version_id, e.evidence_start, e.evidence_end) });
  }
  // View: Europe to the Caucasus (where the 2022 talks and the war are), or every point's
  // extent; equirectangular scaled by cos(latitude), close enough to conformal at this scale.
  let [w, s, e, n] = [8, 38, 50, 60];
  if (points.length && p.extent) {
    w = Math.min(...points.map((q) => q.lon)) - 3; e = Math.max(...points.map((q) => q.lon)) + 3;
    s = Math.min(...points.map((q) => q.lat)) - 2; n = Math.max(...points.map((q) => q.lat)) + 2;
  }
  const W = 960, H = 560, k = Math.cos(((s + n) / 2) * Math.PI / 180);
  const scale = Math.min(W / ((e - w) * k), H / (n - s));
  const cx = (w + e) / 2, cy = (s + n) / 2;
  const proj = ([lon, lat]) => [W / 2 + (lon - cx) * k * scale, H / 2 - (lat - cy) * scale];
  const svg = el("svg", { class: "map", viewBox: `0 0 ${W} ${H}`, role: "img" });
  for (const polys of worldCache) {
    const d = polys.map((rings) => rings.map((r) => "M" + r.map((pt) => proj(pt)
      .map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
    if (d) svg.append(el("path", { class: "land", d }));
  }
  const cells = new Map();
  const CELL = 28; // px: markers closer than this merge into one cluster
  for (const pt of points) {
    const [x, y] = proj([pt.lon, pt.lat]);
    const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
    if (!cells.has(key)) cells.set(key, { x: 0, y: 0, pts: [] });
    const c = cells.get(key); c.x += x; c.y += y; c.pts.push(pt);
  }
  const panel = el("div", { class: "panel" }, el("p", { class: "muted" }, "Click a cluster."));
  for (const c of cells.values()) {
    const m = c.pts.length, x = c.x / m, y = c.y / m;
    const kinds = new Set(c.pts.map((q) => q.cls));
    const color = PRECISION_COLORS[kinds.size === 1 ? [...kinds][0] : "other"];
    const g = el("g", { onclick: () => {
      clear(panel).append(el("h3", {}, `${m} item(s)`),
        el("ul", {}, c.pts.map((q) => el("li", {}, q.label, " ", q.link))));
    } }, el("circle", { cx: x, cy: y, r: 6 + 3 * Math.sqrt(m), fill: color },
      el("title", {}, c.pts.slice(0, 5).map((q) => q.label).join("\n"))),
    m > 1 ? el("text", { x, y }, m) : null);
    svg.append(g);
  }
  const legend = el("p", { class: "legend" }, Object.entries(PRECISION_COLORS).map(([name, col]) => {
    const sw = el("span", { class: "swatch" }); sw.style.background = col;
    return el("span", {}, sw, name === "other" ? "mixed / unknown" : name);
  }));
  main.append(legend, el("div", { class: "split" }, svg, panel),
    el("p", { class: "muted" }, `${points.length} located items of ${countOf(places)} places and ` +
      `${countOf(events)} events. Basemap: Natural Earth via world-atlas.`));
}

// Columns of the positions board by the party's role in the talks (issue 17): the parties
// of the talks first, then their mediators, hosts and guarantors, then anyone else; within
// each, the party with the most positions first (not AT, GB, GR … RU, UA).
function partyOrder(rows, f) {
  const role = (pa) => (f.talk_parties || []).includes(pa) ? 0
    : (f.talk_third_parties || []).includes(pa) ? 1 : pa === "unattributed" ? 3 : 2;
  const n = new Map();
  for (const r of rows) n.set(r.party || "unattributed", (n.get(r.party || "unattributed") || 0) + 1);
  return [...n.keys()].sort((a, b) => role(a) - role(b) || n.get(b) - n.get(a) ||
    a.localeCompare(b));
}

// ---- positions board: issues × parties, latest stance and its history ----
async function viewPositions(p) {
  const f = await facets();
  main.append(el("h2", {}, "Positions board"),
    filterForm([
      { name: "actor", label: "Party / speaker" },
      claimFilter,
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("positions", v)));
  const pos = await api(`/api/positions?${qs({ actor: p.actor, since: p.since,
    until: p.until, claim_status: p.claim_status, limit: 500 })}`);
  const day = (r) => String(r.said_on_date || r.published || "");
  // A position the party denies holding is shown as its denial, never as a held stance.
  const stance = (r) => (r.status === "denied" ? `denies: ${r.stance}` : String(r.stance));
  const issues = [...new Set(pos.items.map((r) => r.issue))].sort();
  const parties = partyOrder(pos.items, f);
  const table = el("table", {}, el("tr", {}, el("th", {}, "issue"),
    parties.map((pa) => el("th", {}, pa))));
  for (const issue of issues) {
    const row = el("tr", {}, el("th", {}, issue));
    for (const party of parties) {
      const hist = pos.items.filter((r) => r.issue === issue &&
        (r.party || "unattributed") === party).sort((a, b) => day(a).localeCompare(day(b)));
      if (!hist.length) { row.append(el("td", {}, "")); continue; }
      const last = hist[hist.length - 1];
      row.append(el("td", { class: "cell" },
        el("div", {}, el("span", { class: "stance" }, stance(last)), " ",
          last.detail || "", " ", el("span", { class: "muted" }, day(last) || "undated"), " ",
          statusBadge(last.claim_status),
          evidenceLink(last.version_id, last.evidence_start, last.evidence_end, null, last.id)),
        hist.length > 1 ? el("details", {}, el("summary", {}, `history (${hist.length})`),
          el("ol", {}, hist.map((r) => el("li", {}, `${day(r) || "undated"}: ${stance(r)}`,
            r.by ? ` (${r.by})` : "", " ", statusBadge(r.claim_status),
            evidenceLink(r.version_id, r.evidence_start, r.evidence_end, null, r.id)))))
          : null));
    }
    table.append(row);
  }
  main.append(issues.length ? table : el("p", { class: "muted" }, "No positions."));
}

// ---- negotiation: the track as `peacewatch negotiation` computes it (/api/track) ----
// Merged rounds with their reports, party x issue stances with their evidence, what moved.
async function viewNegotiation(p) {
  const f = await facets();
  main.append(el("h2", {}, "Negotiation track"),
    filterForm([
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("negotiation", v)));
  const t = await api(`/api/track?${qs({ since: p.since, until: p.until })}`);
  const link = (ev, label) => (ev && t.versions[ev.doc]
    ? evidenceLink(t.versions[ev.doc], ev.start, ev.end, label) : null);
  main.append(el("p", { class: "muted" }, `${t.rounds.length} rounds from ${t.documents} ` +
    `documents (${t.sources} independent sources); ${t.positions.length} party × issue tracks.`));
  main.append(el("h3", {}, "Rounds"), el("table", { class: "rounds" },
    el("tr", {}, ["date", "place", "format", "status", "reports"].map((h) => el("th", {}, h))),
    t.rounds.map((r) => el("tr", { class: "round" },
      el("td", {}, r.date || "undated"), el("td", {}, r.place || "?"),
      el("td", {}, [r.format, r.level].filter(Boolean).join(", ")),
      el("td", {}, statusBadge(r.status),
        r.disagreements.length ? el("div", { class: "muted" }, r.disagreements.join("; ")) : null),
      el("td", {}, el("details", {}, el("summary", {},
        `${r.n_sources} report(s), ${r.n_independent} independent`),
      el("ol", {}, r.reports.map((x) => el("li", { class: "report" },
        `${x.published || "?"} ${t.titles[x.doc] || x.doc}`,
        x.number != null ? ` (round no. ${x.number})` : "", x.venue ? ` · ${x.venue}` : "",
        " ", link(x.evidence))))))))));
  // Party × issue: the latest stance, who said it, its status, and the history to its words.
  const tracks = new Map(t.positions.map((x) => [`${x.party}\u0000${x.issue}`, x.history]));
  const rows = t.positions.flatMap((x) => x.history.map(() => ({ party: x.party })));
  const parties = partyOrder(rows, f);
  const issues = [...new Set(t.positions.map((x) => x.issue))].sort();
  const matrix = el("table", { class: "matrix" }, el("tr", {}, el("th", {}, "issue"),
    parties.map((pa) => el("th", {}, pa))));
  for (const issue of issues) {
    matrix.append(el("tr", {}, el("th", {}, issue), parties.map((pa) => {
      const hist = tracks.get(`${pa}\u0000${issue}`) || [];
      if (!hist.length) return el("td", {}, "");
      const last = hist[hist.length - 1];
      return el("td", { class: "cell" }, el("span", { class: "stance" }, last.stance), " ",
        last.by ? `(${last.by}) ` : "", el("span", { class: "muted" }, last.date || "undated"),
        " ", statusBadge(last.status), link(last.evidence),
        hist.length > 1 ? el("details", {}, el("summary", {}, `history (${hist.length})`),
          el("ol", {}, hist.map((h) => el("li", {}, `${h.date || "undated"}: ${h.stance}`,
            h.by ? ` (${h.by})` : "", " ", statusBadge(h.status), link(h.evidence))))) : null);
    })));
  }
  main.append(el("h3", {}, "Positions"),
    issues.length ? matrix : el("p", { class: "muted" }, "No positions."));
  main.append(el("h3", {}, "What moved"), t.moved.length ? el("ul", { class: "moved" },
    t.moved.map((m) => el("li", {}, `${m.party} on ${m.issue}: ${m.before.stance} → `,
      `${m.after.stance}`, m.since_round ? ` (since ${m.since_round})` : "", " ",
      link(m.before.evidence, "before"), " ", link(m.after.evidence, "after"))))
    : el("p", { class: "muted" }, "No stance changed."));
}

// ---- quotes explorer ----
async function viewQuotes(p) {
  const f = await facets();
  const offset = Number(p.offset || 0);
  main.append(el("h2", {}, "Quotes"),
    filterForm([
      { name: "speaker", label: "Speaker", options: f.speakers },
      { name: "outlet", label: "Outlet (relay or publisher)" },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("quotes", v)));
  const page = await api(`/api/quotes?${qs({ speaker: p.speaker, outlet: p.outlet,
    since: p.since, until: p.until, limit: 50, offset })}`);
  main.append(pager(page, (o) => go("quotes", { ...p, offset: o })));
  main.append(el("table", {}, el("tr", {}, ["date", "speaker", "relay", "kind", "text", ""]
    .map((h) => el("th", {}, h))), page.items.map((q) => el("tr",
    { "data-id": q.id },
    el("td", {}, q.said_on_date || q.published || ""),
    el("td", { class: "speaker" }, q.speaker || "(unknown)",
      q.speaker_country ? ` [${q.speaker_country}]` : ""),
    el("td", {}, q.relay || ""), el("td", {}, q.kind), el("td", {}, q.text),
    el("td", {}, evidenceLink(q.version_id, q.evidence_start, q.evidence_end, null, q.id))))));
}

// "1,234", or "more than 1000" where the API stopped counting (total_exact false).
function countOf(page) {
  return page.total_exact === false ? `more than ${page.total - 1}` : String(page.total);
}

function pager(page, goTo) {
  // The API counts matches up to a cap: past it, total_exact is false and total is cap + 1.
  const exact = page.total_exact !== false;
  const end = page.offset + page.items.length;
  const more = exact ? end < page.total : page.items.length === page.limit;
  const of = countOf(page);
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: page.offset === 0,
      onclick: () => goTo(Math.max(0, page.offset - page.limit)) }, "‹ prev"),
    `${page.items.length ? page.offset + 1 : 0}–${end} of ${of}`,
    el("button", { type: "button", disabled: !more,
      onclick: () => goTo(page.offset + page.limit) }, "next ›"));
}

// ---- documents list and document view ----
async function viewDocuments(p) {
  const offset = Number(p.offset || 0);
  const page = await api(`/api/documents?${qs({ limit: 50, offset })}`);
  main.append(el("h2", {}, "Documents"), pager(page, (o) => go("documents", { offset: o })),
    el("table", {}, el("tr", {}, ["published", "title", "publisher", "duplicate"]
      .map((h) => el("th", {}, h))), page.items.map((d) => el("tr", {},
      el("td", {}, d.published || ""),
      el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(d.doc_id)}` }, d.title || d.key)),
      el("td", {}, d.publisher || ""), el("td", {}, d.dup_kind)))));
}

function renderDocument(doc, spans, focus) {
  const text = doc.body.text;
  const meta = doc.document || {};
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "body" });
  const list = el("ol", {});
  const detail = el("div", {}, el("p", { class: "muted" }, "Click a highlight or a record."));
  const marks = spans.map(() => []);
  const select = (i) => {
    for (const m of body.querySelectorAll("mark.focus")) m.classList.remove("focus");
    for (const li of list.querySelectorAll(".active")) li.classList.remove("active");
    for (const m of marks[i]) m.classList.add("focus");
    list.children[i].classList.add("active");
    const s = spans[i];
    clear(detail).append(el("h3", {}, s.kind), el("p", { class: "muted" }, s.path),
      el("blockquote", {}, s.text), el("p", { class: "muted" }, `chars ${s.start}–${s.end}`));
    if (marks[i][0]) marks[i][0].scrollIntoView({ block: "center" });
  };
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [lo, hi] = [bounds[b], bounds[b + 1]];
    const piece = text.slice(lo, hi);
    const cover = [];
    spans.forEach((s, i) => { if (s.start <= lo && hi <= s.end && s.start < s.end) cover.push(i); });
    if (!cover.length) { body.append(piece); continue; }
    const kinds = new Set(cover.map((i) => spans[i].kind));
    const k = kinds.size === 1 ? `k-${[...kinds][0]}` : "multi";
    const mark = el("mark", { class: `hl ${k}`, title: [...kinds].join(", "),
      onclick: () => select(cover[cover.length - 1]) }, piece);
    for (const i of cover) marks[i].push(mark);
    body.append(mark);
  }
  spans.forEach((s, i) => list.append(el("li", { class: "rec" },
    el("a", { href: "#", onclick: (ev) => { ev.preventDefault(); select(i); } }, s.kind),
    ": ", s.text.length > 90 ? s.text.slice(0, 90) + "…" : s.text)));
  const head = el("div", {}, el("h2", {}, meta.title || "(untitled)"),
    el("p", { class: "muted" }, [meta.publisher, meta.published, meta.url].filter(Boolean)
      .join(" · ")));
  const wrap = el("div", {}, head, el("div", { class: "split" }, body,
    el("div", { class: "panel" }, detail, el("h3", {}, `${spans.length} evidence spans`), list)));
  if (focus) {
    let i = spans.findIndex((s) => s.start === focus.s && s.end === focus.e);
    if (i < 0) i = spans.findIndex((s) => s.start <= focus.s && focus.e <= s.end);
    if (i >= 0) setTimeout(() => select(i), 0);
  }
  return wrap;
}

async function viewDoc(p, id) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}?${qs({ version: p.v })}`);
  const focus = p.s != null ? { s: Number(p.s), e: Number(p.e) } : null;
  main.append(renderDocument(d.document, d.spans, focus));
}

// ---- analyse an article: paste text or HTML, or open a file ----
async function viewAnalyze() {
  const health = await api("/api/health");
  const text = el("textarea", { name: "text", placeholder: "Paste article text or HTML…" });
  const type = el("select", { name: "content_type" }, el("option", { value: "text" }, "text"),
    el("option", { value: "html" }, "html"));
  const published = el("input", { type: "date", name: "published" });
  const file = el("input", { type: "file", accept: ".txt,.html,.htm" });
  file.addEventListener("change", async () => {
    const f = file.files[0]; if (!f) return;
    text.value = await f.text();
    type.value = /\.html?$/i.test(f.name) ? "html" : "text";
  });
  const token = el("input", { type: "password", placeholder: "API token" });
  const out = el("div", {});
  const payload = () => ({ text: text.value, content_type: type.value,
    published: published.value || null });
  const run = async (store) => {
    clear(out).append(el("p", { class: "muted" }, "Analysing…"));
    try {
      const headers = { "Content-Type": "application/json" };
      // The token goes with every request of a server that has one (health.analyze is
      // "token"): analysis follows the write policy there.
      if (store || health.analyze === "token") headers.Authorization = `Bearer ${token.value}`;
      const res = await api(store ? "/api/documents" : "/api/analyze",
        { method: "POST", headers, body: JSON.stringify(payload()) });
      clear(out);
      if (store) {
        out.append(el("p", {}, `${res.status}: `, res.doc_id
          ? el("a", { href: `#/doc/${encodeURIComponent(res.doc_id)}` }, res.doc_id) : ""));
      } else {
        out.append(renderDocument(res, res.spans, null));
      }
    } catch (err) { clear(out).append(el("p", { class: "error" }, err.message)); }
  };
  if (health.analyze === "off") {
    main.append(el("h2", {}, "Analyse an article"), el("p", { class: "error" },
      "Analysis is off on this read-only server — fix: run `peacewatch analyze FILE` locally, "
      + "or start the server with PEACEWATCH_API_TOKEN set (or with --open-analyze)."));
    return;
  }
  const needsToken = health.analyze === "token";
  main.append(el("h2", {}, "Analyse an article"),
    el("p", {}, el("label", {}, "Open a file: ", file)), text,
    el("p", {}, el("label", {}, "Format ", type), " ", el("label", {}, "Published ", published),
      needsToken ? [" ", token] : null,
      " ", el("button", { type: "button", onclick: () => run(false) }, "Analyse"),
      health.writable ? [" ", el("button", { type: "button",
        onclick: () => run(true) }, "Analyse and store")] : null),
    out);
}

const VIEWS = { negotiation: viewNegotiation, timeline: viewTimeline, map: viewMap, positions: viewPositions,
  quotes: viewQuotes, documents: viewDocuments, analyze: viewAnalyze, doc: viewDoc };

async function route() {
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
  document.body.setAttribute("data-ready", view);
}

window.addEventListener("hashchange", route);
route();
