"""The ``atensi`` command line: the only module of the package that touches files.

Commands (``atensi --help``)::

    atensi validate FILE --kind KIND     one JSON result per record on stdout, a summary on stderr
    atensi assess FILE --on DATE         one eligibility decision (JSON) per record
                                         (both: --jobs N worker processes, output in input order)
    atensi explain FILE --on DATE        the same decisions as readable text (--lang id|en)
                                         (assess, explain, coverage: --edition ID and
                                         --in-force-date INSTRUMENT=DATE; assess and explain:
                                         --compare-editions A,B for a what-if per record)
    atensi schema KIND                   the JSON Schema of an entity
    atensi nik NIK [--on DATE]           check and parse a NIK
    atensi region CODE                   look up a Kemendagri region code
    atensi coverage REGISTRY --on DATE   the region × target coverage matrix (--format json|csv)

FILE is a JSON array or JSON Lines (one record per line), or ``-`` for standard input; both are
read as a stream in constant memory. ``assess`` and ``explain`` read items of the form
``{"subject": {... "kind": ...}, "assessment": {...} | null, "on": "YYYY-MM-DD"?}``.

Personal data is redacted by default: error inputs, decision facts and messages, and the
parts of a NIK beyond its region and serial are shown only with ``--show-personal-data``.

Exit codes: 0 all records valid, 1 some records invalid, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, NamedTuple, NoReturn, Protocol

import atensi
from atensi.errors import ErrorDetail

__all__ = [
    "BadItem",
    "RawLine",
    "UsageError",
    "main",
    "parse_line",
    "read_records",
    "records_from",
]

MAX_RECORD_BYTES = 16 * 1024 * 1024
_CHUNK = 1 << 16
_PROGRESS_EVERY = 10_000
#: Records sent to the worker processes at a time (``--jobs``).
_BATCH = 4096
_BOM = b"\xef\xbb\xbf"


class UsageError(Exception):
    """A problem with the command line or an unreadable input: exit code 2."""


class BadItem:
    """A line that could not be read as a record (not UTF-8, not JSON, too large)."""

    __slots__ = ("detail",)

    def __init__(self, detail: ErrorDetail) -> None:
        self.detail = detail


def _entity(kind: str) -> type[Any]:
    from atensi.model import ENTITIES

    by_name = {cls.__name__.lower(): cls for cls in ENTITIES}
    cls = by_name.get(kind.lower().replace("_", "").replace("-", ""))
    if cls is None:
        raise UsageError(f"unknown kind {kind!r}; known kinds: {', '.join(sorted(by_name))}")
    return cls


def _open(path: str) -> IO[bytes]:
    if path == "-":
        return sys.stdin.buffer
    try:
        return open(path, "rb")
    except OSError as err:
        raise UsageError(f"cannot read {path}: {err.strerror}") from None


def _bad(line: int, code: str, en: str, id_: str) -> BadItem:
    return BadItem(ErrorDetail((), code, f"line {line}: {en}", f"baris {line}: {id_}"))


class RawLine(NamedTuple):
    """A line of JSON Lines not yet decoded (``records_from(..., raw_lines=True)``)."""

    number: int
    data: bytes


def parse_line(line: RawLine) -> Any:
    """Decode one line: its record, or a :class:`BadItem` naming the line."""
    try:
        text = line.data.decode("utf-8")
    except UnicodeDecodeError:
        return _bad(line.number, "input.not_utf8", "not UTF-8 text", "bukan teks UTF-8")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return _bad(line.number, "input.not_json", "not valid JSON", "bukan JSON yang sah")


def _json_lines(stream: IO[bytes], first: bytes, raw_lines: bool) -> Iterator[Any]:
    line_number = 0
    pending = first
    while True:
        raw = pending + stream.readline(MAX_RECORD_BYTES + 1 - len(pending))
        pending = b""
        if not raw:
            return
        line_number += 1
        if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                rest = stream.readline(_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield _bad(
                line_number,
                "input.too_large",
                f"longer than {MAX_RECORD_BYTES} bytes; skipped",
                f"lebih dari {MAX_RECORD_BYTES} bait; dilewati",
            )
            continue
        if not raw.strip():
            continue
        line = RawLine(line_number, raw)
        yield line if raw_lines else parse_line(line)


class _Readable(Protocol):
    def read(self, size: int) -> bytes: ...


def _json_array(stream: _Readable) -> Iterator[Any]:
    """Yield the elements of a top-level JSON array without reading it whole."""
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    consumed = 0
    eof = False
    raw_tail = b""

    def refill() -> bool:
        nonlocal buffer, position, eof, raw_tail
        if eof:
            return False
        chunk = stream.read(_CHUNK)
        if not chunk:
            eof = True
            if raw_tail:
                raise UsageError("the input ends inside a UTF-8 character")
            return False
        data = raw_tail + chunk
        try:
            text = data.decode("utf-8")
            raw_tail = b""
        except UnicodeDecodeError as err:
            if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
                text, raw_tail = data[: err.start].decode("utf-8"), data[err.start :]
            else:
                raise UsageError(
                    f"the input is not UTF-8 text (near byte {consumed + err.start})"
                ) from None
        buffer = buffer[position:] + text
        position = 0
        if len(buffer) > MAX_RECORD_BYTES * 2:
            raise UsageError(f"a record is longer than {MAX_RECORD_BYTES} bytes")
        return True

    def skip_space() -> None:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer) or not refill():
                return

    skip_space()
    if position >= len(buffer) or buffer[position] != "[":
        raise UsageError("expected a JSON array")
    position += 1
    index = 0
    while True:
        skip_space()
        if position >= len(buffer):
            raise UsageError(f"the JSON array is truncated after {index} records")
        if buffer[position] == "]":
            return
        if index:
            if buffer[position] != ",":
                raise UsageError(f"expected ',' or ']' after record {index - 1}")
            position += 1
            skip_space()
        while True:
            try:
                value, end = decoder.raw_decode(buffer, position)
            except ValueError:
                if refill():
                    continue
                raise UsageError(
                    f"record {index} of the JSON array is not valid JSON "
                    "(or the input is truncated)"
                ) from None
            except RecursionError:
                raise UsageError(f"record {index} is nested too deeply") from None
            # A number at the end of the buffer may continue in the next chunk.
            if end == len(buffer) and not eof and refill():
                continue
            break
        consumed += end - position
        position = end
        index += 1
        yield value


def read_records(path: str, *, raw_lines: bool = False) -> Iterator[Any]:
    """Yield the records of a JSON array or JSON Lines file (``-`` for stdin)."""
    stream = _open(path)
    try:
        yield from records_from(stream, raw_lines=raw_lines)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


def records_from(stream: IO[bytes], *, raw_lines: bool = False) -> Iterator[Any]:
    """Yield the records of a byte stream holding a JSON array or JSON Lines.

    With ``raw_lines``, lines of JSON Lines come as :class:`RawLine` for :func:`parse_line`
    to decode elsewhere (in a worker process); a JSON array is decoded here either way.

    A leading UTF-8 byte order mark is skipped. A line that cannot be read is yielded as a
    bad item (and the stream goes on); an array that cannot be read raises
    :class:`UsageError`. Nothing else is raised on bad bytes: the fuzz harness
    ``fuzz/fuzz_cli.py`` holds this function to that.
    """
    first = stream.read(1)
    if first == _BOM[:1]:
        first += stream.read(2)
        if first == _BOM:  # a byte order mark, as spreadsheet exports write: skipped
            first = stream.read(1)
    while first in (b" ", b"\t", b"\r", b"\n"):
        first = stream.read(1)
    if not first:
        return
    if first == b"[":
        yield from _json_array(_Prefixed(first, stream))
    else:
        yield from _json_lines(stream, first, raw_lines)


class _Prefixed:
    """A byte stream with some bytes put back in front."""

    def __init__(self, prefix: bytes, stream: IO[bytes]) -> None:
        self.prefix = prefix
        self.stream = stream

    def read(self, size: int) -> bytes:
        if self.prefix:
            head, self.prefix = self.prefix, b""
            return head + self.stream.read(max(size - len(head), 0))
        return self.stream.read(size)


def _write(out: IO[str], data: Any) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _progress(count: int, err: IO[str]) -> None:
    if count % _PROGRESS_EVERY == 0 and err.isatty():
        err.write(f"\r{count:,} records…")
        err.flush()


def _date(text: str) -> dt.date:
    # YYYY-MM-DD only, as in records: Python's fromisoformat alone also takes 20240601.
    try:
        if len(text) != 10 or text[4] != "-" or text[7] != "-":
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _validate_text(record: Any, cls: type[Any], show_personal_data: bool) -> str:
    """The JSON text of one record's validation (a worker's unit of work)."""
    from atensi.batch import validate_record

    result = validate_record(record, cls, show_personal_data=show_personal_data)
    return json.dumps(result, ensure_ascii=False)


def _bad_text(item: BadItem, show_personal_data: bool) -> str:
    detail = item.detail.to_dict(
        include_input=show_personal_data, include_personal=show_personal_data
    )
    return json.dumps({"ok": False, "errors": [detail]}, ensure_ascii=False)


def _unit(item: Any, work: Callable[[Any], str], show: bool) -> str:
    """One record's JSON text: decode it if it is a raw line, then ``work`` (or its errors)."""
    if isinstance(item, RawLine):
        item = parse_line(item)
    return _bad_text(item, show) if isinstance(item, BadItem) else work(item)


def _texts(records: Iterator[Any], unit: Callable[[Any], str], jobs: int) -> Iterator[str]:
    """Yield ``unit(record)`` for every record, in input order, on ``jobs`` processes.

    With several jobs, records go to the workers in batches of :data:`_BATCH` (lines of JSON
    Lines still undecoded, so that the workers decode them); the next batch is read while the
    workers run the current one, and at most two batches are held, so memory stays flat
    however long the input.
    """
    if jobs <= 1:
        yield from map(unit, records)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: Iterator[str] = iter(())
        while True:
            batch: list[Any] = []
            failure: UsageError | None = None
            try:
                batch.extend(itertools.islice(records, _BATCH))
            except UsageError as exc:  # an unreadable array: write what came before it
                failure = exc
            done = pool.map(unit, batch, chunksize=max(1, len(batch) // (jobs * 8)))
            yield from pending
            if failure is not None:
                yield from done
                raise failure
            if not batch:
                return
            pending = iter(done)


def _run(args: argparse.Namespace, out: IO[str], err: IO[str], work: Callable[[Any], str]) -> int:
    """Write one JSON line per record of ``args.file``, a summary, and return the exit code."""
    valid = invalid = 0
    records = read_records(args.file, raw_lines=args.jobs > 1)
    unit = functools.partial(_unit, work=work, show=args.show_personal_data)
    for index, text in enumerate(_texts(records, unit, args.jobs)):
        # ``text`` is a JSON object whose first key is "ok": put the index in front of it.
        out.write(f'{{"index": {index}, {text[1:]}\n')
        if text.startswith('{"ok": true'):
            valid += 1
        else:
            invalid += 1
        _progress(index + 1, err)
    _summary(err, args.lang, valid, invalid)
    return 1 if invalid else 0


def _in_force(text: str) -> tuple[str, dt.date]:
    instrument, sep, day = text.partition("=")
    if not sep or not instrument:
        raise argparse.ArgumentTypeError(f"expected INSTRUMENT=YYYY-MM-DD, not {text!r}")
    return instrument, _date(day)


def _editions(text: str) -> tuple[str, ...]:
    chosen = tuple(e.strip() for e in text.split(",") if e.strip())
    if len(chosen) < 2:
        raise argparse.ArgumentTypeError(f"name at least two editions, comma-separated: {text!r}")
    return chosen


def _add_law(parser: argparse.ArgumentParser, *, compare: bool) -> None:
    """The options every deciding command shares: the one edition resolver's inputs."""
    parser.add_argument(
        "--edition",
        help="decide under this edition instead of the one in force on the date "
        f"({', '.join(atensi.law.EDITION_IDS)})",
    )
    parser.add_argument(
        "--in-force-date",
        action="append",
        type=_in_force,
        metavar="INSTRUMENT=DATE",
        help="replace atensi's unverified in-force date of an instrument "
        "(e.g. permensos-7-2021=2021-08-20); repeatable",
    )
    if compare:
        parser.add_argument(
            "--compare-editions",
            type=_editions,
            metavar="A,B[,...]",
            help="decide each item under every edition named and report what differs",
        )
    else:
        parser.set_defaults(compare_editions=None)


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    # The command line may ask the machine how many CPUs it has; the core never does.
    return value or os.cpu_count() or 1


def cmd_validate(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Validate every record; print one result per record."""
    cls = _entity(args.kind)
    return _run(
        args,
        out,
        err,
        functools.partial(_validate_text, cls=cls, show_personal_data=args.show_personal_data),
    )


def _summary(err: IO[str], lang: str, valid: int, invalid: int) -> None:
    total = valid + invalid
    if err.isatty():
        err.write("\r")
    if lang == "id":
        err.write(f"{total} rekaman: {valid} sah, {invalid} tidak sah\n")
    else:
        err.write(f"{total} records: {valid} valid, {invalid} invalid\n")


def _law(args: argparse.Namespace) -> Any:
    """The edition pin and in-force dates of the run, checked once (a usage error if wrong)."""
    from atensi.batch import Law

    law = Law(args.edition, tuple(sorted(dict(args.in_force_date or ()).items())))
    try:
        law.check()
        for edition in args.compare_editions or ():
            Law(edition, law.in_force_dates).check()
    except atensi.AtensiError as exc:
        raise UsageError(exc.message_id if args.lang == "id" else exc.message_en) from None
    return law


def _decisions(args: argparse.Namespace, err: IO[str]) -> Iterator[tuple[int, Any]]:
    from atensi.batch import compare_item, decide_item

    law = _law(args)
    for index, item in enumerate(read_records(args.file)):
        _progress(index + 1, err)
        if isinstance(item, BadItem):
            yield index, (item.detail,)
        elif args.compare_editions:
            yield index, compare_item(item, editions=args.compare_editions, on=args.on, law=law)
        else:
            yield index, decide_item(item, on=args.on, law=law)


def cmd_assess(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Assess every item; print one decision (or comparison, or the errors) per item."""
    from atensi.batch import assess_record_json, compare_record_json

    law = _law(args)
    work: Callable[[Any], str]
    if args.compare_editions:
        work = functools.partial(
            compare_record_json,
            editions=args.compare_editions,
            on=args.on,
            show_personal_data=args.show_personal_data,
            law=law,
        )
    else:
        work = functools.partial(
            assess_record_json, on=args.on, show_personal_data=args.show_personal_data, law=law
        )
    return _run(args, out, err, work)


def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Explain every item's decision as text."""
    valid = invalid = 0
    from atensi.rules import EditionComparison

    for index, result in _decisions(args, err):
        out.write(f"# {index}\n")
        if isinstance(result, EditionComparison):
            valid += 1  # rule ids and outcomes only: nothing personal to redact
            out.write(result.explain(args.lang) + "\n")
            continue
        if isinstance(result, tuple):
            invalid += 1
            for error in result:
                text = error.message_id if args.lang == "id" else error.message_en
                out.write(
                    f"  ! {'.'.join(map(str, error.loc)) or '(record)'}: {text} [{error.code}]\n"
                )
            continue
        valid += 1
        decision = result if args.show_personal_data else result.redacted()
        out.write(decision.explain(args.lang) + "\n")
    _summary(err, args.lang, valid, invalid)
    return 1 if invalid else 0


def cmd_schema(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Print the JSON Schema of an entity."""
    out.write(json.dumps(atensi.json_schema(_entity(args.kind)), indent=2, ensure_ascii=False))
    out.write("\n")
    return 0


def cmd_nik(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Check and parse one NIK."""
    from atensi import nik

    # The command line may read the clock; the core never does.
    on = args.on or dt.datetime.now(dt.UTC).date()
    try:
        parsed = nik.parse(args.nik, on=on, strict=args.strict)
    except nik.InvalidNik as exc:
        _write(
            out,
            {
                "valid": False,
                "code": exc.code,
                "message": exc.message_id if args.lang == "id" else exc.message_en,
            },
        )
        return 1
    data: dict[str, Any] = {
        "valid": True,
        "nik": nik.mask(parsed.value),
        "province": parsed.province,
        "regency": parsed.regency,
        "district": parsed.district,
        "warnings": list(parsed.warnings),
    }
    if args.show_personal_data:
        data.update(
            nik=parsed.value,
            birth_date=parsed.birth_date.isoformat(),
            sex=parsed.sex.value,
            serial=parsed.serial,
        )
    _write(out, data)
    return 0


def cmd_region(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Look up one region code."""
    from atensi import regions

    try:
        region = regions.lookup(args.code)
    except regions.InvalidRegionCode as exc:
        _write(
            out,
            {
                "valid": False,
                "code": exc.code,
                "message": exc.message_id if args.lang == "id" else exc.message_en,
            },
        )
        return 1
    _write(out, {"valid": True, **region._asdict(), "decrees": list(region.decrees)})
    return 0


def cmd_coverage(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    """Print the coverage matrix of a registry file (a UnitRegistry record or a list of units)."""
    from atensi.model import UnitRegistry

    stream = _open(args.registry)
    try:
        raw = stream.read(MAX_RECORD_BYTES + 1)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if len(raw) > MAX_RECORD_BYTES:
        raise UsageError(f"the registry is larger than {MAX_RECORD_BYTES} bytes")
    try:
        data: Any = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise UsageError("the registry is not a JSON document in UTF-8") from None
    if isinstance(data, list):
        data = {"units": data}
    try:
        registry = atensi.structure(data, UnitRegistry)
    except atensi.InvalidRecord as exc:
        for error in exc.errors:
            text = error.message_id if args.lang == "id" else error.message_en
            err.write(f"{'.'.join(map(str, error.loc)) or '(registry)'}: {text} [{error.code}]\n")
        return 1
    law = _law(args)
    report = atensi.coverage(
        registry,
        on=args.on,
        regions=args.regions or None,
        edition=law.edition,
        in_force_dates=law.overrides(),
    )
    if args.format == "csv":
        out.write(report.to_csv())
    else:
        _write(out, report.to_json())
    err.write(
        f"{len(report.cells)} cells, {len(report.gaps)} gaps, {len(report.overlaps)} overlaps\n"
    )
    return 0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--lang", choices=("id", "en"), default="en", help="language of messages (default: en)"
    )
    common.add_argument(
        "--show-personal-data",
        action="store_true",
        help="print personal data (inputs, facts, full NIKs); off by default",
    )
    parser = _Parser(
        prog="atensi",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"atensi {atensi.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    jobs: dict[str, Any] = {
        "type": _jobs,
        "default": 1,
        "help": "worker processes (default 1; 0 for one per CPU); the output order is the input's",
    }
    p = sub.add_parser("validate", parents=[common], help="validate records of one kind")
    p.add_argument("file", help="JSON array or JSON Lines file, or - for stdin")
    p.add_argument("--kind", required=True, help="entity kind, e.g. person, case, assessment")
    p.add_argument("--jobs", **jobs)
    p.set_defaults(run=cmd_validate)
    for name, run in (("assess", cmd_assess), ("explain", cmd_explain)):
        p = sub.add_parser(name, parents=[common], help=f"{name} eligibility of items")
        p.add_argument("file")
        p.add_argument("--on", type=_date, help="decision date (items may carry their own)")
        _add_law(p, compare=True)
        if run is cmd_assess:
            p.add_argument("--jobs", **jobs)
        p.set_defaults(run=run)
    p = sub.add_parser("schema", parents=[common], help="print an entity's JSON Schema")
    p.add_argument("kind")
    p.set_defaults(run=cmd_schema)
    p = sub.add_parser("nik", parents=[common], help="check and parse a NIK")
    p.add_argument("nik")
    p.add_argument("--on", type=_date, help="date for the century (default: today)")
    p.add_argument("--strict", action="store_true", help="reject unknown region codes")
    p.set_defaults(run=cmd_nik)
    p = sub.add_parser("region", parents=[common], help="look up a region code")
    p.add_argument("code")
    p.set_defaults(run=cmd_region)
    p = sub.add_parser("coverage", parents=[common], help="coverage matrix of a unit registry")
    p.add_argument("registry")
    p.add_argument("--on", type=_date, required=True)
    p.add_argument("--regions", nargs="*", help="region codes (default: all 514 regencies)")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    _add_law(p, compare=False)
    p.set_defaults(run=cmd_coverage)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    out, err = sys.stdout, sys.stderr
    try:
        args = build_parser().parse_args(argv)
        code: int = args.run(args, out, err)
        return code
    except UsageError as exc:
        err.write(f"atensi: error: {exc}\n")
        return 2
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        err.write("atensi: interrupted\n")
        return 130
