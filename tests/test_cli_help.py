"""The command line explains itself and never shows a traceback (issue 15, item 9)."""

from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys

import pytest

from atensi import cli
from tests.test_cli import run

BAD_ARGUMENTS = {
    "validate": [
        [],
        ["examples/persons.jsonl"],
        ["examples/persons.jsonl", "--kind", "alien"],
        ["examples/persons.jsonl", "--kind", "person", "--jobs", "-1"],
        ["missing.jsonl", "--kind", "person"],
        ["examples/persons.jsonl", "--kind", "person", "--frobnicate"],
    ],
    "assess": [
        [],
        ["examples/cases.json", "--on", "2024-02-30"],
        ["examples/cases.json", "--edition", "ars-2099"],
        ["examples/cases.json", "--in-force-date", "nothing"],
        ["examples/cases.json", "--compare-editions", "ars-2025"],
        ["examples/cases.json", "--lang", "fr"],
    ],
    "explain": [[], ["examples/cases.json", "--on", "tomorrow"], ["missing.json"]],
    "schema": [[], ["alien"]],
    "nik": [[], ["3171014103900001", "--on", "20260101"]],
    "region": [[], ["31", "32"]],
    "coverage": [
        [],
        ["examples/registry.json"],
        ["examples/registry.json", "--on", "2024-06-01", "--regions", "99"],
        ["examples/registry.json", "--on", "2024-06-01", "--format", "xml"],
        ["missing.json", "--on", "2024-06-01"],
    ],
    "report": [
        [],
        ["examples/programme.jsonl"],
        ["examples/programme.jsonl", "--out", "never-written", "--period", "2024-13"],
        ["examples/programme.jsonl", "--out", "never-written", "--on", "yesterday"],
        ["examples/programme.jsonl", "--out", "never-written", "--period", "2024", "--by", "x"],
        [
            "examples/programme.jsonl",
            "--out",
            "never-written",
            "--period",
            "2024",
            "--format",
            "xls",
        ],
    ],
}


@pytest.mark.parametrize(
    "args",
    [[command, *bad] for command, cases in BAD_ARGUMENTS.items() for bad in cases],
    ids=lambda args: " ".join(args),
)
def test_every_subcommand_on_bad_arguments_is_a_usage_error_without_traceback(
    args: list[str],
) -> None:
    result = run(*args)  # run() asserts no traceback
    assert result.returncode == 2, (args, result.stderr)
    assert result.stderr.strip()
    assert result.stdout == ""


def test_every_subcommand_is_covered_by_the_bad_arguments() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == set(BAD_ARGUMENTS)


def test_every_argument_has_help() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert command.description, name
        for action in command._actions:
            assert action.help, (name, action.dest)


def test_help_shows_what_each_command_does_formats_exit_codes_and_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0
    text = result.stdout
    for part in ("validate", "JSON Lines", "exit codes:", "70 internal error", "example:"):
        assert part in text
    assert "``" not in text  # no raw reST
    for command in BAD_ARGUMENTS:
        shown = run(command, "--help").stdout
        assert "example:" in shown or command == "schema", command
    assert "decision" in run("schema", "--help").stdout


_STARTED = """
import contextlib, io, sys
sys.argv = ["atensi", "assess", sys.argv[1], "--quiet"]
from atensi.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
print(" ".join(sorted(sys.modules)))
"""


def test_assess_starts_without_what_its_records_do_not_need(tmp_path: pathlib.Path) -> None:
    """Building the parser of every subcommand imports neither the reports nor their extras."""
    path = tmp_path / "one.jsonl"
    path.write_text(
        '{"subject": {"kind": "community", "id": "K", "name": "K"}, "assessment": null}\n'
    )
    done = subprocess.run(
        [sys.executable, "-c", _STARTED, str(path)], capture_output=True, text=True, check=True
    )
    loaded = set(done.stdout.split())
    assert "atensi.rules.memo" in loaded  # the record was assessed
    heavy = ["atensi.reports", "atensi.rules.policies", "matplotlib", "polars", "dateutil"]
    # Nor the entities an item cannot hold (units, LKS, portfolios, reporting targets): the
    # parser lists the kinds by name.
    heavy += ["atensi.model.unit", "atensi.model.portfolio", "atensi.model.reporting"]
    for module in heavy:
        assert module not in loaded, module
