"""Simulated syndication: copies of one story as other outlets republish it.

Used by the dedup tests (on our own fixture texts) and by ``peacewatch eval store`` (on corpus
articles read at run time): a wire story reappears with another headline, photo captions,
newsletter and copyright boilerplate, a paragraph dropped by a shorter edition, and small
wording edits. Each variant combines several of these, so no two are identical.
"""

from __future__ import annotations

OUTLETS = ("WIRE", "DAILY", "GLOBE", "POST", "TIMES", "HERALD", "REVIEW")
BOILERPLATE = (
    "Subscribe to our newsletter for the latest updates.",
    "Copyright 2022. All rights reserved. This material may not be republished.",
    "Read more: live updates from the region.",
    "Photo: delegations at the venue. (Agency photo)",
    "Follow us on social media.",
)
EDITS = (("said", "stated"), ("talks", "negotiations"), ("President", "president"), ("and", "&"))


def _units(text: str) -> list[str]:
    """Sentences, one per unit: some corpus bodies are a single line with no paragraph breaks,
    so sentences (not paragraphs) are what a shorter edition drops and boilerplate sits
    between. Whitespace does not matter to the dedup shingles, so the re-layout is neutral."""
    out = []
    for para in text.split("\n\n"):
        sentences = [s.strip() for s in para.replace("\n", " ").split(". ") if s.strip()]
        out += [s if s.endswith((".", "!", "?", '"')) else s + "." for s in sentences]
    return out


def syndicated_variants(text: str, n: int = 10) -> list[str]:
    paras = _units(text)
    out = []
    for i in range(n):
        ps = list(paras)
        if i % 2:  # a word changed in the lead
            old, new = EDITS[i % len(EDITS)]
            ps[0] = ps[0].replace(old, new, 1)
        if i % 3 == 0 and len(ps) > 3:  # the last sentence dropped by a shorter edition
            ps = ps[:-1]
        ps.insert(0, f"{OUTLETS[i % len(OUTLETS)]} REPORT no. {i}")
        ps.insert(min(2, len(ps)), BOILERPLATE[i % len(BOILERPLATE)])
        ps.append(BOILERPLATE[(i + 2) % len(BOILERPLATE)])
        out.append("\n\n".join(ps))
    return out
