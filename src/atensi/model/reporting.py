"""What a report is asked for: its period, and the caller's targets of beneficiaries (PM).

Both come from outside (a command line, a configuration file, a dashboard) and go through the
boundary like every record: a period whose end precedes its start is refused
(``date.before_start``), and so is a target with an unknown region code, a vocabulary code that
does not exist, or a regency outside its province.

A :class:`PmTarget` names one cell of the beneficiary totals by the values of some of its axes
(``period``, ``kind``, ``target``, ``target_group``, ``province``, ``regency``, ``approach``,
``unit``, ``channel``, ``component``: the axes of :mod:`atensi.reports.totals`) and the number
of PM planned for it; the axes it leaves empty are summed over.

>>> import atensi
>>> from atensi.model import Period, PmTarget
>>> atensi.structure({"start": "2024-12-31", "end": "2024-01-01"}, Period)
Traceback (most recent call last):
...
atensi.errors.InvalidRecord: invalid Period record, 1 problem:
  end: 'end' (2024-01-01) is before 'start' (2024-12-31) [date.before_start]
>>> goal = atensi.structure({"period": "2023", "target": "anak", "pm": 33400}, PmTarget)
>>> goal.axes()
(('period', '2023'), ('target', 'anak'))

A :class:`BudgetTarget` is an allocation (*pagu*) for one cell of the realisation by
expenditure account: a budget year, an account, a channel (each optional: summed over when
empty); the report compares what was paid with it (:meth:`atensi.reports.Budget.realisation`).

>>> pagu = atensi.structure({"budget_year": 2024, "account": "574111",
...                          "amount_idr": 250000000}, BudgetTarget)
>>> pagu.axes()
(('budget_year', '2024'), ('account', '574111'))
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, ClassVar

import attrs

from atensi.errors import ErrorDetail
from atensi.model._fields import LIMITS, Entity, detail, field, order, problem
from atensi.model.funding import ACCOUNT_PATTERN, account_check
from atensi.model.subjects import SUBJECT_KINDS
from atensi.regions import is_valid_code
from atensi.vocab import Approach, FundingChannel, ServiceComponent, Target, TargetGroup

__all__ = [
    "BUDGET_TARGET_AXES",
    "PERIOD_LABEL",
    "TARGET_AXES",
    "BudgetTarget",
    "Period",
    "PmTarget",
]

#: The axes a target may name, in the order tables show them: the axes of the beneficiary
#: totals (:mod:`atensi.reports.totals`), and the fields of :class:`PmTarget`.
TARGET_AXES: tuple[str, ...] = (
    "period",
    "kind",
    "target",
    "target_group",
    "province",
    "regency",
    "approach",
    "unit",
    "channel",
    "component",
)

#: How a period bucket is written: a year (``2024``), a quarter (``2024-Q1``), a month
#: (``2024-03``) or a whole period (``2024-01-01/2024-12-31``).
PERIOD_LABEL = re.compile(
    r"\d{4}(-Q[1-4]|-(0[1-9]|1[0-2])|-\d{2}-\d{2}/\d{4}-\d{2}-\d{2})?", re.ASCII
)


@attrs.frozen(slots=True)
class Period(Entity):
    """A reporting period: ``start`` to ``end``, both inclusive."""

    start: dt.date = field(en="First day of the period", id="Awal periode")
    end: dt.date = field(en="Last day of the period", id="Akhir periode")

    _invariants: ClassVar[Any] = (order("start", "end"),)

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end

    @property
    def label(self) -> str:
        """The period written as an interval, ``2024-01-01/2024-12-31``."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _period_label(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, str) and not PERIOD_LABEL.fullmatch(value):
        raise problem(
            attribute.name,
            "report.period_label",
            "not a period label: a year (2024), a quarter (2024-Q1), a month (2024-03) or an "
            "interval (2024-01-01/2024-12-31)",
            "bukan label periode: tahun (2024), triwulan (2024-Q1), bulan (2024-03) atau "
            "rentang (2024-01-01/2024-12-31)",
            value,
        )


def _kind(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, str) and value not in SUBJECT_KINDS:
        choices = sorted(SUBJECT_KINDS)
        raise problem(
            attribute.name,
            "enum.unknown",
            f"not a subject kind; expected one of: {', '.join(choices)}",
            f"bukan jenis subjek; seharusnya salah satu dari: {', '.join(choices)}",
            value,
            choices=choices,
        )


def _region(digits: int, what_en: str, what_id: str) -> Any:
    def check(_: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, str) and not (
            len(value) == digits and value.isdigit() and is_valid_code(value)
        ):
            raise problem(
                attribute.name,
                "region.unknown",
                f"not a known Kemendagri {what_en} code ({digits} digits, no dots)",
                f"bukan kode {what_id} Kemendagri yang dikenal ({digits} angka, tanpa titik)",
                value,
            )

    return check


@attrs.frozen(slots=True)
class PmTarget(Entity):
    """A planned number of beneficiaries (PM) for one cell of the totals."""

    pm: int = field(
        en="Number of PM planned (distinct beneficiaries)",
        id="Jumlah PM yang direncanakan",
        minimum=1,
        maximum=10**9,
    )
    period: str | None = field(
        en="Period bucket: 2024, 2024-Q1, 2024-03 or 2024-01-01/2024-12-31",
        id="Periode: 2024, 2024-Q1, 2024-03 atau 2024-01-01/2024-12-31",
        default=None,
        max_length=21,
        validator=_period_label,
    )
    kind: str | None = field(
        en="Kind of PM: person, family, group or community",
        id="Jenis PM: person, family, group atau community",
        default=None,
        max_length=20,
        validator=_kind,
    )
    target: Target | None = field(en="Cluster or target", id="Klaster atau sasaran", default=None)
    target_group: TargetGroup | None = field(en="Target group", id="Kelompok sasaran", default=None)
    province: str | None = field(
        en="Province code (2 digits)",
        id="Kode provinsi (2 angka)",
        default=None,
        max_length=2,
        validator=_region(2, "province", "provinsi"),
    )
    regency: str | None = field(
        en="Regency or city code (4 digits)",
        id="Kode kabupaten/kota (4 angka)",
        default=None,
        max_length=4,
        validator=_region(4, "regency or city", "kabupaten/kota"),
    )
    approach: Approach | None = field(en="Approach", id="Pendekatan", default=None)
    unit: str | None = field(
        en="Code of the serving unit",
        id="Kode unit pelaksana",
        default=None,
        min_length=1,
        max_length=LIMITS["short_text"],
    )
    channel: FundingChannel | None = field(en="Funding channel", id="Jalur pendanaan", default=None)
    component: ServiceComponent | None = field(
        en="Service component", id="Komponen layanan", default=None
    )

    @staticmethod
    def _nested(obj: PmTarget) -> list[ErrorDetail]:
        if obj.province and obj.regency and not obj.regency.startswith(obj.province):
            return [
                detail(
                    "regency",
                    "report.regency_outside_province",
                    f"regency {obj.regency} is not in province {obj.province}",
                    f"kabupaten/kota {obj.regency} tidak berada di provinsi {obj.province}",
                    obj.regency,
                )
            ]
        return []

    _invariants: ClassVar[Any] = (_nested,)

    def axes(self) -> tuple[tuple[str, str], ...]:
        """The axes the target names, with their codes, in axis order."""
        out = []
        for name in TARGET_AXES:
            value = getattr(self, name)
            if value is not None:
                out.append((name, value.value if hasattr(value, "value") else value))
        return tuple(out)


#: The axes an allocation (pagu) may name, in the order tables show them.
BUDGET_TARGET_AXES: tuple[str, ...] = ("budget_year", "account", "channel")


@attrs.frozen(slots=True)
class BudgetTarget(Entity):
    """An allocation (pagu) for one cell of the aid paid: a budget year, an account, a channel."""

    amount_idr: int = field(
        en="The allocation (pagu) in whole rupiah",
        id="Pagu dalam rupiah",
        minimum=1,
        maximum=LIMITS["amount_idr"],
    )
    budget_year: int | None = field(
        en="The budget year", id="Tahun anggaran", default=None, minimum=2000, maximum=2199
    )
    account: str | None = field(
        en="The expenditure account (six digits of the standard chart of accounts)",
        id="Akun belanja (enam angka Bagan Akun Standar)",
        default=None,
        min_length=6,
        max_length=6,
        pattern=ACCOUNT_PATTERN,
        validator=account_check,
    )
    channel: FundingChannel | None = field(en="Funding channel", id="Jalur pendanaan", default=None)

    def axes(self) -> tuple[tuple[str, str], ...]:
        """The axes the allocation names, with their codes, in axis order."""
        out = []
        for name in BUDGET_TARGET_AXES:
            value = getattr(self, name)
            if value is not None:
                out.append((name, value.value if isinstance(value, FundingChannel) else str(value)))
        return tuple(out)
