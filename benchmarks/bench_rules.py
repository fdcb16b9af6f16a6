"""Eligibility decisions per second, against the cost of structuring the same records.

Run: ``python benchmarks/bench_rules.py [--count N]``. The goal is that assessing a structured
record costs at most 20% of structuring it (JSON decoding included in the structuring side).
Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from typing import Any

import atensi
from atensi.model import Assessment, Person
from atensi.rules import assess_eligibility

ON = dt.date(2024, 6, 1)
GROUPS = [
    "anak_jalanan",
    "lanjut_usia_terlantar",
    "gelandangan",
    "korban_bencana_alam",
    "pecandu_narkotika",
    "penyandang_disabilitas",
]


def records(count: int) -> list[tuple[bytes, bytes]]:
    """Person and assessment records, as JSON, with varied ages and conditions."""
    out = []
    for i in range(count):
        year = 1940 + i % 80
        # The NIK encodes the recorded birth date and sex (a woman: day + 40), as in a registry.
        person: dict[str, Any] = {
            "id": f"P-{i}",
            "nik": f"31710141{3:02d}{year % 100:02d}{i % 9999 + 1:04d}",
            "name": "Penerima",
            "sex": "perempuan",
            "birth_date": {"value": f"{year}-03-01"},
            "domicile": "317101",
        }
        if i % 5 == 0:
            person["disabilities"] = [
                {"type": "fisik", "permanent": True, "determined_by_medical_personnel": True}
            ]
        assessment = {
            "id": f"A-{i}",
            "assessed_on": "2024-05-01",
            "conditions": [{"group": GROUPS[i % len(GROUPS)]}],
            "in_dtks": i % 3 != 0,
        }
        out.append((json.dumps(person).encode(), json.dumps(assessment).encode()))
    return out


def main() -> None:
    """Print structuring and assessing throughput and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    args = parser.parse_args()
    data = records(args.count)
    start = time.perf_counter()
    typed = [
        (atensi.structure(json.loads(p), Person), atensi.structure(json.loads(a), Assessment))
        for p, a in data
    ]
    structuring = time.perf_counter() - start
    start = time.perf_counter()
    for person, assessment in typed:
        assess_eligibility(person, assessment, on=ON)
    assessing = time.perf_counter() - start
    start = time.perf_counter()
    for person, assessment in typed[: args.count // 10]:
        json.dumps(assess_eligibility(person, assessment, on=ON).to_json())
    with_json = (time.perf_counter() - start) * 10
    start = time.perf_counter()
    for person, assessment in typed[: args.count // 10]:
        assess_eligibility(person, assessment, on=ON).to_json_text(redact=True)
    with_text = (time.perf_counter() - start) * 10
    n = args.count
    print(f"{n:,} person + assessment records")
    print(
        f"structure (json.loads + structure x2): {n / structuring:>10,.0f} rec/s "
        f"{structuring / n * 1e6:7.1f} µs"
    )
    print(
        f"assess_eligibility:                    {n / assessing:>10,.0f} rec/s "
        f"{assessing / n * 1e6:7.1f} µs  ({assessing / structuring:.0%} of structuring)"
    )
    print(
        f"assess + decision JSON:                {n / with_json:>10,.0f} rec/s "
        f"{with_json / n * 1e6:7.1f} µs"
    )
    print(
        f"assess + redacted JSON text:           {n / with_text:>10,.0f} rec/s "
        f"{with_text / n * 1e6:7.1f} µs"
    )


if __name__ == "__main__":
    main()
