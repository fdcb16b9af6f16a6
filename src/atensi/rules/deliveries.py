"""Deliveries checked against the case: assessed, planned, consented, in the right stage.

A delivery of an ATENSI component is recorded on a case (:class:`atensi.model.ServiceDelivery`).
:func:`assess_delivery` says whether it fits the case, as an explained decision; the rules, in
order:

* an assessment precedes it (``case.delivery.assessment_required``; assessment is the entry
  point of any intervention or aid, secondary), **except** an emergency response or rapid
  assessment (``Practice.CASE_RESPONSE``, ``Practice.RAPID_ASSESSMENT``) for a trafficking
  victim (UU 21/2007 Pasal 53, verified: first aid at the latest seven days after the
  application) or a disaster victim (PP 39/2012 Pasal 29 ayat (3)-(4), verified: temporary aid
  when the shock happens; KBK practice, secondary) (``case.delivery.emergency``);
* it falls in intervention, resocialisation, evaluation or aftercare (``case.delivery.stage``);
* it is in the intervention plan, or flagged as unplanned (``case.delivery.planned``); a plan
  that is not recorded, or lists nothing, leaves the question open (``unknown``), never "no";
* consent for the case's mode stands on its first day (``case.delivery.consent_required`` and
  the ``case.consent.*`` rules of :mod:`atensi.rules.consent`);
* its provider works on the direct line (``case.delivery.service_line``: UPT/Sentra, UPTD,
  LKS; the directorates run the indirect services);
* for a trafficking victim, the first help came within seven days of the application
  (``case.delivery.first_aid_deadline``).

:func:`check_delivery` raises :class:`~atensi.rules.lifecycle.InvalidTransition` for a refused
delivery, as it always did for one before the assessment.
"""

from __future__ import annotations

import datetime as dt

from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import Case, ReferralDirection, ServiceDelivery
from atensi.rules.catalogue import rule
from atensi.rules.consent import CONSENT_FIRST, consent_findings
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
    Evidence,
    ServiceComponent,
    ServiceLine,
    Target,
    TargetGroup,
    cite,
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

R_EMERGENCY = rule(
    "case.delivery.emergency",
    _KIND,
    "an emergency response or rapid assessment may come before a full assessment for a "
    "trafficking or disaster victim",
    "respons kasus atau asesmen cepat dapat mendahului asesmen lengkap bagi korban "
    "perdagangan orang atau korban bencana",
    (_EMERGENCY, _DISASTER_AID),
    ("delivery.practice", "case.subject.conditions", "delivery.start"),
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
    CONSENT_FIRST,
    ("case.consent", "case.mode", "delivery.start"),
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
    _LINES,
    ("delivery.provider_kind",),
)


#: The stages a delivery falls in (problem solving, resocialisation, evaluation, aftercare).
DELIVERY_STAGES = frozenset(
    {CaseStage.INTERVENTION, CaseStage.RESOCIALISATION, CaseStage.EVALUATION, CaseStage.AFTERCARE}
)

_TRAFFICKING_GROUPS = frozenset(
    {TargetGroup.TRAFFICKING_VICTIM, TargetGroup.CHILD_ABDUCTION_OR_TRAFFICKING_VICTIM}
)
_FIRST_AID_DAYS = 7


def _emergency_target(case: Case, on: dt.date) -> str | None:
    """``"trafficking"`` or ``"disaster"`` when the subject's recorded conditions say so."""
    subject = case.subject
    conditions = list(getattr(subject, "conditions", ()))
    for member in getattr(subject, "members", ()):
        conditions.extend(member.conditions)
    held = [
        c
        for c in conditions
        if (c.since is None or c.since <= on) and (c.until is None or on < c.until)
    ]
    if any(c.group in _TRAFFICKING_GROUPS for c in held):
        return "trafficking"
    if any(c.group.target is Target.DISASTER_VICTIMS for c in held):
        return "disaster"
    return None


def _application_day(case: Case) -> dt.date:
    """The day help was asked for: the first referral in, or the opening of the case."""
    ins = [r.on for r in case.referrals if r.direction is ReferralDirection.IN]
    return min([*ins, case.opened_on])


def _delivery_findings(case: Case, delivery: ServiceDelivery) -> list[Finding]:
    start = delivery.start
    practice = delivery.practice
    emergency = _emergency_target(case, start)
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
    elif practice is not None and practice.before_assessment:
        if emergency is not None:
            exception = True
            found.append(
                R_EMERGENCY.finding(
                    Status.MET,
                    f"{practice.value} for a {emergency} victim before a full assessment",
                    f"{practice.value} bagi korban {emergency} sebelum asesmen lengkap",
                    (("practice", practice.value), ("victim", emergency)),
                    citation=_EMERGENCY if emergency == "trafficking" else _DISASTER_AID,
                )
            )
        else:
            found.append(
                R_EMERGENCY.finding(
                    Status.NEEDS_REVIEW,
                    f"{practice.value} before an assessment, but no trafficking or disaster "
                    "condition is recorded for the subject",
                    f"{practice.value} sebelum asesmen, tetapi tidak tercatat kondisi korban "
                    "perdagangan orang atau bencana",
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
    # 4. Consent for the mode.
    found.extend(consent_findings(case, start, R_DELIVERY_CONSENT, "delivery"))
    # 5. The service line of the provider.
    found.append(_line_finding(delivery))
    # 6. A trafficking victim's first aid within seven days of the application.
    if emergency == "trafficking":
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


def _line_finding(delivery: ServiceDelivery) -> Finding:
    kind = delivery.provider_kind
    facts = (("provider_kind", None if kind is None else kind.value),)
    if kind is None:
        return R_LINE.finding(
            Status.NOT_APPLICABLE,
            "the provider's kind is not recorded",
            "jenis pemberi layanan tidak dicatat",
            facts,
        )
    if kind.service_line is ServiceLine.DIRECT:
        return R_LINE.finding(
            Status.MET,
            f"direct service by {kind.value}",
            f"layanan langsung oleh {kind.value}",
            facts,
        )
    return R_LINE.finding(
        Status.NEEDS_REVIEW,
        f"a delivery by {kind.value}: ATENSI is the direct service of UPT/Sentra, UPTD and LKS",
        f"layanan oleh {kind.value}: ATENSI adalah layanan langsung UPT/Sentra, UPTD dan LKS",
        facts,
    )


def _first_aid_finding(case: Case, delivery: ServiceDelivery) -> Finding:
    applied = _application_day(case)
    first = min([d.start for d in case.deliveries] + [delivery.start])
    facts = (("applied", applied.isoformat()), ("first_delivery", first.isoformat()))
    if (first - applied).days <= _FIRST_AID_DAYS:
        return R_FIRST_AID.finding(
            Status.MET,
            "first help within 7 days of the application",
            "pertolongan pertama dalam 7 hari sejak permohonan",
            facts,
        )
    return R_FIRST_AID.finding(
        Status.NEEDS_REVIEW,
        f"the first help came {(first - applied).days} days after the application (at most 7)",
        f"pertolongan pertama {(first - applied).days} hari setelah permohonan (paling lambat 7)",
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
    findings = tuple(_delivery_findings(case, delivery))
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
