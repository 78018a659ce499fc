"""Events from clauses: who did what to whom, read off the dependency parse.

A trigger is a verb or an event noun found in the project's trigger lexicon
(``data/triggers.tsv``); its complement text refines the CAMEO code ("requested military support"
-> 0232). The source and target come from the clause: subject and object in the active voice, the
``by`` agent and the subject in the passive, coordinated subjects give one event each, and the
actor is the one whose mention covers the argument's head word. Modality comes from the words
around the trigger: negation, future and conditionals, requests, and reported speech.

A trained dyad model (:class:`eventwire.classifier.DyadModel`, the one ``eventwire code`` uses) then
reads each event's parse features, the rule's code among them: where it is confident
(p >= :data:`MODEL_OVERRIDE`) that the PLOVER type is another than the rule's, its code wins and
``pattern`` says ``model:...`` with the features that decided; otherwise the rule's code stays and
``pattern`` names the rule. Events of violent, demonstration and strategic PLOVER types that
happened get an ACLED type (:mod:`eventwire.acled`).
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .acled import AcledCoder
from .classifier import MODEL_LABEL_OF, DyadModel, dyad_features
from .errors import LexiconError
from .evidence import ActorIndex
from .lexicon import Cues, TriggerLexicon, TriggerMatch
from .model import Argument, Article, Event, Span
from .stage import Stage
from .taxonomy import Taxonomy

logger = logging.getLogger(__name__)

#: Dependency labels of tokens that head a clause.
VERB_DEPS = frozenset(
    {"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis", "conj", "dep"}
)
NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "ROOT", "dep", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
COMPLEMENT_DEPS = frozenset({"dobj", "dative", "prep", "xcomp", "ccomp", "attr", "oprd", "acomp", "prt", "agent", "advcl"})
#: Prepositions whose object can be the target of an event ("appeal to", "aid from", "talks with").
TARGET_PREPOSITIONS = frozenset({"to", "from", "on", "with", "against", "at", "toward", "towards", "into", "upon", "of", "over", "for"})
FUTURE_AUX = frozenset({"will", "would", "could", "may", "might", "shall", "should", "'ll", "wo", "ca"})
MAX_COMPLEMENT_CHARS = 240
#: The dyad model replaces the rule's code when it gives another PLOVER type at least this probability.
MODEL_OVERRIDE = 0.6


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A trigger token with its code, before arguments are attached."""

    token_index: int
    pos: str
    match: TriggerMatch


class EventExtractor(Stage):
    """Adds ``events``: one coded event per trigger and source (coordinated subjects split)."""

    name = "events"
    requires = frozenset({"doc", "sentences", "actors"})
    provides = frozenset({"events"})

    def __init__(
        self,
        *,
        lexicon: TriggerLexicon | None = None,
        cues: Cues | None = None,
        taxonomy: Taxonomy | None = None,
        use_models: bool = True,
    ) -> None:
        self.lexicon = lexicon or TriggerLexicon.load()
        self.cues = cues or Cues.load()
        self.taxonomy = taxonomy or Taxonomy.load()
        self.dyad_model: DyadModel | None = None
        self.acled: AcledCoder | None = None
        if use_models:
            try:
                self.dyad_model = DyadModel.load(taxonomy=self.taxonomy)
                self.acled = AcledCoder(taxonomy=self.taxonomy)
            except LexiconError as e:
                logger.warning("events: no trained models, rules only (%s)", e)
        phrases = sorted(self.cues.dispute_phrases, key=len, reverse=True)
        self._dispute_pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        actor_at = ActorIndex(article)
        events: list[Event] = []
        for sent in doc.sents:
            if sent.text.isspace():
                continue
            events.extend(self.extract_sentence(article, sent, actor_at, first_id=len(events) + 1))
        return article.replace(events=tuple(events))

    # -- one sentence --------------------------------------------------------------------------
    def extract_sentence(self, article: Article, sent, actor_at: ActorIndex, *, first_id: int = 1) -> list[Event]:
        """Events of one spaCy sentence span of ``article.doc``."""
        sentence = article.span(sent.start_char, sent.start_char + len(sent.text.rstrip()))
        candidates = self.find_triggers(sent)
        triggers = [(sent.doc[c.token_index], c.match) for c in candidates]
        events: list[Event] = []
        for candidate in candidates:
            token = sent.doc[candidate.token_index]
            sources, target = self._arguments(token, candidate.pos, candidate.match.cameo)
            if candidate.pos == "noun" and not sources and target is None and not _has_complement(token):
                continue
            status = self.status_of(token, candidate.pos)
            for source_token in sources or [None]:
                code, confidence, pattern = self._code(token, candidate, source_token, target, status, triggers)
                made = self._make_events(
                    article, f"e{first_id + len(events)}", sentence, token, candidate, source_token, target, status, actor_at, code=code
                )
                events.extend(dataclasses.replace(event, confidence=confidence, pattern=pattern) if pattern else event for event in made)
        events.extend(self._dispute_events(article, sent, sentence, actor_at, first_id=first_id + len(events)))
        if self.acled is not None and events:
            events = [self._with_acled(event, sent.text) for event in events]
        return events

    def normalise_word(self, word: str) -> str:
        """A word's trigger lemma when the lexicon knows it ("imposing" -> "impose"), else the word."""
        return self.lexicon.lemma_of(word, pos="verb") or self.lexicon.lemma_of(word, pos="noun") or word

    def _code(self, token, candidate: _Candidate, source_token, target_token, status: str, triggers):
        """(CAMEO code, confidence or None, model pattern or None): the rule's code unless the model
        is confident of another PLOVER type for this dyad."""
        rule_code = self.taxonomy.resolve(candidate.match.cameo)
        if self.dyad_model is None:
            return rule_code, None, None
        features = dyad_features(
            token.doc, source=source_token, target=target_token, trigger=token, match=candidate.match,
            status=status, triggers=triggers, lemma_of=self.normalise_word,
        )
        decision = self.dyad_model.decide(features, rule_code=rule_code)
        if decision.label == MODEL_LABEL_OF.get(rule_code.plover, rule_code.plover) or decision.probability < MODEL_OVERRIDE:
            return rule_code, None, None
        return decision.code, decision.probability, decision.pattern(candidate.match.rule)

    def _with_acled(self, event: Event, text: str) -> Event:
        acled = self.acled.code_event(text, plover=event.plover, status=event.status, cameo=event.cameo)
        return dataclasses.replace(event, acled=acled) if acled is not None else event

    def find_triggers(self, sent) -> list[_Candidate]:
        """Trigger tokens of a sentence, verbs and event nouns, with their lexicon match."""
        found: list[_Candidate] = []
        verb_objects: set[int] = set()
        for token in sent:
            pos = _role(token)
            if pos is None:
                continue
            lemma = self.lexicon.lemma_of(token.lower_, pos=pos)
            if lemma is None and pos == "verb" and token.dep_ in NOUN_DEPS:
                pos, lemma = "noun", self.lexicon.lemma_of(token.lower_, pos="noun")
            if lemma is None:
                continue
            particles = _particles(token)
            match = self.lexicon.match(lemma, pos=pos, particles=particles, complement=_complement_text(token))
            if match is None:
                continue
            if pos == "verb":
                verb_objects.update(c.i for c in token.children if c.dep_ in OBJECT_DEPS)
            found.append(_Candidate(token.i, pos, match))
        # a noun that is the object of an event verb is part of that event ("imposed sanctions")
        return [c for c in found if not (c.pos == "noun" and c.token_index in verb_objects)]

    # -- arguments -----------------------------------------------------------------------------
    def _arguments(self, token, pos: str, cameo: str) -> tuple[list, object | None]:
        if pos == "noun":
            return _noun_arguments(token, of_is_source=cameo.startswith(("01", "02")))
        subject = _first_child(token, SUBJECT_DEPS)
        passive_subject = _first_child(token, PASSIVE_SUBJECT_DEPS)
        agent = _agent(token)
        if passive_subject is not None:
            source, target = agent, passive_subject
        else:
            source, target = subject, _target(token)
        if source is None:
            source = _inherited_subject(token)
        sources = _conjuncts(source) if source is not None else []
        return sources, target

    def _make_events(self, article, event_id, sentence, token, candidate, source_token, target_token, status, actor_at, *, code=None) -> list[Event]:
        """One event, or one per country of a coordinated source ("US and British forces attacked ...")."""
        source = _argument(article, source_token, actor_at) if source_token is not None else None
        sources = _coordinated_actors(article, source, actor_at) if source is not None else [None]
        number = int(event_id[1:])
        return [
            self._make_event(article, f"e{number + k}", sentence, token, candidate, each, target_token, status, actor_at, code=code)
            for k, each in enumerate(sources)
        ]

    def _make_event(self, article, event_id, sentence, token, candidate, source, target_token, status, actor_at, *, code=None):
        code = code or self.taxonomy.resolve(candidate.match.cameo)
        target = _argument(article, target_token, actor_at) if target_token is not None else None
        if source and target and source.actor and source.actor == target.actor:
            target = None
        confidence = 0.35 + (0.2 if source and source.actor else 0.0) + (0.15 if target and target.actor else 0.0)
        confidence += 0.1 if len(code.code) == 4 else 0.0
        confidence -= 0.1 if candidate.pos == "noun" else 0.0
        return _coded_event(
            article,
            event_id=event_id,
            sentence=sentence,
            trigger=article.span(token.idx, token.idx + len(token.text)),
            source=source,
            target=target,
            code=code,
            status=status,
            confidence=min(confidence, 0.95),
            pattern=candidate.match.rule,
        )

    # -- disputes ("false flag", "misinformation") ---------------------------------------------
    def _dispute_events(self, article, sent, sentence: Span, actor_at: ActorIndex, *, first_id: int) -> list[Event]:
        """A speaker calling something false is an accusation (CAMEO 112) against its author."""
        lowered = sent.text.lower()
        found = self._dispute_pattern.search(lowered)
        if found is None:
            return []
        phrase = found.group()
        speech = next(
            (t for t in sent if t.dep_ in VERB_DEPS and self._is_speech(t) and _first_child(t, SUBJECT_DEPS) is not None),
            None,
        )
        if speech is None:
            return []
        speaker = _first_child(speech, SUBJECT_DEPS)
        source = _argument(article, speaker, actor_at)
        start = sent.start_char + found.start()
        target = None
        for actor_id, span in actor_at.mentions_in(sent.start_char, sent.end_char):
            if actor_id != source.actor and span.start > speaker.idx:
                target = Argument(article.span(span.start, span.end), actor_id)
                break
        code = self.taxonomy.resolve("112")
        return [
            _coded_event(
                article,
                event_id=f"e{first_id}",
                sentence=sentence,
                trigger=article.span(start, start + len(phrase)),
                source=source,
                target=target,
                code=code,
                status="asserted",
                confidence=0.6 if source.actor else 0.45,
                pattern=f"dispute-phrase:{phrase}",
            )
        ]

    # -- modality ------------------------------------------------------------------------------
    def _is_speech(self, token) -> bool:
        return token.lower_ in self.cues.speech_forms

    def status_of(self, token, pos: str) -> str:
        """negated > hypothetical > requested > reported > asserted, from the trigger outwards."""
        cues = self.cues
        if any(c.dep_ == "neg" for c in token.children):
            return "negated"
        for verb in _clause_chain(token):
            above = verb.i != token.i
            word = verb.lower_
            if above and any(c.dep_ == "neg" for c in verb.children) and _role(verb) == "verb":
                return "negated"
            if above and word in cues.denial_forms:
                return "negated"
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
                return "hypothetical"
            if above and word in cues.future_forms:
                return "hypothetical"
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
                return "hypothetical"
            if above and word in cues.request_forms:
                return "requested"
            if above and word in cues.speech_forms:
                return "reported"
        sentence_text = token.sent.text.lower()
        if any(p in sentence_text for p in cues.attribution_phrases) or any(
            t.dep_ == "ROOT" and self._is_speech(t) for t in token.sent
        ):
            return "reported"
        return "asserted"


# -- parse helpers (pure functions over spaCy tokens) -------------------------------------------


def _role(token) -> str | None:
    """``verb`` or ``noun`` as the parse shows it (the pipeline runs without a tagger)."""
    if not token.is_alpha or token.ent_type_ in ("DATE", "TIME"):
        return None
    if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "oprd"):
        return "noun"
    if token.dep_ in VERB_DEPS:
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "dobj", "neg", "prt", "agent") for c in token.children):
            return "verb"
        if token.dep_ in ("xcomp", "acl", "pcomp", "advcl", "relcl", "ccomp"):
            return "verb"
        if token.dep_ == "conj" and token.head.dep_ in VERB_DEPS:
            return "verb"
        return "noun"
    return None


def _particles(token) -> set[str]:
    """Particles and prepositions of a trigger ("call for", "call off"); time phrases do not count
    ("called X on Friday" is no "call on")."""
    particles = set()
    for child in token.children:
        if child.dep_ in ("prt", "agent"):
            particles.add(child.lower_)
        elif child.dep_ == "prep":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not any(o.ent_type_ in ("DATE", "TIME") for o in objects):
                particles.add(child.lower_)
    return particles


def _first_child(token, deps: frozenset[str]):
    return next((c for c in token.children if c.dep_ in deps), None)


def _agent(token):
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def _is_actor_like(token) -> bool:
    return token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or token.dep_ == "dobj"


def _target(verb):
    """The object of the verb: an entity object first, then a prepositional object, then any object."""
    direct = _first_child(verb, frozenset({"dobj", "dative"}))
    if direct is not None and direct.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return direct
    holders = [verb] + ([direct] if direct is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                obj = _first_child(prep, frozenset({"pobj"}))
                if obj is not None and obj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    return obj
    if direct is not None and direct.ent_type_:
        return direct
    dative = _first_child(verb, frozenset({"dative"}))
    return dative


def _inherited_subject(token):
    """The subject a clause shares with the clause it hangs on: conjuncts, control, relative clauses."""
    current = token
    for _ in range(4):
        dep = current.dep_
        if dep == "relcl" or (dep == "acl" and current.head.dep_ != "ROOT"):
            owner = current.head
            possessor = _first_child(owner, frozenset({"poss"}))
            return possessor if possessor is not None else (owner if dep == "relcl" else None)
        if dep == "acl":
            return _first_child(current.head, frozenset({"poss"}))
        if dep not in ("conj", "xcomp", "advcl") or current.head.i == current.i:
            return None
        current = current.head
        subject = _first_child(current, SUBJECT_DEPS)
        if subject is not None:
            return subject
    return None


def _conjuncts(token) -> list:
    """``Pushilin and Pasechnik`` -> [Pushilin, Pasechnik]."""
    result = [token]
    frontier = [token]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            if child.dep_ == "conj" and child.ent_type_ == token.ent_type_:
                result.append(child)
                frontier.append(child)
    return sorted(result, key=lambda t: t.i)


def _noun_arguments(noun, *, of_is_source: bool) -> tuple[list, object | None]:
    """Nominal events: ``Russia's attack on Kyiv``, ``the appeal by the separatists``.

    ``of`` marks the author of an appeal ("the appeal of the separatists") and the victim of an
    act ("the shelling of Kharkiv"). A noun that is the object of a verb takes the verb's subject
    ("Russia is planning an offensive").
    """
    source = _first_child(noun, frozenset({"poss"}))
    target = None
    for prep in noun.children:
        if prep.dep_ != "prep":
            continue
        obj = _first_child(prep, frozenset({"pobj"}))
        if obj is None:
            continue
        if prep.lower_ == "by" and source is None:
            source = obj
        elif prep.lower_ == "of" and of_is_source and source is None:
            source = obj
        elif prep.lower_ in ("on", "against", "to", "with", "toward", "towards") and target is None:
            target = obj
        elif prep.lower_ == "of" and not of_is_source and target is None:
            target = obj
    if source is None:
        source = next((c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_), None)
    if source is None and noun.dep_ in ("dobj", "attr"):
        source = _first_child(noun.head, SUBJECT_DEPS)
    return ([source] if source is not None else []), target


def _has_complement(token) -> bool:
    return any(c.dep_ in ("prep", "acl", "relcl") for c in token.children)


def _complement_text(token) -> str:
    """Lower-cased text of the trigger's complements (object, prepositions, clauses)."""
    parts = []
    for child in token.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS or child.dep_ in COMPLEMENT_DEPS or (child.dep_ in ("compound", "amod") and child.i < token.i):
            parts.append(child.doc[child.left_edge.i : child.right_edge.i + 1].text)
    text = " ".join(parts).lower()
    return text[:MAX_COMPLEMENT_CHARS]


def _governing_verb(noun):
    current = noun
    for _ in range(4):
        if current.head.i == current.i:
            return None
        current = current.head
        if _role(current) == "verb":
            return current
    return None


def _clause_chain(token):
    """The token and the clauses above it, up to the sentence root."""
    current = token
    for _ in range(6):
        yield current
        if current.head.i == current.i:
            return
        current = current.head


def _coded_event(
    article: Article,
    *,
    event_id: str,
    sentence: Span,
    trigger: Span,
    source: Argument | None,
    target: Argument | None,
    code,
    status: str,
    confidence: float,
    pattern: str,
) -> Event:
    """An event with the CAMEO code's PLOVER type, QuadClass and Goldstein; dated to publication
    until the dates stage finds a date in the text."""
    return Event(
        id=event_id,
        sentence=Span(sentence.start, sentence.end),
        trigger=trigger,
        source=source,
        target=target,
        plover=code.plover,
        cameo=code.code,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        status=status,
        confidence=confidence,
        date=article.meta.published,
        pattern=pattern,
    )


def _coordinated_actors(article: Article, argument: Argument, actor_at: ActorIndex) -> list[Argument]:
    """The argument, or one per actor when it joins nationalities ("Hungarian and Romanian officials":
    the actors stage makes "Hungarian" and "Romanian officials" two groups)."""
    span = argument.span
    inside = list(actor_at.mentions_in(span.start, span.end))
    if len({actor for actor, _ in inside}) < 2 or inside[-1][1].end != span.end:
        return [argument]
    text = article.text
    for (_, left), (_, right) in zip(inside, inside[1:]):
        if text[left.end : right.start].strip(" ,").lower() not in ("and", "or", ""):
            return [argument]
    return [Argument(article.span(mention.start, mention.end), actor) for actor, mention in inside]


def _argument(article: Article, token, actor_at: ActorIndex) -> Argument:
    """An argument span for the phrase headed by ``token`` (conjuncts and relative clauses cut off)."""
    keep = [token]
    for child in token.children:
        if child.i > token.i and (
            child.dep_ in ("conj", "cc", "relcl", "acl", "punct") or (child.dep_ == "prep" and child.lower_ != "of")
        ):
            continue
        keep.extend(child.subtree)
    first = min(t.i for t in keep)
    last = max(t.i for t in keep)
    doc = token.doc
    while last > first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    while first < last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    actor = actor_at.at(token.idx, token.idx + len(token.text)) or actor_at.at(start, end)
    return Argument(article.span(start, end), actor)
