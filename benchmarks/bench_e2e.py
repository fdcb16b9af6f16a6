"""End to end: JSON lines in, one explained, redacted decision per line out, streamed.

Run: ``python benchmarks/bench_e2e.py [--sizes 100000 1000000] [--rounds 3] [--before SRC]``
(extra ``bench``). Each pipeline streams a file of person + assessment items in a fresh
interpreter and reports its rate and peak memory; in each round the pipelines run in a
shuffled order and each rate is taken relative to pydantic's in that round
(``benchmarks/_rounds.py``). Pipelines:

* **pydantic** and **msgspec**: *validation only*, on equivalent models
  (``benchmarks/_baselines.py``): no decision, no text;
* **pydantic + plain rules**: pydantic's validation, then plain hand-written eligibility rules
  writing a ~140-byte decision (``_baselines.pydantic_plain_rules``): what a user would write
  instead of atensi (no editions, citations or explanation);
* **atensi, fast extra**: ``atensi.batch.assess_line_json`` (what ``atensi assess`` runs per
  line), with msgspec installed;
* **atensi, lines together, fast extra**: ``atensi.batch.assess_lines_json`` over the file's lines
  (what ``atensi assess`` runs on each batch): the same texts, read a few dozen lines at a time;
* **atensi, pure Python**: ``assess_line_json`` in an interpreter where msgspec cannot be
  imported;
* **atensi before** (with ``--before SRC``, the ``src`` folder of an earlier checkout): the same
  function of that release, for a before/after table measured in the same session.

Memory is the peak resident size of the whole process (interpreter and libraries included): flat
from 100k to 1M records means nothing is kept per record. Not a test.

(No ``from __future__ import annotations``: nothing here needs it.)
"""

import argparse
import datetime as dt
import json
import pathlib
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable

HERE = pathlib.Path(__file__).resolve().parent
ON = dt.date(2024, 6, 1)
PIPELINES = (
    "pydantic",
    "pydantic-rules",
    "msgspec",
    "atensi-fast",
    "atensi-lines",
    "atensi-pure",
    "atensi-before",
)
NAMES = {
    "pydantic": "pydantic v2 strict, validation only",
    "pydantic-rules": "pydantic + plain hand-written rules",
    "msgspec": "msgspec Structs, validation only",
    "atensi-fast": "atensi assess_line_json, fast extra",
    "atensi-lines": "atensi assess_lines_json, fast extra",
    "atensi-pure": "atensi assess_line_json, pure Python",
    "atensi-before": "atensi assess_line_json, before",
}


def worker(kind: str, path: str) -> None:
    """Stream the file through one pipeline; print the count, seconds and peak memory."""
    sys.path.insert(0, str(HERE))
    if kind == "atensi-pure":
        sys.modules["msgspec"] = None  # type: ignore[assignment]  # as if not installed
    step: Callable[[bytes], object]
    if kind == "atensi-lines":
        from atensi.batch import assess_lines_json

        count = 0
        start = time.perf_counter()
        with open(path, "rb") as handle:
            for _ in assess_lines_json(handle, on=ON):
                count += 1
        _report(count, time.perf_counter() - start)
        return
    if kind.startswith("atensi"):
        from atensi.batch import assess_line_json

        def run(line: bytes) -> object:
            return assess_line_json(line, on=ON)

        step = run
    else:
        import _baselines

        if kind == "pydantic-rules":
            step = _baselines.pydantic_plain_rules(ON)
        else:
            step = _baselines.pydantic_item() if kind == "pydantic" else _baselines.msgspec_item()
    count = 0
    start = time.perf_counter()
    with open(path, "rb") as handle:
        for line in handle:
            step(line)
            count += 1
    _report(count, time.perf_counter() - start)


def _report(count: int, elapsed: float) -> None:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"count": count, "seconds": elapsed, "peak_mb": peak}))


def _run(kind: str, path: pathlib.Path, before: str | None) -> dict[str, float]:
    env = None
    if kind == "atensi-before":
        import os

        env = {**os.environ, "PYTHONPATH": before or ""}
    out = subprocess.run(
        [sys.executable, __file__, "--worker", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    ).stdout
    found: dict[str, float] = json.loads(out)
    return found


def main() -> None:
    """Write the files, run the pipelines in shuffled rounds, print the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", help="the src folder of an earlier atensi, to compare")
    args = parser.parse_args()
    kinds = [k for k in PIPELINES if k != "atensi-before" or args.before]
    rng = random.Random(17)
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = pathlib.Path(tmp) / f"items-{size}.jsonl"
            # Written by another interpreter: a worker's peak memory would otherwise include
            # this one's (Linux keeps the peak across the exec of a child).
            subprocess.run([sys.executable, __file__, "--write", str(size), str(path)], check=True)
            rates: dict[str, list[float]] = {k: [] for k in kinds}
            peaks: dict[str, list[float]] = {k: [] for k in kinds}
            for _ in range(args.rounds):
                order = list(kinds)
                rng.shuffle(order)
                for kind in order:
                    result = _run(kind, path, args.before)
                    rates[kind].append(result["count"] / result["seconds"])
                    peaks[kind].append(result["peak_mb"])
                    print(f"  {size:,} {kind}: {rates[kind][-1]:,.0f}/s", file=sys.stderr)
            print(f"\n{size:,} items, {args.rounds} rounds; rate relative to pydantic per round")
            print(f"{'pipeline':<40} {'records/s':>10} {'× pyd':>6} {'spread':>11} {'peak MB':>8}")
            for kind in kinds:
                ratios = [r / p for r, p in zip(rates[kind], rates["pydantic"], strict=True)]
                print(
                    f"{NAMES[kind]:<40} {statistics.median(rates[kind]):>10,.0f}"
                    f" {statistics.median(ratios):>6.2f}"
                    f" {min(ratios):>5.2f}-{max(ratios):<5.2f}"
                    f" {max(peaks[kind]):>8.1f}"
                )


def write(size: int, path: str) -> None:
    """Write ``size`` items to ``path``, a hundred thousand at a time."""
    sys.path.insert(0, str(HERE))
    from _records import item_lines

    with open(path, "wb") as handle:
        for start in range(0, size, 100_000):
            handle.write(b"\n".join(item_lines(min(100_000, size - start))) + b"\n")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--worker":
        worker(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--write":
        write(int(sys.argv[2]), sys.argv[3])
    else:
        main()
