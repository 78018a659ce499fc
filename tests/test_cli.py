"""The command line, run as users run it: the installed console script on real files and a real store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
EVENTWIRE = [sys.executable, "-m", "eventwire"]


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_documented(name):
    assert f"eventwire {name}" in README


@pytest.mark.parametrize(
    "command, option",
    [
        (name, opt)
        for name, command in sorted(cli.commands.items())
        for param in command.params
        for opt in param.opts
        if opt.startswith("--")
    ]
    + [("(global)", opt) for param in cli.params for opt in param.opts if opt.startswith("--")],
)
def test_every_option_is_documented(command, option):
    assert f"`{option}" in README, f"{command} {option} is not in README.md"


def run_cli(*args: str, input: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTWIRE, *args], input=input, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_help(name):
    result = run_cli(name, "--help")
    assert result.returncode == 0 and "Usage" in result.stdout


REPORTS = [
    {"id": "r1", "published": "2022-02-24", "title": "Talks", "text": "Russian troops attacked the city of Kharkiv on Thursday."},
    {"id": "r2", "published": "2022-02-25", "text": "Poland's president agreed to send humanitarian aid to Ukraine."},
]


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "reports.jsonl").write_text("".join(json.dumps(r) + "\n" for r in REPORTS) + "{broken\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def test_extract_writes_one_line_per_document(inputs: Path):
    result = run_cli("extract", str(inputs), "--workers", "1")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0
    assert [line["doc_id"] for line in lines] == [f"{inputs}/empty.txt", "r1", "r2", f"{inputs}/reports.jsonl:3"]
    assert "error" in lines[0] and "error" in lines[3]
    assert lines[1]["published"] == "2022-02-24" and lines[1]["events"]
    assert "skipped" in result.stderr


def test_run_then_query_and_rerun_adds_nothing(inputs: Path, tmp_path: Path):
    db = tmp_path / "store.duckdb"
    first = run_cli("run", "--db", str(db), "--workers", "1", str(inputs))
    assert first.returncode == 0, first.stderr
    assert "added: 2" in first.stdout and "failures: 2" in first.stdout
    second = run_cli("run", "--db", str(db), "--workers", "1", str(inputs))
    assert "added: 0" in second.stdout and "already stored: 2" in second.stdout
    events = run_cli("events", "--db", str(db), "--format", "jsonl")
    rows = [json.loads(line) for line in events.stdout.splitlines()]
    assert rows and all(row["plover"] for row in rows)
    assert len(rows) == len({row["id"] for row in rows})
    csv_out = run_cli("events", "--db", str(db), "--format", "csv", "--type", "ASSAULT")
    header = csv_out.stdout.splitlines()[0].split(",")
    assert "plover" in header and "cameo" in header
    failures = run_cli("failures", "--db", str(db))
    reasons = sorted(json.loads(line)["reason"] for line in failures.stdout.splitlines())
    assert reasons == ["empty", "malformed-record"]  # recorded once, not again on the re-run


def test_run_exits_non_zero_when_nothing_processed(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("run", "--db", str(tmp_path / "s.duckdb"), "--workers", "1", str(tmp_path / "empty.txt"))
    assert result.returncode != 0


def test_code_keeps_order_and_ids():
    lines = [
        {"id": 1, "text": "Russia attacked Ukraine.", "source": {"start": 0, "end": 6}, "target": {"start": 16, "end": 23}},
        {"id": 2, "text": "France praised Germany.", "source": {"start": 0, "end": 6}, "target": {"start": 15, "end": 22}},
    ]
    result = run_cli("code", input="".join(json.dumps(x) + "\n" for x in lines))
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["plover"] == "ASSAULT" and out[0]["quad_class"] == 4
    assert set(out[1]) == {"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}
