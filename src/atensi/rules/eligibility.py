"""Eligibility: is this subject, on this date, a target of ATENSI, under which target, and why?

For each target the edition in force names (see :mod:`atensi.law`), the rules below produce
findings; a target's outcome follows from its *gating* findings:

* any ``not_met`` → not eligible; else any ``unknown`` → undetermined; else any
  ``needs_review`` → needs review; else eligible.

The overall outcome is eligible if any target is, else needs review, else undetermined, else
not eligible. Without an assessment nothing is decided: the outcome is undetermined, because an
assessment is the mandatory entry point (REFERENCE §3.11, secondary).

========================  ===========================================================  ======
rule id                   statement                                                    gating
========================  ===========================================================  ======
elig.assessment.present   an assessment exists                                         yes
elig.edition.target       the edition in force names the target                        yes
elig.anak.age             under 18 on the date (UU 35/2014 Pasal 1 angka 1)            yes
elig.anak.condition       a child condition is recorded                                yes
elig.lansia.age           60 or over on the date (UU 13/1998 Pasal 1 angka 2)           yes
elig.lansia.condition     an elderly condition is recorded                             yes
elig.lansia.capacity      potensial / tidak potensial is recorded                      no
elig.disabilitas.type     at least one UU 8/2016 type is recorded                      yes
elig.disabilitas.duration lasting 6 months or permanent (Penjelasan Pasal 1 angka 1)    yes
elig.disabilitas.medical  the type was determined by medical personnel (Pasal 4(2))     yes
elig.napza.status         addict, abuser or victim (UU 35/2009), any age                yes
elig.tskpo.condition      a tuna sosial / trafficking condition is recorded            yes
elig.bencana.condition    a disaster-victim condition is recorded                      yes
elig.lainnya.condition    'PPKS lainnya' with a justification (always needs review)    yes
========================  ===========================================================  ======
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from dateutil.relativedelta import relativedelta

from atensi.law import Edition, instrument_in_force
from atensi.model import Assessment, Community, Condition, Family, Group, Person
from atensi.model.subjects import Subject
from atensi.rules.age import age_range
from atensi.rules.decision import Decision, Finding, Outcome, Status, facts_of
from atensi.vocab import Citation, Evidence, Label, Target, TargetGroup, cite

__all__ = ["PRIMARY_ORDER", "assess_eligibility"]

_V = Evidence.VERIFIED
_CHILD_AGE = cite("uu-35-2014", "Pasal 1 angka 1", _V, source="REFERENCE R19")
_ELDERLY_AGE = cite("uu-13-1998", "Pasal 1 angka 2", _V, source="REFERENCE R21")
_MEMBERS = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi convention (docs/rules.md)",
    note="age and disability targets apply to a family or group through its members",
)
_CHILD_CONDITION = cite("uu-35-2014", "Pasal 59 ayat (2)", _V, source="REFERENCE R19")
_ELDERLY_CONDITION = cite("uu-13-1998", "Pasal 1 angka 2", _V, source="REFERENCE R21")
_ELDERLY_CAPACITY = cite("uu-13-1998", "Pasal 1 angka 3-4; Pasal 5", _V, source="REFERENCE R21")
_DISABILITY_TYPE = cite("uu-8-2016", "Pasal 4 ayat (1)", _V, source="REFERENCE R20")
_DISABILITY_TERM = cite("uu-8-2016", "Penjelasan Pasal 1 angka 1", _V, source="REFERENCE R20")
_DISABILITY_MEDICAL = cite("uu-8-2016", "Pasal 4 ayat (2)", _V, source="REFERENCE R20")
_NAPZA = cite("uu-35-2009", "Pasal 54", _V, source="REFERENCE R22")
_TSKPO = cite("pp-39-2012", "Pasal 6 ayat (1)", _V, source="REFERENCE R16")
_OTHER = cite("pp-39-2012", "Pasal 6 ayat (2)", _V, source="REFERENCE R16")
_ASSESSMENT = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="REFERENCE §3.11 (R35; Dirjen statement 2024)",
    note="assessment is the mandatory entry point before any intervention or aid",
)

#: atensi's convention (not law) for suggesting one primary target when several apply.
PRIMARY_ORDER: tuple[Target, ...] = (
    Target.CHILDREN,
    Target.PERSONS_WITH_DISABILITIES,
    Target.ELDERLY,
    Target.DRUG_ABUSE_VICTIMS,
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING,
    Target.DISASTER_VICTIMS,
    Target.OTHER_PPKS,
)

_SIX_MONTHS = relativedelta(months=6)
_CODES = {t: t.value for t in Target}
_TARGETS = tuple(Target)


def _finding(
    rule_id: str,
    status: Status,
    target: Target | None,
    en: str,
    id_: str,
    citation: Citation | None,
    facts: Mapping[str, object] | None = None,
) -> Finding:
    return Finding(
        rule_id,
        status,
        Label(id_, en),
        citation,
        facts_of(facts) if facts else (),
        None if target is None else _CODES[target],
    )


def _outcome(statuses: Iterable[Status]) -> Outcome:
    found = set(statuses)
    if Status.NOT_MET in found:
        return Outcome.NOT_ELIGIBLE
    if Status.UNKNOWN in found:
        return Outcome.UNDETERMINED
    if Status.NEEDS_REVIEW in found:
        return Outcome.NEEDS_REVIEW
    return Outcome.ELIGIBLE


def _groups(conditions: Iterable[Condition], target: Target) -> list[TargetGroup]:
    return [c.group for c in conditions if c.group.target is target]


def _age_findings(
    person: Person, on: dt.date, target: Target, *, under: int | None, at_least: int | None
) -> Finding:
    rule = "elig.anak.age" if target is Target.CHILDREN else "elig.lansia.age"
    citation = _CHILD_AGE if target is Target.CHILDREN else _ELDERLY_AGE
    if person.birth_date is None:
        return _finding(
            rule,
            Status.UNKNOWN,
            target,
            "birth date unknown",
            "tanggal lahir tidak diketahui",
            citation,
            {"on": on},
        )
    youngest, oldest = age_range(person.birth_date, on)
    facts: dict[str, object] = {
        "birth_date": person.birth_date.value,
        "precision": person.birth_date.precision.value,
        "estimated": person.birth_date.estimated,
        "on": on,
        "age_min": youngest,
        "age_max": oldest,
    }
    if under is not None:
        if oldest < under:
            return _finding(
                rule,
                Status.MET,
                target,
                f"aged {oldest}, under {under}",
                f"berusia {oldest}, di bawah {under} tahun",
                citation,
                facts,
            )
        if youngest >= under:
            return _finding(
                rule,
                Status.NOT_MET,
                target,
                f"aged {youngest}, not under {under}",
                f"berusia {youngest}, tidak di bawah {under} tahun",
                citation,
                facts,
            )
        return _finding(
            rule,
            Status.UNKNOWN,
            target,
            f"estimated age {youngest}-{oldest} straddles {under}",
            f"perkiraan usia {youngest}-{oldest} melintasi batas {under} tahun",
            citation,
            facts,
        )
    assert at_least is not None
    if youngest >= at_least:
        return _finding(
            rule,
            Status.MET,
            target,
            f"aged {youngest}, at least {at_least}",
            f"berusia {youngest}, paling sedikit {at_least} tahun",
            citation,
            facts,
        )
    if oldest < at_least:
        return _finding(
            rule,
            Status.NOT_MET,
            target,
            f"aged {oldest}, under {at_least}",
            f"berusia {oldest}, di bawah {at_least} tahun",
            citation,
            facts,
        )
    return _finding(
        rule,
        Status.UNKNOWN,
        target,
        f"estimated age {youngest}-{oldest} straddles {at_least}",
        f"perkiraan usia {youngest}-{oldest} melintasi batas {at_least} tahun",
        citation,
        facts,
    )


def _condition_finding(
    rule: str, target: Target, conditions: list[Condition], citation: Citation
) -> Finding:
    groups = _groups(conditions, target)
    if groups:
        codes = ",".join(g.value for g in groups)
        return _finding(
            rule,
            Status.MET,
            target,
            f"condition recorded: {codes}",
            f"kondisi tercatat: {codes}",
            citation,
            {"conditions": codes},
        )
    return _finding(
        rule,
        Status.NOT_MET,
        target,
        "no condition of this target is recorded",
        "tidak ada kondisi kelompok sasaran ini yang tercatat",
        citation,
    )


def _disability_findings(person: Person, conditions: list[Condition], on: dt.date) -> list[Finding]:
    target = Target.PERSONS_WITH_DISABILITIES
    if not person.disabilities:
        if _groups(conditions, target):
            return [
                _finding(
                    "elig.disabilitas.type",
                    Status.NEEDS_REVIEW,
                    target,
                    "a disability condition is recorded but not its type",
                    "kondisi disabilitas tercatat tetapi ragamnya tidak",
                    _DISABILITY_TYPE,
                )
            ]
        return [
            _finding(
                "elig.disabilitas.type",
                Status.NOT_MET,
                target,
                "no disability is recorded",
                "tidak ada disabilitas yang tercatat",
                _DISABILITY_TYPE,
            )
        ]
    types = ",".join(d.type.value for d in person.disabilities)
    found = [
        _finding(
            "elig.disabilitas.type",
            Status.MET,
            target,
            f"types: {types}",
            f"ragam: {types}",
            _DISABILITY_TYPE,
            {"types": types},
        )
    ]
    # Long-term: at least one disability lasting six months or permanent.
    durations = []
    for d in person.disabilities:
        if d.permanent:
            durations.append(Status.MET)
        elif d.since is not None:
            durations.append(Status.MET if d.since + _SIX_MONTHS <= on else Status.NOT_MET)
        else:
            durations.append(Status.UNKNOWN)
    duration = (
        Status.MET
        if Status.MET in durations
        else Status.UNKNOWN
        if Status.UNKNOWN in durations
        else Status.NOT_MET
    )
    messages = {
        Status.MET: (
            "lasting at least 6 months or permanent",
            "berlangsung paling singkat 6 bulan atau permanen",
        ),
        Status.NOT_MET: (
            "shorter than 6 months and not permanent",
            "kurang dari 6 bulan dan tidak permanen",
        ),
        Status.UNKNOWN: ("duration not recorded", "lama keterbatasan tidak tercatat"),
    }
    found.append(
        _finding(
            "elig.disabilitas.duration",
            duration,
            target,
            *messages[duration],
            _DISABILITY_TERM,
            {"on": on},
        )
    )
    medical = [d.determined_by_medical_personnel for d in person.disabilities]
    if any(m is True for m in medical):
        found.append(
            _finding(
                "elig.disabilitas.medical",
                Status.MET,
                target,
                "determined by medical personnel",
                "ditetapkan oleh tenaga medis",
                _DISABILITY_MEDICAL,
            )
        )
    else:
        found.append(
            _finding(
                "elig.disabilitas.medical",
                Status.NEEDS_REVIEW,
                target,
                "not (yet) determined by medical personnel",
                "belum ditetapkan oleh tenaga medis",
                _DISABILITY_MEDICAL,
            )
        )
    return found


def _person_findings(
    person: Person, conditions: list[Condition], on: dt.date, target: Target
) -> list[Finding]:
    if target is Target.CHILDREN or target is Target.ELDERLY:
        child = target is Target.CHILDREN
        condition = _condition_finding(
            "elig.anak.condition" if child else "elig.lansia.condition",
            target,
            conditions,
            _CHILD_CONDITION if child else _ELDERLY_CONDITION,
        )
        if condition.status is Status.NOT_MET:
            # One unmet criterion explains the outcome; the age is not worked out.
            return [condition]
        age = _age_findings(
            person, on, target, under=18 if child else None, at_least=None if child else 60
        )
        return [age, condition]
    if target is Target.PERSONS_WITH_DISABILITIES:
        return _disability_findings(person, conditions, on)
    if target is Target.DRUG_ABUSE_VICTIMS:
        groups = _groups(conditions, target)
        if person.drug_use is not None:
            groups.append(person.drug_use.status)
        if groups:
            codes = ",".join(sorted({g.value for g in groups}))
            return [
                _finding(
                    "elig.napza.status",
                    Status.MET,
                    target,
                    f"status: {codes}",
                    f"status: {codes}",
                    _NAPZA,
                    {"status": codes},
                )
            ]
        return [
            _finding(
                "elig.napza.status",
                Status.NOT_MET,
                target,
                "no drug-use status is recorded",
                "tidak ada status penyalahgunaan NAPZA yang tercatat",
                _NAPZA,
            )
        ]
    return _shared_findings(conditions, target)


def _shared_findings(conditions: list[Condition], target: Target) -> list[Finding]:
    """Targets decided by conditions alone (any subject kind)."""
    if target is Target.SOCIAL_DEVIANCE_AND_TRAFFICKING:
        return [_condition_finding("elig.tskpo.condition", target, conditions, _TSKPO)]
    if target is Target.DISASTER_VICTIMS:
        return [
            _condition_finding(
                "elig.bencana.condition",
                target,
                conditions,
                cite("permensos-7-2021", "Pasal 3", Evidence.SECONDARY),
            )
        ]
    if target is Target.OTHER_PPKS:
        justified = [c for c in conditions if c.group is TargetGroup.OTHER_PPKS]
        if justified:
            return [
                _finding(
                    "elig.lainnya.condition",
                    Status.NEEDS_REVIEW,
                    target,
                    "'PPKS lainnya' with a written justification: needs review",
                    "'PPKS lainnya' dengan justifikasi tertulis: perlu ditinjau",
                    _OTHER,
                )
            ]
        return [
            _finding(
                "elig.lainnya.condition",
                Status.NOT_MET,
                target,
                "no 'PPKS lainnya' condition is recorded",
                "tidak ada kondisi 'PPKS lainnya' yang tercatat",
                _OTHER,
            )
        ]
    if target is Target.DRUG_ABUSE_VICTIMS:
        return [_condition_finding("elig.napza.status", target, conditions, _NAPZA)]
    raise AssertionError(target)  # pragma: no cover


def _edition_finding(edition: Edition, target: Target) -> Finding | None:
    if target in edition.targets:
        return None
    return _finding(
        "elig.edition.target",
        Status.NOT_MET,
        target,
        f"not a target under {edition.name}",
        f"bukan sasaran menurut {edition.name}",
        edition.targets_citation,
        {"edition": edition.id},
    )


def _target_findings(
    subject: Subject, conditions: list[Condition], on: dt.date, target: Target
) -> list[Finding]:
    if isinstance(subject, Person):
        return _person_findings(subject, conditions + list(subject.conditions), on, target)
    if target in (Target.CHILDREN, Target.ELDERLY, Target.PERSONS_WITH_DISABILITIES):
        members = subject.members if isinstance(subject, Family | Group) else ()
        best: list[Finding] | None = None
        for member in members:
            found = _person_findings(member, conditions + list(member.conditions), on, target)
            found = [_with_member(f, member.id) for f in found]
            if best is None or _rank(found) < _rank(best):
                best = found
        if best is not None:
            return best
        kind = "community" if isinstance(subject, Community) else "subject without members"
        return [
            _finding(
                f"elig.{_SHORT[target]}.members",
                Status.NOT_MET,
                target,
                f"a {kind} has no member this target can apply to",
                "subjek tidak memiliki anggota yang dapat menjadi sasaran ini",
                _MEMBERS,
            )
        ]
    return _shared_findings(conditions + list(subject.conditions), target)


_SHORT = {
    Target.CHILDREN: "anak",
    Target.ELDERLY: "lansia",
    Target.PERSONS_WITH_DISABILITIES: "disabilitas",
}
_RANK = {
    Outcome.ELIGIBLE: 0,
    Outcome.NEEDS_REVIEW: 1,
    Outcome.UNDETERMINED: 2,
    Outcome.NOT_ELIGIBLE: 3,
}


def _rank(findings: list[Finding]) -> int:
    return _RANK[_outcome(f.status for f in findings if f.rule_id not in _INFORMATIVE)]


def _with_member(finding: Finding, member_id: str) -> Finding:
    return finding._replace(facts=(*finding.facts, ("member", member_id)))


_INFORMATIVE = frozenset({"elig.lansia.capacity"})


def _capacity_finding(subject: Subject) -> Finding:
    capacity = subject.elderly_capacity if isinstance(subject, Person) else None
    if capacity is None:
        return _finding(
            "elig.lansia.capacity",
            Status.UNKNOWN,
            Target.ELDERLY,
            "potensial / tidak potensial not recorded (it decides which services apply)",
            "potensial / tidak potensial belum dicatat",
            _ELDERLY_CAPACITY,
        )
    return _finding(
        "elig.lansia.capacity",
        Status.MET,
        Target.ELDERLY,
        f"recorded as {capacity.value}",
        f"tercatat {capacity.value}",
        _ELDERLY_CAPACITY,
        {"capacity": capacity.value},
    )


def assess_eligibility(
    subject: Subject,
    assessment: Assessment | None,
    *,
    on: dt.date,
    edition: str | Edition | None = None,
    in_force_dates: Mapping[str, dt.date] | None = None,
) -> Decision:
    """Decide, for each target of the edition in force on ``on``, whether ``subject`` is one.

    Args:
        subject: a :class:`Person`, :class:`Family`, :class:`Group` or :class:`Community`.
        assessment: the assessment the decision rests on; ``None`` makes it undetermined.
        on: the date of the decision.
        edition: pin an ATENSI edition instead of choosing by date.
        in_force_dates: replace atensi's unverified in-force dates (see :mod:`atensi.law`).

    Returns:
        The decision. It never raises on a valid entity: missing data is an ``unknown``
        finding. (A date before the first ATENSI instrument raises
        :class:`atensi.NoInstrumentInForce`, because no edition exists to decide under.)
    """
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    findings: list[Finding] = []
    targets: list[tuple[str, Outcome]] = []
    if assessment is None:
        findings.append(
            _finding(
                "elig.assessment.present",
                Status.UNKNOWN,
                None,
                "no assessment: eligibility cannot be decided",
                "belum ada asesmen: kelayakan tidak dapat diputuskan",
                _ASSESSMENT,
            )
        )
        return Decision(
            "eligibility",
            Outcome.UNDETERMINED,
            on,
            current.id,
            current.instrument_ids,
            tuple(findings),
        )
    if assessment.assessed_on > on:
        findings.append(
            _finding(
                "elig.assessment.present",
                Status.UNKNOWN,
                None,
                "the assessment is dated after the decision date",
                "asesmen bertanggal setelah tanggal keputusan",
                _ASSESSMENT,
                {"assessed_on": assessment.assessed_on, "on": on},
            )
        )
        return Decision(
            "eligibility",
            Outcome.UNDETERMINED,
            on,
            current.id,
            current.instrument_ids,
            tuple(findings),
        )
    findings.append(
        _finding(
            "elig.assessment.present",
            Status.MET,
            None,
            f"assessed on {assessment.assessed_on.isoformat()}",
            f"diasesmen pada {assessment.assessed_on.isoformat()}",
            _ASSESSMENT,
            {"assessed_on": assessment.assessed_on},
        )
    )
    conditions = list(assessment.conditions)
    for target in _TARGETS:
        edition_finding = _edition_finding(current, target)
        if edition_finding is not None:
            findings.append(edition_finding)
            targets.append((_CODES[target], Outcome.NOT_ELIGIBLE))
            continue
        found = _target_findings(subject, conditions, on, target)
        outcome = _outcome(f.status for f in found)
        if target is Target.ELDERLY and outcome is not Outcome.NOT_ELIGIBLE:
            found.append(_capacity_finding(subject))
        findings.extend(found)
        targets.append((_CODES[target], outcome))
    outcomes = {o for _, o in targets}
    overall = next(
        (
            o
            for o in (Outcome.ELIGIBLE, Outcome.NEEDS_REVIEW, Outcome.UNDETERMINED)
            if o in outcomes
        ),
        Outcome.NOT_ELIGIBLE,
    )
    by_code = dict(targets)
    eligible = [t for t in PRIMARY_ORDER if by_code.get(_CODES[t]) is Outcome.ELIGIBLE]
    notes: tuple[Label, ...] = ()
    if len(eligible) > 1:
        notes = (
            Label(
                f"Saran sasaran utama: {eligible[0].value} (konvensi atensi, bukan hukum).",
                f"Suggested primary target: {eligible[0].value} (atensi's convention, not law).",
            ),
        )
    return Decision(
        "eligibility",
        overall,
        on,
        current.id,
        current.instrument_ids,
        tuple(findings),
        tuple(targets),
        notes,
    )
