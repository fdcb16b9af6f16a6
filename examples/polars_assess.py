"""Assess JSON Lines with Polars: ``assess_lines_json`` over a column of lines.

Run from a checkout with the ``polars`` extra (``pip install -e '.[polars]'``)::

    python examples/polars_assess.py examples/assessments.jsonl decisions.jsonl --on 2024-06-01

The file is read as one column of lines (not parsed by Polars: atensi reads each line
as the command line does, so bad lines become their error results and blank lines are
dropped), the lines are decided a few dozen at a time (the same text for each as
``assess_line_json``), and the decisions are written one per line. For files larger
than memory, run it per file or per slice of lines. On Spark the same function maps over
``spark.read.text(...).rdd``:
``rdd.map(lambda row: assess_line_json(row.value, on=ON)).filter(bool)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pathlib
from collections.abc import Sequence

import polars as pl

from atensi.batch import assess_lines_json


def decisions(lines: pl.Series, on: dt.date) -> pl.Series:
    """The decision (JSON text) of each line, in order; blank lines dropped."""
    texts = assess_lines_json(lines.drop_nulls().to_list(), on=on)
    return pl.Series("decision", list(texts), pl.String).drop_nulls()


def main(argv: Sequence[str] | None = None) -> int:
    """Assess one file of JSON Lines and write the decisions."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a JSON Lines file")
    parser.add_argument("output", help="the file to write the decisions to")
    parser.add_argument("--on", required=True, type=dt.date.fromisoformat, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    # Bytes, not text: a line that is not UTF-8 is that line's error, as on the command line.
    lines = pl.Series("line", pathlib.Path(args.input).read_bytes().split(b"\n"), pl.Binary)
    found = decisions(lines, args.on)
    pathlib.Path(args.output).write_text("".join(t + "\n" for t in found), encoding="utf-8")
    print(f"{len(found)} decisions written to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
