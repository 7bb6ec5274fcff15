"""Article body extraction scored as the Article Extraction Benchmark scores it.

The metric follows the benchmark's own evaluate.py (MIT): tokens are ``\\w+`` runs, shingles
are 4-grams counted with multiplicity, true/false positives and negatives are normalised per
page, precision and recall are averaged over pages and F1 is taken from the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from peacewatch.clean import CleanError, clean, split_lines, strip_boilerplate
from peacewatch.records import RawInput, Removed

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def shingle_tp_fp_fn(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    t, p = _shingles(true, n), _shingles(pred, n)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def _words(text: str) -> str:
    return " " + " ".join(_TOKEN.findall(text.lower())) + " "


@dataclass(frozen=True)
class BoilerplateCheck:
    """False positives of the boilerplate rules, measured where the truth is known.

    ``removed``: lines the cleaner cut from the extracted AEB pages; ``removed_in_truth``: those
    the ground-truth body keeps (datelines counted apart: they move to metadata by design, and
    AEB keeps them in the body). ``truth_flagged``: lines of the true bodies themselves that the
    rules would remove. ``clean_removed``: lines removed from a corpus of clean releases (where
    every line is article text), with the number of files.
    """

    removed: int = 0
    removed_in_truth: int = 0
    datelines_in_truth: int = 0
    truth_lines: int = 0
    truth_flagged: int = 0
    clean_files: int = 0
    clean_removed: int = 0
    examples: tuple[str, ...] = ()

    def rows(self) -> list[str]:
        rows = [
            f"  boilerplate false positives: {self.removed_in_truth} of {self.removed} removed "
            f"lines are in the true body (+{self.datelines_in_truth} datelines, kept as "
            "metadata)",
            f"    true-body lines the rules would remove: {self.truth_flagged} of "
            f"{self.truth_lines} (datelines excluded)",
        ]
        if self.clean_files:
            rows.append(
                f"    clean releases: {self.clean_removed} lines removed in "
                f"{self.clean_files} files"
            )
        rows += [f"    {e}" for e in self.examples]
        return rows


@dataclass(frozen=True)
class ExtractionResult:
    pages: int
    failed: int
    precision: float
    recall: float
    f1: float
    worst: tuple[tuple[str, float], ...]
    boilerplate: BoilerplateCheck | None = None

    def table(self) -> str:
        rows = [
            "AEB body extraction (4-word shingles, averaged per page)",
            f"  pages      {self.pages}  (failed: {self.failed})",
            f"  precision  {self.precision:.3f}",
            f"  recall     {self.recall:.3f}",
            f"  F1         {self.f1:.3f}",
            "  published (full set): rs_trafilatura 0.970, trafilatura 2.0.0 0.958, "
            "newspaper4k 0.949, readability-lxml 0.922",
            "  worst pages: " + ", ".join(f"{k[:12]} {v:.2f}" for k, v in self.worst),
        ]
        if self.boilerplate:
            rows += self.boilerplate.rows()
        return "\n".join(rows)


def _in_truth(removed: Removed, truth_words: str) -> bool:
    words = _words(removed.text)
    return words.strip() != "" and words in truth_words


def clean_corpus_removals(folder: Path) -> tuple[int, int, list[str]]:
    """(files, removed lines, examples) over a folder of clean ``*.txt`` releases."""
    files, count, examples = 0, 0, []
    for path in sorted(folder.glob("*.txt")):
        raw = RawInput(id=path.stem, source=str(path), data=path.read_bytes(), content_type="text")
        files += 1
        try:
            removed = clean(raw).removed
        except CleanError:
            continue
        count += len(removed)
        examples += [f"{path.stem} {r.kind}: {r.text[:70]!r}" for r in removed]
    return files, count, examples


def evaluate_aeb(folder: Path, clean_corpus: Path | None = None) -> ExtractionResult:
    """Score body extraction on an AEB folder; count boilerplate false positives.

    ``clean_corpus`` (default: ``corpus/official-2022`` of the same shared tree, when present)
    holds clean releases on which the boilerplate rules should remove nothing.
    """
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: list[tuple[float, float, float]] = []
    per_page: list[tuple[str, float]] = []
    failed = 0
    removed_n = in_truth = datelines = truth_lines = flagged = 0
    examples: list[str] = []
    for key in sorted(truth):
        path = folder / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        raw = RawInput(
            id=key,
            source=str(path),
            data=gzip.decompress(path.read_bytes()),
            content_type="html",
            url=truth[key].get("url"),
        )
        body = truth[key].get("articleBody", "")
        truth_words = _words(body)
        try:
            doc = clean(raw)
            pred = doc.body.text
            removed_n += len(doc.removed)
            for cut in doc.removed:
                if not _in_truth(cut, truth_words):
                    continue
                if cut.kind == "dateline":
                    datelines += 1
                else:
                    in_truth += 1
                    examples.append(f"{key[:8]} {cut.kind}: {cut.text[:70]!r}")
        except CleanError:
            pred, failed = "", failed + 1
        lines = split_lines(body, unwrap=False)
        truth_lines += len(lines)
        flagged += sum(1 for r in strip_boilerplate(lines)[1] if r.kind != "dateline")
        tpfpfn = shingle_tp_fp_fn(body, pred)
        scores.append(tpfpfn)
        p, r = _precision(*tpfpfn), _recall(*tpfpfn)
        per_page.append((key, 2 * p * r / (p + r) if p + r else 0.0))
    precision = statistics.mean(_precision(*s) for s in scores if s[0] + s[1] > 0)
    recall = statistics.mean(_recall(*s) for s in scores if s[0] + s[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    worst = tuple(sorted(per_page, key=lambda kv: kv[1])[:5])
    if clean_corpus is None and len(folder.resolve().parents) > 2:
        clean_corpus = folder.resolve().parents[2] / "corpus" / "official-2022"
    files = clean_removed = 0
    if clean_corpus is not None and clean_corpus.is_dir():
        files, clean_removed, clean_examples = clean_corpus_removals(clean_corpus)
        examples += clean_examples
    check = BoilerplateCheck(
        removed=removed_n,
        removed_in_truth=in_truth,
        datelines_in_truth=datelines,
        truth_lines=truth_lines,
        truth_flagged=flagged,
        clean_files=files,
        clean_removed=clean_removed,
        examples=tuple(examples[:10]),
    )
    return ExtractionResult(len(scores), failed, precision, recall, f1, worst, check)
