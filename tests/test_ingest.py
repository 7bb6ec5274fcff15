from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from peacewatch.clean.encoding import decode
from peacewatch.records import InputError, RawInput
from peacewatch.sources.files import read_inputs


def _one(tmp_path: Path, name: str, data: bytes) -> RawInput | InputError:
    p = tmp_path / name
    p.write_bytes(data)
    items = list(read_inputs([str(p)]))
    assert len(items) == 1
    return items[0]


def test_text_and_html_are_told_apart(tmp_path: Path) -> None:
    t = _one(tmp_path, "a.txt", b"Plain text article.")
    h = _one(tmp_path, "b.html", b"<html><body><p>x</p></body></html>")
    g = _one(tmp_path, "c.html.gz", gzip.compress(b"<html><body><p>y</p></body></html>"))
    assert isinstance(t, RawInput) and t.content_type == "text"
    assert isinstance(h, RawInput) and h.content_type == "html"
    assert isinstance(g, RawInput) and g.content_type == "html"
    assert isinstance(g.data, bytes) and b"<p>y" in g.data
    assert g.id == "c"


def test_empty_binary_truncated_and_missing_inputs_get_errors(tmp_path: Path) -> None:
    empty = _one(tmp_path, "empty.txt", b"")
    binary = _one(tmp_path, "img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    truncated = _one(tmp_path, "t.html.gz", gzip.compress(b"<p>" + b"x" * 5000)[:-20])
    assert isinstance(empty, InputError) and "empty" in empty.message
    assert isinstance(binary, InputError) and "binary" in binary.message
    assert isinstance(truncated, InputError) and "truncated" in truncated.message
    missing = list(read_inputs([str(tmp_path / "nope.txt")]))
    assert isinstance(missing[0], InputError) and missing[0].fix


def test_huge_input_is_refused_with_the_limit(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    p.write_bytes(b"word " * 300)
    items = list(read_inputs([str(p)], max_bytes=1000))
    assert isinstance(items[0], InputError)
    assert "limit" in items[0].message and "--max-bytes" in items[0].fix


def test_jsonl_batch_keeps_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "One.", "published": "2022-03-29", "url": "u"}),
        "{not json",
        json.dumps({"id": "b"}),
        json.dumps({"id": "c", "html": "<p>Two.</p>"}),
        json.dumps([1, 2]),
    ]
    p = tmp_path / "batch.jsonl"
    p.write_text("\n".join(lines) + "\n")
    items = list(read_inputs([str(p)]))
    good = [i for i in items if isinstance(i, RawInput)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [g.id for g in good] == ["a", "c"]
    assert good[0].published == "2022-03-29" and good[0].published_source == "jsonl"
    assert good[1].content_type == "html"
    assert [b.source for b in bad] == [f"{p}:2", f"{p}:3", f"{p}:5"]


def test_directories_are_walked_recursively_and_sidecars_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("Text x.")
    (tmp_path / "sub" / "x.json").write_text(json.dumps({"published": "2022-04-01", "title": "X"}))
    (tmp_path / "y.html").write_text("<p>y</p>")
    (tmp_path / "notes.csv").write_text("a,b")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.id for i in items if isinstance(i, RawInput)] == ["x", "y"]
    x = items[0]
    assert isinstance(x, RawInput) and x.published == "2022-04-01" and x.title == "X"


def test_stdin_text_and_jsonl() -> None:
    items = list(read_inputs(["-"], stdin=io.BytesIO(b"Kyiv said.")))
    assert isinstance(items[0], RawInput) and items[0].content_type == "text"
    batch = b'{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    got = list(read_inputs(["-"], stdin=io.BytesIO(batch)))
    assert [i.id for i in got if isinstance(i, RawInput)] == ["s1", "s2"] and len(got) == 2


def test_encodings_are_detected_not_assumed() -> None:
    ru = "Переговоры в Стамбуле продолжились во вторник, сообщили в Кремле и в Киеве."
    text, enc = decode(ru.encode("cp1251"))
    assert text == ru and enc in ("cp1251", "windows_1251", "windows-1251")
    fr = "Les négociateurs se sont réunis à Istanbul ; la délégation a été reçue à l'hôtel."
    text, _ = decode(fr.encode("latin-1"))
    assert text == fr
    html = '<html><head><meta charset="windows-1251"></head><body>Київ</body></html>'
    text, enc = decode(html.encode("cp1251"), html=True)
    assert "Київ" in text
    assert decode("Kyiv – Київ".encode())[1] == "utf-8"
