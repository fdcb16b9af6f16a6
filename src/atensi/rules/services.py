"""Which components, therapies, approaches and statutory rights fit a case, each with its reason.

The result is a :class:`~atensi.rules.Decision` of kind ``"services"`` whose ``targets`` list one
outcome per item, keyed ``component:<code>``, ``therapy:<code>``, ``approach:<code>``,
``right:<code>`` (a statutory right that is not an ATENSI component, such as a trafficking
victim's repatriation) or ``exit:sentra_kreasi`` (``eligible`` = recommended, ``not_eligible`` =
not to be given, ``needs_review``).

Services follow eligibility: the decision first asks :func:`atensi.rules.assess_eligibility` on
the same date, under the same edition (``svc.eligibility``). A subject that is not a target gets
nothing; one that needs review caps every recommendation at review; an unknown subject leaves
the decision undetermined. Each target then has rules of its own, and only the targets the
subject is (or may be) one of are asked. An assessed need is never silently overridden: where
the law limits it (UU 13/1998 Pasal 5 for the elderly) it is flagged for review with the
citation. The generated rule catalogue lists every rule with its citations and their grades.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from atensi.errors import AtensiError
from atensi.law import Edition, InForceDates, get_parameter, instrument_in_force
from atensi.model import Assessment, Case, Person
from atensi.model.subjects import Subject
from atensi.rules.catalogue import Rule, rule
from atensi.rules.children import child_residential_finding, family_first_finding
from atensi.rules.decision import Decision, Finding, Outcome, Status, facts_of
from atensi.rules.eligibility import assess_eligibility, groups_in_force
from atensi.vocab import (
    Approach,
    Citation,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    Evidence,
    ServiceComponent,
    Target,
    TargetGroup,
    Therapy,
    cite,
)

__all__ = ["recommend_services"]

_KIND = "services"  # the kind of every rule declared here
_COMPONENT = {c: f"component:{c.value}" for c in ServiceComponent}
_THERAPY = {t: f"therapy:{t.value}" for t in Therapy}
_APPROACH = {a: f"approach:{a.value}" for a in Approach}

_PLAN = cite(
    "pp-39-2012",
    "Pasal 7 ayat (2) huruf b-c",
    Evidence.VERIFIED,
    note="the plan (huruf c) follows the assessment (huruf b)",
)
_WHO = cite(
    "pp-39-2012",
    "Pasal 6; Pasal 7",
    Evidence.VERIFIED,
    note="the forms of Pasal 7 are given to the persons of Pasal 6: the eligibility decision "
    "on the same date, under the same edition, says who",
)
_ELDERLY_RIGHTS = cite(
    "uu-13-1998",
    "Pasal 5 ayat (2)-(4)",
    Evidence.VERIFIED,
    note="tidak potensial: all rights but work (c), education and training (d) and bantuan "
    "sosial (h); potensial: all but perlindungan sosial (g)",
)
_ELDERLY_AID = cite(
    "uu-13-1998",
    "Pasal 1 angka 8; Pasal 5 ayat (3); Pasal 20",
    Evidence.VERIFIED,
    note="the Act's bantuan sosial is non-permanent aid for a potensial elder who is poor; it "
    "does not exclude ATENSI support for a dependent elder (meals, assistive devices, care)",
)
_ELDERLY_CARE = cite(
    "uu-13-1998",
    "Pasal 1 angka 7; Pasal 5 ayat (4); Pasal 19",
    Evidence.VERIFIED,
    note="perlindungan sosial is continuing care for a tidak potensial elder, in or outside a "
    "panti; a potensial elder does not have that right",
)
_ACCESS = cite(
    "pp-39-2012",
    "Pasal 7 ayat (1) huruf g",
    Evidence.CONVENTION,
    note="'pelayanan aksesibilitas' is a form of rehabilitation (verified); recommending it to "
    "every person with a disability is atensi's convention",
)
_THERAPY_MATCH = cite(
    None,
    None,
    Evidence.CONVENTION,
    source="atensi-conventions",
    note="matching therapy to disability type is atensi's convention",
)
_NAPZA = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="kemensos-2020-11-09-atensi-napza",
    note="low risk: medical care and family-based rehabilitation; medium and high risk: a "
    "further assessment (asesmen lanjut) decides between outpatient or community care and "
    "residential care",
)
_KPO = cite(
    "uu-21-2007",
    "Pasal 51 ayat (1)",
    Evidence.VERIFIED,
    note="rehabilitasi kesehatan (the health sector, by referral), rehabilitasi sosial, "
    "pemulangan and reintegrasi sosial",
)
_KPO_RETURN = cite(
    "uu-21-2007",
    "Penjelasan Pasal 51 ayat (1)",
    Evidence.VERIFIED,
    note="pemulangan only with assurance that the victim wants to return and faces no greater "
    "danger",
)
_KBK = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="news-kbk-sentra",
    note="logistics, public kitchens and psychosocial support (LDP); PP 39/2012 Pasal 30 lists "
    "the same kinds of direct aid under social protection",
)
_STREETS = cite(
    "permensos-8-2012",
    None,
    Evidence.CONVENTION,
    source="intelresos-tuna-sosial",
    note="decent-living support including civil documents, and livelihood training, for people "
    "living on the streets: atensi's convention from the criteria",
)
_YAPI = cite(
    None,
    None,
    Evidence.SECONDARY,
    source="idxchannel-2022-09-16-yapi",
    note="Rp200,000 per child per month from December 2022, a flat amount",
)
_OTHER = cite(
    "pp-39-2012",
    "Pasal 6 ayat (2)",
    Evidence.VERIFIED,
    note="for persons beyond ayat (1) the Minister sets the rehabilitation: the assessed needs "
    "decide, reviewed",
)
_SKA = cite("permensos-15-2025", "Pasal 34 ayat (4)", Evidence.VERIFIED)

R_ASSESSMENT = rule(
    "svc.assessment.present",
    _KIND,
    "an assessment dated on or before the date exists",
    "ada asesmen bertanggal paling lambat tanggal itu",
    _PLAN,
    ("case.assessments", "assessment.assessed_on", "on"),
)
R_ELIGIBILITY = rule(
    "svc.eligibility",
    _KIND,
    "services go to a target: the eligibility decision on the same date and edition",
    "layanan diberikan kepada sasaran: keputusan kelayakan pada tanggal dan edisi yang sama",
    _WHO,
    ("subject", "assessment", "on", "edition"),
)
R_NEEDS = rule(
    "svc.needs",
    _KIND,
    "the components the assessment found needed are recommended",
    "komponen yang dibutuhkan menurut asesmen disarankan",
    _PLAN,
    ("assessment.needs",),
)
R_ELDERLY = rule(
    "svc.lansia.capacity",
    _KIND,
    "potensial / tidak potensial decides the elderly person's rights (UU 13/1998 Pasal 5)",
    "potensial / tidak potensial menentukan hak lanjut usia (UU 13/1998 Pasal 5)",
    (_ELDERLY_RIGHTS, _ELDERLY_AID, _ELDERLY_CARE),
    ("person.elderly_capacity", "assessment.needs"),
)
R_ACCESS = rule(
    "svc.disabilitas.aksesibilitas",
    _KIND,
    "accessibility support for a person with a disability (convention)",
    "dukungan aksesibilitas bagi penyandang disabilitas (konvensi)",
    _ACCESS,
    ("person.disabilities",),
)
R_THERAPY = rule(
    "svc.disabilitas.terapi",
    _KIND,
    "therapy matched to the disability type (convention)",
    "terapi disesuaikan dengan ragam disabilitas (konvensi)",
    _THERAPY_MATCH,
    ("person.disabilities",),
)
R_NAPZA = rule(
    "svc.napza.approach",
    _KIND,
    "screening risk: low → family-based; medium or high → a further assessment decides",
    "risiko skrining: rendah → berbasis keluarga; sedang atau tinggi → asesmen lanjut",
    _NAPZA,
    ("person.drug_use.risk", "drug_use.since", "drug_use.until", "on"),
)
R_KPO = rule(
    "svc.kpo.rights",
    _KIND,
    "a trafficking victim's rights: social rehabilitation and social reintegration",
    "hak korban perdagangan orang: rehabilitasi sosial dan reintegrasi sosial",
    _KPO,
    ("assessment.conditions", "subject.conditions", "on"),
)
R_KPO_RETURN = rule(
    "svc.kpo.pemulangan",
    _KIND,
    "repatriation only if the victim wants to return and faces no greater danger",
    "pemulangan hanya bila korban menghendaki dan tidak menghadapi bahaya lebih besar",
    _KPO_RETURN,
    ("assessment.conditions", "subject.conditions", "on"),
)
R_KBK = rule(
    "svc.bencana.kbk",
    _KIND,
    "disaster victims: decent-living support and psychosocial support (practice)",
    "korban bencana: dukungan hidup layak dan dukungan psikososial (praktik)",
    _KBK,
    ("assessment.conditions", "subject.conditions", "on"),
)
R_STREETS = rule(
    "svc.tunasosial.jalanan",
    _KIND,
    "people living on the streets: decent-living support with civil documents, and "
    "livelihood training (convention)",
    "orang yang hidup di jalan: dukungan hidup layak termasuk dokumen kependudukan, dan "
    "pelatihan penghidupan (konvensi)",
    _STREETS,
    ("assessment.conditions", "subject.conditions", "on"),
)
R_YAPI = rule(
    "svc.anak.yapi",
    _KIND,
    "an orphan from December 2022: the ATENSI YAPI monthly aid (practice)",
    "anak yatim/piatu sejak Desember 2022: bantuan bulanan ATENSI YAPI (praktik)",
    _YAPI,
    ("assessment.conditions", "on"),
)
R_OTHER = rule(
    "svc.lainnya.assessed",
    _KIND,
    "other PPKS: the assessed needs decide, reviewed",
    "PPKS lainnya: kebutuhan menurut asesmen menentukan, ditinjau",
    _OTHER,
    ("assessment.needs",),
)
R_SKA = rule(
    "svc.ska.exit",
    _KIND,
    "Sentra Kreasi exit at independent income of the regional minimum wage, or on a social "
    "worker's evaluation (only from Permensos 15/2025)",
    "keluar Sentra Kreasi bila penghasilan mandiri paling sedikit UMR, atau atas evaluasi "
    "pekerja sosial (hanya sejak Permensos 15/2025)",
    _SKA,
    ("monthly_income_idr", "regional_minimum_wage_idr", "social_worker_recommends_exit", "edition"),
)

#: The orphans' programme (ATENSI YAPI) and the Sentra Kreasi exit rule, as dated parameters.
_YAPI_RUNS = get_parameter("groups.anak_yatim_piatu.recognised")
_SKA_EXIT = get_parameter("sentra_kreasi.exit_income_percent_of_minimum_wage")
_TRAFFICKED = frozenset(
    {TargetGroup.TRAFFICKING_VICTIM, TargetGroup.CHILD_ABDUCTION_OR_TRAFFICKING_VICTIM}
)
_STREET = frozenset({TargetGroup.HOMELESS, TargetGroup.BEGGAR, TargetGroup.SCAVENGER})
_CONSIDERED = (Outcome.ELIGIBLE, Outcome.NEEDS_REVIEW)


def _f(
    declared: Rule,
    status: Status,
    en: str,
    id_: str,
    facts: Mapping[str, object] | None = None,
    citation: Citation | None = None,
) -> Finding:
    return declared.finding(status, en, id_, facts_of(facts) if facts else (), citation=citation)


class _Items:
    """The recommendation per item; a stronger claim never silently replaces a weaker one.

    ``recommend`` sets an item unless a rule already asked for review or refused it;
    ``review`` and ``refuse`` always win over ``recommend``.
    """

    __slots__ = ("outcomes",)

    def __init__(self) -> None:
        self.outcomes: dict[str, Outcome] = {}

    def recommend(self, *keys: str) -> None:
        for key in keys:
            self.outcomes.setdefault(key, Outcome.ELIGIBLE)

    def review(self, *keys: str) -> None:
        for key in keys:
            if self.outcomes.get(key) is not Outcome.NOT_ELIGIBLE:
                self.outcomes[key] = Outcome.NEEDS_REVIEW

    def refuse(self, *keys: str) -> None:
        for key in keys:
            self.outcomes[key] = Outcome.NOT_ELIGIBLE

    def overall(self) -> Outcome:
        values = set(self.outcomes.values())
        return (
            Outcome.ELIGIBLE
            if Outcome.ELIGIBLE in values
            else (Outcome.NEEDS_REVIEW if Outcome.NEEDS_REVIEW in values else Outcome.NOT_ELIGIBLE)
        )


def _subject_of(
    case: Case | None, subject: Subject | None, person: Person | None
) -> Subject | None:
    if subject is not None and person is not None and subject is not person:
        raise AtensiError(
            "give the subject once: 'subject' or 'person', not both",
            message_id="berikan subjek sekali saja: 'subject' atau 'person', bukan keduanya",
            code="services.two_subjects",
        )
    chosen = subject if subject is not None else person
    if chosen is None and case is not None:
        chosen = case.subject
    return chosen


def recommend_services(
    case_or_assessment: Case | Assessment,
    *,
    on: dt.date,
    subject: Subject | None = None,
    person: Person | None = None,
    edition: str | Edition | None = None,
    in_force_dates: InForceDates | None = None,
    monthly_income_idr: int | None = None,
    regional_minimum_wage_idr: int | None = None,
    social_worker_recommends_exit: bool | None = None,
) -> Decision:
    """Recommend components, therapies, approaches and rights for a case or an assessment.

    Args:
        case_or_assessment: a case (its latest assessment dated on or before ``on`` is used,
            and its subject) or an assessment.
        on: the date of the recommendation (chooses the edition in force).
        subject: the subject assessed, when an assessment is passed alone (a person, family,
            group or community); ``person`` is the same for a person.
        person: the person assessed (kept for existing callers; give one of the two).
        edition: pin an edition, exactly as for :func:`atensi.rules.assess_eligibility`.
        in_force_dates: replace atensi's unverified in-force dates.
        monthly_income_idr: the beneficiary's independent monthly income, for the Sentra
            Kreasi exit rule.
        regional_minimum_wage_idr: the regional minimum wage (UMR) that applies to the
            beneficiary on ``on``; atensi holds no wage table, the caller passes it.
        social_worker_recommends_exit: the outcome of a social worker's periodic evaluation.

    Raises:
        AtensiError: if both ``subject`` and ``person`` are given and differ, or the edition
            pin or in-force dates are wrong.
    """
    current = instrument_in_force(on, edition=edition, in_force_dates=in_force_dates)
    case = case_or_assessment if isinstance(case_or_assessment, Case) else None
    chosen = _subject_of(case, subject, person)
    if case is not None:
        past = [a for a in case.assessments if a.assessed_on <= on]
        assessment = past[-1] if past else None
    else:
        assessment = case_or_assessment if isinstance(case_or_assessment, Assessment) else None
    findings: list[Finding] = []
    items = _Items()

    def decide(outcome: Outcome) -> Decision:
        return Decision(
            "services",
            outcome,
            on,
            current.id,
            current.instrument_ids,
            tuple(findings),
            tuple(sorted(items.outcomes.items())),
        )

    if assessment is None:
        findings.append(
            _f(
                R_ASSESSMENT,
                Status.UNKNOWN,
                "no assessment: nothing can be recommended",
                "belum ada asesmen: belum ada layanan yang dapat disarankan",
            )
        )
        return decide(Outcome.UNDETERMINED)

    gate, considered = _eligibility(chosen, assessment, on, current)
    findings.append(gate)
    if gate.status is Status.NOT_MET:
        return decide(Outcome.NOT_ELIGIBLE)

    if assessment.needs:
        items.recommend(*(_COMPONENT[c] for c in assessment.needs))
        codes = ",".join(c.value for c in assessment.needs)
        findings.append(
            _f(
                R_NEEDS,
                Status.MET,
                f"needed per assessment: {codes}",
                f"dibutuhkan menurut asesmen: {codes}",
                {"needs": codes},
            )
        )

    groups = groups_in_force(chosen, assessment, on) if chosen is not None else frozenset()
    person_ = chosen if isinstance(chosen, Person) else None
    if Target.ELDERLY in considered and person_ is not None:
        findings.append(_elderly(person_, assessment, items))
    if Target.PERSONS_WITH_DISABILITIES in considered and person_ is not None:
        findings.extend(_disability(person_, on, items))
    if Target.DRUG_ABUSE_VICTIMS in considered and person_ is not None:
        findings.extend(_drugs(person_, on, items))
    if Target.SOCIAL_DEVIANCE_AND_TRAFFICKING in considered:
        findings.extend(_social(groups, items))
    if Target.DISASTER_VICTIMS in considered:
        findings.append(_disaster(items))
    if Target.OTHER_PPKS in considered:
        findings.append(
            _f(
                R_OTHER,
                Status.NEEDS_REVIEW,
                "other PPKS: the assessed needs decide, reviewed",
                "PPKS lainnya: kebutuhan menurut asesmen menentukan, ditinjau",
            )
        )
    if Target.CHILDREN in considered:
        findings.extend(_children(groups, case, on, items))
    findings.extend(
        _ska_exit(
            current,
            on,
            monthly_income_idr,
            regional_minimum_wage_idr,
            social_worker_recommends_exit,
            items,
        )
    )
    overall = items.overall()
    if gate.status is Status.UNKNOWN:
        overall = Outcome.UNDETERMINED
    elif gate.status is Status.NEEDS_REVIEW and overall is Outcome.ELIGIBLE:
        overall = Outcome.NEEDS_REVIEW
    return decide(overall)


def _eligibility(
    subject: Subject | None, assessment: Assessment, on: dt.date, edition: Edition
) -> tuple[Finding, frozenset[Target]]:
    """The eligibility gate, and the targets the subject is or may be one of."""
    if subject is None:
        return (
            _f(
                R_ELIGIBILITY,
                Status.UNKNOWN,
                "the subject is not known: eligibility cannot be decided",
                "subjek tidak diketahui: kelayakan tidak dapat diputuskan",
            ),
            frozenset(),
        )
    decision = assess_eligibility(subject, assessment, on=on, edition=edition)
    considered = frozenset(Target(t) for t, o in decision.targets if o in _CONSIDERED)
    facts = {
        "eligibility": decision.outcome.value,
        "targets": ",".join(sorted(t.value for t in considered)),
    }
    status, en, id_ = {
        Outcome.ELIGIBLE: (Status.MET, "a target", "sasaran"),
        Outcome.NEEDS_REVIEW: (
            Status.NEEDS_REVIEW,
            "eligibility needs review: every recommendation does too",
            "kelayakan perlu ditinjau: demikian pula setiap saran",
        ),
        Outcome.UNDETERMINED: (
            Status.UNKNOWN,
            "eligibility is undetermined: the recommendations wait for it",
            "kelayakan belum dapat diputuskan: saran menunggu keputusan itu",
        ),
        Outcome.NOT_ELIGIBLE: (
            Status.NOT_MET,
            "not a target on this date: no services",
            "bukan sasaran pada tanggal ini: tidak ada layanan",
        ),
    }[decision.outcome]
    return _f(R_ELIGIBILITY, status, en, id_, facts), considered


def _elderly(person: Person, assessment: Assessment, items: _Items) -> Finding:
    aid = _COMPONENT[ServiceComponent.AID_AND_SOCIAL_ASSISTANCE]
    vocational = _COMPONENT[ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP]
    care = _COMPONENT[ServiceComponent.SOCIAL_CARE_AND_CHILD_CARE]
    needs = set(assessment.needs)
    capacity = person.elderly_capacity
    if capacity is ElderlyCapacity.ABLE:
        items.recommend(aid, vocational)
        if ServiceComponent.SOCIAL_CARE_AND_CHILD_CARE in needs:
            items.review(care)
            return _f(
                R_ELDERLY,
                Status.NEEDS_REVIEW,
                "potensial elderly: bantuan sosial and training apply; the assessed social care "
                "is not a right of a potensial elder (perlindungan sosial, Pasal 5(4)): review "
                "whether the care is temporary support or the elder is tidak potensial",
                "lansia potensial: bantuan sosial dan pelatihan berlaku; perawatan sosial yang "
                "dinilai bukan hak lansia potensial (perlindungan sosial, Pasal 5(4)): tinjau",
                {"capacity": capacity.value, "assessed": care},
                _ELDERLY_CARE,
            )
        return _f(
            R_ELDERLY,
            Status.MET,
            "potensial elderly: bantuan sosial and vocational training apply",
            "lansia potensial: bantuan sosial dan pelatihan vokasional berlaku",
            {"capacity": capacity.value},
            _ELDERLY_RIGHTS,
        )
    if capacity is ElderlyCapacity.NOT_ABLE:
        items.recommend(care)
        if ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP in needs:
            items.review(vocational)
        else:
            items.refuse(vocational)
        if ServiceComponent.AID_AND_SOCIAL_ASSISTANCE in needs:
            items.review(aid)
            return _f(
                R_ELDERLY,
                Status.NEEDS_REVIEW,
                "tidak potensial elderly: continuing care (perlindungan sosial) applies; the "
                "assessed aid is not the Act's bantuan sosial (non-permanent aid for a potensial "
                "elder, Pasal 5(3)): review that it is given as support for a dependent elder "
                "(meals, assistive devices, care)",
                "lansia tidak potensial: perlindungan sosial berlaku; bantuan yang dinilai "
                "bukan bantuan sosial menurut UU 13/1998 (Pasal 5(3)): tinjau bahwa diberikan "
                "sebagai dukungan bagi lansia yang bergantung (makanan, alat bantu, perawatan)",
                {"capacity": capacity.value, "assessed": aid},
                _ELDERLY_AID,
            )
        return _f(
            R_ELDERLY,
            Status.MET,
            "tidak potensial elderly: continuing care (perlindungan sosial); not vocational "
            "training (Pasal 5(3))",
            "lansia tidak potensial: perlindungan sosial; bukan pelatihan vokasional (Pasal 5(3))",
            {"capacity": capacity.value},
            _ELDERLY_RIGHTS,
        )
    items.review(aid, care)
    return _f(
        R_ELDERLY,
        Status.UNKNOWN,
        "record potensial / tidak potensial: it decides social aid or continuing care",
        "catat potensial / tidak potensial: menentukan bantuan sosial atau perlindungan sosial",
        None,
        _ELDERLY_RIGHTS,
    )


def _disability(person: Person, on: dt.date, items: _Items) -> list[Finding]:
    disabilities = [
        d
        for d in person.disabilities
        if (d.since is None or d.since <= on) and (d.until is None or on < d.until)
    ]
    if not disabilities:
        return []
    items.recommend(_COMPONENT[ServiceComponent.ACCESSIBILITY_SUPPORT])
    found = [
        _f(
            R_ACCESS,
            Status.MET,
            "accessibility support for a person with a disability",
            "dukungan aksesibilitas bagi penyandang disabilitas",
        )
    ]
    types = {d.type for d in disabilities}
    if DisabilityType.PHYSICAL in types:
        items.recommend(_THERAPY[Therapy.PHYSICAL])
    if types & {DisabilityType.MENTAL, DisabilityType.INTELLECTUAL}:
        items.recommend(_THERAPY[Therapy.PSYCHOSOCIAL])
    if types & {DisabilityType.PHYSICAL, DisabilityType.MENTAL, DisabilityType.INTELLECTUAL}:
        found.append(
            _f(
                R_THERAPY,
                Status.MET,
                "therapy matched to the disability type",
                "terapi disesuaikan dengan ragam disabilitas",
                {"types": ",".join(sorted(t.value for t in types))},
            )
        )
    return found


def _drugs(person: Person, on: dt.date, items: _Items) -> list[Finding]:
    use = person.drug_use
    if use is None or use.risk is None:
        return []
    if (use.since is not None and use.since > on) or (use.until is not None and on >= use.until):
        return []
    risk = use.risk.value
    if use.risk is DrugRisk.LOW:
        items.recommend(_APPROACH[Approach.FAMILY_BASED])
        return [
            _f(
                R_NAPZA,
                Status.MET,
                "low risk: family-based rehabilitation (with medical care as needed)",
                "risiko rendah: rehabilitasi berbasis keluarga (dengan layanan medis bila perlu)",
                {"risk": risk},
            )
        ]
    items.review(_APPROACH[Approach.COMMUNITY_BASED], _APPROACH[Approach.RESIDENTIAL])
    return [
        _f(
            R_NAPZA,
            Status.NEEDS_REVIEW,
            f"{risk} risk: a further assessment (asesmen lanjut) decides between outpatient or "
            "community care and residential care",
            f"risiko {risk}: asesmen lanjut menentukan rawat jalan/berbasis komunitas atau "
            "residensial",
            {"risk": risk},
        )
    ]


def _social(groups: frozenset[TargetGroup], items: _Items) -> list[Finding]:
    found = []
    if groups & _TRAFFICKED:
        items.recommend(
            "right:rehabilitasi_sosial",
            "right:reintegrasi_sosial",
            _THERAPY[Therapy.PSYCHOSOCIAL],
            _COMPONENT[ServiceComponent.FAMILY_SUPPORT],
        )
        items.review("right:pemulangan")
        found.append(
            _f(
                R_KPO,
                Status.MET,
                "a trafficking victim: social rehabilitation (psychosocial recovery) and social "
                "reintegration (family support); health rehabilitation by referral",
                "korban perdagangan orang: rehabilitasi sosial (pemulihan psikososial) dan "
                "reintegrasi sosial (dukungan keluarga); rehabilitasi kesehatan melalui rujukan",
            )
        )
        found.append(
            _f(
                R_KPO_RETURN,
                Status.NEEDS_REVIEW,
                "repatriation: only when the victim wants to return and faces no greater danger",
                "pemulangan: hanya bila korban menghendaki dan tidak menghadapi bahaya lebih besar",
            )
        )
    if groups & _STREET:
        items.recommend(
            _COMPONENT[ServiceComponent.DECENT_LIVING_SUPPORT],
            _COMPONENT[ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP],
        )
        found.append(
            _f(
                R_STREETS,
                Status.MET,
                "living on the streets: decent-living support (shelter, civil documents) and "
                "livelihood training",
                "hidup di jalan: dukungan hidup layak (tempat tinggal, dokumen kependudukan) dan "
                "pelatihan penghidupan",
                {"groups": ",".join(sorted(g.value for g in groups & _STREET))},
            )
        )
    return found


def _disaster(items: _Items) -> Finding:
    items.recommend(
        _COMPONENT[ServiceComponent.DECENT_LIVING_SUPPORT], _THERAPY[Therapy.PSYCHOSOCIAL]
    )
    return _f(
        R_KBK,
        Status.MET,
        "a disaster victim: decent-living support (logistics, public kitchen, family kits) and "
        "psychosocial support",
        "korban bencana: dukungan hidup layak (logistik, dapur umum, paket keluarga) dan "
        "dukungan psikososial",
    )


def _children(
    groups: frozenset[TargetGroup], case: Case | None, on: dt.date, items: _Items
) -> list[Finding]:
    found = []
    if TargetGroup.ORPHAN in groups and _YAPI_RUNS.on_date(on).flag:
        items.recommend(_COMPONENT[ServiceComponent.AID_AND_SOCIAL_ASSISTANCE])
        found.append(
            _f(
                R_YAPI,
                Status.MET,
                "an orphan: ATENSI YAPI aid (Rp200,000 a month, a flat amount)",
                "anak yatim/piatu: bantuan ATENSI YAPI (Rp200.000 per bulan)",
            )
        )
    items.recommend(_APPROACH[Approach.FAMILY_BASED])
    residential = child_residential_finding(case) if case is not None else None
    key = _APPROACH[Approach.RESIDENTIAL]
    if residential is None:
        # Another rule (a NAPZA screening) may have proposed residential care for a child.
        proposed = items.outcomes.get(key) in (Outcome.ELIGIBLE, Outcome.NEEDS_REVIEW)
        if proposed:
            items.review(key)
        found.append(family_first_finding(on, residential_proposed=proposed))
        return found
    if residential.status is Status.MET:
        items.recommend(key)
    else:
        items.review(key)
    found.append(residential)
    return found


def _ska_exit(
    edition: Edition,
    on: dt.date,
    income: int | None,
    wage: int | None,
    evaluation: bool | None,
    items: _Items,
) -> list[Finding]:
    if income is None and evaluation is None:
        return []
    facts = {
        "monthly_income_idr": income,
        "regional_minimum_wage_idr": wage,
        "social_worker_recommends_exit": evaluation,
    }
    percent = _SKA_EXIT.at(on, edition).number
    if percent is None:
        return [
            _f(
                R_SKA,
                Status.NOT_APPLICABLE,
                f"the Sentra Kreasi exit rule is not in {edition.name}",
                f"aturan keluar Sentra Kreasi tidak ada dalam {edition.name}",
                {"edition": edition.id},
            )
        ]
    if income is not None and wage is not None and income * 100 >= wage * percent:
        status = Status.MET
        en, id_ = (
            "independent income at least the regional minimum wage: exit",
            "penghasilan mandiri paling sedikit UMR: keluar",
        )
    elif evaluation:
        status = Status.MET
        en, id_ = (
            "the social worker's evaluation recommends exit",
            "evaluasi pekerja sosial menyarankan keluar",
        )
    elif income is not None and wage is None and evaluation is None:
        status = Status.UNKNOWN
        en, id_ = "the regional minimum wage was not given", "UMR tidak diberikan"
    else:
        status = Status.NOT_MET
        en, id_ = "neither exit condition holds: continue", "belum memenuhi syarat keluar"
    items.outcomes["exit:sentra_kreasi"] = {
        Status.MET: Outcome.ELIGIBLE,
        Status.NOT_MET: Outcome.NOT_ELIGIBLE,
    }.get(status, Outcome.UNDETERMINED)
    return [_f(R_SKA, status, en, id_, facts)]
