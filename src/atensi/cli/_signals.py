"""Ending a run on SIGTERM or SIGHUP: the workers first, then the parent, with a message.

A service manager stops a run with SIGTERM (``systemctl stop``, ``docker stop``, ``kill``), a
closed terminal or SSH session sends SIGHUP. Either goes to the parent process alone: without
this module, ``--jobs`` workers outlived it (re-parented, still running) and the parent died
with no message and a status no table explains. Ctrl-C reaches the whole foreground group and
is already :data:`~atensi.cli._io.ExitCode.INTERRUPTED` (130).

The contract, independent of how the workers are made:

* :func:`ended_by_signals` is a context manager. Inside it, SIGTERM and SIGHUP end every worker
  process at once (SIGTERM; SIGKILL for one still alive after :data:`GRACE` seconds) and raise
  :class:`Terminated` in the main thread, whose exit code is 128 + the signal (143, 129), so
  that ``finally`` blocks run (a report's temporary folder is removed). Should unwinding hang
  (a pool waiting for a result its ended worker never finished writing), the process ends
  itself after :data:`UNWIND` seconds with the same message and code. On leaving the block by
  any exception (a signal, Ctrl-C, a fault), the workers are ended too; on leaving it normally
  they are left to their pool. The previous handlers come back.
* The workers are found by ``workers``, called when they must end: by default
  :func:`multiprocessing.active_children` (every process started by :mod:`multiprocessing`,
  which :class:`concurrent.futures.ProcessPoolExecutor` and ``multiprocessing.Pool`` use). A
  command that starts workers some other way passes its own: a callable returning processes
  (``multiprocessing.Process``, ``subprocess.Popen``) or process ids.
* Workers call :func:`worker_setup` first (``ProcessPoolExecutor(**worker_options())``): it
  gives them the default action for both signals (a forked worker inherits the parent's
  handlers), asks the kernel to send them SIGTERM when the parent dies (Linux), so that no
  worker outlives even a parent killed with SIGKILL, and gives them the parent's digest key
  (:func:`atensi.errors.use_digest_key`), so that a hidden key reads the same whichever process
  reported it.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from atensi.cli._io import CliError, ExitCode

_CODES = frozenset(ExitCode)

__all__ = [
    "GRACE",
    "SIGNALS",
    "UNWIND",
    "Terminated",
    "end_workers",
    "ended_by_signals",
    "worker_options",
    "worker_setup",
]

#: Seconds a worker has to end after SIGTERM before it is killed.
GRACE = 1.0


def _signals() -> tuple[signal.Signals, ...]:
    return tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


#: The signals that end a run here (SIGHUP where the system has it).
SIGNALS = _signals()


class Terminated(CliError):
    """The run was ended by a signal: exit code 128 + its number (SIGTERM 143, SIGHUP 129)."""

    def __init__(self, signum: int) -> None:
        name = signal.Signals(signum).name
        super().__init__(f"terminated by {name}; the output is incomplete")
        self.signum = signum
        self.exit_code = ExitCode(128 + signum) if 128 + signum in _CODES else ExitCode.TERMINATED


Workers = Callable[[], Iterable[Any]]


def _pid(worker: Any) -> int | None:
    return worker if isinstance(worker, int) else getattr(worker, "pid", None)


def _alive(worker: Any) -> bool:
    if isinstance(worker, int):
        try:
            done, _ = os.waitpid(worker, os.WNOHANG)
        except ChildProcessError:  # not our child (or reaped): ask the kernel
            try:
                os.kill(worker, 0)
            except OSError:
                return False
            return True
        return done == 0
    if hasattr(worker, "is_alive"):
        return bool(worker.is_alive())
    return worker.poll() is None  # subprocess.Popen


def _other(worker: Any) -> bool:
    """Whether ``worker`` names another process (never 0 or less: a group, or every process)."""
    pid = _pid(worker)
    return type(pid) is int and pid > 0 and pid != os.getpid()


def _send(worker: Any, signum: int) -> None:
    if _other(worker):
        with contextlib.suppress(OSError):
            os.kill(_pid(worker), signum)  # type: ignore[arg-type]


def end_workers(found: Iterable[Any], grace: float = GRACE) -> None:
    """Send SIGTERM to each worker; SIGKILL to any still alive after ``grace`` seconds."""
    workers = [worker for worker in found if _other(worker)]
    for worker in workers:
        _send(worker, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        workers = [w for w in workers if _alive(w)]
        if not workers:
            return
        time.sleep(0.02)
    for worker in workers:
        _send(worker, signal.SIGKILL)
    for worker in workers:  # reap, so that none is left a zombie
        with contextlib.suppress(Exception):
            if hasattr(worker, "join"):
                worker.join(1)
            elif hasattr(worker, "wait"):
                worker.wait(1)


@contextlib.contextmanager
def ended_by_signals(
    workers: Workers = multiprocessing.active_children,
    *,
    exit_after: float | None = None,
) -> Iterator[None]:
    """Within: SIGTERM and SIGHUP end the workers and raise :class:`Terminated` (see above).

    Args:
        workers: returns the worker processes to end (see the module's text).
        exit_after: seconds after a signal at which the process ends itself outright
            (``os._exit``), whatever it is doing: unwinding, or Python's exit, which joins
            the threads of a pool whose workers are gone. ``None`` (a library, a test):
            never. The command line passes :data:`UNWIND`.

    Outside the main thread (a test running the command line in a thread) nothing is
    installed: Python lets only the main thread set handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    parent = os.getpid()
    left = threading.Event()

    def handler(signum: int, _: object) -> None:
        if os.getpid() != parent:
            # A worker forked before it could reset its handlers: die as the signal says.
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        found = list(workers())
        for worker in found:
            _send(worker, signal.SIGTERM)
        if exit_after is not None:
            _watch(Terminated(signum), found, left, exit_after)
        raise Terminated(signum)

    previous = {signum: signal.signal(signum, handler) for signum in SIGNALS}
    try:
        yield
    except BaseException:
        end_workers(workers())
        raise
    finally:
        left.set()
        for signum, action in previous.items():
            signal.signal(signum, action)


#: Seconds the command line has, after a signal, to unwind and exit before it ends outright.
UNWIND = 2 * GRACE


def _watch(
    terminated: Terminated, workers: list[Any], left: threading.Event, seconds: float
) -> None:
    """End the process outright ``seconds`` after a signal, in case it hangs.

    A pool may wait forever for a worker that was ended while it wrote a result (Python's
    ``ProcessPoolExecutor`` reads the half-written message from a pipe the parent itself holds
    open), and Python's exit joins a pool's feeder thread that writes to workers that are gone.
    This thread kills what is left of the workers, says why on standard error if the run did
    not get as far as saying it, and exits with the signal's code. The threads of a broken pool
    may report their own errors meanwhile: after a signal, they are noise, and are not shown.
    """
    threading.excepthook = _quiet

    deadline = time.monotonic() + seconds

    def watch() -> None:
        said = left.wait(seconds)  # left the block: the command line says why itself
        time.sleep(max(0.0, deadline - time.monotonic()))
        for worker in workers:
            _send(worker, signal.SIGKILL)
        if not said:
            with contextlib.suppress(OSError):
                os.write(2, f"atensi: {terminated}\n".encode())
        os._exit(terminated.exit_code)

    threading.Thread(target=watch, name="atensi-signal-watch", daemon=True).start()


def _quiet(_: Any) -> None:
    """An exception in a pool's thread after a signal: not shown (see :func:`_watch`)."""


def worker_setup(digest_key: bytes | None = None) -> None:
    """Prepare a worker process: default signal actions, death with its parent, the digest key.

    Call it first in every worker (the ``initializer`` of :func:`worker_options`).
    """
    for signum in SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        _die_with_parent()
    if digest_key is not None:
        from atensi.errors import use_digest_key

        use_digest_key(digest_key)


def _die_with_parent() -> None:
    """Ask Linux to send this process SIGTERM when its parent ends (``PR_SET_PDEATHSIG``).

    Linux sends it when the *thread* that started the worker ends: start workers from the main
    thread (as ``ProcessPoolExecutor`` and ``multiprocessing.Pool`` do), or from a thread that
    outlives them.
    """
    import ctypes

    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent ended before the request: end now
        os.kill(os.getpid(), signal.SIGTERM)


def worker_options() -> dict[str, Any]:
    """Keyword arguments for :class:`~concurrent.futures.ProcessPoolExecutor` (or ``Pool``).

    ``initializer=worker_setup`` with this process's digest key, drawn now if not yet drawn.
    """
    from atensi.errors import digest_key

    return {"initializer": worker_setup, "initargs": (digest_key(),)}
