"""Reading inputs: files, directories, glob patterns, gzip streams, JSON Lines and stdin.

:func:`read_inputs` turns a list of paths into a stream of :class:`~eventwire.model.RawDocument`
(decoding and cleaning happen later, in :mod:`eventwire.clean`). Bad input never stops the stream:
every problem becomes a :class:`~eventwire.model.Failure` with ``stage="ingest"`` and the next
document goes on.

Formats are recognised by extension first (``.txt``/``.text`` text, ``.html``/``.htm``/``.xhtml``
HTML, ``.jsonl``/``.ndjson`` JSON Lines, ``.gz`` decompressed and looked at again), otherwise by
the content: gzip magic, then an HTML start or many tags, then a first line that is a JSON object
with ``"text"``, else text. JSON Lines are streamed record by record, so a corpus file may be
larger than ``max_bytes``; text and HTML documents may not.
"""

from __future__ import annotations

import codecs
import glob
import io
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any, BinaryIO, Literal

from .clean import check_binary, parse_date
from .errors import (
    CorruptInputError,
    InputError,
    MalformedRecordError,
    MissingInputError,
    OversizedInputError,
    TruncatedInputError,
    UnreadableInputError,
)
from .model import Failure, Metadata, RawDocument

logger = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000
#: The path that means standard input, and the name its documents get.
STDIN_PATH = "-"
STDIN_NAME = "<stdin>"

Format = Literal["text", "html", "records"]

_SUFFIX_FORMATS: tuple[tuple[str, Format], ...] = (
    (".txt", "text"),
    (".text", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".jsonl", "records"),
    (".ndjson", "records"),
)
#: Documentation beside a corpus (a folder's README.md) is not news: directory walks skip it.
_DOCUMENTATION_SUFFIXES = (".md", ".rst")
_GZIP_SUFFIX = ".gz"
_GZIP_MAGIC = b"\x1f\x8b"
_GLOB_CHARS = frozenset("*?[")
_CHUNK_BYTES = 1 << 16
_SNIFF_BYTES = 8192
#: A JSON line may spell its text with escapes (``\\u00e9`` is 6 bytes for 2): lines longer than
#: this many times ``max_bytes`` are oversized without being parsed.
_LINE_LIMIT_FACTOR = 8
_RECORD_META_FIELDS = ("title", "url", "source", "author")

_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_TAG = re.compile(rb"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_MIN_SNIFFED_TAGS = 10


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Failure]:
    """Read every input in ``paths`` in order and yield its documents, or a Failure for each problem.

    A path is a file, a directory (read recursively in sorted order, hidden entries skipped), a glob
    pattern (``*.txt``, ``**/*.html``) or ``-`` for ``stdin`` (default: the process's standard input).
    Text and HTML documents larger than ``max_bytes`` bytes, and records whose text is, fail with
    reason ``"oversized"``.
    """
    if max_bytes <= 0:
        raise ValueError(f"max_bytes must be positive, got {max_bytes}")
    for path in map(os.fspath, paths):
        if path == STDIN_PATH:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guard(STDIN_NAME, _read_stream(stream, STDIN_NAME, None, max_bytes=max_bytes))
        else:
            yield from _read_path(path, max_bytes=max_bytes)


def _read_path(path: str, *, max_bytes: int) -> Iterator[RawDocument | Failure]:
    if os.path.isdir(path):
        for file_path in _walk(path):
            yield from _guard(file_path, _read_file(file_path, max_bytes=max_bytes))
    elif os.path.exists(path):
        yield from _guard(path, _read_file(path, max_bytes=max_bytes))
    elif _GLOB_CHARS.intersection(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            error = MissingInputError(f"no files match the pattern {path!r}")
            yield Failure(path, "ingest", error.reason, str(error))
        for match in matches:
            if os.path.isdir(match):
                for file_path in _walk(match):
                    yield from _guard(file_path, _read_file(file_path, max_bytes=max_bytes))
            else:
                yield from _guard(match, _read_file(match, max_bytes=max_bytes))
    else:
        error = MissingInputError(f"no such file or directory: {path!r}")
        yield Failure(path, "ingest", error.reason, str(error))


def _walk(directory: str) -> Iterator[str]:
    """Files under ``directory``, depth first, entries sorted by name; hidden entries, links to
    directories and documentation files (``.md``, ``.rst``) are skipped."""
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as e:
        logger.warning("cannot list directory %s: %s", directory, e.strerror)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.name.lower().endswith(_DOCUMENTATION_SUFFIXES):
            logger.info("skipping documentation file %s", os.path.join(directory, entry.name))
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(os.path.join(directory, entry.name))
        elif entry.is_file():
            yield os.path.join(directory, entry.name)


def _guard(doc_id: str, items: Iterator[RawDocument | Failure]) -> Iterator[RawDocument | Failure]:
    """Turn an error that ends ``items`` into a Failure for ``doc_id``: the stream goes on."""
    try:
        yield from items
    except InputError as e:
        yield Failure(doc_id, "ingest", e.reason, str(e))
    except OSError as e:
        error = UnreadableInputError(f"cannot read {doc_id}: {e.strerror or e}")
        yield Failure(doc_id, "ingest", error.reason, str(error))


def _format_from_name(name: str) -> Format | None:
    lowered = name.lower()
    return next((fmt for suffix, fmt in _SUFFIX_FORMATS if lowered.endswith(suffix)), None)


def _read_file(path: str, *, max_bytes: int) -> Iterator[RawDocument | Failure]:
    compressed = path.lower().endswith(_GZIP_SUFFIX)
    fmt = _format_from_name(path[: -len(_GZIP_SUFFIX)] if compressed else path)
    size = None if compressed else os.stat(path).st_size
    with open(path, "rb") as file:
        stream: BinaryIO = file
        if compressed:
            stream = io.BufferedReader(_GunzipStream(file), buffer_size=_CHUNK_BYTES)  # type: ignore[assignment]
        yield from _read_stream(stream, path, fmt, max_bytes=max_bytes, compressed=compressed, size=size)


def _read_stream(
    stream: BinaryIO,
    name: str,
    fmt: Format | None,
    *,
    max_bytes: int,
    compressed: bool = False,
    size: int | None = None,
) -> Iterator[RawDocument | Failure]:
    """Yield the documents in ``stream``, sniffing the format when ``fmt`` is None.

    ``size`` is the size on disk of an uncompressed file: a text or HTML document over the limit
    fails on it before it is read.
    """
    if fmt == "records":
        yield from _read_records(stream, name, max_bytes=max_bytes)
        return
    head = b""
    if fmt is None:
        head = stream.read(_SNIFF_BYTES)
        if not compressed and head.startswith(_GZIP_MAGIC):
            rest = io.BufferedReader(_PrefixedStream(head, stream), buffer_size=_CHUNK_BYTES)
            gunzipped = io.BufferedReader(_GunzipStream(rest), buffer_size=_CHUNK_BYTES)
            yield from _read_stream(gunzipped, name, None, max_bytes=max_bytes, compressed=True)  # type: ignore[arg-type]
            return
        fmt = _sniff_format(head)
        if fmt == "records":
            rest = io.BufferedReader(_PrefixedStream(head, stream), buffer_size=_CHUNK_BYTES)
            yield from _read_records(rest, name, max_bytes=max_bytes)  # type: ignore[arg-type]
            return
    if size is not None and size > max_bytes:  # known before reading: the file is not read at all
        raise OversizedInputError(
            f"file is {_human_size(size)}, over the {_human_size(max_bytes)} limit (--max-bytes)"
        )
    data = head + _read_rest(stream, max_bytes - len(head))
    if len(data) > max_bytes:
        what = "standard input" if name == STDIN_NAME else "the decompressed content" if compressed else "the file"
        raise OversizedInputError(f"{what} is over the {_human_size(max_bytes)} limit (--max-bytes)")
    check_binary(data, what="input" if name == STDIN_NAME else "file")
    yield RawDocument(doc_id=name, format="html" if fmt == "html" else "text", data=data, meta=Metadata(path=name))


def _read_rest(stream: BinaryIO, budget: int) -> bytes:
    """The rest of ``stream``, stopping as soon as more than ``budget`` bytes have come."""
    chunks: list[bytes] = []
    total = 0
    while total <= budget:
        chunk = stream.read(min(_CHUNK_BYTES, budget - total + 1))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _sniff_format(head: bytes) -> Format:
    """Guess the format of a document from its first bytes."""
    if head.startswith(codecs.BOM_UTF8):
        head = head[len(codecs.BOM_UTF8) :]
    if _HTML_START.match(head):
        return "html"
    first_line = next((line for line in head.splitlines() if line.strip()), b"")
    if first_line.lstrip().startswith(b"{") and _is_record_line(first_line, complete=len(first_line) < len(head)):
        return "records"
    if len(_TAG.findall(head)) >= _MIN_SNIFFED_TAGS:
        return "html"
    return "text"


def _is_record_line(line: bytes, *, complete: bool) -> bool:
    """Whether ``line`` is a JSON object with a ``text`` (an incomplete long line: looks like one)."""
    if not complete:
        return b'"text"' in line
    try:
        value = json.loads(line)
    except ValueError:
        return False
    return isinstance(value, dict) and "text" in value


def _read_records(stream: BinaryIO, name: str, *, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """One RawDocument per JSON Lines record; a Failure per bad line, and the next line goes on."""
    line_limit = _LINE_LIMIT_FACTOR * max_bytes + _CHUNK_BYTES
    lineno = 0
    while True:
        line = stream.readline(line_limit)
        if not line:
            return
        lineno += 1
        fallback_id = f"{name}:{lineno}"
        if len(line) >= line_limit and not line.endswith(b"\n"):
            while (more := stream.readline(line_limit)) and not more.endswith(b"\n"):
                pass
            error = OversizedInputError(
                f"{name} line {lineno} is over {_human_size(line_limit)}, far over the "
                f"{_human_size(max_bytes)} limit (--max-bytes)"
            )
            yield Failure(fallback_id, "ingest", error.reason, str(error))
            continue
        if not line.strip():
            continue
        doc_id = fallback_id
        try:
            value = _load_json_line(line, where=f"{name} line {lineno}", first=lineno == 1)
            doc_id = _record_id(value, fallback=fallback_id)
            document = _record_document(value, doc_id=doc_id, name=name, lineno=lineno, max_bytes=max_bytes)
        except InputError as e:
            yield Failure(doc_id, "ingest", e.reason, str(e))
        else:
            yield document


def _load_json_line(line: bytes, *, where: str, first: bool) -> dict[str, Any]:
    """The JSON object on ``line``; MalformedRecordError when it is not one."""
    if first and line.startswith(codecs.BOM_UTF8):
        line = line[len(codecs.BOM_UTF8) :]
    line = line.rstrip(b"\r\n")
    try:
        value = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise MalformedRecordError(
            f"{where}: not valid UTF-8 (byte 0x{line[e.start]:02x} at column {e.start + 1})"
        ) from e
    except json.JSONDecodeError as e:
        raise MalformedRecordError(
            f"{where}: invalid JSON: {e.msg.removesuffix(' at')} (column {e.colno})"
        ) from e
    if not isinstance(value, dict):
        raise MalformedRecordError(f"{where}: expected a JSON object, got {_json_type(value)}")
    return value


def _record_id(value: dict[str, Any], *, fallback: str) -> str:
    record_id = value.get("id")
    if isinstance(record_id, (str, int)) and not isinstance(record_id, bool) and str(record_id).strip():
        return str(record_id)
    return fallback


def _record_document(value: dict[str, Any], *, doc_id: str, name: str, lineno: int, max_bytes: int) -> RawDocument:
    where = f"{name} line {lineno}"
    if "text" not in value:
        raise MalformedRecordError(f'{where}: the record has no "text" field')
    text = value["text"]
    if not isinstance(text, str):
        raise MalformedRecordError(f'{where}: "text" must be a string, got {_json_type(text)}')
    if len(text) * 4 > max_bytes:  # only then can the UTF-8 text be over the limit
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_bytes:
            raise OversizedInputError(
                f"{where}: record text is {_human_size(size)}, "
                f"over the {_human_size(max_bytes)} limit (--max-bytes)"
            )
    fields = {key: _string_field(value.get(key)) for key in _RECORD_META_FIELDS}
    meta = Metadata(published=_record_date(value.get("published"), where=where), path=name, **fields)
    return RawDocument(doc_id=doc_id, format="record", text=text, meta=meta)


def _string_field(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _record_date(value: Any, *, where: str) -> date | None:
    """A record's ``published``: ``YYYY-MM-DD``, an ISO datetime or a common date form; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text).date()
        except ValueError:
            parsed = parse_date(text)
            if parsed is not None:
                return parsed
    logger.warning("%s: cannot parse the published date %r; leaving it empty", where, value)
    return None


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "an array"}.get(
        type(value), type(value).__name__
    )


def _human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


class _PrefixedStream(io.RawIOBase):
    """A raw stream that gives ``prefix`` first, then the rest of ``stream``."""

    def __init__(self, prefix: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._prefix = prefix
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._prefix:
            size = min(len(buffer), len(self._prefix))
            buffer[:size] = self._prefix[:size]
            self._prefix = self._prefix[size:]
            return size
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _GunzipStream(io.RawIOBase):
    """The decompressed bytes of a gzip stream (several members allowed).

    Everything that could be decompressed is delivered before a broken stream raises:
    TruncatedInputError when the input ends early, CorruptInputError when it is not gzip or damaged.
    """

    def __init__(self, compressed: BinaryIO) -> None:
        super().__init__()
        self._compressed = compressed
        self._decompressor = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._delivered = 0
        self._ended: InputError | None = None
        self._finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending and not self._finished:
            self._decompress_more()
        if not self._pending:
            if self._ended is not None:
                raise self._ended
            return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self._delivered += size
        return size

    def _decompress_more(self) -> None:
        decompressor = self._decompressor
        try:
            if decompressor.unconsumed_tail:
                self._pending = decompressor.decompress(decompressor.unconsumed_tail, _CHUNK_BYTES)
                return
            if decompressor.eof:
                self._start_next_member(decompressor.unused_data)
                return
            chunk = self._compressed.read(_CHUNK_BYTES)
            if not chunk:
                self._pending = decompressor.flush()
                self._finished = True
                self._ended = TruncatedInputError(
                    f"truncated gzip stream after {self._delivered + len(self._pending)} bytes "
                    "(the compressed data ends before the end-of-stream marker)"
                )
                return
            self._pending = decompressor.decompress(chunk, _CHUNK_BYTES)
        except zlib.error as e:
            self._finished = True
            self._ended = CorruptInputError(
                f"corrupt gzip stream after {self._delivered} bytes ({e})"
            )

    def _start_next_member(self, data: bytes) -> None:
        while not data.strip(b"\x00"):  # zero padding after the last member is allowed
            data = self._compressed.read(_CHUNK_BYTES)
            if not data:
                self._finished = True
                return
        self._decompressor = zlib.decompressobj(wbits=31)
        self._pending = self._decompressor.decompress(data, _CHUNK_BYTES)
