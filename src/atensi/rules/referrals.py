"""Referrals checked against the case and the unit registry.

Referral (rujukan) is a form of rehabilitation (PP 39/2012 Pasal 7 ayat (1) huruf k, verified)
and happens at any point of a case. atensi's rules for a referral record
(:class:`atensi.model.Referral`), its convention where the law is silent:

* **when** (``case.referral.stage``): a referral out is made from an open stage (initial
  approach to evaluation, or while the case is in the referral stage) or in aftercare; a
  referral at closing is the termination reason ``dirujuk`` on the day of closing, not a move out
  of termination; after a closing for another reason there is no referral. A referral in (the
  one that brought the case) is not checked here.
* **to whom** (``case.referral.counterpart``): the referral names its counterpart, by kind,
  code or name. A unit code is looked up in the unit registry the caller passes: a code the
  registry holds is met (a unit closed or merged by then, or of another kind than recorded,
  needs review); a code a registry that claims to be complete does not hold is refused (the
  caller's own data says there is no such unit); a code an incomplete registry does not hold
  needs review; without a registry the code cannot be checked (``unknown``).
* **who** (``case.referral.responsible``): a referral out names who is responsible for it
  (the plan names "responsible people" in a regional regulation's stage content,
  source ``perda-ntb-4-2022``, secondary); without one it needs review.

:func:`check_referral` returns the decision; :func:`refer` records the referral on the case or
raises :class:`~atensi.rules.lifecycle.InvalidTransition`.

>>> import datetime as dt
>>> from atensi.model import Case, Community, Referral, ReferralDirection, StageEntry
>>> from atensi.vocab import AgencyKind, CaseStage
>>> case = Case(id="C-1", subject=Community(id="K", name="Kampung"), unit="U",
...             opened_on=dt.date(2024, 1, 2),
...             stages=(StageEntry(stage=CaseStage.ASSESSMENT, on=dt.date(2024, 1, 2)),))
>>> out = Referral(on=dt.date(2024, 1, 9), direction=ReferralDirection.OUT,
...                counterpart_kind=AgencyKind.PUSKESMAS, responsible="PEKSOS-7")
>>> check_referral(case, out).outcome.value
'eligible'
"""

from __future__ import annotations

import attrs

from atensi.law import Edition, InForceDates, instrument_in_force
from atensi.model import Case, Referral, ReferralDirection, UnitRegistry
from atensi.rules.catalogue import rule
from atensi.rules.coverage import unit_state
from atensi.rules.decision import Decision, Finding, Outcome, Status, outcome_of
from atensi.rules.lifecycle import OPEN_STAGES, InvalidTransition, stage_on
from atensi.vocab import CaseStage, Evidence, TerminationReason, cite

__all__ = ["check_referral", "refer"]

_KIND = "lifecycle"  # the kind of every rule declared here
_FORM = cite(
    "pp-39-2012",
    "Pasal 7 ayat (1) huruf k",
    Evidence.CONVENTION,
    note="referral is a legal form of rehabilitation (verified); when it may be made is "
    "atensi's convention",
)
_REGISTRY = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="a unit code is checked against the caller's unit registry; a registry that claims "
    "to be complete says what does not exist",
)
_RESPONSIBLE = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="perda-ntb-4-2022",
    note="that a referral names its own is atensi's convention",
)
R_STAGE = rule(
    "case.referral.stage",
    _KIND,
    "a referral out is made from an open stage or in aftercare; at closing it is the "
    "termination reason 'dirujuk'",
    "rujukan keluar dibuat dari tahapan terbuka atau pada bimbingan lanjut; saat penutupan "
    "dicatat sebagai alasan terminasi 'dirujuk'",
    _FORM,
    ("case.stages", "case.termination", "referral.on", "referral.direction"),
)
R_COUNTERPART = rule(
    "case.referral.counterpart",
    _KIND,
    "a referral names its counterpart; a unit code is one the unit registry holds",
    "rujukan menyebut pihak tujuannya; kode unit terdapat dalam daftar unit",
    _REGISTRY,
    (
        "referral.counterpart_kind",
        "referral.unit_code",
        "referral.counterpart",
        "registry",
        "referral.on",
    ),
)
R_RESPONSIBLE = rule(
    "case.referral.responsible",
    _KIND,
    "a referral out names who is responsible for it",
    "rujukan keluar menyebut penanggung jawabnya",
    _RESPONSIBLE,
    ("referral.responsible", "referral.direction"),
)


def _stage_finding(case: Case, referral: Referral) -> Finding:
    if referral.direction is ReferralDirection.IN:
        return R_STAGE.finding(
            Status.NOT_APPLICABLE,
            "a referral in opens or joins the case",
            "rujukan masuk membuka atau bergabung dengan kasus",
        )
    stage = stage_on(case, referral.on)
    facts = (("stage", None if stage is None else stage.value),)
    if stage is not None and (
        stage in OPEN_STAGES or stage in (CaseStage.REFERRAL, CaseStage.AFTERCARE)
    ):
        return R_STAGE.finding(
            Status.MET, f"referred during {stage.value}", f"dirujuk pada {stage.value}", facts
        )
    if stage is None:
        return R_STAGE.finding(
            Status.UNKNOWN,
            "no stage is recorded on the day of the referral",
            "tidak ada tahapan tercatat pada hari rujukan",
            facts,
        )
    closed = case.termination
    if (
        closed is not None
        and closed.on == referral.on
        and closed.reason in (TerminationReason.REFERRED_OUT, TerminationReason.TRANSFER)
    ):
        return R_STAGE.finding(
            Status.MET,
            f"the referral at closing (termination reason {closed.reason.value})",
            f"rujukan saat penutupan (alasan terminasi {closed.reason.value})",
            facts,
        )
    return R_STAGE.finding(
        Status.NOT_MET,
        f"the case is closed ({stage.value}): a referral at closing is recorded as the "
        "termination reason 'dirujuk' on that day; later, only from aftercare",
        f"kasus sudah ditutup ({stage.value}): rujukan saat penutupan dicatat sebagai alasan "
        "terminasi 'dirujuk'; sesudahnya hanya dari bimbingan lanjut",
        facts,
    )


def _counterpart_finding(referral: Referral, registry: UnitRegistry | None) -> Finding:
    code, kind = referral.unit_code, referral.counterpart_kind
    facts = (
        ("counterpart_kind", None if kind is None else kind.value),
        ("unit_code", code),
    )
    if code is None:
        if kind is not None or (referral.counterpart or "").strip():
            return R_COUNTERPART.finding(
                Status.MET, "the counterpart is named", "pihak tujuan disebut", facts
            )
        return R_COUNTERPART.finding(
            Status.NEEDS_REVIEW,
            "the referral names no counterpart",
            "rujukan tidak menyebut pihak tujuan",
            facts,
        )
    if registry is None:
        return R_COUNTERPART.finding(
            Status.UNKNOWN,
            "no unit registry was passed: the unit code is not checked",
            "daftar unit tidak diberikan: kode unit tidak diperiksa",
            facts,
        )
    units = {u.code: u for u in registry.units}
    unit = units.get(code)
    if unit is None:
        if registry.complete:
            return R_COUNTERPART.finding(
                Status.NOT_MET,
                "no unit of the registry has this code, and the registry claims to list every unit",
                "tidak ada unit dengan kode ini dalam daftar yang mengklaim lengkap",
                facts,
            )
        return R_COUNTERPART.finding(
            Status.NEEDS_REVIEW,
            "the unit code is not in the registry, which does not claim to be complete",
            "kode unit tidak ada dalam daftar yang tidak mengklaim lengkap",
            facts,
        )
    state = unit_state(unit, referral.on, units)
    if state is None:
        return R_COUNTERPART.finding(
            Status.NEEDS_REVIEW,
            "the unit did not exist, had closed or had merged on the day of the referral",
            "unit belum ada, sudah ditutup atau bergabung pada hari rujukan",
            facts,
        )
    if kind is not None and state.kind.agency_kind is not kind:
        return R_COUNTERPART.finding(
            Status.NEEDS_REVIEW,
            f"the registry has the unit as {state.kind.agency_kind.value}, not {kind.value}",
            f"daftar mencatat unit sebagai {state.kind.agency_kind.value}, bukan {kind.value}",
            facts,
        )
    return R_COUNTERPART.finding(
        Status.MET, f"a unit of the registry ({state.name})", "unit dalam daftar", facts
    )


def _responsible_finding(referral: Referral) -> Finding:
    if referral.direction is ReferralDirection.IN:
        return R_RESPONSIBLE.finding(Status.NOT_APPLICABLE, "a referral in", "rujukan masuk")
    if (referral.responsible or "").strip():
        return R_RESPONSIBLE.finding(
            Status.MET, "a responsible person is named", "penanggung jawab disebut"
        )
    return R_RESPONSIBLE.finding(
        Status.NEEDS_REVIEW,
        "the referral names no one responsible for it",
        "rujukan tidak menyebut penanggung jawab",
    )


def check_referral(
    case: Case,
    referral: Referral,
    *,
    registry: UnitRegistry | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Whether ``referral`` may be recorded on ``case``, as an explained decision.

    The decision (kind ``referral``, dated the day the referral was sent) holds one finding
    each of ``case.referral.stage``, ``case.referral.counterpart`` and
    ``case.referral.responsible``; the worst decides the outcome (``not_eligible``: refused).

    Args:
        case: the case (the referral need not be on it yet).
        referral: the referral.
        registry: the unit registry to look a unit code up in; without one, a unit code is
            not checked (``unknown``).
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.
    """
    current = instrument_in_force(referral.on, edition=edition, in_force_dates=in_force_dates)
    findings = (
        _stage_finding(case, referral),
        _counterpart_finding(referral, registry),
        _responsible_finding(referral),
    )
    return Decision(
        "referral", outcome_of(findings), referral.on, current.id, current.instrument_ids, findings
    )


def refer(
    case: Case,
    referral: Referral,
    *,
    registry: UnitRegistry | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Case:
    """Return a new case with ``referral`` recorded, or raise InvalidTransition if refused.

    A referral left for review or not settled (:func:`check_referral`) is recorded.
    """
    decision = check_referral(
        case, referral, registry=registry, edition=edition, in_force_dates=in_force_dates
    )
    if decision.outcome is Outcome.NOT_ELIGIBLE:
        raise InvalidTransition.from_decision(decision)
    return attrs.evolve(case, referrals=(*case.referrals, referral))
