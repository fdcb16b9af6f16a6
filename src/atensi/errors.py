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
    "ERROR_JSON_VERSION",
    "AtensiError",
    "ErrorDetail",
    "InvalidRecord",
    "Loc",
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

    def __init__(
        self,
        vocabulary: str,
        value: object,
        choices: Sequence[str],
        *,
        code: str | None = None,
        vocabulary_id: str | None = None,
    ) -> None:
        self.vocabulary = vocabulary
        self.value = value
        self.choices = tuple(choices)
        listed = ", ".join(self.choices)
        article = "an" if vocabulary[:1].lower() in "aeiou" else "a"
        super().__init__(
            f"{value!r} is not {article} {vocabulary} code; expected one of: {listed}",
            message_id=f"{value!r} bukan kode {vocabulary_id or vocabulary}; pilihan yang sah: "
            f"{listed}",
            code=code,
            ctx={"vocabulary": vocabulary, "choices": list(self.choices)},
        )


class NoInstrumentInForce(AtensiError):
    """No rule set was in force on the date asked for (a date before PP 39/2012).

    Args:
        on: the date asked for.
        first: the first date on which a rule set is in force.
        first_name: the instrument that starts the first rule set.
    """

    code = "law.no_instrument_in_force"

    def __init__(self, on: _dt.date, first: _dt.date, first_name: str = "PP 39/2012") -> None:
        self.on = on
        self.first = first
        super().__init__(
            f"no rule set was in force on {on.isoformat()}; the first one "
            f"({first_name}) applies from {first.isoformat()}",
            message_id=f"tidak ada aturan yang berlaku pada {on.isoformat()}; "
            f"aturan pertama ({first_name}) berlaku sejak {first.isoformat()}",
            ctx={"on": on.isoformat(), "first": first.isoformat(), "first_name": first_name},
        )


#: The version of the JSON shape of :meth:`InvalidRecord.to_json`; bumped only on breaking change.
ERROR_JSON_VERSION = 1

Loc = tuple[str | int, ...]


class ErrorDetail:
    """One problem in a record: where it is, what it is, and what the input was.

    Shaped after pydantic's error records (``type/code``, ``loc``, ``msg``, ``input``, ``ctx``).

    Attributes:
        loc: the path to the problem inside the record, e.g. ``("members", 2, "birth_date")``;
            for a missing key, the path of the key that is missing.
        code: a stable error code from the catalogue (``docs/errors.md``).
        message_en: the message in English.
        message_id: the message in Indonesian.
        input: the offending input value (``None`` for a missing key).
        ctx: extra JSON-serialisable context (e.g. the valid choices).
    """

    __slots__ = ("code", "ctx", "input", "loc", "message_en", "message_id", "sensitivity")

    def __init__(
        self,
        loc: Loc,
        code: str,
        message_en: str,
        message_id: str,
        input: Any = None,
        ctx: Mapping[str, Any] | None = None,
        sensitivity: str | None = None,
    ) -> None:
        self.loc = loc
        self.code = code
        self.message_en = message_en
        self.message_id = message_id
        self.input = input
        self.ctx: dict[str, Any] = dict(ctx or {})
        #: The personal-data class of the field the input belongs to (a Sensitivity code), set
        #: by the boundary; ``None`` when unknown.
        self.sensitivity = sensitivity

    def at(self, prefix: Loc) -> ErrorDetail:
        """Return a copy located under ``prefix``."""
        return ErrorDetail(
            prefix + self.loc,
            self.code,
            self.message_en,
            self.message_id,
            self.input,
            self.ctx,
            self.sensitivity,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ErrorDetail):
            return NotImplemented
        return (self.loc, self.code, self.message_en) == (other.loc, other.code, other.message_en)

    def __hash__(self) -> int:
        return hash((self.loc, self.code, self.message_en))

    def __repr__(self) -> str:
        # The input is left out on purpose: it may be personal data.
        return f"ErrorDetail(loc={self.loc!r}, code={self.code!r}, msg={self.message_en!r})"

    def to_dict(
        self, *, include_input: bool = False, include_personal: bool = False
    ) -> dict[str, Any]:
        """Return the problem as a JSON-serialisable mapping.

        Args:
            include_input: include the offending input. Off by default, because inputs are often
                personal data (NIKs, health conditions) that must not reach logs.
            include_personal: with ``include_input``, also include inputs of personal fields
                (identifiers and personal data under UU 27/2022); otherwise they read
                ``"<redacted>"``.
        """
        data: dict[str, Any] = {
            "loc": list(self.loc),
            "code": self.code,
            "msg": {"id": self.message_id, "en": self.message_en},
            "ctx": dict(self.ctx),
        }
        if include_input:
            personal = self.sensitivity not in (None, "bukan_data_pribadi")
            if personal and not include_personal:
                data["input"] = "<redacted>"
            else:
                data["input"] = _jsonable(self.input)
        return data


def _jsonable(value: Any, depth: int = 0) -> Any:
    """A JSON-ready copy of an input, bounded in depth and size so hostile inputs stay cheap."""
    if value is None or isinstance(value, str | bool | int):
        if isinstance(value, str) and len(value) > 1000:
            return value[:1000] + "…"
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
            return "<integer too large to show>"
        return value
    if depth > 20:
        return "<nested too deeply to show>"
    if isinstance(value, float):
        finite = value == value and value not in (float("inf"), float("-inf"))
        return value if finite else repr(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        items = list(value.items())[:100]
        return {str(k)[:200]: _jsonable(v, depth + 1) for k, v in items}
    if isinstance(value, list | tuple):
        return [_jsonable(v, depth + 1) for v in value[:100]]
    return f"<{type(value).__name__}>"


def _loc_text(loc: Loc) -> str:
    if not loc:
        return "(record)"
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


class InvalidRecord(AtensiError):
    """A record from outside did not fit an entity; ``errors`` lists *every* problem.

    The message lists each problem's path and English text but never the offending input,
    which may be personal data; ``to_json(include_input=True)`` adds inputs when a caller asks.

    Args:
        errors: the problems, in the order they were found.
        entity: the name of the entity the record was meant to be.
    """

    code = "record.invalid"

    def __init__(self, errors: Sequence[ErrorDetail], entity: str | None = None) -> None:
        self.errors: tuple[ErrorDetail, ...] = tuple(errors)
        self.entity = entity
        what = f"{entity} record" if entity else "record"
        lines_en = [f"{_loc_text(e.loc)}: {e.message_en} [{e.code}]" for e in self.errors]
        lines_id = [f"{_loc_text(e.loc)}: {e.message_id} [{e.code}]" for e in self.errors]
        count = len(self.errors)
        super().__init__(
            f"invalid {what}, {count} problem{'s' if count != 1 else ''}:\n  "
            + "\n  ".join(lines_en),
            message_id=f"rekaman {entity or ''} tidak sah, {count} masalah:\n  "
            + "\n  ".join(lines_id),
            ctx={"entity": entity, "count": count},
        )

    def at(self, prefix: Loc) -> InvalidRecord:
        """Return the same problems located under ``prefix``."""
        return InvalidRecord([e.at(prefix) for e in self.errors], self.entity)

    def to_json(
        self, *, include_input: bool = False, include_personal: bool = False
    ) -> dict[str, Any]:
        """Return the documented, versioned JSON shape of the error.

        ``{"version": 1, "code": "record.invalid", "entity": ..., "errors": [...]}``, each error
        as :meth:`ErrorDetail.to_dict`. Inputs appear only with ``include_input=True``, and
        inputs of personal fields only with ``include_personal=True`` as well.
        """
        return {
            "version": ERROR_JSON_VERSION,
            "code": self.code,
            "entity": self.entity,
            "errors": [
                e.to_dict(include_input=include_input, include_personal=include_personal)
                for e in self.errors
            ],
        }
