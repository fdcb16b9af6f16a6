"""``atensi schema``, ``nik`` and ``region``: one answer each, as JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import atensi
from atensi.cli._io import ExitCode, Output, UsageError, read_failed, standard_input
from atensi.cli._options import add_lang, add_personal_data
from atensi.cli.records import entity, kinds

__all__ = ["add_parsers", "cmd_nik", "cmd_region", "cmd_schema", "write_json"]

#: ``atensi nik -`` reads at most this much of standard input (a NIK with separators fits).
_MAX_NIK_INPUT = 1024


def write_json(out: Output, data: Any) -> None:
    """Write ``data`` as one line of JSON."""
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def cmd_schema(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Print the JSON Schema of an entity, the ``assess`` item, a decision or an output line."""
    if args.kind in ("decision", "comparison"):
        from atensi.rules import Decision, EditionComparison

        schema = atensi.json_schema(Decision if args.kind == "decision" else EditionComparison)
    elif args.kind == "result":
        from atensi.boundary.schema import result_schema

        schema = result_schema()
    else:
        schema = atensi.json_schema(entity(args.kind))
    out.write(json.dumps(schema, indent=2, ensure_ascii=False))
    out.write("\n")
    return ExitCode.OK


def _nik_from_stdin() -> str:
    """The NIK on standard input (``atensi nik -``).

    Not on the command line, where ``ps`` and the shell's history would keep it.
    """
    try:
        raw = standard_input().read(_MAX_NIK_INPUT + 1)
    except OSError as err:
        raise read_failed("standard input", err) from None
    if len(raw) > _MAX_NIK_INPUT:
        raise UsageError(f"standard input holds more than a NIK ({_MAX_NIK_INPUT} bytes)")
    try:
        return raw.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise UsageError("standard input is not UTF-8 text") from None


def cmd_nik(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Check and parse one NIK."""
    from atensi import nik

    text = _nik_from_stdin() if args.nik == "-" else args.nik
    # The command line may read the clock; the core never does.
    on = args.on or dt.datetime.now(dt.UTC).date()
    try:
        parsed = nik.parse(text, on=on, strict=args.strict)
    except nik.InvalidNik as exc:
        message = exc.message_id if args.lang == "id" else exc.message_en
        write_json(out, {"valid": False, "code": exc.code, "message": message})
        return ExitCode.INVALID
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
    write_json(out, data)
    return ExitCode.OK


def cmd_region(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Look up one region code."""
    from atensi import regions

    try:
        region = regions.lookup(args.code)
    except regions.InvalidRegionCode as exc:
        message = exc.message_id if args.lang == "id" else exc.message_en
        write_json(out, {"valid": False, "code": exc.code, "message": message})
        return ExitCode.INVALID
    write_json(out, {"valid": True, **region._asdict(), "decrees": list(region.decrees)})
    return ExitCode.OK


#: The schemas of what the command line writes, beside the entities' (``atensi schema KIND``).
OUTPUT_KINDS = ("decision", "comparison", "result")


def _schema_kind(text: str) -> str:
    """A ``schema`` kind: an entity kind (``service-delivery``, ``item``) or an output's."""
    if text in OUTPUT_KINDS:
        return text
    try:
        entity(text, also=OUTPUT_KINDS)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def add_parsers(sub: Any, common: argparse.ArgumentParser, date: Callable[[str], Any]) -> None:
    """Add ``schema``, ``nik`` and ``region`` to the subcommands."""
    schema_kinds = [*kinds(), *OUTPUT_KINDS]
    p = sub.add_parser(
        "schema",
        help="print the JSON Schema (draft 2020-12) of an entity, an item or an output",
        description="Print the JSON Schema (draft 2020-12) of an entity record, of the item "
        "`assess` reads (item), of the decision it writes (decision), of a comparison "
        "(comparison: --compare-editions) or of one line validate and assess write (result).",
    )
    p.add_argument(
        "kind", metavar="KIND", type=_schema_kind, help=f"one of: {', '.join(schema_kinds)}"
    )
    p.set_defaults(run=cmd_schema)
    p = sub.add_parser(
        "nik",
        help="check and parse a NIK",
        description="Check a NIK offline (length, encoded birth date, serial, region) and print "
        "what it encodes as JSON; the birth date, sex and full NIK only with "
        "--show-personal-data. Exit 0 valid, 1 invalid.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  echo 3171014103900001 | atensi nik - --on 2026-01-01",
    )
    p.add_argument(
        "nik",
        metavar="NIK",
        help="the NIK (spaces, dots and dashes allowed), or - to read it from standard input "
        "(kept out of ps and the shell's history)",
    )
    p.add_argument(
        "--on", type=date, metavar="DATE", help="date that fixes the century (default: today)"
    )
    p.add_argument("--strict", action="store_true", help="reject unknown region codes")
    add_lang(p)
    add_personal_data(p)
    p.set_defaults(run=cmd_nik)
    p = sub.add_parser(
        "region",
        help="look up a Kemendagri region code",
        description="Look up a Kemendagri region code (province, regency or district; current "
        "or retired) and print it as JSON. Exit 0 known, 1 unknown.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  atensi region 65.01",
    )
    p.add_argument("code", metavar="CODE", help="2, 4 or 6 digits, dots allowed (31.71.01)")
    add_lang(p)
    p.set_defaults(run=cmd_region)
