"""`eventwire actors lint` and `eventwire actors show`, run as the real console script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "eventwire"
EVENTWIRE = [str(SCRIPT)] if SCRIPT.exists() else [sys.executable, "-m", "eventwire"]
DATA = ROOT / "src" / "eventwire" / "data"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTWIRE, *args], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["Psaki", "--on", "2022-02-23"], "code:     USAGOV"),
        (["Jen Psaki", "--on", "2022-06-01"], "code:     USAMED"),
        (["the Taliban", "--on", "2021-08-01"], "code:     AFGREB"),
        (["the Taliban", "--on", "2021-09-01"], "code:     AFGGOV"),
        (["Kyiv"], "country:  UKR"),
        (["Ukrainian lawmakers"], "code:     UKRLEG"),
    ],
)
def test_show(args, expected):
    result = run("actors", "show", *args)
    assert result.returncode == 0, result.stderr
    assert expected in result.stdout


def test_show_lists_roles_and_reads_user_files(tmp_path):
    result = run("actors", "show", "Zelensky", "--on", "2018-06-01")
    assert "UKRCVL" in result.stdout and "President of Ukraine" in result.stdout
    mine = tmp_path / "mine.tsv"
    mine.write_text("name\taliases\tcountry\tsector\tstart\tend\twikidata\nIvan Example\tExample\tBLR\tOPP\t2020-01-01\t\t\n", encoding="utf-8")
    result = run("actors", "show", "Example", "--actors", str(mine))
    assert result.returncode == 0 and "code:     BLROPP" in result.stdout


def test_show_unknown_name_fails():
    result = run("actors", "show", "the weather")
    assert result.returncode != 0 and "no actor" in result.stderr


def test_lint_reports_every_problem(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "- name: Olena Testenko\n"
        "  aliases: [Testenko, Zelensky]\n"
        "  roles:\n"
        "    - {country: UKR, sector: LEG, start: 2019-08-29, end: 2023-12-31}\n"
        "    - {country: UKR, sector: GOV, start: 2023-06-01, end: null}\n"
        "- name: Ivan Bad\n"
        "  roles: [{country: XYZ, sector: GOV}]\n"
        "- name: Petro Wizard\n"
        "  roles: [{country: UKR, sector: WIZ}]\n"
        "- name: Olena Testenko\n"
        "  roles: [{country: UKR, sector: GOV}]\n",
        encoding="utf-8",
    )
    result = run("actors", "lint", str(path))
    assert result.returncode == 1
    out = result.stdout
    assert "unknown country 'XYZ'" in out and "unknown sector 'WIZ'" in out
    assert "roles overlap" in out and "given twice" in out
    assert "'Zelensky' also names the packaged actor 'Volodymyr Zelenskyy'" in out
    assert "4 errors" in result.stderr or "errors" in result.stderr


def test_lint_tsv_and_a_clean_file(tmp_path):
    good = tmp_path / "good.tsv"
    good.write_text(
        "name\taliases\tcountry\tsector\tstart\tend\twikidata\n"
        "Olena Testenko\tTestenko\tUKR\tLEG\t2019-08-29\t2023-12-31\t\n"
        "Olena Testenko\t\tUKR\tGOV\t2024-01-01\t\tQ42\n",
        encoding="utf-8",
    )
    result = run("actors", "lint", str(good))
    assert result.returncode == 0, result.stdout
    assert "0 errors" in result.stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("X\t\tRUS\tGOV\tyesterday\t\t\n", encoding="utf-8")
    assert run("actors", "lint", str(bad)).returncode == 1


@pytest.mark.parametrize("name", ["actors.yaml", "actors_world.yaml"])
def test_the_packaged_lexicon_lints_without_errors(name):
    result = run("actors", "lint", str(DATA / name))
    assert result.returncode == 0, result.stdout[-2000:]
