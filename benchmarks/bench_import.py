"""Start-up cost: importing atensi's entry points, and a one-record ``atensi assess``.

Run: ``python benchmarks/bench_import.py [--rounds R] [--before SRC]`` (extra ``bench``). Each
measurement is a fresh interpreter, timed from outside (its own start-up included, which
``python -c pass`` shows); rounds are interleaved and shuffled, and each time is also given
relative to importing pydantic's ``BaseModel`` module in the same round. A second table times
the import statement alone, *in process* (``from atensi.model import Person`` against ``from
pydantic import BaseModel``, each in a fresh interpreter, the ratio taken inside each round).
With ``--before`` (the ``src`` folder of an earlier checkout) the same is measured for that
release. Not a test.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import random
import statistics
import subprocess
import sys
import tempfile
import time

ITEM = (
    '{"subject": {"kind": "community", "id": "K", "name": "Kampung"}, "assessment": null,'
    ' "on": "2024-06-01"}\n'
)


def _time(code: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *code], check=True, capture_output=True, env=env)
    return time.perf_counter() - start


#: Statements timed in process: the interpreter starts, then only the statement is timed.
IN_PROCESS = {
    "from pydantic import BaseModel": "from pydantic import BaseModel",
    "from atensi.model import Person": "from atensi.model import Person",
    "import atensi": "import atensi",
}


def _time_in_process(statement: str, env: dict[str, str]) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    done = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env
    )
    return float(done.stdout.strip())


def in_process(rounds: int, envs: dict[str, dict[str, str]]) -> None:
    """Time each statement in process; print medians and the median ratio to pydantic's."""
    runs = [
        (name, release)
        for name in IN_PROCESS
        for release in envs
        if "atensi" in name or release == "after"
    ]
    seconds: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    ratios: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    rng = random.Random(23)
    for _ in range(rounds):
        rng.shuffle(runs)
        measured = {run: _time_in_process(IN_PROCESS[run[0]], envs[run[1]]) for run in runs}
        base = measured["from pydantic import BaseModel", "after"]
        for run, value in measured.items():
            seconds[run].append(value)
            ratios[run].append(value / base)
    print(f"\nin process, {rounds} rounds; median ms, and the median of the ratios per round")
    for (name, release), values in sorted(seconds.items()):
        median = statistics.median(values)
        ratio = statistics.median(ratios[name, release])
        print(f"{name:<34} {release:<7} {median * 1000:7.1f} ms  {ratio:5.2f}×")


def main() -> None:
    """Time each command in fresh interpreters over interleaved rounds."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--before", help="the src folder of an earlier atensi, to compare")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "one.jsonl"
        path.write_text(ITEM, encoding="utf-8")
        commands = {
            "python -c pass": ["-c", "pass"],
            "import pydantic.main": ["-c", "import pydantic.main"],
            "import atensi": ["-c", "import atensi"],
            "import atensi.batch": ["-c", "import atensi.batch"],
            "atensi assess (one record)": ["-m", "atensi", "assess", str(path), "--quiet"],
        }
        envs = {"after": dict(os.environ)}
        if args.before:
            envs["before"] = {**os.environ, "PYTHONPATH": args.before}
        # The baselines do not depend on atensi: they run once per round.
        runs = [
            (name, release)
            for name in commands
            for release in envs
            if "atensi" in name or release == "after"
        ]
        seconds: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
        rng = random.Random(17)
        for _ in range(args.rounds):
            rng.shuffle(runs)
            for name, release in runs:
                seconds[name, release].append(_time(commands[name], envs[release]))
    base = statistics.median(seconds["import pydantic.main", "after"])
    print(f"{args.rounds} rounds; median ms, and × the import of pydantic.main")
    for (name, release), values in sorted(seconds.items()):
        median = statistics.median(values)
        print(f"{name:<30} {release:<7} {median * 1000:7.1f} ms  {median / base:5.2f}×")
    in_process(args.rounds, envs)


if __name__ == "__main__":
    main()
