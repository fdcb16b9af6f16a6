"""Which rules a run applies: ``--edition``, ``--in-force-date`` and ``--compare-editions``.

The options every deciding subcommand shares. They become one :class:`atensi.batch.Law`, checked
once before any record is read (an unknown edition or instrument is a usage error, exit 2, in
the language of ``--lang``), and passed to every record, in every worker.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

import atensi
from atensi.cli._io import UsageError

__all__ = ["add_law_options", "law_from"]


def _editions(text: str) -> tuple[str, ...]:
    chosen = tuple(e.strip() for e in text.split(",") if e.strip())
    if len(chosen) < 2:
        raise argparse.ArgumentTypeError(
            f"name at least two editions, comma-separated: {text[:60]!r}"
        )
    return chosen


def add_law_options(
    parser: argparse.ArgumentParser, date: Callable[[str], Any], *, compare: bool
) -> None:
    """Add ``--edition`` and ``--in-force-date`` (and ``--compare-editions`` if ``compare``)."""

    def in_force(text: str) -> tuple[str, Any]:
        instrument, sep, day = text.partition("=")
        if not sep or not instrument:
            raise argparse.ArgumentTypeError(f"expected INSTRUMENT=YYYY-MM-DD, not {text[:60]!r}")
        return instrument, date(day)

    from atensi.law import EDITION_IDS

    parser.add_argument(
        "--edition",
        help=f"decide under this edition instead of the one in force ({', '.join(EDITION_IDS)})",
    )
    parser.add_argument(
        "--in-force-date",
        action="append",
        type=in_force,
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


def law_from(args: argparse.Namespace) -> Any:
    """The run's :class:`atensi.batch.Law`, checked (with the editions to compare, if any)."""
    from atensi.batch import Law

    try:
        law = Law(args.edition, tuple(args.in_force_date or ()))
        for edition in args.compare_editions or ():
            Law(edition, law.in_force_dates)
    except atensi.AtensiError as exc:
        raise UsageError(exc.message_id if args.lang == "id" else exc.message_en) from None
    return law
