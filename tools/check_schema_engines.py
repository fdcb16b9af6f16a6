"""Run atensi's JSON Schemas through engines of other languages: ajv (JavaScript) and Java.

Usage: ``python tools/check_schema_engines.py --node-modules DIR`` where ``DIR`` holds ``ajv``
and ``ajv-formats`` (``npm install --prefix X ajv ajv-formats``; ``.ci/run`` does it). Exit 0
when:

* ajv (draft 2020-12, **strict mode on**, formats asserted, atensi's keywords declared by
  ``examples/ajv-atensi.cjs``) compiles the schema of every kind ``atensi schema`` prints;
* ajv's verdict on every record of the schema corpus (``tests/schema_corpus.py``: valid records
  and near misses of every entity, the cases integrators met, text at the edges of the character
  table, lone surrogates), of the example files and of the command line's own output (result
  lines, decisions, comparisons) agrees with ``structure``, except the documented residue
  (``docs/boundary.md``), and with Python's ``jsonschema`` everywhere;
* Java's ``java.util.regex.Pattern`` (``tools/PatternCheck.java``) compiles every pattern and
  finds what Python's ``re`` finds on sample texts.

Without ``--node-modules`` only the Java step runs; without ``java`` only the ajv step.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from typing import Any

import jsonschema

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.schema_corpus import (  # noqa: E402
    LONE_SURROGATES,
    PERSON,
    TEXT_EDGES,
    corpus,
    residue,
)

from atensi import InvalidRecord, json_schema, structure  # noqa: E402
from atensi.cli import main as cli_main  # noqa: E402
from atensi.cli.records import entity, kinds  # noqa: E402
from atensi.rules import Decision  # noqa: E402

#: Example files, and the kind of their records (a line with ``owner`` is a portfolio).
EXAMPLES = {
    "persons.jsonl": "person",
    "persons-broken.jsonl": "person",
    "assessments.jsonl": "item",
    "assessments-broken.jsonl": "item",
    "cases.json": "item",
    "portfolio.json": "portfolio",
    "registry.json": "unit-registry",
    "programme.jsonl": "case",
    "targets.jsonl": "pm-target",
}


def schemas() -> dict[str, dict[str, Any]]:
    """Every schema ``atensi schema`` prints, by kind."""
    found = {kind: json_schema(entity(kind)) for kind in kinds()}
    found["decision"] = json_schema(Decision)
    for extra in ("comparison", "result"):
        with contextlib.suppress(Exception):
            found[extra] = _printed_schema(extra)
    return found


def _printed_schema(kind: str) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        if cli_main(["schema", kind]) != 0:
            raise LookupError(kind)
    loaded: dict[str, Any] = json.loads(out.getvalue())
    return loaded


def _records(path: pathlib.Path) -> Iterator[Any]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        data = json.loads(text)
        yield from data if isinstance(data, list) else [data]
        return
    for line in text.splitlines():
        if line.strip():
            yield json.loads(line)


def _outputs(tmp: pathlib.Path) -> Iterator[tuple[str, Any]]:
    """The command line's own JSON output: result lines, decisions and comparisons."""
    runs = [
        ["validate", str(ROOT / "examples" / "persons-broken.jsonl"), "--kind", "person"],
        ["validate", str(ROOT / "examples" / "persons.jsonl"), "--kind", "person"],
        ["assess", str(ROOT / "examples" / "cases.json"), "--on", "2024-06-01"],
        ["assess", str(ROOT / "examples" / "assessments-broken.jsonl"), "--on", "2024-06-01"],
        [
            "assess",
            str(ROOT / "examples" / "cases.json"),
            "--on",
            "2024-06-01",
            "--compare-editions",
            "atensi-2020,ars-2025",
        ],
    ]
    for argv in runs:
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
            cli_main([*argv, "--quiet"])
        for line in out.getvalue().splitlines():
            result = json.loads(line)
            yield "result", result
            if "decision" in result:
                yield "decision", result["decision"]
            if "comparison" in result:
                yield "comparison", result["comparison"]
                for decision in result["comparison"]["decisions"]:
                    yield "decision", decision
    del tmp


def cases(tmp: pathlib.Path) -> list[tuple[str, str, Any]]:
    """(source, kind, value) for every record the engines judge."""
    names = {name: kind for kind, name in kinds().items()}
    found = [("corpus", names[cls.__name__], record) for cls, record in corpus()]
    found += [("corpus", "person", {**PERSON, "name": name}) for name in LONE_SURROGATES]
    for file, kind in EXAMPLES.items():
        for record in _records(ROOT / "examples" / file):
            chosen = "portfolio" if isinstance(record, dict) and "owner" in record else kind
            found.append((f"examples/{file}", chosen, record))
    found += [("output", kind, value) for kind, value in _outputs(tmp)]
    return found


def _structure_verdict(kind: str, value: Any) -> bool | None:
    """``structure``'s verdict, or None for the command line's outputs (no entity)."""
    if kind in ("decision", "comparison", "result"):
        return None
    try:
        structure(value, entity(kind))
    except InvalidRecord:
        return False
    return True


def run_ajv(node_modules: pathlib.Path, all_schemas: dict[str, Any], tmp: pathlib.Path) -> int:
    """Compile and validate with ajv; the number of undocumented disagreements."""
    work = tmp / "ajv"
    (work / "schemas").mkdir(parents=True)
    for kind, schema in all_schemas.items():
        (work / "schemas" / f"{kind}.json").write_text(json.dumps(schema), encoding="utf-8")
    judged = [c for c in cases(tmp) if c[1] in all_schemas]
    with open(work / "cases.jsonl", "w", encoding="utf-8") as handle:
        for _, kind, value in judged:
            handle.write(json.dumps({"schema": kind, "value": value}) + "\n")
    env = {**os.environ, "NODE_PATH": str(node_modules)}
    done = subprocess.run(
        ["node", str(ROOT / "tools" / "ajv_check.cjs"), str(work)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(done.stderr)
    if done.returncode != 0:
        return 1
    verdicts = [line == "1" for line in done.stdout.splitlines()]
    assert len(verdicts) == len(judged), (len(verdicts), len(judged))
    python = {k: jsonschema.Draft202012Validator(s).is_valid for k, s in all_schemas.items()}
    counts: collections.Counter[str] = collections.Counter()
    bad = 0
    for (source, kind, value), ajv_ok in zip(judged, verdicts, strict=True):
        counts["records"] += 1
        if python[kind](value) != ajv_ok:
            bad += 1
            print(f"ajv and jsonschema disagree ({source}, {kind}): {json.dumps(value)[:200]}")
        ok = _structure_verdict(kind, value)
        if ok is None:
            counts["outputs"] += 1
            if not ajv_ok:
                bad += 1
                print(f"the command line's output fails its schema ({kind}): {value!r:.200}")
            continue
        if ok == ajv_ok:
            continue
        kind_of = residue(entity(kind), value, ajv_ok, python[kind])
        counts[kind_of or "undocumented"] += 1
        if kind_of is None:
            bad += 1
            print(f"ajv and structure disagree ({source}, {kind}): {json.dumps(value)[:200]}")
    print(f"ajv: {len(all_schemas)} schemas compiled in strict mode; {dict(counts)}")
    return bad


def _samples() -> list[str]:
    dates = ["2024-02-29", "2023-02-29", "1900-02-29", "2000-02-29", "2199-12-31", "2200-01-01"]
    niks = ["3171014103900001", "3171014103900000", "317101410390000", "3171017203900001"]
    return [*TEXT_EDGES, *LONE_SURROGATES, *dates, *niks, "", " ", "Siti", "a\nb", "a\tb", "x\n"]


def run_java(all_schemas: dict[str, Any], tmp: pathlib.Path) -> int:
    """Compile every pattern with Java and compare its finds with Python's ``re``."""
    patterns = sorted({p for schema in all_schemas.values() for p in _patterns(schema)})
    lines = []
    for pattern in patterns:
        lines.append(f"P {pattern}")
        for text in _samples():
            found = re.search(pattern, text) is not None
            lines.append(f"S {int(found)} {','.join(f'{ord(c):x}' for c in text)}")
    path = tmp / "patterns.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    done = subprocess.run(
        ["java", str(ROOT / "tools" / "PatternCheck.java"), str(path)], check=False
    )
    return done.returncode


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def main() -> int:
    """Run the engines that are there; exit 1 on any disagreement."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--node-modules", type=pathlib.Path)
    args = parser.parse_args()
    all_schemas = schemas()
    failures = 0
    with tempfile.TemporaryDirectory() as name:
        tmp = pathlib.Path(name)
        if args.node_modules is not None:
            failures += run_ajv(args.node_modules, all_schemas, tmp)
        if shutil.which("java"):
            failures += run_java(all_schemas, tmp)
        else:
            print("java not found: the Java step did not run")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
