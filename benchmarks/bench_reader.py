"""Time to read one large record as a JSON array item and as a JSON Lines line, by size.

Run: ``python benchmarks/bench_reader.py [MB ...]`` (default 1 2 4 8). Not a test: it asserts
nothing (``tests/test_cli_reader.py`` holds the work linear, by counting, not timing). Each
record is a person-like object with one long text field, read through ``records_from`` from an
in-memory stream as the command line reads a file; the baseline is ``json.loads`` of the same
bytes in the same run. Linear time shows as a flat "s per MB" column; the reader before
issue 16 re-decoded an incomplete array item after every 64 kB chunk, quadratic in its size
(an 8 MB item: 22 s as an array, 0.7 s as JSON Lines).
"""

from __future__ import annotations

import io
import json
import sys
import time

from atensi.cli import records_from


def record(megabytes: float) -> bytes:
    """A JSON object of about ``megabytes`` MB, all of it small fields (the slow case to decode).

    The object is not an entity: the reader does not care, and size is what is measured.
    """
    item = {"id": "P-1", "nik": {"reason": "belum_terdaftar"}, "name": "Siti", "n": [1, 2.5, True]}
    size = len(json.dumps(item)) + 2
    count = int(megabytes * 1024 * 1024 / size)
    return json.dumps({"items": [item] * count}).encode()


def seconds(data: bytes) -> float:
    """Best of three reads of ``data`` through ``records_from``."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        found = list(records_from(io.BytesIO(data)))
        best = min(best, time.perf_counter() - start)
        assert len(found) == 1
    return best


def main() -> None:
    """Print a table of sizes and times."""
    sizes = [float(a) for a in sys.argv[1:]] or [1.0, 2.0, 4.0, 8.0]
    print(f"{'MB':>5} {'array s':>9} {'lines s':>9} {'json.loads s':>13} {'array s/MB':>11}")
    for size in sizes:
        one = record(size)
        array = seconds(b"[" + one + b"]")
        lines = seconds(one + b"\n")
        start = time.perf_counter()
        json.loads(one)
        baseline = time.perf_counter() - start
        print(f"{size:5.1f} {array:9.3f} {lines:9.3f} {baseline:13.3f} {array / size:11.3f}")


if __name__ == "__main__":
    main()
