"""``atensi coverage``: the region × target coverage matrix of a unit registry."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import atensi
from atensi.cli._io import ExitCode, Output
from atensi.cli._law import add_law_options, law_from
from atensi.cli._options import add_lang, add_quiet
from atensi.cli._reader import read_document
from atensi.cli.lookup import write_json
from atensi.errors import loc_text

__all__ = ["add_parser", "cmd_coverage"]


def cmd_coverage(args: argparse.Namespace, out: Output, err: Output) -> int:
    """Print the coverage matrix of a registry file (a UnitRegistry record or a list of units)."""
    from atensi.model import UnitRegistry

    law = law_from(args)  # a wrong edition is a usage error before the registry is read
    data: Any = read_document(args.registry, "the registry")
    if isinstance(data, list):
        data = {"units": data}
    try:
        registry = atensi.structure(data, UnitRegistry)
    except atensi.InvalidRecord as exc:
        for error in exc.errors:
            text = error.message_id if args.lang == "id" else error.message_en
            err.write(f"{loc_text(error.loc)}: {text} [{error.code}]\n")
        return ExitCode.INVALID
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
        write_json(out, report.to_json())
    if not args.quiet:
        err.write(
            f"{len(report.cells)} cells, {len(report.gaps)} gaps, {len(report.overlaps)} overlaps\n"
        )
    return ExitCode.OK


def _region(text: str) -> str:
    """A ``--regions`` code, checked here so that a typo is a usage error, not a traceback."""
    from atensi import regions

    try:
        return regions.lookup(text).code
    except regions.InvalidRegionCode as exc:
        raise argparse.ArgumentTypeError(exc.message_en) from None


def add_parser(sub: Any, common: argparse.ArgumentParser, date: Callable[[str], Any]) -> None:
    """Add ``coverage`` to the subcommands."""
    p = sub.add_parser(
        "coverage",
        help="the region x target coverage matrix of a unit registry",
        description="Compute which units serve each region and target on a date, with the "
        "gaps and overlaps, from a unit registry (a UnitRegistry record or a list of units).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  atensi coverage examples/registry.json --on 2024-06-01 --format csv",
    )
    p.add_argument(
        "registry", metavar="REGISTRY", help="a JSON file: a UnitRegistry or a list of units"
    )
    p.add_argument("--on", type=date, required=True, metavar="DATE", help="the date, YYYY-MM-DD")
    add_lang(p)
    add_quiet(p)
    p.add_argument(
        "--regions",
        nargs="*",
        type=_region,
        metavar="CODE",
        help="region codes (default: all 514 regencies)",
    )
    p.add_argument(
        "--format", choices=("json", "csv"), default="json", help="output format (default: json)"
    )
    add_law_options(p, date, compare=False)
    p.set_defaults(run=cmd_coverage)
