"""Case lifecycle: which stage may follow which, and the preconditions of each move.

The order is PP 39/2012 Pasal 7 ayat (2): initial approach → assessment → planning →
intervention → resocialisation → termination → aftercare. atensi adds, as the domain reference
sets out (its convention, graded so):

* evaluation after intervention or resocialisation, and from evaluation back to assessment
  (re-assessment), planning (re-planning), intervention (continue), or on to resocialisation
  or termination ("dinamis" and "sistematik" principles, Permensos 15/2025 Pasal 4);
* referral from any open stage (referral is a form of rehabilitation, PP 39/2012 Pasal 7(1)(k));
* early termination from any open stage, with a reason;
* resocialisation may be skipped when no residential approach is used.

Preconditions: no intervention without a completed assessment, no intervention before consent
is recorded, and no aid delivery before an assessment (REFERENCE §3.11, §5.2).

>>> import datetime as dt
>>> from atensi.model import Case, Community, StageEntry
>>> from atensi.vocab import CaseStage
>>> case = Case(id="C-1", subject=Community(id="K", name="Kampung"), unit="U",
...             opened_on=dt.date(2024, 1, 2),
...             stages=(StageEntry(stage=CaseStage.INITIAL_APPROACH, on=dt.date(2024, 1, 2)),))
>>> advance(case, CaseStage.INTERVENTION, on=dt.date(2024, 1, 5))
Traceback (most recent call last):
...
atensi.rules.lifecycle.InvalidTransition: cannot move from pendekatan_awal to intervensi [...]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from atensi.errors import AtensiError
from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import Case, ServiceDelivery, StageEntry, Termination
from atensi.rules.catalogue import Rule, rule
from atensi.rules.decision import Decision, Finding, Outcome, Status
from atensi.vocab import (
    Approach,
    CaseStage,
    Citation,
    Evidence,
    ServiceComponent,
    TerminationReason,
    cite,
)

__all__ = [
    "TRANSITIONS",
    "InvalidTransition",
    "advance",
    "allowed_next",
    "check_delivery",
    "check_transition",
]

S = CaseStage
_ORDER = cite("pp-39-2012", "Pasal 7 ayat (2)", Evidence.VERIFIED, source="REFERENCE R16")
_LOOPS_15_2025 = cite(
    "permensos-15-2025",
    "Pasal 4 ayat (4)",
    Evidence.CONVENTION,
    source="REFERENCE §5.3",
    note="evaluation loops follow the 'sistematik' and 'dinamis' principles; atensi's convention",
)
_LOOPS_7_2021 = cite(
    "permensos-7-2021",
    None,
    Evidence.CONVENTION,
    source="REFERENCE §4.4, §5.3 (R6, R9)",
    note="evaluation loops follow the principles of 7/2021 ('sistematik', 'dinamis'; article "
    "not read); atensi's convention",
)
_LOOPS_BEFORE = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="REFERENCE §5.3",
    note="before Permensos 7/2021 no principle text was found: the evaluation loops are "
    "atensi's convention",
)
_ASSESS_FIRST = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="REFERENCE §3.11, §5.2 (R35)",
    note="assessment is a prerequisite of any intervention or aid",
)
_CONSENT = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="REFERENCE §5.2 (informed consent at initial approach)",
    note="rights-based principle (Permensos 7/2021 and 15/2025 Pasal 4 ayat (1) huruf e)",
)
_L = "lifecycle"
_CASE = ("case.stages", "case.termination", "on")
R_ALLOWED = rule(
    "case.transition.allowed",
    _L,
    "the move is allowed",
    "perpindahan diperbolehkan",
    _ORDER,
    _CASE,
)
R_CLOSED = rule(
    "case.transition.closed",
    _L,
    "a closed case moves only to aftercare",
    "kasus yang ditutup hanya dapat masuk bimbingan lanjut",
    _ORDER,
    _CASE,
)
R_ORDER = rule(
    "case.transition.order",
    _L,
    "stages follow PP 39/2012 Pasal 7 ayat (2), with atensi's evaluation loops",
    "tahapan mengikuti PP 39/2012 Pasal 7 ayat (2), dengan putaran evaluasi atensi",
    (_ORDER, _LOOPS_15_2025, _LOOPS_7_2021, _LOOPS_BEFORE),
    (*_CASE, "case.approaches", "edition"),
)
R_DATE = rule(
    "case.transition.date",
    _L,
    "a move is not dated before the last one or the opening",
    "perpindahan tidak bertanggal sebelum tahapan terakhir atau pembukaan kasus",
    _ORDER,
    (*_CASE, "case.opened_on"),
)
R_ASSESSED = rule(
    "case.transition.assessment_required",
    _L,
    "no planning or intervention without a completed assessment",
    "tidak ada perencanaan atau intervensi tanpa asesmen yang selesai",
    _ASSESS_FIRST,
    ("case.assessments", "on"),
)
R_CONSENT = rule(
    "case.transition.consent_required",
    _L,
    "no intervention before consent is recorded",
    "tidak ada intervensi sebelum persetujuan dicatat",
    _CONSENT,
    ("case.consent_on", "on"),
)
R_REASON = rule(
    "case.transition.reason_required",
    _L,
    "termination needs a reason",
    "terminasi memerlukan alasan",
    _ORDER,
    ("reason",),
)
R_DELIVERY = rule(
    "case.delivery.assessment_required",
    _L,
    "no aid or service before a completed assessment",
    "tidak ada bantuan atau layanan sebelum asesmen",
    _ASSESS_FIRST,
    ("case.assessments", "delivery.start", "delivery.component"),
)


def _loops(edition: Edition) -> Citation:
    """The citation of the evaluation loops under ``edition``: its own principles, if any."""
    ids = edition.instrument_ids
    if "permensos-15-2025" in ids:
        return _LOOPS_15_2025
    if "permensos-7-2021" in ids:
        return _LOOPS_7_2021
    return _LOOPS_BEFORE


_OPEN = (
    S.INITIAL_APPROACH,
    S.ASSESSMENT,
    S.PLANNING,
    S.INTERVENTION,
    S.RESOCIALISATION,
    S.EVALUATION,
)

#: Allowed moves: from a stage (``None`` for a case with no history yet) to the stages that may
#: follow it. Referral and early termination are allowed from every open stage.
TRANSITIONS: Mapping[CaseStage | None, frozenset[CaseStage]] = {
    None: frozenset({S.INITIAL_APPROACH}),
    S.INITIAL_APPROACH: frozenset({S.ASSESSMENT}),
    S.ASSESSMENT: frozenset({S.PLANNING}),
    S.PLANNING: frozenset({S.INTERVENTION}),
    S.INTERVENTION: frozenset({S.RESOCIALISATION, S.EVALUATION, S.TERMINATION}),
    S.RESOCIALISATION: frozenset({S.TERMINATION, S.EVALUATION}),
    S.EVALUATION: frozenset(
        {S.ASSESSMENT, S.PLANNING, S.INTERVENTION, S.RESOCIALISATION, S.TERMINATION}
    ),
    S.TERMINATION: frozenset({S.AFTERCARE}),
    S.AFTERCARE: frozenset(),
    S.REFERRAL: frozenset({S.TERMINATION}),
    S.EARLY_TERMINATION: frozenset(),
}


class InvalidTransition(AtensiError):
    """A case may not move to the stage asked for; names the rule, its citation and the edition.

    Attributes:
        rule_id: the stable id of the rule that refused the move.
        citation: where the rule comes from.
        edition: the edition the move was checked under.
    """

    code = "case.transition"

    def __init__(
        self, rule_id: str, en: str, id_: str, citation: Citation, edition: str | None = None
    ) -> None:
        self.rule_id = rule_id
        self.citation = citation
        self.edition = edition
        super().__init__(
            f"{en} [{rule_id}; {citation}]",
            message_id=f"{id_} [{rule_id}; {citation}]",
            code=rule_id,
            ctx={"rule_id": rule_id, "citation": citation.to_dict(), "edition": edition},
        )

    @classmethod
    def from_decision(cls, decision: Decision) -> InvalidTransition:
        """The error for a refused move (the decision's refusing finding)."""
        finding = decision.findings[-1]
        citation = finding.citation or _ORDER
        return cls(
            finding.rule_id, finding.message.en, finding.message.id, citation, decision.edition
        )


def allowed_next(case: Case) -> frozenset[CaseStage]:
    """The stages the case may move to next (before preconditions are checked)."""
    current = case.current_stage
    allowed = set(TRANSITIONS[current])
    if current in _OPEN:
        allowed |= {S.REFERRAL, S.EARLY_TERMINATION}
    # Resocialisation is optional without a residential approach.
    if current is S.INTERVENTION and Approach.RESIDENTIAL not in case.approaches:
        allowed.add(S.TERMINATION)
    return frozenset(allowed)


def _assessed(case: Case, on: dt.date) -> bool:
    return any(a.assessed_on <= on for a in case.assessments)


def _refusal(
    case: Case,
    stage: CaseStage,
    on: dt.date,
    reason: TerminationReason | None,
    edition: Edition,
) -> Finding | None:
    """The finding of the first rule that refuses the move, or None when it is allowed."""
    current = case.current_stage

    def no(declared: Rule, en: str, id_: str, citation: Citation | None = None) -> Finding:
        return declared.finding(Status.NOT_MET, en, id_, citation=citation)

    if case.termination is not None and stage is not S.AFTERCARE:
        return no(R_CLOSED, "the case is closed", "kasus sudah ditutup")
    if stage not in allowed_next(case):
        loops = current is S.EVALUATION or stage is S.EVALUATION
        return no(
            R_ORDER,
            f"cannot move from {current.value if current else 'a new case'} to {stage.value}",
            f"tidak dapat berpindah dari {current.value if current else 'kasus baru'} ke "
            f"{stage.value}",
            _loops(edition) if loops else _ORDER,
        )
    if case.stages and on < case.stages[-1].on:
        return no(
            R_DATE,
            "the move is dated before the last one",
            "perpindahan bertanggal sebelum tahapan terakhir",
        )
    if on < case.opened_on:
        return no(
            R_DATE,
            "the move is dated before the opening",
            "perpindahan bertanggal sebelum kasus dibuka",
        )
    if stage is S.PLANNING and not _assessed(case, on):
        return no(
            R_ASSESSED, "no completed assessment to plan from", "belum ada asesmen yang selesai"
        )
    if stage is S.INTERVENTION:
        if not _assessed(case, on):
            return no(
                R_ASSESSED,
                "no intervention without a completed assessment",
                "tidak ada intervensi tanpa asesmen",
            )
        if case.consent_on is None or case.consent_on > on:
            return no(
                R_CONSENT,
                "no intervention before consent is recorded",
                "tidak ada intervensi sebelum persetujuan dicatat",
            )
    if stage in (S.TERMINATION, S.EARLY_TERMINATION) and reason is None:
        return no(R_REASON, "termination needs a reason", "terminasi memerlukan alasan")
    return None


def check_transition(
    case: Case,
    stage: CaseStage,
    *,
    on: dt.date,
    reason: TerminationReason | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether ``case`` may enter ``stage`` on ``on``, as an explained decision.

    The outcome is ``eligible`` (the move is allowed; one ``case.transition.allowed`` finding)
    or ``not_eligible`` (the last finding names the rule that refuses it, with its citation).
    The edition comes from the one resolver, with the caller's pin and in-force dates; it
    decides which principles the evaluation loops cite.
    """
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    refused = _refusal(case, stage, on, reason, current)
    if refused is None:
        findings = (
            R_ALLOWED.finding(
                Status.MET,
                f"may enter {stage.value}",
                f"dapat memasuki {stage.value}",
                (("stage", stage.value), ("on", on.isoformat())),
            ),
        )
        outcome = Outcome.ELIGIBLE
    else:
        findings, outcome = (refused,), Outcome.NOT_ELIGIBLE
    return Decision("transition", outcome, on, current.id, current.instrument_ids, findings)


def advance(
    case: Case,
    stage: CaseStage,
    *,
    on: dt.date,
    reason: TerminationReason | None = None,
    note: str | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Case:
    """Return a new case that has entered ``stage`` on ``on``, or raise InvalidTransition.

    Args:
        case: the case (not modified).
        stage: the stage to enter.
        on: the date of the move; not earlier than the last stage entered.
        reason: required for termination and early termination; recorded on the case.
        note: an optional note on the stage entry.
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.
    """
    decision = check_transition(
        case, stage, on=on, reason=reason, edition=edition, in_force_dates=in_force_dates
    )
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        raise InvalidTransition.from_decision(decision)
    termination = case.termination
    if stage in (S.TERMINATION, S.EARLY_TERMINATION) and reason is not None:
        termination = Termination(on=on, reason=reason, note=note)
    entry = StageEntry(stage=stage, on=on, note=note)
    return attrs.evolve(case, stages=(*case.stages, entry), termination=termination)


def check_delivery(
    case: Case,
    delivery: ServiceDelivery,
    *,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> None:
    """Raise InvalidTransition if ``delivery`` may not be recorded on ``case``.

    Aid (the aid and social assistance component) and every intervention need a completed
    assessment dated no later than the delivery's start. The edition (for the error's context)
    is the one in force on the delivery's start, from the one resolver.
    """
    current = instrument_in_force(delivery.start, edition=edition, in_force_dates=in_force_dates)
    if not _assessed(case, delivery.start):
        what = (
            "aid"
            if delivery.component is ServiceComponent.AID_AND_SOCIAL_ASSISTANCE
            else ("a service")
        )
        raise InvalidTransition(
            R_DELIVERY.id,
            f"no {what} before a completed assessment",
            "tidak ada bantuan atau layanan sebelum asesmen",
            _ASSESS_FIRST,
            current.id,
        )
