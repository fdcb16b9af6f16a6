"""Where the time of a record goes: every stage timed inside the full pipeline.

Run: ``python benchmarks/bench_rules.py [--count N] [--rounds R]``. Each pipeline reads JSON
lines of person + assessment items and writes each one's redacted decision as a JSON line,
record by record, with the GC on and nothing kept between records (as the command line runs);
the clock is read between the stages of every record, so each stage is timed where it runs.
(An earlier version structured every record first and kept them all alive with the GC on,
then timed the rules over them: the collector's walks over a million live objects were
charged to the rules.) Pipelines:

* **pure, rules**: as without the ``fast`` extra and without the memo: decode the line
  (``json``, refusing duplicate keys and NaN), ``structure``, warnings, ``assess_eligibility``,
  the decision's text;
* **pure, memo**: what ``assess_line_json`` does without the extra: ``json`` without the
  duplicate-key hook, structured by the generated function that counts the keys (the colon
  proof, :mod:`atensi.boundary._counted`), warnings, the decision's text from the decision memo
  (``atensi.rules.memo``);
* **fast, memo**: what ``assess_line_json`` does with the extra: msgspec twins, warnings, memo.
* **fast, memo miss**: the same with every record a miss (the memo's texts forgotten, untimed,
  before each record): the key, the rules, the decision's text and keeping it, as the first record
  of each kind of a run pays.

pydantic's ``model_validate_json`` of the same lines (validation only) is timed in the same
rounds for scale (``benchmarks/_rounds.py``). Not a test: it asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import _baselines
from _records import item_lines

import atensi
from atensi.boundary import _counted, _twins, warnings_of
from atensi.boundary._lines import Decoder, decode_line, line_where
from atensi.model import AssessmentItem
from atensi.rules import assess_eligibility
from atensi.rules.memo import DecisionMemo

ON = dt.date(2024, 6, 1)
Stages = dict[str, float]


def pure_rules(lines: list[bytes], times: Stages) -> None:
    decoder, where = Decoder(), line_where(None)
    clock = time.perf_counter_ns
    for line in lines:
        t0 = clock()
        record = decode_line(line, where, decoder)
        t1 = clock()
        item = atensi.structure(record, AssessmentItem)
        t2 = clock()
        warnings_of(item)
        t3 = clock()
        decision = assess_eligibility(item.subject, item.assessment, on=item.on or ON)
        t4 = clock()
        decision.to_json_text(redact=True)
        t5 = clock()
        times["decode JSON"] += t1 - t0
        times["structure"] += t2 - t1
        times["warnings"] += t3 - t2
        times["assess_eligibility"] += t4 - t3
        times["decision text"] += t5 - t4


def memo_stages(
    lines: list[bytes],
    times: Stages,
    memo: DecisionMemo,
    decode: Callable[[bytes, type[Any]], Any],
    decoded: str,
    *,
    miss: bool = False,
) -> None:
    """Decode (timed as ``decoded``), the warnings, then the memo's text of every line.

    With ``miss`` every record misses the memo: its texts are forgotten before each (outside
    the timed stages); the law it resolved per date stays, as in a run.
    """
    clock = time.perf_counter_ns
    forget = memo._texts.clear
    answered = "memo miss: signature, rules, text" if miss else "memo: signature + text"
    for line in lines:
        t0 = clock()
        item = decode(line, AssessmentItem)
        t1 = clock()
        warnings_of(item)
        t2 = clock()
        if miss:
            forget()
        t3 = clock()
        memo.text(item.subject, item.assessment, on=item.on or ON)
        t4 = clock()
        times[decoded] += t1 - t0
        times["warnings"] += t2 - t1
        times[answered] += t4 - t3


def main() -> None:
    """Time every stage of each pipeline over the rounds; print µs per record and shares."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    lines = item_lines(args.count)
    pydantic_fn = _baselines.pydantic_item()
    _baselines.check([pydantic_fn], lines)
    memos = {
        "pure, memo": DecisionMemo(),
        "fast, memo": DecisionMemo(),
        "fast, memo miss": DecisionMemo(),
    }
    pipelines: dict[str, Callable[[Stages], Any]] = {
        "pure, rules": lambda t: pure_rules(lines, t),
        "pure, memo": lambda t: memo_stages(
            lines, t, memos["pure, memo"], _counted.decode, "decode + structure, keys counted"
        ),
        "fast, memo": lambda t: memo_stages(
            lines, t, memos["fast, memo"], _twins.decode, "decode + check twins (msgspec)"
        ),
        "fast, memo miss": lambda t: memo_stages(
            lines,
            t,
            memos["fast, memo miss"],
            _twins.decode,
            "decode + check twins (msgspec)",
            miss=True,
        ),
        "pydantic validation only": lambda t: _pydantic(pydantic_fn, lines, t),
    }
    for run in pipelines.values():  # warm up: generated code, twins, memo
        run(dict.fromkeys(_STAGES, 0.0))
    per_round: dict[str, list[Stages]] = {name: [] for name in pipelines}
    rng = random.Random(17)
    for _ in range(args.rounds):
        order = list(pipelines)
        rng.shuffle(order)
        for name in order:
            times: Stages = dict.fromkeys(_STAGES, 0.0)
            gc.collect()
            pipelines[name](times)
            per_round[name].append(times)
    print(f"{len(lines):,} items, {args.rounds} rounds; µs per record, median of the rounds")
    for name, rounds in per_round.items():
        totals = [sum(r.values()) for r in rounds]
        base = [sum(r.values()) for r in per_round["pydantic validation only"]]
        ratio = statistics.median(b / t for b, t in zip(base, totals, strict=True))
        total = statistics.median(totals) / len(lines) / 1000
        print(f"\n{name}: {total:.1f} µs per record, {ratio:.2f}× pydantic's validation rate")
        for stage in _STAGES:
            values = [r[stage] for r in rounds]
            if not any(values):
                continue
            us = statistics.median(values) / len(lines) / 1000
            print(f"  {stage:<34} {us:7.2f} µs  {us / total:6.1%}")


def _pydantic(fn: Callable[[bytes], Any], lines: list[bytes], times: Stages) -> None:
    clock = time.perf_counter_ns
    for line in lines:
        t0 = clock()
        fn(line)
        times["pydantic model_validate_json"] += clock() - t0


_STAGES = (
    "decode JSON",
    "structure",
    "decode + structure, keys counted",
    "decode + check twins (msgspec)",
    "warnings",
    "assess_eligibility",
    "decision text",
    "memo: signature + text",
    "memo miss: signature, rules, text",
    "pydantic model_validate_json",
)


if __name__ == "__main__":
    main()
