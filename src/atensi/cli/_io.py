"""What the command line says when things go wrong, and how it writes: exit codes and faults.

Every way a run can end has its own exit code (:class:`ExitCode`), so that a pipeline can tell
"some records are invalid" (fix the data) from "the disk is full" (fix the machine) from "the
reader of the output went away" (the output is incomplete). A fault ends the run with one line
on standard error, never a traceback.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from typing import IO

__all__ = [
    "CliError",
    "ExitCode",
    "Output",
    "PipeClosed",
    "ReadFailed",
    "UsageError",
    "WorkerFailed",
    "WriteFailed",
    "closed_standard_streams",
    "standard_input",
]


class ExitCode(enum.IntEnum):
    """The exit codes of ``atensi``; each is documented in ``docs/cli.md``."""

    #: Every record valid (or the command had no records).
    OK = 0
    #: Some records invalid: each has its error result in the output.
    INVALID = 1
    #: A usage error, or input that is not a readable document (missing file, not JSON,
    #: UTF-16, binary, a broken JSON array, data after the array).
    USAGE = 2
    #: Reading the input failed on the device (an I/O error): retry, or check the source.
    READ_FAILED = 3
    #: Writing the output failed (the disk is full, an I/O error, standard output closed):
    #: the output is incomplete.
    WRITE_FAILED = 4
    #: The reader of the output closed it (a broken pipe): the output is incomplete.
    BROKEN_PIPE = 5
    #: A ``--jobs`` worker process died (killed, out of memory): the output is incomplete.
    WORKER_FAILED = 6
    #: A defect in atensi outside any record (please report it).
    INTERNAL = 70
    #: The terminal or session went away (SIGHUP, 128 + 1): workers ended, output incomplete.
    HANGUP = 129
    #: Interrupted (Ctrl-C).
    INTERRUPTED = 130
    #: Stopped (SIGTERM, 128 + 15: ``kill``, a service manager): workers ended, output
    #: incomplete.
    TERMINATED = 143


class CliError(Exception):
    """A fault that ends the run: its one-line message and exit code."""

    exit_code = ExitCode.INTERNAL


class UsageError(CliError):
    """A problem with the command line or an unreadable input document: exit code 2."""

    exit_code = ExitCode.USAGE


class ReadFailed(CliError):
    """The input could not be read from its device: exit code 3."""

    exit_code = ExitCode.READ_FAILED


class WriteFailed(CliError):
    """The output could not be written: exit code 4."""

    exit_code = ExitCode.WRITE_FAILED


class PipeClosed(CliError):
    """The reader of the output closed it: exit code 5."""

    exit_code = ExitCode.BROKEN_PIPE


class WorkerFailed(CliError):
    """A worker process of ``--jobs`` died: exit code 6."""

    exit_code = ExitCode.WORKER_FAILED


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__


class Output:
    """A text stream whose failures become :class:`WriteFailed` or :class:`PipeClosed`.

    ``closed``: the stream was closed before the run began (``>&-``); the first write is
    :class:`WriteFailed`, so that a command with something to say ends with exit code 4.
    """

    def __init__(self, stream: IO[str], name: str = "the output", *, closed: bool = False) -> None:
        self.stream = stream
        self.name = name
        self.closed = closed

    def write(self, text: str) -> None:
        """Write ``text``."""
        if self.closed:
            raise WriteFailed(f"cannot write {self.name}: it is closed")
        self._do(self.stream.write, text)

    def write_bytes(self, data: bytes) -> None:
        """Write UTF-8 ``data`` (lines a worker made) as :meth:`write` would write its text."""
        if self.closed:
            raise WriteFailed(f"cannot write {self.name}: it is closed")
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None:  # not a file (a test's StringIO): write the text
            self._do(self.stream.write, data.decode("utf-8"))
        else:
            self._do(buffer.write, data)

    def flush(self) -> None:
        """Flush, with the same failures as :meth:`write`."""
        if not self.closed:
            self._do(self.stream.flush)

    def _do(self, action: Callable[..., object], *args: str | bytes) -> None:
        try:
            action(*args)
        except BrokenPipeError:
            raise PipeClosed(
                f"{self.name} was closed by its reader; the output is incomplete"
            ) from None
        except OSError as err:
            raise WriteFailed(f"cannot write {self.name}: {_reason(err)}") from None

    def isatty(self) -> bool:
        """Whether the stream is a terminal."""
        try:
            return self.stream.isatty()
        except (OSError, ValueError):
            return False


def read_failed(name: str, err: OSError) -> ReadFailed:
    """The fault of an I/O error while reading ``name``."""
    return ReadFailed(f"cannot read {name}: {_reason(err)}")


def standard_input() -> IO[bytes]:
    """Standard input's bytes; a usage error when it was closed before the run (``<&-``)."""
    stream = sys.stdin
    if stream is None:
        raise UsageError("standard input is closed")
    return stream.buffer


def closed_standard_streams() -> frozenset[int]:
    """Which of standard input, output and error were closed when the run began.

    Each is opened on the null device, so that no file the run opens later takes its number
    (and receives what a library writes to standard output or error); the caller treats them
    as closed all the same (:class:`Output`'s ``closed``).
    """
    closed = set()
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            closed.add(fd)
    for fd in sorted(closed):
        opened = os.open(os.devnull, os.O_RDONLY if fd == 0 else os.O_WRONLY)
        if opened != fd:
            os.dup2(opened, fd)
            os.close(opened)
    return frozenset(closed)
