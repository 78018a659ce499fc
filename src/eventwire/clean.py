"""Cleaning: from a :class:`~eventwire.model.RawDocument` to an :class:`~eventwire.model.Article`.

* records (JSON Lines) keep their text verbatim: offsets index into the text as given;
* text is decoded (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252 when it reads as text)
  and stripped of the furniture of scraped news pages (skip links, section lines, image captions,
  promos, the agency credit line, "More stories" footers). The headline becomes the title, the date
  line the published date, the credit line the credits; the body is paragraphs joined by ``"\\n\\n"``,
  hard-wrapped lines joined;
* HTML goes through trafilatura for the main text and its metadata, with JSON-LD / ``<meta>``
  dates as a fallback.

Problems raise :class:`~eventwire.errors.InputError` subclasses; the pipeline records them as
failures of stage ``"clean"``.
"""

from __future__ import annotations

import codecs
import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime

from .errors import BinaryInputError, DecodeError, EmptyDocumentError, NoArticleError
from .model import Article, RawDocument

logger = logging.getLogger(__name__)

#: Bytes looked at to decide that a document is binary.
BINARY_SNIFF_BYTES = 8192
#: Share of control characters above which bytes are binary.
MAX_CONTROL_SHARE = 0.10
#: HTML main text shorter than this is "no article".
MIN_HTML_TEXT_CHARS = 40
#: trafilatura's default balance: on the 181-page article-extraction benchmark its default settings
#: score the best shingle F1 (0.958, against 0.955 in precision mode); pages that are no article are
#: caught by the sentence check in ``extract_html`` instead.
HTML_FAVOR_PRECISION = False

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
#: cp1252 text: at most this share of non-ASCII characters, most of them letters or typography.
_MAX_NON_ASCII_SHARE = 0.3
_TYPOGRAPHY = frozenset("‘’‚“”„–—…•€£¥°§©®™«»‹›·¡¿×÷±¶†‡ ")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """The article body found in a document, and the metadata found around it."""

    body: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    author: str | None = None
    credits: tuple[str, ...] = ()
    url: str | None = None


def make_article(raw: RawDocument) -> Article:
    """Decode and clean ``raw`` into an Article; InputError subclasses say why it cannot be one."""
    if raw.format == "record":
        text = raw.text or ""
        if not text.strip():
            raise EmptyDocumentError("the record's text is empty or whitespace only")
        return Article(doc_id=raw.doc_id, text=text, meta=raw.meta)
    if not raw.data:
        raise EmptyDocumentError("empty document (0 bytes)")
    check_binary(raw.data)
    if raw.format == "text":
        text = decode_text(raw.data)
        if not text.strip():
            raise EmptyDocumentError("the document is whitespace only")
        cleaned = clean_text(text)
        if not cleaned.body:
            raise EmptyDocumentError("no article text left after removing page furniture")
    elif raw.format == "html":
        html = decode_html(raw.data)
        if not html.strip():
            raise EmptyDocumentError("the document is whitespace only")
        cleaned = extract_html(html, url=raw.meta.url)
    else:
        raise ValueError(f"unknown document format {raw.format!r}")
    meta = raw.meta
    merged = dataclasses.replace(
        meta,
        title=meta.title or cleaned.title,
        published=meta.published or cleaned.published,
        url=meta.url or cleaned.url,
        source=meta.source or cleaned.source,
        author=meta.author or cleaned.author,
        credits=meta.credits or cleaned.credits,
    )
    return Article(doc_id=raw.doc_id, text=cleaned.body, meta=merged)


# --- bytes to text ----------------------------------------------------------------------------


def check_binary(data: bytes, *, what: str = "file") -> None:
    """Raise BinaryInputError when ``data`` is not text: NUL bytes or many control characters."""
    head = data[:BINARY_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        return
    nul = head.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(f"binary {what} (NUL bytes at offset {nul})")
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls / len(head) > MAX_CONTROL_SHARE:
            raise BinaryInputError(
                f"binary {what} ({controls / len(head):.0%} control characters in the first {len(head)} bytes)"
            )


def decode_text(data: bytes) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 when it reads as text."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DecodeError(
                f"not valid UTF-16 despite its byte order mark ({e.reason} at offset {e.start})"
            ) from e
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    where = f"invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise DecodeError(f"undecodable text: not UTF-8 ({where}) and not cp1252") from e
    if not _reads_as_text(text):
        raise DecodeError(f"undecodable text: not UTF-8 ({where}), and as cp1252 it is not readable text")
    return text


def _reads_as_text(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    if len(non_ascii) / len(text) > _MAX_NON_ASCII_SHARE:
        return False
    plausible = sum(1 for c in non_ascii if c.isalpha() or c in _TYPOGRAPHY)
    return plausible / len(non_ascii) >= 0.8


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: Labels that the web platform reads as windows-1252.
_CP1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252"})


def decode_html(data: bytes) -> str:
    """Text of an HTML page: BOM, then the declared charset, then UTF-8; lenient (replacement characters)."""
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        encoding = "cp1252" if label in _CP1252_LABELS else label
        try:
            return data.decode(encoding, errors="replace")
        except LookupError:
            logger.warning("unknown declared charset %r; reading the page as UTF-8", label)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


# --- dates --------------------------------------------------------------------------------------

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_FORMS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})-" + _MONTH + r"-(?P<year>\d{4})", re.I),
    re.compile(r"(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
)
_DATE_PREFIX = re.compile(
    r"(?:(?:first\s+)?published|(?:last\s+)?updated|posted|date[d]?|as of)\b\s*:?\s*(?:on\s+)?", re.I
)
_WEEKDAY = re.compile(r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday)?\.?,?\s+", re.I)
_TIME_SUFFIX = re.compile(
    r"(?:\s*(?:,|\bat\b|-|–|—|\||/|·))?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5})?(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?)?\s*$",
    re.I,
)
_MAX_DATE_LINE_CHARS = 80
_DIGIT = re.compile(r"\d")


def parse_date(text: str) -> date | None:
    """The date when ``text`` is a date written out and nothing else, else None.

    Accepts "March 3, 2023", "Mar. 3 2023", "3 March 2023", "03.03.2023", "2023-03-03", ISO
    datetimes and "26-FEB-1987", with an optional "Published:"/"Updated" prefix, weekday and time.
    """
    line = text.strip()
    if not line or len(line) > _MAX_DATE_LINE_CHARS or not _DIGIT.search(line):
        return None
    try:
        return datetime.fromisoformat(line).date()
    except ValueError:
        pass
    if prefix := _DATE_PREFIX.match(line):
        line = line[prefix.end() :]
    if weekday := _WEEKDAY.match(line):
        line = line[weekday.end() :]
    for candidate in (line, _TIME_SUFFIX.sub("", line, count=1).strip(" ,|-–—")):
        for form in _DATE_FORMS:
            match = form.fullmatch(candidate)
            if match:
                return _date_from_match(match)
    return None


def _date_from_match(match: re.Match[str]) -> date | None:
    month = match.group("month")
    month_number = int(month) if month.isdigit() else _MONTH_NUMBERS[month[:3].lower()]
    try:
        return date(int(match.group("year")), month_number, int(match.group("day")))
    except ValueError:
        return None


# --- scraped text -------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")
_SKIP_LINK = re.compile(r"(?:\d{1,2}[.)]\s*)?skip (?:to|navigation)\b.*", re.I)
_BOILERPLATE = re.compile(
    r"(?:breaking(?: news)?|live(?: updates| blog| ticker| coverage)?|advertisement|advert|sponsored(?: content)?"
    r"|share(?: this)?(?: (?:article|story|page))?|share (?:on|via) .{1,30}|subscribe(?: (?:now|here|today))?"
    r"|sign (?:in|up)|log ?in|log ?out|register|menu|search|close|print|e-?mail|facebook|twitter|x|whatsapp"
    r"|linkedin|telegram|reddit|copy link|link copied"
    r"|listen(?: to (?:this )?(?:article|story))?(?:\W+\d{1,2}:\d{2})?"
    r"|play (?:audio|video)|watch(?: the)? video.{0,40}|(?:video|audio) duration.{0,20}"
    r"|(?:to view this video,? )?please enable javascript.*"
    r"|\d{1,2}:\d{2}(?: min(?:utes)?)?|\d{1,2} min(?:ute)? read"
    r"|top stories|most (?:read|popular|viewed)|trending(?: now)?|follow (?:us|[\w.]{2,20}) on .{2,40}"
    r"|continue reading|show more|load more|back to top|(?:image|photo) gallery|audio|video)[.!:]?",
    re.I,
)
_PROMO = re.compile(
    r"\b(?:click|tap) here\b|^(?:read more|also read|read also|see also|related|watch|listen)\s*:\s*\S", re.I
)
_SIGN_UP = re.compile(r"\b(?:sign up|subscribe|inbox|delivered|get our|receive)\b", re.I)
_CONSENT = re.compile(
    r"\b(?:accept|consent|settings|preferences|privacy|we use|uses|this (?:site|website))\b", re.I
)
_MAX_PROMO_CHARS = 300
_FOOTER = re.compile(
    r"(?:skip next section\b.*|more (?:stories|news|articles) from .{1,40}|more from .{1,40}"
    r"|related (?:content|stories|articles|topics|coverage|news)|read more|more on this (?:topic|story)"
    r"|you (?:may|might) also (?:like|be interested in).{0,40}|recommended(?: (?:stories|articles|for you))?"
    r"|explore more|about (?:this|the) author|comments?(?: \(\d+\))?)[.:]?",
    re.I,
)
_SITE_HINT = re.compile(r"top stor|stories from|news from|skip to more", re.I)
_SITE_NAMES = (
    re.compile(r"(?:skip next section\s+)?(?P<site>.{2,40}?)['’]s top stor(?:y|ies)", re.I),
    re.compile(r"(?:skip next section\s+)?more (?:stories|news) from (?P<site>.{2,40}?)", re.I),
    re.compile(r"(?:\d{1,2}[.)]\s*)?skip to more (?P<site>.{2,40}?) sites", re.I),
)
#: "sdi, rc/ (AFP, AP)", "ls/jsi (dpa)": editor initials with a slash, then the agencies.
_CREDIT_LINE = re.compile(
    r"(?P<initials>[a-z]{1,6}(?:\s*,\s*[a-z]{1,6})*\s*/(?:\s*[a-z]{1,6}(?:\s*,\s*[a-z]{1,6})*)?)?\s*"
    r"\((?P<agencies>[^()]{2,120})\)\.?"
)
_CREDIT_SPLIT = re.compile(r"\s*(?:[,/;&]|\band\b)\s*")
_AGENCY_NAME = re.compile(r"[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,2}")
#: Agencies recognised in a credit line that has no editor initials in front: "(AFP, Reuters)".
_KNOWN_AGENCIES = frozenset(
    {
        "aa", "afp", "anadolu", "ani", "ansa", "antara", "ap", "apa", "belga", "belta", "bernama", "bloomberg",
        "bta", "cna", "ctk", "dpa", "efe", "epd", "ians", "interfax", "irna", "kna", "kyodo", "lusa", "mena",
        "mti", "pap", "pti", "reuters", "ria", "ria novosti", "sana", "sda", "tass", "ukrinform", "unian",
        "upi", "wafa", "xinhua", "yonhap",
    }
)  # fmt: skip
_CAPTION = re.compile(
    r"(?:Image|Photo|Picture|Photograph|Foto|Bild|Credit|Video)s?\s*:\s*(?P<credit>[^\s:][^:]{0,100})$"
)
_MAX_CAPTION_CHARS = 300
_MAX_CAPTION_CREDIT_WORDS = 12
_MAX_ALT_WORDS = 20
_TERMINAL = re.compile(r"[.!?:;\"'”’…]$")
_HEADLINE_END = re.compile(r"[.,;:]$")
_SENTENCE_END = re.compile(r"[.!][\"'”’]?$")
_HYPHEN_END = re.compile(r"[^\W\d_]-$")
_GLUED_SECTIONS = re.compile(r"[A-Z][a-z]+(?:[A-Z][A-Za-z]*)+")
_BREADCRUMB = re.compile(r"[A-Za-z][\w&'-]*(?: [\w&'-]+)?(?:\s*[|>»›/•]\s*[A-Za-z][\w&'-]*(?: [\w&'-]+)?)+")
_BYLINE = re.compile(
    r"(?:By|BY|Authors?:)\s+(?P<name>[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*|\s+and\s+)[A-Z][\w.'’-]*){0,5})"
)
_DATELINE = re.compile(
    r"[A-Z][A-Z .'/-]+(?:,\s*[A-Z][A-Za-z .]+?)?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<agency>[A-Za-z][A-Za-z .&-]{0,30})\)\s*[-–—]"
)
#: A date line is looked for among the first paragraphs, and before any longer than a headline.
_HEADER_PARAGRAPHS = 12
#: Date lines and bylines among the first lines are paragraphs of their own, never wraps.
_HEADER_LINES = 10
_MAX_HEADLINE_WORDS = 30
_MAX_OBVIOUS_HEADLINE_WORDS = 20
_MIN_BODY_WORDS = 8
_MAX_WRAPPED_LINE_CHARS = 100


@dataclass(frozen=True, slots=True)
class _Paragraph:
    text: str
    single_line: bool
    closed: bool  # followed by a blank line, furniture or the end (not just by an indented line)

    @property
    def words(self) -> int:
        return len(self.text.split())


def clean_text(text: str) -> CleanedText:
    """Remove the furniture of a scraped news page (or join the hard wraps of a wire story)."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.expandtabs(4).rstrip() for line in text.split("\n")]
    site = _find_site_name(lines)
    furniture = [bool(line) and _looks_like_furniture(line.strip()) for line in lines]
    base_indent = min((_indent(line) for line, skip in zip(lines, furniture) if line and not skip), default=0)
    standalone = _standalone_header_lines(lines)
    wrapped = _is_hard_wrapped(lines, base_indent=base_indent, standalone=standalone, furniture=furniture)
    keep, credits = _mark_furniture(lines, wrapped=wrapped, base_indent=base_indent, standalone=standalone)
    paragraphs = _group_paragraphs(lines, keep, wrapped=wrapped, base_indent=base_indent, standalone=standalone)
    title, published, author, paragraphs = _split_header(paragraphs)
    source = site
    if source is None and paragraphs and (dateline := _DATELINE.match(paragraphs[0].text)):
        source = dateline.group("agency").strip()
    body = "\n\n".join(p.text for p in paragraphs)
    return CleanedText(body=body, title=title, published=published, source=source, author=author, credits=credits)


def _find_site_name(lines: list[str]) -> str | None:
    candidates = [line.strip() for line in lines if len(line) < 80 and _SITE_HINT.search(line)]
    for pattern in _SITE_NAMES:
        for line in candidates:
            if match := pattern.fullmatch(line):
                return match.group("site").strip()
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _standalone_header_lines(lines: list[str]) -> frozenset[int]:
    """Indices of the date lines and bylines among the first non-blank lines."""
    first = [index for index, line in enumerate(lines) if line.strip()][:_HEADER_LINES]
    return frozenset(
        index for index in first if parse_date(lines[index]) is not None or _BYLINE.fullmatch(lines[index].strip())
    )


def _is_hard_wrapped(
    lines: list[str], *, base_indent: int, standalone: frozenset[int], furniture: list[bool]
) -> bool:
    """Whether lines that follow each other directly are hard wraps of one paragraph.

    A line that ends mid-sentence, or is followed by one that starts in lower case, is a wrap; a
    page scraped one paragraph per line ends its lines with sentence punctuation. Only lines
    followed by one at the base indentation count (more indented lines start paragraphs), furniture
    does not. A tie goes to wrapping when no line is longer than a wire service wraps them.
    """
    wraps = breaks = longest = 0
    for index, (line, following) in enumerate(zip(lines, lines[1:])):
        current, after = line.strip(), following.strip()
        if not current or not after or _indent(following) != base_indent:
            continue
        if index in standalone or index + 1 in standalone or furniture[index] or furniture[index + 1]:
            continue
        longest = max(longest, len(current), len(after))
        if _TERMINAL.search(current) and not after[0].islower():
            breaks += 1
        else:
            wraps += 1
    return wraps > breaks or (wraps > 0 and wraps == breaks and longest <= _MAX_WRAPPED_LINE_CHARS)


def _looks_like_furniture(line: str) -> bool:
    return _is_furniture(line) or _is_caption(line) or bool(_credits_of(line))


def _mark_furniture(
    lines: list[str], *, wrapped: bool, base_indent: int, standalone: frozenset[int]
) -> tuple[list[bool | None], tuple[str, ...]]:
    """Per line: True (body), False (furniture, a paragraph break) or None (blank); and the credits.

    Lines from the first footer marker on (after some body text) are furniture. In hard-wrapped
    text a line that continues an unfinished sentence is body whatever it says.
    """
    keep: list[bool | None] = []
    credits: tuple[str, ...] = ()
    seen_body = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            keep.append(None)
            continue
        previous = lines[index - 1] if index else ""
        if (
            wrapped
            and index not in standalone
            and keep
            and keep[-1]
            and not _TERMINAL.search(previous)
            and _indent(line) <= base_indent
        ):
            keep.append(True)
            continue
        if seen_body and _starts_capitalised(stripped) and _FOOTER.fullmatch(stripped):
            keep.extend([False] * (len(lines) - index))
            break
        line_credits = _credits_of(stripped)
        if line_credits:
            credits = credits or line_credits
            keep.append(False)
        elif _is_caption(stripped):
            keep.append(False)
            if index > 0 and keep[index - 1] and _is_alt_text(previous.strip()):
                keep[index - 1] = False
        else:
            is_body = not _is_furniture(stripped)
            keep.append(is_body)
            seen_body = seen_body or (is_body and len(stripped.split()) >= _MIN_BODY_WORDS)
    return keep, credits


def _starts_capitalised(line: str) -> bool:
    return line[0].isupper() or line[0].isdigit()


def _is_furniture(line: str) -> bool:
    if _starts_capitalised(line) and (_SKIP_LINK.fullmatch(line) or _BOILERPLATE.fullmatch(line)):
        return True
    if len(line) > _MAX_PROMO_CHARS:
        return False
    lowered = line.lower()
    if ("here" in lowered or ":" in line) and _PROMO.search(line):
        return True
    if "newsletter" in lowered and _SIGN_UP.search(line):
        return True
    return "cookie" in lowered and bool(_CONSENT.search(line))


def _credits_of(line: str) -> tuple[str, ...]:
    """The agencies of a credit line such as "sdi, rc/ (AFP, AP, Interfax)", else ()."""
    match = _CREDIT_LINE.fullmatch(line)
    if not match:
        return ()
    names = [name for name in _CREDIT_SPLIT.split(match.group("agencies").strip()) if name]
    if not names or not all(_AGENCY_NAME.fullmatch(name) for name in names):
        return ()
    if not match.group("initials") and not all(name.lower() in _KNOWN_AGENCIES for name in names):
        return ()
    return tuple(dict.fromkeys(names))


def _is_caption(line: str) -> bool:
    if len(line) > _MAX_CAPTION_CHARS or ":" not in line:
        return False
    match = _CAPTION.search(line)
    return bool(match) and len(match.group("credit").split()) <= _MAX_CAPTION_CREDIT_WORDS


def _is_alt_text(line: str) -> bool:
    return bool(line) and len(line.split()) <= _MAX_ALT_WORDS and not _TERMINAL.search(line)


def _group_paragraphs(
    lines: list[str], keep: list[bool | None], *, wrapped: bool, base_indent: int, standalone: frozenset[int]
) -> list[_Paragraph]:
    """Paragraphs of the body lines: blank lines, furniture and indented lines start a new one.

    In hard-wrapped text lines that follow each other directly are joined; otherwise each line is
    a paragraph of its own (a page scraped one paragraph per line).
    """
    paragraphs: list[_Paragraph] = []
    current: list[str] = []

    def flush(*, closed: bool) -> None:
        if current:
            text = _join_lines(current)
            if text:
                paragraphs.append(_Paragraph(text, single_line=len(current) == 1, closed=closed))
            current.clear()

    for index, flag in enumerate(keep):
        if not flag:
            flush(closed=True)
            continue
        if current and _indent(lines[index]) > base_indent:
            flush(closed=False)
        elif current and (not wrapped or index in standalone or index - 1 in standalone):
            flush(closed=True)
        current.append(lines[index].strip())
    flush(closed=True)
    return paragraphs


def _join_lines(lines: list[str]) -> str:
    joined = lines[0]
    for line in lines[1:]:
        joined += line if _HYPHEN_END.search(joined) and line[:1].isalpha() else " " + line
    return _SPACES.sub(" ", joined).strip()


def _split_header(
    paragraphs: list[_Paragraph],
) -> tuple[str | None, date | None, str | None, list[_Paragraph]]:
    """Title, published date and author from the header; the paragraphs of the body."""
    title: str | None = None
    published: date | None = None
    author: str | None = None
    date_index = None
    for index, paragraph in enumerate(paragraphs[:_HEADER_PARAGRAPHS]):
        if paragraph.single_line and (published := parse_date(paragraph.text)) is not None:
            date_index = index
            break
        if paragraph.words > _MAX_HEADLINE_WORDS or (
            paragraph.words >= _MIN_BODY_WORDS and _SENTENCE_END.search(paragraph.text)
        ):
            break  # body text: a date line after it is not the article's
    body = paragraphs
    if date_index is not None:
        header = paragraphs[:date_index]
        candidates = [i for i, p in enumerate(header) if _is_headline_candidate(p)]
        title_index = next((i for i in candidates if header[i].words >= 3), candidates[-1] if candidates else None)
        standfirst: list[_Paragraph] = []
        if title_index is not None:
            title = header[title_index].text
            for paragraph in header[title_index + 1 :]:
                if byline := _BYLINE.fullmatch(paragraph.text):
                    author = author or byline.group("name")
                elif paragraph.words >= _MIN_BODY_WORDS:
                    standfirst.append(paragraph)
        body = standfirst + paragraphs[date_index + 1 :]
    else:
        while body and body[0].single_line and (
            _GLUED_SECTIONS.fullmatch(body[0].text) or _BREADCRUMB.fullmatch(body[0].text)
        ):
            body = body[1:]
    if body and (byline := _BYLINE.fullmatch(body[0].text)):
        author = author or byline.group("name")
        body = body[1:]
    if title is None and len(body) >= 2 and _is_obvious_headline(body[0]) and not body[1].text[0].islower():
        title, body = body[0].text, body[1:]
    return title, published, author, body


def _is_headline_candidate(paragraph: _Paragraph) -> bool:
    text = paragraph.text
    return (
        paragraph.single_line
        and paragraph.words <= _MAX_HEADLINE_WORDS
        and not _GLUED_SECTIONS.fullmatch(text)
        and not _BREADCRUMB.fullmatch(text)
        and not _BYLINE.fullmatch(text)
    )


def _is_obvious_headline(paragraph: _Paragraph) -> bool:
    text = paragraph.text
    return (
        paragraph.single_line
        and paragraph.closed
        and 2 <= paragraph.words <= _MAX_OBVIOUS_HEADLINE_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not _HEADLINE_END.search(text)
        and not _DATELINE.match(text)
    )


# --- HTML -----------------------------------------------------------------------------------------

_JSON_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"(?P<value>[^"]{8,40})"')
_META_TAG = re.compile(r"<meta\b[^>]*>", re.I)
_META_PUBLISHED_NAME = re.compile(
    r"(?:property|name|itemprop)\s*=\s*[\"']"
    r"(?:article:published_time|og:published_time|datePublished|pubdate|publish-date)[\"']",
    re.I,
)
_META_CONTENT = re.compile(r"""content\s*=\s*["'](?P<value>[^"']{8,40})["']""", re.I)


def extract_html(html: str, *, url: str | None = None) -> CleanedText:
    """The main text and metadata of an HTML news page (trafilatura); NoArticleError when there is none."""
    import trafilatura  # heavy: imported when the first HTML page comes

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        favor_precision=HTML_FAVOR_PRECISION,
    )
    if document is None or not document.text:
        raise NoArticleError("no article text found in HTML page")
    paragraphs = [_SPACES.sub(" ", line).strip() for line in document.text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    title = _SPACES.sub(" ", document.title).strip() if document.title else None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    credits: tuple[str, ...] = ()
    for index in range(len(paragraphs) - 1, max(len(paragraphs) - 4, -1), -1):
        if found := _credits_of(paragraphs[index]):
            credits = found
            del paragraphs[index]
            break
    body = "\n\n".join(paragraphs)
    if len(body) < MIN_HTML_TEXT_CHARS or not any(len(p.split()) >= _MIN_BODY_WORDS for p in paragraphs):
        raise NoArticleError(
            f"no article text found in HTML page (the main text is {len(body)} characters without a sentence)"
        )
    published = _date_of(document.date) or find_published_date(html, url=document.url or url)
    return CleanedText(
        body=body,
        title=title or None,
        published=published,
        source=document.sitename or None,
        author=document.author or None,
        credits=credits,
        url=document.url or url,
    )


def find_published_date(html: str, *, url: str | None = None) -> date | None:
    """``datePublished`` from JSON-LD, a ``<meta property="article:published_time">`` (or alike), or
    a date in the page's URL (``/2022/02/23/``, ``/2022-02-23/``, ``20220223``)."""
    if match := _JSON_LD_PUBLISHED.search(html):
        if found := _date_of(match.group("value")):
            return found
    for tag in _META_TAG.finditer(html):
        if _META_PUBLISHED_NAME.search(tag.group()) and (content := _META_CONTENT.search(tag.group())):
            if found := _date_of(content.group("value")):
                return found
    return _date_in_url(url) if url else None


_URL_DATE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<month>[01]\d)(?P=sep)(?P<day>[0-3]\d)(?!\d)")


def _date_in_url(url: str) -> date | None:
    for match in _URL_DATE.finditer(url):
        try:
            return date(int(match.group("year")), int(match.group("month")), int(match.group("day")))
        except ValueError:
            continue
    return None


def _date_of(value: str | None) -> date | None:
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return parse_date(value)
