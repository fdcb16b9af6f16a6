"""The quick paths' one refusal signal, and a log of the records that leave a quick path.

A quick path (the generated structuring functions of :mod:`atensi.boundary._fast`, the counted
decoder of :mod:`atensi.boundary._counted`, the msgspec twins of :mod:`atensi.boundary._twins`)
answers for a record it can prove valid and *refuses* any other: it raises :class:`Refused`, a
field validator's :class:`~atensi.InvalidRecord`, or msgspec's ``DecodeError`` (its
``ValidationError`` included). Those, and only those, send a record to the strict path, which
finds and names every problem. Anything else a quick path raises is a defect, and it is not
hidden: ``structure`` raises it, and the batch functions report it as the record's
``record.internal_error``.

A record that leaves a quick path for the strict path costs time, not correctness, so a broken
quick path would show only as slowness. :func:`fallbacks` makes it visible: it logs every record
that fell back, and the test suite holds that no valid record of any example file or any entity
ever does (a generator that breaks fails the suite).

>>> import atensi
>>> from atensi.model import Referral
>>> with fallbacks() as log:
...     _ = atensi.structure({"on": "2024-02-29", "direction": "masuk"}, Referral)
...     try:
...         atensi.structure({"on": "2024-02-30", "direction": "masuk"}, Referral)
...     except atensi.InvalidRecord:
...         pass
>>> [(f.entry, f.target, f.reason) for f in log]
[('structure', 'Referral', 'Refused')]
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any, NamedTuple, NoReturn

__all__ = ["Fallback", "Refused", "fallbacks", "fell_back", "refuse"]


class Refused(Exception):
    """A quick path cannot vouch for this record: the strict path reads it and says why."""


def refuse() -> NoReturn:
    """Raise :class:`Refused` (the generated code calls this on the first problem it sees)."""
    raise Refused


class Fallback(NamedTuple):
    """One record that left a quick path for the strict path.

    Attributes:
        entry: the function that read it (``structure``, ``structure_json``,
            ``assess_line_json``, ``validate_line_json``).
        target: the name of the entity class asked for.
        reason: why: the name of the refusal raised (``Refused``, ``InvalidRecord``,
            ``ValidationError``, ``DecodeError``), or what the quick path leaves to the strict
            one (``no date``, ``no instrument in force``).
    """

    entry: str
    target: str
    reason: str


_LOGS: list[list[Fallback]] = []


def fell_back(entry: str, cls: type[Any], reason: str | BaseException) -> None:
    """Note that a record read by ``entry`` as ``cls`` left the quick path (if anyone listens)."""
    if _LOGS:
        why = reason if isinstance(reason, str) else type(reason).__name__
        note = Fallback(entry, getattr(cls, "__name__", "?"), why)
        for log in _LOGS:
            log.append(note)


@contextlib.contextmanager
def fallbacks() -> Iterator[list[Fallback]]:
    """Log, while the block runs, every record that leaves a quick path for the strict path.

    A debugging aid (the results are the same either way; only the time differs): a valid
    record that shows here means a quick path that should have taken it did not. Records read in
    other threads meanwhile are logged too. Nothing is logged that identifies the record.
    """
    log: list[Fallback] = []
    _LOGS.append(log)
    try:
        yield log
    finally:
        # By identity: two logs with the same entries are equal lists.
        _LOGS[:] = [other for other in _LOGS if other is not log]
