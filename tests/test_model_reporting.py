"""Funding, outcomes, follow-ups and report parameters: bad input is refused with every path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from atensi import InvalidRecord, structure
from atensi.law import CHANNEL_REGIMES, channel_exists, funding_basis, get
from atensi.model import (
    Case,
    InKindItem,
    PartnerAid,
    PartnerKind,
    Period,
    PmTarget,
    ServiceDelivery,
)
from atensi.vocab import Approach, FundingChannel, ServiceComponent

D = dt.date
BANSOS, BANPEM = FundingChannel.SOCIAL_ASSISTANCE, FundingChannel.GOVERNMENT_ASSISTANCE


def problems(record: dict[str, Any], cls: type[Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(InvalidRecord) as info:
        structure(record, cls)
    return [(e.loc, e.code) for e in info.value.errors]


def delivery(**extra: Any) -> dict[str, Any]:
    return {
        "id": "D-1",
        "component": "bantuan_asistensi_sosial",
        "approach": "keluarga",
        "provider": "S-1",
        "start": "2024-03-01",
        **extra,
    }


def case(**extra: Any) -> dict[str, Any]:
    return {
        "id": "C-1",
        "unit": "S-1",
        "opened_on": "2024-01-02",
        "subject": {"kind": "community", "id": "K-1", "name": "Kampung"},
        **extra,
    }


def test_every_channel_regime_names_an_instrument_of_the_catalogue() -> None:
    for regime in CHANNEL_REGIMES:
        assert get(regime.instrument).id == regime.instrument
        assert regime.earliest <= regime.certain_from
    assert "pmk-81-pmk.05-2012" in get("pmk-254-pmk.05-2015").replaces


def test_a_channel_basis_is_certain_only_where_its_regulation_s_day_is_known() -> None:
    assert funding_basis(BANSOS, D(2012, 5, 31)) is None  # before the catalogue: unknown
    assert channel_exists(BANSOS, D(2012, 5, 31)) is None
    assert channel_exists(BANPEM, D(2014, 12, 31)) is False  # the category did not exist
    uncertain = funding_basis(BANPEM, D(2015, 7, 1))
    assert uncertain is not None
    assert not uncertain.certain
    changing = funding_basis(BANSOS, D(2015, 7, 1))
    assert changing is not None
    assert changing.governing == ("pmk-81-pmk.05-2012", "pmk-254-pmk.05-2015")
    settled = funding_basis(BANPEM, D(2021, 6, 1))
    assert settled is not None
    assert settled.certain
    assert settled.also == ("pmk-173-pmk.05-2016", "permensos-11-2020")


@pytest.mark.parametrize(
    ("amount", "code"),
    [
        (-1, "number.too_small"),
        (1.5, "type.integer"),
        (True, "type.integer"),
        ("5", "type.integer"),
    ],
)
def test_amounts_are_whole_non_negative_rupiah_at_the_boundary(amount: object, code: str) -> None:
    assert problems(delivery(amount_idr=amount), ServiceDelivery) == [(("amount_idr",), code)]
    item = {"name": "kursi roda", "value_idr": amount}
    assert problems(delivery(in_kind=[item]), ServiceDelivery) == [
        (("in_kind", 0, "value_idr"), code)
    ]


@pytest.mark.parametrize("amount", [1.5, True, 2.0])
def test_direct_construction_refuses_what_is_not_a_whole_number_of_rupiah(amount: Any) -> None:
    with pytest.raises(InvalidRecord) as info:
        InKindItem(name="paket sembako", value_idr=amount)
    assert info.value.errors[0].code == "type.integer"
    with pytest.raises(InvalidRecord):
        ServiceDelivery(
            id="D",
            component=ServiceComponent.THERAPY,
            approach=Approach.RESIDENTIAL,
            provider="S",
            start=D(2024, 1, 1),
            amount_idr=amount,
        )


def test_a_channel_that_did_not_exist_on_the_date_is_refused_with_its_path() -> None:
    early = delivery(start="2014-06-01", funding={"channel": "bantuan_pemerintah"})
    assert problems(case(deliveries=[early]), Case) == [
        (("deliveries", 0, "funding", "channel"), "funding.channel_not_in_force")
    ]
    aid = {"on": "2013-01-01", "recipient_kind": "lks", "recipient": "LKS-1"}
    assert problems({**aid, "funding": {"channel": "bantuan_pemerintah"}}, PartnerAid) == [
        (("funding", "channel"), "funding.channel_not_in_force")
    ]
    # Merely uncertain (2015: the PMK's day is unknown) is valid shape; a rule reviews it.
    assert (
        structure(
            delivery(start="2015-06-01", funding={"channel": "bantuan_pemerintah"}), ServiceDelivery
        ).funding
        is not None
    )
    assert structure({**aid, "funding": {"channel": "bansos"}}, PartnerAid).recipient_kind is (
        PartnerKind.LKS
    )


def test_an_unknown_channel_and_a_typo_d_funding_key_are_reported_together() -> None:
    bad = delivery(funding={"channel": "hibah", "budget_yr": 2024, "months": 0})
    assert problems(bad, ServiceDelivery) == [
        (("funding", "budget_yr"), "object.unknown_key"),
        (("funding", "channel"), "enum.unknown"),
        (("funding", "months"), "number.too_small"),
    ]


def test_an_outcome_or_follow_up_before_termination_is_refused() -> None:
    closing = {
        "on": "2024-06-30",
        "reason": "tujuan_tercapai",
        "outcome": {"recorded_on": "2024-06-29", "functioning_improved": True},
    }
    assert problems(case(termination=closing), Case) == [
        (("termination", "outcome", "recorded_on"), "termination.outcome_before_termination")
    ]
    closing["outcome"] = {"recorded_on": "2024-06-30"}
    early = {"on": "2024-06-01", "months_after": 6}
    assert problems(case(termination=closing, followups=[early]), Case) == [
        (("followups", 0, "on"), "case.followup_before_termination")
    ]
    assert problems(case(followups=[early]), Case) == [
        (("followups", 0), "case.followup_without_termination")
    ]
    twice = [{"on": "2025-01-02", "months_after": 6}, {"on": "2025-01-05", "months_after": 6}]
    assert problems(case(termination=closing, followups=twice), Case) == [
        (("followups", 1), "array.duplicate")
    ]


def test_a_period_whose_end_precedes_its_start_is_refused() -> None:
    assert problems({"start": "2024-12-31", "end": "2024-01-01"}, Period) == [
        (("end",), "date.before_start")
    ]


def test_targets_name_known_codes_and_a_regency_within_its_province() -> None:
    assert problems(
        {"pm": 0, "period": "2024-13", "target": "klaster", "province": "99", "kind": "desa"},
        PmTarget,
    ) == [
        (("pm",), "number.too_small"),
        (("period",), "report.period_label"),
        (("kind",), "enum.unknown"),
        (("target",), "enum.unknown"),
        (("province",), "region.unknown"),
    ]
    assert problems({"pm": 5, "province": "31", "regency": "7371"}, PmTarget) == [
        (("regency",), "report.regency_outside_province")
    ]
    goal = structure({"pm": 40, "period": "2024-Q3", "regency": "3171"}, PmTarget)
    assert goal.axes() == (("period", "2024-Q3"), ("regency", "3171"))
