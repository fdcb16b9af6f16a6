"""A decision dated D cites only instruments in force (or at least signed) on D.

An instrument's earliest known date (signed, promulgated or in force) must fall on or before the
decision's date; an instrument whose days are unknown must at least carry a year no later than
the decision's. Decisions are made at many dates, over generated records and cases, by every
decision function; a finding citing no instrument (practice, a convention) is always fine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.law import get
from atensi.model import Assessment, Case
from atensi.rules import (
    Decision,
    assess_delivery,
    assess_eligibility,
    check_funding,
    check_referral,
    check_transition,
    recommend_services,
)
from atensi.scenarios import SCENARIOS, scenario_findings
from atensi.testing import assessments, cases, families, persons
from atensi.vocab import CaseStage, TerminationReason

FIRST = dt.date(2012, 3, 5)  # PP 39/2012: the first day a decision can be made
DATES = st.dates(min_value=FIRST, max_value=dt.date(2027, 12, 31))


def earliest(identifier: str) -> dt.date:
    """The first day an instrument is known to exist (signed, promulgated or in force)."""
    instrument = get(identifier)
    known = [
        f.value
        for f in (instrument.signed, instrument.promulgated, instrument.in_force_from)
        if f is not None
    ]
    return min(known) if known else dt.date(instrument.year, 1, 1)


def too_early(decision: Decision) -> list[str]:
    """The findings of ``decision`` that cite an instrument that did not yet exist on its date."""
    return [
        f"{f.rule_id} cites {f.citation} on {decision.on}"
        for f in decision.findings
        if f.citation is not None
        and f.citation.instrument is not None
        and earliest(f.citation.instrument) > decision.on
    ]


def _for_case(case: Case) -> Iterator[Decision]:
    day = max([case.opened_on, *(s.on for s in case.stages)])
    for stage in CaseStage:
        for reason in (None, *TerminationReason):
            yield check_transition(case, stage, on=day, reason=reason)
    for delivery in case.deliveries:
        yield assess_delivery(case, delivery)
        yield check_funding(case, delivery, ceiling_idr=1)
    for referral in case.referrals:
        yield check_referral(case, referral)
    yield recommend_services(case, on=day, monthly_income_idr=1, regional_minimum_wage_idr=2)


def _shifted(decisions: Iterable[Decision]) -> list[str]:
    return [problem for d in decisions for problem in too_early(d)]


_SLOW = settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])


@_SLOW
@given(subject=persons() | families(), assessment=assessments(), on=DATES)
def test_eligibility_and_services_cite_what_existed_on_their_date(
    subject: atensi.model.Person, assessment: Assessment, on: dt.date
) -> None:
    assessment = atensi.structure(
        {**atensi.unstructure(assessment), "assessed_on": min(assessment.assessed_on, on)},
        Assessment,
    )
    assert not _shifted(
        [
            assess_eligibility(subject, assessment, on=on),
            recommend_services(assessment, on=on, subject=subject),
        ]
    )


@_SLOW
@given(cases())
def test_lifecycle_deliveries_referrals_and_funding_cite_what_existed(case: Case) -> None:
    assert not _shifted(_for_case(case))


def test_every_scenario_cites_what_existed_on_its_date() -> None:
    problems = []
    for scenario in SCENARIOS:
        on = dt.date.fromisoformat(scenario["on"])
        for finding in scenario_findings(scenario):
            cited = finding.citation
            if (
                cited is not None
                and cited.instrument is not None
                and earliest(cited.instrument) > on
            ):
                problems.append(f"{scenario['name']}: {finding.rule_id} cites {cited}")
    assert not problems, problems[:10]


def test_the_dtks_gate_of_early_2021_cites_the_regulation_then_in_force() -> None:
    # Permensos 3/2021 was signed on 27 May 2021; a decision of February 2021 cites the
    # DTKS regulation in force then.
    person = atensi.structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "1950-01-01"},
        },
        atensi.model.Person,
    )
    assessment = atensi.structure(
        {
            "id": "A",
            "assessed_on": "2021-02-01",
            "in_dtks": False,
            "conditions": [{"group": "lanjut_usia_terlantar"}],
        },
        Assessment,
    )
    decision = assess_eligibility(person, assessment, on=dt.date(2021, 2, 10))
    assert not too_early(decision)
    gate = next(f for f in decision.findings if f.rule_id == "elig.dtks.listed")
    assert gate.citation is not None
    assert gate.citation.instrument != "permensos-3-2021"
