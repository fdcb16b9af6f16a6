"""Protection law cuts across clusters (issue 24): the behaviours the scenarios do not pin alone.

The named scenarios (``atensi.scenarios``, tagged with a ``principle``) hold the outcomes; these
tests hold what lies around them: the court-order record, the policy indicator agreeing with the
services, the region successors, the seeds' dates, and the new facts at the boundary.
"""

from __future__ import annotations

import datetime as dt
import pathlib
from typing import Any

import pytest
from hypothesis import given, settings

import atensi
from atensi import InvalidRecord, json_schema, structure
from atensi.law import get, instrument_in_force
from atensi.law import source as law_source
from atensi.model import Case, Consent, CourtOrder, Person, Portfolio, order_limit_months
from atensi.regions import split_into, successors
from atensi.rules import Status, check_transition, evaluate_policies, recommend_services
from atensi.rules.children import child_residential_finding
from atensi.rules.orders import assess_order
from atensi.scenarios import SCENARIOS
from atensi.testing import court_orders, emergencies, incapacities
from atensi.vocab import CaseStage, EmergencyKind, Evidence, LegalBasisKind, TechnicalPolicy

D = dt.date
ROOT = pathlib.Path(__file__).parent.parent


def _case(**extra: Any) -> Case:
    record = {
        "id": "C-1",
        "unit": "U",
        "opened_on": "2024-01-05",
        "subject": {
            "kind": "person",
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "2009-04-04"},
        },
        **extra,
    }
    return structure(record, Case)


_MEASURE = {
    "id": "O-1",
    "kind": "tindakan_perawatan_lpks",
    "issued_on": "2024-01-03",
    "issued_by": "pengadilan",
    "offence_on": "2023-08-01",
    "months": 12,
    "placement": "residensial",
}


# --- The court order as a record ----------------------------------------------------------------


def test_an_order_runs_for_its_period_within_the_law_limit() -> None:
    order = structure(_MEASURE, CourtOrder)
    assert order.ends_on() == D(2025, 1, 3)
    # A period longer than the law allows ends at the law's limit (Pasal 82 ayat (2): a year).
    long = structure({**_MEASURE, "months": 30}, CourtOrder)
    assert long.ends_on() == D(2025, 1, 3)
    # A Pasal 21 decision runs at most six months from its start.
    under_twelve = structure(
        {**_MEASURE, "kind": "keputusan_anak_belum_12", "starts_on": "2024-02-01", "months": 12},
        CourtOrder,
    )
    assert under_twelve.ends_on() == D(2024, 8, 1)
    assert order_limit_months(LegalBasisKind.NARCOTICS_ORDER, D(2024, 1, 3)) is None
    # The limits are dated parameters of the law: none before UU 11/2012 came into force.
    assert order_limit_months(LegalBasisKind.SPPA_MEASURE, D(2014, 7, 29)) is None
    assert order_limit_months(LegalBasisKind.SPPA_DIVERSION, D(2014, 7, 30)) == 3


def test_an_order_keeps_its_dates_in_order_and_names_an_earlier_order_it_extends() -> None:
    with pytest.raises(InvalidRecord) as before:
        structure({**_MEASURE, "offence_on": "2024-02-01"}, CourtOrder)
    assert [e.code for e in before.value.errors] == ["date.before_start"]
    with pytest.raises(InvalidRecord) as unknown:
        _case(orders=[{**_MEASURE, "id": "O-2", "extends": "O-9"}])
    assert [(e.loc, e.code) for e in unknown.value.errors] == [
        (("orders", 0, "extends"), "case.extends_unknown_order")
    ]
    extended = _case(orders=[_MEASURE, {**_MEASURE, "id": "O-2", "extends": "O-1"}])
    assert extended.orders[1].extends == "O-1"


def test_an_order_hides_its_number_and_the_offence_date() -> None:
    order = structure({**_MEASURE, "reference": "12/Pid.Sus-Anak/2024"}, CourtOrder)
    shown = repr(order)
    assert "12/Pid" not in shown
    assert "2023-08-01" not in shown


def test_the_json_schema_holds_the_new_facts() -> None:
    case = json_schema(Case)
    defs = case["$defs"]
    assert {"orders", "emergencies", "alleged_perpetrator"} <= set(case["properties"])
    assert {"parent_unreachable", "best_interest_recorded"} <= set(defs["Consent"]["properties"])
    assert "incapacity" in defs["Person"]["properties"]
    assert set(defs["CourtOrder"]["properties"]) >= {
        "kind",
        "issued_on",
        "issued_by",
        "confirmed_on",
        "starts_on",
        "months",
        "until",
        "offence_on",
        "placement",
        "extends",
    }
    assert set(defs["EmergencyKind"]["enum"]) == set(EmergencyKind.codes())


@settings(max_examples=40)
@given(court_orders())
def test_generated_orders_round_trip_and_end_no_earlier_than_they_start(order: CourtOrder) -> None:
    assert structure(atensi.unstructure(order), CourtOrder) == order
    end = order.ends_on()
    assert end is None or end >= order.start


@settings(max_examples=25)
@given(emergencies(), incapacities())
def test_generated_emergencies_and_incapacities_hold_from_their_first_day(
    emergency: atensi.model.Emergency, incapacity: atensi.model.Incapacity
) -> None:
    # "until" is exclusive: a situation that ended on its first day never held.
    if emergency.until is None or emergency.until > emergency.since:
        assert emergency.holds_on(emergency.since)
    if incapacity.annulled_on is None or incapacity.annulled_on > incapacity.declared_on:
        assert incapacity.holds_on(incapacity.declared_on)


# --- An order binds -------------------------------------------------------------------------------


def test_an_order_justifies_its_placement_for_the_services_and_the_policy_indicator_alike() -> None:
    ordered = _case(
        approaches=["residensial"],
        plan={"drawn_up_on": "2024-01-12", "approaches": ["residensial"]},
        orders=[_MEASURE],
    )
    plan = {"drawn_up_on": "2024-01-12", "approaches": ["residensial"]}
    unordered = _case(id="C-2", approaches=["residensial"], plan=plan)
    finding = child_residential_finding(ordered)
    assert finding is not None
    assert finding.status is Status.MET
    assert finding.citation is not None
    assert finding.citation.instrument == "uu-11-2012"
    before = child_residential_finding(unordered)
    assert before is not None
    assert before.status is Status.NEEDS_REVIEW
    portfolio = Portfolio(
        id="PF", owner="U", start=D(2024, 1, 1), end=D(2024, 12, 31), cases=(ordered, unordered)
    )
    report = evaluate_policies(portfolio, period=(D(2024, 1, 1), D(2024, 12, 31)))
    indicator = next(
        v for v in report.indicators if v.id == "pol.rights.child_residential_justified"
    )
    assert (indicator.numerator, indicator.denominator) == (1, 2)


def test_the_order_is_recommended_over_a_screening_that_only_proposed_residential_care() -> None:
    adult = {
        "kind": "person",
        "id": "P",
        "nik": {"reason": "belum_terdaftar"},
        "name": "A",
        "birth_date": {"value": "1990-01-01"},
        "drug_use": {"status": "pecandu_narkotika", "risk": "tinggi"},
    }
    case = _case(
        subject=adult,
        assessments=[{"id": "A-1", "assessed_on": "2024-01-10"}],
        orders=[{**_MEASURE, "kind": "putusan_penetapan_rehabilitasi", "offence_on": None}],
    )
    decision = recommend_services(case, on=D(2024, 3, 1))
    assert dict(decision.targets)["approach:residensial"].value == "eligible"
    assert "svc.order.placement" in decision.rule_ids()


def test_assess_order_reads_the_age_at_the_offence_not_today() -> None:
    under_twelve = {
        **_MEASURE,
        "kind": "keputusan_anak_belum_12",
        "issued_on": "2021-03-01",
        "offence_on": "2021-02-01",
    }
    case = _case(orders=[under_twelve])  # born 2009-04-04: eleven at the offence
    decision = assess_order(case, case.orders[0], on=D(2021, 4, 1))
    assert decision.kind == "order"
    found = {f.rule_id: f.status for f in decision.findings}
    assert found["case.order.age_at_offence"] is Status.MET
    no_date = _case(orders=[{**under_twelve, "offence_on": None}])
    unknown = assess_order(no_date, no_date.orders[0], on=D(2021, 4, 1))
    assert {f.rule_id: f.status for f in unknown.findings}["case.order.age_at_offence"] is (
        Status.UNKNOWN
    )


def test_a_withdrawn_consent_does_not_end_an_order_that_runs() -> None:
    case = _case(
        stages=[
            {"stage": "pendekatan_awal", "on": "2024-01-05"},
            {"stage": "asesmen", "on": "2024-01-10"},
            {"stage": "rencana_intervensi", "on": "2024-01-12"},
        ],
        assessments=[{"id": "A-1", "assessed_on": "2024-01-10"}],
        consent={"on": "2024-01-05", "given_by": "orang_tua", "withdrawn_on": "2024-01-11"},
        orders=[_MEASURE],
    )
    decision = check_transition(case, CaseStage.INTERVENTION, on=D(2024, 1, 15))
    assert decision.outcome.value == "eligible"
    assert "case.consent.order_period" in decision.rule_ids()


# --- Consent: the new facts -----------------------------------------------------------------------


def test_the_consent_record_and_the_person_hold_the_new_facts() -> None:
    consent = structure(
        {
            "on": "2024-01-05",
            "given_by": "keluarga",
            "parent_unreachable": True,
            "best_interest_recorded": True,
        },
        Consent,
    )
    assert consent.parent_unreachable is True
    person = structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "incapacity": {"declared_on": "2023-05-02", "annulled_on": "2024-02-01"},
        },
        Person,
    )
    assert person.incapacity is not None
    assert person.incapacity.holds_on(D(2024, 1, 31))
    assert not person.incapacity.holds_on(D(2024, 2, 1))
    with pytest.raises(InvalidRecord):
        structure({"on": "2024-01-05", "given_by": "subjek", "parent_unreachable": "yes"}, Consent)


# --- Regions: retired codes and split provinces ------------------------------------------------


def test_retired_papua_codes_continue_in_the_new_provinces() -> None:
    assert successors("9101") == ("9301",)  # Merauke, Papua -> Papua Selatan
    assert successors("9271") == ("9671",)  # Kota Sorong, Papua Barat -> Papua Barat Daya
    assert successors("3171") == ()  # current
    assert split_into("91") == ("93", "94", "95")
    assert split_into("92") == ("96",)
    assert split_into("73") == ()


# --- Facts the seeds state --------------------------------------------------------------------


def test_the_rakornas_ran_three_days_as_the_seeds_say() -> None:
    source = TechnicalPolicy.RIGHTS.citation
    assert source is not None
    assert source.source == "detik-2020-12-12-kebijakan-teknis"
    assert "10-12 December 2020" in (law_source(source.source).read or "")
    page = (ROOT / "docs" / "policies.md").read_text()
    assert "10-12 December 2020" in page
    assert "10-11" not in page


def test_the_progres_baseline_rests_on_the_platform_not_on_permensos_16_2019() -> None:
    progres = instrument_in_force(D(2020, 1, 1))
    assert progres.id == "progres-2019"
    assert progres.targets_citation.instrument is None
    assert progres.targets_citation.evidence is Evidence.SECONDARY
    assert "national standard" in (get("permensos-16-2019").note or "")


def test_every_principle_is_pinned_by_named_scenarios() -> None:
    principles = {s.get("principle") for s in SCENARIOS} - {None}
    assert principles >= {
        "emergencies",
        "consent",
        "orders",
        "victims",
        "aid_gates",
        "letters",
        "regions",
        "exits",
    }
