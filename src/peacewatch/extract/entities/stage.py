"""People, organisations, outlets, states and groups: one canonical entity per referent.

Mentions come from spaCy's entities (after ``peacewatch_ruler``, which labels places, countries
and known actors first) and from demonym + group-noun phrases ("Ukrainian officials"). They are
merged into one entity per referent:

- a known actor's forms (lexicons) share its canonical name ("Zelenskyy" -> "Volodymyr Zelensky");
- a person's shorter name joins the longest name in the document that ends with it
  ("Medinsky" -> "Vladimir Medinsky"), compared spelling-insensitively (diacritics, "-yy");
- an outlet's ambiguous short form ("the Times") joins it only when the document names it in full.

Roles come from the text (``roles.find_role``); countries from the role's demonym, place or
person, then from the actor lists. Everything is a dict lookup per mention, so the stage stays
linear in the number of mentions.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from peacewatch.evidence import span as evidence_span
from peacewatch.extract.entities.aliases import with_aliases
from peacewatch.extract.entities.groups import Group, find_groups
from peacewatch.extract.entities.labels import headline_name, labels, spokesperson
from peacewatch.extract.entities.notpeople import is_acronym, is_fragment, is_located
from peacewatch.extract.entities.plausible import STREET_WORDS, plausible_org, plausible_person
from peacewatch.extract.entities.roles import RoleHit, find_role
from peacewatch.extract.entities.surnames import with_surnames
from peacewatch.extract.entities.untagged import (
    has_person_apposition,
    is_called_on,
    untagged_orgs,
    untagged_people,
)
from peacewatch.lexicons import (
    alias_index,
    canonical_country_name,
    country_names,
    demonyms,
    known_actors,
    place_countries,
    role_words,
    short_aliases,
)
from peacewatch.parse.syntax import token_offsets
from peacewatch.records import Document, Entity, EntityType, Evidence, Mention


@dataclass
class _Draft:
    """An entity being assembled; frozen into ``Entity`` at the end."""

    key: str
    name: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    role: RoleHit | None = None
    role_offset: int = 0  # paragraph start of the role's evidence
    country: str | None = None


def fold(name: str) -> str:
    """Spelling-insensitive key for names: diacritics, case, "Zelenskyy"/"Zelenskiy"."""
    s = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    words = []
    for w in s.split():
        for a, b in (("yy", "y"), ("iy", "y"), ("ii", "i")):
            if w.endswith(a):
                w = w[: -len(a)] + b
        words.append(w)
    return " ".join(words)


def _ends_with(full: str, part: str) -> bool:
    """Word-wise suffix: "recep tayyip erdogan" ends with "tayyip erdogan"."""
    f, p = full.split(), part.split()
    return f[-len(p) :] == p


def _same_person(full: str, part: str) -> bool:
    """A shorter form of a full name: its suffix ("tayyip erdogan"), or its first and last
    names without the middle ones ("antony blinken" for "antony j. blinken": 5 of the
    peace-processes-state releases named the Secretary both ways, as two people)."""
    f, p = full.split(), part.split()
    return _ends_with(full, part) or (len(p) == 2 < len(f) and (p[0], p[-1]) == (f[0], f[-1]))


def _name_tokens(ent: Span) -> Span:
    """The span without honorifics, titles, a leading "the" or a trailing possessive."""
    words = role_words()
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end - 1 and (
        doc[start].tag_ == "POS"
        or doc[start].is_punct
        or doc[start].lower_ in words["honorifics"]
        or doc[start].lower_ in words["titles"]
        or doc[start].lower_ == "the"
    ):
        start += 1
    while end > start + 1 and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")
    ):
        end -= 1
    return doc[start:end]


def _ruler_id(name: Span) -> str | None:
    """The known actor the ruler matched, when its match is the whole name: in "Dmitry
    Patrushev" the ruler's "Patrushev" (Nikolai Patrushev's alias) names someone else."""
    ids = {t.ent_id_ for t in name}
    if len(ids) == 1 and "" not in ids:
        return str(next(iter(ids)))
    return None


class _Collector:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.drafts: dict[str, _Draft] = {}
        # person mentions whose canonical name is decided once all full names are known
        self.people: list[tuple[str, str | None, Mention, Span, int]] = []
        self.role_spans: list[tuple[str, Span, int]] = []
        self.short: list[tuple[Span, int]] = []
        self.maybe_people: list[tuple[Span, int]] = []
        self.lower_words = frozenset(
            w for w in doc.body.text.split() if w.islower() and w.isalpha()
        )
        # "from Bankova" where the text also writes "Bankova Street": a street standing for
        # the office on it (a Zelensky address in the lead's unseen sample), no organisation
        self.streets = frozenset(_STREET.findall(doc.body.text))

    def draft(self, key: str, name: str, etype: EntityType) -> _Draft:
        d = self.drafts.get(key)
        if d is None:
            d = self.drafts[key] = _Draft(key, name, etype)
        return d

    def mention(self, span: Span, offset: int) -> Mention:
        start, end = token_offsets(offset, span)
        return Mention(self.doc.body.text[start:end], start, end)

    def add(self, ent: Span, offset: int) -> None:
        label = ent.label_
        if label == "PERSON":
            name = _name_tokens(ent)
            if is_acronym(ent, name):
                self._org(name, offset)  # "HRC": an organisation's initials (notpeople.py)
            elif is_fragment(name) or is_located(ent, name):
                return  # "Nagorno" of "Nagorno-Karabakh", "in Sheikh Jarrah"
            elif plausible_person(name, self.lower_words):
                self.add_person(name, offset)
        elif label == "ORG":
            name = _name_tokens(ent)
            known = name.root.ent_id_ or alias_index().get(name.text)
            if (
                not known
                and len(name) > 1
                and (has_person_apposition(name.root) or is_called_on(name.root))
            ):
                self.add_person(name, offset)  # "X Y, the Personal Envoy,": a person
            elif known or plausible_org(name):
                self._org(name, offset)
        elif label == "GPE":
            text = ent.text.removeprefix("the ")
            iso = country_names().get(text)
            name = _name_tokens(ent)
            if iso is None and len(name) > 1 and has_person_apposition(name.root):
                # "according to Tete Antonio, Angola's Foreign Minister": the model took the
                # name for a place (Tete, Mozambique); the role in apposition says a person
                self.add_person(name, offset)
                return
            if iso is not None:
                d = self.draft(f"STATE:{iso}", canonical_country_name()[iso], "STATE")
                d.country = iso
                d.mentions.append(self.mention(ent, offset))

    def add_person(self, name: Span, offset: int) -> None:
        canonical = alias_index().get(name.text) or _ruler_id(name)
        self.people.append((name.text, canonical, self.mention(name, offset), name, offset))

    def _org(self, name: Span, offset: int) -> None:
        if len(name) == 1 and name.text in self.streets:
            return
        canonical = name.root.ent_id_ or alias_index().get(name.text)
        if canonical is None and name.text in short_aliases():
            self.short.append((name, offset))  # decided once the full names are known
            return
        if canonical is None and len(name) == 1 and name.root.is_title:
            # The model often tags a lone surname or first name ORG ("Medinsky said"); it is
            # a person when a person in the document has that name (decided in resolve_people).
            self.maybe_people.append((name, offset))
            return
        known = known_actors().get(canonical) if canonical else None
        if known is not None and known.type == "PERSON":
            # a known person the model tagged ORG ("Zelenskyy's office" -> ORG "Zelenskyy")
            self.people.append((name.text, known.name, self.mention(name, offset), name, offset))
            return
        if known is not None:
            d = self.draft(known.name, known.name, known.type)  # type: ignore[arg-type]
        else:
            d = self.draft("ORG:" + fold(name.text), name.text, "ORG")
        d.mentions.append(self.mention(name, offset))
        self.role_spans.append((d.key, name, offset))

    def _join_written(self) -> None:
        """A surname the actor base renames joins the full form the text writes: "Blinken"
        (known as "Antony Blinken") is the text's "Antony J. Blinken", not a second person;
        two records of one Secretary came out in 2 of 6 unseen State releases (lead's
        sample). The written form wins, as readers and annotations expect it."""
        written: dict[str, set[str]] = {}  # folded last token -> full names as written
        for text, canonical, *_ in self.people:
            if " " in text and canonical in (None, text):
                written.setdefault(fold(text).split()[-1], set()).add(text)
        for i, (text, canonical, *rest) in enumerate(self.people):
            if canonical is None or canonical == text:
                continue
            folded = fold(canonical)
            forms = written.get(folded.split()[-1], set()) - {canonical}
            fits = [w for w in forms if _same_person(fold(w), folded)]
            if len(fits) == 1:
                self.people[i] = (text, fits[0], *rest)  # type: ignore[assignment]

    def resolve_people(self) -> None:
        """Give every person mention its canonical name (longest full name ending with it)."""
        self._join_written()
        longest: dict[str, tuple[str, str | None]] = {}  # folded last token -> (name, known)
        firsts: dict[str, set[tuple[str, str | None]]] = {}  # folded first name -> full names
        for text, canonical, *_ in self.people:
            if canonical is not None:
                text = canonical
            words = fold(text).split()
            best = longest.get(words[-1])
            if best is None or len(text.split()) > len(best[0].split()):
                longest[words[-1]] = (text, canonical)
            if len(words) > 1:
                firsts.setdefault(words[0], set()).add((text, canonical))
        for name, offset in self.maybe_people:
            folded = fold(name.text)
            full = longest.get(folded)
            if (full is not None and len(full[0].split()) > 1) or len(firsts.get(folded, ())) == 1:
                self.people.append((name.text, None, self.mention(name, offset), name, offset))
            else:
                d = self.draft("ORG:" + folded, name.text, "ORG")
                d.mentions.append(self.mention(name, offset))
                self.role_spans.append((d.key, name, offset))
        for text, canonical, mention, span, offset in self.people:
            if canonical is None:
                folded = fold(text)
                full = longest.get(folded.split()[-1])
                # "Tayyip Erdogan" and "Erdogan" join "Recep Tayyip Erdogan"; "John Smith" does
                # not join "Jane Smith".
                longer = full is not None and len(full[0].split()) > len(text.split())
                if full is not None and longer and _same_person(fold(full[0]), folded):
                    text, canonical = full
                elif not longer and " " not in folded and len(firsts.get(folded, ())) == 1:
                    # "Thank you, Boris": a lone first name that only one person in the text has
                    text, canonical = next(iter(firsts[folded]))
            key = canonical or text
            d = self.draft("PERSON:" + fold(key), key, "PERSON")
            d.mentions.append(mention)
            self.role_spans.append((d.key, span, offset))

    def add_short_aliases(self) -> None:
        """The short form "the Times" is The New York Times only when the document names it."""
        present = {d.name for d in self.drafts.values() if d.type == "OUTLET"}
        wanted: dict[str, str] = {}
        for form, names in short_aliases().items():
            named = [n for n in names if n in present]
            if len(named) == 1:
                wanted[form] = named[0]
        for name, offset in self.short:
            if name.text in wanted:
                self.drafts[wanted[name.text]].mentions.append(self.mention(name, offset))
            else:
                d = self.draft("ORG:" + fold(name.text), name.text, "ORG")
                d.mentions.append(self.mention(name, offset))
        if not wanted:
            return
        taken = {(m.start, m.end) for d in self.drafts.values() for m in d.mentions}
        for par, parsed in zip(self.doc.body.paragraphs, self.doc.parses, strict=True):
            for tok in parsed:
                if tok.text in wanted and tok.i > 0 and tok.nbor(-1).lower_ == "the":
                    m = self.mention(parsed[tok.i : tok.i + 1], par.start)
                    if (m.start, m.end) not in taken:
                        self.drafts[wanted[tok.text]].mentions.append(m)


def _country_of(hit: RoleHit, offset: int, country_at: Callable[[int], str | None]) -> str | None:
    """The first country the role names: a demonym, a country or place, a known person. A
    country after "for" is the office's portfolio ("Special Envoy for Yemen", "Special
    Representative for Afghanistan Reconciliation"), not the holder's country, up to an "of"
    that names the appointing state again ("Minister for Foreign Affairs of Ukraine"); then
    the country or organisation right before the role appoints the holder ("U.S. [Special
    Representative for ...]")."""
    portfolio = False
    for tok in hit.tokens:
        if tok.lower_ in ("for", "on", "of"):
            portfolio = tok.lower_ in ("for", "on")  # "UN Special Envoy on Myanmar"
        elif not portfolio and (found := _token_country(tok, offset, country_at)):
            return found
    first = hit.tokens[0]
    if first.i > 0 and first.nbor(-1).ent_type_ in ("GPE", "NORP", "ORG"):
        return _token_country(first.nbor(-1), offset, country_at)
    return None


def _token_country(tok: Token, offset: int, country_at: Callable[[int], str | None]) -> str | None:
    dem, countries, places = demonyms(), country_names(), place_countries()
    if tok.lower_ in dem:
        return dem[tok.lower_]
    if tok.ent_type_ == "GPE":
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        text = ent.text if ent is not None else tok.text
        if text in countries:
            return countries[text]
        ccs = places.get(text, ())
        if len(ccs) == 1:
            return ccs[0]
    if tok.ent_type_ in ("PERSON", "ORG"):
        return country_at(offset + tok.idx)
    return None


# "The below is attributable to Spokesperson Ned Price:" opens State Department readouts: the
# text speaks for the Department, and the spokesperson it is attributed to takes no part in
# the calls and meetings it reports (his title there made him one of "both leaders" of four
# calls, as the actors stage takes the two people with a role).
_ATTRIBUTION = re.compile(
    r"(?:the )?(?:following|below)(?: statement)? is attributable to [^\n:]{3,80}:\s*$", re.I
)


_STREET = re.compile(rf"\b([A-Z][a-z]+) (?:{'|'.join(STREET_WORDS)})\b")


def extract_entities(doc: Document) -> Document:
    col = _Collector(doc)
    groups: list[tuple[Group, int]] = []
    attributed: set[int] = set()  # paragraph starts of attribution lines
    for par, parsed in zip(doc.body.paragraphs, doc.parses, strict=True):
        if _ATTRIBUTION.match(doc.body.text, par.start, par.end):
            attributed.add(par.start)
        for ent in with_surnames(parsed.ents):
            col.add(ent, par.start)
        for span in untagged_orgs(parsed):
            col._org(span, par.start)
        for span in untagged_people(parsed):
            col.add_person(span, par.start)
        groups.extend((g, par.start) for g in find_groups(parsed))
    col.resolve_people()
    # The attributed voice keeps its entity (the release names him), but the line's title is
    # no role in the events the text reports: "both leaders" and "the Spokesperson said" are
    # resolved among the people with a role (actors stage), and he is none of them.
    col.role_spans = [r for r in col.role_spans if r[2] not in attributed]
    _label_people(doc, col)
    col.add_short_aliases()
    for g, offset in groups:
        d = col.draft("GROUP:" + g.name.lower(), g.name, "GROUP")
        d.country = g.country
        d.mentions.append(col.mention(g.span, offset))
    _add_roles(col)
    return replace(doc, entities=with_aliases(doc.body.text, _freeze(doc, col)))


def _label_people(doc: Document, col: _Collector) -> None:
    """ "MR PRICE:" is a mention of the release's Price, else of its publisher's spokesperson
    of that name (labels.py)."""
    for surname, mention in labels(doc):
        folded = fold(surname)
        draft = next(
            (
                d
                for d in col.drafts.values()
                if d.type == "PERSON" and fold(d.name).split()[-1] == folded
            ),
            None,
        )
        if draft is None:
            name = headline_name(doc, surname) or spokesperson(doc, surname)
            if name is None:
                continue
            draft = col.draft("PERSON:" + fold(name), name, "PERSON")
        draft.mentions.append(mention)


def _add_roles(col: _Collector) -> None:
    """First role per entity in text order, then countries (role first, actor list second)."""
    by_key = col.drafts
    for key, span, offset in sorted(col.role_spans, key=lambda r: r[2] + r[1].start_char):
        d = by_key[key]
        if d.role is None:
            hit = find_role(span, "PERSON" if d.type == "PERSON" else "ORG")
            if hit is not None:
                d.role, d.role_offset = hit, offset
    # An organisation the text calls a news agency, newspaper or broadcaster is an outlet even
    # when the outlet list does not know it ("the Example Daily newspaper").
    outlet_nouns = role_words()["outlet_nouns"]
    for d in by_key.values():
        if d.type == "ORG" and d.role is not None and d.role.tokens[-1].lower_ in outlet_nouns:
            d.type = "OUTLET"
    known = known_actors()
    for d in by_key.values():
        if d.country is None and d.name in known:
            d.country = known[d.name].country
    # Roles that name another entity ("an aide to X") take that entity's country.
    spans = sorted(
        (m.start, m.end, d.country) for d in by_key.values() for m in d.mentions if d.country
    )
    starts = [s[0] for s in spans]

    def country_at(pos: int) -> str | None:
        j = bisect_right(starts, pos) - 1
        return spans[j][2] if j >= 0 and spans[j][1] > pos else None

    for d in by_key.values():
        if d.type in ("STATE", "GROUP"):
            continue
        if d.role is not None:
            d.country = _country_of(d.role, d.role_offset, country_at) or d.country
        if d.country is None and d.type == "ORG":
            d.country = _name_country(d.name)


def _name_country(name: str) -> str | None:
    """An organisation named after its country ("Russian Defence Ministry")."""
    dem, countries = demonyms(), country_names()
    for word in name.replace("'s", "").split():
        if word.lower() in dem:
            return dem[word.lower()]
        if word in countries:
            return countries[word]
    return None


def _freeze(doc: Document, col: _Collector) -> tuple[Entity, ...]:
    drafts = [d for d in col.drafts.values() if d.mentions]
    for d in drafts:
        d.mentions = sorted(set(d.mentions), key=lambda m: (m.start, m.end))
    drafts.sort(key=lambda d: d.mentions[0].start)
    out = []
    for i, d in enumerate(drafts, start=1):
        role = evidence = None
        if d.role is not None:
            role = d.role.text
            evidence = _evidence(doc, d.role, d.role_offset)
        out.append(
            Entity(
                id=f"E{i}",
                name=d.name,
                type=d.type,
                mentions=tuple(d.mentions),
                role=role,
                role_evidence=evidence,
                country=d.country,
            )
        )
    return tuple(out)


def _evidence(doc: Document, hit: RoleHit, offset: int) -> Evidence:
    return evidence_span(doc.body.text, offset + hit.start, offset + hit.end)
