"""The rule-lemma table saved across processes gives spaCy's lemmas, and a bad file is ignored."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from peacewatch.parse.lemmas import NAME, CachedLemmas, read_table, save_table

TEXT = (
    "The negotiators were meeting again; the talks' drafts are better. "
    "Talks resumed: drafts were signed, and the mediators said they'd met twice."
)


def test_a_saved_table_gives_the_stock_lemmatizers_lemmas(nlp: Any, tmp_path: Path) -> None:
    first = CachedLemmas(nlp.get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=[NAME]):
        first(nlp.get_pipe("lemmatizer")(nlp(TEXT)))  # validates spaCy's tables once
        first(nlp(TEXT))  # fills the table
    path = tmp_path / "lemmas.pickle"
    save_table(first, path)
    saved = read_table(path)
    assert len(saved) == len(first.known) > 10
    # A second "process": lemmas come from the read table only (spaCy's rules are not asked).
    second = CachedLemmas(nlp.get_pipe("lemmatizer"), saved)
    asked: list[str] = []
    rules = second.rules.lemmatize

    def counted(tok: Any) -> list[str]:
        asked.append(tok.text)
        return rules(tok)

    second.rules.lemmatize = counted  # type: ignore[method-assign,assignment]
    try:
        with nlp.select_pipes(disable=[NAME]):
            ours = [t.lemma_ for t in second(nlp(TEXT))]
    finally:
        second.rules.lemmatize = rules  # spaCy sets it per instance (the mode's method)
    with nlp.select_pipes(disable=[NAME]):
        stock = [t.lemma_ for t in nlp.get_pipe("lemmatizer")(nlp(TEXT))]
    assert asked == []
    assert ours == stock
    assert "negotiator" in ours and "meet" in ours


def test_nothing_new_is_not_written(nlp: Any, tmp_path: Path) -> None:
    lemmas = CachedLemmas(nlp.get_pipe("lemmatizer"), {})
    save_table(lemmas, tmp_path / "lemmas.pickle")
    assert not (tmp_path / "lemmas.pickle").exists()


def test_a_damaged_or_foreign_table_is_ignored(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pickle"
    bad.write_bytes(b"not a pickle")
    assert read_table(bad) == {}
    wrong = tmp_path / "wrong.pickle"
    wrong.write_bytes(pickle.dumps({("word", 1, 2): "lemma"}))
    assert read_table(wrong) == {}
    assert read_table(tmp_path / "missing.pickle") == {}
