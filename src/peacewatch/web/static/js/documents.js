// Documents list and document view: the body with every record's evidence highlighted, and a
// side panel showing the selected record itself (its fields, its sentence in context, the
// quote behind a position, the other reports of a merged event) and the original article.
import { api, clear, el, eventDate, exportLinks, externalLink, go, main, pager, qs,
  statusBadge } from "./ui.js";

export async function viewDocuments(p) {
  const offset = Number(p.offset || 0);
  const page = await api(`/api/documents?${qs({ limit: 50, offset })}`);
  main.append(el("h2", {}, "Documents"), pager(page, (o) => go("documents", { offset: o })),
    exportLinks("documents", {}),
    el("table", {}, el("tr", {}, ["published", "title", "publisher", "duplicate", "source"]
      .map((h) => el("th", {}, h))), page.items.map((d) => el("tr", {},
      el("td", {}, d.published || ""),
      el("td", {}, el("a", { href: `#/doc/${encodeURIComponent(d.doc_id)}` }, d.title || d.key)),
      el("td", {}, d.publisher || ""), el("td", {}, d.dup_kind),
      el("td", {}, d.url ? externalLink(d.url, "original") : "")))));
}

// The record a span belongs to: the deepest list item on its JSON path that is not the span
// itself ("events[2].evidence" -> events[2]; "negotiation.issues[0].positions[1].evidence" ->
// that position; "places[5]" -> the place, which is its own span).
function recordAt(doc, path) {
  let node = doc;
  let record = null;
  let recordPath = "";
  const done = [];
  for (const token of path.split(".")) {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(token);
    if (!m || node == null) return { record, recordPath };
    node = node[m[1]];
    done.push(m[1]);
    for (const idx of m[2].match(/\d+/g) || []) {
      if (node == null) return { record, recordPath };
      node = node[Number(idx)];
      done[done.length - 1] += `[${idx}]`;
      if (node && typeof node === "object") { record = node; recordPath = done.join("."); }
    }
  }
  return { record, recordPath, span: node };
}

function show(value) {
  if (value == null || value === "") return null;
  if (Array.isArray(value)) {
    const parts = value.map(show).filter((x) => x != null);
    return parts.length ? parts.join(", ") : null;
  }
  if (typeof value === "object") {
    if ("name" in value) return value.name ? String(value.name) : null;
    if ("text" in value && "start" in value) return null; // an evidence span: shown apart
    return null;
  }
  return String(value);
}

// Fields worth reading first; the rest follow in the record's own order.
const FIRST = ["speaker", "type", "party", "issue", "stance", "actors", "recipients", "by",
  "place", "date", "said_on", "status", "kind", "cue", "relay", "name", "feature", "country"];
const SKIP = new Set(["start", "end", "text", "evidence", "mentions", "offsets", "date_start",
  "date_end", "date_precision", "date_basis"]);

function fields(record, status) {
  const keys = [...FIRST.filter((k) => k in record),
    ...Object.keys(record).filter((k) => !FIRST.includes(k))];
  const dl = el("dl", { class: "fields" });
  for (const k of keys) {
    if (SKIP.has(k)) continue;
    let v = show(record[k]);
    if (k === "date" && record.date_basis) {
      v = `${eventDate(record)} · precision ${record.date_precision || "?"} · ` +
        `basis ${record.date_basis}`;
    }
    if (v != null) dl.append(el("dt", {}, k.replace(/_/g, " ")), el("dd", { "data-field": k }, v));
  }
  if (status) dl.append(el("dt", {}, "claim status"), el("dd", {}, statusBadge(status)));
  return dl;
}

// The evidence in its paragraph: the sentences around it (up to CONTEXT characters each
// side, cut at a sentence end: transcripts have paragraphs of thousands), the evidence marked.
const CONTEXT = 300;
function inContext(doc, s) {
  const text = doc.body.text;
  const paras = doc.body.paragraphs || [];
  let lo = (paras.find((pp) => pp[0] <= s.start && s.start <= pp[1]) || [s.start])[0];
  let hi = (paras.find((pp) => pp[0] <= s.end && s.end <= pp[1]) || [0, s.end])[1];
  if (s.start - lo > CONTEXT) {
    const cut = text.slice(s.start - CONTEXT, s.start).search(/[.!?]\s/);
    lo = cut >= 0 ? s.start - CONTEXT + cut + 2 : s.start - CONTEXT;
  }
  if (hi - s.end > CONTEXT) {
    const after = text.slice(s.end, s.end + CONTEXT);
    const ends = [...after.matchAll(/[.!?](\s|$)/g)];
    hi = s.end + (ends.length ? ends[ends.length - 1].index + 1 : CONTEXT);
  }
  return el("blockquote", { class: "context" }, text.slice(lo, s.start),
    el("mark", { class: "context-evidence" }, text.slice(s.start, s.end)), text.slice(s.end, hi));
}

function overlaps(a, b) { return a && b && a.start < b.end && b.start < a.end; }

// The quotes whose words state a position (their spans overlap the position's evidence).
function quotesBehind(doc, position, spans, select) {
  const ev = position.evidence;
  const found = (doc.quotes || []).map((q, i) => [q, i])
    .filter(([q]) => overlaps(q.evidence || q, ev) || overlaps(q, ev));
  if (!found.length) return null;
  return el("div", { class: "behind" }, el("h4", {}, "Quote behind this position"),
    el("ul", {}, found.map(([q, i]) => {
      const at = spans.findIndex((s) => s.path.startsWith(`quotes[${i}]`));
      return el("li", { class: "quote-behind" },
        `${show(q.speaker) || "(unknown)"}: “${q.text}” `,
        at >= 0 ? el("a", { href: "#", onclick: (e) => { e.preventDefault(); select(at); } },
          "show") : null);
    })));
}

// The other reports of an event merged across documents (/api/merged), on demand.
function mergedReports(eventId, type) {
  const box = el("div", { class: "behind" });
  const button = el("button", { type: "button", onclick: async () => {
    clear(box).append(el("p", { class: "muted" }, "Looking…"));
    const merged = await api(`/api/merged?${qs({ type, limit: 500 })}`);
    const row = merged.items.find((m) => m.claims.some((c) => c.sources.includes(eventId)));
    const others = row ? [...new Set(row.claims.flatMap((c) => c.sources))]
      .filter((x) => x !== eventId) : [];
    clear(box).append(el("h4", {}, `Reports of this event (${others.length + 1})`),
      others.length ? el("ul", {}, others.map((id) => {
        const [ver] = id.split("#");
        const [docId, v] = ver.split("/v");
        return el("li", {}, el("a", { class: "report-link",
          href: `#/doc/${encodeURIComponent(docId)}?${qs({ v })}` }, id));
      })) : el("p", { class: "muted" }, "No other document reports it."));
  } }, "Other reports of this event");
  box.append(button);
  return box;
}

function recordPanel(doc, versionId, s, spans, select, status) {
  const { record, recordPath } = recordAt(doc, s.path);
  const out = [el("h3", {}, s.kind), el("p", { class: "muted" }, recordPath || s.path)];
  if (record) out.push(fields(record, status));
  out.push(el("h4", {}, "Evidence in context"), inContext(doc, s),
    el("p", { class: "muted" }, `chars ${s.start}–${s.end}`));
  if (record && /positions\[\d+\]$/.test(recordPath)) {
    out.push(quotesBehind(doc, record, spans, select));
  }
  const ev = /^events\[(\d+)\]$/.exec(recordPath);
  if (ev && versionId) out.push(mergedReports(`${versionId}#e${ev[1]}`, record.type));
  return out;
}

export function renderDocument(doc, spans, focus, versionId) {
  const text = doc.body.text;
  const meta = doc.document || {};
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const body = el("div", { class: "body" });
  const list = el("ol", {});
  const detail = el("div", { class: "record" },
    el("p", { class: "muted" }, "Click a highlight or a record."));
  const marks = spans.map(() => []);
  let status = focus && focus.c;
  const select = (i) => {
    for (const m of body.querySelectorAll("mark.focus")) m.classList.remove("focus");
    for (const li of list.querySelectorAll(".active")) li.classList.remove("active");
    for (const m of marks[i]) m.classList.add("focus");
    list.children[i].classList.add("active");
    clear(detail).append(...recordPanel(doc, versionId, spans[i], spans, select, status)
      .filter(Boolean));
    status = null; // the list's claim status belongs to the record the link opened only
    if (marks[i][0]) marks[i][0].scrollIntoView({ block: "center" });
  };
  for (let b = 0; b + 1 < bounds.length; b++) {
    const [lo, hi] = [bounds[b], bounds[b + 1]];
    const piece = text.slice(lo, hi);
    const cover = [];
    spans.forEach((s, i) => {
      if (s.start <= lo && hi <= s.end && s.start < s.end) cover.push(i);
    });
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
    el("p", { class: "muted" }, [meta.publisher, meta.published].filter(Boolean).join(" · "),
      meta.url ? [" · ", externalLink(meta.url, "original article") || meta.url] : null));
  const wrap = el("div", {}, head, el("div", { class: "split" }, body,
    el("div", { class: "panel" }, detail, el("h3", {}, `${spans.length} evidence spans`), list)));
  if (focus) {
    // The record the link names ("e14": events[14]; "s3": a position), else any on the span.
    const m = /^([eqps])(\d+)$/.exec(focus.r || "");
    const prefix = m ? { e: "events", q: "quotes", p: "places" }[m[1]] : null;
    // A position's number counts across issues: it names no path, only "some position".
    const want = !m ? "" : prefix ? `${prefix}[${m[2]}]`
      : Number.isNaN(focus.s) ? "" : "negotiation.issues";
    const at = (s) => Number.isNaN(focus.s) || (s.start === focus.s && s.end === focus.e);
    // A link with the record alone (a search result) opens its first span.
    let i = want ? spans.findIndex((s) => at(s) && s.path.startsWith(want)) : -1;
    if (i < 0) i = spans.findIndex((s) => s.start === focus.s && s.end === focus.e);
    if (i < 0) i = spans.findIndex((s) => s.start <= focus.s && focus.e <= s.end);
    if (i >= 0) setTimeout(() => select(i), 0);
  }
  return wrap;
}

export async function viewDoc(p, id) {
  const d = await api(`/api/documents/${encodeURIComponent(id)}?${qs({ version: p.v })}`);
  const focus = p.s != null || p.r ? { s: Number(p.s ?? NaN), e: Number(p.e ?? NaN), c: p.c,
    r: p.r } : null;
  main.append(renderDocument(d.document, d.spans, focus, d.version.id));
}
