"""The scale-out recipe for reports, ``examples/dask_report.py``.

Partial reports per Dask partition merge into what one process, and the command line, write;
bad lines are skipped and counted, and never stop the job.
"""

from __future__ import annotations

import importlib.util
import json
import pathlib
import pickle
import subprocess
import sys
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atensi.errors import ErrorDetail
from atensi.reports import ProgrammeReport, parse_period

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")

ROOT = pathlib.Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PERIOD = "2021-01-01/2025-12-31"
KEY = bytes.fromhex("9f1c0a7e5b3d2c4e8a6f1b0d3e5c7a9b")
BAD = [b"\n", b"{oops\n", b"\xff\xfe\n", b'{"id": "C-1", "id": "C-2"}\n', b'{"id": "C-9"}\n']


def _recipe() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dask_report", EXAMPLES / "dask_report.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _with_bad_lines(tmp_path: pathlib.Path) -> pathlib.Path:
    lines = (EXAMPLES / "programme.jsonl").read_bytes().splitlines(keepends=True)
    lines[100:100] = BAD
    path = tmp_path / "programme.jsonl"
    path.write_bytes(b"".join(lines))
    return path


def _single_process(path: pathlib.Path, key: bytes | None) -> ProgrammeReport:
    report = ProgrammeReport(parse_period(PERIOD), pseudonym_key=key)
    for line in path.read_bytes().splitlines():
        report.add_line(line)
    return report


@pytest.mark.parametrize("scheduler", ["synchronous", "processes"])
def test_dask_partitions_merge_into_the_single_process_report(
    scheduler: str, tmp_path: pathlib.Path
) -> None:
    path = _with_bad_lines(tmp_path)
    recipe = _recipe()
    delayed = recipe.report_of(str(path), parse_period(PERIOD), KEY, blocksize="128kB")
    assert dask.bag.read_text(str(path), blocksize="128kB").npartitions > 4
    merged = delayed.compute(scheduler=scheduler)
    whole = _single_process(path, KEY)
    assert merged.tables() == whole.tables()
    assert merged.json_text() == whole.json_text()
    assert (merged.records, merged.invalid) == (800 + 1, 4)  # the blank line is no record


def test_a_bad_line_is_its_problem_and_counted() -> None:
    report = ProgrammeReport(parse_period(PERIOD))
    assert report.add_line(b"\n") is None
    problems = [report.add_line(line, number=7) for line in BAD[1:]]
    assert [p[0].code for p in problems if p] == [
        "input.not_json",
        "input.not_utf8",
        "input.duplicate_key",
        "object.missing_key",
    ]
    assert problems[0] is not None
    assert problems[0][0].message_en.startswith("line 7:")
    assert (report.records, report.invalid) == (0, 4)
    first = (EXAMPLES / "programme.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert report.add_line(first) == ()
    assert (report.records, report.invalid) == (1, 4)


def test_a_partial_with_a_key_merges_after_pickling_but_reads_no_more() -> None:
    report = ProgrammeReport(parse_period(PERIOD), pseudonym_key=KEY)
    first = (EXAMPLES / "programme.jsonl").read_text(encoding="utf-8").splitlines()[0]
    report.add_line(first)
    back = pickle.loads(pickle.dumps(report))
    merged = ProgrammeReport(parse_period(PERIOD), pseudonym_key=KEY).merge(back)
    assert merged.tables() == report.tables()


def test_the_recipe_script_writes_what_the_command_line_writes(tmp_path: pathlib.Path) -> None:
    path = _with_bad_lines(tmp_path)
    by_recipe, by_cli = tmp_path / "recipe", tmp_path / "cli"
    script = [sys.executable, str(EXAMPLES / "dask_report.py"), str(path), str(by_recipe)]
    result = subprocess.run(
        [*script, "--period", PERIOD, "--scheduler", "processes"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "801 records read, 4 bad lines skipped" in result.stdout
    command = [sys.executable, "-m", "atensi", "report", str(path), "--out", str(by_cli)]
    cli = subprocess.run(
        [*command, "--period", PERIOD, "--format", "csv,json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert cli.returncode == 1, cli.stderr  # the bad lines
    written = sorted(p.name for p in by_recipe.iterdir())
    assert written == sorted(p.name for p in by_cli.iterdir() if p.name != "errors.jsonl")
    for name in written:
        recipe, command_line = (by_recipe / name).read_bytes(), (by_cli / name).read_bytes()
        if name == "report.json":  # the command line's also lists its files (and hashes)
            listed = json.loads(command_line)
            del listed["files"]
            assert json.loads(recipe) == listed
            continue
        assert recipe == command_line, name


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["id", "cases", "owner", "subject", "deliveries", "opened_on", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=12,
)


@given(
    line=st.binary(max_size=200)
    | st.text(max_size=200)
    | _JSON.map(lambda value: json.dumps(value).encode())
)
def test_add_line_answers_any_line_and_raises_nothing(line: bytes | str) -> None:
    report = ProgrammeReport(parse_period(PERIOD))
    problems = report.add_line(line)
    if problems is None:
        assert not line.strip()
        assert (report.records, report.invalid) == (0, 0)
    elif problems:
        assert all(isinstance(p, ErrorDetail) for p in problems)
        assert (report.records, report.invalid) == (0, 1)
    else:
        assert (report.records, report.invalid) == (1, 0)
