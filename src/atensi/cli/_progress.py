"""Progress on a terminal: count, rate and, when the input's size is known, percentage and ETA.

Shown on standard error only, and only when it is a terminal (a redirected or piped standard
error stays clean); ``--quiet`` silences it. At most about twice a second, so that a run of
millions of records spends nothing noticeable on it.
"""

from __future__ import annotations

import os
import stat
import time
from typing import IO

from atensi.cli._io import Output

__all__ = ["Progress"]

#: Seconds between two updates of the line.
INTERVAL = 0.5
#: The clock is read once per this many records.
_EVERY = 256


def _eta(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Progress:
    """The progress line of one run (``update`` per record, ``clear`` before the summary)."""

    def __init__(self, err: Output, *, quiet: bool) -> None:
        self.err = err
        self.enabled = not quiet and err.isatty()
        self.start = self.last = time.monotonic()
        self.stream: IO[bytes] | None = None
        self.size: int | None = None
        self.shown = False
        self.counted = 0

    def opened(self, stream: IO[bytes]) -> None:
        """The input is open: its size is known when it is a regular file."""
        self.stream = stream
        try:
            info = os.fstat(stream.fileno())
        except (OSError, ValueError, AttributeError):
            return
        if stat.S_ISREG(info.st_mode) and info.st_size > 0:
            self.size = info.st_size

    def update(self, count: int) -> None:
        """Called after each record or batch; writes the line when it is time to."""
        if not self.enabled or count // _EVERY == self.counted // _EVERY:
            return
        self.counted = count
        now = time.monotonic()
        if now - self.last < INTERVAL:
            return
        self.last = now
        elapsed = max(now - self.start, 1e-9)
        text = f"{count:,} records, {count / elapsed:,.0f}/s"
        done = self._done()
        if done is not None and self.size:
            share = min(done / self.size, 1.0)
            text += f", {share:.0%}"
            if share > 0:
                text += f", ETA {_eta(elapsed * (1 - share) / share)}"
        self.err.write(f"\r{text}\x1b[K")
        self.err.flush()
        self.shown = True

    def _done(self) -> int | None:
        if self.stream is None or self.size is None:
            return None
        try:
            return self.stream.tell()
        except (OSError, ValueError):
            return None

    def clear(self) -> None:
        """Erase the line, so that the summary starts clean."""
        if self.shown:
            self.err.write("\r\x1b[K")
            self.shown = False
