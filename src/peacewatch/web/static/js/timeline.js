// Timeline: rounds, commitments, agreements and events on one dated line.
import { DATE_BASIS_TITLE, api, claimFilter, countOf, el, evidenceLink, eventDate, exportLinks,
  facets, filterForm, go, main, qs, statusBadge } from "./ui.js";

function negotiationItems(neg) {
  const items = [];
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
  return items;
}

export async function viewTimeline(p) {
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
  const filters = { ...range, actor: p.actor, type: p.type, claim_status: p.claim_status };
  const [neg, events] = await Promise.all([
    api(`/api/negotiation?${qs({ ...range, party: p.actor })}`),
    api(`/api/events?${qs({ ...filters, limit: 500 })}`),
  ]);
  // Rounds, commitments and agreements have no claim status in the store: a status filter
  // shows events only.
  const items = p.type || p.claim_status ? [] : negotiationItems(neg);
  for (const e of events.items) {
    const who = e.actors.map((a) => a.name).join(", ");
    items.push({ day: e.date_start, label: eventDate(e), basis: e.date_basis, kind: "event",
      id: e.id, status: e.claim_status,
      title: `${e.type}${e.place ? " @ " + e.place : ""}${who ? " — " + who : ""}`,
      detail: e.evidence_text,
      link: evidenceLink(e.version_id, e.evidence_start, e.evidence_end, null, e.id,
        e.claim_status) });
  }
  items.sort((a, b) => String(a.day || "9999").localeCompare(String(b.day || "9999")));
  main.append(el("p", { class: "muted" },
    // Rounds are left out of the list under a type or status filter, so not counted either.
    `${p.type || p.claim_status ? 0
      : neg.rounds.filter((r) => r.status !== "denied").length} rounds, ${countOf(events)} events` +
    (events.total > events.items.length ? ` (first ${events.items.length} shown)` : "")),
  exportLinks("events", filters, ["csv", "json", "geojson"]));
  main.append(el("ul", { class: "timeline" }, items.map((it) => el("li", { "data-id": it.id },
    el("span", { class: "day", title: DATE_BASIS_TITLE[it.basis] || "" },
      it.label || it.day || "undated"),
    el("span", { class: `badge ${it.kind}` }, it.kind),
    el("strong", {}, it.title), " ", statusBadge(it.status), it.link,
    el("div", { class: "ev" }, it.detail)))));
}
