// What is new: the alerts of the documents stored since a time (/api/changes), the entries
// the Atom feed of `peacewatch watch --alerts` gets. "Mark as seen" remembers the newest
// store time in this browser, so the next visit shows only what came after it.
import { api, el, externalLink, go, main, qs } from "./ui.js";

const SEEN = "peacewatch.seen";

export async function viewChanges(p) {
  const seen = localStorage.getItem(SEEN);
  const since = p.since != null ? p.since : seen || "";
  const got = await api(`/api/changes?${qs({ since, limit: 200 })}`);
  const input = el("input", { type: "datetime-local", name: "since", step: 1,
    value: since ? since.replace(" ", "T").slice(0, 19) : "" });
  const form = el("form", { class: "filters" }, el("label", {}, "Stored since", input),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("new", { since: input.value });
  });
  main.append(el("h2", {}, "New since"), form,
    el("p", { class: "muted" }, `${got.total} change(s)` + (since ? ` stored after ${since}`
      : " in the store") + (got.total > got.items.length ? `, the newest ${got.items.length}`
      + " shown" : "") + "."),
    got.latest ? el("p", {}, el("button", { type: "button", class: "mark-seen", onclick: () => {
      localStorage.setItem(SEEN, got.latest);
      go("new", { since: got.latest });
    } }, "Mark all as seen")) : null,
    el("ul", { class: "changes" }, got.items.map((a) => el("li", { class: "change",
      "data-kind": a.kind },
    el("span", { class: `badge ${a.kind}` }, a.kind), " ", el("strong", {}, a.title), " ",
    el("span", { class: "muted" }, `${a.published || "undated"} · stored ${a.stored_at}`),
    el("div", { class: "ev" }, `“${a.evidence}”`),
    el("div", {}, el("a", { href: `#/doc/${encodeURIComponent(a.doc_id)}` },
      a.document_title || a.doc_id), " ", externalLink(a.url, "source"))))));
}
