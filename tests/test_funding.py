"""Funding checks: every finding graded, nothing ever "not met", and what is missing is unknown."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import structure
from atensi.law import editions
from atensi.model import Case, Partnership
from atensi.rules import RULES, Status, check_funding, check_partner_aid
from atensi.testing import cases
from atensi.vocab import Evidence, ServiceComponent


def funded(funding: dict[str, Any] | None, **delivery: Any) -> Case:
    record = {
        "id": "C-1",
        "unit": "S-1",
        "opened_on": "2022-01-02",
        "subject": {"kind": "community", "id": "K-1", "name": "Kampung Pemulung"},
        "deliveries": [
            {
                "id": "D-1",
                "component": "bantuan_asistensi_sosial",
                "approach": "komunitas",
                "provider": "S-1",
                "start": "2024-03-01",
                **({"funding": funding} if funding else {}),
                **delivery,
            }
        ],
    }
    return structure(record, Case)


def status(case: Case, rule_id: str, **options: Any) -> Status:
    decision = check_funding(case, case.deliveries[0], **options)
    return next(f.status for f in decision.findings if f.rule_id == rule_id)


PARTNERSHIP = structure(
    {
        "id": "M-1",
        "partner_kind": "lks",
        "partner": "LKS-07",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "agreement": "perjanjian_kerja_sama",
    },
    Partnership,
)
BANPEM_LKS = {"channel": "bantuan_pemerintah", "budget_year": 2024, "recipient_kind": "lks"}


def test_every_aid_rule_is_declared_with_a_graded_citation_and_none_is_law() -> None:
    aid = [r for r in RULES.values() if r.kind == "funding"]
    assert {r.id for r in aid} == {
        "aid.channel.basis",
        "aid.agreement.on_file",
        "aid.amount.ceiling",
        "aid.yapi.rate",
        "aid.budget_year",
        "aid.data_gate",
        "aid.decree.listed",
        "aid.channel.recipient",
    }
    for declared in aid:
        if declared.cites == "gate":  # cites the welfare-data gate of the date (secondary)
            gates = {g.citation for e in editions() for g in e.data_gates}
            assert all(c.evidence is not Evidence.VERIFIED for c in gates)
            continue
        assert declared.citations, declared.id
        if declared.id == "aid.decree.listed":
            # Permensos 15/2025 Pasal 1 angka 7, read: but a definition, so the worst is review.
            continue
        assert all(c.evidence is not Evidence.VERIFIED for c in declared.citations), declared.id


@pytest.mark.parametrize(
    ("funding", "partnerships", "expected"),
    [
        ({**BANPEM_LKS, "agreement": "PKS-12/2024"}, None, Status.MET),
        ({**BANPEM_LKS, "partnership": "M-1"}, [PARTNERSHIP], Status.MET),
        ({**BANPEM_LKS, "partnership": "M-1"}, None, Status.UNKNOWN),  # not given
        ({**BANPEM_LKS, "partnership": "M-9"}, [PARTNERSHIP], Status.NEEDS_REVIEW),
        (BANPEM_LKS, [PARTNERSHIP], Status.NEEDS_REVIEW),  # nothing on file
        ({**BANPEM_LKS, "recipient_kind": None}, None, Status.UNKNOWN),
        ({**BANPEM_LKS, "recipient_kind": "perseorangan"}, None, Status.NOT_APPLICABLE),
        ({**BANPEM_LKS, "channel": "bansos"}, None, Status.NOT_APPLICABLE),
    ],
)
def test_bantuan_pemerintah_to_an_lks_needs_an_agreement_on_file(
    funding: dict[str, Any], partnerships: list[Partnership] | None, expected: Status
) -> None:
    case = funded(funding)
    assert status(case, "aid.agreement.on_file", partnerships=partnerships) is expected


def test_a_partnership_that_does_not_run_on_the_day_is_no_agreement() -> None:
    case = funded({**BANPEM_LKS, "partnership": "M-1"}, start="2025-02-01")
    assert status(case, "aid.agreement.on_file", partnerships=[PARTNERSHIP]) is Status.NEEDS_REVIEW


def test_the_ceiling_is_the_caller_s_and_counts_cash_and_valued_items() -> None:
    items = [{"name": "gerobak", "value_idr": 4_000_000}]
    case = funded({"channel": "bansos"}, amount_idr=2_000_000, in_kind=items)
    assert status(case, "aid.amount.ceiling") is Status.NOT_APPLICABLE
    assert status(case, "aid.amount.ceiling", ceiling_idr=6_000_000) is Status.MET
    assert status(case, "aid.amount.ceiling", ceiling_idr=5_999_999) is Status.NEEDS_REVIEW
    by_component = {ServiceComponent.AID_AND_SOCIAL_ASSISTANCE: 1_000_000}
    assert status(case, "aid.amount.ceiling", ceiling_idr=by_component) is Status.NEEDS_REVIEW
    unvalued = funded({"channel": "bansos"}, amount_idr=2_000_000, in_kind=[{"name": "kasur"}])
    assert status(unvalued, "aid.amount.ceiling", ceiling_idr=6_000_000) is Status.UNKNOWN


@pytest.mark.parametrize(
    ("amount", "months", "start", "expected"),
    [
        (200_000, None, "2024-03-01", Status.MET),
        (600_000, 3, "2024-03-01", Status.MET),
        (600_000, None, "2024-03-01", Status.UNKNOWN),  # some months, not recorded how many
        (250_000, None, "2024-03-01", Status.NEEDS_REVIEW),
        (900_000, 3, "2024-03-01", Status.NEEDS_REVIEW),
        (300_000, 1, "2022-06-01", Status.MET),  # before the unification: pre-school rate
        (300_000, 1, "2023-06-01", Status.NEEDS_REVIEW),
        (None, 1, "2024-03-01", Status.UNKNOWN),
    ],
)
def test_a_yapi_payment_is_checked_against_the_published_flat_rate(
    amount: int | None, months: int | None, start: str, expected: Status
) -> None:
    funding = {"channel": "bansos", "programme": "yapi", "months": months}
    case = funded(funding, amount_idr=amount, start=start)
    assert status(case, "aid.yapi.rate") is expected


def test_the_basis_is_reviewed_in_the_year_its_regulation_s_day_is_unknown() -> None:
    assert status(funded({"channel": "bansos"}), "aid.channel.basis") is Status.MET
    uncertain = funded({"channel": "bantuan_pemerintah"}, start="2015-07-01")
    assert status(uncertain, "aid.channel.basis") is Status.NEEDS_REVIEW
    older = funded({"channel": "bansos"}, start="2012-04-01")
    assert status(older, "aid.channel.basis") is Status.UNKNOWN
    assert status(funded(None), "aid.channel.basis") is Status.NOT_APPLICABLE


def test_a_budget_year_that_is_not_the_aid_s_year_is_reviewed() -> None:
    assert status(funded({"channel": "bansos", "budget_year": 2024}), "aid.budget_year") is (
        Status.MET
    )
    assert status(funded({"channel": "bansos", "budget_year": 2023}), "aid.budget_year") is (
        Status.NEEDS_REVIEW
    )
    assert status(funded({"channel": "bansos"}), "aid.budget_year") is Status.UNKNOWN


def test_aid_under_a_partnership_rests_on_that_partnership() -> None:
    aid = structure(
        {
            "id": "M-1",
            "partner_kind": "lks",
            "partner": "LKS-07",
            "start": "2024-01-01",
            "agreement": "perjanjian_kerja_sama",
            "aid": [
                {
                    "on": "2024-05-01",
                    "recipient_kind": "masyarakat",
                    "recipient": "Kampung",
                    "amount_idr": 15_000_000,
                    "funding": {"channel": "bantuan_pemerintah", "recipient_kind": "masyarakat"},
                }
            ],
        },
        Partnership,
    )
    decision = check_partner_aid(aid, aid.aid[0], edition="atensi-2021")
    statuses = {f.rule_id: f.status for f in decision.findings}
    assert statuses["aid.agreement.on_file"] is Status.MET
    assert statuses["aid.channel.recipient"] is Status.MET  # a community may get bantuan pemerintah
    assert decision.edition == "atensi-2021"  # the caller's pin reaches the decision
    assert decision.kind == "funding"


@settings(max_examples=40)
@given(case=cases(), ceiling=st.none() | st.integers(0, 10_000_000))
def test_funding_checks_never_say_no(case: Case, ceiling: int | None) -> None:
    for delivery in case.deliveries:
        if delivery.start < dt.date(2012, 3, 5):
            continue
        decision = check_funding(case, delivery, ceiling_idr=ceiling, partnerships=())
        assert all(f.status is not Status.NOT_MET for f in decision.findings)
        assert all(f.rule_id.startswith("aid.") for f in decision.findings)


@pytest.mark.parametrize(
    ("funding", "start", "expected"),
    [
        ({"channel": "bansos", "recipient_kind": "perseorangan"}, "2024-03-01", Status.MET),
        ({"channel": "bansos", "recipient_kind": "lks"}, "2013-03-01", Status.MET),
        (
            {"channel": "bansos", "recipient_kind": "lembaga_pemerintah"},
            "2024-03-01",
            Status.NEEDS_REVIEW,
        ),
        (
            {"channel": "bantuan_pemerintah", "recipient_kind": "lembaga_pemerintah"},
            "2024-03-01",
            Status.MET,
        ),
        # PMK 168/PMK.05/2015: persons, community groups, institutions; no family as such.
        (
            {"channel": "bantuan_pemerintah", "recipient_kind": "keluarga"},
            "2016-03-01",
            Status.NEEDS_REVIEW,
        ),
        ({"channel": "bantuan_pemerintah", "recipient_kind": "kelompok"}, "2016-03-01", Status.MET),
        ({"channel": "bansos"}, "2024-03-01", Status.UNKNOWN),  # kind not recorded
        # Before PMK 81/PMK.05/2012 (1 June 2012) atensi holds nothing on bansos's recipients.
        ({"channel": "bansos", "recipient_kind": "keluarga"}, "2012-05-31", Status.UNKNOWN),
    ],
)
def test_the_channel_reaches_the_recipients_its_regulation_names(
    funding: dict[str, Any], start: str, expected: Status
) -> None:
    case = funded({**funding, "budget_year": int(start[:4])}, start=start)
    decision = check_funding(case, case.deliveries[0])
    found = next(f for f in decision.findings if f.rule_id == "aid.channel.recipient")
    assert found.status is expected
    if expected is not Status.UNKNOWN:
        assert found.citation is not None
        assert found.citation.evidence is Evidence.SECONDARY
        assert found.citation in RULES["aid.channel.recipient"].citations
