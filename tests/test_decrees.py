"""Beneficiary decrees: the record's shape, and aid that goes to a PM no decree in force lists."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atensi import structure
from atensi.errors import InvalidRecord
from atensi.model import BeneficiaryDecree, Case, Entitlement, Portfolio
from atensi.reports import ProgrammeReport, parse_period
from atensi.rules import Status, check_entitlement, check_funding
from atensi.testing import beneficiary_decrees, cases

DECREE: dict[str, Any] = {
    "id": "SK-1",
    "number": "12/3.4/BS.01/1/2026",
    "issued_on": "2026-01-05",
    "issued_by": "SENTRA-01",
    "valid_from": "2026-01-01",
    "valid_until": "2027-01-01",
    "beneficiaries": [{"subject": "P-1", "target": "anak", "target_group": "anak_yatim_piatu"}],
}


def decree(**changes: Any) -> BeneficiaryDecree:
    return structure({**DECREE, **changes}, BeneficiaryDecree)


def aid_case(start: str = "2026-03-02", decree_id: str | None = None, **subject: Any) -> Case:
    delivery: dict[str, Any] = {
        "id": "D-1",
        "component": "bantuan_asistensi_sosial",
        "approach": "keluarga",
        "provider": "SENTRA-01",
        "start": start,
        "amount_idr": 200000,
        "funding": {"channel": "bansos", "budget_year": int(start[:4])},
    }
    if decree_id is not None:
        delivery["decree"] = decree_id
    person = {"kind": "person", "id": "P-1", "nik": "3171014103900001", "name": "Anak"}
    return structure(
        {
            "id": "C-1",
            "unit": "SENTRA-01",
            "opened_on": f"{start[:4]}-01-02",
            "subject": {**person, **subject},
            "deliveries": [delivery],
        },
        Case,
    )


def decree_status(case: Case, decrees: list[BeneficiaryDecree] | None) -> Status:
    decision = check_funding(case, case.deliveries[0], decrees=decrees)
    return next(f.status for f in decision.findings if f.rule_id == "aid.decree.listed")


def test_a_decree_covers_the_half_open_span_of_its_validity_and_not_before_its_issue() -> None:
    sk = decree(revoked_on="2026-06-01")
    assert not sk.active_on(dt.date(2026, 1, 4))  # valid from 1 January, but not yet issued
    assert sk.active_on(dt.date(2026, 1, 5))
    assert sk.active_on(dt.date(2026, 5, 31))
    assert not sk.active_on(dt.date(2026, 6, 1))  # revoked that day
    assert not decree().active_on(dt.date(2027, 1, 1))  # valid_until is exclusive
    assert decree().entry_for(["P-9", "P-1"]) is not None
    assert decree().entry_for(["P-9"]) is None


@pytest.mark.parametrize(
    ("changes", "code", "where"),
    [
        ({"valid_until": "2025-12-31"}, "date.before_start", ("valid_until",)),
        ({"revoked_on": "2026-01-04"}, "date.before_start", ("revoked_on",)),
        (
            {
                "beneficiaries": [
                    {"subject": "P-1", "target": "lanjut_usia", "target_group": "anak_yatim_piatu"}
                ]
            },
            "decree.group_outside_target",
            ("beneficiaries", 0, "target_group"),
        ),
        (
            {"beneficiaries": [{"subject": "P-1"}, {"subject": "P-1"}]},
            "array.duplicate",
            ("beneficiaries",),
        ),
    ],
)
def test_a_decree_that_contradicts_itself_is_refused_with_its_path(
    changes: dict[str, Any], code: str, where: tuple[Any, ...]
) -> None:
    with pytest.raises(InvalidRecord) as raised:
        decree(**changes)
    found = {(e.code, tuple(e.loc)) for e in raised.value.errors}
    assert any(c == code and loc[: len(where)] == where for c, loc in found), found


def test_the_decree_listing_the_pm_on_the_aids_date_meets_the_rule() -> None:
    assert decree_status(aid_case(decree_id="SK-1"), [decree()]) is Status.MET
    # Not named by the aid, but a decree in force lists the PM.
    assert decree_status(aid_case(), [decree()]) is Status.MET
    # Listed by the case's id rather than the subject's.
    by_case = decree(beneficiaries=[{"subject": "K-9", "case": "C-1"}])
    assert decree_status(aid_case(), [by_case]) is Status.MET


def test_a_family_member_listed_by_the_decree_covers_aid_to_the_family() -> None:
    family = structure(
        {
            "id": "C-1",
            "unit": "SENTRA-01",
            "opened_on": "2026-01-02",
            "subject": {
                "kind": "family",
                "id": "F-1",
                "members": [{"id": "P-1", "nik": "3171014103900001", "name": "Anak"}],
            },
            "deliveries": [
                {
                    "id": "D-1",
                    "component": "bantuan_asistensi_sosial",
                    "approach": "keluarga",
                    "provider": "SENTRA-01",
                    "start": "2026-03-02",
                }
            ],
        },
        Case,
    )
    assert decree_status(family, [decree()]) is Status.MET


@pytest.mark.parametrize(
    ("decrees", "decree_id"),
    [
        ([], None),  # no decree at all
        ([decree(beneficiaries=[{"subject": "P-2"}])], None),  # lists someone else
        ([decree(beneficiaries=[{"subject": "P-2"}])], "SK-1"),  # the one named lists others
        ([decree(issued_on="2026-04-01")], "SK-1"),  # issued after the aid
        ([decree(revoked_on="2026-02-01")], "SK-1"),  # revoked before the aid
        ([decree(valid_until="2026-03-01")], "SK-1"),  # expired before the aid
        ([decree(revoked_on="2026-02-01")], None),  # the only decree no longer runs
    ],
)
def test_aid_no_decree_in_force_covers_is_reviewed_never_refused(
    decrees: list[BeneficiaryDecree], decree_id: str | None
) -> None:
    assert decree_status(aid_case(decree_id=decree_id), decrees) is Status.NEEDS_REVIEW


def test_decrees_not_given_are_unknown_and_before_permensos_15_2025_not_asked() -> None:
    assert decree_status(aid_case(decree_id="SK-1"), None) is Status.UNKNOWN
    # The decree the aid names is not among those given: whether it lists the PM is not known.
    assert decree_status(aid_case(decree_id="SK-9"), [decree()]) is Status.UNKNOWN
    assert decree_status(aid_case(), None) is Status.UNKNOWN
    assert decree_status(aid_case("2024-03-01"), []) is Status.NOT_APPLICABLE
    # The caller's pin moves the answer with every other rule's.
    case = aid_case()
    pinned = check_funding(case, case.deliveries[0], decrees=[], edition="atensi-2022")
    found = {f.rule_id: f.status for f in pinned.findings}
    assert found["aid.decree.listed"] is Status.NOT_APPLICABLE


def test_a_decree_the_aid_names_is_checked_before_permensos_15_2025_citing_convention() -> None:
    # Before the definition is in force, the decree a record names is the record's own claim:
    # checked, and cited as atensi's convention rather than Permensos 15/2025.
    old = decree(issued_on="2024-01-05", valid_from="2024-01-01", valid_until="2024-03-01")
    case = aid_case("2024-03-04", decree_id="SK-1")
    finding = next(
        f
        for f in check_funding(case, case.deliveries[0], decrees=[old]).findings
        if f.rule_id == "aid.decree.listed"
    )
    assert finding.status is Status.NEEDS_REVIEW
    assert "is not valid on the aid's date" in finding.message.en
    assert finding.citation is not None
    assert finding.citation.source != "permensos-15-2025"
    assert decree_status(aid_case("2024-02-05", decree_id="SK-1"), [old]) is Status.MET
    # Named, but the decrees were not given: unknown, as on any other day.
    assert decree_status(aid_case("2024-02-05", decree_id="SK-1"), None) is Status.UNKNOWN


ONE_QUESTION = [
    (None, []),
    (None, [DECREE]),
    (None, [{**DECREE, "beneficiaries": [{"subject": "P-2"}]}]),
    (None, None),
    ("SK-1", [DECREE]),
    ("SK-1", None),
    ("SK-9", [DECREE]),
    ("SK-1", [{**DECREE, "issued_on": "2026-04-01"}]),
    ("SK-1", [{**DECREE, "revoked_on": "2026-02-01"}]),
    ("SK-1", [{**DECREE, "valid_until": "2026-03-01"}]),
    ("SK-1", [{**DECREE, "beneficiaries": [{"subject": "P-2"}]}]),
]


@pytest.mark.parametrize("day", ["2024-03-02", "2026-03-02"])
@pytest.mark.parametrize(("named", "given"), ONE_QUESTION)
def test_aid_and_an_entitlement_get_one_answer_on_one_decree_question(
    named: str | None, given: list[dict[str, Any]] | None, day: str
) -> None:
    decrees = None if given is None else [structure(d, BeneficiaryDecree) for d in given]
    aid = decree_status(aid_case(day, decree_id=named), decrees)
    holder = aid_case(day)
    entitlement: dict[str, Any] = {
        "id": "E-1",
        "programme": "yapi",
        "channel": "bansos",
        "starts_on": day,
    }
    if named is not None:
        entitlement["decree"] = named
    holder = attrs.evolve(
        holder, entitlements=(structure(entitlement, Entitlement),), deliveries=()
    )
    cycle = check_entitlement(
        holder, holder.entitlements[0], on=dt.date.fromisoformat(day), decrees=decrees
    )
    found = {f.rule_id: f.status for f in cycle.findings}
    assert found["aid.entitlement.decree"] is aid


def test_the_programme_report_reads_the_decrees_of_a_portfolio() -> None:
    case = aid_case(decree_id="SK-1")
    portfolio = structure(
        {
            "id": "PF-1",
            "owner": "SENTRA-01",
            "start": "2026-01-01",
            "end": "2026-12-31",
            "cases": [],
            "decrees": [DECREE],
        },
        Portfolio,
    )
    portfolio = attrs.evolve(portfolio, cases=(case,))
    report = ProgrammeReport(parse_period("2026"))
    report.add(portfolio)
    report.add(case)  # alone, its decrees are not known
    assert report.budget.findings[("aid.decree.listed", "met")] == 1
    assert report.budget.findings[("aid.decree.listed", "unknown")] == 1


@settings(max_examples=40, deadline=None)
@given(case=cases(), decrees=st.none() | st.lists(beneficiary_decrees(), max_size=3))
def test_the_decree_rule_never_says_no_and_never_raises(
    case: Case, decrees: list[BeneficiaryDecree] | None
) -> None:
    for delivery in case.deliveries:
        if delivery.start < dt.date(2012, 3, 5):
            continue
        decision = check_funding(case, delivery, decrees=decrees, partnerships=())
        found = [f for f in decision.findings if f.rule_id == "aid.decree.listed"]
        assert len(found) == 1
        assert found[0].status is not Status.NOT_MET


def test_a_refused_decree_names_no_target_group_in_its_messages() -> None:
    with pytest.raises(InvalidRecord) as raised:
        decree(
            beneficiaries=[
                {"subject": "P-1", "target": "lanjut_usia", "target_group": "anak_yatim_piatu"}
            ]
        )
    shown = str(raised.value) + repr(raised.value.errors)
    assert "decree.group_outside_target" in shown
    assert "anak_yatim_piatu" not in shown
    assert "P-1" not in shown
