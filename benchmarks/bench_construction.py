"""What validating types on construction costs: ``Person(...)`` against ``structure``.

Run: ``python benchmarks/bench_construction.py [--count N]``. Direct construction runs every
field's validators (the type first, since issue 15); ``structure`` reads the same record from
JSON-like data through the generated fast path, which does not call ``__init__``. Both build
the same entity; the ratio is measured inside the same run. Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time

import atensi
from atensi.model import Assessment, BirthDate, Condition, Person
from atensi.vocab import Sex, TargetGroup


def main() -> None:
    """Print microseconds per entity, constructed and structured."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20_000)
    count = parser.parse_args().count
    kwargs = {
        "id": "P-1",
        "nik": "3171014103900001",
        "name": "Siti",
        "sex": Sex.FEMALE,
        "birth_date": BirthDate(value=dt.date(1990, 3, 1)),
        "domicile": "317101",
        "conditions": (Condition(group=TargetGroup.STREET_CHILD),),
    }
    record = atensi.unstructure(Person(**kwargs))  # type: ignore[arg-type]
    assessment = {"id": "A", "assessed_on": dt.date(2024, 5, 1), "needs": ()}
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(count):
            Person(**kwargs)  # type: ignore[arg-type]
        built = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(count):
            atensi.structure(record, Person)
        structured = time.perf_counter() - start
        start = time.perf_counter()
        for _ in range(count):
            Assessment(**assessment)  # type: ignore[arg-type]
        small = time.perf_counter() - start
        rounds.append((built, structured, small))
    built, structured, small = min(rounds, key=lambda r: r[0] + r[1])
    print(f"Person(...)         {built / count * 1e6:6.2f} µs")
    print(f"structure(Person)   {structured / count * 1e6:6.2f} µs")
    print(f"Assessment(...)     {small / count * 1e6:6.2f} µs")
    print(f"construction / structure: {built / structured:.2f}")


if __name__ == "__main__":
    main()
