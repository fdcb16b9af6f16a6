"""Faults of the machine under the command line, injected: each ends with one line and its code.

Issue 16, item 8. Devices are simulated (a stream that fails after some bytes, the kernel's
``/dev/full``, a pipe whose reader goes away, a worker process killed): no disk is filled.
"""

from __future__ import annotations

import errno
import io
import json
import os
import pathlib
import signal
import subprocess
import sys
from typing import Any

import pytest

from atensi import cli
from atensi.cli import ExitCode, records
from atensi.cli import _reader as reader

ROOT = pathlib.Path(__file__).resolve().parents[1]
PERSONS = ROOT / "examples" / "persons.jsonl"
ASSESSMENTS = ROOT / "examples" / "assessments.jsonl"


class FailingText(io.StringIO):
    """A text stream whose writes fail with ``error`` once ``limit`` characters are written."""

    def __init__(self, error: OSError, limit: int) -> None:
        super().__init__()
        self.error = error
        self.limit = limit

    def write(self, text: str) -> int:
        if self.tell() + len(text) > self.limit:
            raise self.error
        return super().write(text)


class FailingBytes(io.BytesIO):
    """A byte stream whose reads fail with EIO after ``limit`` bytes (a bad sector, an NFS hang)."""

    def __init__(self, data: bytes, limit: int) -> None:
        super().__init__(data)
        self.limit = limit

    def _check(self) -> None:
        if self.tell() >= self.limit:
            raise OSError(errno.EIO, os.strerror(errno.EIO))

    def read(self, size: int | None = -1) -> bytes:
        self._check()
        return super().read(min(size if size is not None and size >= 0 else 1 << 20, 4096))

    def readline(self, size: int | None = -1) -> bytes:
        self._check()
        return super().readline(size)


def run_main(
    monkeypatch: pytest.MonkeyPatch, args: list[str], stdout: io.StringIO | None = None
) -> tuple[int, str, str]:
    out = stdout if stdout is not None else io.StringIO()
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    code = cli.main(args)
    return code, out.getvalue(), err.getvalue()


def one_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_a_full_disk_is_exit_4_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    full = FailingText(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), limit=5000)
    code, _, err = run_main(monkeypatch, ["validate", str(PERSONS), "--kind", "person"], full)
    assert code == 4  # ExitCode.WRITE_FAILED
    assert one_line(err) == ("atensi: error: cannot write standard output: No space left on device")


def _into_the_full_device(argv: list[str], timeout: int) -> subprocess.CompletedProcess[str]:
    """Run ``argv`` from the project's folder with its output going to ``/dev/full``."""
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    with open("/dev/full", "w") as full:
        return subprocess.run(
            argv, cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True, timeout=timeout
        )


def test_the_kernels_full_device_is_exit_4() -> None:
    argv = [sys.executable, "-m", "atensi", "validate", str(PERSONS), "--kind", "person"]
    result = _into_the_full_device(argv, timeout=120)
    assert result.returncode == 4
    assert one_line(result.stderr).endswith("No space left on device")


def test_a_read_error_mid_file_is_exit_3_after_the_records_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = PERSONS.read_bytes()
    monkeypatch.setattr(reader, "open_input", lambda path: FailingBytes(data, 20_000))
    code, out, err = run_main(monkeypatch, ["validate", "persons.jsonl", "--kind", "person"])
    assert code == 3  # ExitCode.READ_FAILED
    assert one_line(err) == "atensi: error: cannot read persons.jsonl: Input/output error"
    written = out.splitlines()
    assert 0 < len(written) < 1100
    assert all(json.loads(line)["index"] == i for i, line in enumerate(written))


@pytest.mark.parametrize("lines", [True, False])
def test_a_read_error_in_a_json_array_is_exit_3(
    monkeypatch: pytest.MonkeyPatch, lines: bool
) -> None:
    records = PERSONS.read_bytes().splitlines()
    data = b"\n".join(records) if lines else b"[" + b",".join(records) + b"]"
    monkeypatch.setattr(reader, "open_input", lambda path: FailingBytes(data, 50_000))
    code, _, err = run_main(monkeypatch, ["validate", "x", "--kind", "person"])
    assert code == 3
    one_line(err)


def test_a_broken_pipe_is_exit_5_not_all_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    closed = FailingText(BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE)), limit=2000)
    code, _, err = run_main(monkeypatch, ["validate", str(PERSONS), "--kind", "person"], closed)
    assert code == 5  # ExitCode.BROKEN_PIPE
    assert "closed by its reader" in one_line(err)


def _read_then_close(argv: list[str], amount: int | None) -> tuple[bytes, int, str]:
    """Run ``argv``, read ``amount`` bytes of its output (a line if ``None``), close the pipe.

    As ``| head`` does. Returns what was read, the exit code and standard error.
    """
    with subprocess.Popen(
        argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        read = process.stdout.readline() if amount is None else process.stdout.read(amount)
        process.stdout.close()
        stderr = process.stderr.read().decode()
        return read, process.wait(timeout=120), stderr


def test_a_real_pipe_closed_by_its_reader_is_exit_5() -> None:
    argv = [sys.executable, "-m", "atensi", "assess", "examples/assessments.jsonl"]
    _, code, stderr = _read_then_close([*argv, "--on", "2024-06-01"], None)
    assert code == 5
    assert "closed by its reader" in one_line(stderr)


def test_a_killed_worker_is_exit_6(monkeypatch: pytest.MonkeyPatch) -> None:
    from atensi import batch

    real = batch.validate_record

    def dies_on_the_kill(record: Any, cls: type[Any], **kwargs: Any) -> Any:
        if isinstance(record, dict) and record.get("id") == "KILL":
            os.kill(os.getpid(), signal.SIGKILL)  # in the worker process only
        return real(record, cls, **kwargs)

    lines = PERSONS.read_bytes().splitlines()
    # In the second batch: the main process decides the first one itself before it forks the
    # workers (records._written), and must not be the one killed.
    assert len(lines) > records._BATCH + 10
    lines[records._BATCH + 5] = b'{"id": "KILL"}'
    monkeypatch.setattr(batch, "validate_record", dies_on_the_kill)
    monkeypatch.setattr(reader, "open_input", lambda path: io.BytesIO(b"\n".join(lines) + b"\n"))
    monkeypatch.setattr("atensi.cli.records.cpu_count", lambda: 2)
    code, _, err = run_main(monkeypatch, ["validate", "x", "--kind", "person", "--jobs", "2"])
    assert code == 6  # ExitCode.WORKER_FAILED
    assert "worker process stopped" in one_line(err)


def _report_lines_with(tmp_path: pathlib.Path, marker: bytes) -> pathlib.Path:
    lines = (ROOT / "examples" / "programme.jsonl").read_bytes().splitlines()
    lines.insert(300, marker)  # in a later batch than the first
    source = tmp_path / "programme.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    return source


def _report_worker_meets(monkeypatch: pytest.MonkeyPatch, what: Any) -> None:
    from atensi.cli import report as report_command
    from atensi.reports import ProgrammeReport

    real = ProgrammeReport._read_line  # what add_line and add_lines read each line with

    def read_line(self: Any, line: Any, number: Any) -> Any:
        if b'"MARKED"' in bytes(line):
            what()  # in a worker process only: the parent reads no record itself
        return real(self, line, number)

    monkeypatch.setattr(ProgrammeReport, "_read_line", read_line)
    monkeypatch.setattr(report_command, "_BATCH", 100)
    monkeypatch.setattr("atensi.cli.records.cpu_count", lambda: 2)


def _report_on_two_workers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> tuple[int, str, pathlib.Path]:
    """``atensi report --jobs 2`` of the example programme with a marked line: code, stderr, out."""
    source = _report_lines_with(tmp_path, b'{"id": "MARKED"}')
    out = tmp_path / "report"
    args = ["report", str(source), "--out", str(out), "--period", "2024", "--format", "csv"]
    args += ["--jobs", "2"]  # no pictures: the one line on stderr is the fault's
    code, _, err = run_main(monkeypatch, args)
    return code, err, out


def test_a_killed_report_worker_is_exit_6_and_writes_no_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    _report_worker_meets(monkeypatch, lambda: os.kill(os.getpid(), signal.SIGKILL))
    code, err, out = _report_on_two_workers(monkeypatch, tmp_path)
    assert code == 6  # ExitCode.WORKER_FAILED, not a hang
    assert "worker process stopped" in one_line(err)
    assert not out.exists()  # the folder is written whole or not at all


def test_a_defect_in_a_report_worker_is_an_internal_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch, tmp_path: pathlib.Path
) -> None:
    def fails() -> None:
        raise ZeroDivisionError

    _report_worker_meets(monkeypatch, fails)
    code, err, out = _report_on_two_workers(monkeypatch, tmp_path)
    assert code == ExitCode.INTERNAL
    assert "internal error (ZeroDivisionError)" in one_line(err)
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--regions", "xx"], "region code"),
        (["--regions", "3171", "99.99.99.99"], "region code"),
    ],
)
def test_an_invalid_regions_value_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    registry = str(ROOT / "examples" / "registry.json")
    code, _, err = run_main(monkeypatch, ["coverage", registry, "--on", "2024-06-01", *args])
    assert code == ExitCode.USAGE
    assert message in one_line(err)


@pytest.mark.parametrize("jobs", ["100000", "-1", "many", "1e9"])
def test_an_absurd_jobs_value_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, jobs: str) -> None:
    code, _, err = run_main(
        monkeypatch, ["validate", str(PERSONS), "--kind", "person", "--jobs", jobs]
    )
    assert code == ExitCode.USAGE
    assert "not a number of processes" in one_line(err)


def test_jobs_are_capped_at_the_cpu_count_unless_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from atensi.cli import records

    monkeypatch.setattr(records, "cpu_count", lambda: 2)
    text = io.StringIO()
    err = cli._io.Output(text)
    capped = records.jobs_for(argparse.Namespace(jobs=64, force_jobs=False), err)
    assert capped == 2
    assert "more than the 2 CPUs" in text.getvalue()
    assert records.jobs_for(argparse.Namespace(jobs=64, force_jobs=True), err) == 64
    assert records.jobs_for(argparse.Namespace(jobs=0, force_jobs=False), err) == 2


def test_a_defect_outside_any_record_is_exit_70_without_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from atensi.cli import records

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("quoting a record: 3171014103900001")

    monkeypatch.setattr(records, "summary", broken)
    code, _, err = run_main(monkeypatch, ["validate", str(PERSONS), "--kind", "person"])
    assert code == 70  # ExitCode.INTERNAL
    assert one_line(err) == "atensi: internal error (ZeroDivisionError); please report it"


def test_every_exit_code_is_documented() -> None:
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for code in ExitCode:
        assert f"| {code.value} |" in text, code


@pytest.mark.parametrize("show", [False, True], ids=["default", "show-personal-data"])
@pytest.mark.parametrize("command", ["validate", "assess", "explain"])
def test_lone_surrogates_reach_every_output_escaped(
    tmp_path: pathlib.Path, command: str, show: bool
) -> None:
    """Keys and values with lone surrogates: every byte written is UTF-8 (issue 16, item 2)."""
    person = (
        '{"id": "P\\ud800", "nik": {"reason": "belum_terdaftar"}, "name": "A\\udfff", "\\ud83d": 1}'
    )
    line = person if command == "validate" else f'{{"subject": {person[:-1]}, "kind": "person"}}}}'
    path = tmp_path / "surrogates.jsonl"
    path.write_text(line + "\n" + line.replace('"kind"', '"\\udc00kind"') + "\n", encoding="ascii")
    args = [command, str(path), *(["--kind", "person"] if command == "validate" else [])]
    args += ["--on", "2024-06-01"] if command != "validate" else []
    args += ["--show-personal-data"] if show else []
    result = subprocess.run(
        [sys.executable, "-m", "atensi", *args], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 1
    result.stdout.decode("utf-8")  # strict: raises on anything that is not UTF-8
    assert b"Traceback" not in result.stderr
    assert len(result.stdout.splitlines()) >= 2


ASSESS = (sys.executable, "-m", "atensi", "assess")


def _many_items(tmp_path: pathlib.Path) -> pathlib.Path:
    """Items for several batches: the main process decides the first, workers the rest."""
    path = tmp_path / "items.jsonl"
    path.write_bytes(ASSESSMENTS.read_bytes() * 4)
    return path


def test_a_pipe_closed_while_a_worker_writes_is_exit_5(tmp_path: pathlib.Path) -> None:
    """With ``--jobs 2`` the workers write their own lines: a closed pipe still ends the run."""
    path = _many_items(tmp_path)
    argv = [sys.executable, "-m", "atensi", "assess", str(path), "--on", "2024-06-01"]
    single = subprocess.run(argv, cwd=ROOT, capture_output=True, timeout=300).stdout
    first_batch = sum(len(line) for line in single.splitlines(keepends=True)[: records._BATCH])
    # Past the main process's first batch, into the workers' lines, then away.
    read, code, stderr = _read_then_close(
        [*argv, "--jobs", "2", "--force-jobs"], first_batch + 1000
    )
    assert code == 5
    assert read == single[: len(read)]
    assert "closed by its reader" in one_line(stderr)


def test_a_full_device_under_workers_is_exit_4(tmp_path: pathlib.Path) -> None:
    path = _many_items(tmp_path)
    argv = [*ASSESS, str(path), "--on", "2024-06-01", "--jobs", "2", "--force-jobs"]
    result = _into_the_full_device(argv, timeout=300)
    assert result.returncode == 4
    assert one_line(result.stderr).endswith("No space left on device")
