"""Command-line polish (issue 27, item 10).

Options offered where they change nothing, bare ``atensi`` without usage, no suggestion for a
misspelt kind, "1 records", a period error under "(record):", a report that silently lost its
pictures without matplotlib.
"""

from __future__ import annotations

import contextlib
import io
import pathlib
import sys

import pytest

from atensi.cli import main

ROOT = pathlib.Path(__file__).resolve().parents[1]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_bare_atensi_prints_its_help() -> None:
    code, _out, err = _run()
    assert code == 2
    assert "usage: atensi" in err
    assert "validate" in err
    assert "Run 'atensi COMMAND --help'" in err


def test_a_misspelt_kind_gets_a_suggestion() -> None:
    code, _, err = _run("validate", "examples/persons.jsonl", "--kind", "persn")
    assert code == 2
    assert "did you mean person?" in err
    code, _, err = _run("schema", "decison")
    assert code == 2
    assert "did you mean decision" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["schema", "person", "--lang", "id"],
        ["schema", "person", "--quiet"],
        ["schema", "person", "--show-personal-data"],
        ["region", "3171", "--quiet"],
        ["region", "3171", "--show-personal-data"],
        ["nik", "3171014103900001", "--quiet"],
        ["coverage", "examples/registry.json", "--on", "2024-06-01", "--show-personal-data"],
    ],
)
def test_options_that_change_nothing_are_not_offered(argv: list[str]) -> None:
    code, _, err = _run(*argv)
    assert code == 2
    assert "unrecognized arguments" in err


def test_options_are_offered_where_they_change_something(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    assert _run("region", "99", "--lang", "id")[1].count("tidak dikenal") == 1
    code, _, err = _run("coverage", "examples/registry.json", "--on", "2024-06-01", "--quiet")
    assert code == 0
    assert err == ""
    assert "cells" in _run("coverage", "examples/registry.json", "--on", "2024-06-01")[2]
    assert (
        '"nik": "3171014103900001"'
        in _run("nik", "3171014103900001", "--on", "2026-01-01", "--show-personal-data")[1]
    )


def test_one_record_is_one_record(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "P", "nik": "3171014103900001", "name": "Siti"}\n', "utf-8")
    assert _run("validate", str(path), "--kind", "person")[2] == "1 record: 1 valid, 0 invalid\n"


def test_a_period_error_is_said_on_one_line(tmp_path: pathlib.Path) -> None:
    code, _, err = _run(
        "report", "examples/programme.jsonl", "--period", "2024-13", "--out", str(tmp_path / "r")
    )
    assert code == 2
    assert "(record)" not in err
    assert err.startswith("atensi: error: --period '2024-13' is not valid: not a period")


def test_a_report_without_matplotlib_says_it_drew_no_pictures(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    out = tmp_path / "report"
    code, _, err = _run("report", "examples/programme.jsonl", "--period", "2024", "--out", str(out))
    assert code == 0
    assert "no pictures drawn: matplotlib is not installed (pip install 'atensi[plot]')" in err
    assert not list(out.glob("*.png"))
    assert (out / "report.json").exists()
