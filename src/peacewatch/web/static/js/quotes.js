// Quotes explorer.
import { api, el, evidenceLink, exportLinks, facets, filterForm, go, main, pager,
  qs } from "./ui.js";

export async function viewQuotes(p) {
  const offset = Number(p.offset || 0);
  // The menus' values and the page at once (one round trip, not two in a row).
  const filters = { speaker: p.speaker, outlet: p.outlet, since: p.since, until: p.until };
  const [f, page] = await Promise.all([facets(),
    api(`/api/quotes?${qs({ ...filters, limit: 50, offset })}`)]);
  main.append(el("h2", {}, "Quotes"),
    filterForm([
      { name: "speaker", label: "Speaker", options: f.speakers },
      { name: "outlet", label: "Outlet (relay or publisher)" },
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("quotes", v)));
  main.append(pager(page, (o) => go("quotes", { ...p, offset: o })),
    exportLinks("quotes", filters));
  main.append(el("table", {}, el("tr", {}, ["date", "speaker", "relay", "kind", "text", ""]
    .map((h) => el("th", {}, h))), page.items.map((q) => el("tr",
    { "data-id": q.id },
    el("td", {}, q.said_on_date || q.published || ""),
    el("td", { class: "speaker" }, q.speaker || "(unknown)",
      q.speaker_country ? ` [${q.speaker_country}]` : ""),
    el("td", {}, q.relay || ""), el("td", {}, q.kind), el("td", {}, q.text),
    el("td", {}, evidenceLink(q.version_id, q.evidence_start, q.evidence_end, null, q.id))))));
}
