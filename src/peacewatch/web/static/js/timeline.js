// Timeline: rounds, commitments, agreements and events on one dated line.
import { actorSuggestions, DATE_BASIS_TITLE, api, claimFilter, countOf, el, evidenceLink,
  eventDate, exportLinks, facets, filterForm, go, main, negotiationAll, pager, qs, statusBadge }
  from "./ui.js";

// Events a page. The timeline was one page of the first 500 events (38,000 pixels, and the
// slowest view to draw): now a page of events, and beside them the rounds, commitments and
// agreements of the same dates, so each of those is on exactly one page.
const PAGE = 100;
const UNDATED = "9999-99-99";
const dayKey = (d) => String(d || UNDATED);

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
  const range = { since: p.since, until: p.until };
  const filters = { ...range, actor: p.actor, type: p.type, place: p.place,
    claim_status: p.claim_status };
  const offset = Number(p.offset || 0);
  const limit = Math.min(499, Math.max(1, Number(p.limit) || PAGE)); // (+1: API max 500)
  // Every call at once (the menus' values too: one round trip, not two in a row). One event
  // past the page: where the next page starts, so the dated items between this page's first
  // event and the next page's first one are drawn here.
  const [f, neg, track, got] = await Promise.all([
    facets(),
    // Rounds only to keep a party's (roundItems); /api/track gives the rounds themselves.
    negotiationAll({ ...range, party: p.actor },
      p.actor ? undefined : ["commitments", "agreements"]),
    api(`/api/track?${qs(range)}`),
    api(`/api/events?${qs({ ...filters, limit: limit + 1, offset })}`),
  ]);
  main.append(el("h2", {}, "Timeline of rounds and events"),
    filterForm([
      { name: "actor", label: "Actor / party", placeholder: "UA, Russia…",
        suggest: actorSuggestions(f) },
      { name: "type", label: "Event type", options: f.event_types },
      { name: "place", label: "Place", placeholder: "Mariupol…" },
      claimFilter,
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("timeline", v)));
  const events = { ...got, limit, items: got.items.slice(0, limit) };
  const next = got.items.length > limit ? got.items[limit] : null;
  if (!next && got.total_exact === false) { // the last page: the count is known after all
    events.total = offset + events.items.length;
    events.total_exact = true;
  }
  const dated = events.items.map((e) => e.date_start).filter(Boolean);
  const lo = offset === 0 ? "" : dayKey(dated.length ? dated[0] : null);
  const hi = next ? dayKey(next.date_start) : "\uffff";
  const onPage = (it) => dayKey(it.day) >= lo && dayKey(it.day) < hi;
  // Rounds, commitments and agreements have no claim status nor event place in the store: a
  // type, status or place filter shows events only.
  const eventsOnly = p.type || p.claim_status || p.place;
  const allRounds = eventsOnly ? [] : roundItems(track, neg, Boolean(p.actor));
  const rounds = allRounds.filter(onPage);
  const items = eventsOnly ? [] : [...rounds, ...negotiationItems(neg).filter(onPage)];
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
    `${allRounds.length} rounds, ${countOf(events)} events; this page: ${rounds.length} ` +
    `rounds and the events below, by date`),
  pager(events, (o) => go("timeline", { ...p, offset: o })),
  exportLinks("events", filters, ["csv", "json", "geojson"]));
  main.append(el("ul", { class: "timeline" }, items.map((it) => el("li",
    { "data-id": it.id, "data-kind": it.kind },
    el("span", { class: "day", title: DATE_BASIS_TITLE[it.basis] || "" },
      it.label || it.day || "undated"),
    el("span", { class: `badge ${it.kind}` }, it.kind),
    el("strong", {}, it.title), " ", statusBadge(it.status), it.link,
    el("div", { class: "ev" }, it.detail)))),
  pager(events, (o) => go("timeline", { ...p, offset: o })));
}
