"""The case calendar: what the law asks of a Sentra's social worker this week (issue 29)."""

from __future__ import annotations

import datetime as dt
import pathlib
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.errors import AtensiError
from atensi.model import Case
from atensi.rules.calendar import Duty, DutyKind, duties_due
from atensi.rules.procedure import assess_procedure
from atensi.testing import cases

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"

_CHILD_10 = {
    "kind": "person",
    "id": "P-1",
    "nik": {"reason": "belum_terdaftar"},
    "name": "Anak",
    "birth_date": {"value": "2013-06-01"},
}
_DECISION = {
    "id": "K-1",
    "kind": "keputusan_anak_belum_12",
    "issued_on": "2024-01-08",
    "confirmed_on": "2024-01-10",
    "starts_on": "2024-01-10",
    "months": 6,
    "placement": "residensial",
}


def _case(**fields: Any) -> Case:
    record = {"id": "C-1", "unit": "SENTRA-01", "opened_on": "2024-01-10", "subject": _CHILD_10}
    return atensi.structure({**record, **fields}, Case)


def _kinds(duties: tuple[Duty, ...]) -> list[tuple[str, str, bool]]:
    return [(d.kind.value, d.due_on.isoformat(), d.overdue) for d in duties]


def test_the_monthly_report_to_the_bapas_falls_due_this_week() -> None:
    reports = [{"kind": "laporan_perkembangan", "on": "2024-02-08", "order": "K-1"}]
    case = _case(orders=[_DECISION], bapas_documents=reports)
    assert _kinds(duties_due(case, on=dt.date(2024, 3, 4))) == [
        ("laporan_perkembangan", "2024-03-08", False)
    ]


def test_a_report_not_sent_is_listed_as_overdue_from_its_first_missed_date() -> None:
    case = _case(orders=[_DECISION])
    [duty] = duties_due(case, on=dt.date(2024, 3, 20))
    assert (duty.kind, duty.due_on, duty.overdue) == (
        DutyKind.PROGRESS_REPORT,
        dt.date(2024, 2, 10),
        True,
    )
    assert duty.citation is not None
    assert duty.citation.article == "Pasal 21 ayat (5)"


def test_the_courts_confirmation_is_expected_within_six_days_under_pp_65_2015() -> None:
    unconfirmed = {**_DECISION, "confirmed_on": None}
    duties = duties_due(_case(orders=[unconfirmed]), on=dt.date(2024, 1, 11))
    assert ("penetapan_pengadilan", "2024-01-14", False) in _kinds(duties)


def test_before_the_end_of_the_programme_the_bapas_evaluates_and_the_placement_ends() -> None:
    reports = [
        {"kind": "laporan_perkembangan", "on": f"2024-{m:02d}-05", "order": "K-1"}
        for m in range(2, 8)
    ]
    case = _case(orders=[_DECISION], bapas_documents=reports)
    duties = _kinds(duties_due(case, on=dt.date(2024, 7, 4)))
    assert ("evaluasi_bapas", "2024-07-10", False) in duties
    assert ("akhir_penempatan", "2024-07-10", False) in duties


def test_an_evaluation_made_takes_the_evaluation_off_the_calendar() -> None:
    documents = [
        {"kind": "laporan_perkembangan", "on": "2024-07-05", "order": "K-1"},
        {"kind": "evaluasi", "on": "2024-07-01", "order": "K-1", "still_needed": False},
    ]
    case = _case(orders=[_DECISION], bapas_documents=documents)
    kinds = [d.kind for d in duties_due(case, on=dt.date(2024, 7, 6))]
    assert DutyKind.BAPAS_EVALUATION not in kinds


def test_the_second_period_of_care_under_the_card_calls_for_a_new_report() -> None:
    case = _case(
        compulsory_report={
            "reported_on": "2024-01-10",
            "reported_by": "orang_tua",
            "card_issued_on": "2024-01-11",
        },
        rehabilitation_plan={"drawn_up_on": "2024-01-12", "months": 3},
        episode={"number": 2, "previous_case": "C-0", "card_period": 2},
    )
    [duty] = duties_due(case, on=dt.date(2024, 4, 8))
    assert (duty.kind, duty.due_on) == (DutyKind.CARE_PERIOD_END, dt.date(2024, 4, 12))
    assert "new report" in duty.message.en


def test_the_next_aftercare_follow_up_is_due_and_graded_a_convention() -> None:
    case = _case(termination={"on": "2024-01-20", "reason": "tujuan_tercapai"})
    [duty] = duties_due(case, on=dt.date(2024, 7, 15))
    assert (duty.kind, duty.due_on) == (DutyKind.FOLLOW_UP, dt.date(2024, 7, 20))
    assert duty.citation is not None
    assert duty.citation.evidence.value == "convention"


def test_the_order_id_is_redacted_in_json_unless_asked() -> None:
    case = _case(orders=[_DECISION])
    [duty] = duties_due(case, on=dt.date(2024, 3, 20))
    assert duty.to_json()["order"] == "<redacted>"
    assert duty.to_json(redact=False)["order"] == "K-1"


def test_a_window_that_ends_before_it_begins_is_refused_with_a_code() -> None:
    with pytest.raises(AtensiError) as raised:
        duties_due(_case(), on=dt.date(2024, 3, 20), until=dt.date(2024, 3, 1))
    assert raised.value.code == "calendar.until_before_on"


def test_a_case_with_nothing_due_has_an_empty_calendar() -> None:
    assert duties_due(_case(), on=dt.date(2024, 3, 20)) == ()


def test_an_extension_made_later_does_not_move_the_end_before_it_exists() -> None:
    extension = {**_DECISION, "id": "K-2", "issued_on": "2024-07-05", "confirmed_on": None}
    extension["starts_on"] = "2024-07-10"
    extension["extends"] = "K-1"
    reports = [
        {"kind": "laporan_perkembangan", "on": f"2024-{m:02d}-05", "order": "K-1"}
        for m in range(2, 8)
    ]
    case = _case(orders=[_DECISION, extension], bapas_documents=reports)
    assert ("akhir_penempatan", "2024-07-10", False) in _kinds(
        duties_due(case, on=dt.date(2024, 7, 4))
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "atensi", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )


def test_explain_due_lists_each_cases_duties_with_its_article() -> None:
    done = _cli(
        "explain",
        "--due",
        str(EXAMPLES / "justice.jsonl"),
        "--on",
        "2024-06-03",
        "--until",
        "2024-07-15",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "# 0 (line 1)"
    assert lines[1].startswith(
        "  2024-06-10 laporan_perkembangan: send the monthly progress report"
    )
    assert "UU 11/2012 Pasal 21 ayat (5)" in lines[1]
    assert "5 records: 5 valid, 0 invalid" in done.stderr


def test_explain_due_in_indonesian_marks_the_overdue() -> None:
    done = _cli(
        "explain", "--due", str(EXAMPLES / "justice.jsonl"), "--on", "2024-06-20", "--lang", "id"
    )
    assert done.returncode == 0, done.stderr
    assert "[terlambat]" in done.stdout
    assert "# 0 (baris 1)" in done.stdout


def test_explain_due_reports_a_record_that_is_not_a_case_and_goes_on(
    tmp_path: pathlib.Path,
) -> None:
    records = tmp_path / "cases.jsonl"
    good = (EXAMPLES / "justice.jsonl").read_text(encoding="utf-8").splitlines()[0]
    records.write_text('{"id": 1}\n' + good + "\n", encoding="utf-8")
    done = _cli("explain", "--due", str(records), "--on", "2024-06-03")
    assert done.returncode == 1
    assert "[object.missing_key]" in done.stdout
    assert "laporan_perkembangan" in done.stdout
    assert "Anak" not in done.stdout  # nothing personal in the default output


def test_explain_due_refuses_a_window_that_ends_before_it_begins() -> None:
    done = _cli(
        "explain",
        "--due",
        str(EXAMPLES / "justice.jsonl"),
        "--on",
        "2024-06-03",
        "--until",
        "2024-06-01",
    )
    assert done.returncode == 2
    assert "--until is before --on" in done.stderr


def test_explain_due_says_so_when_nothing_falls_due() -> None:
    done = _cli("explain", "--due", str(EXAMPLES / "justice.jsonl"), "--on", "2024-03-01")
    assert done.returncode == 0, done.stderr
    assert "  (nothing falls due in the window)" in done.stdout.splitlines()


def test_until_without_due_is_a_usage_error_not_ignored() -> None:
    done = _cli("explain", str(EXAMPLES / "justice.jsonl"), "--until", "2024-07-15")
    assert done.returncode == 2
    assert "--until is read only with --due" in done.stderr


def test_a_narcotics_order_is_not_given_the_juvenile_acts_periods() -> None:
    order = {
        "id": "N-1",
        "kind": "putusan_penetapan_rehabilitasi",
        "issued_on": "2024-01-08",
        "months": 6,
        "placement": "residensial",
    }
    case = _case(orders=[order])
    assert duties_due(case, on=dt.date(2024, 7, 4)) == ()


# --- Any case, any day: the documented errors or an answer ---------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=cases(), on=st.dates(), days=st.none() | st.integers(0, 4000))
def test_any_case_on_any_day_gets_duties_or_a_documented_error(
    case: Case, on: dt.date, days: int | None
) -> None:
    until = None
    if days is not None and on <= dt.date.max - dt.timedelta(days=days):
        until = on + dt.timedelta(days=days)
    try:
        duties = duties_due(case, on=on, until=until)
    except AtensiError:
        return
    assert all(isinstance(duty, Duty) for duty in duties)
    try:
        assess_procedure(case, on=on)
    except AtensiError:
        return
