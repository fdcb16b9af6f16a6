"""The records behind a number: every cell of the totals traces back to its deliveries.

:func:`trace` reads the records again (a second pass: nothing was kept the first time, so memory
stays flat) and yields, for one cell, each delivery that put a PM in it: where it is in the input
(the record's position, and the path inside the record), and its ids, **redacted by default**:

* by default, only positions (``record`` and ``path``): no id, so nothing personal. The owner of
  the data finds the records with them; nobody else learns anything;
* with ``pseudonym_key``, the keyed pseudonyms :func:`atensi.redact` gives the same case and
  delivery (``Case.id``, ``ServiceDelivery.id``): an analyst holding a redacted copy made with
  the same key can join on them;
* with ``show_personal_data=True``, the ids as recorded (often a NIK).

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> from atensi.reports import Totals, parse_period, trace
>>> case = atensi.structure({"id": "3171014103900001", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "community", "id": "K-1", "name": "Kampung"},
...     "deliveries": [{"id": "D-1", "component": "terapi", "approach": "komunitas",
...                     "provider": "S-1", "start": "2024-02-01"}]}, Case)
>>> totals = Totals(parse_period("2024")).add_all([case])
>>> list(trace(totals, {"approach": "komunitas"}, [case]))
[TraceRow(record=0, path='deliveries[0]', case_id=None, delivery_id=None)]
>>> next(trace(totals, {"approach": "komunitas"}, [case], show_personal_data=True)).case_id
'3171014103900001'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import NamedTuple

from atensi.model import Case, Portfolio
from atensi.privacy import redact
from atensi.reports.totals import Totals

__all__ = ["TraceRow", "trace"]


class TraceRow(NamedTuple):
    """One delivery behind a cell.

    Attributes:
        record: the position of the record in the input (0 for the first).
        path: where the delivery is inside that record (``cases[3].deliveries[1]``).
        case_id: the case's id: ``None`` (redacted), a pseudonym, or as recorded.
        delivery_id: the delivery's id, likewise.
    """

    record: int
    path: str
    case_id: str | None
    delivery_id: str | None


def _cases(record: Case | Portfolio) -> Iterator[tuple[str, Case]]:
    if isinstance(record, Portfolio):
        for index, case in enumerate(record.cases):
            yield f"cases[{index}].", case
    else:
        yield "", record


def trace(
    totals: Totals,
    cell: Mapping[str, str | None],
    records: Iterable[Case | Portfolio | None],
    *,
    pseudonym_key: bytes | None = None,
    show_personal_data: bool = False,
) -> Iterator[TraceRow]:
    """The deliveries behind one cell of ``totals``, reading ``records`` again.

    Args:
        totals: the totals the cell is from (its parameters decide what falls where).
        cell: the cell, by axis (any axes the totals can roll up to: ``{"target": "anak",
            "period": "2024"}``); ``None`` for "not recorded".
        records: the same records, in the same order, as were counted (``None`` for one that
            could not be read: it keeps the positions of the others).
        pseudonym_key: give keyed pseudonyms instead of nothing (see the module's text).
        show_personal_data: give the ids as recorded.
    """
    axes = tuple(cell)
    wanted = tuple(cell[a] for a in axes)
    project = totals.projector(axes)
    for position, record in enumerate(records):
        if record is None:
            continue
        for prefix, case in _cases(record):
            hits: dict[str, None] = {}
            for stored, _key, delivery in totals.contributions(case):
                if project(stored) == wanted:
                    hits.setdefault(delivery.id)
            if not hits:
                continue
            ids = _ids(case, pseudonym_key, show_personal_data)
            for index, delivery in enumerate(case.deliveries):
                if delivery.id in hits:
                    case_id, delivery_ids = ids
                    yield TraceRow(
                        position,
                        f"{prefix}deliveries[{index}]",
                        case_id,
                        None if delivery_ids is None else delivery_ids[index],
                    )


def _ids(case: Case, key: bytes | None, show: bool) -> tuple[str | None, list[str | None] | None]:
    if show:
        return case.id, [d.id for d in case.deliveries]
    if key is None:
        return None, None
    copy = redact(case, pseudonym_key=key)
    return copy.get("id"), [d.get("id") for d in copy.get("deliveries", [])]
