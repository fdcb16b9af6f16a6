"""Build the programme report of JSON Lines files with Dask: one partial per partition, merged.

Run from a checkout with the ``dask`` extra (``pip install -e '.[dask]'``)::

    python examples/dask_report.py examples/programme.jsonl report/ --period 2021-01-01/2025-12-31

It writes the tables (CSV) and ``report.json`` into the output directory, as
``atensi report --format csv,json`` does for the same records. Each partition builds a partial
:class:`~atensi.reports.ProgrammeReport`; the partials merge exactly (a person served in two
partitions is still one PM). A bad line (not JSON, not UTF-8, a key twice, not a valid case or
portfolio) is counted and skipped, so one bad line never stops the job; the count is printed.

Give every partial the same parameters and the same key (partials made with different keys do
not merge): a random key drawn once for the run, or the one in ``--pseudonym-key-file`` to merge
with other runs. The key travels inside the task, and a partial sent back to the scheduler
leaves it behind (it merges, but cannot read new records). The process scheduler starts
worker processes that import this file, so everything that starts work sits under
``if __name__ == "__main__":``.
"""

from __future__ import annotations

import argparse
import functools
import pathlib
import secrets
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db

from atensi.model import Period
from atensi.reports import ProgrammeReport, parse_period


def partial(lines: Iterable[str], period: Period, key: bytes) -> list[ProgrammeReport]:
    """One partition's report (the map step)."""
    report = ProgrammeReport(period, pseudonym_key=key)
    # Back to each line's bytes, so that a line that is not UTF-8 is its own problem; the
    # lines are read as add_line reads each one, the valid cases a few at a time.
    report.add_lines(line.encode("utf-8", "surrogateescape") for line in lines)
    return [report]


def report_of(
    paths: str | list[str], period: Period, key: bytes, *, blocksize: str = "64MB"
) -> Any:
    """The delayed merged report of every line of ``paths``, every partial made with ``key``."""
    lines = db.read_text(paths, blocksize=blocksize, errors="surrogateescape")
    partials = lines.map_partitions(functools.partial(partial, period=period, key=key))
    return partials.fold(lambda a, b: a.merge(b))


def main(argv: Sequence[str] | None = None) -> int:
    """Build the report, write its files, print what was read."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", help="a path or glob of JSON Lines files of cases/portfolios")
    parser.add_argument("output", help="a directory for the report's files")
    parser.add_argument("--period", required=True, help="2024, 2024-Q1 or 2024-01-01/2024-12-31")
    parser.add_argument("--pseudonym-key-file", help="a file holding the key in hexadecimal")
    parser.add_argument("--scheduler", default="processes", help="processes, threads, ...")
    args = parser.parse_args(argv)
    # Partials merge only when made with one key: the caller's (to merge with other runs), or
    # one drawn at random for this run and never written down.
    key = secrets.token_bytes(32)
    if args.pseudonym_key_file:
        key = bytes.fromhex(pathlib.Path(args.pseudonym_key_file).read_text().strip())
    report = report_of(args.inputs, parse_period(args.period), key).compute(
        scheduler=args.scheduler
    )
    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for name, text in report.tables().items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "report.json").write_text(report.json_text(), encoding="utf-8")
    print(f"{report.records} records read, {report.invalid} bad lines skipped; files in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
