"""Cleaning: decoding, page furniture, metadata, HTML extraction, and every way a document can be bad."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from eventwire.clean import (
    CleanedText,
    check_binary,
    clean_text,
    decode_html,
    decode_text,
    find_published_date,
    make_article,
    parse_date,
)
from eventwire.errors import (
    BinaryInputError,
    DecodeError,
    EmptyDocumentError,
    InputError,
    NoArticleError,
)
from eventwire.ingest import read_inputs
from eventwire.model import Article, Metadata, RawDocument

FIXTURES = Path(__file__).parent / "fixtures"

SCRAPED_BODY = "\n\n".join(
    [
        "Moldova's Foreign Ministry summoned the Russian ambassador on Friday after fragments of a military drone"
        " were found in a village close to the Ukrainian border, the ministry said in a statement.",
        'Foreign Minister Andrei Lungu called the incident "a serious violation of our airspace" and demanded an'
        " explanation from Moscow, the Moldpres agency reported.",
        "The ministry did not say who it believed had launched the drone.",
        "Moldova, which is not a member of NATO, has repeatedly complained about missiles crossing its territory"
        " since Russia's full-scale invasion of Ukraine began.",
        "Reactions in Chisinau and Kyiv",
        "Ukraine's Foreign Ministry said the debris showed that \"no country in the region is safe\" as long as the"
        " attacks continue.",
        'The Russian Embassy in Chisinau rejected the accusations, calling them "a provocation," according to the'
        " Interfax news agency.",
        "What happens next?",
        "Moldovan officials said they would raise the matter with the European Union and the United Nations.",
        "Parliament is expected to debate a resolution on air defense next week.",
    ]
)

WIRE_BODY = "\n\n".join(
    [
        "KYIV, Feb 23 (Reuters) - Ukraine's parliament on Wednesday approved a nationwide state of emergency for"
        " 30 days, starting on Thursday, the head of the national security council said.",
        "The measure allows regional authorities to impose curfews and restrict the movement of people and"
        " vehicles, as well as to ban rallies, he told lawmakers.",
        '"This is a preventive measure," he said, adding that the pro-Russian separatist regions in the east would'
        " be excluded because they are not under government control.",
        "Lawmakers also backed a bill allowing civilians to carry firearms for self-defence. The vote came hours"
        " after Western governments announced new sanctions.",
    ]
)

HTML_BODY = "\n\n".join(
    [
        "Georgia recalled its ambassador for consultations on Wednesday after soldiers detained two farmers near"
        " the administrative boundary line, the Foreign Ministry in Tbilisi said.",
        "The ministry said the two men had been grazing cattle on the Georgian-controlled side of the line when"
        " they were taken away, and it called on international monitors to secure their release.",
        '"This is a deliberate provocation aimed at destabilising the region," Deputy Foreign Minister Irakli'
        " Kobakhidze told reporters, adding that Tbilisi would raise the matter with its European partners.",
        "Monitors call for restraint",
        "The European Union's monitoring mission said its patrols had visited the area and urged all sides to show"
        " restraint and to use the hotline that exists for such incidents.",
        "Opposition parties accused the government of reacting too slowly and demanded an emergency session of"
        " parliament.",
    ]
)


def text_doc(data: bytes | str, doc_id: str = "doc") -> RawDocument:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return RawDocument(doc_id=doc_id, format="text", data=raw, meta=Metadata(path=doc_id))


def html_doc(data: bytes | str, doc_id: str = "page") -> RawDocument:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return RawDocument(doc_id=doc_id, format="html", data=raw, meta=Metadata(path=doc_id))


# --- scraped text ---------------------------------------------------------------------------------


def test_scraped_page_furniture_is_removed():
    path = FIXTURES / "scraped_news.txt"
    article = make_article(text_doc(path.read_bytes(), doc_id=str(path)))
    assert article.doc_id == str(path)
    assert article.text == SCRAPED_BODY
    assert article.meta == Metadata(
        title="Moldova summons Russian envoy after drone debris found near border",
        published=date(2023, 3, 3),
        source="Newsline",
        credits=("AFP", "AP", "Interfax"),
        path=str(path),
    )


def test_wire_story_hard_wraps_are_joined():
    article = make_article(text_doc((FIXTURES / "wire_story.txt").read_bytes()))
    assert article.text == WIRE_BODY
    assert article.meta.title is None
    assert article.meta.source == "Reuters"
    assert article.meta.published is None


def test_scraped_page_with_windows_line_breaks_cleans_the_same():
    data = (FIXTURES / "scraped_news.txt").read_text(encoding="utf-8").replace("\n", "\r\n")
    assert make_article(text_doc(data)).text == SCRAPED_BODY


@pytest.mark.parametrize(
    ("line", "credits"),
    [
        ("ab, cd/ (AFP, AP, Interfax)", ("AFP", "AP", "Interfax")),
        ("ls/jsi (dpa, Reuters)", ("dpa", "Reuters")),
        ("mm/msh (Reuters, AFP, Reuters)", ("Reuters", "AFP")),
        ("(AFP, Reuters)", ("AFP", "Reuters")),
        ("(Reuters)", ("Reuters",)),
    ],
)
def test_credit_line_gives_the_credits_and_leaves_the_body(line, credits):
    cleaned = clean_text(f"A body paragraph about the talks in Geneva on Monday.\n\n{line}\n")
    assert cleaned.credits == credits
    assert cleaned.body == "A body paragraph about the talks in Geneva on Monday."


@pytest.mark.parametrize(
    "line",
    ["and (Unicorp Canada Corp).", "(Laughter)", "(in millions of dollars)", "Officials (who asked not to be named) agreed."],
)
def test_parenthesised_body_lines_are_not_credit_lines(line):
    cleaned = clean_text(f"A body paragraph about the talks in Geneva on Monday.\n\n{line}\n")
    assert cleaned.credits == ()
    assert cleaned.body.endswith(line)


@pytest.mark.parametrize(
    "furniture",
    [
        "1. Skip to content",
        "Skip to main menu",
        "Breaking",
        "Live",
        "Advertisement",
        "Share",
        "Subscribe",
        "We use cookies to improve your experience. Accept all cookies",
        "Sign up for our newsletter and get the top stories in your inbox",
        "Follow our live blog: click here for all updates on the crisis.",
        "READ MORE: Everything you need to know about the talks",
        "ab/cd (AFP, dpa)",
    ],
)
def test_furniture_lines_are_removed_anywhere(furniture):
    text = f"The first paragraph has enough words to be body text.\n\n{furniture}\n\nThe second paragraph is body too."
    assert clean_text(text).body == (
        "The first paragraph has enough words to be body text.\n\nThe second paragraph is body too."
    )


@pytest.mark.parametrize(
    "footer",
    ["Skip next section Example's Top Story", "More stories from Example", "Related content", "Read more"],
)
def test_everything_from_the_footer_on_is_removed(footer):
    text = (
        "The first paragraph has enough words to be body text.\n\n"
        f"{footer}\n\nA teaser that is not part of the article at all, though long enough.\n\nImprint"
    )
    assert clean_text(text).body == "The first paragraph has enough words to be body text."


def test_image_alt_and_caption_lines_are_removed():
    text = (
        "The first paragraph has enough words to be body text.\n\n"
        "Soldiers standing next to an armoured vehicle\n"
        "Troops were deployed near the border on TuesdayPhoto: Jane Roe/AP\n\n"
        "The second paragraph is body too."
    )
    assert clean_text(text).body == (
        "The first paragraph has enough words to be body text.\n\nThe second paragraph is body too."
    )


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("March 3, 2023", date(2023, 3, 3)),
        ("03.03.2023", date(2023, 3, 3)),
        ("3 March 2023", date(2023, 3, 3)),
        ("2023-03-03", date(2023, 3, 3)),
        ("Published: Friday, March 3, 2023 10:45 GMT", date(2023, 3, 3)),
    ],
)
def test_headline_and_date_line_become_metadata(header, published):
    text = f"Skip to content\nPoliticsWorld\n\nLeaders meet in Brussels\n\n{header}\n\nEU leaders met in Brussels on Friday to discuss aid."
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.published) == ("Leaders meet in Brussels", published)
    assert cleaned.body == "EU leaders met in Brussels on Friday to discuss aid."


def test_byline_becomes_the_author():
    text = "Leaders meet in Brussels\nBy Jane Roe\nMarch 3, 2023\n\nEU leaders met in Brussels on Friday to discuss aid."
    cleaned = clean_text(text)
    assert (cleaned.title, cleaned.author, cleaned.published) == ("Leaders meet in Brussels", "Jane Roe", date(2023, 3, 3))
    assert cleaned.body == "EU leaders met in Brussels on Friday to discuss aid."


def test_date_heading_after_body_text_is_not_the_header():
    text = (
        "Timeline of the crisis\n\n"
        "The conflict escalated over several weeks, as these dates show.\n\n"
        "February 24, 2022\n\n"
        "Troops crossed the border at dawn."
    )
    cleaned = clean_text(text)
    assert cleaned.published is None
    assert cleaned.title == "Timeline of the crisis"
    assert cleaned.body == (
        "The conflict escalated over several weeks, as these dates show.\n\n"
        "February 24, 2022\n\n"
        "Troops crossed the border at dawn."
    )


def test_obvious_headline_without_a_date_line_is_the_title():
    cleaned = clean_text("ICELAND HOLDS SNAP ELECTION\n\nIceland voted on Saturday in a snap election.\n\nTurnout was high.")
    assert cleaned.title == "ICELAND HOLDS SNAP ELECTION"
    assert cleaned.body == "Iceland voted on Saturday in a snap election.\n\nTurnout was high."


def test_page_scraped_one_paragraph_per_line_keeps_its_paragraphs():
    text = (
        "The government resigned on Monday after losing a vote of confidence.\n"
        "The president is expected to name a caretaker prime minister this week.\n"
        "Elections are due in the spring.\n"
    )
    assert clean_text(text).body == (
        "The government resigned on Monday after losing a vote of confidence.\n\n"
        "The president is expected to name a caretaker prime minister this week.\n\n"
        "Elections are due in the spring."
    )


def test_wrapped_lines_that_look_like_furniture_stay_in_their_sentence():
    text = (
        "The company said it expects a loss of 13 cents per\n"
        "share on sales of about 4.4 million dollars, officials said\n"
        "in a statement released without further\n"
        "comment.\n"
        "    Analysts were not surprised.\n"
    )
    assert clean_text(text).body == (
        "The company said it expects a loss of 13 cents per share on sales of about 4.4 million dollars,"
        " officials said in a statement released without further comment.\n\nAnalysts were not surprised."
    )


def test_paragraph_whitespace_is_collapsed():
    cleaned = clean_text("Tabs\tand   runs of  spaces\u00a0and\u200b zero-width\nare collapsed  in a paragraph.\n")
    assert cleaned.body == "Tabs and runs of spaces and zero-width are collapsed in a paragraph."


def test_clean_text_returns_cleaned_text():
    assert isinstance(clean_text("Just one sentence here."), CleanedText)


# --- decoding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café in Köln – “quoted”".encode("utf-8"), "Café in Köln – “quoted”"),
        (b"\xef\xbb\xbfWith a BOM.", "With a BOM."),
        ("Caf\u00e9 in K\u00f6ln said \u201cyes\u201d \u2013 again.".encode("cp1252"), "Café in Köln said “yes” – again."),
        ("\ufeffUTF-16 text.".encode("utf-16-le"), "UTF-16 text."),
        ("\ufeffUTF-16 text.".encode("utf-16-be"), "UTF-16 text."),
    ],
)
def test_text_is_decoded(data, text):
    assert decode_text(data) == text


@pytest.mark.parametrize(
    "data",
    [
        b"Not \x81\x8d\x8f\x90\x9d valid in any accepted encoding.",
        "Ведомости сообщают о переговорах в Москве".encode("koi8-r"),
        "東京で会談が行われた。".encode("shift_jis"),
    ],
)
def test_undecodable_text_fails(data):
    with pytest.raises(DecodeError) as caught:
        make_article(text_doc(data))
    assert caught.value.reason == "undecodable"
    assert "not UTF-8" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "declared"),
    [
        ('<html><head><meta charset="windows-1252"></head><body>Caf\u00e9</body></html>'.encode("cp1252"), "Café"),
        ('<html><head><meta charset="iso-8859-1"></head><body>\u201cq\u201d</body></html>'.encode("cp1252"), "“q”"),
        (
            '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>'
            "<body>Москва</body></html>".encode("koi8-r"),
            "Москва",
        ),
        (b"<html><body>Broken \xff byte</body></html>", "Broken \ufffd byte"),
        ('<html><meta charset="no-such-charset"><body>Caf\u00e9</body></html>'.encode(), "Café"),
    ],
)
def test_html_is_decoded_leniently(data, declared):
    assert declared in decode_html(data)


# --- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 23, 2022", date(2022, 2, 23)),
        ("Feb. 23 2022", date(2022, 2, 23)),
        ("23 February 2022", date(2022, 2, 23)),
        ("23rd of February, 2022", date(2022, 2, 23)),
        ("23.02.2022", date(2022, 2, 23)),
        ("2022-02-23", date(2022, 2, 23)),
        ("2022-02-23T10:15:00+01:00", date(2022, 2, 23)),
        ("26-FEB-1987 15:01:01.79", date(1987, 2, 26)),
        ("Wednesday, 23 February 2022, 14:05 CET", date(2022, 2, 23)),
        ("Updated on Feb 23, 2022 at 3:45 p.m.", date(2022, 2, 23)),
        ("Date 23.02.2022", date(2022, 2, 23)),
        ("February 30, 2022", None),
        ("31.13.2022", None),
        ("The talks began on February 23, 2022 in Minsk.", None),
        ("Russia says separatists ask for help", None),
        ("", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


# --- records --------------------------------------------------------------------------------------


def test_record_text_is_taken_verbatim():
    text = "  Odd\twhitespace,\r\n\r\nkept   exactly.\u00a0 Skip to content\n"
    meta = Metadata(title="T", published=date(2022, 2, 23), source="Wire", path="x.jsonl")
    article = make_article(RawDocument(doc_id="r1", format="record", text=text, meta=meta))
    assert article == Article(doc_id="r1", text=text, meta=meta)


@pytest.mark.parametrize("text", ["", "   \n\t  \u00a0\n"])
def test_empty_record_fails(text):
    with pytest.raises(EmptyDocumentError) as caught:
        make_article(RawDocument(doc_id="r", format="record", text=text))
    assert caught.value.reason == "empty"


# --- bad text and HTML documents ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "error", "reason", "message_part"),
    [
        (text_doc(b""), EmptyDocumentError, "empty", "0 bytes"),
        (html_doc(b""), EmptyDocumentError, "empty", "0 bytes"),
        (text_doc(b"  \n\t\r\n   \n"), EmptyDocumentError, "empty", "whitespace only"),
        (text_doc(b"\xef\xbb\xbf \n\n"), EmptyDocumentError, "empty", "whitespace only"),
        (html_doc(b"   \n  "), EmptyDocumentError, "empty", "whitespace only"),
        (text_doc("  1. Skip to content\nBreaking\nAdvertisement\nShare\n"), EmptyDocumentError, "empty", "page furniture"),
        (text_doc(b"PK\x03\x04\x14\x00\x00\x00\x08\x00"), BinaryInputError, "binary", "NUL bytes at offset 5"),
        (html_doc(b"<html>\x00\x00</html>"), BinaryInputError, "binary", "NUL bytes at offset 6"),
        (text_doc(b"\x01\x02\x03\x04 ab \x05\x06\x07\x08"), BinaryInputError, "binary", "control characters"),
        (html_doc(b"<p>\x01\x02\x03\x04\x05\x06\x07\x08</p>"), BinaryInputError, "binary", "control characters"),
        (text_doc(b"\xe4\xf6\xfc\xdf" * 20), DecodeError, "undecodable", "not readable text"),
    ],
)
def test_bad_documents_fail_with_a_reason(raw, error, reason, message_part):
    with pytest.raises(error) as caught:
        make_article(raw)
    assert isinstance(caught.value, InputError)
    assert caught.value.reason == reason
    assert message_part in str(caught.value)


def test_check_binary_accepts_text_and_utf16():
    check_binary("Plain text with a tab\tand a form feed\f.".encode())
    check_binary("\ufeffUTF-16".encode("utf-16-le"))


# --- HTML -----------------------------------------------------------------------------------------


def test_html_page_gives_its_main_text_and_metadata():
    path = FIXTURES / "news_page.html"
    article = make_article(html_doc(path.read_bytes(), doc_id=str(path)))
    assert article.text == HTML_BODY
    assert article.meta == Metadata(
        title="Georgia recalls ambassador after border incident",
        published=date(2023, 6, 14),
        url="https://ledger.example.org/politics/georgia-recalls-ambassador",
        source="The Caucasus Ledger",
        author="Nino Beridze",
        path=str(path),
    )
    for furniture in ("Subscribe", "cookies", "Related stories", "Geneva talks resume", "All rights reserved", "Photo:"):
        assert furniture not in article.text


def test_html_credit_line_becomes_credits():
    page = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks resume</h1>"
        "<p>Negotiators from both countries met in Istanbul on Tuesday for the first time since spring.</p>"
        "<p>They agreed to meet again next month, officials said after the meeting.</p>"
        "<p>ab/cd (Reuters, AFP)</p></article></body></html>"
    )
    article = make_article(html_doc(page))
    assert article.meta.credits == ("Reuters", "AFP")
    assert "(Reuters, AFP)" not in article.text


@pytest.mark.parametrize(
    "page",
    [
        (FIXTURES / "no_article.html").read_text(encoding="utf-8"),
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>",
        "<html><body><p>Too short.</p></body></html>",
    ],
)
def test_html_without_an_article_fails(page):
    with pytest.raises(NoArticleError) as caught:
        make_article(html_doc(page))
    assert caught.value.reason == "no-article"
    assert "no article text found in HTML page" in str(caught.value)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script type="application/ld+json">{"datePublished": "2021-11-05T08:00:00Z"}</script>', date(2021, 11, 5)),
        ('<meta property="article:published_time" content="2020-01-31T23:00:00+02:00">', date(2020, 1, 31)),
        ('<meta content="2019-07-04" name="pubdate">', date(2019, 7, 4)),
        ('<meta property="og:title" content="2019-07-04 is a title">', None),
        ("<p>No dates here.</p>", None),
    ],
)
def test_published_date_from_markup(html, expected):
    assert find_published_date(html) == expected


# --- ingest and clean together --------------------------------------------------------------------


def test_every_fixture_reads_and_cleans_except_the_page_without_article():
    outcomes = {}
    for raw in read_inputs([str(FIXTURES)]):
        assert isinstance(raw, RawDocument)
        try:
            outcomes[Path(raw.doc_id).name] = make_article(raw).text[:20]
        except InputError as e:
            outcomes[Path(raw.doc_id).name] = e.reason
    assert outcomes == {
        "news_page.html": HTML_BODY[:20],
        "no_article.html": "no-article",
        "scraped_news.txt": SCRAPED_BODY[:20],
        "wire_story.txt": WIRE_BODY[:20],
    }


def test_stdin_text_cleans_like_a_file():
    data = (FIXTURES / "scraped_news.txt").read_bytes()
    [raw] = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert make_article(raw).text == SCRAPED_BODY
