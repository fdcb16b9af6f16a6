"""``atensi report`` writes its folder whole: every file or none, listed, no stale file left.

Issue 28, item 3: on a full disk the report left eight complete-looking tables, one cut mid-row
and no ``report.json``; a second run with other ``--by`` axes exited 0 and left seven stale
tables of the first run beside the new ``report.json``.
"""

from __future__ import annotations

import errno
import hashlib
import json
import pathlib
from typing import Any

import pytest

from atensi import cli
from atensi.cli import _folder
from atensi.reports.scenarios import REPORT_SCENARIOS


def _source(tmp_path: pathlib.Path, *extra: str) -> pathlib.Path:
    path = tmp_path / "cases.jsonl"
    lines = [json.dumps(r) for s in REPORT_SCENARIOS for r in s["records"]]
    path.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    return path


def _report(source: pathlib.Path, out: pathlib.Path, *options: str) -> int:
    argv = ["report", str(source), "--out", str(out), "--period", "2023", *options]
    return cli.main([*argv, "--format", "csv,json"] if "--format" not in options else argv)


def _snapshot(folder: pathlib.Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_report_json_lists_every_other_file_with_its_size_and_hash(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out"
    assert _report(_source(tmp_path), out) == 0
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    listed = {entry["name"]: entry for entry in document["files"]}
    assert set(listed) == {p.name for p in out.iterdir()} - {"report.json"}
    for name, entry in listed.items():
        data = (out / name).read_bytes()
        assert entry["bytes"] == len(data)
        assert entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert "totals" in document  # the report itself is there too


def test_without_json_report_json_still_lists_the_files(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out"
    assert _report(_source(tmp_path), out, "--format", "csv") == 0
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(document) == {"version", "files"}


def test_a_second_run_with_other_axes_leaves_no_table_of_the_first(tmp_path: pathlib.Path) -> None:
    source, out = _source(tmp_path), tmp_path / "out"
    assert _report(source, out) == 0
    assert "pm_by_region.csv" in _snapshot(out)
    assert _report(source, out, "--by", "period,unit") == 0
    names = set(_snapshot(out))
    document = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert names == {e["name"] for e in document["files"]} | {"report.json"}
    assert "pm_by_region.csv" not in names
    assert "pm_by_unit.csv" in names


def test_a_folder_holding_files_no_report_listed_is_refused(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    (out / "pm_by_target.csv").write_text("a report from before the list existed")
    assert _report(_source(tmp_path), out) == 2
    assert "holds files that no atensi report listed ('notes.txt', 'pm_by_target.csv')" in (
        capsys.readouterr().err
    )
    assert _snapshot(out) == {
        "notes.txt": b"mine",
        "pm_by_target.csv": b"a report from before the list existed",
    }


def _disk_full_at(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Writing ``name`` fails with ENOSPC after half a row, as on a full disk."""
    real_open = open

    class Full:
        def __init__(self, handle: Any) -> None:
            self.handle = handle

        def write(self, data: bytes) -> int:
            self.handle.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __getattr__(self, attr: str) -> Any:
            return getattr(self.handle, attr)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

    def fake_open(path: str, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        handle = real_open(path, mode, *args, **kwargs)
        return Full(handle) if "w" in mode and f".{name}." in str(path) else handle

    monkeypatch.setattr(_folder, "open", fake_open, raising=False)


@pytest.mark.parametrize("failing", ["pm_cells.csv", "errors.jsonl", "report.json"])
def test_a_full_disk_leaves_the_previous_report_intact_and_says_so(
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    failing: str,
) -> None:
    source, out = _source(tmp_path, '{"id": "bad"}'), tmp_path / "out"
    assert _report(source, out) == 1  # the bad line: errors.jsonl has something to write
    before = _snapshot(out)
    capsys.readouterr()
    _disk_full_at(monkeypatch, failing)
    assert _report(source, out, "--by", "period,unit") == 4
    err = capsys.readouterr().err
    assert f"cannot write {out / failing}: No space left on device" in err
    assert f"the previous report in {out} is left as it was" in err
    assert _snapshot(out) == before  # every byte, and no temporary file


def test_a_full_disk_on_a_first_run_leaves_no_folder(
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "new" / "out"
    _disk_full_at(monkeypatch, "budget.csv")
    assert _report(_source(tmp_path), out) == 4
    assert "no report was written" in capsys.readouterr().err
    assert not out.exists()


def test_an_interrupted_run_leaves_the_previous_report_and_no_temporary_file(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, out = _source(tmp_path), tmp_path / "out"
    assert _report(source, out) == 0
    before = _snapshot(out)
    real = _folder.Folder.write
    seen: list[str] = []

    def interrupted(self: _folder.Folder, name: str, data: Any) -> None:
        seen.append(name)
        if len(seen) == 4:
            raise KeyboardInterrupt  # Ctrl-C, or SIGTERM's Terminated, mid-report
        real(self, name, data)

    monkeypatch.setattr(_folder.Folder, "write", interrupted)
    assert _report(source, out, "--by", "period,unit") == 130
    assert _snapshot(out) == before


def test_temporary_files_of_a_run_killed_outright_are_cleared_by_the_next(
    tmp_path: pathlib.Path,
) -> None:
    source, out = _source(tmp_path), tmp_path / "out"
    assert _report(source, out) == 0
    (out / ".pm_cells.csv.4242.atensi-tmp").write_bytes(b"half a ro")
    assert _report(source, out) == 0
    assert not [p for p in out.iterdir() if p.name.endswith(".atensi-tmp")]


def test_an_input_that_stops_the_run_mid_file_leaves_nothing_behind(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, out = _source(tmp_path), tmp_path / "out"
    assert _report(source, out) == 0
    before = _snapshot(out)
    broken = tmp_path / "broken.json"
    record = json.dumps(REPORT_SCENARIOS[0]["records"][0])
    broken.write_text(f"[{record}, {record}", encoding="utf-8")  # a truncated array
    assert _report(broken, out) == 2
    assert "truncated" in capsys.readouterr().err
    assert _snapshot(out) == before
