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
import functools
import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import (
    BUDGET_TARGET_AXES,
    BeneficiaryDecree,
    BudgetTarget,
    Case,
    Family,
    Funding,
    Group,
    InKindItem,
    Partnership,
    Period,
    ServiceDelivery,
)
from atensi.model.funding import ACCOUNT_CITATION
from atensi.reports import _window
from atensi.reports.codes import CODE
from atensi.reports.errors import ReportError
from atensi.reports.indicators import Indicator
from atensi.reports.periods import edition_for
from atensi.reports.render import csv_text, sort_key
from atensi.rules.decision import Decision, Finding
from atensi.rules.eligibility import PRIMARY_ORDER
from atensi.rules.funding import Ceiling, check_funding, check_partner_aid, funding_findings
from atensi.vocab import Evidence, Label, TargetGroup, cite

__all__ = ["ACCOUNT_AXES", "BUDGET_AXES", "REALISATION", "Budget", "RealisationRow"]

#: The axes of a budget cell.
BUDGET_AXES: tuple[str, ...] = ("budget_year", "channel", "target", "province", "unit")
#: The columns of a budget cell: rupiah, aids, aids with an amount, items without a value.
BUDGET_COLUMNS: tuple[str, ...] = (
    "amount_idr",
    "aids",
    "aids_with_amount",
    "items_without_value",
)
#: The axes of the realisation by expenditure account (akun belanja): budget year, account,
#: channel, the cells an allocation names (:class:`~atensi.model.BudgetTarget`). Only aids whose
#: funding records an account are kept per account; the rest of each year and channel is the
#: row whose account is empty.
ACCOUNT_AXES: tuple[str, ...] = BUDGET_TARGET_AXES
_RANK = {t.value: i for i, t in enumerate(PRIMARY_ORDER)}
#: The budget realisation against the caller's allocations (pagu) by expenditure account: an
#: indicator of atensi's convention (paid / allocation); the account's shape is secondary.
REALISATION = Indicator(
    "ind.budget_per_account",
    "account",
    Label(
        "Realisasi anggaran per akun belanja terhadap pagu",
        "Budget realisation by expenditure account against allocation",
    ),
    "rupiah paid in the period on the budget year, account and channel the allocation names "
    "(each left empty is summed over), against the allocation (pagu); realisation = paid / "
    "allocation",
    cite(
        None,
        None,
        Evidence.CONVENTION,
        source="atensi-conventions",
        note="realisation is what was paid against the caller's allocation; no regulation "
        "read defines the indicator; the account's six digits rest on the chart of accounts "
        "(pmk-214-pmk.05-2013, secondary)",
    ),
)


class RealisationRow(NamedTuple):
    """One allocation and what was paid against it.

    Attributes:
        budget_year, account, channel: the cell the allocation names (``None``: summed over).
        allocation_idr: the allocation (pagu).
        amount_idr: what was paid on that cell (cash and the recorded value of items).
        aids: how many aids.
        realisation: ``amount_idr / allocation_idr``.
    """

    budget_year: str | None
    account: str | None
    channel: str | None
    allocation_idr: int
    amount_idr: int
    aids: int
    realisation: Fraction


Cell = tuple[str | None, ...]


#: What a finding is counted by: its rule's id and its status's code (``_value_``, the
#: member's value as a plain attribute).
_RULE_AND_STATUS = operator.attrgetter("rule_id", "status._value_")


def _primary_target(case: Case, day: dt.date) -> str | None:
    subject = _window.pms(case, False)[0]
    return _primary_of(_window.groups(case, subject, day))


@functools.lru_cache(maxsize=1024)
def _primary_of(groups: tuple[TargetGroup | None, ...]) -> str | None:
    """The primary target of a PM's groups (a few combinations recur across every aid)."""
    targets = {CODE[g.target] for g in groups if g is not None}
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


def _count(
    cells: dict[Cell, list[int]], cell: Cell, amount: int | None, items: tuple[InKindItem, ...]
) -> None:
    """Add one aid to the sums of ``cell`` (amount, aids, aids with an amount, unvalued items)."""
    valued = [i.value_idr for i in items if i.value_idr is not None]
    row = cells.setdefault(cell, [0, 0, 0, 0])
    row[1] += 1
    if amount is not None or valued:
        row[0] += (amount or 0) + sum(valued)
        row[2] += 1
    row[3] += len(items) - len(valued)


def _cell(
    funding: Funding | None, target: str | None, province: str | None, unit: str | None
) -> Cell:
    """The cell of one aid: budget year, channel, primary target, province, unit."""
    if funding is None:
        return (None, None, target, province, unit)
    year = None if funding.budget_year is None else str(funding.budget_year)
    return (year, CODE[funding.channel], target, province, unit)


class Budget:
    """A mergeable accumulator of aid paid, per cell, and of the funding findings.

    Args:
        period: the period (both ends inclusive).
        ceiling_idr: the caller's ceiling for ``aid.amount.ceiling`` (one amount, or one per
            service component).
        edition: pin an edition (the one resolver); the decisions and the report name it.
        in_force_dates: replace atensi's unverified in-force dates.
    """

    __slots__ = ("_law", "accounts", "cells", "edition", "findings", "spec")

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
        #: The sums of the aids that record an expenditure account, by ``ACCOUNT_AXES``.
        self.accounts: dict[Cell, list[int]] = {}

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

    def _count_aid(
        self,
        cell: Cell,
        funding: Funding | None,
        amount: int | None,
        items: tuple[InKindItem, ...],
    ) -> None:
        """Count one aid in its cell and, where its funding records one, in its account's cell."""
        _count(self.cells, cell, amount, items)
        if funding is not None and funding.account is not None:
            _count(self.accounts, (cell[0], funding.account, cell[1]), amount, items)

    def _tally(self, found: tuple[Finding, ...]) -> None:
        self.findings.update(map(_RULE_AND_STATUS, found))

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
            funding = delivery.funding
            cell = _cell(funding, targets[day], province, case.unit)
            self._count_aid(cell, funding, delivery.amount_idr, delivery.in_kind)
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
                self._count_aid(cell, aid.funding, aid.amount_idr, aid.items)
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
        for mine_cells, theirs in ((self.cells, other.cells), (self.accounts, other.accounts)):
            for cell, row in theirs.items():
                mine = mine_cells.setdefault(cell, [0, 0, 0, 0])
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

    def account_rows(self) -> tuple[tuple[Cell, tuple[int, ...]], ...]:
        """The realisation by expenditure account: the sums per :data:`ACCOUNT_AXES`, sorted.

        Beside the aids that record an account, each budget year and channel has a row with an
        empty account for the aids that record none, so the rows add up to the budget. Empty
        when no aid records an account (the report then writes no such table).
        """
        if not self.accounts:
            return ()
        rest = {cell: list(row) for cell, row in self.rows(("budget_year", "channel"))}
        summed: dict[Cell, list[int]] = {}
        for (year, account, channel), row in self.accounts.items():
            summed[(year, account, channel)] = list(row)
            left = rest[(year, channel)]
            for index, value in enumerate(row):
                left[index] -= value
        for (year, channel), row in rest.items():
            if row[1]:  # aids of that year and channel that record no account
                summed[(year, None, channel)] = row
        return tuple(
            sorted(((c, tuple(r)) for c, r in summed.items()), key=lambda item: sort_key(item[0]))
        )

    def realisation(self, targets: Iterable[BudgetTarget]) -> list[RealisationRow]:
        """What was paid against each allocation (pagu), in the order of the axes, then amount.

        An allocation that names an account is compared with the aids booked on it; one that
        names none, with every aid of its year and channel.
        """
        out = []
        for target in targets:
            named = dict(target.axes())
            year, account, channel = (named.get(a) for a in ACCOUNT_AXES)
            paid = [0, 0]
            if account is not None:
                source = ((c, r) for c, r in self.accounts.items() if c[1] == account)
                cells = [((c[0], c[2]), r) for c, r in source]
            else:
                cells = [((c[0], c[1]), r) for c, r in self.cells.items()]
            for (cell_year, cell_channel), row in cells:
                if year is not None and cell_year != year:
                    continue
                if channel is not None and cell_channel != channel:
                    continue
                paid[0] += row[0]
                paid[1] += row[1]
            ratio = Fraction(paid[0], target.amount_idr)
            out.append(
                RealisationRow(year, account, channel, target.amount_idr, paid[0], paid[1], ratio)
            )
        return sorted(out, key=lambda r: (*sort_key(r[:3]), r.allocation_idr))

    def accounts_csv(self) -> str:
        """:meth:`account_rows` as CSV (budget year, account, channel and the sums)."""
        return csv_text(
            [*ACCOUNT_AXES, *BUDGET_COLUMNS], ([*c, *r] for c, r in self.account_rows())
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
            **self._accounts_json(),
        }

    def _accounts_json(self) -> dict[str, Any]:
        """The realisation by account, only when some aid records one (else nothing)."""
        rows = self.account_rows()
        if not rows:
            return {}
        return {
            "by_account": {
                "by": list(ACCOUNT_AXES),
                "citation": ACCOUNT_CITATION.to_dict(),
                "rows": [
                    {
                        **dict(zip(ACCOUNT_AXES, c, strict=True)),
                        **dict(zip(BUDGET_COLUMNS, r, strict=True)),
                    }
                    for c, r in rows
                ],
            }
        }
