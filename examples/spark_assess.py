"""Assess JSON Lines files with Spark, as ``atensi assess`` does, on every core or a cluster.

Run from a checkout with the ``spark`` extra (``pip install -e '.[spark]'``; Spark needs Java 17
or later)::

    python examples/spark_assess.py 'examples/assessments*.jsonl' /tmp/decisions --on 2024-06-01

It writes Spark's ``part-NNNNN`` files into the output folder (which must not exist yet): one
JSON line per record, the same text ``atensi assess`` writes after its ``index`` and ``line``
(``assess_lines_json``, lines numbered as the command line numbers them), every part ending
with a line break, so ``cat /tmp/decisions/part-*`` gives one record per line.

Each file is read as **bytes** (``binaryFiles``) and split at line feeds: a line that is not
UTF-8 reaches atensi intact and is reported as ``input.not_utf8``, as on the command line.
(``spark.read.text`` and ``textFile`` decode in the JVM and replace such bytes, which made the
line ``input.not_json``.) A file is one task's work, held in memory while it is read: split
files larger than a worker's memory. Blank lines are skipped; one bad line never stops the job.

On a cluster, pass ``--master`` (or run it with ``spark-submit``); each worker needs atensi.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import glob
import os
import pathlib
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from atensi.batch import assess_lines_json


def decide_file(item: tuple[str, bytes], on: dt.date) -> Iterator[str]:
    """The decisions of one file's lines, numbered from 1 as the command line numbers them."""
    _, data = item
    lines = data.split(b"\n")
    numbers = range(1, len(lines) + 1)
    for text in assess_lines_json(lines, numbers=numbers, on=on):
        if text is not None:  # a blank line
            yield text


def decisions(context: Any, paths: str, on: dt.date) -> Any:
    """An RDD of the decisions (JSON text) of every line of ``paths``, blank lines dropped."""
    return context.binaryFiles(paths).flatMap(functools.partial(decide_file, on=on))


def main(argv: Sequence[str] | None = None) -> int:
    """Assess the files, write the decisions, print where they went."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", help="a path or glob of JSON Lines files")
    parser.add_argument("output", help="a folder for the decision files (must not exist)")
    parser.add_argument("--on", required=True, type=dt.date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--master", default="local[*]", help="Spark master (local[*])")
    args = parser.parse_args(argv)
    if not glob.glob(args.inputs) and "://" not in args.inputs:
        parser.error(f"no file matches {args.inputs!r}")
    out = pathlib.Path(args.output)
    if out.exists():
        parser.error(f"{args.output!r} exists: Spark writes a new folder")
    # The workers run this interpreter, where atensi is installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("atensi-assess")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        spark.sparkContext.setLogLevel("ERROR")
        decisions(spark.sparkContext, args.inputs, args.on).saveAsTextFile(str(out))
    finally:
        spark.stop()
    print(f"decisions written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
