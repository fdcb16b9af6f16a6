"""Official output indicators beside the evaluation measures: PM served against target.

The Directorate General reports its output as **PM served against target** (*realisasi*
against *target*): by cluster in its year-end releases (the 2023 release gives, per cluster,
the target and the PM served and the percentage, e.g. children 33,400 → 43,400, 130%), and by
unit and province in the Sentra's own reports. Those releases are secondary sources: the
indicators below are graded ``secondary``; the 21 measures of :mod:`~atensi.reports.measures`
stay atensi's convention.

Each indicator is a table: one row per period and value of its axis (a cluster, a unit, a
province) where PM were served or a target was set, with the distinct PM served (as
:class:`~atensi.reports.Totals` counts them), the caller's target for exactly that cell
(a :class:`~atensi.model.PmTarget` naming the period, if any, and that one axis) and the
realisation, ``served / target`` as an exact fraction. No target: no realisation (``None``),
never 0. A target for a cell where no PM was served gives 0 served and a realisation of 0.

>>> import atensi
>>> from atensi.model import Case, PmTarget
>>> from atensi.reports import ProgrammeReport, parse_period
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "community", "id": "K-1", "name": "Kampung", "region": "3171",
...                 "conditions": [{"group": "pemulung"}]},
...     "deliveries": [{"id": "D-1", "component": "terapi", "approach": "komunitas",
...                     "provider": "S-1", "start": "2024-02-01"}]}, Case)
>>> report = ProgrammeReport(parse_period("2024")).add_all([case])
>>> targets = [atensi.structure({"period": "2024", "unit": "S-1", "pm": 4}, PmTarget)]
>>> rows = indicator_rows(report.totals, targets)
>>> [(r.period, r.value, r.served, r.target, r.realisation) for r in rows
...  if r.indicator == "ind.pm_per_unit"]
[('2024', 'S-1', 1, 4, Fraction(1, 4))]
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import NamedTuple

from atensi.model import PmTarget
from atensi.reports.errors import ReportError
from atensi.reports.totals import Totals
from atensi.vocab import Citation, Evidence, Label, cite

__all__ = ["INDICATORS", "Indicator", "IndicatorRow", "indicator_rows"]

_RELEASES = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
    note="the Directorate General's output indicator is PM served against target, as its "
    "year-end release gives it per cluster for 2023 (the Sentra's own reports give it by unit "
    "and province); no regulation read defines it",
)


class Indicator(NamedTuple):
    """An official output indicator: PM served against target on one axis.

    Attributes:
        id: the stable id (``ind.pm_per_cluster``).
        axis: the axis of :data:`~atensi.reports.AXES` it breaks the PM down by.
        label: Indonesian and English names.
        formula: how it is computed, in words.
        citation: where it is read, graded.
    """

    id: str
    axis: str
    label: Label
    formula: str
    citation: Citation

    @property
    def evidence(self) -> Evidence:
        """How well the indicator is established (its citation's grade)."""
        return self.citation.evidence


_FORMULA = (
    "distinct PM served in the period (as the totals count them) per {what}, against the "
    "caller's target for that period and {what}; realisation = served / target"
)

#: The official output indicators, in the order a report shows them.
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "ind.pm_per_cluster",
        "target",
        Label("PM terlayani per klaster terhadap target", "PM served per cluster against target"),
        _FORMULA.format(what="cluster"),
        _RELEASES,
    ),
    Indicator(
        "ind.pm_per_unit",
        "unit",
        Label("PM terlayani per unit terhadap target", "PM served per unit against target"),
        _FORMULA.format(what="serving unit"),
        _RELEASES,
    ),
    Indicator(
        "ind.pm_per_province",
        "province",
        Label("PM terlayani per provinsi terhadap target", "PM served per province against target"),
        _FORMULA.format(what="province of domicile"),
        _RELEASES,
    ),
)


class IndicatorRow(NamedTuple):
    """One row of an indicator.

    Attributes:
        indicator: the indicator's id.
        period: the bucket (``None`` for a target that names no period).
        value: the cluster, unit or province (``None``: not recorded).
        served: distinct PM served.
        target: the caller's target for the cell, if any.
        realisation: ``served / target`` (``None`` without a target).
    """

    indicator: str
    period: str | None
    value: str | None
    served: int
    target: int | None
    realisation: Fraction | None


def indicator_rows(totals: Totals, targets: Iterable[PmTarget] = ()) -> list[IndicatorRow]:
    """Every indicator's rows that the kept axes allow, sorted by indicator, period, value.

    An indicator whose axis the totals did not keep (nor can derive) is left out.
    """
    wanted = list(targets)
    out: list[IndicatorRow] = []
    for indicator in INDICATORS:
        try:
            served = dict(totals.counts(("period", indicator.axis)))
            everywhere = dict(totals.counts((indicator.axis,)))
        except ReportError:
            continue
        goals: dict[tuple[str | None, ...], int] = {}
        for target in wanted:
            named = dict(target.axes())
            if set(named) - {"period"} == {indicator.axis}:
                goals[(named.get("period"), named[indicator.axis])] = target.pm
        cells: set[tuple[str | None, ...]] = set(served)
        cells |= {cell for cell in goals if cell[0] is not None}
        for period, value in sorted(cells, key=_order):
            count = served.get((period, value), 0)
            goal = goals.get((period, value))
            out.append(_row(indicator, period, value, count, goal))
        for (period, value), goal in goals.items():
            if period is None:  # a target over the whole report
                out.append(_row(indicator, None, value, everywhere.get((value,), 0), goal))
    return out


def _order(cell: tuple[str | None, ...]) -> tuple[tuple[bool, str], ...]:
    return tuple((part is None, part or "") for part in cell)


def _row(
    indicator: Indicator, period: str | None, value: str | None, served: int, goal: int | None
) -> IndicatorRow:
    ratio = None if goal is None else Fraction(served, goal)
    return IndicatorRow(indicator.id, period, value, served, goal, ratio)
