"""A trained linear coder over the dependency parse: what did the source do to the target?

The rule lexicon finds triggers and says which pattern fired; this module turns a dyad (a sentence
parsed by spaCy, the head words of its source and target, and the trigger the rules chose) into
sparse features and scores them with a multinomial logistic regression trained by
``scripts/train_coder.py`` from ../shared data. The weights are plain numpy arrays
(``data/models/*.npz``) with a JSON vocabulary; nothing is pickled and nothing is parsed twice.

Features (see :func:`dyad_features`): the rule's trigger lemma, CAMEO code and root; the trigger's
modality; the lowest common governor of source and target with its particles and object; the words
on the dependency path between them; the heads the source and target hang on; every trigger of the
sentence; and word uni- and bigrams with the source and target replaced by ``SRC`` and ``TGT``.

A prediction keeps its evidence: :meth:`LinearModel.explain` gives the features that pushed the
chosen label most, which the coders put in ``Event.pattern``.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import LexiconError
from .taxonomy import CameoCode, Taxonomy, penta_of

logger = logging.getLogger(__name__)

MODELS_DIR = "models"
PLOVER_MODEL = "dyad_plover"
PENTA_MODEL = "dyad_penta"
#: The models' labels follow the PLOVER dyad data (YIELD for CONCEDE/RETREAT, FIGHT folded into ASSAULT).
MODEL_LABEL_OF = {"CONCEDE": "YIELD", "RETREAT": "YIELD", "FIGHT": "ASSAULT"}
#: How many features an explanation names.
EXPLAIN_FEATURES = 4
#: Words that carry no event meaning as n-grams (kept on dependency paths, where they mark roles).
NGRAM_STOPWORDS = frozenset({"the", "a", "an", ",", ".", "'s", "’s", '"', "“", "”", "-", "--", "(", ")"})
#: Function words that carry no event meaning alone: no unigram features (kept inside bigrams, where
#: "to_TGT" or "against_TGT" mark roles; 5-fold CV on the training dyads 0.836 -> 0.842 without their unigrams).
UNIGRAM_STOPWORDS = frozenset({
    "of", "in", "to", "and", "on", "for", "at", "by", "with", "from", "that", "as", "was", "is", "has", "have", "had",
    "were", "be", "been", "its", "their", "his", "her", "this", "it", "said", "says", "say",
})
#: Dependency labels of clause heads (no POS tags in our pipeline): the verb an argument's clause hangs on.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "conj", "pcomp"})
#: A word's first characters stand in for its lemma on clause verbs (the parser has no lemmatizer).
STEM_CHARS = 5


@dataclass(frozen=True, slots=True)
class Prediction:
    """A label with its probability and the features that weighed most for it."""

    label: str
    probability: float
    scores: dict[str, float]  # label -> probability
    evidence: tuple[str, ...] = ()


class LinearModel:
    """A multinomial linear model: ``softmax(W[features].sum() + b)`` over a fixed vocabulary."""

    def __init__(self, *, name: str, labels: Sequence[str], vocabulary: dict[str, int], weights: np.ndarray, bias: np.ndarray) -> None:
        if weights.shape != (len(vocabulary), len(labels)) or bias.shape != (len(labels),):
            raise LexiconError(f"model {name}: weights {weights.shape} do not fit {len(vocabulary)} features x {len(labels)} labels")
        self.name = name
        self.labels = tuple(labels)
        self.vocabulary = vocabulary
        self.feature_names = tuple(sorted(vocabulary, key=vocabulary.get))
        self.weights = weights
        self.bias = bias

    @classmethod
    def load(cls, name: str, *, directory: Path | None = None) -> LinearModel:
        """Read ``NAME.npz`` (weights, bias) and ``NAME.json`` (labels, vocabulary) from the models folder."""
        base = directory if directory is not None else importlib.resources.files("eventwire") / "data" / MODELS_DIR
        try:
            meta = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
            with (base / f"{name}.npz").open("rb") as handle:
                arrays = np.load(handle)
                weights, bias = arrays["weights"].astype(np.float32), arrays["bias"].astype(np.float32)
        except (OSError, ValueError, KeyError) as e:
            raise LexiconError(f"model {name}: cannot read its files from {base} ({e})") from e
        vocabulary = {feature: index for index, feature in enumerate(meta["features"])}
        return cls(name=name, labels=meta["labels"], vocabulary=vocabulary, weights=weights, bias=bias)

    def save(self, directory: Path, *, info: dict | None = None) -> None:
        """Write the model as ``NAME.npz`` + ``NAME.json`` (used by the training scripts)."""
        directory.mkdir(parents=True, exist_ok=True)
        meta = {"name": self.name, "labels": list(self.labels), "info": info or {}, "features": list(self.feature_names)}
        (directory / f"{self.name}.json").write_text(json.dumps(meta, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
        np.savez_compressed(directory / f"{self.name}.npz", weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32))

    def indices(self, features: Iterable[str]) -> list[int]:
        vocabulary = self.vocabulary
        return list({vocabulary[f] for f in features if f in vocabulary})

    def probabilities(self, features: Iterable[str], *, allowed: Iterable[str] | None = None) -> np.ndarray:
        logits = self.bias + self.weights[self.indices(features)].sum(axis=0)
        if allowed is not None:
            allowed = set(allowed)
            keep = np.array([label in allowed for label in self.labels])
            if keep.any():
                logits = np.where(keep, logits, -np.inf)
        logits = logits - logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    def predict(self, features: Sequence[str], *, allowed: Iterable[str] | None = None, explain: int = 0) -> Prediction:
        probabilities = self.probabilities(features, allowed=allowed)
        best = int(probabilities.argmax())
        scores = {label: float(p) for label, p in zip(self.labels, probabilities)}
        evidence = self.explain(features, self.labels[best], top=explain) if explain else ()
        return Prediction(self.labels[best], float(probabilities[best]), scores, evidence)

    def explain(self, features: Iterable[str], label: str, *, top: int = 5) -> tuple[str, ...]:
        """The features present that raise ``label`` most against the mean of the other labels."""
        column = self.labels.index(label)
        present = self.indices(features)
        if not present:
            return ()
        rows = self.weights[present]
        margin = rows[:, column] - (rows.sum(axis=1) - rows[:, column]) / max(len(self.labels) - 1, 1)
        order = np.argsort(-margin)[:top]
        return tuple(self.feature_names[present[i]] for i in order if margin[i] > 0)


@dataclass(frozen=True, slots=True)
class DyadDecision:
    """What the dyad models decided: the CAMEO code, the model label, its probability and why."""

    code: CameoCode
    label: str
    probability: float
    evidence: tuple[str, ...]

    def pattern(self, rule: str | None) -> str:
        via = f" via {rule}" if rule else ""
        return f"model:plover={self.label} p={self.probability:.2f}{via}; top features: {', '.join(self.evidence)}"


class DyadModel:
    """The PLOVER-type and penta-class models together, decided jointly, mapped to a CAMEO code.

    The pair (type, class) with the highest joint probability among the pairs some CAMEO code has
    wins; the code is the rule's when it has that type and class, else the most generic such code.
    """

    def __init__(self, *, taxonomy: Taxonomy, plover: LinearModel, penta: LinearModel) -> None:
        self.taxonomy = taxonomy
        self.plover = plover
        self.penta = penta
        self._codes = _generic_codes(taxonomy)
        self._pairs = [
            (i, j, label, int(penta_label))
            for i, label in enumerate(plover.labels)
            for j, penta_label in enumerate(penta.labels)
            if (label, int(penta_label)) in self._codes
        ]

    @classmethod
    def load(cls, *, taxonomy: Taxonomy, directory: Path | None = None) -> DyadModel:
        return cls(
            taxonomy=taxonomy,
            plover=LinearModel.load(PLOVER_MODEL, directory=directory),
            penta=LinearModel.load(PENTA_MODEL, directory=directory),
        )

    def decide(self, features: Sequence[str], *, rule_code: CameoCode | None = None) -> DyadDecision:
        plover = self.plover.probabilities(features)
        penta = self.penta.probabilities(features)
        i, j, label, penta_class = max(self._pairs, key=lambda p: math.log(plover[p[0]] + 1e-9) + math.log(penta[p[1]] + 1e-9))
        if rule_code is not None and MODEL_LABEL_OF.get(rule_code.plover, rule_code.plover) == label and rule_code.penta == penta_class:
            code = rule_code
        else:
            code = self._codes[(label, penta_class)]
        evidence = self.plover.explain(features, label, top=EXPLAIN_FEATURES)
        return DyadDecision(code, label, float(plover[i]), evidence)

    def label_probability(self, features: Sequence[str], plover: str) -> float:
        """The PLOVER model's probability of ``plover`` (in our PLOVER names) for these features."""
        probabilities = self.plover.probabilities(features)
        label = MODEL_LABEL_OF.get(plover, plover)
        return float(probabilities[self.plover.labels.index(label)]) if label in self.plover.labels else 0.0


def _generic_codes(taxonomy: Taxonomy) -> dict[tuple[str, int], CameoCode]:
    """(model label, penta class) -> the most generic CAMEO code with that PLOVER type and root class
    (the type's default code where it fits, else the shortest, three digits first)."""
    defaults = [taxonomy.default_cameo(plover) for plover in taxonomy.plover_types]
    ordered = sorted(taxonomy.cameo_codes, key=lambda c: (len(c.code) != 3, len(c.code), c.code))
    found: dict[tuple[str, int], CameoCode] = {}
    for code in [*defaults, *ordered]:
        if code.plover:
            found.setdefault((MODEL_LABEL_OF.get(code.plover, code.plover), penta_of(code.code)), code)
    return found


# -- features ------------------------------------------------------------------------------------


def dyad_features(doc, *, source, target, trigger=None, match=None, status: str | None = None, triggers: Sequence = (), lemma_of=None) -> list[str]:
    """Sparse features of a dyad in a parsed sentence.

    ``source``/``target`` are the head tokens of the two arguments (or None), ``trigger`` the token
    the rules chose with its ``match`` (:class:`~eventwire.lexicon.TriggerMatch`), ``status`` its
    modality, ``triggers`` every (token, match) of the sentence, ``lemma_of`` a word -> lemma function.
    """
    norm = lemma_of or (lambda word: word)
    features = ["bias"]
    if match is not None:
        features += [f"rule={_rule_name(match.rule)}", f"cameo={match.cameo}", f"root={match.cameo[:2]}", f"trig={match.lemma}"]
        features.append(f"trig_root={match.lemma}|{match.cameo[:2]}")
    else:
        features.append("rule=none")
    if status:
        features.append(f"status={status}")
        if match is not None:
            features.append(f"status_root={status}|{match.cameo[:2]}")
    for token, other in triggers:
        features.append(f"any_root={other.cameo[:2]}")
        features.append(f"any_trig={other.lemma}")
    if trigger is not None:
        features += [f"trig_dep={trigger.dep_}"]
        features += [f"trig_prt={norm(trigger.lower_)}|{c.lower_}" for c in trigger.children if c.dep_ in ("prt", "prep", "agent")]
    if source is None:
        features.append("no_source")
    if target is None:
        features.append("no_target")
    anchors = [t for t in (source, target) if t is not None]
    for name, token in (("s", source), ("t", target)):
        if token is None:
            continue
        head = token.head
        features.append(f"{name}_dep={token.dep_}")
        if head.dep_ == "prep" or token.dep_ == "pobj":
            features.append(f"{name}_prep={head.lower_}")
            head = head.head
        features.append(f"{name}_head={norm(head.lower_)}")
        features.append(f"{name}_headdep={token.dep_}|{norm(head.lower_)}")
    governor = _common_governor(source, target) if len(anchors) == 2 else (anchors[0].head if anchors else None)
    if governor is not None:
        word = norm(governor.lower_)
        features.append(f"gov={word}")
        for child in governor.children:
            if child.dep_ in ("prt", "dobj", "xcomp", "ccomp", "neg", "aux"):
                features.append(f"gov_{child.dep_}={norm(child.lower_)}")
                if child.dep_ in ("prt", "dobj", "xcomp"):
                    features.append(f"gov_pair={word}|{norm(child.lower_)}")
        for name, token in (("s", source), ("t", target)):
            if token is None:
                continue
            for step in _path_up(token, governor):
                features.append(f"path={norm(step.lower_)}")
                features.append(f"{name}path={norm(step.lower_)}")
    trigger_at = {token.i: other for token, other in triggers}
    for name, token in (("s", source), ("t", target)):
        if token is None:
            continue
        phrase = list(token.subtree) if token.dep_ != "ROOT" else [token]
        features += [f"{name}w={t.lower_}" for t in phrase[:8] if t.is_alpha]
        for step in [token, *token.ancestors][:6]:  # the triggers governing the argument, nearest first
            if step.i in trigger_at:
                features.append(f"{name}_trig_root={trigger_at[step.i].cameo[:2]}")
                features.append(f"{name}_trig={trigger_at[step.i].lemma}")
                break
        clause_head = next((a for a in list(token.ancestors)[:4] if a.dep_ in CLAUSE_DEPS), None)
        if clause_head is not None:  # the clause verb governing the argument, even when no rule knows it
            stem = clause_head.lower_[:STEM_CHARS]
            features.append(f"{name}_clause={stem}")
            if match is None:
                features.append(f"notrig_{name}_clause={stem}")
    if source is not None and target is not None:
        low, high = sorted((source.i, target.i))
        features += [f"btw={norm(t.lower_)}" for t in doc[low + 1 : high] if t.is_alpha][:12]
        features.append("order=" + ("st" if source.i < target.i else "ts"))
    features += _ngrams(doc, source, target, trigger, norm)
    return features


def _rule_name(rule: str) -> str:
    """A rule id without its line number ("triggers:12 attack+x" -> "attack+x"), stable across lexicon edits."""
    return rule.split(" ", 1)[1] if rule.startswith("triggers:") and " " in rule else rule


def _common_governor(a, b):
    """The lowest token that dominates both ``a`` and ``b`` (one of them, if one dominates the other)."""
    above_a = [a, *a.ancestors]
    ids = {t.i for t in [b, *b.ancestors]}
    return next((t for t in above_a if t.i in ids), None)


def _path_up(token, governor, limit: int = 6):
    """Tokens strictly between ``token`` and ``governor`` going up the tree."""
    current = token
    for _ in range(limit):
        if current.i == governor.i or current.head.i == current.i:
            return
        current = current.head
        if current.i == governor.i:
            return
        yield current


def _ngrams(doc, source, target, trigger, norm) -> list[str]:
    """Word uni- and bigrams of the dyad's sentence, with the source and target phrases as SRC and TGT."""
    masked: dict[int, str] = {}
    for name, token in (("SRC", source), ("TGT", target)):
        if token is not None:
            for t in token.subtree if len(list(token.subtree)) <= 8 else [token]:
                masked.setdefault(t.i, name)
    anchor = next((t for t in (source, target, trigger) if t is not None), None)
    sent = anchor.sent if anchor is not None else doc[:]
    words: list[str] = []
    for token in sent:
        word = masked.get(token.i) or norm(token.lower_)
        if words and word in ("SRC", "TGT") and words[-1] == word:
            continue
        if word in NGRAM_STOPWORDS or token.is_space:
            continue
        words.append(word)
    features = [f"w={w}" for w in words if w not in UNIGRAM_STOPWORDS]
    features += [f"b={a}_{b}" for a, b in zip(words, words[1:])]
    return features


def text_features(text: str) -> list[str]:
    """Word uni- and bigrams of a plain text (no parse): for the ACLED notes classifier."""
    words = _tokenize(text)
    return [f"w={w}" for w in words] + [f"b={a}_{b}" for a, b in zip(words, words[1:])]


def _tokenize(text: str) -> list[str]:
    words = []
    current = []
    for char in text.lower():
        if char.isalnum():
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return ["0" if w.isdigit() else w for w in words]


__all__ = ["DyadDecision", "DyadModel", "LinearModel", "Prediction", "dyad_features", "text_features"]
