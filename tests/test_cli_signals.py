"""SIGTERM and SIGHUP end the workers and the parent, with a message and exit 143 / 129.

Issue 28, item 4: with ``--jobs 2`` the workers outlived the parent (re-parented, alive 25 s
later) and the parent died with no message and a status not in the exit-code table. The
command-line tests find the workers as the parent's descendants in ``/proc``, so they hold
whatever pool ``--jobs`` uses; the tests of :func:`ended_by_signals` hold its contract for a
``ProcessPoolExecutor``, a ``multiprocessing.Pool`` and ``subprocess.Popen`` workers.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator

import pytest

from atensi.cli._signals import UNWIND, Terminated, end_workers, ended_by_signals

ROOT = pathlib.Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not pathlib.Path("/proc/self/stat").exists(), reason="finds processes through /proc"
)


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``, and theirs (from ``/proc``)."""
    found: set[int] = set()
    parents = {pid}
    for _ in range(3):
        for entry in pathlib.Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            if ppid in parents:
                found.add(int(entry.name))
        parents = {pid} | found
    return found


def _alive(pid: int) -> bool:
    try:
        state = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _gone(pids: set[int], within: float = 5.0) -> set[int]:
    """The processes of ``pids`` still alive after ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        alive = {p for p in pids if _alive(p)}
        if not alive:
            return set()
        time.sleep(0.05)
    return {p for p in pids if _alive(p)}


@pytest.fixture(scope="module")
def long_input(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """Items fed to the command line again and again (see :func:`_started`)."""
    lines = (ROOT / "examples" / "assessments.jsonl").read_bytes()
    path = tmp_path_factory.mktemp("signals") / "items.jsonl"
    path.write_bytes(lines * 4)
    return path


def _feed(process: subprocess.Popen[bytes], data: bytes) -> None:
    """Write ``data`` to the process's standard input until it stops reading: an endless input.

    The run cannot end before the signal, however fast the workers are.
    """
    assert process.stdin is not None
    try:
        while True:
            process.stdin.write(data)
    except (BrokenPipeError, ValueError, OSError):
        pass


def _started(long_input: pathlib.Path) -> tuple[subprocess.Popen[bytes], set[int]]:
    argv = [sys.executable, "-m", "atensi", "assess", "-", "--on", "2024-06-01"]
    process = subprocess.Popen(
        [*argv, "--jobs", "2", "--force-jobs"],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    threading.Thread(target=_feed, args=(process, long_input.read_bytes()), daemon=True).start()
    deadline = time.monotonic() + 30
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(process.pid)
    assert len(workers) >= 2, "the workers did not start"
    time.sleep(0.5)  # let them work
    return process, workers


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_ends_the_workers_and_the_parent_with_its_code(
    long_input: pathlib.Path, signum: int, code: int
) -> None:
    process, workers = _started(long_input)
    started = time.monotonic()
    process.send_signal(signum)
    try:
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()
    assert process.returncode == code
    assert time.monotonic() - started < UNWIND + 3  # promptly, even if the pool hangs
    name = signal.Signals(signum).name
    assert stderr.decode() == f"atensi: terminated by {name}; the output is incomplete\n"
    assert not _gone(workers), "a worker outlived the parent"


def test_no_worker_outlives_a_parent_killed_outright(long_input: pathlib.Path) -> None:
    # SIGKILL cannot be handled: the workers asked the kernel to end them with their parent.
    if not sys.platform.startswith("linux"):
        pytest.skip("PR_SET_PDEATHSIG is Linux's")
    process, workers = _started(long_input)
    process.kill()
    process.wait(timeout=30)
    assert process.stderr is not None
    assert process.stdin is not None
    process.stderr.close()
    with contextlib.suppress(OSError):  # the feeder may be writing: the pipe is broken
        process.stdin.close()
    assert not _gone(workers)


# --- The contract, for any pool ------------------------------------------------------------


@pytest.fixture
def restored_handlers() -> Iterator[None]:
    before = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    yield
    for signum, action in before.items():
        signal.signal(signum, action)
    assert signal.getsignal(signal.SIGTERM) == before[signal.SIGTERM]


def _terminate_self_soon(signum: int = signal.SIGTERM, after: float = 0.5) -> None:
    signal.setitimer(signal.ITIMER_REAL, after)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signum))


#: A program that starts a pool, signals itself inside ``ended_by_signals`` and reports. Run in
#: a fresh process: a pool forked from pytest's (threaded) process may inherit a held lock.
_POOL_PROGRAM = """
import concurrent.futures, multiprocessing, os, signal, sys, time
from atensi.cli._signals import Terminated, ended_by_signals, worker_options

def nap(seconds):
    time.sleep(seconds)

kind, signum = sys.argv[1], int(sys.argv[2])
if kind == "executor":
    pool = concurrent.futures.ProcessPoolExecutor(2, **worker_options())
    futures = [pool.submit(nap, 30) for _ in range(4)]
    wait = lambda: futures[0].result(timeout=30)
else:
    pool = multiprocessing.get_context("fork").Pool(2, **worker_options())
    result = pool.map_async(nap, [30] * 4)
    wait = lambda: result.wait(30)
time.sleep(0.5)
workers = sorted(p.pid for p in multiprocessing.active_children())
signal.setitimer(signal.ITIMER_REAL, 0.3)
signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signum))
try:
    with ended_by_signals():
        wait()
except Terminated as exc:
    print(exc.exit_code, *workers, flush=True)
os._exit(0)
"""


@pytest.mark.parametrize("kind", ["executor", "pool"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_the_context_ends_a_pools_workers(kind: str, signum: int) -> None:
    # concurrent.futures.ProcessPoolExecutor and multiprocessing.Pool: the workers the default
    # ``workers`` (multiprocessing.active_children) finds are ended, and Terminated says how.
    done = subprocess.run(
        [sys.executable, "-c", _POOL_PROGRAM, kind, str(int(signum))],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        check=False,
    )
    code, *workers = (int(part) for part in done.stdout.split())
    assert code == 128 + signum, done.stderr
    assert len(workers) == 2
    assert not _gone(set(workers))


@pytest.mark.usefixtures("restored_handlers")
def test_the_context_ends_workers_it_is_given() -> None:
    # Workers that multiprocessing does not know: the caller says which they are.
    popen = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])]
    pid = os.posix_spawn(sys.executable, [sys.executable, "-c", "import time; time.sleep(30)"], {})
    _terminate_self_soon()
    with pytest.raises(Terminated), ended_by_signals(lambda: [*popen, pid]):
        popen[0].wait(30)
    assert popen[0].poll() == -signal.SIGTERM
    assert not _gone({pid})


@pytest.mark.usefixtures("restored_handlers")
def test_a_fault_inside_the_context_ends_the_workers_too() -> None:
    popen = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    with pytest.raises(KeyboardInterrupt), ended_by_signals(lambda: [popen]):
        raise KeyboardInterrupt
    assert popen.wait(5) == -signal.SIGTERM


# --- Closed standard streams -----------------------------------------------------------------


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", f"exec {sys.executable} -m atensi {command}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "command",
    [
        "schema person >&-",
        "validate examples/persons.jsonl --kind person >&-",
        "assess examples/assessments.jsonl --on 2024-06-01 --jobs 2 --force-jobs >&-",
    ],
)
def test_a_closed_standard_output_is_the_output_failure_code(command: str) -> None:
    # Issue 28, item 5: it was "internal error (AttributeError)", exit 70.
    done = _shell(command)
    assert done.returncode == 4
    assert done.stderr == "atensi: error: cannot write standard output: it is closed\n"


def test_a_closed_standard_input_or_error_is_no_defect() -> None:
    done = _shell("validate - --kind person <&-")
    assert (done.returncode, done.stderr) == (2, "atensi: error: standard input is closed\n")
    done = _shell("validate examples/persons.jsonl --kind person 2>&-")
    assert done.returncode == 0
    assert done.stdout.count("\n") == 1056
    report = _shell("report examples/cases.json --period 2024 --out /dev/null/x --format csv >&-")
    assert report.returncode == 4  # the folder, not the closed output
    assert "internal error" not in report.stderr


def test_ending_workers_never_signals_a_group_or_itself() -> None:
    # 0 and -1 would reach the process group and every process: they are skipped.
    end_workers([0, -1, os.getpid(), None], grace=0.1)
