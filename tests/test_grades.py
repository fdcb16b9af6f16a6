"""Only verified law says no: a rule graded below ``verified`` never refuses, anywhere.

The grade is part of every rule's declaration (:class:`atensi.rules.Rule`); the cap sits in
``Rule.finding``, where every finding of a declared rule is made. These tests hold the
principle over the whole catalogue: every rule and every citation it may carry (statically),
every guard of the lifecycle, and every finding of every decision the scenarios, the examples
and generated records produce (dynamically) — and show that without the cap they fail.
"""

from __future__ import annotations

import datetime as dt
import json
import pathlib
from collections.abc import Iterable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import atensi
from atensi.model import AssessmentItem, Case, UnitRegistry
from atensi.rules import (
    RULES,
    Decision,
    Finding,
    Rule,
    Status,
    assess_delivery,
    assess_eligibility,
    check_entitlement,
    check_funding,
    check_referral,
    check_transition,
    recommend_services,
    units_serving,
)
from atensi.rules.catalogue import weakest
from atensi.rules.lifecycle import EDGE_GUARDS, GUARDS
from atensi.scenarios import SCENARIOS, scenario_findings
from atensi.testing import (
    cases,
    delivery_near_misses,
    eligibility_near_misses,
    guard_near_misses,
    referral_near_misses,
    transition_near_misses,
)
from atensi.vocab import CaseStage, Citation, Evidence, Target, TerminationReason

EXAMPLES = pathlib.Path(__file__).parent.parent / "examples"
VERIFIED = Citation("pp-39-2012", "Pasal 7", Evidence.VERIFIED)


def violations(findings: Iterable[Finding]) -> list[str]:
    """The findings that say no although their rule or their citation may not."""
    found = []
    for finding in findings:
        declared = RULES.get(finding.rule_id)
        if declared is None:
            found.append(f"{finding.rule_id}: not a declared rule")
        elif finding.status is Status.NOT_MET and not declared.may_refuse(finding.citation):
            cited = "no citation" if finding.citation is None else str(finding.citation)
            found.append(f"{finding.rule_id} ({declared.grade.value}) says no citing {cited}")
    return found


# --- Statically: every rule, every citation it declares ------------------------------------------


@pytest.mark.parametrize("declared", list(RULES.values()), ids=lambda r: r.id)
def test_every_rule_refuses_only_under_verified_law(declared: Rule) -> None:
    for citation in (*declared.citations, None, VERIFIED):
        finding = declared.finding(Status.NOT_MET, "no", "tidak", citation=citation)
        cited = declared.citation if citation is None else citation  # None: the primary one
        assert finding.citation == cited
        verified = cited is not None and cited.evidence is Evidence.VERIFIED
        if declared.grade is Evidence.VERIFIED and verified:
            assert finding.status is Status.NOT_MET
        else:
            assert finding.status is Status.NEEDS_REVIEW, (declared.id, citation)
            assert "needs review" in finding.message.en
            assert "perlu ditinjau" in finding.message.id


def test_a_rule_is_as_weak_as_its_weakest_citation_unless_it_says_otherwise() -> None:
    for declared in RULES.values():
        if declared.cites == "fixed" and declared.citations:
            weakest_cited = weakest(c.evidence for c in declared.citations)
            # A rule may declare itself verified when its refusals cite verified law and its
            # other citations explain met findings only; it may never be weaker than declared.
            assert declared.grade in (weakest_cited, Evidence.VERIFIED), declared.id


def test_the_grade_is_in_the_catalogue_json() -> None:
    assert {r.to_dict()["grade"] for r in RULES.values()} <= {e.value for e in Evidence}
    assert RULES["case.delivery.consent_required"].to_dict()["grade"] == "verified"
    assert RULES["case.delivery.planned"].to_dict()["grade"] == "convention"


def test_every_guard_answers_under_declared_rules() -> None:
    guards = [g for found in GUARDS.values() for g in found]
    guards += [g for found in EDGE_GUARDS.values() for g in found]
    assert guards
    for guard in guards:
        for declared in guard.rules:
            assert RULES[declared.id] is declared


# --- Dynamically: every finding of every decision ----------------------------------------------


def _decisions_of_case(case: Case, registry: UnitRegistry | None) -> Iterator[Decision]:
    day = max([case.opened_on, *(s.on for s in case.stages)])
    for stage in CaseStage:
        for reason in (None, TerminationReason.WITHDRAWAL, TerminationReason.INDEPENDENT_INCOME):
            yield check_transition(case, stage, on=day, reason=reason)
    for delivery in case.deliveries:
        yield assess_delivery(case, delivery)
        yield check_funding(case, delivery, ceiling_idr=1)
        # The same delivery on a case stripped of what it rests on provokes the refusals.
        bare = atensi.model.Case(
            id=case.id,
            subject=case.subject,
            unit=case.unit,
            opened_on=case.opened_on,
            stages=case.stages[:1],
        )
        if delivery.start >= bare.opened_on:
            yield assess_delivery(bare, delivery)
    for referral in case.referrals:
        yield check_referral(case, referral, registry=registry)
    yield recommend_services(case, on=day)
    for entitlement in case.entitlements:  # periodic aid: its stops never say no
        yield check_entitlement(case, entitlement, on=day)
        yield check_entitlement(case, entitlement, on=day, decrees=())


def _example_decisions() -> Iterator[Decision]:
    records = json.loads((EXAMPLES / "cases.json").read_text())
    lines = (EXAMPLES / "assessments.jsonl").read_text().splitlines()
    records += [json.loads(line) for line in lines[::8]]
    for record in records:
        try:
            item = atensi.structure(record, AssessmentItem)
        except atensi.InvalidRecord:  # the examples hold broken records for the demos
            continue
        days = (dt.date(2013, 1, 1), dt.date(2021, 2, 1), dt.date(2024, 6, 1), item.on)
        for on in (day for day in days if day is not None):
            yield assess_eligibility(item.subject, item.assessment, on=on)
            if item.assessment is not None:
                yield recommend_services(item.assessment, subject=item.subject, on=on)


def test_no_scenario_finding_says_no_without_verified_law() -> None:
    found = [v for s in SCENARIOS for v in violations(scenario_findings(s))]
    assert not found, found[:10]


def test_no_example_decision_says_no_without_verified_law() -> None:
    found = [v for d in _example_decisions() for v in violations(d.findings)]
    assert not found, found[:10]


def test_no_coverage_reason_says_no_without_verified_law() -> None:
    registry = atensi.structure(json.loads((EXAMPLES / "registry.json").read_text()), UnitRegistry)
    for on in (dt.date(2020, 6, 1), dt.date(2022, 6, 1), dt.date(2025, 6, 1)):
        for target in Target:
            for region in ("3171", "7371", "9171", "9301", "3201"):
                for unit in units_serving(region, target, on=on, registry=registry):
                    assert not violations(unit.reasons)


_SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@_SLOW
@given(cases())
def test_no_decision_on_a_generated_case_says_no_without_verified_law(case: Case) -> None:
    for decision in _decisions_of_case(case, None):
        assert not violations(decision.findings)


@_SLOW
@given(
    st.one_of(
        transition_near_misses(),
        guard_near_misses(),
        delivery_near_misses(),
        referral_near_misses(),
    )
)
def test_no_near_miss_is_refused_without_verified_law(miss: Any) -> None:
    case = miss.case
    if hasattr(miss, "delivery"):
        decision = assess_delivery(case, miss.delivery)
    elif hasattr(miss, "referral"):
        decision = check_referral(case, miss.referral, registry=miss.registry)
    else:
        decision = check_transition(case, miss.stage, on=miss.on, reason=miss.reason)
    assert not violations(decision.findings)
    assert miss.status in {f.status for f in decision.findings if f.rule_id == miss.rule_id}


@_SLOW
@given(eligibility_near_misses())
def test_no_eligibility_near_miss_says_no_without_verified_law(miss: Any) -> None:
    decision = assess_eligibility(*miss.miss, on=miss.on)
    assert not violations(decision.findings)


# --- Mutation: without the cap, the sweep fails --------------------------------------------------


def _uncapped(
    self: Rule,
    status: Status,
    en: str,
    id_: str,
    facts: Any = (),
    *,
    target: Target | None = None,
    citation: Citation | None = None,
) -> Finding:
    return Finding(
        self.id,
        status,
        atensi.vocab.Label(id_, en),
        self.citation if citation is None else citation,
        facts,
        None if target is None else target.value,
    )


def test_without_the_cap_the_sweep_finds_refusals_under_weaker_law(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(Rule, "finding", _uncapped)
    found = [v for s in SCENARIOS for v in violations(scenario_findings(s))]
    assert found
    # Refusals of convention and secondary rules, in several kinds of decision.
    refused = {v.split(" ")[0] for v in found}
    assert {"case.delivery.planned", "case.consent.guardian"} <= refused
