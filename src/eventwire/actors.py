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

Matching never scans the text once per lexicon entry: each word of the document is looked up in a set
of alias prefixes, and a match is extended word by word only while it is still a prefix.
"""

from __future__ import annotations

import dataclasses
import importlib.resources
import logging
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

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
CAPITAL_TARGET_PREPOSITIONS = frozenset({"with", "against", "by", "between", "on"})
#: A region in these roles is a party to an event ("Russia annexed Crimea"), not only a place.
REGION_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "dobj"})
#: How much a name of a place counts towards the country a report is about (rebels with no country
#: of their own are coded with it): places count more than nationalities of people.
CONTEXT_WEIGHTS = MappingProxyType({"region": 3, "country": 2, "capital": 2, "demonym": 1})
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
#: Words that may precede a known person's name inside a PERSON entity ("Mr Biden", "President Xi").
TITLE_WORDS = frozenset({
    "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "madam", "president", "premier", "minister",
    "chancellor", "king", "queen", "prince", "general", "gen", "senator", "sen", "rep", "secretary", "pope",
})  # fmt: skip
LEADING_WORDS = frozenset({"the", "a", "an"})
#: Aliases of at most this many letters, written in capitals, only match in capitals ("US", "WHO").
ACRONYM_MAX_LETTERS = 3
#: Kinds of lexicon names, best first when one alias names several things.
NAME_KINDS = ("actor", "igo", "country", "region", "demonym", "capital", "none")

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")
_POSSESSIVE = re.compile(r"'s\b", re.IGNORECASE)
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


class _Hit(NamedTuple):  # a tuple, not a dataclass: made for every match, it must be cheap
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


def word_spans(text: str) -> list[re.Match]:
    """The words of ``text`` as matched against the lexicon, as matches whose offsets are those of
    ``text``: accents folded, curly apostrophes made straight, possessive endings dropped."""
    return list(_WORD.finditer(_POSSESSIVE.sub("  ", _fold(text))))


def split_words(text: str) -> list[str]:
    """The words of ``text`` as matched against the lexicon (see :func:`word_spans`)."""
    return [match.group() for match in word_spans(text)]


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
        self._sectors: dict[str, str] = {}
        self._prefixes: set[str] = set()  # every alias and term, and the word prefixes of each

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
            self._sectors[" ".join(words)] = sector
            self._add_prefixes(words)

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
        if len(words) > 1 and words[0] == "the":  # "the Kremlin" is found at "Kremlin"
            words = words[1:]
        if not words:
            return
        if _is_acronym(alias):
            name = dataclasses.replace(name, acronym=True)
        key = " ".join(words)
        existing = self._names.get(key, ())
        if name not in existing:
            self._names[key] = (*existing, name)
        self._add_prefixes(words)

    def _add_prefixes(self, words: list[str]) -> None:
        for n in range(1, len(words) + 1):
            self._prefixes.add(" ".join(words[:n]))

    # --- matching --------------------------------------------------------------------------------

    def match(self, words: Sequence[str], *, capitalised: bool = False) -> list[_Hit]:
        """Greedy longest matches of names and sector terms over ``words`` (original case).

        With ``capitalised`` a name must start with a capital letter (running text: "turkey" is food).
        """
        keys = [w.lower() for w in words]
        names_table, sectors_table = self._names, self._sectors
        hits: list[_Hit] = []
        end = 0
        for i in [i for i, key in enumerate(keys) if key in self._prefixes]:
            if i < end:
                continue
            best: _Hit | None = None
            for j in reversed(_ends_of_matches(keys, i, names_table, self._prefixes)):
                names = self._names_in_case(names_table[" ".join(keys[i:j])], words, i, j, capitalised)
                if names:
                    best = _Hit(i, j, names=names)
                    break
            sector_ends = _ends_of_matches(keys, i, sectors_table, self._prefixes)
            if sector_ends and sector_ends[-1] > (best.end if best else i):
                best = _Hit(i, sector_ends[-1], sector=sectors_table[" ".join(keys[i : sector_ends[-1]])])
            if best is not None:
                hits.append(best)
                end = best.end
        return hits

    @staticmethod
    def _names_in_case(names, words: Sequence[str], start: int, end: int, capitalised: bool):
        if capitalised and not (words[start][0].isupper() or words[start][0].isdigit()):
            return ()
        if not any(nm.acronym for nm in names) or all(w.isupper() for w in words[start:end]):
            return names
        return tuple(nm for nm in names if not nm.acronym)

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
        words = split_words(text)
        keys = [w.lower() for w in words]
        resolution = self.decide(self.match(words), keys, text, on=on, context=context, metonymy=metonymy)
        return resolution.info if resolution else None

    def decide(
        self,
        hits: Sequence[_Hit],
        keys: Sequence[str],
        text: str,
        *,
        on: date | None,
        context: Sequence[str] = (),
        metonymy: bool = False,
    ) -> _Resolution | None:
        """What the phrase ``text`` (lower-case words ``keys``, lexicon ``hits`` over them) names:
        a known actor (the rightmost, people before organisations), else an IGO, else a country
        (from a country, region, capital or nationality) with a sector (from the sector terms)."""
        named = [(h, self.pick(h.names, on)) for h in hits if h.names]
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
            return _Resolution(ActorInfo(igo.name, igo.code, "IGO", None, igo.wikidata), ("igo", igo.name))
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

    @staticmethod
    def pick(names: tuple[_Name, ...], on: date | None) -> _Name:
        """The best of several things one alias names: by kind, then an actor in office on ``on``."""
        if len(names) == 1:
            return names[0]

        def score(nm: _Name) -> tuple[int, bool]:
            in_office = nm.kind == "actor" and on is not None and any(r.holds_on(on) for r in nm.target.roles)
            return (nm.rank, not in_office)

        return min(names, key=score)

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

    def describe(self, name: _Name, *, on: date | None, metonymy: bool = False) -> _Resolution | None:
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


def _ends_of_matches(keys: Sequence[str], start: int, table: dict, prefixes: set[str]) -> list[int]:
    """Where the entries of ``table`` that start at word ``start`` end, shortest first."""
    ends = []
    phrase = keys[start]
    end = start + 1
    while True:
        if phrase in table:
            ends.append(end)
        if end == len(keys):
            return ends
        phrase = f"{phrase} {keys[end]}"
        if phrase not in prefixes:
            return ends
        end += 1


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


class _Candidate(NamedTuple):
    """A stretch of tokens that may name an actor: a lexicon name, an unknown entity, a sector term."""

    start: int
    end: int
    name: _Name | None = None
    label: str | None = None  # PERSON/ORG for an entity the lexicon does not know
    sector: str | None = None

    def contains(self, i: int) -> bool:
        return self.start <= i < self.end


class _Mention(NamedTuple):
    start: int  # tokens
    end: int
    head: int
    resolution: _Resolution


class _Parse:
    """The parse as plain lists, read from the spaCy doc in one array copy (token objects are costly)."""

    def __init__(self, doc, text: str, lexicon: ActorLexicon, labels: dict[int, str]) -> None:
        from spacy.attrs import DEP, HEAD, IDX, LENGTH

        self.text = text
        matches = word_spans(text)
        self.words = [m.group() for m in matches]
        self.keys = [w.lower() for w in self.words]
        self.word_starts = [m.start() for m in matches]
        self.word_ends = [m.end() for m in matches]
        self.hits = lexicon.match(self.words, capitalised=True)
        self._hit_starts = [h.start for h in self.hits]
        rows = doc.to_array([HEAD, DEP, IDX, LENGTH]).tolist()
        # HEAD is the offset to the head, stored unsigned: a head to the left comes out as 2**64 - offset
        self.heads: list[int] = [i + (row[0] - 2**64 if row[0] >= 2**63 else row[0]) for i, row in enumerate(rows)]
        for label_id in {row[1] for row in rows}.difference(labels):
            labels[label_id] = doc.vocab.strings[label_id]
        self.deps: list[str] = [labels[row[1]] for row in rows]
        self.starts: list[int] = [row[2] for row in rows]
        self.ends: list[int] = [row[2] + row[3] for row in rows]
        self._lefts: dict[int, list[int]] = {}
        for i, head in enumerate(self.heads):
            if head > i:
                self._lefts.setdefault(head, []).append(i)

    def lower(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]].lower()

    def is_punct(self, i: int) -> bool:
        return not any(c.isalnum() for c in self.text[self.starts[i] : self.ends[i]])

    def lefts(self, i: int) -> list[int]:
        return self._lefts.get(i, [])

    def left_edge(self, i: int) -> int:
        lefts = self._lefts.get(i)
        return self.left_edge(lefts[0]) if lefts else i  # the leftmost child's own left edge

    def tokens(self, start_char: int, end_char: int) -> tuple[int, int] | None:
        """The tokens covering characters ``[start_char, end_char)``."""
        start = bisect_right(self.starts, start_char) - 1
        end = bisect_left(self.ends, end_char) + 1
        return (max(start, 0), end) if end <= len(self.starts) and start < end else None

    def phrase_words(self, start: int, end: int) -> tuple[list[_Hit], list[str]]:
        """The lexicon hits and lower-case words of tokens ``[start, end)``, numbered from 0."""
        lo = bisect_left(self.word_starts, self.starts[start])
        hi = bisect_right(self.word_ends, self.ends[end - 1])
        hits = []
        for k in range(bisect_left(self._hit_starts, lo), len(self.hits)):
            hit = self.hits[k]
            if hit.start >= hi:
                break
            if hit.end <= hi:
                hits.append(_Hit(hit.start - lo, hit.end - lo, hit.names, hit.sector))
        return hits, self.keys[lo:hi]

    def phrase_text(self, start: int, end: int) -> str:
        return self.text[self.starts[start] : self.ends[end - 1]]

    def root(self, candidate: _Candidate) -> int:
        """The token of the candidate whose head lies outside it."""
        for i in range(candidate.start, candidate.end):
            if self.heads[i] == i or not candidate.contains(self.heads[i]):
                return i
        return candidate.end - 1

    def phrase_head(self, candidate: _Candidate) -> int:
        """The head noun of the candidate's phrase ("troops" for "Russian" in "Russian troops")."""
        i = self.root(candidate)
        for _ in range(6):
            if self.deps[i] not in MODIFIER_DEPS or self.heads[i] == i:
                break
            i = self.heads[i]
        return i

    def phrase_left(self, head: int, start: int) -> int:
        """The first token of the noun phrase of ``head`` (its left modifiers), at most ``start``."""
        return min([start, *(self.left_edge(c) for c in self.lefts(head) if self.deps[c] in NP_LEFT_DEPS)])

    def skip_leading(self, start: int, end: int) -> int:
        """Past determiners and punctuation at the start of a phrase."""
        while start < end - 1 and (self.lower(start) in LEADING_WORDS or self.is_punct(start) or self.deps[start] == "case"):
            start += 1
        return start

    def capital_role(self, i: int) -> str | None:
        """"government" where a capital stands for its government, "country" where it is the other
        party of an event ("accused Washington"), None where it is a place ("in Moscow")."""
        dep = self.deps[i]
        if dep in METONYMY_DEPS:
            return "government"
        if dep in CAPITAL_TARGET_DEPS or (dep == "pobj" and self.lower(self.heads[i]) in CAPITAL_TARGET_PREPOSITIONS):
            return "country"
        return None


class ActorResolver(Stage):
    """Find, resolve and merge the actors of an article."""

    name = "actors"
    requires = frozenset({"doc", "entities"})
    provides = frozenset({"actors"})

    def __init__(self, *, lexicon: ActorLexicon | None = None, extra_files: Sequence[str | Path] = ()) -> None:
        self.lexicon = lexicon if lexicon is not None else ActorLexicon.load(extra_files=extra_files)
        self._dependency_labels: dict[int, str] = {}  # spaCy string ids of dependency labels

    def __call__(self, article: Article) -> Article:
        if article.doc is None:
            raise ProcessingError(f"{article.doc_id}: the actors stage needs the spaCy doc (run the nlp stage first)")
        parse = _Parse(article.doc, article.text, self.lexicon, self._dependency_labels)
        candidates, context = self._candidates(article, parse)
        mentions = self._mentions(parse, candidates, context, article.meta.published)
        return article.replace(actors=_merge(article, parse, mentions))

    # --- finding ---------------------------------------------------------------------------------

    def _candidates(self, article: Article, parse: _Parse) -> tuple[list[_Candidate], tuple[str, ...]]:
        """Lexicon names, unknown PERSON/ORG entities and sector terms; and the countries of the
        report, most named first."""
        names: list[_Candidate] = []
        sectors: list[_Candidate] = []
        countries: Counter[str] = Counter()
        for hit in parse.hits:
            tokens = parse.tokens(parse.word_starts[hit.start], parse.word_ends[hit.end - 1])
            if tokens is None:
                continue
            if hit.sector:
                if hit.sector != NO_SECTOR:
                    sectors.append(_Candidate(*tokens, sector=hit.sector))
                continue
            name = self.lexicon.pick(hit.names, article.meta.published)
            if name.kind == "none":
                continue
            names.append(_Candidate(*tokens, name=name))
            patron = hit.start > 0 and parse.keys[hit.start - 1] in PATRON_WORDS | OPPONENT_WORDS
            if name.kind in CONTEXT_WEIGHTS and not patron:
                countries[_country_of(name)] += CONTEXT_WEIGHTS[name.kind]
        entities, covered = _unknown_entities(article, parse, names)
        taken = [c for k, c in enumerate(names) if k not in covered] + entities
        taken += _surnames_of_unknown_people(parse, taken)
        busy = _occupied(parse, taken)
        sectors = [c for c in sectors if not any(busy[c.start : c.end])]
        return sorted(taken + sectors, key=lambda c: c.start), tuple(c for c, _ in countries.most_common())

    # --- resolving -------------------------------------------------------------------------------

    def _mentions(self, parse: _Parse, candidates: list[_Candidate], context: tuple[str, ...], on: date | None):
        """One mention per noun phrase; the candidates that modify a phrase's head belong to it."""
        groups: dict[int, list[_Candidate]] = {}
        for candidate in candidates:
            groups.setdefault(parse.phrase_head(candidate), []).append(candidate)
        mentions: list[_Mention | None] = []
        for head, group in groups.items():
            owner = next((c for c in group if c.contains(head)), None)
            if owner is not None:
                mentions.append(self._resolve_phrase(parse, head, owner, context, on))
            elif parse.lower(head) in COUNTRY_HEADS and any(c.name and c.name.kind in ("country", "demonym") for c in group):
                mentions.append(self._resolve_group(parse, head, head + 1, context, on))
            else:
                mentions.extend(self._standalone(parse, c, context, on) for c in group if _stands_alone(parse, c))
        accepted: list[_Mention] = []
        busy = bytearray(len(parse.heads))
        for mention in sorted(filter(None, mentions), key=lambda m: (m.start - m.end, m.start)):
            if not any(busy[mention.start : mention.end]):  # the longer of two overlapping mentions
                accepted.append(mention)
                busy[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        return _link_appositions(parse, sorted(accepted, key=lambda m: m.start))

    def _resolve_phrase(self, parse: _Parse, head: int, owner: _Candidate, context, on) -> _Mention | None:
        """The noun phrase headed by ``head``, which lies inside ``owner``."""
        left = parse.phrase_left(head, owner.start)
        if owner.label == "PERSON":
            return self._unknown_person(parse, head, owner, left, context, on)
        if owner.label == "ORG":
            return self._unknown_org(parse, head, owner, left, context, on)
        if owner.name is None:
            return self._resolve_group(parse, head, owner.end, context, on)
        kind = owner.name.kind
        if kind in ("actor", "igo"):
            start = parse.skip_leading(left, owner.end)
            return _Mention(start, owner.end, head, self.lexicon.describe(owner.name, on=on))
        if kind == "capital":
            role = parse.capital_role(head)
            if role is None:
                return None
            resolution = self.lexicon.describe(owner.name, on=on, metonymy=role == "government")
            return _Mention(owner.start, owner.end, head, resolution)
        if kind == "region" and parse.deps[head] not in REGION_ACTOR_DEPS:
            return None
        return _Mention(owner.start, owner.end, head, self.lexicon.describe(owner.name, on=on))

    def _resolve_group(self, parse: _Parse, head: int, end: int, context, on) -> _Mention | None:
        """A phrase headed by a sector term ("Ukrainian lawmakers", "the two rebel leaders")."""
        left = parse.phrase_left(head, head)
        resolution = self._resolve_span(parse, left, end, context, on)
        if resolution is None:
            return None
        if resolution.key[0] == "code" and resolution.info.country is None:
            # no country: "police" and "officials" of unknown allegiance are not one actor
            resolution = _Resolution(resolution.info, ("group", f"{resolution.info.code}/{parse.lower(head)}"))
        return _Mention(parse.skip_leading(left, end), end, head, resolution)

    def _resolve_span(self, parse: _Parse, start: int, end: int, context, on) -> _Resolution | None:
        if start >= end:
            return None
        hits, keys = parse.phrase_words(start, end)
        return self.lexicon.decide(hits, keys, parse.phrase_text(start, end), on=on, context=context)

    def _unknown_person(self, parse: _Parse, head: int, owner: _Candidate, left: int, context, on) -> _Mention:
        """A person the lexicon does not know, coded from a title if any ("French diplomat X")."""
        name = parse.phrase_text(owner.start, owner.end)
        title = self._resolve_span(parse, left, owner.start, context, on)
        title = title.info if title and title.key[0] == "code" else ActorInfo(name, None, None, None)
        info = ActorInfo(name, title.code, title.country, title.sector)
        key = ("person", " ".join(w.lower() for w in split_words(name)))
        return _Mention(parse.skip_leading(left, owner.end), owner.end, head, _Resolution(info, key, person=True))

    def _unknown_org(self, parse: _Parse, head: int, owner: _Candidate, left: int, context, on) -> _Mention:
        """An organisation the lexicon does not know: coded only when its name says what it is
        ("Ukraine's Foreign Ministry")."""
        name = _clean_name(parse.phrase_text(owner.start, owner.end))
        resolution = self._resolve_span(parse, left, owner.end, context, on)
        if resolution is None or resolution.key[0] not in ("actor", "igo"):
            sector = resolution.info.sector if resolution else None
            info = dataclasses.replace(resolution.info, name=name) if sector else ActorInfo(name, None, None, None)
            resolution = _Resolution(info, ("org", name.lower()))
        return _Mention(parse.skip_leading(left, owner.end), owner.end, head, resolution)

    def _standalone(self, parse: _Parse, candidate: _Candidate, context, on) -> _Mention | None:
        """A name that modifies an ordinary noun but is an actor by itself ("Russia's decision")."""
        root = parse.root(candidate)
        if candidate.label == "PERSON":
            return self._unknown_person(parse, root, candidate, candidate.start, context, on)
        if candidate.label == "ORG":
            return self._unknown_org(parse, root, candidate, candidate.start, context, on)
        resolution = self.lexicon.describe(candidate.name, on=on, metonymy=candidate.name.kind == "capital")
        return _Mention(candidate.start, candidate.end, root, resolution) if resolution else None


def _unknown_entities(article: Article, parse: _Parse, names: list[_Candidate]):
    """PERSON/ORG entities the lexicon does not cover, and the lexicon names inside them, which give
    way to the entity when they are only places ("George Washington", "Ukraine's Foreign Ministry")."""
    found: list[_Candidate] = []
    covered: set[int] = set()  # indices into names
    name_at: dict[int, int] = {i: k for k, c in enumerate(names) for i in range(c.start, c.end)}
    for entity in article.entities:
        tokens = parse.tokens(entity.start, entity.end) if entity.label in ENTITY_LABELS else None
        if tokens is None:
            continue
        start, end = tokens
        while start < end - 1 and parse.lower(start) in LEADING_WORDS:
            start += 1
        overlapping = set(name_at[i] for i in range(start, end) if i in name_at)
        inside = [k for k in overlapping if start <= names[k].start and names[k].end <= end]
        if len(inside) < len(overlapping) or any(
            (names[k].start, names[k].end) == (start, end)
            or (names[k].name.kind in ("actor", "igo") and not _other_person(entity.label, parse, names[k], start, end))
            for k in inside
        ):
            continue
        covered.update(inside)
        found.append(_Candidate(start, end, label=entity.label))
    return found, covered


def _other_person(label: str, parse: _Parse, name: _Candidate, start: int, end: int) -> bool:
    """Whether a PERSON entity names someone else than the known person inside it: "Hunter Biden"
    is not Joe Biden, but "Mr Biden" is."""
    if label != "PERSON" or name.name.kind != "actor" or name.name.target.kind != "person":
        return False
    extra = [i for i in range(start, end) if not name.contains(i) and not parse.is_punct(i)]
    return any(parse.lower(i) not in TITLE_WORDS for i in extra)


def _surnames_of_unknown_people(parse: _Parse, taken: list[_Candidate]) -> list[_Candidate]:
    """Later mentions, by surname alone, of people the lexicon does not know and NER missed:
    "Marie Fontclaire ... Fontclaire said"."""
    surnames: dict[str, int] = {}
    for c in taken:
        if c.label == "PERSON" and c.end - c.start > 1:
            surname = parse.phrase_text(c.end - 1, c.end)
            if surname.istitle():
                surnames.setdefault(surname, parse.ends[c.end - 1])
    busy = _occupied(parse, taken)
    found = []
    for surname, after in surnames.items():
        for match in re.finditer(r"\b" + re.escape(surname) + r"\b", parse.text[after:]):
            tokens = parse.tokens(after + match.start(), after + match.end())
            if tokens and tokens[1] - tokens[0] == 1 and not busy[tokens[0]]:
                found.append(_Candidate(*tokens, label="PERSON"))
    return found


def _occupied(parse: _Parse, candidates: Iterable[_Candidate]) -> bytearray:
    """1 for each token inside one of the candidates."""
    busy = bytearray(len(parse.heads))
    for c in candidates:
        busy[c.start : c.end] = b"\x01" * (c.end - c.start)
    return busy


def _stands_alone(parse: _Parse, candidate: _Candidate) -> bool:
    """Whether a name that modifies an ordinary noun is an actor by itself ("NATO membership",
    "Russia's invasion"), unlike "Russian gas" or "Ukraine crisis"."""
    if candidate.name is None:
        return candidate.label is not None
    kind = candidate.name.kind
    return kind in ("actor", "igo") or (
        kind in ("country", "capital", "region") and parse.deps[parse.root(candidate)] == "poss"
    )


def _link_appositions(parse: _Parse, mentions: list[_Mention]) -> list[_Mention]:
    """"Dmitry Peskov, the Kremlin spokesman": the title phrase is another mention of the person."""
    by_head = {m.head: i for i, m in enumerate(mentions)}
    linked = list(mentions)
    for i, mention in enumerate(mentions):
        j = by_head.get(parse.heads[mention.head])
        if parse.deps[mention.head] != "appos" or j is None:
            continue
        a, b = linked[j], linked[i]
        person, other = (a, b) if a.resolution.person else (b, a) if b.resolution.person else (None, None)
        if person is None or other.resolution.person or other.resolution.info.sector is None:
            continue  # two people, or a bare place in apposition
        info = person.resolution.info
        if info.code is None:
            theirs = other.resolution.info
            info = dataclasses.replace(info, code=theirs.code, country=theirs.country, sector=theirs.sector)
        resolution = _Resolution(info, person.resolution.key, person=True)
        linked[j] = a._replace(resolution=resolution)
        linked[i] = b._replace(resolution=resolution)
    return linked


def _merge(article: Article, parse: _Parse, mentions: list[_Mention]) -> tuple[Actor, ...]:
    """One actor per key, in order of first mention; a lone surname joins an earlier full name."""
    surnames: dict[str, tuple[str, str]] = {}
    groups: dict[tuple[str, str], list[_Mention]] = {}
    for mention in mentions:
        key = mention.resolution.key
        if key[0] in ("person", "org") and " " not in key[1] and key[1] in surnames:
            key = surnames[key[1]]
        elif key[0] == "person" and " " in key[1]:
            surnames.setdefault(key[1].rsplit(" ", 1)[1], key)
        groups.setdefault(key, []).append(mention)
    actors = []
    for number, group in enumerate(groups.values(), 1):
        info = next((m.resolution.info for m in group if m.resolution.info.code), group[0].resolution.info)
        spans = tuple(article.span(parse.starts[m.start], parse.ends[m.end - 1]) for m in group)
        actors.append(Actor(f"a{number}", info.name, info.code, info.country, info.sector, info.wikidata, spans))
    return tuple(actors)
