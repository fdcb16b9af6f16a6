"""Eligibility: is this subject, on this date, a target of social rehabilitation, and why?

For every target, the rules below produce findings; the target's outcome follows from its
*gating* findings (any ``not_met`` → not eligible; else any ``unknown`` → undetermined; else any
``needs_review`` → needs review; else eligible). Decision-level findings (a NIK that contradicts
the record, a welfare-data gate the subject is outside) cap every target at "needs review". The
overall outcome is the best target's. The generated rule catalogue lists every rule with its
citations and their grades; :mod:`atensi.rules.catalogue` holds the declarations.

How the rules read a record, article by article:

* **The edition** comes from the one resolver (:func:`atensi.law.instrument_in_force`), with the
  caller's pin and in-force dates. A target is one when the edition names it, or when PP 39/2012
  Pasal 6 does (the floor beneath every edition: disaster victims under Permensos 16/2020, for
  instance). A target neither names is "not met" only when the edition's list is verified law;
  otherwise it needs review.
* **As of the date.** A condition, disability or drug-use status counts only from its ``since``
  and until its ``until`` (exclusive); an assessment dated after the decision date decides
  nothing. A retroactive audit sees what was true on its date.
* **Unknown never becomes "not met".** A missing fact is ``unknown``; a silent law or a secondary
  source is at most ``needs_review``; ``not_met`` comes only from a cited rule that says no (an
  age over the statutory limit, a disability recorded as neither permanent nor six months old).
* **Groups have limits of their own** (a neglected toddler is under six): outside them, review.
* **Families and groups** are decided through their members for every person-level fact (age,
  disability, drug use, conditions) and through their own conditions for the rest; the best
  candidate wins and its member id is in the facts.
* **Ages** are whole years on the date; a missing birth date falls back to the NIK's, graded.

Speed: the findings whose message, citation and facts do not depend on the record are built
once, at import, and shared (findings are immutable named tuples).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence

from atensi.law import DataGate, Edition, InForceDates, get, instrument_in_force
from atensi.model import (
    Assessment,
    BirthDate,
    Community,
    Condition,
    DatePrecision,
    Disability,
    Family,
    Group,
    Person,
)
from atensi.model.subjects import Subject
from atensi.rules.age import age_on, age_range, shift_years
from atensi.rules.catalogue import Rule, informative_ids, rule
from atensi.rules.decision import Decision, Facts, Finding, Outcome, Status
from atensi.vocab import (
    Citation,
    Evidence,
    Label,
    Sex,
    Target,
    TargetGroup,
    cite,
    groups_of,
)
from atensi.vocab.statutory import floor_citation

__all__ = ["PRIMARY_ORDER", "assess_eligibility", "groups_in_force", "six_months_after"]

_V, _S, _C = Evidence.VERIFIED, Evidence.SECONDARY, Evidence.CONVENTION
_CHILD_AGE = cite("uu-35-2014", "Pasal 1 angka 1", _V, source="REFERENCE R19")
_ELDERLY_AGE = cite("uu-13-1998", "Pasal 1 angka 2", _V, source="REFERENCE R21")
_MEMBERS = cite(
    None,
    None,
    _C,
    source="atensi convention (docs/rules.md)",
    note="a family or group is a target through its members' ages, disabilities, drug use "
    "and conditions",
)
_ELDERLY_CAPACITY = cite("uu-13-1998", "Pasal 1 angka 3-4; Pasal 5", _V, source="REFERENCE R21")
_DISABILITY_TYPE = cite("uu-8-2016", "Pasal 4 ayat (1)", _V, source="REFERENCE R20")
_DISABILITY_TERM = cite(
    "uu-8-2016",
    "Pasal 4 ayat (2) dan Penjelasannya",
    _V,
    source="mblonyox/data-peraturan uu/2016/8/fulltext.md",
    note="'dalam jangka waktu lama': paling singkat 6 (enam) bulan dan/atau bersifat permanen",
)
_DISABILITY_MEDICAL = cite("uu-8-2016", "Pasal 4 ayat (2)", _V, source="REFERENCE R20")
_DISABILITY_PP39 = cite(
    "pp-39-2012",
    "Pasal 6 ayat (1) huruf a-c",
    _V,
    source="REFERENCE R16",
    note="'penyandang cacat fisik', 'cacat mental', 'cacat fisik dan mental'; UU 8/2016 was not "
    "yet in force",
)
_NOT_YET_UU_8_2016 = cite(
    "uu-8-2016",
    "Pasal 153",
    _V,
    source="mblonyox/data-peraturan uu/2016/8/fulltext.md",
    note="in force from 15 April 2016: its six-month and medical-determination tests did not "
    "apply before",
)
_ASSESSMENT = cite(
    None,
    None,
    _S,
    source="REFERENCE §3.11 (R35; Dirjen statement 2024)",
    note="assessment is the mandatory entry point before any intervention or aid",
)
_NIK_BIRTH = cite(
    "uu-24-2013",
    "Pasal 1 angka 12",
    _S,
    source="Dukcapil Klaten on the NIK's digits (REFERENCE §8.1, R53)",
    note="the NIK encodes day, month and two-digit year of birth; the century is inferred as "
    "the latest that puts the birth on or before the decision date",
)
_NIK_RECORD = cite(
    "uu-24-2013",
    "Pasal 1 angka 12; Pasal 58 ayat (2)",
    _S,
    source="REFERENCE §8.1 (R53)",
    note="the NIK or the record may be wrong; no check digit exists",
)
_LEAP_DAY = cite(
    None,
    None,
    _C,
    source="atensi convention (docs/rules.md)",
    note="the law is silent on 29 February birthdays; atensi counts the birthday on 1 March "
    "in common years",
)

_UU_8_2016_FROM = get("uu-8-2016").in_force_from.value  # type: ignore[union-attr]

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
# ``TargetGroup.target`` and ``.bounds`` are properties; plain mappings are several times
# cheaper per condition.
_TARGET_OF = {g: g.target for g in TargetGroup}
_BOUNDS = {g: g.bounds for g in TargetGroup if not g.bounds.is_empty}
_MEMBER_TARGETS = frozenset({Target.CHILDREN, Target.ELDERLY, Target.PERSONS_WITH_DISABILITIES})

# Reading an enum member through its class (``Status.MET``) costs about 90 ns, a module constant
# a tenth of that; the functions run for every target of every record read these.
_MET, _NOT_MET, _UNKNOWN, _REVIEW = Status.MET, Status.NOT_MET, Status.UNKNOWN, Status.NEEDS_REVIEW
_ELIGIBLE, _NOT_ELIGIBLE = Outcome.ELIGIBLE, Outcome.NOT_ELIGIBLE
_CHILDREN, _ELDERLY, _DRUGS = Target.CHILDREN, Target.ELDERLY, Target.DRUG_ABUSE_VICTIMS
_DISABLED, _OTHER_PPKS = Target.PERSONS_WITH_DISABILITIES, Target.OTHER_PPKS
_FEMALE, _MALE = Sex.FEMALE, Sex.MALE
_DAY = DatePrecision.DAY

#: The conditions of a candidate in force on the date, by target.
Groups = dict[Target, list[TargetGroup]]


#: Why "no condition recorded" is a "no": rehabilitation is for a person with a social
#: dysfunction, and the assessment is where it is found.
_NO_CONDITION_CITATION = cite(
    "pp-39-2012",
    "Pasal 4 ayat (1); Pasal 7 ayat (2) huruf b",
    _V,
    source="REFERENCE R16",
    note="rehabilitation restores a person with a social dysfunction; the assessment "
    "(pengungkapan dan pemahaman masalah) recorded none of this target",
)


def _group_citations(target: Target) -> tuple[Citation, ...]:
    """The citations a condition finding of ``target`` may carry (the 'no condition' one first)."""
    return (
        _NO_CONDITION_CITATION,
        *(g.citation for g in groups_of(target) if g.citation is not None),
    )


# --- Declarations ---------------------------------------------------------------------------

_E = "eligibility"
_PERSON_FACTS = ("person.birth_date", "person.nik", "on")
_CONDITION_READS = (
    "assessment.conditions",
    "subject.conditions",
    "member.conditions",
    "condition.since",
    "condition.until",
    "on",
)
R_ASSESSMENT = rule(
    "elig.assessment.present",
    _E,
    "an assessment dated on or before the decision date exists",
    "ada asesmen bertanggal paling lambat tanggal keputusan",
    _ASSESSMENT,
    ("assessment.assessed_on", "on"),
)
R_EDITION = rule(
    "elig.edition.target",
    _E,
    "the edition in force (or PP 39/2012 Pasal 6 beneath it) names the target",
    "edisi yang berlaku (atau PP 39/2012 Pasal 6 di bawahnya) menyebut sasaran ini",
    None,
    ("edition",),
    cites="edition",
)
R_FLOOR = rule(
    "elig.edition.floor",
    _E,
    "a target through PP 39/2012 Pasal 6, the floor beneath every edition",
    "sasaran melalui PP 39/2012 Pasal 6, dasar di bawah setiap edisi",
    [c for t in Target if (c := floor_citation(t)) is not None],
    ("edition",),
    gating=False,
    cites="floor",
)
R_CHILD_AGE = rule(
    "elig.anak.age",
    _E,
    "under 18 on the date (the 18th birthday ends childhood)",
    "berusia di bawah 18 tahun pada tanggal itu",
    _CHILD_AGE,
    _PERSON_FACTS,
)
R_ELDERLY_AGE = rule(
    "elig.lansia.age",
    _E,
    "60 or over on the date",
    "berusia 60 tahun atau lebih pada tanggal itu",
    _ELDERLY_AGE,
    _PERSON_FACTS,
)
R_AGE_NIK = rule(
    "elig.age.nik",
    _E,
    "no birth date is recorded: the age is read from the NIK",
    "tanggal lahir tidak tercatat: usia dibaca dari NIK",
    _NIK_BIRTH,
    ("person.birth_date", "person.nik", "on"),
    gating=False,
)
R_LEAP_DAY = rule(
    "elig.age.leap_day",
    _E,
    "born on 29 February: the birthday counts on 1 March in common years (convention)",
    "lahir 29 Februari: ulang tahun dihitung 1 Maret pada tahun biasa (konvensi)",
    _LEAP_DAY,
    ("person.birth_date", "on"),
    gating=False,
)
R_NIK_RECORD = rule(
    "elig.nik.consistency",
    _E,
    "the NIK agrees with the recorded sex and birth date",
    "NIK sesuai dengan jenis kelamin dan tanggal lahir yang tercatat",
    _NIK_RECORD,
    ("person.nik", "person.sex", "person.birth_date", "on"),
)
R_CAPACITY = rule(
    "elig.lansia.capacity",
    _E,
    "potensial / tidak potensial is recorded (it decides which services apply)",
    "potensial / tidak potensial tercatat (menentukan layanan yang berlaku)",
    _ELDERLY_CAPACITY,
    ("person.elderly_capacity",),
    gating=False,
)
R_DISABILITY_TYPE = rule(
    "elig.disabilitas.type",
    _E,
    "at least one UU 8/2016 type of disability is recorded",
    "paling sedikit satu ragam disabilitas UU 8/2016 tercatat",
    (_DISABILITY_TYPE, _DISABILITY_PP39),
    ("person.disabilities", "disability.since", "disability.until", "assessment.conditions", "on"),
)
R_DISABILITY_DURATION = rule(
    "elig.disabilitas.duration",
    _E,
    "the limitation lasts at least six months or is permanent",
    "keterbatasan berlangsung paling singkat 6 bulan atau permanen",
    (_DISABILITY_TERM, _NOT_YET_UU_8_2016),
    ("disability.permanent", "disability.since", "on"),
)
R_DISABILITY_MEDICAL = rule(
    "elig.disabilitas.medical",
    _E,
    "medical personnel determined the type",
    "ragam ditetapkan oleh tenaga medis",
    (_DISABILITY_MEDICAL, _NOT_YET_UU_8_2016),
    ("disability.determined_by_medical_personnel",),
)
R_GROUP_AGE = rule(
    "elig.group.age_band",
    _E,
    "the person's age fits the recorded group's own age band",
    "usia orang itu sesuai rentang usia kelompok yang tercatat",
    [b.age_citation for b in _BOUNDS.values() if b.age_citation is not None],
    ("person.birth_date", "person.nik", "condition.group", "on"),
    cites="bound",
)
R_GROUP_PERIOD = rule(
    "elig.group.period",
    _E,
    "the recorded group existed on the date",
    "kelompok yang tercatat sudah ada pada tanggal itu",
    [b.period_citation for b in _BOUNDS.values() if b.period_citation is not None],
    ("condition.group", "on"),
    cites="bound",
)
R_GROUP_SEX = rule(
    "elig.group.sex",
    _E,
    "the person's sex fits the recorded group",
    "jenis kelamin orang itu sesuai kelompok yang tercatat",
    [b.sex_citation for b in _BOUNDS.values() if b.sex_citation is not None],
    ("person.sex", "condition.group"),
    cites="bound",
)
_CONDITION_RULES: dict[Target, Rule] = {
    Target.CHILDREN: rule(
        "elig.anak.condition",
        _E,
        "a child condition is recorded",
        "kondisi anak tercatat",
        _group_citations(Target.CHILDREN),
        _CONDITION_READS,
        cites="group",
    ),
    Target.ELDERLY: rule(
        "elig.lansia.condition",
        _E,
        "an elderly condition is recorded",
        "kondisi lanjut usia tercatat",
        _group_citations(Target.ELDERLY),
        _CONDITION_READS,
        cites="group",
    ),
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING: rule(
        "elig.tskpo.condition",
        _E,
        "a tuna sosial or trafficking condition is recorded",
        "kondisi tuna sosial atau korban perdagangan orang tercatat",
        _group_citations(Target.SOCIAL_DEVIANCE_AND_TRAFFICKING),
        _CONDITION_READS,
        cites="group",
    ),
    Target.DISASTER_VICTIMS: rule(
        "elig.bencana.condition",
        _E,
        "a disaster-victim condition is recorded",
        "kondisi korban bencana tercatat",
        _group_citations(Target.DISASTER_VICTIMS),
        _CONDITION_READS,
        cites="group",
    ),
    Target.DRUG_ABUSE_VICTIMS: rule(
        "elig.napza.status",
        _E,
        "an addict, abuser or victim of abuse (UU 35/2009), of any age",
        "pecandu, penyalah guna atau korban penyalahgunaan (UU 35/2009), segala usia",
        _group_citations(Target.DRUG_ABUSE_VICTIMS),
        ("person.drug_use", "drug_use.since", "drug_use.until", *_CONDITION_READS),
        cites="group",
    ),
    Target.OTHER_PPKS: rule(
        "elig.lainnya.condition",
        _E,
        "a statutory group no cluster names, or 'PPKS lainnya' with a justification (reviewed)",
        "kelompok menurut undang-undang di luar klaster, atau 'PPKS lainnya' dengan justifikasi",
        (
            *_group_citations(Target.OTHER_PPKS),
            *(b.always_review for b in _BOUNDS.values() if b.always_review is not None),
        ),
        (*_CONDITION_READS, "condition.justification"),
        cites="group",
    ),
}
_SHORT = {
    Target.CHILDREN: "anak",
    Target.ELDERLY: "lansia",
    Target.PERSONS_WITH_DISABILITIES: "disabilitas",
}
_MEMBER_RULES = {
    target: rule(
        f"elig.{short}.members",
        _E,
        "a family or group has a member this target can apply to",
        "keluarga atau kelompok memiliki anggota yang dapat menjadi sasaran ini",
        _MEMBERS,
        ("subject.members",),
    )
    for target, short in _SHORT.items()
}
R_DTKS = rule(
    "elig.dtks.listed",
    _E,
    "listed in DTKS (the data gate of 2021-2024; practice)",
    "terdaftar di DTKS (gerbang data 2021-2024; praktik)",
    None,
    ("assessment.in_dtks", "edition", "on"),
    cites="gate",
)
R_DTSEN = rule(
    "elig.dtsen.decile",
    _E,
    "in DTSEN welfare deciles 1-5 (the data gate from 2025; practice)",
    "berada di desil kesejahteraan DTSEN 1-5 (gerbang data sejak 2025; praktik)",
    None,
    ("assessment.welfare_decile", "family.welfare_decile", "edition", "on"),
    cites="gate",
)
_INFORMATIVE = informative_ids(_E)


# --- Outcomes -------------------------------------------------------------------------------

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
_RANK = {outcome: rank for rank, outcome in enumerate(_OUTCOME_BY_SEVERITY)}


def _severity(findings: Iterable[Finding]) -> int:
    """The severity of the worst gating finding (0 when all are met)."""
    worst = 0
    for finding in findings:
        if finding.rule_id in _INFORMATIVE:
            continue
        severity = _SEVERITY[finding.status]
        if severity > worst:
            worst = severity
    return worst


# --- Facts as of the date --------------------------------------------------------------------


def _holds(since: dt.date | None, until: dt.date | None, on: dt.date) -> bool:
    """Whether a dated fact holds on ``on`` (from ``since`` inclusive, until exclusive)."""
    return (since is None or since <= on) and (until is None or on < until)


def _groups_by_target(on: dt.date, *condition_lists: Iterable[Condition]) -> Groups:
    found: Groups = {}
    for conditions in condition_lists:
        for condition in conditions:
            if not _holds(condition.since, condition.until, on):
                continue
            group = condition.group
            target = _TARGET_OF[group]
            listed = found.get(target)
            if listed is None:
                found[target] = [group]
            elif group not in listed:
                listed.append(group)
    return found


def groups_in_force(
    subject: Subject, assessment: Assessment | None, on: dt.date
) -> frozenset[TargetGroup]:
    """Every group recorded for ``subject`` (and its members) that holds on ``on``.

    The conditions of the assessment, of the subject, of its members, and their drug-use
    statuses, read as of the date: what the services rules look at to tell a trafficking
    victim from a beggar.
    """
    lists: list[Iterable[Condition]] = [subject.conditions]
    if assessment is not None:
        lists.append(assessment.conditions)
    people = [subject] if isinstance(subject, Person) else []
    if isinstance(subject, Family | Group):
        people = list(subject.members)
    lists.extend(p.conditions for p in people)
    found = {g for groups in _groups_by_target(on, *lists).values() for g in groups}
    for person in people:
        use = person.drug_use
        if use is not None and _holds(use.since, use.until, on):
            found.add(use.status)
    return frozenset(found)


def six_months_after(day: dt.date) -> dt.date:
    """The same day six calendar months later, or the last day of that month if it is shorter.

    This is ``day + dateutil.relativedelta(months=6)`` (a test holds them equal), in plain date
    arithmetic: relativedelta costs about 10 µs a call, and every disability of every record
    needs one. Total: past the end of the calendar it answers ``date.max``.

    >>> six_months_after(dt.date(2023, 8, 31))
    datetime.date(2024, 2, 29)
    """
    year, month0 = divmod(day.year * 12 + day.month - 1 + 6, 12)
    if year > dt.MAXYEAR:
        return dt.date.max
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


# --- Age ------------------------------------------------------------------------------------

_SEPARATORS = str.maketrans("", "", " .-")


def _nik_birth(nik: object, on: dt.date) -> dt.date | None:
    """The birth date a NIK encodes, the century the latest that puts it on or before ``on``."""
    digits = _nik_digits(nik)
    if digits is None:
        return None
    day, month, year, _ = digits
    for base in range((on.year // 100) * 100, 0, -100):
        try:
            candidate = dt.date(base + year, month, day)
        except ValueError:
            continue
        if candidate <= on:
            return candidate
    return None


class _Age:
    """A person's possible ages on the date, the facts behind them, and how they were read."""

    __slots__ = ("extra", "facts", "oldest", "youngest")

    def __init__(
        self, youngest: int | None, oldest: int | None, facts: Facts, extra: tuple[Finding, ...]
    ) -> None:
        self.youngest, self.oldest, self.facts, self.extra = youngest, oldest, facts, extra


def _age(person: Person, on: dt.date, on_iso: str) -> _Age:
    birth = person.birth_date
    if birth is not None:
        youngest, oldest = age_range(birth, on)
        facts: Facts = (
            ("birth_date", birth.value.isoformat()),
            ("precision", birth.precision.value),
            ("estimated", birth.estimated),
            ("on", on_iso),
            ("age_min", youngest),
            ("age_max", oldest),
        )
        if oldest < 0:
            return _Age(None, None, facts, ())
        return _Age(max(youngest, 0), oldest, facts, ())
    from_nik = _nik_birth(person.nik, on)
    if from_nik is None:
        return _Age(None, None, (("on", on_iso),), ())
    age = age_on(from_nik, on)
    facts = (("birth_date_from_nik", from_nik.isoformat()), ("on", on_iso), ("age", age))
    note = R_AGE_NIK.finding(
        _MET,
        "no birth date is recorded: the age is read from the NIK (secondary; century inferred)",
        "tanggal lahir tidak tercatat: usia dibaca dari NIK (sekunder; abad disimpulkan)",
        facts,
    )
    return _Age(age, age, facts, (note,))


def _leap_day(person: Person, on: dt.date, threshold: int, target: Target) -> Finding | None:
    """The convention finding, when a 29 February birthday decides the threshold on ``on``."""
    birth = person.birth_date
    if (
        birth is None
        or not birth.is_exact
        or (birth.value.month, birth.value.day) != (2, 29)
        or (on.month, on.day) != (2, 28)
        or calendar.isleap(on.year)
        or on.year - birth.value.year != threshold
    ):
        return None
    return R_LEAP_DAY.finding(
        _MET,
        f"born on 29 February: turns {threshold} on 1 March in a common year (atensi's "
        "convention; the law is silent)",
        f"lahir 29 Februari: berusia {threshold} pada 1 Maret di tahun biasa (konvensi atensi; "
        "hukum tidak mengatur)",
        (("threshold", threshold),),
        target=target,
    )


def _age_finding(person: Person, age: _Age, on: dt.date, target: Target) -> list[Finding]:
    child = target is _CHILDREN
    declared = R_CHILD_AGE if child else R_ELDERLY_AGE
    threshold = 18 if child else 60
    youngest, oldest = age.youngest, age.oldest
    from_nik = bool(age.extra)
    if youngest is None or oldest is None:
        unborn = person.birth_date is not None
        en, id_ = (
            (
                "the recorded birth date is after the decision date",
                "tanggal lahir tercatat setelah tanggal keputusan",
            )
            if unborn
            else (
                "birth date unknown (none recorded, no usable NIK)",
                "tanggal lahir tidak diketahui (tidak tercatat, tidak ada NIK yang dapat dibaca)",
            )
        )
        return [declared.finding(_UNKNOWN, en, id_, age.facts, target=target)]
    inside = oldest < threshold if child else youngest >= threshold
    outside = youngest >= threshold if child else oldest < threshold
    if inside:
        shown = oldest if child else youngest
        en = f"aged {shown}, under {threshold}" if child else f"aged {shown}, at least 60"
        id_ = (
            f"berusia {shown}, di bawah {threshold} tahun"
            if child
            else f"berusia {shown}, paling sedikit 60 tahun"
        )
        status = _MET
    elif outside:
        shown = youngest if child else oldest
        en = f"aged {shown}, not under {threshold}" if child else f"aged {shown}, under 60"
        id_ = (
            f"berusia {shown}, tidak di bawah {threshold} tahun"
            if child
            else f"berusia {shown}, di bawah 60 tahun"
        )
        # An age read from the NIK is secondary evidence: it asks for review, never a hard no.
        status = _REVIEW if from_nik else _NOT_MET
        if from_nik:
            en += " (age from the NIK: needs review)"
            id_ += " (usia dari NIK: perlu ditinjau)"
    else:
        status = _UNKNOWN
        en = f"estimated age {youngest}-{oldest} straddles {threshold}"
        id_ = f"perkiraan usia {youngest}-{oldest} melintasi batas {threshold} tahun"
    found = [declared.finding(status, en, id_, age.facts, target=target), *age.extra]
    leap = _leap_day(person, on, threshold, target)
    if leap is not None:
        found.append(leap)
    return found


# --- Group limits and conditions --------------------------------------------------------------


def _bound_problem(group: TargetGroup, candidate: _Candidate, target: Target) -> Finding | None:
    """Why ``group`` does not fit the candidate on its date (review or unknown), or None."""
    bounds = _BOUNDS.get(group)
    if bounds is None:
        return None
    person, on = candidate.person, candidate.on
    code = group.value
    if not _holds(bounds.valid_from, bounds.valid_until, on):
        start = bounds.valid_from.isoformat() if bounds.valid_from else "-"
        return R_GROUP_PERIOD.finding(
            _REVIEW,
            f"'{code}' is recorded on a date the group did not exist (it starts {start}): "
            "record the condition under a group of the time",
            f"'{code}' dicatat pada tanggal kelompok itu belum ada (mulai {start}): catat "
            "dengan kelompok yang berlaku saat itu",
            (("group", code), ("valid_from", start), ("on", on.isoformat())),
            target=target,
            citation=bounds.period_citation,
        )
    low, high = bounds.age_min, bounds.age_under
    age = candidate.age() if low is not None or high is not None else None
    if age is not None:
        band = f"{low or 0}-{'' if high is None else high - 1}"
        facts: Facts = (("group", code), ("band", band), *age.facts)
        youngest, oldest = age.youngest, age.oldest
        if youngest is None or oldest is None:
            return R_GROUP_AGE.finding(
                _UNKNOWN,
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
                _REVIEW,
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
                _UNKNOWN,
                f"'{code}' is for ages {band}; the estimated age {youngest}-{oldest} straddles it",
                f"'{code}' untuk usia {band}; perkiraan usia {youngest}-{oldest} melintasinya",
                facts,
                target=target,
                citation=bounds.age_citation,
            )
    if person is not None and bounds.sex is not None and person.sex is not bounds.sex:
        status = _UNKNOWN if person.sex is None else _REVIEW
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
        return _CONDITION_RULES[target].finding(
            _REVIEW,
            f"'{code}' with a written justification: needs review",
            f"'{code}' dengan justifikasi tertulis: perlu ditinjau",
            (("conditions", code),),
            target=target,
            citation=bounds.always_review,
        )
    return None


def _no_condition(target: Target) -> Finding:
    return _CONDITION_RULES[target].finding(
        _NOT_MET,
        "no condition of this target is recorded in force on the date",
        "tidak ada kondisi kelompok sasaran ini yang tercatat berlaku pada tanggal itu",
        target=target,
        citation=_CONDITION_RULES[target].citation,
    )


_NO_CONDITION = {target: _no_condition(target) for target in _CONDITION_RULES}


def _best_citation(groups: Sequence[TargetGroup]) -> Citation | None:
    """The citation of the best-established group: verified law first, then the first one."""
    cited = [g.citation for g in groups if g.citation is not None]
    return next((c for c in cited if c.evidence is _V), cited[0] if cited else None)


def _condition_finding(
    groups: Sequence[TargetGroup] | None, candidate: _Candidate, target: Target
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
        elif problem is None or _SEVERITY[found.status] < _SEVERITY[problem.status]:
            problem = found
    if problem is not None and not fitting:
        return problem
    # Group codes are str enum members: joining them gives their codes.
    codes = ",".join(sorted(fitting))
    return _CONDITION_RULES[target].finding(
        _MET,
        f"condition recorded: {codes}",
        f"kondisi tercatat: {codes}",
        (("conditions", codes),),
        target=target,
        citation=_best_citation(fitting),
    )


# --- Disability -----------------------------------------------------------------------------

_DISABILITY_UNTYPED = R_DISABILITY_TYPE.finding(
    _REVIEW,
    "a disability condition is recorded but not its type",
    "kondisi disabilitas tercatat tetapi ragamnya tidak",
    target=_DISABLED,
)
_NO_DISABILITY = R_DISABILITY_TYPE.finding(
    _NOT_MET,
    "no disability is recorded in force on the date",
    "tidak ada disabilitas yang tercatat berlaku pada tanggal itu",
    target=_DISABLED,
)
_NO_DISABILITY_BEFORE_UU_8_2016 = _NO_DISABILITY._replace(citation=_DISABILITY_PP39)
_DURATION_MESSAGES = {
    Status.MET: (
        "lasting at least 6 months or permanent",
        "berlangsung paling singkat 6 bulan atau permanen",
    ),
    Status.NOT_MET: (
        "has lasted less than 6 months and is recorded as not permanent",
        "baru berlangsung kurang dari 6 bulan dan tercatat tidak permanen",
    ),
    Status.UNKNOWN: (
        "not known to have lasted 6 months, and permanence not recorded",
        "belum diketahui berlangsung 6 bulan, dan sifat permanen tidak tercatat",
    ),
}
_MEDICAL_MET = R_DISABILITY_MEDICAL.finding(
    _MET, "determined by medical personnel", "ditetapkan oleh tenaga medis", target=_DISABLED
)
_MEDICAL_NOT_YET = R_DISABILITY_MEDICAL.finding(
    _REVIEW,
    "not (yet) determined by medical personnel",
    "belum ditetapkan oleh tenaga medis",
    target=_DISABLED,
)


def _duration(disabilities: Iterable[Disability], on: dt.date) -> Status:
    """Long-term (UU 8/2016 Pasal 4(2)): lasting six months, or permanent.

    Only a limitation recorded as *not* permanent and younger than six months is "not met";
    unknown permanence with a short or unknown duration is unknown.
    """
    durations = []
    for d in disabilities:
        lasted = d.since is not None and six_months_after(d.since) <= on
        if d.permanent or lasted:
            return _MET
        durations.append(_NOT_MET if d.permanent is False and d.since is not None else _UNKNOWN)
    return _UNKNOWN if _UNKNOWN in durations else _NOT_MET


_BEFORE_UU_8_2016 = [
    declared.finding(
        Status.NOT_APPLICABLE,
        "UU 8/2016 was not yet in force on the date: its test does not apply",
        "UU 8/2016 belum berlaku pada tanggal itu: ujinya tidak berlaku",
        target=_DISABLED,
        citation=_NOT_YET_UU_8_2016,
    )
    for declared in (R_DISABILITY_DURATION, R_DISABILITY_MEDICAL)
]


def _disability_findings(
    person: Person, groups: Sequence[TargetGroup] | None, on: dt.date, on_iso: str
) -> list[Finding]:
    disabilities = [d for d in person.disabilities if _holds(d.since, d.until, on)]
    before = on < _UU_8_2016_FROM
    if not disabilities:
        if groups:
            return [_DISABILITY_UNTYPED]
        return [_NO_DISABILITY_BEFORE_UU_8_2016 if before else _NO_DISABILITY]
    types = ",".join([d.type for d in disabilities])
    if before:
        # PP 39/2012 Pasal 6 names persons with disabilities; UU 8/2016's tests came later.
        typed = R_DISABILITY_TYPE.finding(
            _MET,
            f"types: {types} (PP 39/2012 'penyandang cacat')",
            f"ragam: {types} (PP 39/2012 'penyandang cacat')",
            (("types", types),),
            target=_DISABLED,
            citation=_DISABILITY_PP39,
        )
        return [typed, *_BEFORE_UU_8_2016]
    duration = _duration(disabilities, on)
    return [
        R_DISABILITY_TYPE.finding(
            _MET, f"types: {types}", f"ragam: {types}", (("types", types),), target=_DISABLED
        ),
        R_DISABILITY_DURATION.finding(
            duration, *_DURATION_MESSAGES[duration], (("on", on_iso),), target=_DISABLED
        ),
        (
            _MEDICAL_MET
            if any(d.determined_by_medical_personnel is True for d in disabilities)
            else _MEDICAL_NOT_YET
        ),
    ]


# --- Candidates: a person, a member, or a subject as a whole ---------------------------------


class _Candidate:
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
        self._age: _Age | None = None

    def age(self) -> _Age | None:
        if self.person is None:
            return None
        if self._age is None:
            self._age = _age(self.person, self.on, self.on_iso)
        return self._age

    def findings(self, target: Target) -> list[Finding]:
        person, on = self.person, self.on
        groups = self.groups.get(target)
        if target is _CHILDREN or target is _ELDERLY:
            if person is None:  # pragma: no cover - subjects are asked through members
                raise AssertionError(target)
            if not groups:
                # One unmet criterion explains the outcome; the age is not worked out.
                return [_NO_CONDITION[target]]
            age = _age(person, on, self.on_iso) if self._age is None else self._age
            self._age = age
            condition = _condition_finding(groups, self, target)
            return [*_age_finding(person, age, on, target), condition]
        if target is _DISABLED:
            if person is None:  # pragma: no cover - subjects are asked through members
                raise AssertionError(target)
            return _disability_findings(person, groups, on, self.on_iso)
        if target is _DRUGS and person is not None and person.drug_use is not None:
            use = person.drug_use
            if _holds(use.since, use.until, on) and use.status not in (groups or ()):
                groups = [*(groups or ()), use.status]
        return [_condition_finding(groups, self, target)]


def _with_member(finding: Finding, member_id: str) -> Finding:
    return finding._replace(facts=(*finding.facts, ("member", member_id)))


def _no_members(target: Target, community: bool) -> Finding:
    kind = "community" if community else "subject without members"
    return _MEMBER_RULES[target].finding(
        _NOT_MET,
        f"a {kind} has no member this target can apply to",
        "subjek tidak memiliki anggota yang dapat menjadi sasaran ini",
        target=target,
    )


_NO_MEMBERS = {
    (target, community): _no_members(target, community)
    for target in _MEMBER_RULES
    for community in (True, False)
}


class _Subject:
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
        whole = _Candidate(None, _groups_by_target(on, *shared), on, on_iso)
        people = subject.members if isinstance(subject, Family | Group) else ()
        self.members = [
            _Candidate(m, _groups_by_target(on, *shared, m.conditions), on, on_iso, m.id)
            for m in people
        ]
        self.candidates = [whole, *self.members]

    def findings(self, target: Target) -> list[Finding]:
        pool = self.members if target in _MEMBER_TARGETS else self.candidates
        best: list[Finding] | None = None
        best_severity = 0
        for candidate in pool:
            found = candidate.findings(target)
            if candidate.member_id is not None:
                found = [_with_member(f, candidate.member_id) for f in found]
            severity = _severity(found)
            if best is None or severity < best_severity:
                best, best_severity = found, severity
        if best is not None:
            return best
        return [_NO_MEMBERS[target, self.community]]


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
        self.edition_findings = {t: tuple(_edition_findings(edition, t)) for t in _TARGETS}
        self.refused = frozenset(
            t for t, found in self.edition_findings.items() if found and found[0].status is _NOT_MET
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
                _MET,
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
                _REVIEW,
                f"{edition.name} leaves this target in doubt: needs review",
                f"{edition.name} tidak jelas menyebut sasaran ini: perlu ditinjau",
                facts,
                target=target,
                citation=basis.citation,
            )
        ]
    hard = basis.citation.evidence is _V
    return [
        R_EDITION.finding(
            _NOT_MET if hard else _REVIEW,
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
    if gate.max_decile is not None:
        value: int | bool | None = assessment.welfare_decile
        if value is None and isinstance(subject, Family):
            value = subject.welfare_decile
    else:
        value = assessment.in_dtks
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
    if gate.max_decile is not None:
        decile = value
        if decile is None:
            return declared.finding(
                _UNKNOWN,
                "welfare decile not recorded: the DTSEN data gate could not be checked",
                "desil kesejahteraan tidak tercatat: gerbang data DTSEN tidak dapat diperiksa",
                citation=gate.citation,
            )
        inside = decile <= gate.max_decile
        return declared.finding(
            _MET if inside else _REVIEW,
            f"welfare decile {decile}"
            + ("" if inside else f", above {gate.max_decile}: needs review (practice, not law)"),
            f"desil kesejahteraan {decile}"
            + ("" if inside else f", di atas {gate.max_decile}: perlu ditinjau (praktik)"),
            (("welfare_decile", decile),),
            citation=gate.citation,
        )
    listed = value
    if listed is None:
        return declared.finding(
            _UNKNOWN,
            "DTKS listing not recorded: the DTKS data gate could not be checked",
            "status DTKS tidak tercatat: gerbang data DTKS tidak dapat diperiksa",
            citation=gate.citation,
        )
    return declared.finding(
        _MET if listed else _REVIEW,
        "listed in DTKS" if listed else "not listed in DTKS: needs review (practice, not law)",
        "terdaftar di DTKS" if listed else "tidak terdaftar di DTKS: perlu ditinjau (praktik)",
        (("in_dtks", listed),),
        citation=gate.citation,
    )


def _nik_digits(nik: object) -> tuple[int, int, int, Sex] | None:
    """Day, month, two-digit year and sex a NIK encodes (None for no usable NIK)."""
    if not isinstance(nik, str):
        return None
    value = nik if len(nik) == 16 else nik.translate(_SEPARATORS)
    if len(value) != 16 or not value.isdigit():
        return None
    day = int(value[6:8])
    if day > 40:
        return day - 40, int(value[8:10]), int(value[10:12]), _FEMALE
    return day, int(value[8:10]), int(value[10:12]), _MALE


def _birth_contradicts(day: int, month: int, yy: int, birth: BirthDate) -> bool:
    """Whether a NIK's birth digits fall outside what the recorded birth date allows.

    The NIK holds two year digits: only those, and the day and month where the record is exact
    (the month where it knows the month), are compared. An estimated date allows a year either
    side.
    """
    value = birth.value
    if birth.precision is _DAY and not birth.estimated:
        return (day, month, yy) != (value.day, value.month, value.year % 100)
    earliest, latest = birth.earliest(), birth.latest()
    if birth.estimated:
        earliest, latest = shift_years(earliest, -1), shift_years(latest, 1)
    if yy not in {y % 100 for y in range(earliest.year, latest.year + 1)}:
        return True
    return birth.precision is DatePrecision.MONTH and not birth.estimated and month != value.month


_CONTRADICTS = {
    ("sex",): ("sex", "jenis kelamin"),
    ("birth_date",): ("birth date", "tanggal lahir"),
    ("sex", "birth_date"): ("sex and birth date", "jenis kelamin dan tanggal lahir"),
}
_NIK_FINDINGS = {
    found: R_NIK_RECORD.finding(
        _REVIEW,
        f"the NIK contradicts the recorded {en}: the NIK or the record is wrong; needs review",
        f"NIK bertentangan dengan {id_} yang tercatat: NIK atau rekaman keliru; perlu ditinjau",
        (("contradicts", ",".join(found)),),
    )
    for found, (en, id_) in _CONTRADICTS.items()
}


def _nik_contradiction(person: Person) -> Finding | None:
    """A review finding when the NIK's encoded sex or birth date contradicts the record."""
    digits = _nik_digits(person.nik)
    if digits is None:
        return None
    day, month, yy, sex = digits
    found: tuple[str, ...] = ()
    if person.sex is not None and person.sex is not sex:
        found = ("sex",)
    birth = person.birth_date
    if birth is not None and _birth_contradicts(day, month, yy, birth):
        found = (*found, "birth_date")
    return _NIK_FINDINGS[found] if found else None


def _nik_findings(subject: Subject) -> list[Finding]:
    if isinstance(subject, Person):
        found = _nik_contradiction(subject)
        return [] if found is None else [found]
    out = []
    for member in subject.members if isinstance(subject, Family | Group) else ():
        found = _nik_contradiction(member)
        if found is not None:
            out.append(_with_member(found, member.id))
    return out


# --- Capacity, assessment, notes --------------------------------------------------------------

_NO_CAPACITY = R_CAPACITY.finding(
    _UNKNOWN,
    "potensial / tidak potensial not recorded (it decides which services apply)",
    "potensial / tidak potensial belum dicatat",
    target=_ELDERLY,
)


def _capacity_finding(subject: Subject) -> Finding:
    capacity = subject.elderly_capacity if isinstance(subject, Person) else None
    if capacity is None:
        return _NO_CAPACITY
    return R_CAPACITY.finding(
        _MET,
        f"recorded as {capacity.value}",
        f"tercatat {capacity.value}",
        (("capacity", capacity.value),),
        target=_ELDERLY,
    )


_NO_ASSESSMENT = R_ASSESSMENT.finding(
    _UNKNOWN,
    "no assessment: eligibility cannot be decided",
    "belum ada asesmen: kelayakan tidak dapat diputuskan",
)


def _assessment_finding(assessment: Assessment) -> Finding:
    assessed = assessment.assessed_on.isoformat()
    return R_ASSESSMENT.finding(
        _MET, f"assessed on {assessed}", f"diasesmen pada {assessed}", (("assessed_on", assessed),)
    )


def _too_early(assessment: Assessment, on_iso: str) -> Finding:
    return R_ASSESSMENT.finding(
        _UNKNOWN,
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
        set exists to decide under; a bad pin or override raises :class:`atensi.AtensiError`.)
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
        cap = _severity([f for f in shared if f.status is not _UNKNOWN])
    targets: list[tuple[str, Outcome]] = []
    eligible: set[Target] = set()
    best = _RANK[_NOT_ELIGIBLE]
    prepared: _Candidate | _Subject = (
        _Candidate(
            subject, _groups_by_target(on, assessment.conditions, subject.conditions), on, on_iso
        )
        if isinstance(subject, Person)
        else _Subject(subject, assessment, on, on_iso)
    )
    edition_findings, refused = plan.edition_findings, plan.refused
    for target in _TARGETS:
        before = edition_findings[target]
        if target in refused:
            found = list(before)
        else:
            found = prepared.findings(target)
            if before:
                found[:0] = before
        severity = _severity(found)
        if cap > severity:
            severity = cap
        outcome = _OUTCOME_BY_SEVERITY[severity]
        if target is _ELDERLY and outcome is not _NOT_ELIGIBLE:
            found.append(_capacity_finding(subject))
        findings.extend(found)
        targets.append((_CODES[target], outcome))
        if severity < best:
            best = severity
        if outcome is _ELIGIBLE:
            eligible.add(target)
    return Decision(
        "eligibility",
        _OUTCOME_BY_SEVERITY[best],
        on,
        current.id,
        plan.instrument_ids,
        tuple(findings),
        tuple(targets),
        _primary_note(eligible),
    )
