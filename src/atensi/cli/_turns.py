"""Workers that write their own output, in input order (``--jobs N``).

Sending each batch's output lines back to the main process to be written cost more than the
work it shared out: about 5.7 kB of text a record crossed a pipe twice (pickled, copied,
unpickled, written), and the main process, on the same cores as the workers, spent its time
copying. Here a worker that has decided its batch writes the bytes itself, to the file
descriptor of the output the workers inherited, as soon as every batch before it is written; it
sends back only its counts. The main process reads the input, hands out the batches in order
and counts.

The order is kept by a *turn* in shared memory: batch ``k`` is written when the turn is ``k``,
and its writer then passes the turn to ``k + 1``. Batches are taken from the executor's queue
in order, one at a time per worker, so the batch whose turn it is has always been taken by a
worker that is deciding it or writing it: no worker waits for a batch nobody holds. A write that
fails (the reader closed the pipe, a full disk) stops the turns: every worker still waiting
gives up, and the main process reports the failure of the first batch that could not be written.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Any

from atensi.cli._signals import worker_setup

__all__ = ["CLOSED", "STOPPED", "Turns", "options", "write_in_turn"]

#: What :func:`write_in_turn` answers when an earlier batch's write failed.
STOPPED = "stopped"
#: What it answers when the reader of the output closed it.
CLOSED = "closed"
#: How long a waiting worker sleeps before it looks again whether the turns stopped (seconds).
_LOOK_AGAIN = 0.5


class Turns:
    """The shared turn: whose batch is written next, and whether the writing stopped."""

    def __init__(self, context: Any) -> None:
        self.condition = context.Condition()
        self.turn = context.RawValue("q", 0)
        self.stopped = context.RawValue("b", 0)


#: In a worker: the turns and the output's file descriptor (set by :func:`_setup`).
_HERE: list[Any] = []


def _setup(digest_key: bytes | None, turns: Turns, descriptor: int) -> None:
    worker_setup(digest_key)
    _keep_freed_memory()
    _HERE[:] = [turns, descriptor]


#: glibc's ``mallopt`` parameters (``malloc.h``) and the values a writer sets.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_KEEP_BYTES = 64 << 20
_MAP_FROM_BYTES = 32 << 20


def _keep_freed_memory() -> None:
    """Ask glibc to keep the memory a batch frees for the next batch, not return it at once.

    A batch's output (about 6 MB of text) is made, written and freed once per batch; by default
    glibc gives the top of its heap back to the system as soon as more than 128 kB of it is free,
    so the next batch touched fresh pages again: about 2,500 page faults a batch, half the
    workers' system time. A process elsewhere (another C library) keeps its defaults.
    """
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    mallopt(_M_TRIM_THRESHOLD, _KEEP_BYTES)
    mallopt(_M_MMAP_THRESHOLD, _MAP_FROM_BYTES)


def options(descriptor: int) -> dict[str, Any]:
    """Keyword arguments for a :class:`~concurrent.futures.ProcessPoolExecutor` of writers.

    The workers are forked (they inherit the output's descriptor and a new shared turn), and
    set up as every worker is (:func:`atensi.cli._signals.worker_setup`).
    """
    from atensi.errors import digest_key

    context = multiprocessing.get_context("fork")
    return {
        "mp_context": context,
        "initializer": _setup,
        "initargs": (digest_key(), Turns(context), descriptor),
    }


def write_in_turn(number: int, pieces: list[bytes]) -> str | None:
    """Write ``pieces`` to the output when batch ``number``'s turn comes, then pass the turn on.

    Returns ``None`` when written; :data:`CLOSED` when the reader closed the output; the reason
    of another write failure; :data:`STOPPED` when an earlier batch could not be written (this
    one then is not written either).
    """
    turns, descriptor = _HERE
    with turns.condition:
        while turns.turn.value != number and not turns.stopped.value:
            turns.condition.wait(_LOOK_AGAIN)
        if turns.stopped.value:
            return STOPPED
        failure: str | None = None
        try:
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(descriptor, view) :]
        except BrokenPipeError:
            failure = CLOSED
        except OSError as err:
            failure = err.strerror or type(err).__name__
        if failure is None:
            turns.turn.value = number + 1
        else:
            turns.stopped.value = 1
        turns.condition.notify_all()
    return failure
