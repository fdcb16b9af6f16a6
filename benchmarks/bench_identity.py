"""NIK validations and region look-ups per second, with a baseline measured in the same run.

Run: ``python benchmarks/bench_identity.py``. Not a test: it asserts nothing. The baseline is
the cheapest check anyone would write by hand (length + ``str.isdigit``), so the ratio shows
what the full check costs on top of it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import time
from collections.abc import Callable

from atensi import nik, regions

SAMPLES = [
    "3171014103900001",
    "6501011505050002",
    "9301015708200003",
    "3273010101800004",
    "7371016212950005",
]
ON = dt.date(2026, 11, 22)
CODES = ["31", "3171", "317101", "65.01", "9301", "7371", "320101", "1101"]


def rate(fn: Callable[[str], object], values: list[str], rounds: int) -> float:
    """Calls per second of ``fn`` over ``values``, best of three."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(rounds):
            for value in values:
                fn(value)
        best = min(best, time.perf_counter() - start)
    return rounds * len(values) / best


def import_ms(module: str, after: str = "atensi") -> float:
    """Milliseconds to import ``module`` after ``after`` in a fresh interpreter, best of 5."""
    code = (
        f"import {after}, time; t = time.perf_counter(); import {module}; "
        "print((time.perf_counter() - t) * 1000)"
    )
    return min(
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(5)
    )


def main() -> None:
    """Print the table."""
    regions.lookup("31")  # parse the table once, as a long-running process would

    def baseline(value: str) -> bool:
        return len(value) == 16 and value.isdigit()

    base = rate(baseline, SAMPLES, 40_000)
    full = rate(nik.validate, SAMPLES, 40_000)
    parse_rate = rate(lambda v: nik.parse(v, on=ON), SAMPLES, 20_000)
    lookups = rate(regions.lookup, CODES, 40_000)
    print(f"{'operation':<40} {'per second':>12} {'µs each':>9} {'x baseline':>11}")
    for name, value in (
        ("baseline (len + isdigit)", base),
        ("nik.validate", full),
        ("nik.parse", parse_rate),
        ("regions.lookup", lookups),
    ):
        print(f"{name:<40} {value:>12,.0f} {1e6 / value:>9.2f} {value / base:>11.3f}")
    own = import_ms("atensi", after="sys")
    json_ms = import_ms("json", after="sys")
    print(f"import atensi: {own:.2f} ms ({own / json_ms:.1f} x import json, {json_ms:.2f} ms)")
    print(f"import atensi.regions (after atensi): {import_ms('atensi.regions'):.2f} ms")
    print(f"import atensi.nik (after atensi): {import_ms('atensi.nik'):.2f} ms")


if __name__ == "__main__":
    main()
