"""The six technical policies as indicators: definitions as data, values in range, records."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import structure
from atensi.model import Portfolio
from atensi.rules import INDICATORS, PolicyReport, Status, evaluate_policies
from atensi.vocab import Evidence, TechnicalPolicy
from tests.strategies_model import cases, lks

D = dt.date


def portfolio(**extra: Any) -> Portfolio:
    record = {"id": "PF", "owner": "SENTRA-01", "start": "2024-01-01", "end": "2024-12-31"}
    record.update(extra)
    return structure(record, Portfolio)


CHILD = {
    "kind": "person",
    "id": "P-1",
    "nik": {"reason": "belum_terdaftar"},
    "name": "Ani",
    "birth_date": {"value": "2012-01-01"},
}
ADULT = {
    "kind": "person",
    "id": "P-2",
    "nik": "3171014103900001",
    "name": "Siti",
    "birth_date": {"value": "1990-03-01"},
}


def case(id_: str, subject: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"id": id_, "unit": "SENTRA-01", "opened_on": "2024-02-01", "subject": subject, **extra}


def test_every_policy_has_indicators_and_none_is_official() -> None:
    assert {i.policy for i in INDICATORS} == set(TechnicalPolicy)
    assert all(i.evidence is Evidence.CONVENTION for i in INDICATORS)
    assert len({i.id for i in INDICATORS}) == len(INDICATORS)
    assert all(i.formula and i.label.id and i.label.en for i in INDICATORS)


def test_rights_indicators_name_the_records_behind_a_shortfall() -> None:
    pf = portfolio(
        cases=[
            case(
                "C-ok",
                ADULT,
                consent={"on": "2024-02-02", "given_by": "subjek"},
                assessments=[{"id": "A", "assessed_on": "2024-02-03"}],
                stages=[{"stage": "intervensi", "on": "2024-02-10"}],
            ),
            case(
                "C-no-consent",
                ADULT,
                assessments=[{"id": "A", "assessed_on": "2024-02-03"}],
                stages=[{"stage": "intervensi", "on": "2024-02-10"}],
            ),
            case("C-child", CHILD, approaches=["residensial"]),
        ]
    )
    report = evaluate_policies(pf, targets={"pol.rights.consent_before_intervention": 0.9})
    values = {i.id: i for i in report.indicators}
    consent = values["pol.rights.consent_before_intervention"]
    assert (consent.numerator, consent.denominator, consent.value) == (1, 2, 0.5)
    assert consent.status is Status.NOT_MET
    assert consent.records == ("C-no-consent",)
    child = values["pol.rights.child_residential_justified"]
    assert (child.numerator, child.denominator) == (0, 1)
    assert child.status is Status.UNKNOWN  # no target given
    identified = values["pol.integration.identified"]
    assert (identified.numerator, identified.denominator) == (2, 3)


def test_reach_counts_deliveries_by_approach_in_the_period() -> None:
    delivery = {"component": "dukungan_keluarga", "provider": "LKS-1", "start": "2024-03-01"}
    pf = portfolio(
        cases=[
            case(
                "C",
                ADULT,
                deliveries=[
                    {**delivery, "id": "D1", "approach": "keluarga"},
                    {**delivery, "id": "D2", "approach": "residensial"},
                    {**delivery, "id": "D3", "approach": "komunitas", "start": "2025-02-01"},
                ],
            )
        ],
        partner_lks=[
            {
                "code": "LKS-1",
                "name": "LKS Harapan",
                "accreditation": {"grade": "b", "awarded_on": "2023-01-01"},
            }
        ],
    )
    values = {i.id: i for i in evaluate_policies(pf).indicators}
    assert values["pol.reach.family_based_deliveries"].numerator == 1
    assert values["pol.reach.residential_deliveries"].numerator == 1
    assert values["pol.reach.community_based_deliveries"].numerator == 0  # outside the period
    assert values["pol.reach.family_community_share"].value == 0.5
    assert values["pol.capacity.lks_accredited"].value == 1.0
    assert values["pol.participation.community_provider_share"].value == 1.0


def test_capacity_ratio_target_is_a_ceiling() -> None:
    pf = portfolio(
        cases=[case("C1", ADULT), case("C2", CHILD)],
        staff=[{"id": "S", "role": "peksos", "certified_social_worker": True}],
    )
    report = evaluate_policies(pf, targets={"pol.capacity.cases_per_certified_worker": 1.5})
    ratio = next(i for i in report.indicators if i.id == "pol.capacity.cases_per_certified_worker")
    assert ratio.value == 2.0
    assert ratio.status is Status.NOT_MET


def test_an_empty_portfolio_has_no_shares_only_zero_counts() -> None:
    report = evaluate_policies(portfolio())
    for value in report.indicators:
        if value.denominator is not None and value.denominator == 0:
            assert value.value is None
            assert value.status is Status.NOT_APPLICABLE


@settings(max_examples=25)
@given(data=st.data())
def test_values_lie_in_range_reports_are_deterministic_and_round_trip(data: st.DataObject) -> None:
    import attrs

    drawn_cases = data.draw(st.lists(cases(), max_size=4))
    unique = {c.id: c for c in drawn_cases}
    partners = {x.code: x for x in data.draw(st.lists(lks(), max_size=3))}
    pf = attrs.evolve(
        portfolio(), cases=tuple(unique.values()), partner_lks=tuple(partners.values())
    )
    report = evaluate_policies(pf)
    kinds = {i.id: i.kind for i in INDICATORS}
    for value in report.indicators:
        if value.value is None:
            continue
        assert value.value >= 0
        if kinds[value.id] == "share":
            assert 0 <= value.value <= 1
    assert evaluate_policies(pf) == report
    data_json = json.loads(json.dumps(report.to_json()))
    assert PolicyReport.from_json(data_json) == report
