"""Tests for eventwire.taxonomy: the CAMEO, PLOVER and ACLED data files and their loader."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import LexiconError
from eventwire.taxonomy import (
    ACLED_FILE,
    CAMEO_FILE,
    PLOVER_FILE,
    PLOVER_MODES_FILE,
    CameoCode,
    Taxonomy,
    penta_of,
    quad_class_label,
    quad_class_of,
    root_of,
)

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
ACLED_EVENT_TYPES = (
    "Battles", "Violence against civilians", "Explosions/Remote violence",
    "Protests", "Riots", "Strategic developments",
)


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


# --- module-level functions ------------------------------------------------------------

@pytest.mark.parametrize(
    ("code", "quad_class", "penta", "root"),
    [
        ("01", 1, 0, "01"), ("0232", 1, 0, "02"), ("036", 1, 1, "03"), ("057", 1, 1, "05"),
        ("06", 2, 2, "06"), ("0874", 2, 2, "08"), ("09", 3, 3, "09"), ("112", 3, 3, "11"),
        ("1385", 3, 3, "13"), ("14", 4, 4, "14"), ("1724", 4, 4, "17"), ("2042", 4, 4, "20"),
    ],
)
def test_classes_follow_the_cameo_root(code: str, quad_class: int, penta: int, root: str) -> None:
    assert quad_class_of(code) == quad_class
    assert penta_of(code) == penta
    assert root_of(code) == root


@pytest.mark.parametrize("code", ["", "1", "00", "21", "99", "12345", "0a2", " 02", "١٢"])
def test_malformed_codes_are_rejected(code: str) -> None:
    with pytest.raises(LexiconError):
        root_of(code)


def test_quad_class_labels() -> None:
    assert quad_class_label(1) == "Verbal cooperation"
    assert quad_class_label(4) == "Material conflict"
    with pytest.raises(LexiconError):
        quad_class_label(5)


# --- CAMEO -----------------------------------------------------------------------------

def test_code_count_and_roots(taxonomy: Taxonomy) -> None:
    codes = taxonomy.cameo_codes
    assert len(codes) >= 280
    assert [c.code for c in codes if len(c.code) == 2] == [f"{n:02d}" for n in range(1, 21)]
    assert len({c.code for c in codes}) == len(codes)


def test_every_code_is_consistent(taxonomy: Taxonomy) -> None:
    for code in taxonomy.cameo_codes:
        assert -10.0 <= code.goldstein <= 10.0, code
        assert code.plover in PLOVER_TYPES, code
        assert code.name, code
        assert code.root == code.code[:2]
        assert code.quad_class == quad_class_of(code.code)
        assert code.penta == penta_of(code.code)
        if len(code.code) > 2:
            assert taxonomy.is_cameo(code.code[:-1]), f"{code.code} has no parent"


@pytest.mark.parametrize(
    ("code", "plover", "goldstein"),
    [
        ("0232", "REQUEST", 3.4),      # appeal for military aid
        ("112", "ACCUSE", -2.0),
        ("1724", "COERCE", -5.0),      # impose state of emergency or martial law
        ("190", "ASSAULT", -10.0),
        ("01", "SUPPORT", 0.0),
        ("036", "AGREE", 4.0),
        ("042", "CONSULT", 1.9),
        ("057", "SUPPORT", 8.0),
        ("0874", "RETREAT", 10.0),
        ("0811", "CONCEDE", 5.0),
        ("0814", "RETREAT", 5.0),
        ("074", "AID", 8.5),
        ("094", "ACCUSE", -2.0),
        ("1056", "REQUEST", -5.0),
        ("129", "REJECT", -5.0),
        ("130", "THREATEN", -4.4),
        ("145", "PROTEST", -7.5),
        ("154", "MOBILIZE", -7.2),
        ("1623", "SANCTION", -5.6),
        ("1712", "ASSAULT", -9.2),
        ("173", "COERCE", -5.0),
        ("175", "ASSAULT", -9.0),
        ("192", "COERCE", -9.5),
        ("2041", "ASSAULT", -10.0),
    ],
)
def test_known_facts(taxonomy: Taxonomy, code: str, plover: str, goldstein: float) -> None:
    found = taxonomy.cameo(code)
    assert found.plover == plover
    assert found.goldstein == goldstein


def test_cameo_record(taxonomy: Taxonomy) -> None:
    code = taxonomy.cameo("0232")
    assert code == CameoCode("0232", code.name, 3.4, "REQUEST", "02", 1, 0)
    assert "military aid" in code.name.lower()
    assert code.depth == 3


@pytest.mark.parametrize("code", ["0239", "109", "0000", "99", "abc", ""])
def test_unknown_exact_code_raises(taxonomy: Taxonomy, code: str) -> None:
    assert not taxonomy.is_cameo(code)
    with pytest.raises(LexiconError):
        taxonomy.cameo(code)


@pytest.mark.parametrize(
    ("asked", "resolved"),
    [("0239", "023"), ("0232", "0232"), ("109", "10"), ("1099", "10"), ("0219", "021"), ("20", "20")],
)
def test_resolve_falls_back_to_ancestors(taxonomy: Taxonomy, asked: str, resolved: str) -> None:
    assert taxonomy.resolve(asked).code == resolved


@pytest.mark.parametrize("code", ["21", "00", "12345", "x12"])
def test_resolve_rejects_malformed_codes(taxonomy: Taxonomy, code: str) -> None:
    with pytest.raises(LexiconError):
        taxonomy.resolve(code)


def test_codes_under(taxonomy: Taxonomy) -> None:
    assert [c.code for c in taxonomy.codes_under("023")] == ["023", "0231", "0232", "0233", "0234"]
    assert {c.root for c in taxonomy.codes_under("19")} == {"19"}
    assert taxonomy.codes_under("0239") == []
    assert len(taxonomy.codes_under("")) == len(taxonomy.cameo_codes)


# --- PLOVER ----------------------------------------------------------------------------

def test_plover_types_in_manual_order(taxonomy: Taxonomy) -> None:
    assert taxonomy.plover_types == PLOVER_TYPES
    assert "FIGHT" not in taxonomy.plover_types


@pytest.mark.parametrize("plover", PLOVER_TYPES)
def test_every_plover_type_has_a_default_cameo(taxonomy: Taxonomy, plover: str) -> None:
    code = taxonomy.default_cameo(plover)
    assert code.plover == plover
    assert len(code.code) == 3
    assert taxonomy.codes_under(code.code[:2])  # under a real root


@pytest.mark.parametrize(("plover", "code"), [("REQUEST", "020"), ("ACCUSE", "112"), ("ASSAULT", "190")])
def test_default_cameo_choices(taxonomy: Taxonomy, plover: str, code: str) -> None:
    assert taxonomy.default_cameo(plover).code == code


@pytest.mark.parametrize(
    ("plover", "quad_class"),
    [("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("CONCEDE", 1), ("COOPERATE", 2), ("AID", 2),
     ("RETREAT", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3), ("PROTEST", 4),
     ("SANCTION", 4), ("MOBILIZE", 4), ("COERCE", 4), ("ASSAULT", 4)],
)
def test_plover_quad_class(taxonomy: Taxonomy, plover: str, quad_class: int) -> None:
    assert taxonomy.plover_quad_class(plover) == quad_class


def test_every_plover_type_is_used_by_some_cameo_code(taxonomy: Taxonomy) -> None:
    assert {c.plover for c in taxonomy.cameo_codes} == set(PLOVER_TYPES)


def test_plover_modes(taxonomy: Taxonomy) -> None:
    assert "martial-law" in taxonomy.plover_modes("COERCE")
    assert "visit" in taxonomy.plover_modes("CONSULT")
    assert taxonomy.plover_modes("AGREE") == ()


@pytest.mark.parametrize("plover", ["FIGHT", "assault", "", "DEMAND"])
def test_unknown_plover_type_raises(taxonomy: Taxonomy, plover: str) -> None:
    assert not taxonomy.is_plover(plover)
    with pytest.raises(LexiconError):
        taxonomy.default_cameo(plover)
    with pytest.raises(LexiconError):
        taxonomy.plover_quad_class(plover)


# --- ACLED -----------------------------------------------------------------------------

def test_acled_counts(taxonomy: Taxonomy) -> None:
    assert taxonomy.acled_event_types == ACLED_EVENT_TYPES
    assert len(taxonomy.acled_sub_event_types()) == 25
    assert len(set(taxonomy.acled_sub_event_types())) == 25


@pytest.mark.parametrize(
    ("event_type", "count"),
    [("Battles", 3), ("Violence against civilians", 3), ("Explosions/Remote violence", 6),
     ("Protests", 3), ("Riots", 2), ("Strategic developments", 8)],
)
def test_acled_sub_event_types_per_event_type(taxonomy: Taxonomy, event_type: str, count: int) -> None:
    subs = taxonomy.acled_sub_event_types(event_type)
    assert len(subs) == count
    assert all(taxonomy.acled_event_type_of(sub) == event_type for sub in subs)


@pytest.mark.parametrize(
    ("sub_event_type", "event_type"),
    [("Armed clash", "Battles"), ("Air/drone strike", "Explosions/Remote violence"),
     ("Remote explosive/landmine/IED", "Explosions/Remote violence"),
     ("Abduction/forced disappearance", "Violence against civilians"),
     ("Excessive force against protesters", "Protests"), ("Excessive force against protestors", "Protests"),
     ("mob violence", "Riots"), ("Looting/property destruction", "Strategic developments")],
)
def test_acled_event_type_of(taxonomy: Taxonomy, sub_event_type: str, event_type: str) -> None:
    assert taxonomy.acled_event_type_of(sub_event_type) == event_type


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "disorder_type"),
    [("Battles", None, "Political violence"), ("Protests", None, "Demonstrations"),
     ("Riots", None, "Demonstrations"), ("Riots", "Mob violence", "Political violence"),
     ("Riots", "Violent demonstration", "Demonstrations"),
     ("Strategic developments", None, "Strategic developments")],
)
def test_acled_disorder_type_of(
    taxonomy: Taxonomy, event_type: str, sub_event_type: str | None, disorder_type: str
) -> None:
    assert taxonomy.acled_disorder_type_of(event_type, sub_event_type=sub_event_type) == disorder_type


def test_acled_unknown_names_raise(taxonomy: Taxonomy) -> None:
    with pytest.raises(LexiconError):
        taxonomy.acled_event_type_of("Battles")  # an event type, not a sub-event type
    with pytest.raises(LexiconError):
        taxonomy.acled_sub_event_types("Fighting")
    with pytest.raises(LexiconError):
        taxonomy.acled_disorder_type_of("Battles", sub_event_type="Mob violence")
    assert taxonomy.acled_canonical_name("Demostrations") == "Demonstrations"


# --- malformed files -------------------------------------------------------------------

def copy_data_files(target: Path) -> Path:
    source = resources.files("eventwire") / "data"
    for name in (CAMEO_FILE, PLOVER_FILE, PLOVER_MODES_FILE, ACLED_FILE):
        (target / name).write_text((source / name).read_text(encoding="utf-8"), encoding="utf-8")
    return target


def line_number_of(path: Path, starts_with: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if line.startswith(starts_with))


def replace_line(path: Path, starts_with: str, new_line: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    number = line_number_of(path, starts_with)
    lines[number - 1] = new_line
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number


def test_copied_files_load(tmp_path: Path) -> None:
    assert len(Taxonomy.load(data_dir=copy_data_files(tmp_path)).cameo_codes) >= 280


@pytest.mark.parametrize(
    ("file_name", "starts_with", "new_line", "message"),
    [
        (CAMEO_FILE, "0232\t", "0232\t3.4\tREQUEST", "expected 4"),
        (CAMEO_FILE, "0232\t", "0232\tlots\tREQUEST\tAppeal for military aid", "not a number"),
        (CAMEO_FILE, "0232\t", "0232\t11.0\tREQUEST\tAppeal for military aid", "outside"),
        (CAMEO_FILE, "0232\t", "0232\t3.4\tFIGHT\tAppeal for military aid", "unknown PLOVER"),
        (CAMEO_FILE, "0232\t", "0231\t3.4\tREQUEST\tAppeal for military aid", "twice"),
        (CAMEO_FILE, "0232\t", "2232\t3.4\tREQUEST\tAppeal for military aid", "root"),
        (CAMEO_FILE, "0232\t", "0292\t3.4\tREQUEST\tAppeal for military aid", "parent"),
        (CAMEO_FILE, "0232\t", "0232\t\tREQUEST\tAppeal for military aid", "empty field"),
        (CAMEO_FILE, "code\t", "code\tscore\tplover\tname", "header"),
        (PLOVER_FILE, "AID\t", "AID\tmaterial\tgive", "not an integer"),
        (PLOVER_FILE, "AID\t", "AID\t7\tgive", "not 1-4"),
        (PLOVER_MODES_FILE, "COERCE\tcurfew", "FIGHT\tcurfew\tx", "unknown PLOVER"),
        (ACLED_FILE, "Political violence\tRiots", "Political violence\tRiots", "expected 3"),
        (ACLED_FILE, "Political violence\tRiots", "Political violence\tRiots\tArmed clash", "twice"),
    ],
)
def test_malformed_rows_name_file_and_line(
    tmp_path: Path, file_name: str, starts_with: str, new_line: str, message: str
) -> None:
    data_dir = copy_data_files(tmp_path)
    number = replace_line(data_dir / file_name, starts_with, new_line)
    with pytest.raises(LexiconError) as raised:
        Taxonomy.load(data_dir=data_dir)
    text = str(raised.value)
    assert message in text
    assert f"{file_name}:{number}:" in text


@pytest.mark.parametrize(
    ("file_name", "starts_with", "message"),
    [(PLOVER_FILE, "MOBILIZE\t", "MOBILIZE"), (CAMEO_FILE, "020\t", "020")],
)
def test_dropping_a_required_row_is_caught(tmp_path: Path, file_name: str, starts_with: str, message: str) -> None:
    data_dir = copy_data_files(tmp_path)
    replace_line(data_dir / file_name, starts_with, "# removed")
    with pytest.raises(LexiconError, match=message):
        Taxonomy.load(data_dir=data_dir)


def test_plover_types_out_of_manual_order_are_caught(tmp_path: Path) -> None:
    data_dir = copy_data_files(tmp_path)
    path = data_dir / PLOVER_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    agree, consult = line_number_of(path, "AGREE\t") - 1, line_number_of(path, "CONSULT\t") - 1
    lines[agree], lines[consult] = lines[consult], lines[agree]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="in that order"):
        Taxonomy.load(data_dir=data_dir)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    data_dir = copy_data_files(tmp_path)
    (data_dir / ACLED_FILE).unlink()
    with pytest.raises(LexiconError, match=ACLED_FILE):
        Taxonomy.load(data_dir=data_dir)
