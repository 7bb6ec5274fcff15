"""Lines that are not article text: captions, credits, copyright, widgets, bylines.

Each rule is a pattern of the *kind* of line (a photo credit, a copyright notice, a rating
widget), never of one article's wording; they are checked on articles from other publishers
(tests/test_boilerplate.py and the AEB pages in ``make eval``).
"""

from __future__ import annotations

import re

from peacewatch.records import RemovedKind

# Photo agencies and credit forms as they end captions: "Photo by X/EPA-EFE", "(AP Photo/X)",
# "Getty Images", "Reuters/X". A caption is a line that carries such a credit.
_AGENCIES = (
    r"EPA(?:-EFE)?|AFP|AP|Reuters|Getty(?: Images)?|Shutterstock|Xinhua|Anadolu(?: Agency)?"
    r"|TASS|Sputnik|UPI|Bloomberg|Alamy|NurPhoto|SOPA Images|Pool|Handout|Ukrinform|RIA Novosti"
)
_CAPTION = re.compile(
    r"(?:\bPhoto(?:graph)?s?\s*(?:by|:|courtesy of|credit:?)\s+\S)"
    r"|(?:\b(?:Image|Picture|Video|File photo|Credit|Photo illustration)\s*(?:by|:)\s+\S)"
    r"|(?:\((?:AP|AFP|Reuters|EPA)\s+Photo\b)"
    r"|(?:\b(?:AP|AFP|EPA|Reuters)\s+Photo/)"
    rf"|(?:/\s*(?:{_AGENCIES})\s*\)?\s*$)"
    rf"|(?:^\(?(?:Photo|Image)s?\s*[:/]\s*(?:{_AGENCIES}))",
    re.I,
)
_COPYRIGHT = re.compile(
    r"^\s*(?:Copyright\b|©|\(c\)\s*\d{4})|\bAll rights reserved\b|\bcopyright\s*©", re.I
)
_LICENSING = re.compile(
    r"\b(?:licen[cs]ing agreement|published (?:through|under|with permission)"
    r"|republished (?:from|with permission)|reprinted with permission"
    r"|originally (?:published|appeared) (?:on|in|at)|syndicat(?:ed|ion) (?:by|through|partner)"
    r"|distributed by|reproduction,? republication|may not be (?:published|reproduced|"
    r"redistributed|rewritten)|without (?:the )?prior written (?:consent|permission))",
    re.I,
)
_RATING = re.compile(
    r"^\s*(?:Rating:|Rate this|Click to rate|Average rating|Your rating)"
    r"|\b\d(?:\.\d)?\s*/\s*5\b.*\bvotes?\b|\bFrom \d+ votes?\b|^\s*\d+ votes?\s*$",
    re.I,
)
_LOADING = re.compile(r"^\s*(?:Please wait|Loading)\s*(?:\.\.\.|…)?\s*$", re.I)
_SHARING = re.compile(
    r"^\s*(?:Share(?: this(?: article| story)?)?(?: on (?:Facebook|Twitter|X|WhatsApp|"
    r"LinkedIn|Telegram))?|Tweet|Email|Print|Copy link|Follow us on \w+.*|"
    r"(?:Facebook|Twitter|WhatsApp|LinkedIn|Telegram|Reddit)(?:\s*[|/,·]\s*\w+)*)\s*$",
    re.I,
)
_RELATED = re.compile(
    r"^\s*(?:Read more|Related|See also|Also read|More on this|Recommended|READ MORE)\s*[:|-]",
    re.I,
)
_ADVERT = re.compile(r"^\s*(?:Advertisement|Sponsored(?: content)?|ADVERTISEMENT)\s*$", re.I)
_NEWSLETTER = re.compile(
    r"^\s*(?:Sign up (?:for|to)|Subscribe (?:to|for|now)|Get our .*newsletter)", re.I
)
# "By Jane Doe", "By Jane Doe and John Roe, Reuters": a short line at the head of the article.
_BYLINE = re.compile(
    r"^\s*By\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3})*\s*(?:[,|]\s*[\w .]+)?$"
)
# "KYIV, Ukraine, March 29 (UPI) -- " or "ISTANBUL (Reuters) - " at the start of a paragraph.
DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'\-]{2,}(?:,\s*[A-Z][\w .'\-]+)*"
    r"(?:,?\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z .\-]+\))?\s*(?:--|—|–|-)\s+)"
)


def classify_line(line: str, index: int, total: int) -> RemovedKind | None:
    """The kind of boilerplate a line is, or None for article text.

    ``index`` and ``total`` locate the line: bylines count only near the top.
    """
    s = line.strip()
    if not s:
        return None
    words = len(s.split())
    if _LOADING.search(s):
        return "loading"
    if _RATING.search(s) and words <= 12:
        return "rating"
    if _COPYRIGHT.search(s) and words <= 60:
        return "copyright"
    if _LICENSING.search(s) and words <= 60:
        return "licensing"
    if _CAPTION.search(s):
        return "caption"
    if words <= 8 and _SHARING.match(s):
        return "sharing"
    if words <= 25 and _RELATED.match(s):
        return "related"
    if _ADVERT.match(s):
        return "advertisement"
    if words <= 20 and _NEWSLETTER.match(s):
        return "newsletter"
    if index <= 3 and words <= 12 and _BYLINE.match(s):
        return "byline"
    return None
