"""The hostile-input catalogue (``docs/hostile.md``) is true: its tests exist, its probe is zero.

Issue 16, "done means": a catalogue like the error catalogue, run in CI, and one figure
(tried, escaped, hung, leaked) measured by a reproducible probe (``tests/hostile_probe.py``).
"""

from __future__ import annotations

import ast
import pathlib
import re
import subprocess
import sys

import pytest

from tests.hostile_probe import CLI_CONDITIONS, probe_cli, probe_library

ROOT = pathlib.Path(__file__).resolve().parents[1]
CATALOGUE = (ROOT / "docs" / "hostile.md").read_text(encoding="utf-8")


def _tests_named_in_the_catalogue() -> list[tuple[str, str]]:
    return re.findall(r"`(tests/[\w/]+\.py)::(test_\w+)`", CATALOGUE)


@pytest.mark.parametrize(("path", "name"), _tests_named_in_the_catalogue())
def test_every_test_the_catalogue_names_exists(path: str, name: str) -> None:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    names = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    assert name in names, f"{path}::{name} is in docs/hostile.md but not in the tests"


def test_the_catalogue_covers_every_hostile_test_file() -> None:
    named = {path for path, _ in _tests_named_in_the_catalogue()}
    for path in (
        "tests/test_hostile.py",
        "tests/test_dates.py",
        "tests/test_cli_reader.py",
        "tests/test_cli_faults.py",
        "tests/test_privacy.py",
        "tests/test_batch.py",
        "tests/test_testing.py",
    ):
        assert path in named, path


def test_a_library_probe_finds_nothing() -> None:
    tally = probe_library(300, seed=16)
    assert (tally.escaped, tally.hung, tally.leaked) == (0, 0, 0), tally.examples


def test_a_sample_of_command_line_conditions_finds_nothing() -> None:
    sample = tuple(c for c in CLI_CONDITIONS if c[0].startswith(("validate", "explain")))[::3]
    tally = probe_cli(sample)
    assert tally.tried >= 10
    assert (tally.escaped, tally.hung, tally.leaked) == (0, 0, 0), tally.examples


def test_nik_from_standard_input() -> None:
    nik = "3171014103900009"
    result = subprocess.run(
        [sys.executable, "-m", "atensi", "nik", "-", "--on", "2026-01-01"],
        input=nik + "\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert '"valid": true' in result.stdout
    assert nik not in result.stdout
