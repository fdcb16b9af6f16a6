"""Reports over a million cases: records per second, memory per distinct PM, linearity.

Run: ``python benchmarks/bench_reports.py [--cases 1000000] [--small 250000] [--e2e]``.

Synthetic cases (a person each, distinct, in 60 regencies and 12 target groups; one to three
deliveries with funding; three in four closed, most with an outcome and follow-ups) are built in
chunks of 10,000 and fed to each accumulator in turn; only the accumulators' own time is
measured, not the building. The baseline, measured in the same run, is the spreadsheet way: a
``Counter`` of deliveries per (year, approach), which counts deliveries, not distinct PM.
Printed: records per second, the ratio to the baseline, the time per record at the two sizes
(near 1.0: linear), and the **bytes the totals and the evaluation hold per distinct PM** (the
size of every object they hold, walked with ``gc.get_referents``, divided by the distinct PM),
beside the floor (a 16-byte key) and a plain ``set`` of the same keys as Python integers,
measured the same way.

``--e2e`` also writes the cases as JSON Lines (null fields left out, as a registry exports
them) and times ``atensi report`` on them as a whole process (one process, and ``--jobs 2``),
beside the time ``json.loads`` alone takes to read the same lines in this process. The machine
these figures come from is shared with other work: read the ratios, and say so with the
figures. Not a test: it asserts nothing.

``--vs SRC`` times ``atensi report`` as a whole process on the example programme's shape (the
generator of ``tools/make_programme.py``, ``--programme`` cases: families and groups, aid
through both channels, partnerships) against another atensi, the ``src`` folder of another
checkout (say ``git worktree add /tmp/main main``, then ``--vs /tmp/main/src``), in
interleaved, shuffled rounds (:mod:`_rounds`): cases per CPU-second of each, the ratio inside
each round, and whether every file each writes is the same byte for byte. It states the machine
(processors, load average before and after) and both versions (commit and version).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import pathlib
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable

from atensi.boundary import unstructure
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
from atensi.regions import _load, is_valid_code
from atensi.reports import Budget, Evaluation, Totals, parse_period
from atensi.vocab import (
    Approach,
    FundingChannel,
    ServiceComponent,
    TargetGroup,
    TerminationReason,
)

PERIOD = parse_period("2021-01-01/2025-12-31")
CHUNK = 10_000
# Regencies whose first district (..01) exists: a domicile is a real district code.
REGENCIES = sorted(
    r.code
    for r in _load().values()
    if r.level == 2 and r.current and is_valid_code(r.code + "01", include_retired=False)
)[:60]
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


def _held(objects: list[object]) -> int:
    """Bytes of ``objects`` and of everything they hold, each object once."""
    seen: set[int] = set()
    stack = list(objects)
    total = 0
    while stack:
        found = stack.pop()
        if id(found) in seen or isinstance(found, type):
            continue
        seen.add(id(found))
        total += sys.getsizeof(found)
        stack.extend(gc.get_referents(found))
    return total


def run(total: int) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds each accumulator spends on ``total`` cases, and bytes held per distinct PM."""
    rng = random.Random(14)
    key = bytes(range(16))
    totals = Totals(PERIOD, pseudonym_key=key)
    evaluation = Evaluation(PERIOD, pseudonym_key=key)
    budget = Budget(PERIOD)
    base, _ = baseline()
    spent = {"baseline": 0.0, "totals": 0.0, "evaluation": 0.0, "budget": 0.0}
    adders: dict[str, Callable[[Case], object]] = {
        "baseline": base,
        "totals": totals.add,
        "evaluation": evaluation.add,
        "budget": budget.add,
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
    pm = totals.total()
    print(
        f"  {total:,} cases: {totals.deliveries:,} deliveries, {pm:,} distinct PM, "
        f"{totals.cell_count:,} cells, {len(rows):,} rows by period × target × province, "
        f"{len(values)} measures"
    )
    # What each accumulator holds for its PM (the spec, the key and the vocabulary are shared
    # module data, not counted): every object reachable from the fields that grow.
    gc.collect()
    held_totals = _held([totals._codes, totals._pairs])
    held_evaluation = _held([evaluation._pm, evaluation.tallies, evaluation.units])
    keys = {
        int.from_bytes(k, "big")
        for _, first, n in evaluation._pm.tags()
        for k in evaluation._pm.keys(first, n)
    }
    held_set = _held([keys])
    memory = {
        "totals": held_totals / pm,
        "evaluation": held_evaluation / pm,
        "together": (held_totals + held_evaluation) / pm,
        "set of int": held_set / pm,
    }
    del keys
    return spent, memory


def _compact(record: object) -> object:
    if isinstance(record, dict):
        return {k: _compact(v) for k, v in record.items() if v not in (None, [], {})}
    if isinstance(record, list):
        return [_compact(v) for v in record]
    return record


def end_to_end(sizes: list[int], folder: pathlib.Path) -> None:
    """``atensi report`` as a whole process on ``sizes`` cases, one process and ``--jobs 2``."""
    atensi = [sys.executable, "-m", "atensi", "report"]
    print(f"\natensi report, whole process (a file per size in {folder})")
    print(
        f"{'cases':>10}{'jobs':>6}{'wall s':>9}{'cpu s':>9}{'cases/s':>10}{'cases/cpu-s':>13}"
        f"{'× json.loads':>14}"
    )
    for size in sizes:
        path = folder / f"cases-{size}.jsonl"
        rng = random.Random(14)
        with path.open("w", encoding="utf-8") as handle:
            for start in range(0, size, CHUNK):
                for case in synthetic(start, min(CHUNK, size - start), rng):
                    handle.write(json.dumps(_compact(unstructure(case)), ensure_ascii=False))
                    handle.write("\n")
        began = time.perf_counter()
        with path.open("rb") as handle:
            for line in handle:
                json.loads(line)
        loads = time.perf_counter() - began
        for jobs in (1, 2):
            out = folder / f"report-{size}-{jobs}"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            began = time.perf_counter()
            subprocess.run(
                [
                    *atensi,
                    str(path),
                    "--period",
                    "2021-01-01/2025-12-31",
                    "--out",
                    str(out),
                    "--format",
                    "csv,json",
                    "--quiet",
                    "--jobs",
                    str(jobs),
                ],
                check=True,
                stderr=subprocess.DEVNULL,
            )
            wall = time.perf_counter() - began
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            print(
                f"{size:>10,}{jobs:>6}{wall:>9.1f}{cpu:>9.1f}{size / wall:>10,.0f}"
                f"{size / cpu:>13,.0f}{wall / loads:>14.1f}"
            )
        path.unlink()


ROOT = pathlib.Path(__file__).resolve().parents[1]


def _programme(size: int, path: pathlib.Path) -> None:
    """``size`` cases of the example programme's generator, then its portfolio, as JSON Lines."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_programme
    finally:
        sys.path.pop(0)
    programme = make_programme.Programme(make_programme.SEED)
    with path.open("w", encoding="utf-8") as handle:
        for number in range(size):
            record = make_programme._compact(programme.case(number))
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        portfolio = make_programme._compact(programme.portfolio())
        handle.write(json.dumps(portfolio, ensure_ascii=False) + "\n")


def _version(src: pathlib.Path) -> str:
    """The commit and version of the atensi in ``src``."""
    commit = subprocess.run(
        ["git", "-C", str(src), "log", "-1", "--format=%h %cs"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    version = subprocess.run(
        [sys.executable, "-c", "import atensi; print(atensi.__version__)"],
        env={**os.environ, "PYTHONPATH": str(src)},
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"{version} ({commit or 'not a git checkout'})"


def _machine() -> str:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    found = msgspec_version()
    fast = "no msgspec (pure path)" if found is None else f"msgspec {found}"
    return (
        f"{platform.platform()}, {os.cpu_count()} processors, load average {load}; "
        f"Python {platform.python_version()}, {fast}"
    )


def msgspec_version() -> str | None:
    """The version of msgspec, ``None`` without the fast extra."""
    try:
        import msgspec
    except ImportError:
        return None
    return str(msgspec.__version__)


def _files(folder: pathlib.Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def versus(size: int, baseline: pathlib.Path, rounds: int, jobs: int) -> None:
    """``atensi report`` of this checkout against ``baseline`` (a src folder), whole processes."""
    candidates = {"baseline": baseline.resolve(), "this checkout": ROOT / "src"}
    print(f"machine: {_machine()}")
    for name, src in candidates.items():
        print(f"  {name}: atensi {_version(src)} from {src}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        source = folder / "programme.jsonl"
        _programme(size, source)
        megabytes = source.stat().st_size / 1e6
        print(f"input: {size:,} cases of the example programme's generator ({megabytes:,.0f} MB)")
        spent: dict[str, list[float]] = {name: [] for name in candidates}
        walls: dict[str, list[float]] = {name: [] for name in candidates}
        written: dict[str, dict[str, bytes]] = {}
        rng = random.Random(17)
        for _ in range(rounds):
            order = list(candidates)
            rng.shuffle(order)
            for name in order:
                out = folder / f"report-{len(spent[name])}-{name.replace(' ', '-')}"
                argv = [sys.executable, "-m", "atensi", "report", str(source), "--out", str(out)]
                argv += ["--period", "2021-01-01/2025-12-31", "--format", "csv,json"]
                argv += ["--quiet", "--jobs", str(jobs)]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                began = time.perf_counter()
                subprocess.run(
                    argv,
                    env={**os.environ, "PYTHONPATH": str(candidates[name])},
                    check=True,
                    stderr=subprocess.DEVNULL,
                )
                walls[name].append(time.perf_counter() - began)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                spent[name].append(
                    (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                )
                written.setdefault(name, _files(out))
                shutil.rmtree(out)
        print(f"\natensi report --jobs {jobs}, {rounds} interleaved rounds (median, spread)")
        print(
            f"{'':16}{'cpu s':>8}{'wall s':>8}{'cases/cpu-s':>13}{'cases/s':>9}{'× baseline':>12}"
        )
        base = spent["baseline"]
        for name in candidates:
            ratios = [b / t for b, t in zip(base, spent[name], strict=True)]
            cpu, wall = statistics.median(spent[name]), statistics.median(walls[name])
            print(
                f"{name:16}{cpu:8.1f}{wall:8.1f}{size / cpu:13,.0f}{size / wall:9,.0f}"
                f"{statistics.median(ratios):8.2f} ({min(ratios):.2f}-{max(ratios):.2f})"
            )
        same = written["baseline"] == written["this checkout"]
        count = len(written["baseline"])
        print(f"every file byte-identical: {'yes' if same else 'NO'} ({count} files)")
    print(f"after: load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


def main() -> None:
    """Measure, print."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=250_000)
    parser.add_argument("--e2e", action="store_true", help="also time atensi report")
    parser.add_argument("--vs", type=pathlib.Path, help="time atensi report against this src")
    parser.add_argument("--programme", type=int, default=100_000, help="cases for --vs")
    parser.add_argument("--rounds", type=int, default=3, help="rounds for --vs")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of atensi report for --vs")
    args = parser.parse_args()
    if args.vs is not None:
        versus(args.programme, args.vs, args.rounds, args.jobs)
        return
    results = {}
    memory = {}
    for size in (args.small, args.cases):
        print(f"{size:,} cases")
        results[size], memory[size] = run(size)
    large, small = results[args.cases], results[args.small]
    print()
    print(f"{'':12}{'records/s':>14}{'× baseline':>12}{'µs/record':>12}{'linearity':>11}")
    for name in ("baseline", "totals", "evaluation", "budget"):
        rate = args.cases / large[name]
        ratio = large[name] / large["baseline"]
        per_large = large[name] / args.cases * 1e6
        per_small = small[name] / args.small * 1e6
        print(f"{name:12}{rate:14,.0f}{ratio:12.1f}{per_large:12.2f}{per_large / per_small:11.2f}")
    print(f"tables from the accumulators ({args.cases:,} cases): {large['tables']:.2f} s")
    print("\nbytes held per distinct PM (floor: 16, one 128-bit key)")
    for name in ("totals", "evaluation", "together", "set of int"):
        print(
            f"  {name:12}{memory[args.small][name]:8.1f} at {args.small:,}"
            f"{memory[args.cases][name]:8.1f} at {args.cases:,}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak:,.0f} MB")
    if args.e2e:
        with tempfile.TemporaryDirectory() as folder:
            end_to_end([args.small, args.cases], pathlib.Path(folder))


if __name__ == "__main__":
    main()
