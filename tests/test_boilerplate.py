"""Boilerplate rules: one line per house style, and prose that must survive.

Every line here is written for these tests in the *style* of a publisher (wire credits, caption
credits, notices); none is copied from an article.
"""

from __future__ import annotations

import pytest

from peacewatch.clean.boilerplate import classify_line, is_timestamp, match_dateline

# (line, kind): lines in the conventions of many publishers.
POSITIVES = [
    # captions with photo credits
    ("Delegates arrive for the meeting in Minsk. Photo by Ivan Petrov/EPA-EFE", "caption"),
    ("A soldier stands guard near the border. Photo by Olga Ivanova/UPI", "caption"),
    ("Firefighters work at the site of a strike. REUTERS/Jane Roe", "caption"),
    ("A woman walks past a damaged building. REUTERS/Stringer/File Photo", "caption"),
    ("Rescuers search the rubble. (AP Photo/John Doe)", "caption"),
    ("Residents queue for water in Mariupol. (Photo by Pavel SMITH / AFP)", "caption"),
    ("The mayor speaks to reporters. Photograph: Anna Lee/Reuters", "caption"),
    ("Image source, Getty Images", "caption"),
    ("Image caption, Volunteers sort donated clothes in Lviv", "caption"),
    ("Soldiers ride on a tank near the front [File: Max Mustermann/Reuters]", "caption"),
    ("Negotiators meet at the palace. Photo: Oleksii Example / Kyiv Independent", "caption"),
    ("Photo: Ukrinform", "caption"),
    ("Photo: president.gov.ua", "caption"),
    ("© Sergei Example/TASS", "caption"),
    ("Police officers patrol a square. Photo: John Doe / Reuters / Scanpix / LETA", "caption"),
    ("FILE - Ukrainian servicemen rest in a trench, March 3, 2022.", "caption"),
    ("Ministers pose for a picture. Jane Roe | Getty Images", "caption"),
    ("Maria Example Submitted photo", "caption"),
    # copyright
    ("Copyright 2022 United Example International, Inc. All Rights Reserved.", "copyright"),
    ("© 2022 Example Press", "copyright"),
    ("(c) 2022 Example News Agency", "copyright"),
    ("copyright Examplemag 2021 - ISSN: 1234-5678", "copyright"),
    ("All rights reserved.", "copyright"),
    (
        "From A BOOK TITLE by Jane Roe. Copyright © 2021 by Jane Roe. Reprinted by permission.",
        "copyright",
    ),
    # licensing and syndication
    ("This content is published through a licensing agreement with Example Media", "licensing"),
    ("This material may not be published, broadcast, rewritten or redistributed.", "licensing"),
    ("Originally published on Example Science.", "licensing"),
    ("This article was originally published by Example Daily.", "licensing"),
    ("SOURCE: Example News and news agencies", "licensing"),
    ("Some information for this report came from Example Press and Reuters.", "licensing"),
    (
        "When citing materials, a hyperlink to example.ua no lower than the first paragraph is "
        "mandatory.",
        "licensing",
    ),
    ("This article is licensed under a Creative Commons Attribution 4.0 licence.", "licensing"),
    # widgets
    ("Rating: 4.5/5. From 12 votes.", "rating"),
    ("Rate this article", "rating"),
    ("Votes: 17", "rating"),
    ("Please wait...", "loading"),
    ("Loading…", "loading"),
    ("Share on Facebook", "sharing"),
    ("Facebook Twitter WhatsApp Telegram", "sharing"),
    ("Follow us on Telegram", "sharing"),
    ("Follow Example Radio on Instagram, Facebook and YouTube.", "sharing"),
    # related links, ads, newsletters
    ("Read more: Talks to resume next week, officials say", "related"),
    ("READ MORE: What we know about the corridor", "related"),
    ("You might also like…", "related"),
    ("Most popular in Europe", "related"),
    ("Follow Example's full coverage of the war at https://example.com/ukraine", "related"),
    ("Filed under: Diplomacy |", "related"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Support independent journalism in Ukraine. Become a member today.", "advertisement"),
    ("Sign up for our daily newsletter", "newsletter"),
    ("Have the morning briefing sent straight to your inbox on weekdays.", "newsletter"),
    ("Thank you for subscribing.", "newsletter"),
    ("Sign up to get an email from our Kyiv correspondent when a new story is out.", "newsletter"),
    # wire taglines
    ("Reporting by Jane Roe in Kyiv; Editing by John Doe", "byline"),
    ("(Reporting by Jane Roe; additional reporting by John Doe in Moscow)", "byline"),
    ("Associated Press writer Jane Roe in Warsaw contributed to this report.", "byline"),
    ("Associated Press writers Jane Roe in Kyiv and John Doe in Moscow contributed.", "byline"),
    ("bur-jr/jd", "byline"),
    ("Our Standards: The Thomson Reuters Trust Principles.", "licensing"),
]


@pytest.mark.parametrize(("line", "kind"), POSITIVES)
def test_boilerplate_line_is_removed(line: str, kind: str) -> None:
    # Place every line at the end of a long article: taglines count only there, the others
    # anywhere.
    assert classify_line(line, 30, 32) == kind


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Roe",
        "By JANE ROE and JOHN DOE",
        "By Jane Roe, Reuters",
        "By Olena Example | Kyiv Independent",
        "Written by John Doe",
        "By Jane Roe, Staff Writer",
        "By Jane Roe, senior correspondent",
    ],
)
def test_byline_at_the_top(line: str) -> None:
    assert classify_line(line, 0, 30) == "byline"


# Real-prose sentences that mention the same words: they must stay article text.
NEGATIVES = [
    "Photos by local residents posted on Telegram showed damaged apartment blocks.",
    "The photo, taken by a drone on Monday, shows a column of armoured vehicles.",
    "A photographer for a Ukrainian agency was wounded near the front line.",
    "Copyright law in Ukraine was amended in 2022 to cover wartime archives.",
    "Copyright holders in Russia lost protection for works from unfriendly countries.",
    "The ministry said all rights of the displaced would be protected.",
    "Approval ratings for the president rose to 91% in March, a poll showed.",
    "The resolution passed with 141 votes in favour and five against.",
    "Lawmakers will vote on the ceasefire proposal on Thursday.",
    "Please wait for the evacuation buses, the mayor told residents on Telegram.",
    "Loading of grain at the port of Odesa resumed on Monday.",
    "By Tuesday, the two delegations had agreed to meet again in Istanbul.",
    "By March, more than three million people had fled the country.",
    "By the end of the week, the convoy had reached the city.",
    "By Christmas, the front had barely moved.",
    "By Western standards, the offer was generous.",
    "Published in 2021, the study was widely cited.",
    "Reporting by the BBC suggested the talks had stalled.",
    "He shared the video on Facebook and Twitter, calling it proof of shelling.",
    "Aid distributed by UNICEF reached the city on Friday.",
    "The names may not be published under martial law, the ministry said.",
    "The company signed a licensing agreement with a Turkish drone maker last year.",
    "The letter, published with permission of the family, describes the siege.",
    "Published in March 2021, the report found that the ceasefire was violated daily.",
    "Read the full text of the statement, which was released late on Tuesday.",
    "More than 200 people were sheltering in the theatre when it was hit.",
    "Sign up for the evacuation list was open until noon, the city council said.",
    "Sign up for the streaming bundle using the same email as your old account.",
    "The publisher holds the copyright to the 1994 memoir, a spokesman said.",
    "Subscribers to the state broadcaster lost access on Monday.",
    "Source: a senior Ukrainian official, who spoke on condition of anonymity, said talks would "
    "continue.",
    "The newsletter of the OSCE mission reported 1,400 explosions over the weekend.",
    "Follow-up talks are expected next week, officials said.",
    "Each of the 27 member states contributed.",
    "Foreign journalists said the city had changed, and every donor country contributed.",
    "The courtesy of a ceasefire was not extended to the eastern regions.",
    "Share prices in Moscow fell sharply when trading resumed.",
    "File photos of the delegations were shown on state television.",
    "Click-through rates for the government's appeal were high, officials said.",
    "Image quality of the satellite pictures was poor, analysts said.",
    "The exhibition ran from 2 May 2021 to 30 June 2021.",
]


@pytest.mark.parametrize("line", NEGATIVES)
def test_prose_is_kept(line: str) -> None:
    for index in (0, 1, 10, 28):
        assert classify_line(line, index, 30) is None, (line, index)


@pytest.mark.parametrize(
    "line",
    [
        "Updated at 4:10 p.m.",
        "UPDATED: Wed., Mar. 30, 2022",
        "Published 29 March 2022, 14:05",
        "2022-03-29T08:57:40+03:00",
        "5:45 AM PST 3/29/2022 by Jane Roe",
    ],
)
def test_timestamps(line: str) -> None:
    assert is_timestamp(line)
    assert classify_line(line, 0, 20) == "dateline"


@pytest.mark.parametrize(
    "line",
    ["2 May 2021 | 30 June 2021", "March 29", "In 2022, 14 people died.", "7:15 p.m."],
)
def test_not_timestamps(line: str) -> None:
    assert not is_timestamp(line)


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        (
            "KYIV, Ukraine, March 29 (UPI) -- Negotiators met again on Tuesday.",
            "KYIV, Ukraine, March 29 (UPI)",
        ),
        ("ISTANBUL (Reuters) - Negotiators met again on Tuesday.", "ISTANBUL (Reuters)"),
        ("WASHINGTON (AP) — The White House said on Tuesday ...", "WASHINGTON (AP)"),
        ("MADRID — The foreign minister said the talks would go on.", "MADRID"),
        ("CLEVELAND, Ohio – The city council voted on Monday.", "CLEVELAND, Ohio"),
        ("MOSCOW, March 29. /TASS/. The Kremlin said on Tuesday ...", "MOSCOW, March 29."),
        ("Kyiv (AFP) - Ukraine said on Tuesday it had proposed ...", "Kyiv (AFP)"),
        (
            "KYIV. March 29 (Interfax-Ukraine) - The parliament voted on Tuesday.",
            "KYIV. March 29 (Interfax-Ukraine)",
        ),
        (
            "Kyiv, 29 March 2022 (Ukrinform) – The delegation returned.",
            "Kyiv, 29 March 2022 (Ukrinform)",
        ),
        ("MANCHESTER, N.H. - Voters lined up before dawn on Tuesday.", "MANCHESTER, N.H."),
        ("BEDFORD, N.H. (AP) — The candidate spoke for an hour.", "BEDFORD, N.H. (AP)"),
        ("LONDON, 29 March (Example) - British officials said ...", "LONDON, 29 March (Example)"),
    ],
)
def test_dateline(paragraph: str, dateline: str) -> None:
    m = match_dateline(paragraph)
    assert m is not None
    assert paragraph.startswith(m[0])
    assert m[1] == dateline


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO - The alliance will not send troops to Ukraine, its chief said on Tuesday.",
        "UNICEF — More than half of Ukraine's children have been displaced, the agency said.",
        "EU - Ministers agreed a fifth package of sanctions on Friday.",
        "EXCLUSIVE – The envoy says talks will resume next week.",
        "U.S. - China talks resumed in Geneva on Monday after a pause of two months.",
        "Kyiv - a city of three million - has been under curfew since Saturday.",
        "The talks in Istanbul - the first in two weeks - ended after three hours.",
        "Ukraine's President Volodymyr Zelensky (pictured) - speaking by video - urged talks.",
    ],
)
def test_not_a_dateline(paragraph: str) -> None:
    assert match_dateline(paragraph) is None


def test_source_tag_of_a_news_brief_is_not_a_caption() -> None:
    brief = (
        "TALKS TO RESUME NEXT WEEK Negotiators from both sides said on Friday they would meet "
        "again by video link on Monday to discuss a draft text. [Reuters]"
    )
    assert classify_line(brief, 5, 20) is None
    assert classify_line("Talks resume in Istanbul [File: Reuters]", 5, 20) == "caption"


def test_republished_under_licence() -> None:
    line = "This article is republished from Example Wire under a licensing agreement."
    assert classify_line(line, 9, 10) == "licensing"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Have a tip? Jane Roe may be reached at jroe@example.com.", "byline"),
        ("Jane Roe's new book is out now. Follow her on Twitter @janeroe.", "byline"),
        ("If you enjoyed this article, join our members' club for full access.", "advertisement"),
    ],
)
def test_closing_lines(line: str, kind: str) -> None:
    assert classify_line(line, 19, 20) == kind
    # Contact lines are taglines: only in the last lines of an article.
    if kind == "byline":
        assert classify_line(line, 5, 20) is None


def test_contact_in_prose_is_kept() -> None:
    line = "Residents were told the city hall can be reached at help@example.gov.ua for evacuation."
    assert classify_line(line, 3, 20) is None
