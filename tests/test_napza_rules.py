"""Compulsory reporting, medical then social rehabilitation, episodes of care (issue 29).

Named cases from UU 35/2009 and PP 25/2011 read in full; each cites its article.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import atensi
from atensi.law import source_ids
from atensi.model import Case
from atensi.rules.decision import Finding, Status
from atensi.rules.episodes import EpisodeError, episode_chain, open_episode
from atensi.rules.napza import napza_findings

_ON = dt.date(2024, 3, 1)


def _person(birth: str) -> dict[str, Any]:
    return {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "A",
        "birth_date": {"value": birth},
    }


def _case(birth: str = "1995-01-01", **fields: Any) -> Case:
    record = {"id": "C-1", "unit": "SENTRA-01", "opened_on": "2024-02-01"}
    return atensi.structure({**record, "subject": _person(birth), **fields}, Case)


def _report(**facts: Any) -> dict[str, Any]:
    return {"reported_on": "2024-02-01", "reported_by": "subjek", **facts}


def _found(case: Case, rule_id: str, on: dt.date = _ON) -> Finding:
    [finding] = [f for f in napza_findings(case, on=on) if f.rule_id == rule_id]
    assert finding.citation is not None
    assert finding.citation.source in source_ids()
    return finding


# --- Who reports (PP 25/2011 Pasal 1 angka 9, Pasal 3) -----------------------------------------


def test_an_adult_reports_himself() -> None:
    found = _found(_case(compulsory_report=_report()), "napza.report.reporter")
    assert found.status is Status.MET


def test_a_parent_reports_a_child() -> None:
    report = _report(reported_by="orang_tua")
    assert _found(
        _case("2010-01-01", compulsory_report=report), "napza.report.reporter"
    ).status is (Status.MET)


def test_a_married_seventeen_year_old_reporting_himself_is_reviewed_never_refused() -> None:
    # PP 25/2011 Pasal 1 angka 9: not of age is under 18 "dan/atau" unmarried; the text does not
    # settle a married person under 18, so a refusal on "a child is reported by a parent" is wrong.
    report = _report(subject_married=True)
    found = _found(_case("2006-06-01", compulsory_report=report), "napza.report.reporter")
    assert found.status is Status.NEEDS_REVIEW
    assert found.citation.article == "Pasal 3; Pasal 1 angka 8-9"  # type: ignore[union-attr]


def test_an_unmarried_minor_reporting_himself_is_received_and_the_parent_brought_in() -> None:
    report = _report(subject_married=False)
    found = _found(_case("2008-06-01", compulsory_report=report), "napza.report.reporter")
    assert found.status is Status.NEEDS_REVIEW


def test_whether_a_minor_is_married_not_recorded_is_unknown() -> None:
    found = _found(_case("2008-06-01", compulsory_report=_report()), "napza.report.reporter")
    assert found.status is Status.UNKNOWN


# --- Where, the assessment and the card (Pasal 4, 6, 7, 10) -------------------------------------


def test_a_report_passed_on_to_an_ipwl_is_received() -> None:
    report = _report(ipwl_designated=False, forwarded_on="2024-02-02", received_by="bnn")
    assert _found(_case(compulsory_report=report), "napza.report.ipwl").status is Status.MET


def test_a_report_left_with_an_institution_that_is_no_ipwl_goes_to_review() -> None:
    report = _report(ipwl_designated=False)
    assert _found(_case(compulsory_report=report), "napza.report.ipwl").status is (
        Status.NEEDS_REVIEW
    )


def test_an_assessment_without_its_social_part_is_not_met() -> None:
    assessment = {"assessed_on": "2024-02-02", "medical": True, "social": False}
    found = _found(
        _case(compulsory_report=_report(assessment=assessment)), "napza.assessment.parts"
    )
    assert found.status is Status.NOT_MET
    assert found.citation.article == "Pasal 7"  # type: ignore[union-attr]


def test_a_third_period_of_care_under_one_card_needs_a_new_report() -> None:
    report = _report(
        assessment={"assessed_on": "2024-02-02", "medical": True, "social": True},
        card_issued_on="2024-02-02",
    )
    third = _case(compulsory_report=report, episode={"number": 3, "card_period": 3})
    second = _case(compulsory_report=report, episode={"number": 2, "card_period": 2})
    assert _found(third, "napza.card.periods").status is Status.NOT_MET
    assert _found(second, "napza.card.periods").status is Status.MET


# --- The plan: agreed, medical first, referral (PP 25/2011 Pasal 9, 11; UU 35/2009 Pasal 54, 56)


def _plan(**parts: Any) -> dict[str, Any]:
    return {
        "drawn_up_on": "2024-02-05",
        "agreed_by": "subjek",
        "agreed_by_ipwl_head": True,
        **parts,
    }


_DEPENDENT = _report(assessment={"assessed_on": "2024-02-02", "dependence": True})
_SOCIAL = {"provider_kind": "upt_kemensos", "starts_on": "2024-02-06"}


def test_a_dependent_users_plan_without_medical_rehabilitation_is_not_met() -> None:
    case = _case(compulsory_report=_DEPENDENT, rehabilitation_plan=_plan(social=_SOCIAL))
    found = _found(case, "napza.plan.medical_first")
    assert found.status is Status.NOT_MET
    assert (found.citation.instrument, found.citation.article) == ("uu-35-2009", "Pasal 54")  # type: ignore[union-attr]


def test_social_care_before_the_medical_part_goes_to_review() -> None:
    medical = {"provider_kind": "rumah_sakit", "starts_on": "2024-03-06"}
    case = _case(
        compulsory_report=_DEPENDENT, rehabilitation_plan=_plan(social=_SOCIAL, medical=medical)
    )
    found = _found(case, "napza.plan.medical_first")
    assert found.status is Status.NEEDS_REVIEW
    assert found.citation.article == "Pasal 9 ayat (2) (penjelasan)"  # type: ignore[union-attr]


def test_medical_first_then_social_is_met_and_a_sentra_refers_the_medical_part() -> None:
    medical = {
        "provider_kind": "upt_kemensos",
        "starts_on": "2024-02-06",
        "referred_on": "2024-02-05",
    }
    social = {"provider_kind": "upt_kemensos", "starts_on": "2024-03-06"}
    case = _case(
        compulsory_report=_DEPENDENT, rehabilitation_plan=_plan(medical=medical, social=social)
    )
    assert _found(case, "napza.plan.medical_first").status is Status.MET
    assert _found(case, "napza.plan.referral").status is Status.MET


def test_medical_rehabilitation_at_a_sentra_without_a_referral_goes_to_review() -> None:
    medical = {"provider_kind": "upt_kemensos", "starts_on": "2024-02-06"}
    case = _case(compulsory_report=_DEPENDENT, rehabilitation_plan=_plan(medical=medical))
    assert _found(case, "napza.plan.referral").status is Status.NEEDS_REVIEW


def test_an_abuser_without_dependence_is_not_held_to_pasal_54() -> None:
    report = _report(assessment={"assessed_on": "2024-02-02", "dependence": False})
    case = _case(compulsory_report=report, rehabilitation_plan=_plan(social=_SOCIAL))
    assert _found(case, "napza.plan.medical_first").status is Status.NOT_APPLICABLE


def test_a_plan_the_ipwl_head_did_not_agree_to_is_not_met() -> None:
    case = _case(rehabilitation_plan=_plan(agreed_by_ipwl_head=False))
    assert _found(case, "napza.plan.agreed").status is Status.NOT_MET


# --- Episodes of care --------------------------------------------------------------------------


def _closed(**fields: Any) -> Case:
    return _case(
        compulsory_report=_report(card_issued_on="2024-02-02"),
        termination={"on": "2024-09-01", "reason": "tujuan_tercapai"},
        **fields,
    )


def test_a_relapse_after_aftercare_opens_a_linked_episode_with_the_same_card() -> None:
    first = _closed()
    second = open_episode(first, id="C-2", on=dt.date(2025, 1, 6), relapse_on=dt.date(2025, 1, 2))
    assert second.episode is not None
    assert (second.episode.number, second.episode.previous_case) == (2, "C-1")
    assert second.episode.card_period == 2
    assert second.compulsory_report == first.compulsory_report
    assert second.stages == ()
    assert second.assessments == ()
    assert [c.id for c in episode_chain([second, first], "C-2")] == ["C-1", "C-2"]


def test_the_third_episode_under_one_card_is_found_by_the_card_rule() -> None:
    second = open_episode(_closed(), id="C-2", on=dt.date(2025, 1, 6))
    closed = atensi.structure(
        {
            **atensi.unstructure(second),
            "termination": {"on": "2025-06-01", "reason": "tujuan_tercapai"},
        },
        Case,
    )
    third = open_episode(closed, id="C-3", on=dt.date(2025, 9, 1))
    assert third.episode is not None
    assert third.episode.card_period == 3
    found = _found(third, "napza.card.periods", on=dt.date(2025, 9, 2))
    assert found.status is Status.NOT_MET


def test_an_open_case_is_not_reopened_as_an_episode() -> None:
    with pytest.raises(EpisodeError) as raised:
        open_episode(_case(), id="C-2", on=dt.date(2025, 1, 6))
    assert raised.value.code == "case.episode_open"


def test_a_chain_that_loops_is_an_error() -> None:
    one = _case(id="A", episode={"number": 2, "previous_case": "B"})
    two = _case(id="B", episode={"number": 2, "previous_case": "A"})
    with pytest.raises(EpisodeError):
        episode_chain([one, two], "A")
