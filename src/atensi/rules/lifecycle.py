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
from atensi.model import Case, ServiceDelivery, StageEntry, Termination
from atensi.vocab import (
    Approach,
    CaseStage,
    Citation,
    Evidence,
    ServiceComponent,
    TerminationReason,
    cite,
)

__all__ = ["TRANSITIONS", "InvalidTransition", "advance", "allowed_next", "check_delivery"]

S = CaseStage
_ORDER = cite("pp-39-2012", "Pasal 7 ayat (2)", Evidence.VERIFIED, source="REFERENCE R16")
_LOOPS = cite(
    "permensos-15-2025",
    "Pasal 4 ayat (4)",
    Evidence.CONVENTION,
    source="REFERENCE §5.3",
    note="evaluation loops follow the 'sistematik' and 'dinamis' principles; atensi's convention",
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
    note="rights-based principle (Permensos 15/2025 Pasal 4 ayat (1) huruf e)",
)

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
    """A case may not move to the stage asked for; names the rule and its citation.

    Attributes:
        rule_id: the stable id of the rule that refused the move.
        citation: where the rule comes from.
    """

    code = "case.transition"

    def __init__(self, rule_id: str, en: str, id_: str, citation: Citation) -> None:
        self.rule_id = rule_id
        self.citation = citation
        super().__init__(
            f"{en} [{rule_id}; {citation}]",
            message_id=f"{id_} [{rule_id}; {citation}]",
            code=rule_id,
            ctx={"rule_id": rule_id, "citation": citation.to_dict()},
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


def advance(
    case: Case,
    stage: CaseStage,
    *,
    on: dt.date,
    reason: TerminationReason | None = None,
    note: str | None = None,
) -> Case:
    """Return a new case that has entered ``stage`` on ``on``, or raise InvalidTransition.

    Args:
        case: the case (not modified).
        stage: the stage to enter.
        on: the date of the move; not earlier than the last stage entered.
        reason: required for termination and early termination; recorded on the case.
        note: an optional note on the stage entry.
    """
    current = case.current_stage
    if case.termination is not None and stage not in (S.AFTERCARE,):
        raise InvalidTransition(
            "case.transition.closed", "the case is closed", "kasus sudah ditutup", _ORDER
        )
    if stage not in allowed_next(case):
        source = _LOOPS if current is S.EVALUATION or stage is S.EVALUATION else _ORDER
        raise InvalidTransition(
            "case.transition.order",
            f"cannot move from {current.value if current else 'a new case'} to {stage.value}",
            f"tidak dapat berpindah dari {current.value if current else 'kasus baru'} ke "
            f"{stage.value}",
            source,
        )
    if case.stages and on < case.stages[-1].on:
        raise InvalidTransition(
            "case.transition.date",
            "the move is dated before the last one",
            "perpindahan bertanggal sebelum tahapan terakhir",
            _ORDER,
        )
    if on < case.opened_on:
        raise InvalidTransition(
            "case.transition.date",
            "the move is dated before the opening",
            "perpindahan bertanggal sebelum kasus dibuka",
            _ORDER,
        )
    if stage is S.PLANNING and not _assessed(case, on):
        raise InvalidTransition(
            "case.transition.assessment_required",
            "no completed assessment to plan from",
            "belum ada asesmen yang selesai",
            _ASSESS_FIRST,
        )
    if stage is S.INTERVENTION:
        if not _assessed(case, on):
            raise InvalidTransition(
                "case.transition.assessment_required",
                "no intervention without a completed assessment",
                "tidak ada intervensi tanpa asesmen",
                _ASSESS_FIRST,
            )
        if case.consent_on is None or case.consent_on > on:
            raise InvalidTransition(
                "case.transition.consent_required",
                "no intervention before consent is recorded",
                "tidak ada intervensi sebelum persetujuan dicatat",
                _CONSENT,
            )
    termination = case.termination
    if stage in (S.TERMINATION, S.EARLY_TERMINATION):
        if reason is None:
            raise InvalidTransition(
                "case.transition.reason_required",
                "termination needs a reason",
                "terminasi memerlukan alasan",
                _ORDER,
            )
        termination = Termination(on=on, reason=reason, note=note)
    entry = StageEntry(stage=stage, on=on, note=note)
    return attrs.evolve(case, stages=(*case.stages, entry), termination=termination)


def check_delivery(case: Case, delivery: ServiceDelivery) -> None:
    """Raise InvalidTransition if ``delivery`` may not be recorded on ``case``.

    Aid (the aid and social assistance component) and every intervention need a completed
    assessment dated no later than the delivery's start.
    """
    if not _assessed(case, delivery.start):
        what = (
            "aid"
            if delivery.component is ServiceComponent.AID_AND_SOCIAL_ASSISTANCE
            else ("a service")
        )
        raise InvalidTransition(
            "case.delivery.assessment_required",
            f"no {what} before a completed assessment",
            "tidak ada bantuan atau layanan sebelum asesmen",
            _ASSESS_FIRST,
        )
