"""A small store for the API and web tests, built from sentences written for these tests.

Three short articles: talks with positions and quotes, a follow-up round, and one whose text
carries script and image-onerror payloads (the XSS tests).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.records import RawInput

# Were they to run, the payloads would set a global and open a dialog: the browser test
# watches for both.
SCRIPT_PAYLOAD = "<script>window.pwned='script';alert('script')</script>"
IMG_PAYLOAD = "<img src=x onerror=\"window.pwned='img';alert('img')\">"

ARTICLES = [
    {
        "id": "fixture-geneva-round",
        "published": "2022-03-08",
        "title": "Delegations resume talks in Geneva",
        "publisher": "Fixture Wire",
        "text": (
            "Negotiators from Ukraine and Russia met in Geneva on Monday for a third round of "
            "talks hosted by Switzerland.\n\n"
            "Ukraine demanded a ceasefire and the withdrawal of Russian troops, its delegation "
            "said in a statement.\n\n"
            '"We will not give up any territory," Ukrainian negotiator Taras Melnyk told '
            "reporters after the meeting.\n\n"
            "Russian forces shelled the outskirts of Kharkiv on Sunday, regional officials said."
        ),
    },
    {
        "id": "fixture-vienna-round",
        "published": "2022-03-15",
        "title": "Fourth round ends without agreement",
        "publisher": "Example Daily",
        "text": (
            "Russian and Ukrainian delegations held a fourth round of talks in Vienna on "
            "Tuesday, mediated by Austria.\n\n"
            "Russia rejected a ceasefire, Kremlin spokesman Ivan Sokolov said, according to "
            "Interfax.\n\n"
            '"The talks were difficult but useful," Sokolov told journalists in Moscow.'
        ),
    },
    {
        "id": "fixture-xss",
        "published": "2022-03-20",
        "title": "Officials comment " + SCRIPT_PAYLOAD,
        "publisher": "Hostile Source",
        "text": (
            f"Officials in Kyiv said {SCRIPT_PAYLOAD} talks with Russia would resume in Minsk "
            "next week.\n\n"
            f'"{IMG_PAYLOAD} We reject the latest proposal," Ukrainian negotiator Petro Lysenko '
            "said on Friday."
        ),
    },
]


# Three outlets on one round of talks: two report the meeting and that Ukraine demanded a
# ceasefire (four days apart: corroborated), the third that it rejected one on the day of the
# first report (contested). For the claim-status tests.
CLAIM_ARTICLES = [
    {
        "id": "claims-wire-one",
        "published": "2022-04-04",
        "title": "Talks in Istanbul",
        "publisher": "Wire One",
        "text": (
            "Negotiators from Ukraine and Russia met in Istanbul on Monday.\n\n"
            "Ukraine demanded a ceasefire, its delegation said in a statement."
        ),
    },
    {
        "id": "claims-paper-two",
        "published": "2022-04-08",
        "title": "Istanbul meeting ends",
        "publisher": "Paper Two",
        "text": (
            "Delegations of Ukraine and Russia met in Istanbul on Monday, officials said.\n\n"
            "Ukraine demanded a ceasefire and a humanitarian corridor, Ukrainian officials "
            "told reporters in Kyiv on Friday."
        ),
    },
    {
        "id": "claims-third-post",
        "published": "2022-04-04",
        "title": "A different account",
        "publisher": "Third Post",
        "text": (
            "A Russian official claimed on Monday that Ukraine rejected a ceasefire at the "
            "talks, without giving details."
        ),
    },
]


def raw(a: dict[str, str]) -> RawInput:
    return RawInput(
        id=a["id"],
        source=f"fixture:{a['id']}",
        data=a["text"],
        content_type="text",
        published=a["published"],
        title=a["title"],
        publisher=a["publisher"],
    )


def build_store(path: Path, nlp: Any, articles: list[dict[str, str]] | None = None) -> str:
    """A SQLite store at ``path`` holding the fixture articles (or ``articles``); its URL."""
    from peacewatch.pipeline import analyze
    from peacewatch.store import Store

    url = f"sqlite:///{path}"
    with Store(url) as store:
        for a in ARTICLES if articles is None else articles:
            out = store.ingest(raw(a), lambda r, p: analyze(r, published=p, nlp=nlp))
            assert out.status == "stored", out
        store.corroborate()
    return url
