"""Who a target may apply to (a person, a member, a subject as a whole), and their findings.

A candidate's conditions are read against their group's own limits; a person's disabilities
against UU 8/2016; a family's or group's members each become a candidate, and the best one
stands for the subject.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from atensi.law.groups import bounds_on
from atensi.model import (
    Assessment,
    Community,
    Family,
    Group,
    Person,
)
from atensi.model.subjects import people_of
from atensi.rules.decision import MET, NEEDS_REVIEW, NOT_MET, UNKNOWN, Facts, Finding, Status
from atensi.rules.eligibility.declarations import (
    CONDITION_RULES,
    DISABILITY_PP39,
    MEMBER_RULES,
    MEMBER_TARGETS,
    NOT_YET_UU_8_2016,
    R_DISABILITY_DURATION,
    R_DISABILITY_MEDICAL,
    R_DISABILITY_TYPE,
    R_GROUP_AGE,
    R_GROUP_PERIOD,
    R_GROUP_SEX,
    SEVERITY,
    worst_severity,
)
from atensi.rules.eligibility.facts import Age, age_findings, age_of
from atensi.rules.eligibility.reading import (
    LONG_TERM_MONTHS,
    Groups,
    disabilities_in_force,
    drug_use_in_force,
    duration,
    groups_by_target,
)
from atensi.vocab import (
    Citation,
    Evidence,
    Target,
    TargetGroup,
)

# --- Group limits and conditions --------------------------------------------------------------


def _bound_problem(group: TargetGroup, candidate: Candidate, target: Target) -> Finding | None:
    """Why ``group`` does not fit the candidate on its date (review or unknown), or None."""
    person, on = candidate.person, candidate.on
    bounds = bounds_on(group, on)
    if bounds is None:
        return None
    code = group.value
    if not bounds.recognised:
        start = bounds.recognised_from.isoformat() if bounds.recognised_from else "-"
        return R_GROUP_PERIOD.finding(
            NEEDS_REVIEW,
            f"'{code}' is recorded on a date the group did not exist (it starts {start}): "
            "record the condition under a group of the time",
            f"'{code}' dicatat pada tanggal kelompok itu belum ada (mulai {start}): catat "
            "dengan kelompok yang berlaku saat itu",
            (("group", code), ("valid_from", start), ("on", on.isoformat())),
            target=target,
            citation=bounds.basis,
        )
    low, high = bounds.age_min, bounds.age_under
    age = candidate.age() if low is not None or high is not None else None
    if age is not None:
        band = f"{low or 0}-{'' if high is None else high - 1}"
        facts: Facts = (("group", code), ("band", band), *age.facts)
        youngest, oldest = age.youngest, age.oldest
        if youngest is None or oldest is None:
            return R_GROUP_AGE.finding(
                UNKNOWN,
                f"'{code}' is for ages {band}; the age is unknown",
                f"'{code}' untuk usia {band}; usia tidak diketahui",
                facts,
                target=target,
                citation=bounds.age_citation,
            )
        below = low is not None and oldest < low
        above = high is not None and youngest >= high
        if below or above:
            return R_GROUP_AGE.finding(
                NEEDS_REVIEW,
                f"'{code}' is for ages {band}, and the person is {'younger' if below else 'older'}"
                ": the group does not fit (another may); needs review",
                f"'{code}' untuk usia {band}, dan orang ini lebih {'muda' if below else 'tua'}: "
                "kelompok tidak sesuai (mungkin kelompok lain); perlu ditinjau",
                facts,
                target=target,
                citation=bounds.age_citation,
            )
        if (low is not None and youngest < low) or (high is not None and oldest >= high):
            return R_GROUP_AGE.finding(
                UNKNOWN,
                f"'{code}' is for ages {band}; the estimated age {youngest}-{oldest} straddles it",
                f"'{code}' untuk usia {band}; perkiraan usia {youngest}-{oldest} melintasinya",
                facts,
                target=target,
                citation=bounds.age_citation,
            )
    if person is not None and bounds.sex is not None and person.sex is not bounds.sex:
        status = UNKNOWN if person.sex is None else NEEDS_REVIEW
        return R_GROUP_SEX.finding(
            status,
            f"'{code}' is a group of {bounds.sex.label.en.lower()} persons; the recorded sex "
            + ("is missing" if person.sex is None else "differs"),
            f"'{code}' adalah kelompok {bounds.sex.label.id.lower()}; jenis kelamin tercatat "
            + ("tidak ada" if person.sex is None else "berbeda"),
            (("group", code), ("sex", None if person.sex is None else person.sex.value)),
            target=target,
            citation=bounds.sex_citation,
        )
    if bounds.always_review is not None:
        return CONDITION_RULES[target].finding(
            NEEDS_REVIEW,
            f"'{code}' with a written justification: needs review",
            f"'{code}' dengan justifikasi tertulis: perlu ditinjau",
            (("conditions", code),),
            target=target,
            citation=bounds.always_review,
        )
    return None


def _no_condition(target: Target) -> Finding:
    return CONDITION_RULES[target].finding(
        NOT_MET,
        "no condition of this target is recorded in force on the date",
        "tidak ada kondisi kelompok sasaran ini yang tercatat berlaku pada tanggal itu",
        target=target,
        citation=CONDITION_RULES[target].citation,
    )


_NO_CONDITION = {target: _no_condition(target) for target in CONDITION_RULES}


def _best_citation(groups: Sequence[TargetGroup], on: dt.date) -> Citation | None:
    """The citation of the best-established group on ``on``: verified law first, then the first.

    A group an older law named before its own came into force cites the older law before then.
    """
    cited = [
        c
        for g in groups
        if (c := (g.citation if (b := bounds_on(g, on)) is None else b.citation_of(g))) is not None
    ]
    return next((c for c in cited if c.evidence is Evidence.VERIFIED), cited[0] if cited else None)


def _condition_finding(
    groups: Sequence[TargetGroup] | None, candidate: Candidate, target: Target
) -> Finding:
    """The target's condition finding: met by a fitting group, else the best problem found."""
    if not groups:
        return _NO_CONDITION[target]
    fitting: list[TargetGroup] = []
    problem: Finding | None = None
    for group in groups:
        found = _bound_problem(group, candidate, target)
        if found is None:
            fitting.append(group)
        elif problem is None or SEVERITY[found.status] < SEVERITY[problem.status]:
            problem = found
    if problem is not None and not fitting:
        return problem
    # Group codes are str enum members: joining them gives their codes.
    codes = ",".join(sorted(fitting))
    return CONDITION_RULES[target].finding(
        MET,
        f"condition recorded: {codes}",
        f"kondisi tercatat: {codes}",
        (("conditions", codes),),
        target=target,
        citation=_best_citation(fitting, candidate.on),
    )


# --- Disability -----------------------------------------------------------------------------

_DISABILITY_UNTYPED = R_DISABILITY_TYPE.finding(
    NEEDS_REVIEW,
    "a disability condition is recorded but not its type",
    "kondisi disabilitas tercatat tetapi ragamnya tidak",
    target=Target.PERSONS_WITH_DISABILITIES,
)
_NO_DISABILITY = R_DISABILITY_TYPE.finding(
    NOT_MET,
    "no disability is recorded in force on the date",
    "tidak ada disabilitas yang tercatat berlaku pada tanggal itu",
    target=Target.PERSONS_WITH_DISABILITIES,
)
_NO_DISABILITY_BEFORE_UU_8_2016 = _NO_DISABILITY._replace(citation=DISABILITY_PP39)


def _duration_messages(status: Status, months: int) -> tuple[str, str]:
    """The duration finding's message, for the long-term test of ``months`` months."""
    if status is Status.MET:
        return (
            f"lasting at least {months} months or permanent",
            f"berlangsung paling singkat {months} bulan atau permanen",
        )
    if status is Status.NOT_MET:
        return (
            f"has lasted less than {months} months and is recorded as not permanent",
            f"baru berlangsung kurang dari {months} bulan dan tercatat tidak permanen",
        )
    return (
        f"not known to have lasted {months} months, and permanence not recorded",
        f"belum diketahui berlangsung {months} bulan, dan sifat permanen tidak tercatat",
    )


_MEDICAL_MET = R_DISABILITY_MEDICAL.finding(
    MET,
    "determined by medical personnel",
    "ditetapkan oleh tenaga medis",
    target=Target.PERSONS_WITH_DISABILITIES,
)
_MEDICAL_NOT_YET = R_DISABILITY_MEDICAL.finding(
    NEEDS_REVIEW,
    "not (yet) determined by medical personnel",
    "belum ditetapkan oleh tenaga medis",
    target=Target.PERSONS_WITH_DISABILITIES,
)


_BEFORE_UU_8_2016 = [
    declared.finding(
        Status.NOT_APPLICABLE,
        "UU 8/2016 was not yet in force on the date: its test does not apply",
        "UU 8/2016 belum berlaku pada tanggal itu: ujinya tidak berlaku",
        target=Target.PERSONS_WITH_DISABILITIES,
        citation=NOT_YET_UU_8_2016,
    )
    for declared in (R_DISABILITY_DURATION, R_DISABILITY_MEDICAL)
]


def _disability_findings(
    person: Person, groups: Sequence[TargetGroup] | None, on: dt.date, on_iso: str
) -> list[Finding]:
    disabilities = disabilities_in_force(person, on)
    # UU 8/2016's tests start with its long-term test (the parameter has no value before).
    months = LONG_TERM_MONTHS.on_date(on).number
    before = months is None
    if not disabilities:
        if groups:
            return [_DISABILITY_UNTYPED]
        return [_NO_DISABILITY_BEFORE_UU_8_2016 if before else _NO_DISABILITY]
    types = ",".join([d.type for d in disabilities])
    if before:
        # PP 39/2012 Pasal 6 names persons with disabilities; UU 8/2016's tests came later.
        typed = R_DISABILITY_TYPE.finding(
            MET,
            f"types: {types} (PP 39/2012 'penyandang cacat')",
            f"ragam: {types} (PP 39/2012 'penyandang cacat')",
            (("types", types),),
            target=Target.PERSONS_WITH_DISABILITIES,
            citation=DISABILITY_PP39,
        )
        return [typed, *_BEFORE_UU_8_2016]
    if months is None:  # pragma: no cover - ``before`` returned above
        raise AssertionError(on)
    lasting = duration(disabilities, on)
    return [
        R_DISABILITY_TYPE.finding(
            MET,
            f"types: {types}",
            f"ragam: {types}",
            (("types", types),),
            target=Target.PERSONS_WITH_DISABILITIES,
        ),
        R_DISABILITY_DURATION.finding(
            lasting,
            *_duration_messages(lasting, months),
            (("on", on_iso),),
            target=Target.PERSONS_WITH_DISABILITIES,
        ),
        (
            _MEDICAL_MET
            if any(d.determined_by_medical_personnel is True for d in disabilities)
            else _MEDICAL_NOT_YET
        ),
    ]


# --- Candidates: a person, a member, or a subject as a whole ---------------------------------


class Candidate:
    """Whoever a target may apply to: a person (or member) or a subject as a whole.

    Its conditions are grouped by target once, and its age is worked out once, when a rule
    first needs it.
    """

    __slots__ = ("_age", "groups", "member_id", "on", "on_iso", "person")

    def __init__(
        self,
        person: Person | None,
        groups: Groups,
        on: dt.date,
        on_iso: str,
        member_id: str | None = None,
    ) -> None:
        self.person, self.groups, self.on, self.on_iso = person, groups, on, on_iso
        self.member_id = member_id
        self._age: Age | None = None

    def age(self) -> Age | None:
        """The candidate's age on the date (worked out once, when a rule first needs it)."""
        if self.person is None:
            return None
        if self._age is None:
            self._age = age_of(self.person, self.on, self.on_iso)
        return self._age

    def findings(self, target: Target) -> list[Finding]:
        """The findings of ``target`` for this candidate."""
        person, on = self.person, self.on
        groups = self.groups.get(target)
        if target is Target.CHILDREN or target is Target.ELDERLY:
            if person is None:  # pragma: no cover - subjects are asked through members
                raise AssertionError(target)
            if not groups:
                # One unmet criterion explains the outcome; the age is not worked out.
                return [_NO_CONDITION[target]]
            age = age_of(person, on, self.on_iso) if self._age is None else self._age
            self._age = age
            condition = _condition_finding(groups, self, target)
            return [*age_findings(person, age, on, target), condition]
        if target is Target.PERSONS_WITH_DISABILITIES:
            if person is None:  # pragma: no cover - subjects are asked through members
                raise AssertionError(target)
            return _disability_findings(person, groups, on, self.on_iso)
        if target is Target.DRUG_ABUSE_VICTIMS and person is not None:
            status = drug_use_in_force(person, on)
            if status is not None and status not in (groups or ()):
                groups = [*(groups or ()), status]
        return [_condition_finding(groups, self, target)]


def with_member(finding: Finding, member_id: str) -> Finding:
    """``finding`` with the member it is about among its facts."""
    return finding._replace(facts=(*finding.facts, ("member", member_id)))


def _no_members(target: Target, community: bool) -> Finding:
    kind = "community" if community else "subject without members"
    return MEMBER_RULES[target].finding(
        NOT_MET,
        f"a {kind} has no member this target can apply to",
        "subjek tidak memiliki anggota yang dapat menjadi sasaran ini",
        target=target,
    )


_NO_MEMBERS = {
    (target, community): _no_members(target, community)
    for target in MEMBER_RULES
    for community in (True, False)
}


class Candidates:
    """A subject prepared for one decision: its candidates and their conditions, once."""

    __slots__ = ("candidates", "community", "members")

    def __init__(
        self,
        subject: Family | Group | Community,
        assessment: Assessment,
        on: dt.date,
        on_iso: str,
    ) -> None:
        shared = (assessment.conditions, subject.conditions)
        self.community = isinstance(subject, Community)
        whole = Candidate(None, groups_by_target(on, *shared), on, on_iso)
        people = people_of(subject)
        self.members = [
            Candidate(m, groups_by_target(on, *shared, m.conditions), on, on_iso, m.id)
            for m in people
        ]
        self.candidates = [whole, *self.members]

    def findings(self, target: Target) -> list[Finding]:
        """The findings of ``target`` for the best candidate: the subject or a member."""
        pool = self.members if target in MEMBER_TARGETS else self.candidates
        best: list[Finding] | None = None
        best_severity = 0
        for candidate in pool:
            found = candidate.findings(target)
            if candidate.member_id is not None:
                found = [with_member(f, candidate.member_id) for f in found]
            severity = worst_severity(found)
            if best is None or severity < best_severity:
                best, best_severity = found, severity
        if best is not None:
            return best
        return [_NO_MEMBERS[target, self.community]]
