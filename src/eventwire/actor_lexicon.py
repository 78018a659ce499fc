"""The actor lexicon: who a name is, on the day a report was written.

:class:`ActorLexicon` holds our dictionaries (countries with their capitals and demonyms, sub-national
regions, IGOs, sector terms and people/organisations with dated roles) as alias tables built once at
load, and resolves a mention string to an :class:`ActorInfo`: a CAMEO-style code made of a country
(ISO3) and a sector ("RUSGOV", "UKRLEG"), or an IGO code ("IGOUNO"). People are coded with the role
they held on the report's date: Jen Psaki is USAGOV in February 2022 and USAMED in June.

Matching never scans the text once per lexicon entry: each word of the document is looked up in a set
of alias prefixes, and a match is extended word by word only while it is still a prefix.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.resources
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .actor_offices import OfficeIndex, titled_office
from .cache import cache_directory, write_cache_file
from .errors import LexiconError

logger = logging.getLogger(__name__)

#: When a phrase holds several sector terms, the first in this order wins ("rebel forces" is REB,
#: "government troops" MIL, "opposition lawmakers" OPP, "state media" MED).
SECTOR_PRECEDENCE = (
    "REB", "CRM", "SPY", "OPP", "COP", "JUD", "MIL", "LEG", "REF", "NGO", "MED",
    "HLH", "EDU", "LAB", "AGR", "REL", "BUS", "PTY", "GOV", "UAF", "CVL", "ELI",
)  # fmt: skip
#: Sector codes an actor's role may carry.
SECTOR_CODES = frozenset(SECTOR_PRECEDENCE) | {"UAF", "CRM", "DEV", "ENV", "HRI", "MNC", "SEP", "INS", "MOD", "RAD"}
#: A sector term of this value names no actor; it only stops shorter terms inside it.
NO_SECTOR = "-"
#: The packaged actor dictionaries, read in this order (a later entry replaces an earlier one of the same name).
PACKAGED_ACTOR_FILES = ("actors.yaml", "actors_world.yaml")
#: Sectors a phrase may give an IGO's people ("UN envoy" GOV, "UN refugee staff" REF); others keep the IGO's own.
IGO_MEMBER_SECTORS = frozenset({"GOV", "REF", "CVL", "HLH"})
#: Former office holders ("former president", "ex-minister") are elites.
FORMER_WORDS = frozenset({"former", "ex", "ousted", "deposed", "toppled"})
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
#: Sectors whose groups have no country by default ("a human rights group").
STATELESS_SECTORS = frozenset({"NGO"})
#: A sector term of this value names an act ("proposal", "air raids"), not an actor: a country or
#: nationality right before it is the one who acts ("an Indian proposal", "Israeli air raids").
ACT_SECTOR = "ACT"
#: "Russian-backed separatists" fight for Russia, not as Russia.
BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "aligned", "allied"})
#: "ethnic Albanians in Serbia" are not Albania: the country is the one they live in.
ETHNIC_WORDS = frozenset({"ethnic"})
#: spaCy dependency labels of words that modify a noun inside its noun phrase.
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod", "npadvmod", "nn"})
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
TSV_COLUMNS = ("name", "aliases", "country", "sector", "start", "end", "wikidata")


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
    sector: str | None = None  # the sector its members take ("GOV" for the UN Security Council)


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
        self._offices = OfficeIndex(())

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
        for name in PACKAGED_ACTOR_FILES:
            for record in lexicon._parse_packaged_yaml(name):
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
        for line_no, fields in tsv_rows(text, source, 7):
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
        for line_no, (name, aliases, country, demonyms) in tsv_rows(text, source, 4):
            if country not in self.countries or not name:
                raise LexiconError(f"{source}:{line_no}: unknown country {country!r} for region {name!r}")
            region = Region(name, country)
            self.regions.append(region)
            for alias in [name, *_alternatives(aliases)]:
                self._add_name(alias, _Name("region", region))
            for alias in _alternatives(demonyms):
                self._add_name(alias, _Name("demonym", country))

    def _read_igos(self, text: str, source: str) -> None:
        for line_no, (code, name, aliases, wikidata, sector) in tsv_rows(text, source, 5):
            if not re.fullmatch(r"IGO[A-Z]*", code) or not name or (wikidata and not _QID.fullmatch(wikidata)):
                raise LexiconError(f"{source}:{line_no}: bad IGO row {code!r} {name!r} {wikidata!r}")
            if sector and sector not in SECTOR_CODES:
                raise LexiconError(f"{source}:{line_no}: unknown sector {sector!r} for {name!r}")
            igo = Igo(code, name, wikidata or None, sector or None)
            self.igos.append(igo)
            for alias in [name, *_alternatives(aliases)]:
                self._add_name(alias, _Name("igo", igo))

    def _read_sectors(self, text: str, source: str) -> None:
        for line_no, (term, sector) in tsv_rows(text, source, 2):
            words = [w.lower() for w in split_words(term)]
            if not words or (sector not in (NO_SECTOR, ACT_SECTOR) and sector not in SECTOR_PRECEDENCE):
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

    def _parse_packaged_yaml(self, name: str) -> list[ActorRecord]:
        """A packaged YAML dictionary, parsed through a JSON copy in the cache: YAML parsing is most of
        the lexicon's load time, and every worker process loads it."""
        text = _data_text(name)
        path = cache_directory() / f"{name}-{hashlib.sha256(text.encode()).hexdigest()[:16]}.json"
        try:
            entries = json.loads(path.read_bytes())
        except (OSError, ValueError):
            entries = self._load_yaml(text, name)
            write_cache_file(path, json.dumps(entries, default=str).encode(), stale_glob=f"{name}-*.json")
        return self._records(entries, name)

    def _parse_yaml(self, text: str, source: str) -> list[ActorRecord]:
        return self._records(self._load_yaml(text, source), source)

    @staticmethod
    def _load_yaml(text: str, source: str) -> Any:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        try:
            entries = yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        except (yaml.YAMLError, ValueError) as e:  # ValueError: a date-like scalar that is no date
            raise LexiconError(f"{source}: not valid YAML: {e}") from e
        return entries

    def _records(self, entries: Any, source: str) -> list[ActorRecord]:
        if entries is None:
            return []
        if not isinstance(entries, list):
            raise LexiconError(f"{source}: expected a list of actors, got {type(entries).__name__}")
        return [self.record_from_mapping(entry, f"{source}: actor #{i}") for i, entry in enumerate(entries, 1)]

    def record_from_mapping(self, entry: Any, where: str) -> ActorRecord:
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
        for line_no, fields in tsv_rows(text, source, len(TSV_COLUMNS), header=False):
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

    def actors_named(self, alias: str) -> list[ActorRecord]:
        """The dictionary's people and organisations that ``alias`` names."""
        key = " ".join(w.lower() for w in split_words(alias))
        words = key.split(" ")
        if len(words) > 1 and words[0] == "the":
            key = " ".join(words[1:])
        return [nm.target for nm in self._names.get(key, ()) if nm.kind == "actor"]

    def _index(self) -> None:
        for record in self.records.values():
            for alias in (record.name, *record.aliases):
                self._add_name(alias, _Name("actor", record))
        for phrase in NOT_ACTOR_NAMES:
            self._add_name(phrase, _Name("none", None))
        self._offices = OfficeIndex(self.records.values())

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
            first = words[i][:1]
            named = not capitalised or first.isupper() or first.isdigit()  # else only sector terms start here
            for j in reversed(_ends_of_matches(keys, i, names_table, self._prefixes) if named else ()):
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
        if not any(nm.acronym for nm in names) or all(w.isupper() or w.isdigit() for w in words[start:end]):  # "MS-13"
            return names
        return tuple(nm for nm in names if not nm.acronym)

    # --- resolution ------------------------------------------------------------------------------

    def resolve(
        self,
        text: str,
        *,
        on: date | None = None,
        context_country: str | None = None,
        metonymy: bool = True,
    ) -> ActorInfo | None:
        """Resolve a mention string ("Kremlin spokesman Dmitry Peskov", "Ukrainian lawmakers").

        ``on``: the report's date (roles are filtered by it; ``None``: each actor's latest role).
        ``context_country``: the country the report is about, given to separatists and rebels with no
        country of their own ("pro-Russian separatists" in a report on Ukraine are UKRREB), and to
        groups and titled people named by their sector only ("President X", "the authorities").
        ``metonymy``: a bare capital stands for its government (a mention is an actor: "Moscow" is
        RUSGOV); ``False`` codes it as its country (RUS).
        """
        context = (context_country,) if context_country else ()
        words = split_words(text)
        keys = [w.lower() for w in words]
        resolution = self.decide(self.match(words), keys, text, on=on, context=context, metonymy=metonymy)
        if resolution is None:
            return None
        info = resolution.info
        if info.country is None and info.sector and info.sector not in STATELESS_SECTORS and context_country:
            if resolution.key[0] in ("code", "person") or resolution.key[0] == "actor" and info.code is None:
                info = dataclasses.replace(info, country=context_country, code=context_country + info.sector)
        return info

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
            if sector in IGO_MEMBER_SECTORS and sector != igo.sector:  # "the UN secretary-general", "UN refugee officials"
                info = ActorInfo(_clean_name(text), igo.code, "IGO", sector, igo.wikidata)
                return _Resolution(info, ("code", igo.code + sector))
            return _Resolution(ActorInfo(igo.name, igo.code, "IGO", igo.sector, igo.wikidata), ("igo", igo.name))
        patrons: set[str] = set()
        places: list[_Name] = []
        ethnic = False
        for h, nm in named:
            iso3 = nm.target.country if nm.kind == "region" else nm.target
            before = keys[h.start - 1] if h.start > 0 else ""
            after = keys[h.end] if h.end < len(keys) else ""
            if before in PATRON_WORDS | OPPONENT_WORDS | ETHNIC_WORDS or after in BACKER_WORDS:
                patrons.add(iso3)
                ethnic = ethnic or before in ETHNIC_WORDS
            else:
                places.append(nm)
        if ethnic and sector is None:
            sector = "CVL"
        country = _country_of(places[0]) if places else None
        if country is None and (patrons or sector == "REB"):
            country = next((c for c in context if c not in patrons), None)
        if sector is None and metonymy and places and places[0].kind == "capital":
            sector = "GOV"
        if country is None and sector is None:
            return None
        code = (country or "") + (sector or "")
        if sector == "GOV" and country and on is not None:
            holder = self._office_holder(sector_hits, keys, country, on)
            if holder is not None:  # "the Ukrainian president" on 2022-02-23: Volodymyr Zelenskyy
                return self._describe_record(holder, on)
        if sector is None:  # a country alone: named, or from the context ("pro-Russian" in a report on Ukraine)
            place = places[0] if places else None
            if place is not None and place.kind == "region":
                return _Resolution(ActorInfo(place.target.name, code, country, None), ("region", place.target.name))
            return _Resolution(ActorInfo(self.countries[country].name, code, country, None), ("code", code))
        return _Resolution(ActorInfo(_clean_name(text), code, country, sector), ("code", code))

    def _office_holder(self, sector_hits: Sequence[_Hit], keys: Sequence[str], country: str, on: date) -> ActorRecord | None:
        terms = [h for h in sector_hits if h.sector not in (NO_SECTOR, ACT_SECTOR)]
        if len(terms) != 1:
            return None
        office = titled_office(keys, terms[0].start, terms[0].end)
        return self._offices.holder(country, office, on) if office else None

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
            return _Resolution(ActorInfo(igo.name, igo.code, "IGO", igo.sector, igo.wikidata), ("igo", igo.name))
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
    lexicon: ActorLexicon,
    text: str,
    *,
    on: date | None = None,
    context_country: str | None = None,
    metonymy: bool = True,
) -> ActorInfo | None:
    """Resolve a mention string with ``lexicon`` (for single sentences: ``eventwire code``); see
    :meth:`ActorLexicon.resolve`."""
    return lexicon.resolve(text, on=on, context_country=context_country, metonymy=metonymy)


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
        if sector in (NO_SECTOR, ACT_SECTOR):
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


def tsv_rows(text: str, source: str, columns: int, *, header: bool = True):
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
