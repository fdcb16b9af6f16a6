"""The hostile-input probe: tried, escaped, hung, leaked: one reproducible figure.

Run: ``python -m tests.hostile_probe [--count N] [--seed S]`` from the repository root (the
figure in ``docs/hostile.md`` is from the defaults). ``tests/test_hostile_catalogue.py`` runs a
smaller probe on every test run and requires the last three numbers to be zero.

Library inputs are the example records, each with one or a few values replaced, at a random
place, by a hostile value (extreme dates, huge or non-finite numbers, lone surrogates, control
characters, NIK-shaped or huge keys, deep or cyclic nesting, Python objects whose methods raise
or never end), carrying planted secrets (a NIK, a name, a health note). Each input goes through
``structure`` (every entity), ``validate_many``, the batch functions and ``redact``.
Command-line inputs are named conditions: broken files and streams, failing devices, bad
options (:data:`CLI_CONDITIONS`).

* **escaped**: an exception other than the documented one came out, or an output could not be
  encoded as UTF-8;
* **hung**: one input took longer than :data:`BOUND` seconds;
* **leaked**: a planted secret appeared in a default output (``str``/``repr`` of the error, its
  default JSON, the batch results and the command line's output without
  ``--show-personal-data``).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import datetime as dt
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import atensi
from atensi import InvalidRecord
from atensi.batch import assess_record, assess_record_json, validate_record
from atensi.model import Assessment, Case, Person, ServiceDelivery, UnitRegistry
from atensi.privacy import WeakKey, redact
from tests.planted import (
    NIK_FORMS,
    PLACES,
    entity_of,
    leaks,
    library_outputs,
    plant,
    seeds,
)
from tests.planted import SECRETS as PLANTED
from tests.strategies_model import (
    EndlessMapping,
    HugeList,
    RaisingKey,
    RaisingMapping,
    RaisingObject,
)

ROOT = pathlib.Path(__file__).resolve().parents[1]
BOUND = 2.0
ON = dt.date(2024, 6, 1)
SECRET_NIK = "3171014103900009"
SECRETS = (SECRET_NIK, "Rahasia Sekali", "catatan HIV rahasia", "DTKS-RAHASIA-77")
KINDS = (Person, Assessment, Case, ServiceDelivery, UnitRegistry)


class SecretEndlessMapping(EndlessMapping):
    """A mapping that never ends, every value a planted NIK."""

    def __getitem__(self, key: str) -> Any:
        return SECRET_NIK


def _cyclic() -> Any:
    value: dict[str, Any] = {"name": "Rahasia Sekali"}
    value["a"] = value["b"] = value["c"] = value
    return value


def _shared(levels: int) -> Any:
    value: Any = {"nik": SECRET_NIK}
    for _ in range(levels):
        value = {"a": value, "b": value, "c": value}
    return value


def _deep(levels: int) -> Any:
    value: Any = {"nik": SECRET_NIK}
    for _ in range(levels):
        value = {"subject": value}
    return value


#: Makers of hostile values (functions, so that each input gets a fresh object).
HOSTILE: tuple[Callable[[], Any], ...] = (
    lambda: "9999-07-01",
    lambda: "0001-01-01",
    lambda: "9999-12-31",
    lambda: "1800-01-01",
    lambda: "2199-12-31",
    lambda: "2024-02-30",
    lambda: dt.date.max,
    lambda: 10**5000,
    lambda: -(10**30),
    lambda: float("nan"),
    lambda: float("inf"),
    lambda: "\ud800" + SECRET_NIK,
    lambda: "Rahasia\x1b[2J\x1b[31m Sekali",
    lambda: "\u200b",
    lambda: "\u202eRahasia Sekali",
    lambda: "Rahasia Sekali\x00",
    lambda: "Rahasia Sekali\n[forged] line",
    lambda: "x" * 100_000,
    lambda: SECRET_NIK,
    lambda: b"\xff" + SECRET_NIK.encode(),
    lambda: {SECRET_NIK: "catatan HIV rahasia"},
    lambda: {f"{SECRET_NIK}\n\x1b[31m": 1},
    lambda: {"k" * 1_000_000: 1},
    lambda: {10**5000: 1},
    lambda: {RaisingKey(): 1},
    lambda: [{"type": "fisik", "k" * 100_000: SECRET_NIK}] * 50,
    lambda: _cyclic(),
    lambda: _shared(30),
    lambda: _deep(3000),
    lambda: [[[[[[SECRET_NIK]]]]]] * 1000,
    RaisingObject,
    RaisingMapping,
    SecretEndlessMapping,
    lambda: HugeList([SECRET_NIK]),
    lambda: {"kind": RaisingObject()},
    lambda: {1, 2},
    lambda: object(),
    lambda: None,
    lambda: True,
    lambda: -1,
)


def _poison(record: dict[str, Any]) -> dict[str, Any]:
    """Plant the secrets where the record has room for them."""
    planted = dict(record)
    for key, value in (("nik", SECRET_NIK), ("name", "Rahasia Sekali")):
        if key in planted:
            planted[key] = value
    if "registry_id" in planted or "nik" in planted:
        planted["registry_id"] = "DTKS-RAHASIA-77"
    if "notes" in planted or "assessed_on" in planted:
        planted["notes"] = "catatan HIV rahasia"
    return planted


def _places(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The paths into the plain JSON parts of a record (not into values put there before)."""
    yield path
    if len(path) > 6:
        return
    if type(value) is dict:
        for key, item in list(value.items())[:50]:
            if type(key) is str and len(key) < 50:
                yield from _places(item, (*path, key))
    elif type(value) is list:
        for index, item in enumerate(value[:20]):
            yield from _places(item, (*path, index))


def _replace(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replace(value[head], rest, new)}
    items = list(value)
    items[head] = _replace(items[head], rest, new)
    return items


def _seeds() -> list[tuple[type[Any], dict[str, Any]]]:
    """Valid records of the main kinds, from the examples, secrets planted."""
    seeds: list[tuple[type[Any], dict[str, Any]]] = []
    persons = (ROOT / "examples" / "persons.jsonl").read_text(encoding="utf-8").splitlines()
    items = (ROOT / "examples" / "assessments.jsonl").read_text(encoding="utf-8").splitlines()
    for line in persons[:40]:
        seeds.append((Person, _poison(json.loads(line))))
    for line in items[:40]:
        item = json.loads(line)
        subject = _poison(item["subject"])
        seeds.append(
            (Case, {"id": "C", "unit": "U", "opened_on": "2024-01-01", "subject": subject})
        )
        if item.get("assessment"):
            seeds.append((Assessment, _poison(item["assessment"])))
    registry = json.loads((ROOT / "examples" / "registry.json").read_text(encoding="utf-8"))
    seeds.append((UnitRegistry, registry if isinstance(registry, dict) else {"units": registry}))
    return seeds


def library_inputs(count: int, seed: int) -> Iterator[tuple[type[Any], Any]]:
    """``count`` hostile records, reproducibly from ``seed``."""
    rng = random.Random(seed)
    seeds = _seeds()
    for _ in range(count):
        cls, record = rng.choice(seeds)
        if rng.random() < 0.05:
            cls = rng.choice(KINDS)  # a record of another kind
        mutated: Any = copy.deepcopy(record)
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            places = list(_places(mutated))
            path = rng.choice(places)
            new = rng.choice(HOSTILE)()
            if path and rng.random() < 0.3 and isinstance(mutated, dict):
                # A hostile key beside the others, or in place of one.
                key = rng.choice(
                    [SECRET_NIK, "k" * 10_000, "\x1b[31m", "a\nb", "\ud800", 10**50, *PLANTED]
                )
                mutated = {**mutated, key: new}
            else:
                mutated = _replace(mutated, path, new)
        yield cls, mutated


class Tally(NamedTuple):
    """The figure."""

    tried: int
    escaped: int
    hung: int
    leaked: int
    examples: tuple[str, ...]


def _clean(text: str) -> bool:
    text.encode("utf-8")  # an unencodable output counts as an escape
    return not any(secret in text for secret in SECRETS) and not leaks(text)


def _library_case(cls: type[Any], value: Any) -> bool:
    """Run one input through every library entry point; whether nothing leaked."""
    clean = True
    try:
        atensi.structure(value, cls)
    except InvalidRecord as err:
        for text in (
            str(err),
            repr(err),
            err.message_id,
            repr(err.errors),
            json.dumps(err.to_json(), ensure_ascii=False),
        ):
            clean &= _clean(text)
        json.dumps(err.to_json(include_input=True, include_personal=True), ensure_ascii=False)
    for result in atensi.validate_many([value], cls):
        clean &= _clean(repr(result))
    item = {"subject": value if cls is not Case else {"kind": "person", "x": value}}
    if cls is Case and isinstance(value, dict) and isinstance(value.get("subject"), dict):
        item = {"subject": value["subject"], "assessment": None}
    for text in (
        json.dumps(validate_record(value, cls), ensure_ascii=False),
        json.dumps(assess_record(item, on=ON), ensure_ascii=False),
        assess_record_json(item, on=ON),
    ):
        clean &= _clean(text)
    if isinstance(value, dict):
        with contextlib.suppress(InvalidRecord, WeakKey):
            redact(value, cls=cls, on=dt.date.max, pseudonym_key=b"\x01" * 15 + b"\x02")
    return clean


class _Hang(Exception):
    pass


def _alarm(_: int, __: Any) -> None:
    raise _Hang


def probe_library(count: int, seed: int = 16) -> Tally:
    """Run ``count`` hostile library inputs; the figure."""
    import signal

    escaped = hung = leaked = 0
    examples: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for index, (cls, value) in enumerate(library_inputs(count, seed)):
            start = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, BOUND * 5)
            try:
                if not _library_case(cls, value):
                    leaked += 1
                    examples.append(f"leaked: input {index} ({cls.__name__})")
            except _Hang:
                hung += 1
                examples.append(f"hung: input {index} ({cls.__name__})")
            except Exception as exc:
                escaped += 1
                examples.append(f"escaped: input {index} ({cls.__name__}): {type(exc).__name__}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            if time.perf_counter() - start > BOUND:
                hung += 1
                examples.append(f"slow: input {index} ({cls.__name__})")
    finally:
        signal.signal(signal.SIGALRM, previous)
    return Tally(count, escaped, hung, leaked, tuple(examples[:20]))


# --- The command line ------------------------------------------------------------------------

#: Exit codes the command line documents.
DOCUMENTED = {0, 1, 2, 3, 4, 5, 6, 129, 143}

_PERSON = json.dumps(
    {"id": "P", "nik": SECRET_NIK, "name": "Rahasia Sekali", "registry_id": "DTKS-RAHASIA-77"}
).encode()
_ITEM = json.dumps(
    {
        "subject": {"kind": "person", "id": "P", "nik": SECRET_NIK, "name": "Rahasia Sekali"},
        "assessment": {"id": "A", "assessed_on": "2024-01-01", "notes": "catatan HIV rahasia"},
    }
).encode()

_DEEP = b'{"a": ' * 1000 + b"1" + b"}" * 1000
_DISGUISED_KEYS = b"\n".join(
    json.dumps({**json.loads(_PERSON), form: 1}, ensure_ascii=False).encode() for form in NIK_FORMS
)

#: Named command-line conditions: (name, arguments with ``{file}``, file bytes, stdout target).
Condition = tuple[str, tuple[str, ...], bytes, str]

_PER_COMMAND: tuple[Condition, ...] = tuple(
    (f"{command} {name}", args, data, out)
    for command, args in (
        ("validate", ("validate", "{file}", "--kind", "person")),
        ("assess", ("assess", "{file}", "--on", "2024-06-01")),
        ("explain", ("explain", "{file}", "--on", "2024-06-01")),
    )
    for name, data, out in (
        ("empty file", b"", "pipe"),
        ("garbage", b"\x8f\x00garbage{{{", "pipe"),
        ("typo'd key", _PERSON[:-1] + b', "nmae": "x"}\n', "pipe"),
        ("NIK-shaped key", b'{"' + SECRET_NIK.encode() + b'": 1}\n', "pipe"),
        ("ANSI key", b'{"\\u001b[2J\\n": 1}\n', "pipe"),
        ("huge line", b'{"name": "' + b"x" * (17 * 1024 * 1024) + b'"}\n' + _PERSON, "pipe"),
        ("two arrays", b"[" + _PERSON + b"]\n[" + _PERSON + b"]", "pipe"),
        ("array then garbage", b"[" + _ITEM + b"] trailing", "pipe"),
        ("lines led by an array", b"[1]\n" + _ITEM + b"\n", "pipe"),
        ("duplicate keys", b'{"id": "P", "id": "' + SECRET_NIK.encode() + b'"}\n', "pipe"),
        ("NaN", b'{"id": NaN}\n', "pipe"),
        ("UTF-16", (_PERSON.decode() + "\n").encode("utf-16"), "pipe"),
        ("lone surrogate", b'{"id": "\\ud800", "\\udc00": 1}\n' + _ITEM, "pipe"),
        ("extreme dates", _ITEM.replace(b"2024-01-01", b"9999-12-31"), "pipe"),
        ("deep nesting", b'{"a": ' * 100_000 + b"1" + b"}" * 100_000, "pipe"),
        ("disk full", _PERSON + b"\n" + _ITEM, "/dev/full"),
        ("broken pipe", (_PERSON + b"\n") * 20_000, "closed"),
        ("closed stdout", _PERSON + b"\n" + _ITEM, "closed-fd"),
        ("deep item in an array", b"[" + _ITEM + b",\n" + _DEEP + b",\n" + _ITEM + b"]", "pipe"),
        ("lone CR separators", _PERSON + b"\r" + _ITEM + b"\r" + _PERSON, "pipe"),
        ("NUL in a line", _PERSON + b'\n{"id": "\x00"}\n' + _ITEM, "pipe"),
        ("disguised NIK keys", _DISGUISED_KEYS, "pipe"),
    )
)
_COVERAGE = ("coverage", "{file}", "--on", "2024-06-01")
CLI_CONDITIONS: tuple[Condition, ...] = (
    *_PER_COMMAND,
    ("validate unknown kind", ("validate", "{file}", "--kind", "alien"), _PERSON, "pipe"),
    ("assess bad date", ("assess", "{file}", "--on", "9999-12-31"), _ITEM, "pipe"),
    ("assess absurd jobs", ("assess", "{file}", "--jobs", "99999999999"), _ITEM, "pipe"),
    ("validate /dev/zero", ("validate", "/dev/zero", "--kind", "person"), b"", "pipe"),
    ("validate missing file", ("validate", "/nonexistent/x", "--kind", "person"), b"", "pipe"),
    ("nik on stdin", ("nik", "-", "--on", "2026-01-01"), SECRET_NIK.encode(), "stdin"),
    ("nik garbage on stdin", ("nik", "-"), b"\xff" * 5000, "stdin"),
    (
        "coverage bad regions",
        ("coverage", "{file}", "--on", "2024-06-01", "--regions", "x"),
        b"[]",
        "pipe",
    ),
    ("coverage garbage", ("coverage", "{file}", "--on", "2024-06-01"), b"\x00\x01", "pipe"),
    ("frobnicate", ("frobnicate",), b"", "pipe"),
)


def _run_cli(args: tuple[str, ...], data: bytes, out: str, folder: str) -> tuple[int, str, bool]:
    """Run one condition: its exit code, everything it printed, and whether it finished."""
    path = os.path.join(folder, "input")
    with open(path, "wb") as handle:
        handle.write(data)
    argv = [sys.executable, "-m", "atensi", *(a.replace("{file}", path) for a in args)]
    stdin = subprocess.PIPE if out == "stdin" else subprocess.DEVNULL
    if out == "closed-fd":
        done = subprocess.run(
            ["sh", "-c", 'exec "$@" >&-', "sh", *argv],
            stderr=subprocess.PIPE,
            timeout=60,
            check=False,
            cwd=ROOT,
        )
        return done.returncode, done.stderr.decode("utf-8"), True
    if out == "/dev/full":
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                argv, stdout=full, stderr=subprocess.PIPE, timeout=60, check=False
            )
        return done.returncode, done.stderr.decode("utf-8"), True
    with subprocess.Popen(
        argv, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        try:
            if out == "closed":
                process.stdout.readline()
                process.stdout.close()
                stdout = b""
                stderr = process.stderr.read()
            else:
                stdout, stderr = process.communicate(data if out == "stdin" else None, timeout=60)
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            return -1, "", False
    return process.returncode, (stdout + stderr).decode("utf-8"), True


def probe_cli(
    conditions: tuple[tuple[str, tuple[str, ...], bytes, str], ...] = CLI_CONDITIONS,
) -> Tally:
    """Run the command-line conditions; the figure."""
    escaped = hung = leaked = 0
    examples: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for name, args, data, out in conditions:
            if out == "/dev/full" and not os.path.exists("/dev/full"):
                continue
            code, text, finished = _run_cli(args, data, out, folder)
            if not finished:
                hung += 1
                examples.append(f"hung: {name}")
            elif "Traceback" in text or code not in DOCUMENTED:
                escaped += 1
                examples.append(f"escaped: {name} (exit {code})")
            if any(secret in text for secret in SECRETS) or leaks(text):
                leaked += 1
                examples.append(f"leaked: {name}")
    return Tally(len(conditions), escaped, hung, leaked, tuple(examples))


# --- The attacker: planted secrets through every output ---------------------------------------


class Leaks(NamedTuple):
    """What the planted-secret probe found."""

    records: int
    outputs: int
    leaked_outputs: int
    leaked_records: int
    examples: tuple[str, ...]


def planted_records(count: int, seed: int) -> list[tuple[str, Any]]:
    """``count`` example records, each with one to three secrets planted (:mod:`tests.planted`)."""
    rng = random.Random(seed)
    found = seeds()
    kinds = ("person", "item", "case", "registry")
    out = []
    for _ in range(count):
        kind = rng.choice(kinds)
        record = rng.choice(found[kind])
        for _ in range(rng.choice((1, 1, 2, 3))):
            secret, place = rng.choice(PLANTED), rng.choice(PLACES)
            record = plant(record, entity_of(kind), secret, place, rng.randrange(1000))
        out.append((kind, record))
    return out


def probe_planted_library(records: list[tuple[str, Any]]) -> Leaks:
    """Every library output of every planted record; how many show a secret."""
    outputs = leaked_outputs = leaked_records = 0
    examples: list[str] = []
    for index, (kind, record) in enumerate(records):
        texts = library_outputs(kind, record)
        bad = [text for text in texts if leaks(text)]
        outputs += len(texts)
        leaked_outputs += len(bad)
        if bad:
            leaked_records += 1
            if len(examples) < 5:
                examples.append(f"record {index} ({kind}): {leaks(bad[0])}")
    return Leaks(len(records), outputs, leaked_outputs, leaked_records, tuple(examples))


def probe_planted_cli(records: list[tuple[str, Any]], folder: str) -> Leaks:
    """Every command over files of planted records; lines and report files that show a secret.

    Records go into JSON Lines and JSON array files by kind; ``validate`` reads every kind,
    ``assess`` (one and two jobs) and ``explain`` the items, ``report`` (with ``--trace``) the
    cases, ``coverage`` the registries. An output is one line of standard output or error, or
    one report file.
    """
    by_kind: dict[str, list[Any]] = {}
    for kind, record in records:
        by_kind.setdefault(kind, []).append(record)
    runs: list[tuple[str, list[str], str | None]] = []
    for kind, items in by_kind.items():
        lines = os.path.join(folder, f"{kind}.jsonl")
        array = os.path.join(folder, f"{kind}.json")
        with open(lines, "w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in items)
        with open(array, "w", encoding="utf-8") as handle:
            handle.write("[" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in items) + "]")
        cli_kind = {"registry": "unit-registry"}.get(kind, kind)
        for path in (lines, array):
            runs.append((f"validate {kind}", ["validate", path, "--kind", cli_kind], None))
        if kind == "item":
            for path in (lines, array):
                runs.append(("assess", ["assess", path, "--on", "2024-06-01"], None))
                runs.append(("explain", ["explain", path, "--on", "2024-06-01"], None))
            runs.append(("assess --jobs 2", [*runs[-2][1], "--jobs", "2", "--force-jobs"], None))
        if kind == "case":
            out = os.path.join(folder, "report")
            argv = ["report", lines, "--period", "2021-01-01/2025-12-31", "--out", out]
            runs.append(("report", [*argv, "--trace", "target=anak"], out))
        if kind == "registry":  # one document each: the first twenty
            for index, registry in enumerate(items[:20]):
                path = os.path.join(folder, f"registry-{index}.json")
                with open(path, "w", encoding="utf-8") as handle:
                    json.dump(registry, handle, ensure_ascii=False)
                runs.append(("coverage", ["coverage", path, "--on", "2024-06-01"], None))
    outputs = leaked_outputs = 0
    examples: list[str] = []
    for name, argv, written in runs:
        done = subprocess.run(
            [sys.executable, "-m", "atensi", *argv],
            capture_output=True,
            cwd=ROOT,
            timeout=600,
            check=False,
        )
        texts = (done.stdout + done.stderr).decode("utf-8").splitlines()
        if written is not None and os.path.isdir(written):
            for entry in sorted(os.listdir(written)):
                with open(os.path.join(written, entry), "rb") as handle:
                    texts.append(handle.read().decode("utf-8", "replace"))
        bad = [text for text in texts if leaks(text)]
        outputs += len(texts)
        leaked_outputs += len(bad)
        if bad and len(examples) < 8:
            examples.append(f"{name}: {len(bad)} outputs, e.g. {leaks(bad[0])}")
    return Leaks(len(records), outputs, leaked_outputs, 0, tuple(examples))


def main() -> None:
    """Print the figure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=74_000, help="library inputs (74,000)")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--planted", type=int, default=11_000, help="records with planted secrets (11,000)"
    )
    parser.add_argument("--only-planted", action="store_true", help="the attacker's figure only")
    args = parser.parse_args()
    if args.planted:
        records = planted_records(args.planted, args.seed)
        started = time.perf_counter()
        library_leaks = probe_planted_library(records)
        with tempfile.TemporaryDirectory() as folder:
            cli_leaks = probe_planted_cli(records, folder)
        for what, found in (("library", library_leaks), ("command line", cli_leaks)):
            print(
                f"planted secrets, {what}: {found.records:,} records, {found.outputs:,} outputs, "
                f"{found.leaked_outputs:,} leaked"
                + (f" ({found.leaked_records:,} records)" if what == "library" else "")
            )
            for example in found.examples:
                print(f"  {example}")
        print(f"  ({time.perf_counter() - started:.0f} s)")
    if args.only_planted:
        return
    start = time.perf_counter()
    library = probe_library(args.count, args.seed)
    middle = time.perf_counter()
    command_line = probe_cli()
    end = time.perf_counter()
    for what, tally, seconds in (
        ("library inputs", library, middle - start),
        ("command-line conditions", command_line, end - middle),
    ):
        print(
            f"{what}: {tally.tried:,} tried, {tally.escaped} escaped, {tally.hung} hung, "
            f"{tally.leaked} leaked ({seconds:.0f} s)"
        )
        for example in tally.examples:
            print(f"  {example}")


if __name__ == "__main__":
    main()
