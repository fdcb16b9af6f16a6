"""The scale-out recipe: the same functions inside dask.bag give the single-process results."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import pathlib
import re
import subprocess
import sys

import pytest

from atensi.batch import assess_record, validate_record
from atensi.model import Person

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
ON = dt.date(2024, 6, 1)


def single_process() -> list[dict[str, object]]:
    with (EXAMPLES / "assessments.jsonl").open(encoding="utf-8") as handle:
        return [assess_record(json.loads(line), on=ON) for line in handle]


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_dask_bag_over_json_lines_partitions_matches_one_process(scheduler: str) -> None:
    bag = db.read_text(str(EXAMPLES / "assessments.jsonl"), blocksize="64kB")
    assert bag.npartitions > 4
    results = (
        bag.map(json.loads)
        .map(functools.partial(assess_record, on=ON))
        .compute(scheduler=scheduler)
    )
    assert results == single_process()


@pytest.mark.parametrize(("name", "invalid"), [("persons", 0), ("persons-broken", 44)])
def test_dask_validation_matches_one_process(name: str, invalid: int) -> None:
    bag = db.read_text(str(EXAMPLES / f"{name}.jsonl"), blocksize="4kB")
    results = bag.map(json.loads).map(validate_record, Person).compute(scheduler="threads")
    with (EXAMPLES / f"{name}.jsonl").open(encoding="utf-8") as handle:
        expected = [validate_record(json.loads(line), Person) for line in handle]
    assert results == expected
    assert sum(not r["ok"] for r in results) == invalid


# --- The recipes as runnable files (issue 15, item 16) ----------------------------------------

ROOT = EXAMPLES.parent


def _with_bad_lines(tmp_path: pathlib.Path) -> pathlib.Path:
    """The examples with a blank line, a line that is not JSON, not UTF-8, and a NaN."""
    lines = (EXAMPLES / "assessments.jsonl").read_bytes().splitlines(keepends=True)[:300]
    lines += (EXAMPLES / "assessments-broken.jsonl").read_bytes().splitlines(keepends=True)[:20]
    lines[10:10] = [b"\n", b"{oops\n", b"\xff\xfe\n", b'{"on": NaN}\n']
    path = tmp_path / "items.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def _cli_results(path: pathlib.Path) -> list[str]:
    """What ``atensi assess`` writes for each record, without its index and line."""
    result = subprocess.run(
        [sys.executable, "-m", "atensi", "assess", str(path), "--on", "2024-06-01"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 1
    # The recipes see lines without their numbers (a partition does not know where it
    # starts): a bad line is named "the line" there.
    text = re.sub(r"\bbaris \d+", "baris ini", result.stdout)
    text = re.sub(r"\bline \d+:", "the line:", text)
    return [re.sub(r'^\{"index": \d+, "line": \d+, ', "{", line) for line in text.splitlines()]


def test_the_dask_recipe_runs_with_processes_and_survives_bad_lines(tmp_path: pathlib.Path) -> None:
    path = _with_bad_lines(tmp_path)
    out = tmp_path / "decisions"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "dask_assess.py"),
            str(path),
            str(out),
            "--on",
            "2024-06-01",
            "--scheduler",
            "processes",
            "--blocksize",
            "32kB",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    written = [
        line
        for part in sorted(out.glob("*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    expected = _cli_results(path)
    assert written == [json.dumps(json.loads(t), ensure_ascii=False) for t in expected]
    codes = [json.loads(t)["errors"][0]["code"] for t in written if not json.loads(t)["ok"]][:3]
    assert codes == ["input.not_json", "input.not_utf8", "input.not_json"]
    # The parts concatenate (issue 27, item 7): each ends with a line break.
    parts = [part.read_bytes() for part in sorted(out.glob("*.jsonl"))]
    assert len(parts) > 1
    assert all(part.endswith(b"\n") for part in parts)
    assert b"".join(parts).decode("utf-8").splitlines() == written


def test_the_dask_recipe_refuses_a_glob_that_matches_nothing_and_writes_nothing(
    tmp_path: pathlib.Path,
) -> None:
    out = tmp_path / "decisions"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "examples" / "dask_assess.py"),
            str(tmp_path / "registry" / "2025-*.jsonl"),
            str(out),
            "--on",
            "2025-06-01",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2
    assert "no file matches" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_the_polars_recipe_gives_the_command_lines_results(tmp_path: pathlib.Path) -> None:
    pytest.importorskip("polars")
    path = _with_bad_lines(tmp_path)
    out = tmp_path / "decisions.jsonl"
    spec = importlib.util.spec_from_file_location(
        "polars_assess", ROOT / "examples" / "polars_assess.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main([str(path), str(out), "--on", "2024-06-01"]) == 0
    written = out.read_text(encoding="utf-8").splitlines()
    assert written == _cli_results(path)
