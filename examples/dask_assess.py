"""Assess JSON Lines files with Dask, as ``atensi assess`` does, on every core or a cluster.

Run from a checkout with the ``dask`` extra (``pip install -e '.[dask]'``)::

    python examples/dask_assess.py 'examples/assessments*.jsonl' decisions/ --on 2024-06-01

It writes one ``decisions/NNN.jsonl`` per partition (each ending with a line break, so that
``cat decisions/*.jsonl`` is one record per line): one JSON line per record, the same text
``atensi assess`` writes after its ``index`` and ``line`` (``assess_lines_json``, which decides
a partition's lines a few dozen at a time, as the command line does). Bad lines
(not JSON, not UTF-8, a key twice) become that line's error result and blank lines are
skipped, exactly as on the command line, so one bad line never stops the job.

The process scheduler starts worker processes that import this file: everything that starts
work must sit under ``if __name__ == "__main__":`` (Python's ``multiprocessing`` rule), which
is why the recipe is a function and a guarded ``main``. On a cluster, create a
``distributed.Client`` before ``compute``; each worker needs atensi installed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import glob
import pathlib
from collections.abc import Iterable, Sequence
from typing import Any

import dask.bag as db

from atensi.batch import assess_lines_json


def decide(lines: Iterable[str], on: dt.date) -> list[str]:
    """A partition's decisions, blank lines dropped; each line's bytes as they were read."""
    # The bytes as they were, so a line not in UTF-8 is its own error.
    raw = (line.encode("utf-8", "surrogateescape") for line in lines)
    return [text for text in assess_lines_json(raw, on=on) if text is not None]


def decisions(paths: str | list[str], on: dt.date, *, blocksize: str = "64MB") -> Any:
    """A bag of the decisions (JSON text) of every line of ``paths``, blank lines dropped."""
    # surrogateescape: bytes that are not UTF-8 reach ``decide`` intact instead of failing
    # the whole partition.
    lines = db.read_text(paths, blocksize=blocksize, errors="surrogateescape")
    return lines.map_partitions(functools.partial(decide, on=on))


def main(argv: Sequence[str] | None = None) -> int:
    """Assess the files, write the decisions, print where they went."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", help="a path or glob of JSON Lines files")
    parser.add_argument("output", help="a directory for the decision files")
    parser.add_argument("--on", required=True, type=dt.date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--scheduler", default="processes", help="processes, threads, ...")
    parser.add_argument("--blocksize", default="64MB", help="bytes per partition (64MB)")
    args = parser.parse_args(argv)
    if not glob.glob(args.inputs) and "://" not in args.inputs:
        # Before the output folder is made: a mistyped glob leaves nothing behind.
        parser.error(f"no file matches {args.inputs!r}")
    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    # last_endline: every part ends with a line break, so `cat decisions/*.jsonl` gives one
    # record per line (dask's default leaves the last line of each part open).
    written = decisions(args.inputs, args.on, blocksize=args.blocksize).to_textfiles(
        str(out / "*.jsonl"), compute=False, last_endline=True
    )
    import dask

    dask.compute(*written, scheduler=args.scheduler)
    print(f"decisions written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
