"""Page load of each web UI view as the browser sees it (issue 17: every page under 1 s p95).

    PYTHONPATH=src .venv/bin/python benchmarks/page_load.py sqlite:////tmp/off.db [--runs 10]

``peacewatch serve`` runs on the store in a subprocess; Debian's ``chromium`` (Playwright, never
a downloaded browser) opens each view ``--runs`` times, each time in a fresh browser context (no
HTTP cache: the page's modules, the basemap and every API call are fetched again). The load
time is app.js's ``ready:<view>`` performance mark: from navigation start to the view drawn,
after every API call the view makes. A second column: the view opened from another one in the
same page (modules loaded; its API calls and drawing only), from app.js's route start. A third:
the view's API calls alone, replayed with httpx all at once (the server's share). Prints
per view p50, p95 (and max) in ms and the API calls of one load; then the machine's load
average (the machine is shared: note it with the numbers).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

from serving import serving

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# Every view of the nav bar, a search, and a document (the first one listed).
VIEWS = [
    "negotiation",
    "timeline",
    "map",
    "positions",
    "quotes",
    "documents",
    "new",
    "search?q=humanitarian%20corridors",
]


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, round(0.95 * len(xs)) - 1)]


def load(browser: object, base: str, view: str) -> tuple[float, list[str]]:
    """One load of ``#/view`` in a fresh context: ms to the ready mark, the API paths called."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = ctx.new_page()
    calls: list[str] = []
    page.on("request", lambda r: calls.append(r.url) if "/api/" in r.url else None)
    name = view.split("?")[0].split("/")[0]
    page.goto(f"{base}/#/{view}")
    page.wait_for_selector(f'body[data-ready="{name}"]', state="attached", timeout=60_000)
    ms = page.evaluate(f"performance.getEntriesByName('ready:{name}')[0].startTime")
    ctx.close()
    return float(ms), calls


def api_only(urls: list[str], runs: int) -> list[float]:
    """ms for a view's API calls alone, all at once as the view sends them (the server's
    share of a load, without the browser's work), ``runs`` times."""
    out = []
    with httpx.Client(timeout=60) as client, ThreadPoolExecutor(max(1, len(urls))) as pool:
        for _ in range(runs):
            t = time.perf_counter()
            for r in pool.map(client.get, urls):
                r.raise_for_status()
            out.append((time.perf_counter() - t) * 1000)
    return out


def in_app(page: object, view: str) -> float:
    """ms from the route's start to the view drawn, opened from another view (the page's
    modules already loaded, as a user moving between views)."""
    name = view.split("?")[0].split("/")[0]
    pg = page
    pg.evaluate("location.hash = '#/new?since=2999-01-01'")  # type: ignore[attr-defined]
    pg.wait_for_selector('body[data-ready="new"]', state="attached")  # type: ignore[attr-defined]
    pg.evaluate(f"location.hash = '#/{view}'")  # type: ignore[attr-defined]
    pg.wait_for_selector(  # type: ignore[attr-defined]
        f'body[data-ready="{name}"]', state="attached", timeout=60_000
    )
    js = f"performance.getEntriesByName('ready:{name}').at(-1).detail"
    return float(pg.evaluate(js))  # type: ignore[attr-defined]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("db", help="store URL, e.g. sqlite:////tmp/off.db")
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    import httpx
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium (no browser is downloaded)")
    with serving(args.db, wait_s=90) as base, sync_playwright() as p:
        first = httpx.get(f"{base}/api/documents?limit=1").json()["items"][0]["doc_id"]
        views = [*VIEWS, f"doc/{first}"]
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        for view in views:  # one warm-up load each: the server's caches, as after any use
            load(browser, base, view)
        print(
            "| view | fresh page p50 / p95 / max ms | in the app p50 / p95 ms | "
            "its API calls alone p50 / p95 ms | API calls |"
        )
        print("|---|---:|---:|---:|---|")
        app_page = browser.new_page(viewport={"width": 1280, "height": 900})
        app_page.goto(f"{base}/#/new?since=2999-01-01")
        for view in views:
            times: list[float] = []
            calls: list[str] = []
            for _ in range(args.runs):
                ms, calls = load(browser, base, view)
                times.append(ms)
            moved = [in_app(app_page, view) for _ in range(args.runs)]
            alone = api_only(calls, args.runs)
            label = "doc/<first>" if view.startswith("doc/") else view
            paths = sorted({urlsplit(c).path for c in calls})
            print(
                f"| {label} | {statistics.median(times):.0f} / {p95(times):.0f} / "
                f"{max(times):.0f} | {statistics.median(moved):.0f} / {p95(moved):.0f} | "
                f"{statistics.median(alone):.0f} / {p95(alone):.0f} | "
                f"{len(calls)}: {', '.join(paths)} |"
            )
        browser.close()
    print("load average (1, 5, 15 min):", " ".join(f"{x:.2f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
