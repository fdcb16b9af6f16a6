"""An output folder written whole: every file or none, listed with its hash, no stale file left.

``atensi report`` writes a dozen files. Written in place, a full disk left eight complete-looking
tables, one cut mid-row and no ``report.json``; a second run with other axes left the first
run's tables beside the new ones. Here:

* every file is written to a temporary name in the folder (``.NAME.PID.atensi-tmp``), flushed to
  the disk, and only when **all** are written are they renamed into place, ``report.json``
  last. A failure before that (a full disk, an I/O error, a signal) removes the temporary files:
  the folder is as it was, the previous report included, and the message says so;
* ``report.json`` lists every other file with its size and SHA-256 (``"files"``), so that a
  reader can check that what it holds is one run's report;
* files of an earlier report that this run does not write are removed once the new report is
  in place; they are known by the earlier ``report.json``'s list. A folder holding anything
  that no report listed (a file of the user's, a report written before the list existed) is
  **refused** before anything is written: atensi never removes what it did not write.

Renaming within one folder needs no space and replaces each file at once, so readers see the
old file or the new one, never half of either; between the first and the last rename (micro-
seconds) a reader may see some of each, which ``report.json``'s hashes reveal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple

from atensi.cli._io import UsageError, WriteFailed

__all__ = ["MANIFEST", "Folder", "Written"]

#: The file that lists the others.
MANIFEST = "report.json"
_SUFFIX = ".atensi-tmp"


class Written(NamedTuple):
    """A file written under its temporary name."""

    name: str
    temporary: str
    size: int
    sha256: str


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__


class Folder:
    """The output folder of one run (see the module's text); use as a context manager.

    Args:
        path: the folder; created if it does not exist.
        what: how the folder's contents are named in messages (``report``).
    """

    def __init__(self, path: str, what: str = "report") -> None:
        self.path = path
        self.what = what
        self.written: dict[str, Written] = {}
        self.created = not os.path.isdir(path)
        try:
            os.makedirs(path, exist_ok=True)
            entries = os.listdir(path)
        except OSError as err:
            raise WriteFailed(f"cannot create {path}: {_reason(err)}") from None
        self.earlier = self._earlier(entries)

    # --- Before: what is there -------------------------------------------------------------

    def _earlier(self, entries: list[str]) -> frozenset[str]:
        """The files of the report already in the folder; refuse a folder holding others."""
        for entry in entries:
            if entry.endswith(_SUFFIX) and entry.startswith("."):  # an interrupted run's
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(self.path, entry))
        entries = [e for e in entries if not e.endswith(_SUFFIX)]
        listed = self._listed() if MANIFEST in entries else frozenset()
        others = sorted(set(entries) - listed - {MANIFEST} if listed else set(entries))
        if others:
            shown = ", ".join(repr(name[:40]) for name in others[:5])
            more = f" and {len(others) - 5} more" if len(others) > 5 else ""
            raise UsageError(
                f"{self.path} holds files that no atensi {self.what} listed ({shown}{more}); "
                "atensi removes only what it wrote: give an empty or new folder, or remove them"
            )
        return listed

    def _listed(self) -> frozenset[str]:
        """The files the folder's ``report.json`` lists (none if it lists none)."""
        try:
            with open(os.path.join(self.path, MANIFEST), "rb") as handle:
                document = json.loads(handle.read(64 * 1024 * 1024))
            names = [entry["name"] for entry in document["files"]]
        except (OSError, ValueError, KeyError, TypeError):
            return frozenset()
        if not all(isinstance(n, str) and n and os.sep not in n for n in names):
            return frozenset()
        return frozenset(names)

    # --- During: files under temporary names ----------------------------------------------

    def write(self, name: str, data: bytes | Callable[[IO[bytes]], None]) -> None:
        """Write one file under a temporary name (``data``, or what ``data(handle)`` writes)."""
        temporary = os.path.join(self.path, f".{name}.{os.getpid()}{_SUFFIX}")
        digest = hashlib.sha256()
        try:
            with open(temporary, "wb") as handle:
                if isinstance(data, bytes):
                    handle.write(data)
                else:
                    data(handle)
                handle.flush()
                os.fsync(handle.fileno())
            with open(temporary, "rb") as written:
                for chunk in iter(lambda: written.read(1 << 20), b""):
                    digest.update(chunk)
            size = os.path.getsize(temporary)
        except BaseException as exc:  # a full disk, or anything else that ends the run
            with contextlib.suppress(OSError):
                os.remove(temporary)
            if isinstance(exc, OSError):
                raise self._failed(name, exc) from None
            raise
        self.written[name] = Written(name, temporary, size, digest.hexdigest())

    def manifest(self) -> list[dict[str, Any]]:
        """The list ``report.json`` holds: every other file, its size and SHA-256."""
        return [
            {"name": w.name, "bytes": w.size, "sha256": w.sha256}
            for w in sorted(self.written.values())
            if w.name != MANIFEST
        ]

    def _failed(self, name: str, err: OSError) -> WriteFailed:
        kept = (
            "no report was written"
            if self.created or not self.earlier
            else f"the previous {self.what} in {self.path} is left as it was"
        )
        target = os.path.join(self.path, name)
        return WriteFailed(f"cannot write {target}: {_reason(err)}; {kept}")

    # --- After: all into place, or nothing -------------------------------------------------

    def commit(self) -> None:
        """Rename every file into place (``report.json`` last); remove the earlier files."""
        order = sorted(self.written.values(), key=lambda w: (w.name == MANIFEST, w.name))
        try:
            for written in order:
                os.replace(written.temporary, os.path.join(self.path, written.name))
        except OSError as err:
            raise self._failed(written.name, err) from None
        self.written = {w.name: w._replace(temporary="") for w in order}
        for stale in sorted(self.earlier - set(self.written)):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(self.path, stale))
        _sync(self.path)

    def discard(self) -> None:
        """Remove every temporary file: the folder is as it was."""
        for written in self.written.values():
            if written.temporary:
                with contextlib.suppress(OSError):
                    os.remove(written.temporary)
        self.written = {}
        if self.created:
            with contextlib.suppress(OSError):
                os.rmdir(self.path)

    def __enter__(self) -> Folder:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        if kind is not None:
            self.discard()

    def names(self) -> Iterator[str]:
        """The files written, in order."""
        return iter(sorted(self.written))


def _sync(path: str) -> None:
    """Flush the folder's entries (the renames) to the disk, where the system allows it."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
