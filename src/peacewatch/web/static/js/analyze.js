// Analyse an article: paste text or HTML, or open a file; analyse only, or analyse and store.
import { renderDocument } from "./documents.js";
import { api, clear, el, main } from "./ui.js";

export async function viewAnalyze() {
  const health = await api("/api/health");
  const text = el("textarea", { name: "text", placeholder: "Paste article text or HTML…" });
  const type = el("select", { name: "content_type" }, el("option", { value: "text" }, "text"),
    el("option", { value: "html" }, "html"));
  const published = el("input", { type: "date", name: "published" });
  const file = el("input", { type: "file", accept: ".txt,.html,.htm" });
  file.addEventListener("change", async () => {
    const f = file.files[0]; if (!f) return;
    text.value = await f.text();
    type.value = /\.html?$/i.test(f.name) ? "html" : "text";
  });
  const token = el("input", { type: "password", placeholder: "API token" });
  const out = el("div", {});
  const payload = () => ({ text: text.value, content_type: type.value,
    published: published.value || null });
  const run = async (store) => {
    clear(out).append(el("p", { class: "muted" }, "Analysing…"));
    try {
      const headers = { "Content-Type": "application/json" };
      // The token goes with every request of a server that has one (health.analyze is
      // "token"): analysis follows the write policy there.
      if (store || health.analyze === "token") headers.Authorization = `Bearer ${token.value}`;
      const res = await api(store ? "/api/documents" : "/api/analyze",
        { method: "POST", headers, body: JSON.stringify(payload()) });
      clear(out);
      if (store) {
        out.append(el("p", {}, `${res.status}: `, res.doc_id
          ? el("a", { href: `#/doc/${encodeURIComponent(res.doc_id)}` }, res.doc_id) : ""));
      } else {
        out.append(renderDocument(res, res.spans, null, null));
      }
    } catch (err) { clear(out).append(el("p", { class: "error" }, err.message)); }
  };
  if (health.analyze === "off") {
    main.append(el("h2", {}, "Analyse an article"), el("p", { class: "error" },
      "Analysis is off on this read-only server — fix: run `peacewatch analyze FILE` locally, "
      + "or start the server with PEACEWATCH_API_TOKEN set (or with --open-analyze)."));
    return;
  }
  const needsToken = health.analyze === "token";
  main.append(el("h2", {}, "Analyse an article"),
    el("p", {}, el("label", {}, "Open a file: ", file)), text,
    el("p", {}, el("label", {}, "Format ", type), " ", el("label", {}, "Published ", published),
      needsToken ? [" ", token] : null,
      " ", el("button", { type: "button", onclick: () => run(false) }, "Analyse"),
      health.writable ? [" ", el("button", { type: "button",
        onclick: () => run(true) }, "Analyse and store")] : null),
    out);
}

