"""The event-trigger lexicon (which words signal which CAMEO event) and the modality cue words.

Three data files, packaged under ``eventwire/data``:

``triggers.tsv``
    One rule a row, columns ``lemma pos particle object cameo note``. ``pos`` is ``verb`` or
    ``noun``; ``particle`` is a particle or preposition the trigger must carry (``for`` in "call
    for"; alternatives separated by ``|``; empty = no requirement); ``object`` is a lowercase
    regular expression searched in the lowercased complement text (empty = anything);
    ``cameo`` is a CAMEO code of 2 to 4 digits. For one lemma and part of speech the rules are
    tried in file order, rules that require a particle before rules that do not; the first rule
    that fits wins, so specific rows come first. Blank lines and lines starting with ``#`` are
    ignored.
``irregular_verbs.tsv``
    ``lemma past participle``; a column may list spelling variants separated by ``|``.
``cues.yaml``
    Word lists the events stage uses to decide an event's status (speech verbs, request verbs,
    future markers, negation, denial, hedges, dispute and attribution phrases).

The tagger and lemmatizer are not in eventwire's spaCy pipeline, so :class:`TriggerLexicon`
generates every inflected form of its lemmas once at load time (``-s/-es/-ies``, ``-ed/-d/-ied``,
doubled final consonants, ``-ing`` with e-drop, irregular forms, plurals, ``-ise`` spellings of
``-ize`` words) and maps a surface form back to its lemma with one dictionary lookup.
"""

from __future__ import annotations

import importlib.resources
import logging
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import yaml

from .errors import LexiconError

logger = logging.getLogger(__name__)

TRIGGERS_FILE = "triggers.tsv"
IRREGULAR_VERBS_FILE = "irregular_verbs.tsv"
CUES_FILE = "cues.yaml"

TRIGGER_COLUMNS = ("lemma", "pos", "particle", "object", "cameo", "note")
IRREGULAR_COLUMNS = ("lemma", "past", "participle")
POS_TAGS = ("verb", "noun")
CUE_KEYS = (
    "speech_verbs",
    "request_verbs",
    "future_markers",
    "negation_words",
    "denial_verbs",
    "hedge_words",
    "dispute_phrases",
    "attribution_phrases",
)
#: Cue entries that are not verbs and are never inflected (modals, particles, conjunctions).
UNINFLECTED_CUES = frozenset(
    {
        "will", "'ll", "would", "could", "may", "might", "shall", "should", "must", "if", "unless",
        "going to", "not", "n't", "never", "no", "neither", "nor", "without", "none", "nobody",
        "nothing", "cannot", "no longer",
    }
)

VOWELS = frozenset("aeiou")
#: Final syllables of two-syllable verbs that are (almost) never stressed, so never doubled...
UNSTRESSED_ENDINGS = ("er", "en", "on", "om", "or", "ish")
#: ...except in these verbs (confer -> conferred, transfer -> transferred).
STRESSED_FINAL_SYLLABLE = frozenset(
    {"confer", "transfer", "refer", "prefer", "defer", "infer", "deter", "abhor"}
)
BE_FORMS = frozenset({"be", "am", "is", "are", "was", "were", "been", "being"})
#: Present third-person forms no rule produces (irregular_verbs.tsv lists only past forms).
THIRD_PERSON_IRREGULAR = MappingProxyType({"have": "has", "do": "does"})

_LEMMA = re.compile(r"[a-z]+\Z")
_PARTICLE = re.compile(r"(?:[a-z]+(?:\|[a-z]+)*)?\Z")
_CAMEO = re.compile(r"\d{2,4}\Z")
_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_ESCAPE = re.compile(r"\\.")
_UPPERCASE = re.compile(r"[A-Z]")


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """The CAMEO code a trigger was given, and the rule that gave it (for explanations)."""

    cameo: str
    lemma: str
    rule: str  # e.g. "triggers:123 request+military aid"


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One row of ``triggers.tsv``."""

    lemma: str
    pos: str
    particles: frozenset[str]  # empty: no particle required
    pattern: re.Pattern[str] | None  # None: any complement
    cameo: str
    note: str
    source: str  # "triggers:123"

    @property
    def rule_id(self) -> str:
        """``source lemma[ particle][+note]``: how an explanation names this rule."""
        text = f"{self.source} {self.lemma}"
        if self.particles:
            text += " " + "|".join(sorted(self.particles))
        if self.note:
            text += "+" + self.note
        return text


# ------------------------------------------------------------------------------------- inflection
def inflect_verb(lemma: str, irregular: Mapping[str, Collection[str]]) -> set[str]:
    """Every surface form of the verb ``lemma``, the lemma included.

    ``irregular`` maps a lemma to its irregular past and participle forms (see
    :func:`load_irregular_verbs`); an irregular verb gets those instead of ``-ed``. A multiword
    lemma ("call for") is inflected on its first word.
    """
    head, sep, rest = lemma.partition(" ")
    primary, alternates = _verb_forms(head, irregular)
    return {form + sep + rest for form in (*primary, *alternates)}


def pluralize(noun: str) -> set[str]:
    """The plural forms of ``noun`` (regular English rules; the singular is not included)."""
    head, sep, rest = noun.rpartition(" ")
    return {head + sep + form for form in _noun_plurals(rest)}


def _verb_forms(verb: str, irregular: Mapping[str, Collection[str]]) -> tuple[list[str], list[str]]:
    """``(primary, alternates)``: the standard forms, and variants that lose to other lemmas' forms."""
    if verb == "be":
        return sorted(BE_FORMS), []
    primary, alternates = [verb], []
    doubling = _doubling(verb)
    last, before = verb[-1:], verb[-2:-1]

    if verb in THIRD_PERSON_IRREGULAR:
        primary.append(THIRD_PERSON_IRREGULAR[verb])
    elif verb.endswith(("s", "x", "z", "ch", "sh")):
        primary.append(verb + "es")
    elif last == "y" and before not in VOWELS:
        primary.append(verb[:-1] + "ies")
    elif last == "o" and before not in VOWELS:
        primary.append(verb + "es")
        alternates.append(verb + "s")
    else:
        primary.append(verb + "s")

    if verb.endswith("ie"):
        primary.append(verb[:-2] + "ying")
    elif last == "e" and not verb.endswith(("ee", "ye", "oe")):
        primary.append(verb[:-1] + "ing")
    elif doubling == "always":
        primary.append(verb + last + "ing")
    else:
        primary.append(verb + "ing")
        if doubling == "optional":
            alternates.append(verb + last + "ing")

    if verb in irregular:
        primary.extend(irregular[verb])
        return primary, alternates
    if last == "e":
        primary.append(verb + "d")
    elif last == "y" and before not in VOWELS:
        primary.append(verb[:-1] + "ied")
    elif doubling == "always":
        primary.append(verb + last + "ed")
    else:
        primary.append(verb + "ed")
        if doubling == "optional":
            alternates.append(verb + last + "ed")
        elif last == "c":
            alternates.append(verb + "ked")
    return primary, alternates


def _doubling(verb: str) -> str:
    """Whether the final consonant doubles before -ed/-ing: ``always`` (ban: banned), ``optional``
    (admit/visit, cancel/travel: stress is unknown, both spellings are generated), or ``never``."""
    if len(verb) < 3 or verb[-1] in VOWELS or verb[-1] in "wxy":
        return "never"
    stem = verb.replace("qu", "qw")  # the u of qu is not a vowel: quit, equip
    if stem[-2] not in VOWELS or stem[-3] in VOWELS:
        return "never"
    if len(_VOWEL_GROUP.findall(stem)) == 1:
        return "always"
    if verb.endswith(UNSTRESSED_ENDINGS) and verb not in STRESSED_FINAL_SYLLABLE:
        return "never"  # offer, threaten, reckon, ransom: offered, threatening
    return "optional"


def _noun_plurals(noun: str) -> list[str]:
    if noun.endswith("sis"):
        return [noun[:-3] + "ses"]
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return [noun + "es"]
    if noun.endswith("y") and noun[-2:-1] not in VOWELS:
        return [noun[:-1] + "ies"]
    if noun.endswith("o") and noun[-2:-1] not in VOWELS:
        return [noun + "es", noun + "s"]
    return [noun + "s"]


def _spelling_variants(lemma: str, pos: str) -> list[str]:
    """The lemma and its British -ise spelling (criticize -> criticise, mobilization -> mobilisation)."""
    if pos == "verb" and lemma.endswith("ize"):
        return [lemma, lemma[:-3] + "ise"]
    if pos == "noun" and lemma.endswith("ization"):
        return [lemma, lemma[:-7] + "isation"]
    return [lemma]


# ------------------------------------------------------------------------------------- file access
def _read_text(path: str | Path | None, default_name: str) -> tuple[str, str]:
    """``(text, name)`` of ``path``, or of the packaged data file ``default_name``."""
    try:
        if path is None:
            resource = importlib.resources.files("eventwire") / "data" / default_name
            return resource.read_text(encoding="utf-8"), default_name
        return Path(path).read_text(encoding="utf-8"), Path(path).name
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"cannot read {path or default_name}: {e}") from e


def _rows(text: str, name: str, columns: tuple[str, ...], *, optional_last: bool = False):
    """Yield ``(line_number, fields)`` of a TSV file whose header must be ``columns``."""
    lines = text.splitlines()
    if not lines or lines[0].split("\t") != list(columns):
        raise LexiconError(f"{name}:1: header must be {' '.join(columns)!r} separated by tabs")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if optional_last and len(fields) == len(columns) - 1:
            fields.append("")
        if len(fields) != len(columns):
            raise LexiconError(
                f"{name}:{number}: expected {len(columns)} tab-separated fields, got {len(fields)}"
            )
        yield number, fields


def load_irregular_verbs(path: str | Path | None = None) -> dict[str, tuple[str, ...]]:
    """Read ``irregular_verbs.tsv``: lemma -> its irregular past and participle forms."""
    text, name = _read_text(path, IRREGULAR_VERBS_FILE)
    irregular: dict[str, tuple[str, ...]] = {}
    for number, (lemma, past, participle) in _rows(text, name, IRREGULAR_COLUMNS):
        forms = [form for column in (past, participle) for form in column.split("|")]
        for word in (lemma, *forms):
            if not _LEMMA.match(word):
                raise LexiconError(f"{name}:{number}: {word!r} is not a lowercase word")
        if lemma in irregular:
            raise LexiconError(f"{name}:{number}: {lemma!r} is listed twice")
        irregular[lemma] = tuple(dict.fromkeys(forms))
    return irregular


def _parse_rule(
    number: int, fields: list[str], name: str, patterns: dict[str, re.Pattern[str]]
) -> TriggerRule:
    lemma, pos, particle, pattern_text, cameo, note = fields
    where = f"{name}:{number}"
    if not _LEMMA.match(lemma):
        raise LexiconError(f"{where}: lemma {lemma!r} must be one lowercase word")
    if pos not in POS_TAGS:
        raise LexiconError(f"{where}: pos {pos!r} must be one of {', '.join(POS_TAGS)}")
    if not _PARTICLE.match(particle):
        raise LexiconError(f"{where}: particle {particle!r} must be lowercase words separated by '|'")
    if not _CAMEO.match(cameo) or not 1 <= int(cameo[:2]) <= 20:
        raise LexiconError(f"{where}: {cameo!r} does not look like a CAMEO code (2-4 digits, root 01-20)")
    if _UPPERCASE.search(_ESCAPE.sub("", pattern_text)):
        raise LexiconError(f"{where}: object pattern must be lowercase (complements are matched lowercased)")
    pattern = None
    if pattern_text:
        pattern = patterns.get(pattern_text)
        if pattern is None:
            try:
                pattern = patterns[pattern_text] = re.compile(pattern_text)
            except re.error as e:
                raise LexiconError(f"{where}: bad object pattern {pattern_text!r}: {e}") from e
    particles = frozenset(particle.split("|")) if particle else frozenset()
    source = f"{Path(name).stem}:{number}"
    return TriggerRule(lemma, pos, particles, pattern, cameo, note.strip(), source)


# ------------------------------------------------------------------------------------- the lexicon
class TriggerLexicon:
    """Trigger words and their CAMEO codes: ``lemma_of`` for every token, ``match`` for candidates."""

    def __init__(self, rules: Iterable[TriggerRule], irregular: Mapping[str, Collection[str]]) -> None:
        grouped: dict[tuple[str, str], list[TriggerRule]] = {}
        for rule in rules:
            grouped.setdefault((rule.lemma, rule.pos), []).append(rule)
        self._rules: dict[tuple[str, str], tuple[TriggerRule, ...]] = {
            key: tuple([r for r in group if r.particles] + [r for r in group if not r.particles])
            for key, group in grouped.items()
        }
        # what `match` walks: (required particles or None, search or None, the prebuilt result)
        self._matchers = {
            key: tuple(
                (
                    rule.particles or None,
                    rule.pattern.search if rule.pattern is not None else None,
                    TriggerMatch(rule.cameo, rule.lemma, rule.rule_id),
                )
                for rule in group
            )
            for key, group in self._rules.items()
        }
        self._lemmas = {pos: frozenset(lemma for lemma, p in self._rules if p == pos) for pos in POS_TAGS}
        self._forms = {pos: self._build_forms(pos, irregular) for pos in POS_TAGS}

    @classmethod
    def load(
        cls, path: str | Path | None = None, *, irregular_path: str | Path | None = None
    ) -> TriggerLexicon:
        """Read ``triggers.tsv`` (the packaged one unless ``path``) and the irregular verbs."""
        irregular = load_irregular_verbs(irregular_path)
        text, name = _read_text(path, TRIGGERS_FILE)
        patterns: dict[str, re.Pattern[str]] = {}
        rules = [
            _parse_rule(number, fields, name, patterns)
            for number, fields in _rows(text, name, TRIGGER_COLUMNS, optional_last=True)
        ]
        if not rules:
            raise LexiconError(f"{name}: no trigger rules")
        lexicon = cls(rules, irregular)
        logger.debug("loaded %d trigger rules for %d lemmas from %s", len(rules), len(lexicon._rules), name)
        return lexicon

    def _build_forms(self, pos: str, irregular: Mapping[str, Collection[str]]) -> dict[str, str]:
        """surface form -> lemma. Lemmas themselves win over generated forms, standard forms over
        variant spellings; among equals the alphabetically first lemma wins."""
        tiers: list[list[tuple[str, str]]] = [[], [], []]
        for lemma in sorted(self._lemmas[pos]):
            tiers[0].append((lemma, lemma))
            for spelling in _spelling_variants(lemma, pos):
                if pos == "verb":
                    primary, alternates = _verb_forms(spelling, irregular)
                else:
                    primary, alternates = [spelling, *_noun_plurals(spelling)], []
                tiers[1].extend((form, lemma) for form in primary)
                tiers[2].extend((form, lemma) for form in alternates)
        forms: dict[str, str] = {}
        for tier in tiers:
            for form, lemma in tier:
                kept = forms.setdefault(form, lemma)
                if kept != lemma:
                    logger.debug("%s form %r is %r, not %r", pos, form, kept, lemma)
        return forms

    def lemma_of(self, word: str, *, pos: str) -> str | None:
        """The trigger lemma of the surface form ``word`` ("imposing" -> "impose"), or None."""
        forms = self._forms.get(pos)
        if forms is None:
            return None
        lemma = forms.get(word)
        if lemma is None and not word.islower():
            lemma = forms.get(word.lower())
        return lemma

    def match(
        self, lemma: str, *, pos: str, particles: Collection[str] = (), complement: str = ""
    ) -> TriggerMatch | None:
        """The first rule of ``lemma``/``pos`` whose particle is among ``particles`` (lowercase)
        and whose object pattern is found in ``complement``; None when no rule fits.

        For a noun the lemma is appended to the complement, so that a pattern can name the head
        with its modifiers whether or not the caller included it ("military" + "aid").
        """
        matchers = self._matchers.get((lemma, pos))
        if matchers is None:
            return None
        complement = complement.lower()
        if pos == "noun":
            complement = f"{complement} {lemma}"
        for required, search, result in matchers:
            if required is not None and required.isdisjoint(particles):
                continue
            if search is not None and search(complement) is None:
                continue
            return result
        return None

    def lemmas(self, pos: str) -> frozenset[str]:
        """Every lemma with at least one rule for ``pos`` ("verb" or "noun")."""
        return self._lemmas.get(pos, frozenset())

    def rules(self, lemma: str, *, pos: str) -> tuple[TriggerRule, ...]:
        """The rules of ``lemma``/``pos`` in the order :meth:`match` tries them."""
        return self._rules.get((lemma, pos), ())

    def forms(self, pos: str) -> Mapping[str, str]:
        """Every generated surface form of ``pos`` and its lemma (read-only view)."""
        return _ReadOnly(self._forms.get(pos, {}))

    def __len__(self) -> int:
        return sum(len(group) for group in self._rules.values())

    def __repr__(self) -> str:
        return f"<TriggerLexicon {len(self)} rules, {len(self._rules)} lemmas>"


class _ReadOnly(Mapping[str, str]):
    """A read-only view of a dict."""

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, str]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> str:
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


# ------------------------------------------------------------------------------------- cues
@dataclass(frozen=True)
class Cues:
    """The cue word lists of ``cues.yaml``, plus the inflected surface forms of the verb lists
    (``speech_forms`` holds "said", "told", "claims"...; multiword entries inflect their first word:
    "called for")."""

    speech_verbs: frozenset[str]
    request_verbs: frozenset[str]
    future_markers: frozenset[str]
    negation_words: frozenset[str]
    denial_verbs: frozenset[str]
    hedge_words: frozenset[str]
    dispute_phrases: frozenset[str]
    attribution_phrases: frozenset[str]
    speech_forms: frozenset[str] = frozenset()
    request_forms: frozenset[str] = frozenset()
    future_forms: frozenset[str] = frozenset()
    negation_forms: frozenset[str] = frozenset()
    denial_forms: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path | None = None, *, irregular_path: str | Path | None = None) -> Cues:
        """Read ``cues.yaml`` (the packaged one unless ``path``)."""
        text, name = _read_text(path, CUES_FILE)
        lists = _parse_cues(text, name)
        irregular = load_irregular_verbs(irregular_path)

        def forms(key: str) -> frozenset[str]:
            words: set[str] = set()
            for entry in lists[key]:
                words.add(entry)
                if entry not in UNINFLECTED_CUES:
                    words |= inflect_verb(entry, irregular)
            return frozenset(words)

        return cls(
            **{key: frozenset(values) for key, values in lists.items()},
            speech_forms=forms("speech_verbs"),
            request_forms=forms("request_verbs"),
            future_forms=forms("future_markers"),
            negation_forms=forms("negation_words"),
            denial_forms=forms("denial_verbs"),
        )


def _parse_cues(text: str, name: str) -> dict[str, list[str]]:
    """Check that ``cues.yaml`` maps exactly CUE_KEYS to lists of strings; report file:line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        raise LexiconError(f"{where}: not valid YAML: {e}") from e
    if not isinstance(root, yaml.MappingNode):
        raise LexiconError(f"{name}:1: must be a mapping of {', '.join(CUE_KEYS)} to lists of strings")
    lists: dict[str, list[str]] = {}
    for key_node, value_node in root.value:
        key, where = key_node.value, f"{name}:{key_node.start_mark.line + 1}"
        if key not in CUE_KEYS:
            raise LexiconError(f"{where}: unknown key {key!r} (expected one of {', '.join(CUE_KEYS)})")
        if key in lists:
            raise LexiconError(f"{where}: key {key!r} appears twice")
        if not isinstance(value_node, yaml.SequenceNode):
            raise LexiconError(f"{where}: {key!r} must be a list of strings")
        values = []
        for item in value_node.value:
            item_where = f"{name}:{item.start_mark.line + 1}"
            if not isinstance(item, yaml.ScalarNode) or item.tag != "tag:yaml.org,2002:str":
                raise LexiconError(f"{item_where}: {key!r} entries must be strings (quote yes/no/true/false)")
            value = " ".join(item.value.lower().split())
            if not value:
                raise LexiconError(f"{item_where}: empty entry in {key!r}")
            values.append(value)
        lists[key] = values
    missing = [key for key in CUE_KEYS if key not in lists]
    if missing:
        raise LexiconError(f"{name}: missing keys {', '.join(missing)}")
    return lists
