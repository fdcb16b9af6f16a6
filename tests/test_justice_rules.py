"""Juvenile justice, rule by rule: named cases a Sentra's social worker meets (issue 29).

Each case below could not be written in atensi's records before issue 29 (no offence, no Bapas
document, no extension chain); each states what the law says of it and the article it cites.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import atensi
from atensi.errors import NoInstrumentInForce
from atensi.law import source_ids
from atensi.model import Case
from atensi.rules.decision import Finding, Status
from atensi.rules.justice import chain_end, justice_findings
from atensi.rules.procedure import assess_procedure

_CHILD_13 = {  # thirteen at the offence of March 2024
    "kind": "person",
    "id": "P-1",
    "nik": {"reason": "belum_terdaftar"},
    "name": "Anak",
    "birth_date": {"value": "2010-06-01"},
}
_CHILD_10 = {**_CHILD_13, "birth_date": {"value": "2013-06-01"}}


def _case(subject: dict[str, Any] = _CHILD_13, **fields: Any) -> Case:
    record = {"id": "C-1", "unit": "SENTRA-01", "opened_on": "2024-03-10", "subject": subject}
    return atensi.structure({**record, **fields}, Case)


def _diversion(**extra: Any) -> dict[str, Any]:
    return {
        "id": "D-1",
        "kind": "kesepakatan_diversi",
        "issued_on": "2024-03-08",
        "placement": "residensial",
        "months": 3,
        **extra,
    }


def _found(case: Case, rule_id: str, on: dt.date = dt.date(2024, 3, 20)) -> Finding:
    [finding] = [f for f in justice_findings(case, on=on) if f.rule_id == rule_id]
    assert finding.citation is not None
    assert finding.citation.source in source_ids()
    return finding


def _offence(**facts: Any) -> dict[str, Any]:
    return {
        "committed_on": "2024-03-01",
        "repeat_offence": False,
        "earlier_diversion": False,
        **facts,
    }


# --- Diversion's thresholds (UU 11/2012 Pasal 7 ayat (2)) --------------------------------------


def test_diversion_of_an_offence_punishable_by_seven_years_is_outside_the_act() -> None:
    case = _case(offence=_offence(max_penalty_months=84), orders=[_diversion()])
    found = _found(case, "justice.diversion.threshold")
    assert found.status is Status.NOT_MET
    assert found.citation.article == "Pasal 7 ayat (2)"  # type: ignore[union-attr]
    assert "84 months" in found.message.en


def test_an_earlier_diversion_makes_the_offence_a_repeat() -> None:
    case = _case(
        offence=_offence(max_penalty_months=24, earlier_diversion=True), orders=[_diversion()]
    )
    assert _found(case, "justice.diversion.threshold").status is Status.NOT_MET


def test_diversion_under_seven_years_and_not_a_repeat_is_open() -> None:
    case = _case(offence=_offence(max_penalty_months=83), orders=[_diversion()])
    assert _found(case, "justice.diversion.threshold").status is Status.MET


def test_a_penalty_not_recorded_is_unknown_never_a_refusal() -> None:
    case = _case(offence=_offence(), orders=[_diversion()])
    assert _found(case, "justice.diversion.threshold").status is Status.UNKNOWN
    no_offence = _case(orders=[_diversion()])
    assert _found(no_offence, "justice.diversion.threshold").status is Status.UNKNOWN


def test_before_the_act_came_into_force_there_is_no_diversion_to_judge() -> None:
    case = _case(
        offence=_offence(committed_on="2013-03-01", max_penalty_months=120),
        orders=[_diversion(issued_on="2013-03-08")],
        opened_on="2013-03-10",
    )
    assert justice_findings(case, on=dt.date(2013, 4, 1)) == ()


# --- The victim's consent (Pasal 9 ayat (2)) ---------------------------------------------------


def test_a_diversion_the_victim_refused_lacks_the_consent_the_act_asks_for() -> None:
    offence = _offence(
        max_penalty_months=48,
        category="kejahatan",
        victim="orang_dewasa",
        victim_consent=False,
        loss_idr=9_000_000,
        minimum_wage_idr=2_500_000,
    )
    found = _found(
        _case(offence=offence, orders=[_diversion()]), "justice.diversion.victim_consent"
    )
    assert found.status is Status.NOT_MET
    assert found.citation.article == "Pasal 9 ayat (2)"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("facts", "letter"),
    [
        ({"category": "pelanggaran"}, "a"),
        ({"max_penalty_months": 3}, "b"),
        ({"victim": "tanpa_korban"}, "c"),
        ({"loss_idr": 2_000_000, "minimum_wage_idr": 2_500_000}, "d"),
    ],
)
def test_the_four_exceptions_need_no_victims_consent(facts: dict[str, Any], letter: str) -> None:
    offence = _offence(victim_consent=False, **{"victim": "orang_dewasa", **facts})
    found = _found(
        _case(offence=offence, orders=[_diversion()]), "justice.diversion.victim_consent"
    )
    assert found.status is Status.MET
    assert f"huruf {letter}" in found.message.en


def test_a_child_victims_family_consents() -> None:
    offence = _offence(max_penalty_months=48, victim="anak", victim_consent=True)
    found = _found(
        _case(offence=offence, orders=[_diversion()]), "justice.diversion.victim_consent"
    )
    assert found.status is Status.MET
    assert "child victim's family" in found.message.en


def test_a_refusal_with_an_exception_not_recorded_is_unknown() -> None:
    offence = _offence(max_penalty_months=48, victim="orang_dewasa", victim_consent=False)
    found = _found(
        _case(offence=offence, orders=[_diversion()]), "justice.diversion.victim_consent"
    )
    assert found.status is Status.UNKNOWN


# --- The litmas first (Pasal 9 ayat (1) huruf c; penjelasan Pasal 21 ayat (1); Pasal 60) --------


def test_a_decision_for_a_child_under_twelve_without_a_litmas_goes_to_review() -> None:
    order = {"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-03-08"}
    found = _found(_case(_CHILD_10, orders=[order]), "justice.litmas.before_decision")
    assert found.status is Status.NEEDS_REVIEW
    assert found.citation.article == "Pasal 21 ayat (1) (penjelasan)"  # type: ignore[union-attr]


def test_a_litmas_made_before_the_decision_meets_the_duty_and_one_made_after_does_not() -> None:
    order = {"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-03-08"}
    before = [{"kind": "litmas", "on": "2024-03-05", "order": "K-1"}]
    after = [{"kind": "litmas", "on": "2024-03-09", "order": "K-1"}]
    met = _case(_CHILD_10, orders=[order], bapas_documents=before)
    late = _case(_CHILD_10, orders=[order], bapas_documents=after)
    assert _found(met, "justice.litmas.before_decision").status is Status.MET
    assert _found(late, "justice.litmas.before_decision").status is Status.NEEDS_REVIEW


def test_a_judgment_cites_pasal_60_for_its_litmas() -> None:
    order = {"id": "M-1", "kind": "tindakan_perawatan_lpks", "issued_on": "2024-03-08"}
    found = _found(_case(orders=[order]), "justice.litmas.before_decision")
    assert found.citation.article == "Pasal 60 ayat (3)-(4)"  # type: ignore[union-attr]


# --- Extensions and their limit (Pasal 21 ayat (1) huruf b, (3)-(4); Pasal 82 ayat (2)) ---------

_FIRST_12 = {
    "id": "K-1",
    "kind": "keputusan_anak_belum_12",
    "issued_on": "2024-01-08",
    "starts_on": "2024-01-10",
    "months": 6,
    "placement": "residensial",
}


def _extension(months: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": "K-2",
        "kind": "keputusan_anak_belum_12",
        "issued_on": "2024-07-01",
        "starts_on": "2024-07-10",
        "months": months,
        "extends": "K-1",
        "placement": "residensial",
        **extra,
    }


def test_an_extension_past_six_plus_six_months_is_past_the_limit() -> None:
    case = _case(_CHILD_10, orders=[_FIRST_12, _extension(8)])
    found = _found(case, "justice.extension.limit", on=dt.date(2024, 7, 15))
    assert found.status is Status.NOT_MET
    assert "2025-01-10" in found.message.en  # 12 months from the programme's first day


def test_an_extension_within_six_more_months_stays_within_the_limit() -> None:
    case = _case(_CHILD_10, orders=[_FIRST_12, _extension(6)])
    assert _found(case, "justice.extension.limit", on=dt.date(2024, 7, 15)).status is Status.MET
    assert chain_end(case, case.orders[1]) == dt.date(2025, 1, 10)


def test_an_extension_without_the_bapas_evaluation_goes_to_review() -> None:
    case = _case(_CHILD_10, orders=[_FIRST_12, _extension(6)])
    found = _found(case, "justice.extension.evaluation", on=dt.date(2024, 7, 15))
    assert found.status is Status.NEEDS_REVIEW


def test_an_extension_after_an_evaluation_that_found_no_need_is_not_met() -> None:
    evaluation = {"kind": "evaluasi", "on": "2024-06-20", "order": "K-1", "still_needed": False}
    case = _case(_CHILD_10, orders=[_FIRST_12, _extension(6)], bapas_documents=[evaluation])
    found = _found(case, "justice.extension.evaluation", on=dt.date(2024, 7, 15))
    assert found.status is Status.NOT_MET


def test_an_extension_after_an_evaluation_that_found_a_need_is_met() -> None:
    evaluation = {"kind": "evaluasi", "on": "2024-06-20", "order": "K-1", "still_needed": True}
    case = _case(_CHILD_10, orders=[_FIRST_12, _extension(6)], bapas_documents=[evaluation])
    found = _found(case, "justice.extension.evaluation", on=dt.date(2024, 7, 15))
    assert found.status is Status.MET


def test_the_act_provides_no_extension_of_a_measure_a_second_order_goes_to_review() -> None:
    first = {
        "id": "M-1",
        "kind": "tindakan_perawatan_lpks",
        "issued_on": "2024-01-08",
        "months": 8,
        "placement": "residensial",
    }
    second = {**first, "id": "M-2", "issued_on": "2024-08-01", "months": 3, "extends": "M-1"}
    within = _found(_case(orders=[first, second]), "justice.extension.limit", dt.date(2024, 8, 2))
    assert within.status is Status.NEEDS_REVIEW
    longer = {**second, "months": 6}
    past = _found(_case(orders=[first, longer]), "justice.extension.limit", dt.date(2024, 8, 2))
    assert past.status is Status.NOT_MET


# --- The monthly report to the Bapas (Pasal 21 ayat (5); PP 65/2015 Pasal 85) -------------------


def test_a_monthly_progress_report_not_sent_is_overdue() -> None:
    reports = [{"kind": "laporan_perkembangan", "on": "2024-02-09", "order": "K-1"}]
    case = _case(_CHILD_10, orders=[_FIRST_12], bapas_documents=reports)
    found = _found(case, "justice.report.monthly", on=dt.date(2024, 4, 15))
    assert found.status is Status.NOT_MET
    assert "2024-03-09" in found.message.en


def test_monthly_reports_sent_on_time_are_up_to_date() -> None:
    reports = [
        {"kind": "laporan_perkembangan", "on": day, "order": "K-1"}
        for day in ("2024-02-09", "2024-03-08", "2024-04-05")
    ]
    case = _case(_CHILD_10, orders=[_FIRST_12], bapas_documents=reports)
    found = _found(case, "justice.report.monthly", on=dt.date(2024, 4, 15))
    assert found.status is Status.MET
    assert "2024-05-05" in found.message.en


def test_a_child_returned_to_the_parents_has_no_monthly_report() -> None:
    home = {**_FIRST_12, "placement": "keluarga"}
    case = _case(_CHILD_10, orders=[home])
    assert not [
        f
        for f in justice_findings(case, on=dt.date(2024, 4, 15))
        if f.rule_id == "justice.report.monthly"
    ]


# --- The juvenile court until 21 (Pasal 20) ----------------------------------------------------


def _measure_case(court_on: str) -> Case:
    subject = {**_CHILD_13, "birth_date": {"value": "2002-06-01"}}
    measure = {"id": "M-1", "kind": "tindakan_perawatan_lpks", "issued_on": "2024-03-08"}
    offence = _offence(committed_on="2020-03-01", court_on=court_on)
    return _case(subject, offence=offence, orders=[measure])


def test_an_offence_at_seventeen_brought_to_court_at_twenty_stays_in_the_juvenile_court() -> None:
    found = _found(_measure_case("2023-01-10"), "justice.court.age_21")
    assert found.status is Status.MET


def test_a_measure_for_one_brought_to_court_at_twenty_one_goes_to_review() -> None:
    found = _found(_measure_case("2023-07-10"), "justice.court.age_21")
    assert found.status is Status.NEEDS_REVIEW
    assert found.citation.article == "Pasal 20"  # type: ignore[union-attr]


# --- The professional gate (PP 39/2012 Pasal 8) and the procedure decision ----------------------


def _assessed(certified: bool) -> Case:
    assessment = {
        "id": "A-1",
        "assessed_on": "2024-03-11",
        "assessor": {"certified_social_worker": certified},
    }
    return _case(assessments=[assessment])


def test_an_assessor_not_recorded_as_certified_sends_the_case_to_review() -> None:
    decision = assess_procedure(_assessed(False), on=dt.date(2024, 3, 12))
    [finding] = decision.findings
    assert finding.rule_id == "procedure.assessor.certified"
    assert finding.status is Status.NEEDS_REVIEW
    assert decision.outcome.value == "needs_review"
    assert finding.citation is not None
    assert (finding.citation.instrument, finding.citation.article) == ("pp-39-2012", "Pasal 8")


def test_a_certified_assessor_meets_the_gate() -> None:
    decision = assess_procedure(_assessed(True), on=dt.date(2024, 3, 12))
    assert [f.status for f in decision.findings] == [Status.MET]
    assert decision.outcome.value == "eligible"


def test_an_assessment_made_before_pp_39_2012_is_not_held_to_its_gate() -> None:
    case = _case(
        opened_on="2011-03-10",
        assessments=[{"id": "A-1", "assessed_on": "2011-03-11"}],
    )
    assert assess_procedure(case, on=dt.date(2013, 3, 12)).findings == ()
    with pytest.raises(NoInstrumentInForce):  # no decision at all before PP 39/2012
        assess_procedure(case, on=dt.date(2011, 3, 12))


def test_the_procedure_decision_counts_only_what_is_dated_by_the_day_asked() -> None:
    reports = [{"kind": "laporan_perkembangan", "on": "2024-02-09", "order": "K-1"}]
    case = _case(_CHILD_10, orders=[_FIRST_12], bapas_documents=reports)
    early = assess_procedure(case, on=dt.date(2024, 1, 5))
    assert early.findings == ()  # the decision of 8 January does not exist yet
    later = assess_procedure(case, on=dt.date(2024, 4, 15))
    assert later.kind == "procedure"
    assert {f.rule_id for f in later.findings} >= {
        "justice.litmas.before_decision",
        "justice.report.monthly",
    }
    assert later.outcome.value == "not_eligible"  # a report overdue is a duty shown unmet
