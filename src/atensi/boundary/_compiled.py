"""Whether JSON text takes the compiled path: msgspec twins, with the ``fast`` extra installed.

Looked up on the first JSON text, never at import: ``import atensi`` does not import msgspec, and
a process that reads no JSON text never pays for it. Without msgspec (or with one too old to
build the twins), every record takes the pure-Python path, with the same results.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from typing import Any

from atensi.boundary._quick import Refused
from atensi.errors import InvalidRecord

__all__ = ["compiled", "entity_decoder", "refusals", "twins"]

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


def refusals() -> tuple[type[Exception], ...]:
    """What a quick path of JSON text raises to refuse a record (see :mod:`~._quick`).

    Its own :class:`~atensi.boundary._quick.Refused`, a field validator's
    :class:`~atensi.InvalidRecord` and, with the extra, msgspec's ``DecodeError``. Anything
    else is a defect, and is not caught.
    """
    module = twins()
    if module is None:
        return _PURE_REFUSALS
    found: tuple[type[Exception], ...] = module.REFUSALS
    return found


_PURE_REFUSALS: tuple[type[Exception], ...] = (Refused, InvalidRecord)

Decode = Callable[[bytes | str, type[Any]], Any]


def entity_decoder() -> Decode:
    """How a valid text is first tried: ``decode(text, cls)``, the attrs entity, or a refusal.

    With the extra, msgspec's twins (:func:`atensi.boundary._twins.decode`), built into the
    entity; without it, the counted pure-Python decoder (:func:`atensi.boundary._counted.decode`).
    Either refuses anything it cannot prove valid (one of :func:`refusals`): the caller then
    takes the strict path, which says why. The twins never leave the twins' module.
    """
    module = twins()
    if module is None:
        return _counted()
    found: Decode = module.decode
    return found


_COUNTED: list[Decode] = []


def _counted() -> Decode:
    if not _COUNTED:
        from atensi.boundary._counted import decode

        _COUNTED.append(decode)
    return _COUNTED[0]
