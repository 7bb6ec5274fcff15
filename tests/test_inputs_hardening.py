"""Inputs that once vanished or misled without a word (issue 18): each now gives the right
result or an error that says what to do. Every fixture is generated here."""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from peacewatch.clean import CleanError, clean
from peacewatch.clean.encoding import decode, wide_encoding
from peacewatch.clean.html import extract_html
from peacewatch.clean.language import detect
from peacewatch.records import InputError, RawInput
from peacewatch.sources.files import read_inputs, read_path

ENGLISH = (
    "Negotiators from Ukraine and Russia met in Geneva on Monday for a third round of talks "
    "hosted by Switzerland, officials said in a statement after the meeting.\n\n"
    "Ukraine demanded a ceasefire and the withdrawal of Russian troops, and its delegation said "
    "that the talks would continue next week in Istanbul with the help of Turkey."
)
RUSSIAN = (
    "Переговорщики из Украины и России встретились в Женеве в понедельник на третий раунд "
    "переговоров, организованный Швейцарией, сообщили официальные лица. Украина потребовала "
    "прекращения огня и вывода российских войск, заявила её делегация в своём заявлении."
)
UKRAINIAN = (
    "Переговорники з України та Росії зустрілися в Женеві в понеділок на третій раунд "
    "переговорів, який організувала Швейцарія, повідомили посадовці. Україна вимагала "
    "припинення вогню та виведення російських військ, заявила її делегація у своїй заяві."
)
FRENCH = (
    "Les négociateurs ukrainiens et russes se sont rencontrés lundi à Genève pour un troisième "
    "cycle de pourparlers accueilli par la Suisse. La délégation ukrainienne a exigé un "
    "cessez-le-feu et le retrait des troupes russes, a-t-elle déclaré dans un communiqué. Nous "
    "ne céderons aucun territoire, a déclaré le négociateur aux journalistes."
)


def _raw(data: str | bytes, content_type: str = "text") -> RawInput:
    return RawInput(id="t", source="test", data=data, content_type=content_type)  # type: ignore[arg-type]


# ---- size: checked before reading, streamed, stopped at the limit ----


def test_a_huge_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    with big.open("wb") as f:  # sparse: 2 GB on paper, no disk used
        f.truncate(2 * 1024**3)
    tracemalloc.start()
    items = list(read_path(big))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "over the 26.2 MB limit (2,147.5 MB)" in items[0].message
    assert "--max-bytes" in items[0].fix
    assert peak < 5_000_000


def test_a_jsonl_batch_is_streamed_and_a_long_line_skipped(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a", "text": ENGLISH},
        {"id": "huge", "text": "x" * 500_000},
        {"id": "b", "text": ENGLISH},
    ]
    batch.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    tracemalloc.start()
    items = list(read_path(batch, max_bytes=10_000))  # the file is 50 times the limit
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [getattr(i, "id", None) for i in items] == ["a", None, "b"]
    bad = items[1]
    assert isinstance(bad, InputError) and bad.source.endswith("batch.jsonl:2")
    assert "over the" in bad.message
    assert peak < 150_000  # never held the 500 kB line whole
    gz = tmp_path / "batch.jsonl.gz"
    gz.write_bytes(gzip.compress(batch.read_bytes()))
    assert [getattr(i, "id", None) for i in read_path(gz, max_bytes=10_000)] == ["a", None, "b"]


def test_a_broken_gzipped_batch_is_an_error(tmp_path: Path) -> None:
    gz = tmp_path / "batch.jsonl.gz"
    gz.write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n' * 100)[:40])
    items = list(read_path(gz))
    assert isinstance(items[-1], InputError) and "gzip" in items[-1].message


# ---- deep HTML ----


@pytest.mark.parametrize("levels", [260, 1000, 5000])
def test_deeply_nested_html_keeps_its_article(levels: int) -> None:
    paragraphs = "".join(f"<p>{p}</p>" for p in ENGLISH.split("\n\n"))
    html = (
        "<html><head><title>Talks</title></head><body>"
        + "<div>" * levels
        + f"<article>{paragraphs}</article>"
        + "</div>" * levels
        + "</body></html>"
    )
    assert "Geneva" in extract_html(html).text
    doc = clean(_raw(html, "html"))
    assert "withdrawal of Russian troops" in doc.body.text


# ---- UTF-16 / UTF-32 without a BOM ----


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_bom_are_text(tmp_path: Path, encoding: str) -> None:
    text = ENGLISH + "\n\n" + RUSSIAN
    data = text.encode(encoding)
    assert wide_encoding(data) == encoding
    assert decode(data) == (text, encoding)
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    (item,) = read_path(path)
    assert isinstance(item, RawInput), item
    assert clean(item).body.text.startswith("Negotiators from Ukraine")


def test_binary_files_are_still_binary(tmp_path: Path) -> None:
    blob = bytes(range(256)) * 64  # every byte value, NULs included
    assert wide_encoding(blob) is None
    path = tmp_path / "image.txt"
    path.write_bytes(blob)
    (item,) = read_path(path)
    assert isinstance(item, InputError) and "binary" in item.message


# ---- language ----


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (RUSSIAN, "ru"), (UKRAINIAN, "uk"), (FRENCH, "und"), ("Talks.", "en")],
)
def test_language_is_detected(text: str, code: str) -> None:
    assert detect(text) == code


@pytest.mark.parametrize(
    ("text", "code", "name"), [(RUSSIAN, "ru", "Russian"), (FRENCH, "und", "not English")]
)
def test_non_english_text_is_labelled_and_warned(text: str, code: str, name: str) -> None:
    doc = clean(_raw(text))
    assert doc.meta.language == code
    (warning,) = [w for w in doc.warnings if w.startswith("language:")]
    assert name in warning and "English only" in warning
    english = clean(_raw(ENGLISH))
    assert english.meta.language == "en"
    assert not any(w.startswith("language:") for w in english.warnings)


# ---- directories: broken links reported and counted ----


def test_broken_symlinks_are_reported(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")
    os.symlink(tmp_path / "moved-away.txt", corpus / "gone.txt")
    items = list(read_inputs([str(corpus)]))
    assert [type(i).__name__ for i in items] == ["InputError", "RawInput"]
    err = items[0]
    assert isinstance(err, InputError) and err.source.endswith("gone.txt")
    assert "broken symbolic link" in err.message and "moved-away.txt" in err.message


def test_analyze_counts_what_it_reports(tmp_path: Path, nlp: Any) -> None:
    """The summary's failed count is the number of errors printed (a broken link, an empty
    file, a binary file, a bad JSONL line), and the exit code follows it."""
    from typer.testing import CliRunner

    from peacewatch.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "batch.jsonl").write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", corpus / "gone.txt")
    out = CliRunner().invoke(app, ["analyze", str(corpus), "-f", "jsonl"])
    errors = out.stderr.count("error:")
    assert errors == 5, out.stderr
    assert "1 analysed, 5 failed" in out.stderr
    assert out.exit_code == 5


def test_ingest_counts_what_it_reports(tmp_path: Path, nlp: Any) -> None:
    from typer.testing import CliRunner

    from peacewatch.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "empty.txt").write_bytes(b"")
    os.symlink(tmp_path / "nowhere.txt", corpus / "gone.txt")
    db = str(tmp_path / "s.db")
    out = CliRunner().invoke(app, ["ingest", str(corpus), "--db", db])
    assert out.stderr.count("error:") == 2, out.stderr
    assert "2 failed" in out.stderr and "1 stored" in out.stderr
    assert out.exit_code == 2


# ---- spaCy's length limit ----


def test_a_paragraph_over_spacys_limit_says_what_to_do(nlp: Any) -> None:
    from peacewatch.pipeline import Failed, analyze_stream

    limit = nlp.max_length
    words = ("talks " * (limit // 6 + 10)).strip()
    (result,) = analyze_stream([_raw(words)], nlp=nlp)
    assert isinstance(result, Failed) and result.stage == "parse"
    assert "spaCy's limit" in result.message and "E088" not in result.message
    assert "blank lines" in result.fix


def test_clean_error_is_raised_for_a_paragraph_over_the_limit(nlp: Any) -> None:
    from peacewatch.parse.nlp import parse

    doc = clean(_raw("word " * (nlp.max_length // 5 + 10)))
    with pytest.raises(CleanError, match="spaCy's limit"):
        parse(doc, nlp)
