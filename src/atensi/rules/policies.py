"""The six technical policies of social rehabilitation as indicators over a portfolio.

No official indicators exist for the six policies announced at the December 2020 Rakornas
(looked for, not found). These are atensi's operationalisation: transparent,
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
from atensi.model import Case, Consent, Person, Portfolio, ProgrammeActivity, ReferralDirection
from atensi.model.portfolio import PartnerKind
from atensi.rules.age import age_range, child_age_limit
from atensi.rules.beneficiaries import beneficiaries
from atensi.rules.children import child_residential_finding
from atensi.rules.decision import Status
from atensi.vocab import (
    Approach,
    CaseStage,
    Evidence,
    IndirectService,
    Label,
    Practice,
    ReferralStatus,
    ServiceLine,
    TechnicalPolicy,
)

__all__ = [
    "INDICATORS",
    "IndicatorDef",
    "IndicatorValue",
    "PolicyReport",
    "evaluate_policies",
    "history_complete",
]

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


INDICATORS: tuple[IndicatorDef, ...] = (
    _d(
        "pol.rights.consent_before_intervention",
        TechnicalPolicy.RIGHTS,
        "Kasus dengan persetujuan (atau dasar hukum) sebelum intervensi",
        "Cases with consent (or a legal basis) before intervention",
        "cases whose consent stands on their first intervention (for a coercive or ordered "
        "mode: whose legal basis is dated on or before it) / cases with an intervention",
    ),
    _d(
        "pol.rights.coercive_with_basis",
        TechnicalPolicy.RIGHTS,
        "Kasus koersif atau atas perintah dengan dasar hukum tercatat",
        "Coercive or ordered cases with a recorded legal basis",
        "coercive or ordered cases with a legal basis dated on or before their first "
        "intervention / coercive or ordered cases with an intervention",
    ),
    _d(
        "pol.rights.child_views_heard",
        TechnicalPolicy.RIGHTS,
        "Persetujuan untuk anak dengan pendapat anak tercatat",
        "Consent for a child with the child's views recorded",
        "cases of a person under 18 on the day of consent whose consent records the child's "
        "views / cases of a person under 18 on the day of consent",
    ),
    _d(
        "pol.rights.assessment_before_intervention",
        TechnicalPolicy.RIGHTS,
        "Intervensi yang didahului asesmen",
        "Interventions preceded by an assessment",
        "cases whose first assessment is on or before their first intervention or delivery / "
        "cases with an intervention or delivery",
    ),
    _d(
        "pol.rights.child_residential_justified",
        TechnicalPolicy.RIGHTS,
        "Penempatan residensial anak dengan alasan tercatat",
        "Children in residential care with a recorded justification",
        "cases the rule svc.anak.family_first finds met (a child, or possibly a child, on the "
        "day residential care was planned, with a recorded justification) / cases it applies to",
    ),
    _d(
        "pol.integration.identified",
        TechnicalPolicy.INTEGRATED_SYSTEM,
        "Subjek dengan NIK atau nomor registri",
        "Subjects with a NIK or a registry id",
        "person subjects with a NIK or a registry id / person subjects",
    ),
    _d(
        "pol.integration.referral_receiving_unit",
        TechnicalPolicy.INTEGRATED_SYSTEM,
        "Rujukan keluar dengan penerima tercatat",
        "Referrals out with a receiving unit",
        "referrals out naming the receiving unit (a unit code or a name) / referrals out",
    ),
    _d(
        "pol.integration.referrals_answered",
        TechnicalPolicy.INTEGRATED_SYSTEM,
        "Rujukan keluar yang dijawab",
        "Referrals out answered",
        "referrals out sent in the period and accepted or declined by its last day / referrals "
        "out sent in the period",
    ),
    _d(
        "pol.integration.service_line",
        TechnicalPolicy.INTEGRATED_SYSTEM,
        "Layanan langsung dan tidak langsung pada jalurnya",
        "Direct and indirect services on their own line",
        "deliveries by a UPT/Sentra, UPTD or LKS and activities run by a technical directorate "
        "/ deliveries and activities in the period whose provider or organiser kind is recorded",
    ),
    _d(
        "pol.integration.complete_stage_history",
        TechnicalPolicy.INTEGRATED_SYSTEM,
        "Kasus selesai dengan riwayat tahapan lengkap sampai tahap yang dicapai",
        "Closed cases with a complete history up to the stage they reached",
        "terminated cases whose history holds every stage of assessment, planning and "
        "intervention up to the furthest one the case reached, and its closing (termination "
        "or early termination) / terminated cases",
    ),
    _d(
        "pol.reach.pm_served",
        TechnicalPolicy.REACH,
        "Penerima manfaat yang dilayani",
        "Beneficiaries served",
        "distinct PM (persons, families, groups and communities, each counted as what it is) "
        "with a delivery starting in the period, by any approach",
        "count",
    ),
    _d(
        "pol.reach.family_based_pm",
        TechnicalPolicy.REACH,
        "Penerima manfaat layanan berbasis keluarga",
        "Beneficiaries served family-based",
        "distinct PM with a family-based delivery starting in the period",
        "count",
    ),
    _d(
        "pol.reach.community_based_pm",
        TechnicalPolicy.REACH,
        "Penerima manfaat layanan berbasis komunitas",
        "Beneficiaries served community-based",
        "distinct PM with a community-based delivery starting in the period",
        "count",
    ),
    _d(
        "pol.reach.residential_pm",
        TechnicalPolicy.REACH,
        "Penerima manfaat layanan residensial",
        "Beneficiaries served in residential care",
        "distinct PM with a residential delivery starting in the period (policy 3 widens all "
        "three approaches: residential service is reach, not a shortfall)",
        "count",
    ),
    _d(
        "pol.reach.practices",
        TechnicalPolicy.REACH,
        "Praktik pekerjaan sosial",
        "Social-work practices",
        "deliveries naming a practice and case events dated in the period, by practice",
        "count",
    ),
    _d(
        "pol.capacity.lks_accredited",
        TechnicalPolicy.CAPACITY,
        "LKS mitra terakreditasi",
        "Partner LKS accredited",
        "partner LKS with an accreditation valid on the last day of the period / partner LKS",
    ),
    _d(
        "pol.capacity.cases_per_certified_worker",
        TechnicalPolicy.CAPACITY,
        "Kasus per pekerja sosial bersertifikat",
        "Cases per certified social worker",
        "cases open in the period / certified social workers on staff",
        "ratio",
    ),
    _d(
        "pol.campaigns.activities",
        TechnicalPolicy.CAMPAIGNS,
        "Kegiatan kampanye sosial dan sosialisasi",
        "Social campaign and socialisation activities",
        "activities dated in the period that are social campaigns (prevention, publication, "
        "socialisation, education: the indirect service 'kampanye_sosial') or name the practice "
        "of a social campaign or awareness raising; technical guidance, coordination meetings, "
        "guideline drafting and the other indirect services are not campaigns",
        "count",
    ),
    _d(
        "pol.participation.active_lks_partnerships",
        TechnicalPolicy.PARTICIPATION,
        "Kemitraan LKS aktif",
        "Active LKS partnerships",
        "partnerships with an LKS active during the period",
        "count",
    ),
    _d(
        "pol.participation.active_private_partnerships",
        TechnicalPolicy.PARTICIPATION,
        "Kemitraan swasta aktif",
        "Active private partnerships",
        "partnerships with a private party active during the period",
        "count",
    ),
    _d(
        "pol.participation.partner_aid",
        TechnicalPolicy.PARTICIPATION,
        "Bantuan melalui kemitraan",
        "Aid handed over through partnerships",
        "aid handed over under a partnership in the period, by recipient kind",
        "count",
    ),
    _d(
        "pol.participation.community_provider_share",
        TechnicalPolicy.PARTICIPATION,
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


class _Tally:
    """The records that meet an indicator and those that miss it."""

    __slots__ = ("hits", "misses")

    def __init__(self) -> None:
        self.hits: list[str] = []
        self.misses: list[str] = []

    def add(self, record: str, ok: bool) -> None:
        (self.hits if ok else self.misses).append(record)

    def lists(self) -> tuple[list[str], list[str]]:
        return self.hits, self.misses


#: The stages a case passes before its closing, in legal order (PP 39/2012 Pasal 7 ayat (2)).
_WORK_STAGES = (CaseStage.ASSESSMENT, CaseStage.PLANNING, CaseStage.INTERVENTION)
_CLOSINGS = frozenset({CaseStage.TERMINATION, CaseStage.EARLY_TERMINATION})
#: Stages that show the case reached intervention (it is evaluated or resocialised after it).
_AFTER_INTERVENTION = frozenset(
    {CaseStage.INTERVENTION, CaseStage.RESOCIALISATION, CaseStage.EVALUATION}
)
#: Practices that make an activity a campaign or socialisation (policy 5).
_CAMPAIGN_PRACTICES = frozenset({Practice.SOCIAL_CAMPAIGN, Practice.AWARENESS_RAISING})


def history_complete(case: Case) -> bool:
    """Whether a closed case's history holds every working stage up to the furthest it reached.

    A case closed early (not admitted at selection, withdrawn, died) is judged on the stages it
    reached: one closed after its assessment needs only the assessment and its closing.
    """
    held = {s.stage for s in case.stages}
    if not held & _CLOSINGS:
        return False
    if held & _AFTER_INTERVENTION:
        reached = 3
    elif CaseStage.PLANNING in held:
        reached = 2
    elif CaseStage.ASSESSMENT in held:
        reached = 1
    else:
        reached = 0
    return all(stage in held for stage in _WORK_STAGES[:reached])


def _campaign(activity: ProgrammeActivity) -> bool:
    """A social campaign or socialisation: by its kind, or by the practice it names."""
    return (
        activity.kind is IndirectService.SOCIAL_CAMPAIGN or activity.practice in _CAMPAIGN_PRACTICES
    )


def _consent_stands(case: Case, day: dt.date) -> bool:
    """Consent (or, for a coercive or ordered mode, the legal basis) stands on ``day``."""
    if case.mode is not None and not case.mode.voluntary:
        return case.legal_basis is not None and case.legal_basis.issued_on <= day
    return case.consent is not None and case.consent.valid_on(day)


def _child_consent(case: Case) -> Consent | None:
    """The case's consent, when its person was certainly under 18 on the day it was given."""
    subject, consent = case.subject, case.consent
    if consent is None or not isinstance(subject, Person) or subject.birth_date is None:
        return None
    under = age_range(subject.birth_date, consent.on)[1] < child_age_limit(consent.on)
    return consent if under else None


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
    consent = _Tally()
    coercive = _Tally()
    assessed = _Tally()
    residential = _Tally()
    heard = _Tally()
    for case in active:
        first_intervention = _first(case, (CaseStage.INTERVENTION,))
        if first_intervention is not None:
            consent.add(case.id, _consent_stands(case, first_intervention))
            if case.mode is not None and not case.mode.voluntary:
                basis = case.legal_basis
                coercive.add(case.id, basis is not None and basis.issued_on <= first_intervention)
        starts = [d.start for d in case.deliveries]
        first_service = min(
            [*starts, *([first_intervention] if first_intervention else [])], default=None
        )
        if first_service is not None:
            dates = [a.assessed_on for a in case.assessments]
            assessed.add(case.id, bool(dates) and min(dates) <= first_service)
        finding = child_residential_finding(case)
        if finding is not None:
            residential.add(case.id, finding.status is Status.MET)
        child_consent = _child_consent(case)
        if child_consent is not None:
            heard.add(case.id, child_consent.child_views_recorded is True)
    share("pol.rights.consent_before_intervention", *consent.lists())
    share("pol.rights.coercive_with_basis", *coercive.lists())
    share("pol.rights.child_views_heard", *heard.lists())
    share("pol.rights.assessment_before_intervention", *assessed.lists())
    share("pol.rights.child_residential_justified", *residential.lists())
    # 2. Integrated system.
    identified = _Tally()
    receiving = _Tally()
    answered = _Tally()
    history = _Tally()
    lines = _Tally()
    for case in active:
        if isinstance(case.subject, Person):
            ok = isinstance(case.subject.nik, str) or case.subject.registry_id is not None
            identified.add(case.id, ok)
        for index, referral in enumerate(case.referrals):
            if referral.direction is ReferralDirection.OUT and _within(referral.on, start, end):
                named = bool((referral.counterpart or "").strip() or referral.unit_code)
                receiving.add(f"{case.id}#referral{index}", named)
                status = referral.status_on(end)
                answered.add(f"{case.id}#referral{index}", status is not ReferralStatus.SENT)
        if case.termination is not None and _within(case.termination.on, start, end):
            history.add(case.id, history_complete(case))
    deliveries = [
        (c, d) for c in portfolio.cases for d in c.deliveries if _within(d.start, start, end)
    ]
    for case, delivery in deliveries:
        kind = delivery.provider_kind
        if kind is not None:
            lines.add(f"{case.id}#{delivery.id}", kind.service_line is ServiceLine.DIRECT)
    in_period = [a for a in portfolio.activities if _within(a.on, start, end)]
    for activity in in_period:
        if activity.organiser_kind is not None:
            indirect = activity.organiser_kind.service_line is ServiceLine.INDIRECT
            lines.add(activity.id, indirect)
    share("pol.integration.identified", *identified.lists())
    share("pol.integration.referral_receiving_unit", *receiving.lists())
    share("pol.integration.referrals_answered", *answered.lists())
    share("pol.integration.service_line", *lines.lists())
    share("pol.integration.complete_stage_history", *history.lists())
    # 3. Reach: distinct PM by approach (a PM served three times is one PM).
    served: dict[Approach | None, set[str]] = {None: set()}
    for case, delivery in deliveries:
        for pm in beneficiaries(case.subject):
            served.setdefault(delivery.approach, set()).add(pm.identity)
            served[None].add(pm.identity)
    count("pol.reach.pm_served", len(served[None]))
    count("pol.reach.family_based_pm", len(served.get(Approach.FAMILY_BASED, ())))
    count("pol.reach.community_based_pm", len(served.get(Approach.COMMUNITY_BASED, ())))
    count("pol.reach.residential_pm", len(served.get(Approach.RESIDENTIAL, ())))
    practices = Counter(d.practice for _, d in deliveries if d.practice is not None)
    practices.update(
        e.practice for c in portfolio.cases for e in c.events if _within(e.on, start, end)
    )
    count(
        "pol.reach.practices",
        sum(practices.values()),
        tuple((p.value, practices[p]) for p in Practice if practices[p]),
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
    campaigns = Counter(a.kind for a in in_period if _campaign(a))
    count(
        "pol.campaigns.activities",
        sum(campaigns.values()),
        tuple((k.value, campaigns[k]) for k in IndirectService if campaigns[k]),
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
    aid = Counter(
        a.recipient_kind for p in portfolio.partnerships for a in p.aid if _within(a.on, start, end)
    )
    count(
        "pol.participation.partner_aid",
        sum(aid.values()),
        tuple((k.value, aid[k]) for k in PartnerKind if aid[k]),
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
