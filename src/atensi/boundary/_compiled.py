"""Whether JSON text takes the compiled path: msgspec twins, with the ``fast`` extra installed.

Looked up on the first JSON text, never at import: ``import atensi`` does not import msgspec, and
a process that reads no JSON text never pays for it. Without msgspec (or with one too old to
build the twins), every record takes the pure-Python path, with the same results.
"""

from __future__ import annotations

from types import ModuleType

__all__ = ["compiled", "twins"]

_FOUND: list[ModuleType | None] = []


def twins() -> ModuleType | None:
    """The twin module (:mod:`atensi.boundary._twins`), or ``None`` without the ``fast`` extra."""
    if not _FOUND:
        try:
            import atensi.boundary._twins as module
        except ImportError:
            _FOUND.append(None)
        else:
            _FOUND.append(module)
    return _FOUND[0]


def compiled() -> bool:
    """Whether JSON text takes the compiled path (the ``fast`` extra, msgspec, is installed).

    Either way the results are the same, byte for byte; the compiled path is faster.
    """
    return twins() is not None
