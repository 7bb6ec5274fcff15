"""Who said it, through which outlet, and when: speaker, relay and date of an attribution.

Speakers come from the parse (the subject of the cue verb, or the object of "according to"),
and are resolved to the canonical entities of ``doc.entities`` by mention overlap and surname.
A pronoun is resolved to the nearest earlier sentence subject naming a person; anything we cannot
resolve stays ``None`` (a wrong speaker is worse than none).
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Token

from peacewatch.extract.quotes.base import FoundQuote, How, QuoteContext
from peacewatch.extract.quotes.bodies import resolve_it
from peacewatch.lexicons import role_words
from peacewatch.parse.syntax import surname, token_offsets
from peacewatch.records import Entity, Relay, Speaker

# The word sets below are closed-class grammar (determiners, pronouns, prepositions), part of
# the rules that read the parse rather than vocabulary to extend, so they stay in code; the
# open-class cue verbs and outlets are data (lexicons/reporting.json).
_SUBJ = frozenset({"nsubj", "nsubjpass"})
# Determiners and quantifiers left out of an unnamed speaker's label ("some officials").
_DROP_DETS = frozenset(
    {"the", "a", "an", "some", "several", "two", "three", "many", "other", "another"}
)
# Pronouns that never name a resolvable speaker here ("I" inside a quote is the quote's own
# speaker, "it"/"this" are not people; "they"/"we" are left unresolved: no plural coreference).
_NO_SPEAKER = frozenset({"it", "this", "that", "which", "who", "i", "we", "you", "they", "there"})
_FIRST_PERSON = frozenset({"i", "we"})
# A pronoun more than this many paragraphs after its antecedent is left unresolved: news
# paragraphs are one to three sentences, and further back the nearest person subject is more
# often someone else. Not measured (PolNeAR scores the pronoun span, not its antecedent); on the
# reference article and the official-2022 sample checked by hand, the "he said" antecedents seen
# were within two paragraphs. Unknown beats a wrong speaker.
_PRONOUN_REACH = 3


def cue_subject(verb: Token) -> Token | None:
    """The subject token of a cue verb, looking through coordination ("said ... and added").

    Not ``parse.syntax.subject_of``, on purpose: a cue takes only an ``nsubj``/``nsubjpass``
    (never a ``csubj``), looks through one ``conj``/``xcomp``/``advcl`` link only, and stands a
    relative pronoun for the noun it modifies ("The mayor, who warned ..."). The general
    helper climbs six links (``acomp``, ``oprd`` too), which would give "he said" clauses the
    subject of a distant governing verb and change the quotes the stage finds.
    """
    for child in verb.children:
        if child.dep_ in _SUBJ:
            # "The mayor, who warned …": the relative pronoun stands for the noun it modifies.
            if child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                return verb.head
            return child
    if verb.dep_ in {"conj", "xcomp", "advcl"} and verb.head is not verb:
        for child in verb.head.children:
            if child.dep_ in _SUBJ:
                return child
    return None


def phrase_tokens(head: Token) -> list[Token]:
    """The subject phrase minus appositions, relative clauses and parentheticals."""
    skip = {"appos", "relcl", "acl", "punct", "cc", "conj", "advmod", "prep"}
    toks = [head]
    for child in head.children:
        if child.dep_ in skip and not (child.dep_ == "prep" and child.i > head.i):
            continue
        if child.dep_ == "prep" and child.i > head.i and head.pos_ == "PROPN":
            continue
        toks.extend(child.subtree)
    return sorted(toks, key=lambda t: t.i)


def _person_entity(ctx: QuoteContext, entities: list[Entity]) -> Entity | None:
    people = [e for e in entities if e.type == "PERSON"]
    if not people:
        return None
    # The fullest name that shares the surname: "Doe" and "Jane Doe" may still be
    # two entities while the entity stage learns to merge them.
    first = best = people[0]
    for e in ctx.doc.entities:
        if (
            e.type == "PERSON"
            and _same_surname(e.name, first.name)
            and len(e.name) > len(best.name)
        ):
            best = e
    return best


def _same_surname(a: str, b: str) -> bool:
    """Whether two names share a surname: ``syntax.surname`` agrees, and so do their last words
    as written, punctuation included.

    The second test keeps an NER span with punctuation glued to the name apart from the name:
    "Vladimir Putin:" (a Kremlin transcript's speaker label, official-2022) is debris, not a
    fuller form of "Vladimir Putin", and ``syntax.surname`` alone (which drops the colon) made it
    the speaker of two quotes. The quote stage compared whole last words before the syntax layer
    existed; this keeps that output.
    """
    last_a, last_b = a.split()[-1:], b.split()[-1:]
    return surname(a) == surname(b) and [w.lower() for w in last_a] == [w.lower() for w in last_b]


def speaker_from_phrase(ctx: QuoteContext, para: int, head: Token) -> tuple[Speaker | None, How]:
    """Speaker for a subject head token; the second value says how it was resolved.

    A pronoun resolves to an earlier person subject; any other head to the entity it mentions
    (a person first), and failing that to what the phrase itself says (``_unlinked_speaker``).
    """
    p0 = ctx.para_start(para)
    low = head.text.lower()
    if head.pos_ == "PRON" or low in _NO_SPEAKER:
        if low in ctx.lex.pronouns:
            return resolve_pronoun(ctx, para, p0 + head.idx), "pronoun"
        if low == "it" and head.dep_ == "nsubj":
            body = resolve_it(ctx, para, p0 + head.idx, _PRONOUN_REACH)
            return body, "pronoun" if body is not None else "generic"
        if low in _FIRST_PERSON:
            # "I" / "we" outside quotation marks: the issuer's principal / state in an official
            # release, resolved by the actors stage; nobody elsewhere.
            return Speaker(head.text), "pronoun"
        return None, "generic"
    # An apposition naming a person is the speaker: "his spokesman, Dmitry Peskov, said".
    if head.pos_ != "PROPN":
        head = next(
            (c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None
        ) or (_appos_of_object(head) or head)
    ents = ctx.entities_at(*token_offsets(p0, [head]))
    if ents:
        person = _person_entity(ctx, ents)
        found = person if person is not None else ents[0]
        return Speaker(found.name, found.id), "subject"
    return _unlinked_speaker(ctx, p0, head), "subject"


def _appos_of_object(head: Token) -> Token | None:
    """ "The head of the Arab League, Ahmed Aboul Gheit, said": the parser hangs the person's
    apposition on the object of the title's "of" phrase, not on the title. A person's name set
    off by commas right after a role noun's phrase is the role's holder."""
    if head.lower_ not in role_words()["role_nouns"]:
        return None
    for prep in head.children:
        if prep.dep_ != "prep" or prep.i < head.i:
            continue
        for obj in prep.children:
            for c in obj.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
                    return c
    return None


def _unlinked_speaker(ctx: QuoteContext, p0: int, head: Token) -> Speaker | None:
    """Speaker for a subject head that mentions no entity, from the phrase itself: a title
    ending in a name, a title alone, a proper name, a role one person holds, else the label."""
    if head.is_title:
        # "Head of the Office of the President Andriy Yermak": a capitalised title whose phrase
        # ends in a name. Lower-case heads ("an aide to the president", "a spokesman for X") are
        # roles of someone else and never take the name inside them.
        titled = _titled_name(ctx, p0, head)
        if titled is not None:
            return Speaker(titled.name, titled.id)
    # "the Head of State": the NER may take "the Head" for a name, but a role noun with its
    # "of" phrase is a title, which the actors stage resolves to its holder.
    is_role = head.lower_ in role_words()["role_nouns"]
    if (head.ent_type_ == "" or is_role) and any(c.dep_ == "prep" for c in head.children):
        return _title_speaker(ctx, p0, head)
    toks = phrase_tokens(head)
    if head.pos_ == "PROPN" or head.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return _name_speaker(ctx, p0, head, toks)
    start, end = token_offsets(p0, toks)
    role = _role_holder(ctx, ctx.text[start:end])
    if role is not None:
        return Speaker(role.name, role.id)
    # A group or an unnamed official: keep the label as written, minus determiners.
    words = [t for t in toks if t.lower_ not in _DROP_DETS and t.dep_ != "det"]
    if not words:
        return None
    s, e = token_offsets(p0, words)
    return Speaker(ctx.text[s:e], None)


def _title_speaker(ctx: QuoteContext, p0: int, head: Token) -> Speaker:
    """A title with no name ("the Head of the President's Office"): the person who holds it,
    else the whole title as written."""
    cut = {"conj", "cc", "relcl", "acl", "appos", "punct", "det"}
    drop = {t.i for c in head.children if c.dep_ in cut for t in c.subtree}
    full = [t for t in head.subtree if t.i not in drop]
    s, e = token_offsets(p0, full)
    role = _role_holder(ctx, ctx.text[s:e])
    if role is not None:
        return Speaker(role.name, role.id)
    return Speaker(ctx.text[s:e], None)


def _name_speaker(ctx: QuoteContext, p0: int, head: Token, toks: list[Token]) -> Speaker:
    """A name the entity stage did not link here: the document's person with that surname,
    else the name's words as written."""
    names = [t for t in toks if t.pos_ == "PROPN" or t.ent_type_]
    if [t.lower_ for t in names] == [head.lower_] and head.lower_ in role_words()["org_nouns"]:
        # "The Administration welcomes …": a capitalised common noun names no one by itself;
        # with its article it is the speaker's own government (the actors stage resolves
        # "the Administration" to the issuer's state), without it it would read as a name.
        names = [t for t in toks if t.dep_ == "det" and t.lower_ == "the"][:1] + names
    s, e = token_offsets(p0, names or [head])
    name = ctx.text[s:e]
    if head.ent_type_ == "PERSON" or head.pos_ == "PROPN":
        for e2 in ctx.doc.entities:
            if e2.type == "PERSON" and _same_surname(e2.name, name):
                return Speaker(e2.name, e2.id)
    return Speaker(name, None)


def _titled_name(ctx: QuoteContext, p0: int, head: Token) -> Entity | None:
    sub = [t for t in head.subtree if t.i >= head.i]
    people = [t for t in sub if t.ent_type_ == "PERSON"]
    if not people:
        return None
    first = people[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is None or before.pos_ == "ADP" or not before.is_title:
        return None
    span = token_offsets(p0, people)
    return _person_entity(ctx, ctx.entities_at(*span))


def _role_holder(ctx: QuoteContext, phrase: str) -> Entity | None:
    """The one person whose role is this phrase ("an adviser to the minister" -> the adviser)."""
    words = [w for w in phrase.lower().split() if w not in _DROP_DETS]
    if len(words) < 2:
        return None
    core = " ".join(words)
    hits = [e for e in ctx.doc.entities if e.type == "PERSON" and e.role and e.role.lower() == core]
    return hits[0] if len(hits) == 1 else None


def person_subjects(ctx: QuoteContext) -> list[tuple[int, Speaker]]:
    """(offset, speaker) of each sentence subject naming a person, outside quotation marks."""
    out: list[tuple[int, Speaker]] = []
    for i, parsed in enumerate(ctx.doc.parses):
        p0 = ctx.para_start(i)
        subjects = [t for t in parsed if t.dep_ in _SUBJ] + _cue_agents(ctx, parsed)
        for tok in sorted(subjects, key=lambda t: t.i):
            # The tagger reads a sentence-initial surname that is also a word as a noun
            # ("Trump, writing on social media, has urged"); the NER still tags it PERSON.
            if tok.pos_ != "PROPN" and tok.ent_type_ != "PERSON":
                # "Azerbaijan's foreign minister, Jeyhun Bayramov, said": the subject is the
                # title noun and the name its apposition; a later "he" means that person.
                named = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
                if not named:
                    continue
                tok = named[0]
            start = p0 + tok.idx
            if ctx.in_segment(i, start, start + len(tok.text)):
                continue
            ents = ctx.entities_at(start, start + len(tok.text))
            person = _person_entity(ctx, ents)
            if person is not None:
                out.append((start, Speaker(person.name, person.id)))
            elif not ents and tok.ent_type_ == "PERSON":
                s, e = token_offsets(p0, [t for t in phrase_tokens(tok) if t.ent_type_ == "PERSON"])
                out.append((start, Speaker(ctx.text[s:e], None)))
    return out


# How many tokens of title may stand between "by" and the name: "by Adviser to the Head of
# the President's Office Mykhailo Podoliak" (11).
_AGENT_REACH = 16


def _cue_agents(ctx: QuoteContext, parsed: Doc) -> list[Token]:
    """The person named as the agent of a passive cue: "This was stated by Adviser to the Head
    of the Office Mykhailo Podoliak" (a later "he said" is Podoliak). The parser often hangs the
    name under the title's "of" phrase, so the name is the first person token after "by",
    before a comma or a verb."""
    out = []
    for by in parsed:
        if by.dep_ != "agent" or not ctx.lex.is_cue(by.head.lemma_.lower()):
            continue
        for tok in parsed[by.i + 1 : by.i + 1 + _AGENT_REACH]:
            if tok.ent_type_ == "PERSON":
                out.append(tok)
                break
            if tok.pos_ in {"VERB", "AUX"} or tok.text in {",", ".", ";", ":"}:
                break
    return out


def resolve_pronoun(ctx: QuoteContext, para: int, offset: int) -> Speaker | None:
    """The nearest earlier person subject within reach, else None."""
    subjects = ctx.person_subjects
    k = bisect.bisect_left([s for s, _ in subjects], offset)
    if k == 0:
        return None
    start, speaker = subjects[k - 1]
    lo = ctx.para_start(max(0, para - _PRONOUN_REACH + 1))
    return speaker if start >= lo else None


# --- relays -------------------------------------------------------------------------------


def outlet_name(ctx: QuoteContext, para: int, head: Token) -> str | None:
    """Canonical outlet name if ``head`` (a noun) names a news outlet, else None."""
    p0 = ctx.para_start(para)
    toks = [t for t in phrase_tokens(head) if t.dep_ != "det" or t.lower_ != "the"]
    if not toks:
        return None
    s, e = token_offsets(p0, toks)
    name = ctx.text[s:e]
    for ent in ctx.entities_at(*token_offsets(p0, [head])):
        if ent.type == "OUTLET":
            return _prefer_seen(ctx, ent.name)
    props = [t for t in toks if t.pos_ == "PROPN"]
    candidates = [name]
    if props:
        ps, pe = token_offsets(p0, props)
        candidates.append(ctx.text[ps:pe])
    for cand in candidates:
        canon = ctx.lex.outlets.get(cand)
        if canon is not None:
            return _prefer_seen(ctx, canon)
    # "the state Xinhua news agency", "the Ukrainska Pravda newspaper": a name before an
    # outlet noun.
    if props and head.lower_ in ctx.lex.outlet_heads:
        ps, pe = token_offsets(p0, props)
        canon = ctx.lex.outlets.get(ctx.text[ps:pe], ctx.text[ps:pe])
        return _prefer_seen(ctx, canon)
    return None


def _prefer_seen(ctx: QuoteContext, canon: str) -> str:
    """A short masthead ("the Times") is the outlet already named in full ("The New York Times")."""
    short = canon.removeprefix("The ").lower()
    for seen in reversed(ctx.outlets_seen):
        if seen != canon and seen.lower().endswith(" " + short):
            return seen
    if canon not in ctx.outlets_seen:
        ctx.outlets_seen.append(canon)
    return canon


def relay_entity(ctx: QuoteContext, name: str) -> str | None:
    for e in ctx.doc.entities:
        if e.name.removeprefix("The ").lower() == name.removeprefix("The ").lower():
            return e.id
    return None


def according_to(verb: Token) -> Token | None:
    """The object of "according to" attached to ``verb``, or None."""
    for child in verb.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            for to in child.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def relay_of(ctx: QuoteContext, para: int, verb: Token) -> Relay | None:
    """The outlet that carried the words: "according to X", "told X", "in an interview with X"."""
    cands: list[Token] = []
    acc = according_to(verb)
    if acc is not None:
        cands.append(acc)
    for child in verb.children:
        if child.dep_ in {"dative", "dobj"}:
            cands.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"to", "with", "on", "in"}:
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                cands.append(obj)
                # "in an interview with X", "in a statement to X"
                for sub in obj.children:
                    if sub.dep_ == "prep" and sub.lower_ in {"with", "to", "on"}:
                        cands.extend(o for o in sub.children if o.dep_ == "pobj")
    for cand in cands:
        name = outlet_name(ctx, para, cand)
        if name is not None:
            return Relay(name, relay_entity(ctx, name))
    return None


def _reporting_outlet(ctx: QuoteContext, para: int, verb: Token) -> Relay | None:
    """ "…, X said, Interfax reported": an outlet reporting the attribution clause itself.

    en_core_web_md hangs the two cues either way round (``said`` as ``parataxis`` of
    ``reported``, or ``reported`` as a ``ccomp`` after ``said``), so both are looked at.
    """
    cands = []
    if verb.dep_ in {"parataxis", "ccomp"} and verb.head is not verb:
        cands.append(verb.head)
    cands.extend(c for c in verb.children if c.dep_ in {"parataxis", "ccomp"} and c.i > verb.i)
    for cand in cands:
        if not ctx.lex.is_cue(cand.lemma_.lower()):
            continue
        subj = next((c for c in cand.children if c.dep_ in _SUBJ), None)
        if subj is None:
            continue
        name = outlet_name(ctx, para, subj)
        if name is not None:
            return Relay(name, relay_entity(ctx, name))
    return None


# --- when said ----------------------------------------------------------------------------

# Temporal prepositions and adverbs on a cue that date it relative to something else.
_TEMPORAL_PREPS = frozenset(
    {"before", "after", "since", "until", "during", "earlier", "previously"}
)


def said_on(
    ctx: QuoteContext, para: int, verb: Token, content: tuple[int, int]
) -> tuple[str | None, bool]:
    """(date, from_text): a day-precise date in the attribution clause, else publication date.

    Only the cue's own modifiers are searched ("said on Sunday evening", "on Friday ... said"),
    never the content, whose dates are about the events reported. A temporal clause without a date
    ("before the talks, X said") makes the date unknown rather than the publication day.
    """
    p0 = ctx.para_start(para)
    spans: list[tuple[int, int]] = []
    vague = False
    for child in verb.children:
        if child.dep_ in {"npadvmod", "prep", "advmod", "obl", "tmod"}:
            s, e = token_offsets(p0, child.subtree)
            if content[0] <= s and e <= content[1]:
                continue
            spans.append((s, e))
            if child.lower_ in _TEMPORAL_PREPS:
                vague = True
    for te in ctx.doc.dates:
        if (
            te.value
            and te.precision == "day"
            and any(s <= te.start and te.end <= e for s, e in spans)
        ):
            return te.value, True
    if vague:
        return None, False
    return ctx.doc.meta.published, False


def source_span(ctx: QuoteContext, para: int, head: Token) -> tuple[int, int]:
    return token_offsets(ctx.para_start(para), phrase_tokens(head))


def set_attribution(
    ctx: QuoteContext, f: FoundQuote, para: int, verb: Token, subj: Token | None
) -> None:
    """Fill speaker, source span, relay, cue and date of ``f`` from its cue verb."""
    p0 = ctx.para_start(para)
    f.cue = token_offsets(p0, [verb])
    f.cue_text = verb.text
    f.relay = relay_of(ctx, para, verb)
    if subj is not None:
        f.source = source_span(ctx, para, subj)
        if verb.dep_ == "relcl" and subj is verb.head:
            # "The mayor, who warned …": the source mention runs from the noun to "who".
            rel = [c for c in verb.children if c.dep_ in _SUBJ]
            if rel:
                f.source = (f.source[0], max(f.source[1], token_offsets(p0, rel)[1]))
        f.speaker, f.how = speaker_from_phrase(ctx, para, subj)
    else:
        acc = according_to(verb)
        if acc is not None:
            f.source = source_span(ctx, para, acc)
            f.speaker, f.how = speaker_from_phrase(ctx, para, acc)
            f.how = "according"
    if f.relay is None and f.speaker is not None:
        f.relay = _reporting_outlet(ctx, para, verb)
    if f.relay is not None and f.speaker is not None and f.relay.name == f.speaker.name:
        f.relay = None
    f.said_on, f.dated = said_on(ctx, para, verb, (f.start, f.end))
