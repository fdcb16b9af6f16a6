"""One record in, one JSON-ready result out: the unit of work of batch and distributed runs.

The command line and the Dask recipe (``docs/scale-out.md``) both run these functions, so a
national registry split across a cluster gets exactly the results of a single process. They
are pure: no files, no clock (an item without its own date needs ``on``).

>>> result = assess_record({"subject": {"kind": "community", "id": "K", "name": "Kampung"},
...                         "assessment": None}, on=None)
>>> result["ok"], result["errors"][0]["code"]
(False, 'item.no_date')
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from atensi.boundary import structure
from atensi.errors import ErrorDetail, InvalidRecord, NoInstrumentInForce
from atensi.law import FLOOR_FROM, instrument_in_force
from atensi.model import SUBJECT_KINDS, Assessment
from atensi.model.subjects import Subject
from atensi.rules import Decision, EditionComparison, assess_eligibility, compare_editions

__all__ = [
    "Law",
    "assess_record",
    "assess_record_json",
    "compare_item",
    "compare_record_json",
    "decide_item",
    "validate_record",
]


def _err(loc: tuple[str, ...], code: str, en: str, id_: str) -> tuple[ErrorDetail, ...]:
    return (ErrorDetail(loc, code, en, id_),)


class Law(NamedTuple):
    """How every record of a run resolves its edition: a pin and in-force dates, or neither.

    One value passed to every record, so a run (one process, ``--jobs N``, or a Dask cluster)
    decides every record under the same rules (see :func:`atensi.law.instrument_in_force`).
    """

    edition: str | None = None
    in_force_dates: tuple[tuple[str, dt.date], ...] = ()

    def overrides(self) -> dict[str, dt.date] | None:
        """The in-force dates as the resolver takes them (None when there are none)."""
        return dict(self.in_force_dates) if self.in_force_dates else None

    def check(self) -> None:
        """Raise :class:`atensi.AtensiError` if the pin or a date override is unknown."""
        instrument_in_force(FLOOR_FROM, edition=self.edition, in_force_dates=self.overrides())


_NO_PIN = Law()
_T = TypeVar("_T")


class _Inputs(NamedTuple):
    subject: Subject
    assessment: Assessment | None
    on: dt.date


def _item_inputs(item: Any, on: dt.date | None) -> _Inputs | tuple[ErrorDetail, ...]:
    """Structure an item ``{"subject", "assessment", "on"?}``: its parts, or its problems."""
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
        try:
            when = dt.date.fromisoformat(item["on"]) if isinstance(item["on"], str) else None
        except ValueError:
            when = None
        if when is None:
            return _err(
                ("on",), "date.invalid", "not a date (YYYY-MM-DD)", "bukan tanggal (YYYY-MM-DD)"
            )
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
    return _Inputs(subject, assessment, when)


def _on_item(
    item: Any, on: dt.date | None, decide: Callable[[_Inputs], _T]
) -> _T | tuple[ErrorDetail, ...]:
    """Structure the item, then ``decide`` on it; a date before PP 39/2012 is its problem."""
    inputs = _item_inputs(item, on)
    if not isinstance(inputs, _Inputs):
        return inputs
    try:
        return decide(inputs)
    except NoInstrumentInForce as err:
        return _err(("on",), err.code, err.message_en, err.message_id)


def decide_item(
    item: Any, *, on: dt.date | None = None, law: Law = _NO_PIN
) -> Decision | tuple[ErrorDetail, ...]:
    """Structure an item ``{"subject", "assessment", "on"?}`` and decide its eligibility.

    Returns the decision, or the problems when the item is not valid (a date before PP 39/2012
    is the item's problem). A wrong ``law`` pin or override is the caller's: it raises
    :class:`atensi.AtensiError`.
    """
    return _on_item(
        item,
        on,
        lambda i: assess_eligibility(
            i.subject,
            i.assessment,
            on=i.on,
            edition=law.edition,
            in_force_dates=law.overrides(),
        ),
    )


def compare_item(
    item: Any,
    *,
    editions: tuple[str, ...],
    on: dt.date | None = None,
    law: Law = _NO_PIN,
) -> EditionComparison | tuple[ErrorDetail, ...]:
    """Structure an item and decide it under each of ``editions`` (see ``compare_editions``)."""
    return _on_item(
        item,
        on,
        lambda i: compare_editions(
            i.subject, i.assessment, on=i.on, editions=editions, in_force_dates=law.overrides()
        ),
    )


def _errors_json(errors: tuple[ErrorDetail, ...], show_personal_data: bool) -> list[Any]:
    return [
        e.to_dict(include_input=show_personal_data, include_personal=show_personal_data)
        for e in errors
    ]


def assess_record(
    item: Any,
    *,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    law: Law = _NO_PIN,
) -> dict[str, Any]:
    """Return ``{"ok": True, "decision": ...}`` or ``{"ok": False, "errors": [...]}``.

    The decision is redacted (no facts, no fact-bearing messages) unless
    ``show_personal_data`` is true; ``law`` pins the edition or replaces in-force dates.
    """
    result = decide_item(item, on=on, law=law)
    if isinstance(result, tuple):
        return {"ok": False, "errors": _errors_json(result, show_personal_data)}
    return {"ok": True, "decision": result.to_json(redact=not show_personal_data)}


def assess_record_json(
    item: Any,
    *,
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
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
    result = decide_item(item, on=on, law=law)
    if isinstance(result, tuple):
        data = {"ok": False, "errors": _errors_json(result, show_personal_data)}
        return json.dumps(data, ensure_ascii=ensure_ascii)
    decision = result.to_json_text(redact=not show_personal_data, ensure_ascii=ensure_ascii)
    return f'{{"ok": true, "decision": {decision}}}'


def compare_record_json(
    item: Any,
    *,
    editions: tuple[str, ...],
    on: dt.date | None = None,
    show_personal_data: bool = False,
    ensure_ascii: bool = False,
    law: Law = _NO_PIN,
) -> str:
    """``{"ok": true, "comparison": ...}`` for one item decided under each of ``editions``.

    The comparison's decisions are redacted unless ``show_personal_data`` is true; its
    differences name targets, editions, outcomes and rule ids only.
    """
    result = compare_item(item, editions=editions, on=on, law=law)
    if isinstance(result, EditionComparison):
        data: dict[str, Any] = {
            "ok": True,
            "comparison": result.to_json(redact=not show_personal_data),
        }
    else:
        data = {"ok": False, "errors": _errors_json(result, show_personal_data)}
    return json.dumps(data, ensure_ascii=ensure_ascii)


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
