"""Every rule's message reads right, in both languages (issue 27, item 9).

"the law's limit of None months" (the order-period rule) and "no a service before a completed
assessment" (the delivery rule) reached users. This renders the findings of every declared rule
with representative facts: the named scenarios, the example portfolio and programme (every
delivery, funding, referral and stage move of their cases), coverage over the example registry,
and the near misses of ``atensi.testing`` (eligibility, transitions, guards, deliveries,
referrals); it requires every rule to be rendered and every message, in Indonesian and English,
to hold no ``None``, no doubled article or word, no "no a", and no unfilled placeholder.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import pathlib
import re
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import atensi
from atensi import rules
from atensi.model import Assessment, Case, Community, Person, Portfolio, StageEntry, UnitRegistry
from atensi.rules import decision as decision_module
from atensi.rules.calendar import duties_due
from atensi.rules.catalogue import RULES
from atensi.rules.procedure import assess_procedure
from atensi.scenarios import SCENARIOS, run_scenario
from atensi.testing import (
    delivery_near_misses,
    eligibility_near_misses,
    guard_near_misses,
    referral_near_misses,
    transition_near_misses,
)
from atensi.vocab import CaseStage, Target, TerminationReason

ROOT = pathlib.Path(__file__).resolve().parents[1]

#: What no message may hold, each with the reason.
WRONG = {
    "None": re.compile(r"\bNone\b"),
    "an unfilled placeholder": re.compile(r"[{}]|%[sdr]\b|<[a-z_]+>"),
    "a doubled article": re.compile(r"\b(a|an|the)\s+(a|an|the)\b", re.IGNORECASE),
    "'no a' or 'no an'": re.compile(r"\bno (a|an)\b", re.IGNORECASE),
    "a doubled word": re.compile(r"\b(\w+)\s+\1\b", re.IGNORECASE),
    "space at an end or twice": re.compile(r"^\s|\s$|\S  +\S"),
}


def _render() -> dict[str, set[tuple[str, str]]]:
    """The messages of every finding the inputs produce, by rule id."""
    seen: dict[str, set[tuple[str, str]]] = collections.defaultdict(set)
    original = decision_module.Finding.__new__
    init = decision_module.Decision.__init__

    def spy(cls: Any, rule_id: str, status: Any, message: Any, *args: Any, **kw: Any) -> Any:
        seen[rule_id].add((message.en, message.id))
        return original(cls, rule_id, status, message, *args, **kw)

    def decided(self: Any, *args: Any, **kw: Any) -> None:
        # Findings made by ``_replace`` or kept by the decision memo reach a decision too.
        init(self, *args, **kw)
        for finding in self.findings:
            seen[finding.rule_id].add((finding.message.en, finding.message.id))

    decision_module.Finding.__new__ = spy  # type: ignore[method-assign,assignment]
    decision_module.Decision.__init__ = decided  # type: ignore[method-assign]
    try:
        _run_everything()
    finally:
        decision_module.Finding.__new__ = original  # type: ignore[method-assign]
        decision_module.Decision.__init__ = init  # type: ignore[method-assign]
    return seen


def _examples() -> tuple[list[Case], list[Portfolio], UnitRegistry]:
    cases, portfolios = [], []
    for line in (ROOT / "examples" / "programme.jsonl").read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if "owner" in data:
            portfolios.append(atensi.structure(data, Portfolio))
        else:
            cases.append(atensi.structure(data, Case))
    example = json.loads((ROOT / "examples" / "portfolio.json").read_text(encoding="utf-8"))
    portfolios.append(atensi.structure(example, Portfolio))
    registry = atensi.structure(
        json.loads((ROOT / "examples" / "registry.json").read_text(encoding="utf-8")),
        UnitRegistry,
    )
    return cases[::4], portfolios, registry


def _moves(case: Case) -> None:
    day = max([e.on for e in case.stages] + [case.opened_on])
    for later in (day, day + dt.timedelta(days=400)):
        for stage in CaseStage:
            for reason in (None, *TerminationReason):
                rules.check_transition(case, stage, on=later, reason=reason)
    earlier = case.opened_on - dt.timedelta(days=1)
    rules.check_transition(case, CaseStage.ASSESSMENT, on=max(earlier, dt.date(2013, 1, 1)))
    rules.recommend_services(case, on=day)


def _run_everything() -> None:
    for scenario in SCENARIOS:
        run_scenario(scenario)
    cases, portfolios, registry = _examples()
    for portfolio in portfolios:
        rules.evaluate_policies(portfolio)
        cases.extend(portfolio.cases[:40])
    for case in cases:
        for delivery in case.deliveries:
            rules.assess_delivery(case, delivery)
            if delivery.funding is not None:
                rules.check_funding(case, delivery)
        for referral in case.referrals:
            rules.check_referral(case, referral, registry=registry)
        _moves(case)
    regions = sorted({u.location for u in registry.units if u.location})[:12]
    for on in (dt.date(2019, 6, 1), dt.date(2024, 6, 1)):
        atensi.coverage(registry, on=on, regions=[*regions, "3171", "1101"])
    _targeted(registry)
    _procedures()
    _near_misses()


def _targeted(registry: UnitRegistry) -> None:
    """Inputs for the rules the scenarios and examples leave out."""
    person = atensi.structure(
        {
            "id": "P",
            "nik": {"reason": "belum_terdaftar"},
            "name": "A",
            "birth_date": {"value": "1990-01-01"},
        },
        Person,
    )
    other = atensi.structure(
        {
            "id": "A",
            "assessed_on": "2026-01-05",
            "conditions": [
                {"group": "ppks_lainnya", "justification": "keluarga tanpa penghasilan setelah PHK"}
            ],
        },
        Assessment,
    )
    for on, income in ((dt.date(2026, 1, 10), 3_000_000), (dt.date(2024, 1, 10), 1_000_000)):
        rules.recommend_services(
            other,
            on=on,
            subject=person,
            monthly_income_idr=income,
            regional_minimum_wage_idr=2_500_000,
            social_worker_recommends_exit=False,
        )
    # A case at assessment with no assessment recorded, asked to move to planning.
    unassessed = Case(
        id="C-1",
        subject=Community(id="K", name="Kampung"),
        unit="U",
        opened_on=dt.date(2024, 1, 2),
        stages=(
            StageEntry(stage=CaseStage.INITIAL_APPROACH, on=dt.date(2024, 1, 2)),
            StageEntry(stage=CaseStage.ASSESSMENT, on=dt.date(2024, 1, 3)),
        ),
    )
    rules.check_transition(unassessed, CaseStage.PLANNING, on=dt.date(2024, 1, 5))
    # Targets PP 39/2012 Pasal 6 names beneath an edition that does not (before 2021).
    regions = sorted({u.location for u in registry.units if u.location})[:6]
    for region in regions:
        for target in Target:
            rules.units_serving(
                region, target, on=dt.date(2024, 6, 1), registry=registry, edition="atensi-2020"
            )


def _procedures() -> None:
    """The procedure decision and the case calendar over the justice and NAPZA example cases."""
    lines = (ROOT / "examples" / "justice.jsonl").read_text(encoding="utf-8").splitlines()
    for line in lines:
        case = atensi.structure(json.loads(line), Case)
        for on in (dt.date(2024, 3, 20), dt.date(2024, 6, 20), dt.date(2024, 9, 13)):
            assess_procedure(case, on=on)
            duties_due(case, on=on, until=on + dt.timedelta(days=200))


@settings(
    max_examples=40,
    derandomize=True,
    database=None,
    phases=[Phase.generate],
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def _near_misses(data: st.DataObject) -> None:
    miss = data.draw(eligibility_near_misses())
    for person, assessment in (miss.eligible, miss.miss):
        atensi.assess_eligibility(person, assessment, on=miss.on)
        rules.recommend_services(assessment, on=miss.on, subject=person)
    for strategy in (transition_near_misses(), guard_near_misses()):
        move = data.draw(strategy)
        rules.check_transition(move.case, move.stage, on=move.on, reason=move.reason)
    delivery = data.draw(delivery_near_misses())
    rules.assess_delivery(delivery.case, delivery.delivery)
    referral = data.draw(referral_near_misses())
    rules.check_referral(referral.case, referral.referral, registry=referral.registry)


@pytest.fixture(scope="module")
def rendered() -> dict[str, set[tuple[str, str]]]:
    return _render()


#: Rules the inputs above do not reach yet, each with why; the test fails when one is reached,
#: so that the list only shrinks.
UNREACHED: dict[str, str] = {}


def test_every_declared_rule_is_rendered(rendered: dict[str, set[tuple[str, str]]]) -> None:
    missing = sorted(set(RULES) - set(rendered) - set(UNREACHED))
    assert not missing, f"rules no input renders: {missing}"
    assert not set(UNREACHED) & set(rendered), "reached now: take them off UNREACHED"


def test_every_message_reads_right_in_both_languages(
    rendered: dict[str, set[tuple[str, str]]],
) -> None:
    wrong = []
    for rule_id, messages in sorted(rendered.items()):
        for en, id_ in sorted(messages):
            for text, lang in ((en, "en"), (id_, "id")):
                assert text, (rule_id, lang)
                for what, pattern in WRONG.items():
                    if pattern.search(text):
                        wrong.append(f"{rule_id} [{lang}] {what}: {text}")
    assert not wrong, "\n".join(wrong)


def test_the_checks_see_what_they_must() -> None:
    samples = {
        "None": "the law's limit of None months",
        "'no a' or 'no an'": "no a service before a completed assessment",
        "a doubled article": "the the order",
        "an unfilled placeholder": "within {limit} months",
        "a doubled word": "perlu perlu ditinjau",
    }
    for what, text in samples.items():
        assert WRONG[what].search(text), what


def _ordered_case(legal_basis: dict[str, Any]) -> Case:
    scenario = next(
        s for s in SCENARIOS if s["name"].startswith("a diversion agreement runs at most")
    )
    record = {**scenario["case"], "legal_basis": legal_basis}
    return atensi.structure(record, Case)


def _order_period_message(case: Case, on: dt.date) -> tuple[str, str]:
    decision = rules.check_transition(case, CaseStage.INTERVENTION, on=on)
    found = [f for f in decision.findings if f.rule_id == "case.consent.order_period"]
    assert len(found) == 1
    return found[0].message.en, found[0].message.id


def test_an_order_past_its_own_end_names_that_end_not_a_limit_of_none() -> None:
    case = _ordered_case(
        {"kind": "putusan_penetapan_rehabilitasi", "issued_on": "2024-01-02", "until": "2024-03-01"}
    )
    en, id_ = _order_period_message(case, dt.date(2024, 5, 10))
    assert "None" not in en
    assert "its own end" in en
    assert "an extension" in en  # the issuer may extend its own order
    assert "perpanjangan" in id_


def test_a_diversion_past_three_months_is_not_offered_an_extension() -> None:
    case = _ordered_case({"kind": "kesepakatan_diversi", "issued_on": "2024-01-03"})
    en, id_ = _order_period_message(case, dt.date(2024, 5, 10))
    assert "the law's limit of 3 months" in en
    assert "extension" not in en
    assert "perpanjangan" not in id_
    assert "batas undang-undang 3 bulan" in id_
