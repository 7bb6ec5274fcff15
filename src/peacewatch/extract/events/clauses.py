"""Clauses that only date another one ("since fighting flared", "after shelling resumed").

Split from events/args.py (the 500-line limit); args.py and stage.py read them.
"""

from __future__ import annotations

from spacy.tokens import Token

# "the first meeting since fighting flared", "after shelling resumed": a clause that only dates
# the main clause has its own (unstated) actors, not the main clause's subject.
_TEMPORAL_MARKS = frozenset(["since", "after", "before", "until", "till", "when", "while", "as"])


def in_temporal_clause(tok: Token) -> bool:
    """Whether ``tok`` sits inside a clause that only dates another one."""
    node = tok
    while node.head.i != node.i:
        if temporal_clause(node):
            return True
        node = node.head
    return False


def temporal_clause(node: Token) -> bool:
    if node.dep_ == "pcomp" and node.head.lower_ in _TEMPORAL_MARKS:
        return True
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in node.children
    )
