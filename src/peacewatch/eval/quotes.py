"""Quote scores: the reference article's gold quotes, and the PolNeAR dev split.

Reference article (format: shared/gold/README.md): a gold quote is found when one of our quotes
contains its ``contains`` text (case-insensitive, typographic quotes folded); its speaker is
right by surname for people and by name for groups, its relay by outlet name. Floors (quotes
issue): 21 of the core quotes found, speaker and relay right for 90 % of those found, 80 % of
our quotes matching a gold item.

PolNeAR (Newell, Margolin & Ruths 2018; brat standoff, ``<split>/text`` and
``<split>/attributions``): an attribution is one cue with its content (possibly discontinuous)
and source. Ours are the ``find_quotes`` records grouped by cue, so a quote split around "he
said" is one attribution as in PolNeAR. Content is compared on word tokens: overlap = shared
tokens / tokens of the longer of the two spans (both directions must cover the threshold, stricter
than a gold-relative overlap), matched one-to-one, greedily by overlap; F1 at overlap 0.3 and
0.8. Speaker accuracy: among matched attributions whose gold has a source, the share where our
source span shares a token with the gold source. Quote-mark recall: gold contents that open with
a quotation mark, found at overlap 0.3. Articles annotated by several annotators are scored once,
against the first annotator in file-name order.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from peacewatch.eval.gold import ReferenceGold
from peacewatch.records import Body, Document, Metadata, Paragraph, Relay, Speaker

REF_FLOORS = {"found": 21, "speaker": 0.90, "relay": 0.90, "precision": 0.80}
POLNEAR_FLOORS = {"f1@0.3": 0.60, "speaker": 0.85, "quote_recall": 0.85}
# The published spaCy-rule quote extractor the quotes issue asks us to beat, with its figures as
# the issue gives them; it is the Gender Gap Tracker (Asr et al. 2021, PLOS ONE 16(1): e0245533)
# to our reading, measured on its own Canadian news test set with its own overlap rule, not on
# PolNeAR, so it is printed for scale only (the figures were not re-derived here).
PUBLISHED = {"spaCy-rule quote F1": 0.837, "spaCy-rule speaker acc": 0.865}


def _norm(s: str) -> str:
    return s.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').strip()


def _bare(name: str) -> str:
    return _norm(name).removeprefix("the ").strip()


def _speaker_ok(gold: str | None, ours: Speaker | None, people: set[str]) -> bool:
    if gold is None:
        return ours is None
    if ours is None:
        return False
    if gold in people:
        return _bare(ours.name).split()[-1] == _bare(gold).split()[-1]
    return _bare(ours.name) == _bare(gold)


def _relay_ok(gold: str | None, ours: Relay | None, aliases: dict[str, set[str]]) -> bool:
    if gold is None:
        return ours is None
    if ours is None:
        return False
    return _bare(ours.name) in aliases.get(gold, {_bare(gold)})


def score_reference(doc: Document, gold: ReferenceGold) -> tuple[list[str], list[str]]:
    """(report lines, failed floors) for the reference article."""
    lines = ["quotes:"]
    failures: list[str] = []
    people = {e["name"] for e in gold.get("entities", []) if e["type"] == "PERSON"}
    aliases = {
        e["name"]: {_bare(n) for n in [e["name"], *e.get("aliases", [])]}
        for e in gold.get("entities", [])
    }
    quotes = list(doc.quotes)
    golds = gold.get("quotes", [])
    core = [g for g in golds if g.get("core", True)]
    found = spk = rel = dated = dated_ok = 0
    for g in golds:
        hits = [q for q in quotes if _norm(g["contains"]) in _norm(q.text)]
        is_core = g.get("core", True)
        if not hits:
            lines.append(f"  {g['id']:<4} MISSING   {g['kind']:<8} {g['speaker']}")
            continue
        q = hits[0]
        s_ok = _speaker_ok(g["speaker"], q.speaker, people)
        r_ok = _relay_ok(g.get("relay"), q.relay, aliases)
        if is_core:
            found += 1
            spk += s_ok
            rel += r_ok
        if g.get("said_on") and re.fullmatch(r"\d{4}-\d\d-\d\d", g["said_on"]):
            dated += 1
            dated_ok += q.said_on == g["said_on"]
        lines.append(
            f"  {g['id']:<4} found     {q.kind:<8} speaker {'ok' if s_ok else 'WRONG'}"
            f" ({q.speaker.name if q.speaker else None}; gold {g['speaker']})"
            f"  relay {'ok' if r_ok else 'WRONG'} ({q.relay.name if q.relay else None})"
            + ("" if is_core else "  [not core]")
        )
    matched = [q for q in quotes if any(_norm(g["contains"]) in _norm(q.text) for g in golds)]
    for q in quotes:
        if q not in matched:
            lines.append(
                f"  extra: {q.kind} {q.speaker.name if q.speaker else None}: {q.text[:60]!r}"
            )
    spk_rate = spk / found if found else 0.0
    rel_rate = rel / found if found else 0.0
    precision = len(matched) / len(quotes) if quotes else 0.0
    lines.append(f"  core quotes found       {found}/{len(core)}")
    lines.append(f"  speaker right           {spk}/{found} ({spk_rate:.0%})")
    lines.append(f"  relay right             {rel}/{found} ({rel_rate:.0%})")
    lines.append(f"  our quotes matching     {len(matched)}/{len(quotes)} ({precision:.0%})")
    lines.append(f"  said_on right           {dated_ok}/{dated} (gold day dates)")
    if found < REF_FLOORS["found"]:
        failures.append(f"quotes: {found} core quotes found, floor {REF_FLOORS['found']}")
    if spk_rate < REF_FLOORS["speaker"]:
        failures.append(f"quotes: speaker right for {spk_rate:.0%}, floor 90%")
    if rel_rate < REF_FLOORS["relay"]:
        failures.append(f"quotes: relay right for {rel_rate:.0%}, floor 90%")
    if precision < REF_FLOORS["precision"]:
        failures.append(f"quotes: {precision:.0%} of our quotes match gold, floor 80%")
    return lines, failures


# --- PolNeAR ------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+")


@dataclass
class Attribution:
    content: set[int] = field(default_factory=set)
    source: set[int] | None = None
    quoted: bool = False


def _spans(field_: str) -> list[tuple[int, int]]:
    out = []
    for part in field_.split(";"):
        s, e = part.split()
        out.append((int(s), int(e)))
    return out


def read_ann(
    path: Path, text: str, tokens: list[tuple[int, int]]
) -> tuple[list[Attribution], list[tuple[int, int]]]:
    """Gold attributions of one article, and the spans marked Discard/Discuss (not annotated)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    ignored: list[tuple[int, int]] = []
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            kind, _, where = cols[1].partition(" ")
            spans[cols[0]] = _spans(where)
            if kind in {"Discard", "Discuss"}:
                ignored.extend(spans[cols[0]])
        elif line.startswith("E") and len(cols) >= 2:
            roles = dict(p.split(":", 1) for p in cols[1].split() if ":" in p)
            events.append({k.split("-")[0]: v for k, v in roles.items()})
    out = []
    for ev in events:
        if "Content" not in ev:
            continue
        a = Attribution(content=_tok_set(tokens, spans[ev["Content"]]))
        if "Source" in ev:
            a.source = _tok_set(tokens, spans[ev["Source"]])
        a.quoted = any(text[s:e].lstrip()[:1] in {"“", '"'} for s, e in spans[ev["Content"]])
        if a.content:
            out.append(a)
    return out, ignored


def _tok_set(tokens: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (s, e) in enumerate(tokens) for a, b in spans if s < b and a < e}


def _document(name: str, text: str, published: str | None) -> Document:
    paras = [
        Paragraph(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()
    ]
    return Document(
        meta=Metadata(
            id=name, published=published, published_source="jsonl" if published else "unknown"
        ),
        body=Body(text=text, paragraphs=tuple(paras)),
    )


def predicted(doc: Document, tokens: list[tuple[int, int]]) -> list[Attribution]:
    from peacewatch.extract.quotes.stage import find_quotes

    # Keyed by the cue's offsets; a quote without a cue is an attribution of its own.
    groups: dict[tuple[int, int] | tuple[str, int], Attribution] = {}
    for k, f in enumerate(find_quotes(doc)):
        key: tuple[int, int] | tuple[str, int] = f.cue if f.cue is not None else ("alone", k)
        a = groups.setdefault(key, Attribution())
        a.content |= _tok_set(tokens, [(f.start, f.end)])
        if f.source is not None:
            a.source = (a.source or set()) | _tok_set(tokens, [f.source])
    return [a for a in groups.values() if a.content]


def _overlap(p: set[int], g: set[int]) -> float:
    return len(p & g) / max(len(p), len(g)) if p and g else 0.0


def match(
    preds: list[Attribution], golds: list[Attribution], threshold: float
) -> list[tuple[int, int]]:
    pairs = sorted(
        (
            (_overlap(p.content, g.content), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
            if p.content & g.content
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for ov, i, j in pairs:
        if ov < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _split_files(data: Path, split: str) -> list[tuple[Path, Path]]:
    texts = sorted((data / split / "text").glob("*.txt"))
    anns = sorted((data / split / "attributions").glob("*.ann"))
    out = []
    for t in texts:
        first = [a for a in anns if a.name.rsplit("_", 1)[0] == t.stem]
        if first:
            out.append((t, first[0]))
    return out


def _published(data: Path) -> dict[str, str]:
    meta = data / "metadata.tsv"
    if not meta.exists():
        return {}
    rows = [r.split("\t") for r in meta.read_text(encoding="utf-8").splitlines()]
    head = rows[0]
    fi, di = head.index("filename"), head.index("publication_date")
    return {r[fi]: r[di] for r in rows[1:] if len(r) > max(fi, di)}


def _parsed_split(data: Path, split: str) -> tuple[list[Document], list[tuple[Path, Path]]]:
    """The articles of ``split`` parsed (nlp.pipe in batches), with their (text, .ann) files."""
    from peacewatch.parse.nlp import BATCH_SIZE, load

    nlp = load()
    dates = _published(data)
    files = _split_files(data, split)
    docs = []
    for t, _ in files:
        text = t.read_text(encoding="utf-8")
        docs.append(_document(t.stem, text, dates.get(t.stem)))
    texts = [d.body.text[p.start : p.end] for d in docs for p in d.body.paragraphs]
    parsed = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    docs = [
        Document(meta=d.meta, body=d.body, parses=tuple(next(parsed) for _ in d.body.paragraphs))
        for d in docs
    ]
    return docs, files


@dataclass
class _Counts:
    """Matches at each overlap threshold, speakers and quote-mark recall, over the articles."""

    tp: dict[float, int] = field(default_factory=lambda: {0.3: 0, 0.8: 0})
    n_pred: int = 0
    n_gold: int = 0
    spk_n: int = 0
    spk_ok: int = 0
    q_n: int = 0
    q_ok: int = 0

    def add(self, doc: Document, ann: Path) -> None:
        text = doc.body.text
        tokens = [m.span() for m in _TOKEN.finditer(text)]
        golds, ignored = read_ann(ann, text, tokens)
        ign = _tok_set(tokens, ignored)
        preds = [p for p in predicted(doc, tokens) if len(p.content & ign) < len(p.content) / 2]
        self.n_pred += len(preds)
        self.n_gold += len(golds)
        for th in self.tp:
            pairs = match(preds, golds, th)
            self.tp[th] += len(pairs)
            if th == 0.3:
                self._speakers_and_marks(preds, golds, pairs)

    def _speakers_and_marks(
        self, preds: list[Attribution], golds: list[Attribution], pairs: list[tuple[int, int]]
    ) -> None:
        for i, j in pairs:
            gsrc, psrc = golds[j].source, preds[i].source
            if gsrc:
                self.spk_n += 1
                self.spk_ok += bool(psrc and psrc & gsrc)
        matched_g = {j for _, j in pairs}
        for j, g in enumerate(golds):
            if g.quoted:
                self.q_n += 1
                self.q_ok += j in matched_g


def run(data: Path, strict: bool, split: str = "dev") -> tuple[str, list[str]]:
    """(report table, failed floors) on PolNeAR ``split``; parses with nlp.pipe in batches."""
    t0 = time.perf_counter()
    docs, files = _parsed_split(data, split)
    t_parse = time.perf_counter() - t0
    c = _Counts()
    for doc, (_, ann) in zip(docs, files, strict=True):
        c.add(doc, ann)
    tp, n_pred, n_gold = c.tp, c.n_pred, c.n_gold
    spk_n, spk_ok, q_n, q_ok = c.spk_n, c.spk_ok, c.q_n, c.q_ok
    elapsed = time.perf_counter() - t0
    res: dict[str, float] = {}
    lines = [f"PolNeAR {split}: {len(docs)} articles, {n_gold} gold attributions, {n_pred} ours"]
    for th, n in tp.items():
        p = n / n_pred if n_pred else 0.0
        r = n / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        res[f"f1@{th}"] = f1
        lines.append(f"  content overlap >= {th}: P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
    res["speaker"] = spk_ok / spk_n if spk_n else 0.0
    res["quote_recall"] = q_ok / q_n if q_n else 0.0
    lines.append(
        f"  speaker accuracy (matched @0.3, gold source) {res['speaker']:.3f} ({spk_ok}/{spk_n})"
    )
    lines.append(
        f"  recall of quotes in quotation marks          {res['quote_recall']:.3f} ({q_ok}/{q_n})"
    )
    lines.append(
        "  published, for scale (other corpus): "
        + ", ".join(f"{k} {v}" for k, v in PUBLISHED.items())
    )
    lines.append(f"  time {elapsed:.1f}s (parse {t_parse:.1f}s)")
    failures = [
        f"quotes PolNeAR {k} {res[k]:.3f} below floor {v}"
        for k, v in POLNEAR_FLOORS.items()
        if res[k] < v
    ]
    return "\n".join(lines), failures
