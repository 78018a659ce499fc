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
    from .store.sharing import SharedFileStore

    config = _config(max_bytes, model, actor_files)
    try:
        # The store holds the file only while it writes a batch: a server may read it meanwhile.
        with SharedFileStore(db) as store, tqdm(desc="documents", unit="doc", file=sys.stderr, disable=None) as bar:

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
@click.option("--explain", is_flag=True, help="Add the trigger word and the pattern (rule, or model with its top features).")
def code(path, model, explain) -> None:
    """Code dyads: input JSON lines {"id", "text", "source": {"start","end"}|null, "target": ...}.

    Output, in the same order: {"id", "plover", "cameo", "quad_class", "goldstein", "confidence"}
    (with --explain also "trigger" and "pattern").
    """
    from .coding import DyadCoder

    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        coder = DyadCoder(model=model)
        for output in coder.code_lines(stream, explain=explain):
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
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "geojson"]), default="table", show_default=True,
    help="geojson: a FeatureCollection of the located events (one Point feature per event).",
)
def events(db, actor, country, plover, cameo, quad_class, status, since, until, limit, fmt) -> None:
    """Query the events in the store."""
    from .store import EventQuery
    from .store.sharing import open_store_waiting

    query = EventQuery(
        actor=actor, country=country, plover=plover, cameo=cameo, quad_class=quad_class,
        status=status, since=since, until=until, limit=limit,
    )
    try:
        with open_store_waiting(db, read_only=True) as store:
            rows = store.events(query)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if fmt == "geojson":
        click.echo(json.dumps(events_geojson(rows), ensure_ascii=False, default=str))
        return
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
    from .store.sharing import open_store_waiting

    try:
        with open_store_waiting(db, read_only=True) as store:
            rows = store.failures()
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    _write_rows(rows, "jsonl")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file of the event store.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
def serve(db, host, port) -> None:
    """Serve the REST API and the dashboard over the store (http://HOST:PORT/).

    POST /api/articles needs Authorization: Bearer $EVENTWIRE_TOKEN (refused when it is unset).
    The store stays free between requests, so `eventwire run --db` may add to it meanwhile.
    """
    import os

    import uvicorn

    from .api import create_app

    try:
        app = create_app(db, token=os.environ.get("EVENTWIRE_TOKEN") or None)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"eventwire: serving {db} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


CLAIM_COLUMNS = ("published", "trigger", "cameo", "event_source", "claimed_by", "medium", "via", "supporters", "disputed_by")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file of the event store.")
@click.option("--disputed", is_flag=True, help="Only claims that another source disputes.")
@click.option("--limit", type=int, default=None, help="At most this many claims.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
def claims(db, disputed, limit, fmt) -> None:
    """List events that rest on somebody's word: who claims each, via whom, who supports and who disputes it."""
    from .store.sharing import open_store_waiting

    try:
        with open_store_waiting(db, read_only=True) as store:
            rows = store.claims(disputed=disputed, limit=limit)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    cells = [
        {c: _cell(", ".join(row[c]) if isinstance(row.get(c), list) else row.get(c), 30) for c in CLAIM_COLUMNS}
        for row in rows
    ]
    widths = {c: max([len(c)] + [len(cell[c]) for cell in cells]) for c in CLAIM_COLUMNS}
    click.echo("  ".join(c.ljust(widths[c]) for c in CLAIM_COLUMNS))
    for cell in cells:
        click.echo("  ".join(cell[c].ljust(widths[c]) for c in CLAIM_COLUMNS))
    click.echo(f"({len(rows)} claims)", err=True)


@cli.group()
def actors() -> None:
    """Inspect and check the actor lexicon (packaged, plus your own files)."""


@actors.command("lint")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
def actors_lint(file) -> None:
    """Check an actor file (YAML or TSV) before using it with --actors: unknown codes, bad or
    overlapping dates, names and aliases given twice or shared with packaged actors. Exits 1 on errors."""
    from .actor_lint import lint_actor_file

    try:
        issues = lint_actor_file(file)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    for issue in issues:
        click.echo(str(issue))
    errors = sum(issue.level == "error" for issue in issues)
    click.echo(f"{file}: {errors} errors, {len(issues) - errors} warnings", err=True)
    if errors:
        sys.exit(1)


@actors.command("show")
@click.argument("name")
@click.option("--on", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Date of the report (YYYY-MM-DD); default: the latest role.")
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Extra actor lexicon (YAML or TSV); repeatable.",
)
def actors_show(name, on, actor_files) -> None:
    """Who NAME is (a person, organisation, place or group phrase) on a date: code, country, sector, role and all roles."""
    from .actor_lexicon import ActorLexicon
    from .actor_lint import describe_actor

    try:
        lexicon = ActorLexicon.load(extra_files=actor_files)
    except EventwireError as e:
        raise click.ClickException(str(e)) from e
    lines = describe_actor(lexicon, name, on=on.date() if on else None)
    if not lines:
        raise click.ClickException(f"no actor found for {name!r}")
    for line in lines:
        click.echo(line)


def events_geojson(rows: list[dict]) -> dict:
    """A GeoJSON FeatureCollection of event rows: one Point per event with a location (lon, lat)."""
    features = []
    for row in rows:
        if row.get("lat") is None or row.get("lon") is None:
            continue
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        features.append(
            {"type": "Feature", "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    cli(prog_name="eventwire")
