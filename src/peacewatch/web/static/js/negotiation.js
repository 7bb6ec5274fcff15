// Negotiation: one track (process and period) as `peacewatch negotiation` computes it
// (/api/tracks, /api/track): merged rounds with their reports, party x issue stances with
// their evidence, what moved.
import { api, el, evidenceLink, externalLink, facets, filterForm, go, main, negotiationAll,
  partyOrder, qs, statusBadge } from "./ui.js";

function trackPicker(tracks, current, p) {
  const select = el("select", { name: "track", class: "track-picker",
    onchange: () => go("negotiation", { ...p, track: select.value }) },
  tracks.map((t) => el("option", { value: t.id, selected: t.id === current },
    `${t.label} (${t.documents} documents)`)),
  el("option", { value: "all", selected: current === "all" }, "every document (all tracks)"));
  return el("p", {}, el("label", {}, "Track: ", select));
}

function roundsTable(t, link, source) {
  return el("table", { class: "rounds" },
    el("tr", {}, ["date", "place", "format", "status", "reports"].map((h) => el("th", {}, h))),
    t.rounds.map((r) => el("tr", { class: "round" },
      el("td", {}, r.date || (r.held_by ? `held by ${r.held_by}` : "undated")),
      el("td", {}, r.place || "?"),
      el("td", {}, [r.format, r.level].filter(Boolean).join(", ")),
      el("td", {}, statusBadge(r.status),
        r.disagreements.length ? el("div", { class: "muted" }, r.disagreements.join("; ")) : null),
      el("td", {}, el("details", {}, el("summary", {},
        `${r.n_sources} report(s), ${r.n_independent} independent`),
      el("ol", {}, r.reports.map((x) => el("li", { class: "report" },
        `${x.published || "?"} ${t.titles[x.doc] || x.doc}`,
        x.number != null ? ` (round no. ${x.number})` : "", x.venue ? ` · ${x.venue}` : "",
        " ", link(x.evidence), " ", source(x.doc)))))))));
}

function matrix(t, link, roles) {
  // Party × issue: the latest stance, who said it, its status, and the history to its words.
  const tracks = new Map(t.positions.map((x) => [`${x.party}\u0000${x.issue}`, x.history]));
  const rows = t.positions.flatMap((x) => x.history.map(() => ({ party: x.party })));
  const parties = partyOrder(rows, roles);
  const issues = [...new Set(t.positions.map((x) => x.issue))].sort();
  const table = el("table", { class: "matrix" }, el("tr", {}, el("th", {}, "issue"),
    parties.map((pa) => el("th", {}, pa))));
  for (const issue of issues) {
    table.append(el("tr", {}, el("th", {}, issue), parties.map((pa) => {
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
  return issues.length ? table : el("p", { class: "muted" }, "No positions.");
}

// Commitments with the later events that test or violate them (the track's ``links``).
function commitmentsList(t, link) {
  if (!t.commitments.length) return el("p", { class: "muted" }, "No commitments.");
  return el("ul", { class: "commitments" }, t.commitments.map((c) => el("li",
    { class: "commitment" }, `${c.date || "undated"}: `,
    el("strong", {}, [c.obligor, c.action].filter(Boolean).join(" ")),
    c.issue ? ` (on ${c.issue})` : "", c.deadline ? ` · deadline ${c.deadline}` : "", " ",
    link(c.evidence),
    c.links.length ? el("ul", {}, c.links.map((x) => el("li", { class: "link" },
      `${x.relation}: ${x.type}${x.place ? " @ " + x.place : ""} on ${x.date || "?"} `,
      link(x.evidence)))) : el("span", { class: "muted" }, " · no later event tests it"))));
}

// Agreements of the track's documents (/api/negotiation): kind, stage, parties and the
// procedure announced for them.
function agreementsList(t, neg) {
  const ours = new Set(Object.values(t.versions));
  const rows = neg.agreements.filter((a) => ours.has(a.version_id));
  if (!rows.length) return el("p", { class: "muted" }, "No agreements.");
  return el("ul", { class: "agreements" }, rows.map((a) => {
    const ev = a.evidence && a.evidence[0];
    return el("li", { class: "agreement" }, `${a.day || "undated"}: `,
      el("strong", {}, a.kind), a.stage ? ` (${a.stage})` : " (stage not stated)",
      (a.parties || []).length ? ` · ${a.parties.join(", ")}` : "",
      ` · procedure: ${(a.procedure || []).length ? a.procedure.join("; ") : "none announced"}`,
      " ", ev ? evidenceLink(a.version_id, ev.start, ev.end) : null);
  }));
}

export async function viewNegotiation(p) {
  // The agreements of every document, asked for with the tracks (not after them).
  const range = { since: p.since, until: p.until };
  const [{ items: tracks }, neg] = await Promise.all([api("/api/tracks"),
    negotiationAll(range, ["agreements"])]);
  // The process with the most documents, its earliest period, unless one is asked for.
  const current = p.track || (tracks[0] ? tracks[0].id : "all");
  main.append(el("h2", {}, "Negotiation track"), trackPicker(tracks, current, p),
    filterForm([
      { name: "since", label: "Since", type: "date" },
      { name: "until", label: "Until", type: "date" },
    ], p, (v) => go("negotiation", { ...v, track: current })));
  const track = current === "all" ? null : current;
  const t = await api(`/api/track?${qs({ since: p.since, until: p.until, track })}`);
  const link = (ev, label) => (ev && t.versions[ev.doc]
    ? evidenceLink(t.versions[ev.doc], ev.start, ev.end, label) : null);
  const source = (doc) => (t.urls && t.urls[doc] ? externalLink(t.urls[doc], "source") : null);
  const period = t.track ? ` ${t.track.process.join(" – ")}, ${t.track.start || "?"} to ` +
    `${t.track.end || "?"}:` : "";
  main.append(el("p", { class: "muted" }, `${period} ${t.rounds.length} rounds from ` +
    `${t.documents} documents (${t.sources} independent sources); ${t.positions.length} ` +
    "party × issue tracks."));
  if (t.parties) {
    main.append(el("p", { class: "roles" }, el("strong", {}, "Parties: "),
      t.parties.join(", ") || "none named",
      t.third_parties.length ? [" · ", el("strong", {}, "Third parties: "),
        t.third_parties.join(", ")] : null));
  }
  // The track as the API gives it, every field and evidence (no CSV: it is nested data).
  main.append(el("p", { class: "export" }, "Download this track: ", el("a", { class: "download",
    href: "/api/track?" + qs({ since: p.since, until: p.until, track }),
    download: "peacewatch-track.json", "data-format": "json" }, "JSON")));
  main.append(el("h3", {}, "Rounds"), roundsTable(t, link, source));
  // A track orders its own parties; every document together, the store's roles (facets).
  main.append(el("h3", {}, "Positions"), matrix(t, link, t.parties ? t : await facets()));
  main.append(el("h3", {}, "What moved"), t.moved.length ? el("ul", { class: "moved" },
    t.moved.map((m) => el("li", {}, `${m.party} on ${m.issue}: ${m.before.stance} → `,
      `${m.after.stance}`, m.since_round ? ` (since ${m.since_round})` : "", " ",
      link(m.before.evidence, "before"), " ", link(m.after.evidence, "after"))))
    : el("p", { class: "muted" }, "No stance changed."));
  main.append(el("h3", {}, "Commitments and the events that test them"),
    commitmentsList(t, link));
  main.append(el("h3", {}, "Agreements"), agreementsList(t, neg));
}
