"""Entitlements cycle by cycle: what falls due, what stops it, and what was paid that was not due.

An :class:`~atensi.model.Entitlement` is periodic aid (YAPI: an orphan's monthly rate) granted to
the case's subject or one member. Its cycles start on ``starts_on`` and every
``frequency.months`` calendar months after (python-dateutil's ``rrule``; a cycle that starts on
the 31st starts on the last day of a shorter month). Whether a cycle is due is decided on its
**first day**, so a stop produces its finding on the first cycle that starts after it holds: a
child who turns 18 on 15 March is paid for the March cycle (started on the 1st, at 17) and not
for April's; a death on 20 May stops the June cycle, not May's, which had already begun.

The stop conditions, each a rule of kind ``entitlement``:

* ``aid.entitlement.term``: the cycle starts before the entitlement's own end (``until``); the
  record's own term (atensi's convention).
* ``aid.entitlement.age``: the holder is under the age limit on the cycle's first day: the
  entitlement's own ``age_under``, else its programme's, a dated parameter (YAPI:
  ``aid.yapi.age_under``, 18; secondary). An unknown or imprecise birth date that straddles the
  limit is ``unknown``, never "stopped".
* ``aid.entitlement.condition``: the condition the entitlement rests on (an orphan's, for YAPI)
  still holds: an assessment made by that day records it, and none records it ended (bansos
  ends when the recipient no longer meets its criteria: the accounting standards committee's
  bulletin, secondary). Not recorded is ``unknown``.
* ``aid.entitlement.death``: the holder has not died (the case terminated for death: the
  holder of a family's or group's entitlement is read as the subject when no member is named).
* ``aid.entitlement.case_open``: the case was not terminated for another reason.
* ``aid.entitlement.decree``: the decree that grants it (``Entitlement.decree``) is in force on
  the day and lists the PM; where it names none and the law defines the PM by a decree
  (``aid.decree_required``, Permensos 15/2025 Pasal 1 angka 7, from the ``ars-2025`` edition),
  some decree in force lists the PM. Decrees not given, or a named decree not among them, are
  ``unknown``: the answer aid gets on its date (:mod:`atensi.rules.decreed`).

None of these rules says "no": their sources are secondary or atensi's convention, so a stop is
``needs_review`` (the cycle is *stopped*, pending review) and what the record does not hold is
``unknown``. ``aid.entitlement.amount`` compares an entitlement's own amount with its
programme's rate for the cycle (a dated parameter, ``aid.yapi.monthly_rates_idr``).

The projection: :func:`entitlement_cycles` lists the cycles of one entitlement that start in a
period, each with its findings and what was paid for it; :func:`cycles_due` the cycles of every
entitlement of a case in a period that are not stopped; :func:`overpaid` what the case's
payments (its deliveries that name an entitlement, ``ServiceDelivery.entitlement``) paid for
stopped cycles, for days outside the entitlement's term, or above a cycle's amount. A payment
covers ``Funding.months`` months (one cycle when not recorded) from ``Funding.covers_from``, or,
when that is not recorded, the months that end with the payment's own month (paid in arrears).
:func:`check_entitlement` is the decision for the cycle running on a day.

Every function is pure and takes the dates as arguments.

>>> import datetime as dt, atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C-1", "unit": "SENTRA-01", "opened_on": "2023-01-02",
...     "subject": {"kind": "person", "id": "P-1", "name": "Sari", "nik": "3171010101100001",
...                 "birth_date": {"value": "2010-03-15"}},
...     "entitlements": [{"id": "E-1", "programme": "yapi", "channel": "bansos",
...                       "starts_on": "2028-01-01", "decree": "SK-1"}]}, Case)
>>> decree = atensi.structure({"id": "SK-1", "number": "12/2028", "issued_on": "2027-12-20",
...     "issued_by": "SENTRA-01", "valid_from": "2028-01-01",
...     "beneficiaries": [{"subject": "P-1"}]}, atensi.model.BeneficiaryDecree)
>>> for cycle in entitlement_cycles(case, case.entitlements[0], decrees=[decree],
...                                 start=dt.date(2028, 2, 1), end=dt.date(2028, 5, 1)):
...     print(cycle.starts_on, cycle.status.value, cycle.amount_idr, cycle.stopped_by)
2028-02-01 met 200000 ()
2028-03-01 met 200000 ()
2028-04-01 needs_review None ('aid.entitlement.age',)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import NamedTuple

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from atensi.errors import NoInstrumentInForce
from atensi.law import Edition, InForceDates, get_parameter, instrument_in_force
from atensi.model import (
    Assessment,
    BeneficiaryDecree,
    Case,
    Entitlement,
    Family,
    Group,
    Person,
    ServiceDelivery,
)
from atensi.rules.age import age_range
from atensi.rules.catalogue import rule
from atensi.rules.decision import Decision, Facts, Finding, Status, outcome_of
from atensi.rules.decreed import DecreeWords, decree_finding
from atensi.vocab import AidProgramme, Citation, Evidence, TerminationReason, cite

__all__ = [
    "Cycle",
    "Overpayment",
    "check_entitlement",
    "cycles_due",
    "entitlement_cycles",
    "overpaid",
]

_KIND = "entitlement"
_DAY = dt.timedelta(days=1)
#: The calendar's end less two years: no cycle is scheduled past it (arithmetic stays total).
_SCHEDULE_END = dt.date.max - dt.timedelta(days=731)

_CONVENTION = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="an entitlement runs within its own term and the case it belongs to",
)
_STOPS = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="ksap-bultek-10-bansos",
    note="bansos stops when the recipient is no longer at social risk or no longer meets "
    "the criteria",
)
#: The programmes' age limits and rates: dated parameters.
_AGE_UNDER = {AidProgramme.YAPI: get_parameter("aid.yapi.age_under")}
_RATES = {AidProgramme.YAPI: get_parameter("aid.yapi.monthly_rates_idr")}
_DECREE_REQUIRED = get_parameter("aid.decree_required")

R_TERM = rule(
    "aid.entitlement.term",
    _KIND,
    "the cycle starts within the entitlement's own term",
    "siklus dimulai dalam masa berlaku hak bantuan",
    _CONVENTION,
    ("entitlement.starts_on", "entitlement.until", "cycle.starts_on"),
)
R_AGE = rule(
    "aid.entitlement.age",
    _KIND,
    "the holder is under the entitlement's age limit on the cycle's first day",
    "pemegang hak berusia di bawah batas usia pada hari pertama siklus",
    (
        *(e.citation for p in _AGE_UNDER.values() for e in p.entries),
        _CONVENTION,
    ),
    (
        "entitlement.age_under",
        "entitlement.programme",
        "entitlement.member",
        "person.birth_date",
        "cycle.starts_on",
    ),
)
R_CONDITION = rule(
    "aid.entitlement.condition",
    _KIND,
    "the condition the entitlement rests on still holds on the cycle's first day",
    "kondisi yang menjadi dasar hak bantuan masih berlaku pada hari pertama siklus",
    _STOPS,
    ("entitlement.condition", "case.assessments", "condition.until", "cycle.starts_on"),
)
R_DEATH = rule(
    "aid.entitlement.death",
    _KIND,
    "the holder had not died before the cycle's first day",
    "pemegang hak belum meninggal dunia sebelum hari pertama siklus",
    _STOPS,
    ("case.termination.reason", "case.termination.on", "cycle.starts_on"),
)
R_CASE_OPEN = rule(
    "aid.entitlement.case_open",
    _KIND,
    "the case had not been terminated before the cycle's first day",
    "kasus belum diterminasi sebelum hari pertama siklus",
    _CONVENTION,
    ("case.termination.reason", "case.termination.on", "cycle.starts_on"),
)
R_DECREE = rule(
    "aid.entitlement.decree",
    _KIND,
    "a beneficiary decree in force on the cycle's first day grants the entitlement and lists "
    "the PM",
    "keputusan penetapan PM yang berlaku pada hari pertama siklus mendasari hak bantuan dan "
    "mencantumkan PM",
    (
        cite("permensos-15-2025", "Pasal 1 angka 7", Evidence.VERIFIED),
        *(entry.citation for entry in _DECREE_REQUIRED.entries),
    ),
    ("entitlement.decree", "portfolio.decrees", "case.subject", "cycle.starts_on", "edition"),
)
R_AMOUNT = rule(
    "aid.entitlement.amount",
    _KIND,
    "the amount per cycle is the programme's published rate for the cycle's months",
    "jumlah per siklus sama dengan tarif program untuk bulan-bulan siklus",
    tuple(e.citation for p in _RATES.values() for e in p.entries),
    ("entitlement.amount_idr", "entitlement.programme", "entitlement.frequency", "cycle.starts_on"),
)

#: The rules that stop a cycle, in the order a cycle's findings list them.
STOP_RULES = (R_TERM, R_AGE, R_CONDITION, R_DEATH, R_CASE_OPEN, R_DECREE)


class Cycle(NamedTuple):
    """One cycle of an entitlement.

    Attributes:
        entitlement: the entitlement's id (an identifier: personal data).
        number: the cycle's number, 0 for the one that starts on ``starts_on``.
        starts_on: its first day (the day it is decided on).
        ends_on: the first day of the next cycle (exclusive).
        status: ``met`` (due), ``needs_review`` (stopped: a stop condition holds) or
            ``unknown`` (whether it is due cannot be told from the record).
        stopped_by: the rule ids of the stop conditions that hold.
        amount_idr: what is due for it (``None``: stopped, or the amount is not known).
        paid_idr: what the case's payments paid for it.
        findings: the findings of the stop rules and of the amount, in rule order.
    """

    entitlement: str
    number: int
    starts_on: dt.date
    ends_on: dt.date
    status: Status
    stopped_by: tuple[str, ...]
    amount_idr: int | None
    paid_idr: int
    findings: tuple[Finding, ...]

    def __repr__(self) -> str:
        """No ids (personal data): the cycle's dates and status only."""
        return f"Cycle({self.starts_on.isoformat()}, {self.status.value})"


class Overpayment(NamedTuple):
    """A payment, or a share of one, for what was not due.

    Attributes:
        entitlement: the entitlement's id (an identifier: personal data).
        delivery: the id of the delivery that paid it.
        cycle_start: the first day of the cycle it paid for (``None``: a day outside every
            cycle of the entitlement's term).
        amount_idr: the amount paid that was not due (``None``: the payment records no amount).
        rule_ids: the rules that found it (the stops, ``aid.entitlement.term``, or
            ``aid.entitlement.amount`` for a share above the cycle's amount).
        status: ``needs_review`` (the rules are secondary or convention: never a refusal).
    """

    entitlement: str
    delivery: str
    cycle_start: dt.date | None
    amount_idr: int | None
    rule_ids: tuple[str, ...]
    status: Status

    def __repr__(self) -> str:
        """No ids (personal data)."""
        start = "-" if self.cycle_start is None else self.cycle_start.isoformat()
        return f"Overpayment({start}, {self.amount_idr}, {','.join(self.rule_ids)})"


# --- The schedule --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1 << 10)
def _starts(first: dt.date, months: int, end: dt.date) -> tuple[dt.date, ...]:
    """The first days of the cycles from ``first`` every ``months`` months, before ``end``."""
    if end <= first:
        return ()
    if end > _SCHEDULE_END:  # the schedule stops short of the calendar's end (total)
        end = _SCHEDULE_END
        if end <= first:
            return ()
    day = first.day
    # The cycle day, or the month's last day when the month is shorter (31 -> 30 April).
    by_day = day if day <= 28 else (day, -1)
    rule_ = rrule(
        MONTHLY,
        interval=months,
        dtstart=dt.datetime.combine(first, dt.time()),
        until=dt.datetime.combine(end - _DAY, dt.time()),
        bymonthday=by_day,
        bysetpos=None if day <= 28 else 1,
    )
    return tuple(when.date() for when in rule_)


def _plus_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months, held at the calendar's ends (total)."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return dt.date.max if months > 0 else dt.date.min


def _past_until(entitlement: Entitlement) -> dt.date:
    """A year past the entitlement's end: the cycles after it are listed (stopped)."""
    if entitlement.until is None:  # pragma: no cover - callers check
        return dt.date.max
    return _plus_months(entitlement.until, 12)


# --- The stop conditions -------------------------------------------------------------------------


def _holder(case: Case, entitlement: Entitlement) -> Person | None:
    """The person who holds the entitlement: the subject, or the member it names."""
    subject = case.subject
    if isinstance(subject, Person):
        return subject
    if isinstance(subject, (Family, Group)) and entitlement.member is not None:
        return next((m for m in subject.members if m.id == entitlement.member), None)
    return None


def _term(entitlement: Entitlement, day: dt.date) -> Finding:
    facts: Facts = (("starts_on", entitlement.starts_on.isoformat()), ("on", day.isoformat()))
    if entitlement.until is not None and day >= entitlement.until:
        return R_TERM.finding(
            Status.NEEDS_REVIEW,
            "the cycle starts after the entitlement's own end",
            "siklus dimulai setelah masa berlaku hak bantuan berakhir",
            (*facts, ("until", entitlement.until.isoformat())),
        )
    return R_TERM.finding(
        Status.MET,
        "the cycle starts within the entitlement's term",
        "siklus dimulai dalam masa berlaku hak bantuan",
        facts,
    )


def _age_limit(entitlement: Entitlement, day: dt.date) -> tuple[int | None, Citation | None]:
    if entitlement.age_under is not None:
        return entitlement.age_under, _CONVENTION
    if entitlement.programme is None:
        return None, None
    limit = _AGE_UNDER[entitlement.programme].on_date(day)
    return limit.number, limit.citation


def _age(case: Case, entitlement: Entitlement, day: dt.date) -> Finding:
    limit, citation = _age_limit(entitlement, day)
    if limit is None:
        return R_AGE.finding(
            Status.NOT_APPLICABLE,
            "the entitlement has no age limit",
            "hak bantuan tidak memiliki batas usia",
            citation=citation,
        )
    facts: Facts = (("age_under", limit), ("on", day.isoformat()))
    holder = _holder(case, entitlement)
    if holder is None or holder.birth_date is None:
        return R_AGE.finding(
            Status.UNKNOWN,
            "the holder's birth date is not recorded",
            "tanggal lahir pemegang hak tidak dicatat",
            facts,
            citation=citation,
        )
    youngest, oldest = age_range(holder.birth_date, day)
    facts = (*facts, ("age_min", youngest), ("age_max", oldest))
    if youngest >= limit:
        return R_AGE.finding(
            Status.NEEDS_REVIEW,
            f"the holder is {limit} or older on the cycle's first day",
            f"pemegang hak berusia {limit} tahun atau lebih pada hari pertama siklus",
            facts,
            citation=citation,
        )
    if oldest >= limit:
        return R_AGE.finding(
            Status.UNKNOWN,
            f"the birth date is too imprecise to tell whether the holder is under {limit}",
            f"tanggal lahir terlalu kabur untuk menentukan usia di bawah {limit} tahun",
            facts,
            citation=citation,
        )
    return R_AGE.finding(
        Status.MET,
        f"the holder is under {limit} on the cycle's first day",
        f"pemegang hak berusia di bawah {limit} tahun pada hari pertama siklus",
        facts,
        citation=citation,
    )


def _condition(case: Case, entitlement: Entitlement, day: dt.date) -> Finding:
    group = entitlement.condition
    if group is None:
        return R_CONDITION.finding(
            Status.NOT_APPLICABLE,
            "the entitlement names no condition it rests on",
            "hak bantuan tidak menyebut kondisi yang menjadi dasarnya",
        )
    facts: Facts = (("condition", group.value), ("on", day.isoformat()))
    past: list[Assessment] = [a for a in case.assessments if a.assessed_on <= day]
    recorded = [c for a in past for c in a.conditions if c.group is group]
    if any(c.until is not None and c.until <= day for c in recorded):
        return R_CONDITION.finding(
            Status.NEEDS_REVIEW,
            "an assessment records that the condition ended before the cycle's first day",
            "asesmen mencatat kondisi berakhir sebelum hari pertama siklus",
            facts,
        )
    if any(c.since is None or c.since <= day for c in recorded):
        return R_CONDITION.finding(
            Status.MET,
            "the condition is recorded and not ended on the cycle's first day",
            "kondisi tercatat dan belum berakhir pada hari pertama siklus",
            facts,
        )
    return R_CONDITION.finding(
        Status.UNKNOWN,
        "no assessment made by the cycle's first day records the condition",
        "tidak ada asesmen sampai hari pertama siklus yang mencatat kondisi itu",
        facts,
    )


def _ended(case: Case, day: dt.date) -> tuple[Finding, Finding]:
    """The death and termination findings for a cycle that starts on ``day``."""
    end = case.termination
    facts: Facts = (("on", day.isoformat()),)
    alive = R_DEATH.finding(
        Status.MET,
        "no death is recorded before the cycle's first day",
        "tidak tercatat meninggal dunia sebelum hari pertama siklus",
        facts,
    )
    open_ = R_CASE_OPEN.finding(
        Status.MET,
        "the case was not terminated before the cycle's first day",
        "kasus belum diterminasi sebelum hari pertama siklus",
        facts,
    )
    if end is None or end.on >= day:
        return alive, open_
    facts = (*facts, ("terminated_on", end.on.isoformat()))
    if end.reason is TerminationReason.DEATH:
        dead = R_DEATH.finding(
            Status.NEEDS_REVIEW,
            "the holder died before the cycle's first day",
            "pemegang hak meninggal dunia sebelum hari pertama siklus",
            facts,
        )
        closed = R_CASE_OPEN.finding(
            Status.NOT_APPLICABLE,
            "the case closed at the holder's death",
            "kasus ditutup karena pemegang hak meninggal dunia",
            facts,
        )
        return dead, closed
    closed = R_CASE_OPEN.finding(
        Status.NEEDS_REVIEW,
        "the case was terminated before the cycle's first day",
        "kasus diterminasi sebelum hari pertama siklus",
        facts,
    )
    return alive, closed


def _pm_ids(case: Case, entitlement: Entitlement) -> frozenset[str]:
    ids = {case.subject.id}
    if entitlement.member is not None:
        ids.add(entitlement.member)
    return frozenset(ids)


_DECREE_WORDS = DecreeWords(
    "the entitlement", "hak bantuan", "the cycle's first day", "hari pertama siklus"
)


def _decree(
    case: Case,
    entitlement: Entitlement,
    day: dt.date,
    decrees: tuple[BeneficiaryDecree, ...] | None,
    edition: Edition | None,
) -> Finding:
    if edition is None:  # a cycle before the first rule set: no instrument asks for a decree
        asked = False
        citation: Citation | None = _DECREE_REQUIRED.entries[0].citation
    else:
        required = _DECREE_REQUIRED.at(day, edition)
        asked = required.flag
        # Cite the definition only on the days it is in force (before it, atensi's convention).
        citation = None if asked else required.citation
    return decree_finding(
        R_DECREE,
        _DECREE_WORDS,
        named=entitlement.decree,
        decrees=decrees,
        ids=_pm_ids(case, entitlement),
        case=case.id,
        day=day,
        asked=asked,
        citation=citation,
    )


def _rupiah(amount: int) -> str:
    return f"Rp{amount:,}"


def _amount(entitlement: Entitlement, day: dt.date) -> tuple[int | None, Finding]:
    """What one cycle is worth, with the finding on the entitlement's own amount."""
    own, months = entitlement.amount_idr, entitlement.frequency.months
    facts: Facts = (("amount_idr", own), ("months", months), ("on", day.isoformat()))
    if entitlement.programme is None:
        if own is None:
            return None, R_AMOUNT.finding(
                Status.UNKNOWN,
                "no amount and no programme with a published rate",
                "tidak ada jumlah dan tidak ada program dengan tarif yang diumumkan",
                facts,
            )
        return own, R_AMOUNT.finding(
            Status.NOT_APPLICABLE,
            "no programme with a published rate: the entitlement's own amount",
            "tidak ada program dengan tarif yang diumumkan: jumlah hak bantuan sendiri",
            facts,
        )
    rates = _RATES[entitlement.programme].on_date(day)
    per_cycle = sorted(rate * months for rate in rates.numbers)
    shown = " or ".join(_rupiah(r) for r in per_cycle)
    if own is None:
        if len(per_cycle) == 1:
            return per_cycle[0], R_AMOUNT.finding(
                Status.MET,
                f"the published rate: {shown} a cycle",
                f"tarif yang diumumkan: {shown} per siklus",
                facts,
                citation=rates.citation,
            )
        return None, R_AMOUNT.finding(
            Status.UNKNOWN,
            f"several published rates ({shown}) and no amount recorded",
            f"beberapa tarif yang diumumkan ({shown}) dan jumlah tidak dicatat",
            facts,
            citation=rates.citation,
        )
    if own in per_cycle:
        return own, R_AMOUNT.finding(
            Status.MET,
            f"{_rupiah(own)} a cycle is the published rate",
            f"{_rupiah(own)} per siklus sesuai tarif yang diumumkan",
            facts,
            citation=rates.citation,
        )
    return own, R_AMOUNT.finding(
        Status.NEEDS_REVIEW,
        f"{_rupiah(own)} a cycle is not the published rate of {shown}",
        f"{_rupiah(own)} per siklus bukan tarif {shown} yang diumumkan",
        facts,
        citation=rates.citation,
    )


def _cycle_findings(
    case: Case,
    entitlement: Entitlement,
    day: dt.date,
    decrees: tuple[BeneficiaryDecree, ...] | None,
    edition: Edition | None,
) -> tuple[Status, tuple[str, ...], int | None, tuple[Finding, ...]]:
    death, open_ = _ended(case, day)
    stops = (
        _term(entitlement, day),
        _age(case, entitlement, day),
        _condition(case, entitlement, day),
        death,
        open_,
        _decree(case, entitlement, day, decrees, edition),
    )
    amount, amount_finding = _amount(entitlement, day)
    stopped = tuple(f.rule_id for f in stops if f.status is Status.NEEDS_REVIEW)
    if stopped:
        status, amount = Status.NEEDS_REVIEW, None
    elif any(f.status is Status.UNKNOWN for f in stops):
        status = Status.UNKNOWN
    else:
        status = Status.MET
    return status, stopped, amount, (*stops, amount_finding)


# --- Payments ------------------------------------------------------------------------------------


def _payments(case: Case, entitlement: Entitlement) -> list[ServiceDelivery]:
    return [d for d in case.deliveries if d.entitlement == entitlement.id]


def _window(entitlement: Entitlement, payment: ServiceDelivery) -> tuple[dt.date, dt.date]:
    """The days a payment covers: ``[first, end)``."""
    funding = payment.funding
    months = entitlement.frequency.months
    first: dt.date | None = None
    if funding is not None:
        months = funding.months or months
        first = funding.covers_from
    if first is None:  # in arrears: the months that end with the payment's own month
        first = _plus_months(payment.start.replace(day=1), 1 - months)
    return first, _plus_months(first, months)


def _shares(amount: int | None, count: int) -> list[int | None]:
    """An amount split evenly over ``count`` cycles (the remainder on the first)."""
    if amount is None:
        return [None] * count
    share, rest = divmod(amount, count)
    return [share + (rest if i == 0 else 0) for i in range(count)]


def _paid_by_cycle(
    case: Case, entitlement: Entitlement
) -> tuple[dict[dt.date, list[tuple[ServiceDelivery, int | None]]], list[ServiceDelivery]]:
    """Each cycle's payments with their shares; and the payments that cover no cycle."""
    by_cycle: dict[dt.date, list[tuple[ServiceDelivery, int | None]]] = {}
    outside: list[ServiceDelivery] = []
    for payment in _payments(case, entitlement):
        first, end = _window(entitlement, payment)
        starts = [
            d
            for d in _starts(entitlement.starts_on, entitlement.frequency.months, end)
            if d >= first
        ]
        if not starts:
            outside.append(payment)
            continue
        for start, share in zip(starts, _shares(payment.amount_idr, len(starts)), strict=True):
            by_cycle.setdefault(start, []).append((payment, share))
    return by_cycle, outside


# --- The public functions ------------------------------------------------------------------------


def _edition_on(
    day: dt.date, edition: str | Edition | None, in_force_dates: InForceDates | None
) -> Edition | None:
    """The edition of a cycle's first day (``None`` before PP 39/2012: no rule set yet)."""
    try:
        return instrument_in_force(day, edition=edition, in_force_dates=in_force_dates)
    except NoInstrumentInForce:
        return None


def entitlement_cycles(
    case: Case,
    entitlement: Entitlement,
    *,
    start: dt.date,
    end: dt.date,
    decrees: Iterable[BeneficiaryDecree] | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> tuple[Cycle, ...]:
    """The cycles of ``entitlement`` that start in ``[start, end)``, each decided on its first day.

    Cycles past the entitlement's own end are listed for a year after it (stopped by
    ``aid.entitlement.term``), so that a payment for them shows.

    Args:
        case: the case that holds the entitlement.
        entitlement: one of ``case.entitlements``.
        start: the period's first day.
        end: the first day after the period.
        decrees: the beneficiary decrees (``Portfolio.decrees``); ``None``: not given.
        edition: pin an edition, as for every rule (else the one in force on each cycle's first
            day).
        in_force_dates: replace atensi's unverified in-force dates.
    """
    given = None if decrees is None else tuple(decrees)
    paid, _ = _paid_by_cycle(case, entitlement)
    out = []
    months = entitlement.frequency.months
    all_starts = _starts(
        entitlement.starts_on,
        months,
        end if entitlement.until is None else min(end, _past_until(entitlement)),
    )
    for index, day in enumerate(all_starts):  # ``index``: the cycle's number
        if day < start:
            continue
        current = _edition_on(day, edition, in_force_dates)
        status, stopped, amount, findings = _cycle_findings(case, entitlement, day, given, current)
        out.append(
            Cycle(
                entitlement.id,
                index,
                day,
                # The next cycle's first day, on the entitlement's own day of the month (31
                # January, then 28 February, then 31 March), as the schedule has it.
                _plus_months(entitlement.starts_on, (index + 1) * months),
                status,
                stopped,
                amount,
                sum(share or 0 for _, share in paid.get(day, ())),
                findings,
            )
        )
    return tuple(out)


def cycles_due(
    case: Case,
    *,
    start: dt.date,
    end: dt.date,
    decrees: Iterable[BeneficiaryDecree] | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> tuple[Cycle, ...]:
    """What is due in ``[start, end)``: the cycles of every entitlement of ``case`` not stopped.

    A cycle listed is due (``met``) or not decidable from the record (``unknown``); by date.
    """
    given = None if decrees is None else tuple(decrees)
    found = [
        cycle
        for entitlement in case.entitlements
        for cycle in entitlement_cycles(
            case,
            entitlement,
            start=start,
            end=end,
            decrees=given,
            edition=edition,
            in_force_dates=in_force_dates,
        )
        if cycle.status is not Status.NEEDS_REVIEW
    ]
    return tuple(sorted(found, key=lambda c: (c.starts_on, c.entitlement)))


def overpaid(
    case: Case,
    *,
    on: dt.date,
    decrees: Iterable[BeneficiaryDecree] | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> tuple[Overpayment, ...]:
    """What the case's payments made by ``on`` paid that was not due.

    A share of a payment is overpaid when it paid for a stopped cycle, for days outside the
    entitlement's cycles (before its start), or above a due cycle's known amount. A cycle whose
    due status is ``unknown`` is never counted as overpaid.
    """
    given = None if decrees is None else tuple(decrees)
    out: list[Overpayment] = []
    for entitlement in case.entitlements:
        paid, outside = _paid_by_cycle(case, entitlement)
        out.extend(
            Overpayment(
                entitlement.id,
                payment.id,
                None,
                payment.amount_idr,
                (R_TERM.id,),
                Status.NEEDS_REVIEW,
            )
            for payment in outside
            if payment.start <= on
        )
        if not paid:
            continue
        last = max(paid) + _DAY
        cycles = entitlement_cycles(
            case,
            entitlement,
            start=min(paid),
            end=last,
            decrees=given,
            edition=edition,
            in_force_dates=in_force_dates,
        )
        listed = {cycle.starts_on for cycle in cycles}
        # Cycles more than a year past the entitlement's end are not listed: what paid them
        # paid for days outside its term.
        out.extend(
            Overpayment(entitlement.id, p.id, start, s, (R_TERM.id,), Status.NEEDS_REVIEW)
            for start, shares in paid.items()
            if start not in listed
            for p, s in shares
            if p.start <= on
        )
        for cycle in cycles:
            shares = [(p, s) for p, s in paid.get(cycle.starts_on, ()) if p.start <= on]
            if cycle.status is Status.NEEDS_REVIEW:
                out.extend(
                    Overpayment(
                        entitlement.id,
                        p.id,
                        cycle.starts_on,
                        s,
                        cycle.stopped_by,
                        Status.NEEDS_REVIEW,
                    )
                    for p, s in shares
                )
                continue
            if cycle.status is not Status.MET or cycle.amount_idr is None:
                continue
            due = cycle.amount_idr
            for payment, share in shares:
                if share is None:
                    continue
                excess = share - due if share > due else 0
                due = max(0, due - share)
                if excess:
                    out.append(
                        Overpayment(
                            entitlement.id,
                            payment.id,
                            cycle.starts_on,
                            excess,
                            (R_AMOUNT.id,),
                            Status.NEEDS_REVIEW,
                        )
                    )
    return tuple(sorted(out, key=lambda o: (o.cycle_start or dt.date.min, o.delivery)))


def check_entitlement(
    case: Case,
    entitlement: Entitlement,
    *,
    on: dt.date,
    decrees: Iterable[BeneficiaryDecree] | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether the cycle running on ``on`` is due, as an explained decision (kind ``entitlement``).

    The cycle running on ``on`` is the last one that started by then; before the first cycle,
    the first. Its findings are those of :func:`entitlement_cycles`; the outcome is
    ``eligible`` (due), ``needs_review`` (a stop holds, or the amount is not the published
    rate) or ``undetermined`` (the record cannot tell) — never ``not_eligible``.
    """
    months = entitlement.frequency.months
    started = _starts(entitlement.starts_on, months, min(on, _SCHEDULE_END) + _DAY)
    day = started[-1] if started else entitlement.starts_on
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    given = None if decrees is None else tuple(decrees)
    cycle_edition = _edition_on(day, edition, in_force_dates)
    _, _, _, findings = _cycle_findings(case, entitlement, day, given, cycle_edition)
    return Decision(_KIND, outcome_of(findings), on, current.id, current.instrument_ids, findings)
