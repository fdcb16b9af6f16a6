"""The programme report: totals, evaluation and budget in one pass, and the tables it writes.

:class:`ProgrammeReport` reads cases and portfolios one at a time, feeding a
:class:`~atensi.reports.Totals`, an :class:`~atensi.reports.Evaluation` and a
:class:`~atensi.reports.Budget` built with the same period and law; partial reports of
partitions merge exactly. :meth:`~ProgrammeReport.tables` renders every table as CSV text by
file name, :meth:`~ProgrammeReport.to_json` everything as one document: the same records and
parameters give byte-identical text (:mod:`atensi.reports.render`). The command line ``atensi
report`` writes them.

>>> import atensi
>>> from atensi.model import Case
>>> from atensi.reports import ProgrammeReport, parse_period
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02",
...     "subject": {"kind": "community", "id": "K-1", "name": "Kampung"},
...     "deliveries": [{"id": "D-1", "component": "terapi", "approach": "komunitas",
...                     "provider": "S-1", "start": "2024-02-01"}]}, Case)
>>> report = ProgrammeReport(parse_period("2024"))
>>> report.add(case)
>>> print(report.tables()["pm_by_approach.csv"], end="")
period,approach,pm
2024,komunitas,1
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from atensi._secret import random_key
from atensi.boundary import structure
from atensi.boundary._compiled import entity_decoder, refusals
from atensi.boundary._lines import decode_numbered
from atensi.errors import ErrorDetail, InvalidRecord
from atensi.law import Edition, InForceDates
from atensi.model import (
    BudgetTarget,
    Case,
    Period,
    PmTarget,
    Portfolio,
    ServiceUnit,
    UnitRegistry,
)
from atensi.reports import _window
from atensi.reports.aftercare import SCHEDULE
from atensi.reports.budget import REALISATION, Budget, RealisationRow
from atensi.reports.errors import ReportError
from atensi.reports.evaluation import Evaluation
from atensi.reports.indicators import INDICATORS, indicator_rows
from atensi.reports.keys import different_keys
from atensi.reports.render import csv_text, json_text
from atensi.reports.totals import AXES, DEFAULT_BY, Totals, achievement_json
from atensi.rules.funding import Ceiling

__all__ = ["TABLES", "ProgrammeReport", "structure_record"]

#: The beneficiary tables a report writes, by file name, and the axes of each (written when
#: the kept axes can give them).
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pm_by_target.csv", ("period", "target")),
    ("pm_by_target_group.csv", ("period", "target", "target_group")),
    ("pm_by_region.csv", ("period", "province", "regency")),
    ("pm_by_province_target.csv", ("period", "province", "target")),
    ("pm_by_kind.csv", ("period", "kind")),
    ("pm_by_approach.csv", ("period", "approach")),
    ("pm_by_unit.csv", ("period", "unit")),
    ("pm_by_channel.csv", ("period", "channel")),
)


def structure_record(data: Any) -> Case | Portfolio:
    """Structure one record of a report's input: a portfolio or a case.

    A mapping with ``cases`` or an ``owner`` is a :class:`~atensi.model.Portfolio`; any other is
    a :class:`~atensi.model.Case`.

    Raises:
        InvalidRecord: as :func:`atensi.structure` does, with every problem and its path.
    """
    portfolio = isinstance(data, Mapping) and ("cases" in data or "owner" in data)
    return structure(data, Portfolio) if portfolio else structure(data, Case)


#: Cases held to be read together (:meth:`ProgrammeReport.add_lines`): enough that each part of
#: the report runs on several before the next part starts, few enough to stay in the caches.
_HELD = 16


class ProgrammeReport:
    """Totals, evaluation and budget over one period, in one pass.

    Args:
        period: the reporting period (both ends inclusive).
        granularity: the totals' buckets: ``year``, ``quarter``, ``month`` or ``period``.
        by: the totals' kept axes (default :data:`~atensi.reports.DEFAULT_BY`).
        members: count a family or group as each of its members.
        pseudonym_key: key the PM hashes (:mod:`atensi.reports.keys`); without one a random
            key is drawn, so that a partial never holds hashes anyone could reverse, and only
            partials made with the same key merge.
        ceiling_idr: the caller's ceiling for the funding check.
        schedule: follow-up points in months (default 6 and 12).
        edition: pin an edition (the one resolver); every part names the same edition.
        in_force_dates: replace atensi's unverified in-force dates.
        match: know a person without NIK or registry id by their matching key
            (:mod:`atensi.rules.matching`): two records of one such person count once, and
            the report says how many were matched (``pm_matching.csv``, ``matching``).
    """

    __slots__ = ("budget", "evaluation", "invalid", "records", "totals")

    def __init__(
        self,
        period: Period,
        *,
        granularity: str = "year",
        by: Iterable[str] = DEFAULT_BY,
        members: bool = False,
        pseudonym_key: bytes | None = None,
        ceiling_idr: Ceiling | None = None,
        schedule: Iterable[int] = SCHEDULE,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        match: bool = False,
    ) -> None:
        if pseudonym_key is None:
            # One random key for the whole report (its parts hash alike), never written down:
            # partials to merge need the caller's key (see atensi.reports.keys).
            pseudonym_key = random_key()
        self.totals = Totals(
            period,
            granularity=granularity,
            by=by,
            members=members,
            pseudonym_key=pseudonym_key,
            match=match,
        )
        self.evaluation = Evaluation(
            period,
            members=members,
            pseudonym_key=pseudonym_key,
            schedule=schedule,
            edition=edition,
            in_force_dates=in_force_dates,
            match=match,
        )
        self.budget = Budget(
            period, ceiling_idr=ceiling_idr, edition=edition, in_force_dates=in_force_dates
        )
        #: Records read (a portfolio is one record).
        self.records = 0
        #: Lines :meth:`add_line` could not read (not JSON, not UTF-8, not a valid record).
        self.invalid = 0

    @property
    def edition(self) -> str:
        """The edition in force on the period's last day (or pinned)."""
        return self.evaluation.edition

    def add(self, record: Case | Portfolio) -> None:
        """Read one record: a case, or a whole portfolio (cases, staff, partnerships, decrees)."""
        self.records += 1
        if isinstance(record, Portfolio):
            for case in record.cases:
                self.totals.add(case)
                self.budget.add(case, record.partnerships, record.decrees, decisions=False)
            self.evaluation.add_portfolio(record)
            self.budget.add_partnerships(record.partnerships)
            return
        for read in self._parts():
            read(record)

    def _parts(self) -> tuple[Callable[[Case], object], ...]:
        """What reads a case, part by part: the totals, the evaluation, the budget's findings."""
        return (
            self.totals.add,
            self.evaluation.add,
            functools.partial(self.budget.add, decisions=False),
        )

    def _add_cases(self, cases: Sequence[Case]) -> None:
        """Read a few cases: each accumulator reads all of them before the next one starts.

        One part of the report after another, a few cases at a time, keeps each part's code
        in the processor's caches (about 15% less time a case than part by part for each case,
        measured at 16 cases); the answers they share about each case are kept meanwhile.
        """
        self.records += len(cases)
        with _window.holding(cases):
            for read in self._parts():
                for case in cases:
                    read(case)

    def _add_held(self, cases: Iterable[Case]) -> None:
        """Read a stream of cases ``_HELD`` at a time (:meth:`_add_cases`)."""
        stream = iter(cases)
        while held := list(itertools.islice(stream, _HELD)):
            self._add_cases(held)

    def add_line(
        self, line: str | bytes, *, number: int | None = None
    ) -> tuple[ErrorDetail, ...] | None:
        """Read one line of JSON Lines, as the command line reads it; never raises on bad data.

        For engines that map over text lines (Dask, Spark): the line is decoded as strictly as
        ``atensi report`` decodes it (not UTF-8, not JSON, ``NaN`` or a key twice is the
        line's problem) and structured with :func:`structure_record`. Pass ``bytes`` (or text
        decoded with ``surrogateescape`` and encoded back) so that a line that is not UTF-8 is
        its own problem. One bad line never stops a partition: it is counted in
        :attr:`invalid` and its problems are returned.

        Args:
            line: one line, with or without its line break.
            number: the line's number in its file, for the messages (``line 12``).

        Returns:
            ``None`` for a blank line (nothing read), ``()`` when the record was read, or the
            problems of the line (each path inside the record, as :func:`atensi.structure`
            gives it).

        >>> from atensi.reports import parse_period
        >>> report = ProgrammeReport(parse_period("2024"))
        >>> report.add_line("  ") is None
        True
        >>> [e.code for e in report.add_line(b'{"id": "C-1"} x', number=3)]
        ['input.not_json']
        >>> report.invalid, report.records
        (1, 0)
        """
        found = self._read_line(line, number)
        if isinstance(found, Case):
            self.add(found)
            return ()
        return found

    def add_lines(
        self, lines: Iterable[str | bytes], numbers: Iterable[int | None] | None = None
    ) -> list[tuple[ErrorDetail, ...] | None]:
        """Read lines as :meth:`add_line` reads each one; return what it returns for each.

        Faster than a line at a time: the valid cases are read a few at a time, each part of
        the report (totals, evaluation, budget) taking all of them in turn. The report is the
        same (it does not depend on the order of its records).

        Args:
            lines: the lines, with or without their line breaks.
            numbers: each line's number in its file, for the messages (default: none).

        >>> from atensi.reports import parse_period
        >>> report = ProgrammeReport(parse_period("2024"))
        >>> case = ('{"id": "C-1", "unit": "S-1", "opened_on": "2024-01-02", "subject": '
        ...     '{"kind": "community", "id": "K-1", "name": "Kampung"}}')
        >>> blank, read, bad = report.add_lines(["", case, '{"id": "C-2"}'], numbers=[1, 2, 3])
        >>> blank, read, bad[0].code, report.records, report.invalid
        (None, (), 'object.missing_key', 1, 1)
        """
        out: list[tuple[ErrorDetail, ...] | None] = []
        numbered = (
            zip(lines, itertools.repeat(None), strict=False)
            if numbers is None
            else zip(lines, numbers, strict=True)
        )

        def cases() -> Iterator[Case]:
            for line, number in numbered:
                found = self._read_line(line, number)
                if isinstance(found, Case):
                    out.append(())  # read with the next few
                    yield found
                else:
                    out.append(found)

        self._add_held(cases())
        return out

    def _read_line(
        self, line: str | bytes, number: int | None
    ) -> Case | tuple[ErrorDetail, ...] | None:
        """A valid case of the quick path, not yet read; else what :meth:`add_line` returns.

        A record of the strict path (or a portfolio) is read here; a problem is counted.
        """
        if not line.strip():
            return None
        try:
            # The quick path (the compiled twins with the ``fast`` extra, else the counted
            # decoder): a valid case, read as ``structure_record`` reads it, or it raises and
            # the strict path below says why. A portfolio is never a valid case (its keys).
            # Only the quick path's refusals are caught: anything else is a defect, and raises.
            case: Case = entity_decoder()(line, Case)
        except refusals():  # the strict path decides, and says why
            pass
        else:
            return case
        decoded = decode_numbered(line, number)
        if isinstance(decoded, ErrorDetail):
            self.invalid += 1
            return (decoded,)
        try:
            record = structure_record(decoded)
        except InvalidRecord as exc:
            self.invalid += 1
            return exc.errors
        self.add(record)
        return ()

    def add_all(self, records: Iterable[Case | Portfolio]) -> ProgrammeReport:
        """Read every record of a stream; return the report (cases a few at a time)."""

        def cases() -> Iterator[Case]:
            for record in records:
                if isinstance(record, Case):
                    yield record
                else:  # a portfolio, read as it comes
                    self.add(record)

        self._add_held(cases())
        return self

    def merge(self, other: ProgrammeReport) -> ProgrammeReport:
        """Add another partial report to this one (in place) and return it.

        Raises:
            ReportError: ``report.cannot_merge`` for partials made with other parameters, or
                with different pseudonym keys (each report made without ``pseudonym_key``
                draws its own: give partials you will merge the same key).
        """
        if other.totals.spec.key_fingerprint != self.totals.spec.key_fingerprint:
            raise different_keys()
        self.totals.merge(other.totals)
        self.evaluation.merge(other.evaluation)
        self.budget.merge(other.budget)
        self.records += other.records
        self.invalid += other.invalid
        return self

    def _tables_kept(self) -> list[tuple[str, tuple[str, ...]]]:
        kept = []
        for name, axes in TABLES:
            try:
                self.totals.projector(axes)
            except ReportError:
                continue
            kept.append((name, axes))
        return kept

    def tables(
        self,
        *,
        targets: Sequence[PmTarget] = (),
        registry: UnitRegistry | Iterable[ServiceUnit] | None = None,
        budget_targets: Sequence[BudgetTarget] = (),
    ) -> dict[str, str]:
        """Every table as CSV text, by file name.

        Args:
            targets: the caller's targets (adds ``achievement.csv``).
            registry: the unit registry (residential places in the evaluation).
            budget_targets: the caller's allocations (pagu; adds ``budget_realisation.csv``).
        """
        units = None if registry is None else _units(registry)
        out = {name: self.totals.to_csv(axes) for name, axes in self._tables_kept()}
        out["pm_cells.csv"] = self.totals.to_csv()
        if targets:
            rows = achievement_json(self.totals.achievement(targets))
            header = sorted({k for r in rows for k in r} - _ACHIEVED, key=_axis_order)
            out["achievement.csv"] = csv_text(
                [*header, *_ACHIEVED_COLUMNS],
                ([r.get(h) for h in header] + [r[c] for c in _ACHIEVED_COLUMNS] for r in rows),
            )
        matching = self.totals.matching()
        if matching is not None:
            out["pm_matching.csv"] = csv_text(list(matching), [list(matching.values())])
        out["indicators.csv"] = csv_text(
            _INDICATOR_COLUMNS,
            (
                [*row, _LABELS[row.indicator].id, _LABELS[row.indicator].en, _GRADE, _SOURCE]
                for row in indicator_rows(self.totals, targets)
            ),
        )
        out["evaluation.csv"] = self.evaluation.to_csv(units)
        out["evaluation_breakdown.csv"] = self.evaluation.breakdown_csv(units)
        out["budget.csv"] = self.budget.to_csv()
        out["budget_by_year_channel.csv"] = self.budget.to_csv(("budget_year", "channel"))
        out["funding_findings.csv"] = self.budget.findings_csv()
        if self.budget.accounts:  # only when some aid records its expenditure account
            out["budget_by_account.csv"] = self.budget.accounts_csv()
        if budget_targets:
            out["budget_realisation.csv"] = csv_text(
                [*RealisationRow._fields, "indicator", "evidence", "source"],
                (
                    [*row, REALISATION.id, REALISATION.evidence.value, _BUDGET_SOURCE]
                    for row in self.budget.realisation(budget_targets)
                ),
            )
        return out

    def to_json(
        self,
        *,
        targets: Sequence[PmTarget] = (),
        registry: UnitRegistry | Iterable[ServiceUnit] | None = None,
        budget_targets: Sequence[BudgetTarget] = (),
    ) -> dict[str, Any]:
        """Everything as one JSON-ready document (version 1)."""
        units = None if registry is None else _units(registry)
        spec = self.totals.spec
        matching = self.totals.matching()
        return {
            "version": 1,
            "period": {"start": spec.period.start.isoformat(), "end": spec.period.end.isoformat()},
            "granularity": spec.granularity,
            "members": spec.members,
            "edition": self.edition,
            "records": self.records,
            "totals": {
                name.removesuffix(".csv"): self.totals.to_json(axes)
                for name, axes in self._tables_kept()
            },
            "cells": self.totals.to_json(),
            "achievement": achievement_json(self.totals.achievement(targets)),
            "evaluation": self.evaluation.to_json(units),
            "indicators": [
                {**row._asdict(), "evidence": _GRADE, "source": _SOURCE}
                for row in indicator_rows(self.totals, targets)
            ],
            "budget": self.budget.to_json(),
            **({} if matching is None else {"matching": matching}),
            **(
                {
                    "budget_realisation": [
                        {
                            **row._asdict(),
                            "indicator": REALISATION.id,
                            "evidence": _BUDGET_GRADE,
                            "source": _BUDGET_SOURCE,
                        }
                        for row in self.budget.realisation(budget_targets)
                    ]
                }
                if budget_targets
                else {}
            ),
        }

    def json_text(
        self,
        *,
        targets: Sequence[PmTarget] = (),
        registry: UnitRegistry | Iterable[ServiceUnit] | None = None,
        budget_targets: Sequence[BudgetTarget] = (),
    ) -> str:
        """:meth:`to_json` as text: sorted keys, decimals as strings, byte-identical."""
        document = self.to_json(targets=targets, registry=registry, budget_targets=budget_targets)
        return json_text(document)


_ACHIEVED_COLUMNS = ("target_pm", "achieved_pm", "not_placed_pm", "ratio")
_INDICATOR_COLUMNS = (
    "indicator",
    "period",
    "value",
    "served_pm",
    "target_pm",
    "realisation",
    "label_id",
    "label_en",
    "evidence",
    "source",
)
_LABELS = {indicator.id: indicator.label for indicator in INDICATORS}
_GRADE = INDICATORS[0].evidence.value  # one source for all of them (a test holds it)
#: The entry of the sources catalogue the indicators are read in: a reader can open it.
_SOURCE = INDICATORS[0].citation.source
_BUDGET_GRADE = REALISATION.evidence.value
#: Budget realisation by account is atensi's convention: its entry of the catalogue.
_BUDGET_SOURCE = REALISATION.citation.source
_ACHIEVED = frozenset(_ACHIEVED_COLUMNS)


def _axis_order(axis: str) -> int:
    return AXES.index(axis)


def _units(registry: UnitRegistry | Iterable[ServiceUnit]) -> tuple[ServiceUnit, ...]:
    return tuple(registry.units if isinstance(registry, UnitRegistry) else registry)
