"""Validation throughput and memory: atensi against pydantic v2 and msgspec on the same lines.

Run: ``python benchmarks/bench_boundary.py [--count N] [--rounds R]`` (needs the ``bench``
extra). Every candidate reads the same JSON lines, in interleaved, shuffled rounds, with the GC
on and nothing kept; the ratio to pydantic's ``model_validate_json`` (strict models,
``benchmarks/_baselines.py``) is taken inside each round (``benchmarks/_rounds.py``). atensi runs
with the ``fast`` extra (msgspec twins) and without it (the same process with the compiled path
switched off, as when msgspec is not installed: the code that runs is the same). Memory: bytes
kept per record when 20,000 decoded records are kept. Not a test: it asserts nothing.

Before and after: run it again with ``PYTHONPATH`` naming the ``src`` folder of an earlier
checkout (``git archive 57fa6f6 src | tar -x -C /tmp/before``); a release without the compiled
path runs only the candidates it has, against the same baselines.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from typing import Any

sys.path.insert(0, __file__.rsplit("/", 1)[0])
import _baselines
from _records import item_lines, json_lines
from _rounds import compare, report

import atensi
from atensi.batch import validate_line_json
from atensi.model import AssessmentItem, Case

try:
    from atensi.boundary import _compiled as _module
except ImportError:  # an earlier release: no compiled path
    _module = None  # type: ignore[assignment]
_compiled: Any = _module


@contextlib.contextmanager
def pure() -> Iterator[None]:
    """Run as without the ``fast`` extra: JSON text takes the pure-Python path."""
    saved = list(_compiled._FOUND)
    _compiled._FOUND[:] = [None]
    try:
        yield
    finally:
        _compiled._FOUND[:] = saved


def _each(fn: Callable[[bytes], Any], lines: list[bytes], *, compiled: bool) -> Callable[[], None]:
    def run() -> None:
        with contextlib.nullcontext() if compiled else pure():
            for line in lines:
                fn(line)

    return run


def candidates(lines: list[bytes], cls: type[Any], models: tuple[Any, Any]) -> dict[str, Any]:
    """What reads a line of ``cls``: the baselines, and atensi with and without the extra."""
    pydantic_fn, msgspec_fn = models
    found = {
        "pydantic v2 strict (model_validate_json)": _each(pydantic_fn, lines, compiled=True),
        "msgspec Structs": _each(msgspec_fn, lines, compiled=True),
        "json.loads only": _each(json.loads, lines, compiled=True),
        "atensi json.loads + structure (Python data)": _each(
            lambda line: atensi.structure(json.loads(line), cls), lines, compiled=True
        ),
    }
    if _compiled is None:  # a release without the compiled path
        found["atensi validate_line_json, release under test"] = _each(
            lambda line: validate_line_json(line, cls), lines, compiled=True
        )
        return found
    for compiled, path in ((True, "fast extra"), (False, "pure Python")):
        found[f"atensi validate_line_json, {path}"] = _each(
            lambda line: validate_line_json(line, cls), lines, compiled=compiled
        )
        found[f"atensi structure_json -> attrs entities, {path}"] = _each(
            lambda line: atensi.structure_json(line, cls), lines, compiled=compiled
        )
    return found


def _entities(line: bytes, cls: type[Any]) -> Any:
    """The attrs entities of a line, by the fastest path the release under test has."""
    if _compiled is None:
        return atensi.structure(json.loads(line), cls)
    return atensi.structure_json(line, cls)


def kept_bytes(fn: Callable[[bytes], Any], lines: list[bytes]) -> float:
    """Bytes retained per record when every decoded record is kept."""
    gc.collect()
    tracemalloc.start()
    kept = [fn(line) for line in lines]
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return current / len(lines)


def main() -> None:
    """Run both record shapes and print ratios, spread and memory."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    base = "pydantic v2 strict (model_validate_json)"
    print(f"atensi {atensi.__version__} from {atensi.__file__}")
    for title, lines, cls, models in (
        (
            "person + assessment item",
            item_lines(args.count),
            AssessmentItem,
            (_baselines.pydantic_item(), _baselines.msgspec_item()),
        ),
        (
            "family case with deliveries",
            json_lines(args.count),
            Case,
            (_baselines.pydantic_case(), _baselines.msgspec_case()),
        ),
    ):
        _baselines.check(models, lines)
        found = candidates(lines, cls, models)
        for run in found.values():  # warm up: generated code, twins, caches
            run()
        size = sum(map(len, lines)) / len(lines)
        report(
            compare(found, base, rounds=args.rounds),
            len(lines),
            base,
            f"{title} ({size:.0f} bytes of JSON)",
        )
        sample = lines[: min(len(lines), 20_000)]
        print("kB kept per record:", end="")
        for name, fn in (
            ("pydantic", models[0]),
            ("msgspec", models[1]),
            ("atensi entities", lambda line, cls=cls: _entities(line, cls)),
        ):
            print(f"  {name} {kept_bytes(fn, sample) / 1000:.2f}", end="")
        print()


if __name__ == "__main__":
    main()
