// Map: world-atlas TopoJSON basemap; places and events clustered on a pixel grid; filters by
// event type and actor; a month slider; country-level items listed apart, never one pin.
import { api, clear, countOf, el, evidenceLink, exportLinks, facets, filterForm, go, main,
  qs } from "./ui.js";

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

const PRECISION_COLORS = { city: "#d94a4a", region: "#e09a1a", event: "#7a3ad9",
  other: "#777" };

function precision(feature) {
  if (!feature) return "other";
  if (/city|town|village|ppl|settlement|locality/i.test(feature)) return "city";
  if (/country/i.test(feature)) return "country";
  return "region";
}

// Items: {lat, lon, cls, month, label, link, country (country-level only)}. A place whose
// precision is a country, and an event placed only at a country's name, is not a point: the
// "Ukraine → Ukraine (country)" pin of 124 items said nothing about where anything happened.
function toItems(places, events) {
  const items = [];
  const countryNames = new Set();
  for (const pl of places.items) {
    const cls = precision(pl.feature);
    if (cls === "country" && pl.name) countryNames.add(pl.name.toLowerCase());
    items.push({ lat: pl.lat, lon: pl.lon, cls, month: String(pl.published || "").slice(0, 7),
      country: cls === "country" ? pl.name || pl.mention : null,
      label: `${pl.mention} → ${pl.name || "?"} (${pl.feature || "unknown precision"})`,
      link: evidenceLink(pl.version_id, pl.start, pl.end, null, pl.id) });
  }
  for (const e of events.items) {
    const atCountry = e.place && countryNames.has(e.place.toLowerCase());
    items.push({ lat: e.lat, lon: e.lon, cls: "event",
      month: String(e.date_start || e.published || "").slice(0, 7),
      country: atCountry ? e.place : null, label: `${e.type} @ ${e.place || "?"}`,
      link: evidenceLink(e.version_id, e.evidence_start, e.evidence_end, null, e.id,
        e.claim_status) });
  }
  return items;
}

function showItems(panel, title, pts) {
  clear(panel).append(el("h3", {}, title),
    el("ul", {}, pts.map((q) => el("li", {}, q.label, " ", q.link))));
}

let worldCache = null;

function drawSvg(points, extent, panel) {
  // View: Europe to the Caucasus (where the 2022 talks and the war are), or every point's
  // extent; equirectangular scaled by cos(latitude), close enough to conformal at this scale.
  let [w, s, e, n] = [8, 38, 50, 60];
  if (points.length && extent) {
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
  for (const c of cells.values()) {
    const m = c.pts.length, x = c.x / m, y = c.y / m;
    const kinds = new Set(c.pts.map((q) => q.cls));
    const color = PRECISION_COLORS[kinds.size === 1 ? [...kinds][0] : "other"];
    svg.append(el("g", { onclick: () => showItems(panel, `${m} item(s)`, c.pts) },
      el("circle", { cx: x, cy: y, r: 6 + 3 * Math.sqrt(m), fill: color },
        el("title", {}, c.pts.slice(0, 5).map((q) => q.label).join("\n"))),
      m > 1 ? el("text", { x, y }, m) : null));
  }
  return svg;
}

function countryList(items, panel) {
  const by = new Map();
  for (const it of items) {
    if (!by.has(it.country)) by.set(it.country, []);
    by.get(it.country).push(it);
  }
  const rows = [...by.entries()].sort((a, b) => b[1].length - a[1].length);
  return el("div", { class: "countries" }, el("h3", {}, "Country-level (no place inside it)"),
    rows.length ? el("table", { class: "country-level" }, el("tr", {},
      el("th", {}, "country"), el("th", {}, "places"), el("th", {}, "events")),
    rows.map(([name, its]) => el("tr", { class: "country-row" },
      el("td", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault();
        showItems(panel, `${name}: ${its.length} country-level item(s)`, its); } }, name)),
      el("td", {}, its.filter((q) => q.cls !== "event").length),
      el("td", {}, its.filter((q) => q.cls === "event").length))))
      : el("p", { class: "muted" }, "None."));
}

function months(items) {
  return [...new Set(items.map((q) => q.month).filter((m) => /^\d{4}-\d{2}$/.test(m)))].sort();
}

export async function viewMap(p) {
  const f = await facets();
  main.append(el("h2", {}, "Map of places and events"),
    filterForm([
      { name: "type", label: "Event type", options: f.event_types },
      { name: "actor", label: "Actor", placeholder: "RU, Vladimir Putin…" },
      { name: "place", label: "Place", placeholder: "Kyiv, UA…" },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "extent", label: "Extent", options: ["all points"] },
    ], p, (v) => go("map", v)));
  const range = { since: p.since, until: p.until };
  if (!worldCache) {
    worldCache = topoFeatures(await (await fetch("/static/world-atlas-countries-50m.json")).json());
  }
  const eventFilters = { ...range, place: p.place, type: p.type, actor: p.actor };
  // An event type says nothing of place mentions: with one, the map shows events only.
  const placeFilters = { ...range, place: p.place, actor: p.actor };
  const [places, events] = await Promise.all([
    p.type ? { items: [], total: 0 } : api(`/api/places?${qs({ ...placeFilters, limit: 500 })}`),
    api(`/api/events?${qs({ ...eventFilters, limit: 500 })}`),
  ]);
  const all = toItems(places, events);
  const allMonths = months(all);
  const panel = el("div", { class: "panel" }, el("p", { class: "muted" }, "Click a cluster."));
  const holder = el("div", { class: "map-holder" });
  const side = el("div", {});
  const note = el("p", { class: "muted" });
  const label = el("span", { class: "month-label" });
  const slider = el("input", { type: "range", name: "month", min: 0, max: allMonths.length,
    value: Math.max(0, allMonths.indexOf(p.month) + 1), class: "month-slider" });
  const draw = () => {
    const idx = Number(slider.value);
    const month = idx > 0 ? allMonths[idx - 1] : null;
    label.textContent = month || "all months";
    document.body.setAttribute("data-month", month || "all");
    const shown = month ? all.filter((q) => q.month === month) : all;
    const points = shown.filter((q) => !q.country && q.lat != null);
    clear(holder).append(drawSvg(points, p.extent, panel));
    clear(side).append(countryList(shown.filter((q) => q.country), panel));
    note.textContent = `${points.length} located items and ${shown.filter((q) => q.country)
      .length} country-level ones of ${countOf(places)} places and ${countOf(events)} events` +
      (places.items.length < places.total || events.items.length < events.total
        ? " (first 500 of each read: narrow the filters or download them all)" : "") +
      ". Basemap: Natural Earth via world-atlas.";
  };
  slider.addEventListener("input", draw);
  const colors = Object.entries(PRECISION_COLORS);
  const legend = el("p", { class: "legend" }, colors.map(([name, col]) => {
    const sw = el("span", { class: "swatch" }); sw.style.background = col;
    return el("span", {}, sw, name === "other" ? "mixed / unknown" : name);
  }));
  main.append(el("p", { class: "slider" }, el("label", {}, "Month: ", slider), " ", label),
    legend, el("div", { class: "split" }, holder, el("div", {}, panel, side)), note,
    exportLinks("events", eventFilters, ["geojson", "csv"]),
    p.type ? null : exportLinks("places", placeFilters, ["geojson", "csv"]));
  draw();
}
