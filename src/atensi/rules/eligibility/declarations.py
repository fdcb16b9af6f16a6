"""Every eligibility rule, declared once, with the citations its findings may carry."""

from __future__ import annotations

from collections.abc import Iterable

from atensi.law import Parameter, get_parameter, parameters
from atensi.rules.catalogue import Rule, informative_ids, rule
from atensi.rules.decision import Finding, Outcome, Status
from atensi.rules.eligibility.reading import (
    AGE,
    ASSESSMENT,
    CAPACITY,
    CONDITIONS,
    DISABILITIES,
    DRUG_USE,
    GATES,
    MEMBERS,
    NIK,
    SEX,
    SUBJECT_KIND,
)
from atensi.vocab import (
    Citation,
    Evidence,
    Target,
    cite,
    groups_of,
)
from atensi.vocab.statutory import floor_citation

#: The ages the rules compare a person's age with, as dated parameters of the law: the child
#: age limit (UU 23/2002, then UU 35/2014) and the elderly age (UU 13/1998).
CHILD_UNDER = get_parameter("age.child_under")
ELDERLY_FROM = get_parameter("age.elderly_from")
_MEMBERS = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="a family or group is a target through its members' ages, disabilities, drug use "
    "and conditions",
)
_ELDERLY_CAPACITY = cite("uu-13-1998", "Pasal 1 angka 3-4; Pasal 5", Evidence.VERIFIED)
_DISABILITY_TYPE = cite("uu-8-2016", "Pasal 4 ayat (1)", Evidence.VERIFIED)
_DISABILITY_TERM = cite(
    "uu-8-2016",
    "Pasal 4 ayat (2) dan Penjelasannya",
    Evidence.VERIFIED,
    note="'dalam jangka waktu lama': paling singkat 6 (enam) bulan dan/atau bersifat permanen",
)
_DISABILITY_MEDICAL = cite("uu-8-2016", "Pasal 4 ayat (2)", Evidence.VERIFIED)
DISABILITY_PP39 = cite(
    "pp-39-2012",
    "Pasal 6 ayat (1) huruf a-c",
    Evidence.VERIFIED,
    note="'penyandang cacat fisik', 'cacat mental', 'cacat fisik dan mental'; UU 8/2016 was not "
    "yet in force",
)
NOT_YET_UU_8_2016 = cite(
    "uu-8-2016",
    "Pasal 153",
    Evidence.VERIFIED,
    note="in force from 15 April 2016: its six-month and medical-determination tests did not "
    "apply before",
)
_ASSESSMENT = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="tribunnews-2023-12-22-atensi",
    note="assessment is the mandatory entry point before any intervention or aid",
)
_NIK_BIRTH = cite(
    "uu-24-2013",
    "Pasal 1 angka 12",
    Evidence.SECONDARY,
    source="dukcapil-klaten-nik",
    note="the NIK encodes day, month and two-digit year of birth; the century is inferred as "
    "the latest that puts the birth on or before the decision date",
)
_NIK_RECORD = cite(
    "uu-24-2013",
    "Pasal 1 angka 12; Pasal 58 ayat (2)",
    Evidence.SECONDARY,
    source="dukcapil-klaten-nik",
    note="the NIK or the record may be wrong; no check digit exists",
)
_LEAP_DAY = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="the law is silent on 29 February birthdays; atensi counts the birthday on 1 March "
    "in common years",
)


def _group_limits(kind: str) -> list[Parameter]:
    """Every parameter ``groups.<code>.<kind>`` (a group's age band, period, sex ...)."""
    return [p for p in parameters() if p.name.startswith("groups.") and p.name.endswith(f".{kind}")]


def _ever_cited(found: Iterable[Parameter], value: object = ...) -> list[Citation]:
    """The citations the parameters' values carry (only those of ``value``, if given)."""
    cited = dict.fromkeys(
        e.citation for p in found for e in p.entries if value is ... or e.value == value
    )
    return list(cited)


def _every_age(*found: Parameter) -> tuple[int, ...]:
    """Every age these parameters take over time: what a rule reading them compares ages with.

    A rule declares them with the fact it reads (``AGE.compared_with(...)``), so a key that
    bands ages by them answers alike for every age in a band on any date.
    """
    return tuple(sorted({v for p in found for v in p.values() if isinstance(v, int)}))


#: Every group's age band over time (the bounds of ``groups.<code>.age_min`` and ``age_under``).
_GROUP_AGES = _every_age(*_group_limits("age_min"), *_group_limits("age_under"))

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

TARGET_CODES = {t: t.value for t in Target}
TARGETS = tuple(Target)
# ``TargetGroup.target`` is a property; a plain mapping is several times cheaper per condition.
MEMBER_TARGETS = frozenset({Target.CHILDREN, Target.ELDERLY, Target.PERSONS_WITH_DISABILITIES})


#: Why "no condition recorded" is a "no": rehabilitation is for a person with a social
#: dysfunction, and the assessment is where it is found.
_NO_CONDITION_CITATION = cite(
    "pp-39-2012",
    "Pasal 4 ayat (1); Pasal 7 ayat (2) huruf b",
    Evidence.VERIFIED,
    note="rehabilitation restores a person with a social dysfunction; the assessment "
    "(pengungkapan dan pemahaman masalah) recorded none of this target",
)


def _group_citations(target: Target) -> tuple[Citation, ...]:
    """The citations a condition finding of ``target`` may carry (the 'no condition' one first)."""
    recognised = {p.name: p for p in _group_limits("recognised")}
    older = _ever_cited(
        recognised[f"groups.{g.value}.recognised"]
        for g in groups_of(target)
        if f"groups.{g.value}.recognised" in recognised
    )
    own = [g.citation for g in groups_of(target) if g.citation is not None]
    return (_NO_CONDITION_CITATION, *dict.fromkeys([*own, *older]))


# --- Declarations ---------------------------------------------------------------------------

_KIND = "eligibility"  # the kind of every rule declared here
_CONDITION_READS = (CONDITIONS, "on")
R_ASSESSMENT = rule(
    "elig.assessment.present",
    _KIND,
    "an assessment dated on or before the decision date exists",
    "ada asesmen bertanggal paling lambat tanggal keputusan",
    _ASSESSMENT,
    (ASSESSMENT, "on"),
)
R_EDITION = rule(
    "elig.edition.target",
    _KIND,
    "the edition in force (or PP 39/2012 Pasal 6 beneath it) names the target",
    "edisi yang berlaku (atau PP 39/2012 Pasal 6 di bawahnya) menyebut sasaran ini",
    None,
    ("edition",),
    cites="edition",
)
R_FLOOR = rule(
    "elig.edition.floor",
    _KIND,
    "a target through PP 39/2012 Pasal 6, the floor beneath every edition",
    "sasaran melalui PP 39/2012 Pasal 6, dasar di bawah setiap edisi",
    [c for t in Target if (c := floor_citation(t)) is not None],
    ("edition",),
    gating=False,
    cites="floor",
)
R_CHILD_AGE = rule(
    "elig.anak.age",
    _KIND,
    "under 18 on the date (the 18th birthday ends childhood)",
    "berusia di bawah 18 tahun pada tanggal itu",
    tuple(reversed(_ever_cited([CHILD_UNDER]))),
    (AGE.compared_with(*_every_age(CHILD_UNDER)), "on"),
)
R_ELDERLY_AGE = rule(
    "elig.lansia.age",
    _KIND,
    "60 or over on the date",
    "berusia 60 tahun atau lebih pada tanggal itu",
    _ever_cited([ELDERLY_FROM]),
    (AGE.compared_with(*_every_age(ELDERLY_FROM)), "on"),
)
R_AGE_NIK = rule(
    "elig.age.nik",
    _KIND,
    "no birth date is recorded: the age is read from the NIK",
    "tanggal lahir tidak tercatat: usia dibaca dari NIK",
    _NIK_BIRTH,
    (AGE, "on"),
    gating=False,
)
R_LEAP_DAY = rule(
    "elig.age.leap_day",
    _KIND,
    "born on 29 February: the birthday counts on 1 March in common years (convention)",
    "lahir 29 Februari: ulang tahun dihitung 1 Maret pada tahun biasa (konvensi)",
    _LEAP_DAY,
    (AGE.compared_with(*_every_age(CHILD_UNDER, ELDERLY_FROM)), "on"),
    gating=False,
)
R_NIK_RECORD = rule(
    "elig.nik.consistency",
    _KIND,
    "the NIK agrees with the recorded sex and birth date",
    "NIK sesuai dengan jenis kelamin dan tanggal lahir yang tercatat",
    _NIK_RECORD,
    (NIK, SUBJECT_KIND, "on"),
)
R_CAPACITY = rule(
    "elig.lansia.capacity",
    _KIND,
    "potensial / tidak potensial is recorded (it decides which services apply)",
    "potensial / tidak potensial tercatat (menentukan layanan yang berlaku)",
    _ELDERLY_CAPACITY,
    (CAPACITY, SUBJECT_KIND),
    gating=False,
)
R_DISABILITY_TYPE = rule(
    "elig.disabilitas.type",
    _KIND,
    "at least one UU 8/2016 type of disability is recorded",
    "paling sedikit satu ragam disabilitas UU 8/2016 tercatat",
    (_DISABILITY_TYPE, DISABILITY_PP39),
    (DISABILITIES, CONDITIONS, "on"),
)
R_DISABILITY_DURATION = rule(
    "elig.disabilitas.duration",
    _KIND,
    "the limitation lasts at least six months or is permanent",
    "keterbatasan berlangsung paling singkat 6 bulan atau permanen",
    (_DISABILITY_TERM, NOT_YET_UU_8_2016),
    (DISABILITIES, "on"),
)
R_DISABILITY_MEDICAL = rule(
    "elig.disabilitas.medical",
    _KIND,
    "medical personnel determined the type",
    "ragam ditetapkan oleh tenaga medis",
    (_DISABILITY_MEDICAL, NOT_YET_UU_8_2016),
    (DISABILITIES,),
)
R_GROUP_AGE = rule(
    "elig.group.age_band",
    _KIND,
    "the person's age fits the recorded group's own age band",
    "usia orang itu sesuai rentang usia kelompok yang tercatat",
    _ever_cited([*_group_limits("age_min"), *_group_limits("age_under")]),
    (AGE.compared_with(*_GROUP_AGES), CONDITIONS, "on"),
    cites="bound",
)
R_GROUP_PERIOD = rule(
    "elig.group.period",
    _KIND,
    "the recorded group existed on the date",
    "kelompok yang tercatat sudah ada pada tanggal itu",
    _ever_cited(_group_limits("recognised"), False),
    (CONDITIONS, "on"),
    cites="bound",
)
R_GROUP_SEX = rule(
    "elig.group.sex",
    _KIND,
    "the person's sex fits the recorded group",
    "jenis kelamin orang itu sesuai kelompok yang tercatat",
    _ever_cited(_group_limits("sex")),
    (SEX, CONDITIONS),
    cites="bound",
)
CONDITION_RULES: dict[Target, Rule] = {
    Target.CHILDREN: rule(
        "elig.anak.condition",
        _KIND,
        "a child condition is recorded",
        "kondisi anak tercatat",
        _group_citations(Target.CHILDREN),
        _CONDITION_READS,
        cites="group",
    ),
    Target.ELDERLY: rule(
        "elig.lansia.condition",
        _KIND,
        "an elderly condition is recorded",
        "kondisi lanjut usia tercatat",
        _group_citations(Target.ELDERLY),
        _CONDITION_READS,
        cites="group",
    ),
    Target.SOCIAL_DEVIANCE_AND_TRAFFICKING: rule(
        "elig.tskpo.condition",
        _KIND,
        "a tuna sosial or trafficking condition is recorded",
        "kondisi tuna sosial atau korban perdagangan orang tercatat",
        _group_citations(Target.SOCIAL_DEVIANCE_AND_TRAFFICKING),
        _CONDITION_READS,
        cites="group",
    ),
    Target.DISASTER_VICTIMS: rule(
        "elig.bencana.condition",
        _KIND,
        "a disaster-victim condition is recorded",
        "kondisi korban bencana tercatat",
        _group_citations(Target.DISASTER_VICTIMS),
        _CONDITION_READS,
        cites="group",
    ),
    Target.DRUG_ABUSE_VICTIMS: rule(
        "elig.napza.status",
        _KIND,
        "an addict, abuser or victim of abuse (UU 35/2009), of any age",
        "pecandu, penyalah guna atau korban penyalahgunaan (UU 35/2009), segala usia",
        _group_citations(Target.DRUG_ABUSE_VICTIMS),
        (DRUG_USE, *_CONDITION_READS),
        cites="group",
    ),
    Target.OTHER_PPKS: rule(
        "elig.lainnya.condition",
        _KIND,
        "a statutory group no cluster names, or 'PPKS lainnya' with a justification (reviewed)",
        "kelompok menurut undang-undang di luar klaster, atau 'PPKS lainnya' dengan justifikasi",
        (
            *_group_citations(Target.OTHER_PPKS),
            *_ever_cited(_group_limits("always_review"), True),
        ),
        _CONDITION_READS,
        cites="group",
    ),
}
_SHORT = {
    Target.CHILDREN: "anak",
    Target.ELDERLY: "lansia",
    Target.PERSONS_WITH_DISABILITIES: "disabilitas",
}
MEMBER_RULES = {
    target: rule(
        f"elig.{short}.members",
        _KIND,
        "a family or group has a member this target can apply to",
        "keluarga atau kelompok memiliki anggota yang dapat menjadi sasaran ini",
        _MEMBERS,
        (SUBJECT_KIND, MEMBERS),
    )
    for target, short in _SHORT.items()
}
R_DTKS = rule(
    "elig.dtks.listed",
    _KIND,
    "listed in DTKS (the data gate of 2021-2024; practice)",
    "terdaftar di DTKS (gerbang data 2021-2024; praktik)",
    None,
    (GATES, "edition", "on"),
    cites="gate",
)
R_DTSEN = rule(
    "elig.dtsen.decile",
    _KIND,
    "within the DTSEN welfare-decile cut-off (gates.dtsen_max_decile; the data gate from 2025; "
    "practice)",
    "berada dalam batas desil kesejahteraan DTSEN (gates.dtsen_max_decile; gerbang data sejak "
    "2025; praktik)",
    None,
    (GATES, SUBJECT_KIND, "edition", "on"),
    cites="gate",
)
_INFORMATIVE = informative_ids(_KIND)


# --- Outcomes -------------------------------------------------------------------------------

# Severity of a status for a target's outcome: the worst gating finding decides.
SEVERITY = {
    Status.MET: 0,
    Status.NOT_APPLICABLE: 0,
    Status.NEEDS_REVIEW: 1,
    Status.UNKNOWN: 2,
    Status.NOT_MET: 3,
}
OUTCOME_BY_SEVERITY = (
    Outcome.ELIGIBLE,
    Outcome.NEEDS_REVIEW,
    Outcome.UNDETERMINED,
    Outcome.NOT_ELIGIBLE,
)
RANK = {outcome: rank for rank, outcome in enumerate(OUTCOME_BY_SEVERITY)}


def worst_severity(findings: Iterable[Finding]) -> int:
    """The severity of the worst gating finding (0 when all are met)."""
    worst = 0
    for finding in findings:
        if finding.rule_id in _INFORMATIVE:
            continue
        severity = SEVERITY[finding.status]
        if severity > worst:
            worst = severity
    return worst
