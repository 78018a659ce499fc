"""The cue tagger's part in finding statements: it vets the rules' statements and adds one for each
confident cue the rules missed.

A rule statement whose cue the tagger (statement_tagger.py) finds unlikely is dropped. A cue the
tagger finds where the rules found none gets a statement, read by the shape of the cue:

* a verb the rules can read is read as they read it; else the rest of the verb's phrase is said
  and its subject says it ("Graham has attacked GOP voters for ..."), or, with nothing after the
  verb, the quotation that ends right before its sentence ("'... no?' Freddy Ortega said.");
* a preposition ("in national polls", "for Mr. Trump"): its object speaks, the rest of the
  sentence is said;
* a noun: the clause it heads ("his claim that ..."), a colon or a quotation next to it, else
  the object of the preposition that follows it ("his attacks on Mr. Clinton", "criticism of the
  plan", the preposition joins the cue) or its infinitive ("her plan to raise taxes"); its
  possessor speaks.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging

import numpy as np
from spacy.attrs import ENT_TYPE, IDX, LENGTH, SENT_START
from spacy.strings import get_string_id

from .evidence import ActorIndex
from .model import Article, Span
from .statement_spans import adjacent_quotations, content_after_colon, find_quotations, source_argument, trim_content
from .statement_tagger import DATE_ENTITIES, MAX_EDGE_MOVE, OUTSIDE, mark_rules, quoted_tokens

logger = logging.getLogger(__name__)

#: Dependency labels of a verb (the rules' VERB_DEPS).
VERB_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "pcomp", "acl", "dep"})
#: The longest content, in tokens, read off a verb's phrase.
MAX_CONTENT_TOKENS = 200
#: Prepositions whose object is what a noun cue is about ("attacks on", "criticism of", "support for").
NOUN_PREPOSITIONS = frozenset({"of", "on", "about", "for", "to", "against", "over", "with", "toward", "towards"})
#: Children on the left of a verb cue that belong to it ("has", "was", "not").
AUXILIARY_DEPS = frozenset({"aux", "auxpass", "neg"})
#: Children on the left of a noun cue that belong to it ("the", "sharp", "new").
NOUN_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nummod", "advmod", "quantmod", "nmod"})
#: Children of a noun cue that say who speaks ("his attacks", "Trump's proposal").
OWNER_DEPS = frozenset({"poss"})
#: Characters that may lie between a quotation and the sentence that attributes it.
QUOTE_GAP = 3


def apply_tagger(extractor, article: Article, found: list, *, quotations: list[tuple[int, int]] | None = None) -> list:
    """Vet the rules' statements (``found``, of ``extractor``) with its cue tagger and add a
    statement for each cue the tagger finds that the rules missed (nouns, rare verbs, phrases)."""
    tagger = extractor.tagger
    doc = article.doc
    quotations = find_quotations(article.text) if quotations is None else quotations
    marks = mark_rules(
        doc,
        cues=[(f.cue.start, f.cue.end) for f in found],
        sources=[(f.source.span.start, f.source.span.end) for f in found if f.source is not None],
        contents=[(c.start, c.end) for f in found for c in f.content],
    )
    tokens, rows, counts = tagger.feature_rows(doc, marks, quoted_tokens(doc, quotations), text=article.text)
    probabilities = tagger.row_probabilities(tokens, rows, counts, len(doc))
    kept = []
    for item in found:
        span = doc.char_span(item.cue.start, item.cue.end, alignment_mode="expand")
        if (
            span is None or not len(span) or item.laid_out
            or 1.0 - float(probabilities[span.start : span.end, OUTSIDE].mean()) >= extractor.veto_threshold
            or item.cue.text.lower().split()[-1] in extractor.cues.denial_forms  # a denial is kept for its disputes
        ):
            kept.append(item)
    taken = [(f.cue.start, f.cue.end) for f in found]
    actor_at = ActorIndex(article)
    for first, stop, confidence in tagger.cue_runs(probabilities):
        start, end = doc[first].idx, doc[stop - 1].idx + len(doc[stop - 1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        statement = tagged_statement(extractor, article, doc[first:stop], actor_at, quotations, confidence=confidence)
        if statement is not None:
            kept.append(statement)
            taken.append((statement.cue.start, statement.cue.end))
    return move_cue_edges(tagger, article, kept) if tagger.edges else kept


def move_cue_edges(tagger, article: Article, found: list) -> list:
    """Each cue with its edges moved as the tagger's learned edge moves say ("said | in a
    statement", "when | asked", "said | Tuesday"), never out of its sentence nor into its
    statement's source or content."""
    if not found:
        return []
    doc = article.doc
    text = article.text
    # one array copy per doc; words are made only for the few tokens around each cue
    array = doc.to_array([SENT_START, ENT_TYPE, IDX, LENGTH])
    sentence_starts = np.flatnonzero(array[:, 0] == 1).tolist()
    dates = np.zeros(len(array), dtype=bool)
    for label in DATE_ENTITIES:
        dates |= array[:, 1] == get_string_id(label)
    dates = dates.tolist()
    starts = array[:, 2].astype(np.int64).tolist()
    ends = (array[:, 2] + array[:, 3]).astype(np.int64).tolist()
    moved = []
    for item in found:
        first_token = bisect.bisect_right(starts, item.cue.start) - 1
        if first_token < 0 or ends[first_token] <= item.cue.start:
            first_token += 1
        stop_token = bisect.bisect_left(starts, item.cue.end)
        if stop_token <= first_token:
            moved.append(item)
            continue
        at = bisect.bisect_right(sentence_starts, first_token)
        sentence_start = sentence_starts[at - 1] if at else 0
        sentence_end = sentence_starts[at] if at < len(sentence_starts) else len(doc)
        # only the words an edge may cross: MAX_EDGE_MOVE on each side, inside the sentence
        offset = max(sentence_start, first_token - MAX_EDGE_MOVE)
        first, stop = first_token - offset, min(stop_token, sentence_end) - offset
        words = [
            "<date>" if dates[i] else text[starts[i] : ends[i]].lower()
            for i in range(offset, min(sentence_end, stop_token + MAX_EDGE_MOVE))
        ]
        blocked = [(c.start, c.end) for c in item.content] + ([(item.source.span.start, item.source.span.end)] if item.source else [])

        def allowed(new_first: int, new_stop: int, *, offset: int = offset, blocked=blocked) -> bool:
            start, end = starts[new_first + offset], ends[new_stop + offset - 1]
            return not any(s < end and start < e for s, e in blocked)

        new_first, new_stop = tagger.move_edges(words, first, stop, allowed=allowed)
        if (new_first, new_stop) == (first, stop):
            moved.append(item)
            continue
        start = starts[new_first + offset] if new_first != first else item.cue.start
        end = ends[new_stop + offset - 1] if new_stop != stop else item.cue.end
        moved.append(dataclasses.replace(item, cue=article.span(start, end)))
    return moved


def tagged_statement(extractor, article: Article, cue_tokens, actor_at: ActorIndex, quotations, *, confidence: float = 1.0):
    """A statement around a cue the tagger found (``cue_tokens``, a span of the doc), or None."""
    from .statements import _Found, _widen_to_quotations  # the rules' own statement type (imports this module)

    head = cue_tokens.root
    sent = head.sent
    cue = article.span(cue_tokens.start_char, cue_tokens.end_char)
    if head.dep_ in VERB_DEPS and head.is_alpha:
        statement = extractor._verb_statement(article, sent, head, actor_at, quotations)
        if statement is not None:
            return _widen_to_quotations(article, statement, quotations)
        if confidence < extractor.fallback_threshold:
            return None
        content = _verb_phrase_content(article, cue_tokens, cue) or _quotation_before(article, sent, cue_tokens, quotations)
        if content is None:
            return None
        cue = _with_auxiliaries(article, cue_tokens, cue)
        subject = _first_child(head, "nsubj")
        if subject is None and head.dep_ in ("conj", "xcomp", "advcl"):
            subject = _first_child(head.head, "nsubj")
        source = source_argument(article, subject, actor_at) if subject is not None else None
        if source is not None and (source.span.overlaps(cue) or source.span.overlaps(content)):
            source = None
        return _Found(source, cue, (content,), sentence_start=sent.start_char)
    last = cue_tokens[-1]
    if head.dep_ == "prep":
        # "in national polls", "for Mr. Trump": the phrase's object speaks, the rest of the sentence is said
        return _preposition_statement(article, cue_tokens, cue, actor_at, _Found)
    # a noun: "his claim that ...", "Trump's statement: ...", "his attacks on ..."
    clause = next((c for c in head.children if c.dep_ in ("acl", "ccomp", "relcl") and c.i > head.i
                   and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if clause is None:
        content = content_after_colon(article, last, quotations) or adjacent_quotations(article, sent, head, None, quotations)
    else:
        start, end = trim_content(article.text, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
        content = (article.span(start, end),) if end - start >= 3 else None
    if not content and confidence >= extractor.fallback_threshold:
        cue, content = _noun_object(article, cue_tokens, cue)
    if not content or any(c.overlaps(cue) for c in content):
        return None
    cue = _with_modifiers(article, cue_tokens, cue)
    owner = next((c for c in head.children if c.dep_ in OWNER_DEPS), None)
    if owner is None:
        agent = next((c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        owner = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    source = source_argument(article, owner, actor_at) if owner is not None else None
    if source is not None and (source.span.overlaps(cue) or any(source.span.overlaps(c) for c in content)):
        source = None
    return _Found(source, cue, tuple(content), sentence_start=sent.start_char)


def _with_auxiliaries(article: Article, cue_tokens, cue: Span) -> Span:
    """A verb cue with its auxiliaries and negation on the left ("has attacked", "did not respond")."""
    head = cue_tokens.root
    first = cue_tokens.start
    for child in head.children:
        if child.i < first and child.dep_ in AUXILIARY_DEPS and head.i - child.i <= 4:
            first = child.i
    return cue if first == cue_tokens.start else article.span(cue_tokens.doc[first].idx, cue.end)


def _with_modifiers(article: Article, cue_tokens, cue: Span) -> Span:
    """A noun cue with its determiner and modifiers on the left ("sharp attacks on", "the
    rumors"), as PolNeAR marks them; not its possessor, which speaks."""
    head = cue_tokens.root
    first = cue_tokens.start
    for child in sorted((c for c in head.children if c.i < first), key=lambda c: -c.i):
        if child.dep_ not in NOUN_MODIFIER_DEPS or child.right_edge.i != first - 1:
            break
        first = child.left_edge.i
    return cue if first == cue_tokens.start else article.span(cue_tokens.doc[first].idx, cue.end)


def _first_child(token, dep: str):
    return next((c for c in token.children if c.dep_ == dep), None)


def _verb_phrase_content(article: Article, cue_tokens, cue: Span) -> Span | None:
    """What follows the cue in its verb's phrase ("is congratulating his rivals", "has attacked X for Y")."""
    last = cue_tokens.root.right_edge
    if last.i < cue_tokens.end or last.i - cue_tokens.end > MAX_CONTENT_TOKENS:
        return None
    start, end = trim_content(article.text, cue.end, last.idx + len(last.text))
    return article.span(start, end) if end - start >= 3 else None


def _quotation_before(article: Article, sent, cue_tokens, quotations) -> Span | None:
    """A quotation that ends right before a sentence that is little more than its speaker and
    cue ("'His strategy ... no?' Freddy Ortega said.")."""
    text = article.text
    tail = text[cue_tokens.end_char : sent.end_char]
    if tail.strip(" .,;!?\"”’'\n"):
        return None
    for start, end in quotations:
        if end <= sent.start_char and sent.start_char - end <= QUOTE_GAP and not text[end : sent.start_char].strip():
            return article.span(start, end)
        if start >= sent.start_char:
            break
    return None


def _preposition_statement(article: Article, cue_tokens, cue: Span, actor_at: ActorIndex, found_type):
    sent = cue_tokens.root.sent
    last = cue_tokens[-1]
    head = cue_tokens.root
    source_token = next((c for c in (*last.children, *head.children) if c.dep_ in ("pobj", "pcomp") and c.i > last.i), None)
    if source_token is None:
        return None
    doc = sent.doc
    phrase_start, phrase_end = cue_tokens.start, max(source_token.right_edge.i, last.i)
    if phrase_start - sent.start <= 1:
        start, end = doc[phrase_end].idx + len(doc[phrase_end].text), sent.end_char
    elif sent.end - phrase_end <= 2:
        start, end = sent.start_char, doc[phrase_start].idx
    else:
        return None
    start, end = trim_content(article.text, start, end)
    if end - start < 3:
        return None
    source = source_argument(article, source_token, actor_at)
    return found_type(source, cue, (article.span(start, end),), sentence_start=sent.start_char)


def _noun_object(article: Article, cue_tokens, cue: Span) -> tuple[Span, tuple[Span, ...] | None]:
    """A noun cue's content: the object of the preposition right after it, the preposition joining
    the cue ("attacks on | Mr. Clinton"), else its infinitive ("plan | to raise taxes")."""
    doc = cue_tokens.doc
    head = cue_tokens.root
    last = cue_tokens[-1]
    preposition = None
    if last.dep_ == "prep" and last.lower_ in NOUN_PREPOSITIONS:
        preposition = last
    elif cue_tokens.end < len(doc):
        following = doc[cue_tokens.end]
        if following.dep_ == "prep" and following.lower_ in NOUN_PREPOSITIONS and following.head.i in (head.i, last.i):
            preposition = following
    if preposition is not None:
        target = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
        if target is None:
            return cue, None
        start, end = trim_content(article.text, target.left_edge.idx, target.right_edge.idx + len(target.right_edge.text))
        if end - start < 3 or target.left_edge.i <= preposition.i:
            return cue, None
        cue = article.span(cue.start, preposition.idx + len(preposition.text))
        return cue, (article.span(start, end),)
    clause = next((c for c in head.children if c.dep_ in ("acl", "xcomp") and c.i > last.i
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if clause is None or clause.left_edge.i != cue_tokens.end:
        return cue, None
    start, end = trim_content(article.text, clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text))
    return cue, ((article.span(start, end),) if end - start >= 3 else None)
