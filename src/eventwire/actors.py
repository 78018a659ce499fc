"""Actor resolution: who is who in a report, on the day it was written.

Two layers. :class:`ActorLexicon` holds our dictionaries (countries with their capitals and demonyms,
sub-national regions, IGOs, sector terms and people/organisations with dated roles) as alias tables
built once at load, and resolves a mention string to an :class:`ActorInfo`: a CAMEO-style code made
of a country (ISO3) and a sector ("RUSGOV", "UKRLEG"), or an IGO code ("IGOUNO"). People are coded
with the role they held on the report's date: Jen Psaki is USAGOV in February 2022 and USAMED in June.

:class:`ActorResolver` is the pipeline stage. It finds actor mentions in the spaCy parse — lexicon
names (even where NER missed them), unknown PERSON/ORG entities, and noun phrases headed by a sector
term ("Ukrainian lawmakers", "Russia's troops", "Pro-Russian separatist leaders") — and merges the
mentions of one actor (full name then surname, one country, one IGO) into an
:class:`~eventwire.model.Actor`. A mention covers the whole noun phrase up to its head noun
("Kremlin spokesman Dmitry Peskov"), so the events stage finds the actor from an argument's head.

Matching never scans the text with the lexicon: each word of the document is looked up in a table of
alias first words, and only there are longer n-grams tried.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from .errors import LexiconError, ProcessingError
from .model import Actor, Article
from .stage import Stage

logger = logging.getLogger(__name__)

#: When a phrase holds several sector terms, the first in this order wins ("rebel forces" is REB,
#: "government troops" MIL, "opposition lawmakers" OPP, "state media" MED).
SECTOR_PRECEDENCE = (
    "REB", "SPY", "OPP", "COP", "JUD", "MIL", "LEG", "REF", "NGO", "MED",
    "HLH", "EDU", "LAB", "AGR", "REL", "BUS", "PTY", "GOV", "CVL", "ELI",
)  # fmt: skip
#: Sector codes an actor's role may carry.
SECTOR_CODES = frozenset(SECTOR_PRECEDENCE) | {"UAF", "CRM", "DEV", "ENV", "HRI", "MNC", "SEP", "INS", "MOD", "RAD"}
#: A sector term of this value names no actor; it only stops shorter terms inside it.
NO_SECTOR = "-"
#: Former office holders ("former president", "ex-minister") are elites.
FORMER_WORDS = frozenset({"former", "ex"})
FORMER_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
#: "pro-Russian separatists" fight for Russia, not as Russia; "anti-government protesters" oppose it.
PATRON_WORDS = frozenset({"pro"})
OPPONENT_WORDS = frozenset({"anti"})
#: Place phrases that contain a country or demonym but name none.
NOT_ACTOR_NAMES = (
    "Latin America", "Latin American", "Latin Americans", "South America", "South American",
    "South Americans", "North America", "North American", "North Americans", "Central America",
    "Central American", "Central Americans", "African American", "African Americans", "Arab American",
    "Asian American", "West African", "East African", "North African", "New Mexico", "New Mexican",
    "Indian Ocean", "Georgia Tech",
)  # fmt: skip
#: Heads that make a country phrase an actor without naming a sector ("the Russian side").
COUNTRY_HEADS = frozenset({"side", "sides", "ally", "allies", "partner", "partners", "nationals"})
#: spaCy dependency labels of words that modify a noun inside its noun phrase.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "nn"})
NP_LEFT_DEPS = MODIFIER_DEPS | {"det", "predet", "quantmod", "punct", "case", "advmod"}
#: A capital in these roles stands for its government ("Moscow said", "Moscow's decision")...
METONYMY_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent"})
#: ...and in these for its country ("accused Washington", "talks with Moscow"); elsewhere it is a place.
CAPITAL_TARGET_DEPS = frozenset({"dobj", "dative"})
CAPITAL_TARGET_PREPOSITIONS = frozenset({"with", "against", "by", "between"})
#: A region in these roles is a party to an event ("Russia annexed Crimea"), not only a place.
REGION_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj"})
#: How much a name of a place counts towards the country a report is about (rebels with no country
#: of their own are coded with it): places count more than nationalities of people.
CONTEXT_WEIGHTS = MappingProxyType({"region": 3, "country": 2, "capital": 2, "demonym": 1})
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
LEADING_WORDS = frozenset({"the", "a", "an"})
#: Aliases of at most this many letters, written in capitals, only match in capitals ("US", "WHO").
ACRONYM_MAX_LETTERS = 3
#: Kinds of lexicon names, best first when one alias names several things.
NAME_KINDS = ("actor", "igo", "country", "region", "demonym", "capital", "none")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_QID = re.compile(r"Q[1-9][0-9]*")
_ISO3 = re.compile(r"[A-Z]{3}")
_TSV_COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "wikidata")


@dataclass(frozen=True)
class ActorInfo:
    """What a mention resolves to, independent of any article."""

    name: str
    code: str | None
    country: str | None
    sector: str | None
    wikidata: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Role:
    """A position an actor held: ``start`` and ``end`` are inclusive; ``None`` leaves them open."""

    country: str | None
    sector: str | None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    code: str | None = None  # an IGO role's code ("IGOUNO"); else country + sector

    def holds_on(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)

    @property
    def actor_code(self) -> str | None:
        return self.code or ((self.country or "") + (self.sector or "")) or None


@dataclass(frozen=True)
class ActorRecord:
    """A person or organisation of the dictionary."""

    name: str
    kind: str  # "person" or "organisation"
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    roles: tuple[Role, ...] = ()

    def role_on(self, on: date | None) -> Role | None:
        """The role held on ``on`` (the latest-starting one); ``None`` date: the latest role.

        After the last role has ended the actor is a former office holder: an elite (ELI) of the
        country of its last national role.
        """
        if not self.roles:
            return None
        if on is None:
            return max(self.roles, key=_role_start)
        held = [r for r in self.roles if r.holds_on(on)]
        if held:
            return max(held, key=_role_start)
        past = [r for r in self.roles if r.end is not None and r.end < on and r.country not in (None, "IGO")]
        if past:
            last = max(past, key=lambda r: r.end)
            return Role(last.country, "ELI", f"former {last.role}" if last.role else "former official")
        future = min(self.roles, key=_role_start)
        return Role(future.country if future.country != "IGO" else None, None, None)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: str
    capital: str | None


@dataclass(frozen=True)
class Igo:
    code: str
    name: str
    wikidata: str | None = None


@dataclass(frozen=True)
class Region:
    name: str
    country: str


@dataclass(frozen=True)
class _Name:
    """One thing an alias can name."""

    kind: str  # one of NAME_KINDS
    target: Any  # ActorRecord, Igo, Region, or the ISO3 of a country/demonym/capital
    acronym: bool = False

    @property
    def rank(self) -> int:
        return NAME_KINDS.index(self.kind)


@dataclass(frozen=True)
class _Hit:
    """A lexicon match over words ``[start, end)``: names, or a sector term."""

    start: int
    end: int
    names: tuple[_Name, ...] = ()
    sector: str | None = None


@dataclass(frozen=True)
class _Resolution:
    info: ActorInfo
    key: tuple[str, str]  # what makes two mentions the same actor
    person: bool = False


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as matched against the lexicon, with their offsets in ``text``:
    accents folded, curly apostrophes made straight, possessive endings dropped ("Russia's": "Russia")."""
    text = _fold(text)
    spans = []
    for match in _WORD.finditer(text):
        start, end = match.span()
        word = match.group()
        if len(word) > 2 and word[-2] == "'" and word[-1] in "sS":
            word, end = word[:-2], end - 2
        spans.append((start, end, word))
    return spans


def split_words(text: str) -> list[str]:
    """The words of ``text`` as matched against the lexicon (see :func:`word_spans`)."""
    return [word for _, _, word in word_spans(text)]


def _fold(text: str) -> str:
    """``text`` with accents removed and apostrophes unified, keeping every character's offset."""
    text = text.translate(_APOSTROPHES)
    if text.isascii():
        return text
    return "".join(_fold_char(c) if ord(c) > 127 else c for c in text)


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFKD", char)
    return base[0] if len(base) > 1 and all(unicodedata.combining(c) for c in base[1:]) else char


def _role_start(role: Role) -> date:
    return role.start or date.min


def _alternatives(field: str) -> list[str]:
    return [a.strip() for a in field.split("|") if a.strip()]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= ACRONYM_MAX_LETTERS and all(c.isupper() for c in letters)


class ActorLexicon:
    """Countries, regions, IGOs, sector terms and dated actors, as alias tables."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.igos: list[Igo] = []
        self.regions: list[Region] = []
        self.records: dict[str, ActorRecord] = {}
        self._names: dict[str, tuple[_Name, ...]] = {}
        self._name_lengths: dict[str, int] = {}  # first word -> most words of an alias starting with it
        self._sectors: dict[str, str] = {}
        self._sector_lengths: dict[str, int] = {}

    # --- loading ---------------------------------------------------------------------------------

    @classmethod
    def load(cls, *, extra_files: Sequence[str | Path] = ()) -> ActorLexicon:
        """The packaged dictionaries, plus user actor files (YAML like actors.yaml, or TSV with the
        columns name, aliases, country, sector, start, end, wikidata). A user actor replaces a
        packaged one of the same name."""
        lexicon = cls()
        lexicon._read_countries(_data_text("countries.tsv"), "countries.tsv")
        lexicon._read_regions(_data_text("regions.tsv"), "regions.tsv")
        lexicon._read_igos(_data_text("igos.tsv"), "igos.tsv")
        lexicon._read_sectors(_data_text("sectors.tsv"), "sectors.tsv")
        for record in lexicon._parse_yaml(_data_text("actors.yaml"), "actors.yaml"):
            lexicon.records[record.name] = record
        for path in extra_files:
            for record in lexicon._read_actor_file(Path(path)):
                lexicon.records[record.name] = record
        lexicon._index()
        logger.debug(
            "actor lexicon: %d countries, %d IGOs, %d actors, %d aliases",
            len(lexicon.countries), len(lexicon.igos), len(lexicon.records), len(lexicon._names),
        )  # fmt: skip
        return lexicon

    def _read_countries(self, text: str, source: str) -> None:
        for line_no, fields in _tsv_rows(text, source, 7):
            iso3, iso2, name, aliases, demonyms, capital, capital_aliases = fields
            if not _ISO3.fullmatch(iso3) or not name:
                raise LexiconError(f"{source}:{line_no}: bad country row {fields!r}")
            self.countries[iso3] = Country(iso3, iso2, name, capital or None)
            for alias in [name, *_alternatives(aliases)]:
                self._add_name(alias, _Name("country", iso3))
            for alias in _alternatives(demonyms):
                self._add_name(alias, _Name("demonym", iso3))
            for alias in [capital, *_alternatives(capital_aliases)] if capital else []:
                self._add_name(alias, _Name("capital", iso3))

    def _read_regions(self, text: str, source: str) -> None:
        for line_no, (name, aliases, country, demonyms) in _tsv_rows(text, source, 4):
            if country not in self.countries or not name:
                raise LexiconError(f"{source}:{line_no}: unknown country {country!r} for region {name!r}")
            region = Region(name, country)
            self.regions.append(region)
            for alias in [name, *_alternatives(aliases)]:
                self._add_name(alias, _Name("region", region))
            for alias in _alternatives(demonyms):
                self._add_name(alias, _Name("demonym", country))

    def _read_igos(self, text: str, source: str) -> None:
        for line_no, (code, name, aliases, wikidata) in _tsv_rows(text, source, 4):
            if not re.fullmatch(r"IGO[A-Z]*", code) or not name or (wikidata and not _QID.fullmatch(wikidata)):
                raise LexiconError(f"{source}:{line_no}: bad IGO row {code!r} {name!r} {wikidata!r}")
            igo = Igo(code, name, wikidata or None)
            self.igos.append(igo)
            for alias in [name, *_alternatives(aliases)]:
                self._add_name(alias, _Name("igo", igo))

    def _read_sectors(self, text: str, source: str) -> None:
        for line_no, (term, sector) in _tsv_rows(text, source, 2):
            words = [w.lower() for w in split_words(term)]
            if not words or (sector != NO_SECTOR and sector not in SECTOR_PRECEDENCE):
                raise LexiconError(f"{source}:{line_no}: bad sector term {term!r} -> {sector!r}")
            key = " ".join(words)
            self._sectors[key] = sector
            self._sector_lengths[words[0]] = max(self._sector_lengths.get(words[0], 0), len(words))

    def _read_actor_file(self, path: Path) -> list[ActorRecord]:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise LexiconError(f"cannot read actor file {path}: {e}") from e
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            return self._parse_yaml(text, str(path))
        if suffix in (".tsv", ".tab", ".txt"):
            return self._parse_tsv(text, str(path))
        raise LexiconError(f"actor file {path} must be .yaml/.yml or .tsv")

    def _parse_yaml(self, text: str, source: str) -> list[ActorRecord]:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            entries = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        except (yaml.YAMLError, ValueError) as e:  # ValueError: a date-like scalar that is no date
            raise LexiconError(f"{source}: not valid YAML: {e}") from e
        if entries is None:
            return []
        if not isinstance(entries, list):
            raise LexiconError(f"{source}: expected a list of actors, got {type(entries).__name__}")
        return [self._record_from_mapping(entry, f"{source}: actor #{i}") for i, entry in enumerate(entries, 1)]

    def _record_from_mapping(self, entry: Any, where: str) -> ActorRecord:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise LexiconError(f"{where}: an actor needs a name")
        where = f"{where} ({entry['name']})"
        unknown = set(entry) - {"name", "kind", "aliases", "wikidata", "roles"}
        if unknown:
            raise LexiconError(f"{where}: unknown fields {sorted(unknown)}")
        kind = entry.get("kind") or "person"
        aliases = entry.get("aliases") or []
        roles = entry.get("roles") or []
        if kind not in ("person", "organisation"):
            raise LexiconError(f"{where}: kind must be person or organisation, not {kind!r}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise LexiconError(f"{where}: aliases must be a list of strings")
        if not isinstance(roles, list):
            raise LexiconError(f"{where}: roles must be a list")
        return ActorRecord(
            name=entry["name"].strip(),
            kind=kind,
            aliases=tuple(a.strip() for a in aliases if a.strip()),
            wikidata=self._check_qid(entry.get("wikidata"), where),
            roles=tuple(self._role_from_mapping(r, where) for r in roles),
        )

    def _role_from_mapping(self, role: Any, where: str) -> Role:
        if not isinstance(role, dict):
            raise LexiconError(f"{where}: a role must be a mapping, got {role!r}")
        unknown = set(role) - {"country", "sector", "role", "start", "end", "code"}
        if unknown:
            raise LexiconError(f"{where}: unknown role fields {sorted(unknown)}")
        return self._make_role(
            role.get("country"), role.get("sector"), role.get("role"), role.get("start"), role.get("end"),
            role.get("code"), where,
        )  # fmt: skip

    def _make_role(self, country, sector, title, start, end, code, where: str) -> Role:
        country = country or None
        sector = sector or None
        if country is not None and country != "IGO" and country not in self.countries:
            raise LexiconError(f"{where}: unknown country {country!r} (ISO3 or IGO)")
        if sector is not None and sector not in SECTOR_CODES:
            raise LexiconError(f"{where}: unknown sector {sector!r}")
        if code is not None and not (isinstance(code, str) and re.fullmatch(r"[A-Z]{3,15}", code)):
            raise LexiconError(f"{where}: bad actor code {code!r}")
        if country == "IGO" and code is None:
            raise LexiconError(f"{where}: an IGO role needs the IGO's code")
        start, end = _parse_date(start, where), _parse_date(end, where)
        if start and end and end < start:
            raise LexiconError(f"{where}: role ends ({end}) before it starts ({start})")
        return Role(country, sector, str(title) if title is not None else None, start, end, code)

    def _parse_tsv(self, text: str, source: str) -> list[ActorRecord]:
        rows: dict[str, list] = {}
        for line_no, fields in _tsv_rows(text, source, len(_TSV_COLUMNS), header=False):
            if line_no == 1 and fields[0].lower() == "name":
                continue
            name, aliases, country, sector, start, end, wikidata = fields
            where = f"{source}:{line_no}"
            if not name:
                raise LexiconError(f"{where}: empty name")
            role = self._make_role(country, sector, None, start or None, end or None, None, where)
            entry = rows.setdefault(name, [[], [], None])
            entry[0].extend(a for a in _alternatives(aliases) if a not in entry[0])
            entry[1].append(role)
            entry[2] = self._check_qid(wikidata or None, where) or entry[2]
        return [ActorRecord(name, "person", tuple(a), q, tuple(r)) for name, (a, r, q) in rows.items()]

    @staticmethod
    def _check_qid(value: Any, where: str) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not _QID.fullmatch(value):
            raise LexiconError(f"{where}: bad Wikidata id {value!r}")
        return value

    def _index(self) -> None:
        for record in self.records.values():
            for alias in (record.name, *record.aliases):
                self._add_name(alias, _Name("actor", record))
        for phrase in NOT_ACTOR_NAMES:
            self._add_name(phrase, _Name("none", None))

    def _add_name(self, alias: str, name: _Name) -> None:
        words = [w.lower() for w in split_words(alias)]
        if not words:
            return
        if _is_acronym(alias):
            name = dataclasses.replace(name, acronym=True)
        key = " ".join(words)
        existing = self._names.get(key, ())
        if name not in existing:
            self._names[key] = (*existing, name)
        self._name_lengths[words[0]] = max(self._name_lengths.get(words[0], 0), len(words))

    # --- matching --------------------------------------------------------------------------------

    def match(self, words: Sequence[str], *, capitalised: bool = False) -> list[_Hit]:
        """Greedy longest matches of names and sector terms over ``words`` (original case).

        With ``capitalised`` a name must start with a capital letter (running text: "turkey" is food).
        """
        keys = [w.lower() for w in words]
        hits: list[_Hit] = []
        i, n = 0, len(keys)
        name_lengths, sector_lengths = self._name_lengths, self._sector_lengths
        while i < n:
            key = keys[i]
            if key not in name_lengths and key not in sector_lengths:
                i += 1
                continue
            best: _Hit | None = None
            longest = name_lengths.get(key, 0)
            for j in range(min(n, i + longest), i, -1):
                names = self._names.get(" ".join(keys[i:j]))
                if names:
                    names = self._names_in_case(names, words, i, j, capitalised)
                    if names:
                        best = _Hit(i, j, names=names)
                        break
            longest = sector_lengths.get(key, 0)
            for j in range(min(n, i + longest), best.end if best else i, -1):
                sector = self._sectors.get(" ".join(keys[i:j]))
                if sector:
                    best = _Hit(i, j, sector=sector)
                    break
            if best is None:
                i += 1
            else:
                hits.append(best)
                i = best.end
        return hits

    @staticmethod
    def _names_in_case(names, words: Sequence[str], start: int, end: int, capitalised: bool):
        first = start + 1 if words[start].lower() == "the" and end - start > 1 else start
        if capitalised and not (words[first][0].isupper() or words[first][0].isdigit()):
            return ()
        upper = all(w.isupper() or not any(c.isalpha() for c in w) for w in words[start:end])
        return tuple(nm for nm in names if upper or not nm.acronym)

    # --- resolution ------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        on: date | None = None,
        context_country: str | None = None,
        metonymy: bool = False,
    ) -> ActorInfo | None:
        """Resolve a mention string ("Kremlin spokesman Dmitry Peskov", "Ukrainian lawmakers").

        ``on``: the report's date (roles are filtered by it; ``None``: each actor's latest role).
        ``context_country``: the country the report is about, given to separatists and rebels with no
        country of their own ("pro-Russian separatists" in a report on Ukraine are UKRREB).
        ``metonymy``: a bare capital stands for its government ("Moscow said": RUSGOV).
        """
        context = (context_country,) if context_country else ()
        resolution = self._resolve_words(split_words(text), text, on=on, context=context, metonymy=metonymy)
        return resolution.info if resolution else None

    def _resolve_words(
        self,
        words: Sequence[str],
        text: str,
        *,
        on: date | None,
        context: Sequence[str] = (),
        metonymy: bool = False,
        seen: frozenset[str] = frozenset(),
    ) -> _Resolution | None:
        hits = self.match(words)
        keys = [w.lower() for w in words]
        named = [(h, self._pick(h.names, on, seen)) for h in hits if h.names]
        named = [(h, nm) for h, nm in named if nm.kind != "none"]
        sector_hits = [h for h in hits if h.sector]
        actors = [(h, nm) for h, nm in named if nm.kind == "actor"]
        if actors:
            h, nm = max(actors, key=lambda x: (x[1].target.kind == "person", x[0].start))
            resolution = self._describe_record(nm.target, on)
            heads = [s for s in sector_hits if s.start >= h.end]
            group_sector = _pick_sector(heads, keys)
            country = resolution.info.country
            if not (resolution.person and group_sector and "," not in text and country not in (None, "IGO")):
                return resolution
            # "Putin's troops", "Biden administration officials": the person's country, not the person
            info = ActorInfo(_clean_name(text), country + group_sector, country, group_sector)
            return _Resolution(info, ("code", info.code))
        igos = [(h, nm) for h, nm in named if nm.kind == "igo"]
        sector = _pick_sector(sector_hits, keys)
        if igos:
            igo = igos[-1][1].target
            if sector == "MIL" and not igo.code.endswith("MIL"):  # "NATO troops", "UN peacekeepers"
                info = ActorInfo(_clean_name(text), igo.code + "MIL", "IGO", sector, igo.wikidata)
                return _Resolution(info, ("code", info.code))
            return _Resolution(ActorInfo(igo.name, igo.code, "IGO", sector, igo.wikidata), ("igo", igo.name))
        patrons: set[str] = set()
        places: list[_Name] = []
        for h, nm in named:
            iso3 = nm.target.country if nm.kind == "region" else nm.target
            if h.start > 0 and keys[h.start - 1] in PATRON_WORDS | OPPONENT_WORDS:
                patrons.add(iso3)
            else:
                places.append(nm)
        country = _country_of(places[0]) if places else None
        if country is None and (patrons or sector == "REB"):
            country = next((c for c in context if c not in patrons), None)
        if sector is None and metonymy and places and places[0].kind == "capital":
            sector = "GOV"
        if country is None and sector is None:
            return None
        code = (country or "") + (sector or "")
        if sector is None:
            place = places[0]
            if place.kind == "region":
                return _Resolution(ActorInfo(place.target.name, code, country, None), ("region", place.target.name))
            return _Resolution(ActorInfo(self.countries[country].name, code, country, None), ("code", code))
        return _Resolution(ActorInfo(_clean_name(text), code, country, sector), ("code", code))

    def _pick(self, names: tuple[_Name, ...], on: date | None, seen: frozenset[str]) -> _Name:
        """The best of several things one alias names: an actor already in the article, then one
        holding a role on the date, then by kind."""

        def score(nm: _Name):
            if nm.kind != "actor":
                return (nm.rank, 1, 1)
            record: ActorRecord = nm.target
            active = on is not None and any(r.holds_on(on) for r in record.roles)
            return (nm.rank, record.name not in seen, not active)

        return min(names, key=score) if len(names) > 1 else names[0]

    def _describe_record(self, record: ActorRecord, on: date | None) -> _Resolution:
        role = record.role_on(on)
        info = ActorInfo(
            record.name,
            role.actor_code if role else None,
            role.country if role else None,
            role.sector if role else None,
            record.wikidata,
            role.role if role else None,
        )
        return _Resolution(info, ("actor", record.name), person=record.kind == "person")

    def describe(self, name: _Name, *, on: date | None, seen: frozenset[str] = frozenset(), metonymy: bool = False):
        """The resolution of one lexicon name, as found in running text."""
        if name.kind == "actor":
            return self._describe_record(name.target, on)
        if name.kind == "igo":
            igo = name.target
            return _Resolution(ActorInfo(igo.name, igo.code, "IGO", None, igo.wikidata), ("igo", igo.name))
        if name.kind == "region":
            region = name.target
            return _Resolution(ActorInfo(region.name, region.country, region.country, None), ("region", region.name))
        if name.kind in ("country", "demonym", "capital"):
            country = self.countries[name.target]
            if name.kind == "capital" and metonymy:
                info = ActorInfo(country.capital or country.name, country.iso3 + "GOV", country.iso3, "GOV")
                return _Resolution(info, ("code", info.code))
            return _Resolution(ActorInfo(country.name, country.iso3, country.iso3, None), ("code", country.iso3))
        return None


def resolve_actor(
    lexicon: ActorLexicon, text: str, *, on: date | None = None, context_country: str | None = None
) -> ActorInfo | None:
    """Resolve a mention string with ``lexicon`` (for single sentences: ``eventwire code``)."""
    return lexicon.resolve(text, on=on, context_country=context_country)


def _country_of(name: _Name) -> str:
    return name.target.country if name.kind == "region" else name.target


def _pick_sector(sector_hits: Iterable[_Hit], keys: Sequence[str]) -> str | None:
    best: str | None = None
    for hit in sector_hits:
        sector = hit.sector
        if sector == NO_SECTOR:
            continue
        if hit.start > 0 and keys[hit.start - 1] in OPPONENT_WORDS:
            sector = "OPP" if sector == "GOV" else None
        if sector and (best is None or SECTOR_PRECEDENCE.index(sector) < SECTOR_PRECEDENCE.index(best)):
            best = sector
    if best in FORMER_SECTORS and FORMER_WORDS.intersection(keys):
        return "ELI"
    return best


def _clean_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    return " ".join(words) or text.strip()


def _parse_date(value: Any, where: str) -> date | None:
    if value is None or value == "" or (isinstance(value, str) and value.lower() in ("null", "none")):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as e:
        raise LexiconError(f"{where}: bad date {value!r} (YYYY-MM-DD)") from e


def _data_text(name: str) -> str:
    try:
        return (importlib.resources.files("eventwire") / "data" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"cannot read packaged data file {name}: {e}") from e


def _tsv_rows(text: str, source: str, columns: int, *, header: bool = True):
    """(line number, fields) of a TSV file; ``#`` lines and blank lines are skipped, as is the
    header when ``header``. Short rows are padded (trailing empty fields); long rows are errors."""
    seen_header = not header
    for line_no, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not seen_header:
            seen_header = True
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) > columns or len(fields) < 2:
            raise LexiconError(f"{source}:{line_no}: expected {columns} tab-separated columns, got {len(fields)}")
        yield line_no, fields + [""] * (columns - len(fields))


# --- the stage ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    """A stretch of tokens that may name an actor: a lexicon name, an unknown entity, a sector term."""

    start: int
    end: int
    name: _Name | None = None
    label: str | None = None  # PERSON/ORG for an entity the lexicon does not know
    sector: str | None = None

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


@dataclass(frozen=True)
class _Mention:
    start: int  # tokens
    end: int
    head: int
    resolution: _Resolution


class ActorResolver(Stage):
    """Find, resolve and merge the actors of an article."""

    name = "actors"
    requires = frozenset({"doc", "entities"})
    provides = frozenset({"actors"})

    def __init__(self, *, lexicon: ActorLexicon | None = None, extra_files: Sequence[str | Path] = ()) -> None:
        self.lexicon = lexicon if lexicon is not None else ActorLexicon.load(extra_files=extra_files)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            raise ProcessingError(f"{article.doc_id}: the actors stage needs the spaCy doc (run the nlp stage first)")
        candidates, context = self._candidates(article, doc)
        mentions = self._mentions(doc, candidates, context, article.meta.published)
        return article.replace(actors=self._merge(article, doc, mentions))

    # --- finding ---------------------------------------------------------------------------------

    def _candidates(self, article: Article, doc) -> tuple[list[_Candidate], tuple[str, ...]]:
        spans = word_spans(article.text)
        words = [word for _, _, word in spans]
        names: list[_Candidate] = []
        sectors: list[_Candidate] = []
        countries: Counter[str] = Counter()
        for hit in self.lexicon.match(words, capitalised=True):
            tokens = doc.char_span(spans[hit.start][0], spans[hit.end - 1][1], alignment_mode="expand")
            if tokens is None:
                continue
            start, end = tokens.start, tokens.end
            if hit.sector:
                if hit.sector != NO_SECTOR:
                    sectors.append(_Candidate(start, end, sector=hit.sector))
                continue
            name = self.lexicon._pick(hit.names, article.meta.published, frozenset())
            if name.kind == "none":
                continue
            names.append(_Candidate(start, end, name=name))
            if name.kind in CONTEXT_WEIGHTS:
                if not (hit.start > 0 and words[hit.start - 1].lower() in PATRON_WORDS | OPPONENT_WORDS):
                    countries[_country_of(name)] += CONTEXT_WEIGHTS[name.kind]
        entities, covered = self._unknown_entities(article, doc, names)
        taken = [c for c in names if c not in covered] + entities
        taken += _surnames_of_unknown_people(article.text, doc, taken)
        sectors = [s for s in sectors if not any(c.start < s.end and s.start < c.end for c in taken)]
        candidates = sorted(taken + sectors, key=lambda c: c.start)
        return candidates, tuple(c for c, _ in countries.most_common())

    @staticmethod
    def _unknown_entities(article: Article, doc, names: list[_Candidate]):
        """PERSON/ORG entities the lexicon does not cover, and the lexicon names inside them, which
        give way to the entity when they are only places ("George Washington", "Ukraine's Foreign
        Ministry")."""
        found: list[_Candidate] = []
        covered: set[_Candidate] = set()
        for entity in article.entities:
            if entity.label not in ENTITY_LABELS:
                continue
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            start, end = span.start, span.end
            while start < end - 1 and doc[start].lower_ in LEADING_WORDS:
                start += 1
            overlapping = [c for c in names if c.start < end and start < c.end]
            inside = [c for c in overlapping if start <= c.start and c.end <= end]
            if (
                len(inside) < len(overlapping)
                or any((c.start, c.end) == (start, end) for c in inside)
                or any(c.name.kind in ("actor", "igo") for c in inside)
            ):
                continue
            covered.update(inside)
            found.append(_Candidate(start, end, label=entity.label))
        return found, covered

    # --- resolving -------------------------------------------------------------------------------

    def _mentions(self, doc, candidates: list[_Candidate], context: tuple[str, ...], on: date | None):
        groups: dict[int, list[_Candidate]] = {}
        for candidate in candidates:
            groups.setdefault(_phrase_head(doc, candidate).i, []).append(candidate)
        mentions: list[_Mention] = []
        for head_i, group in groups.items():
            head = doc[head_i]
            owner = next((c for c in group if c.contains(head_i)), None)
            if owner is not None:
                mention = self._resolve_phrase(doc, head, owner, group, context, on)
                if mention is not None:
                    mentions.append(mention)
            elif head.lower_ in COUNTRY_HEADS and any(c.name and c.name.kind in ("country", "demonym") for c in group):
                mention = self._resolve_group(doc, head, group, context, on)
                if mention is not None:
                    mentions.append(mention)
            else:
                mentions.extend(self._standalone(doc, c, context, on) for c in group if self._stands_alone(doc, c))
        mentions = [m for m in mentions if m is not None]
        accepted: list[_Mention] = []
        for mention in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
            if not any(a.start < mention.end and mention.start < a.end for a in accepted):
                accepted.append(mention)
        return self._link_appositions(doc, sorted(accepted, key=lambda m: m.start))

    def _resolve_phrase(self, doc, head, owner: _Candidate, group, context, on) -> _Mention | None:
        """The noun phrase headed by ``head``, which lies inside ``owner``."""
        left = _phrase_left(doc, head, owner.start)
        if owner.name is not None:
            kind = owner.name.kind
            if kind in ("actor", "igo"):
                start = _skip_leading(doc, left, owner.end)
                return _Mention(start, owner.end, head.i, self.lexicon.describe(owner.name, on=on))
            if kind == "capital":
                role = _capital_role(head)
                if role is None:
                    return None
                resolution = self.lexicon.describe(owner.name, on=on, metonymy=role == "government")
                return _Mention(owner.start, owner.end, head.i, resolution)
            if kind == "region" and head.dep_ not in REGION_ACTOR_DEPS:
                return None
            return _Mention(owner.start, owner.end, head.i, self.lexicon.describe(owner.name, on=on))
        if owner.label == "PERSON":
            return self._unknown_person(doc, head, owner, left, context, on)
        if owner.label == "ORG":
            return self._unknown_org(doc, head, owner, left, context, on)
        return self._resolve_group(doc, head, group, context, on, end=owner.end)

    def _resolve_group(self, doc, head, group, context, on, *, end: int | None = None) -> _Mention | None:
        """A phrase headed by a sector term ("Ukrainian lawmakers", "the two rebel leaders")."""
        end = end or head.i + 1
        left = _phrase_left(doc, head, head.i)
        resolution = self._resolve_span(doc, left, end, context, on)
        if resolution is None:
            return None
        return _Mention(_skip_leading(doc, left, end), end, head.i, resolution)

    def _resolve_span(self, doc, start: int, end: int, context, on) -> _Resolution | None:
        if start >= end:
            return None
        text = doc[start:end].text
        return self.lexicon._resolve_words(split_words(text), text, on=on, context=context)

    def _unknown_person(self, doc, head, owner, left, context, on) -> _Mention:
        name = doc[owner.start : owner.end].text
        title = self._resolve_span(doc, left, owner.start, context, on)
        title_info = title.info if title and title.key[0] == "code" else None
        info = ActorInfo(
            name,
            title_info.code if title_info else None,
            title_info.country if title_info else None,
            title_info.sector if title_info else None,
        )
        key = ("person", " ".join(w.lower() for w in split_words(name)))
        return _Mention(_skip_leading(doc, left, owner.end), owner.end, head.i, _Resolution(info, key, person=True))

    def _unknown_org(self, doc, head, owner, left, context, on) -> _Mention:
        name = _clean_name(doc[owner.start : owner.end].text)
        resolution = self._resolve_span(doc, left, owner.end, context, on)
        if resolution is not None and resolution.key[0] in ("actor", "igo"):
            pass
        elif resolution is not None and resolution.info.sector is not None:
            resolution = _Resolution(dataclasses.replace(resolution.info, name=name), ("org", name.lower()))
        else:
            resolution = _Resolution(ActorInfo(name, None, None, None), ("org", name.lower()))
        return _Mention(_skip_leading(doc, left, owner.end), owner.end, head.i, resolution)

    @staticmethod
    def _stands_alone(doc, candidate: _Candidate) -> bool:
        """Whether a name that modifies an ordinary noun is an actor by itself ("NATO membership",
        "Russia's invasion"), unlike "Russian gas" or "Ukraine crisis"."""
        if candidate.name is None:
            return candidate.label is not None
        kind = candidate.name.kind
        if kind in ("actor", "igo"):
            return True
        dep = _root(doc, candidate).dep_
        return (kind in ("country", "capital") and dep == "poss") or (kind == "region" and dep == "poss")

    def _standalone(self, doc, candidate: _Candidate, context, on) -> _Mention | None:
        head = _root(doc, candidate)
        if candidate.name is not None:
            metonymy = candidate.name.kind == "capital"
            resolution = self.lexicon.describe(candidate.name, on=on, metonymy=metonymy)
            return _Mention(candidate.start, candidate.end, head.i, resolution) if resolution else None
        if candidate.label == "PERSON":
            return self._unknown_person(doc, head, candidate, candidate.start, context, on)
        return self._unknown_org(doc, head, candidate, candidate.start, context, on)

    @staticmethod
    def _link_appositions(doc, mentions: list[_Mention]) -> list[_Mention]:
        """"Dmitry Peskov, the Kremlin spokesman": the title phrase is another mention of the person."""
        by_head = {m.head: i for i, m in enumerate(mentions)}
        linked = list(mentions)
        for i, mention in enumerate(mentions):
            head = doc[mention.head]
            if head.dep_ != "appos" or head.head.i not in by_head:
                continue
            j = by_head[head.head.i]
            a, b = linked[j], linked[i]
            person, other = (a, b) if a.resolution.person else (b, a) if b.resolution.person else (None, None)
            if person is None or other.resolution.person or other.resolution.key[0] in ("region",):
                continue
            if other.resolution.info.sector is None and other.resolution.key[0] == "code":
                continue  # a bare country in apposition
            info = person.resolution.info
            if info.code is None:
                other_info = other.resolution.info
                info = dataclasses.replace(info, code=other_info.code, country=other_info.country, sector=other_info.sector)
            resolution = _Resolution(info, person.resolution.key, person=True)
            linked[j] = dataclasses.replace(a, resolution=resolution)
            linked[i] = dataclasses.replace(b, resolution=resolution)
        return linked

    # --- merging ---------------------------------------------------------------------------------

    @staticmethod
    def _merge(article: Article, doc, mentions: list[_Mention]) -> tuple[Actor, ...]:
        """One actor per key, in order of first mention; a lone surname joins an earlier full name."""
        surnames: dict[str, tuple[str, str]] = {}
        keyed: list[tuple[tuple[str, str], _Mention]] = []
        for mention in mentions:
            key = mention.resolution.key
            if key[0] in ("person", "org") and " " not in key[1] and key[1] in surnames:
                key = surnames[key[1]]
            elif key[0] == "person" and " " in key[1]:
                surnames.setdefault(key[1].rsplit(" ", 1)[1], key)
            keyed.append((key, mention))
        order: dict[tuple[str, str], list[_Mention]] = {}
        for key, mention in keyed:
            order.setdefault(key, []).append(mention)
        actors = []
        for number, group in enumerate(order.values(), 1):
            info = next((m.resolution.info for m in group if m.resolution.info.code), group[0].resolution.info)
            spans = tuple(
                article.span(doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1].text)) for m in group
            )
            actors.append(Actor(f"a{number}", info.name, info.code, info.country, info.sector, info.wikidata, spans))
        return tuple(actors)


def _surnames_of_unknown_people(text: str, doc, taken: list[_Candidate]) -> list[_Candidate]:
    """Later mentions, by surname alone, of people the lexicon does not know and NER missed:
    "Marie Fontclaire ... Fontclaire said"."""
    people = [c for c in taken if c.label == "PERSON" and c.end - c.start > 1]
    surnames = {doc[c.end - 1].text: doc[c.end - 1].idx for c in people}
    busy = {i for c in taken for i in range(c.start, c.end)}
    found = []
    for surname, first in surnames.items():
        if not surname.istitle():
            continue
        for match in re.finditer(r"\b" + re.escape(surname) + r"\b", text[first:]):
            span = doc.char_span(first + match.start(), first + match.end())
            if span is not None and len(span) == 1 and span.start not in busy:
                found.append(_Candidate(span.start, span.end, label="PERSON"))
    return found


def _root(doc, candidate: _Candidate):
    """The token of the candidate whose head lies outside it."""
    for token in doc[candidate.start : candidate.end]:
        if token.head.i == token.i or not candidate.contains(token.head.i):
            return token
    return doc[candidate.end - 1]


def _phrase_head(doc, candidate: _Candidate):
    """The head noun of the phrase the candidate belongs to ("troops" for "Russian" in "Russian troops")."""
    token = _root(doc, candidate)
    for _ in range(6):
        if token.dep_ not in MODIFIER_DEPS or token.head.i == token.i:
            break
        token = token.head
    return token


def _capital_role(token) -> str | None:
    """"government" where a capital stands for its government, "country" where it is the other party
    of an event, None where it is only a place ("in Moscow")."""
    if token.dep_ in METONYMY_DEPS:
        return "government"
    if token.dep_ in CAPITAL_TARGET_DEPS or (
        token.dep_ == "pobj" and token.head.lower_ in CAPITAL_TARGET_PREPOSITIONS
    ):
        return "country"
    return None


def _phrase_left(doc, head, start: int) -> int:
    """The first token of the noun phrase of ``head`` (its left modifiers), at most ``start``."""
    left = start
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    return left


def _skip_leading(doc, start: int, end: int) -> int:
    while start < end - 1 and (doc[start].lower_ in LEADING_WORDS or doc[start].is_punct or doc[start].dep_ == "case"):
        start += 1
    return start
