"""Where a statement's content begins and ends: a trained ranker over candidate spans.

The rules of statements.py find a content for each cue (a clause, a quotation, the rest of the
phrase), but PolNeAR often draws its boundaries elsewhere: with or without the clause that
follows a comma, the whole sentence around a parenthetical "he said" in two pieces, the quotation
alone, the subject of a passive before the cue, the next quotation after "he said.".
:func:`content_candidates` proposes such alternatives around the rules' content (the rules' own
content is always one of them), :func:`candidate_features` describes each (its kind,
its boundary words and characters, its length, where it lies relative to the cue and the
source, quotation marks), and :class:`ContentChooser`, a logistic regression trained by
``scripts/train_statement_content.py`` on PolNeAR train (a candidate that equals a gold content
is positive), keeps the best scored one. The model is numpy weights plus a JSON vocabulary
(``data/models/statement_content.*``), nothing pickled.
"""

from __future__ import annotations

import bisect
import dataclasses
import importlib.resources
import json
import logging
import math
import re
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path
from typing import Self, TypeVar

import numpy as np

from .errors import LexiconError
from .model import Article, Span
from .statement_spans import find_quotations, trim_content

logger = logging.getLogger(__name__)

MODELS_DIR = "models"
CONTENT_MODEL = "statement_content"
#: Where a content may be cut short or start late: a comma, semicolon, colon or a dash.
BREAK = re.compile(r"[,;:]|\s[-—–]+\s|\s--\s")
#: At most this many cut points are tried at the end of the rules' content.
MAX_CUTS = 4
QUOTE_MARKS = "\"“”‘’'`"
#: Dependents of the content's root at which a content may start late ("if ...", "to let ...").
START_DEPS = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "pobj", "oprd", "dobj"})
#: Relative pronouns that stand for the content's subject before the cue.
RELATIVE_WORDS = frozenset({"that", "which", "who"})

Pieces = tuple[tuple[int, int], ...]
T = TypeVar("T")


class ArticleLayout:
    """Token offsets, heads and dependency labels of an article's doc as plain lists (one array
    copy per article instead of a Token object per attribute access), and its sentence starts."""

    def __init__(self, article: Article) -> None:
        from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LENGTH, LOWER

        doc = article.doc
        self.doc = doc
        self.text = article.text
        attributes = [IDX, HEAD, DEP, LOWER, ENT_IOB, ENT_TYPE, IS_PUNCT, IS_SPACE, LENGTH]
        array = doc.to_array(attributes) if doc is not None and len(doc) else np.zeros((0, len(attributes)), dtype=np.uint64)
        self.starts = array[:, 0].astype(np.int64).tolist()
        self._head_offsets = array[:, 1].astype(np.int64).tolist()  # stored unsigned
        self._strings = doc.vocab.strings if doc is not None else None
        self._dep_ids = array[:, 2].tolist()
        self._lower_ids = array[:, 3].tolist()
        #: Per token: 1 inside a named entity, 2 outside, 3 at its beginning (0: not set).
        self.entity_iob = array[:, 4].tolist()
        self._entity_type_ids = array[:, 5].tolist()
        #: Per token: whether it is punctuation or blank.
        self.punct_or_space = (array[:, 6] | array[:, 7]).astype(bool).tolist()
        #: Per token: the offset just after it.
        self.ends = (array[:, 0] + array[:, 8]).astype(np.int64).tolist()
        self.sentences = article.sentences
        self.sentence_starts = [s.start for s in article.sentences]
        # the statements of an article ask for the same cues and pieces again and again
        self._token_runs: dict[tuple[int, int], tuple[int, int]] = {}
        self._roots: dict[tuple[int, int], int] = {}

    def head(self, index: int) -> int:
        return index + self._head_offsets[index]

    def dep(self, index: int) -> str:
        return self._strings[self._dep_ids[index]]

    def lower(self, index: int) -> str:
        """The lowercase form of token ``index``."""
        return self._strings[self._lower_ids[index]]

    def entity_type(self, index: int) -> str:
        """The named entity label of token ``index`` ("" outside entities)."""
        return self._strings[self._entity_type_ids[index]] if self._entity_type_ids[index] else ""

    def entity_at(self, index: int) -> tuple[int, int] | None:
        """The token run ``[first, stop)`` of the named entity that holds token ``index``."""
        iob = self.entity_iob
        if iob[index] not in (1, 3):
            return None
        first = index
        while first > 0 and iob[first] == 1:
            first -= 1
        stop = index + 1
        while stop < len(iob) and iob[stop] == 1:
            stop += 1
        return first, stop

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """The token run ``[first, stop)`` that covers the characters ``[start, end)``."""
        key = (start, end)
        run = self._token_runs.get(key)
        if run is None:
            first = max(bisect.bisect_right(self.starts, start) - 1, 0)
            stop = max(bisect.bisect_left(self.starts, end), first + 1)
            run = self._token_runs[key] = (first, min(stop, len(self.starts)))
        return run

    def root(self, first: int, stop: int) -> int:
        """The first token of ``[first, stop)`` whose head lies outside it."""
        key = (first, stop)
        found = self._roots.get(key)
        if found is None:
            offsets = self._head_offsets
            found = self._roots[key] = next((i for i in range(first, stop) if not first <= i + offsets[i] < stop or not offsets[i]), first)
        return found

    def sentence_at(self, offset: int) -> Span | None:
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[index] if index >= 0 and offset < self.sentences[index].end else None


def content_candidates(
    article: Article,
    *,
    cue: Span,
    source: Span | None,
    content: Sequence[Span],
    sentence: Span | None,
    quotations: Sequence[tuple[int, int]],
    layout: ArticleLayout | None = None,
) -> list[tuple[str, Pieces]]:
    """``(kind, pieces)`` content candidates of a statement, the rules' ``content`` first (kind
    ``current``); none overlaps the cue or the source, none repeats another."""
    text = article.text
    layout = layout or ArticleLayout(article)
    current: Pieces = tuple((c.start, c.end) for c in content)
    found: list[tuple[str, Pieces]] = [("current", current)]
    seen = {current}
    blocked = [(cue.start, cue.end)] + ([(source.start, source.end)] if source is not None else [])

    def add(kind: str, pieces: Sequence[tuple[int, int]], *, trim: bool = True) -> None:
        kept = []
        for start, end in pieces:
            if trim:
                start, end = trim_content(text, start, end)
            if end - start >= 2:
                kept.append((start, end))
        candidate = tuple(sorted(kept))
        if not candidate or candidate in seen:
            return
        if any(s < be and bs < e for s, e in candidate for bs, be in blocked):
            return
        seen.add(candidate)
        found.append((kind, candidate))

    first_start, last_end = current[0][0], current[-1][1]
    # the rules' content, a little wider or narrower
    before = text[max(0, first_start - 5) : first_start].lower()
    if before.endswith("that "):
        add("with_that", ((first_start - 5, current[0][1]), *current[1:]), trim=False)
    if len(current) > 1:
        for index, piece in enumerate(current):
            add(f"piece{min(index, 1)}", (piece,), trim=False)
    # cut short at a break (before a clause that comes after the content)
    last_start = current[-1][0]
    cuts = [m.start() for m in BREAK.finditer(text, last_start, last_end)][:MAX_CUTS]
    for position in cuts:
        add("cut_end", (*current[:-1], (last_start, position)))
    if sentence is not None:
        region_start = min(cue.start, source.start) if source is not None else cue.start
        region_end = max(cue.end, source.end) if source is not None else cue.end
        if sentence.start <= region_start and region_end <= sentence.end:
            head = (sentence.start, region_start)
            tail = (region_end, sentence.end)
            add("sentence_tail", (tail,))
            add("sentence_head", (head,))
            add("around", (head, tail))  # around a parenthetical "he said", in two pieces
    if layout.starts:
        verb = layout.doc[layout.root(*layout.tokens(cue.start, cue.end))]
        right = verb.right_edge
        add("phrase_rest", ((cue.end, right.idx + len(right.text)),))
        for child in verb.rights:
            if child.dep_ == "dobj":
                left, right = child.left_edge, child.right_edge
                add("clause_dobj", ((left.idx, right.idx + len(right.text)),))
    for start, end in quotations:
        if start < last_end and first_start < end:
            add("quotation", ((start, end),), trim=False)
    if layout.starts:
        _add_parse_candidates(add, article, layout, cue=cue, source=source, current=current, sentence=sentence, quotations=quotations)
    return found


def _add_parse_candidates(add, article: Article, layout: ArticleLayout, *, cue: Span, source: Span | None, current: Pieces,
                          sentence: Span | None, quotations: Sequence[tuple[int, int]]) -> None:
    """Candidates read off the parse: the content started at a later complement ("asked the
    students | if ..."), run on to the end of the sentence, with an abbreviation's period ("the U.S."),
    with the subject or relative pronoun that precedes the cue ("the permit | had been hard to
    get", "that | is the future"), and with the quotation that follows "he said." in its paragraph."""
    text = article.text
    doc = layout.doc
    first_start, last_end = current[0][0], current[-1][1]
    last_start = current[-1][0]
    first, stop = layout.tokens(last_start, last_end)
    head_first, head_stop = layout.tokens(*current[0])
    if head_stop - head_first > 1:
        root = doc[layout.root(head_first, head_stop)]
        for child in root.children:
            if head_first < child.left_edge.i < head_stop and child.dep_ in START_DEPS:
                add("start_dep", ((child.left_edge.idx, current[0][1]), *current[1:]))
    if sentence is not None and last_end < sentence.end and first_start >= cue.end:
        add("to_sentence_end", (*current[:-1], (last_start, sentence.end)))
    last_token = doc[stop - 1]
    if last_token.idx + len(last_token.text) == last_end + 1 and last_token.text.endswith(".") and last_token.text.count(".") >= 2:
        add("keep_period", (*current[:-1], (last_start, last_end + 1)), trim=False)
    # the subject (passive, raising) or the relative pronoun before the cue belongs to the content
    region_start = min(cue.start, source.start) if source is not None else cue.start
    if first_start >= cue.end:
        verb = doc[layout.root(*layout.tokens(cue.start, cue.end))]
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i), None)
        if subject is not None and source is None:
            add("with_subject", ((subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)), *current))
        before = max(layout.tokens(region_start, region_start + 1)[0] - 1, 0)
        if layout.lower(before) in RELATIVE_WORDS and layout.starts[before] < region_start:
            add("with_relative", ((layout.starts[before], layout.starts[before] + len(doc[before].text)), *current), trim=False)
    # the quotation after "...," he said. in the same paragraph
    if text[last_end - 1 : last_end] in QUOTE_MARKS or text[last_end : last_end + 1] in QUOTE_MARKS:
        region_end = max(cue.end, source.end) if source is not None else cue.end
        following = next((q for q in quotations if q[0] >= max(region_end, last_end)), None)
        if following is not None and following[0] - region_end <= 4 and "\n" not in text[region_end : following[0]]:
            add("next_quote", (*current, following), trim=False)


def candidate_features(
    article: Article, kind: str, pieces: Pieces, *, cue: Span, source: Span | None, sentence: Span | None, cue_dep: str,
    layout: ArticleLayout | None = None, other_cues: Sequence[tuple[int, int]] = (),
) -> list[str]:
    """Feature names of a content candidate (see the module docstring)."""
    text = article.text
    start, end = pieces[0][0], pieces[-1][1]
    first_start, first_end = pieces[0]
    opening, closing = text[first_start : first_start + 1], text[end - 1 : end] if end > pieces[-1][0] else ""
    layout = layout or ArticleLayout(article)
    count = len(layout.starts)
    first_token = max(bisect.bisect_right(layout.starts, start) - 1, 0)
    last_first, stop = layout.tokens(*pieces[-1])
    first_word = layout.lower(first_token)
    last_word = layout.lower(stop - 1)
    size = sum(e - s for s, e in pieces)
    length = str(min(int(math.log2(size + 1)), 9))
    position = "before" if end <= cue.start else "after" if start >= cue.end else "around"
    gap_text = text[end : cue.start] if position == "before" else text[cue.end : start] if position == "after" else "|"
    gap = gap_text.strip().lower()
    gap = gap if len(gap) <= 6 else "long" + str(min(len(gap) // 20, 4))
    source_side = "none" if source is None else "before" if source.end <= cue.start else "after"
    after = text[end : end + 1]
    after = "nl" if after == "\n" else "sp" if after.isspace() else "w" if after.isalnum() else after or "eot"
    prior = text[start - 1 : start] if start else ""
    prior = "nl" if prior in ("\n", "") else "sp" if prior.isspace() else "w" if prior.isalnum() else prior
    last_char = closing if not closing.isalnum() else "w"
    first_char = opening if opening in QUOTE_MARKS else "X" if opening.isupper() else "x"
    quoted = opening in QUOTE_MARKS and closing in QUOTE_MARKS
    features = [
        "k=" + kind,
        "n=" + str(min(len(pieces), 3)),
        "len=" + length,
        "k|len=" + kind + "|" + length,
        "fw=" + first_word,
        "lw=" + last_word,
        "fc=" + first_char,
        "lc=" + last_char,
        "after=" + after,
        "prior=" + prior,
        "pos=" + position,
        "k|pos=" + kind + "|" + position,
        "gap=" + gap,
        "pos|gap=" + position + "|" + gap,
        "pos|src=" + position + "|" + source_side,
        "k|dep=" + kind + "|" + cue_dep,
        "q=" + ("1" if quoted else "0"),
        "k|q=" + kind + "|" + ("1" if quoted else "0"),
        "k|fw=" + kind + "|" + first_word,
        "k|lw=" + kind + "|" + last_word,
        "k|after=" + kind + "|" + after,
        "k|prior=" + kind + "|" + prior,
        "k|gap=" + kind + "|" + gap,
        "k|src=" + kind + "|" + source_side,
        "lc|after=" + last_char + "|" + after,
        "commas=" + str(min(sum(text.count(",", s, e) for s, e in pieces), 3)),
    ]
    next_word = layout.lower(stop) if stop < count else "</s>"
    previous_word = layout.lower(first_token - 1) if first_token > 0 else "<s>"
    features += ["nw=" + next_word, "pw=" + previous_word, "k|nw=" + kind + "|" + next_word, "k|pw=" + kind + "|" + previous_word,
                 "after|nw=" + after + "|" + next_word]
    if count:
        root_index = layout.root(last_first, stop)
        root = layout.doc[root_index]
        whole = root.left_edge.i == last_first and root.right_edge.i == stop - 1
        features += ["root=" + layout.dep(root_index), "whole=" + ("1" if whole else "0")]
    # the cue of another statement inside the candidate: a nested attribution
    nested = str(min(sum(1 for s, e in pieces for cs, ce in other_cues if s <= cs and ce <= e), 2))
    features += ["nested=" + nested, "k|nested=" + kind + "|" + nested]
    if sentence is not None:
        features.append("ends_sentence=" + ("1" if end >= sentence.end - 1 else "0"))
        features.append("starts_sentence=" + ("1" if start <= sentence.start + 1 else "0"))
    if text.find(", which", first_start, first_end) >= 0 or text.find(", who", first_start, first_end) >= 0:
        features.append("relative_clause")
    return features


class LinearChooser:
    """A linear scorer over feature names, read from ``NAME.npz`` (weights) and ``NAME.json`` (feature
    names in row order) in the models folder: the candidate with the highest score wins."""

    #: The model's file name in the models folder, and what it is called in errors.
    model_name = CONTENT_MODEL
    description = "content chooser"

    def __init__(self, *, weights: dict[str, float]) -> None:
        #: Feature name -> weight (a feature not listed weighs nothing).
        self.weights = weights

    @classmethod
    def load(cls, *, directory: Path | None = None, name: str | None = None) -> Self:
        """Read the model ``name`` (default: the class's own) from ``directory`` or the packaged models."""
        name = name or cls.model_name
        base = directory if directory is not None else importlib.resources.files("eventwire") / "data" / MODELS_DIR
        try:
            meta = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
            with (base / f"{name}.npz").open("rb") as handle:
                weights = np.load(handle)["weights"].astype(np.float64)
        except (OSError, KeyError, ValueError) as e:
            raise LexiconError(f"cannot read the {cls.description} model {name}: {e}") from e
        names = meta.get("features")
        if names is None or len(names) != len(weights):
            raise LexiconError(f"{cls.description} model {name}: {len(weights)} weights for {len(names or ())} features")
        return cls(weights=dict(zip(names, weights.tolist())))

    def score(self, features: list[str]) -> float:
        return sum(map(self.weights.get, features, repeat(0.0)))


class ContentChooser(LinearChooser):
    """Scores :func:`candidate_features`: the candidate with the highest score is the content."""

    def choose(
        self,
        article: Article,
        *,
        cue: Span,
        source: Span | None,
        content: Sequence[Span],
        sentence: Span | None,
        quotations: Sequence[tuple[int, int]],
        layout: ArticleLayout | None = None,
        other_cues: Sequence[tuple[int, int]] = (),
    ) -> tuple[Span, ...]:
        """The best scored content candidate of a statement, as spans of ``article``."""
        layout = layout or ArticleLayout(article)
        candidates = content_candidates(
            article, cue=cue, source=source, content=content, sentence=sentence, quotations=quotations, layout=layout
        )
        if len(candidates) == 1:
            return tuple(content)
        cue_dep = cue_dependency(layout, cue)
        scores = [
            self.score(candidate_features(article, kind, pieces, cue=cue, source=source, sentence=sentence, cue_dep=cue_dep, layout=layout,
                                           other_cues=other_cues))
            for kind, pieces in candidates
        ]
        best = max(range(len(candidates)), key=scores.__getitem__)
        if best == 0:
            return tuple(content)
        return tuple(article.span(s, e) for s, e in candidates[best][1])

    def choose_contents(
        self, article: Article, found: Sequence[T], *, quotations: Sequence[tuple[int, int]] | None = None,
        layout: ArticleLayout | None = None,
    ) -> list[T]:
        """``found`` (statements with ``cue``, ``source`` and ``content``) with their content re-chosen."""
        if not found:
            return list(found)
        quotations = find_quotations(article.text) if quotations is None else quotations
        layout = layout or ArticleLayout(article)
        cues = [(item.cue.start, item.cue.end) for item in found]
        result = []
        for item in found:
            source = item.source.span if item.source is not None else None
            content = self.choose(
                article, cue=item.cue, source=source, content=item.content, sentence=layout.sentence_at(item.cue.start),
                quotations=quotations, layout=layout, other_cues=[c for c in cues if c != (item.cue.start, item.cue.end)],
            )
            result.append(item if content == tuple(item.content) else dataclasses.replace(item, content=content))
        return result


def cue_dependency(layout: ArticleLayout, cue: Span) -> str:
    """The dependency label of the cue's head token ("-" when the doc has no tokens)."""
    if not layout.starts:
        return "-"
    return layout.dep(layout.root(*layout.tokens(cue.start, cue.end)))
