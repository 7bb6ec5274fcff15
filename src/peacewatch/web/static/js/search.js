// Search over documents, quotes and positions (/api/search): results with their matches
// marked, each linked to its document; "search not available" where the server has no
// search route (an older server: 404).
import { ApiFailure, api, el, go, main, marked, qs } from "./ui.js";

const KINDS = ["all", "documents", "quotes", "positions"];

export function searchBox() {
  const input = el("input", { type: "search", name: "q", placeholder: "Search…",
    "aria-label": "Search documents, quotes and positions" });
  const form = el("form", { class: "search-box", role: "search" }, input);
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (input.value.trim()) go("search", { q: input.value.trim() });
  });
  return form;
}

// The document, at the record found ("q1": its quote) when the result is one.
function docLink(item, label) {
  const ver = item.version_id ? String(item.version_id).split("/v")[1] : null;
  const tail = String(item.id || "").includes("#") ? String(item.id).split("#")[1] : null;
  return el("a", { class: "result-link", href:
    `#/doc/${encodeURIComponent(String(item.document_id))}?${qs({ v: ver, r: tail })}` }, label);
}

function result(item) {
  const who = item.kind === "quotes" ? item.speaker
    : [item.party, item.issue].filter(Boolean).join(" on ");
  return el("li", { class: "result", "data-kind": item.kind, "data-id": item.id },
    el("span", { class: "badge" }, item.kind), " ",
    docLink(item, item.title || item.document_id || "(untitled)"), " ",
    el("span", { class: "muted" }, [item.date, who].filter(Boolean).join(" · ")),
    el("div", { class: "snippet" }, marked(item.snippet, item.marks)));
}

export async function viewSearch(p) {
  const kind = KINDS.includes(p.kind) ? p.kind : "all";
  const input = el("input", { type: "search", name: "q", value: p.q || "" });
  const select = el("select", { name: "kind" }, KINDS.map((k) =>
    el("option", { value: k, selected: k === kind }, k)));
  const form = el("form", { class: "filters" }, el("label", {}, "Text", input),
    el("label", {}, "In", select), el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    go("search", { q: input.value.trim(), kind: select.value });
  });
  main.append(el("h2", {}, "Search"), form);
  if (!p.q) return;
  const list = el("ol", { class: "results" });
  const more = el("p", {});
  const load = async (cursor) => {
    let page;
    try {
      page = await api(`/api/search?${qs({ q: p.q, kind, limit: 50, cursor })}`);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 404) {
        main.append(el("p", { class: "error search-off" },
          "Search is not available on this server (no /api/search) — fix: upgrade peacewatch."));
        return;
      }
      throw err;
    }
    if (!cursor) {
      main.append(el("p", { class: "muted result-count" },
        `${page.total}${page.total_exact === false ? "+" : ""} result(s) for “${p.q}”`),
      list, more);
    }
    list.append(...page.items.map(result));
    more.replaceChildren(page.next_cursor ? el("button", { type: "button",
      onclick: () => load(page.next_cursor) }, "more results") : "");
  };
  await load(null);
}
