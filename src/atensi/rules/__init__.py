"""Rules: pure functions of typed entities and a date, returning explained decisions."""

from atensi.rules.age import age_on, age_range
from atensi.rules.coverage import (
    CoverageCell,
    CoverageReport,
    ServingUnit,
    coverage,
    unit_state,
    units_serving,
)
from atensi.rules.decision import (
    DECISION_JSON_VERSION,
    Decision,
    Finding,
    Outcome,
    Status,
    decision_from_json,
)
from atensi.rules.eligibility import PRIMARY_ORDER, assess_eligibility
from atensi.rules.lifecycle import InvalidTransition, advance, allowed_next, check_delivery
from atensi.rules.policies import INDICATORS, IndicatorValue, PolicyReport, evaluate_policies
from atensi.rules.services import recommend_services

__all__ = [
    "DECISION_JSON_VERSION",
    "INDICATORS",
    "PRIMARY_ORDER",
    "CoverageCell",
    "CoverageReport",
    "Decision",
    "Finding",
    "IndicatorValue",
    "InvalidTransition",
    "Outcome",
    "PolicyReport",
    "ServingUnit",
    "Status",
    "advance",
    "age_on",
    "age_range",
    "allowed_next",
    "assess_eligibility",
    "check_delivery",
    "coverage",
    "decision_from_json",
    "evaluate_policies",
    "recommend_services",
    "unit_state",
    "units_serving",
]
