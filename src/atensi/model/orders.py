"""Court orders: the records that place a person in rehabilitation by law, not by consent.

A :class:`CourtOrder` is one order (or one decision a court confirms) with its issuer, its
dates, the period it sets, its basis (the article it rests on, :class:`~atensi.vocab.
LegalBasisKind`) and what it orders (a placement at an LPKS, a return to the family):

* a juvenile court's measure, *perawatan di LPKS*, at most one year (UU 11/2012 Pasal 82 ayat
  (1) huruf d, ayat (2));
* the decision of investigator, community counsellor and professional social worker for a child
  **under twelve at the time of the offence**, confirmed by the court within three days: a
  programme at an LPKS of at most six months, extendable once by at most six (Pasal 21 ayat (1)
  huruf b, (2), (4));
* a judge's order that an addict undergo rehabilitation (UU 35/2009 Pasal 103 ayat (1)), or a
  placement while the case is tried (PP 25/2011 Pasal 13 ayat (3)-(5)).

The date of the offence is a fact of its own (``offence_on``): the age at the offence, not the
age today, decides which regime applies (Pasal 20, 21). An extension is an order of its own that
names the order it extends (``extends``). Decision numbers and offence dates are criminal-record
data (UU 27/2022) and never shown in a repr. What an order *means* for a case is a rule
(``atensi.rules.orders``): it replaces consent while it runs, it justifies the placement it
orders, a withdrawal does not end it, and it binds past the 18th birthday.

>>> import datetime as dt
>>> from atensi.model import CourtOrder
>>> from atensi.vocab import Approach, LegalBasisKind
>>> order = CourtOrder(id="O-1", kind=LegalBasisKind.SPPA_MEASURE, issued_on=dt.date(2024, 1, 3),
...                    months=8, placement=Approach.RESIDENTIAL)
>>> order.ends_on()
datetime.date(2024, 9, 3)
>>> order.runs_on(dt.date(2024, 9, 2)), order.runs_on(dt.date(2024, 9, 3))
(True, False)
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

import attrs

from atensi.law import Parameter, get_parameter, parameter_names
from atensi.model._fields import LIMITS, Entity, Sensitivity, field, order, record_id
from atensi.model.person import days_in_month
from atensi.vocab import AgencyKind, Approach, LegalBasisKind, cite

__all__ = ["CourtOrder", "order_limit_months"]

_SHORT = LIMITS["short_text"]


def _months_after(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months later, or the last day of a shorter month."""
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    if year > dt.MAXYEAR:
        return dt.date.max
    return dt.date(year, month, min(day.day, days_in_month(year, month)))


#: The law's limit of each kind of order (the dated parameters ``orders.<kind>.max_months``).
_MAX_MONTHS: dict[LegalBasisKind, Parameter] = {
    kind: get_parameter(name)
    for kind in LegalBasisKind
    if (name := f"orders.{kind.value}.max_months") in parameter_names()
}


def order_limit_months(kind: LegalBasisKind, on: dt.date) -> int | None:
    """The longest the law lets an order of ``kind`` starting on ``on`` run, in months.

    ``None`` where the law sets no limit (a narcotics order runs the period its judge sets).

    >>> order_limit_months(LegalBasisKind.SPPA_MEASURE, dt.date(2024, 1, 3))
    12
    >>> order_limit_months(LegalBasisKind.NARCOTICS_ORDER, dt.date(2024, 1, 3)) is None
    True
    """
    found = _MAX_MONTHS.get(kind)
    return None if found is None else found.on_date(on).number


@attrs.frozen(slots=True)
class CourtOrder(Entity):
    """A court's order, or a decision a court confirms, that places a person in rehabilitation."""

    id: str = record_id(personal=True)
    kind: LegalBasisKind = field(
        en="The basis: the kind of order and the article it rests on",
        id="Dasar: jenis putusan atau penetapan dan pasalnya",
    )
    issued_on: dt.date = field(
        en="Date the order or decision was made", id="Tanggal putusan, penetapan atau keputusan"
    )
    issued_by: AgencyKind | None = field(
        en="Who made it (court; investigator with Bapas and social worker ...)",
        id="Yang menetapkan (pengadilan; penyidik bersama Bapas dan pekerja sosial ...)",
        default=None,
    )
    confirmed_on: dt.date | None = field(
        en="Date a court confirmed it (penetapan), where the law asks for that",
        id="Tanggal penetapan pengadilan, bila undang-undang memintanya",
        default=None,
        citation=cite("uu-11-2012", "Pasal 21 ayat (2)"),
    )
    starts_on: dt.date | None = field(
        en="First day of the placement (the order's date when not recorded)",
        id="Hari pertama penempatan (tanggal putusan bila tidak dicatat)",
        default=None,
    )
    months: int | None = field(
        en="The period the order sets, in months",
        id="Jangka waktu yang ditetapkan, dalam bulan",
        default=None,
        minimum=1,
        maximum=120,
    )
    until: dt.date | None = field(
        en="The first day the order no longer runs, as it states (exclusive)",
        id="Hari pertama putusan tidak berlaku lagi, sebagaimana dinyatakan",
        default=None,
    )
    offence_on: dt.date | None = field(
        en="Date of the (alleged) offence: the age at the offence decides the regime",
        id="Tanggal tindak pidana (yang diduga): umur saat itu menentukan rezim",
        sensitivity=Sensitivity.CRIMINAL,
        default=None,
        citation=cite("uu-11-2012", "Pasal 20; Pasal 21 ayat (1)"),
    )
    placement: Approach | None = field(
        en="What it orders: residential care (at an LPKS, a panti), family or community",
        id="Yang diperintahkan: residensial (LPKS, panti), keluarga atau komunitas",
        default=None,
    )
    extends: str | None = field(
        en="The id of the order this one extends, if it is an extension",
        id="Pengenal putusan yang diperpanjang, bila ini perpanjangan",
        sensitivity=Sensitivity.IDENTIFIER,
        default=None,
        min_length=1,
        max_length=_SHORT,
        citation=cite("uu-11-2012", "Pasal 21 ayat (4)"),
    )
    reference: str | None = field(
        en="Number of the verdict, order or decision",
        id="Nomor putusan, penetapan atau keputusan",
        sensitivity=Sensitivity.CRIMINAL,
        default=None,
        max_length=_SHORT,
    )

    _invariants: ClassVar[Any] = (
        order("offence_on", "issued_on"),
        order("issued_on", "confirmed_on"),
        order("issued_on", "starts_on"),
        order("issued_on", "until"),
        order("starts_on", "until"),
    )

    @property
    def start(self) -> dt.date:
        """The first day it runs: ``starts_on``, or the order's date."""
        return self.starts_on if self.starts_on is not None else self.issued_on

    def ends_on(self) -> dt.date | None:
        """The first day it no longer runs: the earliest of its own end, its period and the law's.

        ``None`` when neither the order nor the law sets an end (a narcotics order that states
        no period).
        """
        ends = []
        if self.until is not None:
            ends.append(self.until)
        if self.months is not None:
            ends.append(_months_after(self.start, self.months))
        limit = order_limit_months(self.kind, self.start)
        if limit is not None:
            ends.append(_months_after(self.start, limit))
        return min(ends) if ends else None

    def runs_on(self, day: dt.date) -> bool:
        """Whether the order runs on ``day`` (from its start; until its end, exclusive)."""
        end = self.ends_on()
        return self.start <= day and (end is None or day < end)
