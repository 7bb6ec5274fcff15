"""End-to-end in headless Chromium, driven by Playwright: every view loads, clicks on records
open their evidence, filters work, an article can be pasted and stored, and the script /
onerror payloads of an article stay inert text.

Only Debian's ``chromium`` is launched (``executable_path``); ``playwright install`` (a browser
download) is never run. Without chromium the tests are skipped, except in CI (``CI`` set),
where a missing browser is a failure: the XSS test must not silently stop running there.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from api_fixtures import CLAIM_ARTICLES, IMG_PAYLOAD, SCRIPT_PAYLOAD, build_store

CHROMIUM = shutil.which("chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not IN_CI, reason="Debian's chromium is not installed"
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
TOKEN = "browser-test-token"
# Page loads on loopback take well under a second; spaCy analysis of a pasted paragraph a few
# seconds on a shared 2-core machine. Generous, so a loaded CI runner does not flake.
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[str]:
    """The app on a free loopback port, over a store of its own (the paste test writes)."""
    url = build_store(tmp_path_factory.mktemp("browser") / "store.db", nlp)
    yield from serve(url, nlp)


@pytest.fixture(scope="module")
def claims_server(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[str]:
    """The app over the claim articles: one round in Istanbul told by two outlets."""
    url = build_store(tmp_path_factory.mktemp("claims") / "store.db", nlp, CLAIM_ARTICLES)
    yield from serve(url, nlp)


# A round with a commitment and an agreement, and a later strike on a place the commitment
# names (a commitment's test): for the negotiation view's commitments and agreements.
WORKBENCH_ARTICLES = [
    {
        "id": "workbench-istanbul",
        "published": "2022-03-29",
        "title": "Istanbul round",
        "publisher": "Wire One",
        "text": (
            "Russian and Ukrainian delegations met in Istanbul on Tuesday for a new round of "
            "talks hosted by Turkey.\n\n"
            "Russia agreed to reduce hostilities in the directions of Kyiv and Chernihiv, "
            "Russian negotiator Vladimir Medinsky said.\n\n"
            "The two delegations signed a protocol on humanitarian corridors."
        ),
    },
    {
        "id": "workbench-strike",
        "published": "2022-04-05",
        "title": "Strike on Chernihiv",
        "publisher": "Paper Two",
        "text": "Russian forces shelled Chernihiv on Monday, regional officials said.",
    },
]


@pytest.fixture(scope="module")
def workbench_server(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[str]:
    url = build_store(tmp_path_factory.mktemp("workbench") / "store.db", nlp, WORKBENCH_ARTICLES)
    yield from serve(url, nlp)


def serve(url: str, nlp: Any) -> Iterator[str]:
    import uvicorn

    from peacewatch.api import Settings, create_app
    from peacewatch.pipeline import analyze

    settings = Settings(
        db=url,
        token=TOKEN,
        rate_per_minute=0,
        analyze=lambda raw, published: analyze(raw, published=published, nlp=nlp),
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:  # only reached in CI (otherwise the module is skipped)
        pytest.fail("CI is set but chromium is missing: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        if IN_CI:
            pytest.fail(f"CI is set but playwright is missing: pip install -e '.[dev]' ({exc})")
        pytest.skip("playwright (python) is not installed: pip install -e '.[dev]'")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(WAIT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    ctx.close()
    assert not errors, f"uncaught errors in the page: {errors}"


def open_view(page: Any, base: str, hash_: str) -> None:
    page.goto(f"{base}/#/{hash_}")
    wait_ready(page, hash_.split("?")[0].split("/")[0])


def wait_ready(page: Any, view: str) -> None:
    # app.js sets data-ready=<view> once the view is rendered (and clears it on navigation).
    page.wait_for_selector(f'body[data-ready="{view}"]', state="attached")
    errors = page.locator("main .error")
    assert errors.count() == 0, errors.first.inner_text()


def items(base: str, kind: str, **params: Any) -> list[dict[str, Any]]:
    got = httpx.get(f"{base}/api/{kind}", params={"limit": 500, **params}).json()
    return list(got["items"])


def highlighted(page: Any) -> str:
    """The text of the outlined evidence (a span may be cut into several marks)."""
    page.wait_for_selector("mark.focus")
    return "".join(page.locator("mark.focus").all_text_contents())


def assert_evidence_opened(page: Any, record: dict[str, Any]) -> None:
    wait_ready(page, "doc")
    assert highlighted(page) == record["evidence_text"]
    body = page.locator(".body").inner_text()
    assert record["evidence_text"] in body


@pytest.mark.parametrize(
    ("view", "selector", "expect"),
    [
        ("timeline", ".timeline li", "round"),
        ("map", "svg.map path.land", None),
        ("positions", "td.cell", "ceasefire"),
        ("quotes", "tr[data-id]", "Sokolov"),
        ("documents", "tr a", "Fourth round ends without agreement"),
        ("analyze", "textarea", "Analyse an article"),
    ],
)
def test_each_view_loads(
    page: Any, server: str, view: str, selector: str, expect: str | None
) -> None:
    open_view(page, server, view)
    assert page.locator(selector).count() > 0
    assert page.locator(f'#nav a[href="#/{view}"]').get_attribute("class") == "active"
    if expect:
        assert expect in page.locator("main").inner_text()


def test_map_shows_located_points(page: Any, server: str) -> None:
    open_view(page, server, "map")
    assert page.locator("svg.map circle").count() > 0
    page.locator("svg.map g").first.click()
    assert page.locator(".panel a.evidence").count() > 0


def test_document_view_highlights_every_record(page: Any, server: str) -> None:
    doc = next(d for d in items(server, "documents") if d["key"] == "fixture-geneva-round")
    open_view(page, server, f"doc/{doc['doc_id']}")
    spans = httpx.get(f"{server}/api/documents/{doc['doc_id']}").json()["spans"]
    assert page.locator(".panel li.rec").count() == len(spans) > 0
    assert page.locator(".body mark").count() > 0
    # Clicking a record in the list outlines its span in the body.
    page.locator(".panel li.rec a").nth(len(spans) - 1).click()
    assert highlighted(page) == spans[-1]["text"]


def test_click_event_on_timeline_opens_its_evidence(page: Any, server: str) -> None:
    open_view(page, server, "timeline")
    row = page.locator(".timeline li[data-id]").first
    event_id = row.get_attribute("data-id")
    event = next(e for e in items(server, "events") if e["id"] == event_id)
    row.locator("a.evidence").click()
    assert_evidence_opened(page, event)


def test_click_quote_opens_its_evidence(page: Any, server: str) -> None:
    open_view(page, server, "quotes")
    quotes = {q["id"]: q for q in items(server, "quotes")}
    row = page.locator("tr[data-id]").last
    quote = quotes[str(row.get_attribute("data-id"))]
    row.locator("a.evidence").click()
    assert_evidence_opened(page, quote)


def test_click_position_cell_opens_its_evidence(page: Any, server: str) -> None:
    open_view(page, server, "positions")
    link = page.locator("td.cell > div a.evidence").first
    position = next(
        p for p in items(server, "positions") if p["id"] == link.get_attribute("data-id")
    )
    link.click()
    assert_evidence_opened(page, position)


def test_filter_quotes_by_speaker(page: Any, server: str) -> None:
    open_view(page, server, "quotes")
    everyone = page.locator("tr[data-id]").count()
    speaker = next(
        s for s in page.locator("select[name=speaker] option").all_inner_texts() if "Sokolov" in s
    )
    page.select_option("select[name=speaker]", speaker)
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**speaker=*")
    wait_ready(page, "quotes")
    speakers = page.locator("tr[data-id] td.speaker").all_inner_texts()
    assert speakers and all(speaker in s for s in speakers)
    assert len(speakers) < everyone
    api = items(server, "quotes", speaker=speaker)
    assert len(speakers) == len(api)


def test_filter_positions_by_claim_status(page: Any, server: str) -> None:
    open_view(page, server, "positions?claim_status=reported")
    statuses = set(page.locator("td.cell .status").all_inner_texts())
    assert statuses == {"reported"}
    open_view(page, server, "positions?claim_status=denied")
    assert page.locator("td.cell").count() == 0


def test_paste_an_article_and_store_it(page: Any, server: str) -> None:
    article = (
        "Delegations from Moldova and Romania met in Chisinau on Thursday for talks on the "
        "border crossing.\n\n"
        '"We demand that the crossing reopen," Moldovan negotiator Ion Rusu told reporters.'
    )
    stored_before = len(items(server, "documents"))
    open_view(page, server, "analyze")
    page.fill("textarea[name=text]", article)
    # The server has a token, so analysis needs it too: without it, the API's message.
    page.get_by_role("button", name="Analyse", exact=True).click()
    page.wait_for_selector("main .error")
    assert "token" in page.locator("main .error").inner_text()
    # Analyse only: the document comes back highlighted, nothing is stored.
    page.fill("input[type=password]", TOKEN)
    page.get_by_role("button", name="Analyse", exact=True).click()
    page.wait_for_selector("main .body mark")
    assert "Chisinau" in page.locator("main .body").inner_text()
    assert len(items(server, "documents")) == stored_before
    # A wrong token is refused with the API's message.
    page.fill("input[type=password]", "wrong")
    page.get_by_role("button", name="Analyse and store").click()
    page.wait_for_selector("main .error")
    assert "token" in page.locator("main .error").inner_text()
    page.fill("input[type=password]", TOKEN)
    page.get_by_role("button", name="Analyse and store").click()
    link = page.locator("main p a[href^='#/doc/']")
    link.wait_for()
    assert "stored" in page.locator("main").inner_text()
    assert len(items(server, "documents")) == stored_before + 1
    link.click()
    wait_ready(page, "doc")
    assert "Chisinau" in page.locator(".body").inner_text()
    assert page.locator(".body mark").count() > 0


def test_xss_payloads_stay_text(page: Any, server: str) -> None:
    dialogs: list[str] = []

    def dismiss(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dismiss)
    doc = next(d for d in items(server, "documents") if d["key"] == "fixture-xss")
    for view in (f"doc/{doc['doc_id']}", "documents", "quotes", "timeline", "positions"):
        open_view(page, server, view)
        page.wait_for_timeout(200)  # an onerror fires after the image load fails: let it
        assert page.evaluate("typeof window.pwned") == "undefined", view
        assert page.locator("main img, main script, main iframe").count() == 0, view
    # The document view shows both payloads as literal text, and the title too.
    open_view(page, server, f"doc/{doc['doc_id']}")
    body = page.locator(".body").inner_text()
    assert SCRIPT_PAYLOAD in body and IMG_PAYLOAD in body
    assert SCRIPT_PAYLOAD in page.locator("main h2").inner_text()
    # Pasted, unstored text is no different.
    open_view(page, server, "analyze")
    page.fill("input[type=password]", TOKEN)
    page.fill("textarea[name=text]", f"Officials in Kyiv said {IMG_PAYLOAD} talks would resume.")
    page.get_by_role("button", name="Analyse", exact=True).click()
    page.wait_for_selector("main .body")
    page.wait_for_timeout(200)
    assert IMG_PAYLOAD in page.locator("main .body").inner_text()
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []


def test_pager_shows_a_capped_total(
    page: Any, server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacewatch.api import routes

    monkeypatch.setattr(routes, "COUNT_CAP", 2)  # the server runs in this process
    open_view(page, server, "quotes")
    rows = page.locator("tr[data-id]").count()
    assert rows > 2
    text = page.locator(".pager").inner_text()
    # Every match is on this page (fewer rows than the limit): the count is known, and
    # there is nothing to go on to.
    assert f"1–{rows} of {rows}" in text, text
    assert page.get_by_role("button", name="next ›").is_disabled()


def test_timeline_shows_each_event_date_at_its_precision(page: Any, server: str) -> None:
    """Issue 16: the date as the record has it (a year stays "2021", never 1 January), and a
    date that is only the report's publication date marked as such."""
    open_view(page, server, "timeline")
    events = {e["id"]: e for e in items(server, "events")}
    rows = page.locator(".timeline li[data-id]")
    assert rows.count() > 0
    for i in range(rows.count()):
        row = rows.nth(i)
        e = events[str(row.get_attribute("data-id"))]
        shown = row.locator(".day").inner_text()
        if not e["date"]:
            assert shown == "undated"
            continue
        assert e["date"] in shown
        assert ("(reported)" in shown) == (e["date_basis"] == "reported")
        assert shown.startswith("by ") == (e["date_precision"] == "before")


def test_positions_board_columns_follow_the_roles_in_the_talks(page: Any, server: str) -> None:
    # Parties of the talks first, then third parties, then anyone else; in each, the party
    # with the most positions first (issue 17: not alphabetical).
    open_view(page, server, "positions")
    columns = page.locator("table tr").first.locator("th").all_inner_texts()[1:]
    facets = httpx.get(f"{server}/api/facets").json()
    count: dict[str, int] = {}
    for p in items(server, "positions"):
        count[p["party"] or "unattributed"] = count.get(p["party"] or "unattributed", 0) + 1
    assert sorted(columns) == sorted(count) and len(columns) >= 2

    def role(party: str) -> int:
        if party in facets["talk_parties"]:
            return 0
        return 1 if party in facets["talk_third_parties"] else 2 + (party == "unattributed")

    keys = [(role(c), -count[c]) for c in columns]
    assert keys == sorted(keys)
    assert role(columns[0]) == 0


def test_speaker_menu_lists_linked_speakers_most_quoted_first(page: Any, server: str) -> None:
    open_view(page, server, "quotes")
    menu = page.locator("select[name=speaker] option").all_inner_texts()[1:]  # after "(any)"
    quoted: dict[str, int] = {}
    for q in items(server, "quotes"):
        if q["speaker"]:
            quoted[q["speaker"]] = quoted.get(q["speaker"], 0) + 1
    assert menu and set(menu) <= set(quoted)
    assert [quoted[s] for s in menu] == sorted((quoted[s] for s in menu), reverse=True)


def test_negotiation_view_lists_merged_rounds_and_opens_a_stance(page: Any, server: str) -> None:
    tracks = httpx.get(f"{server}/api/tracks").json()["items"]
    # The view opens the first track (the process with the most documents).
    track = httpx.get(f"{server}/api/track", params={"track": tracks[0]["id"]}).json()
    assert track["rounds"] and track["positions"]
    open_view(page, server, "negotiation")
    assert page.locator("select.track-picker").input_value() == tracks[0]["id"]
    assert page.locator("table.rounds tr.round").count() == len(track["rounds"])
    reports = page.locator("tr.round li.report").count()
    assert reports == sum(len(r["reports"]) for r in track["rounds"])
    cell = page.locator("table.matrix td.cell").first
    assert cell.count() == 1
    cell.locator("a.evidence").first.click()
    wait_ready(page, "doc")
    texts = {h["evidence"]["text"] for x in track["positions"] for h in x["history"]}
    assert highlighted(page) in texts


def test_negotiation_track_picker_switches_tracks(page: Any, server: str) -> None:
    tracks = httpx.get(f"{server}/api/tracks").json()["items"]
    open_view(page, server, "negotiation")
    options = page.locator("select.track-picker option")
    assert options.count() == len(tracks) + 1  # every track, then every document
    page.select_option("select.track-picker", "all")
    page.wait_for_url("**track=all*")
    wait_ready(page, "negotiation")
    everything = httpx.get(f"{server}/api/track").json()
    assert page.locator("table.rounds tr.round").count() == len(everything["rounds"])
    # A track's matrix puts the process's own parties first.
    open_view(page, server, f"negotiation?track={tracks[0]['id']}")
    columns = page.locator("table.matrix tr").first.locator("th").all_inner_texts()[1:]
    process = set(tracks[0]["process"])
    own = [c for c in columns if c in process]
    assert own and columns[: len(own)] == own


def test_side_panel_shows_the_record_and_its_context(page: Any, server: str) -> None:
    open_view(page, server, "timeline")
    row = page.locator(".timeline li[data-id]").first
    event = next(e for e in items(server, "events") if e["id"] == row.get_attribute("data-id"))
    row.locator("a.evidence").click()
    assert_evidence_opened(page, event)
    panel = page.locator(".panel .record")
    assert panel.locator('dd[data-field="type"]').inner_text() == event["type"]
    if event["date"]:
        date = panel.locator('dd[data-field="date"]').inner_text()
        assert event["date"] in date and f"basis {event['date_basis']}" in date
    assert panel.locator(".status").inner_text() == event["claim_status"]
    context = panel.locator("blockquote.context").inner_text()
    assert event["evidence_text"] in context
    assert panel.locator("mark.context-evidence").inner_text() == event["evidence_text"]


def test_side_panel_shows_the_quote_behind_a_position(page: Any, server: str) -> None:
    quotes = items(server, "quotes")

    def behind(p: dict[str, Any]) -> list[dict[str, Any]]:
        return [
            q
            for q in quotes
            if q["version_id"] == p["version_id"]
            and q["evidence_start"] < p["evidence_end"]
            and p["evidence_start"] < q["evidence_end"]
        ]

    position = next(p for p in items(server, "positions") if behind(p))
    doc_id, ver = position["version_id"].rsplit("/v", 1)
    s, e = position["evidence_start"], position["evidence_end"]
    open_view(page, server, f"doc/{doc_id}?v={ver}&s={s}&e={e}")
    page.wait_for_selector(".panel .record dl.fields")
    if "positions[" not in page.locator(".panel .record p.muted").first.inner_text():
        pytest.skip("another record shares the position's exact span")
    shown = page.locator(".quote-behind").all_inner_texts()
    assert shown and any(behind(position)[0]["text"] in x for x in shown)


def test_export_button_downloads_every_row_of_the_view(page: Any, server: str) -> None:
    speaker = next(q["speaker"] for q in items(server, "quotes") if q["speaker"])
    open_view(page, server, f"quotes?speaker={speaker}")
    with page.expect_download() as info:
        page.locator('a.download[data-format="csv"]').click()
    path = info.value.path()
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    assert len(lines) - 1 == len(items(server, "quotes", speaker=speaker)) > 0
    assert info.value.suggested_filename == "peacewatch-quotes.csv"


def test_map_filters_slider_and_country_level_list(page: Any, server: str) -> None:
    open_view(page, server, "map")
    countries = page.locator("table.country-level tr.country-row")
    assert countries.count() > 0  # "Ukraine" is listed, not a pin
    everything = page.locator("svg.map circle").count()
    slider = page.locator("input.month-slider")
    months = int(slider.get_attribute("max") or 0)
    assert months >= 1
    slider.fill("1")
    assert page.locator("body").get_attribute("data-month") not in (None, "all")
    assert page.locator("svg.map circle").count() <= everything
    # An event type shows events only: no place mentions, so no country row of places.
    kind = items(server, "events")[0]["type"]
    open_view(page, server, f"map?type={kind}")
    assert page.locator("select[name=type]").input_value() == kind
    for row in page.locator("table.country-level tr.country-row").all():
        assert row.locator("td").nth(1).inner_text() == "0"


def test_new_since_lists_the_change_feed(page: Any, server: str) -> None:
    feed = httpx.get(f"{server}/api/changes", params={"limit": 200}).json()
    open_view(page, server, "timeline")
    page.evaluate("localStorage.clear()")
    open_view(page, server, "new")
    assert page.locator("li.change").count() == len(feed["items"]) > 0
    page.get_by_role("button", name="Mark all as seen").click()
    page.wait_for_url("**since=*")
    wait_ready(page, "new")
    assert page.locator("li.change").count() == 0
    open_view(page, server, "new")  # remembered in this browser
    assert page.locator("li.change").count() == 0


def test_search_box(page: Any, server: str) -> None:
    open_view(page, server, "timeline")
    page.fill("header form.search-box input", "ceasefire")
    page.press("header form.search-box input", "Enter")
    page.wait_for_url("**#/search?q=ceasefire*")
    page.wait_for_selector('body[data-ready="search"]', state="attached")
    route = httpx.get(f"{server}/api/search", params={"q": "ceasefire"})
    if route.status_code == 404:  # a server without the search route (helper h5's)
        assert "not available" in page.locator(".search-off").inner_text()
        return
    got = route.json()
    assert page.locator("li.result").count() == min(len(got["items"]), 50) > 0
    assert page.locator("li.result mark.match").count() > 0


def test_search_snippets_mark_matches_by_their_offsets(page: Any, server: str) -> None:
    """/api/search marks matches «…» and gives their offsets: the offsets decide, so a « in
    the text itself is not taken for a match."""
    open_view(page, server, "timeline")
    got = page.evaluate(
        """async () => {
        const { marked, el } = await import("/static/js/ui.js");
        const render = (s, m) => {
          const p = el("p", {}, marked(s, m));
          return [p.textContent, [...p.querySelectorAll("mark")].map((x) => x.textContent)];
        };
        return [render("a «talks» in «Geneva»", [[3, 8], [14, 20]]),
                render("quote « open «talks»", [[14, 19]]),
                render("no «marks» given", null)];
    }"""
    )
    assert got[0] == ["a talks in Geneva", ["talks", "Geneva"]]
    assert got[1] == ["quote « open talks", ["talks"]]
    assert got[2] == ["no marks given", ["marks"]]


def store(server: str, article: dict[str, str], url: str) -> str:
    """Analyse and store an article through the API (the token's write route); its doc id."""
    body = {"text": article["text"], "published": article["published"], "url": url}
    body |= {"title": article["title"], "publisher": article["publisher"]}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    got = httpx.post(f"{server}/api/documents", json=body, headers=headers, timeout=120)
    assert got.status_code == 200, got.text
    return str(got.json()["doc_id"])


def test_side_panel_reports_of_a_merged_event_and_the_original(page: Any, server: str) -> None:
    """Two outlets report one meeting: the event's panel lists the other report; the document
    links to its original URL, and a javascript: URL stays text."""
    from api_fixtures import CLAIM_ARTICLES

    first = store(server, CLAIM_ARTICLES[0], "https://wire-one.example/istanbul")
    store(server, CLAIM_ARTICLES[1], "javascript:window.pwned='url'")
    merged = httpx.get(f"{server}/api/merged", params={"limit": 500}).json()["items"]
    row = next(m for m in merged if len({s for c in m["claims"] for s in c["sources"]}) > 1)
    sources = sorted({s for c in row["claims"] for s in c["sources"]})
    event = next(e for e in items(server, "events") if e["id"] == sources[0])
    doc_id, ver = event["version_id"].rsplit("/v", 1)
    tail = event["id"].split("#")[1]
    s, e = event["evidence_start"], event["evidence_end"]
    open_view(page, server, f"doc/{doc_id}?v={ver}&s={s}&e={e}&r={tail}")
    page.get_by_role("button", name="Other reports of this event").click()
    page.wait_for_selector(".behind h4")
    links = page.locator("a.report-link").all_inner_texts()
    assert sorted(links) == [x for x in sources if x != event["id"]]
    # The original article: an http(s) URL is a link, anything else stays text.
    seen = 0
    for doc in items(server, "documents"):
        if doc["doc_id"] == first:
            seen += 1
            open_view(page, server, f"doc/{first}")
            assert page.locator("main a.source").get_attribute("href") == doc["url"]
        elif str(doc.get("url") or "").startswith("javascript:"):
            seen += 1
            open_view(page, server, f"doc/{doc['doc_id']}")
            assert page.locator("main a.source").count() == 0
            assert doc["url"] in page.locator("main").inner_text()
    assert seen == 2
    assert page.evaluate("typeof window.pwned") == "undefined"


@pytest.mark.parametrize("fixture", ["server", "claims_server"])
def test_timeline_shows_one_entry_per_merged_round(
    page: Any, fixture: str, request: pytest.FixtureRequest
) -> None:
    base = request.getfixturevalue(fixture)
    rounds = httpx.get(f"{base}/api/track").json()["rounds"]
    # The claim articles tell one round twice: the case the merged timeline is for.
    assert rounds and (fixture == "server" or max(len(r["reports"]) for r in rounds) > 1)
    open_view(page, base, "timeline")
    entries = page.locator('.timeline li[data-kind="round"]')
    # One entry per merged round (not one per report), each listing every report it merges.
    assert entries.count() == len(rounds)
    shown = entries.all_inner_texts()
    assert sorted(e.count("report(s)") for e in shown) == [1] * len(rounds)
    for r, entry in zip(sorted(rounds, key=lambda r: r["date"] or "9999"), shown, strict=True):
        assert "Round ?" not in entry
        if r["place"]:
            assert r["place"] in entry
        numbers = {x["number"] for x in r["reports"]} - {None}
        assert ("Round " in entry) == bool(numbers) and ("Talks" in entry) != bool(numbers)
    reports = page.locator('.timeline li[data-kind="round"] li.report a.evidence')
    assert reports.count() == sum(len(r["reports"]) for r in rounds)


def test_timeline_pages_events_and_puts_each_round_on_one_page(page: Any, server: str) -> None:
    """No list of 500 events: pages of ``limit`` events, each page with the rounds of its
    dates, so over every page each event and each round is shown once."""
    events = items(server, "events")
    rounds = httpx.get(f"{server}/api/track").json()["rounds"]
    assert len(events) > 2 and rounds
    seen_events: list[str] = []
    seen_rounds = 0
    offset = 0
    while True:
        open_view(page, server, f"timeline?limit=2&offset={offset}")
        ids = page.locator('.timeline li[data-kind="event"]').evaluate_all(
            "els => els.map((e) => e.dataset.id)"
        )
        seen_events += ids
        seen_rounds += page.locator('.timeline li[data-kind="round"]').count()
        pager = page.locator(".pager").first
        assert f"{offset + 1}–{offset + len(ids)} of {len(events)}" in pager.inner_text()
        if pager.get_by_role("button", name="next ›").is_disabled():
            break
        pager.get_by_role("button", name="next ›").click()
        wait_ready(page, "timeline")
        offset += 2
    assert sorted(seen_events) == sorted(e["id"] for e in events)
    assert seen_rounds == len(rounds)


def test_map_reads_every_match_and_shades_countries(page: Any, server: str) -> None:
    got = httpx.get(f"{server}/api/map").json()
    open_view(page, server, "map")
    note = page.locator(".map-note").inner_text()
    # The totals of every match, never "the first 500".
    assert f"of {got['places']['total']} places and {got['events']['total']} events" in note
    assert "first" not in note
    shaded = page.locator("svg.map path.shaded")
    codes = {c["code"] for c in got["countries"]}
    # Shaded: the countries in view (the map draws Europe to the Caucasus); listed: all.
    drawn = set(shaded.evaluate_all("els => els.map((e) => e.dataset.country)"))
    assert drawn and drawn <= codes
    rows = page.locator("table.country-level tr.country-row")
    assert set(rows.evaluate_all("els => els.map((e) => e.dataset.code)")) == codes
    shaded.first.dispatch_event("click")
    assert "country-level item(s)" in page.locator(".panel h3").inner_text()
    assert page.locator(".panel a.evidence").count() > 0


def test_negotiation_view_lists_commitments_with_their_tests_and_agreements(
    page: Any, workbench_server: str
) -> None:
    server = workbench_server
    # Every document (the strike falls after the track's period, which ends at its round).
    t = httpx.get(f"{server}/api/track").json()
    ours = set(t["versions"].values())
    agreements = [
        a for a in httpx.get(f"{server}/api/negotiation").json()["agreements"]
        if a["version_id"] in ours
    ]  # fmt: skip
    assert t["commitments"] and agreements  # the fixture has both
    open_view(page, server, "negotiation?track=all")
    shown = page.locator("ul.commitments > li.commitment")
    assert shown.count() == len(t["commitments"])
    links = sum(len(c["links"]) for c in t["commitments"])
    assert links > 0  # the strike on Chernihiv tests the pledge
    assert page.locator("ul.commitments li.link a.evidence").count() == links
    assert page.locator("ul.agreements > li.agreement").count() == len(agreements)
    text = page.locator("ul.agreements").inner_text()
    assert all(a["kind"] in text for a in agreements) and "procedure:" in text
    shown.first.locator("a.evidence").first.click()
    wait_ready(page, "doc")
    assert highlighted(page) == t["commitments"][0]["evidence"]["text"]


def test_actor_filters_suggest_the_actors_of_the_store(page: Any, server: str) -> None:
    """The actor filter matches a code or a whole name exactly: it offers the ones it knows."""
    facets = httpx.get(f"{server}/api/facets").json()
    for view in ("timeline", "map", "positions"):
        open_view(page, server, view)
        listed = page.locator("form.filters input[name=actor]").get_attribute("list")
        offered = page.locator(f"datalist#{listed} option").evaluate_all(
            "els => els.map((o) => o.value)"
        )
        assert set(facets["talk_parties"]) <= set(offered) and "RU" in offered
        assert len(offered) == len(set(offered))


def test_timeline_filters_by_place(page: Any, server: str) -> None:
    """The map's "events in the timeline" link opens the timeline on a place."""
    place = next(e["place"] for e in items(server, "events") if e["place"])
    want = {e["id"] for e in items(server, "events", place=place)}
    open_view(page, server, f"timeline?place={place}")
    shown = page.locator(".timeline li[data-id]").evaluate_all(
        "els => els.map((e) => e.dataset.id)"
    )
    assert set(shown) == want and len(want) < len(items(server, "events"))
    assert page.locator("input[name=place]").input_value() == place
