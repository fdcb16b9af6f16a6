"""National coverage and policy indicators: time, and linearity across two input sizes.

Run: ``python benchmarks/bench_coverage.py``. Coverage: 514 regencies × 7 targets with 50 and
100 units; policies: portfolios of 50k and 100k cases. A ratio near 2.0 between the two sizes
means the work is linear in the input. Not a test: it asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import sys
from typing import Any

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from _rounds import compare

from atensi import structure
from atensi.model import Portfolio, UnitRegistry
from atensi.regions import _load
from atensi.rules import coverage, evaluate_policies

ON = dt.date(2024, 6, 1)
REGENCIES = sorted(r.code for r in _load().values() if r.level == 2 and r.current)
PROVINCES = sorted({c[:2] for c in REGENCIES})


def registry(count: int, rng: random.Random) -> UnitRegistry:
    """``count`` units with random kinds, home clusters and 5-20 area codes each."""
    units = []
    for i in range(count):
        area = rng.sample(REGENCIES, rng.randint(4, 18)) + rng.sample(PROVINCES, 1)
        units.append(
            {
                "code": f"U{i:03d}",
                "name": f"Unit {i}",
                "kind": rng.choice(["balai", "loka", "balai_besar", "sentra"]),
                "home_clusters": [
                    rng.choice(
                        [
                            "anak",
                            "lanjut_usia",
                            "korban_napza",
                            "penyandang_disabilitas",
                            "tuna_sosial_kpo",
                        ]
                    )
                ],
                "working_area": sorted(set(area)),
            }
        )
    return structure({"units": units}, UnitRegistry)


def case_record(i: int, rng: random.Random) -> dict[str, Any]:
    """A case with a person, an assessment, stages and two deliveries."""
    return {
        "id": f"C{i}",
        "unit": "U000",
        "opened_on": "2024-02-01",
        "subject": {
            "kind": "person",
            "id": f"P{i}",
            "name": "Penerima",
            "nik": "3171014103900001" if i % 3 else {"reason": "belum_terdaftar"},
            "birth_date": {"value": f"{1950 + i % 70}-01-01"},
        },
        "consent": {"on": "2024-02-02", "given_by": "subjek"} if i % 4 else None,
        "assessments": [{"id": "A", "assessed_on": "2024-02-03"}],
        "stages": [
            {"stage": "asesmen", "on": "2024-02-03"},
            {"stage": "rencana_intervensi", "on": "2024-02-05"},
            {"stage": "intervensi", "on": "2024-02-10"},
        ],
        "approaches": [rng.choice(["keluarga", "komunitas", "residensial"])],
        "deliveries": [
            {
                "id": f"D{j}",
                "component": "dukungan_keluarga",
                "provider": "LKS-1",
                "approach": rng.choice(["keluarga", "komunitas", "residensial"]),
                "start": "2024-03-01",
            }
            for j in range(2)
        ],
    }


def sizes(small: Any, large: Any, rounds: int) -> tuple[float, float, float]:
    """Median seconds of each size and the median ratio large/small, taken inside each round.

    ``_rounds.compare`` collects before every run: structuring a large portfolio leaves the
    collector a debt (every new object pending for the oldest generation), which the first
    allocating function then pays. Timed once each, straight after structuring, the first run
    on 100k cases measured twice its later runs and the ratio between sizes read 4 where the
    work is linear.
    """
    first, second = compare({"small": small, "large": large}, "small", rounds=rounds)
    growth = statistics.median(1 / ratio for ratio in second.ratios)
    return statistics.median(first.seconds), statistics.median(second.seconds), growth


def main() -> None:
    """Print the timings and the ratios between sizes."""
    rng = random.Random(20261122)
    small, large = registry(50, rng), registry(100, rng)
    t50, t100, grown = sizes(lambda: coverage(small, on=ON), lambda: coverage(large, on=ON), 5)
    report = coverage(small, on=ON)
    print(f"national coverage, 514 regencies x {len(report.targets)} targets:")
    print(
        f"  50 units: {t50 * 1000:8.1f} ms   100 units: {t100 * 1000:8.1f} ms   "
        f"ratio {grown:.2f}  ({len(report.gaps)} gaps with 50 units)"
    )
    records = [case_record(i, rng) for i in range(100_000)]
    half = structure(
        {
            "id": "PF",
            "owner": "U000",
            "start": "2024-01-01",
            "end": "2024-12-31",
            "cases": records[:50_000],
        },
        Portfolio,
    )
    full = structure(
        {"id": "PF", "owner": "U000", "start": "2024-01-01", "end": "2024-12-31", "cases": records},
        Portfolio,
    )
    del records
    p50, p100, grown = sizes(lambda: evaluate_policies(half), lambda: evaluate_policies(full), 3)
    print("policy indicators:")
    print(
        f"  50k cases: {p50 * 1000:8.1f} ms   100k cases: {p100 * 1000:8.1f} ms   "
        f"ratio {grown:.2f}  ({p100 / 100_000 * 1e6:.1f} µs per case)"
    )


if __name__ == "__main__":
    main()
