"""One record in, one JSON-ready result out: the unit of work of batch and distributed runs.

The command line and the Dask recipe (``docs/scale-out.md``) both run these functions, so a
national registry split across a cluster gets exactly the results of a single process. They
are pure: no files, no clock (an item without its own date needs ``on``).

>>> result = assess_record({"subject": {"kind": "community", "id": "K", "name": "Kampung"},
...                         "assessment": None}, on=None)
>>> result["ok"], result["errors"][0]["code"]
(False, 'item.no_date')

**One record never stops a batch.** Each function answers for any input: a record the
library cannot process for a reason no documented error covers (a defect in atensi) becomes
an error result for that record alone, code ``record.internal_error``, naming only the
exception's type: no traceback, no input, so no personal data. A property test holds that
valid records never reach it.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Mapping
from typing import Any, ParamSpec, TypeVar

from atensi.boundary import parse_date, structure
from atensi.errors import ErrorDetail, InvalidRecord, NoInstrumentInForce
from atensi.model import SUBJECT_KINDS, Assessment
from atensi.rules import Decision, assess_eligibility

__all__ = ["assess_record", "assess_record_json", "decide_item", "validate_record"]

P = ParamSpec("P")
R = TypeVar("R")


def _err(loc: tuple[str, ...], code: str, en: str, id_: str) -> tuple[ErrorDetail, ...]:
    return (ErrorDetail(loc, code, en, id_),)


def internal_error(exc: BaseException) -> ErrorDetail:
    """The problem reported for a record that raised an undocumented exception.

    Only the exception's type is kept: its message and traceback may quote the record.
    """
    kind = type(exc).__name__
    return ErrorDetail(
        (),
        "record.internal_error",
        f"atensi could not process this record (internal error {kind}); the other records "
        "are not affected; please report it",
        f"atensi tidak dapat memproses rekaman ini (galat internal {kind}); rekaman lain "
        "tidak terpengaruh; mohon laporkan",
        None,
        {"exception": kind},
    )


def _never_raises(
    on_error: Callable[[ErrorDetail, Mapping[str, Any]], R],
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Make a per-record function answer ``on_error(internal_error(exc), kwargs)`` on a defect.

    The documented outcomes (a decision, the record's problems) are returned as they are; only
    an exception that escapes them is turned into the record's result, so that the next record
    is still processed.
    """

    def wrap(fn: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(fn)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return fn(*args, **kwargs)
            except Exception as exc:
                return on_error(internal_error(exc), kwargs)

        return guarded

    return wrap


def _errors_result(error: ErrorDetail, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    return {"ok": False, "errors": _errors_json((error,), kwargs.get("show_personal_data", False))}


def _errors_text(error: ErrorDetail, kwargs: Mapping[str, Any]) -> str:
    return json.dumps(_errors_result(error, kwargs), ensure_ascii=kwargs.get("ensure_ascii", False))


def _errors_tuple(error: ErrorDetail, _: Mapping[str, Any]) -> Decision | tuple[ErrorDetail, ...]:
    return (error,)


@_never_raises(_errors_tuple)
def decide_item(item: Any, *, on: dt.date | None = None) -> Decision | tuple[ErrorDetail, ...]:
    """Structure an item ``{"subject", "assessment", "on"?}`` and decide its eligibility.

    Returns the decision, or the problems when the item is not valid.
    """
    if not isinstance(item, dict) or not isinstance(item.get("subject"), dict):
        return _err(
            (),
            "item.shape",
            'expected {"subject": {...}, "assessment": ...}',
            'seharusnya {"subject": {...}, "assessment": ...}',
        )
    subject_record = dict(item["subject"])
    kind = subject_record.pop("kind", None)
    cls = SUBJECT_KINDS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return _err(
            ("subject", "kind"),
            "union.unknown_tag",
            "unknown or missing subject kind",
            "jenis subjek tidak dikenal atau tidak ada",
        )
    when = on
    if "on" in item:
        # The item's own date meets the rules of every date inside a record.
        try:
            when = parse_date(item["on"], ("on",))
        except InvalidRecord as err:
            return err.errors
    if when is None:
        return _err(
            ("on",),
            "item.no_date",
            "the item has no date and none was given",
            "butir tidak bertanggal dan tidak ada tanggal yang diberikan",
        )
    try:
        subject = structure(subject_record, cls)
        raw = item.get("assessment")
        assessment = None if raw is None else structure(raw, Assessment)
    except InvalidRecord as err:
        return err.errors
    try:
        return assess_eligibility(subject, assessment, on=when)
    except NoInstrumentInForce as err:
        return _err(("on",), err.code, err.message_en, err.message_id)


def _errors_json(errors: tuple[ErrorDetail, ...], show_personal_data: bool) -> list[Any]:
    return [
        e.to_dict(include_input=show_personal_data, include_personal=show_personal_data)
        for e in errors
    ]


@_never_raises(_errors_result)
def assess_record(
    item: Any, *, on: dt.date | None = None, show_personal_data: bool = False
) -> dict[str, Any]:
    """Return ``{"ok": True, "decision": ...}`` or ``{"ok": False, "errors": [...]}``.

    The decision is redacted (no facts, no fact-bearing messages) unless
    ``show_personal_data`` is true.
    """
    result = decide_item(item, on=on)
    if isinstance(result, tuple):
        return {"ok": False, "errors": _errors_json(result, show_personal_data)}
    return {"ok": True, "decision": result.to_json(redact=not show_personal_data)}


@_never_raises(_errors_text)
def assess_record_json(
    item: Any,
    *,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
) -> str:
    """Return ``json.dumps(assess_record(item, ...), ensure_ascii=ensure_ascii)``, faster.

    The same text, character for character (a differential test holds them equal). A
    redacted decision's text is assembled from memoised pieces (see
    :meth:`atensi.rules.Decision.to_json_text`) instead of building and encoding about 3 kB
    of nested dictionaries per record; use it where the next step is writing JSON lines.

    >>> assess_record_json({"subject": {"kind": "community", "id": "K", "name": "Kampung"},
    ...                     "assessment": None}, on=None)[:30]
    '{"ok": false, "errors": [{"loc'
    """
    result = decide_item(item, on=on)
    if isinstance(result, tuple):
        data = {"ok": False, "errors": _errors_json(result, show_personal_data)}
        return json.dumps(data, ensure_ascii=ensure_ascii)
    decision = result.to_json_text(redact=not show_personal_data, ensure_ascii=ensure_ascii)
    return f'{{"ok": true, "decision": {decision}}}'


@_never_raises(_errors_result)
def validate_record(
    record: Any,
    cls: type[Any],
    *,
    show_personal_data: bool = False,
) -> dict[str, Any]:
    """Return ``{"ok": True}`` or ``{"ok": False, "errors": [...]}`` for one record."""
    try:
        structure(record, cls)
    except InvalidRecord as err:
        return {"ok": False, "errors": _errors_json(err.errors, show_personal_data)}
    return {"ok": True}
