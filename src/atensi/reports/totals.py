"""Beneficiary totals: distinct PM per cell, streamed, mergeable, re-aggregated exactly.

**What is counted.** A PM (penerima manfaat: a person, family, group or community that receives
the programme's aid, Permensos 15/2025 Pasal 1 angka 7, verified) is *served* in a bucket when a
delivery of its case overlaps the bucket: from the delivery's start to its end (a delivery with
no end counts on its first day only; record ``end`` for a stay that spans buckets). A person
served three times in a year is **one** PM that year. Who is the same PM, and what kind of PM,
is :mod:`atensi.rules.beneficiaries`: a family is one PM of kind ``family``, or, with
``members=True``, one PM per member.

**The axes** of a cell (:data:`AXES`):

==================  ==========================================================================
``period``          the bucket: ``2024``, ``2024-Q1``, ``2024-03`` or the whole period
``kind``            ``person``, ``family``, ``group``, ``community``
``target``          the cluster, or ``korban_bencana`` / ``ppks_lainnya`` beyond the clusters
``target_group``    the target group (``anak_jalanan``, ``lanjut_usia_terlantar`` ...)
``province``        2-digit Kemendagri code of where the PM lives
``regency``         4-digit code of the regency or city
``approach``        ``keluarga``, ``komunitas``, ``residensial`` (of the delivery)
``unit``            the serving unit of the case
``channel``         the delivery's funding channel (``bansos``, ``bantuan_pemerintah``)
``component``       the service component delivered
==================  ==========================================================================

A value that is not recorded (no domicile, no condition, no funding) is ``None``: the PM is
counted in a cell that says so, never dropped and never guessed.

**Re-aggregation is exact, by union, not by sums.** Each cell holds the *set* of its PM's keys
(:mod:`atensi.reports.keys`); a coarser table (province instead of regency, the whole year,
every unit) is the union of the finer cells' sets. A PM falls in **every** cell its values put
it in: a person in two target groups counts once in each and once in their target; a family
whose members live in two regencies counts once in each regency and once in the province. So a
coarser total is never more than the sum of its parts, and equals it exactly when every PM lies
in one part (a person living in one regency: regency totals then sum to the province total).

**Memory** is proportional to the cells and the PM in them, not to the records: one integer
key per distinct PM (about 44 bytes) plus one set entry (about 30 to 60 bytes) per (cell, PM)
pair. A million PM in eight cells each is about a gigabyte: keep fewer axes (``by=``) where that
is too much. Partial totals of partitions merge exactly (:meth:`Totals.merge`); that is why
they carry keys and not counts.

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case, Period
>>> delivery = {"component": "terapi", "approach": "keluarga", "provider": "S-1"}
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "person", "id": "P-1", "nik": "3171014103900001", "name": "Siti",
...                 "domicile": "317101", "conditions": [{"group": "lanjut_usia_terlantar"}]},
...     "deliveries": [{**delivery, "id": f"D-{n}", "start": f"2024-0{n}-01"} for n in (2, 3, 4)]},
...     Case)
>>> totals = Totals(Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)))
>>> totals.add(case)
>>> totals.counts(("period", "target", "province"))
((('2024', 'lanjut_usia', '31'), 1),)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any, NamedTuple

from atensi.model import TARGET_AXES, Case, Period, PmTarget, ServiceDelivery
from atensi.reports.errors import ReportError
from atensi.reports.keys import BeneficiaryKeys, different_keys
from atensi.reports.periods import GRANULARITIES, buckets, buckets_between
from atensi.reports.render import csv_text, sort_key
from atensi.rules.beneficiaries import beneficiaries, groups_on, regencies
from atensi.vocab import Approach, FundingChannel, ServiceComponent, TargetGroup

__all__ = [
    "AXES",
    "DEFAULT_BY",
    "Achievement",
    "Cell",
    "Totals",
    "TotalsSpec",
    "beneficiary_totals",
]

#: Every axis a cell may have, in the order tables show them (a target names the same axes).
AXES: tuple[str, ...] = TARGET_AXES
#: The axes kept by default: the finest that answer the usual questions (``target`` and
#: ``province`` are derived from ``target_group`` and ``regency``).
DEFAULT_BY: tuple[str, ...] = (
    "period",
    "kind",
    "target_group",
    "regency",
    "approach",
    "unit",
    "channel",
)
_TARGET_OF = {g.value: g.target.value for g in TargetGroup}
# ``member.value`` is a property call; plain mappings are several times cheaper per delivery.
_CODE: dict[Any, str] = {
    m: m.value for vocab in (TargetGroup, Approach, ServiceComponent, FundingChannel) for m in vocab
}
#: Axes a coarser table can derive from a kept one, and how.
_DERIVED: dict[str, tuple[str, Callable[[str], str]]] = {
    "target": ("target_group", _TARGET_OF.__getitem__),
    "province": ("regency", lambda code: code[:2]),
}

#: A cell: one value (or ``None``, not recorded) per axis.
Cell = tuple[str | None, ...]


class TotalsSpec(NamedTuple):
    """What a :class:`Totals` counts; partials merge only when their specs are equal."""

    period: Period
    granularity: str
    by: tuple[str, ...]
    members: bool
    key_fingerprint: str


class Achievement(NamedTuple):
    """One caller's target against the PM served in its cell.

    Attributes:
        target: the caller's target.
        achieved: distinct PM in the cell (``None`` when its period is outside the report).
        not_placed: PM that may belong to the cell but lack the value of one of its axes (no
            domicile, no condition ...): the data that is missing, counted, never assumed.
        ratio: ``achieved / target.pm`` as an exact fraction (``None`` when not computed).
    """

    target: PmTarget
    achieved: int | None
    not_placed: int | None
    ratio: Fraction | None


def _checked_by(by: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(by)
    for axis in chosen:
        if axis not in AXES:
            raise ReportError(
                f"unknown axis {axis!r}; the axes are {', '.join(AXES)}",
                "report.unknown_axis",
                f"sumbu {axis!r} tidak dikenal; sumbunya {', '.join(AXES)}",
                axis=axis,
                choices=list(AXES),
            )
    if len(set(chosen)) != len(chosen):
        raise ReportError("an axis is named twice", "report.unknown_axis", "sumbu disebut dua kali")
    return chosen


class Totals:
    """A mergeable accumulator of distinct PM per cell.

    Args:
        period: the reporting period (both ends inclusive).
        granularity: ``"year"`` (default), ``"quarter"``, ``"month"`` or ``"period"``.
        by: the axes to keep (default :data:`DEFAULT_BY`); coarser tables roll up from them.
        members: count a family or group as each of its members (kind ``person``).
        pseudonym_key: key the beneficiary hashes (see :mod:`atensi.reports.keys`); without
            one a random key is drawn, and only partials with the same key merge.
    """

    __slots__ = ("_keys", "cases", "cells", "deliveries", "spec")

    def __init__(
        self,
        period: Period,
        *,
        granularity: str = "year",
        by: Iterable[str] = DEFAULT_BY,
        members: bool = False,
        pseudonym_key: bytes | None = None,
    ) -> None:
        if granularity not in GRANULARITIES:
            raise ReportError(
                f"unknown granularity {granularity!r}; one of {', '.join(GRANULARITIES)}",
                "report.unknown_granularity",
                f"satuan periode {granularity!r} tidak dikenal",
                choices=list(GRANULARITIES),
            )
        self._keys = BeneficiaryKeys(pseudonym_key)
        self.spec = TotalsSpec(
            period, granularity, _checked_by(by), members, self._keys.fingerprint
        )
        #: The PM keys in each cell of the kept axes.
        self.cells: dict[Cell, set[int]] = {}
        #: Cases read, and deliveries that fell in the period.
        self.cases = 0
        self.deliveries = 0

    # --- Reading records ------------------------------------------------------------------

    def add(self, case: Case) -> None:
        """Count one case."""
        self.cases += 1
        seen: set[str] = set()
        cells = self.cells
        for cell, key, delivery in self.contributions(case):
            if delivery.id not in seen:
                seen.add(delivery.id)
                self.deliveries += 1
            found = cells.get(cell)
            if found is None:
                cells[cell] = {key}
            else:
                found.add(key)

    def add_all(self, cases: Iterable[Case]) -> Totals:
        """Count every case of a stream; return the accumulator."""
        for case in cases:
            self.add(case)
        return self

    def contributions(self, case: Case) -> Iterator[tuple[Cell, int, ServiceDelivery]]:
        """Each (cell, PM key, delivery) a case adds: what :meth:`add` counts and traces read."""
        spec = self.spec
        pms = beneficiaries(case.subject, members=spec.members)
        keyed = [(pm, self._keys(pm.identity), regencies(pm.subject)) for pm in pms]
        wants_groups = "target_group" in spec.by or "target" in spec.by
        for delivery in case.deliveries:
            labels = buckets_between(
                delivery.start, delivery.end or delivery.start, spec.granularity, spec.period
            )
            if not labels:
                continue
            funding = delivery.funding
            fixed: dict[str, tuple[str | None, ...]] = {
                "period": labels,
                "approach": (_CODE[delivery.approach],),
                "unit": (case.unit,),
                "channel": (None if funding is None else _CODE[funding.channel],),
                "component": (_CODE[delivery.component],),
            }
            for pm, key, regs in keyed:
                values = dict(fixed)
                values["kind"] = (pm.kind,)
                values["regency"] = regs
                values["province"] = tuple(
                    dict.fromkeys(None if r is None else r[:2] for r in regs)
                )
                if wants_groups:
                    groups = groups_on(case, pm, delivery.start)
                    codes = tuple(None if g is None else _CODE[g] for g in groups)
                    values["target_group"] = codes
                    values["target"] = tuple(
                        dict.fromkeys(None if c is None else _TARGET_OF[c] for c in codes)
                    )
                for cell in itertools.product(*(values[axis] for axis in spec.by)):
                    yield cell, key, delivery

    def merge(self, other: Totals) -> Totals:
        """Add another partial's counts to this one (in place) and return it.

        Raises:
            ReportError: ``report.cannot_merge`` when the partials count different things
                (period, granularity, axes, members or key).
        """
        if other.spec.key_fingerprint != self.spec.key_fingerprint:
            raise different_keys()
        if other.spec != self.spec:
            raise ReportError(
                "cannot merge totals made with different parameters (period, granularity, "
                "axes, members or pseudonym key)",
                "report.cannot_merge",
                "tidak dapat menggabungkan total dengan parameter berbeda",
            )
        cells = self.cells
        for cell, keys in other.cells.items():
            found = cells.get(cell)
            if found is None:
                cells[cell] = set(keys)
            else:
                found |= keys
        self.cases += other.cases
        self.deliveries += other.deliveries
        return self

    # --- Reading the totals ---------------------------------------------------------------

    def _projection(self, by: Sequence[str]) -> list[tuple[int, Callable[[str], str] | None]]:
        """For each wanted axis, the index of the kept axis it comes from, and how to derive it."""
        kept = self.spec.by
        out: list[tuple[int, Callable[[str], str] | None]] = []
        for axis in _checked_by(by):
            if axis in kept:
                out.append((kept.index(axis), None))
            elif axis in _DERIVED and _DERIVED[axis][0] in kept:
                source, derive = _DERIVED[axis]
                out.append((kept.index(source), derive))
            else:
                raise ReportError(
                    f"the axis {axis!r} was not kept (kept: {', '.join(kept)})",
                    "report.axis_not_kept",
                    f"sumbu {axis!r} tidak disimpan",
                    axis=axis,
                    kept=list(kept),
                )
        return out

    def projector(self, by: Sequence[str]) -> Callable[[Cell], Cell]:
        """A function from a kept cell to its cell on the axes ``by`` (kept or derived)."""
        projection = self._projection(by)

        def project(cell: Cell) -> Cell:
            return tuple(
                cell[i] if derive is None or cell[i] is None else derive(cell[i])  # type: ignore[arg-type]
                for i, derive in projection
            )

        return project

    def rollup(self, by: Sequence[str] | None = None) -> dict[Cell, frozenset[int]]:
        """The PM keys per cell of the axes ``by`` (default: the kept axes), by union."""
        chosen = self.spec.by if by is None else tuple(by)
        project = self.projector(chosen)
        if chosen == self.spec.by:
            return {cell: frozenset(keys) for cell, keys in self.cells.items()}
        merged: dict[Cell, set[int]] = {}
        for cell, keys in self.cells.items():
            target = project(cell)
            found = merged.get(target)
            if found is None:
                merged[target] = set(keys)
            else:
                found |= keys
        return {cell: frozenset(keys) for cell, keys in merged.items()}

    def counts(self, by: Sequence[str] | None = None) -> tuple[tuple[Cell, int], ...]:
        """Distinct PM per cell of the axes ``by``, sorted (missing values last)."""
        rolled = self.rollup(by)
        return tuple(sorted(((c, len(k)) for c, k in rolled.items()), key=lambda r: sort_key(r[0])))

    def total(self) -> int:
        """Distinct PM over every cell."""
        everyone: set[int] = set()
        for keys in self.cells.values():
            everyone |= keys
        return len(everyone)

    def achievement(self, targets: Iterable[PmTarget]) -> tuple[Achievement, ...]:
        """Each target against the distinct PM of its cell, in the order given.

        Raises:
            ReportError: a target naming an axis this report did not keep.
        """
        labels = set(buckets(self.spec.period, self.spec.granularity))
        rolled: dict[tuple[str, ...], dict[Cell, frozenset[int]]] = {}
        out = []
        for target in targets:
            named = target.axes()
            axes = tuple(a for a, _ in named)
            wanted = tuple(v for _, v in named)
            if "period" in axes and dict(named)["period"] not in labels:
                out.append(Achievement(target, None, None, None))
                continue
            table = rolled.get(axes)
            if table is None:
                table = rolled[axes] = self.rollup(axes)
            exact = table.get(wanted, frozenset())
            maybe: set[int] = set()
            for cell, keys in table.items():
                if cell != wanted and all(
                    c is None or c == w for c, w in zip(cell, wanted, strict=True)
                ):
                    maybe |= keys
            out.append(
                Achievement(target, len(exact), len(maybe - exact), Fraction(len(exact), target.pm))
            )
        return tuple(out)

    def to_json(self, by: Sequence[str] | None = None) -> dict[str, Any]:
        """The documented JSON shape (version 1) of the table on ``by``."""
        chosen = self.spec.by if by is None else tuple(by)
        spec = self.spec
        return {
            "version": 1,
            "period": {"start": spec.period.start.isoformat(), "end": spec.period.end.isoformat()},
            "granularity": spec.granularity,
            "members": spec.members,
            "by": list(chosen),
            "cases": self.cases,
            "deliveries": self.deliveries,
            "pm_total": self.total(),
            "rows": [
                {**dict(zip(chosen, c, strict=True)), "pm": n} for c, n in self.counts(chosen)
            ],
        }

    def to_csv(self, by: Sequence[str] | None = None) -> str:
        """The table on ``by`` as CSV: one column per axis, then ``pm``."""
        chosen = self.spec.by if by is None else tuple(by)
        return csv_text([*chosen, "pm"], ([*c, n] for c, n in self.counts(chosen)))


def achievement_json(rows: Iterable[Achievement]) -> list[dict[str, Any]]:
    """JSON-ready rows of :meth:`Totals.achievement` (ratios as exact fractions)."""
    return [
        {
            **dict(a.target.axes()),
            "target_pm": a.target.pm,
            "achieved_pm": a.achieved,
            "not_placed_pm": a.not_placed,
            "ratio": a.ratio,
        }
        for a in rows
    ]


def beneficiary_totals(
    cases: Iterable[Case],
    period: Period,
    *,
    granularity: str = "year",
    by: Iterable[str] = DEFAULT_BY,
    members: bool = False,
    pseudonym_key: bytes | None = None,
) -> Totals:
    """Count a stream of cases into a new :class:`Totals` (see its arguments)."""
    totals = Totals(
        period, granularity=granularity, by=by, members=members, pseudonym_key=pseudonym_key
    )
    return totals.add_all(cases)
