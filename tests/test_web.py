"""The web UI's static files: served offline, and built so that article text cannot run.

Static checks: every piece of data enters the page through text nodes. The browser test
(test_web_browser.py) checks the same in a real browser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app
from peacewatch.api.app import static_dir

STATIC = Path(static_dir())
# The UI's ES modules: app.js routes, js/*.js hold the views and their shared helpers.
SCRIPTS = sorted([STATIC / "app.js", *(STATIC / "js").glob("*.js")])


@pytest.fixture(scope="module")
def client(api_store: str) -> TestClient:
    return TestClient(create_app(Settings(db=api_store, rate_per_minute=0)))


def test_index_and_assets_are_served(client: TestClient) -> None:
    index = client.get("/")
    assert index.status_code == 200 and "text/html" in index.headers["content-type"]
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', index.text):
        assert client.get(asset).status_code == 200, asset
    atlas = client.get("/static/world-atlas-countries-50m.json")
    assert atlas.status_code == 200 and json.loads(atlas.content)["type"] == "Topology"


def test_no_inline_script_or_style_and_nothing_remote() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"\bon[a-z]+=", html), "inline event handler"
    for path in (STATIC / "index.html", STATIC / "style.css", *SCRIPTS):
        name = path.name
        text = path.read_text(encoding="utf-8")
        assert not re.search(
            r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text.replace("http://www.w3.org/2000/svg", "")
        ), f"remote URL in {name}"


def _code(path: Path) -> str:
    # Comments may name the sinks (to forbid them): only the code is checked.
    return re.sub(r"^\s*//.*$", "", path.read_text(encoding="utf-8"), flags=re.M)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_data_only_reaches_the_page_as_text(path: Path) -> None:
    js = _code(path)
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("href"',
    ):
        assert sink not in js, sink
    # Links are built from ids through encodeURIComponent only, never from record fields
    # such as a document's URL (a javascript: URL would run on click).
    for href in re.findall(r"href: `([^`]*)`", js):
        assert "${" not in href or "encodeURIComponent" in href, href
    # The one exception, a document's original URL, goes through externalLink (ui.js),
    # which accepts http and https only; nothing else sets a link's href.
    sets = re.findall(r"\.href\s*=(?!=)", js)
    assert not sets or (path.name == "ui.js" and len(sets) == 1), path.name


def test_external_links_accept_http_only() -> None:
    ui = _code(STATIC / "js" / "ui.js")
    body = ui[ui.index("export function externalLink") :]
    body = body[: body.index("\n}\n")]
    assert '["http:", "https:"].includes(parsed.protocol)' in body
    assert body.index("includes(parsed.protocol)") < body.index(".href =")


def test_every_module_is_preloaded() -> None:
    """index.html names every view module (modulepreload): a module it misses is fetched only
    after app.js is parsed, one more round trip on every first load (issue 17: < 1 s)."""
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    preloaded = set(re.findall(r'<link rel="modulepreload" href="/static/js/([^"]+)">', html))
    assert preloaded == {p.name for p in (STATIC / "js").glob("*.js")}


def test_the_entry_is_a_module_and_stays_small() -> None:
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert '<script type="module" src="/static/app.js">' in html
    for path in SCRIPTS:  # split further past ~500 lines (issue 17)
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 500, path.name
