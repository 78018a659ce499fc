"""Span conventions of statements, as PolNeAR marks them (measured on its train split): the
source phrase, the content's trimming, quotations and what a colon introduces."""

from __future__ import annotations

import re

from .evidence import ActorIndex
from .model import Argument, Article, Span

#: Clauses that end a source phrase ("Trump, who ..., said" -> "Trump").
SOURCE_CUT_DEPS = frozenset({"relcl"})
OPENING_QUOTES = "\"“‘'`"


def opens_quotation(text: str, start: int, end: int) -> bool:
    """Whether the quotation mark ``text[start:end]`` opens a quotation, a word right after it ("“Face
    the Nation” host ..."); a straight mark before a blank closes one ('... folks," Vann R. Newkirk said')."""
    return end > start and text[start:end] in OPENING_QUOTES and text[end : end + 1].isalnum()


def trim_content(text: str, start: int, end: int, *, keep_period: bool = False) -> tuple[int, int]:
    """Content span conventions: no surrounding blanks or separators, no final period, but the
    quotation marks of a quote and the punctuation inside them."""
    while start < end and (text[start].isspace() or text[start] in ",;:-—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-—–" or (text[end - 1] == "." and not keep_period)):
        end -= 1
    if start > 1 and text[start - 2 : start] == "''" and text[start] != "'":
        start -= 2
    elif start > 0 and text[start - 1] in "“\"" and text[start] not in "“\"":
        start -= 1
    count = text.count  # over [start, end) without copying the span
    if count("“", start, end) > count("”", start, end) or count("\"", start, end) % 2 == 1 or count("''", start, end) % 2 == 1:
        # an opened quotation closes just after: keep the punctuation and the closing mark
        match = re.match(r"[ \t]*[,.?!]?[ \t]*(?:[”\"]|'')", text[end : end + 5])
        if match:
            end += match.end()
    return start, end


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Quotations of the text, marks included: curly pairs, and straight pairs within a paragraph
    (double quotes, or two apostrophes as some wires write them: ''Jobs,'' she said)."""
    found = [(m.start(), m.end()) for m in re.finditer(r"“[^”“\n]{2,}”", text)]
    # double quotes pair off in order within each paragraph: one pass over the text does it
    found.extend((m.start(), m.end()) for m in re.finditer(r'"[^"\n]*"', text))
    if "''" in text:
        offset = 0
        for paragraph in text.split("\n"):
            marks = [offset + m.start() for m in re.finditer("''", paragraph)]
            found.extend((marks[i], marks[i + 1] + 2) for i in range(0, len(marks) - 1, 2))
            offset += len(paragraph) + 1
    return sorted(found)


def adjacent_quotations(article: Article, sent, verb, source_token, quotations) -> tuple[Span, ...] | None:
    """The quotations of the sentence that touch the cue and its source ("'Okay,' I said")."""
    text = article.text
    edges = [verb.idx, verb.idx + len(verb.text)]
    if source_token is not None:
        edges += [source_token.left_edge.idx, source_token.right_edge.idx + len(source_token.right_edge.text)]
    region_start, region_end = min(edges), max(edges)
    pieces = [
        article.span(s, e) for s, e in quotations
        if (
            (sent.start_char < e <= region_start and re.fullmatch(r"[\s,]*", text[e:region_start]))
            or (region_end <= s < sent.end_char and re.fullmatch(r"[\s,:]*", text[region_end:s]))
        )
    ]
    return tuple(pieces) or None


def content_after_colon(article: Article, verb, quotations) -> tuple[Span, ...] | None:
    """What follows "says:" — the quotation it opens, else the rest of its paragraph, else the
    next paragraph ("Reporter Jomana Karadsheh says:\n\n"Well Anderson, ...")."""
    text = article.text
    match = re.compile(r"[ \t\xa0]*:\s*").match(text, verb.idx + len(verb.text))
    if match is None:
        return None
    start = match.end()
    quotation = next((q for q in quotations if q[0] == start), None)
    if quotation is not None:
        return (article.span(*quotation),)
    line_end = text.find("\n", start)
    start, end = trim_content(text, start, line_end if line_end >= 0 else len(text))
    return (article.span(start, end),) if end - start >= 3 else None


def merge_spans(spans: list[Span]) -> list[Span]:
    return sorted(set(spans), key=lambda s: s.start)


def source_argument(article: Article, token, actor_at: ActorIndex) -> Argument:
    """The source phrase headed by ``token``, as PolNeAR marks it: its subtree up to a relative
    clause (measured on PolNeAR train), with the comma that closes an apposition
    ("Clinton, a Democrat,") and the parenthesis that closes a party tag ("(R-Fla.)")."""
    doc = token.doc
    text = article.text
    excluded: set[int] = set()
    for child in token.children:
        if child.dep_ in SOURCE_CUT_DEPS and child.i > token.i:
            excluded.update(t.i for t in child.subtree)
    kept = [t.i for t in token.subtree if t.i not in excluded]
    first, last = min(kept), max(kept)
    cut = [i for i in excluded if first < i < last]
    if cut:
        last = min(cut) - 1
    last_token = doc[last]
    while last > first and (last_token.is_punct or last_token.is_space) and last_token.text != ")":
        last -= 1
        last_token = doc[last]
    first_token = doc[first]
    while first < last and (first_token.is_punct or first_token.is_space) and not opens_quotation(
        text, first_token.idx, first_token.idx + len(first_token.text)
    ):
        first += 1
        first_token = doc[first]
    start, end = first_token.idx, last_token.idx + len(last_token.text)
    dateline = text.rfind(") - ", start, end)
    line_break = max(text.rfind("\n", start, end), dateline + 3 if dateline >= 0 else -1)
    if line_break >= start:
        start = line_break + 1  # "7\nSalma Hayek", "Dec 29 (Reuters) - Hillary Clinton": what heads the line
        while start < end and text[start].isspace():
            start += 1
    if text[end : end + 1] == "," and "," in text[start:end]:
        end += 1
    if text[start:end].count("(") > text[start:end].count(")") and text[end : end + 1] == ")":
        end += 1
    actor = actor_at.at(token.idx, token.idx + len(token.text)) or actor_at.at(start, end)
    return Argument(article.span(start, end), actor)


def marked_clause(verb):
    """A "that"-clause the parser hung under a noun of the verb's phrase ("said in response to the
    request that it is ...")."""
    for token in verb.subtree:
        if token.i <= verb.i or token.dep_ not in ("acl", "relcl", "ccomp"):
            continue
        mark = next((c for c in token.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        if mark is not None and mark.i == token.left_edge.i:
            return token
    return None


def named_group(article: Article, before: int) -> Argument | None:
    """The last coordination of two named people ("Denis Pushilin and Leonid Pasechnik") before
    ``before``, as an argument resolved to the first of them."""
    doc = article.doc
    best = None
    for ent in doc.ents:
        if ent.start_char >= before or ent.label_ != "PERSON":
            continue
        head = ent.root
        partners = [c for c in head.children if c.dep_ == "conj" and c.ent_type_ == "PERSON"]
        if partners:
            last = partners[-1]
            start, end = ent.start_char, last.idx + len(last.text)
            actor = ActorIndex(article).at(ent.start_char, ent.end_char)
            best = Argument(article.span(start, end), actor)
    return best
