"""Rules: eligibility, services and the lifecycle, as decisions an auditor can read."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import atensi
from atensi import structure
from atensi.law import instrument_in_force
from atensi.model import Assessment, BirthDate, Case, Condition, DatePrecision, Person
from atensi.rules import (
    InvalidTransition,
    Outcome,
    Status,
    advance,
    age_on,
    age_range,
    assess_eligibility,
    decision_from_json,
    recommend_services,
)
from atensi.scenarios import SCENARIOS, run_scenario
from atensi.vocab import CaseStage, ServiceComponent, TargetGroup, TerminationReason
from tests.strategies_model import assessments, persons

D = dt.date


def test_the_catalogue_has_at_least_sixty_named_scenarios() -> None:
    names = [s["name"] for s in SCENARIOS]
    assert len(names) >= 60
    assert len(set(names)) == len(names)
    json.dumps(SCENARIOS)


@given(st.dates(max_value=dt.date(9998, 6, 30)))
def test_six_months_after_is_dateutils_relativedelta(day: dt.date) -> None:
    # The eligibility rules replaced ``day + relativedelta(months=6)`` for speed.
    from dateutil.relativedelta import relativedelta

    from atensi.rules.eligibility import six_months_after

    assert six_months_after(day) == day + relativedelta(months=6)


def test_days_in_month_is_the_calendar_modules_for_every_month() -> None:
    # BirthDate.latest and months_after replaced calendar.monthrange for speed: checked on
    # every month of the calendar, not a sample.
    import calendar

    from atensi.model.person import days_in_month

    for year in range(dt.MINYEAR, dt.MAXYEAR + 1):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]


@given(st.dates(), st.integers(-2400, 2400))
def test_months_after_is_dateutils_relativedelta_or_the_end_of_time(
    day: dt.date, months: int
) -> None:
    from dateutil.relativedelta import relativedelta

    from atensi.rules.age import months_after

    try:
        expected = day + relativedelta(months=months)
    except (ValueError, OverflowError):
        if months < 0:
            return  # before year 1: not asked of months_after (it counts forward in practice)
        expected = dt.date.max
    assert months_after(day, months) == expected


@given(
    st.dates(D(1800, 1, 1), D(2199, 12, 31)),  # the dates an entity may hold
    st.dates(D(1800, 1, 1), D(2200, 12, 31)),
    st.sampled_from(DatePrecision),
    st.booleans(),
    st.one_of(st.just(1), st.integers(0, 8500)),  # past year 1 and 9999 too
)
@example(D(2004, 2, 29), D(2022, 2, 28), DatePrecision.DAY, True, 1)
@example(D(2003, 2, 1), D(2022, 2, 28), DatePrecision.MONTH, True, 1)  # 29 Feb 2004 -> 1 March
@example(D(2004, 2, 1), D(2022, 2, 28), DatePrecision.MONTH, True, 4)
def test_age_range_is_the_range_of_the_birth_dates_bounds(
    birth: dt.date, on: dt.date, precision: DatePrecision, estimated: bool, margin: int
) -> None:
    # age_range works in (year, month, day) and builds no date: it agrees with the ages on
    # BirthDate.earliest() and latest(), shifted by shift_years when estimated.
    from atensi.rules.age import shift_years

    value = BirthDate(value=birth, precision=precision, estimated=estimated)
    earliest, latest = value.earliest(), value.latest()
    if estimated:
        earliest, latest = shift_years(earliest, -margin), shift_years(latest, margin)
    expected = (age_on(latest, on), age_on(earliest, on))
    assert age_range(value, on, margin_years=margin) == expected


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["name"])
def test_scenario(scenario: dict[str, Any]) -> None:
    assert run_scenario(scenario) == []


ON = st.dates(min_value=D(2012, 3, 5), max_value=D(2035, 12, 31))


@settings(max_examples=60)
@given(person=persons(), assessment=st.none() | assessments(), on=ON)
def test_decisions_cite_only_instruments_in_force_and_round_trip(
    person: Person, assessment: Assessment | None, on: dt.date
) -> None:
    decision = assess_eligibility(person, assessment, on=on)
    edition = instrument_in_force(on)
    assert decision.edition == edition.id
    in_force = {
        i.id for i in atensi.instruments() if i.in_force_from is None or i.in_force_from.value <= on
    }
    for finding in decision.findings:
        # Only an instrument in force can ground a "met" or a "not met"; a later one may be
        # cited to explain why its test does not apply yet.
        decisive = finding.status in (Status.MET, Status.NOT_MET)
        if decisive and finding.citation is not None and finding.citation.instrument is not None:
            assert finding.citation.instrument in in_force, finding
    data = json.loads(json.dumps(decision.to_json()))
    assert decision_from_json(data) == decision
    assert assess_eligibility(person, assessment, on=on) == decision  # deterministic


@settings(max_examples=60)
@given(person=persons(), assessment=assessments(), on=ON, group=st.sampled_from(TargetGroup))
def test_adding_a_condition_never_removes_an_eligible_target(
    person: Person, assessment: Assessment, on: dt.date, group: TargetGroup
) -> None:
    import attrs

    assessment = attrs.evolve(assessment, assessed_on=min(assessment.assessed_on, on))
    before = assess_eligibility(person, assessment, on=on)
    if any(c.group is group for c in assessment.conditions):
        return
    extra = Condition(group=group, justification="alasan tertulis")
    after = assess_eligibility(
        person, attrs.evolve(assessment, conditions=(*assessment.conditions, extra)), on=on
    )
    assert set(before.eligible_targets()) <= set(after.eligible_targets())


@settings(max_examples=40)
@given(birth=st.dates(min_value=D(1950, 1, 1), max_value=D(2010, 12, 31)))
def test_child_status_flips_exactly_on_the_18th_birthday(birth: dt.date) -> None:
    person = structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": birth.isoformat()},
        },
        Person,
    )
    try:
        birthday = birth.replace(year=birth.year + 18)
    except ValueError:
        birthday = D(birth.year + 18, 3, 1)
    if birthday < D(2020, 12, 10):
        return
    assessment = Assessment(
        id="A", assessed_on=D(2020, 12, 5), conditions=(Condition(group=TargetGroup.STREET_CHILD),)
    )
    day_before = assess_eligibility(person, assessment, on=birthday - dt.timedelta(days=1))
    on_day = assess_eligibility(person, assessment, on=birthday)
    assert day_before.outcome_for("anak") is Outcome.ELIGIBLE
    assert on_day.outcome_for("anak") is Outcome.NOT_ELIGIBLE


@settings(max_examples=40)
@given(birth=st.dates(min_value=D(1930, 1, 1), max_value=D(1975, 12, 31)))
def test_elderly_status_flips_exactly_on_the_60th_birthday(birth: dt.date) -> None:
    person = structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": birth.isoformat()},
        },
        Person,
    )
    try:
        birthday = birth.replace(year=birth.year + 60)
    except ValueError:
        birthday = D(birth.year + 60, 3, 1)
    if birthday < D(2020, 12, 10):
        return
    assessment = Assessment(
        id="A",
        assessed_on=D(2020, 12, 5),
        conditions=(Condition(group=TargetGroup.NEGLECTED_ELDERLY),),
    )
    day_before = assess_eligibility(person, assessment, on=birthday - dt.timedelta(days=1))
    on_day = assess_eligibility(person, assessment, on=birthday)
    assert day_before.outcome_for("lanjut_usia") is Outcome.NOT_ELIGIBLE
    assert on_day.outcome_for("lanjut_usia") is Outcome.ELIGIBLE


def test_redacted_decision_keeps_rule_ids_and_drops_facts() -> None:
    person = structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "2010-01-01"},
        },
        Person,
    )
    assessment = Assessment(
        id="A", assessed_on=D(2024, 1, 1), conditions=(Condition(group=TargetGroup.STREET_CHILD),)
    )
    decision = assess_eligibility(person, assessment, on=D(2024, 2, 1))
    redacted = decision.redacted()
    assert redacted.rule_ids() == decision.rule_ids()
    assert "2010-01-01" in json.dumps(decision.to_json())
    assert "2010-01-01" not in json.dumps(redacted.to_json())


def _elder(capacity: str) -> Person:
    return structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "1950-01-01"},
            "elderly_capacity": capacity,
        },
        Person,
    )


def test_elderly_rights_follow_uu_13_1998_pasal_5_without_overriding_an_assessed_need() -> None:
    neglected = (Condition(group=TargetGroup.NEGLECTED_ELDERLY),)
    assessment = Assessment(id="A", assessed_on=D(2024, 1, 1), conditions=neglected)
    able = recommend_services(assessment, on=D(2024, 2, 1), person=_elder("potensial"))
    unable = recommend_services(assessment, on=D(2024, 2, 1), person=_elder("tidak_potensial"))
    aid = "component:bantuan_asistensi_sosial"
    care = "component:perawatan_sosial_pengasuhan_anak"
    training = "component:pelatihan_vokasional_kewirausahaan"
    assert dict(able.targets)[aid] is Outcome.ELIGIBLE
    # Pasal 5(3) excludes the Act's bantuan sosial, not ATENSI support: aid is not refused.
    assert aid not in dict(unable.targets)
    assert dict(unable.targets)[care] is Outcome.ELIGIBLE
    assert dict(unable.targets)[training] is Outcome.NOT_ELIGIBLE
    citation = next(f.citation for f in unable.findings if f.rule_id == "svc.lansia.capacity")
    assert citation is not None
    assert citation.instrument == "uu-13-1998"
    # An assessed need for aid is never overridden: it is flagged for review, with the article.
    needing = attrs.evolve(assessment, needs=(ServiceComponent.AID_AND_SOCIAL_ASSISTANCE,))
    flagged = recommend_services(needing, on=D(2024, 2, 1), person=_elder("tidak_potensial"))
    assert dict(flagged.targets)[aid] is Outcome.NEEDS_REVIEW
    finding = next(f for f in flagged.findings if f.rule_id == "svc.lansia.capacity")
    assert finding.status is Status.NEEDS_REVIEW
    assert finding.citation is not None
    assert "Pasal 5 ayat (3)" in (finding.citation.article or "")


def test_napza_risk_chooses_the_approach_or_a_further_assessment() -> None:
    assessment = Assessment(id="A", assessed_on=D(2024, 1, 1))
    for risk, approach, outcome in (
        ("rendah", "keluarga", Outcome.ELIGIBLE),
        ("sedang", "residensial", Outcome.NEEDS_REVIEW),
        ("sedang", "komunitas", Outcome.NEEDS_REVIEW),
        ("tinggi", "residensial", Outcome.NEEDS_REVIEW),
    ):
        person = structure(
            {
                "id": "P",
                "nik": {"reason": "belum_terdaftar"},
                "name": "A",
                "drug_use": {"status": "pecandu_narkotika", "risk": risk},
            },
            Person,
        )
        decision = recommend_services(assessment, on=D(2024, 2, 1), person=person)
        assert dict(decision.targets)[f"approach:{approach}"] is outcome, (risk, approach)


def test_services_follow_eligibility_on_the_same_date_and_edition() -> None:
    adult = structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "1990-01-01"},
        },
        Person,
    )
    street = Assessment(
        id="A",
        assessed_on=D(2024, 1, 1),
        conditions=(Condition(group=TargetGroup.STREET_CHILD),),
        needs=(ServiceComponent.FAMILY_SUPPORT,),
    )
    decision = recommend_services(street, on=D(2024, 2, 1), person=adult)
    assert decision.outcome is Outcome.NOT_ELIGIBLE
    assert decision.findings[0].rule_id == "svc.eligibility"
    assert decision.findings[0].status is Status.NOT_MET
    pinned = recommend_services(street, on=D(2024, 2, 1), person=adult, edition="atensi-2021")
    assert pinned.edition == "atensi-2021"


def test_sentra_kreasi_exit_only_under_15_2025() -> None:
    assessment = Assessment(id="A", assessed_on=D(2023, 1, 1))
    old = recommend_services(
        assessment,
        on=D(2024, 2, 1),
        monthly_income_idr=5_000_000,
        regional_minimum_wage_idr=4_900_000,
    )
    new = recommend_services(
        assessment,
        on=D(2026, 2, 1),
        monthly_income_idr=5_000_000,
        regional_minimum_wage_idr=4_900_000,
    )
    stay = recommend_services(
        assessment,
        on=D(2026, 2, 1),
        monthly_income_idr=4_000_000,
        regional_minimum_wage_idr=4_900_000,
    )
    by_worker = recommend_services(assessment, on=D(2026, 2, 1), social_worker_recommends_exit=True)
    assert next(f for f in old.findings if f.rule_id == "svc.ska.exit").status is (
        Status.NOT_APPLICABLE
    )
    assert dict(new.targets)["exit:sentra_kreasi"] is Outcome.ELIGIBLE
    assert dict(stay.targets)["exit:sentra_kreasi"] is Outcome.NOT_ELIGIBLE
    assert dict(by_worker.targets)["exit:sentra_kreasi"] is Outcome.ELIGIBLE


def _case(**extra: Any) -> Case:
    record = {
        "id": "C",
        "unit": "U",
        "opened_on": "2024-01-02",
        "subject": {"kind": "community", "id": "K", "name": "Kampung"},
        **extra,
    }
    return structure(record, Case)


def test_the_lifecycle_follows_pp_39_2012() -> None:
    case = _case(
        assessments=[{"id": "A", "assessed_on": "2024-01-05"}],
        consent={"on": "2024-01-03", "given_by": "perwakilan"},
    )
    case = advance(case, CaseStage.INITIAL_APPROACH, on=D(2024, 1, 2))
    case = advance(case, CaseStage.ASSESSMENT, on=D(2024, 1, 5))
    case = advance(case, CaseStage.PLANNING, on=D(2024, 1, 6))
    case = advance(case, CaseStage.INTERVENTION, on=D(2024, 1, 7))
    case = advance(case, CaseStage.EVALUATION, on=D(2024, 2, 7))
    case = advance(case, CaseStage.ASSESSMENT, on=D(2024, 2, 8))  # re-assessment
    case = advance(case, CaseStage.PLANNING, on=D(2024, 2, 9))
    case = advance(case, CaseStage.INTERVENTION, on=D(2024, 2, 10))
    case = advance(
        case, CaseStage.TERMINATION, on=D(2024, 3, 1), reason=TerminationReason.GOALS_MET
    )
    case = advance(case, CaseStage.AFTERCARE, on=D(2024, 3, 2))
    assert [s.stage for s in case.stages][-1] is CaseStage.AFTERCARE
    assert case.termination is not None
    assert case.termination.reason is TerminationReason.GOALS_MET


def test_no_intervention_without_assessment_or_consent() -> None:
    case = _case(stages=[{"stage": "rencana_intervensi", "on": "2024-01-05"}])
    with pytest.raises(InvalidTransition) as info:
        advance(case, CaseStage.INTERVENTION, on=D(2024, 1, 6))
    assert info.value.rule_id == "case.transition.assessment_required"
    case = _case(
        stages=[{"stage": "rencana_intervensi", "on": "2024-01-05"}],
        assessments=[{"id": "A", "assessed_on": "2024-01-04"}],
    )
    with pytest.raises(InvalidTransition) as info:
        advance(case, CaseStage.INTERVENTION, on=D(2024, 1, 6))
    assert info.value.rule_id == "case.transition.consent_required"


def test_referral_and_early_termination_from_any_open_stage() -> None:
    for stage in ("pendekatan_awal", "asesmen", "rencana_intervensi", "intervensi"):
        case = _case(stages=[{"stage": stage, "on": "2024-01-05"}])
        assert advance(case, CaseStage.REFERRAL, on=D(2024, 1, 6)).current_stage is (
            CaseStage.REFERRAL
        )
        with pytest.raises(InvalidTransition):
            advance(case, CaseStage.EARLY_TERMINATION, on=D(2024, 1, 6))  # needs a reason
        closed = advance(
            case, CaseStage.EARLY_TERMINATION, on=D(2024, 1, 6), reason=TerminationReason.WITHDRAWAL
        )
        assert closed.termination is not None


def test_skipping_stages_is_refused_with_a_citation() -> None:
    case = _case(stages=[{"stage": "pendekatan_awal", "on": "2024-01-02"}])
    with pytest.raises(InvalidTransition) as info:
        advance(case, CaseStage.PLANNING, on=D(2024, 1, 3))
    assert info.value.rule_id == "case.transition.order"
    assert info.value.citation.instrument == "pp-39-2012"
    assert isinstance(info.value, atensi.AtensiError)


@given(
    st.integers(1, 31),
    st.integers(1, 12),
    st.integers(0, 99),
    st.dates(D(1800, 1, 1), D(2199, 12, 31)),
    st.sampled_from(DatePrecision),
    st.booleans(),
)
@example(29, 2, 3, D(2004, 2, 29), DatePrecision.DAY, True)
@example(1, 1, 99, D(1800, 1, 1), DatePrecision.YEAR, True)
def test_the_nik_birth_comparison_reads_the_bounds_years(
    day: int, month: int, yy: int, birth: dt.date, precision: DatePrecision, estimated: bool
) -> None:
    # birth_contradicts compares year digits without building the bounds' dates: it agrees
    # with the years of BirthDate.earliest() and latest(), a year either side when estimated.
    from atensi.rules.age import shift_years
    from atensi.rules.eligibility.reading import birth_contradicts

    value = BirthDate(value=birth, precision=precision, estimated=estimated)
    if precision is DatePrecision.DAY and not estimated:
        expected = (day, month, yy) != (birth.day, birth.month, birth.year % 100)
    else:
        earliest, latest = value.earliest(), value.latest()
        if estimated:
            earliest, latest = shift_years(earliest, -1), shift_years(latest, 1)
        years = {y % 100 for y in range(earliest.year, latest.year + 1)}
        expected = yy not in years or (
            precision is DatePrecision.MONTH and not estimated and month != birth.month
        )
    assert birth_contradicts(day, month, yy, value) == expected
