"""The evaluation, input to impact: the measures of :mod:`atensi.reports.measures`, computed.

:class:`Evaluation` reads cases (and a portfolio's staff and partnerships) one at a time and
keeps only counters: per measure, how many records were in scope, how many held the data, and
the numbers themselves (a histogram of days, sums of rupiah, the keys of the PM served). Memory
does not grow with the records, except for the distinct PM (17 bytes each: the kind and the
16-byte key, packed as in :mod:`atensi.reports.totals`) and the distinct serving units; partial
evaluations of partitions :meth:`~Evaluation.merge` exactly.

What each measure counts, and on which records, is its ``formula``; a few choices the formulas
share:

* A case is *open during the period* when it was opened by its last day and not terminated
  before its first; *opened in the period* when its opening day falls in it.
* A case closed by death (``meninggal_dunia``) has no outcome and no follow-up to measure: it
  is out of scope for both.
* The follow-up points fall due 6 and 12 months after termination (:mod:`~.aftercare`); a
  point is measured in the period its *due day* falls in, whenever the follow-up itself was
  recorded.
* A delivery counts where it *starts*, except for the PM served, counted as the totals count
  them (a delivery overlapping the period).

>>> import atensi
>>> from atensi.model import Case
>>> from atensi.reports import Evaluation, parse_period
>>> case = atensi.structure({"id": "C-1", "unit": "S-1", "opened_on": "2023-01-05",
...     "subject": {"kind": "person", "id": "P-1", "nik": {"reason": "belum_terdaftar"},
...                 "name": "Budi"},
...     "termination": {"on": "2023-06-30", "reason": "tujuan_tercapai",
...                     "outcome": {"recorded_on": "2023-06-30", "functioning_improved": True}},
...     "followups": [{"on": "2024-01-02", "months_after": 6, "functioning_maintained": True}]},
...     Case)
>>> evaluation = Evaluation(parse_period("2023"))
>>> evaluation.add(case)
>>> values = {v.id: v for v in evaluation.values()}
>>> improved = values["oc.functioning_improved"]
>>> improved.value, improved.with_data, improved.in_scope
(Fraction(1, 1), 1, 1)
>>> values["oc.independent_income"].value is None  # not recorded: no data, not 0
True
>>> values["im.functioning_maintained_6m"].in_scope  # due 2023-12-30: in the period
1
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any, NamedTuple

from atensi.law import Edition, InForceDates
from atensi.model import (
    SUBJECT_KINDS,
    Case,
    Partnership,
    Period,
    Portfolio,
    ServiceUnit,
    StaffMember,
    UnitRegistry,
)
from atensi.reports import _window
from atensi.reports.aftercare import SCHEDULE, due
from atensi.reports.codes import CODE
from atensi.reports.errors import ReportError
from atensi.reports.keys import BeneficiaryKeys, different_keys
from atensi.reports.measures import MEASURES, Measure
from atensi.reports.packed import PackedPairs, distinct_keys
from atensi.reports.periods import edition_for
from atensi.reports.render import csv_text
from atensi.rules.policies import history_complete
from atensi.vocab import CaseStage, Practice, TerminationReason

__all__ = ["Evaluation", "MeasureValue", "evaluate"]

_BY_ID: dict[str, Measure] = {m.id: m for m in MEASURES}
_OUTCOME_FIELDS = ("functioning_improved", "reintegrated_with_family", "independent_income")
_FOLLOW_UP_FIELDS = ("functioning_maintained", "living_with_family", "independent_income")
#: Each outcome field and its measure (named once, not per case).
_OUTCOME_IDS = tuple((name, f"oc.{name}") for name in _OUTCOME_FIELDS)


@functools.lru_cache(maxsize=64)
def _follow_up_id(name: str, months: int) -> str:
    """The measure of a follow-up field at a point (``im.living_with_family_6m``)."""
    return f"im.{name}_{months}m"


#: The kinds of PM, by the tag their keys carry.
_KINDS: tuple[str, ...] = tuple(SUBJECT_KINDS)
_KIND_TAG = {kind: tag.to_bytes(1, "big") for tag, kind in enumerate(_KINDS)}


class MeasureValue(NamedTuple):
    """The value of one measure, with its coverage.

    Attributes:
        id: the measure's id.
        level: its level code.
        unit: ``count``, ``share``, ``days`` or ``rupiah``.
        value: the number (an exact fraction for a share or days), or ``None`` with no data.
        numerator: for a share, the records that say yes.
        denominator: for a share, the records that hold the data.
        with_data: records in scope that held the data.
        in_scope: records the measure looked at.
        breakdown: ``(code, number)`` pairs: by channel, kind, component or practice, or the
            mean, least and most of days.
    """

    id: str
    level: str
    unit: str
    value: int | Fraction | None
    numerator: int | None
    denominator: int | None
    with_data: int
    in_scope: int
    breakdown: tuple[tuple[str, int | Fraction], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """JSON-ready data (fractions stay exact; :mod:`~.render` writes them as decimals)."""
        return {
            "id": self.id,
            "level": self.level,
            "unit": self.unit,
            "value": self.value,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "coverage": {"with_data": self.with_data, "in_scope": self.in_scope},
            "breakdown": dict(self.breakdown),
        }


class _Tally:
    """The counters of one measure: scope, data, and what the unit needs."""

    __slots__ = ("by", "days", "no", "scope", "total", "with_data", "yes")

    def __init__(self) -> None:
        self.scope = 0
        self.with_data = 0
        self.yes = 0
        self.no = 0
        self.total = 0
        self.by: Counter[str] = Counter()
        self.days: Counter[int] = Counter()

    def answer(self, value: bool | None) -> None:
        """One record in scope of a share: yes, no or not recorded."""
        self.scope += 1
        if value is True:
            self.yes += 1
        elif value is False:
            self.no += 1

    def merge(self, other: _Tally) -> None:
        self.scope += other.scope
        self.with_data += other.with_data
        self.yes += other.yes
        self.no += other.no
        self.total += other.total
        self.by.update(other.by)
        self.days.update(other.days)


def _in(day: dt.date, period: Period) -> bool:
    return period.start <= day <= period.end


def _first(case: Case, stage: CaseStage) -> dt.date | None:
    dates = [s.on for s in case.stages if s.stage is stage]
    return min(dates) if dates else None


def _median(days: Counter[int]) -> Fraction:
    count = sum(days.values())
    middle = []
    seen = 0
    for value in sorted(days):
        previous = seen
        seen += days[value]
        for position in ((count - 1) // 2, count // 2):
            if previous <= position < seen:
                middle.append(value)
    return Fraction(sum(middle), len(middle))


class Evaluation:
    """A mergeable accumulator of the evaluation measures over one period.

    Args:
        period: the period (both ends inclusive).
        members: count the PM served as :class:`~atensi.reports.Totals` does with it.
        pseudonym_key: key the PM hashes (:mod:`atensi.reports.keys`).
        schedule: follow-up points in months after termination (default 6 and 12).
        edition: pin an edition; the evaluation names the edition in force on the period's
            last day (the one resolver).
        in_force_dates: replace atensi's unverified in-force dates.
        match: count the PM served as :class:`~atensi.reports.Totals` does with it.
    """

    __slots__ = ("_keys", "_pm", "edition", "spec", "tallies", "units")

    def __init__(
        self,
        period: Period,
        *,
        members: bool = False,
        pseudonym_key: bytes | None = None,
        schedule: Iterable[int] = SCHEDULE,
        edition: str | Edition | None = None,
        in_force_dates: InForceDates | None = None,
        match: bool = False,
    ) -> None:
        self.edition = edition_for(period, edition=edition, in_force_dates=in_force_dates).id
        self._keys = BeneficiaryKeys(pseudonym_key)
        points = tuple(schedule)
        self.spec = (period, members, points, self._keys.fingerprint, self.edition, match)
        self.tallies: dict[str, _Tally] = {m.id: _Tally() for m in MEASURES}
        #: PM keys served, tagged by kind (packed: :mod:`~atensi.reports.packed`).
        self._pm = PackedPairs(tag_bytes=1)
        #: Serving units.
        self.units: set[str] = set()

    @property
    def kinds(self) -> dict[str, frozenset[int]]:
        """The keys of the PM served, by kind (built when asked)."""
        served = self._pm
        return {
            _KINDS[tag[0]]: frozenset(int.from_bytes(k, "big") for k in served.keys(first, count))
            for tag, first, count in served.tags()
        }

    @property
    def nbytes(self) -> int:
        """Bytes held for the distinct PM served (packed keys; the counters are a few kB)."""
        return self._pm.nbytes

    @property
    def period(self) -> Period:
        """The period evaluated."""
        period: Period = self.spec[0]
        return period

    # --- Reading records ------------------------------------------------------------------

    def add(self, case: Case) -> None:
        """Read one case."""
        period = self.period
        tally = self.tallies
        closed = case.termination
        active = case.opened_on <= period.end and (closed is None or closed.on >= period.start)
        if active:
            self.units.add(case.unit)
            self._conferences(case)
        if _in(case.opened_on, period):
            self._timeliness(case)
        starting = [d for d in case.deliveries if _in(d.start, period)]
        for delivery in starting:
            self._delivery(delivery.funding, delivery.amount_idr, delivery.in_kind)
            components = tally["out.deliveries_by_component"]
            components.scope += 1
            components.with_data += 1
            components.total += 1
            components.by[CODE[delivery.component]] += 1
            practices = tally["out.deliveries_by_practice"]
            practices.scope += 1
            if delivery.practice is not None:
                practices.with_data += 1
                practices.total += 1
                practices.by[CODE[delivery.practice]] += 1
        for event in case.events:
            if _in(event.on, period):
                practices = tally["out.deliveries_by_practice"]
                practices.scope += 1
                practices.with_data += 1
                practices.total += 1
                practices.by[CODE[event.practice]] += 1
        self._served(case)
        if closed is not None and closed.reason is not TerminationReason.DEATH:
            if _in(closed.on, period):
                for name, measure in _OUTCOME_IDS:
                    value = None if closed.outcome is None else getattr(closed.outcome, name)
                    tally[measure].answer(value)
            self._followups(case, closed.on)
        if closed is not None and _in(closed.on, period):
            tally["pr.complete_stage_history"].answer(history_complete(case))

    def _conferences(self, case: Case) -> None:
        conferences = self.tallies["pr.case_conferences"]
        conferences.scope += 1
        if case.events:
            conferences.with_data += 1
            conferences.total += sum(
                1
                for e in case.events
                if e.practice is Practice.CASE_CONFERENCE and _in(e.on, self.period)
            )

    def _timeliness(self, case: Case) -> None:
        assessed = [a.assessed_on for a in case.assessments]
        staged = _first(case, CaseStage.ASSESSMENT)
        first_assessment = min([*assessed, *([staged] if staged else [])], default=None)
        planned = case.plan.drawn_up_on if case.plan is not None else None
        planned = planned or _first(case, CaseStage.PLANNING)
        contact = self.tallies["pr.days_contact_to_assessment"]
        contact.scope += 1
        if first_assessment is not None:
            contact.with_data += 1
            contact.days[(first_assessment - case.opened_on).days] += 1
        plan = self.tallies["pr.days_assessment_to_plan"]
        plan.scope += 1
        if first_assessment is not None and planned is not None:
            plan.with_data += 1
            plan.days[(planned - first_assessment).days] += 1

    def _delivery(self, funding: Any, amount: int | None, items: Iterable[Any]) -> None:
        budget = self.tallies["in.budget_idr"]
        budget.scope += 1
        valued = [i.value_idr for i in items if i.value_idr is not None]
        if funding is None or (amount is None and not valued):
            return
        total = (amount or 0) + sum(valued)
        budget.with_data += 1
        budget.total += total
        budget.by[CODE[funding.channel]] += total

    def _served(self, case: Case) -> None:
        period = self.period
        if not any(
            d.start <= period.end and (d.end or d.start) >= period.start for d in case.deliveries
        ):
            return
        members = self.spec[1]
        served, hashed, fingerprint = self._pm, self._keys.digest, self._keys.fingerprint
        for pm in _window.pms(case, members, self.spec[5]):
            served.add(_KIND_TAG[pm.kind] + _window.digest(case, pm, fingerprint, hashed))

    def _followups(self, case: Case, closed_on: dt.date) -> None:
        by_point = {f.months_after: f for f in case.followups}
        for months in self.spec[2]:
            if not _in(due(closed_on, months), self.period):
                continue
            followup = by_point.get(months)
            self.tallies["pr.followups_done"].answer(followup is not None)
            for name in _FOLLOW_UP_FIELDS:
                measure = self.tallies.get(_follow_up_id(name, months))
                if measure is not None:
                    measure.answer(None if followup is None else getattr(followup, name))

    def add_staff(self, staff: Iterable[StaffMember]) -> None:
        """Read a staff list (give each list once: staff are counted per record)."""
        workers = self.tallies["in.certified_social_workers"]
        for member in staff:
            workers.scope += 1
            workers.with_data += 1
            workers.total += member.certified_social_worker

    def add_partnerships(self, partnerships: Iterable[Partnership]) -> None:
        """Read the aid handed over under partnerships (the budget of input)."""
        for partnership in partnerships:
            for aid in partnership.aid:
                if _in(aid.on, self.period):
                    self._delivery(aid.funding, aid.amount_idr, aid.items)

    def add_portfolio(self, portfolio: Portfolio) -> None:
        """Read a whole portfolio: its cases, staff and partnerships."""
        for case in portfolio.cases:
            self.add(case)
        self.add_staff(portfolio.staff)
        self.add_partnerships(portfolio.partnerships)

    def merge(self, other: Evaluation) -> Evaluation:
        """Add another partial's counters to this one (in place) and return it.

        Raises:
            ReportError: ``report.cannot_merge`` for partials made with other parameters.
        """
        if other._keys.fingerprint != self._keys.fingerprint:
            raise different_keys()
        if other.spec != self.spec:
            raise ReportError(
                "cannot merge evaluations made with different parameters",
                "report.cannot_merge",
                "tidak dapat menggabungkan evaluasi dengan parameter berbeda",
            )
        for key, tally in other.tallies.items():
            self.tallies[key].merge(tally)
        self._pm.update(other._pm)
        self.units |= other.units
        return self

    # --- Values ---------------------------------------------------------------------------

    def values(
        self, registry: UnitRegistry | Iterable[ServiceUnit] | None = None
    ) -> tuple[MeasureValue, ...]:
        """Every measure's value, in the order of :data:`~.measures.MEASURES`.

        Args:
            registry: the unit registry, for residential places (without it, no data).
        """
        units = _units_by_code(registry)
        out = []
        for measure in MEASURES:
            tally = self.tallies[measure.id]
            out.append(self._value(measure, tally, units))
        return tuple(out)

    def _value(
        self, measure: Measure, tally: _Tally, units: Mapping[str, ServiceUnit] | None
    ) -> MeasureValue:
        level, unit = measure.level.value, measure.unit
        if measure.id == "out.pm_served":
            served = self._pm
            everyone = distinct_keys(served)
            kinds = tuple(sorted((_KINDS[tag[0]], count) for tag, _, count in served.tags()))
            value = everyone or None
            return MeasureValue(
                measure.id, level, unit, value, None, None, everyone, everyone, kinds
            )
        if measure.id == "in.serving_units":
            count = len(self.units)
            return MeasureValue(measure.id, level, unit, count or None, None, None, count, count)
        if measure.id == "in.residential_places":
            return _places(measure, self.units, units)
        if unit == "share":
            known = tally.yes + tally.no
            if not known:
                return MeasureValue(measure.id, level, unit, None, None, None, 0, tally.scope)
            share = Fraction(tally.yes, known)
            return MeasureValue(
                measure.id, level, unit, share, tally.yes, known, known, tally.scope
            )
        if unit == "days":
            count = sum(tally.days.values())
            if not count:
                return MeasureValue(measure.id, level, unit, None, None, None, 0, tally.scope)
            mean = Fraction(sum(d * n for d, n in tally.days.items()), count)
            spread = (("mean", mean), ("min", min(tally.days)), ("max", max(tally.days)))
            return MeasureValue(
                measure.id,
                level,
                unit,
                _median(tally.days),
                None,
                None,
                count,
                tally.scope,
                (*spread, ("n", count)),
            )
        value = tally.total if tally.with_data else None
        by = tuple(sorted(tally.by.items()))
        return MeasureValue(
            measure.id, level, unit, value, None, None, tally.with_data, tally.scope, by
        )

    def to_json(
        self, registry: UnitRegistry | Iterable[ServiceUnit] | None = None
    ) -> dict[str, Any]:
        """The documented JSON shape (version 1)."""
        period = self.period
        return {
            "version": 1,
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
            "edition": self.edition,
            "measures": [v.to_json() for v in self.values(registry)],
        }

    def to_csv(self, registry: UnitRegistry | Iterable[ServiceUnit] | None = None) -> str:
        """One row per measure: id, level, unit, value, numerator, denominator, coverage."""
        header = [
            "id",
            "level",
            "unit",
            "value",
            "numerator",
            "denominator",
            "with_data",
            "in_scope",
            "label_id",
            "label_en",
        ]
        rows = [
            [
                v.id,
                v.level,
                v.unit,
                v.value,
                v.numerator,
                v.denominator,
                v.with_data,
                v.in_scope,
                _BY_ID[v.id].label.id,
                _BY_ID[v.id].label.en,
            ]
            for v in self.values(registry)
        ]
        return csv_text(header, rows)

    def breakdown_csv(self, registry: UnitRegistry | Iterable[ServiceUnit] | None = None) -> str:
        """One row per measure and breakdown code."""
        rows = [[v.id, code, n] for v in self.values(registry) for code, n in v.breakdown]
        return csv_text(["id", "code", "value"], rows)


def _units_by_code(
    registry: UnitRegistry | Iterable[ServiceUnit] | None,
) -> dict[str, ServiceUnit] | None:
    if registry is None:
        return None
    units = registry.units if isinstance(registry, UnitRegistry) else registry
    return {u.code: u for u in units}


def _places(
    measure: Measure, serving: set[str], units: Mapping[str, ServiceUnit] | None
) -> MeasureValue:
    level, unit = measure.level.value, measure.unit
    if units is None:
        return MeasureValue(measure.id, level, unit, None, None, None, 0, len(serving))
    known = [units[c].residential_places for c in sorted(serving) if c in units]
    places = [p for p in known if p is not None]
    total = sum(places) if places else None
    return MeasureValue(measure.id, level, unit, total, None, None, len(places), len(serving))


def evaluate(
    records: Iterable[Case | Portfolio],
    period: Period,
    *,
    registry: UnitRegistry | Iterable[ServiceUnit] | None = None,
    members: bool = False,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> tuple[MeasureValue, ...]:
    """Evaluate a stream of cases (or portfolios) over ``period``: every measure's value."""
    evaluation = Evaluation(period, members=members, edition=edition, in_force_dates=in_force_dates)
    for record in records:
        if isinstance(record, Portfolio):
            evaluation.add_portfolio(record)
        else:
            evaluation.add(record)
    return evaluation.values(registry)
