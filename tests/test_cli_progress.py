"""Progress on a terminal: count, rate, percentage and ETA on standard error only; --quiet.

Issue 15, item 14.
"""

from __future__ import annotations

import io
import pathlib
import sys

import pytest

from atensi import cli
from atensi.cli import _progress

ROOT = pathlib.Path(__file__).resolve().parents[1]
PERSONS = str(ROOT / "examples" / "persons.jsonl")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def run(monkeypatch: pytest.MonkeyPatch, args: list[str], err: io.StringIO) -> tuple[int, str]:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    monkeypatch.setattr(_progress, "INTERVAL", 0.0)
    return cli.main(args), out.getvalue()


def test_a_terminal_sees_count_rate_percentage_and_eta(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    code, out = run(monkeypatch, ["validate", PERSONS, "--kind", "person"], err)
    assert code == 0
    shown = err.getvalue()
    assert "\r1,024 records, " in shown  # counted a batch of records at a time
    assert "/s, " in shown
    assert "%, ETA " in shown
    assert shown.endswith("1056 records: 1056 valid (54 with warnings), 0 invalid\n")
    assert "records," not in out  # standard output holds the results only


def test_standard_input_has_no_percentage(monkeypatch: pytest.MonkeyPatch) -> None:
    err = Terminal()
    data = pathlib.Path(PERSONS).read_bytes()

    class Stdin:
        buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin)
    run(monkeypatch, ["validate", "-", "--kind", "person"], err)
    assert "records, " in err.getvalue()
    assert "ETA" not in err.getvalue()


@pytest.mark.parametrize("command", ["validate", "assess", "explain"])
def test_quiet_silences_progress_and_summary(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    err = Terminal()
    args = [command, PERSONS, "--quiet"]
    args += ["--kind", "person"] if command == "validate" else ["--on", "2024-06-01"]
    run(monkeypatch, args, err)
    assert err.getvalue() == ""


def test_no_progress_when_standard_error_is_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    run(monkeypatch, ["validate", PERSONS, "--kind", "person"], err)
    assert err.getvalue() == "1056 records: 1056 valid (54 with warnings), 0 invalid\n"
