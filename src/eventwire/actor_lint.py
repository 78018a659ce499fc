"""Checks of a user actor file (``eventwire actors lint FILE``) and a readable account of one actor
(``eventwire actors show NAME``).

A lint reports every problem of a file rather than stopping at the first: entries that cannot be read
(unknown country or sector codes, bad dates, unknown fields), names given twice, roles of one actor
whose dates overlap with different codes, aliases that another actor of the file or of the packaged
lexicon already uses, and user actors that replace packaged ones. Errors make the file unusable as it
is (or ambiguous); warnings may be intended.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from .actor_lexicon import TSV_COLUMNS, ActorInfo, ActorLexicon, ActorRecord, Role, split_words, tsv_rows
from .errors import LexiconError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LintIssue:
    """One problem of an actor file: ``level`` is "error" (the file cannot be used as it is) or
    "warning" (it can, but may not do what its author meant)."""

    level: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.level}: {self.message}"


def lint_actor_file(path: str | Path, *, lexicon: ActorLexicon | None = None) -> list[LintIssue]:
    """Every problem of the actor file ``path`` (YAML or TSV), checked against ``lexicon`` (the
    packaged one by default)."""
    path = Path(path)
    lexicon = lexicon if lexicon is not None else ActorLexicon.load()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        return [LintIssue("error", str(path), f"cannot read the file: {e}")]
    issues: list[LintIssue] = []
    records = _read_records(lexicon, text, str(path), path.suffix.lower(), issues)
    seen: dict[str, str] = {}  # alias key -> actor name, within the file
    names: set[str] = set()
    for where, record in records:
        if record.name in names:
            issues.append(LintIssue("error", f"{where} ({record.name})", "the name is given twice (the later entry wins)"))
        names.add(record.name)
        issues.extend(_check_record(lexicon, where, record, seen))
    return issues


def _read_records(lexicon: ActorLexicon, text: str, source: str, suffix: str, issues: list[LintIssue]):
    """(where, record) for each readable entry; the unreadable ones become issues."""
    if suffix in (".yaml", ".yml"):
        try:
            entries = yaml.safe_load(text)
        except (yaml.YAMLError, ValueError) as e:
            issues.append(LintIssue("error", source, f"not valid YAML: {e}"))
            return []
        if entries is None:
            return []
        if not isinstance(entries, list):
            issues.append(LintIssue("error", source, f"expected a list of actors, got {type(entries).__name__}"))
            return []
        return _records_of(issues, ((f"{source}: actor #{i}", e) for i, e in enumerate(entries, 1)), lexicon.record_from_mapping)
    if suffix in (".tsv", ".tab", ".txt"):
        try:
            rows = list(tsv_rows(text, source, len(TSV_COLUMNS), header=False))
        except LexiconError as e:
            issues.append(LintIssue("error", source, str(e)))
            return []
        mappings: dict[str, tuple[str, dict]] = {}  # one entry per name: a row per role
        for line_no, fields in rows:
            if line_no == 1 and fields[0].lower() == "name":
                continue
            row = dict(zip(TSV_COLUMNS, fields))
            where, entry = mappings.setdefault(row["name"], (f"{source}:{line_no}", {"name": row["name"], "aliases": [], "roles": []}))
            entry["aliases"] += [a.strip() for a in row["aliases"].split("|") if a.strip() and a.strip() not in entry["aliases"]]
            entry["roles"].append({k: row[k] or None for k in ("country", "sector", "start", "end")})
            entry["wikidata"] = row["wikidata"] or entry.get("wikidata")
        return _records_of(issues, mappings.values(), lexicon.record_from_mapping)
    issues.append(LintIssue("error", source, "an actor file must be .yaml/.yml or .tsv"))
    return []


def _records_of(issues: list[LintIssue], entries, make) -> list[tuple[str, ActorRecord]]:
    records = []
    for where, entry in entries:
        try:
            records.append((where, make(entry, where)))
        except LexiconError as e:
            message = str(e).removeprefix(where)
            message = re.sub(r"^ \([^)]*\)", "", message).removeprefix(": ")  # the name is in ``where`` already
            issues.append(LintIssue("error", where, message))
    return records


def _check_record(lexicon: ActorLexicon, where: str, record: ActorRecord, seen: dict[str, str]) -> list[LintIssue]:
    issues = []
    where = f"{where} ({record.name})"
    if record.name in lexicon.records and lexicon.records[record.name] != record:  # not the packaged entry itself
        issues.append(LintIssue("warning", where, "replaces the packaged actor of the same name"))
    for alias in (record.name, *record.aliases):
        key = " ".join(w.lower() for w in split_words(alias))
        other = seen.setdefault(key, record.name)
        if other != record.name:
            issues.append(LintIssue("error", where, f"alias {alias!r} is also given to {other!r} in this file"))
        for packaged in lexicon.actors_named(alias):
            if packaged.name != record.name:
                issues.append(LintIssue("warning", where, f"alias {alias!r} also names the packaged actor {packaged.name!r}"))
    roles = sorted(record.roles, key=lambda r: r.start or date.min)
    for earlier, later in zip(roles, roles[1:]):
        if _overlap(earlier, later) and earlier.actor_code != later.actor_code:
            issues.append(
                LintIssue(
                    "warning", where,
                    f"roles overlap with different codes (the later-starting one wins): {_describe_role(earlier)} and {_describe_role(later)}",
                )
            )  # fmt: skip
    if not record.roles:
        issues.append(LintIssue("warning", where, "no roles: the actor will be found but not coded"))
    return issues


def _overlap(a: Role, b: Role) -> bool:
    """Whether two roles (``a`` starting first) are held together; a handover on the day one ends and
    the next starts is no overlap."""
    return a.end is None or b.start is None or b.start < a.end


def _describe_role(role: Role) -> str:
    span = f"{role.start or '...'} to {role.end or '...'}"
    return f"{role.actor_code or '-'} ({role.role + ', ' if role.role else ''}{span})"


def describe_actor(lexicon: ActorLexicon, name: str, *, on: date | None = None) -> list[str]:
    """Lines that say who ``name`` is on ``on`` (or in its latest role), and every role it held."""
    info: ActorInfo | None = lexicon.resolve(name, on=on)
    if info is None:
        return []
    lines = [
        f"name:     {info.name}",
        f"code:     {info.code or '-'}",
        f"country:  {info.country or '-'}",
        f"sector:   {info.sector or '-'}",
        f"role:     {info.role or '-'}" + (f" (on {on.isoformat()})" if on else " (latest)"),
        f"wikidata: {info.wikidata or '-'}",
    ]
    record = lexicon.records.get(info.name)
    if record is not None:
        if record.aliases:
            lines.append("aliases:  " + ", ".join(record.aliases))
        lines.append("roles:")
        lines.extend(f"  {_describe_role(role)}" for role in sorted(record.roles, key=lambda r: r.start or date.min))
    return lines
