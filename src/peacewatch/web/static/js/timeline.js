// Timeline: rounds, commitments, agreements and events on one dated line.
import { DATE_BASIS_TITLE, api, claimFilter, countOf, el, evidenceLink, eventDate, exportLinks,
  facets, filterForm, go, main, qs, statusBadge } from "./ui.js";

// A merged round's label: its number when its reports agree on one, else "talks" (a round no
// report numbers is not "Round ?").
function roundTitle(r) {
  const numbers = [...new Set(r.reports.map((x) => x.number).filter((n) => n != null))];
  const head = numbers.length === 1 ? `Round ${numbers[0]}`
    : numbers.length ? `Round ${numbers.join(" or ")}` : "Talks";
  return head + (r.place ? ` in ${r.place}` : "");
}

// One entry per round merged across its reports (/api/track, as the negotiation view), each
// report linked to its evidence. Under an actor filter, a round is kept when one of its
// reports is a document whose rounds /api/negotiation keeps for that party.
function roundItems(track, neg, byParty) {
  const kept = new Set(neg.rounds.map((r) => r.version_id));
  const version = (doc) => track.versions[doc];
  return track.rounds
    .filter((r) => !byParty || r.reports.some((x) => kept.has(version(x.doc))))
    .map((r) => ({ day: r.date, kind: "round", status: r.status, title: roundTitle(r),
      detail: [r.format, r.level, r.held_by && `held by ${r.held_by}`, ...r.disagreements]
        .filter(Boolean).join(" · "),
      link: el("details", { class: "reports" },
        el("summary", {}, `${r.n_sources} report(s), ${r.n_independent} independent`),
        el("ol", {}, r.reports.map((x) => el("li", { class: "report" },
          `${x.published || "?"} ${track.titles[x.doc] || x.doc} `,
          version(x.doc) ? evidenceLink(version(x.doc), x.evidence.start, x.evidence.end)
            : null)))) }));
}

function negotiationItems(neg) {
  const items = [];
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
  const [neg, track, events] = await Promise.all([
    api(`/api/negotiation?${qs({ ...range, party: p.actor })}`),
    api(`/api/track?${qs(range)}`),
    api(`/api/events?${qs({ ...filters, limit: 500 })}`),
  ]);
  // Rounds, commitments and agreements have no claim status in the store: a status filter
  // shows events only.
  const rounds = p.type || p.claim_status ? [] : roundItems(track, neg, Boolean(p.actor));
  const items = p.type || p.claim_status ? [] : [...rounds, ...negotiationItems(neg)];
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
    `${rounds.length} rounds, ${countOf(events)} events` +
    (events.total > events.items.length ? ` (first ${events.items.length} shown)` : "")),
  exportLinks("events", filters, ["csv", "json", "geojson"]));
  main.append(el("ul", { class: "timeline" }, items.map((it) => el("li", { "data-id": it.id, "data-kind": it.kind },
    el("span", { class: "day", title: DATE_BASIS_TITLE[it.basis] || "" },
      it.label || it.day || "undated"),
    el("span", { class: `badge ${it.kind}` }, it.kind),
    el("strong", {}, it.title), " ", statusBadge(it.status), it.link,
    el("div", { class: "ev" }, it.detail)))));
}
