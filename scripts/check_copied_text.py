"""Lines of the repository that share a run of words with the shared data (../shared, read in place).

    .venv/bin/python scripts/check_copied_text.py [--shared ../shared] [--words 7] [PATH ...]

Everything in the repository is written by this project: a test fixture, a docstring example or a
lexicon entry must not copy a sentence of the evaluation data. This check reads the texts most likely
to be copied (ACLED dev notes, PolNeAR, the toponym sets LGL, TR-News and GeoVirus, the PLOVER dyad
sentences, the samples) and prints every line of the given files (default: src/ and tests/) that holds
a run of ``--words`` consecutive words found in one of them, with the run. Exit status 1 when one is
found. tests/test_copied_text.py runs it in CI. The DW sample's own test (tests/test_dw_sample.py)
asserts what is read from that sample (its title, the page furniture left out) and is not checked.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORDS = 7
#: Files that assert what is read from a shared sample itself.
EXEMPT = frozenset({"tests/test_dw_sample.py"})
_WORD = re.compile(r"\w+")


def runs(text: str, *, words: int = WORDS) -> Iterator[str]:
    """Each run of ``words`` consecutive words of ``text``, lowercased, joined by one space."""
    found = _WORD.findall(text.lower())
    for start in range(len(found) - words + 1):
        yield " ".join(found[start : start + words])


def shared_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(origin, text) for each text of the shared data this check reads."""
    data = shared / "data"
    with (data / "events" / "acled_dev.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            yield "ACLED dev notes", row.get("notes") or ""
    for name in ("plover_dyads_train.tsv", "plover_dyads_dev.tsv"):
        with (data / "events" / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                yield f"PLOVER dyads ({name})", row.get("sentence") or ""
    for folder in ("quotes", "geo"):
        for path in sorted((data / folder).glob("*.jsonl")):
            with path.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        yield path.name, json.loads(line).get("text") or ""
    for path in sorted((shared / "samples").glob("*")):
        if path.is_file():
            yield f"sample {path.name}", path.read_text(encoding="utf-8", errors="replace")


def shared_runs(shared: Path, *, words: int = WORDS) -> dict[int, str]:
    """hash of a run of words -> where it was first seen."""
    found: dict[int, str] = {}
    for origin, text in shared_texts(shared):
        for run in runs(text, words=words):
            found.setdefault(hash(run), origin)
    return found


def repository_files(paths: Iterable[Path]) -> list[Path]:
    files = []
    for path in paths:
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [f for f in files if _shown(f) not in EXEMPT]


def _shown(path: Path) -> str:
    """The path as printed: relative to the repository when inside it."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def copied_lines(files: Iterable[Path], known: dict[int, str], *, words: int = WORDS) -> Iterator[tuple[Path, int, str, str]]:
    """(file, line number, origin, run) for each line holding a run of words seen in the shared data."""
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for run in runs(line, words=words):
                origin = known.get(hash(run))
                if origin is not None:
                    yield path, number, origin, run
                    break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--words", type=int, default=WORDS)
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "src", ROOT / "tests"])
    args = parser.parse_args(argv)
    known = shared_runs(args.shared, words=args.words)
    found = list(copied_lines(repository_files(p.resolve() for p in args.paths), known, words=args.words))
    for path, number, origin, run in found:
        print(f"{_shown(path)}:{number}: {origin}: {run}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
