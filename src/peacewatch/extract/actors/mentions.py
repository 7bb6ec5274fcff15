"""What kind of reference an actor mention is: a name, a pronoun, a bare title or a pair.

"we", "the President", "the two sides" name no one by themselves; ``classify`` says which
rule of ``resolve`` applies. The word lists are the closed classes of English pronouns plus
the role nouns of ``roles.json``; nothing here is specific to one conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from peacewatch.lexicons import role_words

Reference = Literal[
    "own_government",
    "generic",
    "name",
    "first_singular",
    "first_plural",
    "third_person",
    "it",
    "they",
    "title",
    "pair",
    "armed",
]

FIRST_SINGULAR = frozenset({"i", "me", "my", "myself"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ourselves"})
THIRD_PERSON = frozenset({"he", "him", "his", "she", "her"})
# "it" is left unresolved: in releases it is mostly the dummy subject ("it would be
# worthwhile"), and resolving it to the nearest organisation was wrong in 1 of 1 sampled cases.
IT = frozenset({"it", "its", "this", "that"})
THEY = frozenset({"they", "them", "their", "these", "those"})
# No referent of their own: the addressee, a relative pronoun whose antecedent the event
# coder did not keep, and quantifiers. Never actors.
GENERIC = frozenset(
    {
        "you",
        "your",
        "who",
        "whom",
        "which",
        "everyone",
        "everybody",
        "all",
        "others",
        "other",
        "one",
        "someone",
        "somebody",
        "nobody",
        "no one",
        "anyone",
        "each",
        "both",
        "many",
        "some",
        "time",
        "war",
    }
)
# "the Government" / "the Administration" in an official release: the issuer's own.
OWN_GOVERNMENT = frozenset({"government", "administration", "authorities", "leadership"})
# "our country", "our side": the speaker's own state, as "we" is.
OWN = frozenset({"country", "state", "side", "government", "nation", "team", "delegation"})
# "our army", "our representatives": a group of the speaker's own state, resolved as "we" is.
# Nouns seen after "our" in the unresolved event actors of official-2022 and
# peace-processes-state (issue 14 sample); "our partners", "our actions", "our two countries"
# name others or no one and stay unresolved.
OWN_GROUP = frozenset(
    {
        "army",
        "military",
        "forces",
        "troops",
        "soldiers",
        "defenders",
        "heroes",
        "men",
        "representatives",
        "negotiators",
        "delegation",
        "diplomats",
        "people",
        "citizens",
        "embassies",
        "embassy",
        "servicemen",
        "military personnel",
    }
)
# "the rebels", "the militant group": a description of an armed group, resolved to the armed
# group the text names (issue 14 names "the militant group" and "the rebels" as references an
# analyst expects resolved). The nouns are the armed-actor words of PLOVER's "rebel" sector
# (lexicons/plover_actors.json) and their "group" forms; "the group" and "the movement" alone
# count only when the group before them is armed (stage.Resolver._armed).
ARMED = frozenset(
    {
        "rebels",
        "rebel group",
        "rebel forces",
        "rebel movement",
        "militants",
        "militant group",
        "insurgents",
        "insurgent group",
        "armed group",
        "militia",
        "militias",
        "guerrillas",
        "guerrilla group",
        "separatists",
        "fighters",
        "paramilitaries",
        "paramilitary group",
        "paramilitary forces",
    }
)
ARMED_ANAPHOR = frozenset({"group", "movement"})
# "the Iran-aligned movement", "the Rwandan-backed rebels": a modifier that ties the group to
# a sponsor describes it and names no other actor.
_SPONSORED = re.compile(r"^[A-Z][\w.]*-(?:aligned|backed|led|allied|supported|affiliated)$")


def _armed_description(words: list[str]) -> bool:
    """Armed-group nouns after lower-case or sponsor modifiers: "rebels", "the armed group",
    "the Iran-aligned movement"; a capitalised word in front names the group ("M23 rebels")
    and is left to the actor base."""
    low = [w.lower() for w in words]
    for n in (2, 1):
        if len(low) >= n and " ".join(low[-n:]) in (ARMED | ARMED_ANAPHOR):
            mods = words[:-n]
            return len(mods) <= 2 and all(m.islower() or _SPONSORED.match(m) for m in mods)
    return False


# Words a common noun phrase may start with in sentence position: "The first thing",
# "Some officials". A mention that is such a phrase and matches no actor names no one.
DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "some",
        "many",
        "most",
        "several",
        "other",
        "others",
        "each",
        "every",
        "any",
        "no",
        "such",
        "this",
        "these",
        "those",
        "that",
        "all",
        "both",
        "few",
        "more",
        "what",
        "whose",
        "which",
        "how",
    }
)
# "the two leaders", "both sides": the two principal actors of the kind the noun names.
# "all parties" is not a pair: a truce declaration's "all parties" are however many there are,
# and reading it as the two most-named states put the U.S. among Ethiopia's warring parties.
PAIR = re.compile(
    r"^(?:both|the two|the|two)\s+"
    r"(?:(?:heads of state|leaders|presidents|ministers|foreign ministers|prime ministers"
    r"|sides|parties|countries|delegations|governments)"
    r"|(?:sides|parties|countries|delegations))$"
)
PEOPLE_PAIR = frozenset(
    {"heads of state", "leaders", "presidents", "ministers", "foreign ministers", "prime ministers"}
)
# Words a title is made of besides role nouns: "Head of the President's Office".
TITLE_GLUE = frozenset(
    {"of", "the", "to", "for", "and", "'s", "office", "state", "affairs", "foreign"}
)


@dataclass(frozen=True, slots=True)
class Classified:
    reference: Reference
    words: tuple[str, ...]  # the lower-cased words, without a leading "the"
    people: bool = False  # for "pair": people (leaders) rather than states (sides)
    explicit_two: bool = False  # "the two sides", "both leaders": the text says there are two


def _words(text: str) -> tuple[str, ...]:
    text = text.replace("’", "'").replace("'s", " 's").lower().strip()
    return tuple(text.split())


def is_title(words: tuple[str, ...]) -> bool:
    """Only role nouns, role modifiers and glue words: "the Head of State", "Adviser"."""
    if not words:
        return False
    rw = role_words()
    nouns = rw["role_nouns"] | {t.lower() for t in rw["titles"]}
    mods = rw["role_modifiers"]
    content = [w for w in words if w not in TITLE_GLUE]
    return (
        bool(content)
        and all(w in nouns or w in mods for w in content)
        and any(w in nouns for w in content)
    )


def classify(text: str) -> Classified:
    words = _words(text)
    bare = words[1:] if words[:1] == ("the",) else words
    one = " ".join(words)
    if one in FIRST_SINGULAR:
        return Classified("first_singular", bare)
    if one in FIRST_PLURAL or (len(words) == 2 and words[0] == "our" and words[1] in OWN):
        return Classified("first_plural", bare)
    if len(words) >= 2 and words[0] == "our":
        own = words[-1] in OWN_GROUP or " ".join(words[-2:]) in OWN_GROUP
        return Classified("first_plural" if own else "generic", bare)
    if one in THIRD_PERSON:
        return Classified("third_person", bare)
    if one in IT:
        return Classified("it", bare)
    if one in THEY:
        return Classified("they", bare)
    if one in GENERIC:
        return Classified("generic", bare)
    if words[:1] == ("the",) and _armed_description(text.split()[1:]):
        return Classified("armed", bare)
    if words[:1] == ("the",) and " ".join(bare) in OWN_GOVERNMENT:
        return Classified("own_government", bare)
    if words[:1] == ("all",) and PAIR.match("the " + " ".join(words[1:])):
        return Classified("generic", bare)  # "all parties": an open number, kept unresolved
    m = PAIR.match(one)
    if m:
        noun = one.split(maxsplit=1)[1] if one.split()[0] in ("both", "two", "the") else one
        noun = noun.removeprefix("two ")
        two = one.split()[0] in ("both", "two") or one.startswith("the two ")
        return Classified("pair", bare, people=noun in PEOPLE_PAIR, explicit_two=two)
    if is_title(bare):
        return Classified("title", bare)
    return Classified("name", bare)


def is_common_phrase(text: str) -> bool:
    """A common noun phrase, not a name: "the first thing", "civilians", "The prices".

    Nothing after the first word is capitalised, and the first word is lower-case or a
    determiner; a capitalised single word ("Mariupol", "Lenderking") may be a name and is kept.
    """
    words = text.split()
    if not words or not any(ch.isalpha() for ch in text):
        return True
    if any(w[:1].isupper() for w in words[1:]):
        return False
    return words[0][:1].islower() or words[0].lower() in DETERMINERS


def title_matches(title: tuple[str, ...], role: str) -> bool:
    """Does a bare title ("the Head of State", "Adviser") fit an entity's role?

    Every content word of the title is in the role, and the first content words agree:
    "the Secretary" fits "Secretary of State" but not "Deputy Secretary"; "Head of the
    President's Office" fits "Head of the Office of the President".
    """
    role_words_ = _words(role)
    content = [w for w in title if w not in TITLE_GLUE]
    role_content = [w for w in role_words_ if w not in TITLE_GLUE]
    if not content or not role_content:
        return False
    synonyms = {"head of state": "president"}
    joined = " ".join(title)
    if joined in synonyms:
        content = [synonyms[joined]]
    return content[0] == role_content[0] and set(content) <= set(role_content)
