"""The ``atensi`` command line: the only part of the package that touches files.

Commands (``atensi --help``)::

    atensi validate FILE --kind KIND     one JSON result per record on stdout, a summary on stderr
    atensi assess FILE --on DATE         one eligibility decision (JSON) per record
                                         (both: --jobs N worker processes, output in input order)
    atensi explain FILE --on DATE        the same decisions as readable text (--lang id|en)
                                         (assess, explain, coverage: --edition ID and
                                         --in-force-date INSTRUMENT=DATE; assess and explain:
                                         --compare-editions A,B for a what-if per record)
    atensi schema KIND                   the JSON Schema of an entity
    atensi nik NIK|- [--on DATE]         check and parse a NIK (- reads it from stdin)
    atensi region CODE                   look up a Kemendagri region code
    atensi coverage REGISTRY --on DATE   the region × target coverage matrix (--format json|csv)
    atensi report PORTFOLIO --out DIR    the programme report (--period P | --on DATE): tables,
                                         report.json and, with the plot extra, pictures

FILE is a JSON array or JSON Lines (one record per line), or ``-`` for standard input; both are
read as a stream in constant memory. ``assess`` and ``explain`` read items of the form
``{"subject": {... "kind": ...}, "assessment": {...} | null, "on": "YYYY-MM-DD"?}``.

Personal data is redacted by default: error inputs, decision facts and messages, and the
parts of a NIK beyond its region and serial are shown only with ``--show-personal-data``.
The output is UTF-8 whatever the locale, with anything UTF-8 cannot hold escaped.

Exit codes: 0 all records valid, 1 some records invalid, 2 usage error or unreadable input,
3 the input could not be read (I/O error), 4 the output could not be written (disk full),
5 the output's reader closed it (broken pipe), 6 a worker process died, 70 a defect in atensi,
129 the terminal went away (SIGHUP), 130 interrupted, 143 stopped (SIGTERM): the workers are
ended first (:mod:`~atensi.cli._signals`). A fault prints one line on standard error, never
a traceback.

The package: one module per group of subcommands (:mod:`~atensi.cli.records`,
:mod:`~atensi.cli.lookup`, :mod:`~atensi.cli.coverage`, :mod:`~atensi.cli.report`), the readers
(:mod:`~atensi.cli._reader`) and the exit codes and faults (:mod:`~atensi.cli._io`).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
from collections.abc import Sequence
from typing import IO, NoReturn

import atensi
from atensi.cli import coverage, lookup, records, report
from atensi.cli._io import (
    CliError,
    ExitCode,
    Output,
    PipeClosed,
    UsageError,
    WriteFailed,
    closed_standard_streams,
)
from atensi.cli._options import common_parent
from atensi.cli._reader import (
    MAX_RECORD_BYTES,
    BadItem,
    RawLine,
    parse_line,
    read_records,
    records_from,
)
from atensi.cli._signals import UNWIND, Terminated, ended_by_signals

__all__ = [
    "MAX_RECORD_BYTES",
    "BadItem",
    "ExitCode",
    "RawLine",
    "UsageError",
    "build_parser",
    "main",
    "parse_line",
    "read_records",
    "records_from",
]


DESCRIPTION = """\
Validate records of Indonesia's social rehabilitation programme (ATENSI) and decide
eligibility under the law in force on a date, with every decision cited and explained.
Personal data is redacted from every output unless --show-personal-data is given."""

EPILOG = """\
input:
  FILE is a JSON array, JSON Lines (one record per line) or one JSON object, or - for
  standard input; UTF-8, read as a stream. assess and explain read items
    {"subject": {"kind": "person", ...}, "assessment": {...} | null, "on": "YYYY-MM-DD"}
  (atensi schema item prints their JSON Schema). Dates are YYYY-MM-DD, 1800 to 2199.

output:
  validate and assess write one JSON line per record: {"index", "line", ("offset",) "ok",
  "decision" | "errors", ("warnings")}; explain writes text. A summary goes to standard
  error (on a terminal, progress too; --quiet silences both).

exit codes:
  0 every record valid      1 some records invalid     2 usage error or unreadable input
  3 input I/O error         4 output I/O error         5 output closed (broken pipe)
  6 a worker process died   70 internal error          129 SIGHUP
  130 interrupted (Ctrl-C)  143 SIGTERM

example:
  atensi assess examples/assessments.jsonl --on 2024-06-01 > /tmp/decisions.jsonl
  atensi explain examples/cases.json --on 2024-06-01 --lang id
  atensi validate examples/persons-broken.jsonl --kind person

Run 'atensi COMMAND --help' for a command's options."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _date(text: str) -> object:
    """A date option, read by the boundary's rules (``YYYY-MM-DD``, 1800 to 2199)."""
    from atensi.boundary import parse_date

    try:
        return parse_date(text)
    except atensi.InvalidRecord as err:
        problem = err.errors[0]
        raise argparse.ArgumentTypeError(
            f"not a date ({problem.message_en} [{problem.code}]): {text[:20]!r}"
        ) from None


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser."""
    common = common_parent(_Parser)
    parser = _Parser(
        prog="atensi",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"atensi {atensi.__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    records.add_parsers(sub, common, _date)
    lookup.add_parsers(sub, common, _date)
    coverage.add_parser(sub, common, _date)
    report.add_parser(sub, common, _date)
    return parser


def _utf8(stream: IO[str]) -> tuple[IO[str], io.TextIOWrapper | None]:
    """``stream`` writing UTF-8 with unencodable characters escaped, whatever the locale."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None:  # not a file (a test's StringIO): text is written as it is
        return stream, None
    stream.flush()
    wrapper = io.TextIOWrapper(
        buffer, encoding="utf-8", errors="backslashreplace", write_through=True
    )
    return wrapper, wrapper


def _silence(stream: IO[str]) -> None:
    """Point a stream that failed at the null device, so that the exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass


def _say(err: Output, text: str) -> None:
    try:
        err.write(text + "\n")
        err.flush()
    except CliError:
        pass  # standard error itself failed: the exit code still tells


#: The environment variable that fixes the key of hidden keys' digests (hexadecimal).
DIGEST_KEY_VARIABLE = "ATENSI_DIGEST_KEY"


def _digest_key_from_environment() -> None:
    """Use ``ATENSI_DIGEST_KEY`` for the digests of hidden keys, if it is set.

    Without it each run draws its own secret, so the same hidden key reads alike within a run
    (its workers included) but not across runs; a pipeline that compares the outputs of two
    runs sets the same secret in both (at least 16 random bytes, in hexadecimal).
    """
    from atensi.errors import AtensiError, use_digest_key

    text = os.environ.get(DIGEST_KEY_VARIABLE)
    if text is None:
        return
    try:
        use_digest_key(bytes.fromhex(text.strip()))
    except (ValueError, AtensiError):
        raise UsageError(
            f"{DIGEST_KEY_VARIABLE} must hold at least 16 random bytes in hexadecimal "
            '(python -c "import secrets; print(secrets.token_hex(32))")'
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    closed = closed_standard_streams()
    stdout: IO[str] = sys.stdout if sys.stdout is not None else io.StringIO()
    stream, wrapper = _utf8(stdout)
    out = Output(stream, "standard output", closed=1 in closed)
    # Standard error closed: its messages go nowhere, and the exit code still tells.
    stderr: IO[str] = sys.stderr if sys.stderr is not None and 2 not in closed else io.StringIO()
    err = Output(stderr, "standard error")
    try:
        _digest_key_from_environment()
        arguments = sys.argv[1:] if argv is None else list(argv)
        if not arguments:
            # Bare ``atensi``: what it does and its commands, not only "a command is required".
            err.write(build_parser().format_help())
            err.flush()
            return ExitCode.USAGE
        args = build_parser().parse_args(arguments)
        if getattr(args, "jobs", None) is not None:
            args.jobs = records.jobs_for(args, err)
        with ended_by_signals(exit_after=UNWIND):
            code: int = args.run(args, out, err)
            out.flush()
        return code
    except Terminated as exc:
        with contextlib.suppress(CliError):
            out.flush()  # what was written is whole: keep it
        _say(err, f"atensi: {exc}")
        return exc.exit_code
    except CliError as exc:
        if isinstance(exc, PipeClosed | WriteFailed):
            _silence(stdout)
        _say(err, f"atensi: error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _say(err, "atensi: interrupted")
        return ExitCode.INTERRUPTED
    except Exception as exc:  # a defect: one line, no traceback (it may quote a record)
        _say(err, f"atensi: internal error ({type(exc).__name__}); please report it")
        return ExitCode.INTERNAL
    finally:
        if wrapper is not None:
            try:
                wrapper.detach()
            except (OSError, ValueError):
                _silence(stdout)
