"""Reports over a million cases: records per second for totals and evaluation, and linearity.

Run: ``python benchmarks/bench_reports.py [--cases 1000000] [--small 250000]``. Synthetic cases
(a person each, distinct, in 60 regencies and 12 target groups; one to three deliveries with
funding; three in four closed, most with an outcome and follow-ups) are built in chunks of
10,000 and fed to each accumulator in turn; only the accumulators' own time is measured, not
the building. The baseline, measured in the same run, is the spreadsheet way: a ``Counter`` of
deliveries per (year, approach), which counts deliveries, not distinct PM. Printed: records per
second, the ratio to the baseline, and the time per record at the two sizes (near 1.0: linear).
Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time
from collections import Counter
from collections.abc import Callable

from atensi.model import (
    Case,
    CaseOutcome,
    Condition,
    FollowUp,
    Funding,
    Person,
    ServiceDelivery,
    Termination,
)
from atensi.nik import NoNik, NoNikReason
from atensi.regions import _load
from atensi.reports import Evaluation, Totals, parse_period
from atensi.vocab import (
    Approach,
    FundingChannel,
    ServiceComponent,
    TargetGroup,
    TerminationReason,
)

PERIOD = parse_period("2021-01-01/2025-12-31")
CHUNK = 10_000
REGENCIES = sorted(r.code for r in _load().values() if r.level == 2 and r.current)[:60]
GROUPS = [
    TargetGroup("anak_jalanan"),
    TargetGroup("anak_terlantar"),
    TargetGroup("anak_yatim_piatu"),
    TargetGroup("penyandang_disabilitas"),
    TargetGroup("lanjut_usia_terlantar"),
    TargetGroup("lanjut_usia_tunggal"),
    TargetGroup("gelandangan"),
    TargetGroup("pemulung"),
    TargetGroup("korban_penyalahgunaan_narkotika"),
    TargetGroup("korban_bencana_alam"),
    TargetGroup("korban_perdagangan_orang"),
    TargetGroup("pengemis"),
]
NO_NIK = NoNik(NoNikReason.NOT_REGISTERED)
FIRST = dt.date(2021, 1, 1)


def synthetic(start: int, count: int, rng: random.Random) -> list[Case]:
    """``count`` distinct cases, numbered from ``start``."""
    out = []
    for i in range(start, start + count):
        opened = FIRST + dt.timedelta(days=rng.randrange(1700))
        person = Person(
            id=f"P{i}",
            nik=NO_NIK,
            name="Penerima",
            registry_id=f"R{i}",
            domicile=rng.choice(REGENCIES) + "01",
            conditions=(Condition(group=rng.choice(GROUPS)),),
        )
        deliveries = tuple(
            ServiceDelivery(
                id=f"D{i}-{n}",
                component=rng.choice(list(ServiceComponent)),
                approach=rng.choice(list(Approach)),
                provider="U1",
                start=opened + dt.timedelta(days=20 + 40 * n),
                amount_idr=rng.randrange(1, 50) * 100_000,
                funding=Funding(channel=FundingChannel.SOCIAL_ASSISTANCE, budget_year=opened.year),
            )
            for n in range(rng.randint(1, 3))
        )
        termination: Termination | None = None
        followups: tuple[FollowUp, ...] = ()
        if rng.random() < 0.75:
            closed = opened + dt.timedelta(days=150)
            termination = Termination(
                on=closed,
                reason=TerminationReason.GOALS_MET,
                outcome=CaseOutcome(recorded_on=closed, functioning_improved=rng.random() < 0.7),
            )
            followups = (
                FollowUp(
                    on=closed + dt.timedelta(days=185),
                    months_after=6,
                    functioning_maintained=rng.random() < 0.8,
                ),
            )
        out.append(
            Case(
                id=f"C{i}",
                subject=person,
                unit=f"U{i % 31}",
                opened_on=opened,
                deliveries=deliveries,
                termination=termination,
                followups=followups,
            )
        )
    return out


def baseline() -> tuple[Callable[[Case], None], Callable[[], int]]:
    """Deliveries per (year, approach), in a Counter: no distinct PM, no other axis."""
    counts: Counter[tuple[int, str]] = Counter()

    def add(case: Case) -> None:
        for d in case.deliveries:
            counts[(d.start.year, d.approach.value)] += 1

    return add, lambda: len(counts)


def run(total: int) -> dict[str, float]:
    """Seconds each accumulator spends on ``total`` cases."""
    rng = random.Random(14)
    totals = Totals(PERIOD)
    evaluation = Evaluation(PERIOD)
    base, _ = baseline()
    spent = {"baseline": 0.0, "totals": 0.0, "evaluation": 0.0}
    adders: dict[str, Callable[[Case], None]] = {
        "baseline": base,
        "totals": totals.add,
        "evaluation": evaluation.add,
    }
    for start in range(0, total, CHUNK):
        chunk = synthetic(start, min(CHUNK, total - start), rng)
        for name, add in adders.items():
            began = time.perf_counter()
            for case in chunk:
                add(case)
            spent[name] += time.perf_counter() - began
    began = time.perf_counter()
    rows = totals.counts(("period", "target", "province"))
    values = evaluation.values()
    spent["tables"] = time.perf_counter() - began
    print(
        f"  {total:,} cases: {totals.deliveries:,} deliveries, {totals.total():,} distinct PM, "
        f"{len(totals.cells):,} cells, {len(rows):,} rows by period × target × province, "
        f"{len(values)} measures"
    )
    return spent


def main() -> None:
    """Measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=250_000)
    args = parser.parse_args()
    results = {}
    for size in (args.small, args.cases):
        print(f"{size:,} cases")
        results[size] = run(size)
    large, small = results[args.cases], results[args.small]
    print()
    print(f"{'':12}{'records/s':>14}{'× baseline':>12}{'µs/record':>12}{'linearity':>11}")
    for name in ("baseline", "totals", "evaluation"):
        rate = args.cases / large[name]
        ratio = large[name] / large["baseline"]
        per_large = large[name] / args.cases * 1e6
        per_small = small[name] / args.small * 1e6
        print(f"{name:12}{rate:14,.0f}{ratio:12.1f}{per_large:12.2f}{per_large / per_small:11.2f}")
    print(f"tables from the accumulators ({args.cases:,} cases): {large['tables']:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:,.0f} MB")


if __name__ == "__main__":
    main()
