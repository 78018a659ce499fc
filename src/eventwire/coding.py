"""Dyad-conditioned coding: given a sentence and its source and target spans, what did one do to the other?

This is the ``eventwire code`` contract. The coder parses the sentence once, finds the event
triggers the events stage would find, and picks the one that governs the dyad (the trigger on the
dependency path from the source to the target, else the nearest). A trained linear model
(:mod:`eventwire.classifier`, weights in ``data/models/``) then reads the dyad's parse features, the
rule's code among them, and decides the PLOVER type and the penta class jointly; the CAMEO code is
the rule's when it agrees, else the most generic code of that type and class. Without the model
files (or with ``use_model=False``) the rules alone decide.

Every code says why: ``pattern`` is the rule id, or ``model:plover=TYPE p=0.82 via RULE; top
features: ...``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .classifier import DyadModel, dyad_features
from .errors import LexiconError, MalformedRecordError
from .events import EventExtractor
from .nlp import load_spacy

logger = logging.getLogger(__name__)

#: When no trigger is found and no model is loaded (or the text has no words): a neutral statement, low confidence.
FALLBACK_CAMEO = "010"


@dataclass(frozen=True, slots=True)
class DyadCode:
    plover: str
    cameo: str
    quad_class: int
    goldstein: float
    confidence: float
    pattern: str | None
    trigger: str | None = None  # the trigger word the rules chose, if any

    def to_record(self, record_id, *, explain: bool = False) -> dict:
        record = {
            "id": record_id,
            "plover": self.plover,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "confidence": round(self.confidence, 3),
        }
        if explain:
            record.update(trigger=self.trigger, pattern=self.pattern)
        return record


class DyadCoder:
    """Codes (text, source span, target span) triples; the spaCy model, lexicons and weights load once."""

    def __init__(self, *, model: str | None = None, extractor: EventExtractor | None = None, use_model: bool = True) -> None:
        self.nlp = load_spacy(model, exclude=("tagger", "attribute_ruler", "lemmatizer", "ner"))
        self.extractor = extractor or EventExtractor(use_models=False)
        self.dyad_model: DyadModel | None = None
        if use_model:
            try:
                self.dyad_model = DyadModel.load(taxonomy=self.extractor.taxonomy)
            except LexiconError as e:
                logger.warning("dyad coder: no trained model, rules only (%s)", e)

    def code(self, text: str, *, source: tuple[int, int] | None = None, target: tuple[int, int] | None = None) -> DyadCode:
        [result] = self.code_many([(text, source, target)])
        return result

    def code_many(self, items: Iterable[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]) -> Iterator[DyadCode]:
        items = list(items)
        for doc, (_, source, target) in zip(self.nlp.pipe(t for t, _, _ in items), items):
            yield self.code_doc(doc, source, target)

    def features_many(self, items: Iterable[tuple[str, tuple[int, int] | None, tuple[int, int] | None]]) -> Iterator[list[str]]:
        """The model's features of each dyad (for training and explanation)."""
        items = list(items)
        for doc, (_, source, target) in zip(self.nlp.pipe(t for t, _, _ in items), items):
            yield self.dyad_features(doc, source, target)[0]

    def code_lines(self, lines: Iterable[str], *, batch_size: int = 256, explain: bool = False) -> Iterator[dict]:
        """Read JSON lines, write one output dict per input line, in order; bad lines get an error.
        With ``explain`` each output also has the rules' ``trigger`` word and the ``pattern`` (why)."""
        batch: list[tuple[object, str, tuple | None, tuple | None]] = []
        errors: dict[int, dict] = {}
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                record_id, text, source, target = _parse_dyad(line, number)
            except MalformedRecordError as e:
                errors[len(batch)] = {"id": None, "error": str(e)}
                batch.append((None, "", None, None))
                continue
            batch.append((record_id, text, source, target))
            if len(batch) >= batch_size:
                yield from self._flush(batch, errors, explain=explain)
                batch, errors = [], {}
        yield from self._flush(batch, errors, explain=explain)

    def _flush(self, batch, errors, *, explain: bool) -> Iterator[dict]:
        codes = self.code_many((text, source, target) for _, text, source, target in batch)
        for position, ((record_id, _, _, _), code) in enumerate(zip(batch, codes)):
            yield errors.get(position) or code.to_record(record_id, explain=explain)

    # -- one dyad ------------------------------------------------------------------------------
    def dyad_features(self, doc, source, target):
        """(features, chosen trigger candidate or None, its rule score) of a dyad in a parsed doc."""
        source_head = _head_in(doc, source)
        target_head = _head_in(doc, target)
        best, found = self._best_trigger(doc, source_head, target_head)
        trigger = doc[best.token_index] if best is not None else None
        status = self.extractor.status_of(trigger, best.pos) if trigger is not None else None
        features = dyad_features(
            doc,
            source=source_head,
            target=target_head,
            trigger=trigger,
            match=best.match if best is not None else None,
            status=status,
            triggers=[(doc[c.token_index], c.match) for c in found],
            lemma_of=self.extractor.normalise_word,
        )
        return features, best, found

    def code_doc(self, doc, source, target) -> DyadCode:
        """Code one dyad of an already parsed text (character spans of source and target, or None)."""
        features, best, _ = self.dyad_features(doc, source, target)
        trigger = doc[best.token_index].text if best is not None else None
        taxonomy = self.extractor.taxonomy
        rule_code = taxonomy.resolve(best.match.cameo) if best is not None else None
        if self.dyad_model is None or not any(t.is_alpha for t in doc):
            if rule_code is None:
                code = taxonomy.resolve(FALLBACK_CAMEO)
                return DyadCode(code.plover, code.code, code.quad_class, code.goldstein, 0.1, None)
            return DyadCode(rule_code.plover, rule_code.code, rule_code.quad_class, rule_code.goldstein, 0.6, best.match.rule, trigger)
        decision = self.dyad_model.decide(features, rule_code=rule_code)
        code = decision.code
        pattern = decision.pattern(best.match.rule if best is not None else None)
        return DyadCode(code.plover, code.code, code.quad_class, code.goldstein, decision.probability, pattern, trigger)

    def _best_trigger(self, doc, source_head, target_head):
        candidates = []
        for sent in doc.sents:
            for candidate in self.extractor.find_triggers(sent):
                token = doc[candidate.token_index]
                score = 0.0
                ancestors = {a.i for a in (source_head, target_head) if a is not None and token in a.ancestors}
                score += 2.0 * len(ancestors)
                if target_head is not None and (token.i == target_head.i or token.is_ancestor(target_head)):
                    score += 0.5
                anchors = [t.i for t in (source_head, target_head) if t is not None]
                distance = min((abs(token.i - a) for a in anchors), default=0)
                score -= 0.05 * distance
                score += 0.5 if candidate.pos == "verb" else 0.0
                score += 0.2 * (len(candidate.match.cameo) - 3)
                candidates.append((score, candidate))
        if not candidates:
            return None, []
        _, best = max(candidates, key=lambda pair: pair[0])
        return best, [c for _, c in candidates]


def _head_in(doc, span: tuple[int, int] | None):
    """The syntactic head of the tokens inside a character span."""
    if span is None:
        return None
    start, end = span
    tokens = [t for t in doc if t.idx >= start and t.idx + len(t.text) <= end]
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


def _parse_dyad(line: str, number: int):
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise MalformedRecordError(f"line {number}: not valid JSON ({e.msg})") from e
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise MalformedRecordError(f"line {number}: expected an object with a string 'text'")
    return record.get("id"), record["text"], _span(record.get("source")), _span(record.get("target"))


def _span(value) -> tuple[int, int] | None:
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    return None


__all__ = ["DyadCode", "DyadCoder"]
