"""No line of src/ or tests/ copies a run of seven words of the shared data (scripts/check_copied_text.py):
fixtures and examples are written in our own words. The data are read in place from ../shared."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

pytestmark = pytest.mark.skipif(not (SHARED / "data" / "events").exists(), reason="../shared is not beside the checkout")


@pytest.fixture(scope="module")
def check():
    spec = importlib.util.spec_from_file_location("check_copied_text", ROOT / "scripts" / "check_copied_text.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_no_line_copies_the_shared_data(check):
    known = check.shared_runs(SHARED)
    found = list(check.copied_lines(check.repository_files([ROOT / "src", ROOT / "tests"]), known))
    assert not found, "\n".join(f"{path}:{number}: {origin}: {run}" for path, number, origin, run in found)


@pytest.mark.parametrize(
    ("line", "copied"),
    [
        ("the seven words of this line run on here", True),  # a whole run of seven words
        ("The Seven words, of this line; run ON", True),  # case and punctuation do not matter
        ("the seven words of this other line", False),  # the same words, not the same run
    ],
)
def test_a_run_of_seven_words_is_found(check, tmp_path, line, copied):
    known = {hash(run): "a shared text" for run in check.runs("so the seven words of this line run on")}
    path = tmp_path / "fixture.py"
    path.write_text(f'TEXT = "{line}"\n', encoding="utf-8")
    assert bool(list(check.copied_lines([path], known))) == copied
