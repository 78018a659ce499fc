"""Where a statement's source begins and ends: a trained ranker over candidate source phrases.

The rules of statements.py take the subject of the cue verb up to a relative clause, but PolNeAR
draws the source elsewhere often enough: with or without an apposition ("Nora Lind, a
beekeeper from Tromso,"), without a participle clause that trails it ("Paul Quist, the
museum's chief archivist, pointing to ..."), the subject of the verb a participle or
an infinitive hangs on ("Trump, suggesting that ...", "Democrats hoping to ..."), the object of
"according to" or of a passive's "by", or nobody at all. :func:`source_candidates` proposes
such phrases (the rules' own source first, and "no source"), :func:`source_features` describes
each (how it was found, its boundary words and characters, its length, the named entity it
matches, where it lies relative to the cue), and :class:`SourceChooser`, a conditional logit
trained by ``scripts/train_statement_source.py`` on PolNeAR train (a candidate that equals the gold
source of an attribution whose cue meets ours is right), keeps the best scored one. The model is
numpy weights plus a JSON vocabulary (``data/models/statement_source.*``), nothing pickled.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Iterator, Sequence
from typing import TypeVar

from .evidence import ActorIndex
from .model import Argument, Article, Span
from .statement_content import ArticleLayout, LinearChooser
from .statement_spans import opens_quotation

logger = logging.getLogger(__name__)

MODELS_DIR = "models"
SOURCE_MODEL = "statement_source"
#: Dependency labels of a subject.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Clauses through which a cue verb takes its speaker from the verb it hangs on ("X, adding ...",
#: "X wants to say ...", "X said and added ...").
CLIMB_DEPS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "parataxis", "dep"})
#: Clauses that modify the noun that speaks ("Trump, suggesting ...", "Cruz, who said ...").
NOUN_CLAUSE_DEPS = frozenset({"acl", "relcl"})
#: How far up the parse a speaker is looked for.
MAX_CLIMB = 3
#: A source phrase longer than this many tokens is no candidate.
MAX_SOURCE_TOKENS = 40
#: Words of a personal pronoun source.
PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me"})
NONE = (-1, -1)

T = TypeVar("T")


def _trim(layout: ArticleLayout, first: int, last: int) -> tuple[int, int] | None:
    """Token bounds without surrounding punctuation or blanks (a closing parenthesis and an
    opening quotation mark stay), or ``None`` when nothing is left."""
    blank = layout.punct_or_space
    while last >= first and blank[last] and layout.lower(last) != ")":
        last -= 1
    while first <= last and blank[first] and not opens_quotation(layout.text, layout.starts[first], layout.ends[first]):
        first += 1
    if last < first or last - first >= MAX_SOURCE_TOKENS:
        return None
    return first, last


def _phrases(layout: ArticleLayout, token) -> Iterator[tuple[str, int, int]]:
    """``(kind, first, last)`` token bounds of the phrases a noun ``token`` heads: its whole
    subtree, cut before each clause or apposition on its right, from its named entity, without a
    leading determiner."""
    left, right = token.left_edge.i, token.right_edge.i
    yield "full", left, right
    cuts = [c for c in token.rights if c.dep_ not in ("compound", "nummod", "amod", "case", "poss", "punct")]
    for child in cuts:
        kind = "cut_" + child.dep_
        yield kind, left, child.left_edge.i - 1
    yield "head", left, token.i
    # a clause deeper in the phrase ("Omar Haddad, 52, a tenant of the building who complained ...")
    nested = next((t for t in token.subtree if t.i > token.i and t.dep_ in NOUN_CLAUSE_DEPS and t.head.i != token.i), None)
    if nested is not None:
        yield "cut_nested", left, nested.left_edge.i - 1
    entity = layout.entity_at(token.i)
    if entity is not None:
        yield "entity", entity[0], entity[1] - 1
        if entity[0] > left:
            yield "entity_right", entity[0], right
    if layout.dep(left) == "det" and left < token.i:
        yield "no_det", left + 1, token.i


def _speakers(doc, head) -> Iterator[tuple[str, object]]:
    """``(kind, token)`` of the nouns that may speak the cue headed by ``head``."""
    token = head
    for depth in range(MAX_CLIMB + 1):
        level = "" if depth == 0 else f"up{min(depth, 2)}_"
        subject = next((c for c in token.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None:
            yield level + "subj", subject
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                yield level + "agent", pobj
        if depth == 0:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            if owner is not None:
                yield "poss", owner  # "Trump's claim that ..."
        if subject is not None:
            return
        if token.dep_ in NOUN_CLAUSE_DEPS and token.head.i != token.i:
            yield level + "noun_" + token.dep_, token.head
            return
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.i != token.head.i:
            token = token.head.head  # "after casting doubt", "by mentioning the need"
            continue
        if token.dep_ not in CLIMB_DEPS or token.head.i == token.i:
            return
        token = token.head


def source_candidates(
    article: Article,
    *,
    cue: Span,
    source: Span | None,
    content: Sequence[Span],
    layout: ArticleLayout,
) -> list[tuple[str, tuple[int, int]]]:
    """``(kind, (start, end))`` source candidates of a statement: the rules' ``source`` first (kind
    ``current``), then "no source" (``NONE``) and the phrases around the cue's speakers; none
    overlaps the cue or the content, none repeats another."""
    text = article.text
    doc = layout.doc
    current = (source.start, source.end) if source is not None else NONE
    found = [("current", current)]
    seen = {current}
    if current != NONE:
        found.append(("none", NONE))
        seen.add(NONE)
    if doc is None or not len(doc):
        return found
    blocked = [(cue.start, cue.end)] + [(c.start, c.end) for c in content]

    def add(kind: str, first: int, last: int) -> None:
        bounds = _trim(layout, first, last)
        if bounds is None:
            return
        start, end = layout.starts[bounds[0]], layout.ends[bounds[1]]
        line_break = text.rfind("\n", start, end)
        if line_break >= start:
            start = line_break + 1
            while start < end and text[start].isspace():
                start += 1
        if end - start < 1:
            return
        for candidate in ((start, end), (start, end + 1)) if text[end : end + 1] == "," else ((start, end),):
            if candidate in seen or any(s < candidate[1] and candidate[0] < e for s, e in blocked):
                continue
            seen.add(candidate)
            found.append((kind if candidate[1] == end else kind + "+comma", candidate))

    head = doc[layout.root(*layout.tokens(cue.start, cue.end))]
    speakers = list(_speakers(doc, head))
    if source is not None:
        first, stop = layout.tokens(source.start, source.end)
        speakers.insert(0, ("rules", doc[layout.root(first, stop)]))
    done = set()
    for how, token in speakers:
        if token.i in done:
            continue
        done.add(token.i)
        for kind, first, last in _phrases(layout, token):
            add(how + "|" + kind, first, last)
    return found


def source_features(
    article: Article, kind: str, bounds: tuple[int, int], *, cue: Span, current: tuple[int, int], cue_dep: str, cue_word: str,
    layout: ArticleLayout,
) -> list[str]:
    """Feature names of a source candidate (see the module docstring)."""
    how, _, shape = kind.partition("|")
    same = "1" if bounds == current else "0"
    if bounds == NONE:
        return ["k=none", "none|dep=" + cue_dep, "none|cw=" + cue_word, "none|cur=" + ("none" if current == NONE else "some")]
    text = article.text
    start, end = bounds
    phrase = text[start:end]
    first, stop = layout.tokens(start, end)
    count = len(layout.starts)
    first_word, last_word = layout.lower(first), layout.lower(stop - 1)
    next_word = layout.lower(stop) if stop < count else "</s>"
    previous_word = layout.lower(first - 1) if first > 0 else "<s>"
    size = str(min(int(math.log2(stop - first + 1)), 5))
    position = "before" if end <= cue.start else "after"
    gap = text[end : cue.start] if position == "before" else text[cue.end : start]
    gap_words = len(gap.split())
    gap_size = str(min(gap_words, 4)) if gap_words < 4 else "long" + str(min(gap_words // 8, 3))
    after = text[end : end + 1]
    after = "nl" if after == "\n" else "sp" if after.isspace() else "w" if after.isalnum() else after or "eot"
    last_char = phrase[-1:] if not phrase[-1:].isalnum() else "w"
    root = layout.root(first, stop)
    ent = layout.entity_type(root) or "-"
    is_entity = layout.entity_at(first) == (first, stop)
    features = [
        "k=" + kind, "how=" + how, "shape=" + shape, "same=" + same, "how|same=" + how + "|" + same,
        "shape|same=" + shape + "|" + same,
        "len=" + size, "shape|len=" + shape + "|" + size,
        "fw=" + first_word, "lw=" + last_word, "nw=" + next_word, "pw=" + previous_word,
        "shape|nw=" + shape + "|" + next_word, "shape|lw=" + shape + "|" + last_word,
        "lc=" + last_char, "after=" + after, "lc|after=" + last_char + "|" + after,
        "pos=" + position, "gap=" + gap_size, "pos|gap=" + position + "|" + gap_size,
        "how|dep=" + how + "|" + cue_dep, "how|cw=" + how + "|" + cue_word, "shape|dep=" + shape + "|" + cue_dep,
        "root=" + layout.dep(root), "ent=" + ent, "is_ent=" + ("1" if is_entity else "0"),
        "shape|ent=" + shape + "|" + ent,
        "commas=" + str(min(phrase.count(","), 3)),
        "paren=" + str(int("(" in phrase)) + str(int(")" in phrase)),
        "pron=" + ("1" if phrase.lower() in PRONOUNS else "0"),
        "cur=" + ("none" if current == NONE else "some"),
    ]
    if " who " in phrase or ", who" in phrase:
        features.append("has_who")
    if current != NONE:
        features.append("inside_current=" + str(int(current[0] <= start and end <= current[1])))
    return features


class SourceChooser(LinearChooser):
    """Scores :func:`source_features`: the candidate with the highest score is the source."""

    model_name = SOURCE_MODEL
    description = "source chooser"

    def choose(
        self, article: Article, *, cue: Span, source: Span | None, content: Sequence[Span], layout: ArticleLayout,
    ) -> tuple[int, int]:
        """The best scored source candidate of a statement (``NONE``: no source)."""
        candidates = source_candidates(article, cue=cue, source=source, content=content, layout=layout)
        if len(candidates) == 1:
            return candidates[0][1]
        current = candidates[0][1]
        cue_dep, cue_word = cue_context(layout, cue)
        scores = [
            self.score(source_features(article, kind, bounds, cue=cue, current=current, cue_dep=cue_dep, cue_word=cue_word, layout=layout))
            for kind, bounds in candidates
        ]
        return candidates[max(range(len(candidates)), key=scores.__getitem__)][1]

    def choose_sources(self, article: Article, found: Sequence[T], *, layout: ArticleLayout | None = None) -> list[T]:
        """``found`` (statements with ``cue``, ``source`` and ``content``) with their source re-chosen."""
        if not found:
            return list(found)
        layout = layout or ArticleLayout(article)
        actor_at: ActorIndex | None = None
        result = []
        for item in found:
            source = item.source.span if item.source is not None else None
            if source is not None and (" " not in source.text or getattr(item, "relay", None)):
                result.append(item)  # one word ("Peskov", "he"), or the speaker an agency quoted: kept
                continue
            bounds = self.choose(article, cue=item.cue, source=source, content=item.content, layout=layout)
            if bounds == ((source.start, source.end) if source is not None else NONE):
                result.append(item)
                continue
            if bounds == NONE:
                result.append(dataclasses.replace(item, source=None))
                continue
            actor_at = actor_at or ActorIndex(article)
            first, stop = layout.tokens(*bounds)
            root = layout.doc[layout.root(first, stop)]
            actor = actor_at.at(root.idx, root.idx + len(root.text)) or actor_at.at(*bounds)
            result.append(dataclasses.replace(item, source=Argument(article.span(*bounds), actor)))
        return result


def cue_context(layout: ArticleLayout, cue: Span) -> tuple[str, str]:
    """The dependency label and the lowercase form of the cue's head token (``"-"`` without tokens)."""
    if not layout.starts:
        return "-", "-"
    first, stop = layout.tokens(cue.start, cue.end)
    root = layout.root(first, stop)
    return layout.dep(root), layout.lower(stop - 1)
