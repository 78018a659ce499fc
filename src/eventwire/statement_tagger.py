"""A trained cue tagger: which tokens are the cue of an attribution ("said", "according to",
"in a statement", "told", "claims")?

The rules of statements.py find the cues whose verb is in the lexicon; this tagger, a linear
model over cheap features of each token, finds the long tail (nouns, rare verbs, phrases) and
vets the rules' cues. Its features (see :func:`token_features`) are the token's lowercase form,
suffix and shape, its neighbours, its dependency label, its head and the labels of its children,
its named-entity type, whether it lies inside quotation marks, and whether the rules found a cue,
source or content there. It predicts ``B``/``I``/``O`` (begin, inside, outside a cue).

The model also carries learned *edge moves* (:func:`edge_moves`, :meth:`CueTagger.move_edges`):
how often, in training, the gold cue moved an edge of the system's cue over given words ("said |
in a statement", "when | asked", "said | Tuesday", "has | attacked"); a move is taken when gold
cues took it more often than not.

The model is trained by ``scripts/train_statements.py`` on PolNeAR train (read in place from
../shared) and stored as numpy weights plus a JSON vocabulary (``data/models/statement_cue.*``),
nothing pickled.
"""

from __future__ import annotations

import importlib.resources
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain, repeat
from pathlib import Path

import numpy as np

from .errors import LexiconError

logger = logging.getLogger(__name__)

MODELS_DIR = "models"
CUE_MODEL = "statement_cue"
LABELS = ("B", "I", "O")
#: The column of ``O`` (outside any cue) in :meth:`CueTagger.probabilities`.
OUTSIDE = LABELS.index("O")
#: Marks the rule layer leaves on a token: inside a cue (begin / inside), a source, a content.
RULE_NONE = "-"
#: Children whose label is a feature together with the token's own word ("ccomp|said").
CLAUSE_CHILD_DEPS = frozenset({"ccomp", "nsubj", "dobj", "xcomp", "prep", "pobj", "mark"})
#: Children whose word is a feature ("prep|to", "prt|out").
WORD_CHILD_DEPS = frozenset({"prep", "prt", "mark", "agent", "neg"})
#: The head's children whose labels are a feature.
HEAD_CHILD_DEPS = frozenset({"nsubj", "ccomp", "dobj"})
#: A cue's edge moves by at most this many tokens (see :func:`edge_moves`).
MAX_EDGE_MOVE = 4
#: A learned edge move is taken when gold cues took it more than this share of the times it was possible.
EDGE_RATE = 0.5
#: Feature templates of :func:`token_features` with one value ("w=said") and with two ("p1w=he|said").
SINGLE_TEMPLATES = (
    "w=", "suf=", "shape=", "p1=", "p2=", "n1=", "n2=", "dep=", "hw=", "hdep=", "hdir=", "ent=", "q=", "rc=", "rhc=", "rp1=",
    "rn1=", "rs=", "rt=", "first=", "pd1=", "nd1=", "ch=", "hch=",
)
PAIR_TEMPLATES = ("p1w=", "wn1=", "dep|w=", "rc|w=", "ch|w=", "chw=", "hw|dep=")
#: Entity types that stand for any date in an edge move ("said | Tuesday").
DATE_ENTITIES = frozenset({"DATE", "TIME"})


@dataclass(frozen=True, slots=True)
class RuleMarks:
    """What the rules found, per token index of the doc: cue begin/inside, source, content."""

    cue: dict[int, str]
    source: frozenset[int]
    content: frozenset[int]


def _shape(text: str) -> str:
    if text.isupper() and len(text) > 1:
        return "XX"
    if text[:1].isupper():
        return "Xx"
    if text.isalpha():
        return "x"
    if text.isdigit():
        return "d"
    return text[:2] if not text.isalnum() else "m"


def quoted_tokens(doc, quotations: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Indices of the tokens that lie strictly inside one of ``quotations`` (character pairs)."""
    inside: set[int] = set()
    for start, end in quotations:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        inside.update(range(span.start + 1, span.end - 1))
    return frozenset(inside)


def token_features(
    doc, marks: RuleMarks, quoted: frozenset[int], *, candidates: frozenset[str] | None = None, text: str | None = None
) -> dict[int, list[str]]:
    """Feature names of the tokens of ``doc`` worth scoring: those whose lowercase form is in
    ``candidates`` (all tokens when None) and those inside a cue of the rules. ``text`` is the
    doc's text when the caller has it (``doc.text`` joins every token anew).

    :meth:`CueTagger.feature_rows` computes the same features as weight rows, without the names:
    a change here must be made there too (a test compares the two)."""
    columns = _doc_columns(doc, text)
    if columns is None:
        return {}
    count = len(doc)
    heads, deps, entities, sentence_firsts, texts, lowers, children = columns
    cue_marks = marks.cue
    sources, contents = marks.source, marks.content
    shapes: dict[str, str] = {}  # token text -> its shape
    head_features: dict[int, str] = {}  # head index -> its "hch=" feature
    features: dict[int, list[str]] = {}
    for i, lower in enumerate(lowers):
        if candidates is not None and lower not in candidates and i not in cue_marks:
            continue
        head = i + heads[i]
        prev1 = lowers[i - 1] if i > 0 else "<s>"
        next1 = lowers[i + 1] if i + 1 < count else "</s>"
        cue_mark = cue_marks.get(i, RULE_NONE)
        dep = deps[i]
        shape = shapes.get(texts[i])
        if shape is None:
            shape = shapes[texts[i]] = _shape(texts[i])
        found = [
            "bias",
            "w=" + lower,
            "suf=" + lower[-3:],
            "shape=" + shape,
            "p1=" + prev1,
            "p2=" + (lowers[i - 2] if i > 1 else "<s>"),
            "n1=" + next1,
            "n2=" + (lowers[i + 2] if i + 2 < count else "</s>"),
            "p1w=" + prev1 + "|" + lower,
            "wn1=" + lower + "|" + next1,
            "dep=" + dep,
            "dep|w=" + dep + "|" + lower,
            "hw=" + lowers[head],
            "hdep=" + deps[head],
            "hdir=" + ("self" if head == i else "left" if head < i else "right"),
            "ent=" + (entities[i] or "-"),
            "q=" + ("1" if i in quoted else "0"),
            "rc=" + cue_mark,
            "rc|w=" + cue_mark + "|" + lower,
            "rhc=" + cue_marks.get(head, RULE_NONE),
            "rp1=" + cue_marks.get(i - 1, RULE_NONE),
            "rn1=" + cue_marks.get(i + 1, RULE_NONE),
            "rs=" + ("1" if i in sources else "0"),
            "rt=" + ("1" if i in contents else "0"),
            "first=" + ("1" if i == 0 or sentence_firsts[i] else "0"),
            "pd1=" + (deps[i - 1] if i > 0 else "<s>"),
            "nd1=" + (deps[i + 1] if i + 1 < count else "</s>"),
        ]
        child_deps = {deps[c] for c in children[i]}
        found.extend("ch=" + d for d in child_deps)
        found.extend("ch|w=" + d + "|" + lower for d in child_deps & CLAUSE_CHILD_DEPS)
        found.extend("chw=" + deps[c] + "|" + lowers[c] for c in children[i] if deps[c] in WORD_CHILD_DEPS)
        if head != i:
            found.append("hw|dep=" + lowers[head] + "|" + dep)
            head_children = head_features.get(head)
            if head_children is None:
                head_children = head_features[head] = "hch=" + _head_children(deps, children[head])
            found.append(head_children)
        features[i] = found
    return features


def _head_children(deps: list[str], children: list[int]) -> str:
    """The value of a head's ``hch=`` feature: its children's labels in HEAD_CHILD_DEPS, sorted."""
    return "|".join(sorted(deps[c] for c in children if deps[c] in HEAD_CHILD_DEPS))


def _doc_columns(doc, text: str | None):
    """Per token of ``doc``: head offset, dependency label, entity type, sentence start, text,
    lowercase form, and its children; None for an empty doc. One array copy instead of a Token
    object per attribute access."""
    if not len(doc):
        return None
    from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LENGTH, SENT_START

    array = doc.to_array([HEAD, DEP, ENT_TYPE, SENT_START, IDX, LENGTH])
    heads = array[:, 0].astype(np.int64).tolist()  # offsets to the head, stored unsigned
    # labels are 64-bit string hashes: map the few distinct ones
    deps = _label_names(doc, array[:, 1])
    entities = _label_names(doc, array[:, 2])
    sentence_firsts = (array[:, 3] == 1).tolist()
    text = doc.text if text is None else text
    starts = array[:, 4].astype(np.int64)
    texts = list(map(text.__getitem__, map(slice, starts.tolist(), (starts + array[:, 5].astype(np.int64)).tolist())))
    lowers = list(map(str.lower, texts))
    children: list[list[int]] = [[] for _ in range(len(heads))]
    for i, offset in enumerate(heads):
        if offset:
            children[i + offset].append(i)
    return heads, deps, entities, sentence_firsts, texts, lowers, children


class _AnyWord:
    """A set that holds every word."""

    __slots__ = ()

    def __contains__(self, word: str) -> bool:
        return True


def edge_words(tokens) -> list[str]:
    """The words of edge moves: lowercase forms, a date or time as ``<date>``."""
    return ["<date>" if t.ent_type_ in DATE_ENTITIES else t.lower_ for t in tokens]


def edge_moves(words: list[str], first: int, stop: int) -> Iterable[tuple[str, str, int, int]]:
    """The moves of a cue's edges over ``words`` (those of its sentence; the cue is ``words[first:stop]``):
    ``(key, generic key, new first, new stop)``; a key names the side, the direction, the words
    crossed and the cue's word at that edge ("R+|in a statement|said", "L-|when|asked")."""
    for n in range(1, MAX_EDGE_MOVE + 1):
        if first - n >= 0:
            generic = "L+|" + " ".join(words[first - n : first])
            yield generic + "|" + words[first], generic, first - n, stop
        if stop + n <= len(words):
            generic = "R+|" + " ".join(words[stop : stop + n])
            yield generic + "|" + words[stop - 1], generic, first, stop + n
        if n < stop - first:
            generic = "L-|" + " ".join(words[first : first + n])
            yield generic + "|" + words[first + n], generic, first + n, stop
            generic = "R-|" + " ".join(words[stop - n : stop])
            yield generic + "|" + words[stop - n - 1], generic, first, stop - n


def _label_names(doc, column: np.ndarray) -> list[str]:
    """The strings of a column of label hashes (0: no label, "")."""
    codes = column.tolist()
    strings = doc.vocab.strings
    names = {code: strings[code] if code else "" for code in set(codes)}
    return [names[code] for code in codes]


class CueTagger:
    """A multinomial linear model over :func:`token_features`: ``softmax(sum W[f] + b)``."""

    def __init__(
        self,
        *,
        vocabulary: dict[str, int],
        weights: np.ndarray,
        bias: np.ndarray,
        candidates: frozenset[str],
        threshold: float = 0.5,
        edges: dict[str, float] | None = None,
    ) -> None:
        if weights.shape != (len(vocabulary), len(LABELS)) or bias.shape != (len(LABELS),):
            raise LexiconError(f"cue tagger: weights {weights.shape} do not fit {len(vocabulary)} features x {len(LABELS)} labels")
        self.vocabulary = vocabulary
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        #: Lowercase words worth scoring: those that were part of a cue often enough in training.
        self.candidates = candidates
        #: Edge move key (see :func:`edge_moves`) -> the share of the times gold cues took it in training.
        self.edges = edges or {}
        # the weight row of each feature by template and value(s), so that scoring looks up the
        # words themselves instead of building a name per feature (see feature_rows)
        self._bias_row = vocabulary.get("bias", -1)
        self._padded_weights = np.vstack([weights, np.zeros((1, weights.shape[1]), dtype=weights.dtype)])
        self._single_rows, self._pair_rows = _template_rows(vocabulary)
        # the words next to a cue's edge that some move crosses first, per side and direction
        # ("R+" -> {"in", "to", ...}): a cue next to none of them moves nowhere
        self._edge_neighbours: dict[str, _AnyWord | frozenset[str]] = {}
        for direction in ("L+", "R+", "L-", "R-"):
            phrases = [key.split("|")[1].split(" ") for key in self.edges if key.startswith(direction + "|")]
            words = frozenset(p[-1] if direction in ("L+", "R-") else p[0] for p in phrases)
            # a blank word (a whitespace token) makes the phrase's split ambiguous: check every cue
            self._edge_neighbours[direction] = _AnyWord() if "" in words else words

    @classmethod
    def load(cls, *, directory: Path | None = None, name: str = CUE_MODEL) -> CueTagger:
        """Read ``NAME.npz`` (weights, bias) and ``NAME.json`` (feature names in row order, candidate
        words, threshold) from the models folder."""
        base = directory if directory is not None else importlib.resources.files("eventwire") / "data" / MODELS_DIR
        try:
            meta = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
            with (base / f"{name}.npz").open("rb") as handle:
                arrays = np.load(handle)
                weights, bias = arrays["weights"].astype(np.float64), arrays["bias"].astype(np.float64)
        except (OSError, KeyError, ValueError) as e:
            raise LexiconError(f"cannot read the cue tagger model {name}: {e}") from e
        missing = {"labels", "features", "candidates"} - set(meta)
        if missing:
            raise LexiconError(f"cue tagger model {name}: {', '.join(sorted(missing))} missing")
        if tuple(meta["labels"]) != LABELS:
            raise LexiconError(f"cue tagger model {name}: labels {meta.get('labels')} are not {LABELS}")
        return cls(
            vocabulary={feature: row for row, feature in enumerate(meta["features"])},
            weights=weights,
            bias=bias,
            candidates=frozenset(meta["candidates"]),
            threshold=float(meta.get("threshold", 0.5)),
            edges={key: float(rate) for key, rate in meta.get("edges", {}).items()},
        )

    def probabilities(self, features: dict[int, list[str]], length: int) -> np.ndarray:
        """``(length, labels)`` probabilities for the tokens of a doc of ``length`` tokens; a token
        without features (not a candidate) is outside any cue."""
        flat = list(chain.from_iterable(features.values()))
        indices = np.fromiter(map(self.vocabulary.get, flat, repeat(-1)), dtype=np.int64, count=len(flat))
        return self.row_probabilities(list(features), indices, [len(names) for names in features.values()], length)

    def row_probabilities(self, tokens: list[int], rows, counts: list[int], length: int) -> np.ndarray:
        """:meth:`probabilities` from :meth:`feature_rows`: the scored ``tokens``, the weight row
        of each of their features one token after the other (-1: an unknown feature) and the
        number of features of each token."""
        result = np.zeros((length, len(LABELS)), dtype=np.float64)
        result[:, OUTSIDE] = 1.0
        if not tokens:
            return result
        # an unknown feature (-1) takes the zero row appended to the weights: adding 0.0 leaves
        # every running total as it was, so the sums are those of the known rows alone
        totals = np.zeros((len(rows) + 1, len(LABELS)), dtype=np.float64)
        np.cumsum(self._padded_weights[np.asarray(rows, dtype=np.int64)], axis=0, out=totals[1:])
        ends = np.cumsum(counts)  # features up to the end of each token's list
        starts = np.concatenate(([0], ends[:-1]))
        scores = totals[ends] - totals[starts] + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        result[np.asarray(tokens, dtype=np.int64)] = exp / exp.sum(axis=1, keepdims=True)
        return result

    def feature_rows(
        self, doc, marks: RuleMarks, quoted: frozenset[int], *, text: str | None = None
    ) -> tuple[list[int], list[int], list[int]]:
        """The features of :func:`token_features` (``candidates``: this tagger's) as weight rows:
        ``(tokens, rows, counts)`` for :meth:`row_probabilities`; the rows of a token are in the
        order of its feature names, -1 for a name the model does not know."""
        columns = _doc_columns(doc, text)
        if columns is None:
            return [], [], []
        heads, deps, entities, sentence_firsts, texts, lowers, children = columns
        count = len(lowers)
        # bound lookups of the rows by template: the loop below runs once per scored token
        (word_get, suffix_get, shape_get, p1_get, p2_get, n1_get, n2_get, dep_get, hw_get, hdep_get, hdir_get, ent_get, q_get,
         rc_get, rhc_get, rp1_get, rn1_get, rs_get, rt_get, first_get, pd1_get, nd1_get, ch_get,
         hch_get) = (self._single_rows[t].get for t in SINGLE_TEMPLATES)
        p1w_get, wn1_get, depw_get, rcw_get, chw_clause_get, chw_get, hwdep_get = (self._pair_rows[t].get for t in PAIR_TEMPLATES)
        # rows of the yes/no features (index False, True) and of the head directions
        quoted_yes = (q_get("0", -1), q_get("1", -1))
        source_yes = (rs_get("0", -1), rs_get("1", -1))
        content_yes = (rt_get("0", -1), rt_get("1", -1))
        first_yes = (first_get("0", -1), first_get("1", -1))
        self_row, left_row, right_row = hdir_get("self", -1), hdir_get("left", -1), hdir_get("right", -1)
        bias = self._bias_row
        candidates = self.candidates
        cue_marks = marks.cue
        sources, contents = marks.source, marks.content
        shape_of: dict[str, int] = {}  # token text -> the row of its shape
        head_children_of: dict[int, int] = {}  # head index -> the row of its "hch=" feature
        tokens: list[int] = []
        rows: list[int] = []
        counts: list[int] = []
        unknown = repeat(-1)  # the default row of every lookup by map
        for i, lower in enumerate(lowers):
            if lower not in candidates and i not in cue_marks:
                continue
            head = i + heads[i]
            prev1 = lowers[i - 1] if i > 0 else "<s>"
            next1 = lowers[i + 1] if i + 1 < count else "</s>"
            cue_mark = cue_marks.get(i, RULE_NONE)
            dep = deps[i]
            shape_row = shape_of.get(texts[i])
            if shape_row is None:
                shape_row = shape_of[texts[i]] = shape_get(_shape(texts[i]), -1)
            found = [
                bias,
                word_get(lower, -1),
                suffix_get(lower[-3:], -1),
                shape_row,
                p1_get(prev1, -1),
                p2_get(lowers[i - 2] if i > 1 else "<s>", -1),
                n1_get(next1, -1),
                n2_get(lowers[i + 2] if i + 2 < count else "</s>", -1),
                p1w_get((prev1, lower), -1),
                wn1_get((lower, next1), -1),
                dep_get(dep, -1),
                depw_get((dep, lower), -1),
                hw_get(lowers[head], -1),
                hdep_get(deps[head], -1),
                self_row if head == i else left_row if head < i else right_row,
                ent_get(entities[i] or "-", -1),
                quoted_yes[i in quoted],
                rc_get(cue_mark, -1),
                rcw_get((cue_mark, lower), -1),
                rhc_get(cue_marks.get(head, RULE_NONE), -1),
                rp1_get(cue_marks.get(i - 1, RULE_NONE), -1),
                rn1_get(cue_marks.get(i + 1, RULE_NONE), -1),
                source_yes[i in sources],
                content_yes[i in contents],
                first_yes[i == 0 or sentence_firsts[i]],
                pd1_get(deps[i - 1] if i > 0 else "<s>", -1),
                nd1_get(deps[i + 1] if i + 1 < count else "</s>", -1),
            ]
            own_children = children[i]
            if own_children:
                # map and plain loops rather than comprehensions (a frame each): same items, same order
                child_deps = set(map(deps.__getitem__, own_children))
                found += map(ch_get, child_deps, unknown)
                found += map(chw_clause_get, zip(child_deps & CLAUSE_CHILD_DEPS, repeat(lower)), unknown)
                for c in own_children:
                    if deps[c] in WORD_CHILD_DEPS:
                        found.append(chw_get((deps[c], lowers[c]), -1))
            if head != i:
                found.append(hwdep_get((lowers[head], dep), -1))
                head_row = head_children_of.get(head)
                if head_row is None:
                    head_row = head_children_of[head] = hch_get(_head_children(deps, children[head]), -1)
                found.append(head_row)
            tokens.append(i)
            rows.extend(found)
            counts.append(len(found))
        return tokens, rows, counts

    def cue_runs(self, probabilities: np.ndarray, *, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Token runs ``(first, last + 1, mean cue probability)`` whose tokens are cue tokens
        (``P(O) < 1 - threshold``); a token likelier ``B`` than ``I`` opens a new run."""
        limit = self.threshold if threshold is None else threshold
        runs: list[tuple[int, int, float]] = []
        start = last = -1
        # only the cue tokens are visited; a gap between two of them ends a run
        for i in np.flatnonzero(1.0 - probabilities[:, OUTSIDE] >= limit).tolist():
            if start >= 0 and i == last + 1 and probabilities[i, 0] <= probabilities[i, 1]:
                last = i
                continue
            if start >= 0:
                runs.append((start, last + 1, float(1.0 - probabilities[start : last + 1, OUTSIDE].mean())))
            start = last = i
        if start >= 0:
            runs.append((start, last + 1, float(1.0 - probabilities[start : last + 1, OUTSIDE].mean())))
        return runs

    def move_edges(self, words: list[str], first: int, stop: int, *, allowed=None) -> tuple[int, int]:
        """The cue ``words[first:stop]`` with each edge moved as gold cues moved it most often in
        training, when they did so more than EDGE_RATE of the time; ``allowed(first, stop)`` may
        refuse a move (one into the statement's source or content)."""
        neighbours = self._edge_neighbours
        if not (
            (first > 0 and words[first - 1] in neighbours["L+"])
            or (stop < len(words) and words[stop] in neighbours["R+"])
            or (stop - first > 1 and (words[first] in neighbours["L-"] or words[stop - 1] in neighbours["R-"]))
        ):
            return first, stop
        best = {"L": (EDGE_RATE, first), "R": (EDGE_RATE, stop)}
        edges = self.edges
        for key, generic, new_first, new_stop in edge_moves(words, first, stop):
            rate = edges.get(key)
            if rate is None:
                rate = edges.get(generic)
            side = key[0]
            if rate is None or rate <= best[side][0]:
                continue
            if allowed is not None and not allowed(new_first, new_stop):
                continue
            best[side] = (rate, new_first if side == "L" else new_stop)
        return best["L"][1], best["R"][1]


def mark_rules(doc, *, cues: Iterable[tuple[int, int]], sources: Iterable[tuple[int, int]], contents: Iterable[tuple[int, int]]) -> RuleMarks:
    """The :class:`RuleMarks` of character spans the rules found (cue, source, content)."""
    cue: dict[int, str] = {}
    for start, end in cues:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        cue.setdefault(span.start, "B")
        for i in range(span.start + 1, span.end):
            cue.setdefault(i, "I")
    return RuleMarks(cue=cue, source=_covered(doc, sources), content=_covered(doc, contents))


def _covered(doc, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    covered: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            covered.update(range(span.start, span.end))
    return frozenset(covered)


def _template_rows(vocabulary: dict[str, int]) -> tuple[dict[str, dict[str, int]], dict[str, dict[tuple[str, str], int]]]:
    """The rows of ``vocabulary`` by template: ``SINGLE_TEMPLATES`` -> value -> row and
    ``PAIR_TEMPLATES`` -> (first value, second value) -> row. A template ends at the name's first
    "="; a pair's values are split at every "|" in turn (a word may hold one), so each pair whose
    name is in the vocabulary finds its row."""
    singles: dict[str, dict[str, int]] = {template: {} for template in SINGLE_TEMPLATES}
    pairs: dict[str, dict[tuple[str, str], int]] = {template: {} for template in PAIR_TEMPLATES}
    for name, row in vocabulary.items():
        cut = name.find("=") + 1
        if not cut:
            continue
        template, value = name[:cut], name[cut:]
        if template in singles:
            singles[template][value] = row
        elif template in pairs:
            bar = value.find("|")
            while bar >= 0:
                pairs[template][(value[:bar], value[bar + 1 :])] = row
                bar = value.find("|", bar + 1)
    return singles, pairs
