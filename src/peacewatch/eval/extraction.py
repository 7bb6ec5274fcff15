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

from peacewatch.clean import CleanError, clean
from peacewatch.records import RawInput

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


@dataclass(frozen=True)
class ExtractionResult:
    pages: int
    failed: int
    precision: float
    recall: float
    f1: float
    worst: tuple[tuple[str, float], ...]

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
        return "\n".join(rows)


def evaluate_aeb(folder: Path) -> ExtractionResult:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    scores: list[tuple[float, float, float]] = []
    per_page: list[tuple[str, float]] = []
    failed = 0
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
        try:
            pred = clean(raw).body.text
        except CleanError:
            pred, failed = "", failed + 1
        tpfpfn = shingle_tp_fp_fn(truth[key].get("articleBody", ""), pred)
        scores.append(tpfpfn)
        p, r = _precision(*tpfpfn), _recall(*tpfpfn)
        per_page.append((key, 2 * p * r / (p + r) if p + r else 0.0))
    precision = statistics.mean(_precision(*s) for s in scores if s[0] + s[1] > 0)
    recall = statistics.mean(_recall(*s) for s in scores if s[0] + s[2] > 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    worst = tuple(sorted(per_page, key=lambda kv: kv[1])[:5])
    return ExtractionResult(len(scores), failed, precision, recall, f1, worst)
