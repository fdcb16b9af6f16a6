"""The decision: the edition's plan, the decision-level findings, and every target's outcome."""

from __future__ import annotations

import datetime as dt

from atensi.law import DataGate, Edition, InForceDates, instrument_in_force
from atensi.model import (
    Assessment,
    Community,
    Family,
    Group,
    Person,
)
from atensi.model.subjects import Subject, people_of
from atensi.rules._args import entity_argument
from atensi.rules.decision import (
    MET,
    NEEDS_REVIEW,
    NOT_MET,
    UNKNOWN,
    Decision,
    Facts,
    Finding,
    Outcome,
)
from atensi.rules.eligibility.candidates import (
    Candidate,
    Candidates,
    with_member,
)
from atensi.rules.eligibility.declarations import (
    OUTCOME_BY_SEVERITY,
    PRIMARY_ORDER,
    R_ASSESSMENT,
    R_CAPACITY,
    R_DTKS,
    R_DTSEN,
    R_EDITION,
    R_FLOOR,
    RANK,
    TARGET_CODES,
    TARGETS,
    worst_severity,
)
from atensi.rules.eligibility.facts import nik_finding
from atensi.rules.eligibility.reading import gate_value, groups_by_target, within_gate
from atensi.vocab import (
    Evidence,
    Label,
    Target,
)

# --- Decision-level findings: the edition, the data gates, the NIK ----------------------------


class _Plan:
    """What a decision under one edition needs of it, worked out once per edition.

    An edition is a value; its findings per target, its instrument ids and whether a target is
    refused outright do not depend on the record, so every record decided under it shares them.
    """

    __slots__ = ("edition", "edition_findings", "gates", "instrument_ids", "refused")

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.instrument_ids = edition.instrument_ids
        self.gates = edition.data_gates
        self.edition_findings = {t: tuple(_edition_findings(edition, t)) for t in TARGETS}
        self.refused = frozenset(
            t for t, found in self.edition_findings.items() if found and found[0].status is NOT_MET
        )


# Keyed by identity, with the edition kept alive in the value so an id is never reused while
# its plan is cached; bounded, for callers who build editions on the fly.
_PLANS: dict[int, _Plan] = {}


def _plan(edition: Edition) -> _Plan:
    plan = _PLANS.get(id(edition))
    if plan is None or plan.edition is not edition:
        if len(_PLANS) >= 64:
            _PLANS.clear()
        plan = _PLANS[id(edition)] = _Plan(edition)
    return plan


def _edition_findings(edition: Edition, target: Target) -> list[Finding]:
    """Nothing when the edition names the target; else why it is (or is not) one."""
    basis = edition.basis(target)
    if basis.how == "named":
        return []
    facts: Facts = (("edition", edition.id),)
    if basis.how == "floor":
        return [
            R_FLOOR.finding(
                MET,
                f"a statutory target under {basis.citation.article}, beneath {edition.name} "
                "(whose own list does not name it)",
                f"sasaran menurut {basis.citation.article}, di bawah {edition.name} (yang "
                "daftarnya sendiri tidak menyebutnya)",
                facts,
                target=target,
                citation=basis.citation,
            )
        ]
    if basis.how == "review":
        return [
            R_EDITION.finding(
                NEEDS_REVIEW,
                f"{edition.name} leaves this target in doubt: needs review",
                f"{edition.name} tidak jelas menyebut sasaran ini: perlu ditinjau",
                facts,
                target=target,
                citation=basis.citation,
            )
        ]
    hard = basis.citation.evidence is Evidence.VERIFIED
    return [
        R_EDITION.finding(
            NOT_MET if hard else NEEDS_REVIEW,
            f"not a target under {edition.name}" + ("" if hard else " (source not verified)"),
            f"bukan sasaran menurut {edition.name}"
            + ("" if hard else " (sumber belum terverifikasi)"),
            facts,
            target=target,
            citation=basis.citation,
        )
    ]


def _gate_finding(gate: DataGate, subject: Subject, assessment: Assessment) -> Finding:
    """The gate's finding; it depends only on the gate and the one value it reads (memoised)."""
    value = gate_value(gate, subject, assessment)
    key = (gate, value)
    found = _GATE_FINDINGS.get(key)
    if found is None:
        if len(_GATE_FINDINGS) >= 256:
            _GATE_FINDINGS.clear()
        found = _GATE_FINDINGS[key] = _new_gate_finding(gate, value)
    return found


_GATE_FINDINGS: dict[tuple[DataGate, int | bool | None], Finding] = {}


def _new_gate_finding(gate: DataGate, value: int | bool | None) -> Finding:
    declared = R_DTSEN if gate.max_decile is not None else R_DTKS
    inside = within_gate(gate, value)
    if gate.max_decile is not None:
        if inside is None:
            return declared.finding(
                UNKNOWN,
                "welfare decile not recorded: the DTSEN data gate could not be checked",
                "desil kesejahteraan tidak tercatat: gerbang data DTSEN tidak dapat diperiksa",
                citation=gate.citation,
            )
        return declared.finding(
            MET if inside else NEEDS_REVIEW,
            f"welfare decile {value}"
            + ("" if inside else f", above {gate.max_decile}: needs review (practice, not law)"),
            f"desil kesejahteraan {value}"
            + ("" if inside else f", di atas {gate.max_decile}: perlu ditinjau (praktik)"),
            (("welfare_decile", value),),
            citation=gate.citation,
        )
    if inside is None:
        return declared.finding(
            UNKNOWN,
            "DTKS listing not recorded: the DTKS data gate could not be checked",
            "status DTKS tidak tercatat: gerbang data DTKS tidak dapat diperiksa",
            citation=gate.citation,
        )
    return declared.finding(
        MET if inside else NEEDS_REVIEW,
        "listed in DTKS" if inside else "not listed in DTKS: needs review (practice, not law)",
        "terdaftar di DTKS" if inside else "tidak terdaftar di DTKS: perlu ditinjau (praktik)",
        (("in_dtks", value),),
        citation=gate.citation,
    )


def _nik_findings(subject: Subject) -> list[Finding]:
    if isinstance(subject, Person):
        found = nik_finding(subject)
        return [] if found is None else [found]
    out = []
    for member in people_of(subject):
        found = nik_finding(member)
        if found is not None:
            out.append(with_member(found, member.id))
    return out


# --- Capacity, assessment, notes --------------------------------------------------------------

_NO_CAPACITY = R_CAPACITY.finding(
    UNKNOWN,
    "potensial / tidak potensial not recorded (it decides which services apply)",
    "potensial / tidak potensial belum dicatat",
    target=Target.ELDERLY,
)


def _capacity_finding(subject: Subject) -> Finding:
    capacity = subject.elderly_capacity if isinstance(subject, Person) else None
    if capacity is None:
        return _NO_CAPACITY
    return R_CAPACITY.finding(
        MET,
        f"recorded as {capacity.value}",
        f"tercatat {capacity.value}",
        (("capacity", capacity.value),),
        target=Target.ELDERLY,
    )


_NO_ASSESSMENT = R_ASSESSMENT.finding(
    UNKNOWN,
    "no assessment: eligibility cannot be decided",
    "belum ada asesmen: kelayakan tidak dapat diputuskan",
)


def _assessment_finding(assessment: Assessment) -> Finding:
    assessed = assessment.assessed_on.isoformat()
    return R_ASSESSMENT.finding(
        MET, f"assessed on {assessed}", f"diasesmen pada {assessed}", (("assessed_on", assessed),)
    )


def _too_early(assessment: Assessment, on_iso: str) -> Finding:
    return R_ASSESSMENT.finding(
        UNKNOWN,
        "the assessment is dated after the decision date",
        "asesmen bertanggal setelah tanggal keputusan",
        (("assessed_on", assessment.assessed_on.isoformat()), ("on", on_iso)),
    )


def _primary_note(eligible: set[Target]) -> tuple[Label, ...]:
    ranked = [t for t in PRIMARY_ORDER if t in eligible]
    if len(ranked) < 2:
        return ()
    return (
        Label(
            f"Saran sasaran utama: {ranked[0].value} (konvensi atensi, bukan hukum).",
            f"Suggested primary target: {ranked[0].value} (atensi's convention, not law).",
        ),
    )


def assess_eligibility(
    subject: Subject,
    assessment: Assessment | None,
    *,
    on: dt.date,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
) -> Decision:
    """Decide, for every target, whether ``subject`` is one on ``on``, and explain why.

    Args:
        subject: a :class:`Person`, :class:`Family`, :class:`Group` or :class:`Community`.
        assessment: the assessment the decision rests on; ``None`` makes it undetermined.
        on: the date of the decision; facts dated after it do not count.
        edition: pin an edition (its id or value) instead of choosing by date: "what if this
            edition applied?" (see :func:`atensi.rules.compare_editions`).
        in_force_dates: replace atensi's unverified in-force dates (see :mod:`atensi.law`).

    Returns:
        The decision. It never raises on a valid entity: missing data is an ``unknown``
        finding. (A date before PP 39/2012 raises :class:`atensi.NoInstrumentInForce`: no rule
        set exists to decide under; a bad pin or override raises :class:`atensi.AtensiError`;
        a subject or assessment that is not an entity, a dict say, raises
        :class:`atensi.errors.WrongArgument`.)
    """
    entity_argument(subject, (Person, Family, Group, Community), "subject")
    if assessment is not None:
        entity_argument(assessment, (Assessment,), "assessment")
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    on_iso = on.isoformat()
    if assessment is None or assessment.assessed_on > on:
        # No assessment on the date, no decision: the assessment is the entry point.
        why = _NO_ASSESSMENT if assessment is None else _too_early(assessment, on_iso)
        return Decision(
            "eligibility", Outcome.UNDETERMINED, on, current.id, current.instrument_ids, (why,)
        )
    plan = _plan(current)
    findings = [_assessment_finding(assessment)]
    shared = _nik_findings(subject)
    for gate in plan.gates:
        if gate.applies_on(on):
            shared.append(_gate_finding(gate, subject, assessment))
    cap = 0
    if shared:
        findings.extend(shared)
        # Their unknowns report a missing fact of practice; they do not hold a decision back.
        cap = worst_severity([f for f in shared if f.status is not UNKNOWN])
    targets: list[tuple[str, Outcome]] = []
    eligible: set[Target] = set()
    best = RANK[Outcome.NOT_ELIGIBLE]
    prepared: Candidate | Candidates = (
        Candidate(
            subject,
            groups_by_target(on, assessment.conditions, subject.conditions),
            on,
            on_iso,
        )
        if isinstance(subject, Person)
        else Candidates(subject, assessment, on, on_iso)
    )
    edition_findings, refused = plan.edition_findings, plan.refused
    for target in TARGETS:
        before = edition_findings[target]
        if target in refused:
            found = list(before)
        else:
            found = prepared.findings(target)
            if before:
                found[:0] = before
        severity = worst_severity(found)
        if cap > severity:
            severity = cap
        outcome = OUTCOME_BY_SEVERITY[severity]
        if target is Target.ELDERLY and outcome is not Outcome.NOT_ELIGIBLE:
            found.append(_capacity_finding(subject))
        findings.extend(found)
        targets.append((TARGET_CODES[target], outcome))
        if severity < best:
            best = severity
        if outcome is Outcome.ELIGIBLE:
            eligible.add(target)
    return Decision(
        "eligibility",
        OUTCOME_BY_SEVERITY[best],
        on,
        current.id,
        plan.instrument_ids,
        tuple(findings),
        tuple(targets),
        _primary_note(eligible),
    )
