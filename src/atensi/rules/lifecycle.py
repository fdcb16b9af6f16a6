"""Case lifecycle: which stage may follow which, the guards on each move, and deliveries.

The order is PP 39/2012 Pasal 7 ayat (2): initial approach → assessment → planning →
intervention → resocialisation → termination → aftercare. atensi adds, as the domain reference
sets out (its convention, graded so):

* evaluation after intervention or resocialisation, and from evaluation back to assessment
  (re-assessment), planning (re-planning), intervention (continue), or on to resocialisation
  or termination ("dinamis" and "sistematik" principles, Permensos 15/2025 Pasal 4);
* referral from any open stage (referral is a form of rehabilitation, PP 39/2012 Pasal 7(1)(k));
  a referral *record* may also be made in aftercare (``atensi.rules.referrals``), and a referral
  at closing is the termination reason ``dirujuk``, not a move out of termination;
* early termination from any open stage, with a reason;
* resocialisation may be skipped when no residential approach is used.

The moves are data (:data:`TRANSITIONS`, :data:`DETOURS` from :data:`OPEN_STAGES`), and so are
their guards (:data:`GUARDS` on entering a stage, :data:`EDGE_GUARDS` on one move): each guard
names the rules it answers under and the check that applies them; :func:`check_transition`
runs exactly those checks, and the lifecycle diagram in the docs is drawn from the same tables.

Guards: no planning or intervention without a completed assessment; no intervention without
consent for its mode (``atensi.rules.consent``); a residential case passes resocialisation
before termination (PP 39/2012 Pasal 7 ayat (2) huruf e); termination needs a reason that is
valid for the case and the edition (the Sentra Kreasi exit reasons of Permensos 15/2025 Pasal 34
belong to those cases only); no aftercare after death.

Deliveries are checked against the case (:func:`assess_delivery`): after an assessment, in the
plan (or flagged unplanned), after consent for the mode, during intervention; with the
exceptions of an emergency response or rapid assessment for a trafficking or disaster victim.

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
from collections.abc import Callable, Mapping
from typing import NamedTuple

import attrs

from atensi.errors import AtensiError
from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import Case, StageEntry, Termination
from atensi.rules._args import entity_argument, member
from atensi.rules.catalogue import Rule, rule
from atensi.rules.consent import (
    CONSENT_FIRST,
    R_CHILD_VIEWS,
    R_GUARDIAN,
    R_MODE,
    R_ORDER_PERIOD,
    consent_findings,
)
from atensi.rules.decision import Decision, Finding, Outcome, Status, outcome_of
from atensi.vocab import (
    Approach,
    CaseStage,
    Citation,
    Evidence,
    Label,
    TerminationReason,
    cite,
)

__all__ = [
    "DETOURS",
    "EDGE_GUARDS",
    "GUARDS",
    "OPEN_STAGES",
    "TRANSITIONS",
    "Guard",
    "InvalidTransition",
    "Move",
    "advance",
    "allowed_next",
    "assessed_by",
    "check_transition",
    "guards_of",
    "refusal",
    "residential",
    "stage_on",
]

_ORDER = cite("pp-39-2012", "Pasal 7 ayat (2)", Evidence.VERIFIED)
_LOOPS_15_2025 = cite(
    "permensos-15-2025",
    "Pasal 4 ayat (4)",
    Evidence.CONVENTION,
    note="evaluation loops follow the 'sistematik' and 'dinamis' principles; atensi's convention",
)
_LOOPS_7_2021 = cite(
    "permensos-7-2021",
    None,
    Evidence.CONVENTION,
    note="evaluation loops follow the principles of 7/2021 ('sistematik', 'dinamis'; article "
    "not read); atensi's convention",
)
_LOOPS_BEFORE = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="before Permensos 7/2021 no principle text was found: the evaluation loops are "
    "atensi's convention",
)
_ASSESS_FIRST = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
    note="assessment is a prerequisite of any intervention or aid",
)
_RESOCIALISATION = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf e",
    Evidence.VERIFIED,
    note="resocialisation is a stage of every rehabilitation; atensi waives it only for cases "
    "without a residential approach (its convention)",
)
_AFTERCARE = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf g",
    Evidence.CONVENTION,
    note="aftercare (bimbingan lanjut) follows the person back into family and community; "
    "after a death there is no one to follow: atensi's reading",
)
_SKA_EXIT = cite(
    "permensos-15-2025",
    "Pasal 34 ayat (4)",
    Evidence.VERIFIED,
    note="the exit rules of a beneficiary's Sentra Kreasi service",
)
_SELECTION = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="perda-ntb-4-2022",
)
_KIND = "lifecycle"  # the kind of every rule declared here
_CASE = ("case.stages", "case.termination", "on")
R_ALLOWED = rule(
    "case.transition.allowed",
    _KIND,
    "the move is allowed",
    "perpindahan diperbolehkan",
    _ORDER,
    _CASE,
)
R_CLOSED = rule(
    "case.transition.closed",
    _KIND,
    "a closed case moves only to aftercare",
    "kasus yang ditutup hanya dapat masuk bimbingan lanjut",
    _ORDER,
    _CASE,
)
R_ORDER = rule(
    "case.transition.order",
    _KIND,
    "stages follow PP 39/2012 Pasal 7 ayat (2), with atensi's evaluation loops",
    "tahapan mengikuti PP 39/2012 Pasal 7 ayat (2), dengan putaran evaluasi atensi",
    (_ORDER, _LOOPS_15_2025, _LOOPS_7_2021, _LOOPS_BEFORE),
    (*_CASE, "case.approaches", "edition"),
)
R_DATE = rule(
    "case.transition.date",
    _KIND,
    "a move is not dated before the last one or the opening",
    "perpindahan tidak bertanggal sebelum tahapan terakhir atau pembukaan kasus",
    _ORDER,
    (*_CASE, "case.opened_on"),
)
R_ASSESSED = rule(
    "case.transition.assessment_required",
    _KIND,
    "no planning or intervention without a completed assessment",
    "tidak ada perencanaan atau intervensi tanpa asesmen yang selesai",
    _ASSESS_FIRST,
    ("case.assessments", "on"),
)
R_CONSENT = rule(
    "case.transition.consent_required",
    _KIND,
    "no intervention in a persuasive or motivational mode (or an unrecorded one) before "
    "consent is recorded",
    "tidak ada intervensi persuasif atau motivatif (atau tanpa cara tercatat) sebelum "
    "persetujuan dicatat",
    CONSENT_FIRST,
    ("case.consent", "case.mode", "on"),
)
R_REASON = rule(
    "case.transition.reason_required",
    _KIND,
    "termination needs a reason",
    "terminasi memerlukan alasan",
    _ORDER,
    ("reason",),
)
R_RESOCIALISED = rule(
    "case.transition.resocialisation_required",
    _KIND,
    "a residential case passes resocialisation before termination",
    "kasus residensial melalui resosialisasi sebelum terminasi",
    _RESOCIALISATION,
    ("case.approaches", "case.plan.approaches", "case.stages", "on"),
)
R_AFTER_DEATH = rule(
    "case.transition.aftercare_after_death",
    _KIND,
    "no aftercare after a termination by death",
    "tidak ada bimbingan lanjut setelah terminasi karena meninggal dunia",
    _AFTERCARE,
    ("case.termination.reason",),
)
R_TERMINATION_REASON = rule(
    "case.termination.reason",
    _KIND,
    "a termination reason fits the case and the edition: the Sentra Kreasi exit reasons "
    "belong to Sentra Kreasi cases under Permensos 15/2025; 'did not meet the criteria' to "
    "selection, before any intervention",
    "alasan terminasi sesuai kasus dan edisi: alasan keluar Sentra Kreasi hanya untuk kasus "
    "Sentra Kreasi menurut Permensos 15/2025; 'tidak memenuhi kriteria' untuk seleksi, sebelum "
    "intervensi",
    (_SKA_EXIT, _SELECTION),
    ("reason", "case.sentra_kreasi", "case.stages", "edition"),
)
R_DELIVERY = rule(
    "case.delivery.assessment_required",
    _KIND,
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


#: The open stages: referral and early termination are allowed from each of them.
OPEN_STAGES: tuple[CaseStage, ...] = (
    CaseStage.INITIAL_APPROACH,
    CaseStage.ASSESSMENT,
    CaseStage.PLANNING,
    CaseStage.INTERVENTION,
    CaseStage.RESOCIALISATION,
    CaseStage.EVALUATION,
)

#: The moves allowed from every open stage (atensi's convention).
DETOURS: tuple[CaseStage, ...] = (CaseStage.REFERRAL, CaseStage.EARLY_TERMINATION)

#: Allowed moves: from a stage (``None`` for a case with no history yet) to the stages that may
#: follow it. :data:`DETOURS` are added from every stage of :data:`OPEN_STAGES`. A move listed
#: here may still be refused by its guards (:data:`GUARDS`, :data:`EDGE_GUARDS`).
TRANSITIONS: Mapping[CaseStage | None, frozenset[CaseStage]] = {
    None: frozenset({CaseStage.INITIAL_APPROACH}),
    CaseStage.INITIAL_APPROACH: frozenset({CaseStage.ASSESSMENT}),
    CaseStage.ASSESSMENT: frozenset({CaseStage.PLANNING}),
    CaseStage.PLANNING: frozenset({CaseStage.INTERVENTION}),
    CaseStage.INTERVENTION: frozenset(
        {CaseStage.RESOCIALISATION, CaseStage.EVALUATION, CaseStage.TERMINATION}
    ),
    CaseStage.RESOCIALISATION: frozenset({CaseStage.TERMINATION, CaseStage.EVALUATION}),
    CaseStage.EVALUATION: frozenset(
        {
            CaseStage.ASSESSMENT,
            CaseStage.PLANNING,
            CaseStage.INTERVENTION,
            CaseStage.RESOCIALISATION,
            CaseStage.TERMINATION,
        }
    ),
    CaseStage.TERMINATION: frozenset({CaseStage.AFTERCARE}),
    CaseStage.AFTERCARE: frozenset(),
    CaseStage.REFERRAL: frozenset({CaseStage.TERMINATION}),
    CaseStage.EARLY_TERMINATION: frozenset(),
}


class Move(NamedTuple):
    """A move asked for: the facts every guard reads."""

    case: Case
    current: CaseStage | None
    stage: CaseStage
    on: dt.date
    reason: TerminationReason | None
    edition: Edition


class Guard(NamedTuple):
    """A precondition of a move: what it asks, the rules it answers under, and its check.

    ``check`` returns the findings of the guard (a ``not_met`` one refuses the move; the others
    explain it or cap it at review); ``label`` is what the lifecycle diagram writes on the move.
    """

    label: Label
    rules: tuple[Rule, ...]
    check: Callable[[Move], list[Finding]]


def refusal(declared: Rule, en: str, id_: str, citation: Citation | None = None) -> Finding:
    """A ``not_met`` finding of ``declared`` (the primary citation unless another is given)."""
    return declared.finding(Status.NOT_MET, en, id_, citation=citation)


def assessed_by(case: Case, on: dt.date) -> bool:
    """Whether an assessment of the case is dated on or before ``on``."""
    return any(a.assessed_on <= on for a in case.assessments)


def _assessment_guard(move: Move) -> list[Finding]:
    if assessed_by(move.case, move.on):
        return []
    if move.stage is CaseStage.PLANNING:
        return [
            refusal(
                R_ASSESSED, "no completed assessment to plan from", "belum ada asesmen yang selesai"
            )
        ]
    return [
        refusal(
            R_ASSESSED,
            "no intervention without a completed assessment",
            "tidak ada intervensi tanpa asesmen",
        )
    ]


def _consent_guard(move: Move) -> list[Finding]:
    return consent_findings(move.case, move.on, R_CONSENT, "intervention")


def _reason_guard(move: Move) -> list[Finding]:
    if move.reason is None:
        return [refusal(R_REASON, "termination needs a reason", "terminasi memerlukan alasan")]
    return []


def _termination_reason_guard(move: Move) -> list[Finding]:
    reason = move.reason
    if reason is None:
        return []
    facts = (("reason", reason.value),)
    if reason.sentra_kreasi_only:
        if not move.case.sentra_kreasi:
            return [
                R_TERMINATION_REASON.finding(
                    Status.NOT_MET,
                    f"'{reason.value}' is an exit reason of Sentra Kreasi cases only",
                    f"'{reason.value}' hanya alasan keluar kasus Sentra Kreasi",
                    facts,
                )
            ]
        if "permensos-15-2025" not in move.edition.instrument_ids:
            return [
                R_TERMINATION_REASON.finding(
                    Status.NEEDS_REVIEW,
                    f"'{reason.value}' is the exit rule of Permensos 15/2025 Pasal 34, not in "
                    f"force under {move.edition.id}; no earlier exit rule was found",
                    f"'{reason.value}' adalah aturan keluar Permensos 15/2025 Pasal 34, belum "
                    f"berlaku pada {move.edition.id}",
                    facts,
                )
            ]
    if reason is TerminationReason.NOT_ELIGIBLE_AT_SELECTION and any(
        entry.stage is CaseStage.INTERVENTION for entry in move.case.stages
    ):
        return [
            R_TERMINATION_REASON.finding(
                Status.NEEDS_REVIEW,
                "'did not meet the criteria at selection' after an intervention: the case "
                "was selected; another reason may fit",
                "'tidak memenuhi kriteria pada seleksi' setelah intervensi: kasus telah diseleksi",
                facts,
                citation=_SELECTION,
            )
        ]
    return []


def residential(case: Case) -> bool:
    """Whether the case uses a residential approach (on the case or in its plan)."""
    if Approach.RESIDENTIAL in case.approaches:
        return True
    return case.plan is not None and Approach.RESIDENTIAL in case.plan.approaches


def _resocialisation_guard(move: Move) -> list[Finding]:
    case = move.case
    if not residential(case):
        return []
    last_intervention = max(
        (i for i, entry in enumerate(case.stages) if entry.stage is CaseStage.INTERVENTION),
        default=-1,
    )
    if any(
        entry.stage is CaseStage.RESOCIALISATION for entry in case.stages[last_intervention + 1 :]
    ):
        return []
    return [
        refusal(
            R_RESOCIALISED,
            "a residential case passes resocialisation before termination",
            "kasus residensial melalui resosialisasi sebelum terminasi",
        )
    ]


def _death_guard(move: Move) -> list[Finding]:
    ended = move.case.termination
    if ended is not None and ended.reason is TerminationReason.DEATH:
        return [
            refusal(
                R_AFTER_DEATH,
                "no aftercare after a termination by death",
                "tidak ada bimbingan lanjut setelah meninggal dunia",
            )
        ]
    return []


_TERMINATION_GUARDS = (
    Guard(Label("alasan terminasi", "a reason"), (R_REASON,), _reason_guard),
    Guard(
        Label("alasan yang sesuai", "a fitting reason"),
        (R_TERMINATION_REASON,),
        _termination_reason_guard,
    ),
)
_RESOCIALISED = Guard(
    Label("residensial: resosialisasi dahulu", "residential: resocialisation first"),
    (R_RESOCIALISED,),
    _resocialisation_guard,
)

#: The guards on entering a stage, whatever the stage it is entered from.
GUARDS: Mapping[CaseStage, tuple[Guard, ...]] = {
    CaseStage.PLANNING: (
        Guard(Label("asesmen selesai", "an assessment"), (R_ASSESSED,), _assessment_guard),
    ),
    CaseStage.INTERVENTION: (
        Guard(Label("asesmen selesai", "an assessment"), (R_ASSESSED,), _assessment_guard),
        Guard(
            Label("persetujuan sesuai cara", "consent for the mode"),
            (R_CONSENT, R_MODE, R_GUARDIAN, R_CHILD_VIEWS, R_ORDER_PERIOD),
            _consent_guard,
        ),
    ),
    CaseStage.TERMINATION: _TERMINATION_GUARDS,
    CaseStage.EARLY_TERMINATION: _TERMINATION_GUARDS,
    CaseStage.AFTERCARE: (
        Guard(Label("tidak setelah kematian", "not after a death"), (R_AFTER_DEATH,), _death_guard),
    ),
}

#: The guards on one move only (from, to).
EDGE_GUARDS: Mapping[tuple[CaseStage, CaseStage], tuple[Guard, ...]] = {
    (CaseStage.INTERVENTION, CaseStage.TERMINATION): (_RESOCIALISED,),
    (CaseStage.EVALUATION, CaseStage.TERMINATION): (_RESOCIALISED,),
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
        """The error for a refused move or delivery (the decision's first refusing finding)."""
        finding = next(
            (f for f in decision.findings if f.status is Status.NOT_MET), decision.findings[-1]
        )
        citation = finding.citation or _ORDER
        return cls(
            finding.rule_id, finding.message.en, finding.message.id, citation, decision.edition
        )


def allowed_next(case: Case) -> frozenset[CaseStage]:
    """The stages the case may move to next (before the guards are checked)."""
    current = case.current_stage
    allowed = set(TRANSITIONS[current])
    if current in OPEN_STAGES:
        allowed.update(DETOURS)
    return frozenset(allowed)


def stage_on(case: Case, day: dt.date) -> CaseStage | None:
    """The stage the case was in on ``day`` (the last entry dated on or before it)."""
    found = None
    for entry in case.stages:
        if entry.on > day:
            break
        found = entry.stage
    return found


def _structure(move: Move) -> Finding | None:
    """The refusal of the closed-case, order and date rules, or None."""
    case, current, stage, on = move.case, move.current, move.stage, move.on
    if case.termination is not None and stage is not CaseStage.AFTERCARE:
        return refusal(R_CLOSED, "the case is closed", "kasus sudah ditutup")
    if stage not in allowed_next(case):
        loops = current is CaseStage.EVALUATION or stage is CaseStage.EVALUATION
        return refusal(
            R_ORDER,
            f"cannot move from {current.value if current else 'a new case'} to {stage.value}",
            f"tidak dapat berpindah dari {current.value if current else 'kasus baru'} ke "
            f"{stage.value}",
            _loops(move.edition) if loops else _ORDER,
        )
    if case.stages and on < case.stages[-1].on:
        return refusal(
            R_DATE,
            "the move is dated before the last one",
            "perpindahan bertanggal sebelum tahapan terakhir",
        )
    if on < case.opened_on:
        return refusal(
            R_DATE,
            "the move is dated before the opening",
            "perpindahan bertanggal sebelum kasus dibuka",
        )
    return None


def guards_of(current: CaseStage | None, stage: CaseStage) -> tuple[Guard, ...]:
    """The guards a move from ``current`` to ``stage`` must pass, in the order they run."""
    edge = EDGE_GUARDS.get((current, stage), ()) if current is not None else ()
    return (*GUARDS.get(stage, ()), *edge)


def check_transition(
    case: Case,
    stage: CaseStage | str,
    *,
    on: dt.date,
    reason: TerminationReason | str | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether ``case`` may enter ``stage`` on ``on``, as an explained decision.

    The outcome is ``eligible`` (allowed: a ``case.transition.allowed`` finding, then what the
    guards found, e.g. which consent rule applied), ``not_eligible`` (refused: the finding names
    the rule that refuses it, with its citation), or, for an allowed move a guard cannot settle,
    ``needs_review`` or ``undetermined`` (a child's views not recorded, an order past its
    period). The edition comes from the one resolver, with the caller's pin and in-force dates;
    it decides which principles the evaluation loops cite and whether the Sentra Kreasi exit
    rules apply.
    """
    entity_argument(case, (Case,), "case")
    stage = member(CaseStage, stage, "stage")
    reason = None if reason is None else member(TerminationReason, reason, "reason")
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    move = Move(case, case.current_stage, stage, on, reason, current)
    refused = _structure(move)
    found: list[Finding] = []
    if refused is None:
        for guard in guards_of(move.current, stage):
            for finding in guard.check(move):
                if finding.status is Status.NOT_MET:
                    refused = finding
                    break
                found.append(finding)
            if refused is not None:
                break
    if refused is not None:
        return Decision(
            "transition", Outcome.NOT_ELIGIBLE, on, current.id, current.instrument_ids, (refused,)
        )
    allowed = R_ALLOWED.finding(
        Status.MET,
        f"may enter {stage.value}",
        f"dapat memasuki {stage.value}",
        (("stage", stage.value), ("on", on.isoformat())),
    )
    findings = (allowed, *found)
    return Decision(
        "transition", outcome_of(findings), on, current.id, current.instrument_ids, findings
    )


def advance(
    case: Case,
    stage: CaseStage | str,
    *,
    on: dt.date,
    reason: TerminationReason | str | None = None,
    note: str | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Case:
    """Return a new case that has entered ``stage`` on ``on``, or raise InvalidTransition.

    A move a guard leaves for review (see :func:`check_transition`) is made; ask
    :func:`check_transition` to see why it needs review.

    Args:
        case: the case (not modified).
        stage: the stage to enter (a member or its code: ``"asesmen"``).
        on: the date of the move; not earlier than the last stage entered.
        reason: required for termination and early termination; recorded on the case.
        note: an optional note on the stage entry.
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.
    """
    stage = member(CaseStage, stage, "stage")
    reason = None if reason is None else member(TerminationReason, reason, "reason")
    decision = check_transition(
        case, stage, on=on, reason=reason, edition=edition, in_force_dates=in_force_dates
    )
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        raise InvalidTransition.from_decision(decision)
    termination = case.termination
    if stage in (CaseStage.TERMINATION, CaseStage.EARLY_TERMINATION) and reason is not None:
        termination = Termination(on=on, reason=reason, note=note)
    entry = StageEntry(stage=stage, on=on, note=note)
    return attrs.evolve(case, stages=(*case.stages, entry), termination=termination)
