// Positions board: issues × parties, latest stance and its history.
import { actorSuggestions, api, claimFilter, el, evidenceLink, exportLinks, facets, filterForm,
  go, main, partyOrder, qs, statusBadge } from "./ui.js";

const day = (r) => String(r.said_on_date || r.published || "");
// A position the party denies holding is shown as its denial, never as a held stance.
const stance = (r) => (r.status === "denied" ? `denies: ${r.stance}` : String(r.stance));

function cell(hist) {
  const last = hist[hist.length - 1];
  return el("td", { class: "cell" },
    el("div", {}, el("span", { class: "stance" }, stance(last)), " ",
      last.detail || "", " ", el("span", { class: "muted" }, day(last) || "undated"), " ",
      statusBadge(last.claim_status),
      evidenceLink(last.version_id, last.evidence_start, last.evidence_end, null, last.id,
        last.claim_status)),
    hist.length > 1 ? el("details", {}, el("summary", {}, `history (${hist.length})`),
      el("ol", {}, hist.map((r) => el("li", {}, `${day(r) || "undated"}: ${stance(r)}`,
        r.by ? ` (${r.by})` : "", " ", statusBadge(r.claim_status),
        evidenceLink(r.version_id, r.evidence_start, r.evidence_end, null, r.id,
          r.claim_status)))))
      : null);
}

export async function viewPositions(p) {
  // The menus' values and the data at once (one round trip, not two in a row).
  const filters = { actor: p.actor, since: p.since, until: p.until, claim_status: p.claim_status };
  const [f, pos] = await Promise.all([facets(),
    api(`/api/positions?${qs({ ...filters, limit: 500 })}`)]);
  main.append(el("h2", {}, "Positions board"),
    filterForm([
      { name: "actor", label: "Party / speaker", suggest: actorSuggestions(f) },
      claimFilter,
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("positions", v)));
  const issues = [...new Set(pos.items.map((r) => r.issue))].sort();
  const parties = partyOrder(pos.items, f);
  const table = el("table", {}, el("tr", {}, el("th", {}, "issue"),
    parties.map((pa) => el("th", {}, pa))));
  for (const issue of issues) {
    const row = el("tr", {}, el("th", {}, issue));
    for (const party of parties) {
      const hist = pos.items.filter((r) => r.issue === issue &&
        (r.party || "unattributed") === party).sort((a, b) => day(a).localeCompare(day(b)));
      row.append(hist.length ? cell(hist) : el("td", {}, ""));
    }
    table.append(row);
  }
  main.append(exportLinks("positions", filters),
    pos.total > pos.items.length ? el("p", { class: "muted" },
      `The board shows the first ${pos.items.length} of ${pos.total} positions.`) : null,
    issues.length ? table : el("p", { class: "muted" }, "No positions."));
}
