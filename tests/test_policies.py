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


def test_reach_counts_distinct_beneficiaries_by_approach_and_residential_is_reach() -> None:
    delivery = {"component": "dukungan_keluarga", "provider": "LKS-1", "start": "2024-03-01"}
    pf = portfolio(
        cases=[
            case(
                "C",
                ADULT,
                deliveries=[
                    {**delivery, "id": "D1", "approach": "keluarga"},
                    {**delivery, "id": "D2", "approach": "keluarga", "start": "2024-04-01"},
                    {**delivery, "id": "D3", "approach": "residensial"},
                    {**delivery, "id": "D4", "approach": "komunitas", "start": "2025-02-01"},
                ],
            ),
            # The same person (same NIK) in a second case at another unit: still one PM.
            case("C-again", ADULT, deliveries=[{**delivery, "id": "D5", "approach": "keluarga"}]),
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
    assert values["pol.reach.pm_served"].numerator == 1
    assert values["pol.reach.family_based_pm"].numerator == 1  # three deliveries, one PM
    assert values["pol.reach.residential_pm"].numerator == 1  # reach, not a shortfall
    assert values["pol.reach.community_based_pm"].numerator == 0  # outside the period
    assert values["pol.reach.residential_pm"].records == ()
    assert values["pol.capacity.lks_accredited"].value == 1.0
    assert values["pol.participation.community_provider_share"].value == 1.0


def test_campaign_indicator_counts_campaigns_and_socialisation_only() -> None:
    pf = portfolio(
        activities=[
            {"id": "K-1", "kind": "kampanye_sosial", "on": "2024-05-05"},
            {"id": "K-2", "kind": "bimbingan_teknis", "on": "2024-05-06"},
            {"id": "K-3", "kind": "rapat_koordinasi_teknis", "on": "2024-05-07"},
            {"id": "K-4", "kind": "perumusan_pedoman", "on": "2024-05-08"},
            {
                "id": "K-5",
                "kind": "advokasi_sosial",
                "on": "2024-05-09",
                "practice": "peningkatan_kesadaran",
            },
        ]
    )
    values = {i.id: i for i in evaluate_policies(pf).indicators}
    campaigns = values["pol.campaigns.activities"]
    assert campaigns.numerator == 2
    assert dict(campaigns.breakdown) == {"kampanye_sosial": 1, "advokasi_sosial": 1}


def test_early_terminated_cases_are_judged_on_the_stages_they_reached() -> None:
    def closed(id_: str, *stages: str, last: str = "terminasi_dini") -> dict[str, Any]:
        history = [{"stage": s, "on": f"2024-02-{10 + i:02d}"} for i, s in enumerate(stages)]
        history.append({"stage": last, "on": "2024-03-01"})
        return case(
            id_,
            ADULT,
            stages=history,
            termination={"on": "2024-03-01", "reason": "tidak_memenuhi_kriteria"},
        )

    pf = portfolio(
        cases=[
            closed("C-selection", "pendekatan_awal"),  # not admitted: nothing more to hold
            closed("C-assessed", "pendekatan_awal", "asesmen"),
            closed("C-skipped-plan", "asesmen", "intervensi"),  # reached intervention unplanned
            closed("C-full", "asesmen", "rencana_intervensi", "intervensi", last="terminasi"),
        ]
    )
    history = next(
        i
        for i in evaluate_policies(pf).indicators
        if i.id == "pol.integration.complete_stage_history"
    )
    assert (history.numerator, history.denominator) == (3, 4)
    report = evaluate_policies(pf, targets={"pol.integration.complete_stage_history": 1.0})
    missed = next(i for i in report.indicators if i.id == "pol.integration.complete_stage_history")
    assert missed.records == ("C-skipped-plan",)


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
