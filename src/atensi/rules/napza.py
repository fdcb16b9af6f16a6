"""NAPZA, article by article: compulsory reporting, the IPWL's assessment, medical then social.

UU 35/2009 (Narkotika) and PP 25/2011 (Pelaksanaan Wajib Lapor Pecandu Narkotika), read in their
own texts:

* **who reports** (``napza.report.reporter``): an addict of age reports himself or is reported
  by his family; the parent or guardian reports an addict not of age (PP 25/2011 Pasal 3; UU
  35/2009 Pasal 55). *Of age* is the PP's own test, not only the 18th birthday: "belum cukup
  umur" is "belum mencapai umur 18 (delapan belas) tahun dan/atau belum menikah" (Pasal 1 angka
  9). The "dan/atau" does not settle whether a married person under 18 is of age, and the PP
  refuses no one who comes forward: a report the PP does not describe is received and reviewed,
  never refused;
* **where** (``napza.report.ipwl``): at an institution designated as IPWL (Pasal 4), or passed on
  to one (Pasal 6 ayat (2));
* **the assessment covers the medical and the social aspect** (``napza.assessment.parts``;
  Pasal 7 ayat (2)), and the **self-report card** it leads to serves two periods of care
  (``napza.card.periods``; Pasal 10);
* **the plan** is agreed by the addict (or a parent, guardian or the family) *and* the IPWL head
  (``napza.plan.agreed``; Pasal 9 ayat (4)); for an addict or a victim of abuse it holds medical
  rehabilitation as well as social (UU 35/2009 Pasal 54; PP 25/2011 Pasal 13 ayat (1) says
  "dan/atau" and defers to the plan) and starts
  with it (elucidation of Pasal 9 ayat (2)) (``napza.plan.medical_first``); medical
  rehabilitation is given in a hospital the health minister designated, or an institution he
  approved (UU 35/2009 Pasal 56), with a referral where the unit cannot give it (PP 25/2011
  Pasal 11 ayat (2)) (``napza.plan.referral``).

The duties here are the IPWL's and the unit's own: a recorded breach is ``not_met``; what the
record does not say is ``unknown``; what the texts do not settle is ``needs_review``. The numbers
(the age of the PP's test, the card's two periods) are dated parameters (``napza.*``).

>>> import datetime as dt
>>> import atensi
>>> from atensi.model import Case
>>> case = atensi.structure({"id": "C", "unit": "U", "opened_on": "2024-02-01",
...     "subject": {"kind": "person", "id": "P", "nik": {"reason": "belum_terdaftar"},
...                 "name": "A", "birth_date": {"value": "2007-05-01"}},
...     "compulsory_report": {"reported_on": "2024-02-01", "reported_by": "subjek",
...                           "subject_married": True, "ipwl_designated": True},
...     "rehabilitation_plan": {"drawn_up_on": "2024-02-05",
...         "social": {"provider_kind": "upt_kemensos", "starts_on": "2024-02-06"}}}, Case)
>>> [(f.rule_id, f.status.value) for f in napza_findings(case, on=dt.date(2024, 3, 1))]
[('napza.report.reporter', 'needs_review'), ('napza.report.ipwl', 'met'), \
('napza.assessment.parts', 'unknown'), ('napza.plan.agreed', 'unknown'), \
('napza.plan.medical_first', 'unknown')]
"""

from __future__ import annotations

import datetime as dt

from atensi.law import get_parameter
from atensi.model import Case, CompulsoryReport, Person, PlanPart, RehabilitationPlan
from atensi.rules.age import age_range
from atensi.rules.catalogue import rule
from atensi.rules.decision import Facts, Finding, Status
from atensi.vocab import AgencyKind, ConsentGiver, Evidence, IpwlDesignation, TargetGroup, cite

__all__ = [
    "R_AGREED",
    "R_ASSESSMENT",
    "R_CARD",
    "R_IPWL",
    "R_MEDICAL",
    "R_REFERRAL",
    "R_REPORTER",
    "dependent",
    "napza_findings",
]

_LIFECYCLE = "lifecycle"

#: The PP's age of its "cukup umur" test and the card's periods, dated parameters.
_OF_AGE = get_parameter("napza.of_age_from")
_CARD_PERIODS = get_parameter("napza.report_card.periods")

_WHO = cite(
    "pp-25-2011",
    "Pasal 3; Pasal 1 angka 8-9",
    Evidence.VERIFIED,
    note="the parent or guardian reports an addict not of age; an addict of age reports himself "
    "or is reported by his family (blood relatives in the first degree); 'belum cukup umur' is "
    "'belum mencapai umur 18 tahun dan/atau belum menikah'",
)
_WHERE = cite(
    "pp-25-2011",
    "Pasal 4; Pasal 6 ayat (2)",
    Evidence.VERIFIED,
    note="puskesmas, hospitals and medical rehabilitation institutions designated by the health "
    "minister, social rehabilitation institutions by the social minister; a report made "
    "elsewhere (the police, BNN: elucidation) is passed on to an IPWL",
)
_PARTS = cite(
    "pp-25-2011",
    "Pasal 7",
    Evidence.VERIFIED,
    note="the IPWL must assess the addict; the assessment covers the medical and the social "
    "aspects",
)
_CARD = cite(
    "pp-25-2011",
    "Pasal 10",
    Evidence.VERIFIED,
    note="the self-report card is given after the assessment and serves two periods of care",
)
_AGREED = cite(
    "pp-25-2011",
    "Pasal 9 ayat (4)",
    Evidence.VERIFIED,
    note="the plan is agreed by the addict, a parent, guardian or the family, and the head of "
    "the IPWL",
)
_BOTH = cite(
    "uu-35-2009",
    "Pasal 54",
    Evidence.VERIFIED,
    note="'wajib menjalani rehabilitasi medis dan rehabilitasi sosial'; PP 25/2011 Pasal 13 "
    "ayat (1) says 'dan/atau' and follows the plan, which starts with the medical part",
)
_MEDICAL_FIRST = cite(
    "pp-25-2011",
    "Pasal 9 ayat (2) (penjelasan)",
    Evidence.VERIFIED,
    note="'rencana rehabilitasi antara lain memuat lama perawatan, program dan metode "
    "rehabilitasi, dimulai dengan rehabilitasi medis'",
)
_WHERE_MEDICAL = cite(
    "uu-35-2009",
    "Pasal 56",
    Evidence.VERIFIED,
    note="medical rehabilitation in a hospital the health minister designated, or in an "
    "institution of the government or the community he approved",
)
_REFER = cite(
    "pp-25-2011",
    "Pasal 11 ayat (2)",
    Evidence.VERIFIED,
    note="an IPWL that cannot give a treatment of the plan refers the addict to an institution "
    "that can",
)

R_REPORTER = rule(
    "napza.report.reporter",
    _LIFECYCLE,
    "an addict of age reports himself or is reported by his family; a parent or guardian reports "
    "one not of age (of age: PP 25/2011's own test, 18 and/or married)",
    "pecandu cukup umur melapor sendiri atau dilaporkan keluarganya; orang tua atau wali "
    "melaporkan yang belum cukup umur (ukuran PP 25/2011: 18 tahun dan/atau menikah)",
    _WHO,
    (
        "case.compulsory_report.reported_by",
        "case.compulsory_report.reported_on",
        "case.compulsory_report.subject_married",
        "case.subject.birth_date",
    ),
)
R_IPWL = rule(
    "napza.report.ipwl",
    _LIFECYCLE,
    "the report is made to a designated IPWL, or passed on to one",
    "laporan disampaikan kepada IPWL yang ditetapkan, atau diteruskan kepadanya",
    _WHERE,
    (
        "case.compulsory_report.ipwl_designated",
        "case.compulsory_report.designated_by",
        "case.compulsory_report.forwarded_on",
    ),
)
R_ASSESSMENT = rule(
    "napza.assessment.parts",
    _LIFECYCLE,
    "the IPWL's assessment covers the medical and the social aspect",
    "asesmen IPWL meliputi aspek medis dan aspek sosial",
    _PARTS,
    ("case.compulsory_report.assessment", "on"),
)
R_CARD = rule(
    "napza.card.periods",
    _LIFECYCLE,
    "the self-report card, given after the assessment, serves two periods of care",
    "kartu lapor diri, diberikan setelah asesmen, berlaku untuk dua kali masa perawatan",
    _CARD,
    (
        "case.compulsory_report.card_issued_on",
        "case.compulsory_report.assessment.assessed_on",
        "case.episode.card_period",
        "on",
    ),
)
R_AGREED = rule(
    "napza.plan.agreed",
    _LIFECYCLE,
    "the rehabilitation plan is agreed by the person (or a parent, guardian or the family) and "
    "the head of the IPWL",
    "rencana rehabilitasi disepakati yang bersangkutan (atau orang tua, wali atau keluarga) dan "
    "pimpinan IPWL",
    _AGREED,
    ("case.rehabilitation_plan.agreed_by", "case.rehabilitation_plan.agreed_by_ipwl_head"),
)
R_MEDICAL = rule(
    "napza.plan.medical_first",
    _LIFECYCLE,
    "an addict's or a victim's plan holds medical rehabilitation as well as social, and starts "
    "with it",
    "rencana pecandu atau korban memuat rehabilitasi medis selain sosial, dan dimulai dengannya",
    (_BOTH, _MEDICAL_FIRST),
    (
        "case.rehabilitation_plan.medical",
        "case.rehabilitation_plan.social",
        "case.compulsory_report.assessment.dependence",
        "case.subject.drug_use",
    ),
)
R_REFERRAL = rule(
    "napza.plan.referral",
    _LIFECYCLE,
    "medical rehabilitation is given by a hospital or an approved institution, or referred to one",
    "rehabilitasi medis diberikan rumah sakit atau lembaga yang disetujui, atau dirujuk kepadanya",
    (_WHERE_MEDICAL, _REFER),
    (
        "case.rehabilitation_plan.medical.provider_kind",
        "case.rehabilitation_plan.medical.referred_on",
        "case.compulsory_report.designated_by",
    ),
)

_PARENTS = (ConsentGiver.PARENT, ConsentGiver.GUARDIAN)
_OF_AGE_REPORTERS = (ConsentGiver.SUBJECT, ConsentGiver.FAMILY, ConsentGiver.PARENT)
_MEDICAL_PROVIDERS = (AgencyKind.HOSPITAL, AgencyKind.PUSKESMAS)
#: The statuses whose holders must undergo medical and social rehabilitation (Pasal 54).
_MUST = (TargetGroup.NARCOTICS_ADDICT, TargetGroup.NARCOTICS_ABUSE_VICTIM)


def _reporter(case: Case, report: CompulsoryReport) -> Finding | None:
    of_age = _OF_AGE.on_date(report.reported_on).number
    if of_age is None:  # before PP 25/2011
        return None
    by = report.reported_by
    who_en, who_id = by.label.en.lower(), by.label.id.lower()
    married = report.subject_married
    subject = case.subject
    ages = (
        age_range(subject.birth_date, report.reported_on)
        if isinstance(subject, Person) and subject.birth_date is not None
        else None
    )
    facts: Facts = (
        ("reported_by", by.value),
        ("age", None if ages is None else ages[0]),
        ("married", married),
    )
    if by is ConsentGiver.REPRESENTATIVE:
        return R_REPORTER.finding(
            Status.NEEDS_REVIEW,
            "reported by someone the PP does not name (not the person, the family, a parent or a "
            "guardian): the report is received; review who made it",
            "dilaporkan oleh pihak yang tidak disebut PP (bukan yang bersangkutan, keluarga, "
            "orang tua atau wali): laporan diterima; tinjau pelapornya",
            facts,
        )
    if by in _PARENTS and (ages is None or ages[1] < of_age):
        return R_REPORTER.finding(
            Status.MET,
            f"reported by {who_en}",
            f"dilaporkan oleh {who_id}",
            facts,
        )
    if ages is None:
        return R_REPORTER.finding(
            Status.UNKNOWN,
            "no birth date: whether the person is of age to report himself is unknown",
            "tanggal lahir tidak dicatat: tidak diketahui apakah cukup umur untuk melapor sendiri",
            facts,
        )
    youngest, oldest = ages
    if youngest >= of_age:
        if by in _OF_AGE_REPORTERS:
            return R_REPORTER.finding(
                Status.MET,
                f"of age ({youngest}): reported by {who_en}",
                f"cukup umur ({youngest}): dilaporkan oleh {who_id}",
                facts,
            )
        return R_REPORTER.finding(
            Status.NEEDS_REVIEW,
            f"of age ({youngest}), reported by a guardian: the PP names the person and the "
            "family; the report is received, review",
            f"cukup umur ({youngest}), dilaporkan wali: PP menyebut yang bersangkutan dan "
            "keluarganya; laporan diterima, perlu ditinjau",
            facts,
        )
    if oldest >= of_age:
        return R_REPORTER.finding(
            Status.UNKNOWN,
            f"the estimated age, {youngest}-{oldest}, straddles {of_age}",
            f"perkiraan umur, {youngest}-{oldest}, melintasi {of_age}",
            facts,
        )
    if married is True:
        return R_REPORTER.finding(
            Status.NEEDS_REVIEW,
            f"under {of_age} and married, reported by {who_en}: PP 25/2011 counts as not of "
            "age one under 18 'and/or' unmarried, which does not settle a married person under "
            "18; the report stands, review (never refuse)",
            f"di bawah {of_age} tahun dan sudah menikah, dilaporkan oleh {who_id}: PP 25/2011 "
            "menyebut belum cukup umur 'di bawah 18 tahun dan/atau belum menikah', yang tidak "
            "menuntaskan orang menikah di bawah 18; laporan tetap, perlu ditinjau",
            facts,
        )
    if married is None:
        return R_REPORTER.finding(
            Status.UNKNOWN,
            f"under {of_age}, reported by {who_en}: whether the person is of age under PP "
            "25/2011 turns on marriage, which is not recorded",
            f"di bawah {of_age} tahun, dilaporkan oleh {who_id}: cukup umur menurut PP 25/2011 "
            "bergantung pada status menikah, yang tidak dicatat",
            facts,
        )
    return R_REPORTER.finding(
        Status.NEEDS_REVIEW,
        f"not of age ({youngest}, unmarried), reported by {who_en}: the PP asks the parent or "
        "guardian to report; the report is received and the parent or guardian brought in",
        f"belum cukup umur ({youngest}, belum menikah), dilaporkan oleh {who_id}: PP meminta "
        "orang tua atau wali melapor; laporan diterima dan orang tua atau wali dilibatkan",
        facts,
    )


def _ipwl(report: CompulsoryReport) -> Finding:
    facts: Facts = (
        ("designated", report.ipwl_designated),
        ("designated_by", None if report.designated_by is None else report.designated_by.value),
        ("forwarded", report.forwarded_on is not None),
    )
    if report.ipwl_designated is True:
        return R_IPWL.finding(
            Status.MET, "received by a designated IPWL", "diterima IPWL yang ditetapkan", facts
        )
    if report.forwarded_on is not None:
        return R_IPWL.finding(
            Status.MET,
            f"passed on to an IPWL on {report.forwarded_on.isoformat()}",
            f"diteruskan kepada IPWL pada {report.forwarded_on.isoformat()}",
            facts,
        )
    if report.ipwl_designated is False:
        return R_IPWL.finding(
            Status.NEEDS_REVIEW,
            "received by an institution that is not a designated IPWL, and not recorded as "
            "passed on to one (PP 25/2011 Pasal 6 ayat (2))",
            "diterima institusi yang bukan IPWL dan tidak tercatat diteruskan kepada IPWL",
            facts,
        )
    return R_IPWL.finding(
        Status.UNKNOWN,
        "whether the institution that received the report is a designated IPWL is not recorded",
        "tidak dicatat apakah institusi penerima laporan adalah IPWL yang ditetapkan",
        facts,
    )


def _assessment(report: CompulsoryReport, on: dt.date) -> Finding:
    assessment = report.assessment
    if assessment is None or assessment.assessed_on > on:
        return R_ASSESSMENT.finding(
            Status.UNKNOWN,
            "no IPWL assessment recorded: the IPWL must assess the reported person",
            "asesmen IPWL tidak dicatat: IPWL wajib melakukan asesmen",
            (("assessed", False),),
        )
    parts = {"medical": assessment.medical, "social": assessment.social}
    facts: Facts = (("medical", assessment.medical), ("social", assessment.social))
    missing = [name for name, done in parts.items() if done is False]
    if missing:
        return R_ASSESSMENT.finding(
            Status.NOT_MET,
            f"the IPWL's assessment left out the {' and '.join(missing)} aspect: it covers both",
            "asesmen IPWL tidak meliputi aspek "
            + " dan ".join("medis" if m == "medical" else "sosial" for m in missing)
            + ": keduanya wajib",
            facts,
        )
    if None in parts.values():
        return R_ASSESSMENT.finding(
            Status.UNKNOWN,
            "whether the assessment covered the medical and the social aspect is not recorded",
            "tidak dicatat apakah asesmen meliputi aspek medis dan sosial",
            facts,
        )
    return R_ASSESSMENT.finding(
        Status.MET,
        "the IPWL assessed the medical and the social aspect",
        "IPWL mengasesmen aspek medis dan aspek sosial",
        facts,
    )


def _card(case: Case, report: CompulsoryReport | None, on: dt.date) -> Finding | None:
    episode = case.episode
    period = None if episode is None else episode.card_period
    issued = None if report is None else report.card_issued_on
    if issued is None and period is None:
        return None
    periods = _CARD_PERIODS.on_date(on).number
    if periods is None:
        return None
    facts: Facts = (("card_period", period), ("periods", periods))
    assessment = None if report is None else report.assessment
    if issued is not None and assessment is not None and issued < assessment.assessed_on:
        return R_CARD.finding(
            Status.NEEDS_REVIEW,
            "the self-report card is dated before the assessment; the PP gives it after one",
            "kartu lapor diri bertanggal sebelum asesmen; PP memberikannya setelah asesmen",
            facts,
        )
    if period is not None and period > periods:
        return R_CARD.finding(
            Status.NOT_MET,
            f"period of care {period} under one self-report card: the card serves {periods}; "
            "a new report and assessment give a new one",
            f"masa perawatan ke-{period} dengan satu kartu lapor diri: kartu berlaku {periods} "
            "kali; lapor dan asesmen ulang memberi kartu baru",
            facts,
        )
    if period is None:
        return R_CARD.finding(
            Status.MET,
            f"a self-report card was given; it serves {periods} periods of care",
            f"kartu lapor diri diberikan; berlaku {periods} kali masa perawatan",
            facts,
        )
    return R_CARD.finding(
        Status.MET,
        f"period of care {period} of the {periods} the self-report card serves",
        f"masa perawatan ke-{period} dari {periods} yang dilayani kartu lapor diri",
        facts,
    )


def _agreed(plan: RehabilitationPlan) -> Finding:
    by, head = plan.agreed_by, plan.agreed_by_ipwl_head
    facts: Facts = (("agreed_by", None if by is None else by.value), ("ipwl_head", head))
    if head is False:
        return R_AGREED.finding(
            Status.NOT_MET,
            "the head of the IPWL did not agree to the plan: the PP asks for both agreements",
            "pimpinan IPWL tidak menyepakati rencana: PP meminta kedua kesepakatan",
            facts,
        )
    if by is ConsentGiver.REPRESENTATIVE:
        return R_AGREED.finding(
            Status.NEEDS_REVIEW,
            "agreed for the person by someone the PP does not name: review",
            "disepakati oleh pihak yang tidak disebut PP: perlu ditinjau",
            facts,
        )
    if by is None or head is None:
        return R_AGREED.finding(
            Status.UNKNOWN,
            "who agreed to the plan is not recorded",
            "pihak yang menyepakati rencana tidak dicatat",
            facts,
        )
    return R_AGREED.finding(
        Status.MET,
        f"agreed by {by.label.en.lower()} and the head of the IPWL",
        f"disepakati {by.label.id.lower()} dan pimpinan IPWL",
        facts,
    )


def dependent(case: Case) -> bool | None:
    """Whether Pasal 54's duty of medical and social rehabilitation is the person's.

    True for an addict (dependence found by the IPWL, or the recorded status) or a victim of
    narcotics abuse; False for an abuser without dependence; ``None`` when nothing says.
    """
    report = case.compulsory_report
    found = None if report is None or report.assessment is None else report.assessment.dependence
    if found is True:
        return True
    subject = case.subject
    use = subject.drug_use if isinstance(subject, Person) else None
    if use is not None and use.status in _MUST:
        return True
    if found is False or (use is not None and use.status is TargetGroup.NARCOTICS_ABUSER):
        return False
    return None


def _medical_first(case: Case, plan: RehabilitationPlan) -> Finding:
    must = dependent(case)
    first = plan.medical_first
    facts: Facts = (
        ("dependent", must),
        ("medical_part", plan.medical is not None),
        ("medical_first", first),
    )
    if must is False:
        return R_MEDICAL.finding(
            Status.NOT_APPLICABLE,
            "not an addict or a victim of abuse: Pasal 54's duty does not apply",
            "bukan pecandu atau korban penyalahgunaan: kewajiban Pasal 54 tidak berlaku",
            facts,
        )
    if must is None:
        return R_MEDICAL.finding(
            Status.UNKNOWN,
            "whether the person is dependent is not recorded: a dependent user's plan holds "
            "medical rehabilitation and starts with it",
            "tidak dicatat apakah yang bersangkutan mengalami ketergantungan: rencana pecandu "
            "memuat rehabilitasi medis dan dimulai dengannya",
            facts,
        )
    if plan.medical is None:
        return R_MEDICAL.finding(
            Status.NOT_MET,
            "no medical rehabilitation in the plan: an addict or a victim of abuse undergoes "
            "medical and social rehabilitation, medical first; add it (by referral if the unit "
            "cannot give it)",
            "rencana tanpa rehabilitasi medis: pecandu atau korban menjalani rehabilitasi medis "
            "dan sosial, medis lebih dahulu; tambahkan (dengan rujukan bila unit tidak mampu)",
            facts,
        )
    if first is False:
        return R_MEDICAL.finding(
            Status.NEEDS_REVIEW,
            "the social part starts before the medical part: the PP's elucidation has the plan "
            "start with medical rehabilitation; review",
            "bagian sosial dimulai sebelum bagian medis: penjelasan PP memulai rencana dengan "
            "rehabilitasi medis; perlu ditinjau",
            facts,
            citation=_MEDICAL_FIRST,
        )
    if first is None:
        return R_MEDICAL.finding(
            Status.UNKNOWN,
            "the plan holds medical rehabilitation; whether it comes first is not recorded",
            "rencana memuat rehabilitasi medis; tidak dicatat apakah lebih dahulu",
            facts,
            citation=_MEDICAL_FIRST,
        )
    return R_MEDICAL.finding(
        Status.MET,
        "the plan holds medical and social rehabilitation and starts with the medical part",
        "rencana memuat rehabilitasi medis dan sosial serta dimulai dengan bagian medis",
        facts,
    )


def _referral(case: Case, medical: PlanPart) -> Finding:
    kind = medical.provider_kind
    report = case.compulsory_report
    health_ipwl = report is not None and report.designated_by is IpwlDesignation.HEALTH
    facts: Facts = (
        ("provider_kind", None if kind is None else kind.value),
        ("referred", medical.referred_on is not None),
    )
    if medical.referred_on is not None:
        return R_REFERRAL.finding(
            Status.MET,
            f"medical rehabilitation referred on {medical.referred_on.isoformat()}",
            f"rehabilitasi medis dirujuk pada {medical.referred_on.isoformat()}",
            facts,
            citation=_REFER,
        )
    if kind in _MEDICAL_PROVIDERS or (kind is AgencyKind.IPWL and health_ipwl):
        return R_REFERRAL.finding(
            Status.MET,
            f"medical rehabilitation by: {kind.label.en}",
            f"rehabilitasi medis oleh: {kind.label.id}",
            facts,
        )
    if kind is None:
        return R_REFERRAL.finding(
            Status.UNKNOWN,
            "who gives the medical rehabilitation is not recorded",
            "pemberi rehabilitasi medis tidak dicatat",
            facts,
        )
    return R_REFERRAL.finding(
        Status.NEEDS_REVIEW,
        f"medical rehabilitation by: {kind.label.en}, not referred: it is given by a hospital the "
        "health minister designated or an institution he approved; refer it, or record the "
        "approval",
        f"rehabilitasi medis oleh: {kind.label.id}, tanpa rujukan: diberikan rumah sakit yang "
        "ditunjuk Menteri Kesehatan atau lembaga yang disetujuinya; rujuk, atau catat "
        "persetujuannya",
        facts,
    )


def napza_findings(case: Case, *, on: dt.date) -> tuple[Finding, ...]:
    """Every compulsory-reporting and rehabilitation-plan finding for ``case`` on ``on``.

    Empty for a case with no compulsory report, rehabilitation plan or episode recorded (made by
    ``on``).
    """
    found: list[Finding | None] = []
    report = case.compulsory_report
    if report is not None and report.reported_on <= on:
        found.append(_reporter(case, report))
        found.append(_ipwl(report))
        found.append(_assessment(report, on))
    else:
        report = None
    found.append(_card(case, report, on))
    plan = case.rehabilitation_plan
    if plan is not None and plan.drawn_up_on <= on:
        found.append(_agreed(plan))
        found.append(_medical_first(case, plan))
        if plan.medical is not None:
            found.append(_referral(case, plan.medical))
    return tuple(f for f in found if f is not None)
