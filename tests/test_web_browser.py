"""End-to-end in headless Chromium (Debian's package; skipped when it is not installed):
the UI renders the fixture store, and the script/onerror payloads stay inert text.

The browser is run with --dump-dom: the DOM after the page's scripts ran (virtual time lets
its fetches finish), no driver needed.
"""

from __future__ import annotations

import html
import re
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest

from api_fixtures import IMG_PAYLOAD, SCRIPT_PAYLOAD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--virtual-time-budget=8000",
]


@pytest.fixture(scope="module")
def server(api_store: str) -> Iterator[str]:
    import uvicorn

    from peacewatch.api import Settings, create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(Settings(db=api_store, rate_per_minute=0))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def dump(url: str, tmp: str) -> str:
    assert CHROMIUM is not None
    out = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp}", "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    )
    return out.stdout


def _doc_id(base: str, key: str) -> str:
    import httpx

    items = httpx.get(f"{base}/api/documents", params={"limit": 500}).json()["items"]
    return str(next(d["doc_id"] for d in items if d["key"] == key))


def test_xss_payloads_render_as_text(server: str, tmp_path: object) -> None:
    doc = _doc_id(server, "fixture-xss")
    dom = dump(f"{server}/#/doc/{doc}", str(tmp_path))
    assert 'data-ready="doc"' in dom, dom[-2000:]
    body_tag = re.search(r"<body[^>]*>", dom)
    assert body_tag is not None and "data-pwned" not in body_tag.group(0)
    # The payloads are on the page, as escaped text, and not as elements.
    assert html.escape(SCRIPT_PAYLOAD, quote=False) in dom
    assert html.escape(IMG_PAYLOAD, quote=False) in dom
    assert "<img" not in dom
    assert dom.count("<script") == 1  # app.js only


@pytest.mark.parametrize(
    ("view", "expect"),
    [
        ("timeline", "round"),
        ("map", "<path"),
        ("positions", "ceasefire"),
        ("quotes", "Sokolov"),
    ],
)
def test_views_render(server: str, tmp_path: object, view: str, expect: str) -> None:
    dom = dump(f"{server}/#/{view}", str(tmp_path))
    assert f'data-ready="{view}"' in dom
    assert 'class="error"' not in dom, dom[-2000:]
    assert expect in dom
