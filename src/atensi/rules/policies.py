"""The six technical policies of social rehabilitation as indicators over a portfolio.

No official indicators exist for the six policies announced at the December 2020 Rakornas
(REFERENCE §7.3: looked for, not found). These are atensi's operationalisation: transparent,
each defined as data (:data:`INDICATORS`: id, policy, labels, formula, evidence grade, range),
computed from the portfolio's records, and compared with targets only when the caller passes
them. None of them is official; every one is graded ``convention``.

Each :class:`IndicatorValue` carries the numerator, denominator, value, optional target, a
status, and the ids of the records behind a shortfall (so a director can act on them).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple

from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import Case, Person, Portfolio
from atensi.model.portfolio import PartnerKind
from atensi.rules.children import child_residential_finding
from atensi.rules.decision import Status
from atensi.vocab import Approach, CaseStage, Evidence, IndirectService, Label, TechnicalPolicy

__all__ = ["INDICATORS", "IndicatorDef", "IndicatorValue", "PolicyReport", "evaluate_policies"]

_RECORDS_SHOWN = 50


class IndicatorDef(NamedTuple):
    """The definition of an indicator (data, not code)."""

    id: str
    policy: TechnicalPolicy
    label: Label
    formula: str
    kind: str  # "share" (0..1), "count" (>= 0) or "ratio" (>= 0)
    evidence: Evidence = Evidence.CONVENTION


def _d(
    id_: str, policy: TechnicalPolicy, id_label: str, en: str, formula: str, kind: str = "share"
) -> IndicatorDef:
    return IndicatorDef(id_, policy, Label(id_label, en), formula, kind)


P = TechnicalPolicy
INDICATORS: tuple[IndicatorDef, ...] = (
    _d(
        "pol.rights.consent_before_intervention",
        P.RIGHTS,
        "Kasus dengan persetujuan sebelum intervensi",
        "Cases with consent before intervention",
        "cases whose consent date is on or before their first intervention / cases with an "
        "intervention",
    ),
    _d(
        "pol.rights.assessment_before_intervention",
        P.RIGHTS,
        "Intervensi yang didahului asesmen",
        "Interventions preceded by an assessment",
        "cases whose first assessment is on or before their first intervention or delivery / "
        "cases with an intervention or delivery",
    ),
    _d(
        "pol.rights.child_residential_justified",
        P.RIGHTS,
        "Penempatan residensial anak dengan alasan tercatat",
        "Children in residential care with a recorded justification",
        "cases the rule svc.anak.family_first finds met (a child, or possibly a child, on the "
        "day residential care was planned, with a recorded justification) / cases it applies to",
    ),
    _d(
        "pol.integration.identified",
        P.INTEGRATED_SYSTEM,
        "Subjek dengan NIK atau nomor registri",
        "Subjects with a NIK or a registry id",
        "person subjects with a NIK or a registry id / person subjects",
    ),
    _d(
        "pol.integration.referral_receiving_unit",
        P.INTEGRATED_SYSTEM,
        "Rujukan keluar dengan penerima tercatat",
        "Referrals out with a receiving unit",
        "referrals out naming the receiving unit / referrals out",
    ),
    _d(
        "pol.integration.complete_stage_history",
        P.INTEGRATED_SYSTEM,
        "Kasus selesai dengan riwayat tahapan lengkap",
        "Closed cases with a complete history",
        "terminated cases whose history holds assessment, planning, intervention and "
        "termination / terminated cases",
    ),
    _d(
        "pol.reach.family_based_deliveries",
        P.REACH,
        "Layanan berbasis keluarga",
        "Family-based deliveries",
        "deliveries in the period with the family-based approach",
        "count",
    ),
    _d(
        "pol.reach.community_based_deliveries",
        P.REACH,
        "Layanan berbasis komunitas",
        "Community-based deliveries",
        "deliveries in the period with the community-based approach",
        "count",
    ),
    _d(
        "pol.reach.residential_deliveries",
        P.REACH,
        "Layanan residensial",
        "Residential deliveries",
        "deliveries in the period with the residential approach",
        "count",
    ),
    _d(
        "pol.reach.family_community_share",
        P.REACH,
        "Porsi layanan berbasis keluarga dan komunitas",
        "Family- and community-based share",
        "family- and community-based deliveries / deliveries in the period",
    ),
    _d(
        "pol.capacity.lks_accredited",
        P.CAPACITY,
        "LKS mitra terakreditasi",
        "Partner LKS accredited",
        "partner LKS with an accreditation valid on the last day of the period / partner LKS",
    ),
    _d(
        "pol.capacity.cases_per_certified_worker",
        P.CAPACITY,
        "Kasus per pekerja sosial bersertifikat",
        "Cases per certified social worker",
        "cases open in the period / certified social workers on staff",
        "ratio",
    ),
    _d(
        "pol.campaigns.activities",
        P.CAMPAIGNS,
        "Kegiatan layanan tidak langsung",
        "Indirect-service activities",
        "indirect-service activities dated in the period",
        "count",
    ),
    _d(
        "pol.participation.active_lks_partnerships",
        P.PARTICIPATION,
        "Kemitraan LKS aktif",
        "Active LKS partnerships",
        "partnerships with an LKS active during the period",
        "count",
    ),
    _d(
        "pol.participation.active_private_partnerships",
        P.PARTICIPATION,
        "Kemitraan swasta aktif",
        "Active private partnerships",
        "partnerships with a private party active during the period",
        "count",
    ),
    _d(
        "pol.participation.community_provider_share",
        P.PARTICIPATION,
        "Porsi layanan oleh penyedia komunitas",
        "Deliveries by community providers",
        "deliveries in the period whose provider is a partner LKS / deliveries in the period",
    ),
)
_BY_ID = {i.id: i for i in INDICATORS}


class IndicatorValue(NamedTuple):
    """The value of one indicator over a portfolio."""

    id: str
    policy: str
    numerator: int
    denominator: int | None
    value: float | None
    target: float | None
    status: Status
    records: tuple[str, ...]
    breakdown: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "id": self.id,
            "policy": self.policy,
            "numerator": self.numerator,
            "denominator": self.denominator,
            "value": self.value,
            "target": self.target,
            "status": self.status.value,
            "records": list(self.records),
            "breakdown": dict(self.breakdown),
        }


class PolicyReport(NamedTuple):
    """The indicators of the six policies over one portfolio and period."""

    portfolio: str
    start: dt.date
    end: dt.date
    indicators: tuple[IndicatorValue, ...]
    edition: str | None = None

    def by_policy(self, policy: TechnicalPolicy) -> tuple[IndicatorValue, ...]:
        """The indicators of one policy."""
        return tuple(i for i in self.indicators if i.policy == policy.value)

    def to_json(self) -> dict[str, Any]:
        """Return the documented JSON shape (version 1)."""
        return {
            "version": 1,
            "portfolio": self.portfolio,
            "edition": self.edition,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "indicators": [i.to_json() for i in self.indicators],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PolicyReport:
        """Rebuild a report from :meth:`to_json` output."""
        return cls(
            data["portfolio"],
            dt.date.fromisoformat(data["start"]),
            dt.date.fromisoformat(data["end"]),
            tuple(
                IndicatorValue(
                    i["id"],
                    i["policy"],
                    i["numerator"],
                    i["denominator"],
                    i["value"],
                    i["target"],
                    Status(i["status"]),
                    tuple(i["records"]),
                    tuple(i["breakdown"].items()),
                )
                for i in data["indicators"]
            ),
            data.get("edition"),
        )


def _first(case: Case, stages: tuple[CaseStage, ...]) -> dt.date | None:
    dates = [s.on for s in case.stages if s.stage in stages]
    return min(dates) if dates else None


def _within(day: dt.date, start: dt.date, end: dt.date) -> bool:
    return start <= day <= end


def evaluate_policies(
    portfolio: Portfolio,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    targets: Mapping[str, float] | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> PolicyReport:
    """Compute every indicator of :data:`INDICATORS` over ``portfolio``.

    Args:
        portfolio: the records.
        period: ``(start, end)``, both inclusive; defaults to the portfolio's own period.
        targets: optional targets by indicator id (a share as 0..1, a count or a ratio); a
            share or count meets its target when at least the target, a ratio of cases per
            worker when at most the target.
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`; the
            report names the edition in force on the period's last day.
        in_force_dates: replace atensi's unverified in-force dates.
    """
    start, end = period or (portfolio.start, portfolio.end)
    current = instrument_in_force(end, edition=edition, in_force_dates=in_force_dates)
    goals = dict(targets or {})
    values: list[IndicatorValue] = []

    def share(id_: str, hits: list[str], misses: list[str]) -> None:
        denominator = len(hits) + len(misses)
        value = len(hits) / denominator if denominator else None
        values.append(_value(id_, len(hits), denominator, value, goals, tuple(sorted(misses))))

    def count(id_: str, number: int, breakdown: tuple[tuple[str, int], ...] = ()) -> None:
        values.append(_value(id_, number, None, float(number), goals, (), breakdown))

    active = [
        c
        for c in portfolio.cases
        if c.opened_on <= end and (c.termination is None or c.termination.on >= start)
    ]
    # 1. Rights.
    consent_hits: list[str] = []
    consent_miss: list[str] = []
    assess_hits: list[str] = []
    assess_miss: list[str] = []
    child_hits: list[str] = []
    child_miss: list[str] = []
    for case in active:
        first_intervention = _first(case, (CaseStage.INTERVENTION,))
        if first_intervention is not None:
            ok = case.consent_on is not None and case.consent_on <= first_intervention
            (consent_hits if ok else consent_miss).append(case.id)
        starts = [d.start for d in case.deliveries]
        first_service = min(
            [*starts, *([first_intervention] if first_intervention else [])], default=None
        )
        if first_service is not None:
            assessed = [a.assessed_on for a in case.assessments]
            ok = bool(assessed) and min(assessed) <= first_service
            (assess_hits if ok else assess_miss).append(case.id)
        residential = child_residential_finding(case)
        if residential is not None:
            ok = residential.status is Status.MET
            (child_hits if ok else child_miss).append(case.id)
    share("pol.rights.consent_before_intervention", consent_hits, consent_miss)
    share("pol.rights.assessment_before_intervention", assess_hits, assess_miss)
    share("pol.rights.child_residential_justified", child_hits, child_miss)
    # 2. Integrated system.
    id_hits: list[str] = []
    id_miss: list[str] = []
    ref_hits: list[str] = []
    ref_miss: list[str] = []
    hist_hits: list[str] = []
    hist_miss: list[str] = []
    needed = {
        CaseStage.ASSESSMENT,
        CaseStage.PLANNING,
        CaseStage.INTERVENTION,
        CaseStage.TERMINATION,
    }
    for case in active:
        if isinstance(case.subject, Person):
            ok = isinstance(case.subject.nik, str) or case.subject.registry_id is not None
            (id_hits if ok else id_miss).append(case.id)
        for index, referral in enumerate(case.referrals):
            if referral.direction.value == "keluar" and _within(referral.on, start, end):
                ok = bool((referral.counterpart or "").strip())
                (ref_hits if ok else ref_miss).append(f"{case.id}#referral{index}")
        if case.termination is not None and _within(case.termination.on, start, end):
            ok = needed <= {s.stage for s in case.stages}
            (hist_hits if ok else hist_miss).append(case.id)
    share("pol.integration.identified", id_hits, id_miss)
    share("pol.integration.referral_receiving_unit", ref_hits, ref_miss)
    share("pol.integration.complete_stage_history", hist_hits, hist_miss)
    # 3. Reach.
    deliveries = [
        (c, d) for c in portfolio.cases for d in c.deliveries if _within(d.start, start, end)
    ]
    approaches = Counter(d.approach for _, d in deliveries)
    count("pol.reach.family_based_deliveries", approaches[Approach.FAMILY_BASED])
    count("pol.reach.community_based_deliveries", approaches[Approach.COMMUNITY_BASED])
    count("pol.reach.residential_deliveries", approaches[Approach.RESIDENTIAL])
    share(
        "pol.reach.family_community_share",
        [d.id for _, d in deliveries if d.approach is not Approach.RESIDENTIAL],
        [f"{c.id}#{d.id}" for c, d in deliveries if d.approach is Approach.RESIDENTIAL],
    )
    # 4. Capacity.
    lks_hits = [
        lks.code
        for lks in portfolio.partner_lks
        if lks.accreditation is not None and lks.accreditation.valid_on(end)
    ]
    lks_miss = [lks.code for lks in portfolio.partner_lks if lks.code not in set(lks_hits)]
    share("pol.capacity.lks_accredited", lks_hits, lks_miss)
    workers = sum(1 for s in portfolio.staff if s.certified_social_worker)
    ratio = len(active) / workers if workers else None
    values.append(
        _value("pol.capacity.cases_per_certified_worker", len(active), workers, ratio, goals, ())
    )
    # 5. Campaigns.
    kinds = Counter(a.kind for a in portfolio.activities if _within(a.on, start, end))
    count(
        "pol.campaigns.activities",
        sum(kinds.values()),
        tuple((k.value, kinds[k]) for k in IndirectService if kinds[k]),
    )
    # 6. Participation.
    live = [
        p for p in portfolio.partnerships if p.start <= end and (p.end is None or p.end >= start)
    ]
    count(
        "pol.participation.active_lks_partnerships",
        sum(1 for p in live if p.partner_kind is PartnerKind.LKS),
    )
    count(
        "pol.participation.active_private_partnerships",
        sum(1 for p in live if p.partner_kind is PartnerKind.PRIVATE),
    )
    partners = {lks.code for lks in portfolio.partner_lks}
    share(
        "pol.participation.community_provider_share",
        [d.id for _, d in deliveries if d.provider in partners],
        [f"{c.id}#{d.id}" for c, d in deliveries if d.provider not in partners],
    )
    return PolicyReport(portfolio.id, start, end, tuple(values), current.id)


def _value(
    id_: str,
    numerator: int,
    denominator: int | None,
    value: float | None,
    goals: Mapping[str, float],
    misses: tuple[str, ...],
    breakdown: tuple[tuple[str, int], ...] = (),
) -> IndicatorValue:
    definition = _BY_ID[id_]
    target = goals.get(id_)
    if value is None:
        status = Status.NOT_APPLICABLE
    elif target is None:
        status = Status.UNKNOWN
    elif definition.kind == "ratio":
        status = Status.MET if value <= target else Status.NOT_MET
    else:
        status = Status.MET if value >= target else Status.NOT_MET
    shown = misses[:_RECORDS_SHOWN] if status is not Status.MET else ()
    return IndicatorValue(
        id_,
        definition.policy.value,
        numerator,
        denominator,
        None if value is None else round(value, 6),
        target,
        status,
        shown,
        breakdown,
    )
