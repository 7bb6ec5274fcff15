"""The CAMEO verb-pattern phrases the training script can add (scripts/train_event_classifier.py
``cameo_phrases``), read from a dictionary excerpt written for this test in PETRARCH's format."""

from __future__ import annotations

from pathlib import Path

from train_script import train_script

EXCERPT = """\
# comment lines and the licence header are skipped
---  FREEZE   [---]  ---
FREEZE {FREEZES FREEZING FROZE FROZEN}   # a coder's note
- * RELATIONS                                         [160:160]     # FREEZE
- * {BANK ACCOUNT}                                    [163]         # FREEZE
- * EVENTS (WITH CONCERN)                             [012]         # statement: no root
- $ * + ROCKET                                        [193]

---  MEET   [040]  ---
MEET
+CONFER_WITH {+CONFERS_WITH}
- * (WITH 043 DELEGATION)                             [043]
---  PONDER   [---]  ---
PONDER
- * PLAN                                              [---]
"""


def test_patterns_read_with_their_head_verb_and_mapped_to_plover_roots(tmp_path: Path) -> None:
    path = tmp_path / "CAMEO.txt"
    path.write_text(EXCERPT, encoding="utf-8")
    phrases = train_script().cameo_phrases(path)
    assert phrases == [
        ("freeze relations", "SANCTION"),
        ("freeze bank account", "SANCTION"),
        ("freeze rocket", "ASSAULT"),
        ("meet", "CONSULT"),
        ("confer with", "CONSULT"),
        ("meet with delegation", "CONSULT"),
    ]
