"""The command line's reader loses nothing silently, and reads in time linear in record size.

Issue 16, items 6, 7 and 10: concatenated arrays, arrays followed by garbage, JSON Lines whose
first line is an array, duplicate keys, NaN, UTF-16, binary input and ``/dev/zero``.
"""

from __future__ import annotations

import io
import json
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import cli
from atensi.cli import _reader as reader
from atensi.cli._io import UsageError

ROOT = pathlib.Path(__file__).resolve().parents[1]
GOOD = {"id": "P", "nik": {"reason": "belum_terdaftar"}, "name": "A"}


def read(data: bytes) -> list[Any]:
    return list(cli.records_from(io.BytesIO(data)))


def validate(path: str) -> subprocess.CompletedProcess[str]:
    """``atensi validate PATH --kind person`` as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "atensi", "validate", path, "--kind", "person"],
        capture_output=True,
        text=True,
        timeout=60,
    )


def codes(found: list[Any]) -> list[Any]:
    return [f.detail.code if isinstance(f, cli.BadItem) else f for f in found]


@pytest.mark.parametrize(
    "data",
    [b"[1][2]", b"[\n  {}\n]\n[\n  {}\n]\n", b"[{}] garbage", b'[{"a": 1}\n]\n{}'],
    ids=["two arrays", "two pretty arrays", "garbage", "an object after"],
)
def test_anything_after_an_array_stops_the_run(data: bytes) -> None:
    with pytest.raises(cli.UsageError) as info:
        read(data)
    assert "goes on after the JSON array of 1 records ends" in str(info.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'[{"id": "P"}]\n[{"id": "Q"}]', [[{"id": "P"}], [{"id": "Q"}]]),
        (b"[{}]\n}", [[{}], "input.not_json"]),
        (b'[{}]\n{"id": "Q"}', [[{}], {"id": "Q"}]),
    ],
    ids=["two one-line arrays", "a brace", "an object"],
)
def test_a_first_line_that_is_a_whole_value_makes_json_lines(
    data: bytes, expected: list[Any]
) -> None:
    """Every line is a record (an array is then an invalid record): none dropped."""
    assert codes(read(data)) == expected


def test_json_lines_whose_first_line_is_an_array_keep_every_line() -> None:
    lines = [b"[1, 2]", json.dumps(GOOD).encode(), b'{"id": "Q"}']
    found = read(b"\n".join(lines) + b"\n")
    assert found == [[1, 2], GOOD, {"id": "Q"}]


def test_concatenated_arrays_stop_the_command_with_exit_2(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "two.json"
    path.write_bytes(b"[\n" + json.dumps(GOOD).encode() + b"\n]\n[\n{}\n]\n")
    result = validate(str(path))
    assert result.returncode == 2
    assert len(result.stdout.splitlines()) == 1  # the record before the fault is written
    assert "goes on after the JSON array of 1 records ends" in result.stderr


def test_a_one_line_array_alone_is_an_array() -> None:
    assert read(b"[1, 2]\n\n") == [1, 2]
    assert read(b"[1, 2]") == [1, 2]


@pytest.mark.parametrize("lines", [True, False])
def test_duplicate_keys_and_nan_are_refused_with_their_position(lines: bool) -> None:
    values = [b'{"id": "P", "id": "Q"}', b'{"a": {"b": 1, "b": 2}}', b'{"n": NaN}', b"-Infinity"]
    if lines:
        data = b"\n".join(values) + b'\n{"ok": 1}\n'
    else:
        data = b"[" + b",\n".join(values) + b',\n{"ok": 1}]'
    found = read(data)
    assert codes(found) == [
        "input.duplicate_key",
        "input.duplicate_key",
        "input.not_json",
        "input.not_json",
        {"ok": 1},
    ]
    where = "line 3" if lines else "array item 2"
    assert found[2].detail.message_en.startswith(where)
    assert "NaN" in found[2].detail.message_en
    assert found[2].detail.message_id.startswith("baris 3" if lines else "butir larik 2")


@pytest.mark.parametrize("bom", ["\ufeff", ""], ids=["with a BOM", "without"])
@pytest.mark.parametrize("array", [True, False], ids=["array", "lines"])
@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("utf-16-le", "UTF-16"),
        ("utf-16-be", "UTF-16"),
        ("utf-32-le", "UTF-32"),
        ("utf-32-be", "UTF-32"),
    ],
)
def test_utf16_and_utf32_are_named_once(bom: str, array: bool, encoding: str, name: str) -> None:
    body = json.dumps([GOOD] if array else GOOD) + "\n"
    with pytest.raises(cli.UsageError) as info:
        read((bom + body).encode(encoding))
    assert name in str(info.value)


def test_utf16_input_is_one_message_on_the_command_line(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "utf16.jsonl"
    path.write_bytes(("\n".join([json.dumps(GOOD)] * 1000) + "\n").encode("utf-16"))
    result = validate(str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "atensi: error: the input is UTF-16 text; atensi reads UTF-8 (convert it first)\n"
    )


class Zeros(io.RawIOBase):
    """``/dev/zero``: endless NUL bytes (counted, so the test can say how much was read)."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        buffer[:] = bytes(len(buffer))
        self.read_bytes += len(buffer)
        return len(buffer)


@pytest.mark.parametrize("prefix", [b"", b'{"id": "P"}\n', b"x" * 100])
def test_endless_binary_input_stops_with_a_message(prefix: bytes) -> None:
    zeros = Zeros()
    stream = io.BufferedReader(zeros)
    source = io.BytesIO(prefix) if prefix else None

    class Chained(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            if source is not None:
                data = source.read(len(buffer))
                if data:
                    buffer[: len(data)] = data
                    return len(data)
            return stream.readinto(buffer)

    with pytest.raises(cli.UsageError) as info:
        list(cli.records_from(io.BufferedReader(Chained())))
    assert "NUL bytes" in str(info.value)
    assert zeros.read_bytes <= 2 * cli.MAX_RECORD_BYTES


def test_dev_zero_on_the_command_line_stops() -> None:
    result = validate("/dev/zero")
    assert result.returncode == 2
    assert "NUL bytes" in result.stderr


def test_an_over_long_line_is_still_skipped_with_a_message() -> None:
    data = b'{"n": "' + b"x" * (cli.MAX_RECORD_BYTES + 10) + b'"}\n' + json.dumps(GOOD).encode()
    assert codes(read(data)) == ["input.too_large", GOOD]


def test_line_numbers_count_leading_blank_lines() -> None:
    found = read(b"\n\n{oops\n")
    assert found[0].detail.message_en.startswith("line 3")


def test_an_array_item_over_the_limit_is_refused_even_below_twice_the_limit() -> None:
    item = b'"' + b"x" * (cli.MAX_RECORD_BYTES + 100) + b'"'
    found = read(b"[" + item + b", 1]")
    assert codes(found) == ["input.too_large", 1]
    assert "longer than 16777216 bytes" in found[0].detail.message_en
    # Multi-byte text: 6 MB of characters are more than 16 MB of UTF-8.
    wide = ('"' + "€" * (6 * 1024 * 1024) + '"').encode()
    assert codes(read(b"[" + wide + b"]")) == ["input.too_large"]


# --- Issue 28: one bad record never stops a run, whatever the format --------------------------

_GOOD = json.dumps(GOOD).encode()


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (b'{"a": ' * 1000 + b"1" + b"}" * 1000, "input.too_deep"),
        (b"[" * 5000 + b"]" * 5000, "input.too_deep"),
        (b'{"id": "P",, "x"}', "input.not_json"),
        (b"[1, 2}", "input.not_json"),
        (b'{"id": "Andr\xe9"}', "input.not_utf8"),
        (b'{"id": "P", "x": "a\x00b"}', "input.not_json"),
        (b'{"a": "]", "b": [",", "}"], "c": "\\\\"\x01}', "input.not_json"),
        (b'{"id": NaN}', "input.not_json"),
        (b'{"id": "P", "id": "Q"}', "input.duplicate_key"),
        (b'{"n": "' + b"x" * (cli.MAX_RECORD_BYTES + 10) + b'"}', "input.too_large"),
        (b'{"n": ["' + b"[{,]}" * (cli.MAX_RECORD_BYTES // 5 + 10) + b'"]}', "input.too_large"),
    ],
    ids=[
        "1000 deep",
        "5000 deep",
        "two commas",
        "wrong bracket",
        "latin-1",
        "NUL",
        "brackets in strings",
        "NaN",
        "duplicate key",
        "over 16 MB",
        "over 16 MB of brackets in a string",
    ],
)
def test_one_bad_array_item_is_that_items_error_and_the_next_is_read(bad: bytes, code: str) -> None:
    for data, expected in (
        (b"[" + _GOOD + b", " + bad + b", " + _GOOD + b"]", [GOOD, code, GOOD]),
        (b"[\r\n  " + _GOOD + b",\r\n  " + bad + b",\r\n  " + _GOOD + b"\r\n]", [GOOD, code, GOOD]),
        (b"[" + bad + b"]", [code]),
    ):
        found = list(reader.located_records(io.BytesIO(data)))
        assert codes([f.item for f in found]) == expected, data[:80]
        bad_item = next(f for f in found if isinstance(f.item, cli.BadItem))
        # The bad item is named by its position, and located where it starts.
        assert bad_item.offset == data.index(bad)
        assert bad_item.line == data[: data.index(bad)].count(b"\n") + 1


def test_the_same_bad_item_in_json_lines_and_in_an_array_has_the_same_code() -> None:
    bad = b'{"a": ' * 1000 + b"1" + b"}" * 1000
    lines = codes(read(_GOOD + b"\n" + bad + b"\n" + _GOOD + b"\n"))
    array = codes(read(b"[" + _GOOD + b",\n" + bad + b",\n" + _GOOD + b"]"))
    assert lines == array == [GOOD, "input.too_deep", GOOD]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[" + _GOOD + b", {", "never ends"),
        (b"[" + _GOOD + b', {"a": "unclosed}]', "never ends"),
        (b"[" + _GOOD + b" " + _GOOD + b"]", "expected ','"),
        (b"[" + _GOOD + b"] [1]", "goes on after"),
        (b"[" + _GOOD, "truncated"),
    ],
)
def test_an_array_whose_structure_is_broken_stops_after_the_records_before_it(
    data: bytes, message: str
) -> None:
    stream = reader.located_records(io.BytesIO(data))
    assert next(stream).item == GOOD
    with pytest.raises(cli.UsageError) as info:
        list(stream)
    assert message in str(info.value)


def test_an_array_of_binary_data_over_the_limit_stops() -> None:
    data = b"[" + _GOOD + b', "' + b"\x00" * (cli.MAX_RECORD_BYTES + 10)
    with pytest.raises(cli.UsageError) as info:
        read(data)
    assert "NUL bytes" in str(info.value)


# --- Record separators: line feeds, CRLF and a lone carriage return; nothing else -------------


@pytest.mark.parametrize("separator", [b"\n", b"\r\n", b"\r"], ids=ascii)
def test_records_are_separated_by_line_breaks(separator: bytes) -> None:
    data = separator.join([_GOOD, b"{oops", _GOOD]) + separator
    found = list(reader.located_records(io.BytesIO(data)))
    assert codes([f.item for f in found]) == [GOOD, "input.not_json", GOOD]
    assert [f.line for f in found] == [1, 2, 3]
    assert "line 2" in found[1].item.detail.message_en


def test_a_lone_carriage_return_ends_a_first_line_that_is_an_array() -> None:
    assert codes(read(b"[1]\r" + _GOOD + b"\r")) == [[1], GOOD]


def test_lone_carriage_returns_count_as_lines_in_an_array_too() -> None:
    found = list(reader.located_records(io.BytesIO(b"[\r" + _GOOD + b",\r\r" + _GOOD + b"]")))
    assert [f.line for f in found] == [2, 4]


@pytest.mark.parametrize(
    ("separator", "named"),
    [(b"\x0c", "a form feed (U+000C)"), (b"\x0b", "a vertical tab (U+000B)")],
)
def test_a_form_feed_or_vertical_tab_is_no_separator_and_the_message_says_so(
    separator: bytes, named: str
) -> None:
    found = read(separator.join([_GOOD, _GOOD, _GOOD]) + b"\n" + _GOOD + b"\n")
    assert codes(found) == ["input.not_json", GOOD]
    assert named in found[0].detail.message_en
    assert "separated by line breaks" in found[0].detail.message_en


def test_a_nul_byte_inside_a_line_is_that_lines_error() -> None:
    found = read(_GOOD + b'\n{"id": "\x00"}\n' + _GOOD + b"\n")
    assert codes(found) == [GOOD, "input.not_json", GOOD]
    assert "a NUL byte (U+0000)" in found[1].detail.message_en


def test_nul_bytes_at_the_start_or_in_an_endless_line_stop_the_run() -> None:
    for data in (b"\x00\x00" + _GOOD, _GOOD + b"\n" + b"\x00" * (cli.MAX_RECORD_BYTES + 10)):
        with pytest.raises(cli.UsageError) as info:
            read(data)
        assert "NUL bytes" in str(info.value)


def test_an_item_of_just_under_the_limit_is_read() -> None:
    item = b'"' + b"x" * (cli.MAX_RECORD_BYTES - 10) + b'"'
    assert len(read(b"[" + item + b", 1]")) == 2


@pytest.mark.parametrize("megabytes", [1, 4])
def test_array_reading_work_is_linear_in_the_record_size(
    monkeypatch: pytest.MonkeyPatch, megabytes: int
) -> None:
    """Count the characters the decoder is asked to look at: at most a few times the item."""
    decoded = 0
    real = reader._Decoder.raw_decode

    def counting(self: Any, text: str, position: int) -> tuple[Any, int]:
        nonlocal decoded
        decoded += len(text) - position
        return real(self, text, position)

    monkeypatch.setattr(reader._Decoder, "raw_decode", counting)
    item = json.dumps({"items": [GOOD] * (megabytes * 1024 * 1024 // 70)}).encode()
    assert len(read(b"[" + item + b"]")) == 1
    # Doubling reads: the attempts sum to at most about twice the item (before: size² / 64 kB).
    assert decoded <= 4 * len(item)


# --- Lines read in blocks and batches: the same lines, numbers and problems -------------------


def _flat(found: list[Any]) -> list[Any]:
    """Lines as (number, bytes) and problems as (line, code), from either reader.

    The batches leave a line's line feed out (the decoders skip white space around a value).
    """
    out: list[Any] = []
    for item in found:
        if isinstance(item, reader.LineBatch):
            out.extend(
                (n, line.rstrip(b"\n")) for n, line in zip(item.numbers, item.lines, strict=True)
            )
        elif isinstance(item.item, reader.RawLine):
            out.append((item.item.number, item.item.data.rstrip(b"\n")))
        else:
            out.append((item.line, item.item.detail.code))
    return out


_PIECES = st.sampled_from(
    [b'{"a": 1}', b"", b"  ", b"\t", b"x" * 70, b'{"b": "c"}', b"[1]", b"\x00", b"\xff"]
)
_ENDS = st.sampled_from([b"\n", b"\r\n", b"\r", b"\n\n"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_PIECES, _ENDS), max_size=30), st.booleans(), st.integers(1, 5))
def test_lines_read_in_batches_are_the_lines_read_one_by_one(
    lines: list[tuple[bytes, bytes]], last_ended: bool, size: int
) -> None:
    data = b'{"first": 0}\n' + b"".join(piece + end for piece, end in lines)
    if not last_ended and data.endswith(b"\n"):
        data = data[:-1] + b'{"last": 1}'
    with pytest.MonkeyPatch.context() as patch:
        # Small blocks and a small limit: block ends and over-long lines in every example.
        patch.setattr(reader, "_BLOCK", 7)
        patch.setattr(reader, "MAX_RECORD_BYTES", 64)
        try:
            one = _flat(list(reader.located_records(io.BytesIO(data), raw_lines=True)))
        except UsageError as err:  # binary data in an over-long line stops both
            with pytest.raises(UsageError, match=str(err)):
                list(reader.located_records(io.BytesIO(data), raw_lines=True, batch=size))
            return
        batched = list(reader.located_records(io.BytesIO(data), raw_lines=True, batch=size))
    assert _flat(batched) == one
    assert all(len(b.lines) <= size for b in batched if isinstance(b, reader.LineBatch))
