"""Screenshots of each web UI view into docs/screenshots/, taken with Playwright.

    .venv/bin/python benchmarks/screenshots.py [--db URL] [--out docs/screenshots]

Without ``--db`` it builds a fresh store from samples/articles, as ``make run`` does, in a
temporary directory. Then ``peacewatch serve`` runs on a free loopback port and Debian's
``chromium`` (never a downloaded browser) opens each view, clicking where a user would: a
quote's evidence link for the document view, a map cluster, a sample article pasted into the
analyse view.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from serving import serving

if TYPE_CHECKING:
    from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]
# Pasted into the analyse view: a sample article of the repository.
PASTE = ROOT / "samples" / "articles" / "sample-belarus-border-round.txt"


def build(db: str) -> None:
    cmd = [sys.executable, "-m", "peacewatch.cli", "ingest", str(ROOT / "samples" / "articles")]
    subprocess.run([*cmd, "--db", db], check=True, stdout=subprocess.DEVNULL)


def ready(page: Page, view: str) -> None:
    page.wait_for_selector(f'body[data-ready="{view}"]', state="attached", timeout=60_000)
    if page.locator("main .error").count():
        raise SystemExit(
            f"{view}: the view shows an error: {page.locator('main .error').first.inner_text()}"
        )


def shoot(base: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise SystemExit("chromium not found: apt-get install chromium (no browser is downloaded)")
    shots: list[Path] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})

        def save(name: str) -> None:
            path = out / f"{name}.png"
            page.screenshot(path=str(path))
            shots.append(path)

        for view in ("negotiation", "timeline", "positions", "quotes", "documents", "new"):
            page.goto(f"{base}/#/{view}")
            ready(page, view)
            if view == "positions" and page.locator("td.cell details").count():
                page.locator("td.cell details summary").first.click()  # one history open
            save(view)
        page.goto(f"{base}/#/map")
        ready(page, "map")
        clusters = page.locator("svg.map g")
        if clusters.count():
            clusters.first.click()  # the side panel lists the cluster's items
        save("map")
        # Search (issue 17's "humanitarian corridors"): skipped on a server without it.
        page.goto(f"{base}/#/search?q=%22humanitarian%20corridors%22")
        page.wait_for_selector('body[data-ready="search"]', state="attached", timeout=60_000)
        if not page.locator(".search-off").count():
            save("search")
        # The document view as a click on a quote's evidence link opens it.
        page.goto(f"{base}/#/quotes")
        ready(page, "quotes")
        page.locator("tr[data-id] a.evidence").first.click()
        ready(page, "doc")
        page.wait_for_selector("mark.focus")
        save("document")
        page.goto(f"{base}/#/analyze")
        ready(page, "analyze")
        page.fill("textarea[name=text]", PASTE.read_text(encoding="utf-8"))
        page.get_by_role("button", name="Analyse", exact=True).click()
        page.wait_for_selector("main .body mark", timeout=120_000)  # loads spaCy once
        page.evaluate("window.scrollTo(0, 0)")
        save("analyze")
        browser.close()
    return shots


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", default=None, help="store URL (default: a fresh one from samples)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or f"sqlite:///{Path(tmp) / 'samples.db'}"
        if args.db is None:
            build(db)
        # Slow start on a loaded 2-core machine; the analyse view needs analysis on.
        with serving(db, wait_s=90, extra=("--open-analyze",)) as base:
            for path in shoot(base, args.out):
                print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


if __name__ == "__main__":
    main()
