"""Assistance and budget: money by budget year, channel, target, province and unit, and checks.

:class:`Budget` reads the deliveries that start in the period (and aid handed over under
partnerships in it) and keeps, per cell, the rupiah paid (cash plus the recorded value of items
in kind), how many aids, how many had an amount at all, and how many items in kind had no value:
missing amounts are counted as missing, never added as 0. Every aid is checked with
:func:`atensi.rules.check_funding` (or :func:`~atensi.rules.check_partner_aid`), and the
findings are counted by rule and status.

**Each aid lies in exactly one cell**, so the money re-aggregates exactly by sums (unlike
distinct PM): its budget year as recorded (``None`` when not), its channel, the *primary* target
of the PM on the aid's day (the first in :data:`atensi.rules.PRIMARY_ORDER` among its groups:
atensi's convention, as eligibility suggests one), the province where the PM lives (for a family
or group, where most members live, the lowest code on a tie: convention), and the case's unit.
Aid under a partnership has the partnership's unit, and no target or province.

>>> import atensi
>>> from atensi.model import Case
>>> from atensi.reports import Budget, parse_period
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "person", "id": "P-1", "nik": {"reason": "belum_terdaftar"},
...                 "name": "Ani", "domicile": "317101",
...                 "conditions": [{"group": "anak_yatim_piatu"}]},
...     "deliveries": [{"id": "D-1", "component": "bantuan_asistensi_sosial",
...         "approach": "keluarga", "provider": "S-1", "start": "2024-03-01",
...         "amount_idr": 600000, "funding": {"channel": "bansos", "budget_year": 2024,
...         "programme": "yapi", "months": 3}}]}, Case)
>>> budget = Budget(parse_period("2024"))
>>> _ = budget.add(case)
>>> budget.rows(("channel", "target"))
((('bansos', 'anak'), (600000, 1, 1, 0)),)
>>> budget.findings[("aid.yapi.rate", "met")]
1
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import (
    BeneficiaryDecree,
    Case,
    Family,
    Funding,
    Group,
    InKindItem,
    Partnership,
    Period,
    ServiceDelivery,
)
from atensi.reports import _window
from atensi.reports.errors import ReportError
from atensi.reports.periods import edition_for
from atensi.reports.render import csv_text, sort_key
from atensi.rules.decision import Decision, Finding, Status
from atensi.rules.eligibility import PRIMARY_ORDER
from atensi.rules.funding import Ceiling, check_funding, check_partner_aid, funding_findings

__all__ = ["BUDGET_AXES", "Budget"]

#: The axes of a budget cell.
BUDGET_AXES: tuple[str, ...] = ("budget_year", "channel", "target", "province", "unit")
#: The columns of a budget cell: rupiah, aids, aids with an amount, items without a value.
BUDGET_COLUMNS: tuple[str, ...] = (
    "amount_idr",
    "aids",
    "aids_with_amount",
    "items_without_value",
)
_RANK = {t.value: i for i, t in enumerate(PRIMARY_ORDER)}
# ``member.value`` is a property call; a mapping is cheaper for every finding counted.
_STATUS = {status: status.value for status in Status}

Cell = tuple[str | None, ...]


def _primary_target(case: Case, day: dt.date) -> str | None:
    subject = _window.pms(case, False)[0]
    targets = {g.target.value for g in _window.groups(case, subject, day) if g is not None}
    return min(targets, key=_RANK.__getitem__) if targets else None


def _province(case: Case) -> str | None:
    subject = case.subject
    if isinstance(subject, Family | Group):
        codes = Counter(
            m.domicile.replace(".", "")[:2]
            for m in subject.members
            if m.domicile and m.domicile.replace(".", "")[:2].isdigit()
        )
        if not codes:
            return None
        most = max(codes.values())
        return min(code for code, n in codes.items() if n == most)
    code = getattr(subject, "domicile", None) or getattr(subject, "region", None)
    digits = code.replace(".", "")[:2] if code else ""
    return digits if len(digits) == 2 and digits.isdigit() else None


def _cell(
    funding: Funding | None, target: str | None, province: str | None, unit: str | None
) -> Cell:
    """The cell of one aid: budget year, channel, primary target, province, unit."""
    if funding is None:
        return (None, None, target, province, unit)
    year = None if funding.budget_year is None else str(funding.budget_year)
    return (year, funding.channel.value, target, province, unit)


class Budget:
    """A mergeable accumulator of aid paid, per cell, and of the funding findings.

    Args:
        period: the period (both ends inclusive).
        ceiling_idr: the caller's ceiling for ``aid.amount.ceiling`` (one amount, or one per
            service component).
        edition: pin an edition (the one resolver); the decisions and the report name it.
        in_force_dates: replace atensi's unverified in-force dates.
    """

    __slots__ = ("_law", "cells", "edition", "findings", "spec")

    def __init__(
        self,
        period: Period,
        *,
        ceiling_idr: Ceiling | None = None,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
    ) -> None:
        self.edition = edition_for(period, edition=edition, in_force_dates=in_force_dates).id
        self._law = (edition, in_force_dates)
        ceiling = (
            ceiling_idr
            if isinstance(ceiling_idr, int | None)
            else tuple(sorted((c.value, n) for c, n in ceiling_idr.items()))
        )
        self.spec = (period, ceiling, self.edition)
        self.cells: dict[Cell, list[int]] = {}
        #: Findings of the funding checks, by ``(rule id, status)``.
        self.findings: Counter[tuple[str, str]] = Counter()

    @property
    def period(self) -> Period:
        """The period."""
        period: Period = self.spec[0]
        return period

    @property
    def ceiling(self) -> Ceiling | None:
        """The caller's ceiling."""
        ceiling = self.spec[1]
        if ceiling is None or isinstance(ceiling, int):
            return ceiling
        from atensi.vocab import ServiceComponent

        return {ServiceComponent(code): n for code, n in ceiling}

    def _count(self, cell: Cell, amount: int | None, items: tuple[InKindItem, ...]) -> None:
        valued = [i.value_idr for i in items if i.value_idr is not None]
        row = self.cells.setdefault(cell, [0, 0, 0, 0])
        row[1] += 1
        if amount is not None or valued:
            row[0] += (amount or 0) + sum(valued)
            row[2] += 1
        row[3] += len(items) - len(valued)

    def _tally(self, found: tuple[Finding, ...]) -> None:
        findings = self.findings
        for finding in found:
            findings[(finding.rule_id, _STATUS[finding.status])] += 1

    def add(
        self,
        case: Case,
        partnerships: Iterable[Partnership] | None = None,
        decrees: Iterable[BeneficiaryDecree] | None = None,
        *,
        decisions: bool = True,
    ) -> list[tuple[ServiceDelivery, Decision]]:
        """Read the deliveries of a case that start in the period; return their decisions.

        Args:
            case: the case.
            partnerships: its portfolio's partnerships, to resolve ``Funding.partnership``.
            decrees: its portfolio's beneficiary decrees (``aid.decree.listed``).
            decisions: make and return the decisions; with ``False`` only their findings
                are counted (what a report needs, and faster), and nothing is returned.
        """
        period = self.period
        edition, dates = self._law
        ceiling = self.ceiling
        made = []
        shared = None if partnerships is None else tuple(partnerships)
        named = None if decrees is None else tuple(decrees)
        province: str | None = None
        located = False  # the province is read once, for the first delivery in the period
        targets: dict[dt.date, str | None] = {}
        for delivery in case.deliveries:
            if not period.start <= delivery.start <= period.end:
                continue
            if not located:
                province, located = _province(case), True
            day = delivery.start
            if day not in targets:
                targets[day] = _primary_target(case, day)
            if decisions:
                decision = check_funding(
                    case,
                    delivery,
                    partnerships=shared,
                    decrees=named,
                    ceiling_idr=ceiling,
                    edition=edition,
                    in_force_dates=dates,
                )
                made.append((delivery, decision))
                found = decision.findings
            else:
                current = instrument_in_force(day, edition=edition, in_force_dates=dates)
                found = funding_findings(
                    case,
                    delivery,
                    partnerships=shared,
                    decrees=named,
                    ceiling_idr=ceiling,
                    current=current,
                )
            self._tally(found)
            cell = _cell(delivery.funding, targets[day], province, case.unit)
            self._count(cell, delivery.amount_idr, delivery.in_kind)
        return made

    def add_partnerships(self, partnerships: Iterable[Partnership]) -> list[Decision]:
        """Read the aid handed over under partnerships in the period; return the decisions."""
        period = self.period
        edition, dates = self._law
        ceiling = self.ceiling
        made = []
        for partnership in partnerships:
            for aid in partnership.aid:
                if not period.start <= aid.on <= period.end:
                    continue
                decision = check_partner_aid(
                    partnership,
                    aid,
                    ceiling_idr=ceiling if isinstance(ceiling, int) else None,
                    edition=edition,
                    in_force_dates=dates,
                )
                self._tally(decision.findings)
                cell = _cell(aid.funding, None, None, partnership.unit)
                self._count(cell, aid.amount_idr, aid.items)
                made.append(decision)
        return made

    def merge(self, other: Budget) -> Budget:
        """Add another partial's sums and findings to this one (in place) and return it."""
        if other.spec != self.spec:
            raise ReportError(
                "cannot merge budgets made with different parameters",
                "report.cannot_merge",
                "tidak dapat menggabungkan anggaran dengan parameter berbeda",
            )
        for cell, row in other.cells.items():
            mine = self.cells.setdefault(cell, [0, 0, 0, 0])
            for index, value in enumerate(row):
                mine[index] += value
        self.findings.update(other.findings)
        return self

    def rows(self, by: Sequence[str] = BUDGET_AXES) -> tuple[tuple[Cell, tuple[int, ...]], ...]:
        """The sums per cell of the axes ``by`` (a subset of :data:`BUDGET_AXES`), sorted."""
        indexes = []
        for axis in by:
            if axis not in BUDGET_AXES:
                raise ReportError(
                    f"unknown budget axis {axis!r}; the axes are {', '.join(BUDGET_AXES)}",
                    "report.unknown_axis",
                    f"sumbu anggaran {axis!r} tidak dikenal",
                    axis=axis,
                    choices=list(BUDGET_AXES),
                )
            indexes.append(BUDGET_AXES.index(axis))
        summed: dict[Cell, list[int]] = {}
        for cell, row in self.cells.items():
            key = tuple(cell[i] for i in indexes)
            mine = summed.setdefault(key, [0, 0, 0, 0])
            for index, value in enumerate(row):
                mine[index] += value
        return tuple(
            sorted(((c, tuple(r)) for c, r in summed.items()), key=lambda item: sort_key(item[0]))
        )

    def to_csv(self, by: Sequence[str] = BUDGET_AXES) -> str:
        """The sums on ``by`` as CSV."""
        return csv_text([*by, *BUDGET_COLUMNS], ([*c, *r] for c, r in self.rows(by)))

    def findings_csv(self) -> str:
        """The funding findings counted by rule and status."""
        rows = sorted((rule, status, n) for (rule, status), n in self.findings.items())
        return csv_text(["rule_id", "status", "findings"], rows)

    def to_json(self, by: Sequence[str] = BUDGET_AXES) -> dict[str, Any]:
        """The documented JSON shape (version 1)."""
        period = self.period
        return {
            "version": 1,
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
            "edition": self.edition,
            "by": list(by),
            "rows": [
                {**dict(zip(by, c, strict=True)), **dict(zip(BUDGET_COLUMNS, r, strict=True))}
                for c, r in self.rows(by)
            ],
            "findings": [
                {"rule_id": rule, "status": status, "findings": n}
                for (rule, status), n in sorted(self.findings.items())
            ],
        }
