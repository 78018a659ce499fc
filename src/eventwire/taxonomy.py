"""The event taxonomies eventwire codes into: CAMEO, PLOVER and ACLED.

The facts live in packaged data files (``src/eventwire/data/``), read once per
:class:`Taxonomy` instance:

``cameo.tsv``
    every CAMEO 1.1b3 event code GDELT uses (20 roots, 3- and 4-digit codes) with the
    Goldstein score GDELT assigns to it and the PLOVER type it maps to.
``plover.tsv`` / ``plover_modes.tsv``
    the 16 PLOVER event types of the 2021 manual with their quad class, and their modes.
``acled.tsv``
    ACLED's disorder types, 6 event types and 25 sub-event types.

QuadClass and the penta class follow GDELT and are derived from the CAMEO root, so the
module-level functions :func:`quad_class_of`, :func:`penta_of` and :func:`root_of` need
no data file::

    >>> quad_class_of("0232"), penta_of("0232"), root_of("0232")
    (1, 0, '02')
    >>> taxonomy = Taxonomy.load()
    >>> code = taxonomy.resolve("0239")          # no such code: falls back to 023
    >>> code.code, code.plover, code.goldstein
    ('023', 'REQUEST', 3.4)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import LexiconError

logger = logging.getLogger(__name__)

CAMEO_FILE = "cameo.tsv"
PLOVER_FILE = "plover.tsv"
PLOVER_MODES_FILE = "plover_modes.tsv"
ACLED_FILE = "acled.tsv"

CAMEO_COLUMNS = ("code", "goldstein", "plover", "name")
PLOVER_COLUMNS = ("type", "quad_class", "description")
PLOVER_MODE_COLUMNS = ("type", "mode", "description")
ACLED_COLUMNS = ("disorder_type", "event_type", "sub_event_type")

GOLDSTEIN_MIN = -10.0
GOLDSTEIN_MAX = 10.0
CAMEO_ROOT_COUNT = 20

QUAD_CLASS_LABELS = (
    (1, "Verbal cooperation"),
    (2, "Material cooperation"),
    (3, "Verbal conflict"),
    (4, "Material conflict"),
)

# The most generic CAMEO code for each PLOVER type, in the manual's order, for coders
# that predict PLOVER first and need a CAMEO code (and so a Goldstein score) for it.
# As a rule this is the "not specified below" code of the CAMEO root the type comes from;
# the exceptions:
#   REQUEST -> 020 (appeal), not 100 (demand): most requests in news are calls and appeals;
#       a demand is the stronger, rarer form (Goldstein 3.0 vs -5.0).
#   ACCUSE -> 112 (accuse), not 090 (investigate) or 110 (disapprove): the type's core act;
#       112, 110 and 090 all score -2.0.
#   CONCEDE -> 080 and RETREAT -> 084: CAMEO 08 (yield) is split by PLOVER; 080 maps to
#       CONCEDE and 084 (return, release) is the generic RETREAT code of the mapping.
#   ASSAULT -> 190 (conventional military force): CAMEO 18-20 all map to ASSAULT and the
#       bulk of reported assaults are armed attacks and fighting.
DEFAULT_CAMEO_BY_PLOVER = (
    ("AGREE", "030"),
    ("CONSULT", "040"),
    ("SUPPORT", "050"),
    ("CONCEDE", "080"),
    ("COOPERATE", "060"),
    ("AID", "070"),
    ("RETREAT", "084"),
    ("REQUEST", "020"),
    ("ACCUSE", "112"),
    ("REJECT", "120"),
    ("THREATEN", "130"),
    ("PROTEST", "140"),
    ("SANCTION", "160"),
    ("MOBILIZE", "150"),
    ("COERCE", "170"),
    ("ASSAULT", "190"),
)

# Spellings found in ACLED exports and codebooks that differ from the names we use.
ACLED_NAME_VARIANTS = (
    ("Demostrations", "Demonstrations"),
    ("Excessive force against protestors", "Excessive force against protesters"),
)


def root_of(code: str) -> str:
    """The two-digit CAMEO root of ``code`` ("0232" -> "02"); LexiconError if malformed."""
    if not isinstance(code, str) or not code.isascii() or not code.isdigit() or not 2 <= len(code) <= 4:
        raise LexiconError(f"malformed CAMEO code {code!r}: expected 2 to 4 digits")
    root = code[:2]
    if not 1 <= int(root) <= CAMEO_ROOT_COUNT:
        raise LexiconError(f"malformed CAMEO code {code!r}: root {root} is not 01-20")
    return root


def quad_class_of(code: str) -> int:
    """GDELT QuadClass of a CAMEO code: 1 verbal coop. (01-05), 2 material coop. (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(root_of(code))
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def penta_of(code: str) -> int:
    """Penta class of a CAMEO code: 0 (01-02), 1 (03-05), 2 (06-08), 3 (09-13), 4 (14-20)."""
    root = int(root_of(code))
    if root <= 2:
        return 0
    return quad_class_of(code)


def quad_class_label(quad_class: int) -> str:
    """The label of QuadClass 1-4: 'Verbal cooperation' ... 'Material conflict'."""
    for number, label in QUAD_CLASS_LABELS:
        if number == quad_class:
            return label
    raise LexiconError(f"unknown QuadClass {quad_class!r}: expected 1-4")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with its GDELT Goldstein score and PLOVER type."""

    code: str
    name: str
    goldstein: float
    plover: str
    root: str
    quad_class: int
    penta: int

    @property
    def depth(self) -> int:
        """1 for a root ("02"), 2 for a 3-digit code, 3 for a 4-digit code."""
        return len(self.code) - 1


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type."""

    name: str
    quad_class: int
    description: str
    modes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AcledType:
    """One ACLED sub-event type with its event type and disorder type."""

    disorder_type: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class _Row:
    """A data row with where it came from, for error messages."""

    where: str
    fields: tuple[str, ...]


def _read_rows(source: Traversable, *, columns: tuple[str, ...]) -> list[_Row]:
    """Rows of a tab-separated file with a header line; '#' lines and blank lines skipped."""
    label = str(source)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LexiconError(f"{label}: cannot read taxonomy file: {e}") from e
    rows: list[_Row] = []
    header_seen = False
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = tuple(field.strip() for field in line.split("\t"))
        where = f"{label}:{line_number}"
        if not header_seen:
            if fields != columns:
                raise LexiconError(f"{where}: header must be {'<TAB>'.join(columns)!r}, got {line!r}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise LexiconError(f"{where}: expected {len(columns)} tab-separated fields, got {len(fields)}: {line!r}")
        if not all(fields):
            raise LexiconError(f"{where}: empty field in {line!r}")
        rows.append(_Row(where=where, fields=fields))
    if not header_seen:
        raise LexiconError(f"{label}: no header line ({'<TAB>'.join(columns)})")
    if not rows:
        raise LexiconError(f"{label}: no rows")
    return rows


def _parse_plover_types(rows: list[_Row], mode_rows: list[_Row]) -> list[PloverType]:
    modes: dict[str, list[str]] = {}
    for row in mode_rows:
        type_name, mode, _description = row.fields
        modes.setdefault(type_name, []).append(mode)
    types: list[PloverType] = []
    for row in rows:
        name, quad_text, description = row.fields
        try:
            quad_class = int(quad_text)
        except ValueError as e:
            raise LexiconError(f"{row.where}: quad_class {quad_text!r} is not an integer") from e
        if not 1 <= quad_class <= 4:
            raise LexiconError(f"{row.where}: quad_class {quad_class} is not 1-4")
        if any(t.name == name for t in types):
            raise LexiconError(f"{row.where}: PLOVER type {name} listed twice")
        types.append(PloverType(name, quad_class, description, tuple(modes.pop(name, ()))))
    for row in mode_rows:
        if row.fields[0] in modes:
            raise LexiconError(f"{row.where}: mode for unknown PLOVER type {row.fields[0]!r}")
    return types


def _parse_cameo_codes(rows: list[_Row], *, plover_names: frozenset[str]) -> list[CameoCode]:
    codes: list[CameoCode] = []
    seen: set[str] = set()
    for row in rows:
        code, goldstein_text, plover, name = row.fields
        try:
            root = root_of(code)
        except LexiconError as e:
            raise LexiconError(f"{row.where}: {e}") from e
        if code in seen:
            raise LexiconError(f"{row.where}: CAMEO code {code} listed twice")
        parent = code[:-1]
        if len(code) > 2 and parent not in seen:
            raise LexiconError(f"{row.where}: CAMEO code {code} comes before (or without) its parent {parent}")
        try:
            goldstein = float(goldstein_text)
        except ValueError as e:
            raise LexiconError(f"{row.where}: goldstein {goldstein_text!r} is not a number") from e
        if not GOLDSTEIN_MIN <= goldstein <= GOLDSTEIN_MAX:
            raise LexiconError(f"{row.where}: goldstein {goldstein} is outside [-10, 10]")
        if plover not in plover_names:
            raise LexiconError(f"{row.where}: unknown PLOVER type {plover!r}")
        seen.add(code)
        codes.append(CameoCode(code, name, goldstein, plover, root, quad_class_of(code), penta_of(code)))
    return codes


def _parse_acled_types(rows: list[_Row]) -> list[AcledType]:
    types: list[AcledType] = []
    for row in rows:
        disorder_type, event_type, sub_event_type = row.fields
        if any(t.sub_event_type == sub_event_type for t in types):
            raise LexiconError(f"{row.where}: ACLED sub-event type {sub_event_type!r} listed twice")
        types.append(AcledType(disorder_type, event_type, sub_event_type))
    return types


class Taxonomy:
    """CAMEO codes, PLOVER types and ACLED types, with look-ups between them.

    Build one with :meth:`load` and keep it: it reads the data files every time.
    """

    def __init__(
        self,
        *,
        cameo_codes: Iterable[CameoCode],
        plover_types: Iterable[PloverType],
        acled_types: Iterable[AcledType],
    ) -> None:
        self._codes = {code.code: code for code in cameo_codes}
        self._plover = {plover_type.name: plover_type for plover_type in plover_types}
        self._acled = tuple(acled_types)
        self._acled_by_sub_event = {t.sub_event_type: t for t in self._acled}
        self._acled_names = {name.casefold(): name for t in self._acled for name in (t.disorder_type, t.event_type, t.sub_event_type)}
        for variant, canonical in ACLED_NAME_VARIANTS:
            if canonical.casefold() in self._acled_names:
                self._acled_names[variant.casefold()] = canonical
        self._default_cameo = dict(DEFAULT_CAMEO_BY_PLOVER)
        self._check_consistency()

    @classmethod
    def load(cls, *, data_dir: Path | None = None) -> Taxonomy:
        """Read the packaged taxonomy files (or those in ``data_dir``)."""
        source: Traversable = data_dir if data_dir is not None else resources.files("eventwire") / "data"
        plover_types = _parse_plover_types(
            _read_rows(source / PLOVER_FILE, columns=PLOVER_COLUMNS),
            _read_rows(source / PLOVER_MODES_FILE, columns=PLOVER_MODE_COLUMNS),
        )
        cameo_codes = _parse_cameo_codes(
            _read_rows(source / CAMEO_FILE, columns=CAMEO_COLUMNS),
            plover_names=frozenset(t.name for t in plover_types),
        )
        acled_types = _parse_acled_types(_read_rows(source / ACLED_FILE, columns=ACLED_COLUMNS))
        taxonomy = cls(cameo_codes=cameo_codes, plover_types=plover_types, acled_types=acled_types)
        logger.debug(
            "taxonomy loaded from %s: %d CAMEO codes, %d PLOVER types, %d ACLED sub-event types",
            source, len(taxonomy._codes), len(taxonomy._plover), len(taxonomy._acled),
        )
        return taxonomy

    def _check_consistency(self) -> None:
        expected = tuple(name for name, _code in DEFAULT_CAMEO_BY_PLOVER)
        if tuple(self._plover) != expected:
            raise LexiconError(f"{PLOVER_FILE}: PLOVER types must be {expected} in that order, got {tuple(self._plover)}")
        for plover, code in DEFAULT_CAMEO_BY_PLOVER:
            found = self._codes.get(code)
            if found is None or found.plover != plover:
                raise LexiconError(f"{CAMEO_FILE}: default CAMEO code {code} for {plover} is missing or maps elsewhere")
        roots = {code.root for code in self._codes.values()}
        if len(roots) != CAMEO_ROOT_COUNT or any(root not in self._codes for root in roots):
            raise LexiconError(f"{CAMEO_FILE}: every CAMEO root 01-20 must be listed")

    # --- CAMEO -------------------------------------------------------------------

    @property
    def cameo_codes(self) -> tuple[CameoCode, ...]:
        """Every CAMEO code, in code order."""
        return tuple(self._codes.values())

    def is_cameo(self, code: str) -> bool:
        """True when ``code`` is exactly a known CAMEO code."""
        return isinstance(code, str) and code in self._codes

    def cameo(self, code: str) -> CameoCode:
        """The CAMEO code ``code`` exactly; LexiconError if unknown."""
        found = self._codes.get(code) if isinstance(code, str) else None
        if found is None:
            raise LexiconError(f"unknown CAMEO code {code!r}")
        return found

    def resolve(self, code: str) -> CameoCode:
        """The CAMEO code ``code``, or its nearest known ancestor (4 -> 3 digits -> root).

        For lexicons that name a code CAMEO does not have ("0239" -> 023). LexiconError
        when ``code`` is malformed or not even its root is known.
        """
        root_of(code)
        for length in range(len(code), 1, -1):
            found = self._codes.get(code[:length])
            if found is not None:
                if length != len(code):
                    logger.debug("CAMEO code %s unknown, resolved to %s", code, found.code)
                return found
        raise LexiconError(f"unknown CAMEO code {code!r} (no known ancestor)")

    def codes_under(self, prefix: str) -> list[CameoCode]:
        """``prefix`` itself (if a code) and every code below it, in code order."""
        return [code for code in self._codes.values() if code.code.startswith(prefix)]

    # --- PLOVER ------------------------------------------------------------------

    @property
    def plover_types(self) -> tuple[str, ...]:
        """The 16 PLOVER event types, in the manual's order."""
        return tuple(self._plover)

    def is_plover(self, plover: str) -> bool:
        return isinstance(plover, str) and plover in self._plover

    def plover_type(self, plover: str) -> PloverType:
        """The PLOVER type ``plover`` (upper case, e.g. "ASSAULT"); LexiconError if unknown."""
        found = self._plover.get(plover) if isinstance(plover, str) else None
        if found is None:
            raise LexiconError(f"unknown PLOVER type {plover!r}")
        return found

    def plover_quad_class(self, plover: str) -> int:
        """QuadClass (1-4) the PLOVER manual gives the type."""
        return self.plover_type(plover).quad_class

    def plover_modes(self, plover: str) -> tuple[str, ...]:
        """The modes the PLOVER manual defines for the type (empty for most cooperative types)."""
        return self.plover_type(plover).modes

    def default_cameo(self, plover: str) -> CameoCode:
        """The most generic CAMEO code for a PLOVER type (see DEFAULT_CAMEO_BY_PLOVER)."""
        self.plover_type(plover)
        return self._codes[self._default_cameo[plover]]

    # --- ACLED -------------------------------------------------------------------

    def acled_canonical_name(self, name: str) -> str:
        """ACLED name as we spell it, ignoring case and known variant spellings."""
        found = self._acled_names.get(name.strip().casefold()) if isinstance(name, str) else None
        if found is None:
            raise LexiconError(f"unknown ACLED type {name!r}")
        return found

    @property
    def acled_types(self) -> tuple[AcledType, ...]:
        """Every ACLED sub-event type with its event and disorder type."""
        return self._acled

    @property
    def acled_event_types(self) -> tuple[str, ...]:
        """The 6 ACLED event types, in codebook order."""
        return tuple(dict.fromkeys(t.event_type for t in self._acled))

    def acled_sub_event_types(self, event_type: str | None = None) -> tuple[str, ...]:
        """The 25 ACLED sub-event types, or those of one event type."""
        if event_type is None:
            return tuple(t.sub_event_type for t in self._acled)
        event_type = self._acled_event_type(event_type)
        return tuple(t.sub_event_type for t in self._acled if t.event_type == event_type)

    def acled_event_type_of(self, sub_event_type: str) -> str:
        """The event type a sub-event type belongs to ("Armed clash" -> "Battles")."""
        return self._acled_sub_event(sub_event_type).event_type

    def acled_disorder_type_of(self, event_type: str, *, sub_event_type: str | None = None) -> str:
        """The disorder type of an event type, or of one of its sub-event types.

        Disorder types are per sub-event type in ACLED (Riots: "Violent demonstration" is
        Demonstrations, "Mob violence" is Political violence); without ``sub_event_type``
        the event type's primary disorder type is returned (its first sub-event's).
        """
        event_type = self._acled_event_type(event_type)
        if sub_event_type is None:
            return next(t.disorder_type for t in self._acled if t.event_type == event_type)
        found = self._acled_sub_event(sub_event_type)
        if found.event_type != event_type:
            raise LexiconError(f"ACLED sub-event type {found.sub_event_type!r} is not under {event_type!r}")
        return found.disorder_type

    def _acled_event_type(self, event_type: str) -> str:
        name = self.acled_canonical_name(event_type)
        if name not in self.acled_event_types:
            raise LexiconError(f"unknown ACLED event type {event_type!r}")
        return name

    def _acled_sub_event(self, sub_event_type: str) -> AcledType:
        found = self._acled_by_sub_event.get(self.acled_canonical_name(sub_event_type))
        if found is None:
            raise LexiconError(f"unknown ACLED sub-event type {sub_event_type!r}")
        return found
