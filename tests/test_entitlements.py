"""Entitlements and their cycles (issue 26): what falls due, what stops it, what was overpaid."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import atensi
from atensi.errors import InvalidRecord
from atensi.model import BeneficiaryDecree, Case
from atensi.rules import (
    Outcome,
    Status,
    check_entitlement,
    cycles_due,
    entitlement_cycles,
    overpaid,
)
from atensi.testing import cases

D = dt.date


def _case(
    *,
    birth: Any = "2010-03-15",
    entitlement: dict[str, Any] | None = None,
    payments: list[dict[str, Any]] = (),  # type: ignore[assignment]
    termination: dict[str, Any] | None = None,
    assessments: list[dict[str, Any]] = (),  # type: ignore[assignment]
) -> Case:
    person: dict[str, Any] = {
        "kind": "person",
        "id": "P-1",
        "name": "Sari",
        "nik": "3171010101100001",
    }
    if birth is not None:
        person["birth_date"] = {"value": birth} if isinstance(birth, str) else birth
    record: dict[str, Any] = {
        "id": "C-1",
        "unit": "SENTRA-01",
        "opened_on": "2023-01-02",
        "subject": person,
        "entitlements": [
            {
                "id": "E-1",
                "programme": "yapi",
                "channel": "bansos",
                "starts_on": "2024-01-01",
                **(entitlement or {}),
            }
        ],
        "deliveries": [
            {
                "id": f"D-{n}",
                "component": "bantuan_asistensi_sosial",
                "approach": "keluarga",
                "provider": "SENTRA-01",
                "entitlement": "E-1",
                **payment,
            }
            for n, payment in enumerate(payments, 1)
        ],
        "assessments": list(assessments),
    }
    if termination is not None:
        record["termination"] = termination
    return atensi.structure(record, Case)


def _yapi(start: str, amount: int, months: int | None = None, **more: Any) -> dict[str, Any]:
    funding: dict[str, Any] = {
        "channel": "bansos",
        "budget_year": int(start[:4]),
        "programme": "yapi",
    }
    if months is not None:
        funding["months"] = months
    funding.update(more)
    return {"start": start, "amount_idr": amount, "funding": funding}


def _statuses(cycles: Any) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(c.starts_on.isoformat(), c.status.value, c.stopped_by) for c in cycles]


def test_cycles_stop_on_the_first_cycle_after_the_eighteenth_birthday() -> None:
    case = _case(birth="2006-03-15", entitlement={"starts_on": "2023-11-01"})
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 6, 1))
    assert _statuses(cycles) == [
        ("2024-01-01", "met", ()),
        ("2024-02-01", "met", ()),
        ("2024-03-01", "met", ()),  # 17 on its first day: the March cycle is still due
        ("2024-04-01", "needs_review", ("aid.entitlement.age",)),
        ("2024-05-01", "needs_review", ("aid.entitlement.age",)),
    ]
    assert [c.amount_idr for c in cycles] == [200_000, 200_000, 200_000, None, None]
    due = cycles_due(case, start=D(2024, 1, 1), end=D(2024, 6, 1))
    assert [c.starts_on for c in due] == [D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)]


def test_the_age_limit_is_the_dated_parameter_and_never_a_refusal() -> None:
    case = _case(birth="2000-01-01")
    decision = check_entitlement(case, case.entitlements[0], on=D(2024, 2, 10))
    age = next(f for f in decision.findings if f.rule_id == "aid.entitlement.age")
    assert age.status is Status.NEEDS_REVIEW
    assert age.citation is not None
    assert age.citation.source == "ayobogor-yapi"
    assert decision.outcome is Outcome.NEEDS_REVIEW
    assert all(f.status is not Status.NOT_MET for f in decision.findings)


def test_an_unknown_birth_date_is_undetermined_not_stopped() -> None:
    case = _case(birth=None)
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 3, 1))
    assert [c.status for c in cycles] == [Status.UNKNOWN, Status.UNKNOWN]
    assert all(c.stopped_by == () for c in cycles)
    assert check_entitlement(case, case.entitlements[0], on=D(2024, 1, 5)).outcome is (
        Outcome.UNDETERMINED
    )
    # ... and a year-only birth date that straddles the limit on the day is unknown too.
    vague = _case(birth={"value": "2006-01-01", "precision": "tahun"})
    cycles = entitlement_cycles(
        vague, vague.entitlements[0], start=D(2024, 6, 1), end=D(2024, 7, 1)
    )
    assert cycles[0].status is Status.UNKNOWN
    # Nothing unknown is ever counted as overpaid.
    paid = _case(birth=None, payments=[_yapi("2024-01-20", 200_000)])
    assert overpaid(paid, on=D(2024, 12, 31)) == ()


def test_a_death_mid_cycle_stops_the_next_cycle_not_the_running_one() -> None:
    case = _case(
        termination={"on": "2024-05-20", "reason": "meninggal_dunia"},
        payments=[_yapi("2024-05-02", 200_000), _yapi("2024-06-03", 200_000)],
    )
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 5, 1), end=D(2024, 7, 1))
    assert _statuses(cycles) == [
        ("2024-05-01", "met", ()),
        ("2024-06-01", "needs_review", ("aid.entitlement.death",)),
    ]
    found = overpaid(case, on=D(2024, 12, 31))
    assert [(o.delivery, o.cycle_start, o.amount_idr, o.rule_ids) for o in found] == [
        ("D-2", D(2024, 6, 1), 200_000, ("aid.entitlement.death",))
    ]


def test_a_payment_after_termination_is_overpaid() -> None:
    case = _case(
        termination={"on": "2024-03-10", "reason": "tujuan_tercapai"},
        payments=[_yapi("2024-03-05", 200_000), _yapi("2024-04-05", 200_000)],
    )
    found = overpaid(case, on=D(2024, 12, 31))
    assert [(o.delivery, o.rule_ids, o.status) for o in found] == [
        ("D-2", ("aid.entitlement.case_open",), Status.NEEDS_REVIEW)
    ]
    # Asked before the payment was made, it is not yet overpaid.
    assert overpaid(case, on=D(2024, 3, 31)) == ()


def test_a_payment_covering_three_months_pays_three_cycles() -> None:
    case = _case(payments=[_yapi("2024-03-25", 600_000, months=3)])
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 5, 1))
    assert [(c.starts_on, c.paid_idr) for c in cycles] == [
        (D(2024, 1, 1), 200_000),
        (D(2024, 2, 1), 200_000),
        (D(2024, 3, 1), 200_000),
        (D(2024, 4, 1), 0),
    ]
    assert overpaid(case, on=D(2024, 12, 31)) == ()
    # Paid forward from a stated month, and at a rate above the parameter: the excess shows.
    more = _case(payments=[_yapi("2024-01-05", 900_000, months=3, covers_from="2024-02-01")])
    found = overpaid(more, on=D(2024, 12, 31))
    assert [(o.cycle_start, o.amount_idr, o.rule_ids) for o in found] == [
        (D(2024, 2, 1), 100_000, ("aid.entitlement.amount",)),
        (D(2024, 3, 1), 100_000, ("aid.entitlement.amount",)),
        (D(2024, 4, 1), 100_000, ("aid.entitlement.amount",)),
    ]


def test_a_payment_before_the_entitlement_starts_is_overpaid() -> None:
    case = _case(payments=[_yapi("2023-10-05", 200_000)])
    found = overpaid(case, on=D(2024, 12, 31))
    assert [(o.cycle_start, o.amount_idr, o.rule_ids) for o in found] == [
        (None, 200_000, ("aid.entitlement.term",))
    ]


def test_the_entitlements_own_end_stops_its_cycles() -> None:
    case = _case(entitlement={"until": "2024-03-01"})
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 5, 1))
    assert _statuses(cycles)[1:] == [
        ("2024-02-01", "met", ()),
        ("2024-03-01", "needs_review", ("aid.entitlement.term",)),
        ("2024-04-01", "needs_review", ("aid.entitlement.term",)),
    ]


def _decree(valid_until: str | None) -> BeneficiaryDecree:
    return atensi.structure(
        {
            "id": "SK-1",
            "number": "7/2025",
            "issued_on": "2025-01-10",
            "issued_by": "SENTRA-01",
            "valid_from": "2025-01-01",
            "valid_until": valid_until,
            "beneficiaries": [{"subject": "P-1"}],
        },
        BeneficiaryDecree,
    )


def test_a_cycle_after_its_decree_expired_is_stopped() -> None:
    case = _case(entitlement={"starts_on": "2025-11-01", "decree": "SK-1"})
    cycles = entitlement_cycles(
        case,
        case.entitlements[0],
        start=D(2025, 11, 1),
        end=D(2026, 3, 1),
        decrees=[_decree("2026-01-01")],
    )
    assert _statuses(cycles) == [
        ("2025-11-01", "met", ()),
        ("2025-12-01", "met", ()),
        ("2026-01-01", "needs_review", ("aid.entitlement.decree",)),
        ("2026-02-01", "needs_review", ("aid.entitlement.decree",)),
    ]
    # Decrees not given: unknown, not stopped.
    blind = entitlement_cycles(case, case.entitlements[0], start=D(2026, 1, 1), end=D(2026, 2, 1))
    assert blind[0].status is Status.UNKNOWN


def test_the_condition_it_rests_on_ending_stops_it() -> None:
    orphan = {"group": "anak_yatim_piatu", "since": "2020-01-01"}
    case = _case(
        entitlement={"condition": "anak_yatim_piatu"},
        assessments=[
            {"id": "A-1", "assessed_on": "2023-12-01", "conditions": [orphan]},
            {
                "id": "A-2",
                "assessed_on": "2024-02-10",
                "conditions": [{**orphan, "until": "2024-02-10"}],
            },
        ],
    )
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 4, 1))
    assert _statuses(cycles) == [
        ("2024-01-01", "met", ()),
        ("2024-02-01", "met", ()),
        ("2024-03-01", "needs_review", ("aid.entitlement.condition",)),
    ]


def test_a_cycle_on_the_31st_falls_on_the_last_day_of_a_shorter_month() -> None:
    case = _case(entitlement={"starts_on": "2024-01-31"})
    cycles = entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 5, 1))
    assert [(c.starts_on, c.ends_on) for c in cycles] == [
        (D(2024, 1, 31), D(2024, 2, 29)),
        (D(2024, 2, 29), D(2024, 3, 31)),
        (D(2024, 3, 31), D(2024, 4, 30)),
        (D(2024, 4, 30), D(2024, 5, 31)),
    ]
    quarterly = _case(entitlement={"frequency": "triwulanan"})
    cycles = entitlement_cycles(
        quarterly, quarterly.entitlements[0], start=D(2024, 1, 1), end=D(2025, 1, 1)
    )
    assert [c.starts_on.month for c in cycles] == [1, 4, 7, 10]
    assert {c.amount_idr for c in cycles} == {600_000}


def test_a_payment_naming_an_entitlement_the_case_lacks_is_refused() -> None:
    with pytest.raises(InvalidRecord) as raised:
        _case(payments=[{**_yapi("2024-01-05", 200_000), "entitlement": "E-9"}])
    (problem,) = raised.value.errors
    assert problem.code == "case.payment_unknown_entitlement"
    assert problem.loc == ("deliveries", 0, "entitlement")
    assert "E-9" not in str(raised.value)


def test_results_hold_no_personal_data_in_their_reprs() -> None:
    case = _case(payments=[_yapi("2023-10-05", 200_000)])
    shown = repr(
        entitlement_cycles(case, case.entitlements[0], start=D(2024, 1, 1), end=D(2024, 2, 1))
    )
    shown += repr(overpaid(case, on=D(2024, 12, 31))) + repr(case.entitlements[0])
    for personal in ("E-1", "D-1", "P-1"):
        assert personal not in shown


@settings(max_examples=60, deadline=None)
@given(cases(), st.dates(min_value=D(2014, 1, 1), max_value=D(2032, 12, 31)))
def test_no_entitlement_rule_ever_says_no_or_crashes(case: Case, on: dt.date) -> None:
    for entitlement in case.entitlements:
        decision = check_entitlement(case, entitlement, on=on)
        assert decision.outcome is not Outcome.NOT_ELIGIBLE
        assert all(f.status is not Status.NOT_MET for f in decision.findings)
        cycles = entitlement_cycles(case, entitlement, start=on, end=on + dt.timedelta(days=400))
        assert all(c.status in (Status.MET, Status.UNKNOWN, Status.NEEDS_REVIEW) for c in cycles)
        assert all(bool(c.stopped_by) == (c.status is Status.NEEDS_REVIEW) for c in cycles)
    for payment in overpaid(case, on=on):
        assert payment.amount_idr is None or payment.amount_idr >= 0


def test_cycles_before_the_first_rule_set_and_at_the_calendars_end_are_total() -> None:
    # An entitlement recorded from 2005 (before PP 39/2012) lists its cycles: no decree is asked
    # for then; the schedule stops short of the calendar's end instead of overflowing.
    case = _case(birth="2000-01-01", entitlement={"starts_on": "2005-01-31", "programme": None})
    early = entitlement_cycles(case, case.entitlements[0], start=D(2005, 1, 1), end=D(2005, 4, 1))
    decree = [next(f for f in c.findings if f.rule_id == "aid.entitlement.decree") for c in early]
    assert {f.status for f in decree} == {Status.NOT_APPLICABLE}
    assert [c.starts_on for c in early] == [D(2005, 1, 31), D(2005, 2, 28), D(2005, 3, 31)]
    late = entitlement_cycles(case, case.entitlements[0], start=D(9990, 1, 1), end=dt.date.max)
    assert late
    assert late[-1].starts_on < dt.date.max
    assert overpaid(case, on=dt.date.max) == ()


def test_a_cycle_paid_twice_and_a_payment_long_after_the_end_are_overpaid() -> None:
    twice = _case(payments=[_yapi("2024-02-05", 200_000), _yapi("2024-02-20", 200_000)])
    found = overpaid(twice, on=D(2024, 12, 31))
    assert [(o.delivery, o.cycle_start, o.amount_idr, o.rule_ids) for o in found] == [
        ("D-2", D(2024, 2, 1), 200_000, ("aid.entitlement.amount",))
    ]
    late = _case(entitlement={"until": "2024-03-01"}, payments=[_yapi("2026-06-05", 200_000)])
    found = overpaid(late, on=D(2026, 12, 31))
    assert [(o.cycle_start, o.amount_idr, o.rule_ids) for o in found] == [
        (D(2026, 6, 1), 200_000, ("aid.entitlement.term",))
    ]
