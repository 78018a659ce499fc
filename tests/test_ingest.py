"""Reading inputs: paths, directories, globs, gzip, JSON Lines, stdin, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Failure, RawDocument

FIXTURES = Path(__file__).parent / "fixtures"


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read_all(*paths: str | Path, **options) -> list[RawDocument | Failure]:
    return list(read_inputs([str(p) for p in paths], **options))


def ids(items: list[RawDocument | Failure]) -> list[str]:
    return [item.doc_id for item in items]


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record) + "\n" for record in records)


# --- good paths -------------------------------------------------------------------------------


def test_plain_text_file_is_read_as_raw_bytes(tmp_path):
    path = write(tmp_path / "story.txt", "Ministers met on Monday.\n")
    [doc] = read_all(path)
    assert doc == RawDocument(
        doc_id=str(path), format="text", data=b"Ministers met on Monday.\n", meta=doc.meta
    )
    assert doc.meta.path == str(path)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", "text"), ("a.text", "text"), ("a.html", "html"), ("a.htm", "html"), ("a.xhtml", "html"), ("A.HTML", "html")],
)
def test_format_comes_from_the_extension(tmp_path, name, expected):
    # The content says otherwise: the extension wins.
    path = write(tmp_path / name, "<html><body><p>Plain words.</p></body></html>" if expected == "text" else "Plain words.")
    [doc] = read_all(path)
    assert doc.format == expected


def test_directory_is_read_recursively_in_sorted_order_without_hidden_entries(tmp_path):
    root = tmp_path / "corpus"
    for name in ("b.txt", "a/z.txt", "a/b/c.html", "a.txt", "c/d.jsonl", ".hidden.txt", ".git/config", "a/.cache/x.txt"):
        write(root / name, jsonl({"id": "rec-1", "text": "A record."}) if name.endswith(".jsonl") else "Some text.")
    items = read_all(root)
    assert all(isinstance(item, RawDocument) for item in items)
    assert ids(items) == [
        os.path.join(str(root), "a", "b", "c.html"),
        os.path.join(str(root), "a", "z.txt"),
        os.path.join(str(root), "a.txt"),
        os.path.join(str(root), "b.txt"),
        "rec-1",
    ]
    assert items[-1].meta.path == os.path.join(str(root), "c", "d.jsonl")


def test_paths_may_be_path_objects(tmp_path):
    path = write(tmp_path / "story.txt", "Text.")
    assert ids(list(read_inputs([path]))) == [str(path)]


def test_inputs_keep_the_order_they_are_given_in(tmp_path):
    first = write(tmp_path / "z.txt", "Last by name, first by order.")
    second = write(tmp_path / "a.txt", "First by name, second by order.")
    assert ids(read_all(first, second)) == [str(first), str(second)]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["a.txt", "b.txt"]),
        ("**/*.html", ["page.html", "sub/deeper/page.html", "sub/page.html"]),
        ("sub", ["sub/deeper/page.html", "sub/notes.txt", "sub/page.html"]),
        ("s*", ["sub/deeper/page.html", "sub/notes.txt", "sub/page.html"]),
    ],
)
def test_glob_patterns_expand_in_sorted_order(tmp_path, pattern, expected):
    for name in ("a.txt", "b.txt", "page.html", "sub/page.html", "sub/notes.txt", "sub/deeper/page.html", ".hidden.txt"):
        write(tmp_path / name, "<p>x</p>" if name.endswith(".html") else "Text.")
    items = read_all(tmp_path / pattern)
    assert ids(items) == [str(tmp_path / name) for name in expected]


def test_gzip_text_is_decompressed(tmp_path):
    path = write(tmp_path / "story.txt.gz", gzip.compress("Talks resumed in Geneva.".encode()))
    [doc] = read_all(path)
    assert (doc.doc_id, doc.format, doc.data) == (str(path), "text", b"Talks resumed in Geneva.")


def test_gzip_without_inner_extension_is_sniffed(tmp_path):
    path = write(tmp_path / "page.gz", gzip.compress(b"<!DOCTYPE html><html><body><p>Hi</p></body></html>"))
    [doc] = read_all(path)
    assert doc.format == "html"


def test_jsonl_gz_yields_every_record(tmp_path):
    records = [{"id": f"r{n}", "text": f"Record {n}."} for n in range(3)]
    path = write(tmp_path / "batch.jsonl.gz", gzip.compress(jsonl(*records).encode()))
    items = read_all(path)
    assert [(item.doc_id, item.format, item.text) for item in items] == [
        ("r0", "record", "Record 0."),
        ("r1", "record", "Record 1."),
        ("r2", "record", "Record 2."),
    ]


def test_multi_member_gzip_is_read_whole(tmp_path):
    path = write(tmp_path / "two.jsonl.gz", gzip.compress(b'{"id": "a", "text": "A."}\n') + gzip.compress(b'{"id": "b", "text": "B."}\n'))
    assert ids(read_all(path)) == ["a", "b"]


def test_jsonl_text_is_taken_verbatim_with_its_metadata(tmp_path):
    text = "  Leading spaces,\ttabs,\r\n\r\nWindows breaks  and   runs of spaces.\u00a0\n"
    record = {
        "id": "wire-42",
        "text": text,
        "title": "Ceasefire talks",
        "url": "https://example.org/a",
        "source": "Example Wire",
        "author": "J. Doe",
        "published": "2022-02-23",
    }
    path = write(tmp_path / "wire.jsonl", jsonl(record))
    [doc] = read_all(path)
    assert doc.format == "record"
    assert doc.text == text
    assert doc.doc_id == "wire-42"
    assert (doc.meta.title, doc.meta.url, doc.meta.source, doc.meta.author) == (
        "Ceasefire talks",
        "https://example.org/a",
        "Example Wire",
        "J. Doe",
    )
    assert doc.meta.published == date(2022, 2, 23)
    assert doc.meta.path == str(path)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2022-02-23", date(2022, 2, 23)),
        ("2022-02-23T10:15:00Z", date(2022, 2, 23)),
        ("2022-02-23T23:59:59+05:00", date(2022, 2, 23)),
        ("February 23, 2022", date(2022, 2, 23)),
        (None, None),
    ],
)
def test_record_dates_are_parsed(tmp_path, published, expected):
    path = write(tmp_path / "d.jsonl", jsonl({"id": "x", "text": "T.", "published": published}))
    [doc] = read_all(path)
    assert doc.meta.published == expected


@pytest.mark.parametrize("published", ["yesterday", "2022-13-45", 20220223])
def test_unparsable_record_date_is_a_warning_not_a_failure(tmp_path, caplog, published):
    path = write(tmp_path / "d.jsonl", jsonl({"id": "x", "text": "T.", "published": published}))
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert doc.meta.published is None
    assert "cannot parse the published date" in caplog.text


def test_records_without_id_are_named_by_path_and_line(tmp_path):
    path = write(tmp_path / "n.ndjson", '{"text": "One."}\n\n   \n{"text": "Two.", "id": 17}\n{"text": "Three."}\n')
    assert ids(read_all(path)) == [f"{path}:1", "17", f"{path}:5"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"<!DOCTYPE html>\n<html><body><p>Hi</p></body></html>", "html"),
        (b"\n  <html lang='en'><p>Hi</p></html>", "html"),
        (b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'></html>", "html"),
        (b"<head><title>t</title></head>", "html"),
        (b"<div>" + b"<p>a</p><span>b</span>" * 5 + b"</div>", "html"),
        (b"Plain text about <b>bold</b> claims.\nMore text.", "text"),
        (b"{braces} open this text, which is not JSON.", "text"),
        (b'{"id": 1, "title": "no text field"}\n', "text"),
        (b"\xef\xbb\xbfA text with a byte order mark.", "text"),
    ],
)
def test_format_is_sniffed_when_there_is_no_extension(tmp_path, content, expected):
    path = write(tmp_path / "download", content)
    [doc] = read_all(path)
    assert (doc.format, doc.data) == (expected, content)


def test_sniffed_json_lines_become_records(tmp_path):
    path = write(tmp_path / "download", "\n" + jsonl({"id": "a", "text": "A."}, {"id": "b", "text": "B."}))
    items = read_all(path)
    assert [(item.doc_id, item.format) for item in items] == [("a", "record"), ("b", "record")]


def test_sniffed_json_lines_with_a_long_first_record(tmp_path):
    long_text = "word " * 5000  # the first line is longer than the sniffed head
    path = write(tmp_path / "download", jsonl({"id": "long", "text": long_text}, {"id": "short", "text": "S."}))
    items = read_all(path)
    assert [(item.doc_id, item.text) for item in items] == [("long", long_text), ("short", "S.")]


@pytest.mark.parametrize(
    ("data", "expected_format", "expected_ids"),
    [
        (b"A story read from a pipe.\n", "text", ["<stdin>"]),
        (b"<html><body><p>From a pipe.</p></body></html>", "html", ["<stdin>"]),
        (jsonl({"id": "p1", "text": "One."}, {"text": "Two."}).encode(), "record", ["p1", "<stdin>:2"]),
        (gzip.compress(b"Compressed story from a pipe."), "text", ["<stdin>"]),
        (gzip.compress(jsonl({"id": "z", "text": "Zipped."}).encode()), "record", ["z"]),
    ],
)
def test_stdin_is_sniffed(data, expected_format, expected_ids):
    items = list(read_inputs(["-"], stdin=io.BytesIO(data)))
    assert ids(items) == expected_ids
    assert {item.format for item in items} == {expected_format}


def test_stdin_between_files_keeps_its_place(tmp_path):
    before = write(tmp_path / "before.txt", "Before.")
    after = write(tmp_path / "after.txt", "After.")
    items = list(read_inputs([str(before), "-", str(after)], stdin=io.BytesIO(b"Middle.")))
    assert ids(items) == [str(before), "<stdin>", str(after)]


def test_utf16_text_with_bom_is_not_binary(tmp_path):
    path = write(tmp_path / "utf16.txt", "\ufeffMinisters met.".encode("utf-16-le"))
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)


# --- bad input: every problem is a Failure, and the batch goes on -------------------------------


def assert_failure(item, *, reason: str, doc_id: str, message_part: str) -> None:
    assert isinstance(item, Failure), item
    assert (item.stage, item.reason, item.doc_id) == ("ingest", reason, doc_id)
    assert message_part in item.message


@pytest.mark.parametrize("missing", ["no-such-file.txt", "no-such-dir/", "*.nothing", "**/*.nothing"])
def test_missing_paths_fail_and_the_rest_goes_on(tmp_path, missing):
    good = write(tmp_path / "good.txt", "Good.")
    items = read_all(tmp_path / missing, good)
    assert_failure(items[0], reason="missing", doc_id=str(tmp_path / missing), message_part=str(tmp_path / missing))
    assert items[1].doc_id == str(good)


@pytest.mark.parametrize(
    ("name", "data", "message_part"),
    [
        ("nul.txt", b"Some text\x00\x01\x02 then binary", "NUL bytes at offset 9"),
        ("nul.html", b"<html>\x00</html>", "NUL bytes at offset 6"),
        ("image.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "NUL bytes at offset 4"),
        ("controls.txt", b"\x01\x02\x03\x04\x05\x06text\x07\x08\x0e\x0f", "control characters"),
        ("controls", b"\x1b\x1c\x1d\x1e\x1f plain \x7f\x10\x11\x12", "control characters"),
    ],
)
def test_binary_files_fail(tmp_path, name, data, message_part):
    path = write(tmp_path / name, data)
    [item] = read_all(path)
    assert_failure(item, reason="binary", doc_id=str(path), message_part=message_part)
    assert item.message.startswith("binary file (")


def test_binary_stdin_fails():
    [item] = list(read_inputs(["-"], stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")))
    assert_failure(item, reason="binary", doc_id="<stdin>", message_part="NUL bytes")


def test_oversized_file_fails_and_the_limit_is_configurable(tmp_path):
    path = write(tmp_path / "long.txt", "word " * 300)  # 1,500 bytes
    [item] = read_all(path, max_bytes=1000)
    assert_failure(item, reason="oversized", doc_id=str(path), message_part="file is 1.5 kB, over the 1.0 kB limit (--max-bytes)")
    [doc] = read_all(path, max_bytes=1500)
    assert isinstance(doc, RawDocument)


def test_oversized_message_in_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as file:
        file.truncate(6_200_000)  # sparse: nothing is written
    [item] = read_all(path)
    assert_failure(item, reason="oversized", doc_id=str(path), message_part="file is 6.2 MB, over the 5.0 MB limit (--max-bytes)")


@pytest.mark.parametrize("name", ["huge.txt", "huge-without-extension"])
def test_oversized_files_are_not_read_whole(tmp_path, name):
    path = tmp_path / name
    with open(path, "wb") as file:
        file.truncate(1024**3)  # a sparse 1 GiB file: reading it would take long and fill memory
    [item] = read_all(path, max_bytes=10_000)
    assert_failure(item, reason="oversized", doc_id=str(path), message_part="over the 10.0 kB limit")


@pytest.mark.parametrize(
    ("name", "data", "message_part"),
    [
        ("bomb.txt.gz", gzip.compress(b"x" * 5_000_000), "decompressed content is over the 1.0 kB limit"),
        ("bomb.gz", gzip.compress(b"words " * 1_000_000), "decompressed content is over the 1.0 kB limit"),
    ],
)
def test_oversized_gzip_content_fails(tmp_path, name, data, message_part):
    path = write(tmp_path / name, data)
    [item] = read_all(path, max_bytes=1000)
    assert_failure(item, reason="oversized", doc_id=str(path), message_part=message_part)


def test_oversized_stdin_fails():
    [item] = list(read_inputs(["-"], max_bytes=100, stdin=io.BytesIO(b"text " * 100)))
    assert_failure(item, reason="oversized", doc_id="<stdin>", message_part="standard input is over the 100 bytes limit")


def test_oversized_record_fails_and_the_next_goes_on(tmp_path):
    path = write(
        tmp_path / "r.jsonl",
        jsonl({"id": "small", "text": "fits"}, {"id": "big", "text": "é" * 600}, {"id": "after", "text": "fits"}),
    )
    items = read_all(path, max_bytes=1000)
    assert ids(items) == ["small", "big", "after"]
    assert_failure(items[1], reason="oversized", doc_id="big", message_part="record text is 1.2 kB, over the 1.0 kB limit")


def test_record_line_far_over_the_limit_is_skipped_unparsed(tmp_path):
    path = write(tmp_path / "r.jsonl", jsonl({"id": "huge", "text": "x" * 100_000}, {"id": "after", "text": "fits"}))
    items = read_all(path, max_bytes=100)
    assert_failure(items[0], reason="oversized", doc_id=f"{path}:1", message_part="line 1")
    assert items[1].doc_id == "after"


@pytest.mark.parametrize(
    ("bad_line", "doc_id", "message_part"),
    [
        ('{"id": "x", "text": "unterminated}', "{path}:2", "invalid JSON: Unterminated string starting (column 21)"),
        ('{"id": "x", "text": "T."', "{path}:2", "invalid JSON: Expecting ',' delimiter (column 25)"),
        ("not json at all", "{path}:2", "invalid JSON: Expecting value (column 1)"),
        ('["a", "list"]', "{path}:2", "expected a JSON object, got an array"),
        ('"a string"', "{path}:2", "expected a JSON object, got a string"),
        ('{"id": "no-text", "title": "T"}', "no-text", 'has no "text" field'),
        ('{"id": "num", "text": 42}', "num", '"text" must be a string, got a number'),
        ('{"id": "nul", "text": null}', "nul", '"text" must be a string, got null'),
        (b'{"id": "latin", "text": "caf\xe9"}', "{path}:2", "not valid UTF-8"),
    ],
)
def test_malformed_json_line_among_good_lines(tmp_path, bad_line, doc_id, message_part):
    bad = bad_line if isinstance(bad_line, bytes) else bad_line.encode()
    path = write(tmp_path / "mixed.jsonl", b'{"id": "good-1", "text": "First."}\n' + bad + b'\n{"id": "good-2", "text": "Last."}\n')
    items = read_all(path)
    assert ids(items)[0] == "good-1" and ids(items)[2] == "good-2"
    assert [item.text for item in (items[0], items[2])] == ["First.", "Last."]
    assert_failure(items[1], reason="malformed-record", doc_id=doc_id.format(path=path), message_part=message_part)
    assert f"{path} line 2" in items[1].message


def test_truncated_jsonl_gz_keeps_its_complete_records(tmp_path):
    records = [{"id": f"r{n:04d}", "text": f"Record number {n} about talks."} for n in range(3000)]
    compressed = gzip.compress(jsonl(*records).encode())
    path = write(tmp_path / "cut.jsonl.gz", compressed[: len(compressed) // 2])
    items = read_all(path)
    *docs, last = items
    assert len(docs) > 100
    assert ids(docs) == [record["id"] for record in records[: len(docs)]]
    assert all(isinstance(doc, RawDocument) and doc.text == records[n]["text"] for n, doc in enumerate(docs))
    assert_failure(last, reason="truncated", doc_id=str(path), message_part="truncated gzip stream after")


@pytest.mark.parametrize("name", ["cut.txt.gz", "cut.html.gz", "cut.gz"])
def test_truncated_gzip_document_fails(tmp_path, name):
    compressed = gzip.compress(b"A story that is cut short. " * 50)
    path = write(tmp_path / name, compressed[:-12])
    [item] = read_all(path)
    assert_failure(item, reason="truncated", doc_id=str(path), message_part="truncated gzip stream after")


@pytest.mark.parametrize("data", [b"this was never compressed", b"\x1f\x8b\x08\x00garbage after a gzip header"])
def test_corrupt_gzip_fails(tmp_path, data):
    path = write(tmp_path / "bad.txt.gz", data)
    [item] = read_all(path)
    assert_failure(item, reason="corrupt", doc_id=str(path), message_part="corrupt gzip stream")


def test_empty_file_is_read_and_left_to_clean(tmp_path):
    path = write(tmp_path / "empty.txt", b"")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.data == b""


def test_one_bad_input_never_stops_the_batch(tmp_path):
    good = write(tmp_path / "1-good.txt", "Good.")
    binary = write(tmp_path / "2-binary.txt", b"\x00\x01")
    records = write(tmp_path / "3-records.jsonl", '{"id": "r", "text": "R."}\n{oops\n')
    cut = write(tmp_path / "4-cut.txt.gz", gzip.compress(b"Cut." * 100)[:20])
    also_good = write(tmp_path / "5-good.html", "<p>Fine.</p>")
    items = read_all(tmp_path, tmp_path / "missing.txt")
    assert [(item.doc_id, getattr(item, "reason", "ok")) for item in items] == [
        (str(good), "ok"),
        (str(binary), "binary"),
        ("r", "ok"),
        (f"{records}:2", "malformed-record"),
        (str(cut), "truncated"),
        (str(also_good), "ok"),
        (str(tmp_path / "missing.txt"), "missing"),
    ]
    assert all(item.stage == "ingest" for item in items if isinstance(item, Failure))


def test_max_bytes_must_be_positive():
    with pytest.raises(ValueError):
        list(read_inputs(["-"], max_bytes=0, stdin=io.BytesIO(b"x")))


def test_fixture_directory_reads_cleanly():
    items = read_all(FIXTURES)
    assert items and all(isinstance(item, RawDocument) for item in items)
