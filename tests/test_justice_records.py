"""The records of juvenile justice and compulsory reporting: what a user can rely on (issue 29)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings

import atensi
from atensi.errors import InvalidRecord
from atensi.model import Case, CompulsoryReport, Offence, PlanPart, RehabilitationPlan
from atensi.testing import cases, compulsory_reports, offences
from atensi.vocab import AgencyKind, ConsentGiver

_CASE = {
    "id": "C-1",
    "unit": "SENTRA-01",
    "opened_on": "2024-03-10",
    "subject": {
        "kind": "person",
        "id": "P-1",
        "nik": {"reason": "belum_terdaftar"},
        "name": "Anak",
        "birth_date": {"value": "2013-05-01"},
    },
    "offence": {"committed_on": "2024-03-01", "max_penalty_months": 60, "victim": "anak"},
    "orders": [{"id": "K-1", "kind": "keputusan_anak_belum_12", "issued_on": "2024-03-08"}],
    "bapas_documents": [{"kind": "litmas", "on": "2024-03-05", "order": "K-1"}],
    "compulsory_report": {
        "reported_on": "2024-03-02",
        "reported_by": "orang_tua",
        "assessment": {"assessed_on": "2024-03-03", "medical": True, "social": True},
        "card_issued_on": "2024-03-03",
        "card_number": "KLD-77",
    },
    "rehabilitation_plan": {
        "drawn_up_on": "2024-03-04",
        "medical": {"provider_kind": "rumah_sakit", "starts_on": "2024-03-05"},
        "social": {"provider_kind": "upt_kemensos", "starts_on": "2024-04-05"},
    },
    "episode": {"number": 2, "previous_case": "C-0", "card_period": 2},
}


def test_a_case_holds_the_offence_bapas_documents_report_plan_and_episode() -> None:
    case = atensi.structure(_CASE, Case)
    assert case.offence is not None
    assert case.offence.max_penalty_months == 60
    assert [d.kind.value for d in case.bapas_documents] == ["litmas"]
    assert case.compulsory_report is not None
    assert case.compulsory_report.assessment is not None
    assert case.rehabilitation_plan is not None
    assert case.rehabilitation_plan.medical_first
    assert case.episode is not None
    assert case.episode.previous_case == "C-0"
    assert atensi.structure(atensi.unstructure(case), Case) == case


def test_a_bapas_document_names_an_order_of_the_same_case() -> None:
    record = {**_CASE, "bapas_documents": [{"kind": "evaluasi", "on": "2024-03-09", "order": "X"}]}
    with pytest.raises(InvalidRecord) as raised:
        atensi.structure(record, Case)
    [problem] = raised.value.errors
    assert problem.loc == ("bapas_documents", 0, "order")
    assert problem.code == "case.document_unknown_order"


def test_the_offence_reaches_court_after_it_was_committed() -> None:
    record = {**_CASE, "offence": {"committed_on": "2024-03-01", "court_on": "2024-02-01"}}
    with pytest.raises(InvalidRecord) as raised:
        atensi.structure(record, Case)
    assert [e.loc for e in raised.value.errors] == [("offence", "court_on")]


def test_criminal_record_and_health_data_stay_out_of_reprs() -> None:
    case = atensi.structure(_CASE, Case)
    shown = repr(case)
    assert "2024-03-01" not in shown  # the offence date
    assert "KLD-77" not in shown  # the self-report card's number
    assert "60" not in repr(case.offence)


def test_a_repeat_counts_an_earlier_diversion_and_unknown_stays_unknown() -> None:
    assert Offence(repeat_offence=False, earlier_diversion=True).repeat is True
    assert Offence(repeat_offence=False, earlier_diversion=False).repeat is False
    assert Offence(repeat_offence=False).repeat is None


def test_a_plan_starts_with_medical_rehabilitation_or_says_it_cannot_tell() -> None:
    day = dt.date(2024, 1, 1)
    hospital = PlanPart(provider_kind=AgencyKind.HOSPITAL, starts_on=day)
    later = PlanPart(provider_kind=AgencyKind.MINISTRY_UNIT, starts_on=day + dt.timedelta(30))
    undated = PlanPart(provider_kind=AgencyKind.MINISTRY_UNIT)
    assert RehabilitationPlan(drawn_up_on=day, medical=hospital, social=later).medical_first
    assert (
        RehabilitationPlan(drawn_up_on=day, medical=later, social=hospital).medical_first is False
    )
    assert RehabilitationPlan(drawn_up_on=day, social=later).medical_first is False
    assert (
        RehabilitationPlan(drawn_up_on=day, medical=hospital, social=undated).medical_first is None
    )
    assert RehabilitationPlan(drawn_up_on=day).medical_first is None


def test_the_card_is_not_given_before_the_report() -> None:
    with pytest.raises(InvalidRecord):
        CompulsoryReport(
            reported_on=dt.date(2024, 3, 2),
            reported_by=ConsentGiver.SUBJECT,
            card_issued_on=dt.date(2024, 3, 1),
        )


@settings(max_examples=60, deadline=None)
@given(offences(), compulsory_reports(), cases())
def test_generated_records_are_valid_records(
    offence: Offence, report: CompulsoryReport, case: Case
) -> None:
    for record, cls in ((offence, Offence), (report, CompulsoryReport), (case, Case)):
        assert atensi.structure(atensi.unstructure(record), cls) == record
