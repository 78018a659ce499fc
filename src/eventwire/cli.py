"""The ``eventwire`` command: a thin layer over the Python API.

Data goes to stdout; progress, warnings and per-document failures go to stderr.
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable
from datetime import date

import click

from . import __version__
from .errors import EventwireError
from .model import Article, Failure
from .pipeline import DEFAULT_MAX_BYTES, PipelineConfig

logger = logging.getLogger("eventwire")

DEFAULT_DB = "eventwire.duckdb"
EVENT_COLUMNS = ("date", "source_code", "source_text", "plover", "cameo", "goldstein", "target_code", "target_text", "status", "trigger_text", "title")


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("eventwire: %(levelname)s: %(message)s"))
    root = logging.getLogger("eventwire")
    root.handlers[:] = [handler]
    root.setLevel(level)


def pipeline_options(command: Callable) -> Callable:
    """Options shared by the commands that run the pipeline."""
    options = [
        click.option("--workers", "-w", type=int, default=None, help="Worker processes (default: all cores)."),
        click.option("--strict", is_flag=True, help="Stop at the first bad document instead of recording it."),
        click.option(
            "--max-bytes",
            type=int,
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            help="Documents larger than this are recorded as failures (reason 'oversized').",
        ),
        click.option("--model", default=None, help="spaCy model package (default: the installed English small model)."),
        click.option(
            "--actors",
            "actor_files",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False),
            help="Extra actor lexicon (YAML or TSV); repeatable.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _config(max_bytes: int, model: str | None, actor_files: tuple[str, ...]) -> PipelineConfig:
    return PipelineConfig(model=model, max_bytes=max_bytes, actor_files=tuple(actor_files))


def _report_failure(failure: Failure) -> None:
    click.echo(f"eventwire: skipped {failure.doc_id}: {failure.message} [{failure.reason}]", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
@click.option("--verbose", "-v", count=True, help="More log output on stderr (-vv for debug).")
@click.option("--quiet", "-q", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """eventwire: who did what to whom, where, when, and according to whom, from news text."""
    _configure_logging(verbose, quiet)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file of the event store.")
@pipeline_options
def run(paths, db, workers, strict, max_bytes, model, actor_files) -> None:
    """Ingest PATHS (files, directories, globs, .gz, - for stdin), extract events and store them.

    Prints a summary. Exits non-zero only when no document could be processed.
    """
    from tqdm import tqdm

    from .runner import run_into_store
    from .store import open_store

    config = _config(max_bytes, model, actor_files)
    try:
        with open_store(db) as store, tqdm(desc="documents", unit="doc", file=sys.stderr, disable=None) as bar:

            def on_result(item: Article | Failure) -> None:
                bar.update(1)
                if isinstance(item, Failure):
                    _report_failure(item)

            summary = run_into_store(
                paths, store, config=config, workers=workers, strict=strict, stdin=sys.stdin.buffer, on_result=on_result
            )
            overview = store.summary()
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(
        f"documents: {summary.documents}  added: {summary.added}  already stored: {summary.duplicates}  "
        f"events: {summary.events}  failures: {len(summary.failures)}"
    )
    click.echo(f"store {db}: {overview.articles} articles, {overview.events} events, {overview.failures} failures")
    if overview.events_by_plover:
        click.echo("events by PLOVER type:")
        for plover, count in overview.events_by_plover.items():
            click.echo(f"  {plover:<10} {count:>6}")
    if overview.top_dyads:
        click.echo("top dyads (source -> target):")
        for source, target, count in overview.top_dyads:
            click.echo(f"  {source} -> {target}: {count}")
    if overview.failures_by_reason:
        click.echo("failures by reason: " + ", ".join(f"{r} {n}" for r, n in overview.failures_by_reason.items()))
    if summary.documents and not summary.processed:
        sys.exit(1)


@cli.command()
@click.argument("paths", nargs=-1)
@pipeline_options
def extract(paths, workers, strict, max_bytes, model, actor_files) -> None:
    """Extract events from PATHS (default: stdin) without a store: one JSON line per document.

    A document that cannot be processed gives a line {"doc_id", "error"}.
    """
    from .runner import extract as extract_documents

    config = _config(max_bytes, model, actor_files)
    try:
        for item in extract_documents(paths or ("-",), config=config, workers=workers, strict=strict, stdin=sys.stdin.buffer):
            if isinstance(item, Failure):
                _report_failure(item)
            click.echo(json.dumps(item.to_record(), ensure_ascii=False))
    except EventwireError as e:
        raise click.ClickException(str(e)) from e


@cli.command()
@click.argument("path", default="-")
@click.option("--model", default=None, help="spaCy model package (default: the installed English small model).")
def code(path, model) -> None:
    """Code dyads: input JSON lines {"id", "text", "source": {"start","end"}|null, "target": ...}.

    Output, in the same order: {"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}.
    """
    from .coding import DyadCoder

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        coder = DyadCoder(model=model)
        for output in coder.code_lines(stream):
            click.echo(json.dumps(output, ensure_ascii=False))
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    finally:
        if stream is not sys.stdin:
            stream.close()


def _parse_date(ctx, param, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise click.BadParameter(f"expected YYYY-MM-DD, got {value!r}") from e


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file of the event store.")
@click.option("--actor", help="Source or target: name substring, or actor code / code prefix (RUS, UKRGOV).")
@click.option("--country", help="Source or target country (ISO3).")
@click.option("--type", "plover", help="PLOVER event type (REQUEST, ACCUSE, ...).")
@click.option("--cameo", help="CAMEO code prefix (02, 023, 0232).")
@click.option("--quad-class", type=click.IntRange(1, 4), help="QuadClass 1-4.")
@click.option("--status", help="asserted, reported, negated, hypothetical or requested.")
@click.option("--since", callback=_parse_date, help="Events on or after this date (YYYY-MM-DD).")
@click.option("--until", callback=_parse_date, help="Events on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def events(db, actor, country, plover, cameo, quad_class, status, since, until, limit, fmt) -> None:
    """Query the events in the store."""
    from .store import EventQuery, open_store

    query = EventQuery(
        actor=actor, country=country, plover=plover, cameo=cameo, quad_class=quad_class,
        status=status, since=since, until=until, limit=limit,
    )
    try:
        with open_store(db, read_only=True) as store:
            rows = store.events(query)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    _write_rows(rows, fmt)


def _write_rows(rows: list[dict], fmt: str) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    else:
        widths = {c: len(c) for c in EVENT_COLUMNS}
        cells = [{c: _cell(row.get(c)) for c in EVENT_COLUMNS} for row in rows]
        for cell in cells:
            for column, value in cell.items():
                widths[column] = max(widths[column], len(value))
        click.echo("  ".join(c.ljust(widths[c]) for c in EVENT_COLUMNS))
        for cell in cells:
            click.echo("  ".join(cell[c].ljust(widths[c]) for c in EVENT_COLUMNS))
        click.echo(f"({len(rows)} events)", err=True)


def _cell(value, width: int = 40) -> str:
    text = "" if value is None else str(value).replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file of the event store.")
def failures(db) -> None:
    """List the documents that could not be processed, and why (JSON lines)."""
    from .store import open_store

    try:
        with open_store(db, read_only=True) as store:
            rows = store.failures()
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    _write_rows(rows, "jsonl")


def main() -> None:
    cli(prog_name="eventwire")
