"""Who says so: statements (direct quotes and reported speech), their chains and their disputes.

A statement is read off the dependency parse around a cue: a verb of saying or thinking with a
clausal complement ("Peskov said that ..."), a quote and its speaker ("'...,' Kuleba said"),
"according to X", "X quoted Y as saying", "X cited Y as saying", a speaker and a colon ("Sanders:
...", "X says: ..."), and quotes that run on in the next paragraph. Each statement has a ``source`` (the speaker's phrase and the actor it resolves
to), a ``cue`` span and one or more ``content`` spans (a quote interrupted by its cue gives two).

Span conventions follow the PolNeAR annotation of attribution: the source is the subject phrase
without relative clauses ("Trump, who ..., said" -> "Trump"); the cue carries its auxiliaries,
negation, adverbs in between and particles ("has also called for"); the content keeps the
complementiser ("that ...") and the quotation marks with the punctuation inside them, but not
the sentence's final period (statement_spans.py holds these conventions).

The rules are joined by a trained cue tagger (statement_tagger.py, learned on PolNeAR train by
scripts/train_statements.py): a rule statement whose cue the tagger finds unlikely is dropped, and a
cue the tagger finds where the rules found none gets a statement: read as the rules read a verb
where they can, else the rest of the verb's phrase as content and its subject as source ("Graham
has attacked GOP voters for ..."), or a preposition's object as source ("in national polls").
Last, each statement's source and content boundaries are chosen among candidate spans by trained
rankers (statement_source.py, statement_content.py; scripts/train_statement_source.py and
scripts/train_statement_content.py learn them on PolNeAR train).

Around each statement: its ``medium`` (statement, letter, social media, interview, briefing,
agency report), ``via`` (the intermediaries, outward: a statement nested in another statement's
content, or quoted or cited by an agency, travels through that source, then through the outlet
of ``article.meta.source``), and ``disputes`` (a statement that calls another claim false lists the
events and statements it rejects). Events whose trigger lies inside a statement's content are
linked to it (``Event.statement``) and, if they were asserted, marked ``reported``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass

from spacy.strings import get_string_id

from .evidence import ActorIndex
from .lexicon import Cues, inflect_verb, load_irregular_verbs
from .model import Argument, Article, Event, Span, Statement
from .stage import Stage
from .statement_content import ArticleLayout, ContentChooser
from .statement_source import SourceChooser
from .statement_spans import (
    OPENING_QUOTES,
    adjacent_quotations,
    content_after_colon,
    find_quotations,
    marked_clause,
    merge_spans,
    named_group,
    source_argument,
    trim_content,
)
from .statement_fallback import apply_tagger
from .statement_tagger import CueTagger

logger = logging.getLogger(__name__)

#: Verbs that introduce attributed content besides the speech verbs of cues.yaml: thinking,
#: wanting, showing, accusing and asking are attribution in PolNeAR's sense.
ATTRIBUTION_VERBS = (
    "hope", "worry", "wonder", "show", "find", "call", "ask", "urge", "warn", "promise", "vow",
    "pledge", "propose", "agree", "admit", "concede", "deny", "dismiss", "accuse", "charge", "blame",
    "criticize", "criticise", "praise", "complain", "question", "predict", "recommend", "demand",
    "joke", "quip", "counter", "continue", "hint", "caution", "assure", "retort", "signal",
    "threaten", "appear", "seem", "decline", "refuse", "realize", "imply", "insist", "contend",
    "concur", "dispute", "forecast", "conclude", "emphasize", "defend", "endorse", "support",
    "acknowledge", "allege", "announce", "confirm", "accuse", "describe", "denounce", "condemn",
    "mock", "discuss", "express", "thank", "refer", "point", "seek", "recount", "recite", "echo",
)
#: Verbs of saying or thinking that, measured on PolNeAR train, introduce an attribution less than
#: three times in ten (mostly "I think", "they want", "we know" inside quotes): never cues here.
WEAK_CUE_VERBS = frozenset(
    {
        "think", "believe", "know", "feel", "want", "understand", "oppose", "expect", "speak", "intend",
        "learn", "reject", "decide", "plan", "fear", "doubt", "boast", "testify", "post", "recognize",
        "determine", "support", "continue", "thank", "demand", "realize",
    }
)
#: Of those, the verbs whose ``to``-infinitive is their content ("wants to build a wall").
INFINITIVE_VERBS = frozenset(
    {
        "want", "hope", "expect", "promise", "vow", "pledge", "agree", "threaten", "appear", "seem",
        "decline", "refuse", "plan", "intend", "propose", "continue", "ask", "urge", "call", "decide",
        "demand", "warn", "tell", "seek",
    }
)
#: Verbs whose direct object is their content ("announced his candidacy").
OBJECT_VERBS = frozenset(
    {
        "announce", "propose", "deny", "reject", "praise", "criticize", "criticise", "endorse",
        "defend", "question", "predict", "recommend", "demand", "dismiss", "support", "oppose",
        "confirm", "acknowledge", "allege", "blame", "accuse", "describe", "denounce", "condemn",
        "mock", "discuss", "express", "thank", "mention", "recount", "recite", "echo", "cite",
    }
)
#: Prepositions that complete an object content ("accused X of Y", "described X as Y").
OBJECT_COMPLEMENTS = frozenset({"of", "as", "for"})
#: Verbs that are cues only with their particle ("pointed out").
PARTICLE_VERBS = {"point": "out"}
#: Prepositions a cue verb takes before its content ("called for", "called on", "warned of").
CUE_PREPOSITIONS = {"call": ("for", "on"), "refer": ("to",), "ask": ("for",), "push": ("for",), "press": ("for",),
                    "appeal": ("for",), "warn": ("of", "about", "against"), "argue": ("for", "against")}
#: A quotation starting at most this many characters after a quoted statement's credit may continue
#: it ("'...,' said X, who spoke to reporters after ... '...'").
CONTINUATION_GAP = 160
#: Verbs by which an outlet or agency passes on what somebody else said.
RELAY_VERBS = frozenset({"quote", "cite", "report"})
VERB_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "parataxis", "pcomp", "acl", "dep"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Verbs whose subject is part of the content ("Clinton appears to lead"): no source.
RAISING_VERBS = frozenset({"seem", "appear"})
#: Entities that may speak in a "Name: ..." line.
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
CLOSING_QUOTES = "\"”’'"
QUOTE_CHARS = frozenset("\"“”'")
#: Medium from words in the cue's neighbourhood, tried in order.
MEDIUM_WORDS = (
    ("social media", ("twitter", "tweet", "tweeted", "tweets", "facebook", "instagram", "telegram", "posted", "social media")),
    ("letter", ("letter", "wrote", "written", "writes", "appeal")),
    ("interview", ("interview", "interviewed")),
    ("briefing", ("briefing", "reporters", "news conference", "press conference", "televised", "address")),
    ("agency report", ("news agency", "agency", "reported", "state media")),
)
#: Nouns that stand for a document: "the letter said" is the statement of the letter's authors.
DOCUMENT_NOUNS = frozenset({"letter", "appeal", "statement", "request", "message", "note", "communique", "declaration"})
#: A collective description that points back to people named before ("the two rebel leaders").
NUMBER_WORDS = frozenset({"two", "three", "both"})
MAX_CONTENT_TOKENS = 200
#: A name and a colon opening a paragraph: a transcript turn or a headline ("Ryan: ...").
SPEAKER_LINE = re.compile(r"[\"“]?((?:[A-Z][\w.’'-]*|of|the)(?:[ \t]+(?:[A-Z][\w.’'-]*|of|the)){0,4}):[ \t]+(?=\S)")
#: A quotation's credit after a dash: "“...” ― Sonya Herridge", "“...”― Julie A. Diaz Martinez."
_CREDIT_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]*|de|del|la|van|von)"
CREDIT_AFTER_QUOTE = re.compile(
    rf"[”\"][ \t\xa0]*(?P<dash>[―—–])[ \t\xa0]*(?P<name>[A-Z][\w’'-]*(?:[ \t]{_CREDIT_NAME_WORD}){{1,4}})(?=[\s“”\",]|\.(?:\s|\Z)|\Z)"
)
#: Verbs whose content may be a bare quotation next to them ("'Okay,' I said").
QUOTING_VERBS = frozenset({"say", "tell", "add", "write", "ask", "reply", "respond", "answer", "explain", "joke", "quip"})
#: "... in the statement cited by Interfax": the agency that passed the statement on.
RELAYED_BY = re.compile(r"\b(?:cited|quoted|reported|carried) by ((?:the )?[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})")
#: Words that stand for a whole answer: "said so", "said yes".
SHORT_ANSWERS = frozenset({"so", "yes", "no"})


@dataclass(frozen=True, slots=True)
class _Found:
    """A statement before ids, via and disputes are assigned."""

    source: Argument | None
    cue: Span
    content: tuple[Span, ...]
    relay: str | None = None  # the agency or outlet that quoted or cited the source
    sentence_start: int = 0
    laid_out: bool = False  # the content is read off the layout (a transcript's turn): no chooser re-chooses it


class StatementExtractor(Stage):
    """Adds ``statements`` and links the events inside them (``Event.statement``, ``status``)."""

    name = "statements"
    requires = frozenset({"doc", "sentences", "actors", "events"})
    provides = frozenset({"statements"})

    def __init__(
        self,
        *,
        cues: Cues | None = None,
        tagger: CueTagger | None | bool = True,
        veto_threshold: float = 0.5,
        fallback_threshold: float = 0.6,
        content_chooser: ContentChooser | None | bool = True,
        source_chooser: SourceChooser | None | bool = True,
    ) -> None:
        self.cues = cues or Cues.load()
        #: The trained content-span chooser (``True``: the packaged model; ``None``: the rules' contents).
        self.content_chooser = ContentChooser.load() if content_chooser is True else (content_chooser or None)
        #: The trained source-boundary chooser (``True``: the packaged model; ``None``: the rules' sources).
        self.source_chooser = SourceChooser.load() if source_chooser is True else (source_chooser or None)
        #: The trained cue tagger (``True``: the packaged model; ``None``: rules only).
        self.tagger = CueTagger.load() if tagger is True else (tagger or None)
        #: A rule statement whose cue the tagger gives less than this probability is dropped.
        self.veto_threshold = veto_threshold
        #: A tagged verb cue the rules cannot read gets a statement (the rest of its phrase) from this probability.
        self.fallback_threshold = fallback_threshold
        irregular = load_irregular_verbs()
        lemma_of: dict[str, str] = {}
        for lemma in (*sorted(self.cues.speech_verbs), *ATTRIBUTION_VERBS):
            if " " in lemma or lemma in WEAK_CUE_VERBS:
                continue
            for form in (lemma, *inflect_verb(lemma, irregular)):
                lemma_of.setdefault(form, lemma)
        self._lemma_of = lemma_of
        self._cue_ids = frozenset(get_string_id(w) for w in (*lemma_of, "according"))
        phrases = sorted(self.cues.dispute_phrases | self.cues.denial_forms, key=len, reverse=True)
        self._dispute_pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        quotations = find_quotations(article.text)
        found = self.extract_statements(article, quotations=quotations)
        if self.tagger is not None:
            found = self.apply_tagger(article, found, quotations=quotations)
        layout = ArticleLayout(article) if found and (self.source_chooser or self.content_chooser) else None
        if self.source_chooser is not None:
            found = self.source_chooser.choose_sources(article, found, layout=layout)
        if self.content_chooser is not None:
            chosen = iter(self.content_chooser.choose_contents(
                article, [f for f in found if not f.laid_out], quotations=quotations, layout=layout
            ))
            found = [f if f.laid_out else next(chosen) for f in found]
        statements = self._finish(article, found)
        events = _link_events(article.events, statements)
        return article.replace(statements=tuple(statements), events=events)

    # -- finding statements -------------------------------------------------------------------
    def extract_statements(self, article: Article, *, quotations: list[tuple[int, int]] | None = None) -> list[_Found]:
        """Statements of ``article.doc`` in text order, without ids, via or disputes."""
        doc = article.doc
        text = article.text
        actor_at = ActorIndex(article)
        quotations = find_quotations(text) if quotations is None else quotations
        by_sentence: dict[int, list] = {}
        cue_ids = self._cue_ids
        for index, word in enumerate(doc.to_array("LOWER").tolist()):
            if word in cue_ids:
                token = doc[index]
                sent = token.sent
                by_sentence.setdefault(sent.start_char, []).append((token, sent))
        found: list[_Found] = []
        for sentence in article.sentences:
            in_sentence: list[_Found] = []
            if sentence.start == 0 or text[sentence.start - 1] == "\n":
                speaker_line = self._speaker_line(article, sentence, actor_at)
                if speaker_line is not None:
                    in_sentence.append(speaker_line)
            for token, sent in by_sentence.get(sentence.start, ()):
                statement = None
                if token.lower_ == "according":
                    if token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                        statement = self._according_to(article, sent, token, actor_at)
                elif _is_verb(token):
                    statement = self._verb_statement(article, sent, token, actor_at, quotations)
                    if statement is not None:
                        statement = _widen_to_quotations(article, statement, quotations)
                if statement is not None:
                    in_sentence.append(statement)
            # a quotation opening the sentence (its mark may end the previous one: ... House. ''Nobody)
            quotation = next((q for q in quotations if sentence.start - 3 <= q[0] <= sentence.start), None)
            if found and quotation is not None and self._continues_quote(article, quotation, found[-1], sentence):
                previous = found[-1]
                found[-1] = _Found(
                    previous.source, previous.cue, (*previous.content, article.span(*quotation)),
                    previous.relay, previous.sentence_start,
                )
            found.extend(in_sentence)
        taken = {f.cue.start for f in found}
        found.extend(c for c in self._colon_statements(article, quotations, actor_at) if c.cue.start not in taken)
        found.extend(self._credited_quotations(article, quotations, actor_at))
        return found

    def apply_tagger(self, article: Article, found: list[_Found], *, quotations: list[tuple[int, int]] | None = None) -> list[_Found]:
        """Vet the rules' statements with the trained cue tagger and add a statement for each cue
        it finds that the rules missed (nouns, rare verbs, phrases): see statement_fallback.py."""
        return apply_tagger(self, article, found, quotations=quotations)

    def _colon_statements(self, article: Article, quotations, actor_at) -> list[_Found]:
        """A named speaker and a colon ("Sanders: Brexit's message could ...", "More from Jones:
        “...”"): at the head of a paragraph or after a dash the rest of the paragraph, elsewhere
        the quotation that follows."""
        text = article.text
        found = []
        for ent in article.doc.ents if ":" in text else ():
            end = ent.end_char
            if ent.label_ not in SPEAKER_LABELS or text[end : end + 1] != ":":
                continue
            line_start = text.rfind("\n", 0, ent.start_char) + 1
            before = text[line_start : ent.start_char]
            after_colon = end + 1
            while after_colon < len(text) and text[after_colon] in " \t\xa0\n":
                after_colon += 1
            quotation = next((q for q in quotations if q[0] == after_colon), None)
            if quotation is not None:
                content = article.span(*quotation)
            elif not before.strip() or re.search(r"[-–—] ?$", before) or before.strip().lower().endswith(("from", "on")):
                line_end = text.find("\n", after_colon)
                start, stop = trim_content(text, after_colon, line_end if line_end >= 0 else len(text))
                if stop - start < 3:
                    continue
                content = article.span(start, stop)
            else:
                continue
            source = Argument(article.span(ent.start_char, end), actor_at.at(ent.start_char, end))
            found.append(_Found(source, article.span(end, end + 1), (content,), sentence_start=line_start))
        return found

    def _speaker_line(self, article: Article, sentence: Span, actor_at) -> _Found | None:
        """A paragraph that opens with a name and a colon: "FALLIN: I think ...", "Ryan: 'No place ...'".
        A transcript's turn (the name in capitals) is its whole paragraph, final period included, and
        the paragraphs after it up to the next turn, when another turn follows."""
        text = article.text
        match = SPEAKER_LINE.match(text, sentence.start)
        if match is None or not (sentence.start == 0 or match.group(1).isupper()):
            return None
        turn = match.group(1).isupper() and len(match.group(1)) > 1
        paragraph_end = text.find("\n", match.end())
        start, end = trim_content(text, match.end(), paragraph_end if paragraph_end >= 0 else len(text), keep_period=turn)
        if end - start < 3:
            return None
        source_start, source_end = match.span(1)
        source = Argument(article.span(source_start, source_end), actor_at.at(source_start, source_end))
        cue = article.span(source_end, source_end + 1)
        content = [article.span(start, end)]
        if turn:
            content += _turn_continues(article, paragraph_end)
        return _Found(source, cue, tuple(content), sentence_start=sentence.start, laid_out=turn)

    def _credited_quotations(self, article: Article, quotations, actor_at) -> list[_Found]:
        """A quotation credited after a dash: "“... our greatest shame.” ― Sonya Herridge"."""
        text = article.text
        found = []
        ends = {end: start for start, end in quotations}
        for match in CREDIT_AFTER_QUOTE.finditer(text) if "―" in text or "—" in text or "–" in text else ():
            end = match.start() + 1
            paragraph = text.rfind("\n", 0, end) + 1
            while paragraph < end and text[paragraph].isspace():
                paragraph += 1
            # the quotation, or a paragraph that opens with a quotation mark (some close it with ”: ”Mr. ...”)
            start = paragraph if text[paragraph] in "“”\"" else ends.get(end)
            if start is None or end - start < 3:
                continue
            name_start, name_end = match.span("name")
            source = Argument(article.span(name_start, name_end), actor_at.at(name_start, name_end))
            dash = match.start("dash")
            found.append(_Found(source, article.span(dash, dash + 1), (article.span(start, end),), sentence_start=start, laid_out=True))
        return found

    def _according_to(self, article: Article, sent, token, actor_at) -> _Found | None:
        doc = sent.doc
        to = doc[token.i + 1]
        source_token = next((c for c in to.children if c.dep_ == "pobj"), None)
        if source_token is None:
            source_token = next((c for c in token.children if c.dep_ == "pobj"), None)
        if source_token is None:
            return None
        phrase_start = token.i
        phrase_end = max(source_token.right_edge.i, to.i)
        text = article.text
        if phrase_start - sent.start <= 1:
            start, end = doc[phrase_end].idx + len(doc[phrase_end].text), sent.end_char
        else:
            start, end = sent.start_char, doc[phrase_start].idx
        start, end = trim_content(text, start, end)
        if end - start < 3:
            return None
        source = source_argument(article, source_token, actor_at)
        cue = article.span(token.idx, to.idx + len(to.text))
        return _Found(source, cue, (article.span(start, end),), sentence_start=sent.start_char)

    def _verb_statement(self, article: Article, sent, verb, actor_at, quotations) -> _Found | None:
        lemma = self._lemma_of.get(verb.lower_, verb.lower_)
        if lemma in PARTICLE_VERBS and not any(c.dep_ == "prt" and c.lower_ == PARTICLE_VERBS[lemma] for c in verb.children):
            return None
        relay = None
        source_token = _first_child(verb, SUBJECT_DEPS)
        saying = None
        if lemma in RELAY_VERBS:
            # "Interfax quoted Peskov as saying ...", "Interfax cited Peskov as saying ..."
            speaker = _first_child(verb, frozenset({"dobj"}))
            as_prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            saying = _first_child(as_prep, frozenset({"pcomp", "pobj"})) if as_prep is not None else None
            if speaker is not None and saying is not None:
                relay = source_argument(article, source_token, actor_at).span.text if source_token is not None else None
                source_token = speaker
        if source_token is None and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
            source_token = _first_child(verb.head, SUBJECT_DEPS)
        if source_token is not None and source_token.dep_ == "nsubjpass":
            return None
        content = None
        if saying is not None and _first_child(saying, frozenset({"ccomp"})) is not None:
            content = self._content(article, sent, saying, lemma)  # "... as saying that ..."
        if content is None:
            content = self._content(article, sent, verb, lemma)
        if content is None:
            content = adjacent_quotations(article, sent, verb, source_token, quotations)
        if content is None:
            content = content_after_colon(article, verb, quotations)
        if content is None:
            return None
        cue = _cue_span(article, verb, lemma, content)
        if any(c.overlaps(cue) for c in content):
            return None
        if lemma in RAISING_VERBS and source_token is not None and source_token.i < verb.i and len(content) == 1:
            # "They seem to be unanimous": the subject belongs to the content, nobody is the source
            subject = source_argument(article, source_token, actor_at).span
            if subject.end <= cue.start:
                return _Found(None, cue, (subject, *content), relay, sent.start_char)
        source = source_argument(article, source_token, actor_at) if source_token is not None else None
        if source is not None and any(c.overlaps(source.span) for c in content):
            return None
        return _Found(source, cue, content, relay, sent.start_char)

    def _content(self, article: Article, sent, verb, lemma: str) -> tuple[Span, ...] | None:
        """The content spans of a cue verb: its clauses, else what its clause hangs on."""
        doc = sent.doc
        text = article.text
        verb_children = list(verb.children)  # each pass over verb.children makes new Token objects
        clauses = [c for c in verb_children if c.dep_ in ("ccomp",) or (c.dep_ == "parataxis" and c.i < verb.i)]
        if not clauses and lemma in INFINITIVE_VERBS:
            clauses = [c for c in verb_children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
        if not clauses and lemma in OBJECT_VERBS:
            obj = next((c for c in verb_children if c.dep_ == "dobj"), None)
            if obj is not None:
                last = max([obj.right_edge.i] + [
                    c.right_edge.i for c in verb_children if c.dep_ == "prep" and c.lower_ in OBJECT_COMPLEMENTS and c.i > obj.i
                ])
                if last - obj.left_edge.i > MAX_CONTENT_TOKENS:
                    return None
                start, end = trim_content(text, obj.left_edge.idx, doc[last].idx + len(doc[last].text))
                return (article.span(start, end),) if end > start else None
        if not clauses and lemma == "call":
            # "called him a liar", "called the show 'the news show of record'"
            named = [c for c in verb_children if c.i > verb.i and c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr", "dative")]
            if len(named) >= 2 or any(c.dep_ in ("oprd", "ccomp", "xcomp") or any(g.dep_ == "appos" for g in c.children) for c in named):
                first, last = min(c.left_edge.i for c in named), max(c.right_edge.i for c in named)
                start, end = trim_content(text, doc[first].idx, doc[last].idx + len(doc[last].text))
                return (article.span(start, end),) if end > start else None
        if not clauses:
            for prep in verb_children:
                if prep.dep_ == "prep" and prep.lower_ in CUE_PREPOSITIONS.get(lemma, ()):
                    clauses = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
                    break
        if not clauses:
            marked = marked_clause(verb)
            if marked is not None:
                clauses = [marked]
        spans: list[Span] = []
        if clauses:
            for clause in sorted(clauses, key=lambda c: c.i):
                first, last = clause.left_edge.i, clause.right_edge.i
                if last - first > MAX_CONTENT_TOKENS:
                    return None
                start, end = trim_content(text, doc[first].idx, doc[last].idx + len(doc[last].text))
                if end > start:
                    spans.append(article.span(start, end))
        elif (subject := next((c for c in verb_children if c.dep_ in SUBJECT_DEPS), None)) is not None and (
            (verb.dep_ in ("parataxis", "ccomp") and (verb.head.i < verb.i or verb.dep_ == "parataxis"))
            or (verb.dep_ == "conj" and verb.head.i < verb.i < subject.i)  # "..., said the chief executive"
        ):
            # "<clause>, the agency quoted X as saying", "<quote>," she said, "<quote>": the clause
            # the cue hangs on is the content, on either side of the cue's own phrase
            head = verb.head
            first, last = head.left_edge.i, head.right_edge.i
            cut_first, cut_last = verb.left_edge.i, verb.right_edge.i
            if last - first > MAX_CONTENT_TOKENS:
                return None
            for run_first, run_last in ((first, cut_first - 1), (cut_last + 1, last)):
                if run_last < run_first:
                    continue
                start, end = trim_content(text, doc[run_first].idx, doc[run_last].idx + len(doc[run_last].text))
                if end - start > 1:
                    spans.append(article.span(start, end))
        elif lemma in ("say", "tell", "add") and (
            answer := next((c for c in verb_children if c.lower_ in SHORT_ANSWERS and c.i > verb.i), None)
        ) is not None:
            # "half said so", "75 percent said yes"
            spans.append(article.span(answer.idx, answer.idx + len(answer.text)))
        spans = merge_spans(spans)
        spans = [p for p in spans if not any(q != p and q.contains(p) for q in spans)]
        parenthetical = verb.dep_ == "parataxis" and len(spans) == 2 and text[spans[0].end : spans[1].start].count(",") >= 2
        if len(spans) > 1 and not parenthetical and not all(text[p.start] in OPENING_QUOTES for p in spans):
            spans = [min(spans, key=lambda p: min(abs(p.start - verb.idx), abs(p.end - verb.idx)))]
        return tuple(spans) or None

    def _continues_quote(self, article: Article, quotation: tuple[int, int], previous: _Found, sentence: Span) -> bool:
        """A quotation that ends its paragraph or is its whole sentence, right after a statement
        whose content is a quote ("'...,' she said. '...'", "'...,' said X, who ... '...'"), unless
        a line ending in a colon introduces it ("X continued:")."""
        text = article.text
        start, end = quotation
        line_end = text.find("\n", end)
        if text[end : line_end if line_end >= 0 else len(text)].strip() and end < sentence.end - 2:
            return False
        last = previous.content[-1]
        if not (text[last.end - 1 : last.end] in QUOTE_CHARS or text[last.start : last.start + 1] in QUOTE_CHARS):
            return False
        said_end = max(last.end, previous.cue.end, previous.source.span.end if previous.source else 0)
        if start < said_end:
            return False
        gap = text[said_end:start]
        return len(gap) < CONTINUATION_GAP and not gap.rstrip().endswith(":")

    # -- ids, sources, medium, via, disputes ---------------------------------------------------
    def _finish(self, article: Article, found: list[_Found]) -> list[Statement]:
        outlet = article.meta.source
        found = sorted(found, key=lambda f: (f.cue.start, f.cue.end))
        ids = [f"s{i + 1}" for i in range(len(found))]
        statements: list[Statement] = []
        media: dict[tuple[Span, ...], str] = {}
        # what each statement's content covers, first to last piece: a cue outside it is in none of its pieces
        hulls = [(min(c.start for c in f.content), max(c.end for c in f.content)) if f.content else (0, -1) for f in found]
        for index, item in enumerate(found):
            source = self._resolve_source(article, item, found[:index])
            via = _chain(item, found, article.text, hulls=hulls)
            if outlet and (not via or via[-1] != outlet) and (source is None or source.span.text != outlet):
                via = (*via, outlet)
            medium = self._medium(article, item)
            # "sent Putin a letter to say that ...": one content, one medium
            if medium == "statement":
                medium = media.get(item.content, medium)
            else:
                media.setdefault(item.content, medium)
            statements.append(
                Statement(id=ids[index], source=source, cue=item.cue, content=item.content, medium=medium, via=via)
            )
        return self._add_disputes(article, statements)

    def _resolve_source(self, article: Article, item: _Found, earlier: list[_Found]) -> Argument | None:
        """A document ("the letter said") or a collective ("the two rebel leaders") stands for the
        people named before it: the source becomes that earlier phrase."""
        source = item.source
        if source is None:
            return None
        words = source.span.text.lower().split()
        if not words:
            return source
        head = words[-1]
        if head in DOCUMENT_NOUNS or (len(words) >= 2 and any(w in NUMBER_WORDS for w in words)):
            group = named_group(article, source.span.start)
            if group is not None:
                return group
            for previous in reversed(earlier):
                if previous.source is not None and previous.source.span.text.lower().split()[-1:] != [head]:
                    if previous.source.actor is not None and head in DOCUMENT_NOUNS:
                        return previous.source
        return source

    def _medium(self, article: Article, item: _Found) -> str:
        text = article.text
        around = text[max(item.sentence_start, item.cue.start - 60) : item.cue.end + 60].split("\n", 1)[0].lower()
        source_text = item.source.span.text.lower() if item.source else ""
        cue = item.cue.text.lower()
        for medium, words in MEDIUM_WORDS:
            for word in words:
                if medium == "agency report" and not (word in source_text or (item.relay is None and word in cue)):
                    continue
                if medium == "letter" and word not in cue and word not in source_text:
                    continue
                if word in around and re.search(r"\b" + re.escape(word) + r"\b", around):
                    return medium
        return "statement"

    def _add_disputes(self, article: Article, statements: list[Statement]) -> list[Statement]:
        """A statement that calls something false disputes the claims it answers: the events named in
        its sentence outside its content, and the other sources' statements that carry such events."""
        text = article.text
        result = []
        for statement in statements:
            sentence = _sentence_of(article, statement.cue.start)
            if sentence is None:
                result.append(statement)
                continue
            lowered = text[sentence.start : sentence.end].lower()
            if self._dispute_pattern.search(lowered) is None:
                result.append(statement)
                continue
            denial = statement.cue.text.lower().split()[-1] in self.cues.denial_forms
            answered = [
                e for e in article.events
                if sentence.contains(e.trigger)
                and (denial or not any(c.contains(e.trigger) for c in statement.content))
                and not (e.pattern or "").startswith("dispute-phrase")
                and e.trigger.start > statement.cue.start
            ]
            disputed: list[str] = [e.id for e in answered]
            roots = {(e.cameo[:2], e.source.actor if e.source else None) for e in answered}
            others = [
                other for other in statements
                if other.id != statement.id
                and not sentence.contains(other.cue)
                and not (other.source and statement.source and other.source.actor and other.source.actor == statement.source.actor)
            ]
            for other in others:
                inside = [e for e in article.events if any(c.contains(e.trigger) for c in other.content)]
                if any(
                    e.cameo[:2] == root and (actor is None or actor == (e.source.actor if e.source else None) or _same_side(article, e, actor))
                    for e in inside for root, actor in roots
                ):
                    disputed.append(other.id)
            if not disputed and (denial or any(self.cues.denial_forms & set(lowered.split()))):
                # a denial with nothing coded to answer: the claim of a source named in the
                # sentence, else the last claim of the other side
                earlier = [
                    o for o in others
                    if o.cue.start < sentence.start and o.source is not None
                    and not (statement.source and statement.source.actor and o.source.actor
                             and _same_side(article, _as_event(o), statement.source.actor))
                ]
                named = [o for o in earlier if o.source.span.text.lower().split()[-1] in lowered]
                if named or earlier:
                    disputed.append((named or earlier)[-1].id)
            result.append(Statement(statement.id, statement.source, statement.cue, statement.content,
                                    statement.medium, statement.via, tuple(dict.fromkeys(disputed))))
        return result


# -- helpers ------------------------------------------------------------------------------------


def _turn_continues(article: Article, paragraph_end: int) -> list[Span]:
    """The paragraphs that continue a transcript's turn up to the next turn ("TAPPER: ... \\n\\n
    Specifically I've heard ..."): none where no turn follows (the transcript may have ended), and
    none across a stage note ("(CROSSTALK.)", "…")."""
    text = article.text
    pieces = []
    while paragraph_end >= 0:
        start = paragraph_end
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            return []
        match = SPEAKER_LINE.match(text, start)
        if match is not None and match.group(1).isupper():
            return pieces
        if text[start] in "(…[" or text.startswith("...", start):
            return []
        paragraph_end = text.find("\n", start)
        stop = trim_content(text, start, paragraph_end if paragraph_end >= 0 else len(text), keep_period=True)[1]
        pieces.append(article.span(start, stop))
        if len(pieces) > 4:
            return []
    return []


def _is_verb(token) -> bool:
    if token.dep_ not in VERB_DEPS or not token.is_alpha:
        return False
    return True


def _first_child(token, deps: frozenset[str]):
    return next((c for c in token.children if c.dep_ in deps), None)


def _cue_span(article: Article, verb, lemma: str, content: tuple[Span, ...]) -> Span:
    """The verb with its auxiliaries (the infinitive "to" too), negation and in-between adverbs,
    its particle and cue preposition, and a day right after it ("said Wednesday"); not its object
    ("told reporters") nor other adjuncts ("said in a statement"), as PolNeAR mostly marks them."""
    doc = verb.doc
    verb_index = verb.i
    children = list(verb.children)  # one pass over the parse; each pass makes new Token objects
    first = verb_index
    for child in children:
        if child.i < verb_index and child.dep_ in ("aux", "auxpass", "neg") and verb_index - child.i <= 4:
            first = min(first, child.i)
    while first > 0:
        before = doc[first - 1]
        if not (before.dep_ == "advmod" and before.head.i == verb_index and before.is_alpha):
            break
        first -= 1
    last = verb_index
    for child in children:
        if child.i > verb_index and child.dep_ == "prt":
            last = max(last, child.i)
        if child.dep_ == "prep" and child.lower_ in CUE_PREPOSITIONS.get(lemma, ()) and child.i == last + 1:
            if content and content[0].start >= child.idx + len(child.text):
                last = child.i
    for child in sorted((c for c in children if c.i > last), key=lambda c: c.i):
        if child.left_edge.i != last + 1 or not (child.dep_ == "npadvmod" and child.ent_type_ in ("DATE", "TIME")):
            break
        last = child.right_edge.i  # "said Wednesday"
    last_token = doc[last]
    end = last_token.idx + len(last_token.text)
    if last == verb_index and article.text[end : end + 1] == ":" and content and content[0].start > end:
        end += 1  # "said:"
    return article.span(doc[first].idx, end)


def _widen_to_quotations(article: Article, found: _Found, quotations: list[tuple[int, int]]) -> _Found:
    """A content piece that lies in a quotation, or a quotation right before or after the cue and
    source, is the whole quotation with its marks (and the punctuation inside)."""
    text = article.text
    region_start = min([found.cue.start] + ([found.source.span.start] if found.source else []))
    region_end = max([found.cue.end] + ([found.source.span.end] if found.source else []))
    pieces = []
    for piece in found.content:
        holder = next(
            (
                (s, e) for s, e in quotations
                if s <= piece.start and piece.end <= e
                and (piece.start - s <= 2 or e - piece.end <= 3 or (piece.end - piece.start) > 0.3 * (e - s))
            ),
            None,
        )
        if holder is not None and not (holder[0] < region_start < holder[1]):
            pieces.append(article.span(*holder))
        else:
            pieces.append(piece)
    sentence = _sentence_of(article, found.cue.start)
    quoted = {(s, e) for s, e in quotations}
    if sentence is None or not all((p.start, p.end) in quoted for p in pieces):
        return _Found(found.source, found.cue, tuple(merge_spans(pieces)), found.relay, found.sentence_start)
    for s, e in quotations:
        if s < sentence.start or (e > sentence.end + 1 and s < found.cue.end):
            continue
        before = e <= region_start and re.fullmatch(r"[\s,]*", text[e:region_start])
        after = s >= region_end and re.fullmatch(r"(?:[^.!?“”\"\n]{0,60}[,:])?[\s,:]*", text[region_end:s])
        if (before or after) and not any(p.start <= s < p.end or s <= p.start < e for p in pieces):
            pieces.append(article.span(s, e))
    pieces = merge_spans(pieces)
    pieces = [p for p in pieces if not any(q is not p and q.contains(p) and q != p for q in pieces)]
    return _Found(found.source, found.cue, tuple(pieces), found.relay, found.sentence_start)


def _chain(item: _Found, found: list[_Found], text: str, *, hulls: list[tuple[int, int]] | None = None) -> tuple[str, ...]:
    """Intermediaries, outward: the relay that quoted the source ("X quoted Y as saying", "in the
    statement cited by X"), then the sources of the statements whose content holds this one,
    innermost first. ``hulls``: per statement of ``found``, the first start and last end of its
    content (a quick test before the pieces')."""
    chain: list[str] = []
    if item.relay:
        chain.append(_name(item.relay))
    line_end = text.find("\n", item.cue.end)
    relayed = RELAYED_BY.search(text, item.cue.end, line_end if line_end >= 0 else len(text))
    if relayed is not None:
        chain.append(_name(relayed.group(1)))
    cue = item.cue
    hulls = hulls if hulls is not None else [(0, len(text))] * len(found)
    outer = [
        other for other, (first, last) in zip(found, hulls)
        if first <= cue.start and cue.end <= last
        and other is not item and other.source is not None and any(c.contains(cue) for c in other.content)
    ]
    outer.sort(key=lambda o: sum(c.end - c.start for c in o.content))
    for other in outer:
        chain.append(_name(other.source.span.text))
        if other.relay:
            chain.append(_name(other.relay))
    return tuple(dict.fromkeys(chain))


def _name(phrase: str) -> str:
    """"the Interfax news agency" -> "Interfax"."""
    words = phrase.rstrip(".,;:").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[-1].lower() in ("news", "agency", "service", "newspaper"):
        words = words[:-1]
    return " ".join(words) or phrase


def _sentence_of(article: Article, offset: int) -> Span | None:
    return next((s for s in article.sentences if s.start <= offset < s.end), None)


def _as_event(statement: Statement) -> Event:
    """A stand-in event whose source is the statement's source, to compare sides."""
    return Event(statement.id, statement.cue, statement.cue, statement.source, None, "", "", 0, 0.0)


def _same_side(article: Article, event: Event, actor_id: str | None) -> bool:
    if actor_id is None or event.source is None or event.source.actor is None:
        return False
    a, b = article.actor(actor_id), article.actor(event.source.actor)
    return a is not None and b is not None and a.code is not None and a.code == b.code


def _link_events(events: tuple[Event, ...], statements: list[Statement]) -> tuple[Event, ...]:
    """Each event inside a statement's content points to the innermost such statement."""
    linked = []
    for event in events:
        holders = [s for s in statements if any(c.contains(event.trigger) for c in s.content)]
        if not holders:
            linked.append(event)
            continue
        holder = min(holders, key=lambda s: sum(c.end - c.start for c in s.content))
        status = "reported" if event.status == "asserted" else event.status
        linked.append(_replace_event(event, statement=holder.id, status=status))
    return tuple(linked)


def _replace_event(event: Event, **changes) -> Event:
    return dataclasses.replace(event, **changes)
