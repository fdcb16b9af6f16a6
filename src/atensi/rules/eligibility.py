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

Speed: a decision is made for every record of a national registry, so the findings whose
message, citation and facts do not depend on the record (an unmet condition, a missing
medical determination) are built once, at import, and shared; findings are immutable named
tuples, so sharing them is safe. Conditions are grouped by target once per decision rather than
scanned once per target.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from atensi.law import Edition, instrument_in_force
from atensi.model import Assessment, Community, Condition, Disability, Family, Group, Person
from atensi.model.subjects import Subject
from atensi.rules.age import age_range
from atensi.rules.decision import Decision, Facts, Finding, Outcome, Status
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
_DISASTER = cite("permensos-7-2021", "Pasal 3", Evidence.SECONDARY)
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

_CODES = {t: t.value for t in Target}
_TARGETS = tuple(Target)
# ``TargetGroup.target`` is a property; a plain mapping is several times cheaper per condition.
_TARGET_OF = {g: g.target for g in TargetGroup}
_OTHER_PPKS_GROUP = TargetGroup.OTHER_PPKS
_OTHER_PPKS_TARGET = _TARGET_OF[_OTHER_PPKS_GROUP]
_MEMBER_TARGETS = frozenset({Target.CHILDREN, Target.ELDERLY, Target.PERSONS_WITH_DISABILITIES})

# Reading an enum member through its class (``Status.MET``) costs about 90 ns, a module constant
# a tenth of that; the functions run for every target of every record read these.
_MET, _NOT_MET, _UNKNOWN = Status.MET, Status.NOT_MET, Status.UNKNOWN
_ELIGIBLE, _NOT_ELIGIBLE = Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE
_CHILDREN, _ELDERLY, _DRUGS = Target.CHILDREN, Target.ELDERLY, Target.DRUG_ABUSE_VICTIMS
_OTHER_PPKS = Target.OTHER_PPKS
_DISABLED = Target.PERSONS_WITH_DISABILITIES

#: The conditions of a subject (assessment's first, then the subject's own), by target.
Groups = dict[Target, list[TargetGroup]]


def _finding(
    rule_id: str,
    status: Status,
    target: Target | None,
    en: str,
    id_: str,
    citation: Citation | None,
    facts: Facts = (),
) -> Finding:
    return Finding(
        rule_id,
        status,
        Label(id_, en),
        citation,
        facts,
        None if target is None else _CODES[target],
    )


# Severity of a status for a target's outcome: the worst gating finding decides.
_SEVERITY = {
    Status.MET: 0,
    Status.NOT_APPLICABLE: 0,
    Status.NEEDS_REVIEW: 1,
    Status.UNKNOWN: 2,
    Status.NOT_MET: 3,
}
_OUTCOME_BY_SEVERITY = (
    Outcome.ELIGIBLE,
    Outcome.NEEDS_REVIEW,
    Outcome.UNDETERMINED,
    Outcome.NOT_ELIGIBLE,
)
# How well a target fares (lower is better): the index of its outcome above, so that
# ``_OUTCOME_BY_SEVERITY[rank]`` gives the outcome back.
_RANK = {outcome: rank for rank, outcome in enumerate(_OUTCOME_BY_SEVERITY)}
_INFORMATIVE = frozenset({"elig.lansia.capacity"})


def _outcome(findings: Iterable[Finding]) -> Outcome:
    """Any not met → not eligible; else unknown → undetermined; else review; else eligible."""
    worst = 0
    for finding in findings:
        severity = _SEVERITY[finding.status]
        if severity > worst:
            worst = severity
    return _OUTCOME_BY_SEVERITY[worst]


def _groups_by_target(*condition_lists: Iterable[Condition]) -> Groups:
    found: Groups = {}
    for conditions in condition_lists:
        for condition in conditions:
            group = condition.group
            target = _TARGET_OF[group]
            if target in found:
                found[target].append(group)
            else:
                found[target] = [group]
    return found


# --- Conditions -------------------------------------------------------------------------------

_CONDITION_RULES: dict[Target, tuple[str, Citation]] = {
    Target.CHILDREN: ("elig.anak.condition", _CHILD_CONDITION),
    Target.ELDERLY: ("elig.lansia.condition", _ELDERLY_CONDITION),
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING: ("elig.tskpo.condition", _TSKPO),
    Target.DISASTER_VICTIMS: ("elig.bencana.condition", _DISASTER),
    Target.DRUG_ABUSE_VICTIMS: ("elig.napza.status", _NAPZA),
}
_NO_CONDITION = {
    target: _finding(
        rule,
        Status.NOT_MET,
        target,
        "no condition of this target is recorded",
        "tidak ada kondisi kelompok sasaran ini yang tercatat",
        citation,
    )
    for target, (rule, citation) in _CONDITION_RULES.items()
}


def _condition_finding(target: Target, groups: Sequence[TargetGroup] | None) -> Finding:
    if not groups:
        return _NO_CONDITION[target]
    rule, citation = _CONDITION_RULES[target]
    # Group codes are str enum members: joining them gives their codes.
    codes = ",".join(groups)
    return _finding(
        rule,
        _MET,
        target,
        f"condition recorded: {codes}",
        f"kondisi tercatat: {codes}",
        citation,
        (("conditions", codes),),
    )


# --- Age --------------------------------------------------------------------------------------


def _age_finding(person: Person, on: dt.date, on_iso: str, target: Target) -> Finding:
    child = target is _CHILDREN
    rule = "elig.anak.age" if child else "elig.lansia.age"
    citation = _CHILD_AGE if child else _ELDERLY_AGE
    birth = person.birth_date
    if birth is None:
        return _finding(
            rule,
            _UNKNOWN,
            target,
            "birth date unknown",
            "tanggal lahir tidak diketahui",
            citation,
            (("on", on_iso),),
        )
    youngest, oldest = age_range(birth, on)
    facts: Facts = (
        ("birth_date", birth.value.isoformat()),
        ("precision", birth.precision.value),
        ("estimated", birth.estimated),
        ("on", on_iso),
        ("age_min", youngest),
        ("age_max", oldest),
    )
    if child:
        return _under(rule, target, citation, facts, youngest, oldest, 18)
    return _at_least(rule, target, citation, facts, youngest, oldest, 60)


def _under(
    rule: str,
    target: Target,
    citation: Citation,
    facts: Facts,
    youngest: int,
    oldest: int,
    under: int,
) -> Finding:
    if oldest < under:
        return _finding(
            rule,
            _MET,
            target,
            f"aged {oldest}, under {under}",
            f"berusia {oldest}, di bawah {under} tahun",
            citation,
            facts,
        )
    if youngest >= under:
        return _finding(
            rule,
            _NOT_MET,
            target,
            f"aged {youngest}, not under {under}",
            f"berusia {youngest}, tidak di bawah {under} tahun",
            citation,
            facts,
        )
    return _finding(
        rule,
        _UNKNOWN,
        target,
        f"estimated age {youngest}-{oldest} straddles {under}",
        f"perkiraan usia {youngest}-{oldest} melintasi batas {under} tahun",
        citation,
        facts,
    )


def _at_least(
    rule: str,
    target: Target,
    citation: Citation,
    facts: Facts,
    youngest: int,
    oldest: int,
    at_least: int,
) -> Finding:
    if youngest >= at_least:
        return _finding(
            rule,
            _MET,
            target,
            f"aged {youngest}, at least {at_least}",
            f"berusia {youngest}, paling sedikit {at_least} tahun",
            citation,
            facts,
        )
    if oldest < at_least:
        return _finding(
            rule,
            _NOT_MET,
            target,
            f"aged {oldest}, under {at_least}",
            f"berusia {oldest}, di bawah {at_least} tahun",
            citation,
            facts,
        )
    return _finding(
        rule,
        _UNKNOWN,
        target,
        f"estimated age {youngest}-{oldest} straddles {at_least}",
        f"perkiraan usia {youngest}-{oldest} melintasi batas {at_least} tahun",
        citation,
        facts,
    )


# --- Disability -------------------------------------------------------------------------------

_DISABILITY_UNTYPED = _finding(
    "elig.disabilitas.type",
    Status.NEEDS_REVIEW,
    _DISABLED,
    "a disability condition is recorded but not its type",
    "kondisi disabilitas tercatat tetapi ragamnya tidak",
    _DISABILITY_TYPE,
)
_NO_DISABILITY = _finding(
    "elig.disabilitas.type",
    Status.NOT_MET,
    _DISABLED,
    "no disability is recorded",
    "tidak ada disabilitas yang tercatat",
    _DISABILITY_TYPE,
)
_DURATION_MESSAGES = {
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
_MEDICAL_MET = _finding(
    "elig.disabilitas.medical",
    Status.MET,
    _DISABLED,
    "determined by medical personnel",
    "ditetapkan oleh tenaga medis",
    _DISABILITY_MEDICAL,
)
_MEDICAL_NOT_YET = _finding(
    "elig.disabilitas.medical",
    Status.NEEDS_REVIEW,
    _DISABLED,
    "not (yet) determined by medical personnel",
    "belum ditetapkan oleh tenaga medis",
    _DISABILITY_MEDICAL,
)


def six_months_after(day: dt.date) -> dt.date:
    """The same day six calendar months later, or the last day of that month if it is shorter.

    This is ``day + dateutil.relativedelta(months=6)`` (a test holds them equal), in plain date
    arithmetic: relativedelta costs about 10 µs a call, and every disability of every record
    needs one.

    >>> six_months_after(dt.date(2023, 8, 31))
    datetime.date(2024, 2, 29)
    """
    year, month0 = divmod(day.year * 12 + day.month - 1 + 6, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def _duration(disabilities: Iterable[Disability], on: dt.date) -> Status:
    """Long-term: at least one disability lasting six months or permanent."""
    durations = []
    for d in disabilities:
        if d.permanent:
            durations.append(_MET)
        elif d.since is not None:
            durations.append(_MET if six_months_after(d.since) <= on else _NOT_MET)
        else:
            durations.append(_UNKNOWN)
    if _MET in durations:
        return _MET
    if _UNKNOWN in durations:
        return _UNKNOWN
    return _NOT_MET


def _disability_findings(
    person: Person, groups: Sequence[TargetGroup] | None, on: dt.date, on_iso: str
) -> list[Finding]:
    disabilities = person.disabilities
    if not disabilities:
        return [_DISABILITY_UNTYPED if groups else _NO_DISABILITY]
    types = ",".join([d.type for d in disabilities])
    duration = _duration(disabilities, on)
    return [
        _finding(
            "elig.disabilitas.type",
            _MET,
            _DISABLED,
            f"types: {types}",
            f"ragam: {types}",
            _DISABILITY_TYPE,
            (("types", types),),
        ),
        _finding(
            "elig.disabilitas.duration",
            duration,
            _DISABLED,
            *_DURATION_MESSAGES[duration],
            _DISABILITY_TERM,
            (("on", on_iso),),
        ),
        (
            _MEDICAL_MET
            if any(d.determined_by_medical_personnel is True for d in disabilities)
            else _MEDICAL_NOT_YET
        ),
    ]


# --- Drug use, deviance, disaster, other PPKS -------------------------------------------------

_NO_DRUG_STATUS = _finding(
    "elig.napza.status",
    Status.NOT_MET,
    Target.DRUG_ABUSE_VICTIMS,
    "no drug-use status is recorded",
    "tidak ada status penyalahgunaan NAPZA yang tercatat",
    _NAPZA,
)
_OTHER_REVIEW = _finding(
    "elig.lainnya.condition",
    Status.NEEDS_REVIEW,
    Target.OTHER_PPKS,
    "'PPKS lainnya' with a written justification: needs review",
    "'PPKS lainnya' dengan justifikasi tertulis: perlu ditinjau",
    _OTHER,
)
_NO_OTHER = _finding(
    "elig.lainnya.condition",
    Status.NOT_MET,
    Target.OTHER_PPKS,
    "no 'PPKS lainnya' condition is recorded",
    "tidak ada kondisi 'PPKS lainnya' yang tercatat",
    _OTHER,
)


def _drug_finding(person: Person, groups: Sequence[TargetGroup] | None) -> Finding:
    statuses = list(groups) if groups else []
    if person.drug_use is not None:
        statuses.append(person.drug_use.status)
    if not statuses:
        return _NO_DRUG_STATUS
    codes = ",".join(sorted({g.value for g in statuses}))
    return _finding(
        "elig.napza.status",
        _MET,
        _DRUGS,
        f"status: {codes}",
        f"status: {codes}",
        _NAPZA,
        (("status", codes),),
    )


def _shared_findings(groups: Groups, target: Target) -> list[Finding]:
    """Targets decided by conditions alone (any subject kind)."""
    if target is _OTHER_PPKS:
        justified = _OTHER_PPKS_GROUP in groups.get(_OTHER_PPKS_TARGET, ())
        return [_OTHER_REVIEW if justified else _NO_OTHER]
    if target in _CONDITION_RULES and target not in _MEMBER_TARGETS:
        return [_condition_finding(target, groups.get(target))]
    raise AssertionError(target)  # pragma: no cover


def _person_findings(
    person: Person, groups: Groups, on: dt.date, on_iso: str, target: Target
) -> list[Finding]:
    if target is _CHILDREN or target is _ELDERLY:
        condition = _condition_finding(target, groups.get(target))
        if condition.status is _NOT_MET:
            # One unmet criterion explains the outcome; the age is not worked out.
            return [condition]
        return [_age_finding(person, on, on_iso, target), condition]
    if target is _DISABLED:
        return _disability_findings(person, groups.get(target), on, on_iso)
    if target is _DRUGS:
        return [_drug_finding(person, groups.get(target))]
    return _shared_findings(groups, target)


# --- Families, groups and communities ---------------------------------------------------------

_SHORT = {
    Target.CHILDREN: "anak",
    Target.ELDERLY: "lansia",
    Target.PERSONS_WITH_DISABILITIES: "disabilitas",
}
_NO_MEMBERS = {
    (target, community): _finding(
        f"elig.{short}.members",
        Status.NOT_MET,
        target,
        f"a {'community' if community else 'subject without members'} has no member this "
        "target can apply to",
        "subjek tidak memiliki anggota yang dapat menjadi sasaran ini",
        _MEMBERS,
    )
    for target, short in _SHORT.items()
    for community in (True, False)
}


def _rank(findings: list[Finding]) -> int:
    return _RANK[_outcome(f for f in findings if f.rule_id not in _INFORMATIVE)]


def _with_member(finding: Finding, member_id: str) -> Finding:
    return Finding(
        finding.rule_id,
        finding.status,
        finding.message,
        finding.citation,
        (*finding.facts, ("member", member_id)),
        finding.target,
    )


def _members_findings(
    subject: Subject,
    members: Sequence[tuple[Person, Groups]],
    on: dt.date,
    on_iso: str,
    target: Target,
) -> list[Finding]:
    """The findings of the member for whom the target fares best (the first, on a tie)."""
    best: list[Finding] | None = None
    best_rank = 0
    for member, groups in members:
        found = [
            _with_member(f, member.id) for f in _person_findings(member, groups, on, on_iso, target)
        ]
        rank = _rank(found)
        if best is None or rank < best_rank:
            best, best_rank = found, rank
    if best is not None:
        return best
    return [_NO_MEMBERS[target, isinstance(subject, Community)]]


# --- Capacity, edition, assessment ------------------------------------------------------------

_NO_CAPACITY = _finding(
    "elig.lansia.capacity",
    Status.UNKNOWN,
    Target.ELDERLY,
    "potensial / tidak potensial not recorded (it decides which services apply)",
    "potensial / tidak potensial belum dicatat",
    _ELDERLY_CAPACITY,
)


def _capacity_finding(subject: Subject) -> Finding:
    capacity = subject.elderly_capacity if isinstance(subject, Person) else None
    if capacity is None:
        return _NO_CAPACITY
    return _finding(
        "elig.lansia.capacity",
        _MET,
        _ELDERLY,
        f"recorded as {capacity.value}",
        f"tercatat {capacity.value}",
        _ELDERLY_CAPACITY,
        (("capacity", capacity.value),),
    )


def _edition_finding(edition: Edition, target: Target) -> Finding:
    return _finding(
        "elig.edition.target",
        Status.NOT_MET,
        target,
        f"not a target under {edition.name}",
        f"bukan sasaran menurut {edition.name}",
        edition.targets_citation,
        (("edition", edition.id),),
    )


_NO_ASSESSMENT = _finding(
    "elig.assessment.present",
    Status.UNKNOWN,
    None,
    "no assessment: eligibility cannot be decided",
    "belum ada asesmen: kelayakan tidak dapat diputuskan",
    _ASSESSMENT,
)


def _assessment_finding(assessment: Assessment) -> Finding:
    assessed = assessment.assessed_on.isoformat()
    return _finding(
        "elig.assessment.present",
        _MET,
        None,
        f"assessed on {assessed}",
        f"diasesmen pada {assessed}",
        _ASSESSMENT,
        (("assessed_on", assessed),),
    )


def _too_early(assessment: Assessment, on_iso: str) -> Finding:
    return _finding(
        "elig.assessment.present",
        Status.UNKNOWN,
        None,
        "the assessment is dated after the decision date",
        "asesmen bertanggal setelah tanggal keputusan",
        _ASSESSMENT,
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


class _Subject:
    """A subject prepared for one decision: its conditions grouped by target, once."""

    __slots__ = ("members", "person", "shared", "subject")

    def __init__(self, subject: Subject, assessment: Assessment) -> None:
        self.subject = subject
        self.person = subject if isinstance(subject, Person) else None
        self.shared = _groups_by_target(assessment.conditions, subject.conditions)
        members = subject.members if isinstance(subject, Family | Group) else ()
        self.members = [
            (member, _groups_by_target(assessment.conditions, member.conditions))
            for member in members
        ]

    def findings(self, on: dt.date, on_iso: str, target: Target) -> list[Finding]:
        if self.person is not None:
            return _person_findings(self.person, self.shared, on, on_iso, target)
        if target in _MEMBER_TARGETS:
            return _members_findings(self.subject, self.members, on, on_iso, target)
        return _shared_findings(self.shared, target)


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
    if assessment is None:
        return Decision(
            "eligibility",
            Outcome.UNDETERMINED,
            on,
            current.id,
            current.instrument_ids,
            (_NO_ASSESSMENT,),
        )
    on_iso = on.isoformat()
    if assessment.assessed_on > on:
        return Decision(
            "eligibility",
            Outcome.UNDETERMINED,
            on,
            current.id,
            current.instrument_ids,
            (_too_early(assessment, on_iso),),
        )
    findings = [_assessment_finding(assessment)]
    targets: list[tuple[str, Outcome]] = []
    eligible: set[Target] = set()
    best = _RANK[_NOT_ELIGIBLE]
    prepared = _Subject(subject, assessment)
    for target in _TARGETS:
        if target not in current.targets:
            findings.append(_edition_finding(current, target))
            targets.append((_CODES[target], _NOT_ELIGIBLE))
            continue
        found = prepared.findings(on, on_iso, target)
        outcome = _outcome(found)
        if target is _ELDERLY and outcome is not _NOT_ELIGIBLE:
            found.append(_capacity_finding(subject))
        findings.extend(found)
        targets.append((_CODES[target], outcome))
        rank = _RANK[outcome]
        if rank < best:
            best = rank
        if outcome is _ELIGIBLE:
            eligible.add(target)
    return Decision(
        "eligibility",
        _OUTCOME_BY_SEVERITY[best],
        on,
        current.id,
        current.instrument_ids,
        tuple(findings),
        tuple(targets),
        _primary_note(eligible),
    )
