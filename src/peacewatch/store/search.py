"""Full-text search over document bodies, quotes and positions (migration 0007).

One query language on both backends, parsed here and rendered for each, so that a search
means the same on SQLite (FTS5) and PostgreSQL (``tsvector``), and so that bad syntax is
refused with a cause and a fix instead of reaching the database:

    ceasefire talks         both words (any order, stemmed: "talks" matches "talk")
    "humanitarian corridor" the phrase
    prison*                 a prefix (of the stemmed word on SQLite: "negotiat*" misses
                            "negotiations", stemmed "negoti"; PostgreSQL stems the prefix)
    Istanbul OR Antalya     either
    -Trump                  not this word (a search needs one word that must match)

Results are newest first (the document's publication date, then id), one row per match, and
paged by keyset: a page never costs more than the matches of the query. Only current
versions of documents are searched. Snippets mark matches with ``«`` and ``»``; since a text
may hold those characters itself, each row also gives ``marks``, the [start, end) offsets of
the matches in its snippet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

import sqlalchemy as sa

from peacewatch.store import schema
from peacewatch.store.claims import store_state
from peacewatch.store.query import Row

# Typed loosely on purpose: SQL expressions of several types, selects of several shapes.
Expr = sa.ColumnElement[object]
Keys = sa.Select[tuple[object, ...]]
SearchKind = Literal["documents", "quotes", "positions", "all"]
KINDS: tuple[str, ...] = get_args(SearchKind)
OPEN, CLOSE = "«", "»"
# Sentinels the database puts around matches; replaced by OPEN/CLOSE once the offsets are
# known. Control characters: cleaned text never holds them.
_S, _E = "\x02", "\x03"
MAX_TERMS = 20
_NO_DATE = date(1, 1, 1)  # undated documents sort last (newest first)
# A kind's rank among the matches of one document: the document first, then its quotes and
# positions in text order.
_RANK = {"documents": 0, "quotes": 1, "positions": 2}
_FTS = {"documents": "search_documents", "quotes": "search_quotes", "positions": "search_positions"}
_SYNTAX = (
    'write words, "a phrase", word* (a prefix), a OR b, -word (not); '
    'e.g. ceasefire "humanitarian corridor" -Trump'
)


class SearchSyntaxError(ValueError):
    """A query the search language cannot read; ``fix`` says how to write it."""

    def __init__(self, message: str, fix: str = _SYNTAX) -> None:
        super().__init__(message)
        self.message, self.fix = message, fix


@dataclass(frozen=True, slots=True)
class Term:
    words: tuple[str, ...]  # one word, or the words of a phrase
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Query:
    must: tuple[tuple[Term, ...], ...]  # all of these groups; any term of a group
    never: tuple[Term, ...] = ()


_TOKEN = re.compile(r'\s*(-?)(?:"([^"]*)"|(\S+))')
_WORD = re.compile(r"\w+")


def parse(text: str) -> Query:
    """The query ``text`` stands for; SearchSyntaxError when it cannot be read."""
    if text.count('"') % 2:
        raise SearchSyntaxError('an unclosed quote (")', 'close the phrase: "..." (or drop it)')
    groups: list[list[Term]] = []
    never: list[Term] = []
    join_next = False
    for m in _TOKEN.finditer(text):
        neg, phrase, word = m.group(1) == "-", m.group(2), m.group(3)
        if word == "OR" and not neg:
            if not groups or join_next:
                raise SearchSyntaxError("OR needs a word on each side", "write a OR b")
            join_next = True
            continue
        term = _term(phrase if phrase is not None else word, phrase is not None)
        if term is None:  # punctuation only: nothing to search for
            continue
        if neg:
            if join_next:
                raise SearchSyntaxError("OR cannot join an excluded word", "write a OR b -c")
            never.append(term)
        elif join_next:
            groups[-1].append(term)
            join_next = False
        else:
            groups.append([term])
    if join_next:
        raise SearchSyntaxError("OR needs a word on each side", "write a OR b")
    if not groups:
        raise SearchSyntaxError("no word to search for", "give at least one word that must match")
    if sum(len(g) for g in groups) + len(never) > MAX_TERMS:
        raise SearchSyntaxError(f"more than {MAX_TERMS} terms", "search for fewer words")
    return Query(tuple(tuple(g) for g in groups), tuple(never))


def _term(text: str, phrase: bool) -> Term | None:
    prefix = not phrase and text.endswith("*") and len(text) > 1
    if "*" in text.rstrip("*") or (text.endswith("*") and phrase):
        raise SearchSyntaxError("'*' inside a word or a phrase", "put * only at a word's end")
    words = tuple(w.casefold() for w in _WORD.findall(text))
    if not words:
        return None
    # "U.S." or "al-Assad": one term of several words, matched as a phrase.
    return Term(words, prefix=prefix and len(words) == 1)


# -- rendering ---------------------------------------------------------------------------------


def fts5(query: Query) -> str:
    """The FTS5 MATCH expression: every word quoted, so no word is ever FTS5 syntax."""

    def term(t: Term) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    must = " AND ".join("(" + " OR ".join(map(term, g)) + ")" for g in query.must)
    if query.never:
        must = f"({must}) NOT (" + " OR ".join(map(term, query.never)) + ")"
    return must


_CONFIG: Expr = sa.literal_column("'english'::regconfig")


def tsquery(query: Query) -> Expr:
    """The PostgreSQL ``tsquery``: built from plainto/phraseto/to_tsquery of bound words."""

    def term(t: Term) -> Expr:
        if t.prefix:  # words are \w only: no tsquery operator can reach to_tsquery
            return sa.func.to_tsquery(_CONFIG, t.words[0] + ":*")
        if len(t.words) > 1:
            return sa.func.phraseto_tsquery(_CONFIG, " ".join(t.words))
        return sa.func.plainto_tsquery(_CONFIG, t.words[0])

    def any_of(terms: tuple[Term, ...]) -> Expr:
        out = term(terms[0])
        for t in terms[1:]:
            out = sa.func.tsquery_or(out, term(t))
        return out

    out = any_of(query.must[0])
    for g in query.must[1:]:
        out = sa.func.tsquery_and(out, any_of(g))
    if query.never:
        out = sa.func.tsquery_and(out, sa.func.tsquery_not(any_of(query.never)))
    return out


# -- reading -----------------------------------------------------------------------------------

d, v, q, pos = schema.documents, schema.versions, schema.quotes, schema.positions
Key = tuple[date, str, int, int]  # (date, version id, kind rank, idx): the sort key, newest first


@dataclass(frozen=True, slots=True)
class Found:
    rows: list[Row]
    total: int  # matches, counted up to the cap (+1 when there are more)
    total_exact: bool
    next_key: Key | None  # the last row's sort key when the page is full


def _record_table(kind: str) -> sa.Table:
    return {"documents": v, "quotes": q, "positions": pos}[kind]


def _rowid(table: str) -> Expr:
    return sa.literal_column(f"{table}.rowid")


def _keys(kind: str, query: Query, dialect: str, walk: bool = False) -> Keys:
    """The matches of one kind among current versions, as sort keys (no text yet); ``walk``:
    a common word, whose first page PostgreSQL finds from the dates' index.

    To walk the dates on PostgreSQL the sentinel date is a literal, not a bound parameter: the
    planner uses the index on this very expression (migration 0009) only when the query spells
    it alike. Not for a rarer word: the planner, misjudging how the matches spread over the
    dates, walked 85,000 versions for 50 of 1,574 quotes (6.5 s) where the GIN index and a sort
    take ~0.2 s (EXPLAIN ANALYZE, 300,000 documents)."""
    table = _record_table(kind)
    no_date: sa.ColumnElement[date] = sa.literal(_NO_DATE, sa.Date)
    if dialect == "postgresql" and walk:
        no_date = sa.literal_column(f"DATE '{_NO_DATE}'", sa.Date)
    day = sa.func.coalesce(v.c.published, no_date).label("day")
    idx = sa.literal(0).label("idx") if kind == "documents" else table.c.idx.label("idx")
    cols = [
        sa.literal(kind).label("kind"),
        day,
        v.c.id.label("version_id"),
        sa.literal(_RANK[kind]).label("rank"),
        idx,
    ]
    if dialect == "sqlite":
        fts = _FTS[kind]
        cols.append(_rowid(fts).label("rid"))  # the page's snippets are read by rowid
        stmt = sa.select(*cols).select_from(
            sa.table(fts).join(table, _rowid(table.name) == _rowid(fts))
        )
        match = sa.literal_column(fts).op("MATCH")(fts5(query))
    else:
        cols.append(sa.literal(0).label("rid"))
        stmt = sa.select(*cols).select_from(table)
        match = sa.literal_column(f"{table.name}.search_tsv").op("@@")(tsquery(query))
    if kind != "documents":
        stmt = stmt.join(v, v.c.id == table.c.version_id)
    cur = (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version)
    return stmt.join(d, cur).where(match)


def _after(keys: sa.Subquery, after: Key) -> sa.ColumnElement[bool]:
    day, vid, rank, idx = after
    c = keys.c
    same_version = (c.version_id == vid) & (sa.tuple_(c.rank, c.idx) > sa.tuple_(rank, idx))
    later = (c.version_id < vid) | same_version
    return (c.day < day) | ((c.day == day) & later)


def _order(keys: sa.Subquery) -> tuple[sa.ColumnElement[object], ...]:
    c = keys.c
    return (c.day.desc(), c.version_id.desc(), c.rank, c.idx)


def _top(keys: sa.Subquery, after: Key | None, limit: int) -> Keys:
    page = sa.select(keys)
    if after is not None:
        page = page.where(_after(keys, after))
    return sa.select(page.order_by(*_order(keys)).limit(limit).subquery())


def _count(conn: sa.Connection, keys: Keys, cap: int | None) -> int:
    counted: Keys = sa.select(sa.literal_column("1")).select_from(keys.subquery())
    if cap is not None:
        counted = counted.limit(cap + 1)
    return int(
        conn.execute(sa.select(sa.func.count()).select_from(counted.subquery())).scalar_one()
    )


# (store state, query, kind, cap) -> bounded count: a query's counts do not depend on the
# page, and paging through one or many clients asking the same query counted every time
# (~20 ms a kind on 30,000 documents). Exact: the state changes with every write.
_counted: dict[tuple[object, ...], int] = {}
_MAX_COUNTED = 1024


def _counts(conn: sa.Connection, query: Query, kinds: list[str], cap: int | None) -> dict[str, int]:
    state = store_state(conn)
    out = {}
    for k in kinds:
        key = (state, query, k, cap)
        hit = _counted.get(key)
        if hit is None:
            hit = _count(conn, _keys(k, query, conn.dialect.name), cap)
            if len(_counted) >= _MAX_COUNTED:
                _counted.clear()  # bounded memory
            _counted[key] = hit
        out[k] = hit
    return out


# Above this many matches of a kind, its page is read in date order (SQLite): the versions
# newest first from their date index, each tested against the set of matching rowids, until
# the page is full. Sorting every match cost time in proportion to the matches ("ceasefire":
# 2.4 s p50 on 100,000 documents, BENCHMARKS.md); walking the dates costs in proportion to the
# versions walked, which for a word in more than 1,000 texts is a few thousand at most for a
# first page. Rarer words keep the sort (walking would visit every version).
COMMON = 1000


def _newest(kind: str, query: Query, after: Key | None, limit: int) -> Keys:
    """``_top`` of ``_keys`` for a common word on SQLite: the same rows in the same order,
    read from the versions' (published, id) index backwards (NULL dates come last there, as
    _NO_DATE does in the sort key)."""
    table, fts = _record_table(kind), _FTS[kind]
    day = sa.func.coalesce(v.c.published, sa.literal(_NO_DATE, sa.Date)).label("day")
    idx = sa.literal(0).label("idx") if kind == "documents" else table.c.idx.label("idx")
    rid = _rowid(table.name)
    cols = [sa.literal(kind).label("kind"), day, v.c.id.label("version_id")]
    cols += [sa.literal(_RANK[kind]).label("rank"), idx, rid.label("rid")]
    cur = (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version)
    stmt = sa.select(*cols).select_from(v).join(d, cur)
    if kind != "documents":
        stmt = stmt.join(table, table.c.version_id == v.c.id)
    matching = sa.select(_rowid(fts)).select_from(sa.table(fts))
    matching = matching.where(sa.literal_column(fts).op("MATCH")(fts5(query)))
    # Unary plus: no index for this test, so that SQLite walks the dates instead of looking
    # up every match by rowid and sorting them (which it preferred, as in ``_keys``).
    stmt = stmt.where(sa.literal_column(f"+{table.name}.rowid").in_(matching))
    if after is not None:
        a_day, vid, rank, a_idx = after
        later = (v.c.id < vid) | (
            (v.c.id == vid) & (sa.tuple_(sa.literal(_RANK[kind]), idx) > sa.tuple_(rank, a_idx))
        )
        stmt = stmt.where((day < a_day) | ((day == a_day) & later))
    order: list[sa.ColumnElement[object]] = [v.c.published.desc(), v.c.id.desc()]
    if kind != "documents":
        order.append(table.c.idx)
    return sa.select(stmt.order_by(*order).limit(limit).subquery())


def _walks(conn: sa.Connection, query: Query, kind: str, count: int, limit: int) -> bool:
    """Whether a kind's page is read by walking the dates (else its matches are sorted).

    SQLite: above COMMON matches. PostgreSQL tests each walked row's ``tsvector``, so a word
    in few of many rows walked far: "satisfaction", ~2,200 of 2,000,000 quotes (442,300
    documents), walked 68,000 versions (2.0 s) where its matches sorted take 56 ms. A walk
    visits about limit x rows / matches rows, a sort about the matches: it walks only above
    sqrt(limit x rows) matches (rows from the planner's statistics; the count up to that
    bound is kept per store state like the others)."""
    if count <= COMMON or conn.dialect.name != "postgresql":
        return count > COMMON
    table = _record_table(kind).name
    stat = sa.text("SELECT reltuples FROM pg_class WHERE relname = :t")
    rows = float(conn.execute(stat, {"t": table}).scalar() or 0)
    bound = int((limit * max(rows, 0.0)) ** 0.5)
    return bound <= count or _counts(conn, query, [kind], bound)[kind] > bound


def _fenced(keys: Keys, dialect: str, walk: bool, name: str) -> sa.Subquery:
    """The kind's matches as a subquery; on PostgreSQL, when they are to be sorted, behind
    ``OFFSET 0``, which keeps the planner from folding them into the outer ORDER BY ... LIMIT
    (it then walked the dates anyway, 1.7 s for the quotes above; fenced: the GIN index)."""
    return (keys.offset(0) if dialect == "postgresql" and not walk else keys).subquery(name)


def search(
    conn: sa.Connection,
    text: str,
    kind: SearchKind = "all",
    limit: int = 50,
    after: Key | None = None,
    count_cap: int | None = 1000,
) -> Found:
    """One page of matches of ``text`` (SearchSyntaxError when it cannot be read)."""
    if kind not in KINDS:
        raise SearchSyntaxError(f"unknown kind {kind!r}", f"use one of {', '.join(KINDS)}")
    query = parse(text)
    dialect = conn.dialect.name
    kinds: list[str] = list(_RANK) if kind == "all" else [kind]
    # Counted per kind (each up to the cap): the union's bounded count, and which kinds match
    # so often that their newest matches are best found from the date index.
    counts = _counts(conn, query, kinds, count_cap)
    total = sum(counts.values())
    if count_cap is not None:
        total = min(total, count_cap + 1)
    walk = {k: _walks(conn, query, k, counts[k], limit) for k in kinds}
    # Each kind's first ``limit`` matches, then the page of those: a top-N per kind keeps
    # ``limit`` rows in the sorter, where sorting the union kept every match.
    tops = [
        _newest(k, query, after, limit)
        if dialect == "sqlite" and walk[k]
        else _top(_fenced(_keys(k, query, dialect, walk[k]), dialect, walk[k], k), after, limit)
        for k in kinds
    ]
    merged = sa.union_all(*tops).subquery("tops") if len(tops) > 1 else tops[0].subquery("tops")
    page = sa.select(merged).order_by(*_order(merged)).limit(limit)
    hits = [dict(r._mapping) for r in conn.execute(page)]
    rows = _fill(conn, query, hits)
    last = hits[-1] if hits and len(hits) == limit else None
    nxt = (last["day"], last["version_id"], last["rank"], last["idx"]) if last else None
    exact = count_cap is None or total <= count_cap
    return Found(rows, int(total), exact, nxt)


# Fields of each kind's items beyond kind, id, document_id, title, date and snippet.
_EXTRA = {"documents": (), "quotes": ("speaker",), "positions": ("party", "issue", "stance")}
_HEADLINE = f"StartSel={_S}, StopSel={_E}, MaxWords=30, MinWords=12, MaxFragments=2"


def _snippet(kind: str, query: Query, dialect: str) -> Expr:
    if dialect == "sqlite":
        fts: Expr = sa.literal_column(_FTS[kind])
        return sa.func.snippet(fts, 0, _S, _E, "…", 24)
    text_col = {"documents": v.c.body_text, "quotes": q.c.text, "positions": pos.c.evidence_text}
    return sa.func.ts_headline(_CONFIG, text_col[kind], tsquery(query), _HEADLINE)


def _page_rows(
    conn: sa.Connection, kind: str, query: Query, hits: list[Row]
) -> dict[tuple[str, int], Row]:
    """Snippet and fields of this kind's hits of the page, by (version id, idx)."""
    table, dialect = _record_table(kind), conn.dialect.name
    idx = sa.literal(0) if kind == "documents" else table.c.idx
    extra = [table.c[name] for name in _EXTRA[kind]]
    cols = [v.c.id, idx.label("idx"), v.c.doc_id, v.c.title, v.c.published, *extra]
    stmt = sa.select(*cols, _snippet(kind, query, dialect).label("snippet"))
    if dialect == "sqlite":
        fts = _FTS[kind]
        stmt = stmt.select_from(sa.table(fts).join(table, _rowid(table.name) == _rowid(fts)))
        stmt = stmt.where(sa.literal_column(fts).op("MATCH")(fts5(query)))
        # By rowid: FTS5 then reads those rows only, where a filter on the content table
        # visited every match (18 of the 40 ms of a page on 32,000 documents).
        stmt = stmt.where(_rowid(fts).in_([h["rid"] for h in hits]))
    else:
        stmt = stmt.select_from(table)
    if kind == "documents":
        stmt = stmt.where(v.c.id.in_([h["version_id"] for h in hits]))
    else:
        keys = [(h["version_id"], h["idx"]) for h in hits]
        stmt = stmt.join(v, v.c.id == table.c.version_id)
        stmt = stmt.where(sa.tuple_(table.c.version_id, table.c.idx).in_(keys))
    return {(r.id, r.idx): dict(r._mapping) for r in conn.execute(stmt)}


def marked(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet with matches between OPEN and CLOSE, and the offsets of the matches."""
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    at = 0
    for part in re.split(f"([{_S}{_E}])", snippet):
        if part == _S:
            out.append(OPEN)
            at += len(OPEN)
            start = at
        elif part == _E:
            marks.append((start, at))
            out.append(CLOSE)
            at += len(CLOSE)
        else:
            out.append(part)
            at += len(part)
    return "".join(out), marks


_LETTER = {"documents": "", "quotes": "#q", "positions": "#s"}


def _fill(conn: sa.Connection, query: Query, hits: list[Row]) -> list[Row]:
    found: dict[tuple[str, tuple[str, int]], Row] = {}
    for kind in _RANK:
        mine = [h for h in hits if h["kind"] == kind]
        if mine:
            for key, row in _page_rows(conn, kind, query, mine).items():
                found[(kind, key)] = row
    out = []
    for h in hits:
        r = found[(h["kind"], (h["version_id"], h["idx"]))]
        text, marks = marked(r["snippet"] or "")
        suffix = f"{_LETTER[h['kind']]}{h['idx']}" if h["kind"] != "documents" else ""
        item: Row = {
            "kind": h["kind"],
            "id": f"{h['version_id']}{suffix}",
            "document_id": r["doc_id"],
            "version_id": h["version_id"],
            "title": r["title"],
            "date": r["published"],
            "snippet": text,
            "marks": [list(m) for m in marks],
        }
        item.update({name: r[name] for name in _EXTRA[h["kind"]]})
        out.append(item)
    return out


def rebuild(conn: sa.Connection) -> None:
    """Rebuild the SQLite full-text indexes from their tables (after a ``VACUUM``, which may
    renumber the rowids they key on). PostgreSQL's are generated columns: nothing to do."""
    if conn.dialect.name == "sqlite":
        for fts in _FTS.values():
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
