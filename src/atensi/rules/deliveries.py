"""Deliveries checked against the case: assessed, planned, consented, in the right stage.

A delivery of an ATENSI component is recorded on a case (:class:`atensi.model.ServiceDelivery`).
:func:`assess_delivery` says whether it fits the case, as an explained decision; the rules, in
order:

* an assessment precedes it (``case.delivery.assessment_required``; assessment is the entry
  point of any intervention or aid, secondary), **except** an emergency response
  (``case.delivery.emergency``): a delivery in an emergency situation on record
  (``Case.emergencies``), or a case response or rapid assessment (``Practice.CASE_RESPONSE``,
  ``Practice.RAPID_ASSESSMENT``) for someone the conditions place in one. **Emergencies come
  before paperwork**, each under its own law: a disaster (UU 24/2007 Pasal 26 ayat (2), 48
  huruf a, d, 53: basic needs after a rapid assessment), a sudden social shock (PP 39/2012
  Pasal 29 ayat (3)-(4)), a trafficking victim in danger (UU 21/2007 Pasal 53: first aid at the
  latest seven days after the application), a child who needs special protection (UU 35/2014
  Pasal 59A huruf a: prompt handling), all verified. The response is allowed before the
  assessment and before consent, and flagged for review, so the paperwork follows;
* it falls in intervention, resocialisation, evaluation or aftercare (``case.delivery.stage``);
* it is in the intervention plan, or flagged as unplanned (``case.delivery.planned``); a plan
  that is not recorded, or lists nothing, leaves the question open (``unknown``), never "no";
* consent for the case's mode stands on its first day (``case.delivery.consent_required`` and
  the ``case.consent.*`` rules of :mod:`atensi.rules.consent`); a running order stands for it;
* its provider works on the direct line (``case.delivery.service_line``: UPT/Sentra, UPTD,
  LKS; the directorates run the indirect services);
* for a trafficking victim, the first help came within seven days of the application
  (``case.delivery.first_aid_deadline``).

Rules graded below ``verified`` never refuse (:meth:`atensi.rules.Rule.finding`): a delivery
without an assessment or a plan on record, or outside the intervention stages, needs review.
:func:`check_delivery` raises :class:`~atensi.rules.lifecycle.InvalidTransition` for a refused
delivery (one after the consent was withdrawn, for instance).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from atensi.law import Edition, InForceDates, get_parameter, instrument_in_force
from atensi.model import Case, Person, ReferralDirection, ServiceDelivery
from atensi.rules.age import age_range, child_age_limit
from atensi.rules.catalogue import rule
from atensi.rules.consent import AGAINST_WILL, CONSENT_FIRST, consent_findings
from atensi.rules.decision import Decision, Finding, Outcome, Status, outcome_of
from atensi.rules.lifecycle import (
    R_DELIVERY,
    InvalidTransition,
    assessed_by,
    refusal,
    stage_on,
)
from atensi.vocab import (
    CaseStage,
    Citation,
    EmergencyKind,
    Evidence,
    ServiceComponent,
    ServiceLine,
    Target,
    TargetGroup,
    cite,
    groups_of,
)

__all__ = ["DELIVERY_STAGES", "assess_delivery", "check_delivery"]

_KIND = "lifecycle"  # the kind of every rule declared here
_PLAN_FIRST = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf c-d",
    Evidence.CONVENTION,
    note="problem solving follows the plan (verified order); that a delivery outside the plan "
    "is flagged is atensi's convention",
)

_DURING = cite(
    "pp-39-2012",
    "Pasal 7 ayat (1) huruf i-j; ayat (2) huruf d-g",
    Evidence.CONVENTION,
    note="services belong to problem solving, resocialisation and aftercare (verified "
    "stages); refusing them elsewhere is atensi's convention",
)

_EMERGENCY = cite(
    "uu-21-2007",
    "Pasal 53",
    Evidence.VERIFIED,
    note="first aid to a trafficking victim in danger at the latest 7 days after the "
    "application; for disaster victims PP 39/2012 Pasal 29 ayat (3)-(4) (temporary aid at "
    "the time of the shock, verified) and KBK practice (secondary)",
)

_DISASTER_AID = cite(
    "pp-39-2012",
    "Pasal 29 ayat (3)-(4)",
    Evidence.VERIFIED,
    note="temporary aid when the shock happens; for disasters after coordination with BNPB",
)

_LINES = cite(
    "permensos-7-2021",
    None,
    Evidence.SECONDARY,
    source="gerakinklusi-permensos-7-2021",
    note="ATENSI is the direct service of UPT/Sentra, UPTD and LKS; the directorates run the "
    "indirect services",
)
#: The service lines cited under each ATENSI regulation (a decision cites the instrument of its
#: date): the split is read in summaries of 7/2021 and in a release of May 2021 under 16/2020;
#: for 15/2025, carried over (its article was not read).
_LINES_BY_BASE = {
    "permensos-16-2020": _LINES._replace(
        instrument="permensos-16-2020",
        source="kemensos-2021-05-01-atensi-multilayanan",
        note="under Permensos 16/2020 the balai, loka and balai besar delivered ATENSI directly; "
        "the directorates the indirect services",
    ),
    "permensos-7-2021": _LINES,
    "permensos-15-2025": _LINES._replace(
        instrument="permensos-15-2025",
        note="the direct service of UPT/Sentra, UPTD and LKS, carried over from Permensos 7/2021 "
        "(the article of 15/2025 was not read)",
    ),
}
_LINES_BEFORE = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="kemensos-2020-03-11-rakor-rehsos",
    note="before ATENSI the balai, loka and balai besar served people directly, the directorates "
    "ran the programme",
)

_EMERGENCY_LAWS = tuple(k.citation for k in EmergencyKind if k.citation is not None)

R_EMERGENCY = rule(
    "case.delivery.emergency",
    _KIND,
    "an emergency response may come before the assessment and consent, each emergency under "
    "its own law (disaster, a trafficking victim in danger, a child who needs prompt handling, "
    "a sudden shock), flagged for review",
    "respons darurat dapat mendahului asesmen dan persetujuan, masing-masing menurut "
    "undang-undangnya (bencana, korban perdagangan orang dalam bahaya, anak yang perlu "
    "penanganan cepat, guncangan tiba-tiba), ditandai untuk ditinjau",
    (*_EMERGENCY_LAWS, _EMERGENCY, _DISASTER_AID),
    (
        "delivery.practice",
        "case.emergencies",
        "case.subject.conditions",
        "case.subject.birth_date",
        "case.assessments",
        "delivery.start",
    ),
)

R_FIRST_AID = rule(
    "case.delivery.first_aid_deadline",
    _KIND,
    "a trafficking victim's first aid comes at the latest 7 days after the application",
    "pertolongan pertama korban perdagangan orang paling lambat 7 hari setelah permohonan",
    _EMERGENCY,
    ("case.referrals", "case.opened_on", "case.deliveries", "delivery.start"),
)

R_PLANNED = rule(
    "case.delivery.planned",
    _KIND,
    "a delivery is in the intervention plan, or is flagged as unplanned",
    "layanan tercantum dalam rencana intervensi, atau ditandai di luar rencana",
    _PLAN_FIRST,
    ("case.plan", "delivery.component", "delivery.unplanned", "delivery.start"),
)

R_DELIVERY_CONSENT = rule(
    "case.delivery.consent_required",
    _KIND,
    "no delivery in a persuasive or motivational mode (or an unrecorded one) before consent",
    "tidak ada layanan persuasif atau motivatif (atau tanpa cara tercatat) sebelum persetujuan",
    (CONSENT_FIRST, AGAINST_WILL, *_EMERGENCY_LAWS),
    ("case.consent", "case.mode", "case.emergencies", "delivery.start"),
    grade=Evidence.VERIFIED,
)

R_DURING = rule(
    "case.delivery.stage",
    _KIND,
    "deliveries fall in intervention, resocialisation, evaluation or aftercare",
    "layanan diberikan pada intervensi, resosialisasi, evaluasi atau bimbingan lanjut",
    _DURING,
    ("case.stages", "case.termination", "delivery.start"),
)

R_LINE = rule(
    "case.delivery.service_line",
    _KIND,
    "a delivery is direct service: by a UPT/Sentra, UPTD or LKS",
    "layanan adalah layanan langsung: oleh UPT/Sentra, UPTD atau LKS",
    (_LINES, *_LINES_BY_BASE.values(), _LINES_BEFORE),
    ("delivery.provider_kind", "edition"),
)


#: The stages a delivery falls in (problem solving, resocialisation, evaluation, aftercare).
DELIVERY_STAGES = frozenset(
    {CaseStage.INTERVENTION, CaseStage.RESOCIALISATION, CaseStage.EVALUATION, CaseStage.AFTERCARE}
)

_TRAFFICKING_GROUPS = frozenset(
    {TargetGroup.TRAFFICKING_VICTIM, TargetGroup.CHILD_ABDUCTION_OR_TRAFFICKING_VICTIM}
)
#: UU 21/2007 Pasal 53: first aid at the latest this many days after the application (a dated
#: parameter of the law).
_FIRST_AID_DAYS = get_parameter("emergency.first_aid_days")


class _Urgency(NamedTuple):
    """The emergency a delivery answers: its kind, and whether a situation is on record."""

    kind: EmergencyKind
    recorded: bool

    @property
    def citation(self) -> Citation:
        cited = self.kind.citation
        if cited is None:  # pragma: no cover - every kind cites its law
            raise AssertionError(self.kind)
        return cited


_CHILD_GROUPS = frozenset(groups_of(Target.CHILDREN))


def _held_groups(case: Case, on: dt.date) -> set[TargetGroup]:
    subject = case.subject
    conditions = list(getattr(subject, "conditions", ()))
    for member in getattr(subject, "members", ()):
        conditions.extend(member.conditions)
    for assessment in case.assessments:
        if assessment.assessed_on <= on:
            conditions.extend(assessment.conditions)
    return {
        c.group
        for c in conditions
        if (c.since is None or c.since <= on) and (c.until is None or on < c.until)
    }


def _emergency(case: Case, on: dt.date) -> _Urgency | None:
    """The emergency the case is in on ``on``, each under its own law.

    A recorded situation (``Case.emergencies``) comes first; otherwise the subject's conditions
    say it: a child who needs special protection (UU 35/2014 Pasal 59A huruf a), a trafficking
    victim (UU 21/2007 Pasal 53), a disaster victim (UU 24/2007 Pasal 26 ayat (2), 48, 53).
    """
    situation = next((e for e in case.emergencies if e.holds_on(on)), None)
    if situation is not None:
        return _Urgency(situation.kind, True)
    held = _held_groups(case, on)
    subject = case.subject
    child = (
        isinstance(subject, Person)
        and subject.birth_date is not None
        and age_range(subject.birth_date, on)[1] < child_age_limit(on)
    )
    if child and held & _CHILD_GROUPS:
        return _Urgency(EmergencyKind.CHILD_NEEDING_PROMPT_HANDLING, False)
    if held & _TRAFFICKING_GROUPS:
        return _Urgency(EmergencyKind.TRAFFICKING_VICTIM_IN_DANGER, False)
    if any(g.target is Target.DISASTER_VICTIMS for g in held):
        return _Urgency(EmergencyKind.DISASTER, False)
    return None


def _application_day(case: Case) -> dt.date:
    """The day help was asked for: the first referral in, or the opening of the case."""
    ins = [r.on for r in case.referrals if r.direction is ReferralDirection.IN]
    return min([*ins, case.opened_on])


def _delivery_findings(case: Case, delivery: ServiceDelivery, edition: Edition) -> list[Finding]:
    start = delivery.start
    practice = delivery.practice
    emergency = _emergency(case, start)
    responding = practice is not None and practice.before_assessment
    # An emergency response: a situation on record, or a case response or rapid assessment for
    # someone the conditions say is in one. Help comes before the paperwork, for review.
    urgent = emergency is not None and (emergency.recorded or responding)
    exception = False
    found: list[Finding] = []
    facts = (("component", delivery.component.value), ("start", start.isoformat()))
    # 1. Assessment first, unless an emergency exception applies.
    if assessed_by(case, start):
        found.append(
            R_DELIVERY.finding(
                Status.MET, "an assessment precedes the delivery", "asesmen mendahului", facts
            )
        )
    elif urgent and emergency is not None:
        exception = True
        how = practice.value if practice is not None else "a delivery"
        found.append(
            R_EMERGENCY.finding(
                Status.NEEDS_REVIEW,
                f"{how} in an emergency ({emergency.kind.value}) before a full assessment: "
                "allowed under its own law; the assessment follows, for review",
                f"{how} dalam keadaan darurat ({emergency.kind.value}) sebelum asesmen lengkap: "
                "boleh menurut undang-undangnya; asesmen menyusul, untuk ditinjau",
                (
                    ("practice", None if practice is None else practice.value),
                    ("emergency", emergency.kind.value),
                    ("situation_recorded", emergency.recorded),
                ),
                citation=emergency.citation,
            )
        )
    elif responding and practice is not None:
        found.append(
            R_EMERGENCY.finding(
                Status.NEEDS_REVIEW,
                f"{practice.value} before an assessment, but no emergency situation or victim "
                "condition is recorded",
                f"{practice.value} sebelum asesmen, tetapi tidak tercatat keadaan darurat atau "
                "kondisi korban",
                (("practice", practice.value),),
            )
        )
        exception = True
    else:
        what = (
            "aid" if delivery.component is ServiceComponent.AID_AND_SOCIAL_ASSISTANCE else "service"
        )
        found.append(
            refusal(
                R_DELIVERY,
                f"no {what} before a completed assessment",
                "tidak ada bantuan atau layanan sebelum asesmen",
            )
        )
    # 2. During intervention (or the stages after it).
    found.append(_stage_finding(case, start, exception))
    # 3. In the plan, or flagged.
    found.append(_plan_finding(case, delivery, exception))
    # 4. Consent for the mode (an emergency response may come before it, for review).
    found.extend(
        consent_findings(
            case,
            start,
            R_DELIVERY_CONSENT,
            "delivery",
            emergency.citation if urgent and emergency is not None else None,
        )
    )
    # 5. The service line of the provider.
    found.append(_line_finding(delivery, edition))
    # 6. A trafficking victim's first aid within seven days of the application.
    if _held_groups(case, start) & _TRAFFICKING_GROUPS or (
        emergency is not None and emergency.kind is EmergencyKind.TRAFFICKING_VICTIM_IN_DANGER
    ):
        found.append(_first_aid_finding(case, delivery))
    return found


def _stages_during(case: Case, day: dt.date) -> list[CaseStage]:
    """The stage the case was in as ``day`` began, then the stages it entered that day."""
    before = stage_on(case, day - dt.timedelta(days=1)) if day > dt.date.min else None
    entered = [entry.stage for entry in case.stages if entry.on == day]
    return [*([before] if before is not None else []), *entered]


def _stage_finding(case: Case, start: dt.date, exception: bool) -> Finding:
    during = _stages_during(case, start)
    stage = during[-1] if during else None
    facts = (("stage", None if stage is None else stage.value),)
    fitting = [s for s in during if s in DELIVERY_STAGES]
    ended = case.termination
    if ended is not None and ended.on < start and stage is not CaseStage.AFTERCARE:
        return R_DURING.finding(
            Status.NOT_MET,
            "the case was closed before the delivery",
            "kasus sudah ditutup sebelum layanan",
            facts,
        )
    if fitting:
        return R_DURING.finding(
            Status.MET,
            f"delivered during {fitting[-1].value}",
            f"diberikan pada {fitting[-1].value}",
            (("stage", fitting[-1].value),),
        )
    if exception:
        return R_DURING.finding(
            Status.MET,
            "an emergency delivery may come before the intervention",
            "layanan darurat dapat mendahului intervensi",
            facts,
        )
    if stage is None:
        return R_DURING.finding(
            Status.UNKNOWN,
            "no stage recorded on the delivery's start",
            "tidak ada tahapan tercatat pada tanggal layanan",
            facts,
        )
    if stage is CaseStage.REFERRAL:
        return R_DURING.finding(
            Status.NEEDS_REVIEW,
            "a delivery while the case is referred out",
            "layanan saat kasus dirujuk",
            facts,
        )
    return R_DURING.finding(
        Status.NOT_MET,
        f"a delivery during {stage.value}, before the intervention",
        f"layanan pada {stage.value}, sebelum intervensi",
        facts,
    )


def _plan_finding(case: Case, delivery: ServiceDelivery, exception: bool) -> Finding:
    facts = (("component", delivery.component.value), ("unplanned", delivery.unplanned))
    plan = case.plan
    if plan is not None and delivery.component in plan.components:
        return R_PLANNED.finding(Status.MET, "in the plan", "dalam rencana", facts)
    if delivery.unplanned:
        return R_PLANNED.finding(
            Status.MET, "flagged as unplanned", "ditandai di luar rencana", facts
        )
    if exception:
        return R_PLANNED.finding(
            Status.NOT_APPLICABLE,
            "an emergency delivery comes before the plan",
            "layanan darurat mendahului rencana",
            facts,
        )
    if plan is None or not plan.components or plan.drawn_up_on > delivery.start:
        state = (
            "no plan is recorded"
            if plan is None
            else "the plan lists no components"
            if not plan.components
            else "the current plan was drawn up later; the plan in force then is not recorded"
        )
        return R_PLANNED.finding(
            Status.UNKNOWN,
            f"whether the delivery was planned is unknown: {state}",
            "tidak diketahui apakah layanan direncanakan",
            facts,
        )
    return R_PLANNED.finding(
        Status.NOT_MET,
        f"'{delivery.component.value}' is not in the plan and not flagged as unplanned",
        f"'{delivery.component.value}' tidak dalam rencana dan tidak ditandai",
        facts,
    )


def _line_finding(delivery: ServiceDelivery, edition: Edition) -> Finding:
    kind = delivery.provider_kind
    facts = (("provider_kind", None if kind is None else kind.value),)
    cited = _LINES_BY_BASE.get(edition.base.id, _LINES_BEFORE)
    if kind is None:
        return R_LINE.finding(
            Status.NOT_APPLICABLE,
            "the provider's kind is not recorded",
            "jenis pemberi layanan tidak dicatat",
            facts,
            citation=cited,
        )
    if kind.service_line is ServiceLine.DIRECT:
        return R_LINE.finding(
            Status.MET,
            f"direct service by {kind.value}",
            f"layanan langsung oleh {kind.value}",
            facts,
            citation=cited,
        )
    return R_LINE.finding(
        Status.NEEDS_REVIEW,
        f"a delivery by {kind.value}: ATENSI is the direct service of UPT/Sentra, UPTD and LKS",
        f"layanan oleh {kind.value}: ATENSI adalah layanan langsung UPT/Sentra, UPTD dan LKS",
        facts,
        citation=cited,
    )


def _first_aid_finding(case: Case, delivery: ServiceDelivery) -> Finding:
    applied = _application_day(case)
    first = min([d.start for d in case.deliveries] + [delivery.start])
    facts = (("applied", applied.isoformat()), ("first_delivery", first.isoformat()))
    days = _FIRST_AID_DAYS.on_date(applied).number
    if days is None:  # pragma: no cover - UU 21/2007 is older than the first rule set
        raise AssertionError(f"no first-aid deadline on {applied}")
    if (first - applied).days <= days:
        return R_FIRST_AID.finding(
            Status.MET,
            f"first help within {days} days of the application",
            f"pertolongan pertama dalam {days} hari sejak permohonan",
            facts,
        )
    return R_FIRST_AID.finding(
        Status.NEEDS_REVIEW,
        f"the first help came {(first - applied).days} days after the application (at most {days})",
        f"pertolongan pertama {(first - applied).days} hari setelah permohonan (paling lambat "
        f"{days})",
        facts,
    )


def assess_delivery(
    case: Case,
    delivery: ServiceDelivery,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether ``delivery`` may be recorded on ``case``, as an explained decision.

    The findings, in order: an assessment precedes it (``case.delivery.assessment_required``),
    unless it is an emergency response or rapid assessment for a trafficking or disaster victim
    (``case.delivery.emergency``); it falls in intervention or a later stage
    (``case.delivery.stage``); it is in the plan or flagged unplanned
    (``case.delivery.planned``); consent for the mode stands (``case.delivery.consent_required``
    and the ``case.consent.*`` rules); its provider works on the direct line
    (``case.delivery.service_line``); for a trafficking victim, the first help came within seven
    days (``case.delivery.first_aid_deadline``). The worst decides the outcome. The edition is
    the one in force on the delivery's start, from the one resolver.
    """
    current = instrument_in_force(delivery.start, edition=edition, in_force_dates=in_force_dates)
    findings = tuple(_delivery_findings(case, delivery, current))
    return Decision(
        "delivery",
        outcome_of(findings),
        delivery.start,
        current.id,
        current.instrument_ids,
        findings,
    )


def check_delivery(
    case: Case,
    delivery: ServiceDelivery,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> None:
    """Raise InvalidTransition if ``delivery`` may not be recorded on ``case``.

    The rules are those of :func:`assess_delivery`; a delivery they only leave for review or
    cannot settle passes (ask :func:`assess_delivery` why). The error names the first rule
    that refused it and the edition in force on the delivery's start.
    """
    decision = assess_delivery(case, delivery, edition=edition, in_force_dates=in_force_dates)
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        raise InvalidTransition.from_decision(decision)
