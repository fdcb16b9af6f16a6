r"""Reading records: a JSON array or JSON Lines, streamed, in linear time, losing nothing silently.

The format is chosen once per document, from its start:

* a document whose first line is a complete JSON value, followed by more, is **JSON Lines**,
  whatever that first value is (a record that is an array is then reported as such);
* any other document that starts with ``[`` is **one JSON array**: its items are the records,
  and anything after its closing ``]`` other than whitespace stops the run (exit 2), so two
  concatenated arrays, or an array and garbage, never pass as one array;
* anything else is JSON Lines.

Every line or item that is not a record is reported with its position (``input.not_json``,
``input.not_utf8``, ``input.too_deep``, ``input.too_large``, ``input.duplicate_key``) and the
next one is read, in JSON Lines and in an array alike (an array item's end is found by its
brackets and strings); blank lines are skipped. Lines end at ``\n``, ``\r\n`` or a lone
``\r``. A document that is not UTF-8 at all (UTF-16 or UTF-32 text, binary data with NUL bytes
at its start) stops the run once, with one message, before any record; so does an array whose
structure is broken (truncated, an item that never ends, a missing comma).

Duplicate keys in an object and the literals ``NaN`` and ``Infinity`` are refused: Python's
``json`` would keep the last duplicate and read ``NaN`` quietly, where another reader of the same
file (a JSON Schema validator, say) may see something else.

The array reader decodes each item once its text is complete, reading further chunks of
doubling size while an item is incomplete, so its time is linear in the item's size.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Generator, Iterator
from typing import IO, Any, NamedTuple

from atensi.boundary._lines import (
    Decoder,
    bad_line,
    decode_line,
    line_where,
    not_json,
    too_deep,
)
from atensi.cli._io import ReadFailed, UsageError, read_failed, standard_input
from atensi.errors import ErrorDetail

__all__ = [
    "MAX_RECORD_BYTES",
    "BadItem",
    "LineBatch",
    "Located",
    "RawLine",
    "open_input",
    "parse_line",
    "read_document",
    "read_records",
    "records_from",
]

MAX_RECORD_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 16
_BOM = b"\xef\xbb\xbf"
_SPACE = b" \t\r\n"


class BadItem:
    """A line or array item that could not be read as a record (not UTF-8, not JSON, too large)."""

    __slots__ = ("detail",)

    def __init__(self, detail: ErrorDetail) -> None:
        self.detail = detail


class Located(NamedTuple):
    """A record (or bad item, or raw line) and where it starts in the input.

    ``line`` is 1-based; ``offset`` is the byte offset of an array item's first byte (``None``
    in JSON Lines, where the line says where).
    """

    line: int
    offset: int | None
    item: Any


class RawLine(NamedTuple):
    """A line of JSON Lines not yet decoded (``records_from(..., raw_lines=True)``)."""

    number: int
    data: bytes


class LineBatch(NamedTuple):
    """Lines of JSON Lines not yet decoded, read together (``located_records(..., batch=N)``).

    ``numbers[i]`` is the 1-based number of ``lines[i]``; blank lines are left out, as always.
    """

    numbers: list[int]
    lines: list[bytes]


def _bad(where: tuple[str, str], code: str, en: str, id_: str) -> BadItem:
    return BadItem(bad_line(where, code, en, id_))


def _line(number: int) -> tuple[str, str]:
    return line_where(number)


def _item(index: int) -> tuple[str, str]:
    return f"array item {index}", f"butir larik {index}"


class _Decoder(Decoder):
    """The shared decoder (:mod:`atensi.boundary._lines`), its problems as bad items."""

    __slots__ = ()

    def bad(self, where: tuple[str, str]) -> BadItem | None:
        """The bad item for the value just decoded, if it had a duplicate key or a NaN."""
        found = self.problem(where)
        return None if found is None else BadItem(found)


_DECODER = _Decoder()


def parse_line(line: RawLine) -> Any:
    """Decode one line: its record, or a :class:`BadItem` naming the line."""
    found = decode_line(line.data, _line(line.number), _DECODER)
    return BadItem(found) if isinstance(found, ErrorDetail) else found


class _Source:
    """A byte stream with bytes put back in front; read errors become ``ReadFailed``."""

    def __init__(self, stream: IO[bytes], name: str) -> None:
        self.stream = stream
        self.name = name
        self.pending = b""
        #: Bytes before the document's first value (a byte order mark, white space).
        self.skipped = 0

    def unread(self, data: bytes) -> None:
        self.pending = data + self.pending

    def read(self, size: int) -> bytes:
        if self.pending:
            head, self.pending = self.pending[:size], self.pending[size:]
            return head
        try:
            return self.stream.read(size)
        except OSError as err:
            raise read_failed(self.name, err) from None

    def readline(self, limit: int) -> bytes:
        if self.pending:
            end = self.pending.find(b"\n", 0, limit)
            if end >= 0:
                head, self.pending = self.pending[: end + 1], self.pending[end + 1 :]
                return head
            head, self.pending = self.pending[:limit], self.pending[limit:]
            if len(head) == limit:
                return head
            return head + self._readline(limit - len(head))
        return self._readline(limit)

    def _readline(self, limit: int) -> bytes:
        try:
            return self.stream.readline(limit)
        except OSError as err:
            raise read_failed(self.name, err) from None

    def read_exactly(self, size: int) -> bytes:
        """Up to ``size`` bytes, fewer only at the end of the stream (pipes return less)."""
        data = b""
        while len(data) < size:
            more = self.read(size - len(data))
            if not more:
                break
            data += more
        return data

    def skip_space(self) -> tuple[bytes, int]:
        """Skip whitespace; return the first other byte (``b""`` at the end) and newlines seen."""
        newlines = 0
        while True:
            chunk = self.read(_CHUNK)
            if not chunk:
                return b"", newlines
            rest = chunk.lstrip(_SPACE)
            newlines += chunk.count(b"\n", 0, len(chunk) - len(rest))
            self.skipped += len(chunk) - len(rest)
            if rest:
                self.unread(rest[1:])
                return rest[:1], newlines


def _utf16_halves(even: bytes, odd: bytes) -> bool:
    """Whether alternate bytes are NUL and the others are not: ASCII text written as UTF-16."""
    nul = b"\x00\x00"
    return (even == nul and b"\x00" not in odd) or (odd == nul and b"\x00" not in even)


def _encoding_problem(head: bytes) -> str | None:
    """Why a document that starts with ``head`` is not UTF-8 text, if it says so at once."""
    if head.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "the input is UTF-32 text; atensi reads UTF-8 (convert it first)"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "the input is UTF-16 text; atensi reads UTF-8 (convert it first)"
    if b"\x00" in head:
        if len(head) == 4 and b"\x00\x00\x00" in (head[1:], head[:3]) and head.strip(b"\x00"):
            return "the input looks like UTF-32 text; atensi reads UTF-8 (convert it first)"
        even, odd = head[0::2], head[1::2]
        if len(head) == 4 and _utf16_halves(even, odd):
            return "the input looks like UTF-16 text; atensi reads UTF-8 (convert it first)"
        return "the input holds NUL bytes: binary data, not JSON text"
    return None


def records_from(
    stream: IO[bytes], *, raw_lines: bool = False, name: str = "the input"
) -> Iterator[Any]:
    """The records of a byte stream (see :func:`located_records`), without their positions."""
    for located in located_records(stream, raw_lines=raw_lines, name=name):
        yield located.item


def located_records(
    stream: IO[bytes], *, raw_lines: bool = False, name: str = "the input", batch: int = 0
) -> Iterator[Any]:
    """Yield the records of a byte stream holding a JSON array or JSON Lines.

    With ``raw_lines``, lines of JSON Lines come as :class:`RawLine` for :func:`parse_line`
    to decode elsewhere (in a worker process); a JSON array is decoded here either way. With
    ``batch`` as well, lines of JSON Lines come as :class:`LineBatch` es of up to ``batch``
    lines, read in large blocks (a line over :data:`MAX_RECORD_BYTES` still comes as its
    :class:`Located` problem, in its place).

    A leading UTF-8 byte order mark is skipped. A line or item that cannot be read is yielded
    as a bad item (and the stream goes on); a document that cannot be read raises
    :class:`UsageError` (and a failing device :class:`ReadFailed`). Nothing else is raised on
    bad bytes: the fuzz harness ``fuzz/fuzz_cli.py`` holds this function to that.
    """
    source = _Source(stream, name)
    head = source.read_exactly(4)
    if head.startswith(_BOM):
        head = head[len(_BOM) :]
        source.skipped = len(_BOM)
    else:
        problem = _encoding_problem(head)
        if problem is not None:
            raise UsageError(problem)
    source.unread(head)
    first, newlines = source.skip_space()
    if not first:
        return
    source.unread(first)
    if first == b"[" and not _is_first_of_lines(source):
        yield from _json_array(source, newlines + 1)
        return
    if first == b"{":
        whole = _one_pretty_object(source)
        if whole is not None:
            yield Located(newlines + 1, None, whole)
            return
    if raw_lines and batch > 0:
        yield from _json_line_batches(source, newlines, batch)
    else:
        yield from _json_lines(source, raw_lines, newlines)


#: Bytes read at a time by :func:`_json_line_batches`.
_BLOCK = 1 << 20


def _json_line_batches(source: _Source, skipped: int, size: int) -> Iterator[Any]:
    """The lines of JSON Lines as :func:`_json_lines` reads them, in batches of ``size``.

    Read a block at a time and split in C, instead of a call per line. A line longer than
    :data:`MAX_RECORD_BYTES` hands the rest of the input to :func:`_json_lines`, which reports
    it and reads on.
    """
    line_number = skipped
    numbers: list[int] = []
    lines: list[bytes] = []
    carry = b""
    while True:
        try:
            block = source.read(_BLOCK)
        except ReadFailed:  # the device failed: the lines read before it first
            if lines:
                yield LineBatch(numbers, lines)
            raise
        if block:  # whole lines, each ended by a line feed, and the start of the next one
            parts = block.split(b"\n")
            lone_cr = b"\r" in block  # looked for once per block: most blocks have none
            if carry:  # the carried start joins its line (not the whole block: no 1 MB copy)
                lone_cr = lone_cr or b"\r" in carry
                parts[0] = carry + parts[0]
            carry = parts.pop()
            ends = b"\n"
        else:  # the end: the last line, which no line feed ends
            parts, ends = ([carry] if carry else []), b""
            lone_cr = b"\r" in carry
            carry = b""
        for index, part in enumerate(parts):
            if len(part) > MAX_RECORD_BYTES:
                # The reader that reports and skips an over-long line takes over from here.
                if lines:
                    yield LineBatch(numbers, lines)
                source.unread(ends.join(parts[index:]) + ends + carry)
                yield from _json_lines(source, True, line_number)
                return
            line_number += 1
            if lone_cr and b"\r" in part:  # a lone CR ends a line too (not one before \n)
                pieces = _LONE_CR.split(part + ends)
                first = line_number
                line_number += len(pieces) - 1
                for number, piece in enumerate(pieces, start=first):
                    if piece and not piece.isspace():
                        numbers.append(number)
                        lines.append(piece)
                    if len(lines) >= size:
                        yield LineBatch(numbers, lines)
                        numbers, lines = [], []
                continue
            # A line's bytes without its line feed (the decoders skip white space around a
            # value); white space only is a blank line (``isspace`` stops at the first byte of a
            # record, where ``strip`` would copy it).
            if part and not part.isspace():
                numbers.append(line_number)
                lines.append(part)
                if len(lines) >= size:
                    yield LineBatch(numbers, lines)
                    numbers, lines = [], []
        if not block or len(carry) > MAX_RECORD_BYTES:
            if lines:
                yield LineBatch(numbers, lines)
            if block:  # a line already too long: reported by the reader that skips it
                source.unread(carry)
                yield from _json_lines(source, True, line_number)
            return


def _one_pretty_object(source: _Source) -> Any:
    """The record of a document that is one JSON object spread over lines, or ``None``.

    A pretty-printed object (``json.dumps(record, indent=2)``, what an editor or an API
    writes) is one record, not a dozen broken lines. Recognised when its first line is not a
    whole JSON value and the whole document (at most :data:`MAX_RECORD_BYTES`) is one object;
    otherwise the bytes are put back and read as JSON Lines.
    """
    line = source.readline(MAX_RECORD_BYTES + 1)
    if line.endswith(b"\n") and not isinstance(parse_line(RawLine(1, line)), BadItem):
        source.unread(line)
        return None
    rest = source.read_exactly(MAX_RECORD_BYTES + 1 - len(line))
    data = line + rest
    if len(data) <= MAX_RECORD_BYTES:
        found = parse_line(RawLine(1, data))
        if isinstance(found, dict):
            return found
    source.unread(data)
    return None


def _is_first_of_lines(source: _Source) -> bool:
    """Whether a document starting with ``[`` is JSON Lines: a whole first line, then more."""
    line = source.readline(MAX_RECORD_BYTES + 1)
    try:
        first, *rest = _LONE_CR.split(line, 1) if b"\r" in line else (line,)
        if rest and rest[0].strip():  # a line ended by a lone carriage return, and more
            return not isinstance(parse_line(RawLine(1, first)), BadItem)
        if not line.endswith(b"\n") or isinstance(parse_line(RawLine(1, line)), BadItem):
            return False
        after, _ = source.skip_space()
        if after:
            source.unread(after)
        return bool(after)
    finally:
        source.unread(line)


def _json_lines(source: _Source, raw_lines: bool, skipped: int) -> Iterator[Located]:
    line_number = skipped
    while True:
        raw = source.readline(MAX_RECORD_BYTES + 1)
        if not raw:
            return
        line_number += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            _skip_line(source, raw)
            too_large = _bad(
                _line(line_number),
                "input.too_large",
                f"longer than {MAX_RECORD_BYTES} bytes; skipped",
                f"lebih dari {MAX_RECORD_BYTES} bait; dilewati",
            )
            yield Located(line_number, None, too_large)
            continue
        pieces = _LONE_CR.split(raw) if b"\r" in raw else (raw,)
        line_number += len(pieces) - 1
        for offset, piece in enumerate(pieces, start=line_number - len(pieces) + 1):
            if not piece.strip():
                continue
            line = RawLine(offset, piece)
            yield Located(offset, None, line if raw_lines else parse_line(line))


#: A carriage return not followed by a line feed: a line break, as universal newlines read it
#: (files written with classic Mac line endings).
_LONE_CR = re.compile(rb"\r(?!\n)")


def _skip_line(source: _Source, read: bytes) -> None:
    """Skip the rest of an over-long line without holding it; binary data stops the run."""
    chunk = read
    while True:
        if b"\x00" in chunk:  # /dev/zero and other binary data never end a line
            raise UsageError("the input holds NUL bytes: binary data, not JSON text")
        if not chunk or chunk.endswith(b"\n"):
            return
        chunk = source.readline(_CHUNK)


class _Array:
    """The text of a JSON array being read: decoded UTF-8, held from the current item on."""

    def __init__(self, source: _Source, line: int) -> None:
        self.source = source
        # Bytes that are not UTF-8 become lone surrogates, which UTF-8 text never holds: the
        # item that holds one is that item's ``input.not_utf8``, and the run goes on.
        self.decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
        self.lossy = False
        self.after_cr = False
        self.text = ""
        self.position = 0
        self.offset = 0  # bytes read before ``text``
        self.eof = False
        # Where ``text[mark]`` is in the input (line, byte), advanced as items are read, so
        # that each item's position costs time in its own size only.
        self.mark = 0
        self.item_start = 0
        self.mark_line = line
        self.mark_byte = source.skipped

    def where(self, position: int) -> tuple[int, int]:
        """The line and byte offset of ``text[position]`` (at or after the last asked)."""
        seen = self.text[self.mark : position]
        if seen:
            # A line ends at a line feed, a carriage return and line feed, or a lone carriage
            # return (as JSON Lines reads them), one of a pair possibly at the end of the last
            # text seen.
            breaks = seen.count("\n")
            if "\r" in seen:
                breaks += seen.count("\r") - seen.count("\r\n")
            if self.after_cr and seen[0] == "\n":
                breaks -= 1
            self.after_cr = seen[-1] == "\r"
            self.mark_line += breaks
            self.mark_byte += (
                len(seen) if seen.isascii() else len(seen.encode("utf-8", "surrogateescape"))
            )
        self.mark = position
        return self.mark_line, self.mark_byte

    def more(self, size: int = _CHUNK) -> bool:
        """Read about ``size`` more bytes; ``False`` at the end of the input."""
        if self.eof:
            return False
        chunk = self.source.read(size)
        text = self.decoder.decode(chunk, final=not chunk)
        if not self.lossy and not chunk.isascii() and _NOT_UTF8.search(text):
            self.lossy = True
        self.offset += len(chunk)
        if not chunk:
            self.eof = True
        self.where(self.position)
        self.item_start = max(0, self.item_start - self.position)
        self.text = self.text[self.position :] + text
        self.position = self.mark = 0
        return bool(chunk)

    def skip_space(self) -> str:
        """Skip whitespace; return the next character (``""`` at the end)."""
        while True:
            text = self.text
            position = self.position
            while position < len(text) and text[position] in " \t\r\n":
                position += 1
            self.position = position
            if position < len(text):
                return text[position]
            if not self.more():
                return ""


def _json_array(source: _Source, line: int) -> Iterator[Located]:
    """Yield the items of a top-level JSON array; its whole text must be that array.

    An item that is not a record (not JSON, not UTF-8, nested too deeply, over the size limit)
    is that item's problem and the next one is read: its end is found by its brackets and
    strings (:class:`_Extent`). Only an array whose structure is broken (truncated, an item
    that never ends, no comma between items) or that goes on after its end stops the run.
    """
    array = _Array(source, line)
    array.skip_space()
    array.position += 1  # the "["
    index = 0
    while True:
        char = array.skip_space()
        if not char:
            raise UsageError(f"the JSON array is truncated after {index} records")
        if char == "]":
            array.position += 1
            break
        if index:
            if char != ",":
                raise UsageError(f"expected ',' or ']' after record {index - 1}")
            array.position += 1
            array.skip_space()
        array.item_start = array.position
        where = array.where(array.item_start)
        yield Located(*where, _array_item(array, index))
        index += 1
    if array.skip_space():
        raise UsageError(
            f"the input goes on after the JSON array of {index} records ends: another array "
            "or other data (one document holds one array; use JSON Lines for several)"
        )


_NOT_UTF8 = re.compile("[\udc80-\udcff]")
_STRUCTURE = re.compile(r'["\[\]{},]')
_IN_STRING = re.compile(r'["\\]')


class _Extent:
    """Where an array item ends, found by its brackets and strings, without recursion.

    Fed the text piece by piece (the state carries over), so that an item too large to hold or
    too deep to decode can be passed over in constant memory and the next item read.
    """

    __slots__ = ("depth", "escaped", "in_string")

    def __init__(self) -> None:
        self.depth = 0
        self.in_string = False
        self.escaped = False

    def end(self, text: str, start: int) -> int | None:
        """The position of the ``,`` or ``]`` after the item, or ``None`` if not in ``text``."""
        position = start
        size = len(text)
        while position < size:
            if self.in_string:
                if self.escaped:
                    self.escaped = False
                    position += 1
                    continue
                found = _IN_STRING.search(text, position)
                if found is None:
                    return None
                position = found.end()
                if found.group() == "\\":
                    self.escaped = True
                else:
                    self.in_string = False
                continue
            found = _STRUCTURE.search(text, position)
            if found is None:
                return None
            char = found.group()
            position = found.end()
            if char == '"':
                self.in_string = True
            elif char in "[{":
                self.depth += 1
            elif self.depth:
                if char != ",":
                    self.depth -= 1
            elif char != "}":  # a "," or the array's "]" at the item's own level
                return found.start()
        return None


def _array_item(array: _Array, index: int) -> Any:
    """The record at ``array.position`` (a :class:`BadItem` if it is not one); past its end."""
    extent = _Extent()
    scanned = array.position  # how far the extent has been looked for
    while True:
        pending = len(array.text) - array.position
        try:
            value, end = _DECODER.raw_decode(array.text, array.position)
        except ValueError:
            problem = "not_json"
        except RecursionError:
            problem = "too_deep"
        else:
            # A number at the end of the text may go on in the next chunk.
            if end == len(array.text) and array.more():
                continue
            return _decoded(array, index, value, end)
        # Not a record, or not whole yet: where does it end?
        stop = extent.end(array.text, scanned)
        if stop is not None:
            return _bad_item(array, index, stop, problem)
        if pending > MAX_RECORD_BYTES:
            return _pass_over(array, index, extent)
        scanned = len(array.text) - array.position  # ``more`` keeps the text from the item on
        if not array.more(max(_CHUNK, pending)):
            raise UsageError(
                f"record {index} of the JSON array never ends (the input is truncated, or a "
                "string or bracket is not closed)"
            )
        scanned += array.position


def _decoded(array: _Array, index: int, value: Any, end: int) -> Any:
    """The item just decoded, or its problem (not UTF-8, too large, a key twice)."""
    start = array.position
    array.position = end
    if array.lossy and _NOT_UTF8.search(array.text, start, end):
        return _bad(_item(index), "input.not_utf8", "not UTF-8 text", "bukan teks UTF-8")
    size = end - start
    if size * 4 > MAX_RECORD_BYTES and (
        len(array.text[start:end].encode("utf-8")) > MAX_RECORD_BYTES
    ):
        return _too_large(index)
    return _DECODER.bad(_item(index)) or value


def _bad_item(array: _Array, index: int, stop: int, problem: str) -> BadItem:
    """The item from ``array.position`` to ``stop`` that could not be decoded."""
    text = array.text[array.position : stop]
    array.position = stop
    where = _item(index)
    if array.lossy and _NOT_UTF8.search(text):
        return _bad(where, "input.not_utf8", "not UTF-8 text", "bukan teks UTF-8")
    if problem == "too_deep":
        return BadItem(too_deep(where))
    return BadItem(not_json(where, text))


def _pass_over(array: _Array, index: int, extent: _Extent) -> BadItem:
    """Pass over an item over the size limit without holding it; binary data stops the run.

    ``extent`` has looked through all the text held: only what is read next is looked at.
    """
    while True:
        if "\x00" in array.text:  # /dev/zero and other binary data never end an item
            raise UsageError("the input holds NUL bytes: binary data, not JSON text")
        array.where(len(array.text))
        array.position = len(array.text)
        if not array.more():
            raise UsageError(
                f"record {index} of the JSON array never ends (the input is truncated)"
            )
        stop = extent.end(array.text, 0)
        if stop is not None:
            array.position = stop
            return _too_large(index)


def _too_large(index: int) -> BadItem:
    return _bad(
        _item(index),
        "input.too_large",
        f"longer than {MAX_RECORD_BYTES} bytes; skipped",
        f"lebih dari {MAX_RECORD_BYTES} bait; dilewati",
    )


def open_input(path: str) -> IO[bytes]:
    """Open ``path`` for reading (``-`` is standard input)."""
    if path == "-":
        return standard_input()
    try:
        return open(path, "rb")
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror or type(err).__name__}") from None


def read_records(
    path: str,
    *,
    raw_lines: bool = False,
    opened: Callable[[IO[bytes]], None] | None = None,
    batch: int = 0,
) -> Generator[Any, None, None]:
    """Yield the records of a JSON array or JSON Lines file (``-`` for stdin), located.

    ``opened`` is called with the input stream once it is open (the progress line reads how
    far it is); ``batch`` (with ``raw_lines``) reads lines of JSON Lines in
    :class:`LineBatch` es (:func:`located_records`).
    """
    stream = open_input(path)
    if opened is not None:
        opened(stream)
    try:
        yield from located_records(stream, raw_lines=raw_lines, name=_name(path), batch=batch)
    finally:
        if path != "-":
            stream.close()


def _name(path: str) -> str:
    return "standard input" if path == "-" else path


def read_document(path: str, what: str) -> Any:
    """Read one JSON document of at most :data:`MAX_RECORD_BYTES` (the coverage registry)."""
    stream = open_input(path)
    try:
        source = _Source(stream, _name(path))
        raw = source.read_exactly(MAX_RECORD_BYTES + 1)
    finally:
        if path != "-":
            stream.close()
    if len(raw) > MAX_RECORD_BYTES:
        raise UsageError(f"{what} is larger than {MAX_RECORD_BYTES} bytes")
    if raw.startswith(_BOM):
        raw = raw[len(_BOM) :]
    problem = _encoding_problem(raw[:4])
    if problem is not None:
        raise UsageError(problem.replace("the input", what))
    found = parse_line(RawLine(1, raw))
    if isinstance(found, BadItem):
        reason = found.detail.message_en.split(": ", 1)[1]
        raise UsageError(f"{what} is not a JSON document in UTF-8 ({reason})")
    return found
