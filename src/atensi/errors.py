"""The error hierarchy of atensi.

Every error the library raises on bad input derives from :class:`AtensiError`, which is a
:class:`ValueError`, so code written against the standard library's conventions keeps working.
The hierarchy is deliberately shallow (after python-stdnum's ``stdnum.exceptions``): callers catch
``AtensiError`` or one leaf, and read machine-readable parts from attributes, never by parsing
the message.

Every error carries:

* ``code``: a stable, dotted error code (``"vocab.unknown_code"``), never changed once released;
* ``message_id`` / ``message_en``: the message in Indonesian and English (``str(err)`` is English);
* ``ctx``: a mapping of extra, JSON-serialisable context.

>>> from atensi.errors import AtensiError, UnknownCode
>>> err = UnknownCode("Cluster", "kids", ("anak", "lanjut_usia"))
>>> isinstance(err, ValueError), err.code
(True, 'vocab.unknown_code')
>>> print(err)
'kids' is not a Cluster code; expected one of: anak, lanjut_usia
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "AtensiError",
    "NoInstrumentInForce",
    "UnknownCode",
]


class AtensiError(ValueError):
    """Base class of every error atensi raises on bad input.

    Args:
        code: the stable error code.
        message_en: the message in English (also ``str(error)``).
        message_id: the message in Indonesian.
        ctx: extra JSON-serialisable context.
    """

    code: str = "atensi.error"

    def __init__(
        self,
        message_en: str,
        *,
        message_id: str | None = None,
        code: str | None = None,
        ctx: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message_en)
        if code is not None:
            self.code = code
        self.message_en = message_en
        self.message_id = message_id if message_id is not None else message_en
        self.ctx: dict[str, Any] = dict(ctx or {})

    def to_dict(self) -> dict[str, Any]:
        """Return the error as a JSON-serialisable mapping (``code``, ``msg``, ``ctx``)."""
        return {
            "code": self.code,
            "msg": {"id": self.message_id, "en": self.message_en},
            "ctx": dict(self.ctx),
        }


class UnknownCode(AtensiError):
    """A code is not a member of a vocabulary.

    Args:
        vocabulary: the name of the vocabulary (``"Cluster"``).
        value: the offending value.
        choices: the valid codes.
    """

    code = "vocab.unknown_code"

    def __init__(self, vocabulary: str, value: object, choices: Sequence[str]) -> None:
        self.vocabulary = vocabulary
        self.value = value
        self.choices = tuple(choices)
        listed = ", ".join(self.choices)
        super().__init__(
            f"{value!r} is not a {vocabulary} code; expected one of: {listed}",
            message_id=f"{value!r} bukan kode {vocabulary}; pilihan yang sah: {listed}",
            ctx={"vocabulary": vocabulary, "choices": list(self.choices)},
        )


class NoInstrumentInForce(AtensiError):
    """No ATENSI instrument was in force on the date asked for.

    Args:
        on: the date asked for.
        first: the first date on which an ATENSI instrument is in force.
    """

    code = "law.no_instrument_in_force"

    def __init__(self, on: _dt.date, first: _dt.date) -> None:
        self.on = on
        self.first = first
        super().__init__(
            f"no ATENSI instrument was in force on {on.isoformat()}; the first one "
            f"(Permensos 16/2020) applies from {first.isoformat()}",
            message_id=f"tidak ada peraturan ATENSI yang berlaku pada {on.isoformat()}; "
            f"peraturan pertama (Permensos 16/2020) berlaku sejak {first.isoformat()}",
            ctx={"on": on.isoformat(), "first": first.isoformat()},
        )
