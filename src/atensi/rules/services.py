"""Which components, therapies and approaches fit a case, each with reasons and citations.

The result is a :class:`~atensi.rules.Decision` of kind ``"services"``; its ``targets`` list
one outcome per item, keyed ``component:<code>``, ``therapy:<code>`` or ``approach:<code>``
(``eligible`` = recommended, ``not_eligible`` = not to be given, ``needs_review``).

Rules:

=============================  ==============================================================
rule id                        statement
=============================  ==============================================================
svc.needs                      the components the assessment found needed are recommended
svc.lansia.capacity            elderly potensial: social aid, vocational training; tidak
                               potensial: continuing social care, no social aid or vocational
                               training (UU 13/1998 Pasal 5 ayat (3)-(4))
svc.disabilitas.aksesibilitas  accessibility support for a person with a disability
                               (PP 39/2012 Pasal 7 ayat (1) huruf g)
svc.disabilitas.terapi         physical therapy for physical disability, psychosocial for
                               mental disability (atensi convention)
svc.napza.approach             low risk: family-based; medium or high: residential
                               (screening practice, secondary)
svc.anak.family_first          family-based before residential for a child; residential needs a
                               recorded justification (practice, secondary)
svc.ska.exit                   Sentra Kreasi exit when independent income reaches the regional
                               minimum wage, or a social worker's evaluation says so
                               (Permensos 15/2025 Pasal 34 ayat (4); only from that edition)
=============================  ==============================================================
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from atensi.law import instrument_in_force
from atensi.model import Assessment, Case, Person
from atensi.rules.age import age_range
from atensi.rules.decision import Decision, Finding, Outcome, Status, facts_of
from atensi.vocab import (
    Approach,
    Citation,
    DisabilityType,
    DrugRisk,
    ElderlyCapacity,
    Evidence,
    Label,
    ServiceComponent,
    Therapy,
    cite,
)

__all__ = ["recommend_services"]

_V, _S, _C = Evidence.VERIFIED, Evidence.SECONDARY, Evidence.CONVENTION
_NEEDS = cite("permensos-7-2022", "Pasal 1 angka 2", _V, source="REFERENCE R5")
_ELDERLY = cite("uu-13-1998", "Pasal 5 ayat (3)-(4)", _V, source="REFERENCE R21")
_ACCESS = cite("pp-39-2012", "Pasal 7 ayat (1) huruf g", _V, source="REFERENCE R16")
_THERAPY = cite(
    None,
    None,
    _C,
    source="REFERENCE §4.2",
    note="matching therapy to disability type is atensi's convention",
)
_NAPZA = cite(None, None, _S, source="ATENSI NAPZA screening practice, 2020 (REFERENCE §3.6)")
_CHILD = cite(
    None,
    None,
    _S,
    source="Kemensos practice: returning child care to families "
    "(VERIFICATION §3.2); UU 35/2014 best-interest principle [background]",
    note="no article found that ranks the approaches for children",
)
_SKA = cite("permensos-15-2025", "Pasal 34 ayat (4)", _V, source="REFERENCE R3")


def _f(
    rule: str,
    status: Status,
    en: str,
    id_: str,
    citation: Citation | None,
    facts: Mapping[str, object] | None = None,
) -> Finding:
    return Finding(rule, status, Label(id_, en), citation, facts_of(facts) if facts else ())


def recommend_services(
    case_or_assessment: Case | Assessment,
    *,
    on: dt.date,
    person: Person | None = None,
    monthly_income_idr: int | None = None,
    regional_minimum_wage_idr: int | None = None,
    social_worker_recommends_exit: bool | None = None,
) -> Decision:
    """Recommend components, therapies and approaches for a case or an assessment.

    Args:
        case_or_assessment: a case (its latest assessment dated on or before ``on`` is used,
            and its subject when it is a person) or an assessment.
        on: the date of the recommendation (chooses the edition in force).
        person: the person assessed, when an assessment is passed alone.
        monthly_income_idr: the beneficiary's independent monthly income, for the Sentra
            Kreasi exit rule.
        regional_minimum_wage_idr: the regional minimum wage (UMR) that applies to the
            beneficiary on ``on``; atensi holds no wage table, the caller passes it.
        social_worker_recommends_exit: the outcome of a social worker's periodic evaluation.
    """
    edition = instrument_in_force(on)
    findings: list[Finding] = []
    items: dict[str, Outcome] = {}
    if isinstance(case_or_assessment, Case):
        case: Case | None = case_or_assessment
        past = [a for a in case_or_assessment.assessments if a.assessed_on <= on]
        assessment = past[-1] if past else None
        if person is None and isinstance(case_or_assessment.subject, Person):
            person = case_or_assessment.subject
    else:
        case = None
        assessment = case_or_assessment
    if assessment is None:
        findings.append(
            _f(
                "svc.assessment.present",
                Status.UNKNOWN,
                "no assessment: nothing can be recommended",
                "belum ada asesmen: belum ada layanan yang dapat disarankan",
                _NEEDS,
            )
        )
        return Decision(
            "services",
            Outcome.UNDETERMINED,
            on,
            edition.id,
            edition.instrument_ids,
            tuple(findings),
        )

    for component in assessment.needs:
        items[f"component:{component.value}"] = Outcome.ELIGIBLE
    if assessment.needs:
        codes = ",".join(c.value for c in assessment.needs)
        findings.append(
            _f(
                "svc.needs",
                Status.MET,
                f"needed per assessment: {codes}",
                f"dibutuhkan menurut asesmen: {codes}",
                _NEEDS,
                {"needs": codes},
            )
        )

    if person is not None:
        _elderly(person, on, findings, items)
        _disability(person, findings, items)
        _drugs(person, findings, items)
        _children(person, on, case, findings, items)

    if edition.id == "ars-2025" and (
        monthly_income_idr is not None or social_worker_recommends_exit is not None
    ):
        _ska_exit(
            monthly_income_idr,
            regional_minimum_wage_idr,
            social_worker_recommends_exit,
            findings,
            items,
        )
    elif monthly_income_idr is not None or social_worker_recommends_exit is not None:
        findings.append(
            _f(
                "svc.ska.exit",
                Status.NOT_APPLICABLE,
                f"the Sentra Kreasi exit rule is not in {edition.name}",
                f"aturan keluar Sentra Kreasi tidak ada dalam {edition.name}",
                _SKA,
                {"edition": edition.id},
            )
        )

    outcomes = set(items.values())
    overall = (
        Outcome.ELIGIBLE
        if Outcome.ELIGIBLE in outcomes
        else (Outcome.NEEDS_REVIEW if Outcome.NEEDS_REVIEW in outcomes else Outcome.NOT_ELIGIBLE)
    )
    return Decision(
        "services",
        overall,
        on,
        edition.id,
        edition.instrument_ids,
        tuple(findings),
        tuple(sorted(items.items())),
    )


def _elderly(
    person: Person, on: dt.date, findings: list[Finding], items: dict[str, Outcome]
) -> None:
    if person.birth_date is None or age_range(person.birth_date, on)[0] < 60:
        return
    aid = f"component:{ServiceComponent.AID_AND_SOCIAL_ASSISTANCE.value}"
    vocational = f"component:{ServiceComponent.VOCATIONAL_AND_ENTREPRENEURSHIP.value}"
    care = f"component:{ServiceComponent.SOCIAL_CARE_AND_CHILD_CARE.value}"
    if person.elderly_capacity is ElderlyCapacity.ABLE:
        items[aid] = Outcome.ELIGIBLE
        items[vocational] = Outcome.ELIGIBLE
        findings.append(
            _f(
                "svc.lansia.capacity",
                Status.MET,
                "potensial elderly: social aid and vocational training apply",
                "lansia potensial: bantuan sosial dan pelatihan berlaku",
                _ELDERLY,
                {"capacity": "potensial"},
            )
        )
    elif person.elderly_capacity is ElderlyCapacity.NOT_ABLE:
        items[aid] = Outcome.NOT_ELIGIBLE
        items[vocational] = Outcome.NOT_ELIGIBLE
        items[care] = Outcome.ELIGIBLE
        findings.append(
            _f(
                "svc.lansia.capacity",
                Status.MET,
                "tidak potensial elderly: continuing social care (perlindungan "
                "sosial), not social aid or vocational training",
                "lansia tidak potensial: perlindungan sosial, bukan bantuan sosial atau pelatihan",
                _ELDERLY,
                {"capacity": "tidak_potensial"},
            )
        )
    else:
        items.setdefault(aid, Outcome.NEEDS_REVIEW)
        findings.append(
            _f(
                "svc.lansia.capacity",
                Status.UNKNOWN,
                "record potensial / tidak potensial: it decides social aid or care",
                "catat potensial / tidak potensial: menentukan bantuan atau perawatan",
                _ELDERLY,
            )
        )


def _disability(person: Person, findings: list[Finding], items: dict[str, Outcome]) -> None:
    if not person.disabilities:
        return
    items[f"component:{ServiceComponent.ACCESSIBILITY_SUPPORT.value}"] = Outcome.ELIGIBLE
    findings.append(
        _f(
            "svc.disabilitas.aksesibilitas",
            Status.MET,
            "accessibility support for a person with a disability",
            "dukungan aksesibilitas bagi penyandang disabilitas",
            _ACCESS,
        )
    )
    types = {d.type for d in person.disabilities}
    if DisabilityType.PHYSICAL in types:
        items[f"therapy:{Therapy.PHYSICAL.value}"] = Outcome.ELIGIBLE
    if types & {DisabilityType.MENTAL, DisabilityType.INTELLECTUAL}:
        items[f"therapy:{Therapy.PSYCHOSOCIAL.value}"] = Outcome.ELIGIBLE
    if types & {DisabilityType.PHYSICAL, DisabilityType.MENTAL, DisabilityType.INTELLECTUAL}:
        findings.append(
            _f(
                "svc.disabilitas.terapi",
                Status.MET,
                "therapy matched to the disability type",
                "terapi disesuaikan dengan ragam disabilitas",
                _THERAPY,
                {"types": ",".join(sorted(t.value for t in types))},
            )
        )


def _drugs(person: Person, findings: list[Finding], items: dict[str, Outcome]) -> None:
    if person.drug_use is None or person.drug_use.risk is None:
        return
    residential = person.drug_use.risk in (DrugRisk.MEDIUM, DrugRisk.HIGH)
    chosen = Approach.RESIDENTIAL if residential else Approach.FAMILY_BASED
    items[f"approach:{chosen.value}"] = Outcome.ELIGIBLE
    findings.append(
        _f(
            "svc.napza.approach",
            Status.MET,
            f"{person.drug_use.risk.value} risk: {chosen.value} approach",
            f"risiko {person.drug_use.risk.value}: pendekatan {chosen.value}",
            _NAPZA,
            {"risk": person.drug_use.risk.value},
        )
    )


def _children(
    person: Person,
    on: dt.date,
    case: Case | None,
    findings: list[Finding],
    items: dict[str, Outcome],
) -> None:
    if person.birth_date is None or age_range(person.birth_date, on)[1] >= 18:
        return
    items.setdefault(f"approach:{Approach.FAMILY_BASED.value}", Outcome.ELIGIBLE)
    residential = f"approach:{Approach.RESIDENTIAL.value}"
    justified = (
        case is not None
        and case.plan is not None
        and bool((case.plan.residential_justification or "").strip())
    )
    if items.get(residential) is Outcome.ELIGIBLE and not justified:
        items[residential] = Outcome.NEEDS_REVIEW
    findings.append(
        _f(
            "svc.anak.family_first",
            Status.MET if justified or residential not in items else Status.NEEDS_REVIEW,
            "a child: family-based first; residential care needs a recorded justification",
            "anak: utamakan berbasis keluarga; layanan residensial perlu alasan tercatat",
            _CHILD,
            {"residential_justified": justified},
        )
    )


def _ska_exit(
    income: int | None,
    wage: int | None,
    evaluation: bool | None,
    findings: list[Finding],
    items: dict[str, Outcome],
) -> None:
    facts = {
        "monthly_income_idr": income,
        "regional_minimum_wage_idr": wage,
        "social_worker_recommends_exit": evaluation,
    }
    if income is not None and wage is not None and income >= wage:
        status = Status.MET
        en, id_ = (
            "independent income at least the regional minimum wage: exit",
            ("penghasilan mandiri paling sedikit UMR: keluar"),
        )
    elif evaluation:
        status = Status.MET
        en, id_ = (
            "the social worker's evaluation recommends exit",
            ("evaluasi pekerja sosial menyarankan keluar"),
        )
    elif income is not None and wage is None and evaluation is None:
        status = Status.UNKNOWN
        en, id_ = "the regional minimum wage was not given", "UMR tidak diberikan"
    else:
        status = Status.NOT_MET
        en, id_ = "neither exit condition holds: continue", "belum memenuhi syarat keluar"
    items["exit:sentra_kreasi"] = {
        Status.MET: Outcome.ELIGIBLE,
        Status.NOT_MET: Outcome.NOT_ELIGIBLE,
    }.get(status, Outcome.UNDETERMINED)
    findings.append(_f("svc.ska.exit", status, en, id_, _SKA, facts))
