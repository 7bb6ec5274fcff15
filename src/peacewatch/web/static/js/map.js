// Map: world-atlas TopoJSON basemap; every matching place and event, grouped by the server
// (/api/map: no first-500 read), clustered on a pixel grid; filters by event type and actor; a
// month slider; country-level items shade their country and are listed apart, never one pin.
import { actorSuggestions, api, clear, el, evidenceLink, exportHref, exportLinks, facets,
  filterForm, go, main, qs } from "./ui.js";

function topoFeatures(topo) {
  // TopoJSON decoding (quantised, delta-encoded arcs), hand-written: about 20 lines instead
  // of vendoring topojson-client for one function. Each feature keeps its id (ISO numeric).
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
    const decoded = polys.map((rings) => rings.map(ring));
    // Each polygon's box, so drawing skips those out of view (most of the world).
    const boxes = decoded.map((rings) => {
      const pts = rings[0] || [];
      return [Math.min(...pts.map((q) => q[0])), Math.min(...pts.map((q) => q[1])),
        Math.max(...pts.map((q) => q[0])), Math.max(...pts.map((q) => q[1]))];
    });
    out.push({ id: Number(g.id), name: (g.properties || {}).name, polys: decoded, boxes });
  }
  return out;
}

const PRECISION_COLORS = { city: "#d94a4a", region: "#e09a1a", event: "#7a3ad9",
  other: "#777" };

function monthRange(month) {
  // The first and last day of "YYYY-MM", for the links to every item of a group.
  if (!month) return {};
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { since: `${month}-01`, until: `${month}-${String(last).padStart(2, "0")}` };
}

// One group of the server (a place or an event place in one month, or a country's
// country-level items in one month): its first items as evidence links, and how many more,
// with links to every one of them (the timeline for events, a download for place mentions).
function groupItems(g, filters) {
  const count = g.n != null ? g.n : g.places + g.events;
  const more = count - g.sample.length;
  const span = monthRange(g.month);
  const events = g.kind === "event" || g.events > 0;
  const places = g.kind === "place" || g.places > 0;
  return el("li", { class: "group" },
    `${g.name}${g.month ? " · " + g.month : ""} · ${count} item(s)`,
    el("ul", {}, g.sample.map((x) => el("li", {}, x.label, " ",
      evidenceLink(x.version_id, x.start, x.end, null, x.id, x.claim_status)))),
    more > 0 ? el("span", { class: "muted more" }, `${more} more: `,
      events ? el("a", { href: "#", onclick: (ev) => { ev.preventDefault();
        go("timeline", { ...filters.events, ...span, place: g.name }); } },
      "events in the timeline") : null, events && places ? ", " : "",
      places ? el("a", { class: "download", download: "peacewatch-places.csv",
        href: exportHref("places", { ...filters.places, ...span, place: g.name }, "csv") },
      "place mentions (CSV)") : null) : null);
}

// Under "all months", one group per place (its months merged), not one per month.
function overMonths(groups, key) {
  const out = new Map();
  for (const g of groups) {
    const k = key(g);
    if (!out.has(k)) {
      out.set(k, { ...g, month: "", sample: [...g.sample] });
      continue;
    }
    const t = out.get(k);
    if (t.n != null) t.n += g.n;
    else { t.places += g.places; t.events += g.events; }
    t.sample.push(...g.sample.slice(0, Math.max(0, 3 - t.sample.length)));
  }
  return [...out.values()];
}

function showGroups(panel, title, groups, filters) {
  clear(panel).append(el("h3", {}, title), el("ul", { class: "groups" },
    groups.map((g) => groupItems(g, filters))));
}

let worldCache = null;
let landCache = { key: null, paths: [] };

// The basemap's path of each country in view, for one projection (the view's box): built
// once a view, not again on every move of the month slider.
function landPaths(proj, [w, s, e, n]) {
  const key = [w, s, e, n].map((v) => v.toFixed(3)).join(",");
  if (landCache.key === key) return landCache.paths;
  const paths = [];
  for (const f of worldCache) {
    const d = f.polys.filter((_, i) => {
      const [x0, y0, x1, y1] = f.boxes[i];
      return x1 >= w && x0 <= e && y1 >= s && y0 <= n;
    }).map((rings) => rings.map((r) => "M" + r.map((pt) => proj(pt)
      .map((v) => v.toFixed(1)).join(",")).join("L") + "Z").join("")).join("");
    if (d) paths.push([f, d]);
  }
  landCache = { key, paths };
  return paths;
}

function drawSvg(points, shade, extent, panel, filters) {
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
  // Country-level items shade their country (square root scale: Ukraine and Russia have a
  // thousand mentions each where most countries have a few).
  const top = Math.max(1, ...[...shade.values()].map((c) => c.total));
  for (const [f, d] of landPaths(proj, [cx - W / 2 / (k * scale), cy - H / 2 / scale,
    cx + W / 2 / (k * scale), cy + H / 2 / scale])) {
    const c = shade.get(f.id);
    const path = el("path", { class: c ? "land shaded" : "land", d, "data-country": c
      ? c.code : null }, c ? el("title", {}, `${c.name}: ${c.total} country-level item(s)`)
      : null);
    if (c) {
      path.style.fillOpacity = String(0.15 + 0.75 * Math.sqrt(c.total / top));
      path.addEventListener("click", () => showGroups(panel,
        `${c.name}: ${c.total} country-level item(s)`, c.groups, filters));
    }
    svg.append(path);
  }
  const cells = new Map();
  const CELL = 28; // px: markers closer than this merge into one cluster
  for (const pt of points) {
    const [x, y] = proj([pt.lon, pt.lat]);
    const key = `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
    if (!cells.has(key)) cells.set(key, { x: 0, y: 0, m: 0, groups: [] });
    const c = cells.get(key); c.x += x * pt.n; c.y += y * pt.n; c.m += pt.n; c.groups.push(pt);
  }
  for (const c of cells.values()) {
    const m = c.m, x = c.x / m, y = c.y / m;
    const kinds = new Set(c.groups.map((q) => q.cls));
    const color = PRECISION_COLORS[kinds.size === 1 ? [...kinds][0] : "other"];
    const names = [...new Set(c.groups.map((q) => q.name))];
    svg.append(el("g", { class: "cluster", "data-n": m,
      onclick: () => showGroups(panel, `${m} item(s)`, c.groups, filters) },
    el("circle", { cx: x, cy: y, r: 6 + 3 * Math.sqrt(m), fill: color },
      el("title", {}, `${m} item(s): ${names.slice(0, 5).join(", ")}` +
        (names.length > 5 ? ` and ${names.length - 5} more places` : ""))),
    m > 1 ? el("text", { x, y }, m) : null));
  }
  return svg;
}

// Country-level counts of the shown months, by country: {code, name, numeric, places,
// events, total, groups}.
function byCountry(countries) {
  const out = new Map();
  for (const c of countries) {
    if (!out.has(c.code)) {
      out.set(c.code, { code: c.code, name: c.name, numeric: c.numeric, places: 0, events: 0,
        total: 0, groups: [] });
    }
    const t = out.get(c.code);
    t.places += c.places; t.events += c.events; t.total += c.places + c.events;
    t.groups.push(c);
  }
  return [...out.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

function countryList(rows, panel, filters) {
  return el("div", { class: "countries" }, el("h3", {}, "Country-level (no place inside it)"),
    rows.length ? el("table", { class: "country-level" }, el("tr", {},
      el("th", {}, "country"), el("th", {}, "places"), el("th", {}, "events")),
    rows.map((c) => el("tr", { class: "country-row", "data-code": c.code },
      el("td", {}, el("a", { href: "#", onclick: (ev) => { ev.preventDefault();
        showGroups(panel, `${c.name}: ${c.total} country-level item(s)`, c.groups, filters);
      } }, c.name)),
      el("td", {}, c.places), el("td", {}, c.events))))
      : el("p", { class: "muted" }, "None."));
}

function mapNote(data, points, countries) {
  const located = points.reduce((t, g) => t + g.n, 0);
  const atCountry = countries.reduce((t, c) => t + c.total, 0);
  const cut = ["places", "events"].filter((k) => data[k].read < data[k].total)
    .map((k) => `only the first ${data[k].read} of ${data[k].total} ${k} were read: narrow ` +
      "the filters or download them all");
  return `${located} located and ${atCountry} country-level items shown, of ` +
    `${data.places.total} places and ${data.events.total} events; ` +
    `${data.unplaced.places} places and ${data.unplaced.events} events have no place on ` +
    `the map${cut.length ? "; " + cut.join("; ") : ""}. Basemap: Natural Earth via world-atlas.`;
}

export async function viewMap(p) {
  const range = { since: p.since, until: p.until };
  const eventFilters = { ...range, place: p.place, type: p.type, actor: p.actor };
  // An event type says nothing of place mentions: with one, the map shows events only.
  const placeFilters = { ...range, place: p.place, actor: p.actor };
  const [f, data] = await Promise.all([facets(), api(`/api/map?${qs(eventFilters)}`),
    worldCache ? null : fetch("/static/world-atlas-countries-50m.json").then((r) => r.json())
      .then((topo) => { worldCache = topoFeatures(topo); })]);
  main.append(el("h2", {}, "Map of places and events"),
    filterForm([
      { name: "type", label: "Event type", options: f.event_types },
      { name: "actor", label: "Actor", placeholder: "RU, Vladimir Putin…",
        suggest: actorSuggestions(f) },
      { name: "place", label: "Place", placeholder: "Kyiv, UA…" },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
      { name: "extent", label: "Extent", options: ["all points"] },
    ], p, (v) => go("map", v)));
  const allMonths = data.months;
  const panel = el("div", { class: "panel" }, el("p", { class: "muted" },
    "Click a cluster or a shaded country."));
  const holder = el("div", { class: "map-holder" });
  const side = el("div", {});
  const note = el("p", { class: "muted map-note" });
  const label = el("span", { class: "month-label" });
  const slider = el("input", { type: "range", name: "month", min: 0, max: allMonths.length,
    value: Math.max(0, allMonths.indexOf(p.month) + 1), class: "month-slider" });
  const draw = () => {
    const idx = Number(slider.value);
    const month = idx > 0 ? allMonths[idx - 1] : null;
    label.textContent = month || "all months";
    document.body.setAttribute("data-month", month || "all");
    const points = month ? data.points.filter((q) => q.month === month)
      : overMonths(data.points, (g) => [g.kind, g.name, g.lat, g.lon].join("\u0000"));
    const countries = byCountry(month ? data.countries.filter((c) => c.month === month)
      : overMonths(data.countries, (c) => c.code));
    const shade = new Map(countries.filter((c) => c.numeric != null).map((c) => [c.numeric, c]));
    const filters = { events: eventFilters, places: placeFilters };
    clear(holder).append(drawSvg(points, shade, p.extent, panel, filters));
    clear(side).append(countryList(countries, panel, filters));
    note.textContent = mapNote(data, points, countries);
  };
  slider.addEventListener("input", draw);
  const colors = Object.entries(PRECISION_COLORS);
  const legend = el("p", { class: "legend" }, colors.map(([name, col]) => {
    const sw = el("span", { class: "swatch" }); sw.style.background = col;
    return el("span", {}, sw, name === "other" ? "mixed / unknown" : name);
  }), el("span", {}, el("span", { class: "swatch country" }), "country-level (shading)"));
  main.append(el("p", { class: "slider" }, el("label", {}, "Month: ", slider), " ", label),
    legend, el("div", { class: "split" }, holder, el("div", {}, panel, side)), note,
    exportLinks("events", eventFilters, ["geojson", "csv"]),
    p.type ? null : exportLinks("places", placeFilters, ["geojson", "csv"]));
  draw();
}
