"""The one analysis loop: an outcome per input naming the stage that failed; stage declarations
checked when the pipeline is built; ``ingest`` (and its retry) going through the loop."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast, get_args

import pytest
from typer.testing import CliRunner

from peacewatch.clean import clean
from peacewatch.cli import app
from peacewatch.parse.nlp import parse
from peacewatch.pipeline import (
    BUG_FIX,
    STAGES,
    Analysed,
    Failed,
    Field,
    PipelineError,
    Stage,
    analyze,
    analyze_stream,
    build,
)
from peacewatch.records import Document, InputError, RawInput
from peacewatch.sources.files import read_inputs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"
FIXTURES = Path(__file__).parent / "fixtures"
FIELDS = frozenset(f.name for f in fields(Document))
GOOD = "Russian and Ukrainian negotiators met in Istanbul on Tuesday, officials said."


def _raw(ident: str, text: str) -> RawInput:
    return RawInput(id=ident, source=f"in-{ident}", data=text, content_type="text")


def _flaky_events(doc: Document) -> Document:
    if "boom" in doc.body.text:
        raise ValueError("stage bug")
    return doc


def test_each_outcome_names_its_input_and_stage(nlp: Language) -> None:
    flaky = Stage("events", _flaky_events, requires=("body",), assigns=("events",))
    stages = build([flaky if s.name == "events" else s for s in STAGES])
    unreadable = InputError("x.bin", "the input looks binary", "pass the article as text")
    items: list[RawInput | InputError] = [
        _raw("good", GOOD),
        unreadable,
        _raw("empty", "   \n  "),
        _raw("crash", "The talks went boom on Tuesday, officials said."),
        _raw("after", GOOD),
    ]
    out = list(analyze_stream(items, nlp=nlp, chunk=2, stages=stages))
    assert [r.input for r in out] == items  # one outcome per input, in input order

    good, read, cleaned, crashed, after = out
    assert isinstance(good, Analysed) and good.doc.meta.id == "good" and good.doc.places
    assert isinstance(after, Analysed)  # a crash in one article fails that article only
    assert read == Failed(
        unreadable, "read", unreadable.message, unreadable.fix, unreadable.message
    )
    assert isinstance(cleaned, Failed) and cleaned.stage == "clean" and cleaned.source == "in-empty"
    assert cleaned.message == "no article text left after removing boilerplate"
    assert cleaned.fix == "check that the input is a news article"
    assert cleaned.error == "CleanError: no article text left after removing boilerplate"
    assert isinstance(crashed, Failed) and crashed.stage == "events"
    assert crashed.message == "analysis failed (ValueError: stage bug)"
    assert crashed.fix == BUG_FIX and crashed.error == "ValueError: stage bug"


@dataclass
class _FlakyParser:
    """A spaCy pipeline whose ``pipe`` fails on any batch holding one marked text."""

    nlp: Language

    def pipe(self, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        batch = list(texts)
        if any("PARSEBOOM" in t for t in batch):
            raise RuntimeError("parser exploded")
        return self.nlp.pipe(batch, batch_size=batch_size)


def test_a_failed_pooled_parse_fails_only_the_article_at_fault(nlp: Language) -> None:
    items: list[RawInput | InputError] = [
        _raw("a", GOOD),
        _raw("bad", "PARSEBOOM said the delegation on Tuesday."),
        _raw("c", GOOD),
    ]
    out = list(analyze_stream(items, nlp=cast("Language", _FlakyParser(nlp))))
    assert [type(r).__name__ for r in out] == ["Analysed", "Failed", "Analysed"]
    bad = out[1]
    assert isinstance(bad, Failed) and bad.stage == "parse" and bad.source == "in-bad"
    assert bad.message == "analysis failed (RuntimeError: parser exploded)"
    # The fallback parses article by article: the same documents as the pooled parse.
    assert [r.doc for r in out if isinstance(r, Analysed)] == [
        analyze(_raw("a", GOOD), nlp=nlp),
        analyze(_raw("c", GOOD), nlp=nlp),
    ]


def test_field_names_are_the_fields_of_a_document() -> None:
    assert set(get_args(Field)) == FIELDS


def test_a_misordered_pipeline_is_refused() -> None:
    by_name = {s.name: s for s in STAGES}
    with pytest.raises(PipelineError, match="'quotes' reads entities, dates") as info:
        build([by_name["quotes"], by_name["entities"], by_name["dates"]])
    assert info.value.fix == "put the stage that assigns entities before 'quotes'"
    with pytest.raises(PipelineError, match="two stages are named 'dates'"):
        build([by_name["dates"], by_name["dates"]])
    typo = replace(by_name["places"], requires=cast("tuple[Field, ...]", ("body", "parse")))
    with pytest.raises(PipelineError, match="names parse, not fields of a Document"):
        build([typo])
    assert build(STAGES) == STAGES


# -- the declarations are what the stages' code does --------------------------------------


_READ: set[str] = set()


class _Watched(Document):
    """A Document that notes which of its fields are read (not counting dataclasses.replace,
    which copies them all)."""

    def __getattribute__(self, name: str) -> Any:
        if name in FIELDS:
            caller = sys._getframe(1)
            if not (
                caller.f_code.co_name == "replace" and caller.f_globals["__name__"] == "dataclasses"
            ):
                _READ.add(name)
        return super().__getattribute__(name)


def test_stages_read_and_write_what_they_declare(nlp: Language) -> None:
    raws = [r for r in read_inputs([str(SAMPLES), str(FIXTURES / "talks-sample.txt")])]
    read: dict[str, set[str]] = {s.name: set() for s in STAGES}
    for raw in raws:
        assert isinstance(raw, RawInput), raw
        doc = parse(clean(raw), nlp)
        for stage in STAGES:
            watched = _Watched(**{f: getattr(doc, f) for f in FIELDS})
            _READ.clear()
            out = stage.run(watched)
            read[stage.name] |= _READ
            written = {f for f in FIELDS if getattr(out, f) is not getattr(doc, f)}
            assert written <= set(stage.assigns), (stage.name, written)
            doc = Document(**{f: getattr(out, f) for f in FIELDS})
    for stage in STAGES:
        assert read[stage.name] == set(stage.requires), stage.name


# -- ingest goes through the loop ---------------------------------------------------------


def test_ingest_reports_each_failure_and_retries_through_the_loop(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD + "\n", encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    db = str(tmp_path / "s.db")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(good), str(bad), str(tmp_path / "no"), "--db", db])
    assert first.exit_code == 2, first.output  # a dead letter and an unreadable path
    text = " ".join(first.output.split())
    assert "error: bad: CleanError: " in text and "Fix: see the dead_letters table." in text
    assert f"error: {tmp_path / 'no'}: no such file or directory. Fix: check the path." in text
    # The failed count is that of the errors printed: the unreadable path is one of them.
    assert "ingest: 2 failed, 1 stored;" in text
    again = runner.invoke(app, ["ingest", "--retry-failed", "--db", db])
    assert again.exit_code == 1, again.output  # the dead letter failed again: counted
    retried = " ".join(again.output.split())
    assert "ingest: 1 failed;" in retried
    assert retried.count("error: bad: CleanError: ") == 1  # and reported
