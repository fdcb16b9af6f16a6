"""How the benchmarks measure: interleaved, shuffled rounds, the ratio taken inside each round.

A machine shared with other work runs at different speeds from minute to minute, so rates
measured one after the other are not comparable. Each round runs every candidate once, in a
shuffled order, and takes each candidate's rate *relative to the baseline of that round*; the
report gives the median of those ratios over the rounds and their spread (lowest to highest).
Not a test: nothing is asserted.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable
from typing import NamedTuple


class Result(NamedTuple):
    """One candidate's figures over the rounds."""

    name: str
    seconds: list[float]  # per round, for all records
    ratios: list[float]  # per round: the baseline's time / this one's (higher is faster)


def compare(
    candidates: dict[str, Callable[[], object]],
    baseline: str,
    *,
    rounds: int,
    seed: int = 17,
) -> list[Result]:
    """Run every candidate once per round, in a shuffled order; the ratios inside each round."""
    rng = random.Random(seed)
    seconds: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        order = list(candidates)
        rng.shuffle(order)
        for name in order:
            gc.collect()
            start = time.perf_counter()
            candidates[name]()
            seconds[name].append(time.perf_counter() - start)
    base = seconds[baseline]
    return [
        Result(name, times, [b / t for b, t in zip(base, times, strict=True)])
        for name, times in seconds.items()
    ]


def report(results: list[Result], count: int, baseline: str, title: str) -> None:
    """Print µs per record (median), the ratio to the baseline (median) and its spread."""
    print(f"\n{title}: {count:,} records, {len(results[0].seconds)} rounds, ratios to {baseline}")
    print(f"{'candidate':<52} {'µs/record':>9} {'records/s':>10} {'× base':>7} {'spread':>13}")
    for result in results:
        per = statistics.median(result.seconds) / count * 1e6
        ratio = statistics.median(result.ratios)
        spread = f"{min(result.ratios):.2f}-{max(result.ratios):.2f}"
        print(f"{result.name:<52} {per:>9.2f} {1e6 / per:>10,.0f} {ratio:>7.2f} {spread:>13}")
